"""Lookups that handlers share. Each raises a typed error naming what is missing."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from mes_terminal.db.records import (
    Count,
    Material,
    RoutingOperation,
    StationSession,
    User,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.errors import NotPermitted, UnknownEntity
from mes_terminal.domain.roles import Role, require_role


class Users:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_badge(self, badge: str) -> User:
        user = self._session.scalars(select(User).where(User.badge == badge)).one_or_none()
        if user is None:
            raise UnknownEntity(f"No user has badge {badge}.", code="unknown_user")
        return user

    def acting(self, badge: str, allowed: frozenset[Role], action: str) -> User:
        """The active user behind `badge`, if one of their roles allows `action`."""
        user = self.by_badge(badge)
        if not user.active:
            raise NotPermitted(f"{user.name} ({badge}) is deactivated and may not {action}.")
        require_role(user.name, user.role_names, allowed, action)
        return user

    def open_session(self, workstation: Workstation, user: User) -> StationSession | None:
        return self._session.scalars(
            select(StationSession).where(
                StationSession.workstation_id == workstation.id,
                StationSession.user_id == user.id,
                StationSession.signed_out_at.is_(None),
            )
        ).one_or_none()

    def signed_in_names(self, workstation: Workstation) -> list[str]:
        return list(
            self._session.scalars(
                select(User.name)
                .join(StationSession, StationSession.user_id == User.id)
                .where(StationSession.workstation_id == workstation.id, StationSession.signed_out_at.is_(None))
                .order_by(StationSession.signed_in_at)
            )
        )


class Workstations:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_code(self, code: str) -> Workstation:
        station = self._session.scalars(select(Workstation).where(Workstation.code == code)).one_or_none()
        if station is None:
            raise UnknownEntity(f"There is no workstation {code}.", code="unknown_station")
        return station


class Products:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_code(self, code: str) -> Material:
        product = self._session.scalars(select(Material).where(Material.code == code)).one_or_none()
        if product is None:
            raise UnknownEntity(f"There is no product {code}.", code="unknown_product")
        return product

    def routing(self, product: Material) -> list[RoutingOperation]:
        return list(
            self._session.scalars(
                select(RoutingOperation)
                .where(RoutingOperation.product_id == product.id)
                .order_by(RoutingOperation.seq)
            )
        )


class WorkOrders:
    def __init__(self, session: Session) -> None:
        self._session = session

    def exists(self, number: str) -> bool:
        return bool(self._session.scalar(select(exists().where(WorkOrder.number == number))))

    def for_update(self, number: str) -> WorkOrder:
        """The order, locked until the transaction ends (SQLite: the IMMEDIATE transaction already is)."""
        order = self._session.scalars(
            select(WorkOrder)
            .where(WorkOrder.number == number)
            .options(selectinload(WorkOrder.operations))
            .with_for_update(of=WorkOrder)
        ).one_or_none()
        if order is None:
            raise UnknownEntity(f"There is no work order {number}.", code="unknown_work_order")
        return order

    def work_started(self, order: WorkOrder) -> bool:
        """True once any operation has run or reported a quantity."""
        if any(op.started_at is not None for op in order.operations):
            return True
        return bool(
            self._session.scalar(
                select(
                    exists()
                    .where(Count.operation_id == WorkOrderOperation.id)
                    .where(WorkOrderOperation.work_order_id == order.id)
                )
            )
        )
