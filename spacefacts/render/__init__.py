"""Turn query results into Rich tables for people or JSON for machines.

This package is the only place that imports Rich, and it does so inside the functions that
draw, so `--json` never pays for it. One module per family of commands; shared helpers here.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from spacefacts.model import Time

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    # Rich already honours NO_COLOR and drops styling when stdout is not a terminal.
    return Console(highlight=False)


def emit_json(data: Any) -> None:
    # Non-ASCII as \u escapes where stdout cannot encode it (PYTHONIOENCODING=ascii): still valid JSON.
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=encoding not in ("utf-8", "utf8")) + "\n")


def format_duration(value: timedelta | None) -> str:
    if value is None:
        return "unknown"
    total = int(value.total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h {minutes} min"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {seconds} s"


def time_json(value: Time | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"utc": value.iso, "precision": value.precision, "uncertain": value.uncertain}
