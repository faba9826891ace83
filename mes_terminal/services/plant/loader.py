"""Apply a plant definition to the database: one transaction, upserts by code, an event per change.

Loading is idempotent: each record is compared with the file first and written only when it differs,
so loading the same file twice changes nothing and writes no event. It is all-or-nothing: any refusal
rolls the whole transaction back. Records the file does not mention are left as they are; for the
records it does mention, the file is the whole truth (a user's roles, a line's shifts, a shift's
breaks, a product's routing and bill of materials become what the file says).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from mes_terminal.db.engine import driver_message
from mes_terminal.db.records import (
    Area,
    ChecklistItem,
    ChecklistTemplate,
    DowntimeReason,
    Line,
    LineShift,
    PinPolicyRecord,
    ScrapReason,
    ScrapReasonScope,
    Shift,
    ShiftBreak,
    Site,
    User,
    UserQualification,
    UserRole,
    Workstation,
)
from mes_terminal.db.repositories import credentials
from mes_terminal.db.uow import EventLog
from mes_terminal.domain.errors import DatabaseUnavailable, InvalidInput, MesError, PlantFileError, SchemaNotAtHead
from mes_terminal.domain.instructions import MAX_PDF_BYTES
from mes_terminal.domain.pins import verify_secret
from mes_terminal.domain.plant import (
    ChecklistItemSpec,
    ChecklistSpec,
    MediaReader,
    PlantDefinition,
    ScrapReasonSpec,
    ShiftSpec,
    UserSpec,
    WorkstationSpec,
    parse_plant,
)
from mes_terminal.services.plant.calendar import load_calendar
from mes_terminal.services.plant.changes import (
    KINDS,
    LOADED_EVENT,
    ChangeLog,
    KindCounts,
    LoadSummary,
    Values,
    columns,
    plain,
)
from mes_terminal.services.plant.instructions import load_instructions
from mes_terminal.services.plant.machines import load_machines
from mes_terminal.services.plant.products import ProductDefinitions

__all__ = ["KINDS", "KindCounts", "LoadSummary", "load_plant", "load_users", "load_workstations"]

MAX_MEDIA_READ = MAX_PDF_BYTES + 1


def read_plant_file(path: str | Path) -> PlantDefinition:
    """Read and check a plant file; `PlantFileError` when it cannot be read or is not valid."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlantFileError(f"{path} is not UTF-8 text.") from None
    except OSError as error:
        raise PlantFileError(f"Cannot read {path}: {error.strerror or error}.") from None
    return parse_plant(text, source=str(path), read_media=media_reader(Path(path).parent))


def media_reader(folder: Path) -> MediaReader:
    """Reads the files instruction steps name, relative to `folder` (the plant file's own folder)."""

    def read(name: str) -> bytes:
        target = folder / name.replace("\\", "/")
        try:
            with target.open("rb") as file:
                return file.read(MAX_MEDIA_READ)  # a larger file is refused by its size, not read whole
        except FileNotFoundError:
            raise InvalidInput(f"{name} does not exist beside the plant file (looked for {target}).") from None
        except IsADirectoryError:
            raise InvalidInput(f"{name} is a folder, not a file.") from None
        except OSError as error:
            raise InvalidInput(f"{name} cannot be read: {error.strerror or error}.") from None

    return read


def load_plant(engine: Engine, definition: PlantDefinition, *, actor: str = "plant-load", now: datetime) -> LoadSummary:
    """Write `definition` to the database in one transaction and return what changed.

    Raises `PlantFileError` when the file conflicts with what the database holds, `DatabaseUnavailable`
    or `SchemaNotAtHead` when the database cannot take it; in every such case nothing is written.
    """
    if now.tzinfo is None:
        raise ValueError("load_plant needs a timezone-aware time")
    events = EventLog(occurred_at=now, recorded_at=now, actor=actor, station=None, command_id=None)
    try:
        with Session(engine) as session, session.begin():
            summary = _Loader(session, definition, ChangeLog(events), events, now).run()
            if summary.changed:
                events.add(LOADED_EVENT, "site", definition.site.code, source=definition.source, **summary.as_dict())
                events.write(session)
    except MesError:
        raise
    except SQLAlchemyError as exc:
        raise _database_error(exc, definition.source) from None
    return summary


