"""The scheduler's entry point: refuse what cannot be planned, run the rules, improve with CP-SAT.

The dispatch rules run first: the best of them is the baseline, the solver's starting point (unless
a current plan is given, which is then the starting point) and the plan returned when the solver finds
nothing better in its time. The solver's plan replaces it only when it is lexicographically no worse.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mes_terminal.domain.errors import MesError
from mes_terminal.scheduling.model import Options, solve
from mes_terminal.scheduling.plan import Plan
from mes_terminal.scheduling.problem import Problem, validate
from mes_terminal.scheduling.rules import RULES, dispatch


@dataclass(frozen=True)
class Result:
    plan: Plan  # the plan to use
    baseline: Plan | None  # the best dispatch rule's plan (None when no rule could place everything)
    rules: dict[str, Plan]  # every rule's plan


def schedule(problem: Problem, options: Options | None = None, *, use_rules: bool = True) -> Result:
    """A plan for `problem`; raises a `MesError` with a sentence when it cannot be planned."""
    options = options or Options()
    validate(problem)
    rules: dict[str, Plan] = {}
    refusal: MesError | None = None
    if use_rules:
        for rule in RULES:
            try:
                rules[rule] = dispatch(problem, rule)
            except MesError as error:
                refusal = error
    baseline = min(rules.values(), key=lambda p: _rank(p, options.objectives), default=None)
    hint = problem.current or (baseline.operations if baseline else ())
    found = solve(problem, replace(options, hint=hint))
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
