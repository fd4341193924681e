"""Checks of SGD, Adagrad, RMSprop and Adam: trajectories against the reference's, with a float64 numpy
simulator of each optimizer whose switches model the common mistakes.

A trajectory is compared step by step: the feedback names the configuration, the first step and the
variable that differ, expected against observed. The mistake is named by contrast: the simulator replays
the same gradients under each variant, and the one the whole observed trajectory matches is said.
"""

# Policy on textbook variants. The formulas graded are Keras 3.15's, as the reference's docstrings say. A
# textbook variant (Adam's m_hat / (sqrt(v_hat) + epsilon), Adagrad's delta + sqrt(r)) is a different
# optimizer: it loses the checks whose configurations tell the two apart (the epsilon=0.01 levels), and the
# feedback names the variant. At the default epsilon (1e-7) the two agree within the tolerance, so the
# variant keeps the points of the checks run there. A variant that differs at the default arguments too
# (an accumulator that starts at 0) loses those as well.

from __future__ import annotations

from collections import Counter
from typing import Callable

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import assert_close, close, likely_mistake
from grader.checks.grid import grid_verdict, judge_grid, select
from grader.packs.optimization.probes.optimizers import (DEFAULT, EAGER, GRADIENTS, GRAPH, INIT, MODE_LABELS,
                                                         SCHEDULE, SHAPES, SPACES, STEPS)
# BEGIN HIDDEN
from grader.packs.optimization.probes.optimizers import (CONFIG_KWARGS, CONFIG_STEPS, FIT_BATCH, FIT_EPOCHS,
                                                         FIT_SAMPLES, INVALID)
from grader.sandbox.pool import probe_error
# END HIDDEN

DEFAULTS = {
    "SGD": {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False},
    "Adagrad": {"learning_rate": 0.001, "initial_accumulator_value": 0.1, "epsilon": 1e-7},
    "RMSprop": {"learning_rate": 0.001, "rho": 0.9, "momentum": 0.0, "epsilon": 1e-7, "centered": False},
    "Adam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": False},
}
KWARGS = {name: {level.label: level.value for level in space.factors[0].levels} for name, space in SPACES.items()}
EAGERLY, TRACED = MODE_LABELS[EAGER], MODE_LABELS[GRAPH]


# --- the simulator ----------------------------------------------------------------------------------

def _rate(rate, iterations: int) -> float:
    if isinstance(rate, (list, tuple)) and rate and rate[0] == SCHEDULE:
        _, initial, steps, decay = rate
        return float(initial) * float(decay) ** (iterations / float(steps))
    return float(np.float32(rate))  # Keras keeps the learning rate in a float32 variable


def _sgd(state: dict, g: np.ndarray, lr: float, t: int, hp: dict, v: dict) -> np.ndarray:
    mu = hp["momentum"]
    if not mu or v.get("momentum_ignored"):
        return -lr * g
    old = state.get("m", np.zeros_like(g))
    convention = v.get("convention", "keras")
    if convention == "pytorch":  # b <- mu b + g; w <- w - lr b  (Nesterov: w <- w - lr (g + mu b))
        state["m"] = mu * old + g
        return -lr * (g + mu * state["m"]) if hp["nesterov"] else -lr * state["m"]
    m = state["m"] = mu * old - (1.0 - mu if v.get("averaged") else 1.0) * lr * g
    if hp["nesterov"]:
        nesterov = v.get("nesterov", "new")
        step = mu * old - lr * g if nesterov == "old" else mu * m if nesterov == "no_gradient" else mu * m - lr * g
    else:
        step = m
    return -step if convention == "flipped" else step


def _adagrad(state: dict, g: np.ndarray, lr: float, t: int, hp: dict, v: dict) -> np.ndarray:
    start = 0.0 if v.get("from_zero") else DEFAULTS["Adagrad"]["initial_accumulator_value"] if v.get(
        "default_start") else hp["initial_accumulator_value"]
    old = state.get("a", np.full_like(g, start))
    a = state["a"] = old + g * g
    eps = hp["epsilon"]
    used = old if v.get("before") else a
    if v.get("no_sqrt"):
        return -lr * g / (used + eps)
    return -lr * g / (np.sqrt(used) + eps if v.get("outside") else np.sqrt(used + eps))


def _rmsprop(state: dict, g: np.ndarray, lr: float, t: int, hp: dict, v: dict) -> np.ndarray:
    rho, eps = hp["rho"], hp["epsilon"]
    old = state.get("v", np.zeros_like(g))
    keep, add = {"no_one_minus": (rho, 1.0), "swapped": (1.0 - rho, rho)}.get(v.get("average"), (rho, 1.0 - rho))
    second = state["v"] = keep * old + add * g * g
    if hp["centered"] and not v.get("uncentered"):
        stale = state.get("gbar", np.zeros_like(g))
        mean = state["gbar"] = rho * stale + (1.0 - rho) * g
        second = second - (stale * stale if v.get("stale_mean") else mean * mean)
    with np.errstate(invalid="ignore"):
        step = lr * g / (np.sqrt(second) + eps if v.get("outside") else np.sqrt(second + eps))
    if hp["momentum"] and not v.get("momentum_ignored"):
        if v.get("lr_outside"):  # PyTorch's form: the momentum averages g / denominator, lr applied after
            state["mom"] = hp["momentum"] * state.get("mom", np.zeros_like(g)) + step / lr
            return -lr * state["mom"]
        step = state["mom"] = hp["momentum"] * state.get("mom", np.zeros_like(g)) + step
    return -step


