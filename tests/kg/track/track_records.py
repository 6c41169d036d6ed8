"""Plans for the tracking tests: a small hand-written plan whose targets cover every rule, and the real Jiading plan.

Why hand-written: status rules are about dates and comparators, so the test plan pins them exactly — a leap-day
deadline, a period start, every comparator (>=, =, <=, decrease_by), a milestone, a target without a deadline, a
task without targets, a section-owned target, units with aliases and a collective token. The Jiading plan (through
the real extractor, once per process) is used where realistic size matters.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Optional

from extract.record import DocumentInfo, PlanRecord, Section, Target, Task, UnitRef

REPO = Path(__file__).resolve().parents[3]
JIADING = REPO / "corpus" / "jiading_carbon_peak_plan_2022.txt"
JIADING_ID = "jiading-carbon-peak-plan-2022"

TEXT = (
    "测试区碳达峰实施方案\n"
    "一、主要目标\n"
    "到2025年,单位生产总值能耗比2020年下降14%。\n"
    "二、重点任务\n"
    "(一)能源\n"
    "1.发展光伏。“十四五”期间,新增光伏装机29.4万千瓦;到2025年,数据中心PUE不高于1.3。(责任单位:区发展改革委、区经委、各街镇)\n"
    "2.建设站点。2024年2月底前,建成加氢站不少于6座,建成示范区。(责任单位:区经委、区建管委)\n"
    "3.完善制度。2025年6月底前,完成制度修订。(责任单位:区生态环境局)\n"
    "4.循环农业。创建示范基地10个。(责任单位:区农业农村委、区经委)\n"
)


def _span(needle: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(needle, start)
    return (i, i + len(needle))


def _line(head: str) -> tuple[int, int]:
    s = TEXT.index(head)
    return (s, TEXT.index("\n", s))


def _units(*names: str) -> list[UnitRef]:
    out = []
    for i, n in enumerate(names):
        out.append(UnitRef(n, "lead" if i == 0 else "support", n.startswith("各"), None))
    return out


def _target(tid: str, task: str, quote: str, *, value=None, unit=None, comparator=None, baseline_year=None,
            period_start=None, deadline=None, kind="quantitative") -> Target:
    return Target(tid, task, quote, _span(quote), None, value, unit, comparator, baseline_year, period_start,
                  deadline, None, kind)


def small_plan(doc_id: str = "track-test-plan", published: Optional[str] = "2022-11-24") -> PlanRecord:
    """The rules plan. Target ids and what they test:
    2/1      decrease_by 14 % (baseline 2020), due 2025-12-31, owned by section 2 (no units)
    2.1.1/1  = 29.4 万千瓦, period 2021-01-01..2025-12-31            (scales: 294000 千瓦 meets it)
    2.1.1/2  <= 1.3 (no unit), due 2025-12-31                        (a ceiling)
    2.1.2/1  >= 6 座, period 2023-03-01..2024-02-29                  (leap day deadline; 366-day path)
    2.1.2/2  milestone, due 2024-02-29
    2.1.4/1  = 10 个, no deadline                                     (never overdue)
    task 2.1.3: no targets, task deadline 2025-06-30."""
    t = TEXT
    doc = DocumentInfo(doc_id, "测试区碳达峰实施方案", "上海市测试区", published, "tests/track.txt",
                       hashlib.sha256(t.encode()).hexdigest(), len(t), 2022)
    sections = [
        Section("1", "一、", "主要目标", None, _span("一、主要目标"), 0),
        Section("2", "二、", "重点任务", None, _span("二、重点任务"), 0),
        Section("2.1", "(一)", "能源", "2", _span("(一)能源"), 1),
    ]
    tasks = [
        Task("2.1.1", "2.1", "发展光伏", _line("1.发展光伏"), "1.", units=_units("区发展改革委", "区经委", "各街镇")),
        Task("2.1.2", "2.1", "建设站点", _line("2.建设站点"), "2.", units=_units("区经委", "区建管委")),
        Task("2.1.3", "2.1", "完善制度", _line("3.完善制度"), "3.", units=_units("区生态环境局"),
             deadline="2025-06-30", deadline_text="2025年6月底前"),
        Task("2.1.4", "2.1", "循环农业", _line("4.循环农业"), "4.", units=_units("区农业农村委", "区经委")),
    ]
    for task in tasks:
        task.text = t[task.span[0]:task.span[1]]
    targets = [
        _target("2/1", "2", "到2025年,单位生产总值能耗比2020年下降14%", value=14, unit="%", comparator="decrease_by",
                baseline_year=2020, deadline="2025-12-31"),
        _target("2.1.1/1", "2.1.1", "新增光伏装机29.4万千瓦", value=29.4, unit="万千瓦", comparator="=",
                period_start="2021-01-01", deadline="2025-12-31"),
        _target("2.1.1/2", "2.1.1", "数据中心PUE不高于1.3", value=1.3, unit=None, comparator="<=", deadline="2025-12-31",
                kind="standard"),
        _target("2.1.2/1", "2.1.2", "建成加氢站不少于6座", value=6, unit="座", comparator=">=",
                period_start="2023-03-01", deadline="2024-02-29"),
        _target("2.1.2/2", "2.1.2", "建成示范区", deadline="2024-02-29", kind="milestone"),
        _target("2.1.4/1", "2.1.4", "创建示范基地10个", value=10, unit="个", comparator="="),
    ]
    return PlanRecord(doc, t, sections, tasks, targets)


TARGET_IDS = ("2/1", "2.1.1/1", "2.1.1/2", "2.1.2/1", "2.1.2/2", "2.1.4/1")


@functools.lru_cache(maxsize=1)
def jiading_record() -> PlanRecord:
    """The Jiading plan through the real extractor (about 8 s; once per process)."""
    from extract import extract_file
    return extract_file(str(JIADING))
