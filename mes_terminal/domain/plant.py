"""The plant file: master data as TOML, read into frozen values (see docs/plant-file.md).

`parse_plant` is pure: text in, a `PlantDefinition` out, or a `PlantFileError` naming every mistake
found (up to a limit), each with the file, the key path and the line. It checks everything that can be
checked without a database: types, ranges, unknown keys, repeated codes, and every reference between
sections. References are compared once every value could be read (a code that could not be read would
make each reference to it a second, misleading complaint). Writing the result
to the database is `services.plant.loader.load_plant`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial

from mes_terminal.domain import instructions as wi
from mes_terminal.domain import plant_rules
from mes_terminal.domain.errors import InvalidInput, PlantFileError
from mes_terminal.domain.pin_policy import MAX_PIN_LENGTH, MIN_PIN_LENGTH, PinPolicy, strictest
from mes_terminal.domain.plant_machines import MACHINE_KEYS, UNS_KEYS, MachineSpec, UnsSpec, parse_machine, parse_uns
from mes_terminal.domain.plant_values import (
    CATEGORIES,
    CHECK_KINDS,
    CHECK_TRIGGERS,
    DAYS,
    LOSSES,
    ROLES,
    choice_text,
    flag,
    gtin,
    limit,
    local_date,
    local_date_time,
    long_text,
    name,
    one_of,
    pin,
    positive_quantity,
    quantity,
    short_text,
    time_of_day,
    timezone,
    unit,
    whole,
)
from mes_terminal.domain.toml_reader import Table, TomlDocument
from mes_terminal.domain.values import parse_code as code

START_WHEN = ("quantity_available", "previous_finished")
LABOUR_SPLIT = ("equal", "quantity")
PICKING = ("fefo", "fifo")
PICKING_RULE = ("warn", "block")
MATERIAL_CHECK = ("warn", "block")
OUTPUT_LOT_AT = ("first_count", "completion")
CHECKS_BLOCK = ("counts", "completion")
SPC_REACTIONS = ("none", "remeasure", "hold", "call_quality")
QUALITY_SITE_KEYS = ("hold_on_failed_check", "checks_block", "two_person_signatures", "spc_reaction", "spc_baseline")


@dataclass(frozen=True)
class SiteSpec:
    code: str
    name: str
    timezone: str  # an IANA name, known to zoneinfo
    # Execution rules of the site: when may an operation start after its predecessor, how much more
    # than planned may be reported, and how an operator's time is shared between concurrent jobs.
    start_when: str = "quantity_available"
    overrun_percent: Decimal = Decimal(0)
    labour_split: str = "equal"
    # Which lot to use first: first expiring (FEFO) or first received (FIFO); scanning another one
    # is a warning, or refused.
    picking: str = "fefo"
    picking_rule: str = "warn"
    # A count or completion needing more lot-controlled material than the job has taken: an exception
    # event and an amber banner ("warn"), or a refusal ("block").
    material_check: str = "warn"
    # Quality rules (docs/quality.md): a failed check holds the job's output lot; a due required check
    # blocks counts too ("counts") or only completion; signatures need a second person; what an SPC
    # rule violation asks for; how many first values of a characteristic set its control limits.
    hold_on_failed_check: bool = False
    checks_block: str = "completion"
    two_person_signatures: bool = False
    spc_reaction: str = "none"
    spc_baseline: int = 25
    # 21 CFR 11.200: minutes without a signature after which the next one needs badge and PIN again.
    signature_idle_minutes: int = 15


@dataclass(frozen=True)
class AreaSpec:
    code: str
    name: str


@dataclass(frozen=True)
class BreakSpec:
    start: time
    minutes: int


@dataclass(frozen=True)
class ShiftSpec:
    """A weekly pattern in the site's local time; `end <= start` means it runs past midnight."""

    code: str
    name: str
    days: tuple[str, ...]  # in week order, mon first
    start: time
    end: time
    breaks: tuple[BreakSpec, ...]

    @property
    def minutes(self) -> int:
        return plant_rules.shift_minutes(self.start, self.end)


@dataclass(frozen=True)
class WorkstationSpec:
    code: str
    name: str
    micro_stop_seconds: int | None
    badge_only: bool
    capacity: int = 1  # operations the station runs at once


