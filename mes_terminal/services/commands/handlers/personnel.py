"""Signing in and out at a workstation."""

from __future__ import annotations

from mes_terminal.db.records import StationSession
from mes_terminal.db.repositories import credentials
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.error_codes import NOT_SIGNED_IN, PIN_REQUIRED, STATION_INACTIVE
from mes_terminal.domain.errors import AuthenticationFailed, InvalidState, NotPermitted, UnknownEntity
from mes_terminal.domain.roles import SHOP_FLOOR, Role, require_role
from mes_terminal.domain.sentences import Sentence
from mes_terminal.services.commands.catalog import SignIn, SignOut
from mes_terminal.services.commands.results import SignInResult, SignOutResult

# Said for a wrong badge and a wrong PIN alike, so that a guesser learns nothing.
_NOT_RECOGNISED = "Badge or PIN not recognised."


def sign_in(cmd: SignIn, uow: UnitOfWork) -> SignInResult:
    station = uow.workstations.by_code(cmd.station)
    if not station.active:
        raise InvalidState(STATION_INACTIVE.sentence(station=station.code), code=STATION_INACTIVE)
    try:
        user = uow.users.by_badge(cmd.badge)
    except UnknownEntity:
        raise AuthenticationFailed(_NOT_RECOGNISED) from None
    if uow.users.is_machine_account(user.badge):  # typed in at a badge-only station, it must not open a session
        raise AuthenticationFailed(_NOT_RECOGNISED)
    if cmd.pin is None:
        if not station.badge_only:
            raise AuthenticationFailed(PIN_REQUIRED.sentence(station=station.code), code=PIN_REQUIRED)
        credentials.refuse_if_locked(uow.session, user.id, user.badge)
    elif not credentials.check_pin(uow.session, user.id, user.badge, cmd.pin, cmd.issued_at):
        raise AuthenticationFailed(_NOT_RECOGNISED)
    if not user.active:
        raise NotPermitted(Sentence("{user} is deactivated; ask a supervisor.", user=user.name))
    require_role(user.name, user.roles, SHOP_FLOOR, f"sign in at {station.code}")

    existing = uow.users.open_session(station, user)
    if existing is None:
        existing = StationSession(workstation_id=station.id, user_id=user.id, signed_in_at=cmd.issued_at)
        uow.session.add(existing)
        uow.session.flush()
        uow.events.add("SignedIn", "user", user.badge, name=user.name, session_id=existing.id)
    return {
        "station": station.code,
        "badge": user.badge,
        "name": user.name,
        "roles": user.roles,
        "signed_in_at": existing.signed_in_at,
        "operators": uow.users.signed_in_names(station),
    }


def sign_out(cmd: SignOut, uow: UnitOfWork) -> SignOutResult:
    station = uow.workstations.by_code(cmd.station)
    user = uow.users.by_badge(cmd.badge)
    if cmd.actor != cmd.badge:
        # Signing someone else out (they walked away) is for leads and supervisors.
        uow.users.acting(cmd.actor, SHOP_FLOOR - {Role.OPERATOR}, f"sign out {user.name}")
    open_session = uow.users.open_session(station, user)
    if open_session is None:
        raise InvalidState(
            NOT_SIGNED_IN.sentence(person=user.name, station=station.code),
            code=NOT_SIGNED_IN,
        )
    if cmd.issued_at < open_session.signed_in_at:
        raise InvalidState(
            Sentence(
                "{user} signed in at {station} after this sign-out was issued.", user=user.name, station=station.code
            )
        )
    open_session.signed_out_at = cmd.issued_at
    # Whoever leaves the station leaves the jobs they were on there.
    for entry in uow.jobs.open_labour_at(station, user.id):
        entry.ended_at = max(cmd.issued_at, entry.started_at)
    uow.events.add(
        "SignedOut",
        "user",
        user.badge,
        name=user.name,
        session_id=open_session.id,
        minutes=round((cmd.issued_at - open_session.signed_in_at).total_seconds() / 60, 1),
    )
    uow.session.flush()
    return {
        "station": station.code,
        "badge": user.badge,
        "name": user.name,
        "operators": uow.users.signed_in_names(station),
    }
