"""LMS downloads: which learning management system exported a class folder, and whose each entry is.

Four layouts are recognized, from their names only (and Gradescope's metadata file); nothing here reads
student code:

- Canvas, *Download Submissions*: a flat folder, one file per upload, named
  ``<name>[_LATE]_<user id>_<attachment id>_<file name>``; a re-uploaded file carries ``-N`` before the first
  ``.`` of its name (``dropout-1.py``), the highest N being the latest.
- Moodle, *Download all submissions*: a folder ``<Full Name>_<participant id>_assignsubmission_file_`` per
  student, or (the older flat variant) files ``<Full Name>_<participant id>_assignsubmission_file_<file name>``.
  Other submission plugins' entries (``_assignsubmission_onlinetext_``) are set aside.
- Gradescope, *Export Submissions*: ``submission_metadata.yml`` and a folder ``submission_<id>`` per submission.
- GitHub Classroom, the cloned repositories: ``<assignment>-<username>`` folders sharing that prefix, with
  their ``.git``.

A layout is declared only when the names really follow it (see ``_MOST``); entries it does not claim are
read the plain way by grader.roster.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# A layout is declared when at least this share of what plain discovery would read follows its naming: a file
# or two the instructor added beside a real download do not hide it, and a plain class folder whose names only
# happen to contain numbers is not taken for one.
_MOST = 0.8

_READABLE = (".py", ".ipynb", ".zip")

_CANVAS = re.compile(r"(?P<name>[^\W_]+)(?P<late>_late)?_(?P<user>\d+)_(?P<attachment>\d+)_(?P<file>.+)",
                     re.IGNORECASE)
# Canvas puts -N before the first dot (model-1.v2.py); before the extension is accepted as well.
_RESUBMITTED = re.compile(r"(?P<stem>.+?)-(?P<version>\d+)(?P<rest>(?:\.[^.-]*)*)")
_MOODLE = re.compile(r"(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_(?P<file>.*)",
                     re.DOTALL)
_GRADESCOPE_ENTRY = re.compile(r"submission_(?P<id>[\w-]+?)(?:\.(?:py|ipynb|zip))?", re.IGNORECASE)
# GitHub's rule for usernames: letters, digits and single inner hyphens, at most 39 characters.
_GITHUB_USER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")


@dataclass(frozen=True)
class Person:
    """A student as the LMS knows them."""

    id: str
    """The LMS's own identifier: Canvas user id, Moodle participant id, Gradescope SID (else the submission
    id), GitHub username. Grades keyed by it import back."""
    name: str = ""
    """A readable name as the download spells it (Canvas: the sortable name squeezed, e.g. ``leejieun``)."""
    email: str = ""


@dataclass
class Upload:
    """One student's part of a download."""

    person: Person
    parts: list[tuple[Path, str]] = field(default_factory=list)
    """(entry of the download, the file name the student gave it; "" for a folder, whose files keep theirs)."""


@dataclass(frozen=True)
class Download:
    """A recognized LMS download, said once per grade-class run."""

    lms: str
    """"canvas", "moodle", "gradescope" or "github-classroom"."""
    students: int
    files: int
    """Files the students' work came from, older resubmissions included."""

    @property
    def title(self) -> str:
        return {"canvas": "Canvas", "moodle": "Moodle", "gradescope": "Gradescope",
                "github-classroom": "GitHub Classroom"}[self.lms]


@dataclass
class Recognized:
    download: Download
    uploads: list[Upload]
    claimed: set[Path]
    """Top-level entries that belong to the download, read or deliberately set aside."""


def _readable(path: Path) -> bool:
    """Whether plain discovery would read this entry (grader.roster)."""
    return path.is_dir() or path.suffix.lower() in _READABLE


def _count_files(path: Path) -> int:
    if path.is_file():
        return 1
    return sum(1 for p in path.rglob("*") if p.suffix.lower() in _READABLE and p.is_file()
               and not any(part.startswith(".") for part in p.relative_to(path).parts))