@dataclass(frozen=True)
class LineSpec:
    code: str
    name: str
    area: str | None
    shifts: tuple[str, ...]
    workstations: tuple[WorkstationSpec, ...]


@dataclass(frozen=True)
class UserSpec:
    badge: str
    name: str
    pin: str | None = field(repr=False)  # None: the file leaves the stored PIN as it is
    roles: tuple[str, ...]
    qualifications: tuple[str, ...] = ()  # skills that routing operations may require


@dataclass(frozen=True)
class PinPolicySpec:
    """The PIN policy of one role (domain/pin_policy.py)."""

    role: str
    policy: PinPolicy


@dataclass(frozen=True)
class MaterialSpec:
    code: str
    name: str
    unit: str
    lot_controlled: bool
    serial_controlled: bool
    shelf_life_days: int | None
    gtin: str | None


@dataclass(frozen=True)
class RoutingOperationSpec:
    operation: int
    name: str
    workstations: tuple[str, ...]
    ideal_cycle_seconds: Decimal
    setup_minutes: Decimal
    checklist: str | None
    work_instruction: str | None
    qualification: str | None = None  # only people holding it may work the operation
    # The work-instruction steps (domain/instructions.py); a change becomes a new revision to approve.
    instructions: tuple[wi.InstructionStep, ...] = ()
    acknowledge_instructions: bool = False  # each operator confirms having read a new revision
    # Planning: transfer or wait minutes after the job's previous operation, and whether a break may
    # interrupt it (false: it is planned whole inside one stretch of working time).
    transfer_minutes: int = 0
    interruptible: bool = True


@dataclass(frozen=True)
class BomLineSpec:
    material: str
    quantity: Decimal  # per unit of the product
    operation: int
    backflush: bool
    substitutes: tuple[str, ...]


@dataclass(frozen=True)
class ProductSpec:
    """A material made here: it has a routing, and a bill of materials (possibly empty)."""

    code: str
    name: str
    unit: str
    lot_controlled: bool
    serial_controlled: bool
    shelf_life_days: int | None
    gtin: str | None
    routing: tuple[RoutingOperationSpec, ...]
    bom: tuple[BomLineSpec, ...]
    # The work order's output lot appears at the first good count, or when the last operation completes.
    output_lot_at: str = "first_count"
    family: str | None = None  # the changeover family; None: the product is its own family

    @property
    def changeover_family(self) -> str:
        return self.family or self.code


@dataclass(frozen=True)
class ChangeoverSpec:
    """Minutes to change a station over from one product family to another."""

    from_family: str
    to_family: str
    minutes: int


@dataclass(frozen=True)
class HolidaySpec:
    """A site-local day without work on the lines named (none: the whole site)."""

    day: date
    name: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaintenanceSpec:
    """A station's planned maintenance, in the site's local time (naive datetimes)."""

    station: str
    start: datetime
    end: datetime
    reason: str | None = None


@dataclass(frozen=True)
class DowntimeReasonSpec:
    """A node of the reason tree, with its category and loss resolved from its ancestors."""

    code: str
    name: str
    parent: str | None
    category: str
    loss: str


@dataclass(frozen=True)
class ScrapReasonSpec:
    """A scrap reason; with lines, stations or operations it is offered only there (else everywhere)."""

    code: str
    name: str
    lines: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    operations: tuple[tuple[str, int], ...] = ()  # (product code, routing operation number)


@dataclass(frozen=True)
class ChecklistItemSpec:
    code: str
    text: str
    kind: str
    unit: str | None
    lower: Decimal | None
    target: Decimal | None
    upper: Decimal | None
    choices: tuple[str, ...]
    required: bool
    when: str
    every_n: int | None
    every_minutes: int | None


@dataclass(frozen=True)
class ChecklistSpec:
    code: str
    version: int
    name: str
    items: tuple[ChecklistItemSpec, ...]