class _Loader:
    """One load: compares each record with the file and writes what differs, in dependency order."""

    def __init__(
        self, session: Session, plant: PlantDefinition, changes: ChangeLog, events: EventLog, now: datetime
    ) -> None:
        self.session = session
        self.plant = plant
        self.changes = changes
        self.events = events
        self.now = now

    def run(self) -> LoadSummary:
        site = self._site()
        areas = self._areas(site)
        shifts = self._shifts(site)
        lines = self._lines(site, areas, shifts)
        stations = self._workstations(lines)
        self._pin_policies()
        self._users()
        materials = ProductDefinitions(self.session, self.plant, self.changes).load(stations)
        load_instructions(self.session, self.plant, materials, self.changes, self.events, self.now)
        self._downtime_reasons()
        self._scrap_reasons()
        self._checklists()
        load_machines(self.session, self.plant, stations, self.changes)
        load_calendar(self.session, self.plant, site, lines, stations, self.changes)
        self.session.flush()
        return self.changes.summary(self.plant.site.code)

    def _by_code(self, model: Any, codes: Iterable[str], *where: Any) -> dict[str, Any]:
        """The records of `model` (which has a `code` column) with the given codes."""
        rows = self.session.scalars(select(model).where(model.code.in_(list(codes)), *where))
        return {row.code: row for row in rows}

    def _upsert(self, kind: str, key: str, record: Any, blank: Any, after: Values) -> Any:
        """For a record compared by some of its own columns: add `blank` or bring the stored one to `after`."""
        if self.changes.record(kind, key, None if record is None else columns(record, after), after):
            if record is None:
                record = blank
                self.session.add(record)
            for column, value in after.items():
                setattr(record, column, value)
        return record

    # --- equipment ---------------------------------------------------------------------------------

    def _site(self) -> Site:
        spec = self.plant.site
        site = self.session.scalars(select(Site).where(Site.code == spec.code)).one_or_none()
        site = self._upsert(
            "site",
            spec.code,
            site,
            Site(code=spec.code),
            {
                "name": spec.name,
                "timezone": spec.timezone,
                "start_when": spec.start_when,
                "overrun_percent": spec.overrun_percent,
                "labour_split": spec.labour_split,
                "picking": spec.picking,
                "picking_rule": spec.picking_rule,
                "material_check": spec.material_check,
                "hold_on_failed_check": spec.hold_on_failed_check,
                "checks_block": spec.checks_block,
                "two_person_signatures": spec.two_person_signatures,
                "spc_reaction": spec.spc_reaction,
                "spc_baseline": spec.spc_baseline,
                "signature_idle_minutes": spec.signature_idle_minutes,
                # A file without [uns] leaves the namespace as it is.
                **({"uns_url": self.plant.uns.url, "uns_root": self.plant.uns.root} if self.plant.uns else {}),
            },
        )
        self.session.flush()
        return site

    def _areas(self, site: Site) -> dict[str, Area]:
        stored = self._by_code(Area, (a.code for a in self.plant.areas), Area.site_id == site.id)
        for spec in self.plant.areas:
            new = Area(site_id=site.id, code=spec.code)
            stored[spec.code] = self._upsert("area", spec.code, stored.get(spec.code), new, {"name": spec.name})
        self.session.flush()
        return stored

    def _shifts(self, site: Site) -> dict[str, Shift]:
        stored = self._by_code(Shift, (s.code for s in self.plant.shifts), Shift.site_id == site.id)
        for spec in self.plant.shifts:
            shift = stored.get(spec.code)
            if self.changes.record(
                "shift", spec.code, None if shift is None else _shift_values(shift), _shift_spec_values(spec)
            ):
                if shift is None:
                    shift = stored[spec.code] = Shift(site_id=site.id, code=spec.code)
                    self.session.add(shift)
                shift.name, shift.days = spec.name, ",".join(spec.days)
                shift.start_time, shift.end_time = spec.start, spec.end
                shift.breaks = [ShiftBreak(start_time=b.start, minutes=b.minutes) for b in spec.breaks]
        self.session.flush()
        return stored

    def _lines(self, site: Site, areas: Mapping[str, Area], shifts: Mapping[str, Shift]) -> dict[str, Line]:
        stored = self._by_code(Line, (line.code for line in self.plant.lines))
        site_codes = dict(self.session.execute(select(Site.id, Site.code)).all())
        area_codes = dict(self.session.execute(select(Area.id, Area.code)).all())
        worked = self._line_shifts(stored.values())
        for spec in self.plant.lines:
            line = stored.get(spec.code)
            after = {"site": site.code, "name": spec.name, "area": spec.area, "shifts": sorted(spec.shifts)}
            before = None
            if line is not None:
                before = {
                    "site": site_codes.get(line.site_id),
                    "name": line.name,
                    "area": area_codes.get(line.area_id) if line.area_id is not None else None,
                    "shifts": sorted(worked.get(line.id, {})),
                }
            if self.changes.record("line", spec.code, before, after):
                if line is None:
                    line = stored[spec.code] = Line(code=spec.code)
                    self.session.add(line)
                line.site_id, line.name = site.id, spec.name
                line.area_id = areas[spec.area].id if spec.area is not None else None
                self.session.flush()
                self._set_line_shifts(line, worked.get(line.id, {}), [shifts[c] for c in spec.shifts])
        self.session.flush()
        return stored

    def _line_shifts(self, lines: Iterable[Line]) -> dict[int, dict[str, LineShift]]:
        """For each line id, the shifts it works, by shift code."""
        rows = self.session.execute(
            select(LineShift, Shift.code)
            .join(Shift, Shift.id == LineShift.shift_id)
            .where(LineShift.line_id.in_([line.id for line in lines]))
        )
        worked: dict[int, dict[str, LineShift]] = {}
        for link, code in rows:
            worked.setdefault(link.line_id, {})[code] = link
        return worked

    def _set_line_shifts(self, line: Line, current: Mapping[str, LineShift], wanted: list[Shift]) -> None:
        wanted_ids = {shift.id for shift in wanted}
        for link in current.values():
            if link.shift_id not in wanted_ids:
                self.session.delete(link)
        for shift_id in sorted(wanted_ids - {link.shift_id for link in current.values()}):
            self.session.add(LineShift(line_id=line.id, shift_id=shift_id))

    def _workstations(self, lines: Mapping[str, Line]) -> dict[str, Workstation]:
        specs = [(line.code, ws) for line in self.plant.lines for ws in line.workstations]
        return load_workstations(self.session, self.changes, specs, lines)

    # --- people ------------------------------------------------------------------------------------

    def _users(self) -> None:
        load_users(self.session, self.changes, self.plant.users, self.now, self.plant.source)

    def _pin_policies(self) -> None:
        stored = {r.role: r for r in self.session.scalars(select(PinPolicyRecord))}
        for spec in self.plant.pin_policies:
            after = {
                "min_length": spec.policy.min_length,
                "remember": spec.policy.remember,
                "expires_days": spec.policy.expires_days,
                "lock_after": spec.policy.lock_after,
            }
            self._upsert("pin_policy", spec.role, stored.get(spec.role), PinPolicyRecord(role=spec.role), after)
        self.session.flush()

    # --- downtime, scrap, checklists ---------------------------------------------------------------

    def _downtime_reasons(self) -> None:
        stored = {r.code: r for r in self.session.scalars(select(DowntimeReason))}
        codes = {r.id: r.code for r in stored.values()}
        to_link = []
        for spec in self.plant.downtime_reasons:
            reason = stored.get(spec.code)
            fields = {"name": spec.name, "category": spec.category, "loss": spec.loss}
            before = None
            if reason is not None:
                before = {"parent": codes.get(reason.parent_id) if reason.parent_id else None} | columns(reason, fields)
            if self.changes.record("downtime_reason", spec.code, before, {"parent": spec.parent} | fields):
                if reason is None:
                    reason = stored[spec.code] = DowntimeReason(code=spec.code)
                    self.session.add(reason)
                for column, value in fields.items():
                    setattr(reason, column, value)
                to_link.append((reason, spec.parent))
        # A parent may stand after its children in the file: link them once every reason exists.
        self.session.flush()
        for reason, parent in to_link:
            reason.parent_id = stored[parent].id if parent is not None else None
        self.session.flush()

    def _scrap_reasons(self) -> None:
        stored = self._by_code(ScrapReason, (r.code for r in self.plant.scrap_reasons))
        for spec in self.plant.scrap_reasons:
            reason = stored.get(spec.code)
            after = {"name": spec.name, "scope": _scope_rows(spec)}
            before = None
            if reason is not None:
                before = {
                    "name": reason.name,
                    "scope": sorted([scope.kind, scope.code, scope.operation] for scope in reason.scopes),
                }
            if self.changes.record("scrap_reason", spec.code, before, after):
                if reason is None:
                    reason = ScrapReason(code=spec.code)
                    self.session.add(reason)
                reason.name = spec.name
                reason.scopes = [ScrapReasonScope(kind=k, code=c, operation=n) for k, c, n in after["scope"]]
        self.session.flush()

    def _checklists(self) -> None:
        """Checklists are versioned: a loaded version never changes; a new version is added beside it."""
        codes = [c.code for c in self.plant.checklists]
        stored = {
            (t.code, t.version): t
            for t in self.session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.code.in_(codes)))
        }
        for spec in self.plant.checklists:
            template = stored.get((spec.code, spec.version))
            after = _checklist_spec_values(spec)
            before = None if template is None else _checklist_values(template)
            if before is not None and before != after:
                newest = max(version for code, version in stored if code == spec.code)
                raise PlantFileError(
                    f"{self.plant.source}: checklist {spec.code} version {spec.version} is already loaded with "
                    f"different content ({_first_difference(before, after)}); checklists are versioned, so give "
                    f"the changed checklist version {newest + 1}."
                )
            if self.changes.record("checklist", spec.code, before, after):
                self.session.add(_new_template(spec))
        self.session.flush()


