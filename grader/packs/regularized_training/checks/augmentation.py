"""Checks of MixUp, CutMix and RandomErasing.

The arithmetic is judged exactly, on a transformation the probe gives (the reference's output on the same
dict). The draws are judged by statistics: every statistical check holds its bounds at a total false-fail
rate of at most 1e-6 (FALSE_FAIL_RATE shared by its bounds, Bonferroni: z = _z(number of bounds)), or is
exact where the reference's answer is certain. Known mistakes are named where the observation matches
what the mistake would give and the right answer does not.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from grader.checks import CheckSet, Fail, Mistake, register
from grader.checks.compare import assert_close, fmt, inert_output
from grader.packs.regularized_training.probes.augmentation import (
    BOXES, CUTMIX_ALPHA, CUTMIX_DRAWS, DRAW_SIZE, ERASE_BOXES, ERASE_DRAWS, ERASE_FACTORS, ERASE_SCALE, ERASE_SIZE,
    INJECT_SHAPE, MIX_WEIGHT, MIXUP_ALPHAS, MIXUP_DRAWS, PERMUTATION, APPLY_ERASING, box_masks, box_weights)
from grader.sandbox.pool import probe_error
from grader.settings import FALSE_FAIL_RATE, Z_BOUND
# BEGIN HIDDEN
from grader.checks.contract import _same
from grader.packs.regularized_training.probes.augmentation import (
    CALL_KWARGS, CONFIG_KWARGS, CONSTANT_FILLS, FILL_RANGES, FILL_SHAPE, HELPER_CORNERS, HELPER_SHAPE,
    INVALID_KWARGS, PERMUTATION_DRAWS, SEED)
from grader.probes.tensors import call_text
# END HIDDEN

# Causes: one mistake seen by several checks (or layers) is counted once per student.
WEIGHT_SWAPPED = "mix-weight-on-partner"
ONE_LAMBDA = "one-lambda-per-batch"
LAMBDA_UNIFORM = "lambda-uniform-not-beta"
LABELS_NOT_MIXED = "labels-not-mixed"
INVERSE_PERMUTATION = "inverse-permutation"
REVERSED = "reversed-batch"
BROADCAST_CLASSES = "weights-broadcast-along-classes"
AUGMENTS_AT_INFERENCE = "augments-at-inference"
NO_CAST = "images-not-cast"
PASTE_INVERTED = "cutmix-paste-outside-box"
CUTMIX_BLENDS = "cutmix-blends"
AREA_AS_WEIGHT = "cutmix-area-as-label-weight"
CUTMIX_RATIO = "cutmix-side-ratio-not-sqrt"
XY_SWAPPED = "box-x-y-swapped"
ONE_CHANNEL = "mask-one-channel"
ONE_BOX = "one-box-per-batch"
IGNORES_APPLY = "erase-ignores-apply-erasing"
APPLY_INVERTED = "erase-apply-erasing-inverted"
FILL_OUTSIDE = "erase-fill-outside-box"
ZERO_FILL = "erase-zeros-not-fill-value"
FACTOR_AS_PROBABILITY = "erase-factor-as-probability"
SIDE_NOT_SQRT = "erase-side-not-sqrt"
PIXEL_WEIGHT = "cutmix-weight-from-pixel-count"
# BEGIN HIDDEN
LABELS_OWN_DRAW = "labels-other-draw"
FIXED_SEED = "int-seed-repeats-draw"
NOT_WHEN_OMITTED = "no-augmentation-when-training-omitted"
WITH_REPLACEMENT = "partners-with-replacement"
FAR_EDGE = "box-far-edge-included"
FILL_NOT_CLIPPED = "fill-not-clipped"
FILL_NOT_SCALED = "fill-noise-not-scaled"
ALPHA_IGNORED = "alpha-ignored"
# END HIDDEN

PIXEL_TEXT = ("mix_weight was computed from the count of pasted pixels (the paper's rule); take the continuous box "
              "area, as Keras does: mix_weight = 1 - (x1 - x0) (y1 - y0) / (W H).")

# Box sizes are whole pixels: a box of real width w covers ceil(x0 + w) - ceil(x0) columns, within 1 of w.
PIXEL_SLACK = 1.0 + 1e-3
MISMATCH_SHOWN = 3


def _z(bounds: int) -> float:
    """Half-width in standard errors that keeps ``bounds`` two-sided bounds together under FALSE_FAIL_RATE."""
    return NormalDist().inv_cdf(1.0 - FALSE_FAIL_RATE / (2 * bounds)) if bounds > 1 else Z_BOUND


def _need(section, what: str) -> dict:
    """A sub-case's observations, or a Fail that says which sub-case raised and what."""
    if isinstance(section, dict) and "error" in section:
        raise Fail(f"{what} raised an error, so it could not be checked: {probe_error(section['error']).describe()}")
    return section


def _mix(a: np.ndarray, weight, perm) -> np.ndarray:
    """weight_i * a_i + (1 - weight_i) * a_perm[i], the weights shaped to broadcast over the sample."""
    a = np.asarray(a, dtype=np.float64)
    w = np.broadcast_to(np.asarray(weight, dtype=np.float64), (a.shape[0],)).reshape((-1,) + (1,) * (a.ndim - 1))
    return w * a + (1.0 - w) * a[np.asarray(perm)]


_PERM = np.asarray(PERMUTATION)
_INVERSE = np.argsort(_PERM)
_REVERSED = np.arange(len(PERMUTATION))[::-1]
_WEIGHTS = np.asarray(MIX_WEIGHT, dtype=np.float64)


def _label_candidates(y: np.ndarray, weight: np.ndarray, own: str) -> list:
    """What transform_labels gives under each known mistake, ``weight`` the sample's own label weight."""
    y = np.asarray(y, dtype=np.float64)
    return [
        (Mistake("The labels came back unchanged: transform_labels must mix them with the same weights and "
                 "permutation as the images.", cause=LABELS_NOT_MIXED), y),
        (Mistake(own, cause=AREA_AS_WEIGHT if own == AREA_TEXT else WEIGHT_SWAPPED), _mix(y, 1.0 - weight, _PERM)),
        (Mistake("The weights were broadcast along the classes, not the samples: reshape mix_weight to (B, 1) "
                 "before multiplying the (B, classes) labels.", cause=BROADCAST_CLASSES),
         weight[None, :] * y + (1.0 - weight[None, :]) * y[_PERM]),
        (Mistake("The partners were taken with the inverse permutation: the partner of sample i is "
                 "labels[permutation_order[i]] (ops.take(labels, permutation_order, axis=0)).",
                 cause=INVERSE_PERMUTATION), _mix(y, weight, _INVERSE)),
        (Mistake("Every label row got the first weight: each sample has its own weight.", cause=ONE_LAMBDA),
         _mix(y, np.full_like(weight, weight[0]), _PERM)),
    ]


SWAPPED_TEXT = ("The labels got 1 - lambda_i and their partners lambda_i: lambda_i goes with the sample itself, "
                "1 - lambda_i with its partner, as for the images.")
AREA_TEXT = ("The labels were weighted by the box area: mix_weight (1 - area / (H W)) is the weight of the sample's "
             "own label, 1 - mix_weight that of the partner whose box was pasted.")


def _beta_moments(alpha: float, power: int = 1) -> tuple[float, float]:
    """Mean and variance of lambda**power for lambda ~ Beta(alpha, alpha), from the raw moments
    E[lambda^k] = prod_{j<k} (alpha + j) / (2 alpha + j)."""
    def raw(k: int) -> float:
        return float(np.prod([(alpha + j) / (2 * alpha + j) for j in range(k)]))

    mean = raw(power)
    return mean, raw(2 * power) - mean**2


