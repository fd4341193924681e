"""Shared fixtures: kit paths, submissions assembled from solutions plus a student's files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import KIT_ROOT
from grader.settings import ASSIGNMENTS_DIR, SOLUTIONS_DIR

CORPUS = Path(__file__).parent / "corpus"


def run_cli(*args: str, cwd: Path = KIT_ROOT, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``python -m grader ARGS`` the way a user would, in a child process."""
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def assemble(target: Path, *overlays: Path) -> Path:
    """A submission folder: the reference files, then each overlay folder's files on top."""
    target.mkdir(parents=True, exist_ok=True)
    for source in (SOLUTIONS_DIR, *overlays):
        for path in Path(source).glob("*.py"):
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def solutions_dir() -> Path:
    return SOLUTIONS_DIR


@pytest.fixture(scope="session")
def assignments_dir() -> Path:
    return ASSIGNMENTS_DIR
