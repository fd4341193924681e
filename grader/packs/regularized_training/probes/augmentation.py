"""Probes of MixUp, CutMix and RandomErasing.

Three kinds of observation per layer: the transformation applied to a draw the probe gives
(transform_images / transform_labels on a fixed dict, compared exactly with the reference's), the draws of
get_random_transformation on large batches (summed up as numbers, judged by statistics), and the call in
its modes. Images are (B, H, W, C) float32 in 0..255 with H != W, so a swapped width and height shows;
labels are one-hot rows of distinct classes, so a mixed row tells the weight and the partner it was mixed
with.
"""

from __future__ import annotations

import numpy as np

from grader.probes import ProbeContext, ProbeFailure, ProbeSet, register
from grader.probes.tensors import to_numpy
# BEGIN HIDDEN
from grader.probes.tensors import from_config
# END HIDDEN

# --- the given transformation: six samples of 6 x 5 pixels, as many classes as samples, so that weights
# broadcast along the classes instead of the samples give wrong numbers rather than an error.
INJECT_SHAPE = (6, 6, 5, 3)
CLASSES = 6
MIX_WEIGHT = (0.7, 0.2, 1.0, 0.5, 0.0, 0.9)
PERMUTATION = (2, 0, 1, 5, 3, 4)  # no fixed point, not its own inverse, not the reversed batch
# (x0, x1, y0, y1) per sample, integers: x along the width (5 columns), y along the height (6 rows).
BOXES = ((1, 4, 0, 3), (0, 5, 2, 6), (2, 3, 1, 5), (0, 0, 0, 0), (0, 5, 0, 6), (3, 5, 4, 6))
APPLY_ERASING = (True, False, True, True, False, True)

# --- the draws
MIXUP_ALPHAS = (0.2, 2.0)  # U-shaped and bell-shaped: uniform weights (variance 1/12) fit neither
MIXUP_DRAWS = 20000
CUTMIX_ALPHA = 0.5  # factor=(0.5, 0.5): alpha fixed (plus Keras's 1e-6)
CUTMIX_DRAWS = 4000
DRAW_SIZE = (8, 16, 3)  # (H, W, C): twice as wide as high
ERASE_FACTORS = (("factor=1.0", 1.0, 0.5), ("factor=(1.0, 1.0)", (1.0, 1.0), 1.0), ("factor=0.5", 0.5, 0.25))
ERASE_DRAWS = 10000
ERASE_SCALE = (0.1, 0.5)
ERASE_BOXES = 2000
ERASE_SIZE = (10, 20, 3)

# --- the call
MODE_SHAPE = (4, 6, 5, 3)
EXERCISES = ("MixUp", "CutMix", "RandomErasing")
# BEGIN HIDDEN
CALL_SHAPE = (10, 12, 10, 3)  # 10 samples: a random permutation is the identity with probability 1/10! < 1e-6
CALL_KWARGS = {"MixUp": {"alpha": 1.0}, "CutMix": {"factor": (1.0, 1.0)}, "RandomErasing": {"factor": (1.0, 1.0)}}
SEED = 1234
PERMUTATION_DRAWS = 1000
FILL_SHAPE = (200, 8, 8, 3)
FILL_RANGES = ((0.0, 255.0), (-1.0, 2.0))
CONSTANT_FILLS = ((7.0, 7.0), (300.0, 255.0))  # (fill_value, what it becomes with value_range=(0, 255))
CONFIG_KWARGS = {
    "MixUp": {"alpha": 0.35, "seed": 11},
    "CutMix": {"factor": (0.2, 0.7), "seed": 11},
    "RandomErasing": {"factor": (0.3, 0.9), "scale": (0.05, 0.2), "fill_value": 3.0, "value_range": (0.0, 10.0),
                      "seed": 11},
}
INVALID_KWARGS = {
    "MixUp": [],
    "CutMix": [{"factor": 1.5}, {"factor": (0.1, 0.2, 0.3)}, {"factor": -0.2}],
    "RandomErasing": [{"factor": 1.5}, {"scale": (0.1, 1.5)}, {"factor": -0.2}],
}
# The _box_masks helper of the skeleton, on (B, H, W, C) = (4, 6, 5, 2): integer corners (where the far
# edge decides) and fractional ones.
HELPER_SHAPE = (4, 6, 5, 2)
HELPER_CORNERS = ((1.0, 4.0, 2.0, 5.0), (0.5, 3.5, 1.2, 4.0), (0.0, 5.0, 0.0, 6.0), (2.0, 2.0, 1.0, 3.0))
# END HIDDEN


