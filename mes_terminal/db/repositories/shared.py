"""Lookups and changes that handlers share. Each raises a typed error naming what is missing.

The hot paths (the acting user, locking and changing a work order) are single Core statements that
return small values: on a slow core the ORM's bookkeeping costs more than the database round trip.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, bindparam, exists, func, or_, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from mes_terminal.db import lookups
from mes_terminal.db.records import (
    Count,
    Line,
    MachineSource,
    Material,
    RoutingOperation,
    Site,
    StationSession,
    User,
    UserRole,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.error_codes import (
    UNKNOWN_MATERIAL,
    UNKNOWN_PRODUCT,
    UNKNOWN_STATION,
    UNKNOWN_USER,
    UNKNOWN_WORK_ORDER,
)
from mes_terminal.domain.errors import Conflict, NotPermitted, UnknownEntity
from mes_terminal.domain.plant_machines import DEFAULT_BADGE as MACHINE_BADGE
from mes_terminal.domain.roles import Role, require_role
from mes_terminal.domain.sentences import Sentence
from mes_terminal.domain.statuses import OperationStatus, WorkOrderStatus


@dataclass(frozen=True)
class Person:
    id: int
    badge: str
    name: str
    active: bool
    roles: tuple[str, ...]
    pin_hash: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class LockedOrder:
    """A work order's row, locked for the rest of the transaction."""

    id: int
    number: str
    status: WorkOrderStatus
    version: int
    released_at: datetime | None


# Statements of the hot path, built once (building a statement costs more than running it here).
_STATION_BY_CODE = select(Workstation).where(Workstation.code == bindparam("code"))
_OPEN_SESSION = select(StationSession).where(
    StationSession.workstation_id == bindparam("workstation_id"),
    StationSession.user_id == bindparam("user_id"),
    StationSession.signed_out_at.is_(None),
)
_PERSON_BY_BADGE = (
    select(User.id, User.badge, User.name, User.active, User.pin_hash, UserRole.role)
    .outerjoin(UserRole, UserRole.user_id == User.id)
    .where(User.badge == bindparam("badge"))
)
# A station's command's first look: the station and its site, the acting person and their roles, and
# whether they are signed in there (a row a role; none when the station or the badge is unknown).
_AT_STATION = (
    select(
        Workstation,
        Site,
        User.id.label("user_id"),
        User.badge,
        User.name,
        User.active,
        User.pin_hash,
        UserRole.role,
        StationSession.id.label("session_id"),
    )
    .join(Line, Line.id == Workstation.line_id)
    .join(Site, Site.id == Line.site_id)
    .join(User, User.badge == bindparam("badge"))
    .outerjoin(UserRole, UserRole.user_id == User.id)
    .outerjoin(
        StationSession,
        and_(
            StationSession.workstation_id == Workstation.id,
            StationSession.user_id == User.id,
            StationSession.signed_out_at.is_(None),
        ),
    )
    .where(Workstation.code == bindparam("code"))
)
_LOCK_ORDER = (
    select(WorkOrder.id, WorkOrder.number, WorkOrder.status, WorkOrder.version, WorkOrder.released_at)
    .where(WorkOrder.number == bindparam("number"))
    .with_for_update()
)
_CHANGE_ORDER = update(WorkOrder).where(
    WorkOrder.id == bindparam("locked_id"), WorkOrder.version == bindparam("locked_version")
)
_WORK_STARTED = select(
    exists().where(
        WorkOrderOperation.work_order_id == bindparam("order_id"),
        or_(
            WorkOrderOperation.started_at.is_not(None),
            exists().where(Count.operation_id == WorkOrderOperation.id),
        ),
    )
)
_PENDING = aliased(WorkOrderOperation)
# The first pending operation of each order, as the statement finds them: not correlated with the row being
# updated, because SQLite evaluates a correlated subquery again for each row as it updates them (the second
# operation would be "first pending" once the first is ready); PostgreSQL reads the statement's snapshot.
_FIRST_PENDING = (
    select(_PENDING.work_order_id, func.min(_PENDING.seq))
    .where(
        _PENDING.work_order_id.in_(bindparam("order_ids", expanding=True)), _PENDING.status == OperationStatus.PENDING
    )
    .group_by(_PENDING.work_order_id)
)
_READY_FIRST_PENDING = (
    update(WorkOrderOperation)
    .where(tuple_(WorkOrderOperation.work_order_id, WorkOrderOperation.seq).in_(_FIRST_PENDING))
    .values(status=OperationStatus.READY, version=WorkOrderOperation.version + 1)
)
_UNREADY = (
    update(WorkOrderOperation)
    .where(
        WorkOrderOperation.work_order_id == bindparam("order_id"), WorkOrderOperation.status == OperationStatus.READY
    )
    .values(status=OperationStatus.PENDING, version=WorkOrderOperation.version + 1)
)


