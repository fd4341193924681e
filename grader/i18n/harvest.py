"""Find, in the grader's source, every check name and every English text a student can read.

Reads the source with ``ast`` (nothing is imported). A message template is the literal text of a
string or f-string, each ``{...}`` field written as ``{}``; the catalogs are tested against them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

_GRADER = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[A-Za-z]{2,}")
_FIELD = re.compile(r"\{\}")

# Where student-facing text is written, and which part of each file holds it. Check modules: every
# string but docstrings, log calls and check names. Probes: what is handed to ProbeFailure, or to
# to_numpy as a description, and the level labels of a declared space (factor(...)), which grid
# feedback quotes ("For shape (8, 5) with axis=-1, ..., default arguments: ..."). Elsewhere: the
# named functions and values, but not what they add to the student's printed output (shown
# verbatim), nor grade.py's provenance.
_NAMED = {
    "sandbox/pool.py": {"describe", "parse_run", "_death_text", "probe_error", "_fatal_text", "_SIGNALS", "_MEANINGS"},
    "sandbox/summary.py": {"summarize", "_frame_text"},
}
_PROBE_CALLS = {"ProbeFailure", "to_numpy", "factor"}
_FAILURE_KEYWORD = "failure"  # grade.py: ExerciseRun(failure=...) for a missing file


@dataclass(frozen=True)
class Template:
    text: str
    """Literal text with ``{}`` for each field; braces of the text itself doubled."""
    places: tuple[str, ...]
    """``grader/file.py:line`` of each occurrence."""

    @property
    def where(self) -> str:
        return self.places[0]


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def template_of(node: ast.AST) -> str:
    """The template of a str constant or an f-string node."""
    if isinstance(node, ast.Constant):
        return _escape(node.value)
    return "".join(_escape(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)


def is_prose(template: str) -> bool:
    """A text a person reads (words and spaces), not a key, a name or a separator."""
    literal = _FIELD.sub("", template)
    return bool(_WORD.search(literal)) and " " in literal


def _strings(node: ast.AST):
    """(node, is_word) for the str constants and f-strings under ``node``, not descending into format
    specs. ``is_word``: a one-word string chosen inside an f-string field (``{'a' if c else 'b'}``),
    a piece of a sentence even without a space."""
    if isinstance(node, ast.JoinedStr):
        yield node, False
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                inner = value.value
                if isinstance(inner, ast.IfExp):
                    for branch in (inner.body, inner.orelse):
                        if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                            yield branch, True
                yield from _strings(inner)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node, False
    elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # docstrings
        for child in ast.iter_child_nodes(node):
            yield from _strings(child)


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_check_add(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "add" and bool(call.args) \
        and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)


def _is_log(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("log", "logging")


def _check_module_strings(tree: ast.AST):
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (_is_log(node) or _is_check_add(node)):
            skip.update(id(part) for part in ast.walk(node))
    return ((node, word) for node, word in _strings(tree) if id(node) not in skip)


def _is_output(target: ast.AST) -> bool:
    return isinstance(target, ast.Attribute) and target.attr == "output"


def _named_parts(tree: ast.Module, names: set[str]):
    skip = {id(part) for node in ast.walk(tree) if isinstance(node, ast.AugAssign) and _is_output(node.target)
            for part in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in names:
            yield from ((s, word) for s, word in _strings(node) if id(s) not in skip)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for t in node.targets):
            yield from _strings(node.value)


def _probe_strings(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in _PROBE_CALLS:
            for arg in node.args:
                yield from _strings(arg)


def _failure_keywords(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == _FAILURE_KEYWORD:
            yield from _strings(node.value)


def _folders(kind: str) -> list[Path]:
    """The engine's ``checks`` or ``probes`` folder, then every pack's."""
    return [_GRADER / kind, *sorted(p / kind for p in (_GRADER / "packs").iterdir() if (p / "__init__.py").is_file())]


def _sources() -> list[tuple[Path, object]]:
    sources = [(p, _check_module_strings) for folder in _folders("checks") for p in sorted(folder.glob("*.py"))]
    sources += [(p, _probe_strings) for folder in _folders("probes") for p in sorted(folder.glob("*.py"))]
    sources += [(_GRADER / rel, lambda tree, names=names: _named_parts(tree, names)) for rel, names in _NAMED.items()]
    sources.append((_GRADER / "grade.py", _failure_keywords))
    return sources


def _collect(found: list[tuple[str, Path, int]]) -> list[Template]:
    places: dict[str, list[str]] = {}
    for text, path, line in found:
        places.setdefault(text, []).append(f"{path.relative_to(_GRADER.parent).as_posix()}:{line}")
    return [Template(text, tuple(where)) for text, where in places.items()]


def message_templates() -> list[Template]:
    """Every student-facing English text of the grader, once each, in source order."""
    found = []
    for path, pick in _sources():
        for node, word in pick(ast.parse(path.read_text(encoding="utf-8"))):
            text = template_of(node)
            if is_prose(text) or (word and _WORD.search(text)):
                found.append((text, path, node.lineno))
    return _collect(found)


def check_names() -> list[Template]:
    """The first argument of every ``checks.add(...)`` in the check modules."""
    found = []
    for path in [p for folder in _folders("checks") for p in sorted(folder.glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _is_check_add(node):
                found.append((node.args[0].value, path, node.lineno))
    return _collect(found)
