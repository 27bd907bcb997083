"""generator.core.timings: the steps of a build's one-line breakdown."""

from __future__ import annotations

import time

import pytest

from generator.core.timings import Stopwatch


def test_steps_keep_their_first_order_and_add_up() -> None:
    watch = Stopwatch()
    watch.add("parse", 1.5)
    with watch.step("model"):
        time.sleep(0.02)
    watch.add("parse", 0.25)
    assert list(watch.laps) == ["parse", "model"]
    assert watch.laps["parse"] == 1.75
    assert 0.02 <= watch.laps["model"] < 1
    assert watch.line() == f"parse 1.75 s, model {watch.laps['model']:.2f} s"


def test_a_step_that_fails_is_timed_too() -> None:
    watch = Stopwatch()
    with pytest.raises(ValueError), watch.step("pages"):
        raise ValueError("boom")
    assert list(watch.laps) == ["pages"]
