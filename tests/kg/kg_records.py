"""PlanRecords for the kg tests, built without the extractor.

Why not `extract.extract_file`: the storage layer is tested on its own terms (every field of the record model, odd
characters, documents with and without units). `small_record()` is hand-written; `corpus_record(path)` reads a real
corpus plan with a few deliberately simple rules (numbered headings → sections/tasks, `(责任单位:…)` → units, clauses
with a year and a number → targets), which gives realistic sizes and text without depending on extraction quality.
When `extract.extract_file` exists, test_kg_roundtrip.py also round-trips its output.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Optional

from extract.record import DocumentInfo, PlanRecord, Section, Target, Task, UnitRef

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

SMALL_TEXT = (
    "测试区碳达峰实施方案\n"
    "一、主要目标\n"
    "到2025年,单位生产总值能耗比2020年下降14%。\n"
    "二、重点任务\n"
    "(一)能源\n"
    "1.发展光伏。到2025年,新增光伏装机\"50\"万千瓦} ; DROP ALL # \\u0022。(责任单位:区发展改革委、区经委等相关职能部门,各街镇)\n"
    "2.完善制度。“十四五”期间,完成节能审查制度修订。\n"
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return (i, i + len(needle))


def small_record(doc_id: str = "test-plan-2022", issuer: Optional[str] = "上海市测试区",
                 title: str = "测试区碳达峰实施方案") -> PlanRecord:
    """A hand-written record that uses every field of the model, with injection-looking text in it."""
    t = SMALL_TEXT
    line1 = _span(t, "1.发展光伏。到2025年,新增光伏装机\"50\"万千瓦} ; DROP ALL # \\u0022。(责任单位:区发展改革委、区经委等相关职能部门,各街镇)")
    unit_text = "区发展改革委、区经委等相关职能部门,各街镇"
    us = _span(t, unit_text)
    line2 = _span(t, "2.完善制度。“十四五”期间,完成节能审查制度修订。")
    doc = DocumentInfo(id=doc_id, title=title, issuer=issuer, published="2022-11-24", source="corpus/test.txt",
                       sha256=hashlib.sha256(t.encode()).hexdigest(), chars=len(t), year=2022)
    sections = [
        Section("1", "一、", "主要目标", None, _span(t, "一、主要目标"), 0, (_span(t, "一、主要目标")[0], _span(t, "二、")[0])),
        Section("2", "二、", "重点任务", None, _span(t, "二、重点任务"), 0, None),
        Section("2.1", "(一)", "能源", "2", _span(t, "(一)能源"), 1, None),
    ]
    tasks = [
        Task("2.1.1", "2.1", "发展光伏", line1, "1.", _span(t, "发展光伏"), unit_text, us, [
            UnitRef("区发展改革委", "lead", False, _span(t, "区发展改革委")),
            UnitRef("区经委", "support", False, _span(t, "区经委", us[0] + 3)),
            UnitRef("相关职能部门", "support", True, _span(t, "相关职能部门")),
            UnitRef("各街镇", "support", True, None),
        ], None, None, t[line1[0]:line1[1]]),
        Task("2.1.2", "2.1", "完善制度", line2, "2.", _span(t, "完善制度"), None, None, [], "2025-12-31", "“十四五”期间",
             t[line2[0]:line2[1]]),
    ]
    q1 = "到2025年,单位生产总值能耗比2020年下降14%"
    q2 = "到2025年,新增光伏装机\"50\"万千瓦} ; DROP ALL # \\u0022"
    q3 = "完成节能审查制度修订"
    targets = [
        Target("1/1", "1", q1, _span(t, q1), "单位生产总值能耗", 14, "%", "decrease_by", 2020, None, "2025-12-31",
               "到2025年", "quantitative"),
        Target("2.1.1/1", "2.1.1", q2, _span(t, q2), "光伏装机", 50.5, "万千瓦", ">=", None, None, "2025-12-31", "到2025年",
               "quantitative", hedge="力争"),
        Target("2.1.2/1", "2.1.2", q3, _span(t, q3), None, None, None, None, None, "2021-01-01", "2025-12-31",
               "“十四五”期间", "milestone", deadline_inherited=True, before=True),
    ]
    return PlanRecord(doc, t, sections, tasks, targets, ["第二条警告在后", "第一条警告\"引号\""])


# ---------------------------------------------------------------- corpus records (simple rules, not the extractor)

_ISSUERS = {"jiading": "上海市嘉定区", "shanghai": "上海市", "dazhou": "达州市", "chengdu": "成都市", "jiangsu": "江苏省生态环境厅",
            "wuhan": "武汉市"}
_CN = "一二三四五六七八九十"
_L0 = re.compile(rf"^([{_CN}]+)、")
_L1 = re.compile(rf"^[(（]([{_CN}]+)[)）]")
_L2 = re.compile(r"^(\d+)[.．、]")
_UNITS = re.compile(r"[(（［\[](?:牵头单位|责任单位|责任部门|责任处室)[:：]([^)）］\]]*)[)）］\]]")
_YEAR = re.compile(r"(20\d\d)\s*年")
_NUM = re.compile(r"(\d+(?:\.\d+)?)\s*(%|万千瓦|万吨|万平方米|万平米|个|家|座|辆|公里|亿元|吨|台|项)")


def _cn_ordinal(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN.index(s[1]) + 1
    if len(s) == 2 and s.endswith("十"):
        return (_CN.index(s[0]) + 1) * 10
    if len(s) == 3:
        return (_CN.index(s[0]) + 1) * 10 + _CN.index(s[2]) + 1
    return _CN.index(s) + 1


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def corpus_record(path: Path) -> PlanRecord:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    doc_id = path.stem.replace("_", "-")
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    sections: list[Section] = []
    tasks: list[Task] = []
    targets: list[Target] = []
    top = sub = None
    for start, line in lines:
        if not line.strip():
            continue
        span = (start, start + len(line))
        if m := _L0.match(line):
            top, sub = str(_cn_ordinal(m.group(1))), None
            sections.append(Section(top, m.group(0), line[m.end():].split("。")[0], None, span, 0, None))
        elif (m := _L1.match(line)) and top:
            sub = f"{top}.{_cn_ordinal(m.group(1))}"
            sections.append(Section(sub, m.group(0), line[m.end():].split("。")[0], top, span, 1, None))
        elif (m := _L2.match(line)) and (sub or top):
            parent = sub or top
            tid = f"{parent}.{m.group(1)}"
            if any(t.id == tid for t in tasks):
                continue  # numbering restarts inside a paragraph list: keep the first, ids must stay unique
            title = line[m.end():].split("。")[0]
            title_span = (start + m.end(), start + m.end() + len(title))
            task = Task(tid, parent, title, span, m.group(0), title_span, text=line)
            if um := _UNITS.search(line):
                task.unit_text, task.unit_span = um.group(1), (start + um.start(1), start + um.end(1))
                offset = um.start(1)
                for j, name in enumerate(re.split(r"[、,，；;]", um.group(1))):
                    name = name.strip()
                    at = line.find(name, offset) if name else -1
                    if at >= 0:
                        offset = at + len(name)
                        task.units.append(UnitRef(name, "lead" if j == 0 else "support",
                                                  name.startswith("各") or "相关" in name, (start + at, start + at + len(name))))
            tasks.append(task)
            n, last_year = 0, None
            for cm in re.finditer(r"[^,，。；;]+", line):
                clause = cm.group(0)
                year, num = _YEAR.search(clause), _NUM.search(clause)
                if year:
                    last_year = year
                if not num:
                    continue
                n += 1
                comparator = ("decrease_by" if "下降" in clause else "<=" if ("不高于" in clause or "以内" in clause)
                              else ">=" if ("不低于" in clause or "以上" in clause or "达到" in clause) else "=")
                base = re.search(r"比(20\d\d)\s*年", clause)
                targets.append(Target(
                    f"{tid}/{n}", tid, clause, (start + cm.start(), start + cm.end()), None, float(num.group(1)),
                    num.group(2), comparator, int(base.group(1)) if base else None, None,
                    f"{last_year.group(1)}-12-31" if last_year else None, last_year.group(0) if last_year else None,
                    "quantitative", deadline_inherited=bool(last_year) and not year))
    issuer = next((v for k, v in _ISSUERS.items() if path.stem.startswith(k)), None)
    title = text.split("\n", 1)[0].strip()
    doc = DocumentInfo(doc_id, title, issuer, "2022-11-24" if "jiading" in doc_id else None, f"corpus/{path.name}",
                       hashlib.sha256(raw).hexdigest(), len(text), None)
    return PlanRecord(doc, text, sections, tasks, targets, [] if tasks else ["未识别到编号任务"])


def big_record(doc_id: str = "big-plan", copies: int = 40, marker: str = "A") -> PlanRecord:
    """A large record (the Jiading plan's tasks and targets repeated `copies` times) for the crash test; `marker`
    goes into the title and the first warning so two versions are told apart."""
    base = corpus_record(CORPUS / "jiading_carbon_peak_plan_2022.txt")
    rec = PlanRecord(DocumentInfo(doc_id, f"大文档 {marker}", base.document.issuer, base.document.published,
                                  base.document.source, base.document.sha256, base.document.chars, 2022),
                     base.text, list(base.sections), [], [], [f"version {marker}"])
    for c in range(copies):
        for t in base.tasks:
            rec.tasks.append(Task(f"{c}.{t.id}", t.section, t.title, t.span, t.number, t.title_span, t.unit_text,
                                  t.unit_span, list(t.units), t.deadline, t.deadline_text, t.text))
        for g in base.targets:
            rec.targets.append(Target(f"{c}.{g.id}", f"{c}.{g.task}", g.quote, g.span, g.indicator, g.value, g.unit,
                                      g.comparator, g.baseline_year, g.period_start, g.deadline, g.deadline_text, g.kind))
    if marker != "A":
        rec.targets = rec.targets[: len(rec.targets) - 7]  # B differs in size too
    return rec
