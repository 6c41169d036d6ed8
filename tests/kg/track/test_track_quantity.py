"""Reported values against target values: scales, comparators, progress fractions — at every boundary."""
from __future__ import annotations

import pytest

from kg.track.quantity import achieved, comparable, meets, progress_fraction, split_scale, to_target_unit


@pytest.mark.parametrize("unit, expected", [
    ("万千瓦", (1e4, "千瓦")), ("亿元", (1e8, "元")), ("万亿元", (1e12, "元")), ("个", (1.0, "个")),
    ("万", (1e4, "")), ("万平米", (1e4, "平方米")), ("％", (1.0, "%")), (None, (1.0, "")), (" 万 吨 ", (1e4, "吨")),
])
def test_split_scale(unit, expected):
    assert split_scale(unit) == expected


def test_scales_convert_both_ways():
    assert to_target_unit(294000, "千瓦", "万千瓦") == pytest.approx(29.4)
    assert to_target_unit(29.4, "万千瓦", "千瓦") == pytest.approx(294000)
    assert to_target_unit(0.1, "亿元", "万元") == pytest.approx(1000)
    assert to_target_unit(35, "万平米", "万平方米") == 35
    assert to_target_unit(7, None, "座") == 7
    with pytest.raises(ValueError):
        to_target_unit(1, "个", "%")


def test_comparable():
    assert comparable(None, "个") and comparable("", "个") and comparable("万千瓦", "千瓦")
    assert not comparable("个", "%") and not comparable("吨", None)


@pytest.mark.parametrize("cmp, level, target, ok", [
    (">=", 6, 6, True), (">=", 5.999, 6, False), (">=", 7, 6, True),
    ("=", 6, 6, True), ("=", 7, 6, True), ("=", 5, 6, False),           # "=" is an amount to reach
    ("<=", 1.3, 1.3, True), ("<=", 1.31, 1.3, False), ("<=", 1.2, 1.3, True),
    ("decrease_by", 14, 14, True), ("decrease_by", 13.9, 14, False),
    ("increase_by", 5, 5, True), (None, 3, 3, True), (">=", None, 3, False), (">=", 3, None, False),
])
def test_meets_at_the_boundary(cmp, level, target, ok):
    assert meets(cmp, level, target) is ok


def test_float_noise_at_the_boundary_still_meets():
    assert meets(">=", 0.1 + 0.2, 0.3) and meets("<=", 0.1 + 0.2, 0.3)


def test_achieved_for_change_targets():
    assert achieved("decrease_by", 10, "%", "%") == 10  # the change itself
    assert achieved("decrease_by", 86, "吨", "%", baseline=100) == pytest.approx(14)  # a level with its baseline
    assert achieved("increase_by", 110, None, "%", baseline=100) == pytest.approx(10)
    assert achieved("decrease_by", 86, "吨", "%") is None  # a bare level: not comparable
    assert achieved("decrease_by", 86, "吨", "%", baseline=0) is None
    assert achieved(">=", 294000, "千瓦", "万千瓦") == pytest.approx(29.4)
    assert achieved(">=", 3, "个", "%") is None


def test_progress_fraction():
    assert progress_fraction(">=", 3, 6) == 0.5
    assert progress_fraction(">=", 9, 6) == 1.0
    assert progress_fraction("<=", 1.3, 1.3) == 1.0
    assert progress_fraction("<=", 2.6, 1.3) == pytest.approx(0.5)
    assert progress_fraction("<=", 0, 0) == 1.0
    assert progress_fraction(">=", 5, 0) == 1.0 and progress_fraction(">=", -1, 0) == 0.0
    assert progress_fraction(">=", None, 6) is None and progress_fraction(">=", 1, None) is None
