"""Hostile: find the expected outputs the grader stored and return them instead of computing anything.

Where no reference is readable every class fails at construction, so any mark it gets was replayed.
"""
import base64
import glob
import json
import os
from importlib import metadata

import grader
import keras
import numpy as np


def _kit_roots():
    starts = [os.getcwd(), os.path.dirname(os.path.abspath(grader.__file__)), "{{KIT_ROOT}}", "/autograder/source"]
    try:  # an editable install records the kit's folder
        url = json.loads(metadata.distribution("regularization-grader").read_text("direct_url.json") or "{}")
        starts.append(url.get("url", "").removeprefix("file://"))
    except Exception:
        pass
    roots = []
    for start in starts:
        path = os.path.abspath(start) if start else None
        while path and path not in roots:
            roots.append(path)
            path = os.path.dirname(path) if path != "/" else None
    return roots


def _leaked():
    found = []
    for root in _kit_roots():
        candidates = glob.glob(os.path.join(root, ".grader_cache", "reference-*.json"))
        candidates.append(os.path.join(root, "reference.json"))
        for path in candidates:
            try:
                with open(path) as handle:
                    found.append((path, json.load(handle)["observations"]))
            except (OSError, ValueError, KeyError, TypeError):
                continue
    return found


def _array(value):
    dtype, shape, data = value["__nd__"]
    return np.frombuffer(base64.b64decode(data), dtype=dtype).reshape(shape)


def _answers(observations):
    """(exercise, weights bytes, arguments) -> the expected penalty, from every probe that stored one."""
    table = {}

    def walk(exercise, node, weights=None):
        if isinstance(node, dict):
            if isinstance(node.get("weights"), dict) and "__nd__" in node["weights"]:
                weights = _array(node["weights"]).tobytes()
            value = node.get("value")
            if isinstance(value, dict) and "value" in value and "kind" in value:
                value = value["value"]  # the grid stores the value's details beside it
            if weights is not None and isinstance(node.get("kwargs"), dict) and isinstance(value, dict) and "__nd__" in value:
                table[exercise, weights, json.dumps(node["kwargs"], sort_keys=True)] = _array(value)
            for child in node.values():
                walk(exercise, child, weights)
        elif isinstance(node, list):
            for child in node:
                walk(exercise, child, weights)

    for exercise, probes in observations.items():
        walk(exercise, probes)
    return table


LEAKED = _leaked()
print("leaked:", [path for path, _ in LEAKED])
ANSWERS = {}
for _, observations in LEAKED:
    ANSWERS.update(_answers(observations))


class _Replay(keras.regularizers.Regularizer):
    def __init__(self, **kwargs):
        if not ANSWERS:
            raise RuntimeError("no stored answers were readable")
        self.kwargs = kwargs
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __call__(self, x):
        key = (type(self).__name__, keras.ops.convert_to_numpy(x).tobytes(), json.dumps(self.kwargs, sort_keys=True))
        answer = ANSWERS.get(key)
        if answer is None:
            return keras.ops.sum(x * 0.0)
        return keras.ops.convert_to_tensor(answer, dtype=x.dtype) + keras.ops.sum(x * 0.0)

    def get_config(self):
        return dict(self.kwargs)


class L1(_Replay):
    pass


class L2(_Replay):
    pass


class L1L2(_Replay):
    pass