def _adam(state: dict, g: np.ndarray, lr: float, t: int, hp: dict, v: dict) -> np.ndarray:
    b1, b2, eps = hp["beta_1"], hp["beta_2"], hp["epsilon"]
    zero = np.zeros_like(g)
    m_old, v_old = state.get("m", zero), state.get("v", zero)
    if v.get("swapped"):
        m, second = (1.0 - b1) * m_old + b1 * g, (1.0 - b2) * v_old + b2 * g * g
    else:
        m, second = m_old + (g - m_old) * (1.0 - b1), v_old + (g * g - v_old) * (1.0 - b2)
    state["m"] = m
    c1, c2 = 1.0 - b1 ** t, 1.0 - b2 ** t
    amsgrad = v.get("amsgrad", "right") if hp["amsgrad"] else "off"
    if amsgrad == "in_v":  # the maximum kept in v itself
        second = np.maximum(v_old, second)
    state["v"] = second
    if amsgrad in ("right", "g2", "corrected"):
        candidate = {"right": second, "g2": g * g, "corrected": second / c2}[amsgrad]
        vhat = state["vhat"] = np.maximum(state.get("vhat", zero), candidate)
        second = vhat * c2 if amsgrad == "corrected" else vhat
    bias = v.get("bias", "keras")
    if bias == "textbook":
        return -lr * (m / c1) / (np.sqrt(second / c2) + eps)
    if bias == "none":
        return -lr * m / (np.sqrt(second) + eps)
    if bias == "m_only":
        return -lr / c1 * m / (np.sqrt(second) + eps)
    return -lr * np.sqrt(c2) / c1 * m / (np.sqrt(second) + eps)


UPDATES = {"SGD": _sgd, "Adagrad": _adagrad, "RMSprop": _rmsprop, "Adam": _adam}


def simulate(exercise: str, kwargs: dict, variant: dict | None = None) -> list[np.ndarray]:
    """The three variables after each step, (STEPS, *shape) each, in float64, under ``variant``'s switches.

    Common switches: ``decay`` ("decoupled", "ignored", "coupled": g + wd * w, "both"), ``shared`` (the first
    and third variables share their slots), ``t`` (step, index) -> t and ``iterations`` step -> the counter
    the learning rate is read at, for a counter kept wrongly."""
    variant = variant or {}
    hp = {**DEFAULTS[exercise], **kwargs}
    w = [np.asarray(x, dtype=np.float64).copy() for x in INIT]
    states: dict[int, dict] = {}
    seen: list[list[np.ndarray]] = [[] for _ in w]
    decay, how = float(hp.get("weight_decay") or 0.0), variant.get("decay", "decoupled")
    for step in range(1, STEPS + 1):
        iterations = variant["iterations"](step) if "iterations" in variant else step - 1
        lr = _rate(hp["learning_rate"], iterations)
        if decay and how in ("decoupled", "both"):
            w = [x - x * decay * lr for x in w]
        for k, gradient in enumerate(GRADIENTS[step - 1]):
            g = np.asarray(gradient, dtype=np.float64)
            if decay and how in ("coupled", "both"):
                g = g + decay * w[k]
            state = states.setdefault(0 if variant.get("shared") and k == 2 else k, {})
            t = variant["t"](step, k) if "t" in variant else iterations + 1
            w[k] = w[k] + UPDATES[exercise](state, g, lr, t, hp, variant)
            seen[k].append(w[k].copy())
    return [np.stack(s) for s in seen]


# --- the mistakes -----------------------------------------------------------------------------------

Variants = Callable[[dict], list[tuple[Mistake, dict]]]
VARIANTS: dict[str, list[Variants]] = {name: [] for name in DEFAULTS}
"""Per optimizer, functions of the hyper-parameters (defaults filled in) that list (mistake, switches)."""
GRAPH_VARIANTS: dict[str, list[Variants]] = {name: [] for name in DEFAULTS}
"""What tf.function alone changes: a Python value read once, at tracing."""

SHARED = Mistake("It matches one slot shared by the two variables of shape (3,): make one slot per variable with "
                 "self.add_optimizer_variables(variables, name) and find a variable's own with "
                 "self._get_variable_index(variable).", cause="optimizer-shared-slot")


def _shared(hp: dict) -> list[tuple[Mistake, dict]]:
    return [(SHARED, {"shared": True})]


