"""The commands, one module per family, each declared once in Typer's style (see spacefacts.cli)."""
