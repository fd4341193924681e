"""Probes of the regularizers L1, L2 and L1L2."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.tensors import from_config, to_numpy
# BEGIN HIDDEN
from grader.probes.grid import DTYPES, Factor, Space, add_grid_probe, attempt, factor
# END HIDDEN

# Constructor arguments each exercise is probed with; {} checks Keras's defaults.
CASES: dict[str, list[dict[str, float]]] = {
    "L1": [{"l1": 0.03}, {}],
    "L2": [{"l2": 0.02}, {}],
    "L1L2": [{"l1": 0.03, "l2": 0.02}, {"l1": 0.03}, {"l2": 0.02}, {}],
}
WEIGHT_SHAPE = (6, 5)
# BEGIN HIDDEN
_SHAPES = factor("weights", ("weights of shape (6, 5)", (6, 5)), ("weights of shape (7,)", (7,)),
                 ("weights of shape (3, 3, 2, 4)", (3, 3, 2, 4)), ("a scalar weight, shape ()", ()))
_DATA = factor("data", ("N(0, 1) with exact zeros", "zeros"), ("all negative", "negative"), ("magnitude 100", "large"))


def _arguments(*cases: dict) -> Factor:
    return factor("arguments", *((", ".join(f"{k}={v!r}" for k, v in c.items()) or "default arguments", c) for c in cases))


# The declared space: every shape a weight takes, both float dtypes, 0 and None as Keras reads them.
SPACES = {
    "L1": Space((_SHAPES, DTYPES, _DATA, _arguments({"l1": 0.03}, {}, {"l1": 0.0}, {"l1": None}, {"l1": 1.5}))),
    "L2": Space((_SHAPES, DTYPES, _DATA, _arguments({"l2": 0.02}, {}, {"l2": 0.0}, {"l2": None}, {"l2": 1.5}))),
    "L1L2": Space((_SHAPES, DTYPES, _DATA, _arguments(
        {"l1": 0.03, "l2": 0.02}, {}, {"l1": 0.03}, {"l2": 0.02}, {"l1": None, "l2": 0.5}, {"l1": 0.0, "l2": 0.0}))),
}


def _draw(rng: np.random.Generator, shape: tuple[int, ...], regime: str, dtype: str) -> np.ndarray:
    w = rng.normal(0.0, 1.0, shape)
    if regime == "zeros" and w.size > 1:
        w.flat[::3] = 0.0
    elif regime == "negative":
        w = -np.abs(w) - 0.1
    elif regime == "large":
        w = 100.0 * w
    return np.asarray(w, dtype=dtype)


def _configuration(exercise: str):
    def run(ctx: ProbeContext, values: dict, rng: np.random.Generator) -> dict:
        w = _draw(rng, values["weights"], values["data"], values["dtype"])
        reg = ctx.cls(**values["arguments"])
        var = ctx.tf.Variable(w)
        case = {"weights": w, "kwargs": values["arguments"]}
        taped = {}

        def value() -> dict:
            with ctx.tf.GradientTape() as tape:
                out = _call(reg, var, exercise)
                total = ctx.tf.reduce_sum(ctx.tf.convert_to_tensor(out))
            taped.update(tape=tape, total=total)
            array = to_numpy(out, f"{exercise}.__call__")
            return {"value": array, "kind": _kind(out, ctx), "dtype": str(array.dtype)}

        def grad() -> dict:
            if "tape" not in taped:
                raise RuntimeError("the penalty raised, so there is no gradient to take")
            g = taped["tape"].gradient(taped["total"], var)
            return {"grad": None if g is None else to_numpy(g, "the gradient")}

        case["value"] = attempt(ctx, value)
        case["grad"] = attempt(ctx, grad)
        return case

    return run
# END HIDDEN


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
    add_grid_probe(probes, "grid", SPACES[exercise], _configuration(exercise))

    @probes.add("config")
    def config(ctx: ProbeContext) -> dict:
        w = weights(ctx.rng)
        kwargs = CASES[exercise][0]
        reg = ctx.cls(**kwargs)
        cfg = reg.get_config()
        if not isinstance(cfg, dict):
            raise ProbeFailure(f"{exercise}.get_config returned a {type(cfg).__name__} instead of a dict")
        clone = from_config(ctx.cls, cfg, exercise)
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
        loaded = keras.models.load_model(path, custom_objects={exercise: ctx.cls}, safe_mode=True, compile=False)
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
