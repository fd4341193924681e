"""Checks of Dropout. Random behaviour is judged by statistics with a stated false-fail rate."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.contract import add_contract_checks
from grader.packs.regularization.probes.arguments import contract_arguments
from grader.checks.compare import assert_close, binomial_bound, fmt, inert_output
from grader.packs.regularization.probes.dropout import NOISE_SHAPE, RATE, SEED
from grader.checks.grid import FALSE, MODE_TEXT, OMITTED
# BEGIN HIDDEN
from grader.checks.grid import add_mode_checks, judge_grid, level_notes
# END HIDDEN

NO_RESCALE = "no-inverted-scale"
checks = register(CheckSet(
    "Dropout", core="training", inert=lambda obs: inert_output("Dropout(rate=0.3)", obs["x"], obs["y"])))
SCALE = 1.0 / (1.0 - RATE)
# Kept units are x * 1/(1-rate) up to float32 rounding.
SCALE_RTOL = 1e-5


def _identity(got: np.ndarray, x: np.ndarray, how: str) -> None:
    if got.shape == x.shape and np.array_equal(got, x):
        return
    if got.shape == x.shape and np.any(got == 0) and not np.any(x == 0):
        raise Fail(f"{how}, Dropout must return the input unchanged, but {int((got == 0).sum())} of {got.size} "
                   "units were set to 0: dropout is only active when training is True.")
    if got.shape == x.shape and np.all(x != 0):
        ratio = float(np.median(got / x))
        if ratio != 1.0 and np.allclose(got, ratio * x, rtol=1e-5, atol=0.0):
            raise Fail(f"{how}, Dropout must return the input unchanged, but it returned the input times {ratio:.4g}: "
                       "with inverted dropout the only scaling is in training (kept units divided by 1 - rate); at "
                       "inference the input passes through as it is.", mistake=INFERENCE_SCALED)
    assert_close(got, x, f"{how}, the output (expected the input unchanged)")


INFERENCE_SCALED = "the input is scaled at inference: with inverted dropout, inference returns the input unchanged."


@checks.add("identity at inference (training=False)", 1, "inference", public=True)
def inference_false(obs: dict, ref: dict) -> None:
    _identity(obs["inference"]["training_false"], obs["inference"]["x"], MODE_TEXT[FALSE])


@checks.add("identity when `training` is omitted", 1, "inference", public=True)
def inference_omitted(obs: dict, ref: dict) -> None:
    _identity(obs["inference"]["omitted"], obs["inference"]["x"], MODE_TEXT[OMITTED])


def _zero_fraction(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(y == 0))


@checks.add("dropped fraction matches `rate`", 2, "training", public=True)
def dropped_fraction(obs: dict, ref: dict) -> None:
    x, y = obs["training"]["x"], obs["training"]["y"]
    if y.shape != x.shape:
        raise Fail(f"Dropout(rate={RATE}) in training: expected shape {x.shape}, got {y.shape}.")
    fraction = _zero_fraction(x, y)
    bound = binomial_bound(RATE, y.size)  # false-fail rate 1e-6
    if abs(fraction - RATE) <= bound:
        return
    text = (f"Dropout(rate={RATE}) in training set {fraction:.3f} of the units to 0; expected {RATE} "
            f"(within ±{bound:.3f} for {y.size} units).")
    if abs(fraction - (1 - RATE)) <= bound:
        text += " That is 1 - rate: `rate` is the probability to DROP a unit, not to keep it."
    elif fraction == 0:
        text += " Nothing was dropped: is dropout applied when training=True?"
    raise Fail(text)


@checks.add("kept units are scaled by 1/(1-rate)", 2, "training", public=True)
def kept_scale(obs: dict, ref: dict) -> None:
    x, y = obs["training"]["x"], obs["training"]["y"]
    kept = y != 0
    if y.shape != x.shape or not kept.any():
        raise Fail(f"Dropout(rate={RATE}) kept no unit in training (shape {y.shape}), so the scaling cannot be seen.")
    ratio = y[kept].astype(np.float64) / x[kept]
    if np.all(np.abs(ratio - SCALE) <= SCALE_RTOL * SCALE):
        return
    typical = float(np.median(ratio))
    text = f"Kept units are multiplied by {typical:.3g} instead of 1/(1-rate) = {SCALE:.3g}"
    for factor, hint in ((1.0, "did you forget inverted-dropout scaling?"),
                         (1 - RATE, "you multiplied by (1-rate); divide by it instead."),
                         (1 / RATE, "you divided by rate; divide by (1-rate), the keep probability."),
                         (RATE, "you multiplied by rate; divide by (1-rate), the keep probability.")):
        if np.all(np.abs(ratio - factor) <= SCALE_RTOL * max(factor, 1.0)):
            text += f": {hint}"
            break
    else:
        worst = int(np.argmax(np.abs(ratio - SCALE)))
        text += f" (ratios range from {ratio.min():.4g} to {ratio.max():.4g}, worst {ratio[worst]:.6g})."
    raise Fail(text)


# BEGIN HIDDEN
@checks.add("gradient equals mask times 1/(1-rate)", 2, "gradient")
def gradient(obs: dict, ref: dict) -> None:
    data = obs["gradient"]
    x, g, y = data["x"], data["g"].astype(np.float64), data["y"]
    if y.shape != x.shape:
        raise Fail(f"Dropout in training: expected shape {x.shape}, got {y.shape}.")
    mask = y != 0
    assert_close(data["dx"], g * mask * SCALE, "The gradient w.r.t. the input (with a random upstream gradient)",
                 [("It is the upstream gradient unchanged: the mask and the scale must apply to the gradient too.", g),
                  (Mistake("It is the mask without the 1/(1-rate) scale.", cause=NO_RESCALE), g * mask)])


@checks.add("rate 0 keeps everything, rate 1 drops everything", 1, "rate_extremes")
def rate_extremes(obs: dict, ref: dict) -> None:
    data = obs["rate_extremes"]
    x = data["x"]
    if data["rate0"].shape != x.shape or not np.allclose(data["rate0"], x, rtol=1e-6, atol=0):
        raise Fail("Dropout(rate=0) in training should return the input unchanged; it did not.")
    if data["rate1"].shape == x.shape and not np.all(np.isfinite(data["rate1"])):
        raise Fail("Dropout(rate=1) in training returned NaN or infinite values: 1/(1-rate) divides by zero. At rate=1 "
                   "every unit is dropped: return zeros without dividing by 1 - rate.",
                   mistake="rate=1 divides by zero (NaN) instead of dropping everything")
    if data["rate1"].shape != x.shape or np.any(data["rate1"] != 0):
        bad = data["rate1"][np.isfinite(data["rate1"])]
        raise Fail("Dropout(rate=1) in training should return all zeros; "
                   f"got {int(np.sum(data['rate1'] != 0))} non-zero values (max {fmt(float(np.max(np.abs(bad), initial=0)))}).")
    grad = data["rate1_grad"]
    if grad is not None and not np.all(np.isfinite(grad)):
        raise Fail("Dropout(rate=1) gives NaN or infinite gradients: 1/(1-rate) divides by zero. "
                   "Handle rate == 1 without dividing by 0.")


def _differing(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a != b))
# END HIDDEN


# Two independent masks differ at a fraction 2p(1-p) of the units; the bound keeps false fails below 1e-6.
_DIFFER = 2 * RATE * (1 - RATE)


# BEGIN HIDDEN
@checks.add("a new mask on every call (eager and tf.function)", 2, "fresh")
def fresh(obs: dict, ref: dict) -> None:
    for mode, where in (("eager", "in eager calls"), ("graph", "inside tf.function")):
        a, b = obs["fresh"][mode]
        bound = _DIFFER - binomial_bound(_DIFFER, a.size)
        differing = _differing(a, b)
        if differing >= bound:
            continue
        if differing == 0 and mode == "graph" and _differing(*obs["fresh"]["eager"]) > 0:
            raise Fail("Inside tf.function every call drops the same units: the mask was drawn once, when the "
                       "function was traced (numpy or Python random). Draw it with keras.random and a SeedGenerator.")
        if differing == 0:
            raise Fail(f"Two calls {where} dropped exactly the same units. The mask must be new on every call: "
                       "use keras.random.uniform with a keras.random.SeedGenerator, not a fixed integer seed or numpy.")
        raise Fail(f"Two calls {where} dropped units that differ at only {differing:.3f} of the positions; "
                   f"independent masks differ at about {_DIFFER:.2f}.")


@checks.add("noise_shape broadcasts the mask", 1, "noise_shape")
def noise_shape(obs: dict, ref: dict) -> None:
    x, y = obs["noise_shape"]["x"], obs["noise_shape"]["y"]
    if y.shape != x.shape:
        raise Fail(f"Dropout(noise_shape={NOISE_SHAPE}): expected shape {x.shape}, got {y.shape}.")
    kept = y != 0
    uneven = int(np.sum(kept.any(axis=1) & ~kept.all(axis=1)))
    if uneven:
        raise Fail(f"With noise_shape={NOISE_SHAPE} a row must be kept or dropped as a whole, but {uneven} of "
                   f"{y.shape[0]} rows were partly dropped: is noise_shape ignored? Draw the mask with shape "
                   "noise_shape (None filled from the input) and let it broadcast.")
    fraction = 1.0 - float(kept.any(axis=1).mean())
    bound = binomial_bound(RATE, y.shape[0])
    if abs(fraction - RATE) > bound:
        raise Fail(f"With noise_shape={NOISE_SHAPE}, {fraction:.3f} of the rows were dropped; expected {RATE} ± {bound:.3f}.")


@checks.add("a fixed seed reproduces on fresh layers", 1, "seed")
def seed(obs: dict, ref: dict) -> None:
    first, second = obs["seed"]["runs"]
    if not all(np.array_equal(a, b) for a, b in zip(first, second)):
        raise Fail(f"Two new Dropout(rate={RATE}, seed={SEED}) layers gave different masks: the seed must decide "
                   "the sequence of masks. Create keras.random.SeedGenerator(seed) in __init__ and draw from it.")
    if np.array_equal(first[0], first[1]):
        raise Fail(f"A Dropout(rate={RATE}, seed={SEED}) layer gave the same mask on two calls in a row: a seed fixes "
                   "the SEQUENCE of masks, each call draws a new one. Pass the layer's SeedGenerator (made once in "
                   "__init__) to keras.random, not the int seed.", mistake="a fixed seed repeats the same mask every call")
# END HIDDEN



# BEGIN HIDDEN
GRID_NOTES = level_notes({
    ("dtype", "float64"): "something is fixed to float32 (the mask, the scale or the random draw): make them in the "
    "input's dtype.",
    ("input", "shape (20, 10, 50)"): "the code assumes inputs of rank 2: build the mask from keras.ops.shape(inputs).",
    ("input", "shape (10, 4, 5, 50)"): "the code assumes inputs of rank 2: build the mask from keras.ops.shape(inputs).",
    ("noise_shape", "one mask value per sample"): "noise_shape is not followed: draw the mask with the shape noise_shape "
    "(None entries taken from the input) and let it broadcast.",
    ("noise_shape", "one mask shared by the batch"): "noise_shape is not followed: draw the mask with the shape "
    "noise_shape (None entries taken from the input) and let it broadcast.",
    ("rate", "rate=0.0"): "rate=0 must keep every unit unchanged (no division by zero, nothing dropped).",
    ("rate", "rate=0.8"): "`rate` is mishandled away from small values: it is the probability to DROP a unit.",
})


def _units(case: dict) -> int:
    """How many independent mask values the configuration draws."""
    shape = np.shape(case["x"])
    if case["noise_shape"] is None:
        return int(np.prod(shape))
    return int(np.prod([d if n is None else n for d, n in zip(shape, case["noise_shape"])]))


def _grid_kept(got: dict, want: dict) -> None:
    x, rate, train = np.asarray(want["x"], dtype=np.float64), want["rate"], got["train"]
    y = np.asarray(train["y"], dtype=np.float64)
    if y.shape != x.shape:
        raise Fail(f"Expected an output of shape {x.shape}, got {y.shape}.")
    if train["dtype"] != want["train"]["dtype"]:
        raise Fail(f"The output is {train['dtype']}, expected {want['train']['dtype']}: the layer computes in its own "
                   "dtype; something is fixed to another one.")
    kept = y != 0
    assert_close(y[kept], x[kept] / (1.0 - rate), "The kept units", [
        (Mistake("They are not scaled at all: did you forget inverted-dropout scaling, dividing the kept units by "
                 "(1 - rate)?", cause=NO_RESCALE), x[kept]),
        ("They are multiplied by (1 - rate) instead of divided by it: inverted dropout divides the kept units by the "
         "keep probability.", x[kept] * (1.0 - rate)),
        ("They are divided by `rate`: inverted dropout divides by the keep probability (1 - rate).",
         x[kept] / rate if rate else None),
    ])
    fraction = float(np.mean(~kept))
    bound = binomial_bound(rate, _units(want))  # false-fail rate 1e-6 per configuration
    if abs(fraction - rate) > bound:
        text = f"{fraction:.3f} of the units were set to 0; expected {rate} (within ±{bound:.3f})."
        if rate and abs(fraction - (1 - rate)) <= binomial_bound(1 - rate, _units(want)):
            raise Fail(text + " That is 1 - rate: `rate` is the probability to DROP a unit, not to keep it.",
                       mistake="`rate` is the probability to DROP a unit, not to keep it.")
        raise Fail(text)


@checks.add("kept values and dropped fraction on every shape, dtype, rate and noise_shape", 3, "grid")
def grid_kept(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _grid_kept, ("train",), GRID_NOTES)


def _grid_mask(got: dict, want: dict) -> None:
    if not 0.0 < want["rate"] < 1.0:
        return
    dropped = np.asarray(got["train"]["y"]) == 0
    form = want["noise_shape"]
    flat = dropped.reshape(dropped.shape[0], -1)
    if form is not None and form[0] is None:  # one value per sample
        mixed = int(np.sum(flat.any(axis=1) & ~flat.all(axis=1)))
        if mixed:
            raise Fail(f"With noise_shape={tuple(form)}, {mixed} samples had some units dropped and others kept: the "
                       "mask must be drawn with shape noise_shape and broadcast, one value per sample here.")
        return
    if form is not None:  # one mask for the whole batch
        differing = int(np.sum(np.any(flat != flat[0], axis=1)))
        if differing:
            raise Fail(f"With noise_shape={tuple(form)}, {differing} samples got a mask different from the first: the "
                       "mask must be drawn with shape noise_shape and broadcast over the batch.")
        return
    if np.all(flat == flat[0]):
        raise Fail("Every sample of the batch got the same mask: draw one mask value per unit of the whole input "
                   "(keras.ops.shape(inputs)), not one row broadcast over the batch.",
                   mistake="one mask shared by every sample of the batch")
    if np.all(flat.all(axis=1) | ~flat.any(axis=1)):
        raise Fail("Each sample was dropped or kept as a whole: with noise_shape=None every unit gets its own mask value.")


@checks.add("the mask follows noise_shape and differs between samples", 2, "grid")
def grid_mask(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _grid_mask, ("train",), GRID_NOTES)


add_mode_checks(checks, lambda got, x, how: _identity(np.asarray(got), np.asarray(x), how), GRID_NOTES)


def _grid_gradient(got: dict, want: dict) -> None:
    rate, train = want["rate"], got["train"]
    kept = np.asarray(train["y"]) != 0
    expected = kept * np.asarray(want["g"], dtype=np.float64) / (1.0 - rate)
    assert_close(train["dx"], expected, "The gradient w.r.t. the input (its own mask times the upstream gradient "
                 "over (1 - rate))", [("It is the upstream gradient unchanged, mask or not: the gradient does not go "
                                       "through the mask.", np.asarray(want["g"], dtype=np.float64))])


@checks.add("gradient equals the mask over (1 - rate) on every configuration", 1, "grid")
def grid_gradient(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _grid_gradient, ("train",), GRID_NOTES)
# END HIDDEN


add_contract_checks(checks, *contract_arguments(checks.exercise))
