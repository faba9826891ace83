"""Starting the terminal while the database is down: it opens from the snapshot of its station that it
kept at its last refresh, offline, and what is done there waits in the outbox until the database
answers. Without a snapshot the start is refused as before. Real window, real databases."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine

from mes_terminal.cli import terminal_start
from mes_terminal.config import Settings
from mes_terminal.db.engine import make_engine
from mes_terminal.domain.error_codes import OUTBOX_SIGN_IN_OFFLINE
from mes_terminal.domain.errors import DatabaseUnavailable
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.commands.bus import CommandBus
from mes_terminal.services.commands.delivery import OutboxDelivery
from mes_terminal.services.commands.outbox import Outbox
from mes_terminal.services.queries.event_feed import read_events
from mes_terminal.services.terminal import TerminalService
from mes_terminal.services.terminal_snapshot import SnapshotFile
from mes_terminal.ui.terminal.scan_decisions import JobKey
from mes_terminal.ui.terminal.window import TerminalWindow
from tests.helpers import OPERATOR, UNREACHABLE, command
from tests.ui.conftest import OPTIONS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The station's outbox and snapshot, side by side as bootstrap places them."""
    return tmp_path / "outbox" / "WS-01.sqlite", tmp_path / "outbox" / "WS-01.snapshot.json"


@pytest.fixture
def service(plant: Engine, bus: CommandBus, clock, files) -> TerminalService:
    outbox, snapshot = files
    delivery = OutboxDelivery(Outbox(outbox), bus, clock)
    return TerminalService(plant, bus, clock, delivery=delivery, snapshot=SnapshotFile(snapshot))


@pytest.fixture
def running(bus, clock, work_order) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order=work_order, operation=10))


@pytest.fixture
def unreachable(clock, files):
    """The same terminal started again with its database gone: same outbox, same snapshot."""
    outbox, snapshot = files
    engine = make_engine(UNREACHABLE)
    bus = CommandBus(engine, clock)
    yield TerminalService(
        engine, bus, clock, delivery=OutboxDelivery(Outbox(outbox), bus, clock), snapshot=SnapshotFile(snapshot)
    )
    engine.dispose()


@pytest.fixture
def start_window(themed_app, qtbot, clock):
    opened: list[TerminalWindow] = []

    def start(service: TerminalService) -> TerminalWindow:
        window = TerminalWindow(service, "WS-01", clock, options=replace(OPTIONS))
        opened.append(window)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        with qtbot.waitSignal(window.vm.connection_changed, timeout=20_000):
            window.start()
        qtbot.waitUntil(lambda: not window.vm.busy, timeout=20_000)
        return window

    yield start
    for window in opened:
        window.shutdown()


def counts(engine: Engine) -> list[Decimal]:
    return [Decimal(e.payload["good"]) for e in read_events(engine) if e.type == "CountReported"]


def test_every_refresh_keeps_a_snapshot_of_the_station_beside_the_outbox(qtbot, running, open_window, files) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: not window.vm.busy)
    _, snapshot_path = files
    data = json.loads(snapshot_path.read_text(encoding="utf-8"))  # plain JSON, readable by anyone
    assert data["station"]["code"] == "WS-01" and data["taken_at"].endswith("Z")

    snapshot = SnapshotFile(snapshot_path).read("WS-01")
    assert snapshot is not None
    assert snapshot.station == window.vm.station  # what was shown, whole
    assert list(snapshot.dispatch) == window.vm.dispatch
    assert [job.status for job in snapshot.station.jobs] == ["running"]
    assert [operator.badge for operator in snapshot.station.operators] == [OPERATOR]
    assert list(snapshot.downtime_tree) == window.vm.downtime_tree and snapshot.downtime_tree
    assert list(snapshot.scrap_reasons) == window.vm.scrap_reasons and snapshot.scrap_reasons
    assert SnapshotFile(snapshot_path).read("WS-02") is None  # another station's terminal does not use it


