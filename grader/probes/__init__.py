"""probes: what the worker observes of a student's class. Runs inside the worker only.

The engine's probe helpers live here; each pack's probes live in ``grader/packs/<name>/probes/``.

A probe builds inputs from a seeded generator, runs the student's class and
returns plain observations (numpy arrays, numbers, strings) -- never a verdict.
Probe modules import no TensorFlow at the top, so the grader's own process can
read their constants without paying for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np


class ProbeFailure(Exception):
    """The student's code did something a probe cannot observe further; the message says what, for the student."""


def _plain_summary(exc: BaseException) -> dict:
    return {"type": type(exc).__name__, "message": str(exc)[:600], "where": None,
            "probe_failure": isinstance(exc, ProbeFailure)}


@dataclass
class ProbeContext:
    cls: type
    module: Any
    rng: np.random.Generator
    tf: Any
    keras: Any
    scratch: Path
    explain: Callable[[BaseException], dict] = _plain_summary
    """An exception of the student's code as the worker reports it (type, message, the student's line)."""


@dataclass(frozen=True)
class Probe:
    name: str
    func: Callable[[ProbeContext], Any]
    space: Any = None
    """For a grid probe, the declared configuration space it covers (grader.probes.grid.Space)."""


class ProbeSet:
    """The probes of one exercise, in the order they run."""

    def __init__(self, exercise: str):
        self.exercise = exercise
        self.probes: list[Probe] = []

    def add(self, name: str, space: Any = None) -> Callable:
        def register(func: Callable[[ProbeContext], Any]) -> Callable[[ProbeContext], Any]:
            if any(p.name == name for p in self.probes):
                raise ValueError(f"Duplicate probe {name!r} in {self.exercise}")
            self.probes.append(Probe(name, func, space))
            return func

        return register


PROBESETS: dict[str, ProbeSet] = {}
"""Exercise -> its probes, filled as pack probe modules are imported (exercise names are unique)."""


def register(probeset: ProbeSet) -> ProbeSet:
    PROBESETS[probeset.exercise] = probeset
    return probeset


def load(pack) -> dict[str, ProbeSet]:
    """The probes of every exercise of ``pack`` (a grader.packs.Pack), importing its probe modules."""
    pack.import_modules("probes", PROBESETS)
    return {e.name: PROBESETS[e.name] for e in pack.exercises}


def source_files(pack) -> list[Path]:
    """The probe code of ``pack``, the engine's included: part of the reference cache key."""
    return sorted(Path(__file__).parent.glob("*.py")) + sorted((pack.folder / "probes").glob("*.py")) \
        + [pack.folder / "__init__.py"]
