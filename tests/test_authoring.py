"""docs/authoring.md, run: its files make a new pack in a copy of the engine, and every verb works on it.

The copy holds the engine alone (no regularization pack), so nothing the kit's own assignment provides
can make this pass; the engine's files are compared byte for byte afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader import KIT_ROOT, packs

GUIDE = KIT_ROOT / "docs" / "authoring.md"
_BLOCK = re.compile(r"^```\w+ file=(\S+)\n(.*?)^```$", re.M | re.S)
WRONG = '''"""A factor applied twice: the output is factor**2 * x."""
import keras


class Scale(keras.layers.Layer):
    def __init__(self, initial=1.0, **kwargs):
        super().__init__(**kwargs)
        self.initial = float(initial)

    def build(self, input_shape):
        self.factor = self.add_weight(name="factor", shape=(), initializer=keras.initializers.Constant(self.initial))

    def call(self, inputs):
        return inputs * self.factor * self.factor

    def get_config(self):
        return {**super().get_config(), "initial": self.initial}
'''


def guide_files() -> dict[str, str]:
    return {path: text for path, text in _BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}


def _engine_digest(kit: Path) -> dict[str, str]:
    grader = kit / "grader"
    return {p.relative_to(kit).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(grader.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
            and not p.relative_to(grader).as_posix().startswith("packs/scale/")}


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("authoring") / "kit"
    shutil.copytree(KIT_ROOT / "grader", root / "grader",
                    ignore=shutil.ignore_patterns("__pycache__", *packs.all_packs()))
    shutil.copy(KIT_ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / ".github" / "classroom").mkdir(parents=True)
    shutil.copy(KIT_ROOT / ".github" / "classroom" / "check.yml", root / ".github" / "classroom" / "check.yml")
    return root


def _run(kit: Path, *args: str, module: str = "grader", pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath or kit)}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=kit, env=env, capture_output=True, text=True,
                          timeout=600)


def test_the_guide_holds_a_whole_pack():
    files = guide_files()
    assert {"solutions/scale/scale.py", "grader/packs/scale/__init__.py", "grader/packs/scale/probes/scale.py",
            "grader/packs/scale/checks/scale.py", "grader/packs/scale/notebook/title.md"} <= set(files)
    assert "BEGIN SOLUTION" in files["solutions/scale/scale.py"]


def test_a_new_pack_goes_through_every_verb_without_an_engine_change(kit, tmp_path):
    engine = _engine_digest(kit)
    for path, text in guide_files().items():
        (kit / path).parent.mkdir(parents=True, exist_ok=True)
        (kit / path).write_text(text, encoding="utf-8")

    listed = _run(kit, "list")
    assert listed.returncode == 0, listed.stderr
    assert "scale:" in listed.stdout and "Scale" in listed.stdout and "regularization" not in listed.stdout

    assert _run(kit, "assign").returncode == 0
    assert {p.name for p in (kit / "assignments" / "scale").iterdir()} == {"scale.py", "scale.ipynb"}
    skeleton = (kit / "assignments" / "scale" / "scale.py").read_text()
    assert "NotImplementedError" in skeleton and "add_weight" not in skeleton
    assert _run(kit, "assign", "--check").returncode == 0

    graded = _run(kit, "grade", "solutions/scale", "--json", str(tmp_path / "solution.json"))  # inferred: one pack
    assert graded.returncode == 0, graded.stderr
    solution = json.loads((tmp_path / "solution.json").read_text())
    assert solution["score"] == 4 and all(t["status"] == "passed" for t in solution["tests"])
    assert solution["extra_data"]["provenance"]["assignment"] == "scale"

    checked = _run(kit, "check", "--json", str(tmp_path / "skeleton.json"))  # default: assignments/scale
    assert checked.returncode == 0, checked.stderr
    assert json.loads((tmp_path / "skeleton.json").read_text())["score"] == 0

    klass = tmp_path / "class"
    shutil.copytree(kit / "solutions" / "scale", klass / "kim")
    (klass / "lee").mkdir()
    (klass / "lee" / "scale.py").write_text(WRONG)
    graded_class = _run(kit, "grade-class", str(klass), "--out", str(tmp_path / "graded"), "--assignment", "scale")
    assert graded_class.returncode == 0, graded_class.stderr
    with open(tmp_path / "graded" / "gradebook.csv", newline="") as handle:
        book = {row["student"]: row for row in csv.DictReader(handle)}
    assert book["kim"]["Scale"] == "4" and float(book["lee"]["Scale"]) < 4
    lee = json.loads((tmp_path / "graded" / "lee" / "results.json").read_text())
    failed = [t["name"] for t in lee["tests"] if t["status"] == "failed"]
    assert failed == ["Scale: the output is the input times the factor", "Scale: the gradient w.r.t. the input"]

    released = _run(kit, "release", str(tmp_path / "student.zip"))
    assert released.returncode == 0, released.stderr
    with zipfile.ZipFile(tmp_path / "student.zip") as bundle:
        names = {name.removeprefix("student/") for name in bundle.namelist()}
        public_checks = bundle.read("student/grader/packs/scale/checks/scale.py").decode()
    assert "assignments/scale/scale.py" in names and "public_reference/scale.json" in names
    assert not any(n.startswith("solutions/") for n in names)
    assert public_checks == guide_files()["grader/packs/scale/checks/scale.py"]  # no hidden region to strip

    built = _run(kit, "gradescope", str(tmp_path / "autograder.zip"))
    assert built.returncode == 0, built.stderr
    source = tmp_path / "autograder"
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        archive.extractall(source)
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "scale.py").write_text(WRONG)
    autograded = _run(source, str(upload), str(tmp_path / "results.json"), "--source", str(source),
                      module="grader.gradescope.autograde", pythonpath=source)
    assert autograded.returncode == 0, autograded.stdout + autograded.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert 0 < results["score"] < 4

    assert _engine_digest(kit) == engine, "an engine file changed while the pack was added"


@pytest.fixture(scope="module")
def two_packs(tmp_path_factory) -> Path:
    """A kit with the guide's pack beside the regularization one."""
    root = tmp_path_factory.mktemp("two") / "kit"
    others = [name for name in packs.all_packs() if name != "regularization"]
    shutil.copytree(KIT_ROOT / "grader", root / "grader", ignore=shutil.ignore_patterns("__pycache__", *others))
    for path, text in guide_files().items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_the_assignment_is_inferred_from_the_files_or_asked_for(two_packs, tmp_path):
    both = tmp_path / "both"
    both.mkdir()
    (both / "scale.py").write_text(WRONG)
    (both / "dropout.py").write_text("class Dropout:\n    pass\n")
    none = tmp_path / "none.py"
    none.write_text("def helper():\n    return 1\n")
    for submission, expected in ((both, "fits several assignments (regularization, scale)"), (none, "fits no assignment")):
        out = _run(two_packs, "grade", str(submission))
        assert out.returncode == 2, out.stderr
        message = " ".join(out.stderr.split())
        assert expected in message and "--assignment" in message
        assert "regularization (regularizers.py, noise.py" in message and "scale (scale.py)" in message
    listed = _run(two_packs, "list")
    assert "regularization:" in listed.stdout and "scale:" in listed.stdout
    single = tmp_path / "mine.py"  # one file, not named after an exercise: the classes it defines decide
    single.write_text(WRONG)
    unknown = _run(two_packs, "grade", str(single), "--assignment", "nope")
    assert unknown.returncode == 2 and "Unknown assignment 'nope'" in unknown.stderr
    graded = _run(two_packs, "grade", str(single), "--json", str(tmp_path / "mine.json"))
    assert graded.returncode == 0, graded.stderr
    result = json.loads((tmp_path / "mine.json").read_text())
    assert result["extra_data"]["provenance"]["assignment"] == "scale" and result["score"] == 1
