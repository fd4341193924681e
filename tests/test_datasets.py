"""Tests for the bundled 8x8 digits dataset and its NumPy-only loader."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from grader.datasets import DIGITS_PATH, DigitSplits, load_digits

KIT_ROOT = Path(__file__).resolve().parent.parent
EXPECTED_SIZES = {"train": 1079, "val": 359, "test": 359}


@pytest.fixture(scope="module")
def digits() -> DigitSplits:
    return load_digits()


def _splits(data: DigitSplits):
    return {"train": data.train, "val": data.val, "test": data.test}


def test_file_is_shipped_with_the_kit():
    assert DIGITS_PATH == KIT_ROOT / "datasets" / "digits.npz"
    assert DIGITS_PATH.is_file()
    assert DIGITS_PATH.stat().st_size < 200 * 1024  # a few tens of KB


def test_raw_file_layout():
    with np.load(DIGITS_PATH, allow_pickle=False) as npz:
        assert set(npz.files) == {"images", "labels", "train_idx", "val_idx", "test_idx"}
        assert npz["images"].dtype == np.uint8 and npz["images"].shape == (1797, 8, 8)
        assert npz["labels"].dtype == np.uint8 and npz["labels"].shape == (1797,)
        assert 0 <= npz["images"].min() and npz["images"].max() == 16
        for name in ("train_idx", "val_idx", "test_idx"):
            assert npz[name].dtype == np.int32


def test_shapes_and_dtypes(digits):
    assert isinstance(digits, DigitSplits)
    assert digits.image_shape == (8, 8)
    assert digits.num_classes == 10
    total = 0
    for name, (x, y) in _splits(digits).items():
        assert x.shape == (EXPECTED_SIZES[name], 64), name
        assert y.shape == (EXPECTED_SIZES[name],), name
        assert x.dtype == np.float32 and y.dtype == np.int64
        assert x.reshape((-1,) + digits.image_shape).shape == (EXPECTED_SIZES[name], 8, 8)
        total += len(y)
    assert total == 1797


def test_pixels_scaled_to_unit_interval(digits):
    for x, _ in _splits(digits).values():
        assert np.isfinite(x).all()
        assert x.min() >= 0.0 and x.max() <= 1.0
        # pixel counts 0..16 divided by 16: every value is a multiple of 1/16
        np.testing.assert_array_equal(x * 16, np.rint(x * 16))
    assert max(x.max() for x, _ in _splits(digits).values()) == 1.0


def test_splits_disjoint_and_covering():
    with np.load(DIGITS_PATH, allow_pickle=False) as npz:
        parts = [set(npz[n].tolist()) for n in ("train_idx", "val_idx", "test_idx")]
    assert not parts[0] & parts[1] and not parts[0] & parts[2] and not parts[1] & parts[2]
    assert parts[0] | parts[1] | parts[2] == set(range(1797))


def test_splits_match_stored_images(digits):
    with np.load(DIGITS_PATH, allow_pickle=False) as npz:
        images, labels = npz["images"], npz["labels"]
        for (x, y), name in zip((digits.train, digits.val, digits.test), ("train", "val", "test")):
            idx = npz[f"{name}_idx"]
            np.testing.assert_array_equal(x, images[idx].reshape(-1, 64) / np.float32(16))
            np.testing.assert_array_equal(y, labels[idx])


def test_every_class_in_every_split_and_stratified(digits):
    for name, (_, y) in _splits(digits).items():
        counts = np.bincount(y, minlength=10)
        assert counts.size == 10 and (counts > 0).all(), name
        share = counts / counts.sum()
        assert np.all(np.abs(share - 0.1) < 0.02), (name, counts)


def test_loader_is_deterministic(digits):
    again = load_digits()
    for (x1, y1), (x2, y2) in zip(_splits(digits).values(), _splits(again).values()):
        np.testing.assert_array_equal(x1, x2)
        np.testing.assert_array_equal(y1, y2)
    # fresh arrays each call: mutating one load cannot leak into another
    assert not np.shares_memory(digits.train[0], again.train[0])


def test_explicit_path_accepts_str_and_path():
    a = load_digits(str(DIGITS_PATH))
    b = load_digits(DIGITS_PATH)
    np.testing.assert_array_equal(a.test[0], b.test[0])


def test_result_is_frozen(digits):
    with pytest.raises(AttributeError):
        digits.train = digits.test  # type: ignore[misc]


def test_missing_file_gives_clear_error(tmp_path):
    missing = tmp_path / "nope" / "digits.npz"
    with pytest.raises(FileNotFoundError) as info:
        load_digits(missing)
    message = str(info.value)
    assert str(missing) in message
    assert "expected:" in message and "received:" in message
    assert "build_digits.py" in message


def test_corrupt_file_gives_clear_error(tmp_path):
    bad = tmp_path / "digits.npz"
    bad.write_bytes(b"this is not a zip archive")
    with pytest.raises(ValueError) as info:
        load_digits(bad)
    message = str(info.value)
    assert str(bad) in message and "expected:" in message and "received:" in message
    assert "build_digits.py" in message


def test_wrong_contents_give_clear_error(tmp_path):
    with np.load(DIGITS_PATH, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    broken = tmp_path / "overlap.npz"
    np.savez_compressed(broken, **{**arrays, "val_idx": arrays["train_idx"][:10]})
    with pytest.raises(ValueError, match="disjoint and covering"):
        load_digits(broken)
    missing_key = tmp_path / "nolabels.npz"
    np.savez_compressed(missing_key, **{k: v for k, v in arrays.items() if k != "labels"})
    with pytest.raises(ValueError, match="missing"):
        load_digits(missing_key)


def test_loader_needs_neither_sklearn_nor_tensorflow():
    code = textwrap.dedent(
        """
        import sys
        import grader  # the package itself is owned elsewhere; judge only the loader
        before = set(sys.modules)
        from grader.datasets import load_digits
        load_digits()
        added = {m.split(".")[0] for m in set(sys.modules) - before}
        heavy = added & {"sklearn", "tensorflow", "keras", "scipy", "pandas"}
        assert not heavy, heavy
        """
    )
    subprocess.run([sys.executable, "-c", code], cwd=KIT_ROOT, check=True)