# --- workstations and people: shared with the ERP's master data (integration/master_data.py) -------


def load_workstations(
    session: Session, changes: ChangeLog, specs: Sequence[tuple[str, WorkstationSpec]], lines: Mapping[str, Line]
) -> dict[str, Workstation]:
    """Bring each (line code, workstation) in line with its spec; `lines` holds every line code named."""
    rows = session.execute(
        select(Workstation, Line.code)
        .join(Line, Line.id == Workstation.line_id)
        .where(Workstation.code.in_([ws.code for _, ws in specs]))
    )
    stored = {station.code: (station, line_code) for station, line_code in rows}
    stations: dict[str, Workstation] = {}
    for line_code_wanted, spec in specs:
        station, line_code = stored.get(spec.code, (None, None))
        fields = {
            "name": spec.name,
            "micro_stop_seconds": spec.micro_stop_seconds,
            "badge_only": spec.badge_only,
            "capacity": spec.capacity,
        }
        before = None if station is None else {"line": line_code} | columns(station, fields)
        if changes.record("workstation", spec.code, before, {"line": line_code_wanted} | fields):
            if station is None:
                station = Workstation(code=spec.code)
                session.add(station)
            station.line_id = lines[line_code_wanted].id
            for column, value in fields.items():
                setattr(station, column, value)
        assert station is not None
        stations[spec.code] = station
    session.flush()
    return stations