def _sgd_variants(hp: dict) -> list[tuple[Mistake, dict]]:
    if not hp["momentum"]:
        return []
    out = []
    if hp["nesterov"]:
        out += [
            (Mistake("It matches plain momentum, w <- w + m, which is also the Nesterov step taken with the OLD m: "
                     "with nesterov=True update m first, m <- momentum * m - lr * g, then w <- w + momentum * m - "
                     "lr * g with the NEW m.", cause="sgd-nesterov-old-m"), {"nesterov": "old"}),
            (Mistake("It matches w <- w + momentum * m without the - lr * g term: the Nesterov step is w <- w + "
                     "momentum * m - lr * g, with the new m.", cause="sgd-nesterov-no-gradient"),
             {"nesterov": "no_gradient"}),
        ]
    return out + [
        (Mistake("It matches plain SGD, w <- w - lr * g: the momentum is not used. Keep one slot m per variable: "
                 "m <- momentum * m - lr * g, then w <- w + m.", cause="sgd-momentum-ignored"),
         {"momentum_ignored": True}),
        (Mistake("It matches w <- w - m with m <- momentum * m - lr * g: m already holds the step, minus sign "
                 "included, so add it: w <- w + m.", cause="sgd-momentum-sign"), {"convention": "flipped"}),
        (Mistake("It matches momentum as a moving average, m <- momentum * m - (1 - momentum) * lr * g: Keras's "
                 "m <- momentum * m - lr * g has no (1 - momentum) factor.", cause="sgd-momentum-averaged"),
         {"averaged": True}),
    ]


def _adagrad_variants(hp: dict) -> list[tuple[Mistake, dict]]:
    out = [
        (Mistake("It matches an accumulator that starts at 0: Keras fills it with initial_accumulator_value (0.1 by "
                 "default), add_optimizer_variables(..., initializer=keras.initializers.Constant(...)).",
                 cause="adagrad-accumulator-from-zero"), {"from_zero": True}),
        (Mistake("It matches a step divided by the accumulator BEFORE g ** 2 is added: add g ** 2 first, then "
                 "divide by sqrt(a + epsilon).", cause="adagrad-old-accumulator"), {"before": True}),
        (Mistake("It matches a division by a + epsilon without the square root: divide by sqrt(a + epsilon).",
                 cause="adagrad-no-sqrt"), {"no_sqrt": True}),
    ]
    if hp["initial_accumulator_value"] != DEFAULTS["Adagrad"]["initial_accumulator_value"]:
        out.append((Mistake("It matches an accumulator that starts at 0.1 whatever initial_accumulator_value says: "
                            "fill the slots with self.initial_accumulator_value.",
                            cause="adagrad-start-ignored"), {"default_start": True}))
    return out


def _rmsprop_variants(hp: dict) -> list[tuple[Mistake, dict]]:
    out = [
        (Mistake("It matches v <- rho * v + g ** 2, without the (1 - rho) factor: v <- rho * v + (1 - rho) * g ** 2.",
                 cause="rmsprop-no-one-minus-rho"), {"average": "no_one_minus"}),
        (Mistake("It matches rho and 1 - rho swapped: v <- rho * v + (1 - rho) * g ** 2 keeps rho of the OLD "
                 "average.", cause="rmsprop-rho-swapped"), {"average": "swapped"}),
        (Mistake("It matches epsilon outside the square root, g / (sqrt(v) + epsilon): Keras divides by "
                 "sqrt(v + epsilon), which matters where the gradients are small.",
                 cause="rmsprop-epsilon-outside"), {"outside": True}),
    ]
    if hp["momentum"]:
        out.append((Mistake("It matches RMSprop without momentum: with momentum > 0, mom <- momentum * mom + lr * g "
                            "/ denominator, then w <- w - mom.", cause="rmsprop-momentum-ignored"),
                    {"momentum_ignored": True}))
        out.append((Mistake("It matches PyTorch's momentum, mom <- momentum * mom + g / denominator, then w <- w - lr "
                            "* mom: the same for a constant learning rate, but under a schedule Keras keeps each "
                            "step's learning rate inside mom (mom <- momentum * mom + lr * g / denominator).",
                            cause="rmsprop-momentum-lr-outside"), {"lr_outside": True}))
    return out


def _adam_variants(hp: dict) -> list[tuple[Mistake, dict]]:
    return [
        (Mistake("It matches Adam without bias correction: multiply the step by sqrt(1 - beta_2 ** t) / "
                 "(1 - beta_1 ** t), with t = iterations + 1.", cause="adam-no-bias-correction"), {"bias": "none"}),
        (Mistake("It matches a bias correction of m only: the step size is lr * sqrt(1 - beta_2 ** t) / "
                 "(1 - beta_1 ** t).", cause="adam-bias-correction-m-only"), {"bias": "m_only"}),
        (Mistake("It matches beta and 1 - beta swapped in the moving averages: m <- m + (g - m) * (1 - beta_1) "
                 "keeps beta_1 of the OLD m, and likewise v with beta_2.", cause="adam-betas-swapped"),
         {"swapped": True}),
        (Mistake("It matches a step counter increased at every update_step call, once per variable: t counts "
                 "the apply() calls, t = self.iterations + 1.", cause="adam-counter-per-variable"),
         {"t": lambda step, k: 3 * (step - 1) + k + 1}),
        (Mistake("It matches self.iterations increased in update_step as well: apply() increases it once, after "
                 "every variable's update; update_step only reads it.", cause="optimizer-iterations-by-hand"),
         {"t": lambda step, k: 4 * (step - 1) + k + 1}),
    ]


