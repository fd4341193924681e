"""Declared configuration spaces: what an exercise is graded on, and the covering set that is run.

An exercise declares factors (input shape and axis, dtype, data regime, constructor arguments...),
each with a few levels, the first one the plain case. The probe runs the student's class on a
deterministic set of configurations in which every pair of levels of any two factors appears at least
once, and records per configuration what it observed, or the exception the code raised there: a crash
is the observation of its configuration only, and every other configuration is still judged.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from grader.probes import ProbeContext, ProbeSet
from grader.probes.tensors import to_numpy
from grader.settings import PROBE_SEED


@dataclass(frozen=True)
class Level:
    label: str
    """How the level reads in feedback: ``axis=1``, ``float64``, ``mean 1000``."""
    value: Any


@dataclass(frozen=True)
class Factor:
    name: str
    """How the factor reads in feedback: ``input``, ``dtype``, ``data``, ``arguments``."""
    levels: tuple[Level, ...]
    """The first level is the plain case: the first configuration holds every factor's first level."""


def factor(name: str, *levels: tuple[str, Any]) -> Factor:
    return Factor(name, tuple(Level(label, value) for label, value in levels))


# Every exercise is graded in float32 and in float64 (a layer made with dtype="float64", or float64 weights).
DTYPES = factor("dtype", ("float32", "float32"), ("float64", "float64"))

# How a layer is called outside training: one call per configuration, the covering set reaches each form
# with every shape, dtype and argument. A layer with moving statistics adds a frozen level.
MODES = factor("mode", ("training=False", "false"), ("called without training", "omitted"), ("training=None", "none"))
FROZEN = "frozen"
MODES_AND_FROZEN = factor("mode", *((level.label, level.value) for level in MODES.levels),
                          ("frozen (trainable=False) with training=True", FROZEN))


def call_in_mode(layer: Any, t: Any, mode: str, exercise: str) -> np.ndarray:
    """The layer's output in one of the modes of MODES_AND_FROZEN (FROZEN: trainable=False, training=True)."""
    if mode == "omitted":
        return to_numpy(layer(t), f"{exercise}.call without `training`")
    if mode == "none":
        return to_numpy(layer(t, training=None), f"{exercise}.call(training=None)")
    if mode == FROZEN:
        layer.trainable = False
        return to_numpy(layer(t, training=True), f"{exercise}.call(training=True) with trainable=False")
    return to_numpy(layer(t, training=False), f"{exercise}.call(training=False)")


@dataclass(frozen=True)
class Space:
    factors: tuple[Factor, ...]
    allowed: Callable[[dict[str, Any]], bool] | None = None
    """Says whether a combination of level values is legal (e.g. an axis the shape has)."""

    def configurations(self) -> list[tuple[int, ...]]:
        """Level indices of each configuration: every pair of levels that a legal configuration holds
        appears at least once; greedy and deterministic, the plain case first. Computed once per space
        (the worker does it before forking)."""
        if "_covering" not in self.__dict__:
            object.__setattr__(self, "_covering", tuple(self._cover()))  # frozen: a cache, not a field
        return list(self.__dict__["_covering"])

    def _cover(self) -> list[tuple[int, ...]]:
        legal = [combo for combo in itertools.product(*(range(len(f.levels)) for f in self.factors))
                 if self.allowed is None or self.allowed(self.values(combo))]
        uncovered = set().union(*(self._pairs(c) for c in legal)) if legal else set()
        chosen: list[tuple[int, ...]] = []
        while uncovered:
            _, best = max(((len(self._pairs(c) & uncovered), -i), c) for i, c in enumerate(legal))
            chosen.append(best)
            uncovered -= self._pairs(best)
        return chosen

    @staticmethod
    def _pairs(combo: tuple[int, ...]) -> set[tuple[int, int, int, int]]:
        return {(i, combo[i], j, combo[j]) for i, j in itertools.combinations(range(len(combo)), 2)}

    def values(self, combo: tuple[int, ...]) -> dict[str, Any]:
        return {f.name: f.levels[i].value for f, i in zip(self.factors, combo)}

    def labels(self, combo: tuple[int, ...]) -> dict[str, str]:
        return {f.name: f.levels[i].label for f, i in zip(self.factors, combo)}


def config_rng(labels: dict[str, str]) -> np.random.Generator:
    """Data for one configuration depends on that configuration only, so a crash elsewhere changes nothing."""
    key = "|".join(f"{k}={v}" for k, v in labels.items())
    return np.random.default_rng([PROBE_SEED, zlib.crc32(key.encode())])


Runner = Callable[[ProbeContext, dict[str, Any], np.random.Generator], dict]


def run_grid(ctx: ProbeContext, space: Space, run: Runner) -> dict:
    cases = []
    for combo in space.configurations():
        labels = space.labels(combo)
        try:
            observed = run(ctx, space.values(combo), config_rng(labels))
        except Exception as exc:  # noqa: BLE001 - the student's failure on this configuration is its observation
            cases.append({"config": labels, "error": ctx.explain(exc)})
            continue
        cases.append({"config": labels, **observed})
    return {"cases": cases}


def add_grid_probe(probes: ProbeSet, name: str, space: Space, run: Runner) -> None:
    probes.add(name, space)(lambda ctx: run_grid(ctx, space, run))


def attempt(ctx: ProbeContext, observe: Callable[[], dict]) -> dict:
    """One section of a configuration's observations, or the exception the student's code raised in it:
    a section that fails costs only the behaviours that read it."""
    try:
        return observe()
    except Exception as exc:  # noqa: BLE001
        return {"error": ctx.explain(exc)}
