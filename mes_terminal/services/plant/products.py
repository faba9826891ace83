"""The material side of a plant load: materials, products, their routings and bills of materials.

Part of `plant.loader.load_plant`, inside its transaction. For a product in the file, the file holds
its whole routing and bill of materials: operations and lines it no longer lists are removed, unless
work orders still use the operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from mes_terminal.db.records import (
    BomLine,
    BomSubstitute,
    Material,
    RoutingOperation,
    RoutingOperationStation,
    WorkOrder,
    WorkOrderOperation,
    Workstation,
)
from mes_terminal.domain.errors import PlantFileError
from mes_terminal.domain.plant import (
    BomLineSpec,
    MaterialSpec,
    PlantDefinition,
    ProductSpec,
    RoutingOperationSpec,
)
from mes_terminal.services.plant.changes import ChangeLog, Values, columns, plain


class ProductDefinitions:
    """Brings materials, products, routings and bills of materials in line with the plant file."""

    def __init__(self, session: Session, plant: PlantDefinition, changes: ChangeLog) -> None:
        self.session = session
        self.plant = plant
        self.changes = changes

    def load(self, stations: Mapping[str, Workstation]) -> dict[str, Material]:
        """Materials, products, routings and BOMs; returns the materials and products by code."""
        materials = self._materials()
        self._routings(materials, stations)
        self._boms(materials)
        return materials

    def _refuse(self, sentence: str) -> PlantFileError:
        return PlantFileError(f"{self.plant.source}: {sentence}")

    # --- materials and products --------------------------------------------------------------------

    def _materials(self) -> dict[str, Material]:
        specs: list[tuple[str, MaterialSpec | ProductSpec]] = [("material", m) for m in self.plant.materials]
        specs += [("product", p) for p in self.plant.products]
        return load_materials(self.session, self.changes, specs, self.plant.source)

    # --- routings ----------------------------------------------------------------------------------

    def _routings(self, materials: Mapping[str, Material], stations: Mapping[str, Workstation]) -> None:
        product_ids = [materials[p.code].id for p in self.plant.products]
        operations = self.session.scalars(
            select(RoutingOperation).where(RoutingOperation.product_id.in_(product_ids))
        ).all()
        eligible = self._eligible_stations(operations)
        by_product: dict[int, dict[int, RoutingOperation]] = {}
        for op in operations:
            by_product.setdefault(op.product_id, {})[op.seq] = op
        for spec in self.plant.products:
            product = materials[spec.code]
            current = by_product.get(product.id, {})
            before = None
            if current:
                before = {
                    "operations": [_operation_values(op, eligible.get(op.id, {})) for _, op in sorted(current.items())]
                }
            after = {"operations": [_operation_spec_values(op) for op in spec.routing]}
            if self.changes.record("routing", spec.code, before, after):
                self._write_routing(product, spec, current, eligible, stations)

    def _eligible_stations(
        self, operations: Iterable[RoutingOperation]
    ) -> dict[int, dict[str, RoutingOperationStation]]:
        """For each operation id, its station links by workstation code."""
        links = self.session.execute(
            select(RoutingOperationStation, Workstation.code)
            .join(Workstation, Workstation.id == RoutingOperationStation.workstation_id)
            .where(RoutingOperationStation.routing_operation_id.in_([op.id for op in operations]))
        )
        eligible: dict[int, dict[str, RoutingOperationStation]] = {}
        for link, code in links:
            eligible.setdefault(link.routing_operation_id, {})[code] = link
        return eligible

    def _write_routing(
        self,
        product: Material,
        spec: ProductSpec,
        current: dict[int, RoutingOperation],
        eligible: dict[int, dict[str, RoutingOperationStation]],
        stations: Mapping[str, Workstation],
    ) -> None:
        wanted = {op.operation for op in spec.routing}
        removed = [op for seq, op in current.items() if seq not in wanted]
        self._refuse_removing_used(product.code, removed)
        for gone in removed:
            for link in eligible.pop(gone.id, {}).values():
                self.session.delete(link)
        self.session.flush()  # the station links go before their operation
        for gone in removed:
            self.session.delete(gone)
        written = []
        for op_spec in spec.routing:
            op = current.get(op_spec.operation)
            if op is None:
                op = RoutingOperation(product_id=product.id, seq=op_spec.operation)
                self.session.add(op)
            op.name, op.work_instruction, op.checklist_code = op_spec.name, op_spec.work_instruction, op_spec.checklist
            op.qualification = op_spec.qualification
            op.ideal_cycle_seconds, op.setup_minutes = op_spec.ideal_cycle_seconds, op_spec.setup_minutes
            op.transfer_minutes, op.interruptible = op_spec.transfer_minutes, op_spec.interruptible
            written.append((op, op_spec))
        self.session.flush()
        for op, op_spec in written:
            links = eligible.get(op.id, {})
            for code, link in links.items():
                if code not in op_spec.workstations:
                    self.session.delete(link)
            for code in op_spec.workstations:
                if code not in links:
                    link = RoutingOperationStation(routing_operation_id=op.id, workstation_id=stations[code].id)
                    self.session.add(link)
        self.session.flush()

    def _refuse_removing_used(self, product: str, removed: list[RoutingOperation]) -> None:
        """A work order keeps the operation it was made from; the routing may not pull it away."""
        if not removed:
            return
        used = self.session.execute(
            select(WorkOrderOperation.seq, WorkOrder.number)
            .join(WorkOrder, WorkOrder.id == WorkOrderOperation.work_order_id)
            .where(WorkOrderOperation.routing_operation_id.in_([op.id for op in removed]))
            .order_by(WorkOrder.number)
            .limit(1)
        ).first()
        if used is not None:
            raise self._refuse(
                f"operation {used.seq} of {product} is used by work order {used.number}, so it cannot be removed "
                f"from the routing; keep it in the file."
            )

    # --- bills of materials ------------------------------------------------------------------------

    def _boms(self, materials: Mapping[str, Material]) -> None:
        product_ids = [materials[p.code].id for p in self.plant.products]
        lines = self.session.scalars(select(BomLine).where(BomLine.product_id.in_(product_ids))).all()
        substitutes: dict[int, list[BomSubstitute]] = {}
        for sub in self.session.scalars(
            select(BomSubstitute).where(BomSubstitute.bom_line_id.in_([line.id for line in lines]))
        ):
            substitutes.setdefault(sub.bom_line_id, []).append(sub)
        codes = self._material_codes(materials, lines, substitutes)
        by_product: dict[int, dict[tuple[str, int], BomLine]] = {}
        for line in lines:
            by_product.setdefault(line.product_id, {})[(codes[line.component_id], line.operation_seq)] = line
        for spec in self.plant.products:
            product = materials[spec.code]
            current = by_product.get(product.id, {})
            if not current and not spec.bom:
                continue  # no bill of materials, before or after: nothing to count
            before = None
            if current:
                before = {"lines": _sorted_lines(_bom_values(line, codes, substitutes) for line in current.values())}
            after = {"lines": _sorted_lines(_bom_spec_values(line) for line in spec.bom)}
            if self.changes.record("bom", spec.code, before, after):
                self._write_bom(product, spec.bom, current, substitutes, materials)

    def _material_codes(
        self,
        materials: Mapping[str, Material],
        lines: Iterable[BomLine],
        substitutes: Mapping[int, list[BomSubstitute]],
    ) -> dict[int, str]:
        """Codes by id of every material the stored bills name, some of which the file may not."""
        codes = {m.id: code for code, m in materials.items()}
        named = {line.component_id for line in lines} | {s.material_id for subs in substitutes.values() for s in subs}
        others = select(Material.id, Material.code).where(Material.id.in_(named - set(codes)))
        codes.update(self.session.execute(others).all())
        return codes

    def _write_bom(
        self,
        product: Material,
        wanted: tuple[BomLineSpec, ...],
        current: dict[tuple[str, int], BomLine],
        substitutes: dict[int, list[BomSubstitute]],
        materials: Mapping[str, Material],
    ) -> None:
        keys = {(line.material, line.operation) for line in wanted}
        for key, old in current.items():
            if key not in keys:
                for sub in substitutes.pop(old.id, []):
                    self.session.delete(sub)
                self.session.flush()  # the substitutes go before their line
                self.session.delete(old)
        written = []
        for spec in wanted:
            line = current.get((spec.material, spec.operation))
            if line is None:
                line = BomLine(
                    product_id=product.id, component_id=materials[spec.material].id, operation_seq=spec.operation
                )
                self.session.add(line)
            line.quantity_per, line.backflush = spec.quantity, spec.backflush
            written.append((line, spec))
        self.session.flush()
        for line, spec in written:
            wanted_ids = {materials[code].id for code in spec.substitutes}
            held = substitutes.get(line.id, [])
            for sub in held:
                if sub.material_id not in wanted_ids:
                    self.session.delete(sub)
            for material_id in sorted(wanted_ids - {sub.material_id for sub in held}):
                self.session.add(BomSubstitute(bom_line_id=line.id, material_id=material_id))
        self.session.flush()


def load_materials(
    session: Session, changes: ChangeLog, specs: Sequence[tuple[str, MaterialSpec | ProductSpec]], source: str
) -> dict[str, Material]:
    """Materials and products (kind "material" or "product": a product is a material made here), by code.

    Shared by the plant file and the ERP's master data (integration/master_data.py); GTINs are set last.
    """
    stored = {m.code: m for m in session.scalars(select(Material).where(Material.code.in_([s.code for _, s in specs])))}
    moving_gtins: list[tuple[Material, str | None]] = []
    for kind, spec in specs:
        record = stored.get(spec.code)
        after = _material_values(spec, is_product=kind == "product")
        if changes.record(kind, spec.code, None if record is None else columns(record, after), after):
            if record is None:
                record = stored[spec.code] = Material(code=spec.code)
                session.add(record)
            for column, value in after.items():
                if column != "gtin":
                    setattr(record, column, value)
            if record.gtin != spec.gtin:
                moving_gtins.append((record, spec.gtin))
    session.flush()
    _move_gtins(session, moving_gtins, {spec.code for _, spec in specs}, source)
    return stored


def _move_gtins(session: Session, moves: list[tuple[Material, str | None]], named: set[str], source: str) -> None:
    """Set changed GTINs in two steps, so that two materials may swap theirs within one file."""
    if not moves:
        return
    wanted = {gtin: record.code for record, gtin in moves if gtin is not None}
    holders = session.execute(select(Material.code, Material.gtin).where(Material.gtin.in_(list(wanted))))
    for code, gtin in holders:
        assert gtin is not None  # found by its GTIN
        if code not in named:
            raise PlantFileError(
                f"{source}: GTIN {gtin} of {wanted[gtin]} already belongs to material {code} in the database; "
                f"a GTIN names one material only."
            )
    for record, _ in moves:
        record.gtin = None
    session.flush()
    for record, gtin in moves:
        record.gtin = gtin
    session.flush()


def _material_values(spec: MaterialSpec | ProductSpec, *, is_product: bool) -> Values:
    return {
        "name": spec.name,
        "unit": spec.unit,
        "lot_controlled": spec.lot_controlled,
        "serial_controlled": spec.serial_controlled,
        "shelf_life_days": spec.shelf_life_days,
        "gtin": spec.gtin,
        "is_product": is_product,
        "output_lot_at": spec.output_lot_at if isinstance(spec, ProductSpec) else "first_count",
        "family": spec.family if isinstance(spec, ProductSpec) else None,
    }


def _operation_values(op: RoutingOperation, stations: Iterable[str]) -> Values:
    return {
        "operation": op.seq,
        "name": op.name,
        "workstations": sorted(stations),
        "ideal_cycle_seconds": plain(op.ideal_cycle_seconds),
        "setup_minutes": plain(op.setup_minutes),
        "checklist": op.checklist_code,
        "work_instruction": op.work_instruction,
        "qualification": op.qualification,
        "transfer_minutes": op.transfer_minutes,
        "interruptible": op.interruptible,
    }


def _operation_spec_values(spec: RoutingOperationSpec) -> Values:
    return {
        "operation": spec.operation,
        "name": spec.name,
        "workstations": sorted(spec.workstations),
        "ideal_cycle_seconds": plain(spec.ideal_cycle_seconds),
        "setup_minutes": plain(spec.setup_minutes),
        "checklist": spec.checklist,
        "work_instruction": spec.work_instruction,
        "qualification": spec.qualification,
        "transfer_minutes": spec.transfer_minutes,
        "interruptible": spec.interruptible,
    }


def _bom_values(line: BomLine, codes: Mapping[int, str], substitutes: Mapping[int, list[BomSubstitute]]) -> Values:
    return {
        "material": codes[line.component_id],
        "quantity": plain(line.quantity_per),
        "operation": line.operation_seq,
        "backflush": line.backflush,
        "substitutes": sorted(codes[s.material_id] for s in substitutes.get(line.id, [])),
    }


def _bom_spec_values(spec: BomLineSpec) -> Values:
    return {
        "material": spec.material,
        "quantity": plain(spec.quantity),
        "operation": spec.operation,
        "backflush": spec.backflush,
        "substitutes": sorted(spec.substitutes),
    }


def _sorted_lines(lines: Iterable[Values]) -> list[Values]:
    return sorted(lines, key=lambda line: (line["operation"], line["material"]))