def _variance_spread(alpha: float) -> float:
    """Standard deviation of one squared deviation (lambda - 1/2)^2 of Beta(alpha, alpha): sqrt(mu4 - var^2),
    with mu4 = 3 var^2 (2 alpha + 1) / (2 alpha + 3) (the excess kurtosis of Beta(a, a) is -6 / (2 a + 3))."""
    var = 1.0 / (4.0 * (2.0 * alpha + 1.0))
    return float(np.sqrt(3.0 * var**2 * (2.0 * alpha + 1.0) / (2.0 * alpha + 3.0) - var**2))


def _moments_match(mean: float, var: float, n: int, want_mean: float, want_var: float, spread: float,
                   z: float) -> tuple[bool, float, float]:
    """(within, mean bound, variance bound): the sample mean within z standard errors (sqrt(var / n)) and the
    sample variance within z standard errors of a variance estimate (spread / sqrt(n))."""
    mean_bound = z * np.sqrt(want_var / n)
    var_bound = z * spread / np.sqrt(n)
    return abs(mean - want_mean) <= mean_bound and abs(var - want_var) <= var_bound, mean_bound, var_bound


# The uniform distribution U(0, 1): variance 1/12, sqrt(mu4 - var^2) with mu4 = 1/80.
_UNIFORM_VAR = 1.0 / 12.0
_UNIFORM_SPREAD = float(np.sqrt(1.0 / 80.0 - 1.0 / 144.0))


def _weights_basics(summary: dict, n: int, who: str) -> None:
    """One finite weight in [0, 1] per sample, and many different ones."""
    size = summary["size"]
    if size == 1:
        raise Fail(f"{who}: mix_weight holds one value for a batch of {n}: draw one weight per sample, shape (B,).",
                   mistake=Mistake("one lambda for the whole batch", cause=ONE_LAMBDA))
    if size != n:
        raise Fail(f"{who}: mix_weight holds {size} values for a batch of {n}; expected one per sample, shape (B,).")
    if summary["finite"] < n or summary["outside"]:
        raise Fail(f"{who}: {n - summary['finite']} of the {n} weights are NaN or infinite and {summary['outside']} "
                   "lie outside [0, 1].")
    if summary["distinct"] == 1:
        raise Fail(f"{who}: all {n} weights are equal ({fmt(summary['mean'])}): one lambda for the whole batch. Draw "
                   "one lambda_i per sample: keras.random.beta((B,), alpha, alpha).",
                   mistake=Mistake("one lambda for the whole batch", cause=ONE_LAMBDA))
    if summary["distinct"] < n // 2:  # a continuous draw repeats a float32 value rarely (Beta(0.2): ~2% at 1.0)
        raise Fail(f"{who}: only {summary['distinct']} different weights among {n}: each sample needs its own "
                   "lambda_i, drawn from a continuous distribution.")


def _inert(name: str):
    return lambda core: inert_output(f"{name}.transform_images", core["x"], core["images"])


def _modes_check(checks: CheckSet) -> None:
    name = checks.exercise

    @checks.add("training=False returns the input unchanged, as float32", 1, "modes", public=True)
    def modes(obs: dict, ref: dict) -> None:
        data = obs["modes"]
        x, y = np.asarray(data["x"], dtype=np.float64), data["y"]
        for key, label in (("tensor", "a uint8 tensor"), ("dict", "a dict of uint8 images and labels")):
            section = _need(data[key], f"{name}.call(..., training=False) on {label}")
            images = np.asarray(section["images"], dtype=np.float64)
            if images.shape == x.shape and not np.allclose(images, x, rtol=0.0, atol=1e-3):
                raise Fail(f"With training=False on {label}, {name} changed the images (by up to "
                           f"{fmt(float(np.max(np.abs(images - x))))}): the augmentation runs only in training; "
                           "predict and evaluate pass training=False.",
                           mistake=Mistake("augments with training=False", cause=AUGMENTS_AT_INFERENCE))
            assert_close(images, x, f"The images {name} returns with training=False on {label}")
            if section["dtype"] != "float32":
                raise Fail(f"With training=False on {label}, {name} returned {section['dtype']} images; expected "
                           "float32: cast the images to self.compute_dtype in every mode.",
                           mistake=Mistake("images not cast to float32", cause=NO_CAST))
            if key == "dict" and not np.array_equal(np.asarray(section["labels"]), y):
                raise Fail(f"With training=False, {name} changed the labels: nothing is mixed outside training.",
                           mistake=Mistake("augments with training=False", cause=AUGMENTS_AT_INFERENCE))


def _rectangles(summary: dict, who: str) -> None:
    """Every mask one axis-aligned rectangle, the same on every channel; not one box for the whole batch."""
    n = len(summary["rows"])
    if summary["all_alike"] and n > 1 and np.any(summary["rows"] > 0):
        raise Fail(f"{who}: every sample of the batch got the same mask: draw one box per sample (corners of "
                   "shape (B,)).", mistake=Mistake("one box for the whole batch", cause=ONE_BOX))
    uneven = np.flatnonzero(~np.asarray(summary["same_channels"]))
    if uneven.size:
        raise Fail(f"{who}: the mask differs between channels in {uneven.size} of {n} samples (the first: sample "
                   f"{int(uneven[0])}): a pixel is pasted or erased on every channel; repeat the (B, H, W, 1) mask "
                   "over the channels.", mistake=Mistake("mask on one channel only", cause=ONE_CHANNEL))
    odd = np.flatnonzero(~np.asarray(summary["rect"]))
    if odd.size:
        raise Fail(f"{who}: {odd.size} of {n} masks are not one axis-aligned rectangle (the first: sample "
                   f"{int(odd[0])}): the mask holds the pixels with x0 <= column < x1 and y0 <= row < y1.")


def _swapped(summary: dict, nonempty: np.ndarray) -> bool:
    """The images are twice as wide as high, so right boxes are wider than high on average."""
    return bool(nonempty.any()) and float(summary["cols"][nonempty].mean()) < float(summary["rows"][nonempty].mean())


XY_TEXT = ("Width and height are swapped: x runs along the width (columns, axis 2) and y along the height (rows, "
           "axis 1).")


# ============================================================================================== MixUp
mixup = register(CheckSet("MixUp", core="injected", inert=_inert("MixUp")))


@mixup.add("transform_images blends each image with its partner by mix_weight", 2, "injected", public=True)
def mixup_images(obs: dict, ref: dict) -> None:
    x = np.asarray(obs["injected"]["x"], dtype=np.float64)
    assert_close(obs["injected"]["images"], ref["injected"]["images"],
                 "MixUp.transform_images on the given mix_weight and permutation_order", [
        (Mistake("The weight lambda_i went to the partner and 1 - lambda_i to the sample: lambda_i multiplies x_i, "
                 "1 - lambda_i multiplies x[permutation_order[i]].", cause=WEIGHT_SWAPPED),
         _mix(x, 1.0 - _WEIGHTS, _PERM)),
        (Mistake("The partners were taken with the inverse permutation: the partner of sample i is "
                 "images[permutation_order[i]] (ops.take(images, permutation_order, axis=0)).",
                 cause=INVERSE_PERMUTATION), _mix(x, _WEIGHTS, _INVERSE)),
        (Mistake("The partners are the batch reversed (x[::-1]), not permutation_order: use the permutation of the "
                 "transformation.", cause=REVERSED), _mix(x, _WEIGHTS, _REVERSED)),
        (Mistake("Every image got the first weight: each sample has its own lambda_i.", cause=ONE_LAMBDA),
         _mix(x, np.full_like(_WEIGHTS, _WEIGHTS[0]), _PERM)),
    ])


