"""Mixing augmentations: MixUp, CutMix and RandomErasing, with Keras's split API.

Each layer works on a batch of images of shape (batch, height, width, channels)
("channels_last"), alone or in a dict {"images": ..., "labels": ...} whose
labels are one-hot (or soft) rows of shape (batch, classes). The work is split
as in Keras's image-preprocessing layers:

- `get_random_transformation(data, training=True, seed=None)` draws
  everything random for one batch and returns it in a dict (None when
  `training` is False);
- `transform_images(images, transformation, training=True)` and
  `transform_labels(labels, transformation, training=True)` apply a given
  transformation, with no randomness of their own;
- `call(data, training=True)` draws once and applies the same draw to the
  images and to the labels. It returns a NEW dict (the caller's is left as
  it was) or, for a tensor, the transformed images.

Unlike Dropout, these layers augment when `training` is omitted: `layer(x)`
augments, `model.predict` does not (Keras passes training=False there).
With `training=False` the images come back unchanged, as `compute_dtype`.

Randomness: one `keras.random.SeedGenerator(seed)` per layer, stored as
`self.generator`, feeds every draw, so each call draws anew and two fresh
layers with the same seed draw the same sequence.
"""

import keras
import tensorflow as tf
from keras import ops


class _MixingLayer(keras.layers.Layer):
    """What the three layers share: the seed generator, the call on dicts, the config."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.generator = keras.random.SeedGenerator(seed)

    def call(self, data, training=True):
        transformation = self.get_random_transformation(data, training=training)
        new_images = self.transform_images(self._images(data), transformation, training=training)
        if not isinstance(data, dict):
            return new_images
        result = {key: value for key, value in data.items()}
        result["images"] = new_images
        if "labels" in result:
            result["labels"] = self.transform_labels(data["labels"], transformation, training=training)
        return result

    def _seed(self, seed):
        return self.generator if seed is None else seed

    @staticmethod
    def _images(data):
        return data["images"] if isinstance(data, dict) else data


@keras.saving.register_keras_serializable(package="regularized_training")
class MixUp(_MixingLayer):
    """MixUp (Zhang et al., 2018): blend each sample with another one of the batch.

    For a batch of B samples, draw a random permutation `perm` of 0..B-1 and
    one weight per sample, lambda_i ~ Beta(alpha, alpha) (B values, not one for
    the whole batch). Then

        images_i = lambda_i * images_i + (1 - lambda_i) * images_perm[i]
        labels_i = lambda_i * labels_i + (1 - lambda_i) * labels_perm[i]

    The transformation dict: {"mix_weight": lambda, shape (B,), float;
    "permutation_order": perm, shape (B,), int}.

    Args:
        alpha: float > 0, the parameter of the Beta distribution. Small values
            keep most samples close to one of the two images.
        seed: optional int, for a reproducible sequence of draws.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Example:

    >>> mix = MixUp(alpha=0.2, seed=1)
    >>> out = mix({"images": images, "labels": one_hot})  # training by default
    """

    def __init__(self, alpha=0.2, seed=None, **kwargs):
        super().__init__(seed=seed, **kwargs)
        self.alpha = alpha

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        seed = self._seed(seed)
        n = tf.shape(self._images(data))[0]
        # lambda first, then the permutation (the order does not matter for the contract)
        lam = keras.random.beta(tf.reshape(n, [1]), self.alpha, self.alpha, seed=seed)
        perm = keras.random.shuffle(tf.range(n, dtype=tf.int32), seed=seed)
        return {"mix_weight": lam, "permutation_order": perm}

    def transform_images(self, images, transformation=None, training=True):
        images = tf.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        lam = tf.cast(transformation["mix_weight"], images.dtype)[:, tf.newaxis, tf.newaxis, tf.newaxis]
        other = tf.gather(images, transformation["permutation_order"])
        return other + lam * (images - other)

    def transform_labels(self, labels, transformation, training=True):
        if not training or transformation is None:
            return labels
        labels = tf.convert_to_tensor(labels)
        lam = tf.cast(transformation["mix_weight"], labels.dtype)[:, tf.newaxis]
        other = tf.gather(labels, transformation["permutation_order"])
        return lam * labels + (1.0 - lam) * other

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha, "seed": self.seed}


def _box_masks(shape, x0, x1, y0, y1):
    """Boolean masks (B, H, W, C): True where x0 <= column < x1 and y0 <= row < y1, per sample.

    x runs along the width (columns), y along the height (rows); the corners may be fractional.
    """
    height, width, channels = shape[1], shape[2], shape[3]
    rows = tf.cast(tf.range(height), tf.float32)
    cols = tf.cast(tf.range(width), tf.float32)
    x0, x1, y0, y1 = (tf.cast(v, tf.float32)[:, tf.newaxis] for v in (x0, x1, y0, y1))
    in_rows = (rows[tf.newaxis, :] >= y0) & (rows[tf.newaxis, :] < y1)   # (B, H)
    in_cols = (cols[tf.newaxis, :] >= x0) & (cols[tf.newaxis, :] < x1)   # (B, W)
    mask = tf.logical_and(in_rows[:, :, tf.newaxis], in_cols[:, tf.newaxis, :])  # (B, H, W)
    return tf.tile(mask[..., tf.newaxis], [1, 1, 1, channels])


def _box_bounds(batch, length, ratio, seed):
    """A start and end per sample for a box side of `ratio * length`, placed uniformly inside [0, length]."""
    length = tf.cast(length, tf.float32)
    side = tf.cast(ratio, tf.float32) * length
    u = keras.random.uniform(tf.reshape(batch, [1]), 0.0, 1.0, seed=seed)
    start = u * (length - side)
    return start, start + side


def _factor_range(factor, name):
    """(low, high): a number f means (0, f); a pair is sorted. Values must lie in [0, 1]."""
    if isinstance(factor, bool):
        raise ValueError(f"`{name}` must be a number or a pair, got {factor!r}")
    if isinstance(factor, (int, float)):
        pair = (0.0, float(factor)) if factor >= 0 else (float(factor), 0.0)
    elif isinstance(factor, (list, tuple)) and len(factor) == 2 and all(isinstance(f, (int, float)) for f in factor):
        pair = tuple(sorted((float(factor[0]), float(factor[1]))))
    else:
        raise ValueError(f"`{name}` must be a number or a pair, got {factor!r}")
    if min(pair) < 0.0 or max(pair) > 1.0:
        raise ValueError(f"`{name}` values must be in [0, 1], got {factor!r}")
    return pair


@keras.saving.register_keras_serializable(package="regularized_training")
class CutMix(_MixingLayer):
    """CutMix (Yun et al., 2019): paste a box of another sample into each image.

    Per call, draw alpha ~ U(factor_low, factor_high) (one value; `factor=f`
    means (0, f), and Keras adds 1e-6 so alpha > 0). Per sample, draw
    lambda_i ~ Beta(alpha, alpha) and a box whose sides are a fraction
    r_i = sqrt(1 - lambda_i) of the width W and the height H:

        cut_w = r_i * W,  x0 = u * (W - cut_w),  x1 = x0 + cut_w,  u ~ U(0, 1)
        cut_h = r_i * H,  y0 = v * (H - cut_h),  y1 = y0 + cut_h,  v ~ U(0, 1)

    so the box always lies inside the image (x along the width/columns, y
    along the height/rows). The mask holds the pixels with x0 <= column < x1
    and y0 <= row < y1, on every channel; there the image takes the pixels
    of its partner `perm[i]`. The label weight of the sample itself is the
    box's continuous area left uncovered:

        mix_weight_i = 1 - (x1 - x0) * (y1 - y0) / (W * H)
        labels_i = mix_weight_i * labels_i + (1 - mix_weight_i) * labels_perm[i]

    (Keras's rule: the weight comes from the real-valued box, not from the
    count of pasted pixels as in the paper.)

    The transformation dict: {"permutation_order": (B,) int,
    "batch_masks": (B, H, W, C) bool, "mix_weight": (B,) float}.

    Args:
        factor: a number f in [0, 1], meaning the range (0, f), or a pair
            (low, high) in [0, 1]: the range alpha is drawn from.
        seed: optional int, for a reproducible sequence of draws.
        **kwargs: base layer arguments such as `name` and `dtype`.
    """

    def __init__(self, factor=1.0, seed=None, **kwargs):
        super().__init__(seed=seed, **kwargs)
        self.factor = _factor_range(factor, "factor")

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        seed = self._seed(seed)
        images = self._images(data)
        shape = tf.shape(images)
        n, h, w = shape[0], shape[1], shape[2]
        # permutation first in this version
        perm = keras.random.shuffle(tf.range(n, dtype=tf.int32), seed=seed)
        alpha = keras.random.uniform((), self.factor[0], self.factor[1], seed=seed) + 1e-6
        lam = keras.random.beta(tf.reshape(n, [1]), alpha, alpha, seed=seed)
        r = tf.sqrt(1.0 - lam)
        y0, y1 = _box_bounds(n, h, r, seed)
        x0, x1 = _box_bounds(n, w, r, seed)
        area = (x1 - x0) * (y1 - y0) / tf.cast(w * h, tf.float32)
        return {"permutation_order": perm, "batch_masks": _box_masks(shape, x0, x1, y0, y1), "mix_weight": 1.0 - area}

    def transform_images(self, images, transformation=None, training=True):
        images = tf.cast(images, self.compute_dtype)
        if training and transformation is not None:
            pasted = tf.gather(images, transformation["permutation_order"])
            images = tf.where(transformation["batch_masks"], pasted, images)
        return images

    def transform_labels(self, labels, transformation, training=True):
        if not training or transformation is None:
            return labels
        labels = tf.convert_to_tensor(labels)
        keep = tf.cast(tf.reshape(transformation["mix_weight"], [-1, 1]), labels.dtype)
        return keep * labels + (1.0 - keep) * tf.gather(labels, transformation["permutation_order"])

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "seed": self.seed}


@keras.saving.register_keras_serializable(package="regularized_training")
class RandomErasing(_MixingLayer):
    """Random erasing (Zhong et al., 2020), of which cutout is a special case.

    Per image: draw p_i ~ U(factor_low, factor_high) and erase the image when
    a second draw t_i ~ U(0, 1) is below p_i. So with the default factor=1.0,
    i.e. (0, 1), an image is erased with probability 0.5, not always (Keras's
    rule; its docstring says otherwise). `factor=(1, 1)` always erases.

    The erased box: width and height fractions sqrt(u1) and sqrt(u2), with
    u1, u2 ~ U(scale_low, scale_high) independent; the box is placed inside the
    image as in CutMix (x0 = u * (W - cut_w), ...), and its mask holds the
    pixels with x0 <= column < x1 and y0 <= row < y1 on every channel.

    The fill: `fill_value=None` fills with N(0, 1) * value_range[1] noise,
    clipped to value_range; a number fills with that constant (clipped too).
    Labels pass unchanged.

    The transformation dict: {"apply_erasing": (B,) bool,
    "batch_masks": (B, H, W, C) bool, "fill_value": (B, H, W, C) float}.

    Args:
        factor: a number f in [0, 1] meaning (0, f), or a pair (low, high):
            the range the erase probability is drawn from.
        scale: a pair (low, high) in [0, 1]: the range of the squared side
            fractions.
        fill_value: None for clipped noise, or a number.
        value_range: (low, high), the range pixel values take.
        seed: optional int, for a reproducible sequence of draws.
        **kwargs: base layer arguments such as `name` and `dtype`.
    """

    def __init__(self, factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255), seed=None, **kwargs):
        super().__init__(seed=seed, **kwargs)
        self.factor = _factor_range(factor, "factor")
        self.scale = _factor_range(scale, "scale")
        self.fill_value = fill_value
        self.value_range = value_range

    def get_random_transformation(self, data, training=True, seed=None):
        if not training:
            return None
        seed = self._seed(seed)
        images = self._images(data)
        shape = tf.shape(images)
        n, h, w = shape[0], shape[1], shape[2]
        # erase decisions first, then the boxes, then the fill
        p = keras.random.uniform(tf.reshape(n, [1]), self.factor[0], self.factor[1], seed=seed)
        t = keras.random.uniform(tf.reshape(n, [1]), 0.0, 1.0, seed=seed)
        frac_w = tf.sqrt(keras.random.uniform(tf.reshape(n, [1]), self.scale[0], self.scale[1], seed=seed))
        frac_h = tf.sqrt(keras.random.uniform(tf.reshape(n, [1]), self.scale[0], self.scale[1], seed=seed))
        x0, x1 = _box_bounds(n, w, frac_w, seed)
        y0, y1 = _box_bounds(n, h, frac_h, seed)
        low, high = self.value_range
        if self.fill_value is None:
            fill = keras.random.normal(shape, seed=seed, dtype=self.compute_dtype) * high
        else:
            fill = tf.fill(shape, tf.cast(self.fill_value, self.compute_dtype))
        fill = tf.clip_by_value(fill, tf.cast(low, self.compute_dtype), tf.cast(high, self.compute_dtype))
        return {"apply_erasing": t < p, "batch_masks": _box_masks(shape, x0, x1, y0, y1), "fill_value": fill}

    def transform_images(self, images, transformation=None, training=True):
        images = tf.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        chosen = tf.reshape(transformation["apply_erasing"], [-1, 1, 1, 1])
        where = tf.logical_and(transformation["batch_masks"], chosen)
        return tf.where(where, tf.cast(transformation["fill_value"], images.dtype), images)

    def transform_labels(self, labels, transformation, training=True):
        return labels

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "scale": self.scale, "fill_value": self.fill_value,
                "value_range": self.value_range, "seed": self.seed}