@dataclass(frozen=True)
class PlantDefinition:
    source: str  # the file it was read from, for messages
    site: SiteSpec
    areas: tuple[AreaSpec, ...]
    shifts: tuple[ShiftSpec, ...]
    lines: tuple[LineSpec, ...]
    users: tuple[UserSpec, ...]
    materials: tuple[MaterialSpec, ...]
    products: tuple[ProductSpec, ...]
    downtime_reasons: tuple[DowntimeReasonSpec, ...]
    scrap_reasons: tuple[ScrapReasonSpec, ...]
    checklists: tuple[ChecklistSpec, ...]
    machines: tuple[MachineSpec, ...] = ()
    uns: UnsSpec | None = None
    changeovers: tuple[ChangeoverSpec, ...] = ()
    holidays: tuple[HolidaySpec, ...] = ()
    maintenance: tuple[MaintenanceSpec, ...] = ()
    pin_policies: tuple[PinPolicySpec, ...] = ()


# The keys each table may hold; anything else is refused, so that a typo is never silently ignored.
SECTION_KEYS = (
    "site",
    "areas",
    "shifts",
    "lines",
    "users",
    "materials",
    "products",
    "downtime_reasons",
    "scrap_reasons",
    "checklists",
    "machines",
    "uns",
    "changeovers",
    "holidays",
    "maintenance",
    "pin_policies",
)
SITE_KEYS = (
    "code",
    "name",
    "timezone",
    "start_when",
    "overrun_percent",
    "labour_split",
    "picking",
    "picking_rule",
    "material_check",
    *QUALITY_SITE_KEYS,
    "signature_idle_minutes",
)
AREA_KEYS = ("code", "name")
SHIFT_KEYS = ("code", "name", "days", "start", "end", "breaks")
BREAK_KEYS = ("start", "minutes")
LINE_KEYS = ("code", "name", "area", "shifts", "workstations")
WORKSTATION_KEYS = ("code", "name", "micro_stop_seconds", "badge_only", "capacity")
USER_KEYS = ("badge", "name", "pin", "roles", "qualifications")
PIN_POLICY_KEYS = ("role", "min_length", "remember", "expires_days", "lock_after")
MATERIAL_KEYS = ("code", "name", "unit", "lot_controlled", "serial_controlled", "shelf_life_days", "gtin")
PRODUCT_KEYS = (*MATERIAL_KEYS, "routing", "bom", "output_lot", "family")
ROUTING_KEYS = (
    "operation",
    "name",
    "workstations",
    "ideal_cycle_seconds",
    "setup_minutes",
    "checklist",
    "work_instruction",
    "qualification",
    "instructions",
    "acknowledge_instructions",
    "transfer_minutes",
    "interruptible",
)
CHANGEOVER_KEYS = ("from", "to", "minutes")
HOLIDAY_KEYS = ("date", "name", "lines")
MAINTENANCE_KEYS = ("station", "start", "end", "reason")
MAX_CAPACITY = 1000
WEEK_MINUTES = 7 * 24 * 60
INSTRUCTION_KEYS = ("text", "image", "pdf", "page", "caution")
BOM_KEYS = ("material", "quantity", "operation", "backflush", "substitutes")
REASON_KEYS = ("code", "name", "parent", "category", "loss")
SCRAP_KEYS = ("code", "name", "lines", "stations", "operations")
SCRAP_OPERATION_KEYS = ("product", "operation")
CHECKLIST_KEYS = ("code", "version", "name", "items")
ITEM_KEYS = (
    "code",
    "text",
    "kind",
    "unit",
    "lower",
    "target",
    "upper",
    "choices",
    "required",
    "when",
    "every_n",
    "every_minutes",
)


# Reads a file an instruction step names (a path relative to the plant file) and returns its bytes, or
# raises InvalidInput with a sentence saying why it cannot (missing, unreadable).
MediaReader = Callable[[str], bytes]


