"""Probes of BatchNormalization."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
# BEGIN HIDDEN
from grader.probes.affine import add_affine_probe
# END HIDDEN
from grader.probes.tensors import build, gradient, to_numpy, weight, weight_flags

# A batch of 8 separates biased from unbiased variance by 14%; data with std 0.05 magnifies epsilon bugs.
FORWARD_CASES = [
    {"shape": (8, 5), "axis": -1, "std": 1.5},
    {"shape": (4, 3, 2, 6), "axis": -1, "std": 1.0},
    {"shape": (4, 6, 3, 2), "axis": 1, "std": 1.0},
    {"shape": (16, 4), "axis": -1, "std": 0.05},
]
MOMENTUM = 0.9
STEPS = 5
STATS_SHAPE = (8, 4)

probes = register(ProbeSet("BatchNormalization"))


def _inject(ctx: ProbeContext, layer, channels: int) -> tuple[np.ndarray, np.ndarray]:
    """Non-trivial gamma and beta, so ignoring either one shows."""
    gamma = ctx.rng.uniform(0.5, 1.5, channels).astype(np.float32)
    beta = ctx.rng.normal(0, 0.5, channels).astype(np.float32)
    weight(layer, "gamma", "BatchNormalization").assign(gamma)
    weight(layer, "beta", "BatchNormalization").assign(beta)
    return gamma, beta


def _stats(layer) -> dict:
    return {
        "moving_mean": to_numpy(weight(layer, "moving_mean", "BatchNormalization"), "moving_mean"),
        "moving_variance": to_numpy(weight(layer, "moving_variance", "BatchNormalization"), "moving_variance"),
    }


@probes.add("forward")
def forward(ctx: ProbeContext) -> dict:
    cases = []
    for case in FORWARD_CASES:
        shape, axis = case["shape"], case["axis"]
        layer = ctx.cls(axis=axis)
        build(layer, shape)
        gamma, beta = _inject(ctx, layer, shape[axis])
        x = (ctx.rng.normal(0.5, case["std"], shape)).astype(np.float32)
        g = ctx.rng.normal(0, 1, shape).astype(np.float32)
        t = ctx.tf.constant(x)
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        grads = gradient(ctx, tape, y, {"x": t, "gamma": layer.gamma, "beta": layer.beta}, g)
        cases.append({
            "axis": axis, "x": x, "g": g, "gamma": gamma, "beta": beta,
            "y": to_numpy(y, "BatchNormalization.call(training=True)"),
            **grads,
            **_stats(layer),
        })
    return {"cases": cases}


# BEGIN HIDDEN
@probes.add("moving_stats")
def moving_stats(ctx: ProbeContext) -> dict:
    layer = ctx.cls(momentum=MOMENTUM)
    build(layer, STATS_SHAPE)
    xs, history = [], []
    for step in range(STEPS):
        x = ctx.rng.normal(step - 1.0, 1.0 + 0.5 * step, STATS_SHAPE).astype(np.float32)
        layer(ctx.tf.constant(x), training=True)
        xs.append(x)
        history.append(_stats(layer))
    return {"xs": xs, "history": history}
# END HIDDEN


@probes.add("inference")
def inference(ctx: ProbeContext) -> dict:
    layer = ctx.cls(momentum=MOMENTUM)
    build(layer, STATS_SHAPE)
    gamma, beta = _inject(ctx, layer, STATS_SHAPE[-1])
    for step in range(3):
        x = ctx.rng.normal(1.0 + step, 2.0, STATS_SHAPE).astype(np.float32)
        layer(ctx.tf.constant(x), training=True)
    before = _stats(layer)
    x = ctx.rng.normal(0.0, 1.0, STATS_SHAPE).astype(np.float32)
    t = ctx.tf.constant(x)
    y_false = to_numpy(layer(t, training=False), "BatchNormalization.call(training=False)")
    after_false = _stats(layer)
    y_omitted = to_numpy(layer(t), "BatchNormalization.call without `training`")
    after_omitted = _stats(layer)
    return {"x": x, "gamma": gamma, "beta": beta, "before": before, "training_false": y_false,
            "after_false": after_false, "omitted": y_omitted, "after_omitted": after_omitted}


# BEGIN HIDDEN
@probes.add("weights")
def weights(ctx: ProbeContext) -> dict:
    layer = ctx.cls()
    build(layer, (4, 5))
    for name in ("gamma", "beta", "moving_mean", "moving_variance"):
        weight(layer, name, "BatchNormalization")
    return {
        "flags": weight_flags(layer),
        "attributes": {n: bool(getattr(layer, n).trainable) for n in ("gamma", "beta", "moving_mean", "moving_variance")},
        "trainable_count": len(layer.trainable_weights),
    }


@probes.add("graph")
def graph(ctx: ProbeContext) -> dict:
    """The training steps of ``moving_stats``, run through tf.function."""
    layer = ctx.cls(momentum=MOMENTUM)
    build(layer, STATS_SHAPE)
    _inject(ctx, layer, STATS_SHAPE[-1])
    step = ctx.tf.function(lambda t: layer(t, training=True))
    outputs, history = [], []
    for k in range(3):
        x = ctx.rng.normal(k - 1.0, 1.0 + 0.5 * k, STATS_SHAPE).astype(np.float32)
        outputs.append(to_numpy(step(ctx.tf.constant(x)), "BatchNormalization.call inside tf.function"))
        history.append(_stats(layer))
    return {"outputs": outputs, "history": history}


@probes.add("frozen")
def frozen(ctx: ProbeContext) -> dict:
    """Keras runs a non-trainable BatchNormalization in inference mode, even with training=True."""
    layer = ctx.cls(momentum=MOMENTUM)
    build(layer, STATS_SHAPE)
    _inject(ctx, layer, STATS_SHAPE[-1])
    layer(ctx.tf.constant(ctx.rng.normal(2.0, 3.0, STATS_SHAPE).astype(np.float32)), training=True)
    layer.trainable = False
    before = _stats(layer)
    t = ctx.tf.constant(ctx.rng.normal(0.0, 1.0, STATS_SHAPE).astype(np.float32))
    return {"frozen": to_numpy(layer(t, training=True), "BatchNormalization.call with trainable=False"),
            "inference": to_numpy(layer(t, training=False), "BatchNormalization.call(training=False)"),
            "before": before, "after": _stats(layer)}
# END HIDDEN


# BEGIN HIDDEN
add_affine_probe(probes)
# END HIDDEN
add_contract_probes(probes)
