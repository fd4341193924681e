"""Probes of the regularizers L1, L2 and L1L2."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.tensors import to_numpy

# Constructor arguments each exercise is probed with; {} checks Keras's defaults.
CASES: dict[str, list[dict[str, float]]] = {
    "L1": [{"l1": 0.03}, {}],
    "L2": [{"l2": 0.02}, {}],
    "L1L2": [{"l1": 0.03, "l2": 0.02}, {"l1": 0.03}, {"l2": 0.02}, {}],
}
WEIGHT_SHAPE = (6, 5)


def weights(rng: np.random.Generator) -> np.ndarray:
    """A matrix with negatives and exact zeros, where |x| and sqrt(x^2) part ways."""
    w = rng.normal(0.0, 1.0, WEIGHT_SHAPE).astype(np.float32)
    w[::2, ::2] = 0.0
    return w


def _kind(value: Any, ctx: ProbeContext) -> str:
    if ctx.tf.is_tensor(value) or isinstance(value, ctx.keras.Variable):
        return "tensor"
    return f"{type(value).__module__}.{type(value).__name__}"


def _call(reg: Any, x: Any, name: str) -> Any:
    value = reg(x)
    if value is None:
        raise ProbeFailure(f"{name}.__call__ returned None instead of the penalty: is a `return` missing?")
    return value


def _make(exercise: str) -> ProbeSet:
    probes = register(ProbeSet(exercise))

    @probes.add("value")
    def value(ctx: ProbeContext) -> dict:
        w = weights(ctx.rng)
        cases = []
        for kwargs in CASES[exercise]:
            out = _call(ctx.cls(**kwargs), ctx.tf.constant(w), exercise)
            array = to_numpy(out, f"{exercise}.__call__")
            cases.append({"kwargs": kwargs, "value": array, "kind": _kind(out, ctx), "dtype": str(array.dtype)})
        return {"weights": w, "cases": cases}

    # BEGIN HIDDEN
    @probes.add("gradient")
    def gradient(ctx: ProbeContext) -> dict:
        w = weights(ctx.rng)
        cases = []
        for kwargs in CASES[exercise]:
            var = ctx.tf.Variable(w)
            with ctx.tf.GradientTape() as tape:
                out = _call(ctx.cls(**kwargs), var, exercise)
                total = ctx.tf.reduce_sum(ctx.tf.convert_to_tensor(out))
            grad = tape.gradient(total, var)
            cases.append({"kwargs": kwargs, "grad": None if grad is None else to_numpy(grad, "the gradient")})
        return {"weights": w, "cases": cases}

    @probes.add("float64")
    def float64(ctx: ProbeContext) -> dict:
        w = weights(ctx.rng).astype(np.float64)
        out = _call(ctx.cls(**CASES[exercise][0]), ctx.tf.constant(w), exercise)
        return {"dtype": str(to_numpy(out, f"{exercise}.__call__").dtype), "kind": _kind(out, ctx)}

    @probes.add("config")
    def config(ctx: ProbeContext) -> dict:
        w = weights(ctx.rng)
        kwargs = CASES[exercise][0]
        reg = ctx.cls(**kwargs)
        cfg = reg.get_config()
        if not isinstance(cfg, dict):
            raise ProbeFailure(f"{exercise}.get_config returned a {type(cfg).__name__} instead of a dict")
        clone = ctx.cls.from_config(cfg)
        return {
            "config": {str(k): v if isinstance(v, (int, float, str, bool, type(None))) else repr(v) for k, v in cfg.items()},
            "original": to_numpy(_call(reg, ctx.tf.constant(w), exercise), exercise),
            "clone": to_numpy(_call(clone, ctx.tf.constant(w), exercise), f"{exercise}.from_config(...)"),
        }
    # END HIDDEN

    return probes



# BEGIN HIDDEN
def _add_dense_probe(probes: ProbeSet) -> None:
    exercise = probes.exercise

    @probes.add("dense")
    def dense(ctx: ProbeContext) -> dict:
        keras = ctx.keras
        kernel = ctx.rng.normal(0, 1, (4, 3)).astype(np.float32)
        kernel[0, 0] = 0.0
        layer = keras.layers.Dense(3, kernel_regularizer=ctx.cls(**CASES[exercise][0]),
                                   kernel_initializer=keras.initializers.Constant(kernel))
        model = keras.Sequential([keras.Input((4,)), layer])
        x = ctx.rng.normal(0, 1, (32, 4)).astype(np.float32)
        y = ctx.rng.normal(0, 1, (32, 3)).astype(np.float32)
        model(x)
        losses = [to_numpy(loss, f"{exercise} inside model.losses") for loss in model.losses]
        model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse", jit_compile=False, run_eagerly=True)
        fit_loss = model.train_on_batch(x, y)  # one eager step: fit would add a tf.data pipeline
        trained = [to_numpy(loss, f"{exercise} inside model.losses") for loss in model.losses]
        path = ctx.scratch / f"{exercise}.keras"
        model.save(path)
        loaded = keras.models.load_model(path, custom_objects={exercise: ctx.cls}, safe_mode=True)
        return {"kernel": kernel, "losses": losses, "fit_loss": np.asarray([fit_loss], dtype=np.float64),
                "trained_losses": trained,
                "loaded_losses": [to_numpy(loss, "model.losses after loading") for loss in loaded.losses],
                "loaded_regularizer": type(loaded.layers[0].kernel_regularizer).__name__}
# END HIDDEN


for _name in CASES:
    _probes = _make(_name)
    # BEGIN HIDDEN
    _add_dense_probe(_probes)
    # END HIDDEN