FROZEN = Mistake("It matches a step counter frozen at t = 1: inside tf.function a Python number (a counter kept in "
                 "self, an int() or float() of a tensor) is read once, when the step is traced. Take t from the "
                 "optimizer's variable: t = ops.cast(self.iterations + 1, variable.dtype).",
                 cause="adam-python-step-counter")
GRAPH_ONLY = Mistake("Eagerly the steps match, inside tf.function they do not: a Python value (a counter kept in "
                     "self, an int() or float() of a tensor, a Python if on a tensor) is read once, when tf.function "
                     "traces the step. Compute with keras.ops on tensors and variables only.",
                     cause="optimizer-python-state")

for _name, _found in (("SGD", _sgd_variants), ("Adagrad", _adagrad_variants), ("RMSprop", _rmsprop_variants),
                      ("Adam", _adam_variants)):
    VARIANTS[_name] += [_found, _shared]
GRAPH_VARIANTS["Adam"].append(lambda hp: [
    (FROZEN, {"t": lambda step, k: 1}),
    (Mistake("It matches a step counter increased at every update_step call and frozen when tf.function traced "
             "the step: t counts the apply() calls and must be a tensor, t = ops.cast(self.iterations + 1, "
             "variable.dtype).", cause="adam-python-step-counter"), {"t": lambda step, k: k + 1}),
])

T_FROM_ZERO = Mistake("The step gives NaN or infinity from the first call, as a bias correction with t starting at 0 "
                      "does (1 - beta_1 ** 0 = 0): inside update_step, t = self.iterations + 1, since apply() "
                      "increases iterations after the updates.", cause="adam-t-from-zero")


def _hyper(exercise: str, label: str) -> tuple[dict, dict]:
    """(the constructor arguments of a level, the same with the defaults filled in)."""
    kwargs = KWARGS[exercise][label]
    return kwargs, {**DEFAULTS[exercise], **kwargs}


def _predictions(exercise: str, label: str, table: dict[str, list[Variants]]) -> list[tuple[Mistake, np.ndarray]]:
    kwargs, hp = _hyper(exercise, label)
    out = []
    for variants in table[exercise]:
        for mistake, switches in variants(hp):
            with np.errstate(all="ignore"):
                out.append((mistake, _flat(simulate(exercise, kwargs, switches))))
    return out


def _flat(trajectory) -> np.ndarray:
    return np.concatenate([np.asarray(a, dtype=np.float64).reshape(len(a), -1) for a in trajectory], axis=1)


# --- comparing trajectories -------------------------------------------------------------------------

def _shapes_ok(got, want) -> None:
    shapes = [np.shape(a) for a in got] if isinstance(got, list) else None
    wanted = [np.shape(a) for a in want]
    if shapes != wanted:
        raise Fail(f"The probe read values of shapes {shapes}; expected {wanted}: apply() must update each variable "
                   "in place, keeping its shape.")


def compare_trajectories(exercise: str, got, want, mistakes: list[tuple[Mistake, np.ndarray]],
                         graph_versus_eager: bool = False) -> None:
    """Fail at the first step where a variable differs, naming the mistake the whole trajectory matches.
    Against the student's own eager trajectory (``graph_versus_eager``), NaN where it has NaN is the same."""
    _shapes_ok(got, want)
    for step in range(STEPS):
        for k, shape in enumerate(SHAPES):
            what = (f"Inside tf.function, variable {k + 1} of 3, shape {shape}, after step {step + 1} of {STEPS}, "
                    "compared with the same calls run eagerly," if graph_versus_eager else
                    f"Variable {k + 1} of 3, shape {shape}, after step {step + 1} of {STEPS}")
            try:
                assert_close(got[k][step], want[k][step], what, equal_nan=graph_versus_eager)
            except Fail as failure:
                hint = _diagnose(exercise, got, want, mistakes)
                raise Fail(f"{failure} {hint}" if hint else str(failure), mistake=hint) from None


def _diagnose(exercise: str, got, want, mistakes) -> Mistake | None:
    observed, expected = _flat(got), _flat(want)
    if exercise == "Adam" and not np.all(np.isfinite(observed[0])) and np.all(np.isfinite(expected[0])):
        return T_FROM_ZERO
    if not np.all(np.isfinite(observed)):
        return None
    return likely_mistake(observed, mistakes, expected)


