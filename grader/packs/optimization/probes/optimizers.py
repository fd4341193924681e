"""Probes of SGD, Adagrad, RMSprop and Adam: trajectories under a fixed log of gradients.

Each optimizer updates three variables, of shapes (3,), (2, 2) and (3,), for STEPS calls of
`opt.apply(grads, variables)`, driven eagerly and inside `tf.function`, on a declared space of
hyper-parameters chosen to tell the formula variants apart (see the checks). Two variables of one shape
show slots shared between variables; named as two Dense layers' weights. The gradient log holds ordinary
gradients and tiny ones (1e-3, 1e-4 and 0), and two elements whose gradients stay small from the first
step on, where epsilon matters; it is a constant of this module, so the checks can replay it with numpy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.grid import Space, add_grid_probe, factor
from grader.probes.tensors import to_numpy

STEPS = 6
SHAPES = ((3,), (2, 2), (3,))
SCOPES = (("dense", "kernel"), ("dense", "bias"), ("dense_1", "kernel"))
SCHEDULE = "ExponentialDecay"


def _log() -> tuple[tuple[np.ndarray, ...], tuple[tuple[np.ndarray, ...], ...]]:
    """(initial values, gradients per step): float32, the same for every submission."""
    rng = np.random.default_rng(3)
    init = tuple(rng.uniform(-1.0, 1.0, shape).astype(np.float32) for shape in SHAPES)
    scale = (1.0, 1.0, 1e-3, 1e-4, 0.0, 0.5)  # ordinary, then tiny and zero, then ordinary again
    steps = []
    for t in range(STEPS):
        grads = [rng.normal(0.0, 1.0, shape) * scale[t] for shape in SHAPES]
        # Elements whose gradients stay small from the first step on: epsilon weighs there.
        grads[0][2] = np.sign(grads[0][2] or 1.0) * (3e-3, 1e-3, 1e-4, 0.0, 1e-4, 1e-3)[t]
        grads[1][1, 1] = np.sign(grads[1][1, 1] or 1.0) * (3e-3, 1e-4, 1e-3, 1e-4, 0.0, 1e-3)[t]
        steps.append(tuple(g.astype(np.float32) for g in grads))
    return init, tuple(steps)


INIT, GRADIENTS = _log()

EAGER, GRAPH = "eager", "graph"
MODE = factor("mode", ("apply() eagerly", EAGER), ("apply() inside tf.function", GRAPH))
MODE_LABELS = {level.value: level.label for level in MODE.levels}
DEFAULT = "default arguments"
# A schedule is written as (SCHEDULE, initial learning rate, decay_steps, decay_rate): data, not Keras.
HALVING = (SCHEDULE, 0.1, 1, 0.5)


def _space(arguments, traced: tuple[str, ...]) -> Space:
    """The hyper-parameters (constructor arguments) crossed with how apply() is driven; inside
    tf.function only for the levels named in ``traced`` (tracing costs more than the steps)."""
    values = [level.value for level in arguments.levels if level.label in traced]
    return Space((arguments, MODE), allowed=lambda v: v["mode"] == EAGER or v["arguments"] in values)


SPACES = {
    "SGD": _space(factor(
        "arguments",
        ("default arguments", {}),
        ("learning_rate=0.1", {"learning_rate": 0.1}),
        ("momentum=0.9", {"momentum": 0.9}),
        ("momentum=0.9, nesterov=True", {"momentum": 0.9, "nesterov": True}),
        ("learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9",
         {"learning_rate": HALVING, "momentum": 0.9}),
        ("momentum=0.9, weight_decay=0.1", {"momentum": 0.9, "weight_decay": 0.1}),
    ), (DEFAULT, "momentum=0.9, nesterov=True",
        "learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9")),
    "Adagrad": _space(factor(
        "arguments",
        ("default arguments", {}),
        ("learning_rate=0.1", {"learning_rate": 0.1}),
        ("learning_rate=0.1, initial_accumulator_value=0.5", {"learning_rate": 0.1, "initial_accumulator_value": 0.5}),
        ("learning_rate=0.1, epsilon=0.01", {"learning_rate": 0.1, "epsilon": 0.01}),
        ("learning_rate=0.1, weight_decay=0.1", {"learning_rate": 0.1, "weight_decay": 0.1}),
    ), (DEFAULT, "learning_rate=0.1, initial_accumulator_value=0.5")),
    "RMSprop": _space(factor(
        "arguments",
        ("default arguments", {}),
        ("learning_rate=0.01, rho=0.5", {"learning_rate": 0.01, "rho": 0.5}),
        ("learning_rate=0.01, momentum=0.9", {"learning_rate": 0.01, "momentum": 0.9}),
        ("learning_rate=0.01, centered=True", {"learning_rate": 0.01, "centered": True}),
        ("learning_rate=0.01, epsilon=0.01", {"learning_rate": 0.01, "epsilon": 0.01}),
        ("learning_rate=0.01, weight_decay=0.1", {"learning_rate": 0.01, "weight_decay": 0.1}),
        ("learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9",
         {"learning_rate": HALVING, "momentum": 0.9}),
    ), (DEFAULT, "learning_rate=0.01, centered=True")),
    "Adam": _space(factor(
        "arguments",
        ("default arguments", {}),
        ("learning_rate=0.01, beta_1=0.5, beta_2=0.9", {"learning_rate": 0.01, "beta_1": 0.5, "beta_2": 0.9}),
        ("learning_rate=0.01, epsilon=0.01", {"learning_rate": 0.01, "epsilon": 0.01}),
        ("learning_rate=0.01, beta_2=0.9, amsgrad=True", {"learning_rate": 0.01, "beta_2": 0.9, "amsgrad": True}),
        ("learning_rate=0.01, beta_2=0.9, weight_decay=0.1",
         {"learning_rate": 0.01, "beta_2": 0.9, "weight_decay": 0.1}),
    ), (DEFAULT, "learning_rate=0.01, beta_2=0.9, amsgrad=True")),
}


def arguments(ctx: ProbeContext, kwargs: dict) -> dict:
    """The constructor arguments, a schedule made a Keras schedule."""
    out = dict(kwargs)
    rate = out.get("learning_rate")
    if isinstance(rate, tuple) and rate[0] == SCHEDULE:
        out["learning_rate"] = ctx.keras.optimizers.schedules.ExponentialDecay(
            initial_learning_rate=rate[1], decay_steps=rate[2], decay_rate=rate[3])
    return out


def variables(ctx: ProbeContext) -> list[Any]:
    made = []
    for (scope, name), value in zip(SCOPES, INIT):
        with ctx.keras.name_scope(scope):
            made.append(ctx.keras.Variable(value.copy(), name=name))
    return made


def _slots(opt: Any) -> list[list[int]]:
    """The shapes of the optimizer's variables other than scalars (iterations, the learning rate)."""
    return [[int(d) for d in v.shape] for v in opt.variables if len(v.shape)]