@mixup.add("transform_labels mixes the labels with the same weights and permutation", 2, "injected", public=True)
def mixup_labels(obs: dict, ref: dict) -> None:
    data = obs["injected"]
    labels = _need(data["labels"], "MixUp.transform_labels on the given transformation")
    assert_close(labels["y"], ref["injected"]["labels"]["y"],
                 "MixUp.transform_labels on the given mix_weight and permutation_order",
                 _label_candidates(data["y"], _WEIGHTS, SWAPPED_TEXT))


@mixup.add("one weight per sample, drawn from Beta(alpha, alpha)", 2, "draws", public=True)
def mixup_beta(obs: dict, ref: dict) -> None:
    # Two bounds (mean, variance) per alpha: four bounds share the false-fail rate 1e-6.
    z = _z(2 * len(MIXUP_ALPHAS))
    for alpha, case in zip(MIXUP_ALPHAS, obs["draws"]["cases"]):
        who = f"MixUp(alpha={alpha}).get_random_transformation on a batch of {MIXUP_DRAWS}"
        summary = _need(case, who)
        _weights_basics(summary, MIXUP_DRAWS, who)
        mean, var = summary["mean"], summary["var"]
        want_var = 1.0 / (4.0 * (2.0 * alpha + 1.0))
        ok, mean_bound, var_bound = _moments_match(mean, var, MIXUP_DRAWS, 0.5, want_var, _variance_spread(alpha), z)
        if ok:
            continue
        text = (f"{who}: the weights have mean {mean:.4f} and variance {var:.4f}; Beta({alpha}, {alpha}) has mean 0.5 "
                f"(± {mean_bound:.4f}) and variance {want_var:.4f} (± {var_bound:.4f}).")
        if _moments_match(mean, var, MIXUP_DRAWS, 0.5, _UNIFORM_VAR, _UNIFORM_SPREAD, z)[0]:
            raise Fail(text + " That is U(0, 1): draw lambda from Beta(alpha, alpha) with keras.random.beta.",
                       mistake=Mistake("lambda drawn from U(0, 1) instead of Beta(alpha, alpha)",
                                       cause=LAMBDA_UNIFORM))
        # BEGIN HIDDEN
        default = MIXUP_ALPHAS[0]
        if alpha != default and _moments_match(mean, var, MIXUP_DRAWS, 0.5, 1.0 / (4.0 * (2.0 * default + 1.0)),
                                               _variance_spread(default), z)[0]:
            raise Fail(text + f" That is Beta({default}, {default}): `alpha` is not used; pass self.alpha to "
                       "keras.random.beta.", mistake=Mistake("alpha is ignored", cause=ALPHA_IGNORED))
        # END HIDDEN
        raise Fail(text)


_modes_check(mixup)


# ============================================================================================= CutMix
cutmix = register(CheckSet("CutMix", core="injected", inert=_inert("CutMix")))
_MASKS = box_masks(INJECT_SHAPE, BOXES)
_BOX_WEIGHTS = box_weights(INJECT_SHAPE, BOXES).astype(np.float64)


@cutmix.add("transform_images pastes the partner's pixels inside the mask", 2, "injected", public=True)
def cutmix_images(obs: dict, ref: dict) -> None:
    x = np.asarray(obs["injected"]["x"], dtype=np.float64)
    assert_close(obs["injected"]["images"], ref["injected"]["images"],
                 "CutMix.transform_images on the given batch_masks and permutation_order", [
        (Mistake("The partner's pixels went outside the box and the sample kept its own inside: take "
                 "x[permutation_order[i]] where batch_masks is True, x_i elsewhere.", cause=PASTE_INVERTED),
         np.where(_MASKS, x, x[_PERM])),
        (Mistake("The images were blended with mix_weight as in MixUp: CutMix pastes the partner's pixels inside "
                 "the box and keeps the others as they are.", cause=CUTMIX_BLENDS), _mix(x, _BOX_WEIGHTS, _PERM)),
        (Mistake("The partners were taken with the inverse permutation: the partner of sample i is "
                 "images[permutation_order[i]] (ops.take(images, permutation_order, axis=0)).",
                 cause=INVERSE_PERMUTATION), np.where(_MASKS, x[_INVERSE], x)),
        (Mistake("The partners are the batch reversed (x[::-1]), not permutation_order: use the permutation of the "
                 "transformation.", cause=REVERSED), np.where(_MASKS, x[_REVERSED], x)),
    ])


@cutmix.add("transform_labels mixes the labels with mix_weight and the same permutation", 2, "injected",
            public=True)
def cutmix_labels(obs: dict, ref: dict) -> None:
    data = obs["injected"]
    labels = _need(data["labels"], "CutMix.transform_labels on the given transformation")
    assert_close(labels["y"], ref["injected"]["labels"]["y"],
                 "CutMix.transform_labels on the given mix_weight and permutation_order",
                 _label_candidates(data["y"], _BOX_WEIGHTS, AREA_TEXT))


@cutmix.add("each mask is one box inside the image, of sides sqrt(1 - mix_weight) W and H", 2, "draws",
            public=True)
def cutmix_boxes(obs: dict, ref: dict) -> None:
    data = obs["draws"]
    height, width = DRAW_SIZE[0], DRAW_SIZE[1]
    who = f"CutMix(factor=({CUTMIX_ALPHA}, {CUTMIX_ALPHA})).get_random_transformation on {CUTMIX_DRAWS} images " \
          f"of {height} x {width}"
    w = np.asarray(data["weights"], dtype=np.float64).reshape(-1)
    if w.size != CUTMIX_DRAWS or not np.all(np.isfinite(w)):
        raise Fail(f"{who}: mix_weight holds {w.size} values, not {CUTMIX_DRAWS} finite ones (one per sample).")
    _rectangles(data, who)
    rows, cols = np.asarray(data["rows"]), np.asarray(data["cols"])
    nonempty = rows > 0

    def fits(ratio: np.ndarray) -> np.ndarray:
        wide, high = ratio * width, ratio * height
        return np.where(nonempty, (np.abs(cols - wide) <= PIXEL_SLACK) & (np.abs(rows - high) <= PIXEL_SLACK),
                        np.minimum(wide, high) < PIXEL_SLACK)

    ratio = np.sqrt(np.clip(1.0 - w, 0.0, 1.0))
    good = fits(ratio)
    if good.all():
        return
    bad = np.flatnonzero(~good)
    i = int(bad[0])
    text = (f"{who}: {bad.size} of {CUTMIX_DRAWS} masks do not have the size mix_weight implies. Sample {i} has "
            f"mix_weight {w[i]:.4f}, so its box of sides sqrt(1 - mix_weight) W and sqrt(1 - mix_weight) H should "
            f"cover {ratio[i] * width:.2f} columns and {ratio[i] * height:.2f} rows (±1 pixel); its mask covers "
            f"{int(cols[i])} columns and {int(rows[i])} rows.")
    # Swapped, the columns follow the box's height (ratio H) and the rows its width, cut by the image's height.
    swapped = np.where(nonempty, (np.abs(cols - ratio * height) <= PIXEL_SLACK) &
                       (rows <= np.minimum(ratio * width, height) + PIXEL_SLACK), True)
    if swapped.all() or _swapped(data, nonempty):
        raise Fail(text + " " + XY_TEXT, mistake=Mistake(XY_TEXT, cause=XY_SWAPPED))
    pasted = rows * cols / float(height * width)
    if np.allclose(w, 1.0 - pasted, rtol=0.0, atol=1e-5):
        raise Fail(text + " " + PIXEL_TEXT, mistake=Mistake(PIXEL_TEXT, cause=PIXEL_WEIGHT))
    if fits(w).all() or fits(1.0 - w).all():
        raise Fail(text + " The box sides are lambda (or 1 - lambda) times W and H: the side ratio is "
                   "sqrt(1 - lambda), so that the box covers 1 - lambda of the image.",
                   mistake=Mistake("box side ratio not sqrt(1 - lambda)", cause=CUTMIX_RATIO))
    raise Fail(text + " The box must lie inside the image, not be clipped at its border: x0 = u (W - cut_w), "
               "x1 = x0 + cut_w, and likewise along the height.")


