"""Checks of GaussianNoise. Random behaviour is judged by statistics with a stated false-fail rate."""

from __future__ import annotations

import numpy as np

from grader.checks import CheckSet, Fail, register
from grader.checks.contract import add_contract_checks
from grader.packs.regularization.probes.arguments import contract_arguments
from grader.checks.compare import assert_close, binomial_bound, inert_output
from grader.packs.regularization.probes.noise import LARGE_SCALE, SAMPLE_SHAPE, STDDEV
# BEGIN HIDDEN
from grader.packs.regularization.probes.noise import SEED
# END HIDDEN
from grader.settings import Z_BOUND
from grader.checks.grid import FALSE, MODE_TEXT, OMITTED
# BEGIN HIDDEN
from grader.checks.grid import add_mode_checks, judge_grid, level_notes
# END HIDDEN

checks = register(CheckSet(
    "GaussianNoise", core="training",
    inert=lambda obs: inert_output("GaussianNoise", obs["x"], (obs["noise"] + obs["x"]).astype(np.float32))))

# Mass of a normal distribution within 1 and 2 standard deviations; uniform noise of the same std has 0.577 and 1.0.
_WITHIN_1 = 0.682689
_WITHIN_2 = 0.954500


def _identity(got: np.ndarray, x: np.ndarray, how: str) -> None:
    if got.shape == x.shape and np.array_equal(got, x):
        return
    if got.shape == x.shape:
        raise Fail(f"{how}, GaussianNoise must return the input unchanged, but it changed it by up to "
                   f"{float(np.max(np.abs(got - x))):.3g}: noise is only added when training is True.")
    assert_close(got, x, f"{how}, the output (expected the input unchanged)")


@checks.add("identity at inference (training=False)", 1, "inference", public=True)
def inference_false(obs: dict, ref: dict) -> None:
    _identity(obs["inference"]["training_false"], obs["inference"]["x"], MODE_TEXT[FALSE])


@checks.add("identity when `training` is omitted", 1, "inference", public=True)
def inference_omitted(obs: dict, ref: dict) -> None:
    _identity(obs["inference"]["omitted"], obs["inference"]["x"], MODE_TEXT[OMITTED])


def _moments(noise: np.ndarray, what: str) -> tuple[float, float]:
    if not np.all(np.isfinite(noise)):
        raise Fail(f"{what}: the output contains NaN or infinite values.")
    return float(noise.mean()), float(noise.std())


def _check_spread(noise: np.ndarray, what: str, stddev: float = STDDEV) -> None:
    n = noise.size
    mean, std = _moments(noise, what)
    mean_bound = Z_BOUND * stddev / np.sqrt(n)  # standard error of the mean; false-fail rate 1e-6
    std_bound = Z_BOUND * stddev / np.sqrt(2 * (n - 1))  # standard error of the sample std
    if abs(std - stddev) > std_bound:
        text = f"{what}: the noise has standard deviation {std:.4f}; expected stddev={stddev} (± {std_bound:.4f})."
        if abs(std - stddev**2) <= std_bound:
            text += f" That is stddev**2 = {stddev**2:.2f}: `stddev` is already the standard deviation, not the variance."
        elif abs(std - np.sqrt(stddev)) <= std_bound:
            text += " That is sqrt(stddev): `stddev` is already the standard deviation."
        elif std < 1e-6:
            text += " One value is shared by every element: draw noise with the shape of the input."
        raise Fail(text)
    if abs(mean) > mean_bound:
        raise Fail(f"{what}: the noise has mean {mean:.4f}; expected 0 (± {mean_bound:.4f}).")


@checks.add("training adds noise with mean 0 and std `stddev`", 2, "training", public=True)
def spread(obs: dict, ref: dict) -> None:
    _check_spread(obs["training"]["noise"], f"GaussianNoise(stddev={STDDEV}) in training")


# BEGIN HIDDEN
@checks.add("the noise does not depend on x", 1, "training")
def independent(obs: dict, ref: dict) -> None:
    data = obs["training"]
    if np.all(data["noise_zero_x"] == 0):
        raise Fail("On an all-zero input the training output is all zeros: the noise is multiplied by x. "
                   "Add the noise to x: x + N(0, stddev**2).")
    _check_spread(data["noise_large_x"], f"On inputs {LARGE_SCALE:g} times larger")
    _check_spread(data["noise_zero_x"].astype(np.float64), "On an all-zero input")


@checks.add("the noise is independent from element to element", 1, "training")
def element_independent(obs: dict, ref: dict) -> None:
    noise = obs["training"]["noise"]
    if noise.ndim != 2 or min(noise.shape) < 2:
        raise Fail(f"Expected noise of shape {SAMPLE_SHAPE}, got {noise.shape}.")
    for axis, along in ((1, "along a row"), (0, "down a column")):
        a = np.moveaxis(noise, axis, 0)
        first, second = a[:-1].ravel(), a[1:].ravel()
        # Neighbours of independent noise have correlation 0 with standard error 1/sqrt(n); false-fail rate 1e-6.
        bound = Z_BOUND / np.sqrt(first.size)
        r = float(np.corrcoef(first, second)[0, 1]) if first.std() > 0 and second.std() > 0 else 1.0
        if abs(r) > bound:
            raise Fail(f"Neighbouring noise values {along} have correlation {r:.3f}; independent noise has 0 "
                       f"(± {bound:.3f}). Draw one value per element: the noise must have the input's full shape.")


