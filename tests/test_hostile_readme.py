"""Spec text in the generated README and pyproject.toml is shown as text: it never becomes markup.

A spec whose every string that reaches the README is a Markdown payload (code-span breakers,
images, links, raw HTML, headings, list markers, table pipes) is rendered beside the same spec with
plain words in their place; parsed with a real CommonMark + GFM-table parser, both READMEs must
have the same structure (no image, link, HTML, heading, list, emphasis or table cell more), every
code span must hold exactly the spec's text, and every table row its three cells.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.rendering.escape import markdown, markdown_code, markdown_prose, plain_line
from tests.fuzz.roundtrip import Generated, generate

ROOT = Path(__file__).resolve().parent.parent
README_TEMPLATE = ROOT / "templates" / "README.md.j2"

# One line (names, keys, URLs, paths): what closes a code span, then what would follow it, with the
# markup after an odd and after an even number of backticks.
NAME = "k`[click](https://phish.example)![t](https://t.example/p.png)<img src=https://t.example/i.png>`|a|b"
NAME_EVEN = "k`<img src=https://t.example/p.png>`[click](https://phish.example)|a|b"
# Prose: the same, with line breaks that would start blocks, HTML, emphasis, entities, a link reference.
PROSE = (
    NAME + "\n# H\n- item\n1. one\n<script>alert(1)</script> **b** _i_ ~~s~~ $m$ &amp; &#60;b&#62;\n"
    "[r]: https://ref.example\n---\n> quote\n    indented\n```\nfence\n"
)
# A header or cookie name must be an HTTP token (preflight refuses others), yet a token may hold
# backticks, pipes and emphasis: the same attack within the characters a token allows.
TOKEN = "k`|a|b`**x**~~s~~_i_``#!"
# Code-span edge cases: backtick runs at both ends, a longer run inside, spaces around.
EDGES = ("``x``", "` a ```b` ", "`")

Text = Callable[[str, int], str]


def hostile(kind: str, n: int) -> str:
    """The payload for field `n` of a kind (`name`, `edge` or `prose`)."""
    if kind == "edge":
        return EDGES[n % len(EDGES)] + str(n)
    if kind == "prose":
        return PROSE + str(n)
    if kind == "token":
        return TOKEN + str(n)
    return (NAME, NAME_EVEN)[n % 2] + str(n)


def benign(kind: str, n: int) -> str:
    """Plain words in the same place: the README's structure without any payload."""
    return f"{kind}{n}"