_modes_check(cutmix)


# ====================================================================================== RandomErasing
erasing = register(CheckSet("RandomErasing", core="injected", inert=_inert("RandomErasing")))
_APPLY = np.asarray(APPLY_ERASING)[:, None, None, None]


@erasing.add("transform_images fills the mask of the images chosen for erasing", 2, "injected", public=True)
def erasing_images(obs: dict, ref: dict) -> None:
    data = obs["injected"]
    x, fill = np.asarray(data["x"], dtype=np.float64), np.asarray(data["fill"], dtype=np.float64)
    assert_close(data["images"], ref["injected"]["images"],
                 "RandomErasing.transform_images on the given apply_erasing, batch_masks and fill_value", [
        (Mistake("Images whose apply_erasing is False were erased too: erase only where batch_masks is True and "
                 "apply_erasing[i] is True (reshape it to (B, 1, 1, 1)).", cause=IGNORES_APPLY),
         np.where(_MASKS, fill, x)),
        (Mistake("The images whose apply_erasing is False were erased, and those whose apply_erasing is True were "
                 "kept: erase where it is True.", cause=APPLY_INVERTED), np.where(_MASKS & ~_APPLY, fill, x)),
        (Mistake("The fill went outside the box and the box kept the image: put fill_value where batch_masks is "
                 "True.", cause=FILL_OUTSIDE), np.where(~_MASKS & _APPLY, fill, x)),
        (Mistake("The box was set to 0, not to fill_value: take the erased pixels from transformation"
                 "[\"fill_value\"].", cause=ZERO_FILL), np.where(_MASKS & _APPLY, 0.0, x)),
    ])


@erasing.add("erases each image with probability (low + high) / 2 of `factor`", 2, "draws", public=True)
def erasing_frequency(obs: dict, ref: dict) -> None:
    # One bound per factor: three bounds share the false-fail rate 1e-6 (factor=(1, 1) is exact: always).
    z = _z(len(ERASE_FACTORS))
    seen = []
    for (label, _factor, p), case in zip(ERASE_FACTORS, obs["draws"]["erase"]):
        summary = _need(case, f"RandomErasing({label}).get_random_transformation")
        if summary["size"] != ERASE_DRAWS:
            raise Fail(f"RandomErasing({label}): apply_erasing holds {summary['size']} values for a batch of "
                       f"{ERASE_DRAWS}; expected one per image, shape (B,).")
        seen.append(summary["erased"] / ERASE_DRAWS)
    bounds = [z * np.sqrt(p * (1.0 - p) / ERASE_DRAWS) for _, _, p in ERASE_FACTORS]
    wrong = [k for k, (frequency, bound, case) in enumerate(zip(seen, bounds, ERASE_FACTORS))
             if abs(frequency - case[2]) > bound]
    if not wrong:
        return
    k = wrong[0]
    label, _factor, p = ERASE_FACTORS[k]
    text = (f"RandomErasing({label}) erased {seen[k]:.3f} of {ERASE_DRAWS} images; expected {p} (± {bounds[k]:.3f}): "
            "per image, p_i ~ U(low, high) and the image is erased when u_i < p_i, u_i ~ U(0, 1), so an image is "
            "erased with probability (low + high) / 2, 0.5 for factor=1.0.")

    def matches(predicted: list[float]) -> bool:
        return all(abs(f - q) <= z * np.sqrt(q * (1.0 - q) / ERASE_DRAWS) + 1e-12 for f, q in zip(seen, predicted))

    as_probability = [max(f) if isinstance(f, tuple) else f for _, f, _ in ERASE_FACTORS]
    if matches(as_probability):
        raise Fail(text + " The images were erased with probability high, `factor` itself: draw p_i ~ U(low, high) "
                   "first, then compare a second draw u_i with it.",
                   mistake=Mistake("factor used as the erase probability", cause=FACTOR_AS_PROBABILITY))
    if matches([1.0 - q for _, _, q in ERASE_FACTORS]):
        raise Fail(text + " That is 1 - p: erase when u_i < p_i, not when u_i >= p_i.",
                   mistake=Mistake("erase decision inverted (u >= p)", cause=APPLY_INVERTED))
    raise Fail(text)


@erasing.add("each box is one rectangle inside the image, of sides sqrt(u) W and sqrt(u) H, u in `scale`", 2,
             "draws", public=True)
def erasing_boxes(obs: dict, ref: dict) -> None:
    height, width = ERASE_SIZE[0], ERASE_SIZE[1]
    low, high = ERASE_SCALE
    who = (f"RandomErasing(factor=(1.0, 1.0), scale={ERASE_SCALE}).get_random_transformation on {ERASE_BOXES} "
           f"images of {height} x {width}")
    data = _need(obs["draws"]["boxes"], who)
    _rectangles(data, who)
    rows, cols = np.asarray(data["rows"]), np.asarray(data["cols"])

    def within(lo: float, hi: float) -> np.ndarray:
        return ((cols >= lo * width - PIXEL_SLACK) & (cols <= hi * width + PIXEL_SLACK) &
                (rows >= lo * height - PIXEL_SLACK) & (rows <= hi * height + PIXEL_SLACK) & (rows > 0))

    good = within(np.sqrt(low), np.sqrt(high))
    if good.all():
        return
    bad = np.flatnonzero(~good)
    i = int(bad[0])
    text = (f"{who}: {bad.size} of {ERASE_BOXES} boxes have a size scale does not allow: with u ~ U{ERASE_SCALE} per "
            f"side, a box covers {np.sqrt(low) * width:.1f} to {np.sqrt(high) * width:.1f} columns and "
            f"{np.sqrt(low) * height:.1f} to {np.sqrt(high) * height:.1f} rows (±1 pixel). Sample {i} covers "
            f"{int(cols[i])} columns and {int(rows[i])} rows.")
    swapped = ((cols >= np.sqrt(low) * height - PIXEL_SLACK) & (cols <= np.sqrt(high) * height + PIXEL_SLACK) &
               (rows <= np.minimum(np.sqrt(high) * width, height) + PIXEL_SLACK))
    if swapped.all() or _swapped(data, rows > 0):
        raise Fail(text + " " + XY_TEXT, mistake=Mistake(XY_TEXT, cause=XY_SWAPPED))
    if within(low, high).all():
        raise Fail(text + " The sides are u W and u H: the side fractions are sqrt(u), so that their product, the "
                   "area, lies in `scale`.", mistake=Mistake("box sides u instead of sqrt(u)", cause=SIDE_NOT_SQRT))
    if not (rows > 0).all():
        text += " Some boxes are empty."
    raise Fail(text + " The box must lie inside the image, not be clipped at its border: x0 = u (W - cut_w).")


_modes_check(erasing)


# BEGIN HIDDEN
# ================================================================================== shared hidden checks
def _unchanged(images, x) -> bool:
    images = np.asarray(images, dtype=np.float64)
    return images.shape == np.shape(x) and np.allclose(images, x, rtol=0.0, atol=1e-3)


def _augmented(obs: dict) -> bool:
    """Whether the training=True call on a dict changed the images (when it ran): a layer that never augments
    is not said to skip augmenting when `training` is omitted."""
    out = obs.get("call", {}).get("dict", {})
    return "images" not in out or not _unchanged(out["images"], obs["call"]["x"])


