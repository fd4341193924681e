"""Build ``datasets/digits.npz`` from the copy of the digits data in scikit-learn.

This is a one-time provenance script, kept so that anyone can see (and
repeat) exactly how the shipped file was made. The kit itself never runs it
and never needs scikit-learn at run time: ``grader.datasets.load_digits``
reads the ``.npz`` with NumPy alone.

Source: the 1,797-image test partition (``optdigits.tes``) of the UCI
"Optical Recognition of Handwritten Digits" dataset (E. Alpaydin and
C. Kaynak, 1998, https://doi.org/10.24432/C50P49, CC BY 4.0), as bundled
with scikit-learn as ``sklearn.datasets.load_digits`` (BSD-3-Clause). Reading
it needs no network access.

Usage (from the kit root)::

    pip install scikit-learn
    python datasets/build_digits.py            # writes datasets/digits.npz
    python datasets/build_digits.py --out other/path.npz

The split is stratified by class: within each class, a fixed-seed
permutation puts round(20%) of the samples in ``test_idx``, round(20%) in
``val_idx`` and the rest (about 60%) in ``train_idx``. The index arrays are
stored in the file, so the splits never change even if NumPy's random
generators do; rerunning this script with the same scikit-learn data and
NumPy version reproduces the same indices.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

SEED = 20240601
VAL_FRACTION = 0.2
TEST_FRACTION = 0.2
N_SAMPLES = 1797
N_CLASSES = 10
DEFAULT_OUT = Path(__file__).resolve().parent / "digits.npz"


def stratified_split(labels: np.ndarray, seed: int = SEED):
    """Return sorted int32 ``(train_idx, val_idx, test_idx)``, stratified by class."""
    rng = np.random.default_rng(seed)
    train, val, test = [], [], []
    for cls in np.unique(labels):
        members = np.flatnonzero(labels == cls)
        members = members[rng.permutation(members.size)]
        n_test = int(round(TEST_FRACTION * members.size))
        n_val = int(round(VAL_FRACTION * members.size))
        test.append(members[:n_test])
        val.append(members[n_test:n_test + n_val])
        train.append(members[n_test + n_val:])
    return tuple(np.sort(np.concatenate(part)).astype(np.int32) for part in (train, val, test))


def build(out: Path = DEFAULT_OUT) -> Path:
    from sklearn.datasets import load_digits  # build-time only dependency

    bunch = load_digits()
    images = np.asarray(bunch.images)
    labels = np.asarray(bunch.target)

    # Sanity checks on what scikit-learn handed us before we freeze it.
    assert images.shape == (N_SAMPLES, 8, 8), images.shape
    assert labels.shape == (N_SAMPLES,), labels.shape
    assert np.array_equal(images, np.rint(images)), "pixels should be integer counts"
    assert images.min() >= 0 and images.max() <= 16, (images.min(), images.max())
    assert set(np.unique(labels).tolist()) == set(range(N_CLASSES))
    assert np.array_equal(images.reshape(N_SAMPLES, 64), bunch.data)

    images_u8 = images.astype(np.uint8)
    labels_u8 = labels.astype(np.uint8)
    train_idx, val_idx, test_idx = stratified_split(labels_u8)

    every = np.concatenate([train_idx, val_idx, test_idx])
    assert every.size == N_SAMPLES and np.array_equal(np.sort(every), np.arange(N_SAMPLES))

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        images=images_u8,
        labels=labels_u8,
        train_idx=train_idx,
        val_idx=val_idx,
        test_idx=test_idx,
    )

    print(f"wrote {out} ({out.stat().st_size / 1024:.1f} KiB)")
    print("class  train  val  test  total")
    for cls in range(N_CLASSES):
        counts = [int(np.sum(labels_u8[idx] == cls)) for idx in (train_idx, val_idx, test_idx)]
        print(f"{cls:>5}  {counts[0]:>5}  {counts[1]:>3}  {counts[2]:>4}  {sum(counts):>5}")
    print(f"total  {train_idx.size:>5}  {val_idx.size:>3}  {test_idx.size:>4}  {N_SAMPLES:>5}")
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output .npz path (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    build(args.out)


if __name__ == "__main__":
    main()