def test_a_terminal_started_without_the_database_opens_from_its_snapshot_and_its_count_is_sent_once(
    qtbot, running, open_window, start_window, unreachable, service, plant
) -> None:
    open_window().shutdown()  # the terminal ran while the database answered, then was closed

    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None, timeout=20_000)
    assert window.ui.connectionLabel.text() == "Offline"
    assert window.banner.kind == "warn"
    assert window.banner.text().startswith("Started offline, from this terminal's data of 2")
    assert "signing in with a PIN needs the database" in window.banner.text()
    assert window.vm.active_badge == OPERATOR  # signed in in the snapshot: still signed in
    assert window.vm.current_job() is not None and window.vm.current_job().status == "running"
    assert window.vm.downtime_tree  # the reason tree too, for a stop taken offline

    with qtbot.waitSignal(window.vm.command_unsent, timeout=20_000):  # a PIN still needs the database
        window.vm.sign_in("B1002", "1234")
    assert window.banner.text() == OUTBOX_SIGN_IN_OFFLINE.sentence()

    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.report(JobKey("WO-1", 10), Decimal(5))
    assert window.ui.connectionLabel.text() == "Offline (1 waiting)"
    assert window.banner.text().startswith("Saved here, not checked yet (1 waiting): Report 5 good")
    assert counts(plant) == []

    window.vm.service = service  # the database answers again
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    assert window.ui.connectionLabel.text() == "Online"
    assert window.vm.started_offline_from is None
    assert counts(plant) == [5]
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    assert counts(plant) == [5]  # once
    assert window.station_screen.ui.goodValue.text() == "5"


def test_without_a_snapshot_the_window_shows_no_station(qtbot, start_window, unreachable, files) -> None:
    window = start_window(unreachable)
    assert window.vm.station is None
    assert window.ui.connectionLabel.text() == "Offline"
    assert not files[1].exists()


def test_the_start_is_refused_without_a_snapshot_and_goes_ahead_offline_with_one(
    monkeypatch, tmp_path: Path, service, running
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the user data directory of bootstrap
    settings = Settings(database_url=UNREACHABLE, station="WS-01")
    with pytest.raises(DatabaseUnavailable, match="The database cannot be reached"):
        terminal_start._checked(settings, "WS-01")

    from mes_terminal.config import snapshot_file

    kept = SnapshotFile(snapshot_file("WS-01"))
    kept.keep_station(service.station("WS-01"), service.dispatch_list("WS-01"), None, service._clock.now())
    assert terminal_start._checked(settings, "WS-01") is False  # opens offline

    deferred = terminal_start.DeferredTerminalService(settings, offline=True)
    try:  # built without asking the database: its snapshot and its outbox answer
        assert deferred.snapshot("WS-01").station.code == "WS-01"
        assert deferred.waiting() == 0
    finally:
        deferred.close()


def test_a_damaged_snapshot_counts_as_none(tmp_path: Path) -> None:
    path = tmp_path / "WS-01.snapshot.json"
    path.write_text('{"format": 1, "station": {"code": "WS-01", "jobs": "x"}}', encoding="utf-8")
    assert SnapshotFile(path).read("WS-01") is None
    path.write_text("not json", encoding="utf-8")
    assert SnapshotFile(path).read("WS-01") is None


@pytest.fixture
def signed_in(bus, clock, work_order) -> None:
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))


def test_a_job_started_offline_shows_as_running_and_pending_until_the_database_has_it(
    qtbot, signed_in, open_window, start_window, unreachable, service, plant
) -> None:
    open_window().shutdown()  # read once with WO-1 ready, not running
    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None, timeout=20_000)
    screen = window.station_screen
    assert window.vm.current_job() is None

    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.start_job(JobKey("WO-1", 10))
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.report(JobKey("WO-1", 10), Decimal(3))
    assert window.ui.connectionLabel.text() == "Offline (2 waiting)"
    job = window.vm.current_job()
    assert job is not None and job.status == "running" and job.good == 3
    assert window.vm.station.state == "running"
    assert screen.ui.jobTitleValue.text().endswith(" · pending")
    assert screen.ui.goodValue.text() == "3"
    row = screen.model.row(screen.model.row_of("WO-1", 10))
    assert row.status == "running" and row.reason == "Pending: saved here, not sent yet"
    assert screen.model.data(screen.model.index(screen.model.row_of("WO-1", 10), 3)) == row.reason
    assert [e.type for e in read_events(plant) if e.type == "JobStarted"] == []

    window.vm.service = service  # the database answers: sent, then shown as the database has it
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    assert counts(plant) == [3]
    assert len([e for e in read_events(plant) if e.type == "JobStarted"]) == 1
    assert window.vm.pending_jobs == set()
    assert not screen.ui.jobTitleValue.text().endswith("pending")
    assert window.vm.current_job().status == "running" and screen.ui.goodValue.text() == "3"


