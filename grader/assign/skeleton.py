"""Render, write and verify the student skeletons and the notebook built from them."""

from __future__ import annotations

import ast
from pathlib import Path

from grader.assign.markers import MarkerError, Region, find_regions
from grader.assign.workbook import render_notebook
from grader.fileio import write_text_atomic
from grader.packs import Pack


def _qualnames(tree: ast.AST) -> list[tuple[int, int, str]]:
    """(first line, last line, qualified name) of every function, classes included in the name."""
    spans: list[tuple[int, int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    spans.append((child.lineno, child.end_lineno or child.lineno, name))
                visit(child, name + ".")

    visit(tree, "")
    return spans


def _where(spans: list[tuple[int, int, str]], line: int) -> str:
    inside = [s for s in spans if s[0] <= line <= s[1]]
    return max(inside, key=lambda s: s[0])[2] if inside else "this part"


def render_skeleton(text: str, path: Path | str = "<text>") -> str:
    """Replace each solution region of ``text`` by a stub that raises NotImplementedError."""
    regions = find_regions(text, path)
    try:
        spans = _qualnames(ast.parse(text, filename=str(path)))
    except SyntaxError as exc:
        raise MarkerError(path, exc.lineno or 0, f"the solution itself is not valid Python: {exc.msg}") from exc
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    cursor = 1
    for region in regions:
        out.extend(lines[cursor - 1 : region.begin - 1])
        out.append(_stub(region, _where(spans, region.begin)))
        cursor = region.end + 1
    out.extend(lines[cursor - 1 :])
    skeleton = "".join(out)
    try:
        compile(skeleton, str(path), "exec")
    except SyntaxError as exc:
        raise MarkerError(path, exc.lineno or 0, f"the skeleton would not be valid Python: {exc.msg}") from exc
    return skeleton


def _stub(region: Region, where: str) -> str:
    return f'{region.indent}raise NotImplementedError("{where} is not written yet: see the TODO above")\n'


def render_skeletons(solutions: Path) -> dict[str, str]:
    """File name -> skeleton text, for every ``.py`` file of ``solutions``."""
    files = sorted(p for p in Path(solutions).glob("*.py"))
    if not files:
        raise FileNotFoundError(f"No solution files: expected *.py files in {solutions}. Received: an empty folder")
    return {p.name: render_skeleton(p.read_text(encoding="utf-8"), p) for p in files}


def render_assignments(pack: Pack, solutions: Path | None = None) -> dict[str, str]:
    """File name -> text of every file ``assign`` writes for ``pack``: the skeletons and the notebook built
    from them. ``solutions``: default the pack's."""
    solutions = pack.solutions if solutions is None else Path(solutions)
    skeletons = render_skeletons(solutions)
    return {**skeletons, pack.notebook_name: render_notebook(pack, skeletons, solutions)}


def write_assignments(pack: Pack, solutions: Path | None = None, out: Path | None = None) -> list[Path]:
    """Write the skeletons and the notebook into ``out`` (default: the pack's assignments/ folder); return
    the files that changed."""
    rendered = render_assignments(pack, solutions)
    out = pack.assignments if out is None else Path(out)
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in rendered.items():
        target = out / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_text_atomic(target, text)
            changed.append(target)
    return changed


def check_assignments(pack: Pack, solutions: Path | None = None, out: Path | None = None) -> list[str]:
    """Problems that make ``out`` (default: the pack's assignments/ folder) stale; empty when it matches what
    ``assign`` would write."""
    rendered = render_assignments(pack, solutions)
    out = pack.assignments if out is None else Path(out)
    problems = []
    for name, text in rendered.items():
        target = out / name
        if not target.exists():
            problems.append(f"{target}: missing")
        elif target.read_text(encoding="utf-8") != text:
            problems.append(f"{target}: differs from what the solutions generate")
    if out.is_dir():
        for extra in sorted(out.glob("*.py")):
            if extra.name not in rendered:
                problems.append(f"{extra}: has no solution file it is generated from")
    return problems
