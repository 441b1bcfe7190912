"""Three gaps in openapi-core 0.23's style readers, filled so it checks what OpenAPI defines.

- `label` and `matrix` path parameters: openapi-core looks them up as `.name` / `;name` while
  its path matcher stores them as `name`, so it never finds one. The readers below look under both.
- deepObject beyond flat objects: OpenAPI defines `deepObject` only for flat objects (`color[R]=100`) and leaves arrays and
nesting undefined; openapi-core refuses them ("not available"). Servers that use the style
(Stripe, Rails, PHP) read brackets: `a[b][c]=v`, `a[0]=v` and `a[]=v`. This loader reads that
convention and hands the value back to openapi-core, which casts and validates it as usual.
- `spaceDelimited`: openapi-core splits on the text `%20`, but it is handed the query already
  percent-decoded, where the separator is a space; the reader below splits on the space.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from openapi_core.casting.schemas import oas30_write_schema_casters_factory, oas31_schema_casters_factory
from openapi_core.deserializing.styles import StyleDeserializersFactory, style_deserializers
from openapi_core.deserializing.styles.util import delimited_loads, label_loads, matrix_loads

_TOKENS = re.compile(r"\[([^\[\]]*)\]")


def deep_object_loads(explode: bool, name: str, schema_type: str, location: Mapping[str, Any]) -> Any:
    """The value under `name[...]` keys, nested by brackets; a KeyError when there is none."""
    tree: dict[str, Any] = {}
    found = False
    for key in list(location.keys()):
        if not key.startswith(name + "["):
            continue
        tokens = _TOKENS.findall(key[len(name):])
        if "".join(f"[{t}]" for t in tokens) != key[len(name):]:
            continue
        getlist = getattr(location, "getlist", None)
        for value in (getlist(key) if getlist else [location[key]]):
            _put(tree, tokens, value)
            found = True
    if not found:
        raise KeyError(name)
    return _lists(tree)


def _put(node: dict[str, Any], tokens: list[str], value: Any) -> None:
    """Set `value` at the bracket path `tokens`; an empty token appends."""
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if token == "":
            token = str(sum(1 for k in node if k.isdigit()))
        if last:
            node[token] = value
        elif not isinstance(node.setdefault(token, {}), dict):
            return  # `a[b]=v` and `a[b][c]=w` both sent (two parameters overlap): `a[b]` keeps its own value
        else:
            node = node[token]


def _lists(node: Any) -> Any:
    """Dicts keyed 0..n-1 become lists, recursively."""
    if not isinstance(node, dict):
        return node
    node = {k: _lists(v) for k, v in node.items()}
    if node and all(k.isdigit() for k in node) and sorted(int(k) for k in node) == list(range(len(node))):
        return [node[str(i)] for i in range(len(node))]
    return node


class _Prefixed(Mapping[str, Any]):
    """A path-parameter mapping that also answers `.name`, `;name` and their `*` forms with `name`'s value."""

    def __init__(self, location: Mapping[str, Any], name: str) -> None:
        self.location = location
        self.aliases = {f"{p}{name}{s}": name for p in ".;" for s in ("", "*")}

    def __getitem__(self, key: str) -> Any:
        return self.location[key] if key in self.location else self.location[self.aliases[key]]

    def __iter__(self) -> Any:
        return iter(self.location)

    def __len__(self) -> int:
        return len(self.location)


def label_path_loads(explode: bool, name: str, schema_type: str, location: Mapping[str, Any]) -> Any:
    """openapi-core's label reader, finding the parameter under its own name."""
    return label_loads(explode, name, schema_type, _Prefixed(location, name))


def matrix_path_loads(explode: bool, name: str, schema_type: str, location: Mapping[str, Any]) -> Any:
    """openapi-core's matrix reader, finding the parameter under its own name."""
    return matrix_loads(explode, name, schema_type, _Prefixed(location, name))


def space_delimited_loads(explode: bool, name: str, schema_type: str, location: Mapping[str, Any]) -> Any:
    """openapi-core's delimited reader, splitting the decoded query value on a space."""
    return delimited_loads(explode, name, schema_type, location, delimiter=" ")


def style_deserializers_factory(openapi_version: str) -> StyleDeserializersFactory:
    """openapi-core's style deserializers with the gaps above filled, for requests."""
    casters = oas30_write_schema_casters_factory if openapi_version.startswith("3.0") else oas31_schema_casters_factory
    return StyleDeserializersFactory(casters, style_deserializers={
        **style_deserializers, "deepObject": deep_object_loads, "label": label_path_loads, "matrix": matrix_path_loads,
        "spaceDelimited": space_delimited_loads,
    })
