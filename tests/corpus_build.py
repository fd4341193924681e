"""Build the corpus submissions (tests/corpus) as folders a grader can take."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from grader import KIT_ROOT

from conftest import CORPUS, assemble


@dataclass(frozen=True)
class Case:
    kind: str  # "wrong" or "correct"
    name: str
    folder: Path
    expect: dict

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.name}"


def cases(kind: str) -> list[Case]:
    root = CORPUS / kind
    return [Case(kind, p.name, p, json.loads((p / "expect.json").read_text())) for p in sorted(root.iterdir()) if (p / "expect.json").is_file()]


def build(case: Case, target: Path, params: dict[str, str] | None = None) -> Path:
    """The submission folder for ``case``: reference files with the case's files or edits on top.

    ``params`` fill ``{{NAME}}`` placeholders in the case's files (a port, a path chosen by the test).
    """
    submission = assemble(target / case.kind / case.name, case.folder)
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