def load_users(session: Session, changes: ChangeLog, users: Sequence[UserSpec], now: datetime, source: str) -> None:
    """Bring each user, found by badge, in line with its spec (a spec without a PIN keeps the stored one).
    A PIN the spec sets or changes keeps to the policy of the person's roles, like any other."""
    badges = [u.badge for u in users]
    stored = {user.badge: user for user in session.scalars(select(User).where(User.badge.in_(badges)))}
    for spec in users:
        user = stored.get(spec.badge)
        after = {
            "name": spec.name,
            "roles": sorted(spec.roles),
            "qualifications": sorted(spec.qualifications),
            "pin": _pin_state(spec, user),
        }
        before = None
        if user is not None:
            before = {
                "name": user.name,
                "roles": user.role_names,
                "qualifications": sorted(q.code for q in user.qualifications),
                "pin": "set" if user.pin_hash else None,
            }
        if changes.record("user", spec.badge, before, after):
            if user is None:
                user = User(badge=spec.badge)
                session.add(user)
            _write_user(user, spec)
            _set_pin(session, user, spec, now, source, changed=after["pin"] == "changed")
    session.flush()


def _set_pin(session: Session, user: User, spec: UserSpec, now: datetime, source: str, *, changed: bool) -> None:
    if spec.pin is None or not (changed or user.pin_hash is None):
        return
    policy = credentials.policy_for_roles(session, spec.roles)
    try:
        credentials.set_pin(session, user, spec.pin, now, policy)
    except InvalidInput as refusal:
        raise PlantFileError(f"{source}: users (badge {spec.badge}): pin: {refusal}") from None


# --- compared values and writes ---------------------------------------------------------------------


def _shift_values(shift: Shift) -> Values:
    breaks = [{"start": b.start_time, "minutes": b.minutes} for b in shift.breaks]
    return {
        "name": shift.name,
        "days": shift.days.split(","),
        "start": shift.start_time,
        "end": shift.end_time,
        "breaks": sorted(breaks, key=lambda b: b["start"]),
    }


def _shift_spec_values(spec: ShiftSpec) -> Values:
    breaks = [{"start": b.start, "minutes": b.minutes} for b in spec.breaks]
    return {
        "name": spec.name,
        "days": list(spec.days),
        "start": spec.start,
        "end": spec.end,
        "breaks": sorted(breaks, key=lambda b: b["start"]),
    }


