"""Rules about the `info` object: contact, description, license and the vendor source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule


def _info(context: Context) -> dict[str, Any] | None:
    info = context.document.data.get("info")
    return info if isinstance(info, dict) else None


def _blank(value: Any) -> bool:
    return not (isinstance(value, str) and value.strip())


@rule("info-contact", Severity.WARNING, "`info` has a `contact` object.", "spectral")
def info_contact(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    if info is not None and not isinstance(info.get("contact"), dict):
        yield "/info", "add `info.contact` (name, url or email) so users know who answers for the API"


@rule("contact-properties", None, "`info.contact` has a name, a url and an email.", "spectral")
def contact_properties(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    contact = info.get("contact") if info else None
    if isinstance(contact, dict):
        for key in ("name", "url", "email"):
            if _blank(contact.get(key)):
                yield "/info/contact", f"add `info.contact.{key}`"


@rule("info-description", Severity.WARNING, "`info` has a non-empty `description`.", "spectral")
def info_description(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    if info is not None and _blank(info.get("description")):
        where = "/info/description" if "description" in info else "/info"
        yield where, "add a non-empty `info.description` saying what the API is for"


@rule("info-license", Severity.WARNING, "`info` has a `license` object.", "spectral")
def info_license(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    if info is not None and not isinstance(info.get("license"), dict):
        yield "/info", "add `info.license` naming the terms the API description is published under"


@rule("license-url", Severity.WARNING, "`info.license` links to the license text (`url`, or an SPDX `identifier` in 3.1).", "spectral")
def license_url(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    license_ = info.get("license") if info else None
    if isinstance(license_, dict) and _blank(license_.get("url")):
        if context.version == "3.1" and not _blank(license_.get("identifier")):
            return
        yield "/info/license", "add `info.license.url` linking to the license text"


@rule("info-x-source", Severity.WARNING, "`info.x-source` names the vendor document the spec is written from.")
def info_x_source(context: Context) -> Iterator[tuple[str, str]]:
    info = _info(context)
    if info is not None and _blank(info.get("x-source")):
        yield "/info", "add `info.x-source` naming the vendor document this spec is written from"