def _structure(obs: dict, name: str) -> dict:
    """The dict call: a new dict, the caller's left as it was, the shapes kept; the tensor call: a tensor."""
    data = obs["call"]
    x, y = data["x"], data["y"]
    out = _need(data["dict"], f"{name}.call on a dict")
    if out["same_object"] or not out["intact"]:
        raise Fail(f"{name}.call changed the caller's dict: return a new dict (out = dict(data), then set its "
                   "entries) and leave the input as it was.")
    for key, want in (("images", x), ("labels", y)):
        if np.shape(out[key]) != np.shape(want):
            raise Fail(f"{name}.call on a dict returned {key} of shape {np.shape(out[key])}; expected "
                       f"{np.shape(want)}.")
    tensor = _need(data["tensor"], f"{name}.call on a tensor")
    if np.shape(tensor["images"]) != np.shape(x):
        raise Fail(f"{name}.call on a tensor of shape {np.shape(x)} returned shape {np.shape(tensor['images'])}.")
    return out


def _partners_from_labels(labels: np.ndarray, y: np.ndarray, name: str) -> tuple[np.ndarray, np.ndarray]:
    """(own weight, partner) per sample, read from mixed one-hot rows of distinct classes; the partner is the
    sample itself where the row shows no mixing."""
    own_class = np.argmax(y, axis=1)
    owner = {int(c): i for i, c in enumerate(own_class)}
    weights, partners = np.ones(len(y)), np.arange(len(y))
    for i, row in enumerate(np.asarray(labels, dtype=np.float64)):
        if abs(row.sum() - 1.0) > 1e-4 or np.sum(np.abs(row) > 1e-6) > 2 or row.min() < -1e-6:
            raise Fail(f"{name}.call: the label row of sample {i} is {np.round(row, 4).tolist()}, not the mix of two "
                       "one-hot rows (weights lambda and 1 - lambda that add up to 1).")
        weights[i] = row[own_class[i]]
        other = row.copy()
        other[own_class[i]] = 0.0
        if other.max() > 1e-6:
            partners[i] = owner[int(np.argmax(other))]
    return weights, partners


def _add_common(checks: CheckSet) -> None:
    """The hidden checks every layer shares: training omitted, fresh draws, the seed, config, the pipeline."""
    name = checks.exercise
    kwargs = CALL_KWARGS[name]
    call = call_text(name, kwargs)

    @checks.add("augments when `training` is omitted", 1, "call")
    def omitted(obs: dict, ref: dict) -> None:
        out = _need(obs["call"]["omitted"], f"{call} on a dict, `training` omitted")
        if _unchanged(out["images"], obs["call"]["x"]):
            if not _augmented(obs):
                raise Fail(f"Called on a dict, with training=True or without `training`, {call} returned the images "
                           "unchanged: the layer does not augment.")
            raise Fail(f"Called on a dict without `training`, {call} returned the images unchanged: these layers "
                       "augment when `training` is omitted (call(data, training=True)); only training=False "
                       "switches them off.", mistake=Mistake("no augmentation when training is omitted",
                                                             cause=NOT_WHEN_OMITTED))

    @checks.add("a new draw on every call, eager and inside a tf.data map", 1, ("fresh", "pipeline"))
    def fresh(obs: dict, ref: dict) -> None:
        first, second = obs["fresh"]["calls"]
        if np.array_equal(first, second) and not _unchanged(first, obs["fresh"]["x"]):
            raise Fail(f"Two calls of one {name}(seed={SEED}) layer gave the same output: a seed fixes the sequence "
                       "of draws, each call draws anew. An int seed passed to each random op repeats the same draw: "
                       "pass the layer's SeedGenerator (self.generator, made once in __init__).",
                       mistake=Mistake("an int seed repeats the same draw every call", cause=FIXED_SEED))
        dataset = _need(obs["pipeline"]["dataset"], f"{call} inside a tf.data map")
        batches = dataset["batches"]
        if len(batches) != 2:
            raise Fail(f"A tf.data map over the same batch twice gave {len(batches)} batches; expected 2.")
        if _unchanged(batches[0]["images"], obs["pipeline"]["x"]):
            return  # nothing augmented inside the map: said by the checks of `training` omitted and of the pipeline
        if np.array_equal(batches[0]["images"], batches[1]["images"]):
            raise Fail(f"Inside a tf.data map (a graph), {call} gave the same images on both passes over one batch: "
                       "the draw was made once, when the function was traced (numpy or Python random, or an int "
                       "seed). Draw with keras.random and the layer's SeedGenerator.")

    @checks.add("a fixed seed reproduces on fresh layers", 1, "fresh")
    def seed(obs: dict, ref: dict) -> None:
        first, other = obs["fresh"]["calls"][0], obs["fresh"]["second_layer"]
        if np.shape(first) != np.shape(other) or not np.array_equal(first, other):
            raise Fail(f"Two new {name}(seed={SEED}) layers gave different first outputs: the seed must decide the "
                       "sequence of draws. Create keras.random.SeedGenerator(seed) in __init__ (self.generator) and "
                       "draw every random value from it.")

    config_kwargs = CONFIG_KWARGS[name]
    config_call = call_text(name, config_kwargs)

    @checks.add("get_config / from_config round trip", 1, "config")
    def config(obs: dict, ref: dict) -> None:
        data = obs["config"]
        for source, label in ((data["config"], "get_config()"),
                              (data["clone_config"], "from_config(get_config()).get_config()")):
            missing = [k for k in config_kwargs if k not in source]
            if missing:
                raise Fail(f"{label} of {config_call} misses {missing}: return every constructor argument, merged "
                           "with super().get_config().")
            for key, value in config_kwargs.items():
                want = list(value) if isinstance(value, tuple) else value
                if not _same(source[key], want):
                    raise Fail(f"{label}[{key!r}] is {source[key]!r} for {config_call}; expected {want!r}.")
        outputs = _need(data["outputs"], f"{config_call} and its copy from from_config")
        assert_close(outputs["clone"], outputs["original"],
                     f"The first output of the layer rebuilt with from_config ({config_call}; both new, one seed)")

    @checks.add("works in a tf.data map and in a model, before and after .keras save and load", 1,
                ("pipeline", "call"))
    def pipeline(obs: dict, ref: dict) -> None:
        data = obs["pipeline"]
        x, y = data["x"], data["y"]
        batch = _need(data["dataset"], f"{call} inside a tf.data map")["batches"][0]
        if np.shape(batch["images"]) != np.shape(x) or np.shape(batch["labels"]) != np.shape(y):
            raise Fail(f"Inside a tf.data map, {call} returned images of shape {np.shape(batch['images'])} and labels "
                       f"of shape {np.shape(batch['labels'])}; expected {np.shape(x)} and {np.shape(y)}.")
        if _unchanged(batch["images"], x):
            raise Fail(f"Inside a tf.data map (`training` omitted), {call} returned the images unchanged: the layers "
                       "augment unless training=False.",
                       mistake=Mistake("no augmentation when training is omitted", cause=NOT_WHEN_OMITTED)
                       if _augmented(obs) else None)
        labels = np.asarray(batch["labels"], dtype=np.float64)
        if name == "RandomErasing":
            if not np.array_equal(labels, y):
                raise Fail(f"Inside a tf.data map, {call} changed the labels: RandomErasing passes them unchanged.")
        elif np.array_equal(labels, y):
            raise Fail(f"Inside a tf.data map, {call} returned the labels unchanged: mix them with the same draw as "
                       "the images.", mistake=Mistake("labels not mixed", cause=LABELS_NOT_MIXED))
        elif not np.allclose(labels.sum(axis=1), 1.0, atol=1e-4):
            raise Fail(f"Inside a tf.data map, {call} returned labels that are not mixed rows adding up to 1 "
                       f"(row sums {np.round(labels.sum(axis=1), 4).tolist()}).")
        model = _need(data["model"], f"A Sequential model holding {call}")
        if not _unchanged(model["predicted"], x):
            raise Fail(f"A Sequential model holding {call}, called with training=False as predict and evaluate call "
                       "it, changed its input: with training=False the images pass unchanged.",
                       mistake=Mistake("augments with training=False", cause=AUGMENTS_AT_INFERENCE))
        if model["reloaded_class"] != name:
            raise Fail(f"After keras.models.load_model the layer is a {model['reloaded_class']}, not your {name}.")
        if not _unchanged(model["reloaded"], x):
            raise Fail(f"After a .keras save and load, the model holding {call} changed its input with "
                       "training=False.")


