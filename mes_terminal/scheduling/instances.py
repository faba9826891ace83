"""The standard benchmark formats read into a `Problem`: job shop (OR-Library) and flexible job shop.

Job shop: optional `#` comment lines, then `jobs machines`, then per job `machine time` pairs in
route order. Flexible job shop (Brandimarte, Hurink): `jobs machines [average]`, then per job the
number of operations and for each the count k and k `machine time` pairs. Machines are 0-based in
both (as in ../shared/standards/scheduling); stations are named by their index, operations "j/o".
A malformed file raises `InvalidInput` naming the line.
"""

from __future__ import annotations

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.scheduling.problem import Job, Operation, Problem, Station


def read(text: str, fmt: str) -> Problem:
    if fmt not in ("jssp", "fjsp"):
        raise InvalidInput(f"Unknown instance format {fmt!r}; use jssp or fjsp.")
    lines = [(n, line.split()) for n, line in enumerate(text.splitlines(), start=1)]
    rows = [(n, words) for n, words in lines if words and not words[0].startswith("#")]
    if not rows:
        raise InvalidInput("The instance file is empty.")
    n, head = rows[0]
    numbers = _ints(n, head[:2])
    if len(numbers) != 2 or numbers[0] < 1 or numbers[1] < 1:
        raise InvalidInput(f"Line {n} should give the number of jobs and machines.")
    jobs_count, machines = numbers
    if len(rows) - 1 < jobs_count:
        raise InvalidInput(f"The file names {jobs_count} jobs but describes {len(rows) - 1}.")
    jobs = []
    for index, (line, words) in enumerate(rows[1 : jobs_count + 1]):
        alternatives = _jssp_job(line, _ints(line, words)) if fmt == "jssp" else _fjsp_job(line, _ints(line, words))
        ops = []
        for o, choices in enumerate(alternatives):
            for machine, _ in choices:
                if not 0 <= machine < machines:
                    raise InvalidInput(f"Line {line} names machine {machine}; there are {machines} (0-based).")
            durations = {str(m): max(1, t) for m, t in choices}
            ops.append(Operation(key=f"{index}/{o}", durations=durations))
        jobs.append(Job(str(index), tuple(ops)))
    horizon = sum(max(op.durations.values()) for job in jobs for op in job.operations)
    stations = tuple(Station(str(m), ((0, horizon),)) for m in range(machines))
    return Problem(tuple(jobs), stations, horizon)


def _ints(line: int, words: list[str]) -> list[int]:
    try:
        return [int(float(w)) if "." in w else int(w) for w in words]
    except ValueError:
        raise InvalidInput(f"Line {line} holds something that is not a number.") from None


def _jssp_job(line: int, numbers: list[int]) -> list[list[tuple[int, int]]]:
    if len(numbers) % 2:
        raise InvalidInput(f"Line {line} should hold machine and time pairs.")
    return [[(numbers[i], numbers[i + 1])] for i in range(0, len(numbers), 2)]


def _fjsp_job(line: int, numbers: list[int]) -> list[list[tuple[int, int]]]:
    if not numbers:
        raise InvalidInput(f"Line {line} is empty.")
    count, at, ops = numbers[0], 1, []
    for _ in range(count):
        if at >= len(numbers):
            raise InvalidInput(f"Line {line} ends before its {count} operations do.")
        k = numbers[at]
        pairs = numbers[at + 1 : at + 1 + 2 * k]
        if k < 1 or len(pairs) != 2 * k:
            raise InvalidInput(f"Line {line} has an operation with a broken list of machines.")
        ops.append([(pairs[i], pairs[i + 1]) for i in range(0, 2 * k, 2)])
        at += 1 + 2 * k
    if at != len(numbers):
        raise InvalidInput(f"Line {line} holds more than its {count} operations.")
    return ops