def _most(matched: int, readable: int) -> bool:
    return matched > 0 and matched >= _MOST * readable


def recognize(entries: list[Path]) -> Recognized | None:
    """The LMS layout ``entries`` (a class folder's top-level entries, hidden ones and the output folder left
    out) follow, or None. Gradescope's metadata file and Moodle's plugin marker are unmistakable, so they are
    tried before Canvas's numeric ids and GitHub Classroom's shared prefix."""
    for recognizer in (_gradescope, _moodle, _canvas, _github_classroom):
        found = recognizer(entries)
        if found is not None:
            return found
    return None


def _finish(lms: str, uploads: dict[str, Upload], claimed: set[Path], files: int | None = None) -> Recognized:
    if files is None:
        files = sum(_count_files(path) for upload in uploads.values() for path, _ in upload.parts)
    return Recognized(Download(lms, len(uploads), files), list(uploads.values()), claimed)


def canvas_name(filename: str) -> tuple[Person, str, int] | None:
    """``leejieun_1234_5678_dropout-1.py`` -> (Person("1234", "leejieun"), "dropout.py", 1); None if the name
    is not Canvas's. The version is 0 for a first upload."""
    match = _CANVAS.fullmatch(filename)
    if not match:
        return None
    original, version = match["file"], 0
    resubmitted = _RESUBMITTED.fullmatch(original)
    if resubmitted:
        original, version = resubmitted["stem"] + (resubmitted["rest"] or ""), int(resubmitted["version"])
    return Person(match["user"], match["name"]), original, version


def original_filename(name: str) -> str | None:
    """The file name a student gave, inside a Canvas or flat Moodle download's file name; None for another name."""
    canvas = canvas_name(name)
    if canvas is not None:
        return canvas[1]
    moodle = moodle_name(name)
    if moodle is not None and moodle[2]:
        return moodle[2]
    return None


def _canvas(entries: list[Path]) -> Recognized | None:
    readable = [p for p in entries if _readable(p)]
    named = {p: canvas_name(p.name) for p in readable if p.is_file()}
    named = {p: n for p, n in named.items() if n is not None}
    if not _most(len(named), len(readable)):
        return None
    # The latest upload of each file wins: the highest -N, a file without one being the first.
    latest: dict[tuple[str, str], tuple[int, Path]] = {}
    people: dict[str, Person] = {}
    for path, (person, original, version) in sorted(named.items()):
        people.setdefault(person.id, person)
        key = (person.id, original)
        if key not in latest or version > latest[key][0]:
            latest[key] = (version, path)
    uploads = {pid: Upload(person) for pid, person in people.items()}
    for (pid, original), (_, path) in sorted(latest.items()):
        uploads[pid].parts.append((path, original))
    # Every file of the download counts, the older uploads set aside included ("12 students from 31 files").
    return _finish("canvas", uploads, set(named), files=len(named))


def moodle_name(name: str) -> tuple[Person, str, str] | None:
    """``Kim Minji_123456_assignsubmission_file_`` -> (Person("123456", "Kim Minji"), "file", ""); the last
    part is the student's file name in the flat variant. None if the name is not Moodle's."""
    match = _MOODLE.fullmatch(name)
    if not match:
        return None
    return Person(match["id"], match["name"].strip()), match["plugin"], match["file"]


def _moodle(entries: list[Path]) -> Recognized | None:
    named = {p: moodle_name(p.name) for p in entries}
    named = {p: n for p, n in named.items() if n is not None}
    readable = len([p for p in entries if p not in named and _readable(p)]) + len(named)
    if not _most(len(named), readable):
        return None
    uploads: dict[str, Upload] = {}
    for path, (person, plugin, filename) in sorted(named.items()):
        if plugin != "file":  # online text and other plugins hold no code to grade
            continue
        upload = uploads.setdefault(person.id, Upload(person))
        upload.parts.append((path, "" if path.is_dir() else filename))
    return _finish("moodle", uploads, set(named))


