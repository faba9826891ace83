"""Signing a record electronically inside a command's transaction (21 CFR Part 11 §11.50, §11.70, §11.200).

The first signature of a session takes badge and PIN; later ones by the same person take the PIN
alone (`pin_only`: the badge came from the session, not from the signer's hand) while no more than the
site's `signature_idle_minutes` pass between two signatures (§11.200(a)(1)). The PIN is checked and
forgotten. A wrong PIN raises `AuthenticationFailed`: the command changes nothing, and the bus records
the failed attempt as an event of its own (`<Command>Refused`, with the badge and the code
`signature.failed`); so does a PIN alone where both components are needed (`signature.both_components`).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy import func, select

from mes_terminal.db.jsonable import jsonable
from mes_terminal.db.records import Signature
from mes_terminal.db.repositories import credentials
from mes_terminal.db.repositories.shared import Person
from mes_terminal.db.uow import UnitOfWork
from mes_terminal.domain.audit_chain import signed_content_hash
from mes_terminal.domain.error_codes import SIGNATURE_BOTH_COMPONENTS, SIGNATURE_FAILED
from mes_terminal.domain.errors import AuthenticationFailed
from mes_terminal.domain.signatures import (
    Components,
    Manifestation,
    SignatureRule,
    check_comment,
    check_two_person,
    parse_meaning,
    session_continues,
)
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.results import SignatureResult


def sign(
    uow: UnitOfWork,
    cmd: c.Command,
    signer: Person,
    rule: SignatureRule,
    entity: str,
    entity_id: object,
    *,
    recorded_by: tuple[int, str] | None = None,
    two_person: bool = False,
    comment: str | None = None,
) -> SignatureResult:
    """Check the signature on `cmd` and bind it to the record; returns its manifestation for results.

    `recorded_by` (id, name) is who recorded what is signed, for the two-person rule.
    """
    pin = getattr(cmd, "pin", None)
    site = uow.lots.site()
    components = Components.BADGE_AND_PIN
    if getattr(cmd, "pin_only", False):
        last = last_signature(uow, signer.id, cmd.issued_at)
        if not session_continues(last, cmd.issued_at, site.signature_idle_minutes):
            raise AuthenticationFailed(SIGNATURE_BOTH_COMPONENTS.sentence(), code=SIGNATURE_BOTH_COMPONENTS)
        components = Components.PIN
    if not credentials.check_pin(uow.session, signer.id, signer.badge, pin, cmd.issued_at):
        raise AuthenticationFailed(SIGNATURE_FAILED.sentence(), code=SIGNATURE_FAILED)
    meaning = parse_meaning(getattr(cmd, "meaning", None) or "", rule)
    text = check_comment(comment if comment is not None else getattr(cmd, "comment", None), rule)
    if recorded_by is not None:
        check_two_person(signer.id, recorded_by[0], recorded_by[1], f"{entity} {entity_id}", two_person)
    record = signed_record(cmd)
    bound = signed_content_hash(
        entity=entity,
        entity_id=str(entity_id),
        signer_name=signer.name,
        meaning=meaning.value,
        comment=text,
        signed_at=cmd.issued_at,
        record=record,
    )
    uow.session.add(
        Signature(
            entity=entity,
            entity_id=str(entity_id),
            signer_id=signer.id,
            signer_name=signer.name,
            meaning=meaning.value,
            comment=text,
            signed_at=cmd.issued_at,
            content_hash=bound,
        )
    )
    uow.events.add(
        "RecordSigned",
        entity,
        entity_id,
        signer=signer.name,
        badge=signer.badge,
        meaning=meaning.value,
        comment=text,
        signed_at=cmd.issued_at,
        record=record,
        content_hash=bound,
        components=components.value,
    )
    shown = Manifestation(signer.name, meaning.value, cmd.issued_at, site.timezone)
    return {"signed_by": signer.name, "meaning": meaning.value, "signed_at": cmd.issued_at, "signature": str(shown)}


def last_signature(uow: UnitOfWork, signer_id: int, at: datetime) -> datetime | None:
    """When this person last signed anything, up to `at`: where their signing session stands."""
    return uow.session.scalar(
        select(func.max(Signature.signed_at)).where(Signature.signer_id == signer_id, Signature.signed_at <= at)
    )


_NOT_SIGNED = frozenset({"pin", "password", "command_id", "meaning", "comment", "pin_only"})


def signed_record(cmd: c.Command) -> dict[str, object]:
    """The values of the record a command signs: its fields, without the secret and the signature's own."""
    left_out = _NOT_SIGNED | cmd.secret_fields
    values = {f.name: getattr(cmd, f.name) for f in dataclasses.fields(cmd) if f.name not in left_out}
    return dict(jsonable(values))
