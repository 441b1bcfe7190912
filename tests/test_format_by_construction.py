"""What the templates lay out is black's output already: no file of a vendor package but a model
module goes to black, and the pieces that make that so (one-line docstrings, whole signatures
laid out by `layout`) come out as black writes them."""

from __future__ import annotations

import ast
from pathlib import Path

import black
import pytest

from generator.formatting import fmt
from generator.formatting.layout import layout, layout_files
from generator.formatting.settled import black_reason
from generator.pipeline import package_ir
from generator.rendering.escape import docstring_first, docstring_line
from generator.rendering.layout import fit
from generator.rendering.render import render, static_paths
from generator.targets import vendor_targets

ROOT = Path(__file__).resolve().parent.parent
VENDORS = ["agendize", "hipcall", "monica", "snapcall", "voipnow"]
TEXTS = ['say "hi"', '"quoted" first', "  spaced  ", 'ends in """', "back\\slash\\", "tab\there", 'x"', '"', "plain"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_no_template_file_of_a_vendor_package_goes_to_black(vendor: str) -> None:
    """Every file the templates render (models aside) is one the format stage takes as it is."""
    package = package_ir(vendor_targets(ROOT / "specs", [vendor])[0])
    files = layout_files(render(package))
    static = static_paths(package)
    rendered = {p: t for p, t in files.items() if p.endswith(".py") and p not in static}
    assert len(rendered) > 3
    assert {p: black_reason(t) for p, t in rendered.items() if black_reason(t) is not None} == {}
    assert {p: fmt.format_source(p, t) for p, t in rendered.items()} == rendered


@pytest.mark.parametrize("text", TEXTS)
def test_a_one_line_docstring_is_what_black_writes(text: str) -> None:
    source = f'def f() -> None:\n    """{docstring_line(text)}"""\n'
    assert black.format_str(source, mode=fmt.MODE) == source
    assert black_reason(source) is None
    tree = ast.parse(source)
    assert isinstance(tree.body[0], ast.FunctionDef)
    doc = ast.get_docstring(tree.body[0], clean=False)
    assert doc is not None and doc.strip(" ") == text.strip(" ")  # black's padding is a space at an end


@pytest.mark.parametrize("text", TEXTS)
def test_the_first_line_of_a_longer_docstring_is_what_black_writes(text: str) -> None:
    source = f'def f() -> None:\n    """{docstring_first(text)}\n\n    More.\n    """\n'
    assert black.format_str(source, mode=fmt.MODE) == source
    assert black_reason(source) is None


def test_padding_is_exact() -> None:
    assert docstring_line('say "hi"') == 'say "hi\\" '
    assert docstring_line('"q" first') == ' "q" first'
    assert docstring_first('say "hi"') == 'say "hi\\"'
    assert docstring_line("  spaced  ") == "spaced"


def test_a_long_signature_is_laid_out_as_black_does() -> None:
    head = "class C:\n    @cached_property\n"
    long_def = "    def phone_number_blocks_background_jobs(self) -> PhoneNumberBlocksBackgroundJobsResourceWithRawResponse:\n"
    body = "        return self._client.phone_number_blocks_background_jobs.with_raw_response\n"
    expected = black.format_str(head + long_def + body, mode=fmt.MODE)
    assert layout(head + fit(long_def, "def") + body) == expected
    assert expected.count("\n") == 6  # split: `def x(`, `self,`, `) -> ...:`
    top = "def _base_url(explicit: str | None, domain_name_of_the_server: str | None, region_of_it: str | None) -> str:\n"
    expected_top = black.format_str(top + "    return ''\n", mode=fmt.MODE)
    assert layout(fit(top, "def") + '    return ""\n') == expected_top


@pytest.mark.parametrize(
    "body",
    ['Text\\" ', 'Text\\"  ', 'Text\\"', ' "q" x', '  "q" x', '"q" x', "back\\\\", "odd\\\\\\ ", "Text ", ' \\" ', " x"],
)
def test_the_decision_on_a_docstring_s_ends_agrees_with_black(body: str) -> None:
    """A docstring the decision keeps is one black keeps; the padding black writes itself is kept."""
    source = f'def f() -> None:\n    """{body}"""\n'
    unchanged = black.format_str(source, mode=fmt.MODE) == source
    assert (black_reason(source) is None) == unchanged


LONG_KEY = "conference_recording_status_callback_method_and_then_some_more_words"
AGREEMENT = [
    # a one-item tuple whose item nests brackets two deep: black keeps it on one line
    'X = f(\n    a,\n    (ResponseSpec("text", None, ("text/event-stream",)),),\n)\n',
    'X = f(a, (g(1, ("x",)),))\n',
    # ... but not a call's trailing comma, however deep
    'X = f(a, g(1, ("x",)),)\n',
    'X = f(a, (g(1, h("x",)),))\n',
    # a long dict item of a string and a name: black cannot shorten it
    f'X = {{\n    "{LONG_KEY}": {LONG_KEY},\n    "b": b,\n}}\n',
    f'X = {{\n    "{LONG_KEY}": models.{LONG_KEY},\n}}\n',
    f'X = {{\n    "{LONG_KEY}": {LONG_KEY}\n}}\n',
]


@pytest.mark.parametrize("source", AGREEMENT)
def test_the_decision_on_tuples_and_long_items_agrees_with_black(source: str) -> None:
    unchanged = black.format_str(source, mode=fmt.MODE) == source
    decided = black_reason(source) is None
    assert decided <= unchanged  # sound: what is kept, black keeps
    assert decided == unchanged or "models." in source or source.endswith(f"{LONG_KEY}\n}}\n")


def test_an_empty_description_is_the_docstring_black_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stripe describes hundreds of schemas with "": their docstring comes out as black writes it."""
    from generator.rendering.models import render_models

    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path))
    defs = {"Empty": {"type": "object", "description": "", "properties": {"x": {"type": "string", "description": " "}}}}
    files = render_models(defs, "Shop API", parallel=False)
    module = next(text for path, text in files.items() if "empty" in path)
    assert module.count('    """ """\n') == 1  # the class's; black leaves the string after a field as it is
    assert '    x: str | None = None\n    """\n    \n    """\n' in module
    assert fmt.format_source("m.py", module) == module
    assert black_reason(module.replace('    """\n    \n    """\n', "")) is None


@pytest.mark.parametrize("body", [" ", "", "  ", "\n    ", "\n    \n    "])
def test_the_decision_on_an_empty_docstring_agrees_with_black(body: str) -> None:
    source = f'class A:\n    """{body}"""\n\n    x: int\n'
    unchanged = black.format_str(source, mode=fmt.MODE) == source
    assert (black_reason(source) is None) <= unchanged
    assert black_reason(source) is None or body != " "


EDGES = """openapi: 3.1.0
info: {title: Edges, version: "1.0"}
servers: [{url: "https://x.example"}]
paths:
  /a:
    get:
      operationId: get_a
      summary: '"Quoted" summary "'
      responses: {}
    post:
      operationId: post_a
      responses:
        "200":
          description: ok
          content:
            application/json: {schema: {type: object, properties: {a: {type: string}}}}
            text/csv: {schema: {type: string}}
"""


@pytest.mark.parametrize("spec", ["edges", "fixtures/media_types.yaml", "fixtures/styles.yaml"])
def test_template_branches_the_vendors_do_not_take_need_no_black(spec: str, tmp_path: Path) -> None:
    """No credentials or schemes, an operation without responses, a summary quoted at both ends,
    a second media type read by its own schema: each still laid out as black writes it."""
    from generator.targets import spec_target

    path = tmp_path / "edges.yaml"
    path.write_text(EDGES, encoding="utf-8")
    package = package_ir(spec_target(path if spec == "edges" else ROOT / "tests" / spec, "x"))
    files = layout_files(render(package))
    rendered = {p: t for p, t in files.items() if p.endswith(".py") and p not in static_paths(package)}
    assert {p: black_reason(t) for p, t in rendered.items() if black_reason(t) is not None} == {}
    assert {p: fmt.format_source(p, t) for p, t in rendered.items()} == rendered
    if spec == "edges":
        module = files["src/trunkline_x/resources/a.py"]
        assert "    responses={},\n" in module
        assert '(ResponseSpec("text", None, ("text/csv",)),)' in module
        assert '        """ "Quoted" summary \\" """\n' in module
