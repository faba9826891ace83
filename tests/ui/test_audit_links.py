"""The console's Audit tab shows a correction and the event it corrects, each naming the other."""

from __future__ import annotations

from datetime import UTC, datetime

from mes_terminal.services.queries.supervisor_views import AuditRow
from mes_terminal.ui.supervisor.simple_models import AuditModel

WHY = 7
AT = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def _row(id_: int, type_: str, payload: dict, corrected_by: tuple[int, ...] = ()) -> AuditRow:
    return AuditRow(id_, AT, AT, "B2001", "Grace Hopper", None, type_, "operation", "WO-1/10", payload, corrected_by)


def test_a_correction_and_the_corrected_count_name_each_other(qapp, qtmodeltester) -> None:
    model = AuditModel()
    model.set_events(
        [
            _row(12, "CountCorrected", {"corrects": 7, "reason": "Miscounted", "before": {"good": "10"}}),
            _row(7, "CountReported", {"good": "10"}, corrected_by=(12,)),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, WHY).data() == "Miscounted — corrects #7"
    assert model.index(1, WHY).data() == "corrected by #12"