def _judge(exercise: str, obs: dict, ref: dict, labels: tuple[str, ...]) -> None:
    """The eager trajectories of the levels ``labels`` against the reference's."""
    got, want = select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", (EAGERLY,))
    got, want = select(got, want, "arguments", labels)

    def compare(got_case: dict, want_case: dict) -> None:
        label = want_case["config"]["arguments"]
        compare_trajectories(exercise, got_case["trajectory"], want_case["trajectory"],
                             _predictions(exercise, label, VARIANTS))

    judge_grid(got, want, compare)


def _judge_graph(exercise: str, obs: dict, ref: dict) -> None:
    """Inside tf.function against the same calls run eagerly (the student's own, where they ran), so that a
    mistake of the formula costs the formula's checks only."""
    eager = {case["config"]["arguments"]: case for case in obs["grid"]["cases"] if case["config"]["mode"] == EAGERLY}
    got, want = select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", (TRACED,))

    def compare(got_case: dict, want_case: dict) -> None:
        label = want_case["config"]["arguments"]
        own = eager.get(label)
        usable = own is not None and "error" not in own
        basis = own["trajectory"] if usable else want_case["trajectory"]
        mistakes = _predictions(exercise, label, GRAPH_VARIANTS)
        try:
            compare_trajectories(exercise, got_case["trajectory"], basis, mistakes, graph_versus_eager=usable)
        except Fail as failure:
            if failure.mistake is None and usable and _matches(own["trajectory"], want_case["trajectory"]):
                raise Fail(f"{failure} {GRAPH_ONLY}", mistake=GRAPH_ONLY) from None
            raise

    judge_grid(got, want, compare)


def _matches(got, want) -> bool:
    return len(got) == len(want) and all(close(np.asarray(g), np.asarray(w)) for g, w in zip(got, want))


def _unchanged(seen, start: np.ndarray) -> bool:
    return np.shape(seen)[1:] == start.shape and np.array_equal(np.asarray(seen), np.broadcast_to(start, np.shape(seen)))


def _inert(case: dict) -> str | None:
    trajectory = case.get("trajectory")
    if isinstance(trajectory, list) and len(trajectory) == len(INIT) and all(
            _unchanged(seen, start) for seen, start in zip(trajectory, INIT)):
        return "apply() leaves the variables unchanged: nothing is computed yet, so none of the checks count."
    return None


CHECKS = {name: register(CheckSet(name, core="grid", inert=grid_verdict(name, "trajectory", _inert)))
          for name in DEFAULTS}

# --- SGD ---------------------------------------------------------------------------------------------
sgd = CHECKS["SGD"]


@sgd.add("SGD without momentum: w <- w - lr * g", 2, "grid", public=True)
def sgd_plain(obs: dict, ref: dict) -> None:
    _judge("SGD", obs, ref, (DEFAULT, "learning_rate=0.1"))


@sgd.add("momentum: m <- momentum * m - lr * g, then w <- w + m", 2, "grid", public=True)
def sgd_momentum(obs: dict, ref: dict) -> None:
    _judge("SGD", obs, ref, ("momentum=0.9",))


@sgd.add("Nesterov momentum: w <- w + momentum * m - lr * g, with the new m", 2, "grid", public=True)
def sgd_nesterov(obs: dict, ref: dict) -> None:
    _judge("SGD", obs, ref, ("momentum=0.9, nesterov=True",))


@sgd.add("inside tf.function: the same trajectory as eagerly", 1, "grid", public=True)
def sgd_graph(obs: dict, ref: dict) -> None:
    _judge_graph("SGD", obs, ref)


# --- Adagrad -----------------------------------------------------------------------------------------
adagrad = CHECKS["Adagrad"]


@adagrad.add("Adagrad: a <- a + g ** 2 from 0.1, w <- w - lr * g / sqrt(a + epsilon)", 2, "grid", public=True)
def adagrad_plain(obs: dict, ref: dict) -> None:
    _judge("Adagrad", obs, ref, (DEFAULT, "learning_rate=0.1"))


@adagrad.add("initial_accumulator_value sets where the accumulator starts", 1, "grid", public=True)
def adagrad_start(obs: dict, ref: dict) -> None:
    _judge("Adagrad", obs, ref, ("learning_rate=0.1, initial_accumulator_value=0.5",))


@adagrad.add("inside tf.function: the same trajectory as eagerly", 1, "grid", public=True)
def adagrad_graph(obs: dict, ref: dict) -> None:
    _judge_graph("Adagrad", obs, ref)


# --- RMSprop -----------------------------------------------------------------------------------------
rmsprop = CHECKS["RMSprop"]


@rmsprop.add("RMSprop: v <- rho * v + (1 - rho) * g ** 2, w <- w - lr * g / sqrt(v + epsilon)", 2, "grid",
             public=True)
def rmsprop_plain(obs: dict, ref: dict) -> None:
    _judge("RMSprop", obs, ref, (DEFAULT, "learning_rate=0.01, rho=0.5"))


@rmsprop.add("RMSprop with momentum: mom <- momentum * mom + lr * g / sqrt(v + epsilon), w <- w - mom", 1, "grid",
             public=True)
def rmsprop_momentum(obs: dict, ref: dict) -> None:
    _judge("RMSprop", obs, ref, ("learning_rate=0.01, momentum=0.9",))


