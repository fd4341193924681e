"""The second assignment's student bundle: no secret inside, exactly the public checks, and `check` in it
passes the reference's own classes."""

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
from grader import packs
from grader.checks import checks_of, public_probes
from grader.reference import public_reference_payload
from grader.release.bundle import write_release
from grader.sandbox.pool import WorkerPool

PACK = packs.get("regularized_training")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("release_training")
    with WorkerPool() as pool:
        payload = public_reference_payload(pool, PACK)
    report = write_release(root / "training.zip", PACK, payload)
    with zipfile.ZipFile(report.path) as archive:
        archive.extractall(root)
    return root / "training"


def test_no_solution_or_hidden_line_and_no_other_assignment_in_the_bundle(bundle):
    secrets = secret_lines(solutions=PACK.solutions)
    assert len(secrets) > 100
    leaks = []
    for path in sorted(p for p in bundle.rglob("*.py") if p.is_file()):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() in secrets:
                leaks.append(f"{path.relative_to(bundle)}: {line.strip()!r} (from {secrets[line.strip()]})")
    assert not leaks, "\n".join(leaks[:20])
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert "assignments/regularized_training/regularized_training.ipynb" in names
    assert "public_reference/regularized_training.json" in names
    assert not any(n.startswith(("grader/packs/regularization/", "assignments/regularization/", "solutions/"))
                   for n in names)


def test_the_bundle_registers_the_public_checks_and_passes_the_reference(bundle, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(bundle)}
    code = ("import json; from grader import packs, probes; from grader.checks import checks_of; "
            "pack = packs.get('regularized_training'); "
            "print(json.dumps({'checks': {e.name: [c.name for c in checks_of(e.name).checks] for e in pack.exercises}, "
            "'probes': {e: [p.name for p in s.probes] for e, s in probes.load(pack).items()}}))")
    seen = json.loads(subprocess.run([sys.executable, "-c", code], cwd=bundle, env=env, capture_output=True,
                                     text=True, check=True).stdout)
    full = {e.name: checks_of(e.name) for e in PACK.exercises}
    assert seen["checks"] == {e: [c.name for c in s.checks if c.public] for e, s in full.items()}
    assert all(len(names) >= 2 for names in seen["checks"].values())
    assert {e: set(names) for e, names in seen["probes"].items()} == {e: set(public_probes(e)) for e in full}

    work = tmp_path / "work"
    shutil.copytree(PACK.solutions, work)
    out = subprocess.run([sys.executable, "-m", "grader", "check", str(work), "--json", str(tmp_path / "check.json")],
                         cwd=bundle, capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    tests = json.loads((tmp_path / "check.json").read_text())["tests"]
    assert {t["tags"][0] for t in tests} == {e.name for e in PACK.exercises}
    assert all(t["status"] == "passed" for t in tests), [t["name"] for t in tests if t["status"] != "passed"]
