"""Probes of ActivityRegularization."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.contract import add_contract_probes
from grader.probes.grid import DTYPES, MODES, Space, add_grid_probe, attempt, call_in_mode, factor
from grader.probes.tensors import to_numpy

EXERCISE = "ActivityRegularization"
probes = register(ProbeSet(EXERCISE))

# The declared space: batch sizes (the penalty is per sample), ranks, both dtypes, every argument form and
# every way of calling the layer (the penalty is added in inference too).
SPACE = Space((
    factor("input", ("shape (8, 5)", (8, 5)), ("shape (2, 5)", (2, 5)), ("shape (1, 5) (a batch of one)", (1, 5)),
           ("shape (4, 3, 2)", (4, 3, 2))),
    factor("arguments", ("l1=0.01, l2=0.03", {"l1": 0.01, "l2": 0.03}), ("l1=0.05", {"l1": 0.05}),
           ("l2=0.02", {"l2": 0.02}), ("default arguments", {})),
    factor("mode", ("training=True", "true"), *((level.label, level.value) for level in MODES.levels)),
    DTYPES,
))


def _call(layer: Any, t: Any, mode: str) -> np.ndarray:
    if mode == "true":
        return to_numpy(layer(t, training=True), f"{EXERCISE}.call(training=True)")
    return call_in_mode(layer, t, mode, EXERCISE)


def _losses(layer: Any) -> list[np.ndarray]:
    losses = layer.losses
    if not isinstance(losses, (list, tuple)):
        raise ProbeFailure(f"layer.losses is a {type(losses).__name__}, not a list")
    return [to_numpy(v, "an entry of layer.losses") for v in losses]


def _observe(ctx: ProbeContext, values: dict[str, Any], rng: np.random.Generator) -> dict:
    dtype = values["dtype"]
    x = (rng.normal(0.0, 1.0, values["input"]) * 2.0).astype(dtype)
    x.flat[0] = 0.0  # an exact zero: |x| has a subgradient there, and a sqrt(x**2) none

    def forward() -> dict:
        layer = ctx.cls(**values["arguments"], dtype=dtype)
        y = _call(layer, ctx.tf.constant(x), values["mode"])
        return {"y": y, "losses": _losses(layer)}

    def gradient() -> dict:
        layer = ctx.cls(**values["arguments"], dtype=dtype)
        t = ctx.tf.constant(x)
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            layer(t, training=True)
            total = ctx.tf.add_n([ctx.tf.reduce_sum(v) for v in layer.losses]) if layer.losses else None
        if total is None:
            raise ProbeFailure(f"{EXERCISE} added no loss in training, so there is no gradient of the penalty")
        grad = tape.gradient(total, t)
        return {"grad": None if grad is None else to_numpy(grad, "the penalty's gradient w.r.t. the input")}

    return {"x": x, "forward": attempt(ctx, forward), "gradient": attempt(ctx, gradient)}


add_grid_probe(probes, "grid", SPACE, _observe)


# BEGIN HIDDEN
@probes.add("repeated")
def repeated(ctx: ProbeContext) -> dict:
    """Three calls on one layer: layer.losses holds the last call's penalty only (Keras clears it per call)."""
    layer = ctx.cls(l1=0.02)
    values = []
    for scale in (1.0, 2.0, 3.0):
        x = ctx.tf.constant(ctx.rng.normal(0, 1, (4, 5)).astype(np.float32) * scale)
        layer(x, training=True)
        values.append(_losses(layer))
    return {"counts": [len(v) for v in values], "last": values[-1]}


@probes.add("in_model")
def model(ctx: ProbeContext) -> dict:
    """In a model: evaluate's total loss (compiled loss plus the penalty), and one SGD step."""
    keras = ctx.keras
    net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(5), ctx.cls(l1=0.01, l2=0.02), keras.layers.Dense(2)])
    net.set_weights([ctx.rng.normal(0, 0.5, w.shape).astype(np.float32) for w in net.get_weights()])
    net.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", run_eagerly=True)
    x = ctx.rng.normal(0, 1, (8, 4)).astype(np.float32)
    y = ctx.rng.normal(0, 1, (8, 2)).astype(np.float32)
    evaluated = net.test_on_batch(x, y)
    net.train_on_batch(x, y)
    return {"evaluate": np.float64(evaluated), "kernel": to_numpy(net.layers[0].kernel, "the first kernel after one step")}

# END HIDDEN

CONTRACT_KWARGS = {"l1": 0.01, "l2": 0.02}
INVALID_KWARGS: list[dict[str, Any]] = []
# BEGIN HIDDEN
INVALID_KWARGS = [{"l1": -0.5}, {"l2": -1.0}]
# END HIDDEN
add_contract_probes(probes, CONTRACT_KWARGS, INVALID_KWARGS)
