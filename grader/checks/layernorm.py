"""Checks of LayerNormalization, with numpy models of the common mistakes for diagnosis."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, register
from grader.checks.contract import add_contract_checks
# BEGIN HIDDEN
from grader.checks.affine import add_affine_checks
# END HIDDEN
from grader.checks.compare import assert_close, inert_output
from grader.probes.layernorm import normalized_axes

checks = register(CheckSet(
    "LayerNormalization", core="forward",
    inert=lambda obs: inert_output("LayerNormalization", obs["cases"][0]["x"], obs["cases"][0]["y"])))
EPSILON = 1e-3


def normalize(x, gamma, beta, axes, *, unbiased=False, epsilon=EPSILON, eps_outside=False):
    x = x.astype(np.float64)
    axes = tuple(axes)
    mean = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True, ddof=1 if unbiased else 0)
    out = (x - mean) / (np.sqrt(var) + epsilon if eps_outside else np.sqrt(var + epsilon))
    if gamma is not None:
        shape = [x.shape[a] if a in axes else 1 for a in range(x.ndim)]
        out = out * gamma.reshape(shape) + beta.reshape(shape)
    return out


def output_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x, gamma, beta = case["x"], case["gamma"], case["beta"]
    axes = normalized_axes(x.shape, case["axis"])
    others = tuple(a for a in range(x.ndim) if a not in axes)
    mistakes = [
        ("It matches statistics taken over the BATCH axis (batch normalization): layer normalization "
         "averages each sample over `axis`.", _over(x, gamma, beta, axes, others)),
        ("It matches the UNBIASED variance (dividing by N-1): use the biased variance, dividing by N.",
         normalize(x, gamma, beta, axes, unbiased=True)),
        ("It matches normalization without epsilon: use sqrt(var + self.epsilon).", normalize(x, gamma, beta, axes, epsilon=0.0)),
        ("It matches epsilon = 1e-5 (PyTorch's default): Keras's default is epsilon=1e-3, used as self.epsilon.",
         normalize(x, gamma, beta, axes, epsilon=1e-5)),
        ("It matches (x - mean) / (sqrt(var) + epsilon): epsilon goes inside the square root.",
         normalize(x, gamma, beta, axes, eps_outside=True)),
    ]
    if len(axes) > 1:
        for single in axes:
            mistakes.append((f"It matches normalizing over axis {single} only: `axis` is a list, normalize over all "
                             f"of {list(axes)} together.", _over(x, gamma, beta, axes, (single,))))
    return mistakes


def _over(x, gamma, beta, param_axes, stat_axes):
    """Statistics over ``stat_axes`` but gamma/beta laid out over ``param_axes``."""
    x64 = x.astype(np.float64)
    mean = x64.mean(axis=stat_axes, keepdims=True)
    var = x64.var(axis=stat_axes, keepdims=True)
    out = (x64 - mean) / np.sqrt(var + EPSILON)
    if gamma is None:
        return out
    shape = [x.shape[a] if a in param_axes else 1 for a in range(x.ndim)]
    return out * gamma.reshape(shape) + beta.reshape(shape)


def _case_text(case: dict) -> str:
    return f"input of shape {tuple(case['x'].shape)}, axis={case['axis']}"


@checks.add("gamma and beta have the shape of the normalized axes", 1, "forward", public=True)
def param_shapes(obs: dict, ref: dict) -> None:
    for got, want in zip(obs["forward"]["cases"], ref["forward"]["cases"]):
        for name in ("gamma", "beta"):
            if got["weight_shapes"][name] != want["weight_shapes"][name]:
                raise Fail(f"For an {_case_text(want)}, {name} has shape {tuple(got['weight_shapes'][name])}; expected "
                           f"{tuple(want['weight_shapes'][name])}, one value per element of the normalized axes.")


@checks.add("output matches Keras (int and list axis)", 3, "forward", public=True)
def forward_output(obs: dict, ref: dict) -> None:
    for got, want in zip(obs["forward"]["cases"], ref["forward"]["cases"]):
        if got["gamma"] is None:
            raise Fail(f"For an {_case_text(want)} gamma/beta have the wrong shape, so the output cannot be compared.")
        assert_close(got["y"], want["y"], f"The output for an {_case_text(want)}", output_mistakes(want))


# BEGIN HIDDEN
def _dx_detached(case: dict) -> np.ndarray:
    x = case["x"].astype(np.float64)
    axes = tuple(normalized_axes(x.shape, case["axis"]))
    var = x.var(axis=axes, keepdims=True)
    shape = [x.shape[a] if a in axes else 1 for a in range(x.ndim)]
    return case["g"] * case["gamma"].reshape(shape) / np.sqrt(var + EPSILON)


@checks.add("gradients w.r.t. input, gamma and beta match Keras", 3, "forward")
def forward_gradients(obs: dict, ref: dict) -> None:
    for got, want in zip(obs["forward"]["cases"], ref["forward"]["cases"]):
        text = _case_text(want)
        if got["gamma"] is None:
            raise Fail(f"For an {text} gamma/beta have the wrong shape, so the gradients cannot be compared.")
        assert_close(got["dx"], want["dx"], f"The gradient w.r.t. the input ({text}, random upstream gradient)",
                     [("It matches a gradient that does not flow through the mean and variance: compute them with "
                       "TensorFlow ops on the input, without tf.stop_gradient or numpy.", _dx_detached(want))])
        assert_close(got["dgamma"], want["dgamma"], f"The gradient w.r.t. gamma ({text})")
        assert_close(got["dbeta"], want["dbeta"], f"The gradient w.r.t. beta ({text})")


@checks.add("each sample is normalized on its own", 1, "batch_independence")
def batch_independence(obs: dict, ref: dict) -> None:
    data = obs["batch_independence"]
    assert_close(data["whole"], data["rows"],
                 "The output for a batch, compared with each sample normalized alone, LN(x)[i] vs LN(x[i:i+1]),")


@checks.add("the same in training and inference", 1, "modes")
def modes(obs: dict, ref: dict) -> None:
    data = obs["modes"]
    for key, how in (("training_false", "training=False"), ("omitted", "`training` omitted")):
        if data[key].shape != data["training_true"].shape or not np.allclose(data[key], data["training_true"], rtol=1e-6, atol=1e-6):
            raise Fail(f"The output with {how} differs from the output with training=True: layer normalization "
                       "has no moving statistics and behaves the same in both modes.")


@checks.add("the same results inside tf.function", 1, "graph")
def graph(obs: dict, ref: dict) -> None:
    assert_close(obs["graph"]["graph"], obs["graph"]["eager"], "The output inside tf.function, compared with eager execution,")
# END HIDDEN


# BEGIN HIDDEN
add_affine_checks(checks)
# END HIDDEN
add_contract_checks(checks)
