"""Probes of the Keras layer contract, shared by every layer exercise of any pack.

Each pack passes its layer's constructor arguments (non-default values, so a config that drops one
shows) and the arguments that must raise ValueError.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet
from grader.probes.tensors import from_config, to_numpy
from grader.settings import SUBMISSION_MOUNT

FEATURES = 6
"""The layer's input width in every contract probe."""
_STATS = ("moving_mean", "moving_variance")
# BEGIN HIDDEN
# Keras's own layer arguments, which reach the base Layer only through super().__init__(**kwargs).
BASE_KWARGS = {"name": "checked_layer", "dtype": "float64"}
# END HIDDEN


def _plain(value: Any) -> Any:
    """A config value as JSON-ready data; tuples become lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def _shape(shape: Any) -> list:
    return [None if d is None else int(d) for d in tuple(shape)]


def _stat_values(layer) -> dict:
    return {n: to_numpy(getattr(layer, n), n) for n in _STATS if getattr(layer, n, None) is not None}


def add_contract_probes(probes: ProbeSet, kwargs: dict[str, Any], invalid: list[dict[str, Any]] = ()) -> None:
    """``kwargs``: constructor arguments with non-default values; ``invalid``: argument sets the skeleton says
    must raise ValueError (a case counts only where the reference raises it)."""
    # BEGIN HIDDEN
    add_mixed_precision_probe(probes, kwargs)
    # END HIDDEN
    exercise = probes.exercise

    @probes.add("config")
    def config(ctx: ProbeContext) -> dict:
        layer = ctx.cls(**kwargs)
        cfg = layer.get_config()
        if not isinstance(cfg, dict):
            raise ProbeFailure(f"{exercise}.get_config returned a {type(cfg).__name__} instead of a dict")
        clone = from_config(ctx.cls, cfg, exercise)
        x = ctx.rng.normal(0, 1, (5, FEATURES)).astype(np.float32)
        return {"config": _plain(cfg), "clone_config": _plain(clone.get_config()),
                "y": to_numpy(layer(ctx.tf.constant(x)), f"{exercise}.call"),
                "clone_y": to_numpy(clone(ctx.tf.constant(x)), f"{exercise}.from_config(...).call")}

    # BEGIN HIDDEN
    @probes.add("symbolic")
    def symbolic(ctx: ProbeContext) -> dict:
        layer = ctx.cls(**kwargs)
        out = layer(ctx.keras.Input((FEATURES,)))
        return {"output_shape": _shape(out.shape)}

    @probes.add("output_shape")
    def output_shape(ctx: ProbeContext) -> dict:
        return {"computed_shape": _shape(ctx.cls(**kwargs).compute_output_shape((None, FEATURES)))}

    @probes.add("base_kwargs")
    def base_kwargs(ctx: ProbeContext) -> dict:
        layer = ctx.cls(**kwargs, **BASE_KWARGS)
        policy = getattr(layer, "dtype_policy", None)
        return {"name": str(layer.name), "dtype": str(getattr(policy, "name", policy))}

    @probes.add("validation")
    def validation(ctx: ProbeContext) -> dict:
        raised = []
        for case in invalid:
            try:
                ctx.cls(**case)
                raised.append(None)
            except Exception as exc:  # noqa: BLE001 - which exception is the observation
                raised.append(type(exc).__name__)
        return {"raised": raised}

    @probes.add("unknown_batch")
    def unknown_batch(ctx: ProbeContext) -> dict:
        layer = ctx.cls(**kwargs)
        spec = ctx.tf.TensorSpec((None, FEATURES), ctx.tf.float32)
        step = ctx.tf.function(lambda t: layer(t, training=True), input_signature=[spec])
        x = ctx.rng.normal(0, 1, (5, FEATURES)).astype(np.float32)
        try:
            y = step(ctx.tf.constant(x))
        except Exception as exc:  # noqa: BLE001 - reported with the likely cause
            # TensorFlow's message is a traceback of the traced code: keep the student's line and the error.
            text = str(exc).split("\n\nArguments received by", 1)[0]
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            places = re.findall(rf'File "{re.escape(SUBMISSION_MOUNT)}/([^"]+)", line (\d+)', text)
            where = f"{places[-1][0]}, line {places[-1][1]}" if places else Path(str(ctx.module.__file__)).name
            raise ProbeFailure(
                f"Inside tf.function with an unknown batch size (as model.fit traces a last, smaller batch), "
                f"{exercise}.call raised {type(exc).__name__} ({where}): {(lines[-1] if lines else type(exc).__name__)[:300]} "
                "A shape with None in it cannot make a tensor: take the shape from keras.ops.shape(inputs) "
                "(dynamic), not inputs.shape.") from exc
        return {"y": to_numpy(y, f"{exercise}.call inside tf.function with an unknown batch size")}

    @probes.add("model")
    def model(ctx: ProbeContext) -> dict:
        keras = ctx.keras
        layer = ctx.cls(**kwargs)
        net = keras.Sequential([keras.Input((FEATURES,)), keras.layers.Dense(FEATURES), layer, keras.layers.Dense(2)])
        # Eager, one batch: tracing train/test functions triples the cost of these steps, and fit/evaluate
        # would add a tf.data pipeline per call. Graph mode is probed separately with tf.function.
        net.compile(optimizer="sgd", loss="mse", jit_compile=False, run_eagerly=True)  # learning rate 0.01
        x = ctx.rng.normal(0, 1, (64, FEATURES)).astype(np.float32)
        y = ctx.rng.normal(0, 1, (64, 2)).astype(np.float32)
        initial = _stat_values(layer)
        loss = net.train_on_batch(x, y)
        after_fit = _stat_values(layer)
        if initial:  # only layers with moving statistics can show what evaluation must not change
            net.test_on_batch(x, y)
        after_evaluate = _stat_values(layer)
        predicted = to_numpy(net(ctx.tf.constant(x), training=False), "the model's prediction")
        path = ctx.scratch / f"{exercise}.keras"
        net.save(path)
        loaded = keras.models.load_model(path, custom_objects={ctx.cls.__name__: ctx.cls}, safe_mode=True, compile=False)
        return {"losses": np.asarray([loss], dtype=np.float64), "initial": initial,
                "after_fit": after_fit, "after_evaluate": after_evaluate, "predicted": predicted,
                "reloaded": to_numpy(loaded(ctx.tf.constant(x), training=False), "the reloaded model's prediction"),
                "reloaded_class": type(loaded.layers[1]).__name__}
    # END HIDDEN


# BEGIN HIDDEN
def add_mixed_precision_probe(probes: ProbeSet, kwargs: dict[str, Any]) -> None:
    exercise = probes.exercise

    @probes.add("mixed_precision")
    def mixed_precision(ctx: ProbeContext) -> dict:
        layer = ctx.cls(**kwargs, dtype="mixed_float16")
        x = ctx.rng.normal(0, 1, (8, FEATURES)).astype(np.float16)
        y = layer(ctx.tf.constant(x), training=True)
        return {"dtype": str(to_numpy(y, f"{exercise}.call under mixed_float16").dtype), "y": to_numpy(y, exercise)}
# END HIDDEN
