"""Country names and the state each citizen flew for: data/countries.toml.

Names come from GCAT orgs.tsv (ShortEName, with EName as an alias), corrected by
curated/countries.toml where GCAT abbreviates or misspells ("USA", "Afganistan", "Kitts and
Nevis") or has no row (McDowell's PT, CY). The `former` rules say which state a citizen flew
for before their own existed; their dates are GCAT's (the Soviet Union ends 1991 Dec 26, East
Germany 1990 Oct 3), the lists of successor states are curated with a public source.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacefacts.build import mcdates
from spacefacts.build.report import Report
from spacefacts.text import fold

CURATED = Path(__file__).resolve().parents[2] / "curated" / "countries.toml"
ORGS = "gcat/orgs.tsv"


@dataclass(frozen=True)
class Org:
    code: str
    short: str
    name: str
    start: str
    stop: str
    line: int


def read_orgs(path: Path) -> dict[str, Org]:
    """GCAT org code -> its first row with an English short name."""
    out: dict[str, Org] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        c = [x.strip() for x in line.split("\t")]
        if len(c) > 15 and c[0] not in out and c[14] not in ("", "-"):
            out[c[0]] = Org(c[0], c[14], c[15], c[5], c[6], n)
    return out


def curated() -> dict[str, Any]:
    doc = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    for entry in [*doc.get("country", []), *doc.get("former", [])]:
        if not entry.get("source"):
            raise ValueError(f"curated/countries.toml: {entry} has no source")
    return doc


def country_names(orgs_path: Path) -> dict[str, str]:
    """Code -> English name: curated first, else GCAT's ShortEName."""
    names = {code: org.short for code, org in read_orgs(orgs_path).items()}
    names.update({e["code"]: e["name"] for e in curated().get("country", [])})
    return names


def iso_day(gcat_date: str) -> str:
    iso, _ = mcdates.parse(gcat_date)
    if len(iso) != 10:
        raise ValueError(f"{ORGS}: date {gcat_date!r} is not a day")
    return iso


def build(sources: Path, codes: set[str], report: Report) -> dict[str, Any]:
    """The countries document for every code in `codes` (citizens and launching states)."""
    orgs = read_orgs(sources / ORGS)
    doc = curated()
    fixes = {e["code"]: e for e in doc.get("country", [])}
    countries = []
    for code in sorted(codes | {f["state"] for f in doc.get("former", [])}):
        org, fix = orgs.get(code), fixes.get(code)
        if org is None and fix is None:
            report.add("countries: no name (code shown)", f"{code}: not in {ORGS} nor curated/countries.toml")
            continue
        name = fix["name"] if fix else org.short  # type: ignore[union-attr]
        if fix and org and fix["name"] != org.short:
            report.add(
                "countries: names from curated/countries.toml",
                f"{code}: {org.short!r} ({ORGS}:line {org.line}) -> {fix['name']!r} ({fix['source']})",
            )
        elif fix and org is None:
            report.add(
                "countries: names from curated/countries.toml",
                f"{code}: not in {ORGS} -> {fix['name']!r} ({fix['source']})",
            )
        aliases: list[str] = []
        seen = {fold(name)}
        for alias in [
            code,
            *(fix.get("aliases", []) if fix else []),
            *([org.short, org.name] if org else []),
        ]:
            if alias and fold(alias) not in seen:
                seen.add(fold(alias))
                aliases.append(alias)
        src = f"curated/countries.toml: {fix['source']}" if fix else f"{ORGS}:line {org.line}"  # type: ignore[union-attr]
        record: dict[str, Any] = {"code": code, "name": name, "aliases": aliases}
        if fix and fix.get("definite"):
            record["definite"] = True
        record["src"] = src
        countries.append(record)
    formers = []
    for f in doc.get("former", []):
        ended = orgs[f["until"]]
        formers.append(
            {
                "codes": [c for c in f["codes"] if c in orgs],
                "until": iso_day(ended.stop),
                "state": f["state"],
                **({"name": f["name"]} if f.get("name") else {}),
                "src": f"curated/countries.toml: {f['source']}; date: {ORGS}:line {ended.line} "
                f"({ended.code} TStop {ended.stop})",
            }
        )
    report.figure("countries named", len(countries))
    return {
        "meta": {"source": "GCAT orgs.tsv (Jonathan McDowell, CC-BY), corrected by curated/countries.toml"},
        "country": countries,
        "former": formers,
    }
