"""Solution markers: ``# BEGIN SOLUTION`` ... ``# END SOLUTION``.

Each region must sit right after a comment block that starts with ``# TODO:``;
that comment stays in the skeleton and tells the student what to compute, the
region itself becomes ``raise NotImplementedError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
TODO = "# TODO:"


class MarkerError(ValueError):
    """A solution file whose markers cannot be turned into a skeleton."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.path = Path(path)
        self.line = line
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class Region:
    begin: int
    """1-based line number of the BEGIN marker."""
    end: int
    """1-based line number of the END marker."""
    indent: str
    """Indentation of the BEGIN marker, used for the stub."""


def _marker(line: str) -> str | None:
    stripped = line.strip()
    if stripped in (BEGIN, END):
        return stripped
    # Near misses are typos that would silently leak a solution.
    upper = stripped.upper().replace(" ", "")
    if upper.startswith("#") and ("BEGINSOLUTION" in upper or "ENDSOLUTION" in upper):
        return "malformed"
    return None


def find_regions(text: str, path: Path | str = "<text>") -> list[Region]:
    """Return the solution regions of ``text``, or raise MarkerError naming the file and line."""
    lines = text.splitlines()
    regions: list[Region] = []
    open_at: int | None = None
    for number, line in enumerate(lines, start=1):
        kind = _marker(line)
        if kind is None:
            continue
        if kind == "malformed":
            raise MarkerError(
                path, number, f"malformed solution marker {line.strip()!r}: expected {BEGIN!r} or {END!r}"
            )
        if kind == BEGIN:
            if open_at is not None:
                raise MarkerError(
                    path, number, f"{BEGIN!r} inside the region opened at line {open_at}: regions cannot nest"
                )
            open_at = number
            continue
        if open_at is None:
            raise MarkerError(path, number, f"{END!r} without a matching {BEGIN!r}")
        begin_line = lines[open_at - 1]
        indent = begin_line[: len(begin_line) - len(begin_line.lstrip())]
        if not line.startswith(indent) or line[len(indent)] in " \t":
            raise MarkerError(path, number, f"{END!r} is indented differently from its {BEGIN!r} at line {open_at}")
        if number == open_at + 1:
            raise MarkerError(path, open_at, "empty solution region")
        _require_todo(lines, open_at, indent, path)
        regions.append(Region(open_at, number, indent))
        open_at = None
    if open_at is not None:
        raise MarkerError(path, open_at, f"{BEGIN!r} is never closed by {END!r}")
    return regions


def _require_todo(lines: list[str], begin: int, indent: str, path: Path | str) -> None:
    """The comment block right above a region must start with '# TODO:'."""
    index = begin - 2
    first_comment = None
    while index >= 0 and lines[index].strip().startswith("#") and lines[index].startswith(indent):
        first_comment = lines[index].strip()
        index -= 1
    if first_comment is None or not first_comment.startswith(TODO):
        raise MarkerError(
            path,
            begin,
            f"the solution region has no {TODO!r} comment right above it: the skeleton would not tell "
            "the student what to compute",
        )
