"""Probes of Dropout."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
from grader.packs.regularization.probes.arguments import contract_arguments
from grader.probes.tensors import gradient, seeded_runs, to_numpy
# BEGIN HIDDEN
from grader.probes.grid import DTYPES, MODES_AND_FROZEN, Space, add_grid_probe, attempt, call_in_mode, factor
# END HIDDEN

# Not 0.5: at 0.5 a rate read as keep probability looks right.
RATE = 0.3
SAMPLE_SHAPE = (100, 100)
NOISE_SHAPE = (None, 1)
SEED = 1234

probes = register(ProbeSet("Dropout"))


def _positive(ctx: ProbeContext, shape: tuple[int, ...]) -> np.ndarray:
    """Inputs bounded away from 0, so a zero in the output can only be a dropped unit."""
    return ctx.rng.uniform(0.5, 1.5, shape).astype(np.float32)


@probes.add("inference")
def inference(ctx: ProbeContext) -> dict:
    x = ctx.rng.normal(0, 1, (20, 8)).astype(np.float32)
    layer = ctx.cls(rate=RATE)
    t = ctx.tf.constant(x)
    return {
        "x": x,
        "training_false": to_numpy(layer(t, training=False), "Dropout.call(training=False)"),
        "omitted": to_numpy(layer(t), "Dropout.call without `training`"),
    }


@probes.add("training")
def training(ctx: ProbeContext) -> dict:
    x = _positive(ctx, SAMPLE_SHAPE)
    y = to_numpy(ctx.cls(rate=RATE)(ctx.tf.constant(x), training=True), "Dropout.call(training=True)")
    return {"x": x, "y": y}


# BEGIN HIDDEN
@probes.add("gradient")
def grad(ctx: ProbeContext) -> dict:
    x = _positive(ctx, (40, 25))
    g = ctx.rng.normal(0, 1, (40, 25)).astype(np.float32)
    t = ctx.tf.constant(x)
    with ctx.tf.GradientTape() as tape:
        tape.watch(t)
        y = ctx.cls(rate=RATE)(t, training=True)
    return {"x": x, "g": g, "y": to_numpy(y, "Dropout.call(training=True)"), **gradient(ctx, tape, y, {"x": t}, g)}


@probes.add("rate_extremes")
def rate_extremes(ctx: ProbeContext) -> dict:
    x = _positive(ctx, (30, 10))
    g = ctx.rng.normal(0, 1, (30, 10)).astype(np.float32)
    t = ctx.tf.constant(x)
    y0 = to_numpy(ctx.cls(rate=0.0)(t, training=True), "Dropout(rate=0).call(training=True)")
    with ctx.tf.GradientTape() as tape:
        tape.watch(t)
        y1 = ctx.cls(rate=1.0)(t, training=True)
    return {"x": x, "rate0": y0, "rate1": to_numpy(y1, "Dropout(rate=1).call(training=True)"),
            "rate1_grad": gradient(ctx, tape, y1, {"x": t}, g)["dx"]}


@probes.add("fresh")
def fresh(ctx: ProbeContext) -> dict:
    layer = ctx.cls(rate=RATE)
    t = ctx.tf.ones((40, 50))
    eager = [to_numpy(layer(t, training=True), "Dropout.call") != 0 for _ in range(2)]
    traced = ctx.tf.function(lambda v: layer(v, training=True))
    graph = [to_numpy(traced(t), "Dropout.call inside tf.function") != 0 for _ in range(2)]
    return {"eager": eager, "graph": graph}


@probes.add("noise_shape")
def noise_shape(ctx: ProbeContext) -> dict:
    x = _positive(ctx, (300, 6))
    layer = ctx.cls(rate=RATE, noise_shape=NOISE_SHAPE)
    return {"x": x, "y": to_numpy(layer(ctx.tf.constant(x), training=True), f"Dropout(noise_shape={NOISE_SHAPE}).call")}


@probes.add("seed")
def seed(ctx: ProbeContext) -> dict:
    runs = seeded_runs(lambda: ctx.cls(rate=RATE, seed=SEED), ctx.tf.ones((30, 40)), f"Dropout(seed={SEED}).call")
    return {"runs": [[y != 0 for y in run] for run in runs]}
# END HIDDEN



# BEGIN HIDDEN
# The declared space: ranks, dtypes, rates and every form of noise_shape. About 10^4 units each.
GRID = Space((
    factor("input", ("shape (200, 50)", (200, 50)), ("shape (20, 10, 50)", (20, 10, 50)),
           ("shape (10, 4, 5, 50)", (10, 4, 5, 50))),
    DTYPES,
    factor("rate", ("rate=0.3", 0.3), ("rate=0.8", 0.8), ("rate=0.0", 0.0)),
    factor("noise_shape", ("noise_shape=None", "none"), ("one mask value per sample", "per_sample"),
           ("one mask shared by the batch", "shared")),
    MODES_AND_FROZEN,  # a frozen random layer still works in training: trainable has no say
))


def noise_shape_for(shape: tuple[int, ...], form: str):
    """The noise_shape argument for a form: None, (None, 1, ..., 1), or (1, d1, ..., dn)."""
    if form == "per_sample":
        return (None,) + (1,) * (len(shape) - 1)
    if form == "shared":
        return (1,) + tuple(shape[1:])
    return None


def _grid_case(ctx: ProbeContext, values: dict, rng: np.random.Generator) -> dict:
    shape, dtype, rate = values["input"], values["dtype"], values["rate"]
    noise_shape = noise_shape_for(shape, values["noise_shape"])
    x = rng.uniform(0.5, 1.5, shape).astype(dtype)
    g = rng.normal(0.0, 1.0, shape).astype(dtype)
    layer = ctx.cls(rate=rate, noise_shape=noise_shape, dtype=dtype)
    t = ctx.tf.constant(x)
    case = {"x": x, "g": g, "rate": rate, "noise_shape": None if noise_shape is None else list(noise_shape)}

    def train() -> dict:
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        out = to_numpy(y, "Dropout.call(training=True)")
        return {"y": out, "dtype": str(out.dtype), **gradient(ctx, tape, y, {"x": t}, g)}

    def mode() -> dict:
        out = call_in_mode(layer, t, values["mode"], "Dropout")
        return {"y": out, "dtype": str(out.dtype)}

    case["train"] = attempt(ctx, train)
    case["mode"] = attempt(ctx, mode)
    return case


add_grid_probe(probes, "grid", GRID, _grid_case)
# END HIDDEN


add_contract_probes(probes, *contract_arguments(probes.exercise))
