"""The overfitting experiment: one deep network on 300 digits, without and with each regularization.

Modules, in the order the data flows: ``classes`` (the student's classes, imported from the
submission's text), ``network`` (the shared setup, the variants, the network), ``train`` (the fit and
the accuracies per epoch), ``figures`` (learning-curve PNGs), ``tables`` (results.csv, results.md),
``run`` (``run_experiment``, which ties them together). Results are the dataclasses of ``results``.

Example::

    from grader.packs.regularization.experiment import print_summary, run_experiment

    report = run_experiment("solutions/regularization", "docs/experiment")
    print_summary(report)
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow loads: no C++ start-up chatter

from grader.packs.regularization.experiment.network import SETUP, VARIANTS, Setup, Variant
from grader.packs.regularization.experiment.results import ExperimentReport, SkippedVariant, VariantResult
from grader.packs.regularization.experiment.run import print_summary, run_experiment

__all__ = ["SETUP", "VARIANTS", "ExperimentReport", "Setup", "SkippedVariant", "Variant", "VariantResult",
           "print_summary", "run_experiment"]
