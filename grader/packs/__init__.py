"""packs: the assignments the engine grades, each declared by a subpackage ``grader/packs/<name>/``.

A pack's ``__init__.py`` defines ``PACK`` (a ``Pack``) and nothing heavier: the sandbox imports it.
Beside it, by convention:

- ``probes/*.py``: what the worker observes (the only pack code the sandbox sees);
- ``checks/*.py``: the verdicts, in the grader's own process;
- ``notebook/*.md``: the student notebook's prose (see grader.assign.workbook);
- ``ko.py`` (optional): Korean check names and messages (see grader.i18n);
- an experiment module, when ``Pack.experiment`` names one.

Its reference solutions are ``solutions/<name>/`` and its generated skeletons ``assignments/<name>/``.
The engine names no exercise: everything it knows of one comes from here.
"""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from grader import settings

_NAME = re.compile(r"[a-z][a-z0-9_]*")


class PackError(ValueError):
    """A pack is declared wrongly, or the assignment asked for or inferred cannot be found."""


@dataclass(frozen=True)
class Exercise:
    name: str
    """The class the student implements; also the tag of its tests in results.json."""
    filename: str
    """The file, inside the submission folder, that defines the class."""
    forbidden: tuple[str, ...] = ()
    """Built-ins this exercise re-implements: using any of them gives the exercise 0.
    Dotted names as Keras and TensorFlow export them (``tf.``/``tf.keras.`` aliases are understood)."""
    cost: float = 1.0
    """Relative time its probes take (measured), to share one submission's exercises fairly between workers."""


@dataclass(frozen=True)
class Pack:
    name: str
    """The assignment's name: its folder under grader/packs/, solutions/ and assignments/."""
    title: str
    """One line for `python -m grader list`."""
    exercises: tuple[Exercise, ...]
    theory: tuple[str, ...] = ()
    """``notebook/<section>.md`` files shown before the exercises, in order."""
    experiment: str | None = None
    """Module (relative to the pack) with ``run_experiment(submission, out, console)`` and ``print_summary``."""
    shipped: tuple[str, ...] = ()
    """Kit paths (files or folders) the student bundle also carries, e.g. the experiment's data."""
    folder: Path = field(default=Path(), compare=False)

    @property
    def module(self) -> str:
        return f"{__name__}.{self.name}"

    @property
    def filenames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.filename for e in self.exercises))

    @property
    def solutions(self) -> Path:
        return settings.SOLUTIONS_ROOT / self.name

    @property
    def assignments(self) -> Path:
        return settings.ASSIGNMENTS_ROOT / self.name

    @property
    def notebook_name(self) -> str:
        return f"{self.name}.ipynb"

    def exercise(self, name: str) -> Exercise:
        for ex in self.exercises:
            if ex.name == name:
                return ex
        raise KeyError(f"Unknown exercise {name!r} of {self.name}: expected one of {[e.name for e in self.exercises]}")

    def import_modules(self, kind: str, registry: dict) -> None:
        """Import the pack's ``probes`` or ``checks`` modules; each exercise must then be in ``registry``."""
        for module in self.modules(kind):
            importlib.import_module(module)
        missing = [e.name for e in self.exercises if e.name not in registry]
        if missing:
            raise PackError(f"the pack {self.name} registers no {kind} for {', '.join(missing)}")

    def modules(self, kind: str) -> list[str]:
        """The pack's ``probes`` or ``checks`` modules, by name, sorted."""
        folder = self.folder / kind
        return sorted(f"{self.module}.{kind}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__")


def of_other_pack(path: Path, pack: Pack) -> bool:
    """True for a file inside another pack's folder: what a bundle or autograder for ``pack`` leaves out."""
    here = Path(__file__).resolve().parent
    try:
        top = Path(path).resolve().relative_to(here).parts[0]
    except (ValueError, IndexError):
        return False
    return top != pack.name and (here / top).is_dir()


def _declared(name: str) -> Pack:
    module = importlib.import_module(f"{__name__}.{name}")
    pack = getattr(module, "PACK", None)
    if not isinstance(pack, Pack):
        raise PackError(f"grader/packs/{name}/__init__.py must define PACK = Pack(...)")
    if pack.name != name:
        raise PackError(f"grader/packs/{name}/ declares the name {pack.name!r}: a pack's name is its folder's")
    if not pack.exercises:
        raise PackError(f"the pack {name} declares no exercise")
    object.__setattr__(pack, "folder", Path(module.__file__).parent)
    return pack


@functools.lru_cache(maxsize=1)
def all_packs() -> dict[str, Pack]:
    """Every pack under grader/packs/, by name; exercise names are unique across them."""
    found: dict[str, Pack] = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.ispkg or not _NAME.fullmatch(info.name):
            continue
        pack = _declared(info.name)
        for ex in pack.exercises:
            if ex.name in owner:
                raise PackError(f"the exercise {ex.name} is declared by both {owner[ex.name]} and {pack.name}")
            owner[ex.name] = pack.name
        found[pack.name] = pack
    return found


def names() -> list[str]:
    return sorted(all_packs())


def get(name: str) -> Pack:
    packs = all_packs()
    if name not in packs:
        raise PackError(f"Unknown assignment {name!r}: expected one of {', '.join(sorted(packs)) or '(none installed)'}")
    return packs[name]


def pack_of(exercise: str) -> Pack:
    for pack in all_packs().values():
        if any(e.name == exercise for e in pack.exercises):
            return pack
    raise KeyError(f"No assignment declares the exercise {exercise!r}")


def _defined(text: str) -> set[str]:
    """Class and function names a Python text defines at its top level (by regex if it does not parse)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return set(re.findall(r"^(?:class|def)\s+([A-Za-z_]\w*)", text, re.MULTILINE))
    return {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}


def fitting(files: dict[str, str]) -> list[str]:
    """The assignments a submission could be for, best first: those whose exercise files it holds, else
    those whose classes it defines. ``files``: path inside the submission -> text (code of notebooks)."""
    scores: dict[str, int] = {}
    present = {PurePosixPath(p).name for p in files}
    defined = set().union(*(_defined(text) for text in files.values())) if files else set()
    for pack in all_packs().values():
        by_file = len(present & set(pack.filenames))
        by_class = len(defined & {e.name for e in pack.exercises})
        if by_file or by_class:
            scores[pack.name] = by_file * 1000 + by_class
    if not scores:
        return []
    best = max(scores.values())
    return sorted((n for n, s in scores.items() if s == best))


def choose(name: str | None, files: dict[str, str] | None = None, origin: object = "the submission") -> Pack:
    """The pack asked for; else the only one installed; else the one ``files`` fit. PackError otherwise,
    naming the candidates."""
    if name is not None:
        return get(name)
    packs = all_packs()
    if len(packs) == 1:
        return next(iter(packs.values()))
    candidates = fitting(files or {})
    if len(candidates) == 1:
        return packs[candidates[0]]
    listing = "; ".join(f"{p.name} ({', '.join(p.filenames)})" for p in packs.values())
    if candidates:
        raise PackError(f"{origin} fits several assignments ({', '.join(candidates)}): choose one with "
                        f"--assignment. The assignments: {listing}")
    raise PackError(f"{origin} fits no assignment: none of its files or classes is an exercise's. Choose one "
                    f"with --assignment. The assignments: {listing}")
