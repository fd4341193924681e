"""Checks of BatchNormalization on its declared grid, with numpy models of the common mistakes."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.contract import add_contract_checks
from grader.packs.regularization.probes.arguments import contract_arguments
# BEGIN HIDDEN
from grader.packs.regularization.checks.affine import add_affine_checks
# END HIDDEN
from grader.checks.compare import assert_close, close, inert_output
from grader.checks.grid import FALSE, FROZEN_MODE, MODE_TEXT, NONE, OMITTED, grid_verdict, judge_grid, level_notes, select
from grader.packs.regularization.checks.normalization import LEVEL_NOTES, ONE_FLAG_ON, SWAPPED_OUTPUT, UNCENTERED, factor_of, variance
# BEGIN HIDDEN
from grader.packs.regularization.checks.normalization import add_gradient_checks
# END HIDDEN

EXERCISE = "BatchNormalization"
checks = register(CheckSet(
    EXERCISE, core="grid",
    inert=grid_verdict(EXERCISE, "train", lambda case: inert_output(EXERCISE, case["x"], case["train"]["y"]))))
EPSILON = 1e-3
DEFAULT_MOMENTUM = 0.99
UNBIASED = "unbiased-variance"

NOTES = level_notes({
    **LEVEL_NOTES,
    ("input", "shape (4, 6, 3, 2) with axis=1"): "the code assumes the feature axis is the last one: reduce over every "
    "axis except self.axis (whatever its sign) and reshape gamma, beta and the statistics to broadcast along it.",
    ("input", "shape (5, 4, 3) with axis=-2"): "a negative axis other than -1 is mishandled: turn self.axis into a "
    "positive index with axis % rank before choosing the reduction axes.",
    ("input", "only shape (8, 5) with axis=-1"): "the code works only when the feature axis is the last one: reduce "
    "over every axis except self.axis and reshape gamma, beta and the statistics to broadcast along it.",
    ("input", "only shape (4, 3, 2, 6) with axis=-1"): "the code works only when the feature axis is the last one: "
    "reduce over every axis except self.axis and reshape gamma, beta and the statistics to broadcast along it.",
    ("input", "shape (1, 7) with axis=-1 (a batch of one)"): "a batch of one has variance 0 in training; dividing by "
    "N - 1 or by the standard deviation without epsilon breaks there.",
})


def _axes(ndim: int, axis: int) -> tuple[int, ...]:
    return tuple(a for a in range(ndim) if a != axis % ndim)


def _broadcast(v, ndim: int, axis: int) -> np.ndarray:
    shape = [1] * ndim
    shape[axis % ndim] = -1
    return np.asarray(v, dtype=np.float64).reshape(shape)


def _argument(case: dict, name: str):
    return case["kwargs"].get(name, {"epsilon": EPSILON, "momentum": DEFAULT_MOMENTUM, "center": True, "scale": True}[name])


def normalize(case: dict, x=None, *, mean=None, var=None, unbiased=False, eps_outside=False, epsilon=None,
              axes=None, use_gamma=None, use_beta=None, centered=True) -> np.ndarray:
    """The layer's output in float64 for ``case``, optionally with one known mistake."""
    x = np.asarray(case["x"] if x is None else x, dtype=np.float64)
    axis = case["axis"]
    axes = _axes(x.ndim, axis) if axes is None else axes
    mean = x.mean(axis=axes, keepdims=True) if mean is None else _broadcast(mean, x.ndim, axis)
    var = variance(x, axes, unbiased, centered=centered) if var is None else _broadcast(var, x.ndim, axis)
    eps = _argument(case, "epsilon") if epsilon is None else epsilon
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (x - mean) / (np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps))
    if _argument(case, "scale") if use_gamma is None else use_gamma:
        out = out * _broadcast(case["gamma"], x.ndim, axis)
    if _argument(case, "center") if use_beta is None else use_beta:
        out = out + _broadcast(case["beta"], x.ndim, axis)
    return out


def _more_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    center, scale = _argument(case, "center"), _argument(case, "scale")
    mistakes = [(UNCENTERED, normalize(case, centered=False))]
    if center != scale:
        mistakes.append((SWAPPED_OUTPUT, normalize(case, use_gamma=center, use_beta=scale)))
    return mistakes


