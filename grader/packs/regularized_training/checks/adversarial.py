"""Checks of fgsm_examples and AdversarialModel."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import assert_close
from grader.checks.grid import grid_verdict, judge_grid, level_notes, passes, select
from grader.sandbox.pool import probe_error

EXERCISE = "AdversarialModel"
NOTES = level_notes({
    ("network", "a network with Dropout"): "the network is called in training mode while crafting: call it with "
    "training=False, so Dropout (and BatchNormalization) behave as at inference and the result is reproducible.",
    ("clip", "clip=None"): "clip=None is mishandled: None means no clipping at all.",
    ("clip", "clip=(0.3, 0.7)"): "the clip range is fixed: clip to the (low, high) passed as `clip`.",
    ("loss", "mean squared error"): "the loss is fixed: use the loss_fn passed in, called as loss_fn(y, predictions).",
})
SIGN = "fgsm-sign"


def _bounds(case: dict) -> tuple[float, float] | None:
    label = case["config"]["clip"]
    return None if label == "clip=None" else tuple(float(v) for v in label.split("=")[1].strip("()").split(", "))


def _epsilon(case: dict) -> float:
    return float(case["config"]["epsilon"].split("=")[1])


def fgsm_mistakes(case: dict) -> list[tuple[str, np.ndarray]]:
    x, g = np.asarray(case["x"], dtype=np.float64), np.asarray(case["g"], dtype=np.float64)
    eps, bounds = _epsilon(case), _bounds(case)
    clip = (lambda v: np.clip(v, *bounds)) if bounds else (lambda v: v)  # noqa: E731
    out = [
        (Mistake("It matches x - epsilon * sign(gradient): FGSM steps UP the loss, x + epsilon * sign(gradient).",
                 cause=SIGN), clip(x - eps * np.sign(g))),
        (Mistake("It matches a step along the raw gradient, x + epsilon * gradient: FGSM takes its sign "
                 "(every value moves by exactly epsilon).", cause="fgsm-no-sign"), clip(x + eps * g)),
        (Mistake("It matches a step normalized by the gradient's norm (a fast gradient L2 step): FGSM moves every "
                 "value by epsilon * sign(gradient).", cause="fgsm-no-sign"),
         clip(x + eps * g / np.linalg.norm(g.reshape(len(g), -1), axis=1).reshape(-1, *([1] * (g.ndim - 1))))),
        (Mistake("It matches a step of 2 * epsilon: apply epsilon once.", cause="fgsm-double-step"),
         clip(x + 2 * eps * np.sign(g))),
    ]
    if bounds:
        if bounds != (0.0, 1.0):  # first: where [0, 1] clips nothing, the two read alike and this is the cause
            out.append((Mistake("It matches clipping to [0, 1] whatever `clip` says: use the range passed in.",
                                cause="fgsm-fixed-clip"), np.clip(x + eps * np.sign(g), 0.0, 1.0)))
        out.append((Mistake("It matches x_adv without clipping: clip the result to `clip` (the valid input range).",
                            cause="fgsm-no-clip"), x + eps * np.sign(g)))
    return out


def _fgsm(got: dict, want: dict) -> None:
    assert_close(got["fgsm"]["x_adv"], want["fgsm"]["x_adv"], "The adversarial examples", fgsm_mistakes(want))


def _constant(got: dict, want: dict) -> None:
    if got["fgsm"]["flows_back"]:
        raise Fail("A gradient flows from the adversarial examples back to x: return them through "
                   "tf.stop_gradient, so training treats x_adv as a constant input.",
                   mistake=Mistake("x_adv is not held constant: wrap it in tf.stop_gradient.", cause="fgsm-not-constant"))


def _inert(case: dict) -> str | None:
    section = case.get("fgsm", {})
    if "x_adv" in section and np.array_equal(np.asarray(section["x_adv"]), np.asarray(case["x"])):
        return "fgsm_examples returns its input unchanged: nothing is computed yet, so none of its checks count."
    return None


checks = register(CheckSet(EXERCISE, core="examples", inert=grid_verdict(EXERCISE, "fgsm", _inert)))


def _select(obs: dict, ref: dict, name: str, labels: tuple[str, ...]) -> tuple[list, list]:
    return select(obs["examples"]["cases"], ref["examples"]["cases"], name, labels)


def _plain(obs: dict, ref: dict, loss: str) -> tuple[list, list]:
    got, want = _select(obs, ref, "network", ("a plain network",))
    return select(got, want, "loss", (loss,))


@checks.add("fgsm_examples on a plain network matches the formula", 3, "examples", public=True)
def fgsm_plain(obs: dict, ref: dict) -> None:
    judge_grid(*_plain(obs, ref, "cross-entropy on logits"), _fgsm, ("fgsm",), NOTES)


TRAINING_MODE = Mistake("The examples differ only on the network with Dropout, so the network is called in "
                        "training mode while crafting: call it with training=False (Dropout and BatchNormalization "
                        "then behave as at inference, and the result is reproducible).", cause="fgsm-training-mode")


@checks.add("fgsm_examples calls the network with training=False", 1, "examples", public=True)
def fgsm_inference(obs: dict, ref: dict) -> None:
    try:
        judge_grid(*_select(obs, ref, "network", ("a network with Dropout",)), _fgsm, ("fgsm",), NOTES)
    except Fail as failure:
        plain = _select(obs, ref, "network", ("a plain network",))
        if failure.mistake or not all(passes(got, want, _fgsm, ("fgsm",)) for got, want in zip(*plain)):
            raise
        raise Fail(f"{failure}\n{TRAINING_MODE}", mistake=TRAINING_MODE, credit=failure.credit) from None


# BEGIN HIDDEN
@checks.add("fgsm_examples holds x_adv constant (no gradient back to x)", 1, "examples")
def fgsm_constant(obs: dict, ref: dict) -> None:
    judge_grid(obs["examples"]["cases"], ref["examples"]["cases"], _constant, ("fgsm",), NOTES)


def _mistake_of(weights: list, variants: dict[str, list]) -> Mistake | None:
    texts = {
        "swapped": ("It matches alpha and 1 - alpha swapped: alpha weights the CLEAN loss, 1 - alpha the adversarial one.",
                    "alpha-swapped"),
        "clean_only": ("It matches a step on the clean loss alone: the adversarial term is missing.", "adversarial-term-missing"),
        "adversarial_only": ("It matches a step on the adversarial loss alone: the clean term is missing.",
                             "clean-term-missing"),
        "unweighted_sum": ("It matches L(x) + L(x_adv) without the weights: use alpha * L(x) + (1 - alpha) * L(x_adv).",
                           "unweighted-sum"),
        "alpha_on_both": ("It matches alpha on both terms: the adversarial term is weighted by 1 - alpha.",
                          "alpha-on-both"),
        "own_losses_of_adversarial_pass": (
            "It matches a clean term that carries the network's own losses (its activity penalty) of the ADVERSARIAL "
            "forward pass: each forward pass replaces model.losses, so compute each term's loss right after its own "
            "pass.", "own-losses-of-other-pass"),
    }
    for key, (text, cause) in texts.items():
        candidate = variants.get(key)
        if candidate is not None and all(np.allclose(np.asarray(w, dtype=np.float64), np.asarray(c, dtype=np.float64),
                                                     rtol=1e-4, atol=1e-6) for w, c in zip(weights, candidate)):
            return Mistake(text, cause=cause)
    return None


def _step_cases(obs: dict, labels) -> list[dict]:
    return [case for case in obs["step"]["cases"] if labels(case["label"])]


def _judge_steps(obs: dict, ref: dict, which) -> None:
    for case in _step_cases(obs, which):
        step = case["step"]
        if "error" in step:
            raise Fail(f"One training step of AdversarialModel ({case['label']}) raised an error: "
                       f"{probe_error(step['error']).describe()}")
        weights, expected = step["weights"], case["expected"]
        if len(weights) != len(expected):
            raise Fail(f"After a step ({case['label']}) the inner network has {len(weights)} weights; expected {len(expected)}.")
        mistake = _mistake_of(weights, case["variants"])
        for got, want in zip(weights, expected):
            try:
                assert_close(got, want, f"The inner network's weights after one SGD(0.1) step ({case['label']})")
            except Fail as failure:
                if mistake:
                    raise Fail(f"{failure} {mistake}", mistake=mistake) from None
                raise


@checks.add("one training step minimizes alpha*L(x) + (1-alpha)*L(x_adv)", 3, "step")
def training_step(obs: dict, ref: dict) -> None:
    _judge_steps(obs, ref, lambda label: "traced" not in label)


@checks.add("the training step works inside model.fit's traced function", 1, "step")
def traced_step(obs: dict, ref: dict) -> None:
    _judge_steps(obs, ref, lambda label: "traced" in label)


@checks.add("the logged loss is the mixed loss, metrics on the clean batch", 1, "step")
def logs(obs: dict, ref: dict) -> None:
    for case, want in zip(obs["step"]["cases"], ref["step"]["cases"]):
        got_logs = case["step"].get("logs")
        if got_logs is None:
            continue  # the step itself failed: the step checks say why
        if "loss" not in got_logs:
            raise Fail(f"model.fit logged {sorted(got_logs)} ({case['label']}): return the metrics' results, "
                       "\"loss\" included.")
        assert_close(got_logs["loss"], case["expected_loss"], f"The logged loss ({case['label']}), the mixed loss "
                     "alpha*L(x) + (1-alpha)*L(x_adv) before the step")
        for name in want["step"].get("logs", {}):
            if name not in got_logs:
                raise Fail(f"model.fit logged {sorted(got_logs)} ({case['label']}); expected {sorted(want['step']['logs'])}: "
                           "update every metric of self.metrics and return their results.")
            if name != "loss":
                assert_close(got_logs[name], want["step"]["logs"][name], f"The logged {name} ({case['label']})")


@checks.add("calling the model runs the inner network unchanged", 1, "call")
def call(obs: dict, ref: dict) -> None:
    data = obs["call"]
    assert_close(data["called"], data["inner"], "AdversarialModel(...)(x) compared with the inner network's output")
    assert_close(data["predicted"], data["inner"], "AdversarialModel.predict compared with the inner network's output")


@checks.add("fgsm_examples with another loss (mean squared error) matches the formula", 1, "examples")
def fgsm_other_loss(obs: dict, ref: dict) -> None:
    judge_grid(*_plain(obs, ref, "mean squared error"), _fgsm, ("fgsm",), NOTES)
# END HIDDEN

