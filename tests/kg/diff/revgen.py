"""Revision generator: known edits to a plan text, and the diff that those edits must produce.

The plan is edited as a tree (revgen_model.PlanModel) and rendered with fresh numbering; every node remembers its old
id, so after rendering we know exactly which old task became which new one, which were added or removed, and — from
the edits recorded on the nodes — the typed changes a correct diff lists.

Edits (one per slot — title, body, units — of a task, so a task can get a new title and a new value at once):
structure — swap two sibling sections (renumbering them and all their tasks), insert a new section (renumbering the
later ones), remove a section, move a task to another section, add a task (from another city's plan), remove a task;
content — reword a task or section title, reword a phrase, delete a sentence, append a quantified sentence, change a
target's value, its unit of measure (with the value rescaled), its deadline, its comparator, a value of a section
without tasks (二、主要目标), add / remove a responsible unit or swap the lead; and over the whole text, reflow
formatting (full-width punctuation, OCR spaces, a line broken mid-sentence, full-width number labels), which must be
counted and never listed.

Expected change keys (compared with the diff's `changes`):
    ("target_value", old_task, new_task, old_target_id, new_value, new_unit)
    ("deadline", old_task, new_task, old_target_id, new_iso_date)
    ("responsible_units", old_task, new_task)
    ("text", old_task, new_task, field)            field = "title" | "text"
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any, Optional

from extract.record import PlanRecord

from revgen_model import ROOT, PlanModel, SectionNode, TaskNode


@dataclass
class Expected:
    pairs: dict[str, str]  # old task id → new task id
    added: list[str]
    removed: list[str]
    statuses: dict[str, str]  # old task id → status
    changes: list[tuple]
    section_pairs: dict[str, str]


@dataclass
class Revision:
    old_text: str
    new_text: str
    expected: Expected
    log: list[str]


# -- edit vocabularies ------------------------------------------------------------------------------------------------
TITLE_SWAPS = [("大力", "全力"), ("加快", "加速"), ("推进", "推动"), ("推动", "促进"), ("持续", "不断"), ("加强", "强化"),
               ("强化", "加强"), ("积极", "主动"), ("构建", "建设"), ("深入", "全面"), ("完善", "健全"), ("提升", "提高"),
               ("合理", "科学"), ("坚决", "严格"), ("引导", "推动"), ("打造", "构建"), ("巩固", "稳固")]
BODY_SWAPS = [("加快", "加速"), ("积极", "主动"), ("持续", "不断"), ("深入", "全面"), ("完善", "健全"),
              ("提升", "提高"), ("鼓励", "支持"), ("探索", "研究"), ("逐步", "稳步")]
UNIT_SWAPS = {"万千瓦": ("千瓦", 10000), "万平方米": ("平方米", 10000), "公里": ("千米", 1), "亿元": ("万元", 10000),
              "万吨标准煤": ("吨标准煤", 10000), "座": ("个", 1)}
CMP_SWAPS = [("不少于", "不超过"), ("不低于", "不高于"), ("不高于", "不低于"), ("超过", "不超过")]
CMP_OF = {"不少于": ">=", "不低于": ">=", "超过": ">=", "不高于": "<="}


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.6f}".rstrip("0").rstrip(".")


def _ann_bounds(content: str) -> Optional[tuple[int, int]]:
    m = re.search(r"[(（]责任单位[:：]([^()（）]*)[)）]\s*$", content)
    return (m.start(1), m.end(1)) if m else None


def _free(node: TaskNode, start: int, end: int) -> bool:
    """True when [start, end) overlaps no target quote and not the annotation."""
    ann = _ann_bounds(node.content)
    if ann and end > ann[0] - 6:
        return False
    return all(end <= s or start >= e for s, e in node.offsets)


class Generator:
    """Applies a random mix of edits (seeded) to the plan and records what the diff must find."""

    def __init__(self, record: PlanRecord, foreign: list[str], seed: int):
        self.record = record
        self.model = PlanModel(record)
        self.rng = random.Random(seed)
        self.foreign = list(foreign)
        self.log: list[str] = []
        self.expect: list[tuple[str, TaskNode, TaskNode, tuple]] = []  # (type, node, node, extra key)
        self.unit_pool = sorted({u.name for t in record.tasks for u in t.units if not u.collective})

    def _pick_tasks(self, pred, k: int = 1, slot: str = "body") -> list[tuple[SectionNode, TaskNode]]:
        cands = [(s, t) for s, t in self.model.tasks() if t.old_id and slot not in t.edited and pred(t)]
        self.rng.shuffle(cands)
        return cands[:k]

    def _mark(self, node: Any, what: str, slot: str = "body") -> None:
        node.edited.add(slot)
        self.log.append(f"{what} {node.old_id}")

    # -- structural edits ------------------------------------------------------------------------------------------
    def renumber_section(self) -> None:
        groups = [s for s in self.model.sections() if sum(isinstance(c, SectionNode) for c in s.children) >= 3]
        if not groups:
            return
        parent = self.rng.choice(groups)
        idx = [i for i, c in enumerate(parent.children) if isinstance(c, SectionNode)]
        i = self.rng.randrange(len(idx) - 1)
        a, b = idx[i], idx[i + 1]
        parent.children[a], parent.children[b] = parent.children[b], parent.children[a]
        self.log.append(f"swap sections {parent.children[a].old_id} {parent.children[b].old_id}")

    def move_task(self) -> None:
        secs = [s for s in self.model.sections(1) if sum(isinstance(c, TaskNode) for c in s.children) >= 2]
        if len(secs) < 2:
            return
        src = self.rng.choice(secs)
        dst = self.rng.choice([s for s in secs if s is not src])
        tasks = [c for c in src.children if isinstance(c, TaskNode) and c.old_id]
        if not tasks:
            return
        node = self.rng.choice(tasks)
        src.children.remove(node)
        pos = self.rng.randrange(len(dst.children) + 1)
        dst.children.insert(pos, node)
        self.log.append(f"move {node.old_id} → section {dst.old_id} at {pos}")

    def remove_task(self) -> None:
        for s, t in self._pick_tasks(lambda t: not t.edited):
            if sum(isinstance(c, TaskNode) for c in s.children) < 2:
                continue
            s.children.remove(t)
            self.log.append(f"remove {t.old_id}")
            return

    def add_task(self) -> None:
        if not self.foreign:
            return
        content = self.foreign.pop(self.rng.randrange(len(self.foreign)))
        secs = [s for s in (self.model.sections(1) or self.model.sections())
                if any(isinstance(c, TaskNode) for c in s.children)]
        if not secs:
            return
        sec = self.rng.choice(secs)
        style = next(c.style for c in sec.children if isinstance(c, TaskNode))
        node = TaskNode(content, None, style=style)
        sec.children.insert(self.rng.randrange(len(sec.children) + 1), node)
        self.log.append(f"add task in {sec.old_id}: {content[:12]}")

    # -- content edits -------------------------------------------------------------------------------------------
    def reword_title(self) -> None:
        for _, t in self._pick_tasks(lambda t: bool(t.title) and t.content.startswith(t.title)
                                     and any(a in t.title for a, _ in TITLE_SWAPS), slot="title"):
            a, b = self.rng.choice([(a, b) for a, b in TITLE_SWAPS if a in t.title])
            new_title = t.title.replace(a, b, 1)
            t.content = new_title + t.content[len(t.title):]
            self._shift(t, 0, len(new_title) - len(t.title))
            t.title = new_title
            self._mark(t, "title", slot="title")
            self.expect.append(("text", t, t, ("title",)))
            return

    def reword_body(self) -> None:
        def spots(t: TaskNode) -> list[tuple[int, str, str]]:
            out = []
            for a, b in BODY_SWAPS:
                for m in re.finditer(a, t.content):
                    if m.start() > len(t.title) + 1 and _free(t, m.start(), m.end()):
                        out.append((m.start(), a, b))
            return out
        for _, t in self._pick_tasks(lambda t: bool(spots(t))):
            at, a, b = self.rng.choice(spots(t))
            t.content = t.content[:at] + b + t.content[at + len(a):]
            self._shift(t, at, len(b) - len(a))
            self._mark(t, "body")
            self.expect.append(("text", t, t, ("text",)))
            return

    def _shift(self, t: TaskNode, at: int, delta: int) -> None:
        t.offsets = [(s + (delta if s > at else 0), e + (delta if e > at else 0)) for s, e in t.offsets]

    def _single_quote_targets(self, t: TaskNode) -> list[int]:
        quotes = [g.quote for g in t.targets]
        return [i for i, g in enumerate(t.targets) if quotes.count(g.quote) == 1 and g.threshold is None]

    def _number_in_quote(self, t: TaskNode, i: int) -> Optional[tuple[int, int]]:
        g = t.targets[i]
        if g.value is None or not g.unit:
            return None
        s, e = t.offsets[i]
        quote = t.content[s:e]
        hits = [m for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)\s*" + re.escape(g.unit), quote)
                if abs(float(m.group(1)) - g.value) < 1e-9]
        allnums = re.findall(r"\d+(?:\.\d+)?", quote)
        if len(hits) != 1 or any(re.search(r"\d\s*[-—~至]\s*\d", quote) for _ in [0]):
            return None
        if sum(1 for n in allnums if n not in ("2020", "2025", "2030")) != 1:
            return None
        return (s + hits[0].start(1), s + hits[0].end(1))

    def change_value(self) -> None:
        def ok(t: TaskNode) -> list[int]:
            return [i for i in self._single_quote_targets(t) if self._number_in_quote(t, i)
                    and t.targets[i].kind == "quantitative"]
        for _, t in self._pick_tasks(lambda t: bool(ok(t))):
            i = self.rng.choice(ok(t))
            g = t.targets[i]
            s, e = self._number_in_quote(t, i)
            v = g.value
            if g.unit in ("%",):
                nv = v + 3 if v <= 90 else v - 3
            elif float(v).is_integer():
                nv = v + max(1, round(v * 0.2))
            else:
                digits = len(_fmt(v).split(".")[1])
                nv = round(v * 1.5, digits)
            t.content = t.content[:s] + _fmt(nv) + t.content[e:]
            self._shift(t, s, len(_fmt(nv)) - (e - s))
            self._mark(t, "value")
            self.expect.append(("target_value", t, t, (g.id, nv, g.unit)))
            return

    def change_measure_unit(self) -> None:
        def ok(t: TaskNode) -> list[int]:
            return [i for i in self._single_quote_targets(t) if self._number_in_quote(t, i)
                    and t.targets[i].unit in UNIT_SWAPS and t.targets[i].kind == "quantitative"]
        for _, t in self._pick_tasks(lambda t: bool(ok(t))):
            i = self.rng.choice(ok(t))
            g = t.targets[i]
            s, e = self._number_in_quote(t, i)
            new_unit, factor = UNIT_SWAPS[g.unit]
            nv = round(g.value * factor, 6)
            ue = t.content.index(g.unit, e)
            t.content = t.content[:s] + _fmt(nv) + new_unit + t.content[ue + len(g.unit):]
            self._shift(t, s, len(_fmt(nv)) + len(new_unit) - (ue + len(g.unit) - s))
            self._mark(t, "unit")
            self.expect.append(("target_value", t, t, (g.id, nv, new_unit)))
            return

    def change_deadline(self) -> None:
        def ok(t: TaskNode) -> list[int]:
            out = []
            for i in self._single_quote_targets(t):
                g = t.targets[i]
                if not g.deadline_text or g.deadline_inherited or not re.fullmatch(r"到\s*2025\s*年", g.deadline_text):
                    continue
                if sum(1 for h in t.targets if h.deadline_text == g.deadline_text) != 1:
                    continue
                if t.content.count("2025") != 1:
                    continue
                s, e = t.offsets[i]
                if "2025" in t.content[s:e]:
                    out.append(i)
            return out
        for _, t in self._pick_tasks(lambda t: bool(ok(t))):
            i = self.rng.choice(ok(t))
            g = t.targets[i]
            at = t.content.index("2025")
            t.content = t.content[:at] + "2027" + t.content[at + 4:]
            self._mark(t, "deadline")
            self.expect.append(("deadline", t, t, (g.id, "2027-12-31")))
            return

    def change_comparator(self) -> None:
        def ok(t: TaskNode) -> list[tuple[int, str, str]]:
            out = []
            for i in self._single_quote_targets(t):
                s, e = t.offsets[i]
                q = t.content[s:e]
                for a, b in CMP_SWAPS:
                    if (q.count(a) == 1 and t.targets[i].value is not None and b not in q
                            and t.targets[i].comparator == CMP_OF[a]):
                        if a == "超过" and "不超过" in q:
                            continue
                        out.append((i, a, b))
                        break
            return out
        for _, t in self._pick_tasks(lambda t: bool(ok(t))):
            i, a, b = self.rng.choice(ok(t))
            g = t.targets[i]
            s, e = t.offsets[i]
            at = t.content.index(a, s)
            t.content = t.content[:at] + b + t.content[at + len(a):]
            self._shift(t, at, len(b) - len(a))
            self._mark(t, "comparator")
            self.expect.append(("target_value", t, t, (g.id, g.value, g.unit)))
            return

    def change_units(self, how: str) -> None:
        def names(t: TaskNode) -> Optional[list[str]]:
            b = _ann_bounds(t.content)
            if not b:
                return None
            parts = t.content[b[0]:b[1]].split("、")
            return parts if all(re.fullmatch(r"[\u4e00-\u9fff]{2,12}", p) for p in parts) else None

        def ok(t: TaskNode) -> bool:
            ns = names(t)
            if not ns:
                return False
            if how == "add":
                return len(ns) >= 1
            if how == "lead":
                return len(ns) >= 2 and not any(re.search(r"^各|相关|等", n) for n in ns[:2])
            return len(ns) >= 2
        for _, t in self._pick_tasks(ok, slot="units"):
            ns = names(t)
            if how == "add":
                pool = [u for u in self.unit_pool if u not in ns and u not in t.content]
                ns = ns[:1] + [self.rng.choice(pool)] + ns[1:]
            elif how == "remove":
                del ns[self.rng.randrange(1, len(ns))]
            else:
                ns[0], ns[1] = ns[1], ns[0]
            b = _ann_bounds(t.content)
            t.content = t.content[:b[0]] + "、".join(ns) + t.content[b[1]:]
            self._mark(t, f"units-{how}", slot="units")
            self.expect.append(("responsible_units", t, t, ()))
            return

    def delete_sentence(self) -> None:
        """Drop one sentence of a body that carries no target (a wording change)."""
        def spots(t: TaskNode) -> list[tuple[int, int]]:
            out, pos = [], len(t.title) + 1
            ann = _ann_bounds(t.content)
            limit = (ann[0] - 6) if ann else len(t.content)
            for m in re.finditer(r"[^。]+。", t.content[pos:limit]):
                s0, e0 = pos + m.start(), pos + m.end()
                if (e0 < limit and _free(t, s0, e0) and 8 <= e0 - s0
                        and not re.search("责任|牵头|期限|时限", t.content[s0:e0])):
                    out.append((s0, e0))
            return out[:-1] if len(out) > 1 else []
        for _, t in self._pick_tasks(lambda t: bool(spots(t))):
            s0, e0 = self.rng.choice(spots(t))
            t.content = t.content[:s0] + t.content[e0:]
            self._shift(t, s0, -(e0 - s0))
            self._mark(t, "delete-sentence")
            self.expect.append(("text", t, t, ("text",)))
            return

    def add_target_sentence(self) -> None:
        """Append a new quantified sentence to a body (a wording change that brings a new target)."""
        extra = ["到2025年,新增公共充电桩1200个。", "到2025年,建成区域能源站3座。", "力争年节约标准煤2万吨。",
                 "到2026年,完成老旧小区节能改造80万平方米。"]
        for _, t in self._pick_tasks(lambda t: _ann_bounds(t.content) is not None):
            ann = _ann_bounds(t.content)
            at = t.content.rfind("(", 0, ann[0])
            if at < 0 or t.content[at - 1] != "。":
                continue
            sentence = self.rng.choice(extra)
            t.content = t.content[:at] + sentence + t.content[at:]
            self._mark(t, "add-sentence")
            self.expect.append(("text", t, t, ("text",)))
            return

    def reword_section_title(self) -> None:
        secs = [s for s in self.model.sections(1) if s.old_id and "title" not in s.edited
                and any(a in s.title for a, _ in TITLE_SWAPS)]
        if not secs:
            return
        sec = self.rng.choice(secs)
        a, b = self.rng.choice([(a, b) for a, b in TITLE_SWAPS if a in sec.title])
        sec.title = sec.title.replace(a, b, 1)
        self._mark(sec, "section-title", slot="title")
        self.expect.append(("text", sec, sec, ("title",)))

    def change_section_value(self) -> None:
        """Change a target of a section without numbered tasks (二、主要目标)."""
        for sec in self.model.sections(0):
            targets = [g for g in self.model.section_targets.get(sec.old_id or "", [])
                       if g.value is not None and g.unit and g.kind == "quantitative"]
            if not targets or "body" in sec.edited or sec.intro_start < 0:
                continue
            intro = "\n".join(sec.intro)
            for g in targets:
                s0, e0 = g.span[0] - sec.intro_start, g.span[1] - sec.intro_start
                nums = [m for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)\s*" + re.escape(g.unit), intro[s0:e0])
                        if abs(float(m.group(1)) - g.value) < 1e-9]
                if len(nums) != 1:
                    continue
                a, b = s0 + nums[0].start(1), s0 + nums[0].end(1)
                nv = g.value + 1
                intro = intro[:a] + _fmt(nv) + intro[b:]
                sec.intro = intro.split("\n")
                self._mark(sec, "section-value")
                self.expect.append(("target_value", sec, sec, (g.id, nv, g.unit)))
                return

    def insert_section(self) -> None:
        """A new subsection with two new tasks: every later sibling section (and its tasks) is renumbered."""
        parents = [s for s in self.model.sections(0) if any(isinstance(c, SectionNode) for c in s.children)]
        if not parents or len(self.foreign) < 2:
            return
        parent = self.rng.choice(parents)
        idx = [i for i, c in enumerate(parent.children) if isinstance(c, SectionNode)]
        model_sec = parent.children[idx[0]]
        task_style = next((c.style for s in self.model.sections(1) for c in s.children if isinstance(c, TaskNode)),
                          ("", "arabic", "."))
        tasks = [TaskNode(self.foreign.pop(self.rng.randrange(len(self.foreign))), None, style=task_style)
                 for _ in range(2)]
        node = SectionNode(1, "强化区域协同联动,推进跨区域降碳合作", ["围绕区域协同,建立健全联防联控工作机制。"], None,
                           children=tasks, style=model_sec.style)
        at = self.rng.choice(idx + [idx[-1] + 1])
        parent.children.insert(at, node)
        self.log.append(f"insert section under {parent.old_id} at {at}")

    def remove_section(self) -> None:
        parents = [s for s in self.model.sections(0)
                   if sum(1 for c in s.children if isinstance(c, SectionNode) and c.old_id) >= 3]
        if not parents:
            return
        parent = self.rng.choice(parents)
        subs = [c for c in parent.children if isinstance(c, SectionNode) and c.old_id and not c.edited
                and not any(t.edited for t in c.children if isinstance(t, TaskNode))]
        if not subs:
            return
        victim = self.rng.choice(subs)
        parent.children.remove(victim)
        self.log.append(f"remove section {victim.old_id}")

    # -- formatting ----------------------------------------------------------------------------------------------
    def reflow(self, text: str) -> str:
        """Formatting-only noise, line by line: punctuation width (both ways), OCR spaces around numbers (added or
        removed), a line broken mid-sentence."""
        lines = text.split("\n")
        for k in range(len(lines)):
            line = lines[k]
            r = self.rng.random()
            if r < 0.25:
                line = line.replace(",", "，").replace(":", "：").replace(";", "；")
            elif r < 0.4:
                line = line.replace("，", ",").replace("：", ":").replace("；", ";")
            elif r < 0.55:
                if re.search(r"\d (年|个|家|%)", line):
                    line = re.sub(r"(\d) (年|个|家|%)", r"\1\2", line)
                else:
                    line = re.sub(r"(\d)(年|个|家|%)", r"\1 \2", line)
            elif r < 0.65 and len(line) > 80:
                cut = max(line.find(",", 40), line.find("，", 40))
                if cut > 0:
                    line = line[:cut + 1] + "\n" + line[cut + 1:]
            lines[k] = line
        return "\n".join(lines)


def foreign_tasks(limit: int = 40) -> list[str]:
    """Task texts (number label removed) from other cities' plans: realistic additions that share no content."""
    from extract import extract_file

    out = []
    for name in ("wuhan_co2_peak_assessment_workplan_2021.txt", "dazhou_carbon_1plusN_policy_workplan_2022.txt",
                 "jiangsu_eco_env_dept_carbon_workplan_2022.txt"):
        rec = extract_file(ROOT / "corpus" / name)
        for t in rec.tasks:
            body = rec.text[t.span[0] + len(t.number):t.span[1]].strip()
            if "\n" in body or len(body) < 40 or body[0].isdigit() or re.search(r"[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+[.．、]", body):
                continue
            out.append(body)
    return out[:limit]


