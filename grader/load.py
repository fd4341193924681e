"""load: find the student's source file for each exercise in a submission."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from grader.exercises import FILENAMES


class SubmissionError(ValueError):
    """The submission path itself cannot be graded (misuse, not a student mistake)."""


@dataclass(frozen=True)
class Submission:
    root: Path
    files: dict[str, Path] = field(default_factory=dict)
    """File name (e.g. ``dropout.py``) -> where it is; only the files that exist."""

    @property
    def name(self) -> str:
        return self.root.name

    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for name in sorted(self.files):
            digest.update(name.encode() + b"\0" + self.files[name].read_bytes() + b"\0")
        return digest.hexdigest()


def load_submission(path: Path | str) -> Submission:
    """A submission folder holding the student's copies of the exercise files."""
    root = Path(path)
    if not root.exists():
        raise SubmissionError(f"Submission not found: expected a folder with {', '.join(FILENAMES)}. Received: {str(root)!r}")
    if not root.is_dir():
        raise SubmissionError(f"Invalid submission: expected a folder with {', '.join(FILENAMES)}. Received the file {str(root)!r}")
    files = {name: (root / name).resolve() for name in FILENAMES if (root / name).is_file()}
    return Submission(root.resolve(), files)
