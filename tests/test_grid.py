"""The render layer's own table (spacefacts.render.grid): text stays text, nothing is lost, it fits."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from spacefacts.render import visible
from spacefacts.render.grid import Grid, chart_grid, info_grid, wrap

SCRIPT = Path(sys.executable).with_name("spacefacts")
BOXES = set("┏┓┗┛━─┳┻╇┡┩└┘┌┐├┤┼╋┴┬│┃")
HOSTILE = st.text() | st.text(alphabet="\\[]/ab =@#:\x1b\x9b\u202e\n", max_size=40)


def draw(grid: Grid, width: int) -> str:
    file = io.StringIO()
    out = Console(file=file, width=width, no_color=True, highlight=False, emoji=False)
    out.print(grid, crop=False)
    return file.getvalue()


def letters(text: str) -> str:
    return "".join(c for c in text if c not in BOXES and not c.isspace())


@settings(max_examples=300)
@given(HOSTILE, st.integers(1, 60))
def test_wrap_keeps_every_character_and_fits(value: str, width: int) -> None:
    shown = visible(value)
    lines = wrap(shown, width)
    assert all(cell_len(line) <= width or len(line) == 1 for line in lines)  # a wide character alone
    assert "".join(lines).replace(" ", "") == shown.replace(" ", "")


@settings(max_examples=200)
@given(st.lists(HOSTILE, min_size=3, max_size=3), st.sampled_from([40, 80, 120]))
def test_a_cell_from_data_is_shown_as_visible_text_never_markup(cells: list[str], width: int) -> None:
    grid = Grid("Title " + cells[0])
    for header in ("One", "Two", "Three"):
        grid.add_column(header)
    grid.add_row(*cells)
    out = draw(grid, width)
    for char in ("\x1b", "\x9b", "\x07", "\x7f", "\u202e"):
        assert char not in out
    expected = letters("Title " + visible(cells[0]) + "".join(visible(c) for c in cells) + "OneTwoThree")
    assert sorted(letters(out)) == sorted(expected)  # every character, none added (markup kept)
    assert all(cell_len(line) <= width for line in out.splitlines())


def test_markup_in_data_is_printed_as_written() -> None:
    grid = Grid()
    grid.add_column("Name")
    grid.add_row("[bold red]Mir[/] \\[x] [link=http://x]y[/link]")
    out = draw(grid, 80)
    assert "[bold red]Mir[/] \\[x] [link=http://x]y[/link]" in out


def test_short_columns_fold_at_a_space_and_the_wide_one_takes_the_rest() -> None:
    grid = Grid("Expeditions")
    for header in ("Expedition", "Start (UTC)", "End (UTC)", "Crew"):
        grid.add_column(header)
    crew = "William Shepherd (commander), Yuri Gidzenko, Sergei Krikalev, and a longer list of names"
    for number in range(1, 20):
        grid.add_row(f"Expedition {number}", "2000-11-02 09:21:03", "2001-03-19 04:32:00", crew)
    for width in (80, 120):
        out = draw(grid, width)
        assert all(cell_len(line) <= width for line in out.splitlines())
        assert out.count("2000-11-02") == 19 and out.count("09:21:03") == 19  # a date is never cut
        assert "Expedition 19" in out  # the name column keeps its width
    wide = draw(grid, 300)
    assert crew in wide and len(wide.splitlines()) == 1 + 3 + 19 + 1  # title, head, a line a row, foot


def test_too_narrow_for_whole_words_side_by_side_each_row_is_stacked() -> None:
    grid = Grid("Expeditions")
    for header in ("Expedition", "Start (UTC)", "Crew"):
        grid.add_column(header)
    grid.add_row("Expedition 1", "2000-11-02 09:21:03", "William Shepherd (commander), Yuri Gidzenko")
    grid.add_row("Expedition 2", "2001-03-10 06:38:00", ["one id a line", "and another"])
    assert draw(grid, 80).splitlines()[1].startswith("┏")  # wide enough: a table
    lines = draw(grid, 36).splitlines()
    assert lines[:4] == [
        "Expeditions",
        "Expedition   Expedition 1",
        "Start (UTC)  2000-11-02 09:21:03",
        "Crew         William Shepherd",
    ]
    assert lines[lines.index("") :] == [
        "",
        "Expedition   Expedition 2",
        "Start (UTC)  2001-03-10 06:38:00",
        "Crew         one id a line",
        "             and another",
    ]


def test_a_narrow_terminal_loses_nothing() -> None:
    grid = Grid("A long title that has to wrap in a narrow terminal")
    for header in ("#", "Name", "Detail"):
        grid.add_column(header, justify="right" if header == "#" else "left")
    grid.add_row("1", "Supercalifragilistic-expialidocious", "a b c d e f g h i j k l m n o p")
    out = draw(grid, 24)
    assert all(cell_len(line) <= 24 for line in out.splitlines())
    assert sorted(letters(out)) == sorted(
        letters("A long title that has to wrap in a narrow terminal#NameDetail1")
        + letters("Supercalifragilistic-expialidociousabcdefghijklmnop")
    )


def test_cards_and_charts_have_no_box_and_keep_their_labels_whole() -> None:
    info = info_grid("International Space Station")
    info.add_row("Crewed visits", "127: the first STS-88 (1998-12-04), the last Dragon Crew-12 (2026-02-13)")
    out = draw(info, 40)
    assert not BOXES & set(out)
    assert out.splitlines()[1].startswith("Crewed visits  127:")
    chart = chart_grid("Per year")
    chart.add_row("1957", "3", (("█" * 5, "green"), ("░", "red")))
    assert draw(chart, 40).splitlines()[1] == "1957  3  █████░"


def test_station_page_through_the_console_script_at_80_and_40_columns() -> None:
    """The longest table people ask for: whole words at 80 columns, stacked rows at 40, none too wide."""
    if not SCRIPT.exists():
        pytest.skip(f"the spacefacts console script is not installed at {SCRIPT}")
    pages = {}
    for width in (80, 40):
        env = {**os.environ, "COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb"}
        done = subprocess.run(
            [str(SCRIPT), "station", "iss"], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0 and not done.stderr, done.stderr
        assert max(cell_len(line) for line in done.stdout.splitlines()) <= width
        pages[width] = done.stdout
    assert "┃ Expedition    ┃" in pages[80] and "│ Expedition 1  │" in pages[80]  # names whole
    assert "│ 2000-11-02 │" in pages[80] and "│ 09:21:03   │" in pages[80]  # a date over its time
    assert "Start (UTC)  2000-11-02 09:21:03" in pages[40] and "┃" not in pages[40].split("Aboard on")[0]