def make_revision(record: PlanRecord, seed: int, foreign: list[str], reflow: bool = True) -> Revision:
    """One revised text of `record` with a random mix of all edit kinds, and the expected diff."""
    g = Generator(record, foreign, seed)
    rng = g.rng
    structural = [g.renumber_section, g.move_task, g.remove_task, g.add_task, g.move_task]
    if rng.random() < 0.5:
        structural.append(g.insert_section)
    if rng.random() < 0.3:
        structural.append(g.remove_section)
    content = [g.reword_title, g.reword_title, g.reword_body, g.change_value, g.change_value,
               g.change_measure_unit, g.change_deadline, g.change_comparator, g.delete_sentence,
               g.add_target_sentence, g.reword_section_title, g.change_section_value,
               lambda: g.change_units("add"), lambda: g.change_units("remove"), lambda: g.change_units("lead")]
    ops = structural + content
    rng.shuffle(ops)
    for op in ops:
        op()
    text = g.model.render(fullwidth_labels=rng.random() < 0.3)
    if reflow:
        text = g.reflow(text)
    tasks = g.model.tasks()
    pairs = {t.old_id: t.new_id for _, t in tasks if t.old_id}
    added = [t.new_id for _, t in tasks if not t.old_id]
    removed = [t.id for t in record.tasks if t.id not in pairs]
    sec_pairs = {s.old_id: s.new_id for s in g.model.sections() if s.old_id}
    old_parent = {t.id: t.section for t in record.tasks}
    statuses = {}
    changed = {id(n) for _, n, _, _ in g.expect if isinstance(n, TaskNode)}
    for s, t in tasks:
        if not t.old_id:
            continue
        moved = sec_pairs.get(old_parent[t.old_id]) != s.new_id
        statuses[t.old_id] = ("modified" if id(t) in changed else "moved" if moved
                              else "renumbered" if t.old_id != t.new_id else "unchanged")
    changes = [(kind, a.old_id, b.new_id) + extra for kind, a, b, extra in g.expect]
    return Revision(record.text, text, Expected(pairs, added, removed, statuses, changes, sec_pairs), g.log)
