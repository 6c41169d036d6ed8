"""Who does what: the tasks of a unit (all, or as lead), who leads a task, which units share a task with a unit.

Units match explicitly only (gold convention): a task belongs to a unit when its responsibility annotation names
that unit; collective tokens (各街镇, 相关职能部门) are never expanded to concrete units, and are matched only when
asked for as written.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..intents import Ctx, intent
from ..locate import ACCEPT, locate_tasks
from ..queries import run, task_units_query, tasks_query
from ..render import Result, doc_name, join_names, none_result, task_item, task_line
from ..roles import AS_RESPONSIBLE, asks_responsible_role, is_responsible, marks_support
from .common import has_unit, per_unit, query_text, unknown_unit

_ASKS_UNITS = re.compile(r"单位|部门|谁|机构")


@intent("unit_tasks", 70, lambda s: has_unit(s))
def unit_tasks(ctx: Ctx) -> Result:
    """Tasks whose responsibility annotation names the unit (牵头 → only where it leads)."""
    miss = unknown_unit(ctx)
    if miss:
        return miss
    s, cat = ctx.slots, ctx.cat
    lead = s.lead_only
    rows, queries, who, role = unit_task_rows(ctx)
    if not rows:
        what = "没有由其牵头的任务" if lead else "未被列为任何任务的责任单位"
        return none_result(f"{doc_name(cat)}中，{who}{what}。", query_text(queries), unit=s.unit_names)
    items = [i for i in (task_item(cat, r) for r in rows) if i]
    lines = "\n".join(f"{k}. {task_line(cat, i)}" for k, i in enumerate(items, 1))
    return Result(answer=f"{doc_name(cat)}中，{who}{role}的任务共{len(items)}项：\n{lines}", items=items,
                  count=len(items), query=query_text(queries),
                  focus={"tasks": [i["task"] for i in items], "unit": s.unit_names})


def unit_task_rows(ctx: Ctx) -> tuple[list[dict[str, Any]], list, str, str]:
    """Task rows of the question's unit(s): all roles or lead only; for "A和B共同负责" the tasks naming both.
    Returns rows, the queries run, the units as worded for the answer, and the role wording."""
    s, cat = ctx.slots, ctx.cat
    lead = s.lead_only
    rows, queries = per_unit(ctx, lambda n: tasks_query(cat.doc_id, unit=n, lead_only=lead), "tid")
    who = join_names(s.unit_names)
    role = "牵头" if lead else "承担（含牵头和配合）"
    if not lead and AS_RESPONSIBLE.search(s.question):
        # "X作为责任单位的任务": where a task lists 配合单位 beside 责任单位, only its 责任单位 count (chat.roles)
        rows = [r for r in rows if is_responsible(cat.task(r["tid"]), s.unit_names)]
        role = "作为责任单位承担（按各任务自身标注：列有配合单位的任务只计责任单位）"
    if _joint(s):
        each = {n: {r["tid"] for r in run(ctx.store, q)} for n, q in zip(s.unit_names, queries)}
        per_mention = [set().union(*(each[n] for n in m.names if n in each)) for m in s.units]
        common = set.intersection(*per_mention) if per_mention else set()
        rows = [r for r in rows if r["tid"] in common]
        who = "、".join("/".join(m.names) for m in s.units)
        role = "共同承担"
    return rows, queries, who, role


def _joint(s) -> bool:
    return len(s.units) >= 2 and "joint" in s.signals


def _pick_task(ctx: Ctx, candidates: Optional[list] = None) -> Optional[str]:
    """The task a question is about: named (title/number), else the best-covered one; within the previous answer's
    tasks first when the question says 其中."""
    s, cat = ctx.slots, ctx.cat
    prev = (ctx.prev_focus or {})
    if "inherited" in s.signals and prev.get("task"):
        return prev["task"]  # "这项工作谁牵头？": the previous answer's task
    pools = []
    if "within" in s.signals and prev.get("tasks"):
        pools.append([t for t in cat.record.tasks if t.id in prev["tasks"]])
    pools.append(candidates)
    for pool in pools:
        hits = locate_tasks(cat, s, pool)
        if hits and (hits[0].coverage >= ACCEPT or hits[0].score >= 2.0):
            return hits[0].id
    if not s.topic and not s.numbers and s.task_ref() is None and prev.get("task"):
        return prev["task"]  # "这项工作谁牵头？"
    return None


def _units_of(ctx: Ctx, tid: str) -> tuple[list[dict[str, Any]], Any]:
    q = task_units_query(ctx.cat.doc_id, task=tid)
    return run(ctx.store, q), q


@intent("lead_unit", 40, lambda s: "lead_q" in s.signals and not s.units and not s.unknown_units)
def lead_unit(ctx: Ctx) -> Result:
    """Who leads the task the question is about."""
    cat = ctx.cat
    tid = _pick_task(ctx)
    if tid is None:
        return none_result(f"{doc_name(cat)}中没有找到与这个问题对应的任务，无法确定牵头单位。",
                           topic=ctx.slots.topic)
    rows, q = _units_of(ctx, tid)
    task_rows = run(ctx.store, tasks_query(cat.doc_id, task=tid))
    item = task_item(cat, task_rows[0], quote="units") if task_rows else None
    leads = [r["unit"] for r in rows if r["role"] == "lead"]
    title = cat.task(tid).title
    if not leads:
        return none_result(f"{doc_name(cat)}{cat.cite(tid)}“{title}”没有写明牵头单位。", q.text, task=tid,
                           tasks=[tid])
    all_units = join_names([r["unit"] for r in rows])
    coll = [r["unit"] for r in rows if r["role"] == "lead" and r["collective"]]
    note = f"，“{join_names(coll)}”是统称，不展开为具体单位" if coll else ""
    listed = f"责任单位：{all_units}"
    if marks_support(cat.task(tid)):  # the task writes 责任单位 beside 配合单位: name both roles as written
        support = [r["unit"] for r in rows if r["role"] != "lead"]
        listed = f"责任单位：{join_names(leads)}" + (f"；配合单位：{join_names(support)}" if support else "")
    return Result(answer=f"{doc_name(cat)}{cat.cite(tid)}“{title}”由{join_names(leads)}牵头（{listed}{note}）。",
                  items=[item] if item else [], units=leads, query=q.text, focus={"task": tid, "tasks": [tid]})


def _task_units_rule(s) -> bool:
    return ("unit_list" in s.signals and not has_unit(s) and "lead_q" not in s.signals and "count" not in s.signals
            and (s.task_ref() is not None or bool(s.topic)))


@intent("task_units", 35, _task_units_rule)
def task_units(ctx: Ctx) -> Result:
    """All units named for the task the question is about (“三（五）2的责任单位有哪些？”)."""
    cat = ctx.cat
    tid = _pick_task(ctx)
    if tid is None:
        return none_result(f"{doc_name(cat)}中没有找到与这个问题对应的任务。", topic=ctx.slots.topic)
    rows, q = _units_of(ctx, tid)
    title = cat.task(tid).title
    if not rows:
        return none_result(f"{doc_name(cat)}{cat.cite(tid)}“{title}”没有写明责任单位。", q.text, task=tid, tasks=[tid])
    task_rows = run(ctx.store, tasks_query(cat.doc_id, task=tid))
    item = task_item(cat, task_rows[0], quote="units") if task_rows else None
    if marks_support(cat.task(tid)) and asks_responsible_role(ctx.slots.question):
        # the task writes 责任单位 beside 配合单位: 责任单位 / 负责 name the lead role (chat.roles)
        leads = [r["unit"] for r in rows if r["role"] == "lead"]
        support = [r["unit"] for r in rows if r["role"] != "lead"]
        text = f"{doc_name(cat)}{cat.cite(tid)}“{title}”的责任单位为：{join_names(leads)}"
        text += f"；配合单位为：{join_names(support)}" if support else ""
        return Result(answer=text + "。", items=[item] if item else [], units=leads, count=len(leads),
                      query=q.text, focus={"task": tid, "tasks": [tid]})
    concrete = [r["unit"] for r in rows if not r["collective"]]
    lead = [r["unit"] for r in rows if r["role"] == "lead"]
    coll = [r["unit"] for r in rows if r["collective"]]
    text = f"{doc_name(cat)}{cat.cite(tid)}“{title}”的责任单位为：{join_names(concrete)}"
    text += f"（{join_names(lead)}牵头）" if lead else ""
    if marks_support(cat.task(tid)):  # every unit named, worded in the task's own two roles
        support = [u for u in concrete if u not in lead]
        text = (f"{doc_name(cat)}{cat.cite(tid)}“{title}”共列有{len(concrete)}个单位：责任单位{join_names(lead)}"
                + (f"，配合单位{join_names(support)}" if support else ""))
    text += f"；另列有统称“{join_names(coll)}”" if coll else ""
    return Result(answer=text + "。", items=[item] if item else [], units=concrete, count=len(concrete), query=q.text,
                  focus={"task": tid, "tasks": [tid]})


def _co_rule(s) -> bool:
    if len(s.units) >= 2 and "other_units" not in s.signals:
        return False  # "区经委和区建管委共同负责的任务" asks for tasks, not for units
    return "co" in s.signals and (has_unit(s) or bool(_ASKS_UNITS.search(s.question)))


@intent("co_responsible", 30, _co_rule)
def co_responsible(ctx: Ctx) -> Result:
    """The other units named for a task (or, without a task, for all of a unit's tasks)."""
    miss = unknown_unit(ctx)
    if miss:
        return miss
    s, cat = ctx.slots, ctx.cat
    names = set(s.unit_names)
    own = None
    if names:
        own = [t for t in cat.record.tasks if any(u.name in names for u in t.units)]
    if names and not s.topic and s.task_ref() is None and not s.numbers:
        return _co_all(ctx, own or [])
    tid = _pick_task(ctx, own) or (_pick_task(ctx) if own is not None else None)
    if tid is None:
        return none_result(f"{doc_name(cat)}中没有找到与这个问题对应的任务。", topic=s.topic)
    rows, q = _units_of(ctx, tid)
    others = [r["unit"] for r in rows if r["unit"] not in names and not r["collective"]]
    collective = [r["unit"] for r in rows if r["collective"]]
    task_rows = run(ctx.store, tasks_query(cat.doc_id, task=tid))
    item = task_item(cat, task_rows[0], quote="units") if task_rows else None
    title = cat.task(tid).title
    who = join_names(s.unit_names)
    note = ""
    if names and not names & {r["unit"] for r in rows}:
        note = f"（注意：{who}并不在该任务的责任单位中）"
    text = f"{doc_name(cat)}{cat.cite(tid)}“{title}”的责任单位为：{join_names([r['unit'] for r in rows])}。"
    if names:
        text += f"除{who}外，还有：{join_names(others) or '无其他具体单位'}" + note
    if collective:
        text += f"；另列有统称“{join_names(collective)}”（不展开为具体单位）"
    if not others and not collective:
        return none_result(text + "。", q.text, task=tid, tasks=[tid])
    return Result(answer=text + "。", items=[item] if item else [], units=others, query=q.text,
                  focus={"task": tid, "tasks": [tid]})


def _co_all(ctx: Ctx, own: list) -> Result:
    """Units that share at least one task with the asked unit, with how many tasks they share."""
    cat, names = ctx.cat, set(ctx.slots.unit_names)
    q = task_units_query(cat.doc_id)
    rows = run(ctx.store, q)
    own_ids = {t.id for t in own}
    shared: dict[str, list[str]] = {}
    for r in rows:
        if r["tid"] in own_ids and r["unit"] not in names and not r["collective"]:
            shared.setdefault(r["unit"], []).append(r["tid"])
    who = join_names(ctx.slots.unit_names)
    if not shared:
        return none_result(f"{doc_name(cat)}中，没有其他具体单位与{who}共同承担任务。", q.text)
    task_rows = {r["tid"]: r for r in run(ctx.store, tasks_query(cat.doc_id))}
    items = [i for i in (task_item(cat, task_rows[t], quote="units") for t in sorted(own_ids, key=_order(cat))
                         if t in task_rows) if i]
    ranked = sorted(shared.items(), key=lambda kv: -len(kv[1]))
    lines = "\n".join(f"- {u}：{len(ts)}项（{'、'.join(cat.label(t) for t in ts)}）" for u, ts in ranked)
    return Result(answer=f"{doc_name(cat)}中，与{who}共同承担任务的单位有{len(ranked)}个：\n{lines}", items=items,
                  units=[u for u, _ in ranked], query=q.text, focus={"tasks": sorted(own_ids)})


def _order(cat):
    pos = {t.id: i for i, t in enumerate(cat.record.tasks)}
    return lambda tid: pos.get(tid, 0)
