"""The scheduler's entry point: refuse what cannot be planned, run the rules, improve with CP-SAT.

The dispatch rules run first (with a plan in force, also a repair that keeps its order): the best of
them is the baseline, the solver's starting point and the plan returned when the solver finds nothing
better in its time. The time limit covers the rules, the model's building and its search. The
solver's plan replaces it only when it is lexicographically no worse.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from mes_terminal.domain.errors import MesError
from mes_terminal.scheduling.options import Options
from mes_terminal.scheduling.plan import Plan
from mes_terminal.scheduling.problem import Problem, validate
from mes_terminal.scheduling.rules import CURRENT, RULES, dispatch


@dataclass(frozen=True)
class Result:
    plan: Plan  # the plan to use
    baseline: Plan | None  # the best dispatch rule's plan (None when no rule could place everything)
    rules: dict[str, Plan]  # every rule's plan


def schedule(problem: Problem, options: Options | None = None, *, use_rules: bool = True) -> Result:
    """A plan for `problem`; raises a `MesError` with a sentence when it cannot be planned."""
    options = options or Options()
    began = time.monotonic()
    validate(problem)
    rules: dict[str, Plan] = {}
    refusal: MesError | None = None
    if use_rules:
        for rule in (*RULES, CURRENT) if problem.current else RULES:
            try:
                rules[rule] = dispatch(problem, rule)
            except MesError as error:
                refusal = error
    baseline = min(rules.values(), key=lambda p: _rank(p, options.objectives), default=None)
    # Start from the best rule's plan (with a plan in force, the repair rule keeps close to it); the plan
    # in force itself may no longer fit (a station went down).
    hint = baseline.operations if baseline else problem.current
    left = max(0.5, options.time_limit - (time.monotonic() - began))  # the time limit covers the rules too
    # OR-Tools (and numpy with it) loads when a plan is solved, not when the console starts.
    from mes_terminal.scheduling.model import solve

    found = solve(problem, replace(options, hint=hint, time_limit=left))
    if found is None or (
        baseline is not None and _rank(baseline, options.objectives) < _rank(found, options.objectives)
    ):
        if baseline is None:
            if refusal is not None:
                raise refusal
            raise MesError("No plan was found in the time given; allow the scheduler more time.")
        return Result(baseline, baseline, rules)
    return Result(found, baseline, rules)


def _rank(plan: Plan, objectives: tuple[str, ...]) -> tuple[int, ...]:
    values = {
        "tardiness": plan.figures.weighted_tardiness,
        "makespan": plan.figures.makespan,
        "changes": plan.figures.changes,
    }
    return tuple(values[name] for name in objectives)