@checks.add("the noise is Gaussian", 1, "training")
def gaussian(obs: dict, ref: dict) -> None:
    noise = obs["training"]["noise"]
    std = float(noise.std()) or 1.0
    n = noise.size
    for k, expected in ((1, _WITHIN_1), (2, _WITHIN_2)):
        share = float(np.mean(np.abs(noise - noise.mean()) <= k * std))
        bound = binomial_bound(expected, n)
        if abs(share - expected) > bound:
            raise Fail(f"{share:.3f} of the noise lies within {k} standard deviation(s) of its mean; Gaussian noise "
                       f"has {expected:.3f} (± {bound:.3f}). Draw it from a normal distribution "
                       "(keras.random.normal), not a uniform one.")


@checks.add("new noise on every call (eager and tf.function)", 1, "fresh")
def fresh(obs: dict, ref: dict) -> None:
    for mode, where in (("eager", "in eager calls"), ("graph", "inside tf.function")):
        a, b = obs["fresh"][mode]
        same = float(np.mean(a == b))
        # Fresh continuous noise repeats a value with probability 0; 1% leaves room for float rounding only.
        if same > 0.01:
            hint = (" The noise was drawn once, when the function was traced (numpy or Python random): "
                    "draw it with keras.random and a SeedGenerator." if mode == "graph" else
                    " Draw new noise on every call (keras.random.normal with a SeedGenerator).")
            raise Fail(f"Two calls {where} gave the same noise at {same:.0%} of the elements.{hint}")


@checks.add("a fixed seed reproduces on fresh layers", 1, "seed")
def seed(obs: dict, ref: dict) -> None:
    first, second = obs["seed"]["runs"]
    if not all(np.array_equal(a, b) for a, b in zip(first, second)):
        raise Fail(f"Two new GaussianNoise(stddev={STDDEV}, seed={SEED}) layers gave different noise: the seed must "
                   "decide the sequence of noise. Create keras.random.SeedGenerator(seed) in __init__ and draw from it.")
    if np.array_equal(first[0], first[1]):
        raise Fail(f"A GaussianNoise(stddev={STDDEV}, seed={SEED}) layer added the same noise on two calls in a row: a "
                   "seed fixes the SEQUENCE of draws, each call draws anew. Pass the layer's SeedGenerator (made once in "
                   "__init__) to keras.random, not the int seed.", mistake="a fixed seed repeats the same noise every call")


@checks.add("gradient w.r.t. the input is 1", 2, "gradient")
def gradient(obs: dict, ref: dict) -> None:
    g = obs["gradient"]["g"]
    assert_close(obs["gradient"]["dx"], g, "The gradient w.r.t. the input (with a random upstream gradient)",
                 [("It is zero: the noise must be added to x with TensorFlow ops so the gradient passes through.",
                   np.zeros_like(g, dtype=np.float64))])
# END HIDDEN



# BEGIN HIDDEN
GRID_NOTES = level_notes({
    ("dtype", "float64"): "something is fixed to float32 (the random draw or a cast): draw the noise in the input's dtype.",
    ("input", "shape (20, 10, 30)"): "the code assumes inputs of rank 2: draw the noise with keras.ops.shape(inputs).",
    ("input", "shape (6, 5, 4, 50)"): "the code assumes inputs of rank 2: draw the noise with keras.ops.shape(inputs).",
    ("stddev", "stddev=0.7"): "`stddev` is used as something else than the standard deviation (its square, its square "
    "root, or a constant).",
    ("data", "magnitude 100"): "the noise depends on x (multiplied or scaled by the input): add N(0, stddev²) to x.",
    ("data", "all zeros"): "the noise depends on x (multiplied by the input): add N(0, stddev²) to x.",
})


def _grid_noise(got: dict, want: dict) -> None:
    train = got["train"]
    if train["dtype"] != want["train"]["dtype"]:
        raise Fail(f"The output is {train['dtype']}, expected {want['train']['dtype']}: the layer computes in its own "
                   "dtype; something is fixed to another one.")
    x, y = np.asarray(want["x"], dtype=np.float64), np.asarray(train["y"], dtype=np.float64)
    if y.shape != x.shape:
        raise Fail(f"Expected an output of shape {x.shape}, got {y.shape}.")
    noise = y - x
    flat = noise.reshape(noise.shape[0], -1)
    if np.allclose(flat, flat[0], rtol=0, atol=0):
        raise Fail("Every sample of the batch got the same noise: draw noise with the full shape of the input.",
                   mistake="one noise draw shared by every sample of the batch")
    _check_spread(noise, "The noise (output - input)", want["stddev"])


@checks.add("noise N(0, stddev²) on every shape, dtype, stddev and input", 3, "grid")
def grid_noise(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _grid_noise, ("train",), GRID_NOTES)


add_mode_checks(checks, lambda got, x, how: _identity(np.asarray(got), np.asarray(x), how), GRID_NOTES)


def _grid_gradient(got: dict, want: dict) -> None:
    assert_close(got["train"]["dx"], want["g"], "The gradient w.r.t. the input (expected the upstream gradient "
                 "unchanged: d(x + noise)/dx = 1)")


@checks.add("gradient w.r.t. the input is 1 on every configuration", 1, "grid")
def grid_gradient(obs: dict, ref: dict) -> None:
    judge_grid(obs["grid"]["cases"], ref["grid"]["cases"], _grid_gradient, ("train",), GRID_NOTES)
# END HIDDEN


add_contract_checks(checks, *contract_arguments(checks.exercise))
