"""Build the Gradescope autograder zip on the instructor's machine.

At the zip's root: setup.sh and run_autograder (Gradescope's two entry points), requirements.txt (the
kit's dependencies, TensorFlow and Keras pinned to the versions that computed the reference), the
settings (autograder.json), the stored full reference (reference.json) and the grader package with its
hidden checks. Never solutions/: student code runs in the same container, not always under bubblewrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from grader import KIT_ROOT
from grader.fileio import shipped_files, write_zip_atomic
from grader.gradescope.config import CONFIG_NAME, REFERENCE_NAME, AutograderConfig
from grader.packs import Pack, of_other_pack
from grader.reference import framework_versions
from grader.sandbox import wire

TEMPLATES = Path(__file__).with_name("templates")
# The packages whose versions decide the observations (see reference.stored_reference).
_PINNED = {"tensorflow": "tensorflow", "tensorflow-cpu": "tensorflow", "keras": "keras"}


class BuildError(RuntimeError):
    """The zip cannot be built as asked; the message says what to do."""


@dataclass
class AutograderReport:
    path: Path
    files: list[str] = field(default_factory=list)
    size: int = 0
    """Bytes of the zip."""


def requirements(made_with: dict[str, str], kit: Path = KIT_ROOT) -> str:
    """requirements.txt: the kit's dependencies, TensorFlow and Keras pinned to ``made_with``."""
    versions = framework_versions(made_with)
    lines = []
    for requirement in _dependencies(kit):
        spec, _, marker = requirement.partition(";")
        name = re.match(r"[A-Za-z0-9._-]+", spec.strip()).group(0).lower()
        if name in _PINNED:
            version = versions[_PINNED[name]]
            if not version:
                raise BuildError(f"The reference was computed without {_PINNED[name]}: expected its version among "
                                 f"{made_with}")
            spec = f"{name}=={version}"
        lines.append(f"{spec.strip()}; {marker.strip()}" if marker.strip() else spec.strip())
    return "\n".join(lines) + "\n"


def _dependencies(kit: Path) -> list[str]:
    """[project] dependencies of the kit's pyproject.toml (tomllib needs Python 3.11; else the installed kit's)."""
    try:
        import tomllib
    except ModuleNotFoundError:
        try:
            return list(metadata.requires("regularization-grader") or [])
        except metadata.PackageNotFoundError:
            raise BuildError("Cannot read the kit's dependencies: use Python 3.11 or later, or install the kit "
                             "(`pip install -e .`)") from None
    with open(kit / "pyproject.toml", "rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


def autograder_files(pack: Pack, reference: bytes, config: AutograderConfig,
                     kit: Path = KIT_ROOT) -> dict[str, tuple[bytes, int]]:
    """Zip path -> (content, file mode): the engine and ``pack``, no other assignment."""
    made_with = wire.loads(reference)["versions"]
    files: dict[str, tuple[bytes, int]] = {}
    for path in shipped_files(kit / "grader"):
        if not of_other_pack(path, pack):
            files[path.relative_to(kit).as_posix()] = (path.read_bytes(), 0o644)
    python = f"python{made_with['python'].rsplit('.', 1)[0]}"
    setup = (TEMPLATES / "setup.sh").read_text(encoding="utf-8").replace("{{PYTHON}}", python)
    files["setup.sh"] = (setup.encode(), 0o755)
    files["run_autograder"] = ((TEMPLATES / "run_autograder").read_bytes(), 0o755)
    files["requirements.txt"] = (requirements(made_with, kit).encode(), 0o644)
    files[CONFIG_NAME] = (config.dumps().encode(), 0o644)
    files[REFERENCE_NAME] = (reference, 0o644)
    return files


def write_autograder(target: Path | str, pack: Pack, reference: bytes, config: AutograderConfig,
                     kit: Path = KIT_ROOT) -> AutograderReport:
    """Write ``pack``'s autograder zip to ``target``, atomically: a failed build leaves no partial zip."""
    target = Path(target)
    if target.suffix.lower() != ".zip":
        raise BuildError(f"The autograder is a zip file: expected a path ending in .zip. Received: {str(target)!r}")
    files = autograder_files(pack, reference, config, kit)
    write_zip_atomic(target, files)
    return AutograderReport(target, sorted(files), target.stat().st_size)
