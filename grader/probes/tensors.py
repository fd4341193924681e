"""Helpers the probes share: turning the student's return values into numpy, gradients, weights."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure


def to_numpy(value: Any, what: str) -> np.ndarray:
    """``value`` as a numpy array, or a ProbeFailure that says what came back instead."""
    if value is None:
        raise ProbeFailure(f"{what} returned None instead of a tensor: is a `return` missing?")
    if isinstance(value, (list, tuple, dict, str)):
        raise ProbeFailure(f"{what} returned a {type(value).__name__} instead of a tensor")
    try:
        array = np.asarray(value.numpy() if hasattr(value, "numpy") else value)
    except Exception as exc:  # noqa: BLE001
        raise ProbeFailure(f"{what} returned a {type(value).__name__} that cannot be read as numbers: {exc}") from exc
    if array.dtype == object:
        raise ProbeFailure(f"{what} returned a {type(value).__name__} that cannot be read as numbers")
    return array


def gradient(ctx: ProbeContext, tape: Any, target: Any, sources: dict[str, Any], upstream: np.ndarray) -> dict[str, Any]:
    """``{"d<name>": gradient}`` of ``target`` under a given upstream gradient; None where none flows."""
    names = list(sources)
    grads = tape.gradient(target, [sources[n] for n in names], output_gradients=ctx.tf.constant(upstream))
    return {f"d{n}": (None if g is None else to_numpy(ctx.tf.convert_to_tensor(g), f"the gradient w.r.t. {n}"))
            for n, g in zip(names, grads)}


def call_text(name: str, kwargs: dict[str, Any]) -> str:
    """How a constructor call reads in feedback: ``Scale(factor=0.3, seed=7)``."""
    return f"{name}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})"


def seeded_runs(make_layer: Any, inputs: Any, what: str) -> list[list[np.ndarray]]:
    """Two training calls on each of two new layers made alike: what a fixed seed must reproduce."""
    runs = []
    for _ in range(2):
        layer = make_layer()
        runs.append([to_numpy(layer(inputs, training=True), what) for _ in range(2)])
    return runs


def weight(layer: Any, name: str, cls_name: str) -> Any:
    """The layer's weight attribute ``name`` (Keras's own weight names), or a ProbeFailure naming it."""
    value = getattr(layer, name, None)
    if value is not None and not hasattr(value, "assign"):
        raise ProbeFailure(
            f"{cls_name}.{name} is a {type(value).__name__} after a call, no longer a weight: `self.{name} = ...` "
            f"replaced the variable. Update it in place with self.{name}.assign(...), as Keras does"
        )
    if value is None:
        raise ProbeFailure(
            f"{cls_name} has no weight `self.{name}` after build(): create it in build() with "
            f"self.add_weight(name={name!r}, ...) as Keras does"
        )
    return value


def build(layer: Any, shape: tuple[int, ...]) -> None:
    layer.build(tuple(shape))


def weight_flags(layer: Any) -> dict[str, Any]:
    """Name, shape and trainability of the layer's weights, as Keras reports them."""
    flags = {}
    for w in layer.weights:
        name = str(getattr(w, "name", "")).split("/")[-1].split(":")[0]
        flags[name] = {"shape": [int(d) for d in w.shape], "trainable": bool(w.trainable)}
    return flags


def _plain_value(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_plain_value(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_plain_value(v) for v in value)
    return value is None or isinstance(value, (bool, int, float, str))


def from_config(cls: type, config: dict, exercise: str) -> Any:
    """``cls.from_config(config)``; when it raises and the config holds something other than plain Python
    values (a tensor, a numpy number), that is said first: a saved model keeps its config as JSON."""
    odd = {str(k): type(v).__name__ for k, v in config.items() if not _plain_value(v)}
    try:
        return cls.from_config(config)
    except Exception as exc:  # noqa: BLE001 - explained, with the original chained
        if not odd:
            raise
        kinds = ", ".join(f"{k} as a {t}" for k, t in odd.items())
        raise ProbeFailure(f"{exercise}.get_config() returned {kinds}, not a plain Python value, and from_config "
                           f"failed on it ({type(exc).__name__}: {str(exc)[:200]}). A saved model keeps its config as "
                           "JSON: return plain numbers (float(...)), strings and lists.") from exc
