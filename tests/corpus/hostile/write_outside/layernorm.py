"""Hostile: try to write outside the scratch directory: the host's /tmp, the grader, the solutions (where the
grader it imports says they are, and at the kit's real path)."""
import os

import grader
import keras

TARGETS = ["{{MARKER}}", os.path.join(str(grader.KIT_ROOT), "grader", "checks", "__init__.py"),
           os.path.join(str(grader.KIT_ROOT), "solutions", "regularization", "pwned.py"),
           os.path.join(str(grader.KIT_ROOT), "grader", "settings.py"),
           os.path.join("{{KIT_ROOT}}", "grader", "settings.py"),
           os.path.join("{{KIT_ROOT}}", "solutions", "regularization", "pwned.py")]
for target in TARGETS:
    try:
        with open(target, "a") as handle:
            handle.write("\n# pwned\n")
        print("wrote", target)
    except OSError as exc:
        print("could not write", target, type(exc).__name__)


class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)

    def call(self, inputs):
        return inputs * 0.0
