"""User folders the tests write: one with a hostile string in every text field a command shows.

Shared by tests/test_hardening.py and tests/test_fuzz_entry.py; the pieces that differ between
them (ids, kind, landing, the EVA) are arguments.
"""

from __future__ import annotations

import json
from pathlib import Path

# Markup Rich would act on, a terminal title, clear screen, CSI as one C1 byte, BEL, DEL, a bidi override.
HOSTILE = "X[/][link=http://evil.example]L[/link][bold]\x1b]0;pwned\x07\x1b[2J\x9b31m\x7f\u202eZ"


def toml_string(text: str) -> str:
    return json.dumps(text)  # JSON's escapes are TOML's (\u001b, \u009b, \u0000 ...)


def hostile_folder(
    folder: Path,
    value: str = HOSTILE,
    *,
    mission_id: str = "evil-1",
    person_id: str = "evil-pilot",
    event_id: str = "2024-05-01-evil",
    kind: str = "orbital",
    landing: str = "2024-05-09T12:00Z",
    eva_start: str = "2024-05-02T11:00Z",
    eva_minutes: int = 50,
) -> Path:
    """A user folder with `value` in every text field (ids are slugs, dates valid): a mission, its
    pilot with one EVA, and an event on the launch day."""
    folder.mkdir(parents=True, exist_ok=True)
    v = toml_string(value)
    (folder / "missions.toml").write_text(
        f"""[[mission]]
id = "{mission_id}"
name = {v}
aliases = [{v}]
kind = "{kind}"
outcome = "success"
launch = "2024-05-01T10:00Z"
landing = "{landing}"
callsign = {v}
station = {v}
vehicle = {v}
site = {v}
pad = {v}
crew = [{{ person = "{person_id}", role = {v} }}]
src = {v}
""",
        encoding="utf-8",
    )
    (folder / "people.toml").write_text(
        f"""[[person]]
id = "{person_id}"
name = {v}
sort_name = {v}
native_name = {v}
born = "1990-02-03"
citizen = {v}
country = {v}
flights = ["{mission_id}"]
evas = [{{ start = "{eva_start}", duration_min = {eva_minutes}, src = {v} }}]
src = {v}
""",
        encoding="utf-8",
    )
    (folder / "events.toml").write_text(
        f"""[[event]]
id = "{event_id}"
date = "2024-05-01"
title = {v}
category = "accident"
mission = "{mission_id}"
source = {v}
src = {v}
""",
        encoding="utf-8",
    )
    return folder
