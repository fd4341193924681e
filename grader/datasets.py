"""Offline datasets shipped with the kit (NumPy only; nothing is downloaded).

``load_digits`` reads ``<kit root>/datasets/digits.npz``: the 8x8 handwritten
digits, 1,797 images in 10 classes. They are the test partition
(``optdigits.tes``) of the UCI "Optical Recognition of Handwritten Digits"
dataset by E. Alpaydin and C. Kaynak (1998, https://doi.org/10.24432/C50P49,
licensed CC BY 4.0), taken from the copy that scikit-learn bundles as
``sklearn.datasets.load_digits``. Each pixel counts the "on" pixels in a 4x4
block of a 32x32 bitmap, so values are integers 0..16.

``datasets/build_digits.py`` made the file once; the fixed train/val/test
index arrays (stratified, about 60/20/20) are stored in it, so the splits
never depend on a random generator at run time. See ``datasets/README.md``.

Example::

    from grader.datasets import load_digits

    data = load_digits()
    x_train, y_train = data.train   # (1079, 64) float32 in [0, 1], int64 labels
    images = x_train.reshape((-1,) + data.image_shape)   # (1079, 8, 8)
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Tuple, Union

import numpy as np

__all__ = ["DigitSplits", "DIGITS_PATH", "load_digits"]

KIT_ROOT = Path(__file__).resolve().parent.parent
DIGITS_PATH = KIT_ROOT / "datasets" / "digits.npz"

_N_SAMPLES = 1797
_IMAGE_SHAPE = (8, 8)
_N_CLASSES = 10
_MAX_PIXEL = 16
_REBUILD_HINT = (
    "Restore datasets/digits.npz from a fresh copy of the kit, or rebuild it from the kit "
    "root with `pip install scikit-learn && python datasets/build_digits.py`."
)
_EXPECTED_ARRAYS = {
    # name: (allowed dtype kinds, description)
    "images": ("u", f"uint8 array of shape ({_N_SAMPLES}, 8, 8) with values 0..{_MAX_PIXEL}"),
    "labels": ("u", f"uint8 array of shape ({_N_SAMPLES},) with values 0..{_N_CLASSES - 1}"),
    "train_idx": ("iu", "1-D integer index array"),
    "val_idx": ("iu", "1-D integer index array"),
    "test_idx": ("iu", "1-D integer index array"),
}

Split = Tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True, eq=False)
class DigitSplits:
    """Fixed train/val/test splits of the 8x8 digits.

    Each of ``train``, ``val`` and ``test`` is an ``(x, y)`` tuple: ``x`` is
    float32 of shape ``(n, 64)`` with values in [0, 1] (pixel count / 16),
    rows are 8x8 images flattened row-major (reshape with ``image_shape``);
    ``y`` is int64 of shape ``(n,)`` with labels 0..9.
    """

    train: Split
    val: Split
    test: Split
    image_shape: Tuple[int, int] = _IMAGE_SHAPE
    num_classes: int = _N_CLASSES
    path: Optional[Path] = None


def _error(what: str, expected: str, received: str, path: Path) -> str:
    return (
        f"{what}: {path}\n"
        f"  expected: {expected}\n"
        f"  received: {received}\n"
        f"  fix: {_REBUILD_HINT}"
    )


def _read_arrays(path: Path) -> dict:
    if not path.is_file():
        received = "a directory" if path.is_dir() else "no file at this path"
        raise FileNotFoundError(
            _error("Digits dataset file not found", "the .npz file shipped with the kit", received, path)
        )
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {name: npz[name] for name in npz.files}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError) as exc:
        raise ValueError(
            _error(
                "Digits dataset file is unreadable or corrupt",
                "a NumPy .npz archive written by datasets/build_digits.py",
                f"{type(exc).__name__}: {exc}",
                path,
            )
        ) from exc


def _validate(arrays: dict, path: Path) -> None:
    def bad(expected: str, received: str) -> ValueError:
        return ValueError(_error("Digits dataset file has unexpected contents", expected, received, path))

    missing = sorted(set(_EXPECTED_ARRAYS) - set(arrays))
    if missing:
        raise bad(f"arrays {sorted(_EXPECTED_ARRAYS)}", f"arrays {sorted(arrays)} (missing {missing})")
    for name, (kinds, description) in _EXPECTED_ARRAYS.items():
        arr = arrays[name]
        if arr.dtype.kind not in kinds:
            raise bad(f"'{name}' as {description}", f"dtype {arr.dtype}")

    images, labels = arrays["images"], arrays["labels"]
    if images.shape != (_N_SAMPLES,) + _IMAGE_SHAPE:
        raise bad(f"'images' of shape {(_N_SAMPLES,) + _IMAGE_SHAPE}", f"shape {images.shape}")
    if labels.shape != (_N_SAMPLES,):
        raise bad(f"'labels' of shape {(_N_SAMPLES,)}", f"shape {labels.shape}")
    if images.max() > _MAX_PIXEL:
        raise bad(f"'images' values in 0..{_MAX_PIXEL}", f"maximum {images.max()}")
    if labels.max() >= _N_CLASSES:
        raise bad(f"'labels' values in 0..{_N_CLASSES - 1}", f"maximum {labels.max()}")

    parts = [arrays[name] for name in ("train_idx", "val_idx", "test_idx")]
    for name, idx in zip(("train_idx", "val_idx", "test_idx"), parts):
        if idx.ndim != 1 or idx.size == 0:
            raise bad(f"'{name}' as a non-empty 1-D index array", f"shape {idx.shape}")
    every = np.concatenate(parts)
    if every.size != _N_SAMPLES or not np.array_equal(np.sort(every), np.arange(_N_SAMPLES)):
        raise bad(
            f"train/val/test indices disjoint and covering 0..{_N_SAMPLES - 1} exactly once",
            f"{every.size} indices, {np.unique(every).size} distinct, range "
            f"{every.min()}..{every.max()}",
        )


def load_digits(path: Union[str, os.PathLike, None] = None) -> DigitSplits:
    """Load the bundled 8x8 digits with their fixed train/val/test splits.

    Args:
        path: the ``.npz`` file to read; defaults to
            ``<kit root>/datasets/digits.npz`` (``DIGITS_PATH``).

    Returns:
        A ``DigitSplits`` whose ``train``/``val``/``test`` are ``(x, y)``
        tuples: ``x`` float32 ``(n, 64)`` in [0, 1], ``y`` int64 ``(n,)``.
        Split sizes are 1079/359/359. Every call returns fresh arrays.

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: the file is not a readable ``.npz`` or its arrays are
            not what ``datasets/build_digits.py`` writes.
    """
    path = DIGITS_PATH if path is None else Path(path)
    arrays = _read_arrays(path)
    _validate(arrays, path)

    x_all = arrays["images"].reshape(_N_SAMPLES, -1).astype(np.float32) / np.float32(_MAX_PIXEL)
    y_all = arrays["labels"].astype(np.int64)

    def take(name: str) -> Split:
        idx = arrays[name].astype(np.intp)
        return x_all[idx], y_all[idx]

    return DigitSplits(
        train=take("train_idx"),
        val=take("val_idx"),
        test=take("test_idx"),
        path=path,
    )
