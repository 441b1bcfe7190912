"""Long generated lines laid out as black lays them out, so black's one pass changes nothing."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.formatting import fmt
from generator.formatting.layout import layout, layout_files
from generator.rendering.layout import fit, unmarked

LONG = "models.CodeSecuritySetConfigurationAsDefaultForEnterpriseBodyDefaultForNewRepos"
CHOICES = 'Literal["enabled_for_all_orgs", "disabled_for_all_orgs", "enabled_for_selected_orgs"]'
SORTS = 'Literal["created_at", "-created_at", "updated_at", "-updated_at", "called_at", "-called_at", "x"]'
# (kind, line) for each line of a module; kind None: a line nobody marks.
MODULE = [
    (None, "_OP = OperationSpec("),
    ("call", '    params=(ArgSpec("a_very_long_parameter_name_indeed", "a_very_long_parameter_name_indeed", "query"),),'),
    (None, "    responses={"),
    ("dict", f'        "200": ResponseSpec("json", lambda: {LONG}),'),
    (None, "    },"),
    (None, "    body_fields=("),
    ("list", '        ("dependency_graph_autosubmit_action_options", "dependency_graph_autosubmit_action_options"),'),
    ("list", '        ("short", "short"),'),
    (None, "    ),"),
    (None, ")"),
    (None, ""),
    (None, ""),
    (None, "class Resource:"),
    (None, "    def call("),
    (None, "        self,"),
    (None, "        *,"),
    ("param", f"        fits_in_parentheses: {LONG[:60]} | NotGiven = NOT_GIVEN,"),
    ("param", f"        one_member_a_line: {LONG} | {CHOICES} | NotGiven = NOT_GIVEN,"),
    ("param", f"        required_union: {LONG} | Literal[\"a\", \"b\"],"),
    ("param", f"        subscript_only: builtins.list[{LONG}],"),
    ("param", f"        literal_only: {CHOICES},"),
    ("param", f"        sort: {SORTS} | NotGiven = NOT_GIVEN,"),
    (None, "        request_options: RequestOptions | None = None,"),
    ("returns", f"    ) -> list[{LONG}] | models.ContentFile | models.ContentSymlink:"),
    (None, '        """Docstring."""'),
    ("stmt", f'        return cast("{LONG}", self._client._request(_OP, _args, request_options))'),
    ("stmt", '        return cast("models.PullRequestMergeResult", self._client._request(_MERGE, _args, request_options))'),
    ("stmt", f'        return cast("str", await self._client._request(_{LONG[7:].upper()}, _args, request_options))'),
    ("stmt", f'        return cast("{LONG} | {LONG}", self._client._request(_GET, _args, request_options))'),
    ("stmt", "        self.list_selected_repositories_enabled_github_actions_organization = async_raw_response_wrapper(resource.list_selected_repositories_enabled_github_actions_organization)"),
    ("stmt", "        self.get_webhook_config_for_app = async_raw_response_wrapper(resource.get_webhook_config_for_app)"),
    ("stmt", "        x = 1"),
    ("stmt", f"        _page: AsyncPage[{LONG}, models.PhoneCallList | None] = await self._client._request_page(_LIST, _args)"),
]


def source(marked: bool) -> str:
    return "".join(fit(line + "\n", kind) if marked and kind else line + "\n" for kind, line in MODULE)


def test_marked_lines_come_out_as_black_writes_them() -> None:
    expected = black.format_str(source(marked=False), mode=fmt.MODE)
    assert layout(source(marked=True)) == expected


def test_short_marked_lines_come_out_as_rendered_and_text_without_marks_is_kept() -> None:
    """Rendering marks every line a template lets run long; only formatting knows black's line length."""
    assert fit("        x = 1\n", "stmt") == "\x00stmt\x00        x = 1\x00\n"
    assert layout(fit("        x = 1\n", "stmt")) == "        x = 1\n"
    short_param = "        name: str | None = NOT_GIVEN,\n"  # a union black would not parenthesise: it fits
    assert layout(fit(short_param, "param")) == short_param
    assert layout(source(marked=False)) == source(marked=False)


def test_unmarked_gives_the_rendered_lines_without_marks() -> None:
    assert unmarked(source(marked=True)) == source(marked=False)
    assert unmarked('    "a\\\\1",\n') == '    "a\\\\1",\n'  # backslashes in a line are data, not group references
    assert unmarked(fit('    "a\\\\1",\n', "list")) == '    "a\\\\1",\n'


def test_the_black_run_for_the_rest_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path))
    first = layout(source(marked=True))

    def refuse(path: str, text: str) -> str:
        raise AssertionError("black ran again")

    monkeypatch.setattr("generator.formatting.layout.format_source", refuse)
    assert layout(source(marked=True)) == first


def test_a_long_union_member_and_an_awaited_call_need_no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines `_lay_call` and a one-line union member cannot lay out go to formatting/split.py, not black."""
    lines = [(None, "async def _("), (None, "    *,"), ("param", f"    sort: {SORTS} | NotGiven = NOT_GIVEN,"), (None, ") -> None:"),
             ("stmt", f"    _page: AsyncPage[{LONG}, models.PhoneCallList | None] = await self._client._request_page(_LIST, _args)")]
    plain = "".join(line + "\n" for _, line in lines)
    marked = "".join(fit(line + "\n", kind) if kind else line + "\n" for kind, line in lines)

    def refuse(path: str, text: str) -> str:
        raise AssertionError(f"black was given {text!r}")

    expected = black.format_str(plain, mode=fmt.MODE)
    monkeypatch.setattr("generator.formatting.layout.format_source", refuse)
    assert layout(marked) == expected != plain


@pytest.mark.parametrize("vendor", ["agendize", "hipcall", "monica", "snapcall", "voipnow"])
def test_resource_modules_come_in_black_layout(vendor: str) -> None:
    """Black formats twice when its first pass changes anything; the namespaces are the bulk of
    a client, so they reach black exactly as black would write them."""
    from generator.pipeline import package_ir
    from generator.rendering.render import render
    from generator.targets import vendor_targets

    root = Path(__file__).resolve().parent.parent
    files = layout_files(render(package_ir(vendor_targets(root / "specs", [vendor])[0])))
    modules = {path: text for path, text in files.items() if "/resources/" in path and path.endswith(".py")}
    assert len(modules) > 1
    assert {path: fmt.format_source(path, text) for path, text in modules.items()} == modules