def test_actions_waiting_from_before_the_start_are_shown_done_and_pending(
    qtbot, signed_in, open_window, start_window, unreachable, service, plant, clock
) -> None:
    """Taken offline, then the terminal restarted with the database still away: the screen shows them."""
    open_window().shutdown()
    unreachable.execute(
        command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10)
    )
    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None, timeout=20_000)
    assert window.ui.connectionLabel.text() == "Offline (1 waiting)"
    assert window.vm.current_job().status == "running"
    assert window.vm.pending_jobs == {JobKey("WO-1", 10)}
    assert window.station_screen.ui.jobTitleValue.text().endswith(" · pending")

    window.vm.service = service
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    assert len([e for e in read_events(plant) if e.type == "JobStarted"]) == 1
    assert window.vm.pending_jobs == set() and window.vm.current_job().status == "running"


def test_the_materials_panel_of_a_job_looked_at_before_shows_offline(
    qtbot, signed_in, open_window, start_window, unreachable
) -> None:
    online = open_window()
    with qtbot.waitSignal(online.vm.materials_changed, timeout=10_000):
        online.vm.load_materials(JobKey("WO-1", 10))
    qtbot.waitUntil(lambda: not online.vm.busy)
    online.shutdown()

    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None, timeout=20_000)
    with qtbot.waitSignal(window.vm.materials_changed, timeout=20_000) as shown:
        window.vm.load_materials(JobKey("WO-1", 10))
    key, lines = shown.args
    assert key == JobKey("WO-1", 10)
    assert [(line.material, line.on_hand) for line in lines] == [("STEEL-2MM", Decimal(100))]


def test_a_sign_out_taken_offline_shows_at_once_and_is_sent_when_back(
    qtbot, running, open_window, start_window, unreachable, service, plant
) -> None:
    open_window().shutdown()
    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None, timeout=20_000)
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.report(JobKey("WO-1", 10), Decimal(1))
    assert window.vm.active_badge == OPERATOR  # a second action saved does not lose who acts
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.sign_out(OPERATOR)
    assert window.vm.active_badge is None and window.vm.station.operators == ()
    assert window.ui.connectionLabel.text() == "Offline (2 waiting)"

    window.vm.service = service
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    assert counts(plant) == [1]
    assert [e.type for e in read_events(plant) if e.type == "SignedOut"] == ["SignedOut"]
    assert window.vm.station.operators == ()


def test_the_command_line_refuses_without_a_snapshot_and_opens_offline_with_one(
    qapp, capsys, monkeypatch, tmp_path: Path, service, running
) -> None:
    from mes_terminal.cli import main
    from mes_terminal.config import snapshot_file

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    start = ["terminal", "--station", "WS-01", "--database-url", UNREACHABLE, "--windowed", "--exit-when-ready"]
    assert main(start) == 1  # the refusal as before
    assert "The database cannot be reached" in capsys.readouterr().err

    kept = SnapshotFile(snapshot_file("WS-01"))
    kept.keep_station(service.station("WS-01"), service.dispatch_list("WS-01"), None, service._clock.now())
    assert main(start) == 0  # the window opened and showed the station, from the snapshot


