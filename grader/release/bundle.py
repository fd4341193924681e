"""Build the zip students receive: no solution code, no hidden checks, none of their reference data.

Contents, for one assignment: its assignments/<name>/ (skeletons and notebook), the grader package with
that assignment's pack only and every hidden region stripped (and without this release package), the
public reference observations, what the pack ships besides (its data, reference plots), pyproject.toml
and a student README.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from grader import KIT_ROOT, settings
from grader.fileio import shipped_files, write_zip_atomic
from grader.packs import Pack, of_other_pack
from grader.reference import public_reference_path
from grader.release.hidden import strip_hidden

# The pack's own README.student.md when it has one, else this template filled in.
STUDENT_README = Path(__file__).with_name("README.student.md")
# Copied as they are, relative to the kit's root, besides what the pack ships (Pack.shipped).
_COPIED = ("pyproject.toml",)


class ReleaseError(RuntimeError):
    """The bundle cannot be built as asked; the message says what to do."""


@dataclass
class ReleaseReport:
    path: Path
    files: list[str] = field(default_factory=list)
    stripped: dict[str, int] = field(default_factory=dict)
    """Bundle path -> number of hidden lines left out of it."""
    top: str = ""
    """The one folder at the zip's root that holds everything (``files`` are relative to it)."""


def bundle_files(pack: Pack, public_reference: bytes, kit: Path = KIT_ROOT) -> tuple[dict[str, bytes], dict[str, int]]:
    """Bundle path -> content, and the lines stripped per file. Raises ReleaseError if something is missing."""
    from grader.assign import check_assignments

    stale = check_assignments(pack, kit / "solutions" / pack.name, kit / "assignments" / pack.name)
    if stale:
        raise ReleaseError("assignments/ is out of date with solutions/ (" + "; ".join(stale[:3]) +
                           "): run `python -m grader assign` first.")
    files: dict[str, bytes] = {}
    stripped: dict[str, int] = {}
    for path in shipped_files(kit / "assignments" / pack.name):
        files[path.relative_to(kit).as_posix()] = path.read_bytes()
    release_dir = Path(__file__).parent
    for path in shipped_files(kit / "grader"):
        if path.is_relative_to(release_dir) or of_other_pack(path, pack):
            continue
        name = path.relative_to(kit).as_posix()
        if path.suffix == ".py":
            text = path.read_text(encoding="utf-8")
            public = strip_hidden(text, name)
            if public != text:
                stripped[name] = len(text.splitlines()) - len(public.splitlines())
            files[name] = public.encode("utf-8")
        else:
            files[name] = path.read_bytes()
    for entry in (*_COPIED, *pack.shipped):
        source = kit / entry
        for path in [source] if source.is_file() else shipped_files(source) if source.is_dir() else []:
            files[path.relative_to(kit).as_posix()] = path.read_bytes()
    files["README.md"] = student_readme(pack).encode("utf-8")
    # A student repository made from the bundle (GitHub Classroom) runs the public checks on every push.
    files[".github/workflows/check.yml"] = (kit / ".github" / "classroom" / "check.yml").read_bytes()
    files[public_reference_path(pack).relative_to(settings.KIT_ROOT).as_posix()] = public_reference
    return files, stripped


def student_readme(pack: Pack) -> str:
    own = pack.folder / "README.student.md"
    if own.is_file():
        return own.read_text(encoding="utf-8")
    return STUDENT_README.read_text(encoding="utf-8").format(title=pack.title, name=pack.name,
                                                             files=", ".join(pack.filenames))


def write_release(target: Path | str, pack: Pack, public_reference: bytes, kit: Path = KIT_ROOT) -> ReleaseReport:
    """Write ``pack``'s bundle to ``target`` (a .zip), atomically: a failed build leaves no partial zip."""
    target = Path(target)
    if target.suffix.lower() != ".zip":
        raise ReleaseError(f"The bundle is a zip file: expected a path ending in .zip. Received: {str(target)!r}")
    files, stripped = bundle_files(pack, public_reference, kit)
    top = target.stem  # one folder: unzipping does not spill the kit into the current directory
    write_zip_atomic(target, {f"{top}/{name}": (content, 0o644) for name, content in files.items()})
    return ReleaseReport(target, sorted(files), stripped, top)
