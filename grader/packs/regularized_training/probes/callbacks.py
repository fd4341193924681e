"""Probes of EarlyStopping: the callback is driven by a script, not by training.

A scripted driver plays `fit`'s part: a tiny model whose one weight is set to the epoch index before each
`on_epoch_end`, and a monitored value taken from a fixed sequence. Which epoch ran last, what the callback
recorded (`stopped_epoch`, `best`, `best_epoch`, `wait`) and the final weight (which epoch's weights were
restored) are then exact numbers, with no noise to allow for. Each case catches its own exceptions, so one
crash does not hide the other cases. Values stay at least 1e-3 away from a `min_delta` boundary (Keras
compares in float32) except where a case tests exact equality with binary fractions.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, NamedTuple

import numpy as np

from grader.probes import ProbeContext, ProbeSet, register

probes = register(ProbeSet("EarlyStopping"))

NAN = math.nan
MISSING = "<missing>"
"""How an attribute the callback does not have is recorded."""


class Case(NamedTuple):
    """One scripted run (or several `fit` calls with the same instance): the constructor's arguments, the
    monitored values of each run, and the key of `logs` they are given under (the monitor, unless the case
    leaves it out)."""

    kwargs: dict[str, Any]
    runs: tuple[tuple[float, ...], ...]
    key: str = ""

    @property
    def monitor(self) -> str:
        return self.kwargs.get("monitor", "val_loss")

    @property
    def logged(self) -> str:
        return self.key or self.monitor


def case(values: tuple[float, ...], key: str = "", **kwargs: Any) -> Case:
    return Case(kwargs, (tuple(values),), key)


# The public cases: patience, equality, modes and restore_best_weights.
PATIENCE = {
    "patience=0": case((1.0, 0.9, 0.95, 0.8, 0.7), patience=0),
    "patience=1": case((1.0, 0.9, 0.8, 0.85, 0.7, 0.6), patience=1),
    "patience=2": case((1.0, 0.9, 0.95, 0.91, 0.92, 0.8), patience=2),
    "patience=3 with a new best in between": case((1.0, 0.9, 0.95, 0.92, 0.85, 0.9, 0.88, 0.87, 0.7), patience=3),
    "patience=5 never reached": case((1.0, 0.9, 0.95, 0.97, 0.93), patience=5),
}
EQUAL = {
    "equal values, mode auto": case((1.0, 0.9, 0.9, 0.9, 0.95), patience=1),
    "equal values, mode max": case((0.5, 0.6, 0.6, 0.6, 0.55), monitor="val_accuracy", mode="max", patience=1),
}
MODES = {
    "max": case((0.5, 0.6, 0.55, 0.7), monitor="val_accuracy", mode="max", patience=1),
    "min on an accuracy": case((0.5, 0.4, 0.45, 0.3), monitor="val_accuracy", mode="min", patience=1),
    "max on a loss": case((1.0, 1.2, 1.1, 1.3), monitor="val_loss", mode="max", patience=1),
    "auto on loss": case((1.0, 0.8, 0.9, 0.7), monitor="loss", patience=1),
    "auto on val_loss": case((1.0, 0.8, 0.85, 0.9, 0.7), monitor="val_loss", mode="auto", patience=2),
}
RESTORE = {
    "restore, early stop": case((1.0, 0.5, 0.7, 0.8, 0.3), patience=2, restore_best_weights=True),
    "restore, no early stop": case((1.0, 0.5, 0.7, 0.8), patience=9, restore_best_weights=True),
    "restore, best at epoch 0": case((0.5, 0.6, 0.7, 0.4), patience=2, restore_best_weights=True),
    "no restore": case((1.0, 0.5, 0.7, 0.8), patience=2, restore_best_weights=False),
}
PUBLIC_CASES = {**PATIENCE, **EQUAL, **MODES, **RESTORE}
# BEGIN HIDDEN
MIN_DELTA = {
    "min_delta=0.05": case((1.0, 0.97, 0.96, 0.9, 0.5), min_delta=0.05, patience=2),
    "min_delta=0.05, worse within the margin": case((1.0, 1.02, 1.01, 0.5), min_delta=0.05, patience=2),
    "min_delta=0.05, mode max": case((0.5, 0.53, 0.6, 0.62, 0.63, 0.7), monitor="val_accuracy", mode="max",
                                     min_delta=0.05, patience=2),
    "min_delta=-0.05": case((1.0, 0.97, 0.96, 0.9, 0.5), min_delta=-0.05, patience=2),
    "min_delta=-0.05, worse within the margin": case((1.0, 1.02, 1.01, 0.5), min_delta=-0.05, patience=2),
    "a change of exactly min_delta": case((1.0, 0.75, 0.5, 0.25), min_delta=0.25, patience=1),
    "min_delta=0.05, mode max on a loss": case((1.0, 1.04, 1.1, 1.12, 1.13), monitor="val_loss", mode="max",
                                               min_delta=0.05, patience=2),
}
BASELINE = {
    "baseline, flat": case((0.9, 0.9, 0.9, 0.9, 0.9), baseline=0.5, patience=2),
    "baseline, improving but never beaten": case((0.9, 0.8, 0.7, 0.6, 0.55, 0.52), baseline=0.5, patience=2),
    "baseline, beaten": case((0.9, 0.8, 0.45, 0.47, 0.48, 0.49), baseline=0.5, patience=2),
    "baseline, a worse epoch then a new best": case((0.9, 0.95, 0.8, 0.85, 0.86, 0.87), baseline=0.5, patience=3),
    "baseline, mode max": case((0.5, 0.6, 0.6, 0.6, 0.55), monitor="val_accuracy", mode="max", baseline=0.8,
                               patience=2),
}
START = {
    "start_from_epoch=2": case((0.5, 0.4, 1.0, 1.1, 0.9, 0.95), start_from_epoch=2, patience=1),
    "start_from_epoch=3, restore": case((0.1, 0.2, 0.3, 1.0, 1.1, 1.2, 0.5), start_from_epoch=3, patience=2,
                                        restore_best_weights=True),
    "start_from_epoch past the run": case((1.0, 1.1, 1.2), start_from_epoch=10, patience=0,
                                          restore_best_weights=True),
}
ABSENT = {
    "monitor missing from logs": case((1.0, 1.1, 1.2, 1.3), key="loss", monitor="val_loss", patience=0,
                                      restore_best_weights=True),
}
NAN_CASES = {
    "NaN after a first value": case((1.0, NAN, NAN, 0.5), patience=2),
    "NaN first": case((NAN, 1.0, 0.9, 0.8), patience=2),
}
REUSE = {
    "one instance, two runs": Case({"patience": 1, "restore_best_weights": True},
                                   ((1.0, 0.9, 0.95), (2.0, 1.9, 1.8))),
}
# "auto" on val_accuracy runs on a model compiled with an accuracy metric and trained one batch: there the
# docstring's rule (a name with "acc" is maximized) and Keras's (the compiled metric's direction) agree.
OTHER_MODES = {
    "auto on val_accuracy": case((0.5, 0.6, 0.55, 0.7), monitor="val_accuracy", patience=1),
    "auto on val_accuracy, min_delta": case((0.5, 0.52, 0.6, 0.57, 0.58), monitor="val_accuracy", min_delta=0.01,
                                            patience=2),
    "an unknown mode": case((1.0, 0.8, 0.9, 0.7), monitor="val_loss", mode="bogus", patience=1),
}
HIDDEN_CASES = {**MIN_DELTA, **BASELINE, **START, **ABSENT, **NAN_CASES, **REUSE, **OTHER_MODES}

# model.fit with a scripting callback placed before the student's: it overwrites logs[monitor] with the scripted
# value and sets the weight to the epoch index (SGD(0.0) leaves it there).
FITS = {
    "fit, val_loss": case((1.0, 0.6, 0.7, 0.8, 0.5, 0.4), patience=2, restore_best_weights=True),
}
# END HIDDEN


def _number(value: Any) -> Any:
    """A recorded attribute as plain data: None, a float, or the text of whatever else it is."""
    if value is None or isinstance(value, str):
        return value
    try:
        array = np.asarray(value.numpy() if hasattr(value, "numpy") else value, dtype=np.float64)
    except Exception:  # noqa: BLE001 - an odd attribute is an observation, not a crash
        return repr(value)[:60]
    return float(array) if array.shape == () else repr(value)[:60]


def _attribute(callback: Any, name: str) -> Any:
    try:
        value = getattr(callback, name, MISSING)
    except Exception:  # noqa: BLE001 - a property of the student's that raises
        return MISSING
    return value if value is MISSING else _number(value)


def _state(callback: Any) -> dict[str, Any]:
    return {name: _attribute(callback, name) for name in ("stopped_epoch", "best", "best_epoch", "wait")}


def _weight(model: Any) -> float:
    return float(np.asarray(model.get_weights()[0]).reshape(-1)[0])


def _set_weight(model: Any, epoch: int) -> None:
    model.set_weights([np.array([[float(epoch)]], dtype=np.float32)])


def _warning_texts(caught: list) -> list[str]:
    return [str(w.message)[:200] for w in caught if not issubclass(w.category, (DeprecationWarning,
                                                                              PendingDeprecationWarning))]


def _error(ctx: ProbeContext, exc: BaseException, epoch: int | None) -> dict[str, Any]:
    summary = ctx.explain(exc)
    return {key: summary.get(key) for key in ("type", "message", "where", "probe_failure")} | {"epoch": epoch}


def _model(ctx: ProbeContext) -> Any:
    keras = ctx.keras
    return keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, use_bias=False)])


def drive(ctx: ProbeContext, spec: Case, model: Any) -> dict[str, Any]:
    """Every run of ``spec`` with one instance, as fit would call it; what the callback did in each."""
    out: dict[str, Any] = {"init_warnings": [], "runs": [], "error": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            callback = ctx.cls(**spec.kwargs)
        except Exception as exc:  # noqa: BLE001 - recorded: the other cases still run
            out["error"] = _error(ctx, exc, None)
            return out
        finally:
            out["init_warnings"] = _warning_texts(caught)
    for values in spec.runs:
        out["runs"].append(_run(ctx, callback, model, values, spec.logged))
        if out["runs"][-1]["error"] is not None:
            break
    return out


def _run(ctx: ProbeContext, callback: Any, model: Any, values: tuple[float, ...], key: str) -> dict[str, Any]:
    run: dict[str, Any] = {"epochs": 0, "trace": [], "warnings": [], "error": None, "stopped": False}
    epoch = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            _set_weight(model, 0)
            model.stop_training = False
            callback.set_model(model)
            callback.on_train_begin({})
            logs: dict[str, float] = {}
            for epoch, value in enumerate(values):
                _set_weight(model, epoch)
                logs = {key: float(value)}
                callback.on_epoch_end(epoch, logs)
                run["epochs"] = epoch + 1
                state = _state(callback)
                run["trace"].append([state["wait"], state["best"]])
                if model.stop_training:
                    run["stopped"] = True
                    break
            epoch = None
            callback.on_train_end(dict(logs))
        except Exception as exc:  # noqa: BLE001
            run["error"] = _error(ctx, exc, epoch)
        finally:
            run["warnings"] = _warning_texts(caught)
    run.update(_state(callback))
    run["weight"] = _weight(model)
    return run


def _construct(ctx: ProbeContext) -> None:
    """The constructor with its defaults, outside any guard: when it raises (the skeleton), every check fails
    with that one error."""
    ctx.cls()


@probes.add("scripted")
def scripted(ctx: ProbeContext) -> dict:
    _construct(ctx)
    model = _model(ctx)
    return {"cases": {name: drive(ctx, spec, model) for name, spec in PUBLIC_CASES.items()}}


# BEGIN HIDDEN
@probes.add("hidden")
def hidden(ctx: ProbeContext) -> dict:
    _construct(ctx)
    model = _model(ctx)
    model.compile(optimizer=ctx.keras.optimizers.SGD(0.0), loss="mse", metrics=["accuracy"], run_eagerly=True)
    x = np.ones((2, 1), dtype=np.float32)
    model.train_on_batch(x, x)  # builds the compiled accuracy metric, which Keras's "auto" looks up
    return {"cases": {name: drive(ctx, spec, model) for name, spec in HIDDEN_CASES.items()}}


def _fit(ctx: ProbeContext, spec: Case) -> dict[str, Any]:
    keras = ctx.keras
    values = spec.runs[0]
    key = spec.logged

    class Script(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs[key] = float(values[epoch])
            self.model.set_weights([np.array([[float(epoch)]], dtype=np.float32)])

    model = _model(ctx)
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse", run_eagerly=True)
    x = np.ones((2, 1), dtype=np.float32)
    y = np.ones((2, 1), dtype=np.float32)
    out: dict[str, Any] = {"epochs": None, "error": None, "warnings": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            callback = ctx.cls(**spec.kwargs)
            history = model.fit(x, y, batch_size=2, epochs=len(values), verbose=0, shuffle=False,
                                callbacks=[Script(), callback])
            out["epochs"] = len(history.history["loss"])
            out.update(_state(callback))
        except Exception as exc:  # noqa: BLE001
            out["error"] = _error(ctx, exc, None)
        finally:
            out["warnings"] = _warning_texts(caught)
    out["weight"] = _weight(model)
    return out


@probes.add("fit")
def fit(ctx: ProbeContext) -> dict:
    _construct(ctx)
    return {"cases": {name: _fit(ctx, spec) for name, spec in FITS.items()}}
# END HIDDEN
