"""This kit against another checkout of it (e.g. the commit before a change), alternated in one run.

Grades the reference solutions once and a class of N distinct copies with each kit, in turn, and prints
the seconds and the ratio this/other. Both kits run with this Python, each from its own folder.

Run: python bench/compare_kits.py --other /path/to/other/checkout [--copies 12] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(cwd)})
    return time.perf_counter() - started


def _klass(solutions: Path, root: Path, copies: int) -> Path:
    klass = root / "class"
    for index in range(copies):
        student = klass / f"student{index:03d}"
        shutil.copytree(solutions, student)
        for path in student.glob("*.py"):  # distinct contents, as in a real class
            path.write_text(path.read_text() + f"# student {index}\n")
    return klass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the other checkout of the kit")
    parser.add_argument("--copies", type=int, default=12, help="class size (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=2, help="alternated runs; medians count (default: %(default)s)")
    args = parser.parse_args()
    kits = {"this": ROOT, "other": args.other.resolve()}
    python = sys.executable
    times: dict[str, dict[str, list[float]]] = {name: {"one": [], "class": []} for name in kits}
    with tempfile.TemporaryDirectory() as tmp:
        klass = _klass(ROOT / "solutions" / "regularization", Path(tmp), args.copies)
        for name, kit in kits.items():  # warm each kit's reference cache
            _timed([python, "-m", "grader", "grade", str(kit / "solutions" / "regularization")], kit)
        for _ in range(args.repeat):
            for name, kit in kits.items():
                times[name]["one"].append(_timed([python, "-m", "grader", "grade", str(kit / "solutions" / "regularization")], kit))
                out = Path(tmp) / f"out-{name}-{len(times[name]['class'])}"
                times[name]["class"].append(_timed([python, "-m", "grader", "grade-class", str(klass), "--out", str(out)], kit))
    median = {name: {k: statistics.median(v) for k, v in t.items()} for name, t in times.items()}
    print(f"cores: {os.cpu_count()}, class of {args.copies}, medians of {args.repeat} alternated runs")
    for what in ("one", "class"):
        this, other = median["this"][what], median["other"][what]
        print(f"{'grade one' if what == 'one' else 'grade-class':12s} this {this:7.2f} s   other {other:7.2f} s   this/other {this / other:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
