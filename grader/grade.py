"""Grade submissions: load -> sandbox (probes) -> checks -> a GradingResult per submission."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from grader import __version__, packs, settings
from grader.checks import CheckResult, checks_of, judge_run, public_probes
from grader.checks.grid import raised_everywhere
from grader.checks.policy import violation
from grader.load import Submission, SubmissionError, load_submission
from grader.packs import Exercise, Pack
from grader.reference import cache_key, public_reference, reference_runs, stored_reference, versions
from grader.sandbox.pool import ExerciseRun, Job, WorkerPool, new_job_id, tasks_for


@dataclass
class ExerciseResult:
    exercise: str
    checks: list[CheckResult]
    failure: str | None = None
    """Why the exercise could not run as a whole, if it could not."""
    output: str = ""
    """What the student's code printed while this exercise ran (truncated)."""
    attempted: bool = True
    """False while the exercise's main behaviour still raises the skeleton's NotImplementedError."""

    @property
    def score(self) -> float:
        return sum(c.score for c in self.checks)

    @property
    def max_score(self) -> float:
        return sum(c.max_score for c in self.checks)


@dataclass
class GradingResult:
    submission: str
    exercises: list[ExerciseResult]
    provenance: dict = field(default_factory=dict)
    """Versions, seeds and hashes: the only place where they appear."""

    @property
    def score(self) -> float:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(e.max_score for e in self.exercises)


def grade_submissions(
    paths: Sequence[Path | str | Submission],
    *,
    parallel: int | None = None,
    timeout: float = settings.EXERCISE_TIMEOUT_S,
    sandbox: str = settings.SANDBOX,
    assignment: str | Pack | None = None,
    solutions: Path | None = None,
    cache_dir: Path = settings.CACHE_DIR,
    reference_file: Path | None = None,
    public_only: bool = False,
    exercises: Sequence[str] | None = None,
    exercises_of: Sequence[Sequence[str] | None] | None = None,
    on_exercise: Callable[[str, str], None] | None = None,
    on_submission: Callable[[GradingResult], None] | None = None,
) -> list[GradingResult]:
    """Grade each submission; one worker process (TensorFlow loaded once) serves them all.

    ``assignment``: the pack (or its name) every submission is graded as; None: the one their files fit
    (SubmissionError when that is not one assignment). ``solutions``: default the pack's own.
    ``reference_file``: a stored full reference (see ``reference.stored_reference``) used instead of
    ``solutions`` (the Gradescope autograder has no solutions/).
    ``public_only``: run and judge only the public checks (what students run with `check`).
    ``exercises``: grade only these (default: all); ``exercises_of``: per submission, its own choice
    (None: ``exercises``), so that one worker serves submissions graded on different exercises.
    ``on_submission`` is called as soon as each submission's last exercise is judged.
    """
    pack = assignment if isinstance(assignment, Pack) else packs.get(assignment) if assignment else None
    submissions = [p if isinstance(p, Submission) else load_submission(p, assignment=pack) for p in paths]
    if pack is None:
        found = sorted({s.assignment for s in submissions})
        if len(found) > 1:
            raise SubmissionError(f"These submissions are for different assignments ({', '.join(found)}): grade "
                                  "one assignment at a time, with --assignment")
        pack = packs.get(found[0]) if found else packs.choose(None)
    wrong = [s.name for s in submissions if s.assignment != pack.name]
    if wrong:
        raise SubmissionError(f"{', '.join(wrong)} was read for another assignment than {pack.name}")
    by_name = {e.name.casefold(): e.name for e in pack.exercises}  # `--only scale` means Scale

    def choose(names: Sequence[str] | None) -> list[Exercise]:
        unknown = sorted(n for n in names or () if n.casefold() not in by_name)
        if unknown:
            raise SubmissionError(f"{pack.name} has no exercise {', '.join(unknown)}: expected one of "
                                  f"{', '.join(e.name for e in pack.exercises)}")
        wanted = None if names is None else {by_name[n.casefold()] for n in names}
        return [ex for ex in pack.exercises if wanted is None or ex.name in wanted]

    chosen = choose(exercises)
    if exercises_of is not None and len(exercises_of) != len(submissions):
        raise ValueError(f"exercises_of has {len(exercises_of)} entries for {len(submissions)} submissions")
    chosen_of = [chosen if exercises_of is None or exercises_of[i] is None else choose(exercises_of[i])
                 for i in range(len(submissions))]
    started = time.monotonic()
    results: list[GradingResult | None] = [None] * len(submissions)
    with WorkerPool(parallel=parallel, timeout=timeout, sandbox=sandbox) as pool:
        pool.start()  # TensorFlow loads in the worker while the reference is read here
        if reference_file is not None:
            reference, key = stored_reference(reference_file, pack)
        elif public_only:
            reference, key = public_reference(pool, pack, solutions, cache_dir)
        else:
            reference, key = reference_runs(pool, pack, solutions, cache_dir), cache_key(pack, solutions)
        jobs = [Job(new_job_id(), tasks_for(pack, s.modules, public_probes if public_only else None,
                                            [ex.name for ex in chosen_of[i]]), s.sources)
                for i, s in enumerate(submissions)]
        index_of = {job.id: index for index, job in enumerate(jobs)}
        runs_by_submission: list[dict[str, ExerciseRun]] = [{} for _ in submissions]

        def finish(index: int) -> None:
            result = _result(submissions[index], runs_by_submission[index], reference, key, pool.isolation_note,
                             chosen_of[index], public_only)
            results[index] = result
            if on_submission is not None:
                on_submission(result)

        def collect(job: Job, run: ExerciseRun) -> None:
            index = index_of[job.id]
            runs_by_submission[index][run.exercise] = run
            if on_exercise is not None:
                on_exercise(submissions[index].name, run.exercise)
            if len(runs_by_submission[index]) == len(job.tasks):
                finish(index)

        for index, job in enumerate(jobs):
            if not job.tasks:
                finish(index)  # nothing to run: every exercise file is missing
        pool.run(jobs, on_result=collect)
    seconds = round(time.monotonic() - started, 2)
    for result in results:
        if result is not None:
            result.provenance["batch_seconds"] = seconds
    return [r for r in results if r is not None]


