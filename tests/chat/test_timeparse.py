"""Time in questions, relative to the asker's date."""
from __future__ import annotations

from datetime import date

import pytest

from chat.timeparse import parse_time

TODAY = date(2025, 4, 10)


@pytest.mark.parametrize("q,year", [
    ("到2025年要完成哪些指标", 2025), ("2030年前要完成的指标", 2030), ("“十四五”期间要完成哪些", 2025),
    ("到“十五五”末", 2030), ("十四五期间新建加氢站", 2025), ("今年需要完成哪些指标", 2025), ("明年底前", 2026),
    ("去年", 2024), ("2025年底前需要完成", 2025), ("二〇三〇年", 2030),
])
def test_year_bounds(q, year):
    assert parse_time(q, TODAY).year == year


def test_dates_and_now():
    t = parse_time("截至2026年1月15日，有哪些指标逾期未完成？", TODAY)
    assert t.date == date(2026, 1, 15) and t.year == 2026
    assert parse_time("2026-01-02 前", TODAY).date == date(2026, 1, 2)
    assert parse_time("2026年6月底前", TODAY).date == date(2026, 6, 30)
    assert parse_time("到今天为止有逾期的吗", TODAY).now
    assert parse_time("现在有没有逾期的指标", TODAY).now


def test_baseline_year_is_not_a_deadline():
    t = parse_time("单位生产总值能耗比2020年要下降多少？", TODAY)
    assert t.year is None and t.baseline_year == 2020


def test_spans_point_into_the_question():
    q = "区经委到2025年要完成哪些指标？"
    (s, e), = parse_time(q, TODAY).spans
    assert q[s:e] == "2025年"
