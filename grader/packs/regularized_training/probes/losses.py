"""Probes of CategoricalCrossentropy with label smoothing."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.grid import Space, add_grid_probe, attempt, factor
from grader.probes.tensors import from_config, to_numpy

EXERCISE = "CategoricalCrossentropy"
BATCH = 6
probes = register(ProbeSet(EXERCISE))

# The declared space: both input kinds, no smoothing and two strengths, several class counts, and data that
# tests the numerics (saturated predictions, probabilities that do not sum to 1 or logits far from 0).
SPACE = Space((
    factor("input", ("from_logits=False", False), ("from_logits=True", True)),
    factor("label_smoothing", ("label_smoothing=0.0", 0.0), ("label_smoothing=0.1", 0.1), ("label_smoothing=0.3", 0.3)),
    factor("classes", ("K=4", 4), ("K=3", 3), ("K=10", 10)),
    factor("data", ("moderate predictions", "moderate"), ("saturated predictions", "saturated"),
           ("unnormalized predictions", "unnormalized")),
))


def predictions(rng: np.random.Generator, classes: int, logits: bool, data: str) -> np.ndarray:
    """What the loss is called on: logits, or probabilities made from them with numpy (never a Keras softmax,
    whose output would carry its logits along)."""
    z = rng.normal(0.0, 1.0, (BATCH, classes))
    if data == "saturated":
        z = z * 25.0  # probabilities at 0 and 1 up to float32 rounding
    if logits:
        return (z + (100.0 if data == "unnormalized" else 0.0)).astype(np.float32)  # exp() of these overflows float32
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return (p * (2.5 if data == "unnormalized" else 1.0)).astype(np.float32)


def labels(rng: np.random.Generator, classes: int) -> np.ndarray:
    return np.eye(classes, dtype=np.float32)[rng.integers(0, classes, BATCH)]


def _per_sample(ctx: ProbeContext, values: dict[str, Any], rng: np.random.Generator) -> dict:
    logits, ls, classes = values["input"], values["label_smoothing"], values["classes"]
    y, p = labels(rng, classes), predictions(rng, classes, logits, values["data"])

    def losses() -> dict:
        loss = ctx.cls(from_logits=logits, label_smoothing=ls, reduction=None)
        return {"values": to_numpy(loss(ctx.tf.constant(y), ctx.tf.constant(p)), f"{EXERCISE}(reduction=None)")}

    def gradient() -> dict:
        loss = ctx.cls(from_logits=logits, label_smoothing=ls)
        t = ctx.tf.constant(p)
        with ctx.tf.GradientTape() as tape:
            tape.watch(t)
            value = loss(ctx.tf.constant(y), t)
        grad = tape.gradient(value, t)
        if grad is None:
            raise ProbeFailure("the gradient w.r.t. the predictions is None: the loss does not depend on y_pred "
                               "through TensorFlow operations (numpy or float() breaks the chain)")
        return {"grad": to_numpy(grad, "the gradient w.r.t. the predictions")}

    return {"y": y, "p": p, "loss": attempt(ctx, losses), "grad": attempt(ctx, gradient)}


add_grid_probe(probes, "grid", SPACE, _per_sample)


@probes.add("reduction")
def reduction(ctx: ProbeContext) -> dict:
    """The base class's reductions and sample weights on a plain case."""
    y, p = labels(ctx.rng, 5), predictions(ctx.rng, 5, False, "moderate")
    weights = ctx.rng.uniform(0.2, 2.0, BATCH).astype(np.float32)
    tf = ctx.tf
    out = {}
    for name, kwargs in (("default", {}), ("sum", {"reduction": "sum"}), ("none", {"reduction": None})):
        out[name] = to_numpy(ctx.cls(label_smoothing=0.2, **kwargs)(tf.constant(y), tf.constant(p)),
                             f"{EXERCISE}(label_smoothing=0.2{', reduction=' + repr(kwargs['reduction']) if kwargs else ''})")
    out["weighted"] = to_numpy(ctx.cls(label_smoothing=0.2)(tf.constant(y), tf.constant(p), sample_weight=tf.constant(weights)),
                               f"{EXERCISE}(label_smoothing=0.2) with sample_weight")
    return out


# BEGIN HIDDEN
KWARGS = {"from_logits": True, "label_smoothing": 0.15, "name": "smoothed"}


@probes.add("config")
def config(ctx: ProbeContext) -> dict:
    loss = ctx.cls(**KWARGS)
    cfg = loss.get_config()
    if not isinstance(cfg, dict):
        raise ProbeFailure(f"{EXERCISE}.get_config returned a {type(cfg).__name__} instead of a dict")
    clone = from_config(ctx.cls, cfg, EXERCISE)
    y, z = labels(ctx.rng, 4), predictions(ctx.rng, 4, True, "moderate")
    t = ctx.tf.constant
    return {"config": {k: (v if isinstance(v, (bool, int, float, str, type(None))) else repr(v)) for k, v in cfg.items()},
            "value": to_numpy(loss(t(y), t(z)), EXERCISE), "clone": to_numpy(clone(t(y), t(z)), f"{EXERCISE}.from_config(...)")}


@probes.add("graph")
def graph(ctx: ProbeContext) -> dict:
    """The same values inside tf.function, with an unknown batch size."""
    tf = ctx.tf
    y, z = labels(ctx.rng, 4), predictions(ctx.rng, 4, True, "moderate")
    loss = ctx.cls(from_logits=True, label_smoothing=0.2, reduction=None)
    spec = tf.TensorSpec((None, 4), tf.float32)
    traced = tf.function(lambda a, b: loss(a, b), input_signature=[spec, spec])
    return {"eager": to_numpy(loss(tf.constant(y), tf.constant(z)), EXERCISE),
            "traced": to_numpy(traced(tf.constant(y), tf.constant(z)), f"{EXERCISE} inside tf.function")}


@probes.add("model")
def model(ctx: ProbeContext) -> dict:
    """The loss compiled into a model: one training step and an evaluation, weights fixed by the probe."""
    keras = ctx.keras
    net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    net.set_weights([ctx.rng.normal(0, 0.5, (4, 3)).astype(np.float32), np.zeros(3, np.float32)])
    net.compile(optimizer=keras.optimizers.SGD(0.1), loss=ctx.cls(from_logits=True, label_smoothing=0.1),
                run_eagerly=True)
    x = ctx.rng.normal(0, 1, (8, 4)).astype(np.float32)
    y = np.eye(3, dtype=np.float32)[ctx.rng.integers(0, 3, 8)]
    evaluated = net.test_on_batch(x, y)
    trained = net.train_on_batch(x, y)
    return {"evaluate": np.float64(evaluated), "train": np.float64(trained),
            "kernel": to_numpy(net.layers[0].kernel, "the kernel after one step")}
# END HIDDEN
