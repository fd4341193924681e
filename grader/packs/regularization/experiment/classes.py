"""The student's classes, imported in this process from the submission's text (never from disk paths).

Unlike grading, the experiment runs the student's code in the grader's own process, unsandboxed: run
it on your own code or on code you trust.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import linecache
import re
import sys
import traceback
from pathlib import PurePosixPath

from grader import packs
from grader.load import Submission

_ORIGIN = "<submission>"
"""Prefix of the student's files in tracebacks, so their lines can be found and named."""
_MAX_MESSAGE_CHARS = 300
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _servable(name: str, exercise_modules: frozenset[str]) -> bool:
    """The exercise files' names are the kit's to serve. Any other name already imported, or in the
    standard library, would replace a module this process (TensorFlow, the grader) relies on."""
    return name in exercise_modules or not (name in sys.modules or name in sys.stdlib_module_names)


class ClassUnavailable(Exception):
    """A class of the student's cannot be used; the message says why, in the student's words."""


class _MemorySource(importlib.abc.Loader, importlib.abc.MetaPathFinder):
    """Serves the submission's files as modules from their text."""

    def __init__(self, sources: dict[str, str], exercise_modules: frozenset[str]):
        self.texts = {PurePosixPath(name).stem: text for name, text in sources.items()
                      if _servable(PurePosixPath(name).stem, exercise_modules)}

    def find_spec(self, fullname, path=None, target=None):
        if fullname in self.texts:
            return importlib.util.spec_from_loader(fullname, self, origin=f"{_ORIGIN}/{fullname}.py")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__file__ = f"{_ORIGIN}/{module.__name__}.py"
        text = self.texts[module.__name__]
        # Tracebacks and the location in skip reasons read the lines from here.
        linecache.cache[module.__file__] = (len(text), None, text.splitlines(keepends=True), module.__file__)
        exec(compile(text, module.__file__, "exec"), module.__dict__)  # noqa: S102 - running it is the point


def _keras_registries() -> list[dict]:
    """The global tables `keras.saving.register_keras_serializable` writes to."""
    from keras.src.saving import object_registration

    return [object_registration.GLOBAL_CUSTOM_OBJECTS, object_registration.GLOBAL_CUSTOM_NAMES]


class StudentClasses:
    """A context in which the submission's files import as modules; ``get`` returns one class.

    Modules named like the exercise files that were imported before (another submission's, the
    kit's own) are set aside and put back on exit. Any other file named like a module in use is
    not served at all (see ``_servable``). Keras's registry of serializable classes is restored on
    exit too: a student class registered as "regularization>Dropout" must not replace another one.

    ``pack``: the assignment whose exercise files are served; default the one the submission was read for.
    """

    def __init__(self, submission: Submission, pack: packs.Pack | None = None):
        self.submission = submission
        self.pack = packs.get(submission.assignment) if pack is None else pack
        self._finder = _MemorySource(submission.sources,
                                     frozenset(PurePosixPath(name).stem for name in self.pack.filenames))
        self._saved: dict[str, object] = {}
        self._registry: list[tuple[dict, dict]] = []

    def __enter__(self) -> StudentClasses:
        for name in self._finder.texts:
            if name in sys.modules:
                self._saved[name] = sys.modules.pop(name)
        self._registry = [(table, dict(table)) for table in _keras_registries()]
        sys.meta_path.insert(0, self._finder)
        return self

    def __exit__(self, *exc_info) -> None:
        sys.meta_path.remove(self._finder)
        for name in self._finder.texts:
            sys.modules.pop(name, None)
        sys.modules.update(self._saved)
        for table, saved in self._registry:
            table.clear()
            table.update(saved)

    def get(self, name: str, exercise: str | None = None) -> type:
        """The student's class ``name`` (e.g. ``"Dropout"``). Raises ClassUnavailable.

        With ``exercise``, ``name`` is a function (or class) of that exercise's file rather than an exercise:
        ``get("fgsm_examples", exercise="AdversarialModel")``.
        """
        filename = self.pack.exercise(exercise or name).filename
        module_file = self.submission.modules.get(filename)
        if module_file is None:
            raise ClassUnavailable(f"{name} is missing: the submission has no {filename}")
        module_name = PurePosixPath(module_file).stem
        if module_name not in self._finder.texts:
            raise ClassUnavailable(f"{name} is unavailable: {module_file} has the name of a Python module the grader "
                                   f"itself uses; rename the file")
        try:
            module = importlib.import_module(module_name)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - SystemExit too: a script's sys.exit() at import
            raise ClassUnavailable(f"{name} is unavailable: {module_file} could not be imported: {describe_error(exc)}") from None
        cls = getattr(module, name, None)
        if exercise is None and not isinstance(cls, type):
            raise ClassUnavailable(f"{name} is missing: {module_file} defines no class {name}")
        if exercise is not None and not callable(cls):
            raise ClassUnavailable(f"{name} is missing: {module_file} defines no function {name}")
        return cls


def raised_by_student(exc: BaseException) -> bool:
    """True when a ``raise`` statement in the student's code raised ``exc``.

    The innermost frame alone does not tell: Keras removes its own and TensorFlow's frames from
    tracebacks, so an error raised inside TensorFlow can look as if it came from the student's line.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and frames[-1].filename.startswith(_ORIGIN) and (frames[-1].line or "").startswith("raise")


def _message(exc: BaseException) -> str:
    """The lines of ``str(exc)`` that say what went wrong, without Keras's wrapping around them."""
    lines = []
    for line in _ANSI.sub("", str(exc)).splitlines():
        line = line.strip()
        if line.startswith("Arguments received by"):
            break  # Keras then lists every argument's value
        if line.startswith("Exception encountered when calling"):
            continue
        if line.endswith("Error encountered:"):
            lines = []  # Keras's "Could not automatically infer the output shape ...": the cause follows
            continue
        if line:
            lines.append(line)
    message = " ".join(lines)
    return message[:_MAX_MESSAGE_CHARS] + "..." if len(message) > _MAX_MESSAGE_CHARS else message


def describe_error(exc: BaseException, with_type: bool = True) -> str:
    """``Type: message (file.py, line N, in f)``: short, with the student's line where the traceback has one."""
    if isinstance(exc, SyntaxError) and (exc.filename or "").startswith(_ORIGIN):
        return f"SyntaxError: {exc.msg} ({PurePosixPath(exc.filename).name}, line {exc.lineno})"
    message = _message(exc)
    if not message:
        message = f"{type(exc).__name__} raised"
    elif with_type:
        message = f"{type(exc).__name__}: {message}"
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.startswith(_ORIGIN)]
    if frames:
        message += f" ({PurePosixPath(frames[-1].filename).name}, line {frames[-1].lineno}, in {frames[-1].name})"
    return message
