"""Checks of ActivityRegularization, with numpy models of the common mistakes."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import assert_close, fmt
from grader.checks.contract import add_contract_checks
from grader.checks.grid import grid_verdict, judge_grid, level_notes, select
from grader.packs.regularized_training.probes.sparsity import CONTRACT_KWARGS, INVALID_KWARGS, SPACE

EXERCISE = "ActivityRegularization"
LEVELS = {f.name: [level.label for level in f.levels] for f in SPACE.factors}
NOTES = level_notes({
    ("input", "shape (8, 5)"): "the batch size is mishandled: the penalty is divided by the batch size, the first "
    "axis of the input (keras.ops.shape(inputs)[0]).",
    ("input", "shape (4, 3, 2)"): "a rank-3 input is mishandled: sum over every element, then divide by the first "
    "axis only.",
    ("input", "only shape (1, 5) (a batch of one)"): "the penalty is not divided by the batch size: with one sample "
    "nothing shows, with more the penalty is B times too large.",
    ("dtype", "float64"): "something is fixed to float32: compute the penalty in the input's dtype.",
    ("arguments", "default arguments"): "the defaults differ: l1=0.0 and l2=0.0, so the penalty is 0.",
    ("mode", "only training=True"): "the penalty is added only in training: Keras adds an activity penalty on every "
    "call, in inference too.",
})
NO_BATCH = Mistake("It matches the penalty not divided by the batch size: Keras 3.15 divides the activity penalty by "
                   "the batch size (the first axis).", cause="not-divided-by-batch")


def _coefficients(case: dict) -> tuple[float, float]:
    label = case["config"]["arguments"]
    parts = dict(p.split("=") for p in label.split(", ")) if "=" in label else {}
    return float(parts.get("l1", 0.0)), float(parts.get("l2", 0.0))


def penalty_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x = np.asarray(case["x"], dtype=np.float64)
    l1, l2 = _coefficients(case)
    batch, abs_sum, sq_sum = x.shape[0], np.abs(x).sum(), np.square(x).sum()
    out = [(NO_BATCH, np.float64(l1 * abs_sum + l2 * sq_sum)),
           (Mistake("It matches the penalty divided by the number of elements (a mean): divide the sums by the batch "
                    "size only.", cause="divided-by-size"), np.float64((l1 * abs_sum + l2 * sq_sum) / x.size)),
           (Mistake("It is a vector of per-sample penalties: sum over every element to one number, then divide by "
                    "the batch size.", cause="per-sample-vector"),
            (l1 * np.abs(x) + l2 * np.square(x)).reshape(batch, -1).sum(axis=1) / batch)]
    if l2:
        out += [(Mistake("It matches half the L2 term: the activity penalty is l2 * sum(x**2), with no 1/2.",
                         cause="half-l2"), np.float64((l1 * abs_sum + 0.5 * l2 * sq_sum) / batch)),
                (Mistake("It matches l2 times the norm sqrt(sum(x**2)): the penalty uses the squared norm.",
                         cause="l2-norm-not-squared"), np.float64((l1 * abs_sum + l2 * np.sqrt(sq_sum)) / batch))]
    if l1:
        out.append((Mistake("It matches l1 * sum(x) without the absolute value: take |x| first.", cause="l1-no-abs"),
                    np.float64((l1 * x.sum() + l2 * sq_sum) / batch)))
    if l1 and l2:
        out += [(Mistake("Only the L1 term is there: add l2 * sum(x**2) as well.", cause="l2-missing"),
                 np.float64(l1 * abs_sum / batch)),
                (Mistake("Only the L2 term is there: add l1 * sum(|x|) as well.", cause="l1-missing"),
                 np.float64(l2 * sq_sum / batch))]
    return out


def _losses(got: dict, want: dict) -> list:
    got_losses, want_losses = got["forward"]["losses"], want["forward"]["losses"]
    if len(got_losses) != len(want_losses):
        if not got_losses:
            raise Fail("layer.losses is empty after the call: add the penalty with self.add_loss(...) in call().")
        raise Fail(f"layer.losses holds {len(got_losses)} entries after one call; expected {len(want_losses)}.")
    return got_losses


def _penalty(got: dict, want: dict) -> None:
    losses = _losses(got, want)
    if not losses:
        return
    assert_close(losses[0], want["forward"]["losses"][0], "The penalty in layer.losses", penalty_mistakes(want))


def _identity(got: dict, want: dict) -> None:
    assert_close(got["forward"]["y"], want["forward"]["y"], "The output (the input itself)",
                 [("It is not the input: the layer returns its input unchanged and only adds a loss.",
                   np.zeros_like(np.asarray(want["forward"]["y"])))])


def _inert(case: dict) -> str | None:
    """The plain configuration (non-zero coefficients, training) adds no loss: nothing is computed yet."""
    if not case["forward"]["losses"]:
        return (f"{EXERCISE} adds no penalty with l1 and l2 above 0: nothing is computed yet, so none of its checks "
                "count.")
    return None


checks = register(CheckSet(EXERCISE, core="grid", inert=grid_verdict(EXERCISE, "forward", _inert)))
TRAINING = ("training=True",)
INFERENCE = tuple(label for label in LEVELS["mode"] if label != "training=True")


def _judge(obs: dict, ref: dict, labels: tuple[str, ...], compare, sections: tuple[str, ...]) -> None:
    judge_grid(*select(obs["grid"]["cases"], ref["grid"]["cases"], "mode", labels), compare, sections, NOTES)


@checks.add("the output is the input", 1, "grid", public=True)
def identity(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _identity, ("forward",), NOTES)


@checks.add("the penalty in training matches Keras (divided by the batch size)", 3, "grid", public=True)
def training(obs: dict, ref: dict) -> None:
    _judge(obs, ref, TRAINING, _penalty, ("forward",))


TRAINING_ONLY = Mistake("layer.losses is empty after a call in inference: the penalty is added only in training. "
                        "Keras adds an activity penalty on every call, in inference too (evaluate reports it).",
                        cause="penalty-only-in-training")


def _inference_penalty(got: dict, want: dict) -> None:
    if not got["forward"]["losses"] and want["forward"]["losses"]:
        raise Fail(str(TRAINING_ONLY), mistake=TRAINING_ONLY)
    _penalty(got, want)


@checks.add("the penalty is added in inference calls too", 1, "grid", public=True)
def inference(obs: dict, ref: dict) -> None:
    _judge(obs, ref, INFERENCE, _inference_penalty, ("forward",))


# BEGIN HIDDEN
def _gradient(got: dict, want: dict) -> None:
    grad, expected = got["gradient"]["grad"], want["gradient"]["grad"]
    vanishes = lambda g: g is None or not np.any(np.asarray(g))  # noqa: E731
    if vanishes(grad) and vanishes(expected):
        return  # a constant penalty (both factors 0): no gradient, or a zero one, alike
    if grad is not None:
        x = np.asarray(want["x"])
        nan_at = ~np.isfinite(np.asarray(grad, dtype=np.float64))
        if nan_at.any() and np.all(x[nan_at] == 0):
            raise Fail("The penalty's gradient is NaN where the input is exactly 0: sqrt(x**2) has no gradient at 0; "
                       "use keras.ops.abs.")
    assert_close(grad, expected, "The penalty's gradient w.r.t. the input")


@checks.add("the penalty's gradient w.r.t. the input matches Keras", 1, "grid")
def gradient(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _gradient, ("gradient",), NOTES)


@checks.add("one loss per call: layer.losses does not accumulate", 1, "repeated")
def repeated(obs: dict, ref: dict) -> None:
    counts = obs["repeated"]["counts"]
    if counts != [1, 1, 1]:
        raise Fail(f"After 1, 2 and 3 calls layer.losses holds {counts} entries; expected [1, 1, 1]: add the penalty "
                   "with self.add_loss in call() (Keras clears the list at each call), not to a list of your own.")
    assert_close(obs["repeated"]["last"][0], ref["repeated"]["last"][0], "The penalty after the third call")


@checks.add("in a model: evaluate's loss and a training step include the penalty", 1, "in_model")
def in_model(obs: dict, ref: dict) -> None:
    got, want = obs["in_model"], ref["in_model"]
    assert_close(got["evaluate"], want["evaluate"], "model.evaluate's total loss (mse plus the activity penalty)")
    if not np.all(np.isfinite(got["kernel"])):
        raise Fail(f"One training step gave non-finite weights (first {fmt(np.asarray(got['kernel']).ravel()[0])}).")
    assert_close(got["kernel"], want["kernel"], "The first kernel after one SGD step (its gradient includes the penalty's)")
# END HIDDEN


add_contract_checks(checks, CONTRACT_KWARGS, INVALID_KWARGS)
