"""Checks of L1, L2 and L1L2."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, register
from grader.checks.compare import assert_close, fmt
from grader.checks.grid import judge_grid, level_notes
from grader.packs.regularization.probes.regularizers import CASES
from grader.probes.tensors import call_text

DEFAULTS = {"L1": {"l1": 0.01}, "L2": {"l2": 0.01}, "L1L2": {"l1": 0.0, "l2": 0.0}}
NOTES = level_notes({
    ("dtype", "float64"): "something is fixed to float32 (a cast, or a coefficient made a float32 tensor): let the "
    "penalty follow the weights' dtype.",
    ("weights", "weights of shape (7,)"): "the sum is taken over fixed axes: sum over every element, whatever the rank.",
    ("weights", "weights of shape (3, 3, 2, 4)"): "the sum is taken over fixed axes: sum over every element, whatever the rank.",
    ("weights", "a scalar weight, shape ()"): "the code assumes at least one axis: sum over every element, whatever the rank.",
    ("data", "all negative"): "the absolute value is missing or misplaced: L1 sums |x|.",
    ("data", "N(0, 1) with exact zeros"): "the gradient at 0 is not finite: use keras.ops.abs, not sqrt(x**2).",
    ("arguments", "l1=None"): "None is not read as the default: Keras replaces a None coefficient by its default.",
    ("arguments", "l2=None"): "None is not read as the default: Keras replaces a None coefficient by its default.",
    ("arguments", "l1=None, l2=0.5"): "None is not read as the default: Keras replaces a None coefficient by its default.",
    ("arguments", "l1=0.0"): "a coefficient of 0 is mishandled (a truthiness test such as `if self.l1:` changes the type or skips a step).",
    ("arguments", "l2=0.0"): "a coefficient of 0 is mishandled (a truthiness test such as `if self.l2:` changes the type or skips a step).",
    ("arguments", "l1=0.0, l2=0.0"): "coefficients of 0 are mishandled: the penalty is then a 0-d tensor equal to 0.",
})


def _coefficients(exercise: str, kwargs: dict) -> tuple[float, float]:
    merged = {**DEFAULTS[exercise], **{k: v for k, v in kwargs.items() if v is not None}}  # None: the default, as in Keras
    return float(merged.get("l1", 0.0)), float(merged.get("l2", 0.0))


def value_mistakes(exercise: str, kwargs: dict, w: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """What the penalty would be under each common mistake."""
    w = w.astype(np.float64)
    l1, l2 = _coefficients(exercise, kwargs)
    abs_sum, sq_sum = np.abs(w).sum(), np.square(w).sum()
    right = l1 * abs_sum + l2 * sq_sum
    out = [
        ("It equals half the penalty: Keras's L2 has no 1/2 factor (l2 * sum(x**2)).", np.float64(l1 * abs_sum + 0.5 * l2 * sq_sum)),
        ("It equals the penalty divided by the number of weights: use the sum, not the mean.", np.float64(right / w.size)),
        ("It matches l2 * sqrt(sum(x**2)), the norm: the L2 penalty uses the squared norm.", np.float64(l1 * abs_sum + l2 * np.sqrt(sq_sum))),
        ("It matches l2 * (sum(x))**2, the square of the sum: square each weight, then sum.", np.float64(l1 * abs_sum + l2 * w.sum() ** 2)),
        ("It matches l1 * sum(x) without the absolute value: take |x| before summing.", np.float64(l1 * w.sum() + l2 * sq_sum)),
        ("It is the penalty for every element separately: sum over all elements to one number.", l1 * np.abs(w) + l2 * np.square(w)),
    ]
    if w.ndim >= 2:
        out += [(f"It is a vector of per-{part} penalties: sum over all elements to one number.",
                 l1 * np.abs(w).sum(axis=axis) + l2 * np.square(w).sum(axis=axis)) for part, axis in (("row", 1), ("column", 0))]
    if w.size > 1:
        out.append(("It matches l1 * |sum(x)|, the absolute value of the sum: take |x| of every weight, then sum.",
                    np.float64(l1 * abs(w.sum()) + l2 * sq_sum)))
    if w.ndim == 2 and l2:
        out += [(f"It matches the sum of every entry of {gram}, which adds the products between different "
                 f"{part}s: the squared norm is its trace, sum(x**2).",
                 np.float64(l1 * abs_sum + l2 * np.square(w.sum(axis=axis)).sum()))
                for gram, part, axis in (("WᵀW", "column", 1), ("WWᵀ", "row", 0))]
    if w.ndim == 2 and l1:
        out += [(f"It matches l1 times the largest {part} sum of |x|, the matrix {name}-norm that a norm function "
                 f"(keras.ops.norm(x, ord={name}), numpy.linalg.norm) gives for a 2-D kernel: sum |x| over every element.",
                 np.float64(l1 * np.abs(w).sum(axis=axis).max() + l2 * sq_sum))
                for part, axis, name in (("column", 0, "1"), ("row", 1, "inf"))]
    if l1 or l2:
        out.append(("It is the sum without its coefficient: multiply by the penalty factor (self.l1 * sum(|x|), "
                    "self.l2 * sum(x**2)).", np.float64((abs_sum if l1 else 0.0) + (sq_sum if l2 else 0.0))))
    if l2:
        out.append(("It is twice the L2 penalty: Keras's L2 is l2 * sum(x**2); the factor 2 belongs to its gradient.",
                    np.float64(l1 * abs_sum + 2.0 * l2 * sq_sum)))
    if exercise == "L1L2" and len(kwargs) == 1:
        absent = "l2" if "l1" in kwargs else "l1"
        guess = {"l1": l1, "l2": l2, absent: 0.01}
        out.append((f"It matches {absent}=0.01 for the argument not passed: L1L2's defaults are l1=0.0 and l2=0.0 "
                    "(0.01 is the default of the l1_l2 function).",
                    np.float64(guess["l1"] * abs_sum + guess["l2"] * sq_sum)))
    if l1 and l2:
        out += [("Only the L1 term is there: L1L2 adds l1 * sum(|x|) and l2 * sum(x**2).", np.float64(l1 * abs_sum)),
                ("Only the L2 term is there: L1L2 adds l1 * sum(|x|) and l2 * sum(x**2).", np.float64(l2 * sq_sum))]
    if l1 and exercise == "L1L2":
        out.append(("The L1 term is squared-summed like L2: check which coefficient goes with which sum.", np.float64(l1 * sq_sum + l2 * abs_sum)))
    return out


def _inert(obs: dict) -> str | None:
    """A penalty that is 0 on a weight matrix wherever Keras's is not."""
    values = [np.asarray(c["value"]) for c in obs["cases"] if any(c["kwargs"].values())]
    if values and all(v.size and not np.any(v) for v in values):
        return "The penalty is 0 for non-zero weights and coefficients: nothing is computed yet, so none of its checks count."
    return None


