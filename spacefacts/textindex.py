"""Search entries in a stored form: two texts, decoded entry by entry.

An entry is (kind, id, title, detail, rank bonus, folded names). Thousands of them as tuples cost a
run tens of milliseconds to load and to walk; as two texts (a line per entry) they load as two
strings, and a search scans the names text for its first word and decodes only the lines that hold it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

Entry = tuple[str, str, str, str, int, tuple[str, ...]]  # kind, id, title, detail, rank bonus, folded names


class SearchEntries(Sequence[Entry]):
    """The payload search entries: in memory as built, or stored (`payload-search.cache`) as two
    texts of a line per entry, its folded names (between tabs) and the rest. A search scans the
    names text for its first word and decodes only the entries whose lines hold it."""

    def __init__(self, names: str, rest: str, count: int, built: tuple[Entry, ...] | None = None):
        self._names, self._rest, self._count, self._built = names, rest, count, built
        self._lines: list[tuple[str, str]] | None = None
        self._squeezed: str | None = None

    @classmethod
    def of(cls, entries: tuple[Entry, ...]) -> SearchEntries:
        names = "\n".join("\t".join(entry[5]) for entry in entries)
        rest = "\n".join("\t".join((*entry[:4], str(entry[4]))) for entry in entries)
        return cls(names, rest, len(entries), entries)

    def encode(self) -> tuple[str, str, int]:
        if self._built is not None and any(
            "\t" in text or "\n" in text for entry in self._built for text in (*entry[:4], *entry[5])
        ):
            raise ValueError("a search entry holds a tab or a line break: not stored")
        return (self._names, self._rest, self._count)

    @classmethod
    def decode(cls, stored: Any) -> SearchEntries:
        names, rest, count = stored
        if not isinstance(names, str) or not isinstance(rest, str) or not isinstance(count, int):
            raise ValueError("malformed payload search entries")
        if count and (names.count("\n") != count - 1 or rest.count("\n") != count - 1):
            raise ValueError("malformed payload search entries")
        return cls(names, rest, count)

    def lines_holding(self, word: str, squeezed: bool = False) -> list[int]:
        """Indexes of the entries one of whose names holds `word`, in order. `squeezed`: in the names
        with their spaces taken out ("soyuzms" is in "soyuz ms 11"), as a word's run-together match
        in queries.search needs."""
        found: dict[int, None] = {}
        if squeezed:
            if self._squeezed is None:
                self._squeezed = self._names.replace(" ", "")
            text = self._squeezed
        else:
            text = self._names
        line, previous = 0, 0
        at = text.find(word)
        while at != -1:
            line += text.count("\n", previous, at)
            previous = at
            found[line] = None
            at = text.find(word, at + 1)
        return list(found)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if self._built is not None:
            return self._built[index]
        if self._lines is None:
            self._lines = list(zip(self._names.split("\n"), self._rest.split("\n"), strict=True))
        names, rest = self._lines[index]
        kind, ident, title, detail, bonus = rest.split("\t")
        return (kind, ident, title, detail, int(bonus), tuple(names.split("\t")) if names else ())

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Entry]:
        if self._built is not None:
            yield from self._built
            return
        for i in range(self._count):
            yield self[i]
