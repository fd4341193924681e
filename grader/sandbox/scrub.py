"""Feedback shows the student's own code only: no path of the grader, its environment or the machine."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from grader import KIT_ROOT
from grader.settings import SUBMISSION_MOUNT

# A traceback line: the student's keeps its file name and line, any other one goes.
_FRAME = re.compile(r'\s*File "([^"]+)", line (\d+)(, in [^\n]*)?\n?(    [^\n]*\n?)?')
_PATH = re.compile(r"(/[\w.\-+@~]+)+/?")


def _private_roots() -> tuple[str, ...]:
    roots = {str(KIT_ROOT), sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path.home())}
    return tuple(sorted((r for r in roots if r and r != "/"), key=len, reverse=True))


def scrub(text: str) -> str:
    """``text`` with frames outside the student's files removed and other absolute paths shortened."""
    if not text:
        return text

    def frame(match: re.Match) -> str:
        path = match.group(1)
        if path.startswith(SUBMISSION_MOUNT + "/"):
            return f" ({Path(path).name}, line {match.group(2)}) "
        return " "

    text = _FRAME.sub(frame, text)
    roots = _private_roots()

    def path(match: re.Match) -> str:
        found = match.group(0)
        if found.startswith(SUBMISSION_MOUNT + "/"):
            return Path(found).name
        if found.startswith(roots) or "site-packages" in found or "/grader/" in found:
            return "…"
        return found

    return _PATH.sub(path, text)
