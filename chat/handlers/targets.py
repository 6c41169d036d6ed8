"""Targets: what a unit owes by a year, what is overdue or due soon (for a unit, a section or the whole plan), what
value a target sets and by when.

"By year Y" means every deadline on or before Dec 31 of Y (so 到2030年 includes the 2025 targets); overdue means
deadline strictly before the as-of date and not done (chat.status decides "done"). A target without a deadline is
never due. An empty result is a `none` answer that says so plainly.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Optional

from ..intents import Ctx, intent
from ..locate import accepted, locate_targets, locate_tasks
from ..queries import run, targets_query
from ..render import Result, doc_name, fmt_date, fmt_value, none_result, table_row_note, target_item, target_line
from ..status import DUE_SOON_DAYS, statuses
from ..text import norm
from .common import has_unit, missing_section, per_unit, query_text, scope_words, unknown_unit


def _items(ctx: Ctx, rows: list[dict[str, Any]], as_of: date, keep: Optional[set[str]] = None,
           soon_days: int = DUE_SOON_DAYS) -> list[dict[str, Any]]:
    st = statuses(ctx.store, ctx.cat.doc_id, rows, as_of, soon_days)
    out = []
    for r in rows:
        if keep is not None and st[r["gid"]] not in keep:
            continue
        item = target_item(ctx.cat, r, st[r["gid"]])
        if item:
            out.append(item)
    return out


def _listing(ctx: Ctx, head: str, items: list[dict[str, Any]], with_status: bool) -> str:
    lines = "\n".join(f"{k}. {target_line(ctx.cat, i, with_status)}" for k, i in enumerate(items, 1))
    return f"{head}\n{lines}"


def _scoped_rows(ctx: Ctx, **filters: Any) -> tuple[list[dict[str, Any]], str]:
    """Target rows for the question's scope: its units (any role), else its section, else the whole plan."""
    s, doc = ctx.slots, ctx.cat.doc_id
    ref = s.section_ref()
    section = ref.id if ref is not None and ref.kind == "section" else None
    if s.units:
        lead = s.lead_only
        rows, qs = per_unit(ctx, lambda n: targets_query(doc, unit=n, lead_only=lead, section=section, **filters),
                            "gid")
        return rows, query_text(qs) or ""
    q = targets_query(doc, section=section, **filters)
    return run(ctx.store, q), q.text


def _next_due(ctx: Ctx, after: date) -> str:
    rows, _ = _scoped_rows(ctx, since=after)
    if not rows:
        return ""
    first = min(r["deadline"] for r in rows)
    return f"最近的指标期限为{fmt_date(first)}。"


_DUE_WORDS = re.compile(r"完成|到期|要做|达成|实现")


def _plan_by_year_rule(s) -> bool:
    """No unit, a year or date, nothing else named: "2025年底前要完成哪些指标？" over the whole plan (or a section)."""
    return (not has_unit(s) and bool(s.time.year or s.time.date) and not s.topic and not s.numbers
            and ("targets_word" in s.signals or bool(_DUE_WORDS.search(s.question))))


@intent("targets_by_year", 65, _plan_by_year_rule)
def targets_by_year(ctx: Ctx) -> Result:
    """Targets of the whole plan (or of a section) due on or before the end of the asked year (or date)."""
    return unit_targets_by_year(ctx)


def _unit_by_year_rule(s) -> bool:
    """A unit and 指标/目标 ("区经委到2025年要完成哪些指标？"), or a unit, a year or date and a verb of completion
    ("监测处6月底前要完成哪些工作？"): in plans whose dated commitments are 工作, not 指标, that asks what falls due."""
    return has_unit(s) and ("targets_word" in s.signals
                            or (bool(s.time.year or s.time.date) and bool(_DUE_WORDS.search(s.question))))


