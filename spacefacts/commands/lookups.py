"""Looking up one record: `mission`, `crew`, `person`, `station`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from spacefacts import session
from spacefacts.commands.app import JsonOption, app, complete_mission, complete_person, show
from spacefacts.frontend import lazy_module

if TYPE_CHECKING:
    import typer

else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@app.command()
def mission(
    name: Annotated[
        str,
        typer.Argument(
            help="Mission id, name, alias or COSPAR designator: soyuz-ms-11, 2018-098.",
            autocompletion=complete_mission,
        ),
    ],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Which flight of its spacecraft family it was, under several rules."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """The mission card: launch, vehicle, site, crew, landing, and computed facts.

    Example: spacefacts mission soyuz-ms-11
    """
    from spacefacts import failures, payloads, queries, stations
    from spacefacts.render import counting, emit_json
    from spacefacts.render import mission as render
    from spacefacts.render import station as station_render

    ds = session.dataset()
    found = payloads.resolve(ds, name)
    if isinstance(found, payloads.Payload):  # not a crewed flight: the payload's card
        from spacefacts.render import payload as render_payload

        payload_card = payloads.card(ds, found)
        show(json, render_payload.payload_json, render_payload.payload_card, payload_card)
        return
    card = queries.mission_card(ds, found)
    if explain:
        rules = queries.family_under_rules(ds, card.mission)
        subject = f"{card.mission.name}: which flight of its spacecraft family, by rule"
        show(json, counting.rules_json, counting.rules_table, subject, rules)
    else:
        served = stations.crew_expeditions(ds, card.mission)
        after = failures.after_failure(ds, card.mission)
        if json:
            emit_json({**render.mission_json(card), **station_render.mission_json(served, after)})
        else:
            render.mission_card(card, station_render.mission_rows(served, after))


@app.command()
def crew(
    name: Annotated[
        str,
        typer.Argument(help="Mission id, name, alias or COSPAR designator.", autocompletion=complete_mission),
    ],
    json: JsonOption = False,
) -> None:
    """The crew list of a mission: names, countries, roles, and which flight of theirs it was.

    Example: spacefacts crew apollo-11
    """
    from spacefacts import queries
    from spacefacts.render import mission as render

    ds = session.dataset()
    card = queries.mission_card(ds, queries.resolve_mission(ds, name))
    show(json, render.crew_list_json, render.crew_table, card)


@app.command()
def person(
    name: Annotated[
        str,
        typer.Argument(
            help="Full name, unique surname or id: 'Anne McClain', kononenko.", autocompletion=complete_person
        ),
    ],
    json: JsonOption = False,
) -> None:
    """A person: birth, country, every flight, total time in space, EVAs, age at first flight.

    Example: spacefacts person 'Anne McClain'
    """
    from spacefacts import queries, stations
    from spacefacts.render import emit_json
    from spacefacts.render import person as render
    from spacefacts.render import station as station_render

    ds = session.dataset()
    card = queries.person_card(ds, queries.resolve_person(ds, name))
    served = stations.person_expeditions(ds, card.person.id)
    if json:
        data = render.person_json(card)
        data["expeditions"] = station_render.person_expeditions_json(served)
        emit_json(data)
    else:
        render.person_card(card)
        station_render.person_expeditions(served)


@app.command()
def station(
    name: Annotated[
        str, typer.Argument(help="Station id or name: iss, mir, tiangong, skylab, salyut-7, tiangong-1.")
    ],
    json: JsonOption = False,
) -> None:
    """A space station: launch, re-entry, crewed visits, expeditions, who was aboard, a chart.

    Example: spacefacts station mir
    """
    from spacefacts import stations
    from spacefacts.render import station as render

    ds = session.dataset()
    card = stations.station_card(ds, stations.resolve_station(ds, name))
    show(json, render.station_json, render.station_page, card)