class Users:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_badge(self, badge: str) -> Person:
        return lookups.cached(self._session, ("person", badge), lambda: self._by_badge(badge))

    def _by_badge(self, badge: str) -> Person:
        rows = self._session.connection().execute(_PERSON_BY_BADGE, {"badge": badge}).all()
        if not rows:
            raise UnknownEntity(UNKNOWN_USER.sentence(badge=badge), code=UNKNOWN_USER)
        first = rows[0]
        roles = tuple(sorted(row.role for row in rows if row.role))
        return Person(first.id, first.badge, first.name, first.active, roles, first.pin_hash)

    def is_machine_account(self, badge: str) -> bool:
        """Whether connectors act under this badge: such an account is not a person and never signs in."""
        if badge == MACHINE_BADGE:
            return True
        return self._session.scalar(select(exists().where(MachineSource.badge == badge))) or False

    def acting(self, badge: str, allowed: frozenset[Role], action: str) -> Person:
        """The active user behind `badge`, if one of their roles allows `action`."""
        person = self.by_badge(badge)
        _may_act(person, allowed, action)
        return person

    def acting_at(
        self, code: str, badge: str, allowed: frozenset[Role], action: str
    ) -> tuple[Workstation, Person, bool]:
        """The station `code`, the active user behind `badge` (as `acting`), and whether they are signed in
        there: one statement, which also keeps the station's site for `kept_site` in this transaction."""
        sharing = lookups.sharing(self._session)  # a group's lookups are read once for all of its commands
        rows = [] if sharing else self._session.execute(_AT_STATION, {"code": code, "badge": badge}).all()
        if not rows:  # sharing, or the station or the badge is unknown: the single lookups say which
            station = Workstations(self._session).by_code(code)
            person = self.acting(badge, allowed, action)
            return station, person, self.open_session(station, person) is not None
        first = rows[0]
        roles = tuple(sorted({row.role for row in rows if row.role}))
        person = Person(first.user_id, first.badge, first.name, first.active, roles, first.pin_hash)
        _may_act(person, allowed, action)
        keep_site(self._session, first.Workstation.line_id, first.Site)
        return first.Workstation, person, first.session_id is not None

    def open_session(self, workstation: Workstation, person: Person) -> StationSession | None:
        return self._session.scalars(
            _OPEN_SESSION, {"workstation_id": workstation.id, "user_id": person.id}
        ).one_or_none()

    def signed_in_names(self, workstation: Workstation) -> list[str]:
        return list(
            self._session.scalars(
                select(User.name)
                .join(StationSession, StationSession.user_id == User.id)
                .where(StationSession.workstation_id == workstation.id, StationSession.signed_out_at.is_(None))
                .order_by(StationSession.signed_in_at, User.name)
            )
        )


def _may_act(person: Person, allowed: frozenset[Role], action: str) -> None:
    """Refused unless the person is active and one of their roles allows `action`."""
    if not person.active:
        raise NotPermitted(
            Sentence(
                "{person} ({badge}) is deactivated and may not {action}.",
                person=person.name,
                badge=person.badge,
                action=action,
            )
        )
    require_role(person.name, person.roles, allowed, action)


_SITE_OF_LINE_KEY = "mes_site_of_line"


def keep_site(session: Session, line_id: int, site: Site) -> None:
    """The site of a line, as read in this transaction (see `kept_site`)."""
    session.info.setdefault(_SITE_OF_LINE_KEY, {})[line_id] = site


def kept_site(session: Session, line_id: int) -> Site | None:
    """The site of `line_id` if this transaction read it already: a station's command reads it with the
    station (`Users.acting_at`), and its rules need it again. Sites change only by plant loads, never
    inside a station's command."""
    kept: dict[int, Site] = session.info.get(_SITE_OF_LINE_KEY, {})
    return kept.get(line_id)