def _add_permutation(checks: CheckSet) -> None:
    name = checks.exercise

    @checks.add("the partners are a random permutation of the batch", 1, "permutation")
    def permutation(obs: dict, ref: dict) -> None:
        data, n = obs["permutation"], PERMUTATION_DRAWS
        who = f"{name}.get_random_transformation on a batch of {n}"
        if data["size"] != n:
            raise Fail(f"{who}: permutation_order holds {data['size']} values; expected one partner index per "
                       "sample.")
        if not data["valid"]:
            if data.get("in_range") and data["distinct"] < n:
                raise Fail(f"{who}: permutation_order repeats indices, so {n - data['distinct']} of the {n} samples "
                           "are nobody's partner: draw a permutation, keras.random.shuffle(ops.arange(B)), not "
                           "random integers.", mistake=Mistake("partners drawn with replacement",
                                                               cause=WITH_REPLACEMENT))
            raise Fail(f"{who}: permutation_order (dtype {data['dtype']}) is not a permutation of the integers "
                       "0 .. B-1.")
        if data["identity"]:
            raise Fail(f"{who}: permutation_order is 0, 1, 2, ...: every sample is mixed with itself, so nothing "
                       "changes. Shuffle the indices with keras.random.shuffle.")
        if data["reversed"]:
            raise Fail(f"{who}: permutation_order is the batch reversed (x[::-1]): draw a random permutation with "
                       "keras.random.shuffle.", mistake=Mistake("partners are the reversed batch", cause=REVERSED))
        if data["shift"]:
            raise Fail(f"{who}: permutation_order is a cyclic shift of the batch, not a random permutation: draw it "
                       "with keras.random.shuffle.")


def _add_validation(checks: CheckSet) -> None:
    name = checks.exercise

    # Advice: Keras checks these, the skeleton's _factor_range asks for them, but they change no result.
    @checks.add("invalid `factor` and `scale` raise ValueError", 0, "config", advice=True)
    def validation(obs: dict, ref: dict) -> None:
        for case, got, want in zip(INVALID_KWARGS[name], obs["config"]["raised"], ref["config"]["raised"]):
            if want != "ValueError" or got == want:
                continue
            bad_call = call_text(name, case)
            if got is None:
                raise Fail(f"{bad_call} was accepted: `factor` and `scale` must be a number or a pair of numbers in "
                           "[0, 1]; raise ValueError otherwise (see _factor_range).")
            raise Fail(f"{bad_call} raised {got}; raise ValueError for invalid arguments (see _factor_range).")


# ====================================================================================== MixUp, hidden
_add_common(mixup)
_add_permutation(mixup)


@mixup.add("call mixes images and labels with one draw and returns a new dict", 2, "call")
def mixup_call(obs: dict, ref: dict) -> None:
    out = _structure(obs, "MixUp")
    x, y = np.asarray(obs["call"]["x"], dtype=np.float64), obs["call"]["y"]
    images = np.asarray(out["images"], dtype=np.float64)
    if np.array_equal(np.asarray(out["labels"]), y) and not _unchanged(images, x):
        raise Fail("MixUp.call on a dict mixed the images but returned the labels unchanged: mix the labels with the "
                   "same draw (transform_labels with the same transformation).",
                   mistake=Mistake("labels not mixed", cause=LABELS_NOT_MIXED))
    weights, partners = _partners_from_labels(out["labels"], y, "MixUp")
    predicted = _mix(x, weights, partners)
    if np.allclose(images, predicted, rtol=1e-4, atol=1e-2):
        return
    # Where the images disagree with their labels: read each image's own partner and weight (least squares).
    own_partner, own_weight = partners.copy(), weights.copy()
    for i in range(len(x)):
        best = np.inf
        for j in range(len(x)):
            if j == i:
                continue
            d = (x[i] - x[j]).ravel()
            lam = float(np.dot((images[i] - x[j]).ravel(), d) / np.dot(d, d))
            residual = float(np.max(np.abs(images[i] - (lam * x[i] + (1 - lam) * x[j]))))
            if residual < best:
                best, own_partner[i], own_weight[i] = residual, j, lam
        if _unchanged(images[i], x[i]):
            own_partner[i], own_weight[i] = i, 1.0
    mixed = (np.abs(own_weight - 1.0) > 1e-3) & (np.abs(weights - 1.0) > 1e-3)
    i = int(np.argmax(np.any(np.abs(images - predicted) > 1e-2, axis=(1, 2, 3))))
    text = (f"MixUp.call on a dict: image {i} is not the mix its label shows (weight {weights[i]:.4f} on itself, "
            f"{1 - weights[i]:.4f} on sample {int(partners[i])}).")
    if np.any(mixed & (own_partner != partners)):
        raise Fail(text + " The labels were mixed with other partners than the images: draw once "
                   "(get_random_transformation) and give that transformation to both transform_images and "
                   "transform_labels.", mistake=Mistake("labels mixed with another draw", cause=LABELS_OWN_DRAW))
    if np.allclose(own_weight[mixed], 1.0 - weights[mixed], atol=1e-3):
        raise Fail(text + " " + SWAPPED_TEXT, mistake=Mistake(SWAPPED_TEXT, cause=WEIGHT_SWAPPED))
    raise Fail(text + " The labels were mixed with other weights than the images: draw once and give the same "
               "transformation to both.", mistake=Mistake("labels mixed with another draw", cause=LABELS_OWN_DRAW))


# ===================================================================================== CutMix, hidden
_add_common(cutmix)
_add_permutation(cutmix)
_add_validation(cutmix)


def _lattice(w: np.ndarray, n: int, pixels: int, who: str) -> None:
    """The continuous area makes mix_weight * H W an integer for few samples (~0.5% at alpha=0.5, mostly at
    1.0); the count of pasted pixels makes it one for all."""
    lattice = float(np.mean(np.abs(w * pixels - np.round(w * pixels)) < 1e-3))
    if lattice > 0.5:
        raise Fail(f"{who}: mix_weight is a multiple of 1 / (H W) for {lattice:.0%} of the samples. " + PIXEL_TEXT,
                   mistake=Mistake(PIXEL_TEXT, cause=PIXEL_WEIGHT))


