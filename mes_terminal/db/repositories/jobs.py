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
    UserQualification,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.db.repositories.shared import keep_site, kept_site
from mes_terminal.domain.error_codes import (
    UNKNOWN_DOWNTIME_REASON,
    UNKNOWN_OPERATION,
    UNKNOWN_SCRAP_REASON,
    UNKNOWN_WORK_ORDER,
)
from mes_terminal.domain.errors import UnknownEntity
from mes_terminal.domain.execution import OperationFacts, PreviousOperation

# Statements of the hot path, built once (building a statement costs more than running it here).
_LOCK_ORDER = select(WorkOrder).where(WorkOrder.number == bindparam("number")).with_for_update()
_LOCK_OPERATION = (
    select(WorkOrderOperation)
    .where(WorkOrderOperation.work_order_id == bindparam("order_id"), WorkOrderOperation.seq == bindparam("seq"))
    .with_for_update()
)
_LOCK_JOB = (
    select(WorkOrder, WorkOrderOperation)
    .join(WorkOrderOperation, WorkOrderOperation.work_order_id == WorkOrder.id)
    .where(WorkOrder.number == bindparam("number"), WorkOrderOperation.seq == bindparam("seq"))
    .with_for_update()
)
_SITE_OF_LINE = select(Site).join(Line, Line.site_id == Site.id).where(Line.id == bindparam("line_id"))


class Jobs:
    def __init__(self, session: Session) -> None:
        self._session = session

    def lock(self, work_order: str, seq: int) -> tuple[WorkOrder, WorkOrderOperation]:
        """The order and its operation, both locked until the transaction ends: one statement."""
        found = self._session.execute(_LOCK_JOB, {"number": work_order, "seq": seq}).one_or_none()
        if found is not None:
            return found.WorkOrder, found.WorkOrderOperation
        # One of them is missing: which, in the order a person would check.
        order = self._session.scalars(_LOCK_ORDER, {"number": work_order}).one_or_none()
        if order is None:
            raise UnknownEntity(UNKNOWN_WORK_ORDER.sentence(number=work_order), code=UNKNOWN_WORK_ORDER)
        operation = self._session.scalars(_LOCK_OPERATION, {"order_id": order.id, "seq": seq}).one_or_none()
        if operation is None:
            raise UnknownEntity(
                UNKNOWN_OPERATION.sentence(work_order=work_order, operation=seq),
                code=UNKNOWN_OPERATION,
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
        """Whether the routing lets the operation run at the station (where it runs now is readiness's)."""
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

    def qualifications(self, user_id: int) -> frozenset[str]:
        return frozenset(
            self._session.scalars(select(UserQualification.code).where(UserQualification.user_id == user_id))
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
        site = kept_site(self._session, station.line_id)
        if site is None:
            site = self._session.scalars(_SITE_OF_LINE, {"line_id": station.line_id}).one()
            keep_site(self._session, station.line_id, site)
        return site

    def scrap_reason(self, code: str) -> ScrapReason:
        reason = self._session.scalars(select(ScrapReason).where(ScrapReason.code == code)).one_or_none()
        if reason is None or not reason.active:
            raise UnknownEntity(UNKNOWN_SCRAP_REASON.sentence(code=code), code=UNKNOWN_SCRAP_REASON)
        return reason

    def downtime_reason(self, code: str) -> DowntimeReason:
        reason = self._session.scalars(select(DowntimeReason).where(DowntimeReason.code == code)).one_or_none()
        if reason is None or not reason.active:
            raise UnknownEntity(UNKNOWN_DOWNTIME_REASON.sentence(code=code), code=UNKNOWN_DOWNTIME_REASON)
        return reason

    def open_downtime(self, station: Workstation) -> DowntimeEvent | None:
        return self._session.scalars(
            select(DowntimeEvent).where(DowntimeEvent.workstation_id == station.id, DowntimeEvent.ended_at.is_(None))
        ).one_or_none()
