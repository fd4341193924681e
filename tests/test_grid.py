"""Declared configuration spaces: the covering set, the reference against the Keras twins on all of it,
and feedback that names the configurations that fail while the others keep their points."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import json
import tempfile
import zlib
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

import keras
from grader import checks, probes
from grader.checks.grid import contrast, Outcome
from conftest import EXERCISES, PACK
from grader.grade import grade_submissions
from grader.probes.grid import Space, factor
from grader.sandbox.pool import ExerciseRun
from conftest import assemble

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions" / "regularization"
GRIDDED = [e for e in EXERCISES if any(p.name == "grid" for p in probes.load(PACK)[e.name].probes)]
TWINS = {
    "L1": keras.regularizers.L1, "L2": keras.regularizers.L2, "L1L2": keras.regularizers.L1L2,
    "GaussianNoise": keras.layers.GaussianNoise, "Dropout": keras.layers.Dropout,
    "BatchNormalization": keras.layers.BatchNormalization, "LayerNormalization": keras.layers.LayerNormalization,
}


def _space(exercise: str) -> Space:
    return next(p.space for p in probes.load(PACK)[exercise].probes if p.name == "grid")


def test_every_exercise_declares_a_grid():
    assert {e.name for e in GRIDDED} == {e.name for e in EXERCISES}


@pytest.mark.parametrize("exercise", [e.name for e in GRIDDED])
def test_covering_set_holds_every_pair_of_levels_and_starts_plain(exercise):
    space = _space(exercise)
    chosen = space.configurations()
    assert chosen[0] == (0,) * len(space.factors)
    legal = [c for c in itertools.product(*(range(len(f.levels)) for f in space.factors))
             if space.allowed is None or space.allowed(space.values(c))]
    needed = set().union(*(space._pairs(c) for c in legal))
    covered = set().union(*(space._pairs(c) for c in chosen))
    assert needed <= covered
    assert len(chosen) < len(legal)


def test_covering_set_respects_what_is_allowed():
    space = Space((factor("a", ("1", 1), ("2", 2)), factor("b", ("1", 1), ("2", 2)), factor("c", ("x", 0), ("y", 1))),
                  allowed=lambda v: not (v["a"] == 2 and v["b"] == 2))
    assert all(not (c[0] == 1 and c[1] == 1) for c in space.configurations())


def test_contrast_names_the_separating_level_then_an_interaction():
    def outcome(dtype, data, fail):
        return Outcome({"dtype": dtype, "data": data}, "wrong" if fail else "")

    single = [outcome("float32", "plain", False), outcome("float64", "plain", True), outcome("float64", "offset", True),
              outcome("float32", "offset", False)]
    assert "fails whenever dtype is float64" in contrast(single)
    pair = [outcome("float32", "offset", True), outcome("float32", "offset", True), outcome("float64", "offset", False),
            outcome("float32", "plain", False), outcome("float64", "plain", False)]
    assert "fails whenever dtype is float32 and data is offset" in contrast(pair)
    alone = [outcome("float32", "offset", True), outcome("float64", "offset", False), outcome("float32", "plain", False)]
    assert contrast(alone) == "It fails on 1 of 3 configurations."


def _load(exercise):
    """The solution module, loaded without leaving its classes in Keras's registry of serializable classes
    (other tests load the same files under other module names and save models with them)."""
    from keras.src.saving import object_registration

    tables = [object_registration.GLOBAL_CUSTOM_OBJECTS, object_registration.GLOBAL_CUSTOM_NAMES]
    saved = [dict(t) for t in tables]
    filename = next(e.filename for e in EXERCISES if e.name == exercise)
    spec = importlib.util.spec_from_file_location(f"solution_{filename[:-3]}", SOLUTIONS / filename)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        for table, before in zip(tables, saved):
            table.clear()
            table.update(before)
    return module


def _grid_run(exercise, cls, module):
    probe = next(p for p in probes.load(PACK)[exercise].probes if p.name == "grid")
    ctx = probes.ProbeContext(cls=cls, module=module, rng=np.random.default_rng(zlib.crc32(b"grid")), tf=tf,
                              keras=keras, scratch=Path(tempfile.gettempdir()))
    keras.utils.set_random_seed(7)
    return ExerciseRun(exercise, observations={"grid": probe.func(ctx)})


@pytest.mark.parametrize("exercise", [e.name for e in GRIDDED])
def test_reference_agrees_with_the_keras_twin_on_the_whole_grid(exercise):
    """The Keras twin, judged by every grid check against the reference, passes everything."""
    module = _load(exercise)
    reference = _grid_run(exercise, getattr(module, exercise), module)
    twin = _grid_run(exercise, TWINS[exercise], module)
    assert not any("error" in case for case in reference.observations["grid"]["cases"])
    checkset = checks.checks_of(exercise)
    grid_checks = [c for c in checkset.checks if c.needs == ("grid",)]
    assert grid_checks
    for check in grid_checks:
        check.judge({"grid": twin.observations["grid"]}, {"grid": reference.observations["grid"]})


BN_AXIS_CRASH = '''
    def call(self, inputs, training=None):
        if self.axis != -1:
            raise ValueError("only the last axis is supported")
        return self._call(inputs, training)
'''


@pytest.fixture(scope="module")
def localized(tmp_path_factory):
    """Three BatchNormalization mistakes: a crash on axis != -1 only, the unbiased variance, and a frozen layer
    that still trains."""
    root = tmp_path_factory.mktemp("grid")
    crash = assemble(root / "axis_crash")
    text = (crash / "batchnorm.py").read_text()
    assert text.count("    def call(self, inputs, training=None):") == 1
    text = text.replace("    def call(self, inputs, training=None):", BN_AXIS_CRASH + "\n    def _call(self, inputs, training=None):")
    (crash / "batchnorm.py").write_text(text)
    unbiased = assemble(root / "unbiased", Path(__file__).parent / "corpus" / "wrong" / "bn_unbiased_variance")
    corpus_case = json_load(Path(__file__).parent / "corpus" / "wrong" / "bn_unbiased_variance" / "expect.json")
    for old, new in corpus_case["replace"]:
        path = unbiased / corpus_case["file"]
        path.write_text(path.read_text().replace(old, new))
    frozen = assemble(root / "frozen")
    text = (frozen / "batchnorm.py").read_text()
    assert text.count("if training and self.trainable:") == 1
    (frozen / "batchnorm.py").write_text(text.replace("if training and self.trainable:", "if training:"))
    results = grade_submissions([crash, unbiased, frozen], exercises=["BatchNormalization"])
    return dict(zip(("crash", "unbiased", "frozen"), (r.exercises[0] for r in results)))


def json_load(path):
    return json.loads(path.read_text())


def test_a_crash_on_some_configurations_keeps_the_points_of_the_rest(localized):
    bn = localized["crash"]
    output = next(c for c in bn.checks if c.name.startswith("training output"))
    assert 0 < output.score < output.max_score
    assert "axis=1" in output.feedback and "axis=-2" in output.feedback
    assert "only the last axis is supported" in output.feedback
    assert "batchnorm.py, line" in output.feedback
    assert bn.score > bn.max_score / 2


def test_a_mode_mistake_is_localized_to_its_mode(localized):
    """How the layer is called is a factor of the grid: ignoring trainable fails only the frozen configurations."""
    failed = {c.name: c for c in localized["frozen"].checks if not c.passed}
    assert set(failed) == {"a frozen layer (trainable=False) runs in inference mode"}
    feedback = failed["a frozen layer (trainable=False) runs in inference mode"].feedback
    assert "It fails on all" in feedback and "training and self.trainable" in feedback


def test_unbiased_variance_fails_only_the_checks_about_the_statistics(localized):
    """The outputs, their gradients and the moving statistics depend on the variance; nothing else does.
    (This corpus file also reads the static shape, which fails the unknown-batch check: its second mistake.)"""
    failed = {c.name for c in localized["unbiased"].checks if not c.passed and not c.advice}
    statistics = {"training output matches Keras on every configuration", "gradient w.r.t. the input matches Keras",
                  "gradients w.r.t. gamma and beta match Keras", "moving statistics after 1 and 3 training steps"}
    assert statistics <= failed
    assert failed - statistics == {"works with an unknown batch size inside tf.function"}


def test_one_cause_seen_by_two_checks_is_one_mistake_in_results(localized):
    """The unbiased variance shows in the output and in the moving variance, worded for each: results.json
    carries one cause for both, so class reports count it once."""
    from grader.report.gradescope import results_dict
    from grader.grade import GradingResult
    bn = localized["unbiased"]
    named = {c.name: c.mistake for c in bn.checks if c.mistake}
    output, moving = (named.get("training output matches Keras on every configuration"),
                      named.get("moving statistics after 1 and 3 training steps"))
    assert output and moving and output != moving
    tests = results_dict(GradingResult(submission="s", exercises=[bn]))["tests"]
    causes = {t["extra_data"].get("mistake_cause") for t in tests if t["extra_data"].get("mistake") in (output, moving)}
    assert causes == {"unbiased-variance"}
