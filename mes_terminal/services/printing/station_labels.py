"""Lot labels printed at a station: the label of a job's output lot, on the station's label printer.

    labels = StationLabels(engine, printing, clock, target="tcp://10.1.2.3:9100")
    outcome = labels.print_output_label("WS-01", "B1001", "WO-1042")

The output lot is the work order's one lot of its product; it appears with the first good count (or
at the completion of the last operation). A lot printed before is a reprint and needs a reason:
without one the request is refused with the code `print.reason_required` before anything is printed,
so that the terminal can ask the operator why and send the request again with the answer.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from mes_terminal.db.records import Lot, Material, WorkOrder, WorkOrderOperation
from mes_terminal.domain.clock import Clock
from mes_terminal.domain.error_codes import PRINT_NO_LABEL_PRINTER, PRINT_NO_OUTPUT_LOT, UNKNOWN_WORK_ORDER
from mes_terminal.domain.errors import ConfigurationError, InvalidState, UnknownEntity
from mes_terminal.services.commands.catalog import PrintLabel
from mes_terminal.services.queries.read_only import read_connection

if TYPE_CHECKING:  # the renderers behind PrintService load only where printing is built (bootstrap)
    from mes_terminal.services.printing.service import PrintOutcome, PrintService


def no_label_printer() -> ConfigurationError:
    return ConfigurationError(
        "No label printer is set up for this station; an administrator sets one in the station setup "
        "([printer] label in the settings file).",
        code=PRINT_NO_LABEL_PRINTER,
    )


class StationLabels:
    """Prints output-lot labels to one target (the settings' `[printer] label`); None means not set up.

    `digital_link` (the settings' `[terminal] label_digital_link`) adds a GS1 Digital Link QR code to
    labels of materials with a GTIN."""

    def __init__(
        self, engine: Engine, printing: PrintService, clock: Clock, *, target: str | None, digital_link: bool = False
    ) -> None:
        self._engine = engine
        self._printing = printing
        self._clock = clock
        self.target = target
        self.digital_link = digital_link

    def output_lot(self, work_order: str) -> str:
        """The number of the work order's output lot; `InvalidState` in plain words when there is none yet."""
        with read_connection(self._engine) as connection:
            order_id = connection.execute(
                select(WorkOrder.id).where(WorkOrder.number == work_order)
            ).scalar_one_or_none()
            if order_id is None:
                raise UnknownEntity(UNKNOWN_WORK_ORDER.sentence(number=work_order), code=UNKNOWN_WORK_ORDER)
            # The lot the order's last operation produces: one per order (services/commands/handlers/output_lots.py).
            lot = connection.execute(
                select(Lot.number)
                .join(WorkOrderOperation, WorkOrderOperation.id == Lot.produced_by_operation_id)
                .where(WorkOrderOperation.work_order_id == order_id)
                .order_by(WorkOrderOperation.seq.desc())
                .limit(1)
            ).scalar_one_or_none()
        if lot is None:
            raise InvalidState(
                PRINT_NO_OUTPUT_LOT.sentence(
                    work_order=work_order,
                ),
                code=PRINT_NO_OUTPUT_LOT,
            )
        return lot

    def _has_gtin(self, lot: str) -> bool:
        """Only a material with a GTIN has GS1 data to link; others keep their own LOT: label."""
        with read_connection(self._engine) as connection:
            gtin = connection.execute(
                select(Material.gtin).join(Lot, Lot.material_id == Material.id).where(Lot.number == lot)
            ).scalar_one_or_none()
        return bool(gtin)

    def print_output_label(
        self,
        station: str,
        actor: str,
        work_order: str,
        *,
        reason: str | None = None,
        command_id: uuid.UUID | None = None,
    ) -> PrintOutcome:
        """Print the label of the work order's output lot; blocks on the printer (call it off the GUI thread).

        Raises a `MesError` when refused (no printer set up, no output lot yet, a reprint without reason)
        and `DeviceUnavailable` with the printer's sentence when the printer failed (the job is then
        recorded as failed).
        """
        if not self.target:
            raise no_label_printer()
        lot = self.output_lot(work_order)
        return self._printing.print_label(
            PrintLabel(
                command_id=command_id or uuid.uuid4(),
                actor=actor,
                issued_at=self._clock.now(),
                station=station,
                lot=lot,
                target=self.target,
                reason=reason,
                digital_link=self.digital_link and self._has_gtin(lot),
            )
        )
