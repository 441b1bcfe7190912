"""Format rendered Python files with black, the formatter of record."""

from __future__ import annotations

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

from generator.errors import TrunklineError

MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)


def format_files(files: dict[str, str]) -> dict[str, str]:
    """The same files, Python sources formatted by black."""
    return {path: format_source(path, text) if path.endswith(".py") else text for path, text in files.items()}


def format_source(path: str, text: str) -> str:
    """One source formatted; a TrunklineError if it is not valid Python (a generator bug)."""
    try:
        return black.format_str(text, mode=MODE)
    except InvalidInput as exc:
        raise TrunklineError(f"generated {path} is not valid Python ({exc}); this is a Trunkline bug") from None
