"""Read queries of the supervisor console besides the board: orders, dispatch lists, audit, master data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, or_, select

from mes_terminal.db.records import (
    BomLine,
    DowntimeReason,
    Event,
    Line,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    ScrapReason,
    ScrapReasonScope,
    Shift,
    Site,
    User,
    UserRole,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.scrap_scope import ScrapScope
from mes_terminal.domain.statuses import OperationStatus

ops = WorkOrderOperation


def work_orders(connection: Connection, limit: int = 5000) -> list[dict[str, Any]]:
    """Every order (newest due first), with how far its last operation has come."""
    last_seq = select(func.max(ops.seq)).where(ops.work_order_id == WorkOrder.id).correlate(WorkOrder).scalar_subquery()
    made = (
        select(ops.good_quantity)
        .where(ops.work_order_id == WorkOrder.id, ops.seq == last_seq)
        .correlate(WorkOrder)
        .scalar_subquery()
    )
    done = (
        select(func.count())
        .where(ops.work_order_id == WorkOrder.id, ops.status == OperationStatus.COMPLETED)
        .correlate(WorkOrder)
        .scalar_subquery()
    )
    total = select(func.count()).where(ops.work_order_id == WorkOrder.id).correlate(WorkOrder).scalar_subquery()
    rows = connection.execute(
        select(
            WorkOrder.number,
            Material.code.label("product"),
            Material.unit,
            WorkOrder.quantity,
            func.coalesce(made, 0).label("made"),
            WorkOrder.due_at,
            WorkOrder.priority,
            WorkOrder.status,
            WorkOrder.version,
            done.label("operations_done"),
            total.label("operations"),
        )
        .join(Material, Material.id == WorkOrder.product_id)
        .order_by(WorkOrder.due_at.desc(), WorkOrder.number)
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]


def products(connection: Connection) -> list[str]:
    return list(connection.scalars(select(Material.code).where(Material.is_product).order_by(Material.code)))


def station_codes(connection: Connection) -> list[str]:
    return list(connection.scalars(select(Workstation.code).where(Workstation.active).order_by(Workstation.code)))


def eligible_stations(connection: Connection, routing_ids: Sequence[int]) -> dict[int, list[str]]:
    if not routing_ids:
        return {}
    rows = connection.execute(
        select(RoutingOperationStation.routing_operation_id, Workstation.code)
        .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
        .where(RoutingOperationStation.routing_operation_id.in_(list(routing_ids)))
        .order_by(Workstation.code)
    )
    found: dict[int, list[str]] = {}
    for routing_id, code in rows:
        found.setdefault(routing_id, []).append(code)
    return found


def audit(
    connection: Connection,
    *,
    actor: str | None,
    station: str | None,
    entity: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
) -> list[dict[str, Any]]:
    """Events newest first; `actor` matches a badge or a user's name, `entity` a kind or an id."""
    statement = select(
        Event.id,
        Event.occurred_at,
        Event.recorded_at,
        Event.actor,
        User.name.label("actor_name"),
        Event.station,
        Event.type,
        Event.entity,
        Event.entity_id,
        Event.payload,
    ).outerjoin(User, User.badge == Event.actor)
    if actor:
        statement = statement.where(or_(Event.actor == actor, func.lower(User.name).contains(actor.lower())))
    if station:
        statement = statement.where(Event.station == station)
    if entity:
        statement = statement.where(or_(Event.entity == entity, Event.entity_id == entity))
    if start is not None:
        statement = statement.where(Event.occurred_at >= start)
    if end is not None:
        statement = statement.where(Event.occurred_at < end)
    rows = connection.execute(statement.order_by(Event.id.desc()).limit(limit))
    return [dict(r._mapping) for r in rows]


