"""The card of an uncrewed payload or probe: table and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.payloads import DESTINATION_RULE, STATUS_AS_OF, VISIT_VERBS, PayloadCard, Visit
from spacefacts.queries import ordinal
from spacefacts.render import console, text, time_json
from spacefacts.render.grid import info_grid

VISIT_WORDS = {
    **VISIT_VERBS,
    "gravity assist": "gravity assist at",
    "docking": "docks with",
    "re-entry": "re-enters over",
    "launch": "launches",
}


def visit_text(visit: Visit) -> str:
    return f"{VISIT_WORDS.get(visit.kind, visit.kind)} {visit.body}".strip()


def payload_json(card: PayloadCard) -> dict[str, Any]:
    p, f, launch = card.payload, card.famous, card.launch
    return {
        "kind": "payload",
        "id": f.id if f else p.piece,
        "name": card.name,
        "gcat_name": p.name,
        "alternative_names": [n for n in (p.alt, *(f.aliases if f else ())) if n],
        "piece": p.piece,
        "jcat": p.jcat,
        "launch_tag": p.launch,
        "launch": time_json(launch.date) if launch else None,
        "vehicle": launch.vehicle if launch else None,
        "site": launch.site if launch else None,
        "site_name": card.site_name,
        "launch_outcome": launch.outcome if launch else None,
        "year_ordinal": (
            {
                "number": card.year_ordinal.number,
                "total": card.year_ordinal.total,
                "of": card.year_ordinal.scope,
                "rule": card.year_ordinal.rule,
            }
            if card.year_ordinal
            else None
        ),
        "owners": [{"code": code, "name": name} for code, name in card.owners],
        "state": p.state,
        "state_name": card.state_name,
        "crewed_flight": card.crewed_flight.id if card.crewed_flight else None,
        "other_payloads": [{"piece": o.piece, "name": o.name} for o in card.others],
        "destination": card.destination or None,
        "destination_rule": DESTINATION_RULE,
        "status": f.status if f and f.status else None,
        "status_as_of": STATUS_AS_OF if f and f.status else None,
        "end": time_json(f.end) if f else None,
        "animals": list(f.animals) if f else [],
        "visits": [
            {
                "body": v.body,
                "kind": v.kind,
                "date": time_json(v.date),
                "end": time_json(v.end),
                "source": v.source,
                "note": v.note or None,
            }
            for v in card.visits
        ],
        "name_source": f.source if f else None,
        "sources": _sources(card),
    }


def _sources(card: PayloadCard) -> list[str]:
    sources = [f"GCAT {card.payload.src}"]
    if card.launch:
        sources.append(f"GCAT {card.launch.src}")
    if card.famous:
        sources.append(card.famous.source)
        sources += [s for s in card.famous.sources if s not in sources]
        # One entry per source record: the card's visits cite parts[N] of the same cosmos-book mission.
        sources += [part.split(", parts[")[0] for v in card.visits for part in v.source.split("; ")]
    return list(dict.fromkeys(sources))


def payload_card(card: PayloadCard) -> None:
    p, f, launch = card.payload, card.famous, card.launch
    out = console()
    info = info_grid(card.name)
    row = info.add_row

    also = [n for n in (p.name if f and p.name != card.name else "", p.alt, *(f.aliases if f else ())) if n]
    if also:
        row("Also", ", ".join(dict.fromkeys(also)))
    row("Piece", f"{p.piece} (GCAT {p.jcat})")
    if launch:
        row("Launch", launch.date.display())
        row("Vehicle", launch.vehicle)
        if card.site_name:
            row("Site", card.site_name + (f", pad {launch.pad}" if launch.pad else ""))
        if launch.outcome != "success":
            row("Outcome", f"launch {launch.outcome}")
    else:
        row("Launch", f"{p.launch} (not in the launch log)")
    if card.crewed_flight:
        row("Carried by", f"{card.crewed_flight.name} (crewed; spacefacts mission {card.crewed_flight.id})")
    if card.owners:
        row("Owner", ", ".join(name for _, name in card.owners) + f" ({card.state_name})")
    if card.destination:
        row("Destination", card.destination)
    for visit in card.visits:
        when = visit.date.display()
        if visit.end:
            when += f" to {visit.end.display()}"
        row("Visit", f"{when}: {visit_text(visit)}" + (f" ({visit.note})" if visit.note else ""))
    if f and f.animals:
        row("Aboard", ", ".join(f.animals))
    if f and f.status:
        row("Status", f"{f.status} ({STATUS_AS_OF})")
    if f and f.end:
        row("End", f.end.display())
    if card.year_ordinal:
        o = card.year_ordinal
        row("Fact", f"its launch was the {ordinal(o.number)} {o.scope} (of {o.total})")
    if card.others:
        names = ", ".join(o.name for o in card.others[:5]) + (", ..." if len(card.others) > 5 else "")
        row("With it", f"{len(card.others)} other payload(s): {names}")
    out.print(info, crop=False)
    if card.year_ordinal:
        out.print(
            f"[dim]Rule: {text(card.year_ordinal.scope)}: counted as {text(card.year_ordinal.rule)}[/dim]"
        )
    out.print("[dim]Sources: " + text("; ".join(_sources(card))) + "[/dim]")
