"""How many: tasks of a unit / section / the plan, targets, units named for a task, parts of a section.

A count is computed by the same query as the corresponding list (so "几项" and "哪些" never disagree); a count of
zero is a `none` answer that says so.
"""
from __future__ import annotations

from ..intents import Ctx, intent
from ..queries import run, task_units_query, tasks_query
from ..render import Result, doc_name, join_names, none_result, task_item
from .common import missing_section, query_text, unknown_unit
from .units import unit_task_rows
from .targets import _items, _scoped_rows


def _answer(text: str, n: int, items, query) -> Result:
    if n == 0:
        r = none_result(text, query)
        r.count = 0
        return r
    return Result(answer=text, count=n, items=items, query=query)


@intent("count", 20, lambda s: "count" in s.signals)
def count(ctx: Ctx) -> Result:
    """Counts of tasks, targets, units or sub-sections, by the question's scope."""
    miss = unknown_unit(ctx) or missing_section(ctx)
    if miss:
        return miss
    s, cat = ctx.slots, ctx.cat
    tref = s.task_ref()
    if "task_units" in s.signals and tref is not None:
        q = task_units_query(cat.doc_id, task=tref.id)
        rows = run(ctx.store, q)
        concrete = [r["unit"] for r in rows if not r["collective"]]
        coll = [r["unit"] for r in rows if r["collective"]]
        extra = f"，另列有统称“{join_names(coll)}”" if coll else ""
        trows = run(ctx.store, tasks_query(cat.doc_id, task=tref.id))
        items = [i for i in (task_item(cat, r, quote="units") for r in trows) if i]
        return _answer(f"{doc_name(cat)}{cat.cite(tref.id)}“{cat.task(tref.id).title}”列出{len(concrete)}个责任单位："
                       f"{join_names(concrete)}{extra}。", len(concrete), items, q.text)
    sections = [r for r in s.refs if r.kind == "section"]
    if len(sections) == 1 and "subsections" in s.signals and cat.children(sections[0].id):
        sid = sections[0].id
        subs = cat.children(sid)
        names = "；".join(f"{cat.label(x)}{cat.section(x).title}" for x in subs)
        return Result(answer=f"{doc_name(cat)}{cat.section_name(sid)}分为{len(subs)}个方面：{names}。",
                      count=len(subs))
    if "targets_word" in s.signals and "tasks_word" not in s.signals:
        rows, qtext = _scoped_rows(ctx)
        items = _items(ctx, rows, ctx.as_of)
        scope = join_names(s.unit_names) or (cat.section_name(sections[0].id) if len(sections) == 1 else "全方案")
        return _answer(f"{doc_name(cat)}中{scope}共有{len(items)}项指标。", len(items), items, qtext)
    if s.units:
        rows, qs, who, role = unit_task_rows(ctx)
        items = [i for i in (task_item(cat, r) for r in rows) if i]
        return _answer(f"{doc_name(cat)}中，{who}{role}的任务共{len(items)}项"
                       f"{'：' + '、'.join(cat.label(i['task']) for i in items) if items else ''}。",
                       len(items), items, query_text(qs))
    if len(sections) == 1:
        sid = sections[0].id
        q = tasks_query(cat.doc_id, section=sid)
        items = [i for i in (task_item(cat, r) for r in run(ctx.store, q)) if i]
        return _answer(f"{doc_name(cat)}{cat.section_name(sid)}共有{len(items)}项任务。",
                       len(items), items, q.text)
    # the whole plan (also when several parts are named as included: "含保障措施和组织实施")
    q = tasks_query(cat.doc_id)
    items = [i for i in (task_item(cat, r) for r in run(ctx.store, q)) if i]
    per_top = []
    for top in cat.children(None):
        n = len(cat.tasks_in(top))
        if n:
            per_top.append(f"{cat.label(top)}{cat.section(top).title}{n}项")
    return _answer(f"{doc_name(cat)}共列出{len(items)}项编号任务（{'，'.join(per_top)}）。", len(items), items, q.text)
