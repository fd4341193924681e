"""load: turn a submission (folder, .py file, notebook or zip) into the source text of each exercise.

Nothing here executes the student's code. Sizes are bounded, so a zip bomb or a huge file is refused
with a clear message instead of filling memory.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from grader import packs
from grader.notebook import BrokenCell, NotebookCode
from grader.packs import Pack

MAX_SOURCE_BYTES = 2 * 2**20
MAX_TOTAL_BYTES = 8 * 2**20


def kinds(filenames: tuple[str, ...] | None = None) -> str:
    """What a submission may be, for error messages."""
    folder = "a folder with " + ", ".join(filenames) if filenames else "a folder of the exercise files"
    return folder + ", a single .py file with every class, a .ipynb notebook or a .zip of one of these"


class SubmissionError(ValueError):
    """The submission cannot be read at all (misuse or a damaged upload, not a coding mistake)."""


@dataclass(frozen=True)
class Submission:
    name: str
    """The student's id: the folder or file name without extension."""
    origin: Path
    sources: dict[str, str] = field(default_factory=dict)
    """Python file name -> text: everything the worker may import for this student."""
    modules: dict[str, str] = field(default_factory=dict)
    """Exercise file (e.g. ``layers.py``) -> the file of ``sources`` that holds its classes."""
    assignment: str = ""
    """The pack (grader/packs/<name>) the submission is graded as."""
    notebooks: dict[str, NotebookCode] = field(default_factory=dict)
    """File of ``sources`` made from a notebook -> its cell map and the cells that do not compile."""
    read: tuple[str, ...] = ()
    """The submitted files the grade comes from, as the student named them (``work.ipynb``, ``dropout.py``)."""
    unread: tuple[str, ...] = ()
    """Submitted .py and .ipynb files not read, by the rule: exercise files first, else one notebook or one .py."""

    def locate(self, text: str) -> str:
        """``text`` with each "<file>, line N" of a notebook-made file replaced by the cell and line it came from."""
        for filename, code in self.notebooks.items():
            def cell(match: re.Match, code: NotebookCode = code) -> str:
                return code.place(int(match.group(1))) or match.group(0)

            text = re.sub(rf"\b{re.escape(filename)}, line (\d+)", cell, text)
        return text

    def broken_cell(self, filename: str, class_name: str) -> BrokenCell | None:
        """The notebook cell that defines ``class_name`` for the exercise file ``filename`` and does not compile."""
        code = self.notebooks.get(self.modules.get(filename, ""))
        return next((b for b in reversed(code.broken) if class_name in b.classes), None) if code else None

    def content_hash(self) -> str:
        digest = hashlib.sha256()
        for name in sorted(self.sources):
            digest.update(name.encode() + b"\0" + self.sources[name].encode() + b"\0")
        for name in sorted(self.modules):
            digest.update(f"{name}={self.modules[name]}".encode() + b"\0")
        return digest.hexdigest()


def _text(data: bytes, name: str) -> str:
    if len(data) > MAX_SOURCE_BYTES:
        raise SubmissionError(f"{name} is too large: expected at most {MAX_SOURCE_BYTES // 2**20} MB. Received: {len(data)} bytes")
    return data.decode("utf-8-sig", errors="replace")  # editors on Windows may start files with a BOM


def from_files(name: str, origin: Path, files: dict[str, bytes], assignment: str | Pack | None = None) -> Submission:
    """``files``: relative path -> bytes. The rule: the exercise files win (with the other .py files of their
    folder, which they may import); without any, one notebook or one .py holds everything. The submission
    records which files it read and which it did not, for the feedback to say.

    ``assignment``: the pack (or its name) to read the files for; None: inferred from the files.
    """
    if sum(len(v) for v in files.values()) > MAX_TOTAL_BYTES:
        raise SubmissionError(f"{origin} is too large: expected at most {MAX_TOTAL_BYTES // 2**20} MB of files")
    if "grader/__init__.py" in files:
        # A repository made from the student bundle: the kit's own package may hold files named like exercises.
        files = {p: data for p, data in files.items() if not p.startswith("grader/")}
    pack = assignment if isinstance(assignment, Pack) else _choose(assignment, files, origin)
    filenames = pack.filenames
    folders: dict[str, set[str]] = {}
    for path in files:
        pure = PurePosixPath(path)
        if pure.name in filenames:
            folders.setdefault(str(pure.parent), set()).add(pure.name)
    if folders:
        # The folder with the most exercise files; then the shallowest; then by name, so the choice is stable.
        folder = min(folders, key=lambda f: (-len(folders[f]), 0 if f == "." else f.count("/") + 1, f))
        sources = {PurePosixPath(p).name: _text(files[p], p) for p in files
                   if p.endswith(".py") and str(PurePosixPath(p).parent) == folder}
        used: set[str] = set()
        for filename in filenames:  # an exercise file that sits elsewhere: the shallowest copy
            if filename not in folders[folder] and any(filename in names for names in folders.values()):
                path = min((str(PurePosixPath(f) / filename) for f, names in folders.items() if filename in names),
                           key=lambda p: (p.count("/"), p))
                sources[filename] = _text(files[path], path)
                used.add(path)
        used |= {p for p in files if p.endswith(".py") and str(PurePosixPath(p).parent) == folder}
        return Submission(name, origin, sources, {f: f for f in filenames if f in sources}, pack.name,
                          read=tuple(sorted(used)), unread=tuple(sorted(set(files) - used)))
    notebooks = [p for p in files if p.endswith(".ipynb")]
    scripts = [p for p in files if p.endswith(".py")]
    if len(notebooks) == 1 and not scripts:
        code = read_notebook_code(files[notebooks[0]], notebooks[0])
        return _single(name, origin, PurePosixPath(notebooks[0]).stem + ".py", code.text, pack, code, notebooks[0])
    if len(scripts) == 1 and not notebooks:
        return _single(name, origin, PurePosixPath(scripts[0]).name, _text(files[scripts[0]], scripts[0]), pack,
                       read=scripts[0])
    found = ", ".join(sorted(files)[:10]) or "nothing"
    raise SubmissionError(f"Cannot tell which file holds the classes in {origin}: expected {kinds(filenames)}. "
                          f"Received: {found}")