def _spec(t: Text, style: str) -> dict[str, Any]:
    """A spec whose every string the README or pyproject shows comes from `t`, paged in `style`."""
    page = {
        "page": {"page": t("name", 20), "size": t("name", 21), "last-page": t("name", 22)},
        "offset": {"offset": t("name", 20), "limit": t("name", 21), "total": t("name", 22)},
        "cursor": {"cursor": t("name", 20), "next": t("name", 22)},
        "next-link": {"next": t("name", 22)},
    }[style]
    query = [page[k] for k in ("page", "size", "offset", "limit", "cursor") if k in page]
    item = {"type": "object", "properties": {"id": {"type": "string"}}}
    listing = {"type": "object", "properties": {"items": {"type": "array", "items": item}, t("name", 22): {"type": "string"}}}
    error = {"type": "object", "properties": {"message": {"type": "string", "description": t("prose", 30)}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": t("prose", 1), "version": t("name", 2), "description": t("prose", 3)},
        "servers": [{
            "url": "https://api.example.com/" + "{" + t("name", 4) + "}",
            "variables": {t("name", 4): {"default": t("edge", 5), "description": t("prose", 6)}},
        }],
        "tags": [{"name": t("name", 7), "description": t("prose", 8)}],
        "security": [{t("name", 9): [], t("edge", 10): []}, {t("edge", 11): []}],
        "paths": {
            "/" + t("name", 12) + "/{id}": {
                "get": {
                    "operationId": "listThings",
                    "tags": [t("name", 7)],
                    "summary": t("prose", 13),
                    "x-pagination": {"style": style, "items": "items", **page},
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "examples": {"x": {"value": t("prose", 14)}}},
                        *[{"name": q, "in": "query", "schema": {"type": "string"}, "examples": {"x": {"value": t("prose", 15)}}} for q in query],
                        {"name": t("token", 16), "in": "header", "schema": {"type": "string"}, "examples": {"x": {"value": t("edge", 17)}}},
                    ],
                    "responses": {
                        "200": {"description": t("prose", 18), "content": {"application/json": {"schema": listing}}},
                        "404": {"description": t("prose", 19), "content": {"application/json": {"schema": error}}},
                    },
                },
            },
            "/" + t("edge", 23): {
                "post": {
                    "operationId": t("name", 24),
                    "tags": [t("name", 7)],
                    "responses": {"204": {"description": t("prose", 25)}},
                },
            },
        },
        "components": {
            "securitySchemes": {
                t("name", 9): {"type": "apiKey", "in": "header", "name": t("token", 26), "description": t("prose", 27)},
                t("edge", 10): {"type": "apiKey", "in": "query", "name": t("edge", 28), "description": t("prose", 29)},
                t("edge", 11): {"type": "http", "scheme": "bearer"},
            },
        },
    }


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _flat(tokens: list[Token]) -> list[Token]:
    """Every token, inline children in place after their parent."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(_flat(token.children or []))
    return out


def _shape(tokens: list[Token]) -> list[str]:
    """The README's structure: every token but text and code spans, with a fence's place but not its text.

    Code spans are left out: prose may write its own (`markdown_prose` keeps a description's
    `` `Bearer <token>` `` a code span), which shows text literally and adds no structure.
    """
    skipped = ("text", "text_special", "softbreak", "code_inline")
    return [f"{t.type}:{t.tag}:{t.info}" for t in _flat(tokens) if t.type not in skipped]


def _unticked(text: str) -> str:
    """Text without backticks: what prose shows whether a backtick delimits a code span or shows as itself."""
    return text.replace("`", "")


def _text(inline: Token) -> str:
    """What an inline token shows: its text and code, markup gone."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "text_special", "code_inline"))


GeneratedPair = tuple[Generated, Generated]


@pytest.fixture(scope="module", params=["page", "offset", "cursor", "next-link"])
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> GeneratedPair:
    root = tmp_path_factory.mktemp("readme")
    style = str(request.param)
    return generate(_spec(hostile, style), root, "bad"), generate(_spec(benign, style), root, "good")


def test_spec_text_adds_no_markdown_structure(pair: GeneratedPair) -> None:
    bad, good = pair
    bad_tokens = _parser().parse(bad.files["README.md"])
    good_tokens = _parser().parse(good.files["README.md"])
    kinds = {t.type for t in _flat(bad_tokens)}
    assert not kinds & {"image", "html_inline", "html_block", "em_open", "strong_open", "s_open", "blockquote_open", "hr"}
    links = [t.attrs.get("href") for t in _flat(bad_tokens) if t.type == "link_open"]
    assert links == []  # the template writes no link (no placeholder), and spec text adds none
    assert _shape(bad_tokens) == _shape(good_tokens)  # same headings, lists, paragraphs, tables, fences
    spans = [t for t in _flat(bad_tokens) if t.type == "code_inline"]
    assert len(spans) >= len([t for t in _flat(good_tokens) if t.type == "code_inline"])  # code spans only added


def test_code_spans_hold_exactly_the_spec_names(pair: GeneratedPair) -> None:
    bad, _ = pair
    spans = {t.content for t in _flat(_parser().parse(bad.files["README.md"])) if t.type == "code_inline"}
    ir = bad.ir
    names = [s.key for s in ir.schemes] + [s.wire for s in ir.schemes if s.kind == "apikey"] + [ir.base_url]
    names += [v.wire for v in ir.server_variables] + [v.default for v in ir.server_variables]
    names += [f"{op.http_method} {op.path}" for op in ir.operations]
    paged = next(op.pagination for op in ir.operations if op.pagination)
    names += [p for p in (paged.page_param, paged.size_param, paged.offset_param, paged.limit_param, paged.cursor_param) if p]
    names += [".".join(path) for path in (paged.next, paged.last_page, paged.total) if path]
    assert len(names) >= 10
    for name in names:
        assert "`" in name, name  # each name is a payload
        assert name in spans, name


