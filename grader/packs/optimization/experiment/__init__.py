"""The optimization experiment: the student's optimizers, initializers and random search, on the digits.

Three parts, each drawing one figure: the student's SGD (plain and with momentum), Adagrad, RMSprop and Adam
training the same network (comparison.png); the activations of a deep network at initialization with
N(0, 1), N(0, 0.01^2), the student's GlorotUniform and HeNormal weights, sigmoid and ReLU (activations.png);
a random search drawn by the student's sample_hyperparameters and narrowed by their narrow (search.png).

Modules, in the order the data flows: ``network`` (the shared setup, the variants, the networks and the
student's optimizers), ``train`` (the loss at every step, the search's trials), ``measures`` (the activation
probe), ``figures`` (the three PNGs), ``tables`` (results.csv, results.md), ``run`` (``run_experiment``, which
ties them together). Results are the dataclasses of ``results``. The student's code is imported from the
submission's text as in the first assignment's experiment (grader.packs.regularization.experiment.classes),
whose other shared pieces are reused too.

Example::

    from grader.packs.optimization.experiment import print_summary, run_experiment

    report = run_experiment("solutions/optimization", "docs/experiment_optimization")
    print_summary(report)
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow loads: no C++ start-up chatter

from grader.packs.optimization.experiment.network import SETUP, VARIANTS, Setup, Variant
from grader.packs.optimization.experiment.results import (ActivationResult, OptimizationReport, OptimizerResult,
                                                          SearchResult, SkippedVariant, Trial)
from grader.packs.optimization.experiment.run import print_summary, run_experiment

__all__ = ["SETUP", "VARIANTS", "ActivationResult", "OptimizationReport", "OptimizerResult", "SearchResult", "Setup",
           "SkippedVariant", "Trial", "Variant", "print_summary", "run_experiment"]
