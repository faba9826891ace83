"""Electronic signatures (21 CFR Part 11): what a signature must carry and who may give it.

A signature is given by re-authenticating: the first of a session with both components (badge and
PIN), later ones in the same continuous session with the PIN alone, until the signer has been idle
(§11.200(a)(1)). It states its meaning (§11.50), is bound to one record (§11.70), and, where the site
asks for it, comes from someone other than the person who recorded what is signed (the two-person rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from mes_terminal.domain.clock import site_time
from mes_terminal.domain.error_codes import SIGNATURE_COMMENT_NEEDED, SIGNATURE_TWO_PERSON
from mes_terminal.domain.errors import InvalidInput, NotPermitted


class Meaning(StrEnum):
    REPORTED = "reported"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    VERIFIED = "verified"
    RELEASED = "released"


class Decision(StrEnum):
    USE_AS_IS = "use_as_is"
    REWORK = "rework"
    SCRAP = "scrap"
    RETURN_TO_SUPPLIER = "return_to_supplier"


# A decision that keeps or sends back nonconforming material must say why; scrapping it need not.
COMMENT_NEEDED = frozenset({Decision.USE_AS_IS, Decision.REWORK, Decision.RETURN_TO_SUPPLIER})
MAX_COMMENT = 2000


@dataclass(frozen=True)
class SignatureRule:
    """What one kind of signed action asks for."""

    action: str  # in words: "dispose of a nonconformance"
    meanings: frozenset[Meaning]
    comment_needed: bool = False


@dataclass(frozen=True)
class Manifestation:
    """What a signature shows wherever the signed record is shown (§11.50): the date and time of signing
    as the signer's wall clock read it, with its zone; the signature record itself keeps UTC."""

    name: str
    meaning: str
    signed_at: datetime
    timezone: str  # the site's IANA zone

    def __str__(self) -> str:
        return f"{self.name}, {self.meaning}, {site_time(self.signed_at, self.timezone, 'zoned_seconds')}"


class Components(StrEnum):
    """What the signer typed: both components of the signature, or the PIN alone within a session."""

    BADGE_AND_PIN = "badge_and_pin"
    PIN = "pin"


def session_continues(last_signed_at: datetime | None, at: datetime, idle_minutes: int) -> bool:
    """Whether a signature at `at` belongs to the continuous signing session of the signer's previous
    signature (at `last_signed_at`): one came no more than `idle_minutes` before it. No previous
    signature, or an idle limit of 0, means a new session: both components are needed."""
    if last_signed_at is None or idle_minutes <= 0 or last_signed_at > at:
        return False
    return at - last_signed_at <= timedelta(minutes=idle_minutes)


def parse_meaning(value: str, rule: SignatureRule) -> Meaning:
    try:
        meaning = Meaning(value.strip().lower())
    except ValueError:
        meaning = None
    if meaning is None or meaning not in rule.meanings:
        allowed = ", ".join(sorted(rule.meanings))
        raise InvalidInput(f"To {rule.action} the signature means one of: {allowed}; not {value[:40]!r}.")
    return meaning


def check_comment(comment: str | None, rule: SignatureRule) -> str | None:
    """The comment, stripped; refused when the rule needs one and there is none."""
    text = (comment or "").strip()
    if rule.comment_needed and not text:
        raise InvalidInput(SIGNATURE_COMMENT_NEEDED.sentence(action=rule.action), code=SIGNATURE_COMMENT_NEEDED)
    if len(text) > MAX_COMMENT:
        raise InvalidInput(f"The comment is longer than {MAX_COMMENT} characters.")
    return text or None


def check_two_person(signer_id: int, recorder_id: int | None, recorder_name: str, what: str, required: bool) -> None:
    """Under the two-person rule the one who signs is not the one who recorded what is signed."""
    if required and recorder_id is not None and signer_id == recorder_id:
        raise NotPermitted(
            SIGNATURE_TWO_PERSON.sentence(recorder=recorder_name, what=what),
            code=SIGNATURE_TWO_PERSON,
        )


def disposition_rule(decision: Decision) -> SignatureRule:
    return SignatureRule(
        action=f"decide {decision.value.replace('_', ' ')}",
        meanings=frozenset({Meaning.APPROVED}),
        comment_needed=decision in COMMENT_NEEDED,
    )


RAISE_RULE = SignatureRule("raise a nonconformance", frozenset({Meaning.REPORTED, Meaning.REVIEWED}))
HOLD_RULE = SignatureRule("put a lot on hold", frozenset({Meaning.REVIEWED, Meaning.APPROVED}), comment_needed=False)
RELEASE_RULE = SignatureRule(
    "release a lot from a quality hold", frozenset({Meaning.APPROVED, Meaning.RELEASED}), comment_needed=True
)

APPROVE_INSTRUCTIONS_RULE = SignatureRule("approve work instructions", frozenset({Meaning.APPROVED}))


def parse_decision(value: str) -> Decision:
    try:
        return Decision(value.strip().lower())
    except ValueError:
        allowed = ", ".join(d.value for d in Decision)
        raise InvalidInput(f"A disposition is one of: {allowed}; not {value[:40]!r}.") from None