def test_prose_shows_as_the_spec_wrote_it_on_one_line(pair: GeneratedPair) -> None:
    bad, _ = pair
    tokens = _parser().parse(bad.files["README.md"])
    shown = [_text(t) for t in tokens if t.type == "inline"]
    ir = bad.ir
    [ns] = ir.namespaces
    listing = next(op for op in ir.operations if op.pagination)
    for prose in (ir.description, ns.description, listing.summary, ir.server_variables[0].description):
        assert "\n" in prose or prose == plain_line(prose)
        assert any(_unticked(plain_line(prose)) in _unticked(line) for line in shown), prose
    assert any(f"A typed Python client of the {plain_line(ir.api_name)}" in line for line in shown)
    assert any(f"(version {ir.api_version})" in line for line in shown)


def test_every_table_row_keeps_its_cells(pair: GeneratedPair) -> None:
    bad, _ = pair
    tokens = _parser().parse(bad.files["README.md"])
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            cells = []
            for inner in tokens[index + 1:]:
                if inner.type == "tr_close":
                    break
                if inner.type == "inline":
                    cells.append(_text(inner))
            rows.append(cells)
    credentials = [row for row in rows if row[0] in {c.name for c in bad.ir.credentials}]
    expected = {_unticked(plain_line(c.description)) or "a credential of the API" for c in bad.ir.credentials}
    assert {_unticked(row[2]) for row in credentials} == expected
    assert sum("|" in row[2] for row in credentials) == 2  # the payload's pipes stayed inside the cell
    for line in bad.files["README.md"].splitlines():
        if line.startswith("|"):
            assert len(re.findall(r"(?<!\\)\|", line)) in (3, 4), line  # a row: `| a | b |` or `| a | b | c |`


def test_fences_hold_and_hold_python(pair: GeneratedPair) -> None:
    bad, good = pair
    fences = [t for t in _parser().parse(bad.files["README.md"]) if t.type == "fence"]
    assert len(fences) == len([t for t in _parser().parse(good.files["README.md"]) if t.type == "fence"])
    for fence in fences:
        if fence.info == "python":
            ast.parse(fence.content)
    assert any("<img" in f.content for f in fences if f.info == "python")  # example values do reach the code


def test_pyproject_reads_back_the_spec_values(pair: GeneratedPair) -> None:
    bad, _ = pair
    project = tomllib.loads(bad.files["pyproject.toml"])["project"]
    assert project["name"] == bad.ir.dist_name and project["version"] == bad.ir.version
    assert project["description"] == f"Typed Python client of the {plain_line(bad.ir.api_name)}, generated by Trunkline"
    assert "\n" in bad.ir.api_name  # the title's line breaks did not reach the one-line summary


@pytest.mark.parametrize("text", [NAME, NAME_EVEN, PROSE, *EDGES, "", " ", "  a  ", "a\\|b", "\x00\x1b[31m\u202e\u2028x"])
def test_markdown_code_is_one_span_of_the_text(text: str) -> None:
    [_, inline, _] = _parser().parse("see " + markdown_code(text) + " here\n")
    assert [c.type for c in inline.children or []] == ["text", "code_inline", "text"]
    expected = "".join(c if c.isprintable() else " " if c.isspace() else "\ufffd" for c in text)
    assert inline.children[1].content == (expected or " ")


