"""Packs: the engine names no exercise, the sandbox sees only probes, and the assignment is inferred."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PACK
from grader import KIT_ROOT, packs
from grader.packs import Exercise, Pack, PackError
from grader.sandbox import isolation

GRADER = KIT_ROOT / "grader"


def _engine_files() -> list[Path]:
    return [p for p in sorted(GRADER.rglob("*")) if p.is_file() and p.suffix in (".py", ".md", ".sh", ".json", "")
            and "__pycache__" not in p.parts and not p.is_relative_to(GRADER / "packs" / PACK.name)]


def test_no_engine_file_names_an_exercise():
    names = [e.name for pack in packs.all_packs().values() for e in pack.exercises]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    found = []
    for path in _engine_files():
        if any(path.is_relative_to(pack.folder) for pack in packs.all_packs().values()):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{path.relative_to(KIT_ROOT)}:{number}: {line.strip()}")
    assert len(_engine_files()) > 40  # the walk sees the engine: the test cannot pass vacuously
    assert not found, "\n".join(found)


def test_the_sandbox_mounts_probes_and_declarations_only():
    mounted = isolation.worker_paths()
    assert all(path.exists() for path in mounted)
    for pack in packs.all_packs().values():
        assert pack.folder / "probes" in mounted and pack.folder / "__init__.py" in mounted
        secret = [pack.folder / "checks", *pack.folder.glob("*.py"), *(pack.folder / "checks").glob("*.py")]
        for path in secret:
            if path.name == "__init__.py" and path.parent == pack.folder:
                continue
            assert not any(path == m or path.is_relative_to(m) for m in mounted if m.is_dir()), path
            assert path not in mounted, path
    assert not any(p.is_relative_to(GRADER / "checks") or p == GRADER / "checks" for p in mounted)


def test_a_pack_declaration_imports_nothing_heavy():
    """The sandbox imports every pack's __init__.py: it may import the engine's packs module and nothing else."""
    for pack in packs.all_packs().values():
        source = (pack.folder / "__init__.py").read_text(encoding="utf-8")
        imports = re.findall(r"^(?:from|import) (\S+)", source, re.M)
        assert set(imports) <= {"grader.packs", "__future__"}, (pack.name, imports)


def _fake(name: str, *exercises: tuple[str, str]) -> Pack:
    return Pack(name=name, title=name, exercises=tuple(Exercise(n, f) for n, f in exercises))


@pytest.fixture
def two(monkeypatch):
    other = _fake("other", ("Scale", "scale.py"), ("Shift", "shift.py"))
    installed = {PACK.name: PACK, "other": other}
    monkeypatch.setattr(packs, "all_packs", lambda: installed)
    return installed


def test_the_files_or_classes_decide_the_assignment(two):
    assert packs.fitting({"dropout.py": "", "noise.py": ""}) == [PACK.name]
    assert packs.fitting({"sub/shift.py": ""}) == ["other"]
    assert packs.fitting({"mine.py": "class Scale:\n    pass\n"}) == ["other"]
    assert packs.fitting({"mine.py": "class Dropout:\n    pass\n\nclass Shift(\n"}) == sorted([PACK.name, "other"])
    assert packs.choose(None, {"a.py": "class L1:\n    pass\n"}) is PACK
    with pytest.raises(PackError, match=r"fits several assignments \(other, regularization\)"):
        packs.choose(None, {"dropout.py": "", "scale.py": ""})
    with pytest.raises(PackError, match="fits no assignment.*regularization \\(regularizers.py"):
        packs.choose(None, {"notes.py": "x = 1\n"})
    with pytest.raises(PackError, match="Unknown assignment 'nope': expected one of other, regularization"):
        packs.choose("nope")


def test_with_one_pack_installed_nothing_is_inferred(monkeypatch):
    monkeypatch.setattr(packs, "all_packs", lambda: {PACK.name: PACK})
    assert packs.choose(None, {"notes.py": "x = 1\n"}) is PACK


def test_a_file_of_another_pack_is_left_out_of_a_bundle(tmp_path):
    assert packs.of_other_pack(GRADER / "packs" / "elsewhere" / "checks" / "x.py", PACK) is False  # no such pack
    assert packs.of_other_pack(PACK.folder / "checks" / "dropout.py", PACK) is False
    assert packs.of_other_pack(GRADER / "cli.py", PACK) is False
    other = _fake("other", ("Scale", "scale.py"))
    assert packs.of_other_pack(PACK.folder / "checks" / "dropout.py", other) is True


def test_an_exercise_the_assignment_lacks_is_refused_before_anything_runs():
    from grader.grade import grade_submissions
    from grader.load import SubmissionError

    with pytest.raises(SubmissionError, match="regularization has no exercise Scale: expected one of L1, L2"):
        grade_submissions([PACK.solutions], exercises=["Scale"], sandbox="none")


@pytest.mark.parametrize("name", sorted(set(packs.all_packs()) - {PACK.name}))
def test_solutions_score_full_marks_and_skeletons_zero(name, tmp_path):
    """Every later assignment (the first one's run is in test_grade_cli.py): its solutions get every point,
    its generated skeletons none, without a crash."""
    from grader.assign.skeleton import render_skeletons
    from grader.grade import grade_submissions

    pack = packs.get(name)
    skeleton = tmp_path / "skeleton"
    skeleton.mkdir()
    for filename, text in render_skeletons(pack.solutions).items():
        (skeleton / filename).write_text(text)
    solved, empty = grade_submissions([pack.solutions, skeleton], assignment=pack.name)
    lost = {e.exercise: [c.feedback for c in e.checks if not c.passed] for e in solved.exercises if e.score < e.max_score}
    assert not lost
    assert solved.max_score > 0 and empty.score == 0 and empty.max_score == solved.max_score
    assert {e.exercise for e in empty.exercises} == {e.name for e in pack.exercises}
