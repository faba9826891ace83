"""What the execution handlers read and lock: operations with their order, runs, labour, reasons."""

from __future__ import annotations

from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import Session

from mes_terminal.db.records import (
    DowntimeEvent,
    DowntimeReason,
    JobRun,
    LabourEntry,
    Line,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    ScrapReason,
    Site,
    StationSession,
    UserQualification,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.execution import OperationFacts, PreviousOperation
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import ACTIVE_OPERATION

# Statements of the hot path, built once (building a statement costs more than running it here).
_LOCK_ORDER = select(WorkOrder).where(WorkOrder.number == bindparam("number")).with_for_update()
_LOCK_OPERATION = (
    select(WorkOrderOperation)
    .where(WorkOrderOperation.work_order_id == bindparam("order_id"), WorkOrderOperation.seq == bindparam("seq"))
    .with_for_update()
)
_SITE_OF_LINE = select(Site).join(Line, Line.site_id == Site.id).where(Line.id == bindparam("line_id"))


class Jobs:
    def __init__(self, session: Session) -> None:
        self._session = session

    def lock(self, work_order: str, seq: int) -> tuple[WorkOrder, WorkOrderOperation]:
        """The order and its operation, both locked until the transaction ends."""
        order = self._session.scalars(_LOCK_ORDER, {"number": work_order}).one_or_none()
        if order is None:
            raise UnknownEntity(
                Sentence("There is no work order {work_order}.", work_order=work_order), code="unknown_work_order"
            )
        operation = self._session.scalars(_LOCK_OPERATION, {"order_id": order.id, "seq": seq}).one_or_none()
        if operation is None:
            raise UnknownEntity(
                Sentence("Work order {work_order} has no operation {operation}.", work_order=work_order, operation=seq),
                code="unknown_operation",
            )
        return order, operation

    def previous(self, operation: WorkOrderOperation) -> WorkOrderOperation | None:
        return self._session.scalars(
            select(WorkOrderOperation)
            .where(
                WorkOrderOperation.work_order_id == operation.work_order_id,
                WorkOrderOperation.seq < operation.seq,
            )
            .order_by(WorkOrderOperation.seq.desc())
            .limit(1)
        ).one_or_none()

    def following(self, operation: WorkOrderOperation) -> WorkOrderOperation | None:
        return self._session.scalars(
            select(WorkOrderOperation)
            .where(
                WorkOrderOperation.work_order_id == operation.work_order_id,
                WorkOrderOperation.seq > operation.seq,
            )
            .order_by(WorkOrderOperation.seq)
            .limit(1)
        ).one_or_none()

    def facts(self, order: WorkOrder, operation: WorkOrderOperation) -> OperationFacts:
        previous = self.previous(operation)
        station = self._session.get(Workstation, operation.workstation_id) if operation.workstation_id else None
        return OperationFacts(
            work_order=order.number,
            order_status=order.status,
            order_quantity=order.quantity,
            seq=operation.seq,
            name=operation.name,
            status=operation.status,
            good=operation.good_quantity,
            scrap=operation.scrap_quantity,
            station=station.code if station else None,
            previous=None
            if previous is None
            else PreviousOperation(previous.seq, previous.name, previous.status, previous.good_quantity),
        )

    def eligible(self, operation: WorkOrderOperation, station: Workstation) -> bool:
        if operation.workstation_id is not None and operation.status in ACTIVE_OPERATION:
            return operation.workstation_id == station.id
        return bool(
            self._session.scalar(
                select(
                    exists().where(
                        RoutingOperationStation.routing_operation_id == operation.routing_operation_id,
                        RoutingOperationStation.workstation_id == station.id,
                    )
                )
            )
        )

    def required_qualification(self, operation: WorkOrderOperation) -> str | None:
        if operation.routing_operation_id is None:
            return None
        return self._session.scalar(
            select(RoutingOperation.qualification).where(RoutingOperation.id == operation.routing_operation_id)
        )

    def holds(self, user_id: int, qualification: str) -> bool:
        return bool(
            self._session.scalar(
                select(exists().where(UserQualification.user_id == user_id, UserQualification.code == qualification))
            )
        )

    def held_at(self, station: Workstation, qualification: str) -> bool:
        """Whether someone signed in at the station holds the qualification."""
        return bool(
            self._session.scalar(
                select(
                    exists().where(
                        StationSession.workstation_id == station.id,
                        StationSession.signed_out_at.is_(None),
                        UserQualification.user_id == StationSession.user_id,
                        UserQualification.code == qualification,
                    )
                )
            )
        )

    def open_run(self, operation: WorkOrderOperation) -> JobRun | None:
        return self._session.scalars(
            select(JobRun).where(JobRun.operation_id == operation.id, JobRun.ended_at.is_(None))
        ).one_or_none()

    def last_run(self, operation: WorkOrderOperation) -> JobRun | None:
        return self._session.scalars(
            select(JobRun).where(JobRun.operation_id == operation.id).order_by(JobRun.started_at.desc()).limit(1)
        ).first()

    def open_labour(self, run: JobRun) -> list[LabourEntry]:
        return list(
            self._session.scalars(
                select(LabourEntry).where(LabourEntry.job_run_id == run.id, LabourEntry.ended_at.is_(None))
            )
        )

    def open_labour_at(self, station: Workstation, user_id: int) -> list[LabourEntry]:
        return list(
            self._session.scalars(
                select(LabourEntry)
                .join(JobRun, JobRun.id == LabourEntry.job_run_id)
                .where(
                    JobRun.workstation_id == station.id,
                    LabourEntry.user_id == user_id,
                    LabourEntry.ended_at.is_(None),
                )
            )
        )

    def product(self, order: WorkOrder) -> Material:
        return self._session.get_one(Material, order.product_id)

    def site_rules(self, station: Workstation) -> Site:
        return self._session.scalars(_SITE_OF_LINE, {"line_id": station.line_id}).one()

    def scrap_reason(self, code: str) -> ScrapReason:
        reason = self._session.scalars(select(ScrapReason).where(ScrapReason.code == code)).one_or_none()
        if reason is None or not reason.active:
            raise UnknownEntity(Sentence("There is no scrap reason {code}.", code=code), code="unknown_scrap_reason")
        return reason

    def downtime_reason(self, code: str) -> DowntimeReason:
        reason = self._session.scalars(select(DowntimeReason).where(DowntimeReason.code == code)).one_or_none()
        if reason is None or not reason.active:
            raise UnknownEntity(
                Sentence("There is no downtime reason {code}.", code=code), code="unknown_downtime_reason"
            )
        return reason

    def open_downtime(self, station: Workstation) -> DowntimeEvent | None:
        return self._session.scalars(
            select(DowntimeEvent).where(DowntimeEvent.workstation_id == station.id, DowntimeEvent.ended_at.is_(None))
        ).one_or_none()