def _single(name: str, origin: Path, filename: str, text: str, pack: Pack, notebook: NotebookCode | None = None,
            read: str = "") -> Submission:
    if filename in pack.filenames or not filename.isascii():
        filename = "submission.py"
    return Submission(name, origin, {filename: text}, {f: filename for f in pack.filenames}, pack.name,
                      {filename: notebook} if notebook else {}, read=(read,) if read else ())


def code_text(path: str, data: bytes) -> str:
    """The Python a submitted .py or notebook holds, as the assignment's inference reads it ("" when a
    notebook cannot be read: the grading says why)."""
    if path.endswith(".ipynb"):
        try:
            return notebook_code(data, path)
        except SubmissionError:
            return ""
    return data.decode("utf-8", errors="replace")


def _choose(assignment: str | None, files: dict[str, bytes], origin: Path) -> Pack:
    """The pack named, or the one the files fit (packs.choose); SubmissionError when none or several do."""
    try:
        if assignment is not None or len(packs.all_packs()) == 1:
            return packs.choose(assignment)
        texts = {p: code_text(p, data) for p, data in files.items() if p.endswith((".py", ".ipynb"))}
        return packs.choose(None, texts, origin)
    except packs.PackError as exc:
        raise SubmissionError(str(exc)) from exc


def read_notebook_code(data: bytes, name: str) -> NotebookCode:
    """The code cells of a notebook as one module, with its cell map (see grader.notebook)."""
    from grader.notebook import read_notebook

    try:
        return read_notebook(_text(data, name))
    except ValueError as exc:
        raise SubmissionError(f"{name} is not a readable notebook: {exc}") from exc


def notebook_code(data: bytes, name: str) -> str:
    """The code cells of a notebook as one module (see grader.notebook)."""
    return read_notebook_code(data, name).text


def _read_zip(path: Path) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SubmissionError(f"{path} is not a readable zip file: {exc}") from exc
    files: dict[str, bytes] = {}
    total = 0
    with archive:
        for info in archive.infolist():
            inner = PurePosixPath(info.filename)
            if info.is_dir() or inner.is_absolute() or ".." in inner.parts or inner.parts[0] == "__MACOSX":
                continue
            if inner.suffix not in (".py", ".ipynb") or any(part.startswith(".") for part in inner.parts):
                continue
            total += info.file_size
            if info.file_size > MAX_SOURCE_BYTES or total > MAX_TOTAL_BYTES:
                raise SubmissionError(f"{path} unpacks to too much data: expected at most {MAX_TOTAL_BYTES // 2**20} MB")
            files[str(inner)] = archive.read(info)
    return files


def _read_folder(root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.suffix not in (".py", ".ipynb") or not path.is_file() or len(relative.parts) > 3:
            continue
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        total += path.stat().st_size
        if total > MAX_TOTAL_BYTES:
            raise SubmissionError(f"{root} is too large: expected at most {MAX_TOTAL_BYTES // 2**20} MB of .py/.ipynb files")
        files[relative.as_posix()] = path.read_bytes()
    return files


def read_files(origin: Path) -> dict[str, bytes]:
    """The .py and .ipynb files of a folder, a .py, a notebook or a zip: relative path -> bytes."""
    if not origin.exists():
        raise SubmissionError(f"Submission not found: expected {kinds()}. Received: {str(origin)!r}")
    if origin.is_dir():
        return _read_folder(origin)
    suffix = origin.suffix.lower()
    if suffix == ".zip":
        return _read_zip(origin)
    if suffix in (".py", ".ipynb"):
        return {origin.name: origin.read_bytes()}
    raise SubmissionError(f"Invalid submission: expected {kinds()}. Received the file {str(origin)!r}")


def load_submission(path: Path | str, name: str | None = None, assignment: str | Pack | None = None) -> Submission:
    """Read a submission from a folder, a .py file, a .ipynb notebook or a .zip archive, for ``assignment``
    (a pack or its name; None: the one its files fit)."""
    origin = Path(path)
    files = read_files(origin)
    name = name or (origin.name if origin.is_dir() else origin.stem)
    return from_files(name, origin.resolve(), files, assignment)
