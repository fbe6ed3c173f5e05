"""McDowell's date format (`2018 Dec  3 1131:52`, `1975 Apr  5?`, `1966 Sep`) to ISO strings."""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:\s+(?P<mon>[A-Z][a-z]{2})(?:\s+(?P<d>\d{1,2})"
    r"(?:\s+(?P<hh>\d{2})(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?)?)?)?(?P<q>\?)?$"
)


def parse(text: str) -> tuple[str, bool]:
    """Return (ISO string at the source's precision, uncertain flag).

    Raises ValueError on anything that is not McDowell's layout, so a format change in a
    newer edition stops the build instead of slipping through.
    """
    m = _DATE.match(text.strip())
    if not m or (m["mon"] and m["mon"] not in MONTHS):
        raise ValueError(f"not a McDowell date: {text!r}")
    iso = m["y"]
    if m["mon"]:
        iso += f"-{MONTHS[m['mon']]:02d}"
    if m["d"]:
        iso += f"-{int(m['d']):02d}"
    if m["hh"]:
        iso += f"T{m['hh']}:{m['mm']}"
        iso += f":{m['ss']}Z" if m["ss"] else "Z"
    return iso, bool(m["q"])