def _scope_rows(spec: ScrapReasonSpec) -> list[list[Any]]:
    """The scope of a scrap reason as sorted rows (kind, code, operation), as the database holds it."""
    rows = [["line", code, 0] for code in spec.lines] + [["station", code, 0] for code in spec.stations]
    rows += [["operation", product, number] for product, number in spec.operations]
    return sorted(rows)


def _pin_state(spec: UserSpec, user: User | None) -> str | None:
    """The PIN as an event may show it: never the PIN or its hash, only "set", "changed" or None."""
    stored = user.pin_hash if user is not None else None
    if spec.pin is None or (stored and verify_secret(spec.pin, stored)):
        return "set" if stored else None
    return "set" if user is None else "changed"


def _write_user(user: User, spec: UserSpec) -> None:
    user.name = spec.name
    for dropped in [r for r in user.roles if r.role not in spec.roles]:
        user.roles.remove(dropped)
    user.roles.extend(UserRole(role=role) for role in sorted(set(spec.roles) - set(user.role_names)))
    held = {q.code for q in user.qualifications}
    for qualification in [q for q in user.qualifications if q.code not in spec.qualifications]:
        user.qualifications.remove(qualification)
    user.qualifications.extend(UserQualification(code=c) for c in sorted(set(spec.qualifications) - held))


def _checklist_values(template: ChecklistTemplate) -> Values:
    return {"version": template.version, "name": template.name, "items": [_item_values(i) for i in template.items]}


def _item_values(item: ChecklistItem) -> Values:
    return {
        "code": item.code,
        "text": item.text,
        "kind": item.kind,
        "unit": item.unit,
        "lower": plain(item.lower_limit),
        "target": plain(item.target),
        "upper": plain(item.upper_limit),
        "choices": item.choices.split("|") if item.choices else [],
        "required": item.required,
        "when": item.trigger,
        "every_n": item.every_n,
        "every_minutes": item.every_minutes,
    }


def _checklist_spec_values(spec: ChecklistSpec) -> Values:
    return {"version": spec.version, "name": spec.name, "items": [_item_spec_values(i) for i in spec.items]}


def _item_spec_values(item: ChecklistItemSpec) -> Values:
    return {
        "code": item.code,
        "text": item.text,
        "kind": item.kind,
        "unit": item.unit,
        "lower": plain(item.lower),
        "target": plain(item.target),
        "upper": plain(item.upper),
        "choices": list(item.choices),
        "required": item.required,
        "when": item.when,
        "every_n": item.every_n,
        "every_minutes": item.every_minutes,
    }


def _first_difference(stored: Values, wanted: Values) -> str:
    if stored["name"] != wanted["name"]:
        return "its name differs"
    for old, new in zip(stored["items"], wanted["items"], strict=False):
        if old != new:
            return f"item {new['code']} differs"
    return "it has a different number of items"


def _new_template(spec: ChecklistSpec) -> ChecklistTemplate:
    items = [
        ChecklistItem(
            position=position,
            code=item.code,
            text=item.text,
            kind=item.kind,
            unit=item.unit,
            lower_limit=item.lower,
            target=item.target,
            upper_limit=item.upper,
            choices="|".join(item.choices) if item.choices else None,
            required=item.required,
            trigger=item.when,
            every_n=item.every_n,
            every_minutes=item.every_minutes,
        )
        for position, item in enumerate(spec.items, start=1)
    ]
    return ChecklistTemplate(code=spec.code, version=spec.version, name=spec.name, items=items)


# --- database failures as plain sentences ---------------------------------------------------------


def _database_error(exc: SQLAlchemyError, source: str) -> MesError:
    detail = driver_message(exc)
    if _missing_table(detail):
        return SchemaNotAtHead(
            "The database has no MES Terminal tables yet; run 'mes-terminal db upgrade' before loading a plant file."
        )
    if isinstance(exc, IntegrityError | DataError):
        return PlantFileError(f"The database refused {source} ({detail}); nothing of it was written.")
    if isinstance(exc, OperationalError | InterfaceError):
        return DatabaseUnavailable(
            f"The database was not available to load {source} ({detail}); nothing of it was written."
        )
    return DatabaseUnavailable(f"The database failed while loading {source} ({detail}); nothing of it was written.")


def _missing_table(detail: str) -> bool:
    return "no such table" in detail or ("relation" in detail and "does not exist" in detail)
