"""Property tests: every plan the scheduler makes, and every dispatch rule's, passes the independent check.

Random small plants: stations with shift-like windows, parallel capacity, changeover families, a job
running at some stations, transfer times and release dates. The check (scheduling/check.py) shares no
code with the model or the rules, so a plan that breaks precedence, capacity, the calendar or a kept
operation fails here.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from mes_terminal.domain.errors import InvalidInput, MesError
from mes_terminal.scheduling import model
from mes_terminal.scheduling.check import violations
from mes_terminal.scheduling.instances import read
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.problem import Fixed, Job, Operation, Problem, Station
from mes_terminal.scheduling.rules import RULES, dispatch
from mes_terminal.scheduling.solve import schedule

HORIZON = 4000
STANDARDS = Path(__file__).resolve().parents[3] / "shared" / "standards" / "scheduling"


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    count = draw(st.integers(1, 3))
    stations = []
    for i in range(count):
        period = draw(st.integers(100, 300))
        work = draw(st.integers(period // 2, period - 1))
        phase = draw(st.integers(0, period - 1))
        windows = tuple((a, a + work) for a in range(phase, HORIZON - work, period))
        capacity = draw(st.sampled_from([1, 1, 2]))
        stations.append(Station(f"S{i}", windows, capacity, draw(st.sampled_from([None, "a", "b"]))))
    codes = [s.code for s in stations]
    running_at = set(draw(st.lists(st.sampled_from(codes), unique=True, max_size=count)))
    jobs = []
    for j in range(draw(st.integers(1, 4))):
        ops = []
        for o in range(draw(st.integers(1, 3))):
            key = f"J{j}/{o}"
            eligible = draw(st.lists(st.sampled_from(codes), unique=True, min_size=1, max_size=count))
            family = draw(st.sampled_from([None, "a", "b", "c"]))
            fixed = None
            if o == 0 and running_at & set(eligible):  # the first operation of a job, running already
                where = sorted(running_at & set(eligible))[0]
                running_at.discard(where)
                fixed = Fixed(where, -draw(st.integers(0, 30)), draw(st.integers(1, 40)))
            ops.append(
                Operation(
                    key,
                    {code: draw(st.integers(1, 40)) for code in eligible},
                    interruptible=draw(st.booleans()),
                    family=family,
                    setup=draw(st.integers(0, 15)),
                    wait_before=draw(st.integers(0, 10)) if o else 0,
                    release=draw(st.integers(0, 50)),
                    fixed=fixed,
                )
            )
        due = draw(st.one_of(st.none(), st.integers(0, 600)))
        jobs.append(Job(f"J{j}", tuple(ops), due=due, weight=draw(st.integers(1, 5))))
    matrix = {("a", "b"): draw(st.integers(0, 20)), ("b", "a"): draw(st.integers(0, 20))}
    problem = Problem(tuple(jobs), tuple(stations), HORIZON, changeover=matrix)
    if draw(st.booleans()):  # a plan in force (a rule's), with one station closed for a while since
        current = dispatch(problem, draw(st.sampled_from(RULES))).operations
        closed = draw(st.sampled_from(codes))
        until = draw(st.integers(0, 300))
        stations = [
            Station(s.code, tuple((max(a, until), b) for a, b in s.windows if b > until), s.capacity, s.initial_family)
            if s.code == closed
            else s
            for s in stations
        ]
        problem = Problem(tuple(jobs), tuple(stations), HORIZON, changeover=matrix, current=current)
    return problem


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_plan_respects_precedence_capacity_calendars_changeovers_and_kept_work(problem: Problem) -> None:
    result = schedule(problem, Options(time_limit=0.5, seed=1))
    assert violations(problem, result.plan.operations) == []
    for rule, plan in result.rules.items():
        assert violations(problem, plan.operations) == [], rule
    if result.baseline is not None:  # never worse than the best rule on the first objective
        assert result.plan.figures.weighted_tardiness <= result.baseline.figures.weighted_tardiness


@settings(max_examples=200)
@given(st.text(alphabet="0123456789 #\n.-x", max_size=120), st.sampled_from(["jssp", "fjsp"]))
def test_any_instance_text_is_read_or_refused_with_a_sentence(text: str, fmt: str) -> None:
    try:
        problem = read(text, fmt)
    except InvalidInput as refusal:
        assert str(refusal).endswith((".", "(0-based).")) and "Traceback" not in str(refusal)
        return
    assert all(op.durations for job in problem.jobs for op in job.operations) or not problem.jobs


def _first_solution(built: model._Built) -> list[int]:
    """The solver's first solution (the hinted plan, or close to it): a poor start, so the rounds have work."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return list(solver.response_proto.solution)


def _objective(built: model._Built, values: list[int]) -> int:
    """The model's objective at `values`, read off the model itself."""
    objective = built.model.proto.objective
    total = sum(c * values[v] for v, c in zip(objective.vars, objective.coeffs, strict=True))
    return round(total + objective.offset)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.sampled_from(["tardiness", "makespan"]))
def test_the_neighbourhood_search_keeps_every_rule_and_never_makes_the_objective_worse(
    problem: Problem, objective: str
) -> None:
    try:
        rule = min((dispatch(problem, r) for r in RULES), key=lambda p: p.figures.makespan)
    except MesError:
        return  # refused on its face (the rules say why): nothing to search from
    built = model._build(problem)
    model._hint(built, rule.operations)
    name = objective if objective in built.objectives else "makespan"
    built.model.minimize(built.objectives[name])
    values = _first_solution(built)
    start = _objective(built, values)
    found, value = model._neighbourhoods(problem, built, values, start, 0, time.monotonic() + 0.3, Options(seed=2))
    assert value <= start
    assert value == _objective(built, found)
    assert violations(problem, model._extract(problem, built, found)) == []


def test_the_neighbourhood_search_shortens_ft10_from_a_dispatch_rules_plan() -> None:
    path = STANDARDS / "jssp" / "ft10"
    if not path.exists():
        pytest.skip(f"the benchmark instances are not beside the checkout ({STANDARDS})")
    problem = read(path.read_text(encoding="utf-8"), "jssp")
    built = model._build(problem)
    model._hint(built, dispatch(problem, "spt").operations)
    built.model.minimize(built.objectives["makespan"])
    values = _first_solution(built)
    start = _objective(built, values)
    found, value = model._neighbourhoods(problem, built, values, start, 930, time.monotonic() + 3.0, Options(seed=1))
    assert 930 <= value < start  # 930 is ft10's proven optimum
    plan = model._extract(problem, built, found)
    assert violations(problem, plan) == []
    assert max(p.end for p in plan) == value