@cutmix.add("mix_weight follows Beta(alpha, alpha), from the continuous box area", 2, "draws")
def cutmix_beta(obs: dict, ref: dict) -> None:
    n, height, width = CUTMIX_DRAWS, DRAW_SIZE[0], DRAW_SIZE[1]
    who = f"CutMix(factor=({CUTMIX_ALPHA}, {CUTMIX_ALPHA})).get_random_transformation on a batch of {n}"
    w = np.asarray(obs["draws"]["weights"], dtype=np.float64).reshape(-1)
    finite = w[np.isfinite(w)]
    summary = {"size": int(w.size), "finite": int(finite.size), "outside": int(np.sum((finite < 0) | (finite > 1))),
               "mean": float(finite.mean()) if finite.size else 0.0, "distinct": int(np.unique(finite).size)}
    if summary["size"] == n and summary["finite"] == n:
        _lattice(w, n, height * width, who)
    _weights_basics(summary, n, who)
    # Two bounds (mean, variance): they share the false-fail rate 1e-6.
    z = _z(2)
    mean, var = float(w.mean()), float(w.var())
    want_var = 1.0 / (4.0 * (2.0 * CUTMIX_ALPHA + 1.0))
    ok, mean_bound, var_bound = _moments_match(mean, var, n, 0.5, want_var, _variance_spread(CUTMIX_ALPHA), z)
    if ok:
        return
    text = (f"{who}: mix_weight has mean {mean:.4f} and variance {var:.4f}; with lambda ~ Beta({CUTMIX_ALPHA}, "
            f"{CUTMIX_ALPHA}) and a box covering 1 - lambda of the image it has mean 0.5 (± {mean_bound:.4f}) and "
            f"variance {want_var:.4f} (± {var_bound:.4f}).")
    # The box side ratio lambda instead of sqrt(1 - lambda): mix_weight = 1 - lambda^2. Its mean and variance
    # follow from the raw moments; the variance bound from a sample of those values is judged loosely (2x).
    square_mean, square_var = _beta_moments(CUTMIX_ALPHA, power=2)
    if abs(mean - (1.0 - square_mean)) <= z * np.sqrt(square_var / n) and abs(var - square_var) <= 2 * var_bound:
        raise Fail(text + " That is 1 - lambda^2: the box sides are lambda W and lambda H; the side ratio is "
                   "sqrt(1 - lambda), so that the box covers 1 - lambda of the image.",
                   mistake=Mistake("box side ratio not sqrt(1 - lambda)", cause=CUTMIX_RATIO))
    if _moments_match(mean, var, n, 0.5, _UNIFORM_VAR, _UNIFORM_SPREAD, z)[0]:
        raise Fail(text + " That is U(0, 1): draw lambda from Beta(alpha, alpha) with keras.random.beta, alpha "
                   "drawn from U(factor).", mistake=Mistake("lambda drawn from U(0, 1) instead of Beta(alpha, alpha)",
                                                           cause=LAMBDA_UNIFORM))
    raise Fail(text)


@cutmix.add("call pastes a box and mixes the labels with one draw, returns a new dict", 2, "call")
def cutmix_call(obs: dict, ref: dict) -> None:
    out = _structure(obs, "CutMix")
    x, y = np.asarray(obs["call"]["x"], dtype=np.float64), obs["call"]["y"]
    images = np.asarray(out["images"], dtype=np.float64)
    height, width = x.shape[1], x.shape[2]
    if np.array_equal(np.asarray(out["labels"]), y) and not _unchanged(images, x):
        raise Fail("CutMix.call on a dict pasted boxes into the images but returned the labels unchanged: mix the "
                   "labels with the same draw (transform_labels with the same transformation).",
                   mistake=Mistake("labels not mixed", cause=LABELS_NOT_MIXED))
    weights, partners = _partners_from_labels(out["labels"], y, "CutMix")
    changed = np.abs(images - x) > 1e-3
    area_fault = []
    for i in range(len(x)):
        pixels = changed[i].any(axis=2)
        if pixels.any() and not np.all(changed[i][pixels]):
            raise Fail(f"CutMix.call: in image {i} some channels of the pasted pixels were kept: paste on every "
                       "channel.", mistake=Mistake("mask on one channel only", cause=ONE_CHANNEL))
        rows, cols = pixels.any(axis=1), pixels.any(axis=0)
        if not np.array_equal(pixels, rows[:, None] & cols[None, :]):
            raise Fail(f"CutMix.call: the pixels changed in image {i} do not form one rectangle.")
        if pixels.any():
            sources = [j for j in range(len(x)) if np.allclose(images[i][pixels], x[j][pixels], rtol=0, atol=1e-3)]
            if not sources:
                raise Fail(f"CutMix.call: the box pasted into image {i} holds pixels of no image of the batch: paste "
                           "the partner's pixels unchanged.")
            if partners[i] not in sources:
                raise Fail(f"CutMix.call: image {i} got a box from sample {sources[0]} but its label was mixed with "
                           f"sample {int(partners[i])}: draw once (get_random_transformation) and give that "
                           "transformation to both transform_images and transform_labels.",
                           mistake=Mistake("labels mixed with another draw", cause=LABELS_OWN_DRAW))
        if partners[i] == i:
            continue  # mixed with itself (or not at all): the label shows no weight
        n_rows, n_cols = int(rows.sum()), int(cols.sum())
        area = (1.0 - weights[i]) * height * width
        low = max(n_rows - 1, 0) * max(n_cols - 1, 0) - 1e-3
        high = (n_rows + 1) * (n_cols + 1) + 1e-3 if pixels.any() else max(height, width) + 1e-3
        if not low <= area <= high:
            area_fault.append((i, area, n_rows, n_cols, low <= height * width - area <= high))
    if area_fault:
        i, area, n_rows, n_cols, swapped = area_fault[0]
        text = (f"CutMix.call: the label of image {i} gives its partner a share {area / (height * width):.4f} of the "
                f"image, but the box pasted into it covers {n_rows} rows and {n_cols} columns of {height} x {width}: "
                "the label weight of the partner is the box area over H W.")
        if all(fault[4] for fault in area_fault):
            raise Fail(text + " " + AREA_TEXT, mistake=Mistake(AREA_TEXT, cause=AREA_AS_WEIGHT))
        raise Fail(text)


# ============================================================================== RandomErasing, hidden
_add_common(erasing)
_add_validation(erasing)


@erasing.add("labels pass unchanged", 1, ("injected", "call"))
def erasing_labels(obs: dict, ref: dict) -> None:
    labels = _need(obs["injected"]["labels"], "RandomErasing.transform_labels on the given transformation")
    if np.shape(labels["y"]) != np.shape(obs["injected"]["y"]) or not np.array_equal(labels["y"], obs["injected"]["y"]):
        raise Fail("RandomErasing.transform_labels changed the labels: erasing keeps the label, return it unchanged.")
    out = _need(obs["call"]["dict"], "RandomErasing.call on a dict")
    if np.shape(out["labels"]) != np.shape(obs["call"]["y"]) or not np.array_equal(out["labels"], obs["call"]["y"]):
        raise Fail("RandomErasing.call on a dict changed the labels: erasing keeps the label, return it unchanged.")


@erasing.add("call erases one rectangle per image and returns a new dict", 2, "call")
def erasing_call(obs: dict, ref: dict) -> None:
    out = _structure(obs, "RandomErasing")
    x = np.asarray(obs["call"]["x"], dtype=np.float64)
    images = np.asarray(out["images"], dtype=np.float64)
    height, width = x.shape[1], x.shape[2]
    changed = np.abs(images - x) > 1e-3
    low, high = (0.02, 0.33)  # the default scale
    for i in range(len(x)):
        pixels = changed[i].any(axis=2)
        if not pixels.any():
            raise Fail(f"{CALL_KWARGS_TEXT} left image {i} unchanged: with factor=(1.0, 1.0) every image is erased.")
        if not np.all(changed[i][pixels]):
            raise Fail(f"{CALL_KWARGS_TEXT}: in image {i} some channels of the erased pixels were kept: erase on "
                       "every channel.", mistake=Mistake("mask on one channel only", cause=ONE_CHANNEL))
        rows, cols = pixels.any(axis=1), pixels.any(axis=0)
        if not np.array_equal(pixels, rows[:, None] & cols[None, :]):
            raise Fail(f"{CALL_KWARGS_TEXT}: the pixels erased in image {i} do not form one rectangle.")
        n_rows, n_cols = int(rows.sum()), int(cols.sum())
        if not (np.sqrt(low) * width - PIXEL_SLACK <= n_cols <= np.sqrt(high) * width + PIXEL_SLACK and
                np.sqrt(low) * height - PIXEL_SLACK <= n_rows <= np.sqrt(high) * height + PIXEL_SLACK):
            raise Fail(f"{CALL_KWARGS_TEXT}: the box erased in image {i} covers {n_rows} rows and {n_cols} columns of "
                       f"{height} x {width}; the default scale=(0.02, 0.33) allows {np.sqrt(low) * width:.1f} to "
                       f"{np.sqrt(high) * width:.1f} columns and {np.sqrt(low) * height:.1f} to "
                       f"{np.sqrt(high) * height:.1f} rows (±1 pixel).")
        values = images[i][pixels]
        if values.min() < 0.0 or values.max() > 255.0:
            raise Fail(f"{CALL_KWARGS_TEXT}: image {i} was erased with values from {fmt(values.min())} to "
                       f"{fmt(values.max())}, outside the default value_range (0, 255): clip the fill to value_range.",
                       mistake=Mistake("fill not clipped to value_range", cause=FILL_NOT_CLIPPED))


