"""Hostile submissions gain no marks, write nothing outside, connect nowhere and see nothing."""

from __future__ import annotations

import hashlib
import json
import socket
import threading

import pytest

from corpus_build import build, cases
from grader import KIT_ROOT
from grader.grade import grade_submissions
from grader.report.gradescope import results_dict
from grader.sandbox.isolation import bwrap_problem

HOSTILE = cases("hostile")
SECRET = "s3cr3t-instructor-value"


def _tree_digest() -> str:
    digest = hashlib.sha256()
    for folder in ("grader", "solutions"):
        for path in sorted((KIT_ROOT / folder).rglob("*.py")):
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def attack(tmp_path_factory):
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
    root = tmp_path_factory.mktemp("hostile")
    marker = root / "pwned-marker"
    params = {"PORT": str(listener.getsockname()[1]), "MARKER": str(marker)}
    before = _tree_digest()
    runnable = [c for c in HOSTILE if not (c.expect.get("requires") == "bwrap" and bwrap_problem())]
    mp = pytest.MonkeyPatch()
    mp.setenv("INSTRUCTOR_SECRET", SECRET)
    try:
        results = grade_submissions([build(c, root, params) for c in runnable], timeout=30)
    finally:
        mp.undo()
        stop.set()
        thread.join()
        listener.close()
    return {"results": {c.id: r for c, r in zip(runnable, results)}, "connections": connections,
            "marker": marker, "tree_unchanged": before == _tree_digest()}


@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c.id)
def test_hostile_submission_gains_no_marks_and_sees_nothing(case, attack):
    if case.id not in attack["results"]:
        pytest.skip(f"this attack is only stopped by the bubblewrap sandbox: {bwrap_problem()}")
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


def test_nothing_connected_to_the_host(attack):
    assert attack["connections"] == []


def test_nothing_written_outside_the_sandbox(attack):
    assert not attack["marker"].exists()
    assert attack["tree_unchanged"]
    assert not (KIT_ROOT / "solutions" / "regularization" / "pwned.py").exists()


def test_instructor_environment_is_invisible(attack):
    for result in attack["results"].values():
        assert SECRET not in json.dumps(results_dict(result))
