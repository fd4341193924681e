"""The student bundle: nothing secret inside, and `check` works in it with no solutions present."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import secret_lines
from grader.checks import checks_of, public_probes
from grader.release.bundle import write_release
from grader.release.hidden import HiddenMarkerError, strip_hidden
from grader.reference import public_reference_payload
from grader.sandbox import wire
from grader.sandbox.pool import WorkerPool
from conftest import PACK, SOLUTIONS_DIR


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("release")
    with WorkerPool() as pool:
        payload = public_reference_payload(pool, PACK)
    report = write_release(root / "student.zip", PACK, payload)
    with zipfile.ZipFile(report.path) as archive:
        assert {name.split("/", 1)[0] for name in archive.namelist()} == {"student"}  # one top folder
        archive.extractall(root)
    return root / "student"


def test_no_solution_or_hidden_line_anywhere_in_the_bundle(bundle):
    secrets = secret_lines()
    assert len(secrets) > 100  # the regions are found: the test below cannot pass vacuously
    leaks = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files
        if path.suffix == ".ipynb":  # code sits inside JSON strings there
            text = "\n".join(line for cell in json.loads(text)["cells"] for line in "".join(cell["source"]).splitlines())
        for line in text.splitlines():
            if line.strip() in secrets:
                leaks.append(f"{path.relative_to(bundle)}: {line.strip()!r} (from {secrets[line.strip()]})")
    assert not leaks, "\n".join(leaks[:20])


def test_bundle_holds_what_students_need_and_nothing_else(bundle):
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    for needed in ("README.md", "pyproject.toml", "public_reference/regularization.json", "datasets/digits.npz",
                   "assignments/regularization/dropout.py", "assignments/regularization/regularization.ipynb",
                   "grader/cli.py", "grader/packs/regularization/checks/dropout.py", ".github/workflows/check.yml"):
        assert needed in names, needed
    for forbidden in ("solutions/", "tests/", ".grader_cache/", "bench/", "grader/release/", ".ci/"):
        assert not any(n.startswith(forbidden) for n in names), forbidden
    assert "hidden checks" in (bundle / "README.md").read_text().lower()


def test_public_reference_holds_only_what_public_checks_read(bundle):
    data = wire.loads((bundle / "public_reference" / "regularization.json").read_bytes())
    hidden_seen = []
    for exercise, observations in data["observations"].items():
        allowed = set(public_probes(exercise))
        hidden_seen += [f"{exercise}.{probe}" for probe in observations if probe not in allowed]
        assert set(observations) == allowed, exercise
    assert not hidden_seen


def test_stripped_modules_register_exactly_the_public_checks(bundle):
    code = ("import json; from grader import packs, probes; from grader.checks import checks_of; "
            "pack = packs.get('regularization'); "
            "print(json.dumps({'checks': {e.name: [c.name for c in checks_of(e.name).checks] for e in pack.exercises}, "
            "'probes': {e: [p.name for p in s.probes] for e, s in probes.load(pack).items()}, "
            "'file': __import__('grader').__file__}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=bundle, env={**os.environ, "PYTHONPATH": str(bundle)},
                         capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout)
    assert Path(seen["file"]).is_relative_to(bundle)  # the bundle's own grader ran, not the kit's
    full = {e.name: checks_of(e.name) for e in PACK.exercises}
    assert seen["checks"] == {e: [c.name for c in s.checks if c.public] for e, s in full.items()}
    assert {e: set(names) for e, names in seen["probes"].items()} == {e: set(public_probes(e)) for e in full}


def _check(bundle: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", "check", *args], cwd=bundle, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(bundle)}, timeout=300)


def test_check_in_the_bundle_scores_the_skeleton_zero(bundle, tmp_path):
    out = _check(bundle, "--json", str(tmp_path / "check.json"))
    assert out.returncode == 0, out.stderr
    data = json.loads((tmp_path / "check.json").read_text())
    assert data["score"] == 0 and data["tests"]
    assert "hidden" in out.stdout.lower()


def test_check_in_the_bundle_passes_a_solved_exercise(bundle, tmp_path):
    work = tmp_path / "work"
    shutil.copytree(bundle / "assignments" / "regularization", work)
    shutil.copy(SOLUTIONS_DIR / "dropout.py", work / "dropout.py")
    out = _check(bundle, str(work), "--only", "dropout", "--json", str(tmp_path / "check.json"))
    assert out.returncode == 0, out.stderr
    data = json.loads((tmp_path / "check.json").read_text())
    assert data["tests"] and all(t["status"] == "passed" for t in data["tests"]), data["tests"]
    assert {t["tags"][0] for t in data["tests"]} == {"Dropout"}


def test_full_grading_refuses_to_run_in_the_bundle(bundle):
    out = subprocess.run([sys.executable, "-m", "grader", "grade", "assignments/regularization"], cwd=bundle,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(bundle)}, timeout=120)
    assert out.returncode == 2 and "python -m grader check" in out.stderr


def test_language_choice_is_remembered_in_the_bundle(bundle, tmp_path):
    first = _check(bundle, "--only", "L1", "--lang", "ko")
    again = _check(bundle, "--only", "L1")
    back = _check(bundle, "--only", "L1", "--lang", "en")
    assert first.returncode == again.returncode == back.returncode == 0
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in again.stdout)
    assert hangul and not any("\uac00" <= ch <= "\ud7a3" for ch in back.stdout)


def test_hidden_markers_must_be_well_formed():
    for text in ("# BEGIN HIDDEN\nx = 1\n", "x = 1\n# END HIDDEN\n", "# BEGIN HIDDEN\n# BEGIN HIDDEN\n",
                 "#BEGIN  hidden\n", "def f():\n    # BEGIN HIDDEN\n    return 1\n    # END HIDDEN\n"):
        with pytest.raises(HiddenMarkerError):
            strip_hidden(text)
    assert strip_hidden("a = 1\n# BEGIN HIDDEN\nb = 2\n# END HIDDEN\nc = 3\n") == "a = 1\nc = 3\n"