def _attempt(ctx: ProbeContext, observe) -> dict:
    """One sub-case's observations, or the error the student's code raised in it: one failure does not
    hide the others."""
    try:
        return observe()
    except Exception as exc:  # noqa: BLE001 - the error is the observation
        return {"error": ctx.explain(exc)}


def _images(ctx: ProbeContext, shape: tuple[int, ...]) -> np.ndarray:
    return ctx.rng.uniform(0.0, 255.0, shape).astype(np.float32)


def _labels(ctx: ProbeContext, batch: int, classes: int) -> np.ndarray:
    """One-hot rows of distinct classes."""
    return np.eye(classes, dtype=np.float32)[ctx.rng.permutation(classes)[:batch]]


def box_masks(shape: tuple[int, ...], boxes) -> np.ndarray:
    """Boolean masks (B, H, W, C): x0 <= column < x1 and y0 <= row < y1, on every channel."""
    _, height, width, channels = shape
    corners = np.asarray(boxes, dtype=np.float64)
    cols, rows = np.arange(width), np.arange(height)
    inside_x = (cols[None, :] >= corners[:, :1]) & (cols[None, :] < corners[:, 1:2])
    inside_y = (rows[None, :] >= corners[:, 2:3]) & (rows[None, :] < corners[:, 3:4])
    mask = inside_y[:, :, None] & inside_x[:, None, :]
    return np.repeat(mask[..., None], channels, axis=3)


def box_weights(shape: tuple[int, ...], boxes) -> np.ndarray:
    """1 - box area / (H W) per sample: the label weight of the sample itself."""
    corners = np.asarray(boxes, dtype=np.float64)
    area = (corners[:, 1] - corners[:, 0]) * (corners[:, 3] - corners[:, 2])
    return (1.0 - area / (shape[1] * shape[2])).astype(np.float32)


def _entry(transformation, key: str, what: str):
    if not isinstance(transformation, dict):
        raise ProbeFailure(f"{what} returned a {type(transformation).__name__}, not a dict of the draws")
    if key not in transformation:
        raise ProbeFailure(f"{what} returned a dict without the key {key!r}: keep Keras's names for the entries "
                           f"(found {sorted(map(str, transformation))})")
    return transformation[key]


def mask_summary(masks, shape: tuple[int, ...], what: str) -> dict:
    """Per sample of boolean masks (B, H, W, C): rows and columns covered, one axis-aligned rectangle or not,
    the same on every channel or not; and whether every sample of the batch got the same mask."""
    array = np.asarray(masks)
    if array.ndim == 4 and array.shape[-1] == 1 and shape[-1] != 1:
        array = np.broadcast_to(array, shape)  # one mask for every channel broadcasts the same
    if array.shape != tuple(shape):
        raise ProbeFailure(f"{what} has shape {tuple(array.shape)}; expected {tuple(shape)}: one mask value per "
                           "pixel and channel")
    mask = array.astype(bool)
    first = mask[..., 0]
    same = np.all(mask == first[..., None], axis=(1, 2, 3))
    rows, cols = first.any(axis=2), first.any(axis=1)
    n_rows, n_cols = rows.sum(axis=1), cols.sum(axis=1)
    span_rows = np.where(n_rows > 0, shape[1] - np.argmax(rows[:, ::-1], axis=1) - np.argmax(rows, axis=1), 0)
    span_cols = np.where(n_cols > 0, shape[2] - np.argmax(cols[:, ::-1], axis=1) - np.argmax(cols, axis=1), 0)
    rect = np.all(first == (rows[:, :, None] & cols[:, None, :]), axis=(1, 2))
    rect &= (span_rows == n_rows) & (span_cols == n_cols)
    return {"rows": n_rows.astype(np.int32), "cols": n_cols.astype(np.int32), "rect": rect, "same_channels": same,
            "all_alike": bool(np.all(first == first[:1]))}


