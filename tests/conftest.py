"""Shared fixtures: kit paths, submissions assembled from solutions plus a student's files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import KIT_ROOT, packs

# The kit's first assignment: most tests grade its solutions and corpus.
PACK = packs.get("regularization")
SOLUTIONS_DIR = PACK.solutions
ASSIGNMENTS_DIR = PACK.assignments
EXERCISES = PACK.exercises
FILENAMES = PACK.filenames
NOTEBOOK_NAME = PACK.notebook_name

CORPUS = Path(__file__).parent / "corpus"


def run_cli(*args: str, cwd: Path = KIT_ROOT, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``python -m grader ARGS`` the way a user would, in a child process."""
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def assemble(target: Path, *overlays: Path, solutions: Path = SOLUTIONS_DIR) -> Path:
    """A submission folder: the reference files (the first assignment's unless told), then each overlay
    folder's files on top."""
    target.mkdir(parents=True, exist_ok=True)
    for source in (solutions, *overlays):
        for path in Path(source).glob("*.py"):
            shutil.copy(path, target / path.name)
    return target


def unprivileged_unavailable(reason: str) -> None:
    """Skip a test of the unprivileged fallback that cannot run here, unless the run is the one made for it
    (.ci/run sets GRADER_REQUIRE_UNPRIVILEGED=1 there): then the reason is a failure."""
    if os.environ.get("GRADER_REQUIRE_UNPRIVILEGED") == "1":
        pytest.fail(f"the unprivileged fallback was required: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def solutions_dir() -> Path:
    return SOLUTIONS_DIR


@pytest.fixture(scope="session")
def assignments_dir() -> Path:
    return ASSIGNMENTS_DIR


def secret_lines(hidden: bool = True, solutions: Path = SOLUTIONS_DIR) -> dict[str, str]:
    """Stripped lines from inside solution regions (and, with ``hidden``, hidden-check regions) -> where.

    A line that also stands outside every such region (in the skeletons or the grader) is no secret
    (e.g. `return inputs`), and neither is a comment.
    """
    from grader.assign import find_regions
    from grader.release.hidden import hidden_lines

    secrets: dict[str, str] = {}
    for path in sorted(solutions.glob("*.py")):
        lines = path.read_text().splitlines()
        for region in find_regions(path.read_text(), path):
            for number in range(region.begin + 1, region.end):
                secrets.setdefault(lines[number - 1].strip(), f"{path.name}:{number}")
    grader_files = sorted((KIT_ROOT / "grader").rglob("*.py"))
    if hidden:
        for path in grader_files:
            lines = path.read_text().splitlines()
            for number in sorted(hidden_lines(path.read_text(), path)):
                secrets.setdefault(lines[number - 1].strip(), f"{path.relative_to(KIT_ROOT)}:{number}")
    public: set[str] = set()
    for path in sorted(KIT_ROOT.joinpath("assignments").rglob("*.py")):
        public |= {line.strip() for line in path.read_text().splitlines()}
    for path in grader_files:
        text = path.read_text()
        inside = hidden_lines(text, path)
        public |= {line.strip() for n, line in enumerate(text.splitlines(), 1) if n not in inside}
    return {line: where for line, where in secrets.items() if line and line not in public and not line.startswith("#")}