def _make(exercise: str) -> CheckSet:
    checks = register(CheckSet(exercise, core="value", inert=_inert))

    @checks.add("penalty value matches Keras", 3, "value", public=True)
    def value(obs: dict, ref: dict) -> None:
        w = ref["value"]["weights"]
        for got, want in zip(obs["value"]["cases"], ref["value"]["cases"]):
            kwargs = want["kwargs"]
            text = f"{call_text(exercise, kwargs)} on a {w.shape[0]}x{w.shape[1]} matrix with zeros and negatives"
            got_value, want_value = np.asarray(got["value"]), np.asarray(want["value"])
            if got_value.shape != want_value.shape and got_value.size and np.isclose(got_value.sum(), want_value, rtol=1e-4):
                raise Fail(f"{text}: expected a single number {fmt(want_value)}, got shape {got_value.shape} "
                           "whose elements add up to it: sum over all elements to one number.")
            try:
                assert_close(got_value, want_value, text, value_mistakes(exercise, kwargs, w))
            except Fail as failure:
                if kwargs:
                    raise
                # The explicit-argument cases ran first and passed, so the defaults are what differs.
                raise Fail(f"{failure} Check the defaults: Keras's {exercise}() uses {DEFAULTS[exercise]}.") from None

    @checks.add("penalty is a 0-d tensor", 1, "value", public=True)
    def scalar(obs: dict, ref: dict) -> None:
        for got in obs["value"]["cases"]:
            shape = tuple(np.shape(got["value"]))
            if shape != ():
                raise Fail(f"{call_text(exercise, got['kwargs'])} returned shape {shape}; expected a 0-d tensor (shape ()).")
            if got["kind"] != "tensor":
                raise Fail(f"{call_text(exercise, got['kwargs'])} returned a {got['kind']}; expected a tensor: "
                           "compute with keras.ops (or tf) so gradients can flow, not numpy or float().")

    # BEGIN HIDDEN
    def grid_value(got: dict, want: dict) -> None:
        w, kwargs = want["weights"], want["kwargs"]
        got_value, want_value = np.asarray(got["value"]["value"]), np.asarray(want["value"]["value"])
        if got_value.shape != want_value.shape and got_value.size and np.isclose(got_value.sum(), want_value, rtol=1e-4):
            raise Fail(f"Expected a single number {fmt(want_value)}, got shape {got_value.shape} whose elements add up "
                       "to it: sum over all elements to one number.")
        if got["value"]["kind"] != "tensor":
            raise Fail(f"The penalty is a {got['value']['kind']}, expected a tensor: compute with keras.ops (or tf).")
        assert_close(got_value, want_value, "The penalty", value_mistakes(exercise, kwargs, w))
        if got["value"]["dtype"] != want["value"]["dtype"]:
            raise Fail(f"The penalty is {got['value']['dtype']} for {want['value']['dtype']} weights: let the result "
                       "follow the weights' dtype instead of a fixed float32.")

    @checks.add("penalty value on every shape, dtype and argument form", 2, "grid")
    def grid(obs: dict, ref: dict) -> None:
        judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], grid_value, ("value",), NOTES)

    def grid_gradient(got: dict, want: dict) -> None:
        w = want["weights"]
        grad, expected = got["grad"]["grad"], want["grad"]["grad"]
        if grad is None and (expected is None or not np.any(expected)):
            return  # a constant penalty (both coefficients 0) has no gradient to flow
        if grad is not None and np.asarray(grad).shape == w.shape:
            nan_at = ~np.isfinite(grad)
            if nan_at.any() and np.all(w[nan_at] == 0):
                raise Fail(f"The gradient is NaN where a weight is exactly 0 ({int(nan_at.sum())} elements). "
                           "sqrt(x**2) has no gradient at 0: use the absolute value (keras.ops.abs).",
                           mistake="sqrt(x**2) has no gradient at 0: use the absolute value (keras.ops.abs).")
        assert_close(grad, expected, "The gradient w.r.t. the weights")

    @checks.add("penalty gradient matches Keras (finite at 0)", 2, "grid")
    def gradient(obs: dict, ref: dict) -> None:
        judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], grid_gradient, ("value", "grad"), NOTES)

    @checks.add("get_config / from_config round trip", 1, "config")
    def config(obs: dict, ref: dict) -> None:
        got, want = obs["config"]["config"], ref["config"]["config"]
        missing = sorted(set(want) - set(got))
        if missing:
            raise Fail(f"get_config() misses {missing}: expected keys {sorted(want)}, got {sorted(got)}.")
        for key in want:
            if not isinstance(got[key], (int, float)) or not np.isclose(float(got[key]), float(want[key])):
                raise Fail(f"get_config()[{key!r}] is {got[key]!r}; expected {want[key]!r} for {call_text(exercise, CASES[exercise][0])}.")
        if not np.allclose(obs["config"]["clone"], obs["config"]["original"], rtol=1e-6):
            raise Fail(f"from_config(get_config()) gives a different penalty: {fmt(float(np.sum(obs['config']['clone'])))} "
                       f"instead of {fmt(float(np.sum(obs['config']['original'])))}.")

    @checks.add("as kernel_regularizer: one loss of the right value; fit, save and load", 2, "dense")
    def dense(obs: dict, ref: dict) -> None:
        got, want = obs["dense"], ref["dense"]
        kwargs = CASES[exercise][0]
        text = f"Dense(3, kernel_regularizer={call_text(exercise, kwargs)})"
        if len(got["losses"]) != 1:
            raise Fail(f"{text} put {len(got['losses'])} entries in model.losses; expected exactly 1.")
        loss = np.asarray(got["losses"][0])
        if loss.shape != ():
            raise Fail(f"{text} added a loss of shape {loss.shape} to model.losses; expected a single number "
                       "(model.fit would silently sum it).")
        assert_close(loss, want["losses"][0], f"The penalty {text} adds to model.losses")
        if not np.all(np.isfinite(got["fit_loss"])):
            raise Fail(f"A training step (train_on_batch, as model.fit runs it) with {text} gave a NaN or infinite loss.")
        if got["loaded_regularizer"] != exercise:
            raise Fail(f"After saving to .keras and loading back, the kernel regularizer is a "
                       f"{got['loaded_regularizer']}, not your {exercise}: does get_config return its arguments?")
        if len(got["loaded_losses"]) != 1:
            raise Fail(f"After loading from .keras the model has {len(got['loaded_losses'])} regularization losses; expected 1.")
        assert_close(got["loaded_losses"][0], got["trained_losses"][0], "The penalty after saving to .keras and loading back")
    # END HIDDEN

    return checks


for _name in CASES:
    _make(_name)
