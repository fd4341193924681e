"""Grading speed, as ratios that carry across machines.

R1 = time to grade one submission / time of `import tensorflow` (fresh processes, reference cache warm)
R2 = time to grade a class of N copies (each made distinct) / (N x R1's numerator)

Goals on 2 cores: R1 <= 1.3, R2 <= 0.15.  Run: python bench/speed.py [--copies N]
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


def timed(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=12, help="class size for R2 (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median counts (default: %(default)s)")
    args = parser.parse_args()
    python = sys.executable
    solutions = str(ROOT / "solutions" / "regularization")
    subprocess.run([python, "-m", "grader", "grade", solutions], cwd=ROOT, check=True, capture_output=True)  # warm cache
    tf = timed([python, "-c", "import tensorflow"], args.repeat)
    one = timed([python, "-m", "grader", "grade", solutions], args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        klass = Path(tmp) / "class"
        for index in range(args.copies):
            student = klass / f"student{index:03d}"
            shutil.copytree(solutions, student)
            for path in student.glob("*.py"):  # distinct contents, as in a real class
                path.write_text(path.read_text() + f"# student {index}\n")
        started = time.perf_counter()
        subprocess.run([python, "-m", "grader", "grade-class", str(klass), "--out", str(Path(tmp) / "out")],
                       cwd=ROOT, check=True, capture_output=True)
        klass_seconds = time.perf_counter() - started
    print(f"cores: {os.cpu_count()}")
    print(f"import tensorflow:        {tf:6.2f} s")
    print(f"grade one submission:     {one:6.2f} s")
    print(f"grade a class of {args.copies:3d}:     {klass_seconds:6.2f} s  ({klass_seconds / args.copies:.2f} s per student)")
    print(f"R1 = one / import tf      = {one / tf:.2f}   (goal <= 1.3)")
    print(f"R2 = class / (N x one)    = {klass_seconds / (args.copies * one):.3f}  (goal <= 0.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
