"""User folders the tests write: one with a hostile string in every text field a command shows
(tests/test_hardening.py, tests/test_fuzz_entry.py; what differs between them, the ids, kind,
landing and EVA, are arguments), and the README's example folder (test_hardening, test_robustness).
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


# The README's example of a user's own folder: a balloon flight, its pilot and an event.
README_MISSION = """[[mission]]
id = "my-balloon-1"
name = "My Balloon 1"
kind = "suborbital"
outcome = "success"
launch = "2024-05-01T10:00Z"
landing = "2024-05-01T12:00Z"
crew = [{ person = "my-pilot", role = "CDR" }]
src = "my notebook, page 3"
"""
README_PERSON = """[[person]]
id = "my-pilot"
name = "Ada Pilot"
flights = ["my-balloon-1"]
src = "my notebook, page 1"
"""
README_EVENT = """[[event]]
id = "2024-05-01-my-balloon-lands"
date = "2024-05-01"
title = "My Balloon 1 lands in a field"
category = "landing"
mission = "my-balloon-1"
source = "my notebook, page 3"
src = "my notebook"
"""


def readme_folder(folder: Path, *, event: bool = True) -> Path:
    """A new folder holding the README's mission and person, and its event unless `event` is False."""
    folder.mkdir()
    (folder / "missions.toml").write_text(README_MISSION)
    (folder / "people.toml").write_text(README_PERSON)
    if event:
        (folder / "events.toml").write_text(README_EVENT)
    return folder