def grade_submission(path: Path | str, **kwargs) -> GradingResult:
    return grade_submissions([path], **kwargs)[0]


def _untouched(run: ExerciseRun) -> bool:
    """The exercise's main behaviour raised NotImplementedError (on every configuration, for a grid): the
    student has not written it yet."""
    if run.failure:
        return False
    core = checks_of(run.exercise).core
    error = run.errors.get(core)
    if error is not None:
        return error.type == "NotImplementedError"
    return raised_everywhere(run.observations.get(core), "NotImplementedError")


def _result(submission: Submission, runs: dict[str, ExerciseRun], reference: dict[str, ExerciseRun],
            reference_key: str, isolation: str, chosen: Sequence[Exercise], public_only: bool) -> GradingResult:
    exercises = []
    for ex in chosen:
        run = runs.get(ex.name) or ExerciseRun(
            exercise=ex.name, failure=f"{ex.filename} is missing from the submission: {ex.name} is defined there."
        )
        module = submission.modules.get(ex.filename)
        text = submission.sources.get(module) if module else None
        broken = submission.broken_cell(ex.filename, ex.name)
        untouched = broken is None and _untouched(run)
        if broken is not None or untouched:
            # One sentence for the whole exercise: only the exercises a broken cell defines are lost, not the
            # whole notebook; an untouched stub is not repeated under every check.
            result = ExerciseResult(ex.name, [], output=run.output, attempted=not untouched, failure=(
                f"Not attempted: {ex.name} still raises NotImplementedError, as the skeleton does." if untouched
                else f"{ex.name} is defined in cell {broken.cell}, which does not compile: {broken.error}"))
            result.checks = judge_run(run, reference[ex.name], result.failure, public_only=public_only)
            exercises.append(result)
            continue
        checks = judge_run(run, reference[ex.name], violation(ex, text, run), public_only=public_only)
        if submission.notebooks:  # lines of the module made from a notebook: say which cell they are in
            checks = [replace(c, feedback=submission.locate(c.feedback)) if c.feedback else c for c in checks]
        failure = submission.locate(run.failure) if run.failure else run.failure
        exercises.append(ExerciseResult(ex.name, checks, failure, run.output))
    provenance = {
        "kit_version": __version__,
        "assignment": submission.assignment,
        "versions": versions(),
        "probe_seed": settings.PROBE_SEED,
        "reference_key": reference_key,
        "submission_sha256": submission.content_hash(),
        "files": sorted(submission.sources),
        "read": list(submission.read),
        "unread": list(submission.unread),
        "isolation": isolation,
        "checks": "public only" if public_only else "all",
    }
    return GradingResult(submission.name, exercises, provenance)
