"""The terminal offers the scrap reasons of the job at hand: none scoped to another station or operation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mes_terminal.domain.plant import parse_plant
from mes_terminal.services.commands import catalog as c
from mes_terminal.services.plant.loader import load_plant
from mes_terminal.ui.widgets.choice_dialog import ReasonDialog
from mes_terminal.ui.widgets.quantity_dialog import QuantityDialog
from tests.helpers import OPERATOR, command, scoped_plant
from tests.ui.test_operator_flow import tap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def running(plant, bus, clock, work_order) -> None:
    """The scoped reasons loaded; WO-1 operation 10 (Cut) running at WS-01 with Ada signed in."""
    load_plant(plant, parse_plant(scoped_plant(), "small_plant.toml"), now=clock.now())
    bus.execute(command(c.SignIn, clock.now(), actor=OPERATOR, station="WS-01", badge=OPERATOR, pin="4711"))
    bus.execute(command(c.StartJob, clock.now(), actor=OPERATOR, station="WS-01", work_order="WO-1", operation=10))


def test_the_scrap_dialog_offers_only_the_reasons_of_the_job(running, open_window, qtbot, monkeypatch) -> None:
    offered: list[list[str]] = []

    def choose(cls, parent, title, reasons, hint=""):
        offered.append([reason.name for reason in reasons])
        return next(reason for reason in reasons if reason.code == "KERF")

    monkeypatch.setattr(QuantityDialog, "ask", classmethod(lambda cls, *args, **kwargs: Decimal(2)))
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(choose))
    window = open_window()
    assert window.current_screen == "station"
    tap(qtbot, window, window.station_screen.ui.reportScrapButton)
    # Not "Crack at bend": that one belongs to the press brake (WS-02).
    assert offered == [["Burr on edge", "Dropped on the line", "Kerf too wide"]]
    assert window.station_screen.ui.scrapValue.text() == "2"
    # Taken: amber only because this job has not scanned its steel (the site's material_check is warn).
    assert window.banner.kind == "warn" and "STEEL" in window.banner.text()