def _iterations(opt: Any) -> int | None:
    try:
        return int(np.asarray(opt.iterations.numpy() if hasattr(opt.iterations, "numpy") else opt.iterations))
    except Exception:  # noqa: BLE001 - a replaced counter: the check says what it found
        return None


def run(ctx: ProbeContext, opt: Any, held: list[Any], traced: bool, steps: int = STEPS) -> list[np.ndarray]:
    """The values of ``held`` after each of ``steps`` apply() calls: one array (steps, *shape) per variable."""
    opt.build(held)

    def step(grads):
        opt.apply(grads, held)

    if traced:
        step = ctx.tf.function(step)
    values: list[list[np.ndarray]] = [[] for _ in held]
    for grads in GRADIENTS[:steps]:
        step([ctx.tf.constant(g) for g in grads])
        for seen, variable in zip(values, held):
            seen.append(to_numpy(variable, "a variable after apply()"))
    return [np.stack(seen) for seen in values]


def _trajectory(ctx: ProbeContext, values: dict[str, Any], rng: np.random.Generator) -> dict:
    held = variables(ctx)
    opt = ctx.cls(**arguments(ctx, values["arguments"]))
    trajectory = run(ctx, opt, held, values["mode"] == GRAPH)
    return {"trajectory": trajectory, "slots": _slots(opt), "iterations": _iterations(opt)}


PROBES = {name: register(ProbeSet(name)) for name in SPACES}
for _name, _probes in PROBES.items():
    add_grid_probe(_probes, "grid", SPACES[_name], _trajectory)


