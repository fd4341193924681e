"""The exercises: one per class the student writes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    name: str
    """The class the student implements; also the tag of its tests in results.json."""
    filename: str
    """The file, inside the submission folder, that defines the class."""


EXERCISES: tuple[Exercise, ...] = (
    Exercise("L1", "regularizers.py"),
    Exercise("L2", "regularizers.py"),
    Exercise("L1L2", "regularizers.py"),
    Exercise("GaussianNoise", "noise.py"),
    Exercise("Dropout", "dropout.py"),
    Exercise("BatchNormalization", "batchnorm.py"),
    Exercise("LayerNormalization", "layernorm.py"),
)

FILENAMES: tuple[str, ...] = tuple(dict.fromkeys(e.filename for e in EXERCISES))


def exercise(name: str) -> Exercise:
    for ex in EXERCISES:
        if ex.name == name:
            return ex
    raise KeyError(f"Unknown exercise {name!r}: expected one of {[e.name for e in EXERCISES]}")
