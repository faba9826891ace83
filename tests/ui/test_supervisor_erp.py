"""The console's ERP tab on a real QApplication over real databases: documents imported by the real
import, a refused one applied again once its cause is fixed, its XML read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo
from sqlalchemy import select

from mes_terminal.db.records import ErpMessage, Event, WorkOrder
from mes_terminal.domain import error_codes as codes
from mes_terminal.domain.errors import Conflict, NotPermitted
from mes_terminal.integration.console import ErpConsole
from mes_terminal.integration.export import export
from mes_terminal.integration.hot_folder import sweep
from mes_terminal.integration.importer import import_file
from mes_terminal.services.plant.loader import load_plant, read_plant_file
from mes_terminal.ui.supervisor.window import SupervisorWindow
from tests.erp.documents import Request, Segment, production_schedule
from tests.helpers import DATA, OPERATOR, SUPERVISOR
from tests.ui.test_supervisor_console import settle, sign_in

GOOD = production_schedule([Request("WO-ERP-1", segments=[Segment("10", produced=("BRACKET-A", "5", "pcs"))])])
# WS-99 is not a workstation of the plant yet: the document is refused until it is.
NEEDS_WS99 = production_schedule(
    [Request("WO-ERP-2", segments=[Segment("10", equipment="WS-99", duration="PT1H", produced=("NEW-1", "5", "pcs"))])]
)


def add_ws99(engine, now, tmp_path: Path) -> None:
    text = (DATA / "small_plant.toml").read_text(encoding="utf-8")
    extra = '[[lines.workstations]]\ncode = "WS-99"\nname = "Deburring"\n\n[[lines.workstations]]\ncode = "WS-02"'
    path = tmp_path / "plant.toml"
    path.write_text(text.replace('[[lines.workstations]]\ncode = "WS-02"', extra, 1), encoding="utf-8")
    load_plant(engine, read_plant_file(path), now=now)


def open_erp(console: SupervisorWindow, qtbot) -> None:
    with qtbot.waitSignal(console.erp_vm.messages_changed, timeout=10_000):
        console.ui.tabs.setCurrentWidget(console.ui.erpTab)
    settle(console, qtbot)


def select_message(console: SupervisorWindow, message_id: int) -> None:
    messages = console.erp.model.messages
    console.erp.view.selectRow(next(i for i, m in enumerate(messages) if m.id == message_id))


def test_the_erp_tab_lists_retries_and_shows_the_xml(console, qtbot, plant, clock, tmp_path, qtmodeltester) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a-good.xml").write_bytes(GOOD)
    (inbox / "b-ws99.xml").write_bytes(NEEDS_WS99)
    swept = sweep(plant, inbox, now=clock.now(), settle=0)
    assert [s.outcome.ok for s in swept] == [True, False]

    sign_in(console, qtbot)
    open_erp(console, qtbot)
    qtmodeltester.check(console.erp.model)
    model = console.erp.model
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert sorted(m.status for m in model.messages) == ["applied", "refused"]
    refused = next(m for m in model.messages if m.status == "refused")
    applied = next(m for m in model.messages if m.status == "applied")
    assert refused.file.endswith("failed/b-ws99.xml") and applied.file.endswith("processed/a-good.xml")
    refused_row = shown[model.messages.index(refused)]
    # time in the site's zone, direction, kind, document, status, the refusal's sentence
    assert refused_row[0] == refused.time and refused_row[1:3] == ["in", "production_schedule"]
    assert refused_row[4] == "refused" and "WS-99" in refused_row[5]

    select_message(console, applied.id)
    assert not console.erp.retryButton.isEnabled() and console.erp.xmlButton.isEnabled()
    select_message(console, refused.id)
    assert console.erp.retryButton.isEnabled()

    # Open XML: the stored file, read-only, in a fixed-width font
    with qtbot.waitSignal(console.erp_vm.text_ready, timeout=10_000):
        console.erp.xmlButton.click()
    dialog = console.erp.dialog
    assert dialog is not None and dialog.text.isReadOnly()
    assert dialog.text.toPlainText() == NEEDS_WS99.decode("utf-8")
    assert QFontInfo(dialog.text.font()).fixedPitch()
    dialog.close()

    # Retried before the cause is fixed: refused again, said in the banner
    with qtbot.waitSignal(console.erp_vm.messages_changed, timeout=10_000):
        console.erp.retryButton.click()
    settle(console, qtbot)
    assert "refused again" in console.banner.text() and "WS-99" in console.banner.text()

    add_ws99(plant, clock.now(), tmp_path)
    select_message(console, refused.id)
    with qtbot.waitSignal(console.erp_vm.messages_changed, timeout=10_000):
        console.erp.retryButton.click()
    settle(console, qtbot)
    assert "applied" in console.banner.text()
    newest = console.erp.model.messages[0]
    assert (newest.document, newest.status) == (refused.document, "applied")
    assert [m.status for m in console.erp.model.messages].count("refused") == 2  # the first refusals stay
    first = next(m for m in console.erp.model.messages if m.id == refused.id)
    assert (first.applied_again_by, first.retryable) == (SUPERVISOR, False)
    row = console.erp.model.messages.index(first)
    assert console.erp.model.index(row, 4).data() == f"refused, applied again {first.applied_again} by {SUPERVISOR}"
    select_message(console, refused.id)
    assert not console.erp.retryButton.isEnabled()
    with pytest.raises(Conflict, match="was applied again at"):
        ErpConsole(plant, clock.now, lambda: "Europe/Berlin").retry(refused.id, actor=SUPERVISOR)
    with plant.connect() as connection:
        assert connection.execute(select(WorkOrder.number).where(WorkOrder.number == "WO-ERP-2")).scalar_one()
        retried = connection.execute(
            select(Event.actor, Event.payload).where(Event.type == "ErpMessageRetried").order_by(Event.id)
        ).all()
    assert [(actor, payload["ok"]) for actor, payload in retried] == [(SUPERVISOR, False), (SUPERVISOR, True)]

    # filtered to the refused ones
    with qtbot.waitSignal(console.erp_vm.messages_changed, timeout=10_000):
        console.erp.statusBox.setCurrentIndex(console.erp.statusBox.findData("refused"))
    settle(console, qtbot)
    assert {m.status for m in console.erp.model.messages} == {"refused"}


def test_a_retry_is_for_planners_and_for_refused_inbound_documents_only(plant, clock, tmp_path) -> None:
    path = tmp_path / "w.xml"
    path.write_bytes(NEEDS_WS99)
    import_file(plant, path, now=clock.now())
    (tmp_path / "g.xml").write_bytes(GOOD)
    import_file(plant, tmp_path / "g.xml", now=clock.now())
    erp = ErpConsole(plant, clock.now, lambda: "Europe/Berlin")
    refused, applied = (next(m for m in erp.messages() if m.status == s) for s in ("refused", "applied"))
    assert [m.id for m in erp.messages()] == sorted((m.id for m in erp.messages()), reverse=True)
    assert [m.status for m in erp.messages(direction="in", status="refused")] == ["refused"]
    assert erp.messages(direction="out") == []
    export(plant, "b2mml-v0600", tmp_path / "out", start=None, end=clock.now(), now=clock.now())
    (written,) = erp.messages(direction="out")
    # nothing progressed: an export without documents, so nothing to open and nothing to retry
    assert (written.status, written.files, written.has_text, written.retryable) == ("written", (), False, False)
    assert len(erp.messages(limit=1)) == 1

    with pytest.raises(NotPermitted):
        erp.retry(refused.id, actor=OPERATOR)
    with pytest.raises(Exception) as not_refused:
        erp.retry(applied.id, actor=SUPERVISOR)
    assert "Only a refused document" in str(not_refused.value)

    path.unlink()
    with pytest.raises(Exception) as gone:
        erp.document_text(refused.id)
    assert getattr(gone.value, "code", None) == codes.INVALID_INPUT and "no longer at" in str(gone.value)
    with plant.connect() as connection:
        assert len(connection.execute(select(ErpMessage.id)).all()) == 3  # a refused retry records nothing
