"""Notebook submissions: the class definitions are taken from the code cells with nbformat, no kernel.

IPython magics (%...), shell lines (!...) and cell magics (%%...) are dropped. A cell that does not parse
is dropped too, and remembered with the classes it seems to define: those exercises, and only those, fail
with the cell's syntax error. Every line of the module is mapped back to its cell, so messages can cite
"cell 7, line 3" instead of a line of a file the student never saw. Top-level code other than
imports, definitions and simple constants (exploration, training runs, plots) is dropped too, as are
imports of packages the grading environment lacks (IPython, plotting libraries), so it can
neither break grading nor change it: only what defines the classes is kept.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from dataclasses import dataclass, field

_CLASS = re.compile(r"^class\s+([A-Za-z_]\w*)", re.MULTILINE)


@dataclass(frozen=True)
class BrokenCell:
    cell: int
    """1-based position of the cell in the notebook."""
    error: str
    """The syntax error, placed in the cell: ``SyntaxError: invalid syntax (cell 7, line 3)``."""
    classes: tuple[str, ...]
    """The classes the cell seems to define: the exercises it costs."""


@dataclass(frozen=True)
class NotebookCode:
    text: str
    """One Python module made of the notebook's definitions, cell after cell."""
    lines: tuple[tuple[int, int], ...] = ()
    """For each line of ``text``: (cell, line within the cell); (0, 0) for a line the kit added."""
    broken: tuple[BrokenCell, ...] = field(default=())

    def place(self, line: int) -> str | None:
        """``cell C, line L`` for line ``line`` (1-based) of ``text``, if it came from a cell."""
        if 1 <= line <= len(self.lines) and self.lines[line - 1][0]:
            cell, within = self.lines[line - 1]
            return f"cell {cell}, line {within}"
        return None


def _strip_magics(source: str) -> str | None:
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        return None  # a cell magic runs the whole cell in another language or mode
    # Blank rather than delete, so the line numbers in feedback match the cell.
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)


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


def _definitions(cell: str, protected: set[str]) -> list[tuple[int, int]]:
    """The (first, last) line spans of a cell's imports, functions, classes and constant assignments:
    nothing that runs work. ``cell`` parses.

    A constant assigned to a name the notebook defines as a class, function or import is exploration
    (``Scale = None``) and is dropped too.
    """
    tree = ast.parse(cell)
    keep = [node for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom)) and _installed(node)
            or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            or isinstance(node, (ast.Assign, ast.AnnAssign)) and _is_constant(node.value)
            and not _assigned(node) & protected]
    return [(min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))]), node.end_lineno)
            for node in keep]


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


def read_notebook(text: str) -> NotebookCode:
    """The notebook's definitions as one module, each line mapped to its cell, and the cells that do not parse."""
    import nbformat  # here: reading a folder of .py files should not pay for it

    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds for damaged JSON
        raise ValueError(str(exc)[:300]) from exc
    cells: list[tuple[int, str]] = []
    broken: list[BrokenCell] = []
    protected: set[str] = set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        source = _strip_magics(cell.source)
        if source is None:
            continue
        try:
            protected |= _defined_names(ast.parse(source))
        except SyntaxError as exc:
            where = f"cell {index + 1}, line {exc.lineno}" if exc.lineno else f"cell {index + 1}"
            broken.append(BrokenCell(index + 1, f"SyntaxError: {exc.msg} ({where})", tuple(_CLASS.findall(source))))
            continue
        cells.append((index + 1, source))
    out: list[str] = []
    lines: list[tuple[int, int]] = []
    for number, source in cells:
        spans = _definitions(source, protected)
        if not spans:
            continue
        cell_lines = source.splitlines()
        if out:
            out.append("")
            lines.append((0, 0))
        out.append(f"# --- cell {number} ---")
        lines.append((0, 0))
        for first, last in spans:
            for line in range(first, last + 1):
                out.append(cell_lines[line - 1])
                lines.append((number, line))
    return NotebookCode("\n".join(out) + "\n", tuple(lines), tuple(broken))


def code_from_notebook(text: str) -> str:
    """One Python module made of the notebook's definitions, cell after cell."""
    return read_notebook(text).text