@intent("unit_targets_by_year", 60, _unit_by_year_rule)
def unit_targets_by_year(ctx: Ctx) -> Result:
    """Targets of the unit's tasks due on or before the end of the asked year (or date)."""
    miss = unknown_unit(ctx)
    if miss:
        return miss
    s, cat = ctx.slots, ctx.cat
    until = s.time.date or (date(s.time.year, 12, 31) if s.time.year else None)
    since = date(until.year, 1, 1) if until and "in_year" in s.signals else None  # "今年到期" = due this year
    rows, qtext = _scoped_rows(ctx, until=until, since=since) if until else _scoped_rows(ctx)
    items = _items(ctx, rows, ctx.as_of)
    who = scope_words(ctx)
    when = (f"在{until.year}年内" if since else f"到{fmt_date(until.isoformat())}") if until else ""
    if not items:
        if until:
            undated = _scoped_rows(ctx)[0]
            hint = _next_due(ctx, until + timedelta(days=1)) if undated else ""
            if undated and not any(r.get("deadline") for r in undated):
                hint = f"其相关的{len(undated)}项指标均未规定完成期限。"
            text = f"{doc_name(cat)}中，{who}{when}没有到期的指标。{hint}"
        else:
            text = f"{doc_name(cat)}中，{who}没有量化指标或目标。"
        return none_result(text, qtext, unit=s.unit_names)
    how = ("（按其牵头的任务统计）" if s.lead_only else "（按其承担的任务统计，含牵头和配合）") if s.units else ""
    head = f"{doc_name(cat)}中，{who}{when}需完成以下{len(items)}项指标{how}："
    latest = max((i["deadline"] for i in items if i.get("deadline")), default=None)
    if until and not since and latest and latest[:4] < str(until.year):
        # "到2030年" after "到2025年": the same list, so say plainly that nothing new falls due in the asked year
        head = f"{doc_name(cat)}中，{who}没有以{until.year}年为期限的指标；到{until.year}年应已完成的是以下{len(items)}项" \
               f"指标{how}，最晚的期限是{fmt_date(latest)}："
    return Result(answer=_listing(ctx, head, items, False), items=items, count=len(items), query=qtext,
                  focus={"targets": [i["target"] for i in items], "tasks": sorted({i["task"] for i in items}),
                         "unit": s.unit_names})


def _as_of(ctx: Ctx) -> date:
    """The as-of date: a date in the question (截至2026年1月1日), the end of a year in it (截至明年底, 2024年…), else
    the asker's date."""
    t = ctx.slots.time
    if t.date:
        return t.date
    if t.year and not t.now:
        return date(t.year, 12, 31)
    return ctx.as_of


@intent("overdue", 10, lambda s: "overdue" in s.signals)
def overdue(ctx: Ctx) -> Result:
    """Targets whose deadline is before the as-of date and that are not done."""
    miss = unknown_unit(ctx) or missing_section(ctx)
    if miss:
        return miss
    as_of = _as_of(ctx)
    rows, qtext = _scoped_rows(ctx, before=as_of)
    items = _items(ctx, rows, as_of, keep={"overdue"})
    where = scope_words(ctx)
    if not items:
        return none_result(f"截至{fmt_date(as_of.isoformat())}，{doc_name(ctx.cat)}中{where}没有逾期的指标"
                           f"（未收到进展报告的指标按未完成计）。{_next_due(ctx, as_of)}", qtext)
    head = (f"截至{fmt_date(as_of.isoformat())}，{doc_name(ctx.cat)}中{where}已逾期的指标共{len(items)}项"
            f"（期限已过且无完成报告）：")
    return Result(answer=_listing(ctx, head, items, True), items=items, count=len(items), query=qtext,
                  focus={"targets": [i["target"] for i in items], "tasks": sorted({i["task"] for i in items})})


_WINDOW = re.compile(r"(\d+|[一二两三四五六七八九十半]+)个?(月|周|星期|天|年)")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "半": 0.5}
_DAYS = {"月": 30, "周": 7, "星期": 7, "天": 1, "年": 365}


def _window(question: str) -> int:
    m = _WINDOW.search(question)
    if not m:
        return DUE_SOON_DAYS
    n = float(m.group(1)) if m.group(1).isdigit() else _CN.get(m.group(1), 3)
    return max(1, int(n * _DAYS[m.group(2)]))


