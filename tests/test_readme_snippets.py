"""Every Python block of every generated README runs against `trunkline mock` and passes `mypy --strict`.

Each vendor's blocks are written to files, type-checked together (one mypy run for all vendors) and
run one by one, each in its own process (forked from one that has imported the package), with the
generated package importable, the credentials and the
base URL in the environment (as the README says), and the vendor's mock serving the spec on a free
loopback port. The project README's headline example is checked the same way against Monica.
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from generator.modeling import ir
from tests.replay import GENERATED, ROOT, SPECS, package_ir, vendors

FENCE = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)
LOG_LINE = re.compile(r"^([A-Z]+) (\S+) (\d{3}) [\d.]+ms$")


@dataclass(frozen=True)
class Snippet:
    """One code block: where it comes from and its text."""

    vendor: str
    index: int
    code: str

    @property
    def module(self) -> str:
        return f"{self.vendor}_{self.index:03d}"


def snippets(readme: Path, vendor: str) -> list[Snippet]:
    """The ```python blocks of a README, in order."""
    return [Snippet(vendor, n, block) for n, block in enumerate(FENCE.findall(readme.read_text(encoding="utf-8")))]


class Mock:
    """`python -m generator.mock SPEC` on a free loopback port; `url` is the base URL it printed."""

    def __init__(self, spec: Path) -> None:
        self.log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  (read after stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.mock", str(spec)], cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        ready = selector.select(30)
        selector.close()
        self.url = self.process.stdout.readline().decode().strip() if ready else ""
        assert self.url.startswith("http://127.0.0.1:"), self.stop()

    def stop(self) -> str:
        """Stop the server; what it logged."""
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")


def environment(package: ir.Package, base_url: str) -> dict[str, str]:
    """What a user sets before running a README example: credentials and the base URL, the package importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(package.env_prefix + "_")}
    env.update({c.env: f"test-{c.name}" for c in package.credentials})
    env[f"{package.env_prefix}_BASE_URL"] = base_url
    env["PYTHONPATH"] = str(GENERATED / package.vendor / "src")
    return env


def run(snippet: Snippet, directory: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one snippet as a script in `directory`."""
    path = directory / f"{snippet.module}.py"
    return subprocess.run([sys.executable, str(path)], cwd=directory, env=env, capture_output=True, text=True, timeout=60, check=False)


# Runs each snippet given on the command line as `__main__` in a forked child of one process that has
# imported the package already: a subprocess per snippet, without paying Python's start-up each time.
RUNNER = """
import importlib, os, runpy, sys, traceback
importlib.import_module(sys.argv[1])
for path in sys.argv[2:]:
    pid = os.fork()
    if pid == 0:
        code = 0
        with open(path + ".out", "w") as out, open(path + ".err", "w") as err:
            sys.stdout, sys.stderr = out, err
            try:
                runpy.run_path(path, run_name="__main__")
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:
                traceback.print_exc()
                code = 1
            out.flush()
            err.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    with open(path + ".rc", "w") as rc:
        rc.write(str(os.waitstatus_to_exitcode(status)))
"""


def run_all(group: list[Snippet], module: str, directory: Path, env: dict[str, str]) -> dict[int, subprocess.CompletedProcess[str]]:
    """Run every snippet of `group`, each in its own forked process; the results by snippet index."""
    runner = directory / "_runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    paths = [str(directory / f"{s.module}.py") for s in group]
    done = subprocess.run([sys.executable, str(runner), module, *paths], cwd=directory, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    results = {}
    for snippet, path in zip(group, paths):
        out, err, rc = (Path(path + suffix).read_text(encoding="utf-8") for suffix in (".out", ".err", ".rc"))
        results[snippet.index] = subprocess.CompletedProcess([path], int(rc), out, err)
    return results


ALL = {vendor: snippets(GENERATED / vendor / "README.md", vendor) for vendor in vendors()}
HEADLINE = [s for s in snippets(ROOT / "README.md", "project") if "trunkline_monica" in s.code]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every snippet as a module of one directory."""
    directory = tmp_path_factory.mktemp("snippets")
    for snippet in [*HEADLINE, *(s for group in ALL.values() for s in group)]:
        (directory / f"{snippet.module}.py").write_text(snippet.code, encoding="utf-8")
    return directory


def test_every_readme_has_complete_snippets() -> None:
    counts = {vendor: len(group) for vendor, group in ALL.items()}
    assert set(counts) == {"agendize", "hipcall", "monica", "snapcall", "voipnow"}
    assert all(n >= 12 for n in counts.values()), counts
    assert len(HEADLINE) == 1
    for snippet in [*HEADLINE, *(s for group in ALL.values() for s in group)]:
        assert "..." not in snippet.code and "Ellipsis" not in snippet.code, snippet.module
        assert re.search(r"^(from|import) ", snippet.code, re.MULTILINE), snippet.module  # it imports what it uses
        if "await " in snippet.code:
            assert snippet.code.rstrip().endswith("asyncio.run(main())"), snippet.module


def test_snippets_pass_mypy_strict(written: Path) -> None:
    """One mypy run over every snippet of every vendor, each package found on MYPYPATH."""
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(GENERATED / v / "src") for v in vendors())}
    files = sorted(str(p) for p in written.glob("*.py"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(written / ".mypy_cache"), *files],
        cwd=written, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.fixture(scope="module", params=vendors())
def vendor_run(request: pytest.FixtureRequest, written: Path) -> Iterator[tuple[str, dict[int, subprocess.CompletedProcess[str]], list[tuple[str, str, int]]]]:
    """Every snippet of one vendor run against its mock; the results by index and the requests the mock saw."""
    vendor = str(request.param)
    mock = Mock(SPECS / f"{vendor}.yaml")
    env = environment(package_ir(vendor), mock.url)
    try:
        results = run_all(ALL[vendor], f"trunkline_{vendor}", written, env)
    finally:
        log = mock.stop()
    requests = [(m.group(1), m.group(2), int(m.group(3))) for m in map(LOG_LINE.match, log.splitlines()) if m]
    yield vendor, results, requests


def test_snippets_run_against_the_mock(vendor_run: tuple[str, dict[int, subprocess.CompletedProcess[str]], list[tuple[str, str, int]]]) -> None:
    vendor, results, requests = vendor_run
    failed = {i: r.stderr[-2000:] for i, r in results.items() if r.returncode != 0}
    assert failed == {}
    refused = [r for r in requests if r[2] >= 400]
    assert refused == []  # every request the snippets sent was one the spec allows
    calls = [s for s in ALL[vendor] if re.search(r"\bclient\.\w+\.\w+\(|await client\.", s.code)]
    assert len(requests) >= len(calls) > 5
    operations = {f"{ns.attribute}.{op.method_name}": op for ns in package_ir(vendor).namespaces for op in ns.operations}
    for snippet in ALL[vendor]:
        out = results[snippet.index].stdout
        assert "Ellipsis" not in out
        walk = re.search(r"^for item in client\.(\w+\.\w+)\(", snippet.code, re.MULTILINE)
        if walk is not None and "page = " not in snippet.code:  # one line per item of the documented page at least
            assert len(out.splitlines()) >= (_documented_items(operations[walk.group(1)]) or 0), snippet.module
        elif re.search(r"^\s*print\(", snippet.code, re.MULTILINE) and "except" not in snippet.code:
            assert out.strip(), f"{snippet.module} printed nothing:\n{snippet.code}"


def _documented_items(op: ir.Operation) -> int | None:
    """How many items the first documented answer of a list operation holds; None when none is documented."""
    example = next((e for e in op.examples if e.has_response), None)
    if example is None or op.pagination is None:
        return None
    value = example.response
    for key in op.pagination.items:
        value = value.get(key) if isinstance(value, dict) else None
    return len(value) if isinstance(value, list) else None


def test_pagination_snippet_prints_the_documented_page(vendor_run: tuple[str, dict[int, subprocess.CompletedProcess[str]], list[tuple[str, str, int]]]) -> None:
    vendor, results, _ = vendor_run
    pages = [s for s in ALL[vendor] if "page = client." in s.code and "async" not in s.code]
    if vendor == "agendize":  # no paged list: the README says so and shows no page (issue 20)
        assert pages == [] and "The API documents no paged list." in (GENERATED / vendor / "README.md").read_text()
        return
    [paged] = pages
    package = package_ir(vendor)
    op = next(o for ns in package.namespaces for o in ns.operations if o.pagination is not None)
    lines = results[paged.index].stdout.splitlines()
    count, has_next = lines[0].split(" ")
    assert has_next in ("True", "False")
    documented = _documented_items(op)
    if documented is not None:
        assert int(count) == documented
        assert len(lines) - 1 >= documented  # the walk printed at least the first page's items


def test_project_readme_headline_runs_against_monica(written: Path) -> None:
    [headline] = HEADLINE
    assert "if call.contact is not None:" in headline.code
    mock = Mock(SPECS / "monica.yaml")
    try:
        result = run(headline, written, environment(package_ir("monica"), mock.url))
    finally:
        log = mock.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [  # the four calls of the documented page, which is the last
        "2017-10-07 21:17:45+00:00 Leslie",
        "2017-10-07 22:29:21+00:00 Leslie",
        "2017-10-07 21:00:56+00:00 Leslie",
        "2017-10-07 21:02:57+00:00 Henri",
    ]
    assert all(int(status) < 400 for status in re.findall(r" (\d{3}) [\d.]+ms$", log, re.MULTILINE))


def test_install_section_names_the_index_and_the_wheel() -> None:
    readme = (GENERATED / "monica" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install\n", 1)[1].split("\n## ", 1)[0]
    version = tomllib.loads((GENERATED / "monica" / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert section == (
        "\n```sh\npip install trunkline-monica\n```\n\n"
        "pip takes it from the index it is configured with. A team that publishes its clients to an index\n"
        "of its own (`trunkline publish --repository-url`) installs from that index's simple URL, given\n"
        "once in `PIP_INDEX_URL` or `pip.conf`, or per command:\n\n"
        '```sh\npip install --index-url "$PIP_INDEX_URL" trunkline-monica\n```\n\n'
        "A wheel that `trunkline build` wrote into `dist/` installs from the file:\n\n"
        f"```sh\npip install dist/trunkline_monica-{version}-py3-none-any.whl\n```\n\n"
        "It needs Python 3.11 or later, httpx and pydantic 2. Every example below is a complete program;\n"
        "it reads the credentials (`MONICA_API_KEY`) and the base URL (`MONICA_BASE_URL`) from the environment,\n"
        "so it runs as written against the API or against `trunkline mock`.\n"
    )


@pytest.mark.parametrize("vendor", vendors())
def test_readme_has_no_placeholder_link_and_no_entity_in_code(vendor: str) -> None:
    from markdown_it import MarkdownIt

    readme = (GENERATED / vendor / "README.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable(["table"]).parse(readme)
    flat = [child for t in tokens for child in [t, *(t.children or [])]]
    assert [t.attrs.get("href") for t in flat if t.type == "link_open"] == []  # no link without a configured URL
    assert "https://github.com/)" not in readme and "](https://" not in readme
    code = [t.content for t in flat if t.type in ("code_inline", "fence")]
    assert len(code) > 20
    assert [c for c in code if re.search(r"&(lt|gt|amp|quot|#\d+);", c)] == []
    if vendor in ("agendize", "hipcall", "voipnow"):  # a credential's description writes its header as code
        assert "Authorization: Bearer <token>" in code


def test_markdown_code_shows_markup_characters_as_they_are() -> None:
    from generator.rendering.escape import markdown_code

    assert markdown_code("Authorization: Bearer <token> & co") == "`Authorization: Bearer <token> & co`"
    assert markdown_code("a `b` c") == "``a `b` c``"


def test_upload_and_form_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    """No vendor takes files or forms; the wire-bodies spec does: its README's blocks type-check too."""
    from tests.fuzz.roundtrip import generate
    from tests.test_wire_bodies import SPEC as BODIES

    generated = generate(BODIES, tmp_path, "bodies_readme")
    blocks = FENCE.findall(generated.files["README.md"])
    section = generated.files["README.md"].split("## Uploads and form bodies", 1)[1].split("\n## ", 1)[0]
    assert section.count("```python") == 3  # a file field, a binary body, a nested form
    for index, block in enumerate(blocks):
        assert "..." not in block
        (tmp_path / f"block_{index:02d}.py").write_text(block, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(tmp_path / ".mypy_cache"),
         *sorted(str(p) for p in tmp_path.glob("block_*.py"))],
        cwd=tmp_path, env={**os.environ, "MYPYPATH": str(tmp_path / "bodies_readme" / "src")},
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr
