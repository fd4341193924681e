"""A class folder -> one submission per student (subfolder, .py set, single .py, notebook or zip)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from grader.exercises import FILENAMES
from grader.load import Submission, SubmissionError, from_files, load_submission

_SEPARATORS = ("_", "-", ".")


@dataclass(frozen=True)
class Unreadable:
    """An entry of the class folder that could not be read as a submission."""

    name: str
    origin: Path
    reason: str


def safe_id(name: str) -> str:
    """A student id usable as a folder name: letters, digits, '.', '_', '-' (other characters become '_')."""
    cleaned = re.sub(r"[^\w.-]", "_", name, flags=re.UNICODE).strip("._") or "student"
    return cleaned[:100]


def _split_set_name(filename: str) -> tuple[str, str] | None:
    """``kim_dropout.py`` -> ("kim", "dropout.py") for a .py set named student + separator + exercise file."""
    for exercise_file in FILENAMES:
        for sep in _SEPARATORS:
            suffix = sep + exercise_file
            if filename.endswith(suffix) and len(filename) > len(suffix):
                return filename[: -len(suffix)], exercise_file
    return None


def discover(directory: Path, exclude: Path | None = None) -> list[Submission | Unreadable]:
    """Every student entry of ``directory``, sorted by student id."""
    entries: dict[str, Submission | Unreadable] = {}
    sets: dict[str, dict[str, bytes]] = {}

    def add(name: str, item: Submission | Unreadable) -> None:
        key = safe_id(name)
        if key in entries:
            entries[key] = Unreadable(key, item.origin, f"two entries for the same student id {key!r}")
        else:
            entries[key] = item

    for path in sorted(Path(directory).iterdir()):
        if path.name.startswith(".") or (exclude is not None and path.resolve() == exclude.resolve()):
            continue
        if path.is_file() and path.suffix == ".py" and (split := _split_set_name(path.name)):
            sets.setdefault(split[0], {})[split[1]] = path.read_bytes()
            continue
        if path.is_dir() or path.suffix.lower() in (".py", ".ipynb", ".zip"):
            name = safe_id(path.name if path.is_dir() else path.stem)
            try:
                add(name, load_submission(path, name=name))
            except (SubmissionError, OSError) as exc:
                add(name, Unreadable(name, path, str(exc)))
    for student, files in sets.items():
        name = safe_id(student)
        try:
            add(name, from_files(name, Path(directory) / student, files))
        except SubmissionError as exc:
            add(name, Unreadable(name, Path(directory) / student, str(exc)))
    return [entries[k] for k in sorted(entries)]
