"""A class folder -> one submission per student (subfolder, .py set, single .py, notebook or zip)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from grader import packs
from grader.load import Submission, SubmissionError, from_files, load_submission, notebook_code, read_files
from grader.packs import Pack

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


def _split_set_name(filename: str, filenames: tuple[str, ...]) -> tuple[str, str] | None:
    """``kim_layers.py`` -> ("kim", "layers.py") for a .py set named student + separator + exercise file."""
    for exercise_file in filenames:
        for sep in _SEPARATORS:
            suffix = sep + exercise_file
            if filename.endswith(suffix) and len(filename) > len(suffix):
                return filename[: -len(suffix)], exercise_file
    return None


def assignment_of(directory: Path, exclude: Path | None = None) -> Pack:
    """The one assignment a class folder's submissions fit, as a whole (packs.choose); PackError if not one."""
    if len(packs.all_packs()) == 1:
        return packs.choose(None)
    texts: dict[str, str] = {}
    for path in sorted(Path(directory).iterdir()):
        if path.name.startswith(".") or (exclude is not None and path.resolve() == exclude.resolve()):
            continue
        try:
            files = read_files(path)
        except (SubmissionError, OSError):
            continue
        for name, data in files.items():
            try:
                text = notebook_code(data, name) if name.endswith(".ipynb") else data.decode("utf-8", "replace")
            except SubmissionError:
                continue
            texts[f"{path.name}/{name}"] = text
            for pack in packs.all_packs().values():  # a .py set: kim_layers.py stands for layers.py
                split = _split_set_name(Path(name).name, pack.filenames)
                if split:
                    texts[f"{path.name}/{split[1]}"] = text
    return packs.choose(None, texts, f"The class folder {str(directory)!r}")


def discover(directory: Path, exclude: Path | None = None, assignment: Pack | None = None) -> list[Submission | Unreadable]:
    """Every student entry of ``directory``, sorted by student id, read for ``assignment`` (default: the
    one the folder fits, see assignment_of)."""
    pack = assignment or assignment_of(directory, exclude)
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
        if path.is_file() and path.suffix == ".py" and (split := _split_set_name(path.name, pack.filenames)):
            sets.setdefault(split[0], {})[split[1]] = path.read_bytes()
            continue
        if path.is_dir() or path.suffix.lower() in (".py", ".ipynb", ".zip"):
            name = safe_id(path.name if path.is_dir() else path.stem)
            try:
                add(name, load_submission(path, name=name, assignment=pack))
            except (SubmissionError, OSError) as exc:
                add(name, Unreadable(name, path, str(exc)))
    for student, files in sets.items():
        name = safe_id(student)
        try:
            add(name, from_files(name, Path(directory) / student, files, pack))
        except SubmissionError as exc:
            add(name, Unreadable(name, Path(directory) / student, str(exc)))
    return [entries[k] for k in sorted(entries)]
