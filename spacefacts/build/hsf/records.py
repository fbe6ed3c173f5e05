"""The mission and person records written to data/, one dict each, empty fields left out."""

from __future__ import annotations

from spacefacts.build import families
from spacefacts.build.hsf.astro import Person
from spacefacts.build.hsf.common import Record, mcdowell_date
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report

# Zero-width marks found in astro.html UName (SOURCE.md): not part of anyone's name.
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200b\u200f"))


def mission_record(row: Row, la: Record | None, people_by_no: dict[str, Person]) -> Record:
    launch, launch_unc = mcdowell_date(row.f["LDate"])
    landing, landing_unc = mcdowell_date(row.f["EDate"])
    in_flight = row.f["EDate"] == "-"
    outcome = "abort" if row.kind == "abort" else "launch failure" if row.failed_orbital else "success"
    rec: Record = {
        "id": row.id,
        "name": row.name,
        "aliases": row.aliases or None,
        "hsf_id": row.f["HSFID"],
        "hsf_tag": row.tag,
        "designator": row.f["Desig"],
        "kind": row.kind,
        "outcome": outcome,
        "launch": launch,
        "launch_uncertain": launch_unc or None,
        "landing": landing,
        "landing_uncertain": landing_unc or None,
        "in_flight": in_flight or None,
        "callsign": none_if_dash(row.f["Callsign"]),
        "station": none_if_dash(row.f["Station"]),
        "program": none_if_dash(row.f["Progra"]),
        "family": families.family_name(row.f["Project"], row.name),
        "orbit_id": none_if_dash(row.f["OrbID"]),
        "launch_tag": la["tag"] if la else None,
        "vehicle": la.get("vehicle") if la else None,
        "site": la.get("site") if la else None,
        "pad": none_if_dash(la.get("pad") or "-") if la else None,
        "crew": [
            {"person": people_by_no[no].id, "role": role} if role else {"person": people_by_no[no].id}
            for no, role in row.crew
        ]
        or None,
        "cosmos": row.cosmos[0] if row.cosmos else None,
        "src": row.src,
    }
    return {k: v for k, v in rec.items() if v is not None}


def none_if_dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def person_record(
    p: Person, countries: dict[str, str], flights: list[str], returns: list[Record], evas: list[Record],
    report: Report,
) -> Record:  # fmt: skip
    born, born_unc = mcdowell_date(p.f["Born"])
    died, died_unc = mcdowell_date(p.f["Died"])
    citizen = p.f["Citizen"]
    citizen_unc = citizen.endswith("?")
    code = citizen.rstrip("?")
    country = countries.get(code)
    if country is None:
        report.add("people: citizen code not in GCAT orgs.tsv", f"{p.no} {p.f['Name']}: {code} - {p.src}")
    if born is None:
        report.add("people: no birth date", f"{p.no} {p.f['Name']}: Born {p.f['Born']!r} - {p.src}")
    native = p.f["UName"].translate(INVISIBLE).strip()
    rec: Record = {
        "id": p.id,
        "name": p.display,
        "sort_name": p.f["Name"].replace("*", ""),
        "native_name": native if native and native != p.f["Name"] else None,
        "aliases": p.aliases or None,
        "astro_no": p.no,
        "born": born,
        "born_uncertain": (born_unc and born is not None) or None,
        "died": died,
        "died_uncertain": (died_unc and died is not None) or None,
        "citizen": code,
        "citizen_uncertain": citizen_unc or None,
        "country": country,
        "gender": p.f["G"],
        "flights": flights,
        "returns": returns or None,
        "evas": evas or None,
        "cosmos": p.cosmos,
        "src": p.src,
    }
    return {k: v for k, v in rec.items() if v is not None}
