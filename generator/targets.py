"""What to generate: one target per package, from the vendor specs or from one spec file.

Kept free of heavy imports so that a run with nothing to regenerate starts and ends fast.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.cache import digest, generator_digest
from generator.errors import Location, TrunklineError, UsageError
from generator.modeling.naming import vendor_names
from generator.rendering.escape import LINK_URL
from generator.versions import INITIAL_VERSION, changelog, package_version


@dataclass(frozen=True)
class Target:
    """One package to generate: the spec it comes from and its directory name."""

    name: str
    spec: Path
    version: str = INITIAL_VERSION
    changelog: str | None = None
    # Our own specs must lint clean to generate; a third-party spec (`--spec`) need only be usable.
    strict: bool = True
    # the packages' Project-URLs, label -> URL, from `[tool.trunkline.package] urls` (none: no link anywhere)
    urls: tuple[tuple[str, str], ...] = ()


_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9 ._-]{0,31}")


def project_urls(start: Path) -> tuple[tuple[str, str], ...]:
    """The Project-URLs configured in the nearest pyproject.toml above `start`: `[tool.trunkline.package] urls`.

    A label is a word of up to 32 characters; a URL is http(s) without spaces, quotes, brackets or
    parentheses, so it sits safely in TOML and in a Markdown link. Anything else is an error (exit 2).
    """
    for folder in (start.resolve(), *start.resolve().parents):
        config = folder / "pyproject.toml"
        if config.is_file():
            break
    else:
        return ()
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TrunklineError(f"cannot read the package configuration: {exc}", Location(str(config))) from None
    urls = data.get("tool", {}).get("trunkline", {}).get("package", {}).get("urls", {})
    where = Location(str(config), "/tool/trunkline/package/urls")
    if not isinstance(urls, dict):
        raise TrunklineError("`urls` must be a table of label = URL", where)
    for label, url in urls.items():
        if not _LABEL.fullmatch(label) or not isinstance(url, str) or not LINK_URL.fullmatch(url):
            raise TrunklineError(
                f"Project-URL {label!r} = {url!r}: give a label of letters, digits and spaces and an http(s) URL "
                "without spaces, quotes, brackets or parentheses", where,
            )
    return tuple(urls.items())


def vendor_targets(specs_dir: Path, vendors: list[str]) -> list[Target]:
    """The targets for `vendors` (all specs in `specs_dir` when empty)."""
    if not specs_dir.is_dir():
        raise TrunklineError(f"no specs directory at {specs_dir}; run from the project root or pass --specs")
    # Hidden files are a tool's configuration (`.spectral.yaml`), never a vendor's spec.
    available = {p.stem: p for p in sorted(specs_dir.glob("*.yaml")) if not p.name.startswith(".")}
    if not vendors:
        if not available:
            raise TrunklineError(f"no specs (*.yaml) in {specs_dir}")
        vendors = list(available)
    unknown = [v for v in vendors if v not in available]
    if unknown:
        raise TrunklineError(f"no spec for {', '.join(unknown)} in {specs_dir}; known: {', '.join(available)}")
    for vendor in vendors:
        vendor_names(vendor)  # refuse a file name that cannot name a package before any work
    urls = project_urls(specs_dir)
    return [Target(v, available[v], package_version(specs_dir, v), changelog(specs_dir, v), urls=urls) for v in vendors]


def spec_target(spec: Path, name: str | None = None) -> Target:
    """The target of one arbitrary spec file; the package is named after the file unless `name`."""
    if not spec.is_file():
        raise TrunklineError(f"no spec file at {spec}; give the path of an OpenAPI 3.0 or 3.1 YAML or JSON file")
    raw = name if name is not None else spec.name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        raise UsageError(f"cannot make a package name of {raw!r}; pass --name with letters, digits and `_`")
    return Target(slug, spec, strict=False, urls=project_urls(spec.parent))


def inputs_digest(target: Target) -> str:
    """One hash over everything the package is made from; its manifest records it."""
    urls = "\n".join(f"{label}={url}" for label, url in target.urls)
    return digest(target.spec.read_bytes(), target.name, target.version, target.changelog or "", urls, generator_digest())