def output_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x, axis = np.asarray(case["x"]), case["axis"]
    ndim, n = x.ndim, x.size // x.shape[axis]
    eps = _argument(case, "epsilon")
    mistakes = [
        (Mistake(f"It matches the UNBIASED variance (dividing by N-1 = {n - 1}): batch normalization uses the "
                 "biased variance, dividing by N.", cause=UNBIASED), normalize(case, unbiased=True)),
        ("It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root, sqrt(var + epsilon).",
         normalize(case, eps_outside=True)),
        ("It matches normalization without epsilon: use sqrt(var + self.epsilon).", normalize(case, epsilon=0.0)),
        ("It matches epsilon = 1e-5 (PyTorch's default): Keras's default is epsilon=1e-3, used as self.epsilon.",
         normalize(case, epsilon=1e-5)),
        ("The statistics are taken over the feature axis (per sample, like LayerNormalization): batch "
         "normalization averages over every axis EXCEPT `axis`.", normalize(case, axes=(axis % ndim,))),
    ]
    if eps != EPSILON:
        mistakes.append((f"It matches epsilon = {EPSILON:g} although the layer was made with epsilon={eps:g}: use "
                         "self.epsilon, not a constant.", normalize(case, epsilon=EPSILON)))
    if _argument(case, "scale"):
        mistakes.append((ONE_FLAG_ON["scale"] if not _argument(case, "center") else
                         "gamma is not applied: multiply the normalized value by gamma.", normalize(case, use_gamma=False)))
    else:
        mistakes.append(("gamma is still applied with scale=False: make and apply gamma only when scale is True.",
                         normalize(case, use_gamma=True)))
    if _argument(case, "center"):
        mistakes.append((ONE_FLAG_ON["center"] if not _argument(case, "scale") else
                         "beta is not added: add beta after scaling by gamma.", normalize(case, use_beta=False)))
    else:
        mistakes.append(("beta is still added with center=False: make and add beta only when center is True.",
                         normalize(case, use_beta=True)))
    if ndim > 2:
        mistakes.append(("The statistics are taken over the batch axis only: average over every axis except `axis`.",
                         normalize(case, axes=(0,))))
    if ndim > 2 and axis % ndim != 0:
        x64 = np.asarray(case["x"], dtype=np.float64)
        others = tuple(a for a in range(1, ndim) if a != axis % ndim)
        per_position = x64.var(axis=0, keepdims=True).mean(axis=others).reshape(-1)
        mistakes.append(("It matches the variance over the batch axis at each position, then averaged over the other "
                         "axes: that misses how the per-position means spread. Take the variance over every axis but "
                         "`axis` at once.", normalize(case, var=per_position)))
    if axis % ndim != ndim - 1:
        mistakes.append(("The statistics are taken over every axis but the LAST one: batch normalization keeps "
                         "`axis` apart, whichever axis that is.", normalize(case, axes=tuple(range(ndim - 1)))))
    return mistakes + _more_mistakes(case)


def _train_output(got: dict, want: dict) -> None:
    if got["train"]["dtype"] != want["train"]["dtype"]:
        raise Fail(f"The output is {got['train']['dtype']}, expected {want['train']['dtype']}: a {want['train']['dtype']} "
                   "layer computes in its own dtype (self.compute_dtype); something is cast or created as another dtype.")
    assert_close(got["train"]["y"], want["train"]["y"], "The training output", output_mistakes(want), factor_of(want))


@checks.add("training output matches Keras on every configuration", 3, "grid", public=True)
def training_output(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _train_output, ("train",), NOTES)


# BEGIN HIDDEN
def _dx_detached(case: dict) -> np.ndarray:
    """dx when the batch mean and variance are treated as constants."""
    x, axis = np.asarray(case["x"], dtype=np.float64), case["axis"]
    var = x.var(axis=_axes(x.ndim, axis), keepdims=True)
    gamma = _broadcast(case["gamma"], x.ndim, axis) if _argument(case, "scale") else 1.0
    return case["g"] * gamma / np.sqrt(var + _argument(case, "epsilon"))


def _detached(case: dict) -> tuple[str, np.ndarray]:
    return ("It matches a gradient that does not flow through the batch mean and variance: compute them "
            "with TensorFlow ops on the input, without tf.stop_gradient or numpy.", _dx_detached(case))


add_gradient_checks(checks, _train_output, _detached, NOTES)


