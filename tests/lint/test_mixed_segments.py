"""`no-ambiguous-paths` on segments that mix literal text and templates (`{base}...{head}`, `v{version}`, `{name}.json`)."""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

from generator.errors import Finding, Severity
from generator.lint.path_overlap import Order, Overlap, common_text, compare_segments, overlap
from generator.mock.model import MockOperation
from generator.mock.router import Match, Router
from tests.lint.conftest import lint_text

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n"
OK = "      responses: {'200': {description: ok}}\n"
TAIL = (
    "(a `{{name}}` matches one or more characters other than `/`): segments {a!r} and {b!r} are both templates, and "
    "OpenAPI puts only concrete paths before templated ones, so the choice is each router's and routers differ; "
    "make one of them literal or distinct"
)


def _spec(*paths: str) -> str:
    """A spec with one GET per path, each template declared as a string path parameter."""
    text = HEAD
    for path in paths:
        params = ", ".join(f"{{name: {n}, in: path, required: true, schema: {{type: string}}}}"
                           for n in re.findall(r"\{([^{}/]*)\}", path))
        text += f"  {path}:\n" + (f"    parameters: [{params}]\n" if params else "") + "    get:\n" + OK
    return text


def _found(tmp_path: Path, *paths: str, rule: str = "no-ambiguous-paths") -> list[Finding]:
    return [f for f in lint_text(tmp_path, _spec(*paths)) if f.rule == rule]


def _clash(first: str, second: str, example: str, a: str, b: str) -> str:
    """The message for two different templates in one segment."""
    return (f"paths {first!r} and {second!r} can match the same request, e.g. {example!r} "
            + TAIL.format(a=a, b=b))


def test_githubs_compare_paths_are_ambiguous_at_the_later_key(tmp_path: Path) -> None:
    found = _found(tmp_path, "/repos/{repo}/compare/{basehead}", "/repos/{repo}/compare/{base}...{head}")
    assert [(f.rule, f.severity, f.location.pointer, f.location.line) for f in found] == [
        ("no-ambiguous-paths", Severity.WARNING, "/paths/~1repos~1{repo}~1compare~1{base}...{head}", 8)]
    assert found[0].message == _clash("/repos/{repo}/compare/{basehead}", "/repos/{repo}/compare/{base}...{head}",
                                      "/repos/x/compare/x...x", "{basehead}", "{base}...{head}")


def test_a_suffix_template_overlaps_a_whole_segment_template(tmp_path: Path) -> None:
    found = _found(tmp_path, "/a/{x}.json", "/a/{y}")
    assert [f.location.pointer for f in found] == ["/paths/~1a~1{y}"]
    assert found[0].message == _clash("/a/{x}.json", "/a/{y}", "/a/x.json", "{x}.json", "{y}")


def test_a_prefix_template_overlaps_a_whole_segment_template(tmp_path: Path) -> None:
    found = _found(tmp_path, "/{tenant}/items", "/v{version}/items")
    assert [f.location.pointer for f in found] == ["/paths/~1v{version}~1items"]
    assert found[0].message == _clash("/{tenant}/items", "/v{version}/items", "/vx/items", "{tenant}", "v{version}")


def test_two_mixed_templates_overlap_through_each_others_literals(tmp_path: Path) -> None:
    """`x_-x` splits as `x_` + `-` + `x` and as `x` + `_` + `-x`, shorter than `x-x_x`."""
    found = _found(tmp_path, "/f/{a}-{b}", "/f/{c}_{d}")
    assert [f.location.pointer for f in found] == ["/paths/~1f~1{c}_{d}"]
    assert found[0].message == _clash("/f/{a}-{b}", "/f/{c}_{d}", "/f/x_-x", "{a}-{b}", "{c}_{d}")


def test_a_clash_is_reported_even_where_another_segment_is_literal(tmp_path: Path) -> None:
    """`/a/...` has the literal, yet `{x}` and `{z}.json` leave the choice to the router."""
    found = _found(tmp_path, "/a/{x}", "/{y}/{z}.json")
    assert [f.location.pointer for f in found] == ["/paths/~1{y}~1{z}.json"]
    assert found[0].message == _clash("/a/{x}", "/{y}/{z}.json", "/a/x.json", "{x}", "{z}.json")


def test_different_suffixes_do_not_overlap(tmp_path: Path) -> None:
    assert _found(tmp_path, "/a/{x}.json", "/a/{y}.xml", "/a/{z}.json.gz", "/b/v{n}", "/b/w{m}") == []


def test_a_literal_segment_settles_it_as_before(tmp_path: Path) -> None:
    """A literal the template matches is more specific; one it cannot match is no overlap at all."""
    assert _found(tmp_path, "/a/{x}.json", "/a/report.json", "/c/{base}...{head}", "/c/main...dev") == []
    assert _found(tmp_path, "/a/{x}", "/{y}.json/b") == []  # `a` is not `{y}.json`: reported before, wrongly


