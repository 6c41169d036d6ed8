"""References to parts of a plan in a question: by number (`第三部分第五节`, `三（四）`, `重点任务第（九）项`, `3.5`,
`三（一）1`), by title (`保障措施`, `“推广普及节能增效”这部分`, `加快建设新型电力系统`) and by topic (`交通领域`,
`碳汇这一块`, `嘉定新城低碳示范那一节`).

Why three ways: officials cite clauses by the document's own numbering, by its headings, or by the field a section
covers. Every reference is resolved against the document's own sections and tasks (nothing is hard-coded), and a
number that does not exist (`第六部分` of a five-part plan) is reported as missing so that the answer can say so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .catalog import Catalog
from .text import CN_NUM, cn_number, norm, norm_map

__all__ = ["ClauseRef", "find_refs"]


@dataclass(frozen=True)
class ClauseRef:
    kind: str  # "section" | "task" | "missing"
    id: Optional[str]  # section or task id (None when missing)
    span: tuple[int, int]  # in the original question
    how: str  # "number" | "title" | "topic"
    strength: float  # 1 = exact; title/topic matches below 1
    text: str = ""  # what the question said (for "missing")


_N = rf"[{CN_NUM}]+|\d+"
_PART = re.compile(rf"第({_N})(?:部分|章|大部分|个部分)")
_SUB = re.compile(rf"^(?:的|中的|里的|中|里)?第?[（(]?({_N})[)）]?(?:节|项|小节|方面|部分|条|点)")
_CN_PAIR = re.compile(rf"(?<![{CN_NUM}])([{CN_NUM}]+)、?[（(]([{CN_NUM}]+)[)）](\d+)?")
_CN_TOP_TASK = re.compile(rf"(?<![{CN_NUM}（(])([{CN_NUM}]+)[、.．](\d{{1,2}})(?![\d.])")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.]|\s*[万亿千百%％个年月日号元吨米座家辆项条])")
_TOPIC_MARK = re.compile(r"(领域|方面|这一节|那一节|这一部分|那一部分|这部分|那部分|部分|这一块|那一块|这块|那块|板块|"
                         r"这一章|一节|这节|那节|章节|这项任务|这个任务|这项工作|这一项)")
_TOPIC_STOP = re.compile(r"[，,。？?！!、；;：:（）()“”\"'的在和与及对里中]")


def _child(cat: Catalog, parent: Optional[str], n: int) -> Optional[tuple[str, str]]:
    """The n-th child of a section (sub-sections first, else tasks): (kind, id)."""
    subs = cat.children(parent)
    if subs:
        return ("section", subs[n - 1]) if 0 < n <= len(subs) else None
    tasks = [t.id for t in cat.record.tasks if t.section == parent]
    return ("task", tasks[n - 1]) if 0 < n <= len(tasks) else None


def _top(cat: Catalog, n: int) -> Optional[str]:
    tops = cat.children(None)
    return tops[n - 1] if 0 < n <= len(tops) else None


def _lcs(a: str, b: str) -> int:
    if not a or not b:
        return 0
    best, prev = 0, [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            if ai == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best = cur[j]
        prev = cur
    return best


def _clauses(title: str) -> list[str]:
    parts = [p for p in re.split(r"[,，、;；:：]", norm(title)) if len(p) >= 2]
    return parts or [norm(title)]


def find_refs(question: str, cat: Catalog, blank: list[tuple[int, int]] = ()
              ) -> tuple[list[ClauseRef], list[tuple[int, int]]]:
    """Clause references in `question`, strongest first, and the spans of section references (which name the
    question's scope, not its topic). `blank` spans (units, times) are ignored."""
    chars = list(question)
    for s, e in blank:
        for k in range(s, min(e, len(chars))):
            chars[k] = "|"
    q = "".join(chars)
    flat, idx = norm_map(q)
    refs: list[ClauseRef] = []

    def span(s: int, e: int) -> tuple[int, int]:
        return (idx[s], idx[e - 1] + 1) if e > s else (0, 0)

    def follow(sid: str, end: int) -> tuple[Optional[tuple[str, str]], int]:
        """Children named after a reference: 第三部分 + 第五节 + 第2条 → 3.5.2."""
        found: Optional[tuple[str, str]] = None
        while True:
            m = _SUB.match(flat[end:])
            if not m:
                return found, end
            n = cn_number(m.group(1))
            child = _child(cat, sid, n) if n else None
            if child is None:
                return (found if found else None), (end if found else end + m.end())
            found, end = child, end + m.end()
            if child[0] == "task":
                return found, end
            sid = child[1]

    # by number -----------------------------------------------------------------------------------------------
    for m in _PART.finditer(flat):
        n = cn_number(m.group(1))
        sid = _top(cat, n) if n else None
        if sid is None:
            refs.append(ClauseRef("missing", None, span(m.start(), m.end()), "number", 1.0, m.group(0)))
            continue
        child, end = follow(sid, m.end())
        if child:
            refs.append(ClauseRef(child[0], child[1], span(m.start(), end), "number", 1.0))
        elif end > m.end():
            refs.append(ClauseRef("missing", None, span(m.start(), end), "number", 1.0, flat[m.start():end]))
        else:
            refs.append(ClauseRef("section", sid, span(m.start(), m.end()), "number", 1.0))
    for m in _CN_PAIR.finditer(flat):
        a, b = cn_number(m.group(1)), cn_number(m.group(2))
        sid = _top(cat, a) if a else None
        child = _child(cat, sid, b) if sid and b else None
        if child is None:
            continue
        kind, cid = child
        if m.group(3) and kind == "section":
            t = _child(cat, cid, int(m.group(3)))
            if t:
                kind, cid = t
        refs.append(ClauseRef(kind, cid, span(m.start(), m.end()), "number", 1.0))
    for m in _CN_TOP_TASK.finditer(flat):  # 四、2 / 四.2: the 2nd item under part 四
        a = cn_number(m.group(1))
        sid = _top(cat, a) if a else None
        child = _child(cat, sid, int(m.group(2))) if sid else None
        if child:
            refs.append(ClauseRef(child[0], child[1], span(m.start(), m.end()), "number", 1.0))
    for m in _DOTTED.finditer(flat):
        cid = m.group(1)
        if cat.task(cid):
            refs.append(ClauseRef("task", cid, span(m.start(), m.end()), "number", 1.0))
        elif cat.section(cid):
            refs.append(ClauseRef("section", cid, span(m.start(), m.end()), "number", 1.0))

    # by title: the longest heading (or heading clause) the question quotes ---------------------------------------
    nodes = [("section", s.id, s.title) for s in cat.record.sections] + [("task", t.id, t.title) for t in cat.record.tasks]
    scored = []
    for kind, cid, title in nodes:
        best = (0.0, 0.0)
        for clause in _clauses(title):
            n = _lcs(flat, clause)
            if n >= 4 and n >= 0.6 * len(clause):
                best = max(best, (n * (0.5 + 0.5 * n / len(clause)), n / len(clause)))
        if best[0]:
            scored.append((best[0], best[1], kind, cid))
    scored.sort(key=lambda x: (-x[0], x[2] != "task"))
    for sc, ratio, kind, cid in scored[:3]:
        if sc < 0.85 * scored[0][0]:
            break
        title = cat.section(cid).title if kind == "section" else cat.task(cid).title
        s, e = _locate(flat, title)
        child, end = follow(cid, e) if kind == "section" else (None, e)
        if child:
            refs.append(ClauseRef(child[0], child[1], span(s, end), "number", 1.0))
        else:
            refs.append(ClauseRef(kind, cid, span(s, e), "title", 0.5 + 0.5 * ratio))

    # by topic: "<X>领域 / <X>这一块 / <X>那一节" -------------------------------------------------------------------
    for m in _TOPIC_MARK.finditer(flat):
        left = flat[max(0, m.start() - 14):m.start()]
        stop = max((k for k, c in enumerate(left) if _TOPIC_STOP.match(c) or c == "|"), default=-1)
        left = left[stop + 1:]
        mark = m.group(1)
        best = None
        for k in range(len(left) - 1):
            x = left[k:]
            for probe in ((x + mark, x) if mark == "领域" else (x,)):
                hits = [(kind, cid) for kind, cid, title in nodes
                        if probe in norm(title) and (kind == "section" or "任务" in mark or "工作" in mark or "项" in mark)]
                if len(hits) == 1 or (hits and len({h[1] for h in hits}) == 1):
                    best = (hits[0], m.start() - len(x), m.end())
                    break
                if hits:
                    secs = [h for h in hits if h[0] == "section"]
                    if len(secs) == 1:
                        best = (secs[0], m.start() - len(x), m.end())
                        break
            if best:
                break
        if best:
            (kind, cid), s, e = best
            child, end = follow(cid, e) if kind == "section" else (None, e)
            if child:
                refs.append(ClauseRef(child[0], child[1], span(s, end), "number", 1.0))
            else:
                refs.append(ClauseRef(kind, cid, span(s, e), "topic", 0.9))

    out: list[ClauseRef] = []
    seen = set()
    for r in sorted(refs, key=lambda r: (-r.strength, r.how != "number", r.span)):
        key = (r.kind, r.id, r.text)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out, [r.span for r in refs if r.kind != "task"]


def _locate(flat: str, title: str) -> tuple[int, int]:
    """Where the question quotes (part of) a title: the span of the longest common substring."""
    t = norm(title)
    best = (0, 0, 0)
    for i in range(len(flat)):
        for j in range(i + 1, len(flat) + 1):
            if j - i <= best[0]:
                continue
            if flat[i:j] in t:
                best = (j - i, i, j)
            else:
                break
    return best[1], best[2]