def test_a_stop_taken_offline_shows_the_station_down_and_its_end_shows_at_once(
    qtbot, running, open_window, start_window, unreachable, service, plant
) -> None:
    open_window().shutdown()
    window = start_window(unreachable)
    qtbot.waitUntil(lambda: window.vm.station is not None and bool(window.vm.downtime_tree), timeout=20_000)
    button = window.station_screen.ui.downtimeButton
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.stop_station("BREAKDOWN")  # the running job pauses with the reason: the station is down
    assert (window.vm.station.state, window.vm.station.open_downtime_reason) == ("down", "Breakdown")
    assert window.vm.current_job().status == "paused"
    assert button.property("mode") == "end_downtime" and button.isEnabled()
    assert window.station_screen.ui.stateDetailLabel.text().startswith("Breakdown")

    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.end_downtime()
    assert window.vm.station.state == "paused" and window.vm.station.open_downtime_reason is None
    assert button.property("mode") == "downtime"
    assert window.ui.connectionLabel.text() == "Offline (2 waiting)"

    window.vm.service = service  # back: both delivered once, and the screen reads the database again
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    types = [e.type for e in read_events(plant)]
    assert types.count("DowntimeStarted") == 1 and types.count("DowntimeEnded") == 1
    assert window.vm.station.state == "paused"


# --- a stop open before the terminal went offline, ended there -------------------------------------


def offline_terminal(qtbot, how: str, open_window, start_window, unreachable) -> TerminalWindow:
    """The terminal offline with the station as last read: started again without the database, or open
    when the database went away."""
    if how == "started offline":
        open_window().shutdown()
        window = start_window(unreachable)
    else:
        window = open_window()
        window.vm.service = unreachable
        with qtbot.waitSignal(window.vm.connection_changed, timeout=20_000):
            window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: window.vm.station is not None and bool(window.vm.downtime_tree), timeout=20_000)
    qtbot.waitUntil(lambda: window.vm.online is False and not window.vm.busy, timeout=20_000)
    return window


def back_online(qtbot, window: TerminalWindow, service: TerminalService) -> None:
    window.vm.service = service
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()
    qtbot.waitUntil(lambda: not window.vm.busy and window.vm.waiting == 0, timeout=20_000)
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.on_refresh_due()  # a second round sends nothing again
    qtbot.waitUntil(lambda: not window.vm.busy, timeout=20_000)


def event_types(engine: Engine) -> list[str]:
    return [event.type for event in read_events(engine)]


@pytest.mark.parametrize("how", ["started offline", "gone offline"])
@pytest.mark.parametrize("opened_by", ["Downtime", "a pause with a reason"])
def test_a_stop_open_before_going_offline_ends_on_the_screen_with_end_downtime_marked_pending(
    qtbot, how, opened_by, running, bus, clock, open_window, start_window, unreachable, service, plant
) -> None:
    if opened_by == "Downtime":  # the job runs on, the station down beside it
        stop = command(c.StartDowntime, clock.now(), actor=OPERATOR, station="WS-01", reason="BREAKDOWN")
    else:
        stop = command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10,
                       reason="BREAKDOWN")  # fmt: skip
    bus.execute(stop)
    job_after = "running" if opened_by == "Downtime" else "paused"
    window = offline_terminal(qtbot, how, open_window, start_window, unreachable)
    screen = window.station_screen
    button, detail = screen.ui.downtimeButton, screen.ui.stateDetailLabel
    assert (window.vm.station.state, window.vm.station.open_downtime_reason) == ("down", "Breakdown")
    assert detail.text() == "Breakdown" and button.property("mode") == "end_downtime" and button.isEnabled()

    clock.advance(timedelta(minutes=7))
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.end_downtime()
    assert window.ui.connectionLabel.text() == "Offline (1 waiting)"
    assert window.vm.station.state == job_after and window.vm.station.open_downtime_reason is None
    assert window.vm.station.state_since == clock.now()  # since the stop ended, here
    assert screen.ui.stateLabel.text() == job_after.upper()
    assert detail.text() == "Stop ended · pending"
    assert button.property("mode") == "downtime"
    assert window.vm.current_job().status == job_after
    assert window.vm.pending_jobs == set()  # End downtime leaves the job as it was
    assert event_types(plant).count("DowntimeEnded") == 0

    back_online(qtbot, window, service)
    assert event_types(plant).count("DowntimeStarted") == 1 and event_types(plant).count("DowntimeEnded") == 1
    assert window.vm.station.state == job_after and window.vm.station.open_downtime_reason is None
    assert not window.vm.stop_pending and detail.text() == ""
    assert window.ui.connectionLabel.text() == "Online"