def test_whole_segment_ambiguity_keeps_its_message(tmp_path: Path) -> None:
    found = _found(tmp_path, "/a/{x}", "/{y}/b")
    assert [(f.location.pointer, f.location.line, f.message) for f in found] == [(
        "/paths/~1{y}~1b", 8,
        "paths '/a/{x}' and '/{y}/b' can match the same request; make one of them literal or distinct")]


def test_equivalent_mixed_paths_stay_no_identical_paths_finding(tmp_path: Path) -> None:
    paths = ("/files/{name}.json", "/files/{id}.json")
    assert _found(tmp_path, *paths) == []
    assert [f.location.pointer for f in _found(tmp_path, *paths, rule="no-identical-paths")] == ["/paths/~1files~1{id}.json"]


def test_each_later_path_is_reported_against_each_earlier_one(tmp_path: Path) -> None:
    found = _found(tmp_path, "/d/{a}", "/d/{b}.json", "/d/{c}.json.gz", "/e/{f}")
    assert [(f.location.pointer, f.message.split(" can ")[0]) for f in found] == [
        ("/paths/~1d~1{b}.json", "paths '/d/{a}' and '/d/{b}.json'"),
        ("/paths/~1d~1{c}.json.gz", "paths '/d/{a}' and '/d/{c}.json.gz'"),
    ]  # `{b}.json` and `{c}.json.gz` share no text: `.json` ends one, `.gz` the other


def test_the_finding_can_be_silenced_on_the_path_item(tmp_path: Path) -> None:
    text = _spec("/c/{basehead}", "/c/{base}...{head}").replace(
        "  /c/{base}...{head}:\n", "  /c/{base}...{head}:\n    x-lint-ignore: {no-ambiguous-paths: GitHub documents both}\n")
    assert [f for f in lint_text(tmp_path, text) if f.rule == "no-ambiguous-paths"] == []


def test_overlap_gives_a_request_path_both_templates_match() -> None:
    assert overlap("/c/{basehead}", "/c/{base}...{head}") == Overlap("/c/x...x", ("{basehead}", "{base}...{head}"))
    assert overlap("/a/{x}", "/{y}/b") == Overlap("/a/b", None)
    assert overlap("/a/{x}", "/a/{y}/c") is None  # segment counts differ
    assert overlap("/a/{x}", "/a/b") is None  # settled by the literal
    assert overlap("/a/{x}.json", "/a/{y}.json") is None  # no-identical-paths'


def test_segment_orders() -> None:
    assert compare_segments("{x}", "{y}") == (Order.SAME, "x")
    assert compare_segments("b", "b") == (Order.SAME, "b")
    assert compare_segments("b", "c") == (Order.DISJOINT, "")
    assert compare_segments("report.json", "{x}.json") == (Order.FIRST, "report.json")
    assert compare_segments("{x}.json", ".json") == (Order.DISJOINT, "")  # a variable is never empty
    assert compare_segments("{x}", "") == (Order.DISJOINT, "")
    assert compare_segments("x", "{a}{b}") == (Order.DISJOINT, "")  # two variables take two characters
    assert compare_segments("{a}{b}", "{c}") == (Order.CLASH, "xx")
    assert compare_segments("{a}...{b}", "{c}.{d}") == (Order.CLASH, "x...x")
    assert compare_segments("a{x}", "{y}b") == (Order.CLASH, "ab")
    assert compare_segments("a{x}a", "{y}b") == (Order.DISJOINT, "")


def _pattern(segment: str) -> re.Pattern[str]:
    """An independent reading of a segment template: each variable is `[^/]+`."""
    return re.compile("".join(re.escape(part) if not part.startswith("{") else "[^/]+"
                              for part in re.split(r"(\{[^{}/]*\})", segment)))


def test_common_text_agrees_with_brute_force_on_every_small_template() -> None:
    """Every template of up to three items (`a`, `.`, a variable) against every other, all texts up to 6 characters."""
    items = ("a", ".", "{v}")
    templates = ["".join(p) for n in range(1, 4) for p in product(items, repeat=n)]
    texts = ["".join(p) for n in range(7) for p in product("a.x", repeat=n)]  # `x`: a character neither uses
    matched = {t: {s for s in texts if _pattern(t).fullmatch(s)} for t in templates}
    for a, b in product(templates, repeat=2):
        text = common_text(a, b)
        both = matched[a] & matched[b]
        if text is None:
            assert not both, (a, b, sorted(both)[:3])
        else:
            assert _pattern(a).fullmatch(text) and _pattern(b).fullmatch(text), (a, b, text)
            assert len(text) == min(map(len, both)), (a, b, text)  # the shortest


def test_trunklines_mock_takes_the_mixed_template_where_the_lint_says_routers_differ() -> None:
    """The mock ranks `{base}...{head}` before `{basehead}`; openapi-core takes `{basehead}` (test_conformance_mockagree)."""
    ops = tuple(MockOperation(p, "GET", p, "", (), None, (), {}, ()) for p in ("/c/{basehead}", "/c/{base}...{head}"))
    found = Router(ops, ()).find("GET", "/c/main...dev")
    assert isinstance(found, Match) and found.operation.path == "/c/{base}...{head}"
    assert found.values == {"base": "main", "head": "dev"}
