"""Publishing against a real package index: pypiserver on loopback, every generated package built,
uploaded, installed into a fresh virtual environment from that index alone, imported, and one of
its README's documented calls run against a mock transport; a re-upload is refused.

The clients' own dependencies (httpx, pydantic and what they need) must be on the index too. They
are repacked as wheels from this interpreter's installed copies, which is offline and fast. Each
fresh environment is made without pip (`ensurepip` costs seconds per environment) and filled by
this interpreter's pip through `pip --python`, with `--index-url` the local index and nothing else.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import Distribution, distribution
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from generator.cli import main
from generator.modeling import ir
from generator.release.packages import find
from tests import replay

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
VENDORS = sorted(p.name for p in GENERATED.iterdir() if (p / "pyproject.toml").is_file())


def dependency_closure(names: list[str]) -> list[Distribution]:
    """The installed distributions `names` need at run time, transitively."""
    seen: dict[str, Distribution] = {}
    todo = list(names)
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        dist = distribution(name)
        seen[name] = dist
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return [seen[k] for k in sorted(seen)]


def repack(dist: Distribution, dest: Path) -> Path:
    """A wheel of an installed distribution, rebuilt from its RECORD with a fresh RECORD."""
    tags = [line.split(":", 1)[1].strip() for line in (dist.read_text("WHEEL") or "").splitlines() if line.startswith("Tag:")]
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"]).lower()
    wheel = dest / f"{name}-{dist.version}-{tags[0]}.whl"
    files = [f for f in dist.files or [] if not str(f).startswith("..") and "__pycache__" not in f.parts]
    info = next(f.parts[0] for f in files if f.parts[0].endswith(".dist-info"))
    skip = {f"{info}/{n}" for n in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")}
    record = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for f in sorted(files, key=str):
            arcname = f.as_posix()
            if arcname in skip:
                continue
            data = Path(str(dist.locate_file(f))).read_bytes()
            archive.writestr(arcname, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{arcname},sha256={digest},{len(data)}")
        record.append(f"{info}/RECORD,,")
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return wheel


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(packages: Path) -> Iterator[str]:
    """A pypiserver on loopback serving (and accepting uploads into) the `packages` directory; its URL."""
    port = free_port()
    log_path = packages.parent / f"pypiserver-{packages.name}.log"
    log = open(log_path, "w")  # noqa: SIM115 (open while the server runs)
    server = subprocess.Popen(
        [sys.executable, "-m", "pypiserver", "run", "-p", str(port), "-i", "127.0.0.1", "-a", ".", "-P", ".",
         "--disable-fallback", str(packages)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"pypiserver did not start: {log_path.read_text()}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A pypiserver on loopback serving a packages directory that holds the clients' dependencies."""
    packages = tmp_path_factory.mktemp("index")
    for dist in dependency_closure(["httpx", "pydantic"]):
        repack(dist, packages)
    with serve(packages) as url:
        yield url


