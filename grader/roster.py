"""A class folder -> one submission per student (an LMS download, see grader.lms; else a subfolder, .py set,
single .py, notebook or zip per student)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from grader import lms, packs
from grader.load import Submission, SubmissionError, code_text, from_files, load_submission, read_files
from grader.lms import Download, Person, Upload
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
            text = code_text(name, data)
            texts[f"{path.name}/{name}"] = text
            original = lms.original_filename(Path(name).name)  # kim_12_34_layers-1.py stands for layers.py
            if original:
                texts[f"{path.name}/{original}"] = text
            for pack in packs.all_packs().values():  # a .py set: kim_layers.py stands for layers.py
                split = _split_set_name(Path(name).name, pack.filenames)
                if split:
                    texts[f"{path.name}/{split[1]}"] = text
    return packs.choose(None, texts, f"The class folder {str(directory)!r}")


@dataclass
class Roster:
    """A class folder, read: the entries to grade and whom they belong to."""

    entries: list[Submission | Unreadable]
    """Sorted by student id."""
    names: dict[str, str] = field(default_factory=dict)
    """Student id -> a readable name: the LMS's (grader.lms), else the entry's own name before sanitizing."""
    people: dict[str, Person] = field(default_factory=dict)
    """Student id -> the LMS's record of the student, for the students of a recognized download."""
    download: Download | None = None
    """The LMS download the folder was recognized as, if any."""


def _top_level(directory: Path, exclude: Path | None) -> list[Path]:
    return [p for p in sorted(Path(directory).iterdir())
            if not p.name.startswith(".") and not (exclude is not None and p.resolve() == exclude.resolve())]


def _read_upload(name: str, upload: Upload, pack: Pack) -> Submission:
    """One student's files from a download, gathered as one submission (from_files chooses among them)."""
    files: dict[str, bytes] = {}
    several = len(upload.parts) > 1
    for path, filename in upload.parts:
        if path.is_dir():
            files.update(read_files(path))
        elif path.suffix.lower() == ".zip":
            # Beside other uploads, a zip's files sit under its name, so that the two cannot overwrite each other.
            prefix = f"{Path(filename).stem}/" if several else ""
            files.update({prefix + inner: data for inner, data in read_files(path).items()})
        elif path.suffix.lower() in (".py", ".ipynb"):
            files[filename] = path.read_bytes()
    origin = upload.parts[0][0] if not several else upload.parts[0][0].parent
    return from_files(name, origin.resolve(), files, pack)


def read_roster(directory: Path, exclude: Path | None = None, assignment: Pack | None = None) -> Roster:
    """Every student entry of ``directory`` read for ``assignment`` (default: the one the folder fits, see
    assignment_of), keyed by safe student id. An LMS download (grader.lms) is keyed by the LMS's identifiers;
    whatever it does not claim, and any other folder, the plain way: a subfolder, a .py set, a single .py,
    a notebook or a zip per student, named by the entry."""
    pack = assignment or assignment_of(directory, exclude)
    entries: dict[str, Submission | Unreadable] = {}
    names: dict[str, str] = {}
    people: dict[str, Person] = {}
    sets: dict[str, dict[str, bytes]] = {}

    def add(name: str, item: Submission | Unreadable, readable_name: str) -> None:
        key = safe_id(name)
        if key in entries:
            entries[key] = Unreadable(key, item.origin, f"two entries for the same student id {key!r}")
        else:
            entries[key] = item
            names[key] = readable_name

    top = _top_level(directory, exclude)
    recognized = lms.recognize(top)
    if recognized is not None:
        for upload in recognized.uploads:
            key = safe_id(upload.person.id)
            try:
                item: Submission | Unreadable = _read_upload(key, upload, pack)
            except (SubmissionError, OSError) as exc:
                item = Unreadable(key, upload.parts[0][0], str(exc))
            add(key, item, upload.person.name or upload.person.id)
            people[key] = upload.person
        top = [p for p in top if p not in recognized.claimed]

    for path in top:
        if path.is_file() and path.suffix == ".py" and (split := _split_set_name(path.name, pack.filenames)):
            sets.setdefault(split[0], {})[split[1]] = path.read_bytes()
            continue
        if path.is_dir() or path.suffix.lower() in (".py", ".ipynb", ".zip"):
            readable_name = path.name if path.is_dir() else path.stem
            name = safe_id(readable_name)
            try:
                add(name, load_submission(path, name=name, assignment=pack), readable_name)
            except (SubmissionError, OSError) as exc:
                add(name, Unreadable(name, path, str(exc)), readable_name)
    for student, files in sets.items():
        name = safe_id(student)
        try:
            add(name, from_files(name, Path(directory) / student, files, pack), student)
        except SubmissionError as exc:
            add(name, Unreadable(name, Path(directory) / student, str(exc)), student)
    return Roster([entries[k] for k in sorted(entries)], names, people,
                  recognized.download if recognized is not None else None)


def discover(directory: Path, exclude: Path | None = None, assignment: Pack | None = None) -> list[Submission | Unreadable]:
    """Every student entry of ``directory``, sorted by student id (read_roster's entries)."""
    return read_roster(directory, exclude, assignment).entries
