"""Readiness as one pure rule: every reason at once, blocking or advice by the site's rules, and the
refusal Start gives for the first blocking one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.domain.errors import InvalidState, NotPermitted
from mes_terminal.domain.execution import PreviousOperation, StartWhen
from mes_terminal.domain.materials import BomNeed
from mes_terminal.domain.readiness import (
    LOT_ON_HOLD,
    MaterialCheck,
    Qualification,
    Readiness,
    SiteRules,
    Starter,
    check_start,
    readiness,
)
from tests.unit.test_execution_rules import facts

QTY = StartWhen.QUANTITY_AVAILABLE
FINISHED = StartWhen.PREVIOUS_FINISHED
RULES = SiteRules()
STEEL = BomNeed("STEEL", "Steel sheet", "kg", Decimal("0.5"), (), False, Decimal(0))


@pytest.mark.parametrize(
    ("changes", "rule", "state", "reason"),
    [
        ({}, QTY, Readiness.READY, "Ready: 30 to make."),
        ({}, FINISHED, Readiness.WAITING_PREVIOUS, "Waiting for operation 10 (Cut) to finish: 30 done."),
        (
            {"previous": PreviousOperation(10, "Cut", "completed", Decimal(98))},
            FINISHED,
            Readiness.READY,
            "Ready: 98 to make.",
        ),
        (
            {"good": Decimal(30)},
            QTY,
            Readiness.WAITING_PREVIOUS,
            "Waiting for operation 10 (Cut): all 30 parts delivered so far are done here.",
        ),
        (
            {"previous": PreviousOperation(10, "Cut", "ready", Decimal(0))},
            QTY,
            Readiness.WAITING_PREVIOUS,
            "Waiting for operation 10 (Cut): no parts available yet.",
        ),
        ({"order_status": "on_hold"}, QTY, Readiness.ORDER_ON_HOLD, "Work order WO-1 is on hold."),
        ({"order_status": "planned"}, QTY, Readiness.ORDER_NOT_RELEASED, "Work order WO-1 is not released."),
        (
            {"status": "running", "station": "WS-02"},
            QTY,
            Readiness.RUNNING_HERE,
            "Running here: 0 good, 0 scrap of 30.",
        ),
        (
            {"status": "paused", "station": "WS-09"},
            QTY,
            Readiness.RUNNING_ELSEWHERE,
            "WO-1 operation 20 (Bend) is paused at WS-09.",
        ),
        ({"status": "completed"}, QTY, Readiness.COMPLETED, "WO-1 operation 20 (Bend) is completed."),
        ({"previous": None, "seq": 10, "name": "Cut"}, FINISHED, Readiness.READY, "Ready: 100 to make."),
    ],
)
def test_readiness(changes: dict, rule: StartWhen, state: Readiness, reason: str) -> None:
    verdict = readiness(facts(**changes), "WS-02", SiteRules(rule))
    assert (verdict.state, verdict.sentence) == (state, reason)


def codes(verdict) -> list[tuple[str, bool]]:
    return [(reason.code, reason.blocking) for reason in verdict.reasons]


def test_a_ready_operation_has_no_reason_and_starts() -> None:
    verdict = readiness(facts(), "WS-02", RULES)
    assert (verdict.state, verdict.reasons, verdict.blocking) == (Readiness.READY, (), None)
    check_start(verdict, facts())


def test_every_reason_is_given_at_once_blocking_ones_first() -> None:
    verdict = readiness(
        facts(order_status="on_hold"),
        "WS-02",
        SiteRules(FINISHED),
        eligible=False,
        qualification=Qualification("LASER", frozenset({"WELD"})),
        bom=[(STEEL, Decimal(1))],
        checks_at_start=("Guard closed",),
        held_lots=("WO-1",),
    )
    assert codes(verdict) == [
        ("not_eligible", True),
        ("order_on_hold", True),
        ("waiting_previous", True),
        ("not_qualified", True),
        ("material_short", False),
        ("check_due", False),
        (LOT_ON_HOLD, False),
    ]
    assert verdict.state == Readiness.NOT_ELIGIBLE
    assert [str(r.sentence) for r in verdict.reasons] == [
        "WO-1 operation 20 (Bend) does not run at WS-02.",
        "Work order WO-1 is on hold.",
        "Waiting for operation 10 (Cut) to finish: 30 done.",
        "Needs the qualification LASER, which nobody signed in here holds.",
        "Material short: STEEL needs 15 kg, 1 kg usable on hand.",
        "Check due at start: Guard closed.",
        "Lot WO-1 of work order WO-1 is on hold.",
    ]
    assert verdict.sentence == verdict.reasons[0].sentence
    with pytest.raises(InvalidState) as refused:
        check_start(verdict, facts())
    assert refused.value.code == "job.not_eligible"


def test_a_blocking_reason_comes_before_advice_found_earlier() -> None:
    verdict = readiness(
        facts(), "WS-02", RULES, bom=[(STEEL, Decimal(1))], qualification=Qualification("LASER", frozenset())
    )
    assert codes(verdict) == [("not_qualified", True), ("material_short", False)]
    assert verdict.state == Readiness.NOT_QUALIFIED


@pytest.mark.parametrize(("material_check", "blocking"), [(MaterialCheck.WARN, False), (MaterialCheck.BLOCK, True)])
def test_a_material_shortage_blocks_only_where_the_site_says_so(material_check, blocking) -> None:
    verdict = readiness(facts(), "WS-02", SiteRules(QTY, material_check), bom=[(STEEL, Decimal(3))])
    assert (verdict.state, codes(verdict)) == (Readiness.MATERIAL_SHORT, [("material_short", blocking)])
    assert verdict.sentence == "Material short: STEEL needs 15 kg, 3 kg usable on hand."
    if blocking:
        with pytest.raises(InvalidState, match="cannot start: Material short") as refused:
            check_start(verdict, facts())
        assert refused.value.code == "job.material_short"
    else:
        check_start(verdict, facts())


def test_enough_material_on_hand_gives_no_reason() -> None:
    verdict = readiness(facts(), "WS-02", SiteRules(QTY, MaterialCheck.BLOCK), bom=[(STEEL, Decimal(15))])
    assert verdict.reasons == ()


def test_a_check_due_at_start_is_advice_and_keeps_ready_in_front() -> None:
    verdict = readiness(facts(), "WS-02", RULES, checks_at_start=("Guard closed", "Gloves on"))
    assert verdict.state == Readiness.CHECK_DUE
    assert verdict.sentence == "Ready: 30 to make. Check due at start: Guard closed, Gloves on."
    assert codes(verdict) == [("check_due", False)]
    check_start(verdict, facts())


def test_a_held_lot_of_the_order_is_shown_and_the_row_stays_ready() -> None:
    verdict = readiness(facts(), "WS-02", RULES, held_lots=("WO-1", "WO-1-B"))
    assert (verdict.state, verdict.sentence) == (Readiness.READY, "Ready: 30 to make.")
    assert [str(r.sentence) for r in verdict.reasons] == [
        "Lot WO-1 of work order WO-1 is on hold.",
        "Lot WO-1-B of work order WO-1 is on hold.",
    ]
    check_start(verdict, facts())


def test_a_started_or_finished_operation_has_its_one_reason_only() -> None:
    running = facts(status="running", station="WS-09", order_status="on_hold")
    verdict = readiness(running, "WS-02", RULES, eligible=False, checks_at_start=("Guard closed",))
    assert codes(verdict) == [("running_elsewhere", True)]
    with pytest.raises(InvalidState, match="cannot start: WO-1 operation 20 \\(Bend\\) is running at WS-09") as refused:
        check_start(verdict, running)
    assert refused.value.code == "job.running_elsewhere"


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        ("running", "job.already_running", "WO-1 operation 20 (Bend) is already running here."),
        ("paused", "job.paused", "WO-1 operation 20 (Bend) is paused here; resume it instead."),
    ],
)
def test_starting_what_runs_here_is_refused_with_todays_codes(status, code, message) -> None:
    here = facts(status=status, station="WS-02")
    with pytest.raises(InvalidState) as refused:
        check_start(readiness(here, "WS-02", RULES), here)
    assert (refused.value.code, refused.value.message) == (code, message)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"order_status": "on_hold"}, "job.order_on_hold"),
        ({"order_status": "planned"}, "job.order_not_released"),
        ({"good": Decimal(30)}, "job.waiting_previous"),
        ({"status": "completed"}, "job.completed"),
    ],
)
def test_a_refusal_carries_the_code_of_its_reason(changes, code) -> None:
    refused_facts = facts(**changes)
    with pytest.raises(InvalidState, match=r"^WO-1 operation 20 \(Bend\) cannot start: ") as refused:
        check_start(readiness(refused_facts, "WS-02", RULES), refused_facts)
    assert refused.value.code == code


LASER = "LASER"


@pytest.mark.parametrize(
    ("qualification", "sentence"),
    [
        (Qualification(None, frozenset()), None),
        (Qualification(LASER, None), None),  # the list, nobody signed in: nothing to say yet
        (Qualification(LASER, frozenset({LASER})), None),
        (
            Qualification(LASER, frozenset({"WELD"})),
            "Needs the qualification LASER, which nobody signed in here holds.",
        ),
        (Qualification(LASER, frozenset(), Starter("Ada", True, frozenset({LASER}))), None),
        (
            Qualification(LASER, frozenset({LASER}), Starter("Ada", True, frozenset())),
            "Ada is not qualified for LASER, which WO-1 operation 20 (Bend) needs.",
        ),
        (Qualification(LASER, frozenset({LASER}), Starter("Sue", False)), None),
        (
            Qualification(LASER, None, Starter("Sue", False, frozenset({LASER}))),
            "Nobody signed in at WS-02 is qualified for LASER, which WO-1 operation 20 (Bend) needs.",
        ),
    ],
)
def test_qualification_for_the_list_the_starter_and_on_behalf(qualification, sentence) -> None:
    verdict = readiness(facts(), "WS-02", RULES, qualification=qualification)
    if sentence is None:
        assert verdict.reasons == ()
        check_start(verdict, facts())
        return
    assert (verdict.state, verdict.sentence, codes(verdict)) == (
        Readiness.NOT_QUALIFIED,
        sentence,
        [("not_qualified", True)],
    )
    with pytest.raises(NotPermitted) as refused:
        check_start(verdict, facts())
    assert (refused.value.code, refused.value.message) == ("job.not_qualified", sentence)
