"""The observation format between worker and grader: JSON, arrays as base64.

An array equal (dtype, shape and bytes) to one sent earlier in the same message is sent as a reference
to it: outputs that are the input unchanged (a layer at inference) then cost nothing to send.
Never pickle: the grader would execute whatever a hostile worker sent.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import numpy as np

_ARRAY = "__nd__"
_SAME = "__same__"  # the index, in order of appearance, of an array already in this message
_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64"]
)


class WireError(ValueError):
    """Data on the channel that is not a well-formed observation."""


def encode(value: Any, seen: dict | None = None) -> Any:
    """A JSON-ready copy of ``value`` (numbers, strings, lists, dicts, numpy arrays). ``seen``: the arrays
    already encoded in this message (a repeat is sent as a reference)."""
    seen = {} if seen is None else seen
    if isinstance(value, dict):
        return {str(k): encode(v, seen) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v, seen) for v in value]
    if isinstance(value, (np.ndarray, np.generic)):
        array = np.array(value, order="C")  # ascontiguousarray would turn 0-d into 1-d
        if array.dtype.name not in _DTYPES:
            array = array.astype(np.float64) if array.dtype.kind in "fc" else array.astype(np.int64)
        key = (array.dtype.name, array.shape, array.tobytes())
        if key in seen:
            return {_SAME: seen[key]}
        seen[key] = len(seen)
        return {_ARRAY: [array.dtype.name, list(array.shape), base64.b64encode(key[2]).decode()]}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)[:200]


def decode(value: Any, arrays: list[np.ndarray] | None = None) -> Any:
    """Inverse of :func:`encode`; raises WireError on anything malformed."""
    arrays = [] if arrays is None else arrays
    if isinstance(value, dict):
        if _ARRAY in value:
            arrays.append(_decode_array(value[_ARRAY]))
            return arrays[-1]
        if _SAME in value:
            index = value[_SAME]
            if not (type(index) is int and 0 <= index < len(arrays)):
                raise WireError("reference to an array not sent before")
            return arrays[index].copy()
        return {k: decode(v, arrays) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v, arrays) for v in value]
    return value


def _decode_array(spec: Any) -> np.ndarray:
    if not (isinstance(spec, list) and len(spec) == 3):
        raise WireError("malformed array")
    dtype, shape, data = spec
    if dtype not in _DTYPES or not isinstance(shape, list) or not all(isinstance(n, int) and n >= 0 for n in shape):
        raise WireError("malformed array header")
    raw = base64.b64decode(data, validate=True)
    count = int(np.prod(shape, dtype=np.int64))
    if len(raw) != count * np.dtype(dtype).itemsize:
        raise WireError("array size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def dumps(message: dict) -> bytes:
    return json.dumps(encode(message), allow_nan=True).encode() + b"\n"


def loads(line: bytes | str) -> dict:
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WireError(f"not JSON: {exc}") from exc
    if not isinstance(message, dict):
        raise WireError("not an object")
    return decode(message)
