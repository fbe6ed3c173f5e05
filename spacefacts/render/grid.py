"""The tables, laid out here in Rich's look: Rich's Table was the slowest part of a long table.

Rich's Table measures, pads, wraps and crops every cell through its general renderable machinery,
and parsed every text cell as markup (44 ms for the station's 74 expeditions). The tables here
hold only text, so this module lays them out directly: column widths from the text's lengths, a
plain word wrap, and the lines handed to the console as segments, with Rich's own boxes and theme
styles (8.5 ms for the same page). The console still decides colour (NO_COLOR, a pipe, a dumb
terminal), the width and the box characters (ASCII-only output).

Every cell is plain text, never markup: a string from data goes through `visible` (control
characters shown as escapes) and reaches the terminal exactly as written. A cell that needs
styles is a tuple of (text, style) pieces written by the program, such as a chart's bar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from spacefacts.render import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.style import Style

Piece = tuple[str, str]
Cell = str | tuple[Piece, ...]

# A column this narrow (dates, counts, codes, short names) keeps its width while a wider one
# wraps, unless squeezing it to its longest word saves lines (see `_widths`).
SHORT = 24
_WORD = re.compile(r"\S+\s*")


def _cell_len(value: str) -> int:
    if value.isascii():
        return len(value)
    from rich.cells import cell_len

    return cell_len(value)


def wrap(value: str, width: int) -> list[str]:
    """`value` in lines of at most `width` cells: broken at spaces, a longer word cut into pieces.
    No character is lost; only the spaces where a line breaks (or a wrapped text begins) are dropped.
    A line break (only the program writes one: `visible` shows data's as `\\n`) always breaks."""
    if "\n" in value:
        return [line for part in value.split("\n") for line in wrap(part, width)]
    if _cell_len(value) <= width:
        return [value]
    lines: list[str] = []
    line, used = "", 0
    for match in _WORD.finditer(value):
        word = match[0]
        bare = word.rstrip()
        size = _cell_len(bare)
        if used and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        if size > width:
            from rich.cells import chop_cells

            *whole, line = chop_cells(bare, width)
            lines += whole
            used = _cell_len(line)
            line += word[len(bare) :]
            used += len(word) - len(bare)
            continue
        line += word
        used += _cell_len(word)
    lines.append(line.rstrip())
    return [piece for piece in lines if piece] or [""]


class _Column:
    __slots__ = ("header", "justify", "style", "wrap")

    def __init__(self, header: str, justify: Literal["left", "right"], style: str, wrap: bool) -> None:
        self.header, self.justify, self.style, self.wrap = header, justify, style, wrap


class Grid:
    """A table of text: `Grid(title)`, `add_column(...)`, `add_row(...)`, then `console.print(grid)`.

    `boxed=False` draws a borderless label/value or chart table (no header, no edge padding);
    `header=False` a boxed table without a header row. (Plain classes: the two as slotted
    dataclasses took 0.8 ms to define, on every command that draws a table.)"""

    __slots__ = ("boxed", "columns", "header", "rows", "title")

    def __init__(self, title: str | None = None, *, boxed: bool = True, header: bool = True) -> None:
        self.title, self.boxed, self.header = title, boxed, header
        self.columns: list[_Column] = []
        self.rows: list[tuple[Cell, ...]] = []

    def add_column(
        self,
        header: str = "",
        *,
        justify: Literal["left", "right"] = "left",
        style: str = "",
        wrap: bool = True,
    ) -> None:
        """`wrap=False`: the column keeps its width (a duration, an id) while the table fits."""
        self.columns.append(_Column(header, justify, style, wrap))

    def add_row(self, *cells: object) -> None:
        """A row: each cell text (shown as `visible` makes it), a list of texts (one a line), or a
        tuple of (text, style) pieces; missing cells are empty."""
        if len(cells) > len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        padded = (*cells, *[""] * (len(self.columns) - len(cells)))
        self.rows.append(tuple(_cell(cell) for cell in padded))

    # ---- layout ----------------------------------------------------------------------------

    def _headed(self) -> bool:
        return self.boxed and self.header

    def _overhead(self) -> int:
        count = len(self.columns)
        return 3 * count + 1 if self.boxed else 2 * (count - 1)

    def _widths(self, room: int) -> tuple[list[int], bool]:
        """Each column as wide as its text when the table fits in `room`; otherwise the wide
        columns wrap, and the short ones too where that makes the table shorter. The flag says
        whether every word fits whole; if not, the widths cut words (at least one cell each)."""
        count = len(self.columns)
        cells: list[Sequence[Cell]] = [[c.header for c in self.columns]] if self._headed() else []
        cells += self.rows
        natural = [1] * count
        for row in cells:
            for i, cell in enumerate(row):
                size = _text_width(cell) if isinstance(cell, str) else sum(_cell_len(t) for t, _ in cell)
                if size > natural[i]:
                    natural[i] = size
        if sum(natural) <= room:
            return natural, True
        # Word sizes per cell, column by column; a styled cell (a bar) is one word, never broken.
        words = [[_word_sizes(row[i], natural[i]) for row in cells] for i in range(count)]
        # The narrowest each column can be without cutting a word; a column that must not wrap
        # (a duration, an id) is its whole width.
        word = [
            max(1, min(n, max((max(w, default=0) for w in column), default=0))) if c.wrap else n
            for n, column, c in zip(natural, words, self.columns, strict=True)
        ]
        counted: dict[tuple[int, int], list[int]] = {}

        def height(widths: list[int]) -> int:
            for key in enumerate(widths):
                if key not in counted:
                    counted[key] = [_line_count(sizes, key[1]) for sizes in words[key[0]]]
            return sum(map(max, zip(*(counted[key] for key in enumerate(widths)), strict=True)))

        # Short columns keep their width or fold to their longest word ("2001-08-12 18:41" on
        # two lines) while wide ones wrap; then every column shrinks widest first, as Rich's
        # Table does; last, the room is shared in proportion to the text. Of those layouts, the
        # one with clearly the fewest lines: each later candidate must save a tenth of them.
        short = [
            i
            for i, (n, w, c) in enumerate(zip(natural, word, self.columns, strict=True))
            if w < n <= SHORT and c.wrap
        ]
        floor = [
            n if (n <= SHORT or not c.wrap) else w
            for n, w, c in zip(natural, word, self.columns, strict=True)
        ]
        candidates = []
        for mask in sorted(range(1 << len(short)), key=lambda m: m.bit_count()):
            folded = {short[bit] for bit in range(len(short)) if mask >> bit & 1}
            top = [word[i] if i in folded else n for i, n in enumerate(natural)]
            candidates.append(_fill(top, [word[i] if i in folded else f for i, f in enumerate(floor)], room))
        candidates.append(_fill(natural, word, room))
        candidates.append(_share(natural, word, room))
        best: tuple[int, list[int]] | None = None
        for widths in candidates:
            if widths is not None and (best is None or height(widths) < 0.9 * best[0]):
                best = (height(widths), widths)
        if best is not None:
            return best[1], True
        return _fill(natural, [1] * count, room) or [1] * count, False

    # ---- drawing ---------------------------------------------------------------------------

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        widths, _ = self._widths(options.max_width - self._overhead())
        return Measurement(sum(widths) + self._overhead(), sum(widths) + self._overhead())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        newline = Segment.line()
        if self.title:
            style = console.get_style("table.title")
            for line in wrap(visible(self.title), max(1, options.max_width)):
                yield Segment(line, style)
                yield newline
        if not self.columns:
            return
        widths, whole = self._widths(max(len(self.columns), options.max_width - self._overhead()))
        if not whole and self._headed() and len(self.columns) > 1:
            yield from self._stacked(console, options)
            return
        styles = [console.get_style(c.style) if c.style else None for c in self.columns]
        if not self.boxed:
            for row in self.rows:
                yield from self._lines(console, row, widths, styles, "  ", "", "", strip=True)
            return
        from rich.box import HEAVY_HEAD

        box = HEAVY_HEAD if self.header else HEAVY_HEAD.get_plain_headed_box()
        box = box.substitute(options, safe=console.safe_box)
        padded = [width + 2 for width in widths]
        yield Segment(box.get_top(padded))  # Rich's tables draw their borders unstyled too
        yield newline
        if self.header:
            yield from self._lines(
                console,
                tuple(c.header for c in self.columns),
                widths,
                [console.get_style("table.header")] * len(widths),
                f" {box.head_vertical} ",
                f"{box.head_left} ",
                f" {box.head_right}",
            )
            yield Segment(box.get_row(padded, "head"))
            yield newline
        for row in self.rows:
            yield from self._lines(
                console, row, widths, styles, f" {box.mid_vertical} ", f"{box.mid_left} ", f" {box.mid_right}"
            )  # fmt: skip
        yield Segment(box.get_bottom(padded))
        yield newline

    def _stacked(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """A terminal too narrow for the columns side by side (they would cut words): each row
        as lines of header and value, a blank line between rows."""
        card = Grid(boxed=False)
        card.add_column(style="table.header", wrap=False)
        card.add_column()
        for number, row in enumerate(self.rows):
            if number:
                card.rows.append(("", ""))
            card.rows += [(column.header, cell) for column, cell in zip(self.columns, row, strict=True)]
        yield from card.__rich_console__(console, options)

    def _lines(
        self,
        console: Console,
        row: Sequence[Cell],
        widths: list[int],
        styles: Sequence[Style | None],
        divider: str,
        left: str,
        right: str,
        *,
        strip: bool = False,
    ) -> Iterator[Segment]:
        """One row: its cells wrapped to their columns, side by side, as many lines as the tallest.
        Neighbouring text of one style goes out as one segment (the borders have none)."""
        from rich.segment import Segment

        drawn: list[list[list[tuple[str, Style | None]]]] = []
        for cell, width, style in zip(row, widths, styles, strict=True):
            if isinstance(cell, tuple):
                drawn.append([_pieces(console, cell, width, style)])
            else:
                drawn.append([[(line, style)] for line in wrap(cell, width)])
        height = max(len(lines) for lines in drawn)
        last = len(drawn) - 1
        newline = Segment.line()
        for number in range(height):
            pieces: list[tuple[str, Style | None]] = [(left, None)]
            for index, (lines, width, column) in enumerate(zip(drawn, widths, self.columns, strict=True)):
                cell_line = lines[number] if number < len(lines) else []
                size = sum(_cell_len(text) for text, _ in cell_line)
                pad = " " * (width - size)
                if index:
                    pieces.append((divider, None))
                if column.justify == "right":
                    pieces.append((pad, None))
                pieces += cell_line
                if column.justify != "right" and not (strip and index == last):
                    pieces.append((pad, None))
            pieces.append((right, None))
            if strip:
                while pieces and not pieces[-1][0].strip():
                    pieces.pop()
            text, style = "", None
            for piece, piece_style in pieces:
                if piece_style is not style and piece_style != style:
                    if text:
                        yield Segment(text, style)
                    text, style = "", piece_style
                text += piece
            if text:
                yield Segment(text, style)
            yield newline


def _pieces(
    console: Console, cell: tuple[Piece, ...], width: int, base: Style | None
) -> list[tuple[str, Style | None]]:
    """A styled cell on one line, cut at the column's width (only a bar can be that long)."""
    pieces: list[tuple[str, Style | None]] = []
    room = width
    for text, style in cell:
        if room <= 0:
            break
        if _cell_len(text) > room:
            from rich.cells import set_cell_size

            text = set_cell_size(text, room)
        room -= _cell_len(text)
        piece_style = console.get_style(style) if style else None
        pieces.append((text, (base + piece_style) if base and piece_style else (piece_style or base)))
    return pieces


def _fill(top: list[int], floor: list[int], room: int) -> list[int] | None:
    """Widths within `room`, each between its floor and its top: the widest columns give way
    first. None when even the floors do not fit."""
    floor = [min(f, t) for f, t in zip(floor, top, strict=True)]
    if sum(floor) > room:
        return None
    if sum(top) <= room:
        return top
    low, high = 0, max(top)
    while low < high:  # the largest cap whose widths fit
        cap = (low + high + 1) // 2
        if sum(max(f, min(t, cap)) for f, t in zip(floor, top, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    widths = [max(f, min(t, low)) for f, t in zip(floor, top, strict=True)]
    spare = room - sum(widths)
    for i, (width, most) in enumerate(zip(widths, top, strict=True)):
        if spare and width < most:
            widths[i] += 1
            spare -= 1
    return widths


def _cell(value: object) -> Cell:
    if isinstance(value, tuple):
        return value
    if isinstance(value, list):
        return "\n".join(visible(line) for line in value)
    return visible(value)


def _text_width(value: str) -> int:
    return max(map(_cell_len, value.split("\n"))) if "\n" in value else _cell_len(value)


def _share(top: list[int], floor: list[int], room: int) -> list[int] | None:
    """Widths within `room`: each column its floor, and the rest in proportion to its more text."""
    floor = [min(f, t) for f, t in zip(floor, top, strict=True)]
    spare = room - sum(floor)
    if spare < 0:
        return None
    wants = [t - f for f, t in zip(floor, top, strict=True)]
    total = sum(wants) or 1
    widths = [f + min(w, spare * w // total) for f, w in zip(floor, wants, strict=True)]
    left = room - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: -wants[i]):
        step = min(left, top[i] - widths[i])
        widths[i] += step
        left -= step
    return widths


def _word_sizes(cell: Cell, size: int) -> list[int]:
    """The sizes of a cell's words; -1 where the program broke the line."""
    if not isinstance(cell, str):
        return [size]
    if "\n" in cell:
        parts = [[_cell_len(word) for word in line.split()] for line in cell.split("\n")]
        return [size for part in parts for size in (-1, *part)][1:]
    return [_cell_len(word) for word in cell.split()]


def _line_count(words: list[int], width: int) -> int:
    """How many lines `wrap` makes of words of these sizes at this width."""
    lines, used = 1, 0
    for size in words:
        if size < 0:
            lines, used = lines + 1, 0
            continue
        if used and used + 1 + size <= width:
            used += 1 + size
            continue
        if used:
            lines += 1
        lines += (size - 1) // width if size > width else 0
        used = size - (size - 1) // width * width if size > width else size
    return lines


def info_grid(title: str) -> Grid:
    """A card's label/value table: no header or box, bold labels, the title on the left."""
    info = Grid(title, boxed=False)
    info.add_column(style="bold", wrap=False)
    info.add_column()
    return info


def chart_grid(title: str) -> Grid:
    """A bar chart's table: no header or box; a bold label and a figure, both right-aligned, then the bar."""
    chart = Grid(title, boxed=False)
    chart.add_column(justify="right", style="bold", wrap=False)
    chart.add_column(justify="right", wrap=False)
    chart.add_column()
    return chart
