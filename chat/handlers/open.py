"""Free questions ("嘉定新城的低碳示范要做什么？"): hybrid retrieval, then an answer made only of retrieved sentences.

The answer quotes the sentences it rests on, grouped by clause. Whether the plan speaks to the question at all is
decided by lexical coverage of the question's topic words by a clause's text (chat.lexical): a topic the plan never
mentions (核电站, 地铁票价) gets `none`, however close its nearest sentence is in embedding space.
"""
from __future__ import annotations

from collections import OrderedDict

from ..intents import Ctx, intent
from ..render import Result, doc_name, none_result, passage_item
from ..retrieval import index_for, search

#: Minimum weighted topic coverage of the best clause for an open answer.
OPEN_ACCEPT = 0.5
MAX_CLAUSES = 5
PER_CLAUSE = 2


def _owner_text(ctx: Ctx, owner: str) -> str:
    cat = ctx.cat
    t = cat.task(owner)
    if t is not None:
        s, e = cat.task_body_span(t)
        return cat.text[s:e]
    return "。".join(p.text for p in cat.passages if p.owner == owner)


def _task_content(ctx: Ctx, tid: str) -> Result:
    """What a named task says ("四、2是什么内容？"): its sentences, quoted."""
    cat = ctx.cat
    task = cat.task(tid)
    items = [i for i in (passage_item(cat, tid, p.span) for p in cat.passages if p.owner == tid and p.kind == "body")
             if i]
    quotes = "".join(f"「{i['quote']}」" for i in items)
    units = f"（责任单位：{task.unit_text}）" if task.unit_text else ""
    return Result(answer=f"{doc_name(cat)}{cat.cite(tid)}“{task.title}”：{quotes}{units}", items=items,
                  focus={"task": tid, "tasks": [tid]})


@intent("open", 100, lambda s: True)
def open_question(ctx: Ctx) -> Result:
    """Retrieve the sentences that speak to the question and quote them."""
    s, cat = ctx.slots, ctx.cat
    ref = s.section_ref()
    tref = s.task_ref()
    owners = None
    if ref is not None and ref.kind == "section":
        owners = {t.id for t in cat.tasks_in(ref.id)} | {x.id for x in cat.record.sections
                                                         if x.id == ref.id or x.id.startswith(ref.id + ".")}
    elif ref is not None and ref.kind == "missing":
        from .common import missing_section
        return missing_section(ctx)
    if tref is not None and tref.strength >= 0.8:
        owners = {tref.id}
    if not s.topic:
        if tref is not None and tref.strength >= 0.8:
            return _task_content(ctx, tref.id)
        if ref is not None and ref.kind == "section":
            from .sections import section_tasks
            return section_tasks(ctx)
        return none_result("没能从问题中识别出要查询的具体内容，请说明想了解的单位、指标或事项。")
    ranked = search(cat, s.topic, s.question, owners)
    by_owner: "OrderedDict[str, list]" = OrderedDict()
    for sc in ranked:
        by_owner.setdefault(sc.passage.owner, []).append(sc)
    cov = {o: cat.terms.coverage(s.topic, _owner_text(ctx, o), boost=s.boost, halves=True).score for o in by_owner}
    best_cov = max(cov.values(), default=0.0)
    if best_cov < OPEN_ACCEPT:
        return none_result(f"{doc_name(cat)}中没有涉及“{'、'.join(s.topic)}”的内容。", topic=s.topic)
    best_score = max((v[0].score for v in by_owner.values()), default=0.0)
    keep = []
    for owner, scs in by_owner.items():
        if owners is not None and len(owners) <= 8:
            ok = cov[owner] > 0
        else:
            ok = cov[owner] >= max(OPEN_ACCEPT, 0.75 * best_cov) and scs[0].score >= 0.3 * best_score
        if ok:
            keep.append(owner)
    keep.sort(key=lambda o: -(by_owner[o][0].score * (0.5 + 0.5 * cov[o])))
    keep = keep[:MAX_CLAUSES]
    items, lines = [], []
    order = {t.id: i for i, t in enumerate(cat.record.tasks)}
    for owner in sorted(keep, key=lambda o: order.get(o, -1)):
        relevant = [x for x in by_owner[owner] if cat.terms.coverage(s.topic, x.passage.text).score > 0]
        scs = [x for x in relevant if x.passage.kind == "body"][:PER_CLAUSE] or relevant[:1] or by_owner[owner][:1]
        scs.sort(key=lambda x: x.passage.span)
        quotes = []
        for x in scs:
            it = passage_item(cat, owner, x.passage.span)
            if it:
                it["score"] = round(x.score, 3)
                items.append(it)
                quotes.append(f"「{it['quote']}」")
        t = cat.task(owner)
        title = t.title if t else (cat.section(owner).title if cat.section(owner) else "")
        lines.append(f"{len(lines) + 1}. {cat.cite(owner)} {title}：{''.join(quotes)}")
    text = f"{doc_name(cat)}中与“{'、'.join(s.topic)}”相关的内容如下（均为原文摘录）：\n" + "\n".join(lines)
    how = (f"retrieval: BM25(jieba) + dense({'m3e' if index_for(cat).dense() is not None else 'off'}) over "
           f"{len(index_for(cat).passages)} sentences of {cat.doc_id}; topic={s.topic}; gate: lexical coverage "
           f"{best_cov:.2f} ≥ {OPEN_ACCEPT}")
    return Result(answer=text, items=items, query=how, focus={"tasks": keep, "task": keep[0] if len(keep) == 1 else None})
