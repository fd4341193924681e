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
from keras import ops


class _MixingLayer(keras.layers.Layer):
    """What the three layers share: the seed generator, the call on dicts, the config."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.generator = keras.random.SeedGenerator(seed)

    def call(self, data, training=True):
        # TODO: draw one transformation with get_random_transformation and
        # apply it with transform_images (and transform_labels when the dict
        # has "labels"). Return a new dict for a dict input, else the images.
        # BEGIN SOLUTION
        transformation = self.get_random_transformation(data, training=training)
        if isinstance(data, dict):
            out = dict(data)
            out["images"] = self.transform_images(data["images"], transformation, training=training)
            if "labels" in data:
                out["labels"] = self.transform_labels(data["labels"], transformation, training=training)
            return out
        return self.transform_images(data, transformation, training=training)
        # END SOLUTION

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
        # TODO: return None when not training; otherwise draw the permutation
        # (keras.random.shuffle of an int range) and the B weights
        # (keras.random.beta), both with self._seed(seed).
        # BEGIN SOLUTION
        if not training:
            return None
        batch = ops.shape(self._images(data))[0]
        seed = self._seed(seed)
        permutation = keras.random.shuffle(ops.arange(batch, dtype="int64"), seed=seed)
        weight = keras.random.beta((batch,), self.alpha, self.alpha, seed=seed)
        return {"mix_weight": weight, "permutation_order": permutation}
        # END SOLUTION

    def transform_images(self, images, transformation=None, training=True):
        # TODO: cast the images to self.compute_dtype; when training (and a
        # transformation is given) blend them with their permuted partners.
        # Watch the broadcasting of the (B,) weights over (B, H, W, C).
        # BEGIN SOLUTION
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        weight = ops.reshape(ops.cast(transformation["mix_weight"], self.compute_dtype), (-1, 1, 1, 1))
        partners = ops.take(images, transformation["permutation_order"], axis=0)
        return weight * images + (1.0 - weight) * partners
        # END SOLUTION

    def transform_labels(self, labels, transformation, training=True):
        # TODO: when training, blend the labels with the SAME weights and
        # permutation as the images (weights shaped (B, 1)).
        # BEGIN SOLUTION
        if not training or transformation is None:
            return labels
        labels = ops.convert_to_tensor(labels)
        weight = ops.reshape(ops.cast(transformation["mix_weight"], labels.dtype), (-1, 1))
        partners = ops.take(labels, transformation["permutation_order"], axis=0)
        return weight * labels + (1.0 - weight) * partners
        # END SOLUTION

    def get_config(self):
        return {**super().get_config(), "alpha": self.alpha, "seed": self.seed}


def _box_masks(shape, x0, x1, y0, y1):
    """Boolean masks (B, H, W, C): True where x0 <= column < x1 and y0 <= row < y1, per sample.

    x runs along the width (columns), y along the height (rows); the corners may be fractional.
    """
    # TODO: compare a grid of row and column indices with the corners
    # (broadcast to (B, H, W, 1)), then repeat the mask over the channels.
    # BEGIN SOLUTION
    height, width, channels = shape[1], shape[2], shape[3]
    rows = ops.reshape(ops.arange(height, dtype="float32"), (1, -1, 1, 1))
    cols = ops.reshape(ops.arange(width, dtype="float32"), (1, 1, -1, 1))
    at = lambda v: ops.reshape(ops.cast(v, "float32"), (-1, 1, 1, 1))  # noqa: E731
    inside = ((cols >= at(x0)) & (cols < at(x1))) & ((rows >= at(y0)) & (rows < at(y1)))
    return ops.repeat(inside, channels, axis=3)
    # END SOLUTION


def _box_bounds(batch, length, ratio, seed):
    """A start and end per sample for a box side of `ratio * length`, placed uniformly inside [0, length]."""
    # TODO: start = u * (length - side) with u ~ U(0, 1) from `seed`.
    # BEGIN SOLUTION
    side = ratio * length
    start = keras.random.uniform((batch,), 0.0, 1.0, seed=seed) * (length - side)
    return start, start + side
    # END SOLUTION


def _factor_range(factor, name):
    """(low, high): a number f means (0, f); a pair is sorted. Values must lie in [0, 1]."""
    # TODO: return the range as floats; raise ValueError for anything else.
    # BEGIN SOLUTION
    if isinstance(factor, (list, tuple)):
        if len(factor) != 2:
            raise ValueError(f"`{name}` must be a number or a pair of numbers in [0, 1]. Received: {name}={factor}")
        low, high = sorted(float(f) for f in factor)
    elif isinstance(factor, (int, float)) and not isinstance(factor, bool):
        low, high = 0.0, float(factor)
    else:
        raise ValueError(f"`{name}` must be a number or a pair of numbers in [0, 1]. Received: {name}={factor}")
    if not 0 <= low <= high <= 1:
        raise ValueError(f"`{name}` must lie in [0, 1]. Received: {name}={factor}")
    return low, high
    # END SOLUTION


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
        # TODO: store self.factor as the (low, high) range (see _factor_range).
        # BEGIN SOLUTION
        self.factor = _factor_range(factor, "factor")
        # END SOLUTION

    def get_random_transformation(self, data, training=True, seed=None):
        # TODO: return None when not training; otherwise draw alpha, the
        # weights lambda (keras.random.beta), the boxes, the masks and the
        # permutation, and compute mix_weight from the box corners.
        # BEGIN SOLUTION
        if not training:
            return None
        shape = ops.shape(self._images(data))
        batch, height, width = shape[0], shape[1], shape[2]
        seed = self._seed(seed)
        alpha = keras.random.uniform((), self.factor[0], self.factor[1], seed=seed) + 1e-6
        lam = keras.random.beta((batch,), alpha, alpha, seed=seed)
        ratio = ops.sqrt(1.0 - lam)
        x0, x1 = _box_bounds(batch, width, ratio, seed)
        y0, y1 = _box_bounds(batch, height, ratio, seed)
        masks = _box_masks(shape, x0, x1, y0, y1)
        weight = 1.0 - (x1 - x0) * (y1 - y0) / float(width * height)
        permutation = keras.random.shuffle(ops.arange(batch, dtype="int32"), seed=seed)
        return {"permutation_order": permutation, "batch_masks": masks, "mix_weight": weight}
        # END SOLUTION

    def transform_images(self, images, transformation=None, training=True):
        # TODO: cast to self.compute_dtype; when training (and a transformation
        # is given), take the partner's pixels where the mask is True.
        # BEGIN SOLUTION
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        partners = ops.take(images, transformation["permutation_order"], axis=0)
        return ops.where(transformation["batch_masks"], partners, images)
        # END SOLUTION

    def transform_labels(self, labels, transformation, training=True):
        # TODO: when training, blend the labels with mix_weight (shaped
        # (B, 1)) and the same permutation.
        # BEGIN SOLUTION
        if not training or transformation is None:
            return labels
        labels = ops.convert_to_tensor(labels)
        weight = ops.reshape(ops.cast(transformation["mix_weight"], labels.dtype), (-1, 1))
        partners = ops.take(labels, transformation["permutation_order"], axis=0)
        return weight * labels + (1.0 - weight) * partners
        # END SOLUTION

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
        # TODO: store self.factor and self.scale as (low, high) ranges, and
        # self.fill_value and self.value_range as given.
        # BEGIN SOLUTION
        self.factor = _factor_range(factor, "factor")
        self.scale = _factor_range(scale, "scale")
        self.fill_value = fill_value
        self.value_range = value_range
        # END SOLUTION

    def get_random_transformation(self, data, training=True, seed=None):
        # TODO: return None when not training; otherwise draw the side
        # fractions, the boxes and their masks, the erase decisions and the
        # fill (see the class docstring).
        # BEGIN SOLUTION
        if not training:
            return None
        shape = ops.shape(self._images(data))
        batch, height, width = shape[0], shape[1], shape[2]
        seed = self._seed(seed)
        sides = ops.sqrt(keras.random.uniform((batch, 2), self.scale[0], self.scale[1], seed=seed))
        x0, x1 = _box_bounds(batch, width, sides[:, 0], seed)
        y0, y1 = _box_bounds(batch, height, sides[:, 1], seed)
        masks = _box_masks(shape, x0, x1, y0, y1)
        probability = keras.random.uniform((batch,), self.factor[0], self.factor[1], seed=seed)
        apply = keras.random.uniform((batch,), 0.0, 1.0, seed=seed) < probability
        low, high = self.value_range
        if self.fill_value is None:
            fill = keras.random.normal(shape, seed=seed) * high
        else:
            fill = ops.full(shape, float(self.fill_value))
        fill = ops.clip(fill, low, high)
        return {"apply_erasing": apply, "batch_masks": masks, "fill_value": fill}
        # END SOLUTION

    def transform_images(self, images, transformation=None, training=True):
        # TODO: cast to self.compute_dtype; when training (and a transformation
        # is given), put the fill inside the mask of the images chosen for
        # erasing.
        # BEGIN SOLUTION
        images = ops.cast(images, self.compute_dtype)
        if not training or transformation is None:
            return images
        erase = transformation["batch_masks"] & ops.reshape(transformation["apply_erasing"], (-1, 1, 1, 1))
        return ops.where(erase, ops.cast(transformation["fill_value"], self.compute_dtype), images)
        # END SOLUTION

    def transform_labels(self, labels, transformation, training=True):
        return labels

    def get_config(self):
        return {**super().get_config(), "factor": self.factor, "scale": self.scale, "fill_value": self.fill_value,
                "value_range": self.value_range, "seed": self.seed}