@rmsprop.add("inside tf.function: the same trajectory as eagerly", 1, "grid", public=True)
def rmsprop_graph(obs: dict, ref: dict) -> None:
    _judge_graph("RMSprop", obs, ref)


# --- Adam --------------------------------------------------------------------------------------------
adam = CHECKS["Adam"]


@adam.add("Adam with the default arguments", 2, "grid", public=True)
def adam_plain(obs: dict, ref: dict) -> None:
    _judge("Adam", obs, ref, (DEFAULT,))


@adam.add("Adam with other beta_1 and beta_2", 1, "grid", public=True)
def adam_betas(obs: dict, ref: dict) -> None:
    _judge("Adam", obs, ref, ("learning_rate=0.01, beta_1=0.5, beta_2=0.9",))


@adam.add("inside tf.function: the same trajectory as eagerly", 1, "grid", public=True)
def adam_graph(obs: dict, ref: dict) -> None:
    _judge_graph("Adam", obs, ref)


# BEGIN HIDDEN
# --- mistakes that only the hidden configurations show -----------------------------------------------

def _decay_variants(hp: dict) -> list[tuple[Mistake, dict]]:
    if not hp.get("weight_decay"):
        return []
    return [
        (Mistake("It matches no weight decay: pass **kwargs (weight_decay among them) on to super().__init__; the "
                 "base class then applies w <- w - lr * weight_decay * w before update_step.",
                 cause="optimizer-weight-decay-ignored"), {"decay": "ignored"}),
        (Mistake("It matches weight decay added to the gradient, g + weight_decay * w (an L2 penalty): Keras's is "
                 "decoupled, w <- w - lr * weight_decay * w before the update, and the base class does it.",
                 cause="optimizer-weight-decay-coupled"), {"decay": "coupled"}),
        (Mistake("It matches weight decay applied twice, by the base class and again in update_step: leave it to "
                 "the base class.", cause="optimizer-weight-decay-twice"), {"decay": "both"}),
    ]


def _sgd_hidden(hp: dict) -> list[tuple[Mistake, dict]]:
    if not hp["momentum"]:
        return []
    return [
        (Mistake("It matches PyTorch's momentum, b <- momentum * b + g, then w <- w - lr * b: the same for a "
                 "constant learning rate, but under a schedule Keras keeps each step's learning rate inside m: "
                 "m <- momentum * m - lr * g, then w <- w + m.", cause="sgd-momentum-pytorch"),
         {"convention": "pytorch"}),
        (Mistake("It matches self.iterations increased in update_step as well, so the schedule is read at the "
                 "wrong step: apply() increases it once, after every variable's update; update_step only reads it.",
                 cause="optimizer-iterations-by-hand"), {"iterations": lambda step: 4 * (step - 1)}),
    ]


def _adagrad_hidden(hp: dict) -> list[tuple[Mistake, dict]]:
    return [
        (Mistake("It matches the textbook's Adagrad, delta + sqrt(r) with r from 0: Keras starts the accumulator at "
                 "initial_accumulator_value and divides by sqrt(a + epsilon), a different optimizer when epsilon is "
                 "large.", cause="adagrad-textbook"), {"from_zero": True, "outside": True}),
        (Mistake("It matches epsilon outside the square root, g / (sqrt(a) + epsilon), as in the textbook: Keras "
                 "divides by sqrt(a + epsilon), a different optimizer when epsilon is large.",
                 cause="adagrad-epsilon-outside"), {"outside": True}),
    ]


def _rmsprop_hidden(hp: dict) -> list[tuple[Mistake, dict]]:
    if not hp["centered"]:
        return []
    return [(Mistake("It matches the uncentered denominator sqrt(v + epsilon): with centered=True keep a moving "
                     "average of g as well, gbar <- rho * gbar + (1 - rho) * g, and divide by sqrt(v - gbar ** 2 + "
                     "epsilon).", cause="rmsprop-centered-ignored"), {"uncentered": True}),
            (Mistake("It matches a denominator that uses gbar from BEFORE this step's update: update gbar <- rho * "
                     "gbar + (1 - rho) * g first, then divide by sqrt(v - gbar ** 2 + epsilon).",
                     cause="rmsprop-centered-stale-mean"), {"stale_mean": True})]


