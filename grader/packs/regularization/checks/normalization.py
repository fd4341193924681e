"""What the checks of the two normalization layers share: the notes on the levels of their common factors."""

from __future__ import annotations

from typing import Callable

import numpy as np

from grader.checks import CheckSet, Mistake
from grader.checks.compare import assert_close
from grader.checks.grid import Compare, Hint, both, judge_grid, passes
from grader.settings import OFFSET_TOLERANCE_FACTOR

UNCENTERED = ("It matches a variance taken as the mean of x² with no mean subtracted (as RMS normalization "
              "does), while the mean is still subtracted from x: the variance is the mean of (x - mean)².")
SWAPPED_OUTPUT = Mistake("It matches gamma applied when center is True and beta added when scale is True: the two flags "
                         "are swapped. scale controls gamma (the multiplier) and center controls beta (the offset).",
                         cause="center-scale-swapped")

# When one flag is off, a missing gamma (or beta) reads as "the other flag switched both off".
ONE_FLAG_ON = {
    "scale": "With scale=True and center=False the output has no gamma: scale=True must still multiply by gamma; "
             "center=False only leaves out beta. Each flag controls its own weight.",
    "center": "With center=True and scale=False the output has no beta: center=True must still add beta; "
              "scale=False only leaves out gamma. Each flag controls its own weight.",
}

LEVEL_NOTES = {
    ("dtype", "float64"): "something in the code is fixed to float32 (a cast, a constant or a weight made with "
    "dtype='float32'). A layer made with dtype='float64' computes in float64: use self.compute_dtype or the "
    "input's dtype.",
    ("data", "mean 1000"): "the variance is computed as E[x²] - E[x]², which cancels catastrophically when the "
    "mean is large compared with the spread. Average the squared deviations from the mean instead.",
    ("data", "std 0.05"): "epsilon is mishandled: with a small spread, where and how epsilon enters "
    "sqrt(variance + epsilon) changes the output the most.",
    ("data", "one constant slice"): "a constant slice has variance 0; only epsilon inside the square root keeps the "
    "division finite.",
    ("arguments", "center=False"): "center=False is not followed: without it there is no beta and nothing is added.",
    ("arguments", "scale=False"): "scale=False is not followed: without it there is no gamma and nothing multiplies.",
    ("arguments", "momentum=0.9, epsilon=0.01"): "an argument given to the constructor is not used: read "
    "self.momentum and self.epsilon instead of constants.",
    ("arguments", "epsilon=0.01"): "the epsilon given to the constructor is not used: read self.epsilon instead of a constant.",
}


def factor_of(case: dict) -> float:
    """How much wider than usual the tolerance is for this configuration's data (see settings)."""
    return OFFSET_TOLERANCE_FACTOR if case["config"].get("data") == "mean 1000" else 1.0


def variance(x: np.ndarray, axes: tuple[int, ...], unbiased: bool = False, keepdims: bool = True,
             centered: bool = True) -> np.ndarray:
    """The biased variance over ``axes``, or the unbiased one (inf or NaN for a single value, without warnings);
    ``centered=False``: the mean of the squares, with no mean taken off (a mistake)."""
    var = x.var(axis=axes, keepdims=keepdims) if centered else np.square(x).mean(axis=axes, keepdims=keepdims)
    if not unbiased:
        return var
    n = x.size // max(1, var.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        return var * n / np.float64(n - 1)


# BEGIN HIDDEN
def add_gradient_checks(checks: CheckSet, train_output: Compare, detached: Callable[[dict], tuple[str, np.ndarray]],
                        notes: Hint) -> None:
    """The two gradient checks of a normalization layer on its grid: w.r.t. the input (with the model of
    statistics detached from the tape) and w.r.t. gamma and beta; both say so when the output itself is right."""

    def dx(got: dict, want: dict) -> None:
        assert_close(got["grads"]["dx"], want["grads"]["dx"], "The gradient w.r.t. the input (random upstream gradient)",
                     [detached(want)], factor_of(want))

    def forward_right(got_cases: list[dict], want_cases: list[dict], results) -> str:
        failing = [i for i, r in enumerate(results) if r.failure and not r.crashed]
        if failing and all(passes(got_cases[i], want_cases[i], train_output, ("train",)) for i in failing):
            return ("The output is right on these configurations but its gradient is not: part of the computation is "
                    "hidden from the gradient tape (numpy, .numpy(), float(), tf.stop_gradient).")
        return ""

    def dparams(got: dict, want: dict) -> None:
        for name in ("gamma", "beta"):
            if name in want["held"]:
                assert_close(got["grads"].get(f"d{name}"), want["grads"][f"d{name}"], f"The gradient w.r.t. {name}",
                             factor=factor_of(want))

    @checks.add("gradient w.r.t. the input matches Keras", 2, "grid")
    def input_gradient(obs: dict, ref: dict) -> None:
        judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], dx, ("grads",), both(forward_right, notes))

    @checks.add("gradients w.r.t. gamma and beta match Keras", 1, "grid")
    def param_gradients(obs: dict, ref: dict) -> None:
        judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], dparams, ("grads",), both(forward_right, notes))
# END HIDDEN
