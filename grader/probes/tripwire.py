"""Delegation policy, run-time half: forbidden built-ins are wrapped so that calling them is observed.

Catches what the static half cannot see (getattr with built strings, importlib). Only calls made
while the probes run count, so module-level code shared by several exercises blames none of them.
One process may run several exercises: every forbidden name is wrapped once, and each exercise's
report is filtered by its own list when judged.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import sys
from typing import Any, Callable

OBSERVATION = "__builtins__"
_used: set[str] = set()
_recording = False
_source = ""


def _wrap(function: Callable, name: str) -> Callable:
    @functools.wraps(function)
    def tripwire(*args: Any, **kwargs: Any) -> Any:
        # Keras calls some of these itself (regularizers.get when a layer is built): only the student's calls count.
        if _recording and sys._getframe(1).f_code.co_filename == _source:
            _used.add(name)
        return function(*args, **kwargs)

    try:  # Keras reads the argument names of a layer's __init__ (getfullargspec, which ignores __wrapped__)
        tripwire.__signature__ = inspect.signature(function)
    except (TypeError, ValueError):
        pass
    return tripwire


def _resolve(name: str) -> tuple[Any, Any, str] | None:
    module_name, _, attribute = name.rpartition(".")
    parts = module_name.split(".")
    try:
        parent = importlib.import_module(parts[0])
        for part in parts[1:]:
            parent = getattr(parent, part)
        return getattr(parent, attribute), parent, attribute
    except (ImportError, AttributeError):
        return None


def install(forbidden: tuple[str, ...]) -> None:
    """Wrap each forbidden built-in where it is exported and where it is defined."""
    for name in forbidden:
        found = _resolve(name)
        if found is None:
            continue
        target, parent, attribute = found
        if isinstance(target, type):
            for method in ("__init__", "__call__", "call"):
                if method == "__init__" or method in vars(target):
                    setattr(target, method, _wrap(getattr(target, method), name))
        elif callable(target):
            wrapped = _wrap(target, name)
            setattr(parent, attribute, wrapped)
            home = importlib.import_module(target.__module__) if getattr(target, "__module__", None) else None
            if home is not None and getattr(home, getattr(target, "__name__", ""), None) is target:
                setattr(home, target.__name__, wrapped)


def start(source: str) -> None:
    """Record from now on the calls made from ``source``, the student's file of the exercise that runs."""
    global _recording, _source
    _used.clear()
    _source = source
    _recording = True


def report() -> dict:
    return {"used": sorted(_used)}
