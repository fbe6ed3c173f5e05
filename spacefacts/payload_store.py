"""The stored form of the payloads (spacefacts.payloads): what a run reads instead of payloads.toml.

`payloads.cache` holds the small part (the famous payloads, owners, the row count) and is read
whenever payloads are asked about. `payload-rows.cache` holds the 31,000 rows and the name index
as two texts: one string each to load rather than 250,000 objects (which took marshal about
0.2 s), split into a row or searched for a key only when a command needs one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, overload

from spacefacts.model import Time

if TYPE_CHECKING:
    from types import ModuleType

    from spacefacts.dataset import Dataset

T = TypeVar("T")
# spacefacts.payloads.Payload and Payloads: the payloads module hands its types to decode(), as this
# module may not import it (it imports this one; the layers in pyproject.toml).
Payload = Any
Payloads = Any


class _Texts:
    """The rows and the name index in their stored form (`payload-rows.cache`): two texts, read
    from the cache the first time a command needs a row or a look-up, not before."""

    def __init__(self, read: Callable[[], tuple[str, int, str]]):
        self._read = read
        self._lines: list[str] | None = None

    @cached_property
    def texts(self) -> tuple[str, int, str]:
        return self._read()

    def lines(self) -> list[str]:
        if self._lines is None:
            rows, count, _ = self.texts
            self._lines = rows.split("\n") if count else []
            if len(self._lines) != count:
                raise ValueError("malformed payload rows")
        return self._lines


class _TextRows(Sequence[Payload]):
    """The stored rows: one text, a line per payload and its fields between tabs. Loading it is one
    string, not 250,000 objects; a row becomes a Payload when it is read."""

    def __init__(self, texts: _Texts, count: int, row: Callable[..., Payload]):
        self._texts, self._count, self._row = texts, count, row

    @overload
    def __getitem__(self, index: int) -> Payload: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Payload]: ...
    def __getitem__(self, index: int | slice) -> Payload | Sequence[Payload]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        return self._row(*self._texts.lines()[index].split("\t"))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Payload]:
        for line in self._texts.lines():
            yield self._row(*line.split("\t"))


class _TextIndex(Mapping[str, list[int]]):
    """The stored name index: lines `key<TAB>index,index` after a newline; a look-up is one scan
    of the text (about a millisecond), not a dictionary of 100,000 keys rebuilt on every run."""

    def __init__(self, texts: _Texts):
        self._texts = texts

    @property
    def _text(self) -> str:
        return self._texts.texts[2]  # starts with a newline: every key is found as "\n" + key + "\t"

    def __getitem__(self, key: str) -> list[int]:
        if not isinstance(key, str) or "\n" in key or "\t" in key:
            raise KeyError(key)
        text = self._text
        at = text.find(f"\n{key}\t")
        if at == -1:
            raise KeyError(key)
        start = at + len(key) + 2
        end = text.find("\n", start)
        return [int(i) for i in text[start : end if end != -1 else None].split(",")]

    def __iter__(self) -> Iterator[str]:
        return (line.split("\t", 1)[0] for line in self._text[1:].split("\n"))

    def as_dict(self) -> dict[str, list[int]]:
        """The whole index at once (one pass, not a scan per key)."""
        out: dict[str, list[int]] = {}
        for line in self._text[1:].split("\n"):
            key, indexes = line.split("\t")
            out[key] = [int(i) for i in indexes.split(",")]
        return out

    def __len__(self) -> int:
        return self._text.count("\n")


def encode(p: Payloads) -> object:
    famous = tuple(
        (
            f.id,
            f.name,
            f.jcat,
            f.aliases,
            f.source,
            f.kind,
            f.destination,
            f.status,
            f.end and tuple(f.end),
            f.animals,
            tuple(
                (v.body, v.kind, tuple(v.date), v.end and tuple(v.end), v.source, v.note) for v in f.visits
            ),
            f.sources,
        )
        for f in p.famous
    )
    rows = {f.jcat: tuple(row) for f in p.famous if (row := p.by_jcat(f.jcat)) is not None}
    return (len(p.rows), p.owners, famous, p.famous_keys, rows)


def _texts_of(p: Payloads) -> tuple[str, int, str]:
    """The rows and the name index as two texts (payload-rows.cache)."""
    if any("\t" in value or "\n" in value for row in p.rows for value in row):
        raise ValueError("a payload field holds a tab or a line break: not stored")
    rows = "\n".join("\t".join(row) for row in p.rows)
    keys = "".join(f"\n{key}\t{','.join(map(str, indexes))}" for key, indexes in p.keys.items())
    return (rows, len(p.rows), keys)


def _checked_texts(stored: object) -> tuple[str, int, str]:
    rows: Any
    count: Any
    keys: Any
    rows, count, keys = stored  # type: ignore[misc]
    if not isinstance(rows, str) or not isinstance(count, int) or not isinstance(keys, str):
        raise ValueError("malformed payload rows")
    return rows, count, keys


def decode(payload: object, ds: Dataset, parse: Callable[[], Payloads], kinds: ModuleType) -> Payloads:
    """Payloads from `payloads.cache`; rows and index from `payload-rows.cache` when first needed.
    `kinds` is spacefacts.payloads, whose record types these are (passed in, not imported: the
    payloads import this module)."""
    famous_type, row_type, visit_type = kinds.Famous, kinds.Payload, kinds.Visit
    from spacefacts import cache

    count: Any
    owners: Any
    famous: Any
    famous_keys: Any
    famous_rows: Any
    count, owners, famous, famous_keys, famous_rows = payload  # type: ignore[misc]
    if not isinstance(count, int):
        raise ValueError("malformed payload cache")

    def read() -> tuple[str, int, str]:
        texts = cache.derived(ds, "payload-rows", lambda: _texts_of(parse()), _same, _checked_texts)
        if texts[1] != count:
            raise ValueError("payload rows of another build")  # cannot be, under one key
        return texts

    texts = _Texts(read)
    found: Payloads = kinds.Payloads(
        _TextRows(texts, count, row_type),
        dict(owners),
        tuple(
            famous_type(
                *f[:8],
                Time(*f[8]) if f[8] else None,
                tuple(f[9]),
                tuple(
                    visit_type(v[0], v[1], Time(*v[2]), Time(*v[3]) if v[3] else None, v[4], v[5])
                    for v in f[10]
                ),
                tuple(f[11]),
            )
            for f in famous
        ),
        _TextIndex(texts),
        dict(famous_keys),
        {jcat: row_type(*row) for jcat, row in famous_rows.items()},
    )
    return found


def _same(value: T) -> T:
    return value


def keep_texts(ds: Dataset, parsed: Payloads) -> None:
    """Store the rows and index of payloads parsed just now, for the runs after this one."""
    from spacefacts import cache

    cache.derived(ds, "payload-rows", lambda: _texts_of(parsed), _same, _checked_texts)