def master_data(connection: Connection) -> dict[str, tuple[tuple[str, ...], Sequence[Sequence[Any]]]]:
    """What the plant file loaded, section by section: column names and rows. PIN hashes stay out."""
    role_rows = connection.execute(select(UserRole.user_id, UserRole.role).order_by(UserRole.role)).all()
    role_names: dict[int, list[str]] = {}
    for user_id, role in role_rows:
        role_names.setdefault(user_id, []).append(role)
    users = connection.execute(
        select(User.id, User.badge, User.name, User.active, User.locked_at).order_by(User.badge)
    ).all()
    scopes: dict[int, list[tuple[str, str, int]]] = {}
    for reason_id, kind, code, number in connection.execute(
        select(
            ScrapReasonScope.scrap_reason_id, ScrapReasonScope.kind, ScrapReasonScope.code, ScrapReasonScope.operation
        )
    ):
        scopes.setdefault(reason_id, []).append((kind, code, number))
    stations_of = eligible_stations(connection, list(connection.scalars(select(RoutingOperation.id))))
    product = Material.__table__.alias("product")
    component = Material.__table__.alias("component")
    parent = DowntimeReason.__table__.alias("parent")
    return {
        "site": (
            ("code", "name", "timezone", "start_when", "overrun_percent", "picking"),
            connection.execute(
                select(Site.code, Site.name, Site.timezone, Site.start_when, Site.overrun_percent, Site.picking)
            ).all(),
        ),
        "workstations": (
            ("line", "code", "name", "badge_only", "active"),
            connection.execute(
                select(Line.code, Workstation.code, Workstation.name, Workstation.badge_only, Workstation.active)
                .join(Line, Line.id == Workstation.line_id)
                .order_by(Line.code, Workstation.code)
            ).all(),
        ),
        "shifts": (
            ("code", "name", "days", "start", "end"),
            connection.execute(
                select(Shift.code, Shift.name, Shift.days, Shift.start_time, Shift.end_time).order_by(Shift.code)
            ).all(),
        ),
        "users": (
            ("badge", "name", "roles", "active", "locked_since"),
            [(u.badge, u.name, ", ".join(role_names.get(u.id, [])), u.active, u.locked_at) for u in users],
        ),
        "materials": (
            ("code", "name", "unit", "product", "lot_controlled", "shelf_life_days", "gtin"),
            connection.execute(
                select(
                    Material.code,
                    Material.name,
                    Material.unit,
                    Material.is_product,
                    Material.lot_controlled,
                    Material.shelf_life_days,
                    Material.gtin,
                ).order_by(Material.code)
            ).all(),
        ),
        "routing": (
            ("product", "operation", "name", "workstations", "ideal_cycle_seconds", "setup_minutes", "checklist"),
            [
                (r.product, r.seq, r.name, ", ".join(stations_of.get(r.id, [])), r.ideal, r.setup, r.checklist)
                for r in connection.execute(
                    select(
                        RoutingOperation.id,
                        product.c.code.label("product"),
                        RoutingOperation.seq,
                        RoutingOperation.name,
                        RoutingOperation.ideal_cycle_seconds.label("ideal"),
                        RoutingOperation.setup_minutes.label("setup"),
                        RoutingOperation.checklist_code.label("checklist"),
                    )
                    .join(product, product.c.id == RoutingOperation.product_id)
                    .order_by(product.c.code, RoutingOperation.seq)
                )
            ],
        ),
        "bom": (
            ("product", "material", "quantity", "operation", "backflush"),
            connection.execute(
                select(product.c.code, component.c.code, BomLine.quantity_per, BomLine.operation_seq, BomLine.backflush)
                .join(product, product.c.id == BomLine.product_id)
                .join(component, component.c.id == BomLine.component_id)
                .order_by(product.c.code, BomLine.operation_seq, component.c.code)
            ).all(),
        ),
        "downtime_reasons": (
            ("code", "name", "parent", "category", "loss", "active"),
            connection.execute(
                select(
                    DowntimeReason.code,
                    DowntimeReason.name,
                    parent.c.code,
                    DowntimeReason.category,
                    DowntimeReason.loss,
                    DowntimeReason.active,
                )
                .outerjoin(parent, parent.c.id == DowntimeReason.parent_id)
                .order_by(DowntimeReason.code)
            ).all(),
        ),
        "scrap_reasons": (
            ("code", "name", "applies_at", "active"),
            [
                (code, name, ScrapScope.of_rows(scopes.get(reason_id, ())).describe(), active)
                for reason_id, code, name, active in connection.execute(
                    select(ScrapReason.id, ScrapReason.code, ScrapReason.name, ScrapReason.active).order_by(
                        ScrapReason.code
                    )
                )
            ],
        ),
    }
