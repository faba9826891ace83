"""Which buttons make sense now: the terminal greys out what the service would refuse anyway."""

from __future__ import annotations

from mes_terminal.services.views import DispatchItem, JobView, StationView


def enabled_actions(
    station: StationView | None, selected: DispatchItem | None, job: JobView | None, operator: str | None
) -> frozenset[str]:
    """Names of the actions to offer: start, pause, resume, downtime, report_good, report_scrap, complete,
    checklist, call_supervisor, sign_out. `job` is the job the buttons act on, `selected` the tapped dispatch line."""
    if station is None or operator is None:
        return frozenset()
    actions = {"call_supervisor", "sign_out"}
    # A job short of material may still start: the material may be on its way to the station.
    if selected is not None and selected.readiness in ("ready", "material_short", "check_due"):
        actions.add("start")
    if job is not None:
        actions |= {"report_good", "report_scrap", "complete"}
        if job.status == "running":
            actions |= {"pause", "downtime", "checklist"}
        if job.status == "paused":
            actions.add("resume")
    return frozenset(actions)