@pytest.mark.parametrize("text", [NAME, NAME_EVEN, PROSE, "1. a", "12) b", "- c", "+ d", "===", "***", "---", "a\\|b", "&lt;", "x\n\n# y"])
def test_markdown_is_text_in_a_paragraph_and_in_a_cell(text: str) -> None:
    tokens = _parser().parse(markdown(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {c.type for c in tokens[1].children or []} <= {"text", "text_special"}
    assert _text(tokens[1]) == plain_line(text)
    tokens = _parser().parse("| h |\n|---|\n| " + markdown(text) + " |\n")
    body = [t for t in tokens[tokens.index(next(t for t in tokens if t.type == "tbody_open")):] if t.type == "inline"]
    assert [_text(t) for t in body] == [plain_line(text)]
    assert {c.type for t in body for c in t.children or []} <= {"text", "text_special"}


@pytest.mark.parametrize(
    "text", [NAME, NAME_EVEN, PROSE, *EDGES, "sent as `Authorization: Bearer <token>` & more", "a ``b ` c`` d", "`|` e", "- `x`"]
)
def test_markdown_prose_is_text_and_code_spans_in_a_paragraph_and_in_a_cell(text: str) -> None:
    for document in (markdown_prose(text) + "\n", "| h |\n|---|\n| " + markdown_prose(text) + " |\n"):
        tokens = _parser().parse(document)
        [inline] = [t for t in tokens if t.type == "inline" and t.content != "h"]
        assert len([t for t in tokens if t.type in ("td_open", "paragraph_open")]) == 1  # one cell, one paragraph
        assert {c.type for c in inline.children or []} <= {"text", "text_special", "code_inline"}
        assert _unticked(_text(inline)) == _unticked(plain_line(text))  # every character shows, in order
    assert markdown_prose("sent as `Authorization: Bearer <token>` & more") == "sent as `Authorization: Bearer <token>` &amp; more"
    assert markdown_prose("`|` e") == "\\`\\|\\` e"  # a pipe would split a table cell: no span


def test_readme_template_uses_the_escaper_of_each_context() -> None:
    """`md` in prose, `md_code` as a whole code span (never between backticks), nothing spec-made in a fence or a table's code."""
    fenced = False
    seen = 0
    for number, line in enumerate(README_TEMPLATE.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
            continue
        bare = re.sub(r"\{%.*?%\}|\{#.*?#\}", "", line)
        for match in re.finditer(r"\{\{(.*?)\}\}", bare):
            expression = match.group(1).strip()
            escaper = re.search(r"\|\s*(md_code|md_prose|md|pycode)\s*$", expression)
            if escaper is None:
                continue
            seen += 1
            before = re.sub(r"\{\{.*?\}\}", "", bare[:match.start()])
            inside_code = before.count("`") % 2 == 1
            where = f"README.md.j2:{number}: {expression}"
            if escaper.group(1) == "pycode":
                assert fenced, where
            elif escaper.group(1) == "md_code":
                assert not fenced and not inside_code and not line.startswith("|"), where
                assert not bare[match.end():].startswith("`") and not bare[:match.start()].endswith("`"), where
            else:
                assert not fenced and not inside_code, where
    assert seen > 20


def test_changelog_shows_spec_names_as_text() -> None:
    from generator.release import changelog, report
    from generator.release.diff import Change, Level

    message = f"operation GET /{NAME} ({PROSE}) was removed"
    change = Change(Level.BREAKING, "operation-removed", "old", f"/paths/~1{NAME}", message)
    for text in (report.markdown([change], level=3), changelog.entry("0.2.0", __import__("datetime").date(2026, 1, 1), [change])):
        tokens = _flat(_parser().parse(text))
        assert not {t.type for t in tokens} & {"image", "link_open", "html_inline", "html_block", "em_open", "hr"}
        assert [t.tag for t in tokens if t.type == "heading_open"] == (["h2", "h3"] if text.startswith("## 0.2.0") else ["h3"])
        [item] = [t for t in tokens if t.type == "inline" and t.map and "removed" in t.content]
        assert _text(item).startswith(plain_line(message))
        assert [c.content for c in item.children or [] if c.type == "code_inline"] == (
            [f"old#/paths/~1{NAME}"] if "~1" in item.content else []
        )


def test_diff_text_is_one_plain_line_per_change(tmp_path: Path) -> None:
    from generator.reading.load import load
    from generator.release import report
    from generator.release.diff import Change, Level

    spec = tmp_path / "s.json"
    spec.write_text('{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}')
    document = load(spec)
    forged = "x\nbreaking      s.json:1:1 /paths  \x1b[2J\x1b]8;;https://phish.example\x07click\x1b]8;;\x07"
    out = report.text([Change(Level.NON_BREAKING, "model-added", "new", "/info", f"model {forged} added")], document, document)
    assert out.count("\n") == 2 and out.splitlines()[1].startswith("1 change(s)")
    assert "\x1b" not in out and "\x07" not in out