CALL_KWARGS_TEXT = call_text("RandomErasing", CALL_KWARGS["RandomErasing"]) + ".call"


@erasing.add("the fill: N(0, 1) * value_range[1] clipped to value_range, or the constant clipped", 2, "fill")
def erasing_fill(obs: dict, ref: dict) -> None:
    # Two fractions per value_range (at the low and at the high bound): four bounds share the false-fail rate 1e-6.
    z = _z(2 * len(FILL_RANGES))
    size = int(np.prod(FILL_SHAPE))
    for (low, high), case in zip(FILL_RANGES, obs["fill"]["noise"]):
        who = f"RandomErasing(fill_value=None, value_range=({low}, {high}))"
        data = _need(case, f"{who}.get_random_transformation")
        if data["size"] != size:
            raise Fail(f"{who}: the fill has shape {tuple(data['shape'])}; expected {FILL_SHAPE}, the images' shape: "
                       "one noise value per pixel and channel.")
        if data["finite"] < size:
            raise Fail(f"{who}: the fill holds NaN or infinite values.")
        if data["min"] < low or data["max"] > high:
            raise Fail(f"{who}: the fill runs from {fmt(data['min'])} to {fmt(data['max'])}, outside value_range: clip "
                       "it to value_range (ops.clip).", mistake=Mistake("fill not clipped to value_range",
                                                                        cause=FILL_NOT_CLIPPED))
        at_low, at_high = data["at_low"] / size, data["at_high"] / size
        want_low, want_high = NormalDist().cdf(low / high), 1.0 - NormalDist().cdf(1.0)
        bound_low = z * np.sqrt(want_low * (1 - want_low) / size)  # binomial: one fraction of `size` values
        bound_high = z * np.sqrt(want_high * (1 - want_high) / size)
        if abs(at_low - want_low) <= bound_low and abs(at_high - want_high) <= bound_high:
            continue
        text = (f"{who}: {at_low:.3f} of the fill sits at {low} and {at_high:.3f} at {high}; N(0, 1) * {high} clipped "
                f"to value_range puts {want_low:.3f} (± {bound_low:.3f}) and {want_high:.3f} (± {bound_high:.3f}) "
                "there.")
        if data["at_high"] == 0 and data["max"] < high / 10:
            raise Fail(text + " The noise is not scaled: fill with keras.random.normal(shape) * value_range[1], then "
                       "clip.", mistake=Mistake("fill noise not scaled by value_range[1]", cause=FILL_NOT_SCALED))
        raise Fail(text)
    for (value, want), case in zip(CONSTANT_FILLS, obs["fill"]["constant"]):
        who = f"RandomErasing(fill_value={value})"
        data = _need(case, f"{who}.get_random_transformation")
        values = np.asarray(data["values"], dtype=np.float64)
        if values.size == 1 and abs(values[0] - want) <= 1e-4 * max(1.0, abs(want)):
            continue
        shown = ", ".join(fmt(v) for v in values[:MISMATCH_SHOWN]) + (" ..." if values.size > MISMATCH_SHOWN else "")
        if values.size == 1 and abs(values[0] - value) <= 1e-4 * abs(value):
            raise Fail(f"{who}: the fill is {fmt(value)}, outside value_range (0, 255); expected {fmt(want)}: clip "
                       "the constant to value_range too.", mistake=Mistake("fill not clipped to value_range",
                                                                         cause=FILL_NOT_CLIPPED))
        raise Fail(f"{who}: the fill holds {shown}; expected the constant {fmt(want)} everywhere.")


@cutmix.add("the box rule: x0 <= column < x1 and y0 <= row < y1 (_box_masks)", 1, "box_helper")
def cutmix_box_helper(obs: dict, ref: dict) -> None:
    data = obs["box_helper"]
    if data.get("missing") or ref["box_helper"].get("missing"):
        return  # the helper was inlined or removed: the masks are judged through get_random_transformation
    want = np.asarray(ref["box_helper"]["masks"], dtype=bool)
    got = np.asarray(data["masks"])
    if got.ndim == 4 and got.shape[-1] == 1:
        got = np.broadcast_to(got, want.shape)
    if got.shape != want.shape:
        raise Fail(f"_box_masks returned shape {got.shape} for {HELPER_SHAPE}; expected {want.shape}: one mask value "
                   "per pixel and channel.")
    got = got.astype(bool)
    if np.array_equal(got, want):
        return
    corners = np.asarray(HELPER_CORNERS)
    cols, rows = np.arange(HELPER_SHAPE[2]), np.arange(HELPER_SHAPE[1])

    def rule(test_x, test_y, swap: bool = False) -> np.ndarray:
        """The masks under a rule: tests of (values, start, end) per axis; ``swap`` compares columns with y."""
        x_corners, y_corners = (corners[:, 2:4], corners[:, 0:2]) if swap else (corners[:, 0:2], corners[:, 2:4])
        inside_x = test_x(cols[None, :], x_corners[:, :1], x_corners[:, 1:])
        inside_y = test_y(rows[None, :], y_corners[:, :1], y_corners[:, 1:])
        return np.repeat((inside_y[:, :, None] & inside_x[:, None, :])[..., None], HELPER_SHAPE[3], axis=3)

    half_open = lambda v, a, b: (v >= a) & (v < b)  # noqa: E731
    closed = lambda v, a, b: (v >= a) & (v <= b)  # noqa: E731
    index = tuple(int(k) for k in np.argwhere(got != want)[0])
    text = (f"_box_masks on given corners differs from the rule x0 <= column < x1, y0 <= row < y1 at "
            f"{int(np.sum(got != want))} of {want.size} values (the first: sample {index[0]}, row {index[1]}, column "
            f"{index[2]}: expected {bool(want[index])}, got {bool(got[index])}).")
    if any(np.array_equal(got, rule(a, b)) for a, b in ((closed, closed), (closed, half_open), (half_open, closed))):
        raise Fail(text + " The far edge was included (<= x1): the box holds x0 <= column < x1, so a box from 1 to 4 "
                   "covers columns 1, 2 and 3.", mistake=Mistake("far edge of the box included", cause=FAR_EDGE))
    if np.array_equal(got, rule(half_open, half_open, swap=True)):
        raise Fail(text + " " + XY_TEXT, mistake=Mistake(XY_TEXT, cause=XY_SWAPPED))
    if np.array_equal(got, np.repeat(want[..., :1] & (np.arange(HELPER_SHAPE[3]) == 0), 1, axis=3)):
        raise Fail(text + " The mask is on the first channel only: repeat it over the channels.",
                   mistake=Mistake("mask on one channel only", cause=ONE_CHANNEL))
    raise Fail(text)
# END HIDDEN