def parse_plant(text: str, source: str = "plant file", read_media: MediaReader | None = None) -> PlantDefinition:
    """Read a plant file. Raises `PlantFileError` (and nothing else) for any text that is not a valid plant.

    The result is complete in itself: every code it refers to is defined in it, and every image or PDF
    its instructions name has been read through `read_media` and checked. Without a reader the files are
    not read (a plant given as text has no folder to read them from); such a definition can be checked
    but not loaded when a step names a file.
    """
    document = TomlDocument(text, source, PlantFileError)
    media = _MediaFiles(read_media)
    root = document.root(SECTION_KEYS)
    policies = _pin_policies(root.tables("pin_policies", PIN_POLICY_KEYS))
    plant = PlantDefinition(
        source=source,
        site=_site(root.table("site", SITE_KEYS)),
        areas=tuple(_area(t) for t in root.tables("areas", AREA_KEYS)),
        shifts=tuple(_shift(t) for t in root.tables("shifts", SHIFT_KEYS)),
        lines=tuple(_line(t) for t in root.tables("lines", LINE_KEYS)),
        users=tuple(_user(t, policies) for t in root.tables("users", USER_KEYS)),
        materials=tuple(_material(t) for t in root.tables("materials", MATERIAL_KEYS)),
        products=tuple(_product(t, media) for t in root.tables("products", PRODUCT_KEYS)),
        downtime_reasons=_downtime_reasons(root.tables("downtime_reasons", REASON_KEYS)),
        scrap_reasons=tuple(_scrap_reason(t) for t in root.tables("scrap_reasons", SCRAP_KEYS)),
        checklists=tuple(_checklist(t) for t in root.tables("checklists", CHECKLIST_KEYS)),
        machines=_machines(document, root),
        uns=document.attempt(lambda: parse_uns(root.table("uns", UNS_KEYS))) if "uns" in root else None,
        changeovers=tuple(_changeover(t) for t in root.tables("changeovers", CHANGEOVER_KEYS)),
        holidays=tuple(_holiday(t) for t in root.tables("holidays", HOLIDAY_KEYS)),
        maintenance=tuple(_maintenance(t) for t in root.tables("maintenance", MAINTENANCE_KEYS)),
        pin_policies=policies,
    )
    document.check()
    plant_rules.check_references(document, plant)
    document.check()
    return plant


def _machines(document: TomlDocument, root: Table) -> tuple[MachineSpec, ...]:
    # A machine whose url cannot be read is left out; its problems are noted and refuse the file.
    read = (document.attempt(partial(parse_machine, t)) for t in root.tables("machines", MACHINE_KEYS))
    return tuple(machine for machine in read if machine is not None)


def _site(t: Table) -> SiteSpec:
    return SiteSpec(
        code=t.get("code", code),
        name=t.get("name", name),
        timezone=t.get("timezone", timezone),
        start_when=t.get("start_when", one_of(START_WHEN), "quantity_available"),
        overrun_percent=t.get("overrun_percent", quantity, Decimal(0)),
        labour_split=t.get("labour_split", one_of(LABOUR_SPLIT), "equal"),
        picking=t.get("picking", one_of(PICKING), "fefo"),
        picking_rule=t.get("picking_rule", one_of(PICKING_RULE), "warn"),
        material_check=t.get("material_check", one_of(MATERIAL_CHECK), "warn"),
        hold_on_failed_check=t.get("hold_on_failed_check", flag, False),
        checks_block=t.get("checks_block", one_of(CHECKS_BLOCK), "completion"),
        two_person_signatures=t.get("two_person_signatures", flag, False),
        spc_reaction=t.get("spc_reaction", one_of(SPC_REACTIONS), "none"),
        spc_baseline=t.get("spc_baseline", whole(8, 1000), 25),
        signature_idle_minutes=t.get("signature_idle_minutes", whole(0, 24 * 60), 15),
    )


def _area(t: Table) -> AreaSpec:
    return AreaSpec(code=t.get("code", code), name=t.get("name", name))


def _shift(t: Table) -> ShiftSpec:
    shift_code = t.get("code", code)
    days = t.get_list("days", one_of(DAYS), required=True)
    plant_rules.refuse_repeated_elements(t, "days", days, "day")
    shift = ShiftSpec(
        code=shift_code,
        name=t.get("name", name, shift_code),
        days=tuple(sorted(days, key=DAYS.index)),
        start=t.get("start", time_of_day),
        end=t.get("end", time_of_day),
        breaks=tuple(_break(b) for b in t.tables("breaks", BREAK_KEYS)),
    )
    if not t.intact:
        return shift  # a time or break that could not be read: nothing to compare
    if shift.start == shift.end:
        t.note("end", "is the same as start; a shift must have a length (end before start runs past midnight).")
    plant_rules.check_breaks(t, shift)
    return shift


