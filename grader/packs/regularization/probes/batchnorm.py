"""Probes of BatchNormalization."""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register
from grader.probes.contract import add_contract_probes
from grader.packs.regularization.probes.arguments import contract_arguments
# BEGIN HIDDEN
from grader.packs.regularization.probes.affine import add_affine_probe
# END HIDDEN
from grader.probes.grid import DTYPES, MODES_AND_FROZEN, Space, add_grid_probe, attempt, call_in_mode, factor
from grader.packs.regularization.probes.normalization import DATA, draw, inject
from grader.probes.tensors import build, gradient, to_numpy, weight, weight_flags

MOMENTUM = 0.9
STATS_SHAPE = (8, 4)
# Training steps before the moving statistics are read a second time.
STEPS = 3

# The declared space. A batch of 8 separates biased from unbiased variance by 14%.
SPACE = Space((
    factor("input",
           ("shape (8, 5) with axis=-1", ((8, 5), -1)),
           ("shape (4, 3, 2, 6) with axis=-1", ((4, 3, 2, 6), -1)),
           ("shape (4, 6, 3, 2) with axis=1", ((4, 6, 3, 2), 1)),
           ("shape (5, 4, 3) with axis=-2", ((5, 4, 3), -2)),
           ("shape (1, 7) with axis=-1 (a batch of one)", ((1, 7), -1))),
    DTYPES,
    DATA,
    factor("arguments",
           ("default arguments", {}),
           ("momentum=0.9, epsilon=0.01", {"momentum": MOMENTUM, "epsilon": 0.01}),
           ("center=False", {"center": False}),
           ("scale=False", {"scale": False})),
    MODES_AND_FROZEN,
))

probes = register(ProbeSet("BatchNormalization"))


def _stats(layer) -> dict:
    return {
        "moving_mean": to_numpy(weight(layer, "moving_mean", "BatchNormalization"), "moving_mean"),
        "moving_variance": to_numpy(weight(layer, "moving_variance", "BatchNormalization"), "moving_variance"),
    }


def _configuration(ctx: ProbeContext, values: dict, rng: np.random.Generator) -> dict:
    """One configuration: a training call with gradients, more training steps, then one call in its mode."""
    tf = ctx.tf
    (shape, axis), dtype, regime, kwargs = values["input"], values["dtype"], values["data"], values["arguments"]
    channels = shape[axis]
    gamma = rng.uniform(0.5, 1.5, channels).astype(dtype)
    beta = rng.normal(0.0, 0.5, channels).astype(dtype)
    constant = tuple(0 if a == axis % len(shape) else slice(None) for a in range(len(shape)))
    xs = [draw(rng, shape, regime, dtype, constant) for _ in range(STEPS)]
    g = rng.normal(0.0, 1.0, shape).astype(dtype)
    layer = ctx.cls(axis=axis, dtype=dtype, **kwargs)
    build(layer, shape)
    case = {"axis": axis, "kwargs": kwargs, "x": xs[0], "steps": xs[1:], "g": g, "gamma": gamma, "beta": beta,
            "held": inject(layer, gamma, beta)}
    t = tf.constant(xs[0])
    taped = {}

    def train() -> dict:
        with tf.GradientTape() as tape:
            tape.watch(t)
            y = layer(t, training=True)
        taped.update(tape=tape, y=y)
        out = to_numpy(y, "BatchNormalization.call(training=True)")
        return {"y": out, "dtype": str(out.dtype)}

    def grads() -> dict:
        if "tape" not in taped:
            raise RuntimeError("the training call raised, so there is no gradient to take")
        sources = {"x": t, **{n: getattr(layer, n) for n in case["held"]}}
        return gradient(ctx, taped["tape"], taped["y"], sources, g)

    def steps() -> dict:
        for x in xs[1:]:
            layer(tf.constant(x), training=True)
        return _stats(layer)

    def mode() -> dict:
        before = _stats(layer)
        y = call_in_mode(layer, t, values["mode"], "BatchNormalization")
        return {"before": before, "y": y, "after": _stats(layer)}

    case["train"] = attempt(ctx, train)
    case["grads"] = attempt(ctx, grads)
    case["stats1"] = attempt(ctx, lambda: _stats(layer))
    case["stats3"] = attempt(ctx, steps)
    case["mode"] = attempt(ctx, mode)
    return case


add_grid_probe(probes, "grid", SPACE, _configuration)


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
    """The same training steps on two layers made alike: one eagerly, one through tf.function."""
    gamma = ctx.rng.uniform(0.5, 1.5, STATS_SHAPE[-1]).astype(np.float32)
    beta = ctx.rng.normal(0, 0.5, STATS_SHAPE[-1]).astype(np.float32)
    xs = [ctx.rng.normal(k - 1.0, 1.0 + 0.5 * k, STATS_SHAPE).astype(np.float32) for k in range(3)]
    runs = {}
    for mode in ("eager", "graph"):
        layer = ctx.cls(momentum=MOMENTUM)
        build(layer, STATS_SHAPE)
        inject(layer, gamma, beta)
        step = (lambda t, layer=layer: layer(t, training=True))
        if mode == "graph":
            step = ctx.tf.function(step)
        outputs, history = [], []
        for x in xs:
            outputs.append(to_numpy(step(ctx.tf.constant(x)), f"BatchNormalization.call ({'inside tf.function' if mode == 'graph' else 'eager'})"))
            history.append(_stats(layer))
        runs[mode] = {"outputs": outputs, "history": history}
    return runs
# END HIDDEN


# BEGIN HIDDEN
add_affine_probe(probes)
# END HIDDEN
add_contract_probes(probes, *contract_arguments(probes.exercise))
