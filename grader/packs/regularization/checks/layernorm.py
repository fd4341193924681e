"""Checks of LayerNormalization on its declared grid, with numpy models of the common mistakes."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, register
from grader.checks.contract import add_contract_checks
from grader.packs.regularization.probes.arguments import contract_arguments
# BEGIN HIDDEN
from grader.packs.regularization.checks.affine import add_affine_checks
# END HIDDEN
from grader.checks.compare import assert_close, inert_output
from grader.checks.grid import FALSE, NONE, OMITTED, grid_verdict, judge_grid, level_notes
from grader.packs.regularization.checks.normalization import LEVEL_NOTES, ONE_FLAG_ON, SWAPPED_OUTPUT, UNCENTERED, factor_of, variance
# BEGIN HIDDEN
from grader.packs.regularization.checks.normalization import add_gradient_checks
# END HIDDEN
from grader.packs.regularization.probes.layernorm import normalized_axes

EXERCISE = "LayerNormalization"
checks = register(CheckSet(
    EXERCISE, core="grid",
    inert=grid_verdict(EXERCISE, "train", lambda case: inert_output(EXERCISE, case["x"], case["train"]["y"]))))
EPSILON = 1e-3

NOTES = level_notes({
    **LEVEL_NOTES,
    ("input", "shape (4, 3, 6) with axis=1"): "an int axis other than the last is mishandled: normalize over "
    "self.axis itself, and shape gamma and beta to broadcast along it.",
    ("input", "shape (4, 3, 6) with axis=[1, 2]"): "a list of axes is mishandled: normalize over all of them together.",
    ("input", "shape (3, 4, 5, 2) with axis=[-1, -2]"): "a list of negative axes, given out of order, is mishandled: "
    "turn each into a positive index (a % rank) and sort them.",
    ("input", "shape (3, 4, 5, 2) with axis=(3, 1)"): "a tuple of axes, or axes that are not next to each other or not in "
    "order, is mishandled: accept a tuple as a list, sort the positive axes, and shape gamma and beta with size 1 on "
    "every other axis.",
    ("input", "only shape (8, 5) with axis=-1"): "the code works only when `axis` is the last axis alone: reduce over "
    "the axes `axis` names (an int or a list), with keepdims=True, and shape gamma and beta to broadcast along them.",
})


def _argument(case: dict, name: str):
    return case["kwargs"].get(name, {"epsilon": EPSILON, "center": True, "scale": True}[name])


def _layout(case: dict, x: np.ndarray, param) -> np.ndarray:
    axes = normalized_axes(x.shape, case["axis"])
    return np.asarray(param, dtype=np.float64).reshape([x.shape[a] if a in axes else 1 for a in range(x.ndim)])


def normalize(case: dict, *, stat_axes=None, unbiased=False, epsilon=None, eps_outside=False, use_gamma=None,
              use_beta=None, centered=True) -> np.ndarray:
    """The layer's output in float64 for ``case``, optionally with one known mistake."""
    x = np.asarray(case["x"], dtype=np.float64)
    axes = tuple(normalized_axes(x.shape, case["axis"]) if stat_axes is None else stat_axes)
    mean = x.mean(axis=axes, keepdims=True)
    var = variance(x, axes, unbiased, centered=centered)
    eps = _argument(case, "epsilon") if epsilon is None else epsilon
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (x - mean) / (np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps))
    if _argument(case, "scale") if use_gamma is None else use_gamma:
        out = out * _layout(case, x, case["gamma"])
    if _argument(case, "center") if use_beta is None else use_beta:
        out = out + _layout(case, x, case["beta"])
    return out


def _more_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    center, scale = _argument(case, "center"), _argument(case, "scale")
    mistakes = [(UNCENTERED, normalize(case, centered=False))]
    if center != scale:
        mistakes.append((SWAPPED_OUTPUT, normalize(case, use_gamma=center, use_beta=scale)))
    return mistakes


def output_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x = np.asarray(case["x"])
    axes = normalized_axes(x.shape, case["axis"])
    others = tuple(a for a in range(x.ndim) if a not in axes)
    eps = _argument(case, "epsilon")
    mistakes = [
        ("It matches statistics taken over the BATCH axis (batch normalization): layer normalization "
         "averages each sample over `axis`.", normalize(case, stat_axes=others)),
        ("It matches the UNBIASED variance (dividing by N-1): use the biased variance, dividing by N.",
         normalize(case, unbiased=True)),
        ("It matches normalization without epsilon: use sqrt(var + self.epsilon).", normalize(case, epsilon=0.0)),
        ("It matches epsilon = 1e-5 (PyTorch's default): Keras's default is epsilon=1e-3, used as self.epsilon.",
         normalize(case, epsilon=1e-5)),
        ("It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root.",
         normalize(case, eps_outside=True)),
    ]
    if eps != EPSILON:
        mistakes.append((f"It matches epsilon = {EPSILON:g} although the layer was made with epsilon={eps:g}: use "
                         "self.epsilon, not a constant.", normalize(case, epsilon=EPSILON)))
    if axes != [x.ndim - 1]:
        mistakes.append(("It matches statistics over the last axis only: normalize over the axes given by `axis`.",
                         normalize(case, stat_axes=(x.ndim - 1,))))
    if axes != list(range(1, x.ndim)):
        mistakes.append(("It matches statistics over every axis of a sample (all but the batch axis): normalize over "
                         "the axes given by `axis` only.", normalize(case, stat_axes=tuple(range(1, x.ndim)))))
    if len(axes) > 1:
        for single in axes:
            mistakes.append((f"It matches normalizing over axis {single} only: `axis` is a list, normalize over all "
                             f"of {list(axes)} together.", normalize(case, stat_axes=(single,))))
    flag_models = (("scale", "use_gamma", "gamma is not applied: multiply the normalized value by gamma.",
                    "gamma is still applied with scale=False: make and apply gamma only when scale is True."),
                   ("center", "use_beta", "beta is not added: add beta after scaling by gamma.",
                    "beta is still added with center=False: make and add beta only when center is True."))
    for flag, keyword, missing, extra in flag_models:
        on = _argument(case, flag)
        if on and not _argument(case, "center" if flag == "scale" else "scale"):
            missing = ONE_FLAG_ON[flag]
        mistakes.append((missing if on else extra, normalize(case, **{keyword: not on})))
    return mistakes + _more_mistakes(case)