def _break(t: Table) -> BreakSpec:
    return BreakSpec(start=t.get("start", time_of_day), minutes=t.get("minutes", whole(1, 24 * 60)))


def _line(t: Table) -> LineSpec:
    return LineSpec(
        code=t.get("code", code),
        name=t.get("name", name),
        area=t.get("area", code, None),
        shifts=t.get_list("shifts", code),
        workstations=tuple(_workstation(w) for w in t.tables("workstations", WORKSTATION_KEYS)),
    )


def _workstation(t: Table) -> WorkstationSpec:
    return WorkstationSpec(
        code=t.get("code", code),
        name=t.get("name", name),
        micro_stop_seconds=t.get("micro_stop_seconds", whole(0, 24 * 3600), None),
        badge_only=t.get("badge_only", flag, False),
        capacity=t.get("capacity", whole(1, MAX_CAPACITY), 1),
    )


def _pin_policies(tables: list[Table]) -> tuple[PinPolicySpec, ...]:
    specs = tuple(_pin_policy(t) for t in tables)
    if tables:
        document = tables[0].document
        plant_rules.refuse_repeats(
            document, [(t.at("role"), s.role) for t, s in zip(tables, specs, strict=True)], "role"
        )
    return specs


def _pin_policy(t: Table) -> PinPolicySpec:
    return PinPolicySpec(
        role=t.get("role", one_of(ROLES)),
        policy=PinPolicy(
            min_length=t.get("min_length", whole(MIN_PIN_LENGTH, MAX_PIN_LENGTH), MIN_PIN_LENGTH),
            remember=t.get("remember", whole(0, 24), 0),
            expires_days=t.get("expires_days", whole(0, 3660), 0),
            lock_after=t.get("lock_after", whole(0, 100), 0),
        ),
    )


def _user(t: Table, policies: tuple[PinPolicySpec, ...] = ()) -> UserSpec:
    roles = t.get_list("roles", one_of(ROLES), required=True)
    plant_rules.refuse_repeated_elements(t, "roles", roles, "role")
    skills = t.get_list("qualifications", code)
    plant_rules.refuse_repeated_elements(t, "qualifications", skills, "qualification")
    spec = UserSpec(
        badge=t.get("badge", code),
        name=t.get("name", name),
        pin=t.get("pin", pin, None),
        roles=roles,
        qualifications=skills,
    )
    # The file's own PIN must keep to the policy of the person's roles (the file sets it like anyone).
    shortest = strictest(p.policy for p in policies if p.role in spec.roles).min_length
    if spec.pin is not None and len(spec.pin) < shortest:
        t.note("pin", f"must have at least {shortest} digits under the PIN policy of the roles {', '.join(roles)}.")
    return spec


def _material(t: Table) -> MaterialSpec:
    return MaterialSpec(
        code=t.get("code", code),
        name=t.get("name", name),
        unit=t.get("unit", unit),
        lot_controlled=t.get("lot_controlled", flag, True),
        serial_controlled=t.get("serial_controlled", flag, False),
        shelf_life_days=t.get("shelf_life_days", whole(1, 100 * 366), None),
        gtin=t.get("gtin", gtin, None),
    )


def _product(t: Table, media: _MediaFiles) -> ProductSpec:
    material = _material(t)
    routing = tuple(_routing_operation(r, media) for r in t.tables("routing", ROUTING_KEYS, required=True))
    bom = tuple(_bom_line(b) for b in t.tables("bom", BOM_KEYS))
    output_lot_at = t.get("output_lot", one_of(OUTPUT_LOT_AT), "first_count")
    family = t.get("family", code, None)
    return ProductSpec(**vars(material), routing=routing, bom=bom, output_lot_at=output_lot_at, family=family)


