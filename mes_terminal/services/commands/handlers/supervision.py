"""The supervisor console's own actions: signing in to the console and answering calls for help."""

from __future__ import annotations

from sqlalchemy import select

from mes_terminal.db.records import Event, Workstation
from mes_terminal.db.repositories import credentials
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import ANDON_ANSWERED, ANDON_OTHER_STATION, UNKNOWN_ANDON_CALL
from mes_terminal.domain.errors import AuthenticationFailed, InvalidState, NotPermitted, UnknownEntity
from mes_terminal.domain.roles import Role, require_role
from mes_terminal.services.commands.catalog import AcknowledgeAndon, SignInConsole
from mes_terminal.services.commands.results import AndonAnswerResult, SupervisorSignInResult

# Who may use the supervisor console (operators work at the terminals).
CONSOLE = frozenset({Role.LEAD, Role.SUPERVISOR, Role.QUALITY, Role.ADMIN})

CALLED, ANSWERED = "SupervisorCalled", "AndonAcknowledged"
_NOT_RECOGNISED = "Badge or PIN not recognised."


def sign_in_console(cmd: SignInConsole, uow: UnitOfWork) -> SupervisorSignInResult:
    try:
        person = uow.users.by_badge(cmd.badge)
    except UnknownEntity:
        raise AuthenticationFailed(_NOT_RECOGNISED) from None
    if not credentials.check_pin(uow.session, person.id, person.badge, cmd.pin, cmd.issued_at):
        raise AuthenticationFailed(_NOT_RECOGNISED)
    if not person.active:
        raise NotPermitted(f"{person.name} is deactivated and may not open the supervisor console.")
    require_role(person.name, person.roles, CONSOLE, "open the supervisor console")
    uow.events.add("ConsoleSignedIn", "user", person.badge, name=person.name)
    return {"badge": person.badge, "name": person.name, "roles": list(person.roles)}


def acknowledge_andon(cmd: AcknowledgeAndon, uow: UnitOfWork) -> AndonAnswerResult:
    person = uow.users.acting(cmd.actor, CONSOLE, "answer calls for help")
    call = uow.session.execute(
        select(Event.id, Event.entity_id, Event.payload, Event.occurred_at).where(
            Event.id == cmd.call_id, Event.type == CALLED
        )
    ).one_or_none()
    if call is None:
        raise UnknownEntity(UNKNOWN_ANDON_CALL.sentence(call=cmd.call_id), code=UNKNOWN_ANDON_CALL)
    if call.entity_id != cmd.station:
        raise InvalidState(
            ANDON_OTHER_STATION.sentence(call=cmd.call_id, origin=call.entity_id, station=cmd.station),
            code=ANDON_OTHER_STATION,
        )
    # The station's row serialises answers: two supervisors answering at once do not both succeed.
    uow.session.execute(select(Workstation.id).where(Workstation.code == call.entity_id).with_for_update())
    answered = uow.session.execute(
        select(Event.actor, Event.payload).where(
            Event.entity == "andon", Event.entity_id == str(call.id), Event.type == ANSWERED
        )
    ).first()
    if answered is not None:
        by = answered.payload.get("name") or answered.actor
        raise InvalidState(ANDON_ANSWERED.sentence(person=by, origin=call.entity_id), code=ANDON_ANSWERED)
    uow.events.add(ANSWERED, "andon", call.id, name=person.name, called_by=call.payload.get("name"))
    return {"call_id": call.id, "station": call.entity_id, "answered_by": person.name}
