"""The tasks of a section, referred to by number (三（四）, 第三部分第五节), title (保障措施) or topic (交通领域)."""
from __future__ import annotations

from ..intents import Ctx, intent
from ..queries import run, tasks_query
from ..render import Result, doc_name, none_result, task_item, task_line
from .common import missing_section


def _rule(s) -> bool:
    ref = s.section_ref()
    if ref is None or s.units or s.unknown_units:
        return False
    return not ("open" in s.signals and s.topic)


@intent("section_tasks", 80, _rule)
def section_tasks(ctx: Ctx) -> Result:
    """Numbered tasks of a section and its sub-sections, in document order."""
    miss = missing_section(ctx)
    if miss:
        return miss
    cat = ctx.cat
    sid = ctx.slots.section_ref().id
    q = tasks_query(cat.doc_id, section=sid)
    rows = run(ctx.store, q)
    sec = cat.section(sid)
    name = cat.section_name(sid)
    if not rows:
        n = len(cat.targets_of(sid))
        extra = f"该部分直接列出{n}项目标，可问“{sec.title}有哪些指标”。" if n else ""
        return none_result(f"{doc_name(cat)}{name}下没有编号的具体任务。{extra}", q.text, section=sid)
    items = [i for i in (task_item(cat, r) for r in rows) if i]
    lines = "\n".join(f"{k}. {task_line(cat, i)}" for k, i in enumerate(items, 1))
    return Result(answer=f"{doc_name(cat)}{name}包括以下{len(items)}项任务：\n{lines}", items=items,
                  count=len(items), query=q.text,
                  focus={"section": sid, "tasks": [i["task"] for i in items]})
