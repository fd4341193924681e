"""Hostile submissions gain no marks, write nothing outside, connect nowhere and see nothing, under each
isolation the grader can choose: the system's bubblewrap, the bundled one, and the unprivileged user."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import threading

import pytest

from conftest import unprivileged_unavailable
from corpus_build import build, cases
from grader import KIT_ROOT
from grader.grade import grade_submissions
from grader.report.gradescope import results_dict
from grader.sandbox import isolation

HOSTILE = cases("hostile")
SECRET = "s3cr3t-instructor-value"
# A case's "requires": the isolations that stop it. Without namespaces the network stays reachable and
# every file readable by all users stays readable (another copy of the kit, for one).
STOPPED_BY = {"bwrap": {"system", "bundled"}, "unprivileged": {"system", "bundled", "unprivileged"}}
MODES = ("system", "bundled", "unprivileged", "plain")


def _tree_digest() -> str:
    digest = hashlib.sha256()
    for folder in ("grader", "solutions"):
        for path in sorted((KIT_ROOT / folder).rglob("*.py")):
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def _force(mode: str, mp: pytest.MonkeyPatch) -> str:
    """Make the grader choose ``mode``; return the --sandbox value that asks for it. Skips where it cannot run."""
    isolation._find_bwrap.cache_clear()
    if mode == "bundled":
        which = shutil.which
        mp.setattr(shutil, "which", lambda name, *a, **k: None if name == "bwrap" else which(name, *a, **k))
    if mode in ("system", "bundled"):
        if isolation.bwrap_problem() or isolation.working_bwrap().source != mode:
            pytest.skip(f"the {mode} bubblewrap cannot run here: {isolation.bwrap_problem() or 'another one was chosen'}")
        return "bwrap"
    if mode == "unprivileged":
        if os.geteuid() != 0:
            unprivileged_unavailable("the unprivileged fallback needs the grader to run as root")
        mp.setattr(isolation, "bwrap_problem", lambda: "bubblewrap made unavailable by the test")
        if isolation.unprivileged_problem():
            unprivileged_unavailable(f"the unprivileged fallback cannot run here: {isolation.unprivileged_problem()}")
        return "auto"
    if os.geteuid() == 0 or not isolation.bwrap_problem():
        pytest.skip("a plain subprocess is graded only where nothing isolates (as root it could write anywhere)")
    return "none"


@pytest.fixture(scope="module", params=MODES)
def attack(request, tmp_path_factory):
    mode = request.param
    mp = pytest.MonkeyPatch()
    try:
        sandbox = _force(mode, mp)
    except BaseException:
        mp.undo()
        isolation._find_bwrap.cache_clear()
        raise
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    connections: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            connections.append(conn.recv(100))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    root = tmp_path_factory.mktemp(f"hostile-{mode}")
    marker = root / "pwned-marker"
    params = {"PORT": str(listener.getsockname()[1]), "MARKER": str(marker), "KIT_ROOT": str(KIT_ROOT)}
    before = _tree_digest()
    runnable = [c for c in HOSTILE if mode in STOPPED_BY.get(c.expect.get("requires"), {mode})]
    mp.setenv("INSTRUCTOR_SECRET", SECRET)
    try:
        results = grade_submissions([build(c, root, params) for c in runnable], timeout=30, sandbox=sandbox)
    finally:
        mp.undo()
        isolation._find_bwrap.cache_clear()
        stop.set()
        thread.join()
        listener.close()
    return {"mode": mode, "results": {c.id: r for c, r in zip(runnable, results)}, "connections": connections,
            "marker": marker, "tree_unchanged": before == _tree_digest()}


@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c.id)
def test_hostile_submission_gains_no_marks_and_sees_nothing(case, attack):
    if case.id not in attack["results"]:
        pytest.skip(f"only {' or '.join(sorted(STOPPED_BY[case.expect['requires']]))} isolation stops this attack, "
                    f"not {attack['mode']}")
    result = attack["results"][case.id]
    targets = case.expect.get("exercises") or [case.expect["exercise"]]
    for exercise in result.exercises:
        if exercise.exercise in targets:
            assert exercise.score == 0, (exercise.exercise, [c.name for c in exercise.checks if c.passed])
        else:
            assert exercise.score == exercise.max_score, (exercise.exercise, [c.feedback for c in exercise.checks if not c.passed])
    everything = json.dumps(results_dict(result))
    for text in case.expect.get("must_not_appear", []):
        assert text not in everything


def test_results_name_the_isolation_used(attack):
    notes = {r.provenance["isolation"] for r in attack["results"].values()}
    expected = {"system": "bubblewrap (system)", "bundled": "bubblewrap (bundled)",
                "unprivileged": "unprivileged user (nobody), no namespaces", "plain": "plain subprocess"}[attack["mode"]]
    assert len(notes) == 1 and notes.pop().startswith(expected)


def test_nothing_connected_to_the_host(attack):
    assert attack["connections"] == []


def test_nothing_written_outside_the_sandbox(attack):
    assert not attack["marker"].exists()
    assert attack["tree_unchanged"]
    assert not (KIT_ROOT / "solutions" / "regularization" / "pwned.py").exists()


def test_instructor_environment_is_invisible(attack):
    for result in attack["results"].values():
        assert SECRET not in json.dumps(results_dict(result))
