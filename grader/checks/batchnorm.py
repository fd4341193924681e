"""Checks of BatchNormalization, with numpy models of the common mistakes for diagnosis."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, register
from grader.checks.contract import add_contract_checks
# BEGIN HIDDEN
from grader.checks.affine import add_affine_checks
# END HIDDEN
from grader.checks.compare import assert_close, close, fmt, inert_output
from grader.probes.batchnorm import MOMENTUM

checks = register(CheckSet(
    "BatchNormalization", core="forward",
    inert=lambda obs: inert_output("BatchNormalization", obs["cases"][0]["x"], obs["cases"][0]["y"])))
EPSILON = 1e-3
DEFAULT_MOMENTUM = 0.99


def _axes(ndim: int, axis: int) -> tuple[int, ...]:
    return tuple(a for a in range(ndim) if a != axis % ndim)


def _broadcast(v: np.ndarray, ndim: int, axis: int) -> np.ndarray:
    shape = [1] * ndim
    shape[axis % ndim] = -1
    return np.asarray(v, dtype=np.float64).reshape(shape)


def normalize(x, gamma, beta, axis, *, unbiased=False, eps_outside=False, epsilon=EPSILON, axes=None, use_gamma=True, use_beta=True):
    """Batch normalization in float64, optionally with one known mistake."""
    x = x.astype(np.float64)
    axes = _axes(x.ndim, axis) if axes is None else axes
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True, ddof=1 if unbiased else 0)
    scaled = (x - mean) / (np.sqrt(var) + epsilon if eps_outside else np.sqrt(var + epsilon))
    if use_gamma:
        scaled = scaled * _broadcast(gamma, x.ndim, axis)
    if use_beta:
        scaled = scaled + _broadcast(beta, x.ndim, axis)
    return scaled


def output_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x, gamma, beta, axis = case["x"], case["gamma"], case["beta"], case["axis"]
    n = x.size // x.shape[axis]
    mistakes = [
        (f"It matches the UNBIASED variance (dividing by N-1 = {n - 1}): batch normalization uses the biased "
         "variance, dividing by N.", normalize(x, gamma, beta, axis, unbiased=True)),
        ("It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root, sqrt(var + epsilon).",
         normalize(x, gamma, beta, axis, eps_outside=True)),
        ("It matches normalization without epsilon: use sqrt(var + self.epsilon).", normalize(x, gamma, beta, axis, epsilon=0.0)),
        ("It matches epsilon = 1e-5 (PyTorch's default): Keras's default is epsilon=1e-3, used as self.epsilon.",
         normalize(x, gamma, beta, axis, epsilon=1e-5)),
        ("gamma is not applied: multiply the normalized value by gamma.", normalize(x, gamma, beta, axis, use_gamma=False)),
        ("beta is not added: add beta after scaling by gamma.", normalize(x, gamma, beta, axis, use_beta=False)),
        ("The statistics are taken over the feature axis (per sample, like LayerNormalization): batch "
         "normalization averages over every axis EXCEPT `axis`.", normalize(x, gamma, beta, axis, axes=(axis % x.ndim,))),
    ]
    if x.ndim > 2:
        mistakes.append(("The statistics are taken over the batch axis only: average over every axis except `axis`.",
                         normalize(x, gamma, beta, axis, axes=(0,))))
    return mistakes


def _case_text(case: dict) -> str:
    return f"input of shape {tuple(case['x'].shape)}, axis={case['axis']}"


@checks.add("training output matches Keras (batch statistics)", 3, "forward", public=True)
def forward_output(obs: dict, ref: dict) -> None:
    for got, want in zip(obs["forward"]["cases"], ref["forward"]["cases"]):
        assert_close(got["y"], want["y"], f"Training output for an {_case_text(want)}", output_mistakes(want))


# BEGIN HIDDEN
def _dx_detached(case: dict) -> np.ndarray:
    """dx when the batch mean and variance are treated as constants."""
    x, axis = case["x"].astype(np.float64), case["axis"]
    var = x.var(axis=_axes(x.ndim, axis), keepdims=True)
    return case["g"] * _broadcast(case["gamma"], x.ndim, axis) / np.sqrt(var + EPSILON)


@checks.add("gradients w.r.t. input, gamma and beta match Keras", 3, "forward")
def forward_gradients(obs: dict, ref: dict) -> None:
    for got, want in zip(obs["forward"]["cases"], ref["forward"]["cases"]):
        text = _case_text(want)
        assert_close(got["dx"], want["dx"], f"The gradient w.r.t. the input ({text}, random upstream gradient)",
                     [("It matches a gradient that does not flow through the batch mean and variance: compute them "
                       "with TensorFlow ops on the input, without tf.stop_gradient or numpy.", _dx_detached(want))])
        assert_close(got["dgamma"], want["dgamma"], f"The gradient w.r.t. gamma ({text})")
        assert_close(got["dbeta"], want["dbeta"], f"The gradient w.r.t. beta ({text})")


def _moving(history_x: list[np.ndarray], momentum: float, reverse: bool = False, unbiased: bool = False):
    mean, var = np.zeros(history_x[0].shape[-1]), np.ones(history_x[0].shape[-1])
    out = []
    for x in history_x:
        x = x.astype(np.float64)
        batch_mean, batch_var = x.mean(axis=0), x.var(axis=0, ddof=1 if unbiased else 0)
        keep = (1 - momentum) if reverse else momentum
        mean = mean * keep + batch_mean * (1 - keep)
        var = var * keep + batch_var * (1 - keep)
        out.append((mean, var))
    return out


@checks.add("moving statistics after 1 and after 5 training steps", 3, "moving_stats")
def moving_stats(obs: dict, ref: dict) -> None:
    xs = ref["moving_stats"]["xs"]
    got_history, want_history = obs["moving_stats"]["history"], ref["moving_stats"]["history"]
    for step in (0, len(want_history) - 1):
        for stat in ("moving_mean", "moving_variance"):
            position = 1 if stat == "moving_mean" else 2
            mistakes = [
                (f"It matches moving = moving*(1-momentum) + batch*momentum: Keras keeps momentum={MOMENTUM} of the "
                 "OLD value (moving*momentum + batch*(1-momentum)), the reverse of PyTorch's convention.",
                 _moving(xs, MOMENTUM, reverse=True)[step][position - 1]),
                ("It matches a moving variance built from the unbiased batch variance: Keras uses the biased one.",
                 _moving(xs, MOMENTUM, unbiased=True)[step][position - 1]),
                ("It never changed from its initial value: update the moving statistics with .assign(...) in training.",
                 np.zeros(xs[0].shape[-1]) if stat == "moving_mean" else np.ones(xs[0].shape[-1])),
            ]
            assert_close(got_history[step][stat], want_history[step][stat],
                         f"{stat} after {step + 1} training step(s) with momentum={MOMENTUM}", mistakes)


@checks.add("moving statistics after one step with the default momentum", 1, "forward")
def default_momentum(obs: dict, ref: dict) -> None:
    got, want = obs["forward"]["cases"][0], ref["forward"]["cases"][0]
    for stat in ("moving_mean", "moving_variance"):
        assert_close(got[stat], want[stat], f"{stat} after one step of BatchNormalization() (default momentum={DEFAULT_MOMENTUM})")
# END HIDDEN


def _inference_model(data: dict) -> np.ndarray:
    x, stats = data["x"].astype(np.float64), data["before"]
    return (x - stats["moving_mean"]) / np.sqrt(stats["moving_variance"] + EPSILON) * data["gamma"] + data["beta"]


def _inference(obs: dict, ref: dict, key: str, after: str, how: str) -> None:
    data, want = obs["inference"], ref["inference"]
    got = data[key]
    batch_stats = normalize(want["x"], want["gamma"], want["beta"], -1)
    assert_close(got, want[key], f"{how}, the output",
                 [("It is normalized with the BATCH statistics: at inference use moving_mean and moving_variance.", batch_stats)])
    for stat in ("moving_mean", "moving_variance"):
        if not close(data[after][stat], data["before"][stat], rtol=1e-6):
            raise Fail(f"{how}, {stat} changed from {fmt(float(data['before'][stat][0]))} to "
                       f"{fmt(float(data[after][stat][0]))} (first element): update the moving statistics only in training.")


@checks.add("inference uses the moving statistics and updates nothing", 2, "inference", public=True)
def inference_false(obs: dict, ref: dict) -> None:
    _inference(obs, ref, "training_false", "after_false", "With training=False")


# BEGIN HIDDEN
@checks.add("training=None (omitted) means inference", 1, "inference")
def inference_omitted(obs: dict, ref: dict) -> None:
    _inference(obs, ref, "omitted", "after_omitted", "When called without `training`")


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
    got, want = obs["graph"], ref["graph"]
    for step, (y_got, y_want) in enumerate(zip(got["outputs"], want["outputs"]), start=1):
        assert_close(y_got, y_want, f"Training output of step {step} inside tf.function")
        for stat in ("moving_mean", "moving_variance"):
            assert_close(got["history"][step - 1][stat], want["history"][step - 1][stat],
                         f"{stat} after step {step} inside tf.function (a Python-side update runs only when tracing)")


@checks.add("model.fit updates the moving statistics, evaluate does not", 1, "model")
def fit_evaluate(obs: dict, ref: dict) -> None:
    data = obs["model"]
    for stat in ("moving_mean", "moving_variance"):
        if close(data["after_fit"][stat], data["initial"][stat], rtol=1e-7):
            raise Fail(f"{stat} did not change during a training step (train_on_batch, as model.fit runs it): update it with .assign(...) when training is True "
                       "(model.fit passes training=True).")
        if not close(data["after_evaluate"][stat], data["after_fit"][stat], rtol=1e-7):
            raise Fail(f"{stat} changed during evaluation (test_on_batch, as model.evaluate runs it): evaluation runs in inference mode and must update nothing.")


@checks.add("a frozen layer (trainable=False) runs in inference mode", 0, "frozen", advice=True)
def frozen(obs: dict, ref: dict) -> None:
    data = obs["frozen"]
    for stat in ("moving_mean", "moving_variance"):
        if not close(data["after"][stat], data["before"][stat], rtol=1e-7):
            raise Fail(f"With layer.trainable = False, a training call still changed {stat}. In Keras a frozen "
                       "BatchNormalization (as in fine-tuning) uses and keeps its moving statistics: test "
                       "`training and self.trainable`.")
    if not close(data["frozen"], data["inference"]):
        raise Fail("With layer.trainable = False, training=True still normalizes with the batch statistics. In Keras "
                   "a frozen BatchNormalization runs in inference mode: test `training and self.trainable`.")
# END HIDDEN


# BEGIN HIDDEN
add_affine_checks(checks)
# END HIDDEN
add_contract_checks(checks)
