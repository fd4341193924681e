"""The student's files, imported from the job message: they never touch the worker's disk."""

from __future__ import annotations

import importlib.abc
import importlib.util
import linecache
from pathlib import Path

from grader import settings


class MemorySource(importlib.abc.Loader, importlib.abc.MetaPathFinder):
    """Serves the submission's files from the job message: they never touch the worker's disk."""

    def __init__(self, sources: dict[str, str]):
        self.paths = {Path(name).stem: f"{settings.SUBMISSION_MOUNT}/{name}" for name in sources}
        self.texts = {Path(name).stem: text for name, text in sources.items()}
        for stem, path in self.paths.items():
            lines = self.texts[stem].splitlines(keepends=True)
            linecache.cache[path] = (len(self.texts[stem]), None, lines, path)

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.paths:
            return importlib.util.spec_from_loader(fullname, self, origin=self.paths[fullname])
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__file__ = self.paths[module.__name__]
        exec(compile(self.texts[module.__name__], module.__file__, "exec"), module.__dict__)
