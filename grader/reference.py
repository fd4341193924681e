"""Reference observations: the probes run on solutions/, cached on disk by content hash."""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path

from grader import __version__, probes, settings
from grader.checks import public_probes
from grader.fileio import write_text_atomic
from grader.load import load_submission
from grader.packs import Pack
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


def _observing_code(pack: Pack) -> list[Path]:
    """The code that makes observations: the pack's probes, the engine's and the worker that runs them."""
    return probes.source_files(pack) + sorted((Path(__file__).parent / "sandbox").glob("*.py"))


def _key(paths: list[Path], *extra: str) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for text in extra:
        digest.update(text.encode())
    return digest.hexdigest()[:20]


def cache_key(pack: Pack, solutions: Path | None = None) -> str:
    """The reference's identity: the pack, its solutions (default: the pack's), observing code, versions, seed."""
    solutions = pack.solutions if solutions is None else Path(solutions)
    return _key(sorted(solutions.glob("*.py")) + _observing_code(pack),
                pack.name, json.dumps(versions(), sort_keys=True), str(settings.PROBE_SEED))


def code_key(pack: Pack) -> str:
    """The part of cache_key a kit without solutions/ can still compute: observing code and probe seed."""
    return _key(_observing_code(pack), pack.name, str(settings.PROBE_SEED))


def reference_runs(pool: WorkerPool, pack: Pack, solutions: Path | None = None,
                   cache_dir: Path = settings.CACHE_DIR) -> dict[str, ExerciseRun]:
    """Exercise -> reference observations of ``pack``, computed once per content hash."""
    solutions = pack.solutions if solutions is None else Path(solutions)
    key = cache_key(pack, solutions)
    path = Path(cache_dir) / f"reference-{key}.json"
    try:
        stored = wire.loads(path.read_bytes())
        return {name: ExerciseRun(exercise=name, observations=obs) for name, obs in stored["observations"].items()}
    except FileNotFoundError:
        pass
    except (OSError, wire.WireError, KeyError, TypeError, AttributeError):
        path.unlink(missing_ok=True)  # a damaged cache is recomputed, never trusted
    missing = [ex.filename for ex in pack.exercises if not (solutions / ex.filename).is_file()]
    if missing:
        raise GraderError(f"Reference solutions missing in {solutions}: {', '.join(sorted(set(missing)))}")
    submission = load_submission(solutions, assignment=pack)
    job = Job(new_job_id(), tasks_for(pack, submission.modules), submission.sources)
    runs = pool.run([job])[job.id]
    result = {}
    for ex in pack.exercises:
        run = runs[ex.name]
        problems = [run.failure] if run.failure else [f"{p}: {e.describe()}" for p, e in run.errors.items()]
        if problems:
            raise GraderError(f"The reference solution for {ex.name} failed, so nothing can be graded: "
                              f"{'; '.join(problems)}\n{run.output}")
        result[ex.name] = run
    payload = {"key": key, "assignment": pack.name, "versions": versions(), "observations": {n: r.observations for n, r in result.items()}}
    write_text_atomic(path, wire.dumps(payload).decode())
    _prune(Path(cache_dir), keep=path)
    return result


_KEEP_REFERENCES = 4  # a few, for kits that switch between versions of the solutions or the grader


def _prune(cache_dir: Path, keep: Path) -> None:
    """Drop reference files of older solutions or grader code, which would otherwise pile up."""
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    older = sorted((p for p in cache_dir.glob("reference-*.json") if p != keep), key=age, reverse=True)
    for stale in older[_KEEP_REFERENCES - 1:]:
        stale.unlink(missing_ok=True)


def public_reference_path(pack: Pack) -> Path:
    """Where the student bundle keeps ``pack``'s public reference (written by `release`)."""
    return settings.PUBLIC_REFERENCE_DIR / f"{pack.name}.json"


def public_reference(pool: WorkerPool, pack: Pack, solutions: Path | None = None, cache_dir: Path = settings.CACHE_DIR,
                     stored: Path | None = None) -> tuple[dict[str, ExerciseRun], str]:
    """(exercise -> the observations public checks read, the reference key): from solutions/ when present
    (the instructor's kit), else from the file `release` wrote into the student bundle."""
    solutions = pack.solutions if solutions is None else Path(solutions)
    stored = public_reference_path(pack) if stored is None else Path(stored)
    if solutions.is_dir():
        full = reference_runs(pool, pack, solutions, cache_dir)
        return {name: _public_only(run) for name, run in full.items()}, cache_key(pack, solutions)
    if not stored.is_file():
        raise GraderError(f"Neither the reference solutions ({solutions}) nor the public reference ({stored}) are "
                          "here: unzip the student bundle again, or run this from the kit's folder.")
    _, runs, key = _read_stored(stored, pack, "public reference", "unzip the student bundle again")
    return runs, key


