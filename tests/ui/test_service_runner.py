"""The service runner: calls in submission order on one worker, answers on the GUI thread."""

from __future__ import annotations

import threading

from mes_terminal.ui.terminal.runner import ServiceRunner


def test_calls_answer_in_the_order_submitted_on_the_gui_thread(qapp, qtbot) -> None:
    runner = ServiceRunner()
    answered: list[tuple[str, bool]] = []
    gui = threading.get_ident()
    try:
        with qtbot.waitSignal(runner.idle, timeout=5_000):
            for name in ("first", "second", "third"):
                runner.submit(
                    lambda name=name: name,
                    lambda answer: answered.append((answer, threading.get_ident() == gui)),
                    lambda error: answered.append((repr(error), False)),
                )
        assert answered == [("first", True), ("second", True), ("third", True)]
    finally:
        runner.shutdown()


def test_a_call_after_the_paint_keeps_its_place_and_the_runner_stays_busy(qapp, qtbot) -> None:
    runner = ServiceRunner()
    ran: list[str] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    try:
        with qtbot.waitSignal(runner.idle, timeout=5_000):
            runner.submit(lambda: ran.append("refresh"), lambda _: None, lambda _: None, after_paint=True)
            runner.submit(lambda: ran.append("command"), lambda _: None, lambda _: None)
            assert ran == []  # nothing starts before the GUI thread had its turn
            assert runner.pending == 2
        assert ran == ["refresh", "command"]
        assert busy == [True, False]  # busy without a gap from the first submit to the last answer
    finally:
        runner.shutdown()


def test_a_failing_call_answers_through_on_failed(qapp, qtbot) -> None:
    runner = ServiceRunner()
    failures: list[Exception] = []

    def broken() -> None:
        raise ValueError("no")

    try:
        with qtbot.waitSignal(runner.idle, timeout=5_000):
            runner.submit(broken, lambda _: None, failures.append)
        assert [str(error) for error in failures] == ["no"]
    finally:
        runner.shutdown()


def test_calls_held_for_the_paint_are_dropped_at_shutdown(qapp, qtbot) -> None:
    runner = ServiceRunner()
    ran: list[str] = []
    runner.submit(lambda: ran.append("late"), lambda _: None, lambda _: None, after_paint=True)
    runner.shutdown()
    qapp.processEvents()
    qtbot.wait(20)
    assert ran == []
