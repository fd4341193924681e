"""Probes of LayerNormalization."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
from grader.packs.regularization.probes.arguments import contract_arguments
# BEGIN HIDDEN
from grader.packs.regularization.probes.affine import add_affine_probe
# END HIDDEN
from grader.probes.grid import DTYPES, MODES, Space, add_grid_probe, attempt, call_in_mode, factor
from grader.packs.regularization.probes.normalization import DATA, draw, inject
from grader.probes.tensors import build, gradient, to_numpy

# The declared space: int, list and tuple axes, negative, positive, out of order and non-contiguous.
SPACE = Space((
    factor("input",
           ("shape (8, 5) with axis=-1", ((8, 5), -1)),
           ("shape (4, 3, 6) with axis=[1, 2]", ((4, 3, 6), [1, 2])),
           ("shape (4, 3, 6) with axis=1", ((4, 3, 6), 1)),
           ("shape (3, 4, 5, 2) with axis=[-1, -2]", ((3, 4, 5, 2), [-1, -2])),
           ("shape (3, 4, 5, 2) with axis=(3, 1)", ((3, 4, 5, 2), (3, 1)))),
    DTYPES,
    DATA,
    factor("arguments",
           ("default arguments", {}),
           ("epsilon=0.01", {"epsilon": 0.01}),
           ("center=False", {"center": False}),
           ("scale=False", {"scale": False})),
    MODES,
))

probes = register(ProbeSet("LayerNormalization"))


def normalized_axes(shape: tuple[int, ...], axis) -> list[int]:
    axes = [axis] if isinstance(axis, int) else list(axis)
    return sorted(a % len(shape) for a in axes)


def _configuration(ctx: ProbeContext, values: dict, rng: np.random.Generator) -> dict:
    tf = ctx.tf
    (shape, axis), dtype, regime, kwargs = values["input"], values["dtype"], values["data"], values["arguments"]
    param_shape = tuple(shape[a] for a in normalized_axes(shape, axis))
    gamma = rng.uniform(0.5, 1.5, param_shape).astype(dtype)
    beta = rng.normal(0.0, 0.5, param_shape).astype(dtype)
    x = draw(rng, shape, regime, dtype, (0,))
    g = rng.normal(0.0, 1.0, shape).astype(dtype)
    layer = ctx.cls(axis=axis, dtype=dtype, **kwargs)
    build(layer, shape)
    shapes = {n: [int(d) for d in getattr(layer, n).shape] if hasattr(getattr(layer, n, None), "shape") else None
              for n in ("gamma", "beta")}
    case = {"axis": axis, "kwargs": kwargs, "x": x, "g": g, "gamma": gamma, "beta": beta,
            "held": inject(layer, gamma, beta), "weight_shapes": shapes}
    t = tf.constant(x)
    taped = {}

    def train() -> dict:
        with tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        taped.update(tape=tape, y=y)
        out = to_numpy(y, "LayerNormalization.call(training=True)")
        return {"y": out, "dtype": str(out.dtype)}

    def grads() -> dict:
        if "tape" not in taped:
            raise RuntimeError("the training call raised, so there is no gradient to take")
        return gradient(ctx, taped["tape"], taped["y"], {"x": t, **{n: getattr(layer, n) for n in case["held"]}}, g)

    def mode() -> dict:
        return {"y": call_in_mode(layer, t, values["mode"], "LayerNormalization")}

    def alone() -> dict:
        """The last sample, normalized in a batch of its own (in the configuration's mode)."""
        return {"y": call_in_mode(layer, tf.constant(x[-1:]), values["mode"], "LayerNormalization")}

    case["train"] = attempt(ctx, train)
    case["grads"] = attempt(ctx, grads)
    case["mode"] = attempt(ctx, mode)
    case["alone"] = attempt(ctx, alone)
    return case


add_grid_probe(probes, "grid", SPACE, _configuration)


# BEGIN HIDDEN
@probes.add("graph")
def graph(ctx: ProbeContext) -> dict:
    shape = (6, 7)
    layer = ctx.cls()
    build(layer, shape)
    inject(layer, ctx.rng.uniform(0.5, 1.5, shape[-1:]).astype(np.float32),
           ctx.rng.normal(0, 0.5, shape[-1:]).astype(np.float32))
    t = ctx.tf.constant(ctx.rng.normal(0, 2, shape).astype(np.float32))
    traced = ctx.tf.function(lambda v: layer(v, training=True))
    return {"eager": to_numpy(layer(t, training=True), "LayerNormalization.call"),
            "graph": to_numpy(traced(t), "LayerNormalization.call inside tf.function")}
# END HIDDEN


# BEGIN HIDDEN
add_affine_probe(probes)
# END HIDDEN
add_contract_probes(probes, *contract_arguments(probes.exercise))
