"""Render a list of classified changes as text, JSON or Markdown."""

from __future__ import annotations

import json

from generator.reading.load import Document
from generator.release.diff import Change, Level
from generator.rendering import escape

HEADINGS = {Level.BREAKING: "Breaking changes", Level.NON_BREAKING: "Non-breaking changes", Level.DOCS: "Documentation"}


def counts(changes: list[Change]) -> dict[str, int]:
    """How many changes of each level, every level present."""
    return {level.value: sum(1 for c in changes if c.level is level) for level in Level}


def grouped(changes: list[Change]) -> dict[Level, list[Change]]:
    """Changes by level, most severe first, empty levels left out."""
    return {level: [c for c in changes if c.level is level] for level in Level if any(c.level is level for c in changes)}


def text(changes: list[Change], old: Document, new: Document) -> str:
    """One line per change, `level  file:line:col pointer  message`, then a summary line."""
    lines = []
    for change in changes:
        where = (old if change.side == "old" else new).locate(change.pointer)
        # one line per change whatever the spec names hold: no line break, no terminal control sequence
        lines.append(f"{change.level.value:<13} {where}  {escape.plain_line(change.message)}")
    n = counts(changes)
    lines.append(f"{len(changes)} change(s): {n['breaking']} breaking, {n['non-breaking']} non-breaking, "
                 f"{n['documentation']} documentation-only")
    return "\n".join(lines) + "\n"


def as_json(changes: list[Change], old: Document, new: Document) -> str:
    """A JSON object with both sides, the counts and every change with its location."""
    items = []
    for change in changes:
        where = (old if change.side == "old" else new).locate(change.pointer)
        items.append({"level": change.level.value, "code": change.code, "side": change.side, "file": where.file,
                      "line": where.line, "column": where.col, "pointer": change.pointer, "message": change.message})
    return json.dumps({"old": old.display, "new": new.display, "summary": counts(changes), "changes": items}, indent=2) + "\n"


def markdown(changes: list[Change], old: Document | None = None, new: Document | None = None, level: int = 2,
             pointers: bool = True) -> str:
    """Sections by level, one bullet per change with its pointer; also the body of a changelog entry."""
    out: list[str] = []
    if old is not None and new is not None:
        out += [f"{'#' * level} Changes from `{old.display}` to `{new.display}`", ""]
        level += 1
    if not changes:
        return "\n".join(out + ["No changes.", ""])
    for kind, items in grouped(changes).items():
        out += [f"{'#' * level} {HEADINGS[kind]}", ""]
        # spec names in a message or pointer stay text: escaped prose, a code span no backtick closes
        out += [f"- {escape.markdown(c.message)}" + (f" ({escape.markdown_code(f'{c.side}#{c.pointer}')})" if pointers else "")
                for c in items]
        out.append("")
    return "\n".join(out)