@intent("due_soon", 11, lambda s: "due_soon" in s.signals)
def due_soon(ctx: Ctx) -> Result:
    """Targets falling due between the as-of date and a window after it (default 90 days)."""
    miss = unknown_unit(ctx) or missing_section(ctx)
    if miss:
        return miss
    as_of, days = ctx.slots.time.date or ctx.as_of, _window(ctx.slots.question)
    end = as_of + timedelta(days=days)
    rows, qtext = _scoped_rows(ctx, since=as_of, until=end)
    items = _items(ctx, rows, as_of, keep={"due_soon", "at_risk", "on_track", "no_data"}, soon_days=days)
    where = scope_words(ctx)
    span = f"{fmt_date(as_of.isoformat())}至{fmt_date(end.isoformat())}"
    if not items:
        return none_result(f"{span}期间，{doc_name(ctx.cat)}中{where}没有到期的指标。{_next_due(ctx, as_of)}", qtext)
    head = f"{span}期间，{doc_name(ctx.cat)}中{where}即将到期的指标共{len(items)}项："
    return Result(answer=_listing(ctx, head, items, True), items=items, count=len(items), query=qtext,
                  focus={"targets": [i["target"] for i in items], "tasks": sorted({i["task"] for i in items})})


def _section_rule(s) -> bool:
    ref = s.section_ref()
    return ref is not None and "targets_word" in s.signals and not s.units and "value" not in s.signals


@intent("section_targets", 75, _section_rule)
def section_targets(ctx: Ctx) -> Result:
    """Targets of a section (optionally due by a year)."""
    miss = missing_section(ctx)
    if miss:
        return miss
    s = ctx.slots
    until = s.time.date or (date(s.time.year, 12, 31) if s.time.year else None)
    rows, qtext = _scoped_rows(ctx, until=until) if until else _scoped_rows(ctx)
    items = _items(ctx, rows, ctx.as_of)
    where = scope_words(ctx)
    when = f"到{fmt_date(until.isoformat())}" if until else ""
    if not items:
        return none_result(f"{doc_name(ctx.cat)}中{where}{when}没有量化指标或目标。", qtext)
    head = f"{doc_name(ctx.cat)}中{where}{when}共有{len(items)}项指标："
    return Result(answer=_listing(ctx, head, items, False), items=items, count=len(items), query=qtext,
                  focus={"targets": [i["target"] for i in items], "tasks": sorted({i["task"] for i in items})})


def _candidates(ctx: Ctx):
    """Targets to look among: those of the previous answer first for 其中, those of the asked unit or section."""
    s, cat = ctx.slots, ctx.cat
    pool = cat.record.targets
    if s.units:
        names = set(s.unit_names)
        tasks = {t.id for t in cat.record.tasks if any(u.name in names for u in t.units)}
        pool = [g for g in pool if g.task in tasks]
    ref = s.section_ref()
    if ref is not None and ref.kind == "section":
        pool = [g for g in pool if g.task == ref.id or g.task.startswith(ref.id + ".")]
    return pool


def _alternatives(ctx: Ctx, best_id: str, use_year: bool) -> list[str]:
    """Other targets that fit the question as well as the best one but set another level or fall due at another time
    (a 2025 and a 2030 level of one indicator asked without a year; PUE of new and of refitted data centres): the
    answer names them too rather than silently pick one. The best match stays the first item."""
    s = ctx.slots
    if s.time.year or s.numbers:
        return []
    hits = locate_targets(ctx.cat, s, _candidates(ctx), None)
    best = next((h for h in hits if h.id == best_id), None)
    if best is None:
        return []
    g0 = ctx.cat.target(best_id)
    out = []
    for h in hits:
        g = ctx.cat.target(h.id)
        differs = g.deadline != g0.deadline or (g.value, g.unit) != (g0.value, g0.unit)
        if h.id != best_id and accepted(h) and h.score >= best.score - 0.02 and differs \
                and set(ctx.cat.quote_chunks(g)) & set(ctx.cat.quote_chunks(g0)):
            out.append(h.id)
    return out[:2]


#: How far below the best match a target with a value may score and still answer a 多少 question (see _valued).
VALUE_MARGIN = 0.15