@pytest.mark.parametrize("how", ["started offline", "gone offline"])
def test_a_job_paused_with_a_reason_before_going_offline_resumes_there_and_its_stop_ends_pending(
    qtbot, how, running, bus, clock, open_window, start_window, unreachable, service, plant
) -> None:
    bus.execute(
        command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10,
                reason="BREAKDOWN")
    )  # fmt: skip
    window = offline_terminal(qtbot, how, open_window, start_window, unreachable)
    screen = window.station_screen
    assert window.vm.station.state == "down" and window.vm.current_job().status == "paused"
    assert (window.vm.downtime.work_order, window.vm.downtime.operation) == ("WO-1", 10)  # kept: its Resume ends it
    assert screen.ui.jobTitleValue.text().endswith(" · paused")

    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.resume_job(JobKey("WO-1", 10))
    assert window.ui.connectionLabel.text() == "Offline (1 waiting)"
    assert (window.vm.station.state, window.vm.station.open_downtime_reason) == ("running", None)
    assert window.vm.current_job().status == "running"
    assert screen.ui.stateLabel.text() == "RUNNING"
    assert screen.ui.stateDetailLabel.text() == "Stop ended · pending"
    assert screen.ui.jobTitleValue.text().endswith(" · pending")
    assert screen.ui.downtimeButton.property("mode") == "downtime"
    assert screen.ui.pauseButton.isEnabled() and not screen.ui.resumeButton.isEnabled()
    row = screen.model.row(screen.model.row_of("WO-1", 10))
    assert row.status == "running" and row.reason == "Pending: saved here, not sent yet"
    assert "JobResumed" not in event_types(plant)

    back_online(qtbot, window, service)
    types = event_types(plant)
    assert types.count("JobResumed") == 1 and types.count("DowntimeEnded") == 1  # the Resume ended it there too
    assert (window.vm.station.state, window.vm.station.open_downtime_reason) == ("running", None)
    assert window.vm.pending_jobs == set() and not window.vm.stop_pending
    assert not screen.ui.jobTitleValue.text().endswith("pending") and screen.ui.stateDetailLabel.text() == ""


def test_a_resume_of_another_job_leaves_the_stop_open_on_the_screen(
    qtbot, running, bus, clock, open_window, start_window, unreachable
) -> None:
    """Only the Resume of the job whose pause opened the stop ends it (as the database does): a stop taken
    with Downtime stays open when a job resumes."""
    bus.execute(
        command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10)
    )  # fmt: skip
    bus.execute(command(c.StartDowntime, clock.now(), actor=OPERATOR, station="WS-01", reason="BREAKDOWN"))
    window = offline_terminal(qtbot, "started offline", open_window, start_window, unreachable)
    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.resume_job(JobKey("WO-1", 10))
    assert window.vm.current_job().status == "running"
    assert (window.vm.station.state, window.vm.station.open_downtime_reason) == ("down", "Breakdown")
    assert window.station_screen.ui.stateDetailLabel.text() == "Breakdown"
    assert not window.vm.stop_pending


def test_a_job_paused_without_a_reason_before_going_offline_resumes_there_pending(
    qtbot, running, bus, clock, open_window, start_window, unreachable, service, plant
) -> None:
    bus.execute(command(c.PauseJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))
    window = offline_terminal(qtbot, "started offline", open_window, start_window, unreachable)
    screen = window.station_screen
    assert window.vm.station.state == "paused" and screen.ui.stateLabel.text() == "PAUSED"

    with qtbot.waitSignal(window.vm.settled, timeout=20_000):
        window.vm.resume_job(JobKey("WO-1", 10))
    assert window.vm.station.state == "running" and screen.ui.stateLabel.text() == "RUNNING"
    assert screen.ui.jobTitleValue.text() == "WO-1 · 10 Cut · pending"
    assert screen.ui.stateDetailLabel.text() == ""  # no stop was open: none ended

    back_online(qtbot, window, service)
    assert event_types(plant).count("JobResumed") == 1 and "DowntimeEnded" not in event_types(plant)
    assert window.vm.station.state == "running" and screen.ui.jobTitleValue.text() == "WO-1 · 10 Cut"
