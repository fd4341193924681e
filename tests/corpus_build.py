"""Build the corpus submissions (tests/corpus) as folders a grader can take."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from grader import KIT_ROOT, packs

from conftest import CORPUS, assemble


FIRST = "regularization"
"""The first assignment's corpus sits in corpus/<kind>/; every later one's in corpus/<assignment>/<kind>/."""


@dataclass(frozen=True)
class Case:
    kind: str  # "wrong" or "correct"
    name: str
    folder: Path
    expect: dict
    assignment: str = FIRST

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.name}" if self.assignment == FIRST else f"{self.assignment}/{self.kind}/{self.name}"

    @property
    def pack(self):
        return packs.get(self.assignment)


def cases(kind: str, assignment: str = FIRST) -> list[Case]:
    root = CORPUS / kind if assignment == FIRST else CORPUS / assignment / kind
    if not root.is_dir():
        return []
    return [Case(kind, p.name, p, json.loads((p / "expect.json").read_text()), assignment)
            for p in sorted(root.iterdir()) if (p / "expect.json").is_file()]


def every_case(kind: str) -> list[Case]:
    """The cases of ``kind`` of every assignment with a corpus."""
    return [case for name in sorted(packs.all_packs()) for case in cases(kind, name)]


def build(case: Case, target: Path, params: dict[str, str] | None = None) -> Path:
    """The submission folder for ``case``: reference files with the case's files or edits on top.

    ``params`` fill ``{{NAME}}`` placeholders in the case's files (a port, a path chosen by the test).
    """
    folder = target / case.kind / case.name if case.assignment == FIRST else target / case.assignment / case.kind / case.name
    submission = assemble(folder, case.folder, solutions=case.pack.solutions)
    for path in case.folder.glob("*.py"):
        text = (submission / path.name).read_text()
        for key, value in (params or {}).items():
            text = text.replace("{{" + key + "}}", value)
        (submission / path.name).write_text(text)
    for old, new in case.expect.get("replace", []):
        path = submission / case.expect["file"]
        text = path.read_text()
        if text.count(old) != 1:
            raise ValueError(f"{case.id}: {old!r} occurs {text.count(old)} times in {case.expect['file']}, expected once")
        path.write_text(text.replace(old, new))
    return submission


def private_paths(result, tmp_root: str) -> list[str]:
    """Feedback lines that show a path of the grader, its Python environment or the grading machine."""
    roots = [str(KIT_ROOT), sys.prefix, sys.base_prefix, "site-packages", tmp_root]
    return [line for exercise in result.exercises for check in exercise.checks
            for line in check.feedback.splitlines() if any(root in line for root in roots)]