def _valued(ctx: Ctx, hits) -> Optional[Any]:
    """For a 多少 question, the best match when it sets a value; else a near-equal match that does. A commitment that
    contains a quantity (`大力推进可再生能源发展……` around `全省风电装机增加400万千瓦`) matches the words as well as
    the quantity itself, but only the quantity answers "how much"."""
    best = hits[0]
    g = ctx.cat.target(best.id)
    if g is None or g.value is not None:
        return best
    return next((h for h in hits[1:] if accepted(h) and h.score >= best.score - VALUE_MARGIN
                 and (ctx.cat.target(h.id) is not None and ctx.cat.target(h.id).value is not None)), best)


def _best_target(ctx: Ctx, use_year: bool, want_value: bool = False):
    s = ctx.slots
    prev = ctx.prev_focus or {}
    if "inherited" in s.signals and prev.get("target"):
        from ..locate import Hit
        return Hit(prev["target"], 1.0, 1.0, (), 0)  # "什么时候要完成？": the previous answer's target
    if "within" in s.signals and prev.get("targets"):
        pool = [g for g in ctx.cat.record.targets if g.id in prev["targets"]]
        hits = locate_targets(ctx.cat, s, pool, s.time.year if use_year else None)
        if hits and accepted(hits[0]):
            return hits[0]
    hits = locate_targets(ctx.cat, s, _candidates(ctx), s.time.year if use_year else None)
    if hits and accepted(hits[0]):
        return _valued(ctx, hits) if want_value else hits[0]
    if not s.topic and not s.numbers and prev.get("target"):
        from ..locate import Hit
        return Hit(prev["target"], 1.0, 1.0, (), 0)  # "什么时候要完成？" about the previous answer's target
    return None


def _target_row(ctx: Ctx, gid: str) -> tuple[Optional[dict[str, Any]], str]:
    q = targets_query(ctx.cat.doc_id, target=gid)
    rows = run(ctx.store, q)
    return (rows[0] if rows else None), q.text


def _topic_words(ctx: Ctx) -> str:
    return "、".join(ctx.slots.topic) or "该事项"


def _value_rule(s) -> bool:
    """多少/几/百分之几 …, or "<indicator>目标" without a list word ("建成区绿化覆盖率目标")."""
    if "value" in s.signals:
        return True
    return ("targets_word" in s.signals and bool(s.topic) and not has_unit(s) and s.section_ref() is None
            and not re.search(r"哪些|什么|哪几", s.question))


@intent("target_value", 90, _value_rule)
def target_value(ctx: Ctx) -> Result:
    """The value (and unit, comparator, deadline) the plan sets for the target the question names."""
    miss = unknown_unit(ctx)
    if miss:
        return miss
    cat, s = ctx.cat, ctx.slots
    hit = _best_target(ctx, use_year=True, want_value="value" in s.signals)
    if hit is None:
        return none_result(f"{doc_name(cat)}中没有关于“{_topic_words(ctx)}”的量化指标，方案未给出相应数值。",
                           topic=s.topic)
    row, qtext = _target_row(ctx, hit.id)
    if row is None:
        return none_result("该指标在存储中未找到。", qtext)
    item = target_item(cat, row, statuses(ctx.store, cat.doc_id, [row], ctx.as_of)[row["gid"]])
    year = s.time.year
    if year and row.get("deadline") and int(row["deadline"][:4]) != year and s.time.period is None:
        return none_result(f"{doc_name(cat)}没有给出{year}年的该项指标。相关条款为{cat.cite(row['owner'])}"
                           f"「{row['quote']}」（期限：{fmt_date(row.get('deadline'))}）。", qtext,
                           target=row["gid"], task=row["owner"], tasks=[row["owner"]])
    if row.get("value") is None:
        return none_result(f"{doc_name(cat)}对此没有给出具体数值，原文为{cat.cite(row['owner'])}「{row['quote']}」。", qtext,
                           target=row["gid"], task=row["owner"], tasks=[row["owner"]])
    val = fmt_value(row["value"], row.get("vunit"), row.get("comparator"))
    text = (f"按{doc_name(cat)}{cat.cite(row['owner'])}，目标为{val}"
            f"（期限：{fmt_date(row.get('deadline'))}）。原文：「{row['quote']}」{table_row_note(cat, row['s'], row['e'])}")
    items = [item] if item else []
    for gid in _alternatives(ctx, row["gid"], True):
        alt, qt = _target_row(ctx, gid)
        if alt is not None and alt.get("value") is not None:
            it = target_item(cat, alt, statuses(ctx.store, cat.doc_id, [alt], ctx.as_of)[alt["gid"]])
            if it:
                items.append(it)
                text += (f"\n另：{cat.cite(alt['owner'])}「{alt['quote']}」，目标为"
                         f"{fmt_value(alt['value'], alt.get('vunit'), alt.get('comparator'))}"
                         f"（期限：{fmt_date(alt.get('deadline'))}）。")
    return Result(answer=text, items=items, query=qtext,
                  focus={"target": row["gid"], "targets": [row["gid"]], "task": row["owner"], "tasks": [row["owner"]]})