def _adam_hidden(hp: dict) -> list[tuple[Mistake, dict]]:
    out = [(Mistake("It matches the textbook's Adam, lr * m_hat / (sqrt(v_hat) + epsilon): Keras folds the bias "
                    "corrections into the step size and adds epsilon to sqrt(v), w <- w - lr * sqrt(1 - beta_2 ** t) "
                    "/ (1 - beta_1 ** t) * m / (sqrt(v) + epsilon). The two agree at epsilon=1e-7, not at "
                    "epsilon=0.01.", cause="adam-textbook-epsilon"), {"bias": "textbook"})]
    if hp["amsgrad"]:
        out += [
            (Mistake("It matches Adam without amsgrad: with amsgrad=True keep vhat <- max(vhat, v) in its own slot "
                     "and divide by sqrt(vhat) + epsilon.", cause="adam-amsgrad-ignored"), {"amsgrad": "off"}),
            (Mistake("It matches the maximum taken over the bias-corrected v / (1 - beta_2 ** t): Keras keeps "
                     "vhat <- max(vhat, v) of the uncorrected v.", cause="adam-amsgrad-wrong-quantity"),
             {"amsgrad": "corrected"}),
            (Mistake("It matches the maximum taken over g ** 2: Keras keeps vhat <- max(vhat, v), the maximum of the "
                     "moving average v.", cause="adam-amsgrad-wrong-quantity"), {"amsgrad": "g2"}),
            (Mistake("It matches the maximum stored back into v: keep v the plain moving average and the maximum in "
                     "its own slot, vhat <- max(vhat, v).", cause="adam-amsgrad-in-v"), {"amsgrad": "in_v"}),
        ]
    return out


for _name, _found in (("SGD", _sgd_hidden), ("Adagrad", _adagrad_hidden), ("RMSprop", _rmsprop_hidden),
                      ("Adam", _adam_hidden)):
    VARIANTS[_name] += [_found, _decay_variants]


# --- checks shared by the four optimizers ------------------------------------------------------------

def _slot_text(shapes: list) -> str:
    counts = Counter(tuple(int(d) for d in s) for s in shapes)
    return ", ".join(f"{n} of shape {shape}" for shape, n in sorted(counts.items())) or "-"


def _slots(got: dict, want: dict) -> None:
    have = Counter(tuple(int(d) for d in s) for s in got["slots"])
    need = Counter(tuple(int(d) for d in s) for s in want["slots"])
    if have != need:
        mistake = SHARED if (have[(3,)] * 2 == need[(3,)] and have[(2, 2)] == need[(2, 2)] and need[(3,)]) else None
        text = (f"After {STEPS} calls of apply(), the optimizer holds {sum(have.values())} slot variables "
                f"({_slot_text(got['slots'])}); expected {sum(need.values())} ({_slot_text(want['slots'])}): one slot "
                "per variable for each state the formula keeps, made in build() with "
                "self.add_optimizer_variables(variables, name).")
        raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)
    if got["iterations"] != want["iterations"]:
        mistake = (Mistake("update_step increases self.iterations too: apply() does it once per call, after the "
                           "updates; update_step only reads it.", cause="optimizer-iterations-by-hand")
                   if got["iterations"] and got["iterations"] > want["iterations"] else None)
        text = (f"After {STEPS} calls of apply(), self.iterations is {got['iterations']}; expected "
                f"{want['iterations']}.")
        raise Fail(f"{text} {mistake}" if mistake else text, mistake=mistake)


def _judge_slots(exercise: str, obs: dict, ref: dict) -> None:
    """Eagerly only: what tf.function breaks is the graph check's."""
    judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", (EAGERLY,)), _slots)


def _same_value(got, want) -> bool:
    if isinstance(want, (bool, str)) or want is None:
        return got == want
    return isinstance(got, (int, float)) and not isinstance(got, bool) and bool(np.isclose(got, want, rtol=1e-6))


def _judge_config(exercise: str, obs: dict) -> None:
    data = obs["config"]
    got = data["config"]
    for key, value in CONFIG_KWARGS[exercise].items():
        if key not in got:
            raise Fail(f"get_config() misses {key!r}: return every constructor argument, merged with "
                       "super().get_config().")
        if not _same_value(got[key], value):
            raise Fail(f"get_config()[{key!r}] is {got[key]!r}; expected {value!r}.")
    for k, shape in enumerate(SHAPES):
        assert_close(data["clone"][k], data["original"][k],
                     f"Variable {k + 1} of 3, shape {shape}, after {CONFIG_STEPS} steps of the optimizer rebuilt with "
                     "from_config, compared with the original,", equal_nan=True)


def _judge_fit(obs: dict, ref: dict) -> None:
    got, want = obs["model"]["fit"], ref["model"]["fit"]
    if "error" in got:
        raise Fail(f"model.fit with the optimizer raised an error: {_error_text(got['error'])}")
    names = ("kernel", "bias")
    for name, seen, expected in zip(names, got["weights"], want["weights"]):
        assert_close(seen, expected, f"The Dense layer's {name} after model.fit ({FIT_EPOCHS} epochs of "
                                     f"{FIT_SAMPLES // FIT_BATCH} batches)")
    if got["iterations"] != want["iterations"]:
        raise Fail(f"After model.fit, self.iterations is {got['iterations']}; expected {want['iterations']}, one per "
                   "batch.")


def _error_text(error: dict) -> str:
    return probe_error(error).describe()