class Workstations:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_code(self, code: str) -> Workstation:
        return lookups.cached(self._session, ("station", code), lambda: self._by_code(code))

    def preload(self, codes: Collection[str]) -> dict[str, Workstation]:
        """The stations of `codes` (those that exist), read in one statement and shared (`db.lookups`)."""
        wanted = [code for code in codes if not lookups.known(self._session, ("station", code))]
        if wanted:
            for station in self._session.scalars(select(Workstation).where(Workstation.code.in_(wanted))):
                lookups.keep(self._session, ("station", station.code), station)
        found = (lookups.kept(self._session, ("station", code)) for code in codes)
        return {station.code: station for station in found if station is not None}

    def _by_code(self, code: str) -> Workstation:
        station = self._session.scalars(_STATION_BY_CODE, {"code": code}).one_or_none()
        if station is None:
            raise UnknownEntity(UNKNOWN_STATION.sentence(code=code), code=UNKNOWN_STATION)
        return station


class Products:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_code(self, code: str) -> Material:
        product = self._session.scalars(select(Material).where(Material.code == code)).one_or_none()
        if product is None:
            raise UnknownEntity(UNKNOWN_PRODUCT.sentence(code=code), code=UNKNOWN_PRODUCT)
        return product

    def material(self, code: str) -> Material:
        """Any material, products included."""
        material = self._session.scalars(select(Material).where(Material.code == code)).one_or_none()
        if material is None:
            raise UnknownEntity(UNKNOWN_MATERIAL.sentence(code=code), code=UNKNOWN_MATERIAL)
        return material

    def routing(self, product: Material) -> list[RoutingOperation]:
        return list(
            self._session.scalars(
                select(RoutingOperation).where(RoutingOperation.product_id == product.id).order_by(RoutingOperation.seq)
            )
        )


class WorkOrders:
    def __init__(self, session: Session) -> None:
        self._session = session

    def exists(self, number: str) -> bool:
        return bool(self._session.scalar(select(exists().where(WorkOrder.number == number))))

    def lock(self, number: str) -> LockedOrder:
        """The order's row, locked until the transaction ends (SQLite: the IMMEDIATE transaction is the lock)."""
        row = self._session.connection().execute(_LOCK_ORDER, {"number": number}).one_or_none()
        if row is None:
            raise UnknownEntity(UNKNOWN_WORK_ORDER.sentence(number=number), code=UNKNOWN_WORK_ORDER)
        return LockedOrder(*row)

    def change(self, order: LockedOrder, **values: object) -> LockedOrder:
        """Write `values` to a locked order and bump its version; returns the order as it now is."""
        done = self._session.connection().execute(
            _CHANGE_ORDER,
            {"locked_id": order.id, "locked_version": order.version, "version": order.version + 1, **values},
        )
        if done.rowcount != 1:  # only possible when the row was not locked first
            raise Conflict(
                Sentence("Work order {order} was changed at the same moment; try again.", order=order.number)
            )
        kept = {k: v for k, v in values.items() if k in ("status", "released_at")}
        return LockedOrder(**{**order.__dict__, **kept, "version": order.version + 1})

    def work_started(self, order: LockedOrder) -> bool:
        """True once any operation has run or reported a quantity."""
        return bool(self._session.connection().scalar(_WORK_STARTED, {"order_id": order.id}))

    def ready_first_pending_operation(self, order: LockedOrder) -> None:
        self.ready_first_pending_operations([order.id])

    def ready_first_pending_operations(self, order_ids: Sequence[int]) -> None:
        """The first pending operation of each order becomes ready: one statement for many orders."""
        if order_ids:
            self._session.connection().execute(_READY_FIRST_PENDING, {"order_ids": list(order_ids)})

    def change_new(self, order_ids: Sequence[int], **values: object) -> None:
        """Write `values` to orders made in this transaction and bump their version, as `change` does.

        Nobody else sees those rows before the commit, so there is no lock to take and no version to check.
        """
        if order_ids:
            self._session.connection().execute(
                update(WorkOrder)
                .where(WorkOrder.id.in_(list(order_ids)))
                .values(version=WorkOrder.version + 1, **values)
                .execution_options(synchronize_session=False)
            )

    def unready_operations(self, order: LockedOrder) -> None:
        self._session.connection().execute(_UNREADY, {"order_id": order.id})