def public_reference_payload(pool: WorkerPool, pack: Pack, solutions: Path | None = None,
                             cache_dir: Path = settings.CACHE_DIR) -> bytes:
    """The public reference file for the student bundle: only what the public checks read."""
    runs, key = public_reference(pool, pack, solutions, cache_dir)
    return wire.dumps({"key": key, "assignment": pack.name, "versions": versions(),
                       "observations": {name: run.observations for name, run in runs.items()}})


def _public_only(run: ExerciseRun) -> ExerciseRun:
    keep = set(public_probes(run.exercise))
    return ExerciseRun(exercise=run.exercise, observations={k: v for k, v in run.observations.items() if k in keep})


def reference_payload(pool: WorkerPool, pack: Pack, solutions: Path | None = None,
                      cache_dir: Path = settings.CACHE_DIR) -> bytes:
    """The full reference (public and hidden probes) as a file `stored_reference` reads: what the
    Gradescope autograder grades with, where solutions/ is absent."""
    runs = reference_runs(pool, pack, solutions, cache_dir)
    return wire.dumps({"key": cache_key(pack, solutions), "code_key": code_key(pack), "assignment": pack.name,
                       "versions": versions(), "observations": {name: run.observations for name, run in runs.items()}})


def stored_assignment(path: Path | str) -> str | None:
    """The assignment a stored reference was computed for, if it says (None when unreadable)."""
    try:
        data = wire.loads(Path(path).read_bytes())
        return str(data["assignment"])
    except (OSError, wire.WireError, KeyError, TypeError):
        return None


def stored_reference(path: Path | str, pack: Pack) -> tuple[dict[str, ExerciseRun], str]:
    """(exercise -> reference observations, the reference key) from a file `reference_payload` wrote.

    Refused when this grader's probes or worker differ from those that computed it (its code key), or when
    TensorFlow or Keras differ: observations from other code or another framework are not comparable.
    """
    path = Path(path)
    remedy = "rebuild the autograder zip with `python -m grader gradescope`"
    if not path.is_file():
        raise GraderError(f"The stored reference {path} is missing: {remedy}.")
    data, runs, key = _read_stored(path, pack, "stored reference", remedy)
    if data.get("code_key") != code_key(pack):
        raise GraderError(f"The stored reference {path} was computed by other probe or worker code than this "
                          f"grader's (code key {data.get('code_key')!r}, expected {code_key(pack)!r}): {remedy}.")
    made_with, here = framework_versions(data.get("versions")), framework_versions(versions())
    if made_with != here:
        raise GraderError(f"The stored reference {path} was computed with {_describe(made_with)}, but this "
                          f"environment has {_describe(here)}: install the same versions (setup.sh pins them), "
                          f"or {remedy} in an environment like this one.")
    return runs, key


def _read_stored(path: Path, pack: Pack, what: str, remedy: str) -> tuple[dict, dict[str, ExerciseRun], str]:
    """(the stored payload, exercise -> its observations, its key); GraderError if damaged or incomplete."""
    try:
        data = wire.loads(path.read_bytes())
        runs = {name: ExerciseRun(exercise=name, observations=obs) for name, obs in data["observations"].items()}
        key = str(data["key"])
    except (wire.WireError, KeyError, TypeError, AttributeError) as exc:
        raise GraderError(f"The {what} {path} is damaged ({exc}): {remedy}.") from exc
    if data.get("assignment", pack.name) != pack.name:
        raise GraderError(f"The {what} {path} is for the assignment {data['assignment']!r}, not {pack.name!r}: {remedy}.")
    missing = [ex.name for ex in pack.exercises if ex.name not in runs]
    if missing:
        raise GraderError(f"The {what} {path} lacks {', '.join(missing)}: {remedy}.")
    return data, runs, key


def framework_versions(found: object) -> dict[str, str | None]:
    """The versions that decide the observations; tensorflow-cpu and tensorflow are the same computation."""
    found = found if isinstance(found, dict) else {}
    return {"tensorflow": found.get("tensorflow") or found.get("tensorflow-cpu"), "keras": found.get("keras")}


def _describe(framework: dict[str, str | None]) -> str:
    return ", ".join(f"{name} {version or '(none)'}" for name, version in framework.items())