def _moving(case: dict, steps: int, *, momentum=None, reverse=False, unbiased=False, std=None, shift=None):
    """(moving_mean, moving_variance) after ``steps`` training calls, in float64."""
    xs = [case["x"], *case["steps"]][:steps]
    axis = case["axis"]
    m = _argument(case, "momentum") if momentum is None else momentum
    keep = (1 - m) if reverse else m
    mean = var = None
    for x in xs:
        x = np.asarray(x, dtype=np.float64)
        axes = _axes(x.ndim, axis)
        batch_mean, batch_var = x.mean(axis=axes), variance(x, axes, unbiased, keepdims=False)
        if std is not None:  # a mistake: the standard deviation, sqrt(var + std), in place of the variance
            batch_var = np.sqrt(batch_var + std)
        if shift is not None:  # a mistake: epsilon added to the variance the moving average follows
            batch_var = batch_var + shift
        if mean is None:
            mean, var = np.zeros_like(batch_mean), np.ones_like(batch_var)
        mean, var = mean * keep + batch_mean * (1 - keep), var * keep + batch_var * (1 - keep)
    return {"moving_mean": mean, "moving_variance": var}


STD_NOT_VAR = ("It matches a moving variance updated with the batch STANDARD DEVIATION (the square root of the "
               "variance, with or without epsilon): moving_variance follows the batch variance itself.")


def _stats_after(steps: int):
    section = "stats1" if steps == 1 else "stats3"

    def compare(got: dict, want: dict) -> None:
        momentum = _argument(want, "momentum")
        variants = [
            (f"It matches moving = moving*(1-momentum) + batch*momentum: Keras keeps momentum={momentum:g} of the OLD "
             "value (moving*momentum + batch*(1-momentum)), the reverse of PyTorch's convention.",
             _moving(want, steps, reverse=True)),
            (Mistake("It matches a moving variance built from the unbiased batch variance: Keras uses the biased "
                     "one.", cause=UNBIASED), _moving(want, steps, unbiased=True)),
            ("It matches a moving variance that follows the batch variance plus epsilon: epsilon belongs in the "
             "normalization only; moving_variance follows the batch variance itself.",
             _moving(want, steps, shift=_argument(want, "epsilon"))),
            *((STD_NOT_VAR, _moving(want, steps, std=shift)) for shift in (0.0, _argument(want, "epsilon"))),
        ]
        if momentum != DEFAULT_MOMENTUM:
            variants.append((f"It matches momentum={DEFAULT_MOMENTUM:g} although the layer was made with "
                             f"momentum={momentum:g}: use self.momentum.", _moving(want, steps, momentum=DEFAULT_MOMENTUM)))
        channels = np.asarray(want[section]["moving_mean"]).shape
        variants.append(("It never changed from its initial value: update the moving statistics with .assign(...) in training.",
                         {"moving_mean": np.zeros(channels), "moving_variance": np.ones(channels)}))
        for stat in ("moving_mean", "moving_variance"):
            assert_close(got[section][stat], want[section][stat], f"{stat} after {steps} training step(s)",
                         [(text, model[stat]) for text, model in variants], factor_of(want))

    return compare


def _moving_stats(got: dict, want: dict) -> None:
    _stats_after(1)(got, want)
    _stats_after(3)(got, want)


@checks.add("moving statistics after 1 and 3 training steps", 3, "grid")
def moving_statistics(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _moving_stats, ("stats1", "stats3"), NOTES)
# END HIDDEN


def _unchanged(before: dict, after: dict, how: str) -> None:
    for stat in ("moving_mean", "moving_variance"):
        if not close(after[stat], before[stat], rtol=1e-6, equal_nan=True):
            raise Fail(f"{how}, {stat} changed: update the moving statistics only in training.")


def from_moving(want: dict, stats: dict) -> np.ndarray:
    """What inference gives with the layer's own moving statistics: the behaviour judged, not their values
    (those are the moving-statistics check's business)."""
    return normalize(want, mean=stats["moving_mean"], var=stats["moving_variance"])


def _inference(got: dict, want: dict) -> None:
    how = MODE_TEXT[want["config"]["mode"]]
    data = got["mode"]
    assert_close(data["y"], from_moving(want, data["before"]), f"{how}, the output (compared with normalization "
                 "by the layer's own moving_mean and moving_variance)",
                 [("It is normalized with the BATCH statistics: at inference use moving_mean and moving_variance.",
                   normalize(want))], factor_of(want), equal_nan=True)
    _unchanged(data["before"], data["after"], how)


def _judge_mode(obs: dict, ref: dict, labels: tuple[str, ...], compare) -> None:
    judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", labels), compare, ("mode",), NOTES)