_ACHIEVE_Q = "实现"
#: Verbs that state an end-state as reached (`2030年前实现碳达峰`, `全面实现原生生活垃圾零填埋`).
_ACHIEVE_VERBS = r"(?:实现|达到|达成|建成|完成|形成)"


def _achieved_words(s) -> list[str]:
    """Topic words the question asks to be achieved: those written right after 实现 (`哪一年实现碳中和`)."""
    q = norm(s.question)
    return [c for c in s.topic if _ACHIEVE_Q + c in q]


def _states_achievement(ctx: Ctx, gid: str) -> bool:
    """"When is X achieved?" is answered by a clause that states X as reached (`2030年前实现碳达峰`), not by one
    that only mentions X (`碳达峰、碳中和投资基金`, `碳中和愿景和路线图` in a department's work plan)."""
    words = _achieved_words(ctx.slots)
    g = ctx.cat.target(gid)
    if not words or g is None:
        return True
    quote = norm(g.quote)
    return all(re.search(_ACHIEVE_VERBS + r"[^，。；,;]{0,6}" + re.escape(c), quote) for c in words)


@intent("deadline", 50, lambda s: "deadline" in s.signals)
def deadline(ctx: Ctx) -> Result:
    """The deadline of the target (or task) the question names."""
    miss = unknown_unit(ctx)
    if miss:
        return miss
    cat, s = ctx.cat, ctx.slots
    hit = _best_target(ctx, use_year=False)
    if hit is not None and not _states_achievement(ctx, hit.id):
        return none_result(f"{doc_name(cat)}没有规定{'、'.join(_achieved_words(s))}的实现时间。", topic=s.topic)
    if hit is None:
        # a task-level deadline (完成时限：…) in plans that give one
        hits = locate_tasks(cat, s)
        if hits and hits[0].coverage >= 0.6 and cat.task(hits[0].id).deadline:
            t = cat.task(hits[0].id)
            return Result(answer=f"{doc_name(cat)}{cat.cite(t.id)}“{t.title}”的完成时限为{fmt_date(t.deadline)}"
                                 f"（原文：{t.deadline_text}）。", deadline=t.deadline, focus={"task": t.id})
        return none_result(f"{doc_name(cat)}中没有找到“{_topic_words(ctx)}”的完成时间，方案未对此规定期限。",
                           topic=s.topic)
    row, qtext = _target_row(ctx, hit.id)
    if row is None:
        return none_result("该指标在存储中未找到。", qtext)
    focus = {"target": row["gid"], "targets": [row["gid"]], "task": row["owner"], "tasks": [row["owner"]]}
    if not row.get("deadline"):
        return none_result(f"{doc_name(cat)}没有规定这项工作的完成时间，原文为{cat.cite(row['owner'])}「{row['quote']}」。",
                           qtext, **focus)
    item = target_item(cat, row, statuses(ctx.store, cat.doc_id, [row], ctx.as_of)[row["gid"]])
    t = cat.target(row["gid"])
    phrase = f"（原文时间表述：「{t.deadline_text}」）" if t is not None and t.deadline_text else ""
    return Result(answer=f"按{doc_name(cat)}{cat.cite(row['owner'])}，「{row['quote']}」的完成期限为"
                         f"{fmt_date(row['deadline'])}{phrase}。", items=[item] if item else [],
                  deadline=row["deadline"], query=qtext, focus=focus)
