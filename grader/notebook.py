"""Notebook submissions: the class definitions are taken from the code cells with nbformat, no kernel.

IPython magics (%...), shell lines (!...) and cell magics (%%...) are dropped; a cell that does not parse
is dropped unless it seems to define something (then the student hears about the syntax error). Top-level code other than
imports, definitions and simple constants (exploration, training runs, plots) is dropped too, as are
imports of packages the grading environment lacks (IPython, plotting libraries), so it can
neither break grading nor change it: only what defines the classes is kept.
"""

from __future__ import annotations

import ast
import importlib.util

import nbformat


def _strip_magics(source: str) -> str | None:
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        return None  # a cell magic runs the whole cell in another language or mode
    # Blank rather than delete, so the line numbers in feedback match the cell.
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)


def _span(node: ast.stmt, lines: list[str]) -> str:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return "\n".join(lines[first - 1 : node.end_lineno])


def _defined_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


def _assigned(node: ast.stmt) -> set[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def _definitions(cell: str, protected: set[str]) -> str:
    """The imports, functions, classes and constant assignments of a cell; nothing that runs work.

    A constant assigned to a name the notebook defines as a class, function or import is exploration
    (``Scale = None``) and is dropped too.
    """
    try:
        tree = ast.parse(cell)
    except SyntaxError:
        # Kept (so the student hears about the error) only if it seems to define something.
        defines = any(line.startswith(("class ", "def ", "import ", "from ")) for line in cell.splitlines())
        return cell if defines else ""
    lines = cell.splitlines()
    keep = [node for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom)) and _installed(node)
            or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            or isinstance(node, (ast.Assign, ast.AnnAssign)) and _is_constant(node.value)
            and not _assigned(node) & protected]
    return "\n".join(_span(node, lines) for node in keep)


def _installed(node: ast.Import | ast.ImportFrom) -> bool:
    """Whether the grading environment has what the import names: notebook-only tools (IPython, plotting
    libraries) are often missing there, and an import of them is exploration, not part of a class."""
    if isinstance(node, ast.ImportFrom):
        if node.level:
            return True
        modules = [node.module or ""]
    else:
        modules = [alias.name for alias in node.names]
    # Only the top-level package is looked up: finding it runs none of its code.
    return all(importlib.util.find_spec(name.split(".")[0]) is not None for name in modules)


def _is_constant(node: ast.AST | None) -> bool:
    if node is None:
        return True
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def code_from_notebook(text: str) -> str:
    """One Python module made of the notebook's definitions, cell after cell."""
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds for damaged JSON
        raise ValueError(str(exc)[:300]) from exc
    cells = []
    protected: set[str] = set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        source = _strip_magics(cell.source)
        if source is None:
            continue
        cells.append((index, source))
        try:
            protected |= _defined_names(ast.parse(source))
        except SyntaxError:
            pass
    parts = []
    for index, source in cells:
        code = _definitions(source, protected)
        if code.strip():
            parts.append(f"# --- cell {index + 1} ---\n{code}")
    return "\n\n".join(parts) + "\n"
