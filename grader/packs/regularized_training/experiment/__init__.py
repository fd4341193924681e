"""The regularized-training experiment: the first assignment's overfitting network on 300 digits, trained
plainly and with each of the student's techniques (early stopping, MixUp, CutMix, random erasing, label
smoothing, adversarial training), then measured: validation accuracy, calibration, accuracy under FGSM.

Modules, in the order the data flows: ``network`` (the shared setup, the variants, what each trains),
``train`` (the batches, the fit, the accuracies per epoch), ``measures`` (calibration, the FGSM attack),
``figures`` (comparison.png, fgsm_attack.png, calibration.png), ``tables`` (results.csv, results.md),
``run`` (``run_experiment``, which ties them together). Results are the dataclasses of ``results``. The
student's classes are imported from the submission's text as in the first assignment's experiment
(grader.packs.regularization.experiment.classes), whose other shared pieces are reused too.

Example::

    from grader.packs.regularized_training.experiment import print_summary, run_experiment

    report = run_experiment("solutions/regularized_training", "docs/experiment_training")
    print_summary(report)
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # before TensorFlow loads: no C++ start-up chatter

from grader.packs.regularized_training.experiment.network import SETUP, VARIANTS, Setup, Variant
from grader.packs.regularized_training.experiment.results import SkippedVariant, TrainingReport, TrainingResult
from grader.packs.regularized_training.experiment.run import print_summary, run_experiment

__all__ = ["SETUP", "VARIANTS", "Setup", "SkippedVariant", "TrainingReport", "TrainingResult", "Variant",
           "print_summary", "run_experiment"]
