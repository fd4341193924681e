"""Grade submissions: load -> sandbox (probes) -> checks -> a GradingResult per submission."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from grader import __version__, settings
from grader.checks import CheckResult, judge_run
from grader.checks.policy import violation
from grader.exercises import EXERCISES
from grader.load import Submission, load_submission
from grader.reference import cache_key, reference_runs, versions
from grader.sandbox.pool import ExerciseRun, Job, WorkerPool, new_job_id


@dataclass
class ExerciseResult:
    exercise: str
    checks: list[CheckResult]
    failure: str | None = None
    """Why the exercise could not run as a whole, if it could not."""
    output: str = ""
    """What the student's code printed while this exercise ran (truncated)."""

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
    paths: Sequence[Path | str],
    *,
    parallel: int | None = None,
    timeout: float = settings.EXERCISE_TIMEOUT_S,
    solutions: Path = settings.SOLUTIONS_DIR,
    cache_dir: Path = settings.CACHE_DIR,
    on_exercise: Callable[[str, str], None] | None = None,
) -> list[GradingResult]:
    """Grade each submission folder; one worker process serves them all."""
    submissions = [load_submission(p) for p in paths]
    started = time.monotonic()
    with WorkerPool(parallel=parallel, timeout=timeout) as pool:
        reference = reference_runs(pool, solutions, cache_dir)
        jobs: dict[str, tuple[int, Job]] = {}
        for index, submission in enumerate(submissions):
            for ex in EXERCISES:
                source = submission.files.get(ex.filename)
                if source is not None:
                    job = Job(new_job_id(), ex.name, ex.name, source)
                    jobs[job.id] = (index, job)
        report = None if on_exercise is None else (lambda job, run: on_exercise(submissions[jobs[job.id][0]].name, job.exercise))
        runs = pool.run([job for _, job in jobs.values()], on_result=report)
    by_submission: list[dict[str, ExerciseRun]] = [{} for _ in submissions]
    for job_id, (index, job) in jobs.items():
        by_submission[index][job.exercise] = runs[job_id]
    key = cache_key(solutions)
    seconds = round(time.monotonic() - started, 2)
    return [_result(sub, found, reference, key, seconds) for sub, found in zip(submissions, by_submission)]


def grade_submission(path: Path | str, **kwargs) -> GradingResult:
    return grade_submissions([path], **kwargs)[0]


def _result(submission: Submission, runs: dict[str, ExerciseRun], reference: dict[str, ExerciseRun],
            reference_key: str, seconds: float) -> GradingResult:
    exercises = []
    for ex in EXERCISES:
        run = runs.get(ex.name) or ExerciseRun(
            exercise=ex.name, failure=f"{ex.filename} is missing from the submission: {ex.name} is defined there."
        )
        source = submission.files.get(ex.filename)
        text = source.read_text(encoding="utf-8", errors="replace") if source is not None else None
        exercises.append(ExerciseResult(ex.name, judge_run(run, reference[ex.name], violation(ex, text, run)),
                                        run.failure, run.output))
    provenance = {
        "kit_version": __version__,
        "versions": versions(),
        "probe_seed": settings.PROBE_SEED,
        "reference_key": reference_key,
        "submission_sha256": submission.content_hash(),
        "files": sorted(submission.files),
        "grading_seconds": seconds,
    }
    return GradingResult(submission.name, exercises, provenance)
