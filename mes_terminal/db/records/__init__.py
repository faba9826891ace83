"""Every record of the schema. Importing this package registers all tables on `Base.metadata`."""

from mes_terminal.db.records.calendar import Changeover, Holiday, HolidayLine, MaintenanceWindow
from mes_terminal.db.records.documents import PrintJob
from mes_terminal.db.records.downtime import DowntimeEvent, DowntimeReason
from mes_terminal.db.records.equipment import Area, Line, Site, Workstation
from mes_terminal.db.records.execution import Consumption, Count, JobRun, LabourEntry, ScrapReason, ScrapReasonScope
from mes_terminal.db.records.instructions import (
    InstructionAcknowledgement,
    InstructionRevision,
    InstructionStepRecord,
    MediaBlob,
)
from mes_terminal.db.records.integration import ErpMessage, ErpOrderSource
from mes_terminal.db.records.machines import MachineCount, MachineCounter, MachineSource, PublishCursor
from mes_terminal.db.records.material import ExpectedLot, GenealogyLink, Lot, Material
from mes_terminal.db.records.orders import WorkOrder, WorkOrderOperation
from mes_terminal.db.records.personnel import (
    LineShift,
    PinPolicyRecord,
    Shift,
    ShiftBreak,
    StationSession,
    UsedPin,
    User,
    UserQualification,
    UserRole,
)
from mes_terminal.db.records.planning import PlannedOperation
from mes_terminal.db.records.product import BomLine, BomSubstitute, RoutingOperation, RoutingOperationStation
from mes_terminal.db.records.quality import (
    ChecklistItem,
    ChecklistResult,
    ChecklistTemplate,
    Disposition,
    Hold,
    Nonconformance,
    Signature,
)
from mes_terminal.db.records.spine import CommandConflict, Event, EventChainHead, ProcessedCommand

__all__ = [
    "Area",
    "BomLine",
    "BomSubstitute",
    "Changeover",
    "ChecklistItem",
    "ChecklistResult",
    "ChecklistTemplate",
    "CommandConflict",
    "Consumption",
    "Count",
    "Disposition",
    "DowntimeEvent",
    "DowntimeReason",
    "ErpMessage",
    "ErpOrderSource",
    "Event",
    "EventChainHead",
    "ExpectedLot",
    "GenealogyLink",
    "Hold",
    "Holiday",
    "HolidayLine",
    "InstructionAcknowledgement",
    "InstructionRevision",
    "InstructionStepRecord",
    "JobRun",
    "LabourEntry",
    "Line",
    "LineShift",
    "Lot",
    "MachineCount",
    "MachineCounter",
    "MachineSource",
    "MaintenanceWindow",
    "Material",
    "MediaBlob",
    "Nonconformance",
    "PinPolicyRecord",
    "PlannedOperation",
    "PrintJob",
    "ProcessedCommand",
    "PublishCursor",
    "RoutingOperation",
    "RoutingOperationStation",
    "ScrapReason",
    "ScrapReasonScope",
    "Shift",
    "ShiftBreak",
    "Signature",
    "Site",
    "StationSession",
    "UsedPin",
    "User",
    "UserQualification",
    "UserRole",
    "WorkOrder",
    "WorkOrderOperation",
    "Workstation",
]
