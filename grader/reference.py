"""Reference observations: the probes run on solutions/, cached on disk by content hash."""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from grader import __version__, probes, settings
from grader.checks import public_probes
from grader.exercises import EXERCISES
from grader.fileio import write_text_atomic
from grader.load import load_submission
from grader.sandbox import wire
from grader.sandbox.pool import ExerciseRun, GraderError, Job, WorkerPool, new_job_id, tasks_for


def versions() -> dict[str, str]:
    """Versions that change observations; read without importing TensorFlow."""
    found = {"python": platform.python_version(), "kit": __version__}
    for dist in ("tensorflow", "tensorflow-cpu", "keras", "numpy"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return found


def cache_key(solutions: Path) -> str:
    digest = hashlib.sha256()
    sources = sorted(Path(solutions).glob("*.py")) + probes.source_files()
    sources += sorted((Path(__file__).parent / "sandbox").glob("*.py"))
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(versions(), sort_keys=True).encode())
    digest.update(str(settings.PROBE_SEED).encode())
    return digest.hexdigest()[:20]


def reference_runs(pool: WorkerPool, solutions: Path = settings.SOLUTIONS_DIR,
                   cache_dir: Path = settings.CACHE_DIR) -> dict[str, ExerciseRun]:
    """Exercise -> reference observations, computed once per content hash."""
    solutions = Path(solutions)
    key = cache_key(solutions)
    path = Path(cache_dir) / f"reference-{key}.json"
    if path.exists():
        try:
            stored = wire.loads(path.read_bytes())
            return {name: ExerciseRun(exercise=name, observations=obs) for name, obs in stored["observations"].items()}
        except (wire.WireError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # a damaged cache is recomputed, never trusted
    missing = [ex.filename for ex in EXERCISES if not (solutions / ex.filename).is_file()]
    if missing:
        raise GraderError(f"Reference solutions missing in {solutions}: {', '.join(sorted(set(missing)))}")
    submission = load_submission(solutions)
    job = Job(new_job_id(), tasks_for(submission.modules), submission.sources)
    runs = pool.run([job])[job.id]
    result = {}
    for ex in EXERCISES:
        run = runs[ex.name]
        problems = [run.failure] if run.failure else [f"{p}: {e.describe()}" for p, e in run.errors.items()]
        if problems:
            raise GraderError(f"The reference solution for {ex.name} failed, so nothing can be graded: "
                              f"{'; '.join(problems)}\n{run.output}")
        result[ex.name] = run
    payload = {"key": key, "versions": versions(), "observations": {n: r.observations for n, r in result.items()}}
    write_text_atomic(path, wire.dumps(payload).decode())
    return result


def public_reference(pool: WorkerPool, solutions: Path = settings.SOLUTIONS_DIR, cache_dir: Path = settings.CACHE_DIR,
                     stored: Path = settings.PUBLIC_REFERENCE) -> tuple[dict[str, ExerciseRun], str]:
    """(exercise -> the observations public checks read, the reference key): from solutions/ when present
    (the instructor's kit), else from the file `release` wrote into the student bundle."""
    if Path(solutions).is_dir():
        full = reference_runs(pool, solutions, cache_dir)
        return {name: _public_only(run) for name, run in full.items()}, cache_key(solutions)
    if not Path(stored).is_file():
        raise GraderError(f"Neither the reference solutions ({solutions}) nor the public reference ({stored}) are "
                          "here: unzip the student bundle again, or run this from the kit's folder.")
    try:
        data = wire.loads(Path(stored).read_bytes())
        runs = {name: ExerciseRun(exercise=name, observations=obs) for name, obs in data["observations"].items()}
        key = str(data["key"])
    except (wire.WireError, KeyError, TypeError, AttributeError) as exc:
        raise GraderError(f"The public reference {stored} is damaged ({exc}): unzip the student bundle again.") from exc
    missing = [ex.name for ex in EXERCISES if ex.name not in runs]
    if missing:
        raise GraderError(f"The public reference {stored} lacks {', '.join(missing)}: unzip the student bundle again.")
    return runs, key


def public_reference_payload(pool: WorkerPool, solutions: Path = settings.SOLUTIONS_DIR,
                             cache_dir: Path = settings.CACHE_DIR) -> bytes:
    """The public reference file for the student bundle: only what the public checks read."""
    runs, key = public_reference(pool, solutions, cache_dir)
    return wire.dumps({"key": key, "versions": versions(),
                       "observations": {name: run.observations for name, run in runs.items()}})


def _public_only(run: ExerciseRun) -> ExerciseRun:
    keep = set(public_probes(run.exercise))
    return ExerciseRun(exercise=run.exercise, observations={k: v for k, v in run.observations.items() if k in keep})