def _routing_operation(t: Table, media: _MediaFiles) -> RoutingOperationSpec:
    steps = t.tables("instructions", INSTRUCTION_KEYS)
    if len(steps) > wi.MAX_STEPS:
        t.note("instructions", f"has {len(steps)} steps; an operation may have at most {wi.MAX_STEPS}.")
    acknowledge = t.get("acknowledge_instructions", flag, False)
    if acknowledge and not steps:
        t.note("acknowledge_instructions", "asks operators to acknowledge instructions, but the operation has none.")
    return RoutingOperationSpec(
        operation=t.get("operation", whole(1)),
        name=t.get("name", name),
        workstations=t.get_list("workstations", code, required=True),
        ideal_cycle_seconds=t.get("ideal_cycle_seconds", positive_quantity),
        setup_minutes=t.get("setup_minutes", quantity, Decimal(0)),
        checklist=t.get("checklist", code, None),
        work_instruction=t.get("work_instruction", long_text, None),
        qualification=t.get("qualification", code, None),
        instructions=tuple(_instruction_step(s, media) for s in steps[: wi.MAX_STEPS]),
        acknowledge_instructions=acknowledge,
        transfer_minutes=t.get("transfer_minutes", whole(0, WEEK_MINUTES), 0),
        interruptible=t.get("interruptible", flag, True),
    )


def _instruction_step(t: Table, media: _MediaFiles) -> wi.InstructionStep:
    """One step: a text, an image or a PDF page (or a text beside one of them), and an optional caution."""
    text = t.get("text", _step_text, None)
    caution = t.get("caution", short_text(wi.MAX_CAUTION), None)
    image = t.get("image", _media_path, None)
    pdf = t.get("pdf", _media_path, None)
    page = t.get("page", whole(1, 100_000), None)
    if image is not None and pdf is not None:
        t.note("pdf", "stands beside image; a step shows one image or one PDF page (make two steps).")
    if page is not None and pdf is None and "pdf" not in t:
        t.note("page", "is the page of a PDF, but the step names no pdf.")
    if text is None and image is None and pdf is None and t.intact:
        t.note((), "has nothing to show; give it a text, an image or a pdf.")
    shown = None
    if image is not None and pdf is None:
        shown = media.read(t, "image", image, "image")
    elif pdf is not None and image is None:
        shown = media.read(t, "pdf", pdf, "pdf")
        if shown is not None:
            problem = wi.page_problem(shown, page or 1)
            if problem is not None:
                t.note("page" if page is not None else "pdf", problem)
    return wi.InstructionStep(
        text=text,
        caution=caution,
        media=shown,
        page=(page or 1) if pdf is not None else None,
        file=image if pdf is None else pdf,
    )


def _step_text(value: object, field_name: str) -> str:
    text = long_text(value, field_name)
    if len(text) > wi.MAX_STEP_TEXT:
        raise InvalidInput(f"{field_name} is longer than {wi.MAX_STEP_TEXT} characters; split the step in two.")
    return text


def _media_path(value: object, field_name: str) -> str:
    """A path relative to the plant file, with forward or backward slashes."""
    path = short_text(400)(value, field_name)
    if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":"):
        raise InvalidInput(f"{field_name} must be a path relative to the plant file, not {path!r}.")
    return path


class _MediaFiles:
    """Reads each named file once and checks it; a file two steps name is read and checked once."""

    def __init__(self, read: MediaReader | None) -> None:
        self._read = read
        self._checked: dict[tuple[str, str], wi.Media | InvalidInput] = {}

    def read(self, t: Table, key: str, path: str, kind: str) -> wi.Media | None:
        if self._read is None:
            return None  # read as text only: the loader refuses steps whose files were not read
        found = self._checked.get((path, kind))
        if found is None:
            try:
                found = wi.check_media(self._read(path), path, kind)
            except InvalidInput as error:
                found = error
            self._checked[(path, kind)] = found
        if isinstance(found, InvalidInput):
            t.note(key, f"is refused: {found.message}")
            return None
        return found


def _bom_line(t: Table) -> BomLineSpec:
    return BomLineSpec(
        material=t.get("material", code),
        quantity=t.get("quantity", positive_quantity),
        operation=t.get("operation", whole(1)),
        backflush=t.get("backflush", flag, False),
        substitutes=t.get_list("substitutes", code),
    )


def _downtime_reasons(tables: list[Table]) -> tuple[DowntimeReasonSpec, ...]:
    """Read the reason tree; children without their own category or loss take their parent's."""
    unresolved = [
        DowntimeReasonSpec(
            code=t.get("code", code),
            name=t.get("name", name),
            parent=t.get("parent", code, None),
            category=t.get("category", one_of(CATEGORIES), ""),
            loss=t.get("loss", one_of(LOSSES), ""),
        )
        for t in tables
    ]
    if not all(t.intact for t in tables):
        return tuple(unresolved)  # the tree is resolved once every reason could be read
    return plant_rules.resolve_reason_tree(tables, unresolved)