# BEGIN HIDDEN
# Non-default arguments of every kind (the base class's included) for the config round trip.
CONFIG_KWARGS = {
    "SGD": {"learning_rate": 0.05, "momentum": 0.7, "nesterov": True, "weight_decay": 0.01, "name": "my_sgd"},
    "Adagrad": {"learning_rate": 0.05, "initial_accumulator_value": 0.3, "epsilon": 0.001, "weight_decay": 0.01,
                "name": "my_adagrad"},
    "RMSprop": {"learning_rate": 0.02, "rho": 0.8, "momentum": 0.5, "epsilon": 0.001, "centered": True,
                "weight_decay": 0.01, "name": "my_rmsprop"},
    "Adam": {"learning_rate": 0.02, "beta_1": 0.8, "beta_2": 0.95, "epsilon": 0.001, "amsgrad": True,
             "weight_decay": 0.01, "name": "my_adam"},
}
# What model.fit trains with: the optimizer's slots all in use.
FIT_KWARGS = {
    "SGD": {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True},
    "Adagrad": {"learning_rate": 0.1, "initial_accumulator_value": 0.2},
    "RMSprop": {"learning_rate": 0.01, "momentum": 0.5, "centered": True},
    "Adam": {"learning_rate": 0.01, "beta_2": 0.9, "amsgrad": True},
}
CONFIG_STEPS = 3
FIT_EPOCHS, FIT_BATCH, FIT_SAMPLES = 2, 4, 8


def _plain(value: Any) -> Any:
    if isinstance(value, (bool, int, float, str, type(None))):
        return value
    if isinstance(value, np.generic):
        return value.item()
    return repr(value)


def _config(ctx: ProbeContext, exercise: str) -> dict:
    opt = ctx.cls(**CONFIG_KWARGS[exercise])
    cfg = opt.get_config()
    if not isinstance(cfg, dict):
        raise ProbeFailure(f"{exercise}.get_config returned a {type(cfg).__name__} instead of a dict")
    clone = ctx.cls.from_config(cfg)
    return {"config": {str(k): _plain(v) for k, v in cfg.items()},
            "original": run(ctx, opt, variables(ctx), False, CONFIG_STEPS),
            "clone": run(ctx, clone, variables(ctx), False, CONFIG_STEPS)}


def _model(ctx: ProbeContext, exercise: str) -> dict:
    """model.fit with the optimizer on a Dense layer, then .keras save and load of the trained model."""
    keras = ctx.keras
    rng = np.random.default_rng(17)
    net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    net.set_weights([rng.normal(0.0, 0.5, (4, 3)).astype(np.float32), np.zeros(3, np.float32)])
    x = rng.normal(0.0, 1.0, (FIT_SAMPLES, 4)).astype(np.float32)
    y = rng.normal(0.0, 1.0, (FIT_SAMPLES, 3)).astype(np.float32)
    net.compile(optimizer=ctx.cls(**FIT_KWARGS[exercise]), loss="mse", jit_compile=False)
    out: dict[str, Any] = {}
    try:
        net.fit(x, y, batch_size=FIT_BATCH, epochs=FIT_EPOCHS, shuffle=False, verbose=0)
        out["fit"] = {"weights": [to_numpy(w, "a weight after model.fit") for w in net.get_weights()],
                      "iterations": _iterations(net.optimizer)}
    except Exception as exc:  # noqa: BLE001 - the fit is the observation; saving needs it
        out["fit"] = {"error": ctx.explain(exc)}
        return out
    try:
        path = ctx.scratch / f"{exercise.lower()}_trained.keras"
        net.save(path)
        loaded = keras.models.load_model(path)  # the class is found by its registered name, as a user's would be
        opt = loaded.optimizer
        out["saved"] = {
            "class": type(opt).__name__, "same_class": type(opt) is ctx.cls,
            "iterations": _iterations(opt), "trained_iterations": _iterations(net.optimizer),
            "variables": [to_numpy(v, "an optimizer variable after loading") for v in opt.variables],
            "trained": [to_numpy(v, "an optimizer variable") for v in net.optimizer.variables],
            "config": {str(k): _plain(v) for k, v in opt.get_config().items()},
            "trained_config": {str(k): _plain(v) for k, v in net.optimizer.get_config().items()},
        }
    except Exception as exc:  # noqa: BLE001
        out["saved"] = {"error": ctx.explain(exc)}
    return out


for _name, _probes in PROBES.items():
    _probes.add("config")(lambda ctx, name=_name: _config(ctx, name))
    _probes.add("model")(lambda ctx, name=_name: _model(ctx, name))


INVALID = {"momentum": -0.5}


@PROBES["SGD"].add("invalid")
def invalid(ctx: ProbeContext) -> dict:
    try:
        ctx.cls(**INVALID)
    except Exception as exc:  # noqa: BLE001 - which exception is the observation
        return {"raised": type(exc).__name__}
    return {"raised": None}
# END HIDDEN
