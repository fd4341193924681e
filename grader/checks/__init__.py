"""checks: judge a student's observations against the reference's, in the grader's own process."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from grader.sandbox.pool import ExerciseRun
from grader.sandbox.scrub import scrub

log = logging.getLogger("grader")


class Mistake(str):
    """A known mistake's wording, with the cause it names. Two checks may see one cause through different
    behaviours (the output and the moving statistics) and word it for what each compares: class reports count
    a cause once per student, whatever the wording."""

    cause: str

    def __new__(cls, text: str, cause: str = "") -> Mistake:
        mistake = super().__new__(cls, text)
        mistake.cause = cause or text
        return mistake


def cause_of(mistake: str) -> str:
    """What a diagnosis is counted under: its declared cause, else its wording."""
    return getattr(mistake, "cause", "") or mistake


class Fail(Exception):
    """Raised by a judge: the message is the feedback the student reads."""

    def __init__(self, message: str = "", mistake: str | None = None, credit: float = 0.0):
        super().__init__(message)
        self.mistake = mistake
        """The known mistake the observation matches, when one does (also said in the message)."""
        self.credit = credit
        """The share of the check's points kept: the configurations that passed, when only some failed."""


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    """The class the check belongs to (the tag in results.json)."""
    name: str
    score: float
    max_score: float
    feedback: str = ""
    """Empty when the check passed; otherwise expected vs observed, and the likely mistake."""
    visibility: str = "visible"
    advice: bool = False
    """Worth 0 points: asks for more than the skeleton promises, shown as advice."""
    public: bool = False
    """Shipped to students with `python -m grader check`; the others are hidden until grading."""
    mistake: str | None = None
    """The known mistake diagnosed from the observation, if any: what class reports count."""

    @property
    def passed(self) -> bool:
        return not self.feedback


Judge = Callable[[dict[str, Any], dict[str, Any]], None]


@dataclass(frozen=True)
class Check:
    exercise: str
    name: str
    points: float
    needs: tuple[str, ...]
    """The probes whose observations the judge reads."""
    judge: Judge
    advice: bool = False
    public: bool = False


class CheckSet:
    def __init__(self, exercise: str, core: str, inert: Callable[[Any], str | None] | None = None):
        self.exercise = exercise
        self.core = core
        """The probe of the exercise's main behaviour: when the code raises there, every check fails."""
        self.inert = inert
        """Given the core observation, says why the code does nothing (returns zeros or its input), if so:
        then no check counts, or a do-nothing layer would collect the points of its side checks."""
        self.checks: list[Check] = []

    def add(self, name: str, points: float, needs: tuple[str, ...] | str, advice: bool = False,
            public: bool = False) -> Callable[[Judge], Judge]:
        needs = (needs,) if isinstance(needs, str) else tuple(needs)

        def register(judge: Judge) -> Judge:
            self.checks.append(Check(self.exercise, name, 0.0 if advice else points, needs, judge, advice, public))
            return judge

        return register

    @property
    def max_score(self) -> float:
        return sum(c.points for c in self.checks)


CHECKSETS: dict[str, CheckSet] = {}
"""Exercise -> its checks, filled as pack check modules are imported (exercise names are unique)."""


def register(checkset: CheckSet) -> CheckSet:
    CHECKSETS[checkset.exercise] = checkset
    return checkset


def checks_of(exercise: str) -> CheckSet:
    """The checks of ``exercise``, importing its pack's check modules on first use."""
    if exercise not in CHECKSETS:
        from grader.packs import pack_of

        pack_of(exercise).import_modules("checks", CHECKSETS)
    return CHECKSETS[exercise]


def public_probes(exercise: str) -> tuple[str, ...]:
    """The probes the public checks read, core first: all that `python -m grader check` runs."""
    checkset = checks_of(exercise)
    needs = [checkset.core] + [n for c in checkset.checks if c.public for n in c.needs]
    return tuple(dict.fromkeys(needs))


def judge_run(run: ExerciseRun, reference: ExerciseRun, verdict: str | None = None,
              public_only: bool = False) -> list[CheckResult]:
    """Every check of the run's exercise (or only its public ones), each with its points and feedback.

    ``verdict``: a reason that fails the whole exercise whatever was observed (the delegation policy).
    """
    checkset = checks_of(run.exercise)
    results = []
    core_error = run.errors.get(checkset.core)
    if verdict is None and core_error is not None and not run.failure:
        verdict = core_error.describe()
    core = run.observations.get(checkset.core)
    if verdict is None and not run.failure and core is not None and checkset.inert is not None:
        try:
            verdict = checkset.inert(core)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            verdict = None  # malformed: the checks themselves will say so
    for check in checkset.checks:
        if public_only and not check.public:
            continue
        feedback, mistake, credit = (verdict, None, 0.0) if verdict else _judge_one(check, run, reference)
        score = round(check.points * credit, 2) if feedback else check.points
        results.append(CheckResult(run.exercise, check.name, score, check.points, scrub(feedback), advice=check.advice,
                                   public=check.public, mistake=mistake))
    return results


def _judge_one(check: Check, run: ExerciseRun, reference: ExerciseRun) -> tuple[str, str | None, float]:
    """(feedback, the known mistake it names or None, share of points kept); empty feedback when it passed."""
    if run.failure:
        return run.failure, None, 0.0
    for need in check.needs:
        if need in run.errors:
            return run.errors[need].describe(), None, 0.0
        if need not in run.observations:
            return "not observed: the code stopped before this check could run", None, 0.0
    try:
        check.judge({n: run.observations[n] for n in check.needs}, {n: reference.observations[n] for n in check.needs})
    except Fail as failure:
        return str(failure) or "failed", failure.mistake, failure.credit
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        # Malformed observations from the student's side land here; the instructor gets the traceback
        # in case it is the grader's own bug instead.
        log.warning("check %r of %s could not judge the observations", check.name, run.exercise, exc_info=True)
        return f"the code's results could not be read ({type(exc).__name__}): do the shapes and types follow the docstring?", None, 0.0
    return "", None, 0.0
