"""Which buttons make sense now: the terminal greys out what the service would refuse anyway."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mes_terminal.services.queries.station_views import DispatchItem, JobView, StationView


def enabled_actions(
    station: StationView | None, selected: DispatchItem | None, job: JobView | None, operator: str | None
) -> frozenset[str]:
    """Names of the actions to offer: start, pause, resume, downtime, end_downtime, reason_needed, report_good,
    report_scrap, complete, checklist, print_label, call_supervisor, sign_out. `job` is the job the buttons act
    on, `selected` the tapped dispatch line."""
    if station is None or operator is None:
        return frozenset()
    actions = {"call_supervisor", "sign_out"}
    # A station stops with or without a job. Once down, the same button first asks for a missing reason
    # (a machine's stop has none), then ends the stop.
    if station.state != "down":
        actions.add("downtime")
    elif station.open_downtime_reason == "":
        actions.add("reason_needed")
    else:
        actions.add("end_downtime")
    # A job short of material may still start: the material may be on its way to the station.
    if selected is not None and selected.readiness in ("ready", "material_short", "check_due"):
        actions.add("start")
    if job is not None:
        actions |= {"report_good", "report_scrap", "complete", "print_label"}
        if job.status == "running":
            actions |= {"pause", "checklist"}
        if job.status == "paused":
            actions.add("resume")
    return frozenset(actions)
