"""The library's top-level modules and packages import each other without cycles.

import-linter's layers contract (pyproject.toml) orders them; this test says which cycle appeared,
naming the import lines, if one does. Imports inside functions and under TYPE_CHECKING count.
"""

from __future__ import annotations

from functools import cache

import grimp

# The front end (entry, cli, commands, fastpath, frontend, typerapp, completion, render, session)
# is not part of the library: its cycles are the front end's own business.
FRONT_END = frozenset(
    {"__main__", "_cli_table", "cli", "commands", "completion", "entry", "fastpath", "frontend", "render"}
    | {"session", "typerapp"}
)


@cache
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("spacefacts", include_external_packages=False)


def top(module: str) -> str | None:
    """The library's top-level module or package a module belongs to (None: the package itself, front end)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in FRONT_END:
        return None
    return parts[1]


def edges(g: grimp.ImportGraph) -> dict[tuple[str, str], list[str]]:
    """(importer, imported) between library tops -> the import lines that make the edge."""
    found: dict[tuple[str, str], list[str]] = {}
    for module in sorted(g.modules):
        a = top(module)
        if a is None:
            continue
        for imported in sorted(g.find_modules_directly_imported_by(module)):
            b = top(imported)
            if b is None or b == a:
                continue
            for detail in g.get_import_details(importer=module, imported=imported):
                found.setdefault((a, b), []).append(
                    f"{module}:{detail['line_number']}: {detail['line_contents']}"
                )
    return found


def cycles(pairs: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one top (Tarjan), each sorted."""
    after: dict[str, set[str]] = {}
    for a, b in pairs:
        after.setdefault(a, set()).add(b)
        after.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(after[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(after):
        if node not in index:
            visit(node)
    return sorted(groups)


def describe(groups: list[list[str]], pairs: dict[tuple[str, str], list[str]]) -> str:
    lines = []
    for group in groups:
        lines.append("cycle: " + ", ".join(group))
        for a in group:
            for b in group:
                lines.extend(f"  {a} -> {b}  {where}" for where in pairs.get((a, b), []))
    return "\n".join(lines)


def test_cycles_finds_a_cycle() -> None:
    pairs = {("a", "b"): ["a:1"], ("b", "c"): ["b:1"], ("c", "a"): ["c:1"], ("c", "d"): ["c:2"]}
    assert cycles(pairs) == [["a", "b", "c"]]
    assert "  c -> a  c:1" in describe(cycles(pairs), pairs)


def test_the_graph_sees_imports_inside_functions() -> None:
    # payloads.resolve imports queries in its body: the graph must hold that edge.
    assert ("payloads", "queries") in edges(graph())


def test_the_library_has_no_import_cycles() -> None:
    pairs = edges(graph())
    groups = cycles(pairs)
    assert not groups, "import cycles between the library's modules:\n" + describe(groups, pairs)