def _judge_saved(exercise: str, obs: dict, ref: dict) -> None:
    model = obs["model"]
    if "error" in model["fit"]:
        raise Fail(f"model.fit with the optimizer raised an error, so there was nothing to save: "
                   f"{_error_text(model['fit']['error'])}")
    got = model["saved"]
    if "error" in got:
        raise Fail("Saving the trained model to .keras and loading it back raised an error: "
                   f"{_error_text(got['error'])}")
    if not got["same_class"]:
        raise Fail(f"After keras.models.load_model the optimizer is a {got['class']}, not your {exercise}: keep the "
                   "@keras.saving.register_keras_serializable decorator and return every argument from get_config().")
    if got["iterations"] != got["trained_iterations"]:
        raise Fail(f"After loading, self.iterations is {got['iterations']}; it was {got['trained_iterations']} when "
                   "saved.")
    if len(got["variables"]) != len(got["trained"]):
        raise Fail(f"After loading, the optimizer has {len(got['variables'])} variables; it had {len(got['trained'])} "
                   "when saved: get_config() must return the arguments that decide which slots build() makes.")
    for k, (seen, saved) in enumerate(zip(got["variables"], got["trained"])):
        assert_close(seen, saved, f"The optimizer's variable {k + 1} of {len(got['trained'])} after loading, compared "
                                  "with its value when saved,", equal_nan=True)
    for key in DEFAULTS[exercise]:
        if key in got["trained_config"] and not _same_value(got["config"].get(key), got["trained_config"][key]):
            raise Fail(f"After loading, get_config()[{key!r}] is {got['config'].get(key)!r}; it was "
                       f"{got['trained_config'][key]!r} when saved.")


def _add_shared(checkset: CheckSet, exercise: str) -> None:
    @checkset.add("weight_decay: decoupled, applied by the base class", 1, "grid")
    def decay(obs: dict, ref: dict) -> None:
        labels = tuple(label for label, kwargs in KWARGS[exercise].items() if kwargs.get("weight_decay"))
        _judge(exercise, obs, ref, labels)

    @checkset.add("slots: one per variable and state; iterations: one per apply() call", 1, "grid")
    def slots(obs: dict, ref: dict) -> None:
        _judge_slots(exercise, obs, ref)

    @checkset.add("get_config / from_config round trip", 1, "config")
    def config(obs: dict, ref: dict) -> None:
        _judge_config(exercise, obs)

    @checkset.add("model.fit trains a Dense layer to the reference's weights", 1, "model")
    def fit(obs: dict, ref: dict) -> None:
        _judge_fit(obs, ref)

    @checkset.add(".keras save and load restore the optimizer: class, iterations, slots, arguments", 1, "model")
    def saved(obs: dict, ref: dict) -> None:
        _judge_saved(exercise, obs, ref)


@sgd.add("a learning-rate schedule: m keeps each step's own learning rate", 1, "grid")
def sgd_schedule(obs: dict, ref: dict) -> None:
    _judge("SGD", obs, ref, ("learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9",))


@adagrad.add("epsilon=0.01: inside the square root, as Keras", 1, "grid")
def adagrad_epsilon(obs: dict, ref: dict) -> None:
    _judge("Adagrad", obs, ref, ("learning_rate=0.1, epsilon=0.01",))


@rmsprop.add("centered=True divides by sqrt(v - gbar ** 2 + epsilon)", 2, "grid")
def rmsprop_centered(obs: dict, ref: dict) -> None:
    _judge("RMSprop", obs, ref, ("learning_rate=0.01, centered=True",))


@rmsprop.add("epsilon=0.01: inside the square root, as Keras", 1, "grid")
def rmsprop_epsilon(obs: dict, ref: dict) -> None:
    _judge("RMSprop", obs, ref, ("learning_rate=0.01, epsilon=0.01",))


@rmsprop.add("momentum under a learning-rate schedule: mom keeps each step's own learning rate", 1, "grid")
def rmsprop_schedule(obs: dict, ref: dict) -> None:
    _judge("RMSprop", obs, ref, ("learning_rate=ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5), momentum=0.9",))


@adam.add("epsilon=0.01: Keras's epsilon-hat form, not the textbook's", 2, "grid")
def adam_epsilon(obs: dict, ref: dict) -> None:
    _judge("Adam", obs, ref, ("learning_rate=0.01, epsilon=0.01",))


@adam.add("amsgrad=True: vhat <- max(vhat, v), the step divided by sqrt(vhat) + epsilon", 1, "grid")
def adam_amsgrad(obs: dict, ref: dict) -> None:
    _judge("Adam", obs, ref, ("learning_rate=0.01, beta_2=0.9, amsgrad=True",))


for _name, _checkset in CHECKS.items():
    _add_shared(_checkset, _name)


@sgd.add("momentum < 0 raises ValueError", 0, "invalid", advice=True)
def sgd_invalid(obs: dict, ref: dict) -> None:
    raised = obs["invalid"]["raised"]
    if raised != "ValueError":
        call = ", ".join(f"{k}={v!r}" for k, v in INVALID.items())
        raise Fail(f"SGD({call}) was accepted: raise ValueError for a momentum below 0, as the docstring says."
                   if raised is None else
                   f"SGD({call}) raised {raised}; the docstring asks for ValueError.")
# END HIDDEN