def _call_images(value, what: str) -> np.ndarray:
    if isinstance(value, dict):
        raise ProbeFailure(f"{what} returned a dict for a tensor input: return the transformed images (a tensor)")
    return to_numpy(value, what)


def _call_dict(value, what: str, keys: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise ProbeFailure(f"{what} returned a {type(value).__name__} for a dict input: return a new dict with the "
                           "same keys, the images (and the labels) transformed")
    for key in keys:
        if key not in value:
            raise ProbeFailure(f"{what} returned a dict without the key {key!r}: return every key of the input")
    return {key: to_numpy(value[key], f"{what}[{key!r}]") for key in keys}


def _injected(ctx: ProbeContext, name: str, transformation) -> dict:
    """transform_images (the core: its errors fail the exercise) and transform_labels on a given draw."""
    x = _images(ctx, INJECT_SHAPE)
    y = _labels(ctx, INJECT_SHAPE[0], CLASSES)
    layer = ctx.cls()
    images = to_numpy(layer.transform_images(ctx.tf.constant(x), transformation(), training=True),
                      f"{name}.transform_images")
    labels = _attempt(ctx, lambda: {"y": to_numpy(
        layer.transform_labels(ctx.tf.constant(y), transformation(), training=True), f"{name}.transform_labels")})
    return {"x": x, "y": y, "images": images, "labels": labels}


def _modes(ctx: ProbeContext, name: str) -> dict:
    """training=False on a uint8 tensor and on a dict: the images come back unchanged, as float32."""
    x = ctx.rng.integers(0, 256, MODE_SHAPE).astype(np.uint8)
    y = _labels(ctx, MODE_SHAPE[0], MODE_SHAPE[0])
    tf = ctx.tf

    def tensor() -> dict:
        out = _call_images(ctx.cls()(tf.constant(x), training=False), f"{name}.call")
        return {"images": out, "dtype": str(out.dtype)}

    def mapping() -> dict:
        out = _call_dict(ctx.cls()({"images": tf.constant(x), "labels": tf.constant(y)}, training=False),
                         f"{name}.call", ("images", "labels"))
        return {**out, "dtype": str(out["images"].dtype)}

    return {"x": x, "y": y, "tensor": _attempt(ctx, tensor), "dict": _attempt(ctx, mapping)}


# ----------------------------------------------------------------------------------------------- MixUp
mixup = register(ProbeSet("MixUp"))


@mixup.add("injected")
def mixup_injected(ctx: ProbeContext) -> dict:
    return _injected(ctx, "MixUp", lambda: {
        "mix_weight": ctx.tf.constant(np.asarray(MIX_WEIGHT, dtype=np.float32)),
        "permutation_order": ctx.tf.constant(np.asarray(PERMUTATION, dtype=np.int64))})


def weight_summary(weights) -> dict:
    """The numbers the statistics need of the drawn weights (never the 20000 values themselves)."""
    w = np.asarray(weights, dtype=np.float64).reshape(-1)
    finite = w[np.isfinite(w)]
    return {"size": int(w.size), "finite": int(finite.size), "outside": int(np.sum((finite < 0) | (finite > 1))),
            "mean": float(finite.mean()) if finite.size else 0.0,
            "var": float(finite.var()) if finite.size else 0.0, "distinct": int(np.unique(finite).size)}


@mixup.add("draws")
def mixup_draws(ctx: ProbeContext) -> dict:
    images = ctx.tf.zeros((MIXUP_DRAWS, 2, 2, 1))

    def draw(alpha: float) -> dict:
        drawn = ctx.cls(alpha=alpha).get_random_transformation(images, training=True)
        weights = to_numpy(_entry(drawn, "mix_weight", "MixUp.get_random_transformation"), "mix_weight")
        return {"alpha": alpha, **weight_summary(weights)}

    return {"cases": [_attempt(ctx, lambda a=alpha: draw(a)) for alpha in MIXUP_ALPHAS]}


@mixup.add("modes")
def mixup_modes(ctx: ProbeContext) -> dict:
    return _modes(ctx, "MixUp")


# ---------------------------------------------------------------------------------------------- CutMix
cutmix = register(ProbeSet("CutMix"))


@cutmix.add("injected")
def cutmix_injected(ctx: ProbeContext) -> dict:
    return _injected(ctx, "CutMix", lambda: {
        "permutation_order": ctx.tf.constant(np.asarray(PERMUTATION, dtype=np.int32)),
        "batch_masks": ctx.tf.constant(box_masks(INJECT_SHAPE, BOXES)),
        "mix_weight": ctx.tf.constant(box_weights(INJECT_SHAPE, BOXES))})


@cutmix.add("draws")
def cutmix_draws(ctx: ProbeContext) -> dict:
    shape = (CUTMIX_DRAWS, *DRAW_SIZE)
    layer = ctx.cls(factor=(CUTMIX_ALPHA, CUTMIX_ALPHA))
    drawn = layer.get_random_transformation(ctx.tf.zeros(shape), training=True)
    what = "CutMix.get_random_transformation"
    weights = to_numpy(_entry(drawn, "mix_weight", what), "mix_weight").astype(np.float64).reshape(-1)
    masks = to_numpy(_entry(drawn, "batch_masks", what), "batch_masks")
    return {"weights": weights, **mask_summary(masks, shape, "batch_masks")}


@cutmix.add("modes")
def cutmix_modes(ctx: ProbeContext) -> dict:
    return _modes(ctx, "CutMix")


# --------------------------------------------------------------------------------------- RandomErasing
erasing = register(ProbeSet("RandomErasing"))


@erasing.add("injected")
def erasing_injected(ctx: ProbeContext) -> dict:
    fill = ctx.rng.uniform(0.0, 255.0, INJECT_SHAPE).astype(np.float32)
    observed = _injected(ctx, "RandomErasing", lambda: {
        "apply_erasing": ctx.tf.constant(np.asarray(APPLY_ERASING)),
        "batch_masks": ctx.tf.constant(box_masks(INJECT_SHAPE, BOXES)),
        "fill_value": ctx.tf.constant(fill)})
    return {**observed, "fill": fill}


@erasing.add("draws")
def erasing_draws(ctx: ProbeContext) -> dict:
    what = "RandomErasing.get_random_transformation"

    def erase(label: str, factor) -> dict:
        drawn = ctx.cls(factor=factor).get_random_transformation(ctx.tf.zeros((ERASE_DRAWS, 2, 2, 1)), training=True)
        applied = to_numpy(_entry(drawn, "apply_erasing", what), "apply_erasing").reshape(-1).astype(bool)
        return {"label": label, "size": int(applied.size), "erased": int(applied.sum())}

    def boxes() -> dict:
        shape = (ERASE_BOXES, *ERASE_SIZE)
        drawn = ctx.cls(factor=(1.0, 1.0), scale=ERASE_SCALE).get_random_transformation(ctx.tf.zeros(shape),
                                                                                        training=True)
        return mask_summary(to_numpy(_entry(drawn, "batch_masks", what), "batch_masks"), shape, "batch_masks")

    return {"erase": [_attempt(ctx, lambda c=case: erase(c[0], c[1])) for case in ERASE_FACTORS],
            "boxes": _attempt(ctx, boxes)}


@erasing.add("modes")
def erasing_modes(ctx: ProbeContext) -> dict:
    return _modes(ctx, "RandomErasing")


# BEGIN HIDDEN
def _plain(value):
    """A config value as JSON-ready data; tuples become lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (np.integer, np.floating)):
        return value.item()
    return repr(value)


def _distinct_images(ctx: ProbeContext, shape: tuple[int, ...], low: float = 0.0) -> np.ndarray:
    """Values in low .. low + 255, no two within 0.5 * 255 / size of each other: a pixel pasted from another
    image, or erased, always differs from the one it replaced (random values would coincide now and then)."""
    size = int(np.prod(shape))
    values = (ctx.rng.permutation(size) + ctx.rng.uniform(0.25, 0.75, size)) * (255.0 / size) + low
    return values.reshape(shape).astype(np.float32)


def _permutation(ctx: ProbeContext, name: str) -> dict:
    drawn = ctx.cls().get_random_transformation(ctx.tf.zeros((PERMUTATION_DRAWS, 2, 2, 1)), training=True)
    perm = to_numpy(_entry(drawn, "permutation_order", f"{name}.get_random_transformation"), "permutation_order")
    perm = perm.reshape(-1)
    n = PERMUTATION_DRAWS
    summary = {"size": int(perm.size), "dtype": str(perm.dtype)}
    if perm.size != n or perm.dtype.kind not in "iu":
        return {**summary, "valid": False, "in_range": False, "distinct": int(np.unique(perm).size)}
    index = np.arange(n)
    return {**summary, "valid": bool(np.array_equal(np.sort(perm), index)),
            "in_range": bool(np.all((perm >= 0) & (perm < n))), "distinct": int(np.unique(perm).size),
            "identity": bool(np.array_equal(perm, index)), "reversed": bool(np.array_equal(perm, index[::-1])),
            "shift": bool(np.unique((perm - index) % n).size == 1)}


def _call(ctx: ProbeContext, name: str) -> dict:
    """The call on a dict, on a tensor, and on a dict with `training` omitted. RandomErasing gets pixels above its
    value_range (0, 255), so no value of the fill equals the pixel it replaces."""
    x = _distinct_images(ctx, CALL_SHAPE, 256.0 if name == "RandomErasing" else 0.0)
    y = _labels(ctx, CALL_SHAPE[0], CALL_SHAPE[0])
    tf, kwargs = ctx.tf, CALL_KWARGS[name]
    what = f"{name}.call"

    def mapping() -> dict:
        xt, yt = tf.constant(x), tf.constant(y)
        data = {"images": xt, "labels": yt}
        out = ctx.cls(**kwargs)(data, training=True)
        intact = list(data) == ["images", "labels"] and data["images"] is xt and data["labels"] is yt
        return {"same_object": out is data, "intact": bool(intact), **_call_dict(out, what, ("images", "labels"))}

    def tensor() -> dict:
        return {"images": _call_images(ctx.cls(**kwargs)(tf.constant(x), training=True), what)}

    def omitted() -> dict:
        return _call_dict(ctx.cls(**kwargs)({"images": tf.constant(x), "labels": tf.constant(y)}), what,
                          ("images", "labels"))

    return {"x": x, "y": y, "dict": _attempt(ctx, mapping), "tensor": _attempt(ctx, tensor),
            "omitted": _attempt(ctx, omitted)}


def _fresh(ctx: ProbeContext, name: str) -> dict:
    """Two calls of a layer made with a seed, then one of a second layer made alike: the calls must differ,
    the two layers agree. (The draws inside a graph are seen in the tf.data pipeline.)"""
    kwargs = {**CALL_KWARGS[name], "seed": SEED}
    x = _images(ctx, CALL_SHAPE)
    t = ctx.tf.constant(x)
    what = f"{name}.call"
    first = ctx.cls(**kwargs)
    calls = [_call_images(first(t, training=True), what) for _ in range(2)]
    return {"x": x, "calls": calls, "second_layer": _call_images(ctx.cls(**kwargs)(t, training=True), what)}


def _config(ctx: ProbeContext, name: str) -> dict:
    kwargs = CONFIG_KWARGS[name]
    layer = ctx.cls(**kwargs)
    config = layer.get_config()
    if not isinstance(config, dict):
        raise ProbeFailure(f"{name}.get_config returned a {type(config).__name__} instead of a dict")
    clone = from_config(ctx.cls, config, name)
    t = ctx.tf.constant(_images(ctx, (4, *CALL_SHAPE[1:])))

    def outputs() -> dict:  # both fresh, with the same seed: the same first draw
        return {"original": _call_images(layer(t, training=True), f"{name}.call"),
                "clone": _call_images(clone(t, training=True), f"{name}.from_config(...).call")}

    raised = []
    for case in INVALID_KWARGS[name]:
        try:
            ctx.cls(**case)
            raised.append(None)
        except Exception as exc:  # noqa: BLE001 - which exception is the observation
            raised.append(type(exc).__name__)
    return {"config": _plain(config), "clone_config": _plain(clone.get_config()), "outputs": _attempt(ctx, outputs),
            "raised": raised}


def _pipeline(ctx: ProbeContext, name: str) -> dict:
    """In a tf.data map (a graph; `training` omitted, so it augments) over the same batch twice, and in a
    Sequential model called with training=False as predict calls it, before and after a .keras save and load."""
    tf, keras, kwargs = ctx.tf, ctx.keras, CALL_KWARGS[name]
    x = _images(ctx, CALL_SHAPE)
    y = _labels(ctx, CALL_SHAPE[0], CALL_SHAPE[0])

    def dataset() -> dict:
        layer = ctx.cls(**kwargs)
        data = tf.data.Dataset.from_tensor_slices({"images": x, "labels": y}).batch(CALL_SHAPE[0]).repeat(2)
        what = f"{name}.call inside a tf.data map"
        return {"batches": [_call_dict(batch, what, ("images", "labels")) for batch in data.map(lambda d: layer(d))]}

    def model() -> dict:
        net = keras.Sequential([keras.Input(CALL_SHAPE[1:]), ctx.cls(**kwargs)])
        predicted = to_numpy(net(tf.constant(x), training=False), "model(x, training=False)")
        path = ctx.scratch / f"{name}.keras"
        net.save(path)
        loaded = keras.models.load_model(path, custom_objects={ctx.cls.__name__: ctx.cls}, safe_mode=True,
                                         compile=False)
        reloaded = to_numpy(loaded(tf.constant(x), training=False), "model(x, training=False)")
        return {"predicted": predicted, "reloaded": reloaded, "reloaded_class": type(loaded.layers[0]).__name__}

    return {"x": x, "y": y, "dataset": _attempt(ctx, dataset), "model": _attempt(ctx, model)}


def _add_hidden(probes: ProbeSet) -> None:
    name = probes.exercise
    probes.add("call")(lambda ctx: _call(ctx, name))
    probes.add("fresh")(lambda ctx: _fresh(ctx, name))
    probes.add("config")(lambda ctx: _config(ctx, name))
    probes.add("pipeline")(lambda ctx: _pipeline(ctx, name))


mixup.add("permutation")(lambda ctx: _permutation(ctx, "MixUp"))
cutmix.add("permutation")(lambda ctx: _permutation(ctx, "CutMix"))
for _probes in (mixup, cutmix, erasing):
    _add_hidden(_probes)


@cutmix.add("box_helper")
def cutmix_box_helper(ctx: ProbeContext) -> dict:
    """The skeleton's _box_masks on given corners, where the module still has it (a student may inline it)."""
    helper = getattr(ctx.module, "_box_masks", None)
    if not callable(helper):
        return {"missing": True}
    corners = np.asarray(HELPER_CORNERS, dtype=np.float32)
    try:
        masks = helper(HELPER_SHAPE, *(ctx.tf.constant(corners[:, k]) for k in range(4)))
    except NotImplementedError:
        return {"missing": True}
    return {"missing": False, "masks": to_numpy(masks, "_box_masks")}


@erasing.add("fill")
def erasing_fill(ctx: ProbeContext) -> dict:
    what = "RandomErasing.get_random_transformation"
    images = ctx.tf.zeros(FILL_SHAPE)

    def noise(low: float, high: float) -> dict:
        drawn = ctx.cls(factor=(1.0, 1.0), value_range=(low, high)).get_random_transformation(images, training=True)
        fill = to_numpy(_entry(drawn, "fill_value", what), "fill_value").astype(np.float64)
        finite = fill[np.isfinite(fill)]
        return {"range": [low, high], "shape": list(fill.shape), "size": int(fill.size), "finite": int(finite.size),
                "min": float(finite.min(initial=np.inf)), "max": float(finite.max(initial=-np.inf)),
                "at_low": int(np.sum(fill == low)), "at_high": int(np.sum(fill == high)),
                "distinct": int(np.unique(finite).size)}

    def constant(value: float) -> dict:
        drawn = ctx.cls(factor=(1.0, 1.0), fill_value=value).get_random_transformation(images, training=True)
        fill = to_numpy(_entry(drawn, "fill_value", what), "fill_value").astype(np.float64)
        return {"fill_value": value, "shape": list(fill.shape), "values": np.unique(fill)[:5]}

    return {"noise": [_attempt(ctx, lambda r=r: noise(*r)) for r in FILL_RANGES],
            "constant": [_attempt(ctx, lambda v=v[0]: constant(v)) for v in CONSTANT_FILLS]}
# END HIDDEN
