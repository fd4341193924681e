"""Hidden regions: ``# BEGIN HIDDEN`` ... ``# END HIDDEN`` in grader/checks and grader/probes.

What sits inside is graded but never shipped to students: the release bundle keeps the file without
those lines. A region holds whole statements, so the stripped file is still valid Python.
"""

from __future__ import annotations

import ast
from pathlib import Path

BEGIN = "# BEGIN HIDDEN"
END = "# END HIDDEN"


class HiddenMarkerError(ValueError):
    """Hidden markers that cannot be stripped safely; the message names the file and line."""


def hidden_lines(text: str, path: Path | str = "<text>") -> set[int]:
    """1-based numbers of the lines inside hidden regions, markers included."""
    inside: set[int] = set()
    open_at: int | None = None
    indent = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        squashed = stripped.upper().replace(" ", "")
        if stripped not in (BEGIN, END):
            if squashed.startswith("#") and ("BEGINHIDDEN" in squashed or "ENDHIDDEN" in squashed):
                raise HiddenMarkerError(f"{path}:{number}: malformed marker {stripped!r}: expected {BEGIN!r} or {END!r}")
            if open_at is not None:
                inside.add(number)
            continue
        if stripped == BEGIN:
            if open_at is not None:
                raise HiddenMarkerError(f"{path}:{number}: {BEGIN!r} inside the region opened at line {open_at}")
            open_at, indent = number, line[: len(line) - len(line.lstrip())]
            inside.add(number)
            continue
        if open_at is None:
            raise HiddenMarkerError(f"{path}:{number}: {END!r} without a matching {BEGIN!r}")
        if line[: len(line) - len(line.lstrip())] != indent:
            raise HiddenMarkerError(f"{path}:{number}: {END!r} is indented differently from its {BEGIN!r} at line {open_at}")
        inside.add(number)
        open_at = None
    if open_at is not None:
        raise HiddenMarkerError(f"{path}:{open_at}: {BEGIN!r} is never closed by {END!r}")
    return inside


def strip_hidden(text: str, path: Path | str = "<text>") -> str:
    """``text`` without its hidden regions; raises HiddenMarkerError if the rest is not valid Python."""
    inside = hidden_lines(text, path)
    if not inside:
        return text
    kept = [line for number, line in enumerate(text.splitlines(keepends=True), start=1) if number not in inside]
    stripped = "".join(kept)
    try:
        ast.parse(stripped, filename=str(path))
    except SyntaxError as exc:
        raise HiddenMarkerError(f"{path}:{exc.lineno}: without its hidden regions the file is not valid Python "
                                f"({exc.msg}): a region must hold whole statements") from exc
    return stripped
