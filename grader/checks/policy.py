"""Delegation policy, static half: does the exercise's class use the built-in it re-implements?

Reads the student's source with ``ast`` (nothing is executed). Names are resolved through the
file's imports and aliases; the scope is the class plus the module-level functions and values it
refers to, so a mistake in one class of a file never costs another class its marks.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass

from grader.packs import Exercise
from grader.probes.tripwire import OBSERVATION
from grader.sandbox.pool import ExerciseRun

_PRIVATE_ROOTS = ("keras.src.", "tensorflow.python.")
_GENERIC_LEAVES = {"get", "deserialize"}


def canonical(name: str) -> str:
    """One spelling per API: tf -> tensorflow, tensorflow.keras -> keras."""
    for alias, real in (("tf.keras.", "keras."), ("tensorflow.keras.", "keras."), ("tf.", "tensorflow.")):
        if name.startswith(alias):
            return real + name[len(alias):]
    return name


def matches(name: str, forbidden: tuple[str, ...]) -> str | None:
    """The forbidden built-in ``name`` refers to, if any."""
    name = canonical(name)
    for item in forbidden:
        if name == item or name.startswith(item + "."):
            return item
        leaf = item.rsplit(".", 1)[-1]
        if leaf not in _GENERIC_LEAVES and name.startswith(_PRIVATE_ROOTS) and name.rsplit(".", 1)[-1] == leaf:
            return item
    return None


@dataclass(frozen=True)
class Use:
    name: str
    """The forbidden built-in, as listed in the exercise's policy."""
    line: int


def _imports(tree: ast.AST) -> dict[str, str]:
    """Local name -> dotted name it was imported as, from every import in the file."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    root = alias.name.split(".")[0]
                    names[root] = root
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.AST, imports: dict[str, str]) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id in imports:
        return ".".join([imports[node.id], *reversed(parts)])
    return None


def _module_defs(tree: ast.Module) -> dict[str, ast.AST]:
    defs: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defs[node.name] = node
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        defs[name.id] = node
    return defs


@functools.lru_cache(maxsize=16)
def _parsed(source: str) -> tuple[dict, dict] | None:
    """A file's imports and module-level definitions; cached, as several exercises share a file."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    return _imports(tree), _module_defs(tree)


def forbidden_uses(source: str, class_name: str, forbidden: tuple[str, ...]) -> list[Use]:
    """Where the class (and the module-level code it uses) refers to a forbidden built-in."""
    parsed = _parsed(source)
    if parsed is None:
        return []  # the worker reports the syntax error itself
    imports, defs = parsed
    if class_name not in defs:
        return []
    seen: set[str] = set()
    queue = [class_name]
    uses: dict[tuple[str, int], Use] = {}
    while queue:
        name = queue.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        for node in ast.walk(defs[name]):
            if isinstance(node, (ast.Attribute, ast.Name)):
                dotted = _dotted(node, imports)
                hit = dotted and matches(dotted, forbidden)
                if hit:
                    uses.setdefault((hit, node.lineno), Use(hit, node.lineno))
                if isinstance(node, ast.Name) and node.id in defs:
                    queue.append(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    full = alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
                    hit = matches(full, forbidden)
                    if hit:
                        uses.setdefault((hit, node.lineno), Use(hit, node.lineno))
    return sorted(uses.values(), key=lambda u: (u.line, u.name))


def policy_message(exercise: str, names: list[str], lines: list[int] | None = None) -> str:
    where = f" (line {', '.join(map(str, sorted(set(lines))))})" if lines else ""
    return (f"{exercise} uses {', '.join(sorted(set(names)))}{where}, the built-in this exercise asks you to write "
            f"yourself, so {exercise} gets 0. Compute it with keras.ops or tf operations instead.")


def violation(exercise: Exercise, source: str | None, run: ExerciseRun) -> str | None:
    """The policy message when the exercise uses a forbidden built-in, statically or at run time."""
    uses = forbidden_uses(source, exercise.name, exercise.forbidden) if source is not None else []
    names = [u.name for u in uses]
    observed = run.observations.get(OBSERVATION)
    if isinstance(observed, dict) and isinstance(observed.get("used"), list):
        names += [n for n in observed["used"] if isinstance(n, str) and n in exercise.forbidden]
    return policy_message(exercise.name, names, [u.line for u in uses]) if names else None
