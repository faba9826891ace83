"""The database itself guards the data: negative stock, negative counts, duplicates, bad states."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from mes_terminal.db.base import status_check
from mes_terminal.db.records import Count, Lot, Material, User, WorkOrder, WorkOrderOperation, Workstation
from mes_terminal.domain.statuses import LotStatus, OperationStatus, WorkOrderStatus
from mes_terminal.paths import migrations_dir

NOW = datetime(2026, 3, 2, 6, tzinfo=UTC)


def _refused(engine: Engine, statement) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(statement)


def _id(engine: Engine, column, where) -> int:
    with engine.connect() as connection:
        return connection.execute(select(column).where(where)).scalar_one()


def test_a_lot_never_holds_a_negative_quantity(plant: Engine) -> None:
    steel = _id(plant, Material.id, Material.code == "STEEL-2MM")
    _refused(
        plant,
        insert(Lot).values(number="L-1", material_id=steel, quantity=Decimal(-1), status="available", created_at=NOW),
    )
    _refused(
        plant, insert(Lot).values(number="L-1", material_id=steel, quantity=Decimal(1), status="lost", created_at=NOW)
    )


def test_lot_numbers_are_unique(plant: Engine) -> None:
    steel = _id(plant, Material.id, Material.code == "STEEL-2MM")
    lot = insert(Lot).values(number="L-2", material_id=steel, quantity=Decimal(5), status="available", created_at=NOW)
    with plant.begin() as connection:
        connection.execute(lot)
    _refused(plant, lot)


def test_counts_are_never_negative_and_scrap_needs_a_reason(plant: Engine) -> None:
    product = _id(plant, Material.id, Material.code == "BRACKET-A")
    station = _id(plant, Workstation.id, Workstation.code == "WS-01")
    with plant.begin() as connection:
        order = connection.execute(
            insert(WorkOrder)
            .values(
                number="WO-C",
                product_id=product,
                quantity=Decimal(10),
                due_at=NOW,
                priority=0,
                status="released",
                created_at=NOW,
                version=1,
            )
            .returning(WorkOrder.id)
        ).scalar_one()
        op = connection.execute(
            insert(WorkOrderOperation)
            .values(
                work_order_id=order,
                seq=10,
                name="Cut",
                status="ready",
                good_quantity=0,
                scrap_quantity=0,
                short_closed=False,
                version=1,
            )
            .returning(WorkOrderOperation.id)
        ).scalar_one()
    user = _id(plant, User.id, User.badge == "B1001")
    base = {"operation_id": op, "workstation_id": station, "user_id": user, "reported_at": NOW}
    _refused(plant, insert(Count).values(**base, good=Decimal(-1), scrap=Decimal(0)))
    _refused(plant, insert(Count).values(**base, good=Decimal(0), scrap=Decimal(2)))
    _refused(plant, insert(Count).values(**base, good=Decimal(0), scrap=Decimal(0)))
    _refused(
        plant,
        insert(WorkOrderOperation).values(
            work_order_id=order,
            seq=20,
            name="Bend",
            status="ready",
            good_quantity=Decimal(-1),
            scrap_quantity=0,
            short_closed=False,
            version=1,
        ),
    )


def test_a_work_order_refuses_an_unknown_status_and_a_missing_product(plant: Engine) -> None:
    _refused(
        plant,
        insert(WorkOrder).values(
            number="WO-X",
            product_id=999999,
            quantity=Decimal(1),
            due_at=NOW,
            priority=0,
            status="planned",
            created_at=NOW,
            version=1,
        ),
    )
    product = _id(plant, Material.id, Material.code == "BRACKET-A")
    _refused(
        plant,
        insert(WorkOrder).values(
            number="WO-X",
            product_id=product,
            quantity=Decimal(1),
            due_at=NOW,
            priority=0,
            status="dreaming",
            created_at=NOW,
            version=1,
        ),
    )


@pytest.mark.parametrize("enum", [LotStatus, OperationStatus, WorkOrderStatus], ids=lambda e: e.__name__)
def test_the_status_checks_built_from_the_enums_are_the_ones_the_migrations_created(enum: type) -> None:
    initial = (migrations_dir() / "versions" / "0001_initial_schema.py").read_text(encoding="utf-8")
    assert f'"{status_check(enum).sqltext.text}"' in initial  # unchanged text: no migration needed


def test_every_lot_status_is_stored_and_read_back_as_its_member(plant: Engine) -> None:
    steel = _id(plant, Material.id, Material.code == "STEEL-2MM")
    with plant.begin() as connection:
        for status in LotStatus:
            connection.execute(
                insert(Lot).values(
                    number=f"L-{status}", material_id=steel, quantity=Decimal(0), status=status, created_at=NOW
                )
            )
    with plant.connect() as connection:
        stored = dict(connection.execute(select(Lot.number, Lot.status).where(Lot.number.like("L-%"))).all())
        raw = connection.exec_driver_sql("SELECT status FROM lots WHERE number = 'L-on_hold'").scalar_one()
    assert stored == {f"L-{status}": status for status in LotStatus}
    assert all(type(value) is LotStatus for value in stored.values())
    assert type(raw) is str and raw == "on_hold"  # on disk: the plain string, as before