def _shapes(got: dict, want: dict) -> None:
    made = [n for n in ("gamma", "beta") if got["weight_shapes"][n] is not None]
    expected = [n for n in ("gamma", "beta") if want["weight_shapes"][n] is not None]
    if len(made) == len(expected) == 1 and made != expected:
        raise Fail(f"With center={_argument(want, 'center')} and scale={_argument(want, 'scale')}, the layer made "
                   f"{made[0]} instead of {expected[0]}: the two flags are "
                   "swapped. scale controls gamma (the multiplier) and center controls beta (the offset).",
                   mistake=SWAPPED_OUTPUT)
    for name in ("gamma", "beta"):
        expected = want["weight_shapes"][name]
        found = got["weight_shapes"][name]
        if expected is not None and found != expected:
            raise Fail(f"{name} has shape {None if found is None else tuple(found)}; expected {tuple(expected)}, one "
                       "value per element of the normalized axes.")


@checks.add("gamma and beta have the shape of the normalized axes", 1, "grid", public=True)
def param_shapes(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _shapes, (), NOTES)


def _train_output(got: dict, want: dict) -> None:
    if got["train"]["dtype"] != want["train"]["dtype"]:
        raise Fail(f"The output is {got['train']['dtype']}, expected {want['train']['dtype']}: a {want['train']['dtype']} "
                   "layer computes in its own dtype (self.compute_dtype); something is cast or created as another dtype.")
    assert_close(got["train"]["y"], want["train"]["y"], "The output", output_mistakes(want), factor_of(want))


@checks.add("output matches Keras on every configuration", 3, "grid", public=True)
def forward_output(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _train_output, ("train",), NOTES)


# BEGIN HIDDEN
def _dx_detached(case: dict) -> np.ndarray:
    x = np.asarray(case["x"], dtype=np.float64)
    axes = tuple(normalized_axes(x.shape, case["axis"]))
    var = x.var(axis=axes, keepdims=True)
    gamma = _layout(case, x, case["gamma"]) if _argument(case, "scale") else 1.0
    return case["g"] * gamma / np.sqrt(var + _argument(case, "epsilon"))


def _detached(case: dict) -> tuple[str, np.ndarray]:
    return ("It matches a gradient that does not flow through the mean and variance: compute them with "
            "TensorFlow ops on the input, without tf.stop_gradient or numpy.", _dx_detached(case))


add_gradient_checks(checks, _train_output, _detached, NOTES)


def _alone(got: dict, want: dict) -> None:
    whole = np.asarray(got["mode"]["y"])[-1:]
    assert_close(got["alone"]["y"], whole, "The last sample normalized alone, LN(x[-1:]), compared with the same "
                 "sample normalized in the batch, LN(x)[-1],", factor=factor_of(want))


@checks.add("each sample is normalized on its own", 1, "grid")
def batch_independence(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _alone, ("alone", "mode"), NOTES)


def _modes(got: dict, want: dict) -> None:
    trained = np.asarray(got["train"]["y"])
    value = np.asarray(got["mode"]["y"])
    if value.shape != trained.shape or not np.allclose(value, trained, rtol=1e-6, atol=1e-6):
        how = {FALSE: "training=False", OMITTED: "`training` omitted", NONE: "training=None"}[want["config"]["mode"]]
        raise Fail(f"The output with {how} differs from the output with training=True: layer normalization "
                   "has no moving statistics and behaves the same in both modes.")


@checks.add("the same in training and inference", 1, "grid")
def modes(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _modes, ("train", "mode"), NOTES)


@checks.add("the same results inside tf.function", 1, "graph")
def graph(obs: dict, ref: dict) -> None:
    assert_close(obs["graph"]["graph"], obs["graph"]["eager"], "The output inside tf.function, compared with eager execution,")
# END HIDDEN


# BEGIN HIDDEN
add_affine_checks(checks)
# END HIDDEN
add_contract_checks(checks, *contract_arguments(checks.exercise))