def _scrap_reason(t: Table) -> ScrapReasonSpec:
    lines = t.get_list("lines", code)
    stations = t.get_list("stations", code)
    operations = t.tables("operations", SCRAP_OPERATION_KEYS)
    scoped = tuple((o.get("product", code), o.get("operation", whole(1))) for o in operations)
    plant_rules.refuse_repeated_elements(t, "lines", lines, "line")
    plant_rules.refuse_repeated_elements(t, "stations", stations, "workstation")
    if t.document.intact(t.at("operations")):
        plant_rules.refuse_repeats(
            t.document,
            [(o.at("operation"), f"{p} operation {n}") for o, (p, n) in zip(operations, scoped, strict=True)],
            "operation",
        )
    return ScrapReasonSpec(
        code=t.get("code", code), name=t.get("name", name), lines=lines, stations=stations, operations=scoped
    )


def _changeover(t: Table) -> ChangeoverSpec:
    change = ChangeoverSpec(
        from_family=t.get("from", code), to_family=t.get("to", code), minutes=t.get("minutes", whole(0, WEEK_MINUTES))
    )
    if t.intact and change.from_family == change.to_family:
        t.note("to", f"is the same family as from ({change.to_family}); a changeover is between two families.")
    return change


def _holiday(t: Table) -> HolidaySpec:
    lines = t.get_list("lines", code)
    plant_rules.refuse_repeated_elements(t, "lines", lines, "line")
    return HolidaySpec(day=t.get("date", local_date), name=t.get("name", name), lines=lines)


def _maintenance(t: Table) -> MaintenanceSpec:
    window = MaintenanceSpec(
        station=t.get("station", code),
        start=t.get("start", local_date_time),
        end=t.get("end", local_date_time),
        reason=t.get("reason", name, None),
    )
    if t.intact and window.end <= window.start:
        t.note("end", f"({window.end:%Y-%m-%d %H:%M}) is not after start ({window.start:%Y-%m-%d %H:%M}).")
    return window


def _checklist(t: Table) -> ChecklistSpec:
    checklist_code = t.get("code", code)
    version = t.get("version", whole(1))
    checklist_name = t.get("name", name, checklist_code)
    items = t.tables("items", ITEM_KEYS, required=True)
    specs = tuple(_checklist_item(i) for i in items)
    plant_rules.refuse_repeats(t.document, [(i.at("code"), s.code) for i, s in zip(items, specs, strict=True)], "item")
    return ChecklistSpec(code=checklist_code, version=version, name=checklist_name, items=specs)


def _checklist_item(t: Table) -> ChecklistItemSpec:
    kind = t.get("kind", one_of(CHECK_KINDS))
    when = t.get("when", one_of(CHECK_TRIGGERS))
    item = ChecklistItemSpec(
        code=t.get("code", code),
        text=t.get("text", short_text(400)),
        kind=kind,
        unit=t.get("unit", unit, None),
        lower=t.get("lower", limit, None),
        target=t.get("target", limit, None),
        upper=t.get("upper", limit, None),
        choices=t.get_list("choices", choice_text),
        required=t.get("required", flag, True),
        when=when,
        every_n=t.get("every_n", whole(1), None),
        every_minutes=t.get("every_minutes", whole(1, 7 * 24 * 60), None),
    )
    if t.intact:
        plant_rules.check_item(t, item)
    return item


__all__ = [
    "AreaSpec",
    "BomLineSpec",
    "BreakSpec",
    "ChangeoverSpec",
    "ChecklistItemSpec",
    "ChecklistSpec",
    "DowntimeReasonSpec",
    "HolidaySpec",
    "LineSpec",
    "MaintenanceSpec",
    "MaterialSpec",
    "PlantDefinition",
    "ProductSpec",
    "RoutingOperationSpec",
    "ScrapReasonSpec",
    "ShiftSpec",
    "SiteSpec",
    "UserSpec",
    "WorkstationSpec",
    "parse_plant",
]
