"""The document model behind the revision generator: a plan as a tree of sections and tasks, rendered with fresh
numbering.

Why a tree rather than string surgery: renumbering is the hard part of a revision (remove task 2 and every later task
of that section gets a new id; swap two sections and all their tasks do). The plan is parsed once into sections and
tasks using the extractor's own spans; edits change the tree; `render` writes it back with the document's numbering
styles and records each node's new id next to the old one it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from extract.record import PlanRecord, Target

ROOT = Path(__file__).resolve().parents[3]
CN = "零一二三四五六七八九十"


def cn_num(n: int) -> str:
    """Chinese numeral for 1..99 (section numbering)."""
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


Style = tuple[str, str, str]  # (prefix, numeral kind "cn" | "arabic", suffix): "(" "cn" ")", "" "arabic" "."
_LABEL = re.compile(r"^([（(]?)([一二三四五六七八九十]+|\d+)([)）]?[、.．]?)$")


def label_style(number: str) -> Style:
    """The numbering style of a label as written (`（一）`, `1．`, `三、`)."""
    m = _LABEL.match(number.strip())
    if not m:
        return ("", "arabic", ".")
    return (m.group(1), "cn" if not m.group(2).isdigit() else "arabic", m.group(3))


def render_label(style: Style, k: int, fullwidth: bool) -> str:
    prefix, kind, suffix = style
    label = prefix + (cn_num(k) if kind == "cn" else str(k)) + suffix
    if fullwidth:
        label = label.replace("(", "（").replace(")", "）").replace(".", "．")
    return label


@dataclass
class TaskNode:
    content: str  # text after the number label (title。body(责任单位:…))
    old_id: Optional[str]
    targets: list[Target] = field(default_factory=list)  # old targets with spans relative to content
    offsets: list[tuple[int, int]] = field(default_factory=list)
    title: str = ""
    edited: set = field(default_factory=set)  # edit slots used: "title", "body", "units" (one edit per slot)
    new_id: str = ""
    style: Style = ("", "arabic", ".")


@dataclass
class SectionNode:
    level: int
    title: str
    intro: list[str]
    old_id: Optional[str]
    children: list[Any] = field(default_factory=list)  # SectionNode | TaskNode
    new_id: str = ""
    intro_start: int = -1  # offset of the first intro line in the old text
    edited: set = field(default_factory=set)
    style: Style = ("(", "cn", ")")
    head_rest: str = ""  # the heading line after the title (`。优化贸易结构，…` when a heading runs on)


class PlanModel:
    """A plan as a tree of sections and tasks that can be edited and rendered with fresh numbering."""

    def __init__(self, record: PlanRecord):
        text = record.text
        self.preamble: list[str] = []
        self.roots: list[SectionNode] = []
        by_id: dict[str, SectionNode] = {}
        sec_at = {s.span[0]: s for s in record.sections}
        task_at = {t.span[0]: t for t in record.tasks}
        targets_by_task: dict[str, list[Target]] = {}
        for g in record.targets:
            targets_by_task.setdefault(g.task, []).append(g)
        self.section_targets = {s.id: targets_by_task.get(s.id, []) for s in record.sections}
        current: Optional[SectionNode] = None
        last_task: Optional[TaskNode] = None
        task_end = -1
        pos = 0
        for line in text.split("\n"):
            start = pos
            pos += len(line) + 1
            if start < task_end:
                continue  # a line of the task paragraph already taken whole (责任单位：… / 完成时限：… lines)
            if start in sec_at:
                s = sec_at[start]
                after = line[len(s.number):].lstrip()
                rest = after[len(s.title):] if after.startswith(s.title) else ""
                node = SectionNode(s.level, s.title, [], s.id, style=label_style(s.number), head_rest=rest)
                (by_id[s.parent].children if s.parent else self.roots).append(node)
                by_id[s.id] = node
                current, last_task = node, None
            elif start in task_at:
                t = task_at[start]
                body_start = start + len(t.number)
                content = text[body_start:t.span[1]]
                node_t = TaskNode(content, t.id, title=t.title, style=label_style(t.number))
                for g in targets_by_task.get(t.id, []):
                    node_t.targets.append(g)
                    node_t.offsets.append((g.span[0] - body_start, g.span[1] - body_start))
                by_id[t.section].children.append(node_t)
                last_task = node_t
                task_end = t.span[1]
            elif current is None:
                self.preamble.append(line)
            elif last_task is not None:
                last_task.content += "\n" + line
            else:
                if not current.intro:
                    current.intro_start = start
                current.intro.append(line)

    # -- queries -------------------------------------------------------------------------------------------------
    def sections(self, level: Optional[int] = None) -> list[SectionNode]:
        out: list[SectionNode] = []

        def walk(nodes: list[Any]) -> None:
            for n in nodes:
                if isinstance(n, SectionNode):
                    if level is None or n.level == level:
                        out.append(n)
                    walk(n.children)
        walk(self.roots)
        return out

    def tasks(self) -> list[tuple[SectionNode, TaskNode]]:
        return [(s, t) for s in self.sections() for t in s.children if isinstance(t, TaskNode)]

    # -- rendering -----------------------------------------------------------------------------------------------
    def render(self, fullwidth_labels: bool = False) -> str:
        """The text with fresh numbering: siblings that share a numbering style share one counter (a `（一）` task
        and a `（二）` section under the same heading are numbered in one sequence, as the extractor reads them)."""
        lines = list(self.preamble)

        def walk(nodes: list[Any], parent_id: str) -> None:
            counters: dict[Style, int] = {}
            for n in nodes:
                key = (n.style[0].replace("（", "("), n.style[1], n.style[2].replace("）", ")").replace("．", "."))
                counters[key] = counters.get(key, 0) + 1
                k = counters[key]
                n.new_id = f"{parent_id}.{k}" if parent_id else str(k)
                label = render_label(n.style, k, fullwidth_labels)
                if isinstance(n, SectionNode):
                    lines.append(label + n.title + n.head_rest)
                    lines.extend(n.intro)
                    walk(n.children, n.new_id)
                else:
                    lines.append(label + n.content)
        walk(self.roots, "")
        return "\n".join(lines)
