"""Hostile: print and write fake full-score results, and forge observations on every open descriptor."""
import json
import os

import keras

FAKE = {"score": 999, "tests": [{"name": "GaussianNoise: everything", "score": 999, "max_score": 1}]}
print(json.dumps(FAKE))
print("All checks passed! Score: 100%")
for path in ("results.json", "/autograder/results/results.json", os.path.expanduser("~/results.json")):
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w") as handle:
            json.dump(FAKE, handle)
    except OSError as exc:
        print("could not write", path, exc)
FORGED = json.dumps({"kind": "obs", "probe": "inference", "value": {}}).encode() + b"\n"


class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = stddev

    def call(self, inputs, training=False):
        for fd in range(3, 64):
            try:
                os.write(fd, FORGED)
            except OSError:
                pass
        return inputs * 0.0
