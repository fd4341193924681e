"""Autograder engine of the Keras course kit.

The folders follow the data flow: ``packs`` (the assignments: exercises, their
probes and checks), ``assign`` (solutions -> skeletons), ``load`` (a submission
-> source files), ``sandbox`` (worker processes that run the student's code),
``probes`` (what the worker observes), ``checks`` (verdicts, in the grader's own
process) and ``report`` (terminal, results.json). The engine names no exercise.
"""

from pathlib import Path

__version__ = "0.1.0"

KIT_ROOT = Path(__file__).resolve().parent.parent
"""The kit's top folder: solutions/, assignments/, datasets/ live here."""
