"""What the word 责任单位 means in one task, read from the task's own markup.

Plans use the word two ways. Where an annotation writes a support list next to it (`（责任单位：A，配合单位：B、C）`,
Anhui 485), 责任单位 names the lead role and 配合单位 the support role: "A作为责任单位的任务", "…的责任单位是哪个" and
"由哪些部门负责" ask for A, not for B and C. Where the annotation is one list (`（责任单位：A、B、C）`, Jiading), every
listed unit is a 责任单位. The decision is made per task from the stored record (`Task.unit_text` keeps the support
label after the leading 责任单位 label is cut off: `省科技厅，配合单位：省发展改革委…`), never per plan, so a plan that
mixes both markups is read task by task.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from extract.record import Task, UnitRef

__all__ = ["SUPPORT_LABEL", "AS_RESPONSIBLE", "marks_support", "responsible_refs", "is_responsible",
           "asks_responsible_role"]

#: A label that introduces the support list of an annotation (配合单位：, 协同部门：, 参与单位：…).
SUPPORT_LABEL = re.compile(r"(?:配合|协同|协办|协助|参与)(?:单位|部门|处室)\s*[：:]")
#: "X作为责任单位…", "X是责任单位的…": the question asks for the 责任单位 role of a named unit.
AS_RESPONSIBLE = re.compile(r"(?:作为|是|为|担任|当)责任(?:单位|部门)")
#: Words that ask for who is responsible for a task (…的责任单位, 由哪些部门负责).
_RESPONSIBLE_WORDS = re.compile(r"责任(?:单位|部门)|负责")
#: Words that ask for everyone named, whatever the role (参与, 涉及, 配合, 所有…).
_ALL_ROLES = re.compile(r"参与|涉及|配合|协同|协作|协助|所有|全部|相关|牵头")


def marks_support(task: Optional[Task]) -> bool:
    """True when the task's responsibility markup names a support role next to 责任单位, so that 责任单位 is the lead
    role there."""
    return bool(task is not None and task.unit_text and SUPPORT_LABEL.search(task.unit_text))


def responsible_refs(task: Task) -> list[UnitRef]:
    """The task's 责任单位 as the plan means the word: the leads where a support list is marked, else every unit."""
    if marks_support(task):
        return [u for u in task.units if u.role == "lead"]
    return list(task.units)


def is_responsible(task: Optional[Task], names: Iterable[str]) -> bool:
    """Whether one of `names` is a 责任单位 of the task (see responsible_refs)."""
    if task is None:
        return False
    wanted = set(names)
    return any(u.name in wanted for u in responsible_refs(task))


def asks_responsible_role(question: str) -> bool:
    """A task-level question that asks for the 责任单位 / who is 负责 (and not for every participant): "…的责任单位是哪个",
    "由哪些部门负责". 牵头 questions are answered by the lead intent already; 参与/涉及/配合 ask for all units."""
    return bool(_RESPONSIBLE_WORDS.search(question)) and not _ALL_ROLES.search(question)
