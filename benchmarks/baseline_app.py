"""The baseline: the smallest Typer + Rich app that prints a 10-row table.

Same Typer and Rich as spacefacts (it runs from the same environment). Do not change it to
meet a goal: it is the yardstick.
"""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(name: str = "x") -> None:
    table = Table()
    table.add_column("#")
    table.add_column("Name")
    for i in range(10):
        table.add_row(str(i), f"{name} {i}")
    Console().print(table)


if __name__ == "__main__":
    app()
