"""Checks of CategoricalCrossentropy, with numpy models of the common mistakes."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import assert_close, fmt
from grader.checks.grid import judge_grid, level_notes, select
from grader.packs.regularized_training.probes.losses import SPACE
# BEGIN HIDDEN
from grader.packs.regularized_training.probes.losses import KWARGS
# END HIDDEN

EXERCISE = "CategoricalCrossentropy"
EPSILON = 1e-7
LEVELS = {f.name: [level.label for level in f.levels] for f in SPACE.factors}
NOTES = level_notes({
    ("data", "saturated predictions"): "predictions at 0 or 1 break the log: clip probabilities to [1e-7, 1 - 1e-7] "
    "and, with logits, use a log-softmax (keras.ops.log_softmax), not log(softmax(z)).",
    ("data", "unnormalized predictions"): "predictions that are not normalized are mishandled: divide probabilities "
    "by their sum over the class axis; for logits, a softmax is unchanged by adding a constant, so compute it stably "
    "(keras.ops.log_softmax) rather than with exp(z) directly.",
    ("input", "from_logits=True"): "the logits path is wrong: with from_logits=True, y_pred holds logits; take the "
    "log-softmax of them.",
    ("input", "from_logits=False"): "the probability path is wrong: with from_logits=False, y_pred holds probabilities: "
    "normalize, clip and take the log (no softmax).",
    ("label_smoothing", "only label_smoothing=0.0"): "the label smoothing is wrong: y * (1 - ls) + ls / K, with K the "
    "number of classes.",
})
NO_SMOOTHING = "label_smoothing=0.0"
SMOOTHING_OFF_TARGET = "smoothing-off-target-k-minus-1"


def _log_probabilities(p: np.ndarray, logits: bool, clip: bool = True, normalize: bool = True) -> np.ndarray:
    p = np.asarray(p, dtype=np.float64)
    if logits:
        shifted = p - p.max(axis=-1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    if normalize:
        p = p / p.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore"):
        return np.log(np.clip(p, EPSILON, 1 - EPSILON) if clip else p)


def smoothed(y: np.ndarray, ls: float) -> np.ndarray:
    return y * (1 - ls) + ls / y.shape[-1]


def cross_entropy(y, p, logits: bool, ls: float, *, targets=None, log_p=None) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64)
    t = smoothed(y, ls) if targets is None else targets
    with np.errstate(invalid="ignore"):
        return -(t * (_log_probabilities(p, logits) if log_p is None else log_p)).sum(axis=-1)


def value_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    """Per-sample losses under each common mistake."""
    y, p = np.asarray(case["y"], dtype=np.float64), np.asarray(case["p"], dtype=np.float64)
    logits, ls = case["config"]["input"] == "from_logits=True", _smoothing(case)
    k = y.shape[-1]
    right = cross_entropy(y, p, logits, ls)
    out = [(Mistake("It matches the mean over the classes instead of the sum: the cross-entropy sums -y*log(p) over "
                    "the class axis.", cause="mean-over-classes"), right / k)]
    if ls:
        out += [
            (Mistake(f"It matches smoothing that gives the other classes ls/(K-1) and the target 1-ls: Keras uses "
                     f"y*(1-ls) + ls/K for every class (K={k}), so the target gets 1-ls+ls/K.", cause=SMOOTHING_OFF_TARGET),
             cross_entropy(y, p, logits, ls, targets=y * (1 - ls) + (1 - y) * ls / (k - 1))),
            (Mistake("It matches the loss without label smoothing: label_smoothing is not applied.", cause="no-smoothing"),
             cross_entropy(y, p, logits, 0.0)),
            (Mistake(f"It matches y*(1-ls) + ls with no division by K: the smoothing mass ls is spread over the K={k} "
                     "classes, ls/K each.", cause="smoothing-not-divided"),
             cross_entropy(y, p, logits, ls, targets=y * (1 - ls) + ls)),
            (Mistake(f"It matches K taken from the batch axis (shape[0] = {y.shape[0]}): K is the size of the class "
                     "axis, shape[-1].", cause="classes-from-batch-axis"),
             cross_entropy(y, p, logits, ls, targets=y * (1 - ls) + ls / y.shape[0])),
            (Mistake("It matches smoothing applied to the predictions instead of the labels: smooth y_true.",
                     cause="smoothed-predictions"),
             _smoothed_predictions(y, p, logits, ls)),
        ]
    if logits:
        probs = np.exp(_log_probabilities(p, True))
        out += [
            (Mistake("It matches from_logits=True ignored: the logits were used as probabilities. With from_logits=True "
                     "take the log-softmax of y_pred.", cause="from-logits-ignored"), cross_entropy(y, p, False, ls)),
            (Mistake("It matches a softmax applied twice: with from_logits=True apply one log-softmax to y_pred.",
                     cause="softmax-twice"), cross_entropy(y, probs, True, ls)),
        ]
    else:
        out += [
            (Mistake("It matches a softmax applied to probabilities: with from_logits=False y_pred already holds "
                     "probabilities.", cause="softmax-on-probabilities"), cross_entropy(y, p, True, ls)),
            (Mistake("It matches probabilities that are not divided by their sum: Keras normalizes y_pred over the "
                     "class axis first.", cause="not-normalized"),
             cross_entropy(y, p, False, ls, log_p=_log_probabilities(p, False, normalize=False))),
            (Mistake("It matches probabilities clipped to a different range, or not clipped: Keras clips to "
                     "[1e-7, 1 - 1e-7] before the log.", cause="clip-range"),
             cross_entropy(y, p, False, ls, log_p=_log_probabilities(p, False, clip=False))),
        ]
    return out


def _smoothed_predictions(y, p, logits: bool, ls: float) -> np.ndarray:
    return cross_entropy(y, smoothed(np.exp(_log_probabilities(p, logits)), ls), False, 0.0)


def _smoothing(case: dict) -> float:
    return float(case["config"]["label_smoothing"].split("=")[1])


def _values(got: dict, want: dict) -> None:
    ls = _smoothing(want)
    what = f"The per-sample losses (reduction=None, label_smoothing={ls:g})"
    assert_close(got["loss"]["values"], want["loss"]["values"], what, value_mistakes(want))


def _judge(obs: dict, ref: dict, name: str, labels: tuple[str, ...], compare, sections: tuple[str, ...]) -> None:
    judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], name, labels), compare, sections, NOTES)


def _inert(obs: dict) -> str | None:
    cases = obs.get("cases") if isinstance(obs, dict) else None
    values = [np.asarray(c["loss"]["values"]) for c in cases or [] if "values" in c.get("loss", {})]
    if values and all(not np.any(v) for v in values):
        return "The loss is 0 for every prediction: nothing is computed yet, so none of its checks count."
    return None


checks = register(CheckSet(EXERCISE, core="grid", inert=_inert))
SMOOTHED = tuple(label for label in LEVELS["label_smoothing"] if label != NO_SMOOTHING)
MILD = tuple(label for label in LEVELS["data"] if label != "saturated predictions")


def _mild(obs: dict, ref: dict) -> tuple[dict, dict]:
    got, want = select(obs["grid"]["cases"], ref["grid"]["cases"], "data", MILD)
    return {"grid": {"cases": got}}, {"grid": {"cases": want}}


@checks.add("per-sample loss without label smoothing matches Keras", 2, "grid", public=True)
def plain(obs: dict, ref: dict) -> None:
    _judge(*_mild(obs, ref), "label_smoothing", (NO_SMOOTHING,), _values, ("loss",))


@checks.add("label smoothing on probabilities matches Keras", 2, "grid", public=True)
def smoothing_probabilities(obs: dict, ref: dict) -> None:
    got, want = _mild(obs, ref)
    got, want = select(got["grid"]["cases"], want["grid"]["cases"], "input", ("from_logits=False",))
    judge_grid(*select(got, want, "label_smoothing", SMOOTHED), _values, ("loss",), NOTES)


@checks.add("reduction: mean over the batch by default, per sample with reduction=None, sample weights", 1,
            "reduction", public=True)
def reduction(obs: dict, ref: dict) -> None:
    got, want = obs["reduction"], ref["reduction"]
    per_sample = np.asarray(want["none"])
    if np.shape(got["none"]) != per_sample.shape:
        raise Fail(f"With reduction=None the loss has shape {np.shape(got['none'])}; expected {per_sample.shape}, one "
                   "value per sample: call() returns the per-sample losses and the base class reduces them.",
                   mistake=Mistake("call() reduces over the batch itself: return one loss per sample and let "
                                   "keras.losses.Loss apply the reduction.", cause="reduces-in-call"))
    assert_close(got["none"], want["none"], "The per-sample losses of a plain case (label_smoothing=0.2)")
    assert_close(got["default"], want["default"], "The default reduction (the mean over the batch)",
                 [("It is the sum over the batch: the default reduction is the mean (sum_over_batch_size).",
                   per_sample.sum())])
    assert_close(got["sum"], want["sum"], 'The loss with reduction="sum"')
    assert_close(got["weighted"], want["weighted"], "The loss with sample_weight")


# BEGIN HIDDEN
@checks.add("label smoothing on logits matches Keras", 2, "grid")
def smoothing_logits(obs: dict, ref: dict) -> None:
    got, want = _mild(obs, ref)
    got, want = select(got["grid"]["cases"], want["grid"]["cases"], "input", ("from_logits=True",))
    judge_grid(*select(got, want, "label_smoothing", SMOOTHED), _values, ("loss",), NOTES)


@checks.add("saturated predictions give finite losses, as in Keras", 1, "grid")
def saturated(obs: dict, ref: dict) -> None:
    _judge(obs, ref, "data", ("saturated predictions",), _values, ("loss",))


def _gradient(got: dict, want: dict) -> None:
    assert_close(got["grad"]["grad"], want["grad"]["grad"], "The gradient of the mean loss w.r.t. y_pred")


@checks.add("gradient w.r.t. the logits matches Keras (softmax(z) - y_smooth)", 1, "grid")
def gradient_logits(obs: dict, ref: dict) -> None:
    _judge(obs, ref, "input", ("from_logits=True",), _gradient, ("grad",))


@checks.add("gradient w.r.t. the probabilities matches Keras", 1, "grid")
def gradient_probabilities(obs: dict, ref: dict) -> None:
    _judge(obs, ref, "input", ("from_logits=False",), _gradient, ("grad",))


@checks.add("get_config / from_config round trip", 1, "config")
def config(obs: dict, ref: dict) -> None:
    got = obs["config"]["config"]
    for key in ("from_logits", "label_smoothing"):
        if key not in got:
            raise Fail(f"get_config() misses {key!r}: return every constructor argument, merged with super().get_config().")
        if got[key] != KWARGS[key]:
            raise Fail(f"get_config()[{key!r}] is {got[key]!r}; expected {KWARGS[key]!r}.")
    assert_close(obs["config"]["clone"], obs["config"]["value"], "The loss rebuilt with from_config")


@checks.add("the same values inside tf.function with an unknown batch size", 1, "graph")
def graph(obs: dict, ref: dict) -> None:
    assert_close(obs["graph"]["traced"], obs["graph"]["eager"], "The per-sample losses inside tf.function, compared "
                 "with the same call run eagerly,")


@checks.add("compiled into a model: evaluation and one training step as Keras", 1, "model")
def model(obs: dict, ref: dict) -> None:
    got, want = obs["model"], ref["model"]
    assert_close(got["evaluate"], want["evaluate"], "model.evaluate's loss with the loss compiled in")
    if not np.isfinite(got["train"]):
        raise Fail(f"A training step with the loss compiled in gave the loss {fmt(got['train'])}.")
    assert_close(got["kernel"], want["kernel"], "The kernel after one SGD step on the loss")
# END HIDDEN
