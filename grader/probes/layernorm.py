"""Probes of LayerNormalization."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
# BEGIN HIDDEN
from grader.probes.affine import add_affine_probe
# END HIDDEN
from grader.probes.tensors import build, gradient, to_numpy, weight

FORWARD_CASES = [
    {"shape": (8, 5), "axis": -1, "std": 1.5},
    {"shape": (4, 3, 6), "axis": [1, 2], "std": 1.0},
    {"shape": (4, 3, 6), "axis": 1, "std": 1.0},
    {"shape": (3, 4, 5, 2), "axis": [-2, -1], "std": 1.0},
    {"shape": (6, 10), "axis": -1, "std": 0.05},
]

probes = register(ProbeSet("LayerNormalization"))


def normalized_axes(shape: tuple[int, ...], axis) -> list[int]:
    axes = [axis] if isinstance(axis, int) else list(axis)
    return sorted(a % len(shape) for a in axes)


def _layer(ctx: ProbeContext, shape, axis):
    layer = ctx.cls(axis=axis)
    build(layer, shape)
    param_shape = tuple(shape[a] for a in normalized_axes(shape, axis))
    gamma = ctx.rng.uniform(0.5, 1.5, param_shape).astype(np.float32)
    beta = ctx.rng.normal(0, 0.5, param_shape).astype(np.float32)
    gamma_w = weight(layer, "gamma", "LayerNormalization")
    beta_w = weight(layer, "beta", "LayerNormalization")
    shapes = {"gamma": [int(d) for d in gamma_w.shape], "beta": [int(d) for d in beta_w.shape]}
    if tuple(gamma_w.shape) == param_shape and tuple(beta_w.shape) == param_shape:
        gamma_w.assign(gamma)
        beta_w.assign(beta)
    else:
        gamma = beta = None
    return layer, gamma, beta, shapes


@probes.add("forward")
def forward(ctx: ProbeContext) -> dict:
    cases = []
    for case in FORWARD_CASES:
        shape, axis = case["shape"], case["axis"]
        layer, gamma, beta, shapes = _layer(ctx, shape, axis)
        x = ctx.rng.normal(0.5, case["std"], shape).astype(np.float32)
        g = ctx.rng.normal(0, 1, shape).astype(np.float32)
        t = ctx.tf.constant(x)
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        grads = gradient(ctx, tape, y, {"x": t, "gamma": layer.gamma, "beta": layer.beta}, g)
        cases.append({"axis": axis, "x": x, "g": g, "gamma": gamma, "beta": beta, "weight_shapes": shapes,
                      "y": to_numpy(y, "LayerNormalization.call"),
                      **grads})
    return {"cases": cases}


# BEGIN HIDDEN
@probes.add("modes")
def modes(ctx: ProbeContext) -> dict:
    shape = (6, 7)
    layer, _, _, _ = _layer(ctx, shape, -1)
    t = ctx.tf.constant(ctx.rng.normal(0, 2, shape).astype(np.float32))
    return {
        "training_true": to_numpy(layer(t, training=True), "LayerNormalization.call(training=True)"),
        "training_false": to_numpy(layer(t, training=False), "LayerNormalization.call(training=False)"),
        "omitted": to_numpy(layer(t), "LayerNormalization.call without `training`"),
    }


@probes.add("batch_independence")
def batch_independence(ctx: ProbeContext) -> dict:
    shape = (6, 7)
    layer, _, _, _ = _layer(ctx, shape, -1)
    x = ctx.rng.normal(0, 2, shape).astype(np.float32)
    whole = to_numpy(layer(ctx.tf.constant(x)), "LayerNormalization.call")
    rows = [to_numpy(layer(ctx.tf.constant(x[i : i + 1])), "LayerNormalization.call") for i in range(shape[0])]
    return {"whole": whole, "rows": np.concatenate(rows, axis=0) if rows else whole}


@probes.add("graph")
def graph(ctx: ProbeContext) -> dict:
    shape = (6, 7)
    layer, _, _, _ = _layer(ctx, shape, -1)
    t = ctx.tf.constant(ctx.rng.normal(0, 2, shape).astype(np.float32))
    traced = ctx.tf.function(lambda v: layer(v, training=True))
    return {"eager": to_numpy(layer(t, training=True), "LayerNormalization.call"),
            "graph": to_numpy(traced(t), "LayerNormalization.call inside tf.function")}
# END HIDDEN


# BEGIN HIDDEN
add_affine_probe(probes)
# END HIDDEN
add_contract_probes(probes)