@pytest.fixture(scope="module")
def published(index: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every generated package built into a dist directory and published to the index."""
    dist = tmp_path_factory.mktemp("dist")
    assert main(["build", "--generated", str(GENERATED), "--dist", str(dist)]) == 0
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TWINE_USERNAME", "trunkline")
        env.setenv("TWINE_PASSWORD", "unused-by-this-index")
        assert main(["publish", "--generated", str(GENERATED), "--dist", str(dist), "--repository-url", index]) == 0
    return dist


def test_every_package_built_and_listed_on_the_index(published: Path, index: str) -> None:
    for package in find(GENERATED, []):
        names = {p.name for p in package.built(published)}
        assert names == {f"{package.stem}.tar.gz", f"{package.stem}-py3-none-any.whl"}
        with urllib.request.urlopen(f"{index}simple/{package.project}/") as page:
            listed = page.read().decode()
        assert all(name in listed for name in names), listed


@dataclass(frozen=True)
class Call:
    """One README call example of a package and the answer the mock transport gives it."""

    method: str
    path: str
    status: int
    body: Any
    credentials: dict[str, str]
    snippet: str
    variable: str


def readme_snippet(vendor: str, namespace: str, op: ir.Operation) -> str | None:
    """The README's example of `op`: a complete program that makes its own client."""
    readme = (GENERATED / vendor / "README.md").read_text()
    heading = f"#### `{namespace}.{op.method_name}` — `{op.http_method} {op.path}`"
    if heading not in readme:
        return None
    block = readme[readme.index(heading):]
    code = block[block.index("```python\n") + len("```python\n"):]
    return code[:code.index("```")].rstrip("\n")


def documented_call(vendor: str) -> Call:
    """A README call with a documented JSON answer (a non-paged one first); for a spec that documents
    no exchange at all, the README's first paged call answered by an empty page, or else its first
    call that needs no argument, answered by an empty JSON object."""
    cases = [c for c in replay.cases() if c.vendor == vendor and c.example.has_response
             and c.example.status in (None, "200", "201") and c.operation.examples[0] == c.example]
    for case in sorted(cases, key=lambda c: c.operation.pagination is not None):
        snippet = readme_snippet(vendor, case.namespace, case.operation)
        if snippet and "\nresult = client." in snippet:
            return Call(case.operation.http_method, case.operation.path, int(case.example.status or 200), case.example.response,
                        replay.credentials(case), snippet, "result")
    package = replay.package_ir(vendor)
    schemes = {s.key: s for s in package.schemes}
    for ns in package.namespaces:
        for op in ns.operations:
            snippet = readme_snippet(vendor, ns.attribute, op)
            if op.pagination is None or not snippet:
                continue
            body: Any = []
            for key in reversed(op.pagination.items):
                body = {key: body}
            credentials = {schemes[k].credential: f"test-{schemes[k].credential}" for k in (op.security[0] if op.security else ())}
            return Call(op.http_method, op.path, 200, body, credentials, snippet, "page")
    for ns in package.namespaces:
        for op in ns.operations:
            snippet = readme_snippet(vendor, ns.attribute, op)
            if snippet and "\nresult = client." in snippet:
                credentials = {schemes[k].credential: f"test-{schemes[k].credential}" for k in (op.security[0] if op.security else ())}
                return Call(op.http_method, op.path, 200, {}, credentials, snippet, "result")
    raise AssertionError(f"{vendor}: no README call example to run")


# The README's program runs as written; every httpx.Client it makes answers from a mock transport.
SCRIPT = """
import json, httpx

seen = []

def handler(request):
    seen.append((request.method, request.url.path))
    return httpx.Response({status}, headers={{"content-type": "application/json"}}, content={body!r})

_init = httpx.Client.__init__

def _mocked(self, *args, **kwargs):
    _init(self, *args, **{{**kwargs, "transport": httpx.MockTransport(handler)}})

httpx.Client.__init__ = _mocked
namespace = {{}}
exec(compile({snippet!r}, "README", "exec"), namespace)
value = namespace.get({variable!r})
print(json.dumps({{"seen": seen, "type": type(value).__name__}}))
"""


@pytest.mark.parametrize("vendor", VENDORS)
def test_install_from_the_index_alone_and_run_a_documented_call(vendor: str, published: Path, index: str, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    package = find(GENERATED, [vendor])[0]
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--disable-pip-version-check",
         "--no-cache-dir", "--index-url", f"{index}simple/", f"{package.name}=={package.version}"],
        check=False, capture_output=True, text=True, env={**os.environ, "PIP_CONFIG_FILE": os.devnull})
    assert install.returncode == 0, install.stderr
    call = documented_call(vendor)
    module = package.name.replace("-", "_")
    script = SCRIPT.format(module=module, status=call.status, body=json.dumps(call.body), credentials=call.credentials,
                           snippet=call.snippet, variable=call.variable)
    env = {c.env: call.credentials[c.name] for c in replay.package_ir(vendor).credentials if c.name in call.credentials}
    ran = subprocess.run([str(python), "-c", script], check=False, capture_output=True, text=True, cwd=tmp_path,
                         env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), **env})
    assert ran.returncode == 0, f"{call.snippet}\n{ran.stderr}"
    out = json.loads(ran.stdout.strip().splitlines()[-1])
    (method, path), = out["seen"]
    assert method == call.method
    template = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(call.path))
    assert re.search(template + "$", path), (path, call.path)
    if call.variable == "result":  # a paged call's README loops over items; an empty page has none
        assert out["type"] not in ("NoneType", "dict", "Response")
    # the package came from the venv, not from this checkout
    where = subprocess.run([str(python), "-c", f"import {module} as m; print(m.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert where.startswith(str(venv))


def test_republishing_an_existing_version_is_refused(published: Path, index: str, capsys: pytest.CaptureFixture[str]) -> None:
    vendor = VENDORS[0]
    package = find(GENERATED, [vendor])[0]
    before = sorted(p.name for p in Path(published).iterdir())
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TWINE_USERNAME", "trunkline")
        env.setenv("TWINE_PASSWORD", "unused-by-this-index")
        capsys.readouterr()
        assert main(["publish", vendor, "--generated", str(GENERATED), "--dist", str(published), "--repository-url", index]) == 1
        err = capsys.readouterr().err
        assert f"{package.name} {package.version} is already on {index}simple/" in err
        assert "nothing was uploaded" in err
        # the index itself also says no (409/400 "already exists") when the page check is bypassed
        assert main(["publish", vendor, "--generated", str(GENERATED), "--dist", str(published), "--repository-url", index,
                     "--index-url", f"{index}nowhere/"]) == 1
        assert "that version is already there" in capsys.readouterr().err
    assert sorted(p.name for p in Path(published).iterdir()) == before


def test_publish_without_credentials_is_an_input_error(published: Path, index: str, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("TWINE_USERNAME", "TWINE_PASSWORD", "TRUNKLINE_USERNAME", "TRUNKLINE_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    assert main(["publish", "--generated", str(GENERATED), "--dist", str(published), "--repository-url", index]) == 2
    assert "no credentials: set TWINE_USERNAME" in capsys.readouterr().err


def test_publish_before_build_says_what_to_do(index: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_USERNAME", "u")
    monkeypatch.setenv("TRUNKLINE_PASSWORD", "p")
    assert main(["publish", VENDORS[0], "--generated", str(GENERATED), "--dist", str(tmp_path), "--repository-url", index]) == 2
    assert f"run `trunkline build {VENDORS[0]}` first" in capsys.readouterr().err


def test_unreachable_index_is_reported(published: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINE_USERNAME", "u")
    monkeypatch.setenv("TWINE_PASSWORD", "p")
    url = f"http://127.0.0.1:{free_port()}/"
    assert main(["publish", VENDORS[0], "--generated", str(GENERATED), "--dist", str(published), "--repository-url", url]) == 2
    assert "is the index running and the URL right?" in capsys.readouterr().err
    shutil.rmtree(published / "nothing", ignore_errors=True)


def test_skip_existing_skips_what_the_index_has_and_uploads_the_rest(published: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A re-run of a publish job: one package fully on the index, one half (its wheel only), the rest absent."""
    monkeypatch.setenv("TWINE_USERNAME", "trunkline")
    monkeypatch.setenv("TWINE_PASSWORD", "unused-by-this-index")
    packages = find(GENERATED, [])
    full, half, *rest = packages
    served = tmp_path / "served"
    served.mkdir()
    for path in full.built(published):
        shutil.copy(path, served / path.name)
    wheel = next(p for p in half.built(published) if p.suffix == ".whl")
    shutil.copy(wheel, served / wheel.name)
    before = {p.name: p.stat().st_mtime_ns for p in served.iterdir()}
    argv = ["publish", "--generated", str(GENERATED), "--dist", str(published)]
    with serve(served) as url:
        capsys.readouterr()
        assert main([*argv, "--repository-url", url]) == 1  # without the option: refused, nothing uploaded
        assert "or pass --skip-existing" in capsys.readouterr().err
        assert sorted(p.name for p in served.iterdir()) == sorted(before)
        assert main([*argv, "--repository-url", url, "--skip-existing"]) == 0
        out = capsys.readouterr().out.splitlines()
        index = f"{url}simple/"
        assert f"{full.name} {full.version} is on {index} already ({', '.join(p.name for p in full.built(published))}); skipped" in out
        sdist = f"{half.stem}.tar.gz"
        assert f"{half.name} {half.version} is on {index} already ({wheel.name}); uploading the rest ({sdist})" in out
        assert f"published {half.name} {half.version} to {url}" in out
        for package in rest:
            assert f"published {package.name} {package.version} to {url}" in out
        assert out[-1] == f"publish: {len(packages) - 1} uploaded, 1 skipped (already on {index})"
        assert sorted(p.name for p in served.iterdir()) == sorted(p.name for package in packages for p in package.built(published))
        assert all(served.joinpath(name).stat().st_mtime_ns == mtime for name, mtime in before.items())  # not uploaded again
        # the index's own "already there" (a race with the page check, here bypassed) is a skip too
        assert main([*argv, "--repository-url", url, "--index-url", f"{url}nowhere/", "--skip-existing", full.vendor]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out == [f"{full.name} {full.version} appeared on the index meanwhile; skipped",
                       f"publish: 0 uploaded, 1 skipped (already on {url}nowhere/)"]