def gradescope_submitters(text: str) -> dict[str, list[dict[str, str]]]:
    """Submission key (``submission_123``) -> its submitters' ``name``, ``sid`` and ``email``, read from
    Gradescope's ``submission_metadata.yml``.

    The file is YAML written by Ruby: a top-level key per submission, and under it a ``:submitters:`` list of
    ``- :name: value`` maps. Only that structure is read, line by line, so the kit needs no YAML library; the
    rest of the file (scores, history, autograder results) is skipped, however it is nested.
    """
    found: dict[str, list[dict[str, str]]] = {}
    submission: str | None = None
    child_indent: int | None = None  # indent of the current submission's own keys
    in_submitters = False
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent == 0:
            key = _yaml_key(stripped)
            submission = key[0] if key and not key[1] else None
            if submission is not None:
                found[submission] = []
            child_indent, in_submitters = None, False
            continue
        if submission is None:
            continue
        if child_indent is None:
            child_indent = indent
        if in_submitters and (indent > child_indent or (indent == child_indent and stripped.startswith("- "))):
            if stripped.startswith("- "):
                found[submission].append({})
                stripped = stripped[2:].strip()
            key = _yaml_key(stripped)
            if key and found[submission] and key[0] in ("name", "sid", "email"):
                found[submission][-1].setdefault(key[0], key[1])
            continue
        in_submitters = indent == child_indent and _yaml_key(stripped) == ("submitters", "")
    return found


def _yaml_key(line: str) -> tuple[str, str] | None:
    """``:name: Kim`` or ``name: 'Kim'`` -> ("name", "Kim"); None for a line that is no ``key: value``."""
    match = re.fullmatch(r":?(?P<key>[\w.-]+):(?:\s+(?P<value>.*))?", line)
    if not match:
        return None
    return match["key"], _yaml_scalar((match["value"] or "").strip())


def _yaml_scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:  # an escape JSON lacks (\x41, \e): keep the text between the quotes
            return value[1:-1]
    if value in ("~", "null"):
        return ""
    return value


def _gradescope(entries: list[Path]) -> Recognized | None:
    metadata = next((p for p in entries if p.name == "submission_metadata.yml" and p.is_file()), None)
    submissions = {p: m["id"] for p in entries if (m := _GRADESCOPE_ENTRY.fullmatch(p.name)) and _readable(p)}
    if metadata is None or not submissions:
        return None
    try:
        submitters = gradescope_submitters(metadata.read_text(encoding="utf-8-sig", errors="replace"))
    except OSError:
        submitters = {}  # the folders alone still say which submission is which
    uploads: dict[str, Upload] = {}
    for path, submission_id in sorted(submissions.items()):
        people = submitters.get(f"submission_{submission_id}", [])
        first = people[0] if people else {}
        # A group submission is graded once, under its first submitter; the name lists everyone.
        person = Person(first.get("sid") or submission_id, ", ".join(p["name"] for p in people if p.get("name")),
                        first.get("email", ""))
        uploads.setdefault(person.id, Upload(person)).parts.append((path, "" if path.is_dir() else path.name))
    return _finish("gradescope", uploads, {metadata, *submissions})


def _github_classroom(entries: list[Path]) -> Recognized | None:
    folders = [p for p in entries if p.is_dir()]
    if len(folders) < 2 or len(folders) < len([p for p in entries if _readable(p)]):
        return None
    # Clones carry .git: without it, folders that merely share a prefix (team-1, team-2) stay plain students.
    if not _most(sum((p / ".git").exists() for p in folders), len(folders)):
        return None
    prefix = os.path.commonprefix([p.name for p in folders])
    prefix = prefix[: prefix.rfind("-") + 1]
    if not re.search(r"[A-Za-z]", prefix):
        return None
    uploads: dict[str, Upload] = {}
    for path in sorted(folders):
        username = path.name[len(prefix):]
        if not _GITHUB_USER.fullmatch(username):
            return None
        uploads[username] = Upload(Person(username, username), [(path, "")])
    return _finish("github-classroom", uploads, set(folders))
