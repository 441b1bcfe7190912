"""The models' reference groups: what is generated, cached and laid out as one unit.

Definitions that refer to each other (a strongly connected component of the `$ref` graph) form
a group. A group's Python depends only on its own schemas and the schemas they reach (its
closure), so that is its cache key; a spec change regenerates the groups whose closure it
touches and nothing else. Groups that miss are generated in runs, one per core.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.cache import digest
from generator.modeling.schemas import DEFS


@dataclass(frozen=True)
class Group:
    """Definitions that refer to each other, in the order given, and every definition they reach."""

    names: tuple[str, ...]
    closure: tuple[str, ...]  # the definitions reached from the group, not in it, in the order given


def groups(defs: Mapping[str, Any]) -> list[Group]:
    """The reference groups of `defs`, each after the groups it refers to."""
    order = {name: i for i, name in enumerate(defs)}
    refers = {name: sorted(_refs(schema, defs) - {name}, key=order.__getitem__) for name, schema in defs.items()}
    found = []
    for members in components(refers, order):
        reached: set[str] = set()
        todo = [ref for name in members for ref in refers[name]]
        while todo:
            name = todo.pop()
            if name not in reached:
                reached.add(name)
                todo.extend(refers[name])
        reached -= set(members)
        found.append(Group(tuple(members), tuple(sorted(reached, key=order.__getitem__))))
    return found


def group_key(group: Group, texts: Mapping[str, str], *context: str) -> str:
    """The cache key of a group's models: the group's schemas, their closure's, and `context`."""
    parts = [*context, str(len(group.names))]
    for name in (*group.names, *group.closure):
        parts += [name, texts[name]]
    return digest(*parts)


def schema_texts(defs: Mapping[str, Any]) -> dict[str, str]:
    """Each definition as canonical JSON, computed once for every key it is part of."""
    return {name: json.dumps(schema, sort_keys=True) for name, schema in defs.items()}


def chunks(todo: list[Group], count: int) -> list[list[Group]]:
    """`todo` (dependencies first) cut into at most `count` runs of about equal size.

    A run generates its groups with their closures; neighbours in dependency order share most
    of theirs, so contiguous runs repeat little work.
    """
    total = sum(len(group.names) for group in todo)
    runs: list[list[Group]] = [[]]
    done = 0
    for group in todo:
        if runs[-1] and done >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(group)
        done += len(group.names)
    return runs


def run_defs(run: Iterable[Group], defs: Mapping[str, Any]) -> dict[str, Any]:
    """The definitions a run hands to the model generator: its groups and their closures, in `defs` order."""
    wanted = {name for group in run for name in (*group.names, *group.closure)}
    return {name: schema for name, schema in defs.items() if name in wanted}


def components(refers: Mapping[str, list[str]], order: Mapping[str, int]) -> Iterator[list[str]]:
    """Strongly connected components (Tarjan, iterative), each in `order`, each after those it refers to."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in refers:
        if root in index:
            continue
        work = [(root, iter(refers[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            name, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(refers[child])))
                elif child in on_stack:
                    low[name] = min(low[name], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[name])
            if low[name] == index[name]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == name:
                        break
                yield sorted(group, key=order.__getitem__)


def _refs(schema: Any, defs: Mapping[str, Any]) -> set[str]:
    """The definitions a schema refers to."""
    found: set[str] = set()
    todo = [schema]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(DEFS) and ref[len(DEFS) :] in defs:
                found.add(ref[len(DEFS) :])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return found