@checks.add("inference uses the moving statistics and updates nothing", 2, "grid", public=True)
def inference_false(obs: dict, ref: dict) -> None:
    _judge_mode(obs, ref, (FALSE,), _inference)


# BEGIN HIDDEN
@checks.add("training=None (omitted) means inference", 1, "grid")
def inference_omitted(obs: dict, ref: dict) -> None:
    _judge_mode(obs, ref, (OMITTED, NONE), _inference)


FROZEN = ("a frozen layer (trainable=False) called with training=True must run in inference mode, as in Keras "
          "(fine-tuning relies on it): test `training and self.trainable`.")


def _frozen(got: dict, want: dict) -> None:
    data = got["mode"]
    for stat in ("moving_mean", "moving_variance"):
        if not close(data["after"][stat], data["before"][stat], rtol=1e-6, equal_nan=True):
            raise Fail(f"With layer.trainable = False and training=True, {stat} changed: {FROZEN}", mistake=FROZEN)
    assert_close(data["y"], from_moving(want, data["before"]), "With layer.trainable = False and training=True, the "
                 "output (compared with normalization by the layer's own moving statistics)", [
        ("It is normalized with the batch statistics: a frozen BatchNormalization (as in fine-tuning) runs in "
         "inference mode in Keras. Test `training and self.trainable`.", normalize(want))], factor_of(want), equal_nan=True)


@checks.add("a frozen layer (trainable=False) runs in inference mode", 1, "grid")
def frozen(obs: dict, ref: dict) -> None:
    _judge_mode(obs, ref, (FROZEN_MODE,), _frozen)


@checks.add("gamma and beta are trainable, the moving statistics are not", 1, "weights")
def weights(obs: dict, ref: dict) -> None:
    got, want = obs["weights"]["attributes"], ref["weights"]["attributes"]
    wrong = [n for n in want if got.get(n) != want[n]]
    if wrong:
        described = ", ".join(f"{n} is {'trainable' if got.get(n) else 'not trainable'}" for n in wrong)
        raise Fail(f"{described}: gamma and beta are learned by the optimizer (trainable=True); moving_mean and "
                   "moving_variance are updated by the layer itself (add_weight(..., trainable=False)).")
    shapes = {n: f["shape"] for n, f in obs["weights"]["flags"].items()}
    want_shapes = {n: f["shape"] for n, f in ref["weights"]["flags"].items()}
    for name, shape in want_shapes.items():
        if name in shapes and shapes[name] != shape:
            raise Fail(f"{name} has shape {tuple(shapes[name])}; expected {tuple(shape)} (one value per feature of `axis`).")


@checks.add("the same results inside tf.function", 1, "graph")
def graph(obs: dict, ref: dict) -> None:
    """Two layers made alike, one run eagerly and one through tf.function: the student's own eager results
    are what the traced ones must equal, so a mistake in the formula is not counted here again."""
    data = obs["graph"]
    for step, (traced, eager) in enumerate(zip(data["graph"]["outputs"], data["eager"]["outputs"]), start=1):
        assert_close(traced, eager, f"Training output of step {step} inside tf.function, compared with the same step run eagerly,",
                     equal_nan=True)
        for stat in ("moving_mean", "moving_variance"):
            assert_close(data["graph"]["history"][step - 1][stat], data["eager"]["history"][step - 1][stat],
                         f"{stat} after step {step} inside tf.function, compared with eager execution (a Python-side "
                         "update runs only when tracing)", equal_nan=True)


@checks.add("model.fit updates the moving statistics, evaluate does not", 1, "model")
def fit_evaluate(obs: dict, ref: dict) -> None:
    data = obs["model"]
    for stat in ("moving_mean", "moving_variance"):
        if close(data["after_fit"][stat], data["initial"][stat], rtol=1e-7):
            raise Fail(f"{stat} did not change during a training step (train_on_batch, as model.fit runs it): update it with .assign(...) when training is True "
                       "(model.fit passes training=True).")
        if not close(data["after_evaluate"][stat], data["after_fit"][stat], rtol=1e-7):
            raise Fail(f"{stat} changed during evaluation (test_on_batch, as model.evaluate runs it): evaluation runs in inference mode and must update nothing.")
# END HIDDEN


# BEGIN HIDDEN
add_affine_checks(checks)
# END HIDDEN
add_contract_checks(checks, *contract_arguments(checks.exercise))
