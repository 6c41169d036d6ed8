"""Wording changes of one aligned pair: the word-level edits that no typed change explains, one per sentence.

Why these rules:
- The responsibility annotation (`（责任单位：…）`, `［…；逗号前为牵头单位］`) is left out of the word diff: what it says
  is compared as units (typed.unit_change); its brackets and conventions are not wording.
- An edit inside the quote of a target whose value/unit/comparator/deadline changed is *explained* when, once numbers,
  the two units, comparator cues and time words are taken out, nothing is left (`6` → `8`, `不少于` → `不超过`,
  `2025` → `2027`). An edit that still leaves words (`新建` → `建成` next to the number) is reported as wording too.
- Edits are grouped by sentence (split at `。；！？` and line ends, the title being the first sentence), so one
  reworded title or one rewritten clause is one change, whatever the tokeniser does with it. A change touching the
  title is `detail.field = "title"` with the whole old and new titles as before/after; otherwise before/after are the
  shortest phrases covering the edits (with `detail.sentence_before/after` for context).
"""
from __future__ import annotations

import difflib
import re
from typing import Optional, Sequence

from extract.record import Target

from .items import Item
from .normalize import normalize, normalize_with_map
from .tokens import SENTENCE_END, Hunk, Tok, hunks, tokenize, token_ratio
from .typed import Change

__all__ = ["annotation_regions", "text_changes", "formatting_count", "item_tokens"]

Region = tuple[int, int]

_OPEN = "(（[［【〔"
_CLOSE = ")）]］】〕"
_CUES = sorted(set("""不少于 不低于 不小于 至少 超过 突破 达到 提高到 提升到 增加到 增至 稳定在 高于 大于 不高于 不超过
不大于 低于 控制在 降至 降到 降低到 下降到 以内 小于 以上 以下 及以上 左右 下降 降低 减少 增长 增加 提高 提升 累计 达
不 未 年底 月底 年前 月前 年内 期间 年起 之前 以前 季度 上半年 下半年 十四五 十五五 十三五 年 月 日 底 前 末 内 起 到 至
""".split()), key=len, reverse=True)
_LABELLED = re.compile(r"[(（［\[【〔]\s*(?:责任|牵头|配合|主责)[^()（）［］\[\]【】〔〕]{0,80}[)）］\]】〕]")
_DEADLINE_LABEL = re.compile(r"[，,；;]\s*(?:完成)?(?:期限|时限)")
_NUMERIC = re.compile(r"[0-9.,%‰~\-—－零〇一二两三四五六七八九十百千万亿\"'“”、:：]+")


def annotation_regions(item: Item, text: str) -> list[Region]:
    """The responsibility annotations of a task, brackets and labels included: the bracketed groups around the
    extracted unit names, and any bracketed group that starts with a responsibility label (a task can carry several,
    `（责任部门：气候处，完成期限：6 月底）` after each clause, whose repeated names the extraction lists once). A
    deadline inside such a bracket (`，完成期限：6 月底）`) is not part of the region: it stays wording, unless a typed
    deadline change explains it."""
    spans = [u.span for u in item.units if u.span] + ([item.unit_span] if item.unit_span else [])
    spans += [(item.start + m.start(), item.start + m.end()) for m in _LABELLED.finditer(item.raw)]
    spans.sort()
    regions: list[Region] = []
    for s, e in spans:
        if regions and regions[-1][0] <= s and e <= regions[-1][1]:
            continue
        lo = max(item.start, s - 24)
        start = max(text.rfind(c, lo, s) for c in _OPEN)
        if start < 0:
            start = s
        end = e
        for i in range(e, min(item.end, e + 60)):
            if text[i] in _CLOSE:
                end = i + 1
                break
            if text[i] in _OPEN:
                break
        cut = _DEADLINE_LABEL.search(text, start, end)
        regions.append((start, cut.start() if cut else end))  # a 完成期限 inside the bracket stays wording
    regions.sort()
    merged: list[Region] = []
    for r in regions:
        if merged and r[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], r[1]))
        else:
            merged.append(r)
    return merged


def item_tokens(item: Item, text: str) -> list[Tok]:
    """Tokens of an item's own text, without its responsibility annotations."""
    regions = annotation_regions(item, text)
    toks = tokenize(item.raw, item.start)
    if not regions:
        return toks
    return [t for t in toks if not any(r[0] <= t.start and t.end <= r[1] for r in regions)]


def _residual(s: str, units: Sequence[str]) -> str:
    s = normalize(s)
    for cue in _CUES:
        s = s.replace(cue, "")
    unit_chars = set("".join(normalize(u) for u in units if u))
    s = "".join(c for c in s if c not in unit_chars)  # `8.35万吨` → `83500吨`: the tokeniser cuts units anywhere
    return _NUMERIC.sub("", s)


def _inside(span: Optional[Region], regions: Sequence[Region]) -> bool:
    return span is None or any(r[0] <= span[0] and span[1] <= r[1] for r in regions)


def _span(toks: Sequence[Tok], i0: int, i1: int) -> Optional[Region]:
    return (toks[i0].start, toks[i1 - 1].end) if i1 > i0 else None


def _point(toks: Sequence[Tok], i: int, item: Item) -> int:
    """Offset of an insertion point between tokens i-1 and i."""
    if i > 0:
        return toks[i - 1].end
    return toks[0].start if toks else item.start


def _sentence(text: str, item: Item, pos: int) -> int:
    """Sentence number of a position within the item; the title (when delimited) is sentence 0."""
    seg = text[item.start:max(item.start, pos)]
    n = sum(1 for c in seg if c in SENTENCE_END)
    if item.title_span and n == 0 and pos > item.title_span[1]:
        n = 1  # a title not closed by 。 still ends where the extractor says
    return n


def _sentence_text(text: str, item: Item, pos: int) -> str:
    lo = pos
    while lo > item.start and text[lo - 1] not in SENTENCE_END:
        lo -= 1
    hi = pos
    while hi < item.end and text[hi] not in SENTENCE_END:
        hi += 1
    return text[lo:min(item.end, hi + 1)].strip()


def _touches(span: Optional[Region], point: int, region: Optional[Region]) -> bool:
    if region is None:
        return False
    if span is None:
        return region[0] < point < region[1]  # strictly inside: text deleted right after a title is body text
    return span[0] < region[1] and region[0] < span[1]


def text_changes(a: Item, b: Item, old_text: str, new_text: str,
                 explained: Sequence[tuple[list[Region], list[Region], list[str]]],
                 lone_old: Sequence[Target] = (), lone_new: Sequence[Target] = (),
                 ta: Optional[list[Tok]] = None, tb: Optional[list[Tok]] = None) -> tuple[list[Change], float]:
    """Wording changes between two aligned items, and their token similarity (1.0 = same words).

    `explained`: per typed change, (old regions, new regions, unit strings) that its edits may fall in.
    `lone_old` / `lone_new`: targets of these items that found no partner (named in the change that touches them).
    """
    ta = item_tokens(a, old_text) if ta is None else ta
    tb = item_tokens(b, new_text) if tb is None else tb
    ratio = token_ratio(ta, tb)
    if ratio == 1.0:
        return [], 1.0
    kept: list[tuple[Hunk, Optional[Region], Optional[Region], int, int]] = []
    for h in hunks(ta, tb):
        os_, ns_ = _span(ta, h.a0, h.a1), _span(tb, h.b0, h.b1)
        op, np_ = (os_[0] if os_ else _point(ta, h.a0, a)), (ns_[0] if ns_ else _point(tb, h.b0, b))
        if any((os_ or ns_) and _inside(os_, o) and _inside(ns_, n)
               and not _residual(old_text[os_[0]:os_[1]] if os_ else "", units)
               and not _residual(new_text[ns_[0]:ns_[1]] if ns_ else "", units)
               for o, n, units in explained):
            continue
        kept.append((h, os_, ns_, op, np_))
    groups: list[list[tuple[Hunk, Optional[Region], Optional[Region], int, int]]] = []
    last: Optional[tuple[int, int]] = None
    for k in kept:
        key = (_sentence(old_text, a, k[3]), _sentence(new_text, b, k[4]))
        if groups and last is not None and (key[0] == last[0] or key[1] == last[1]):
            groups[-1].append(k)
        else:
            groups.append([k])
        last = key
    changes: list[Change] = []
    for g in groups:
        changes.append(_group_change(a, b, old_text, new_text, ta, tb, g, lone_old, lone_new))
    return changes, ratio


def _group_change(a: Item, b: Item, old_text: str, new_text: str, ta: Sequence[Tok], tb: Sequence[Tok], group,
                  lone_old: Sequence[Target], lone_new: Sequence[Target]) -> Change:
    """One wording change from a run of hunks: the old and new token ranges from the first hunk to the last."""
    first, last = group[0][0], group[-1][0]
    o_rng = _span(ta, first.a0, last.a1)
    n_rng = _span(tb, first.b0, last.b1)
    o_pt, n_pt = group[0][3], group[0][4]
    title = _touches(o_rng, o_pt, a.title_span) or _touches(n_rng, n_pt, b.title_span)
    if title:
        before, after = a.title, b.title
        o_out = list(a.title_span) if a.title_span else (list(o_rng) if o_rng else [o_pt, o_pt])
        n_out = list(b.title_span) if b.title_span else (list(n_rng) if n_rng else [n_pt, n_pt])
    else:
        before = old_text[o_rng[0]:o_rng[1]] if o_rng else ""
        after = new_text[n_rng[0]:n_rng[1]] if n_rng else ""
        o_out = list(o_rng) if o_rng else [o_pt, o_pt]
        n_out = list(n_rng) if n_rng else [n_pt, n_pt]
    detail: dict = {"field": "title" if title else "text",
                    "sentence_before": _sentence_text(old_text, a, o_out[0]),
                    "sentence_after": _sentence_text(new_text, b, n_out[0])}
    gone = [g.id for g in lone_old if o_rng and g.span[0] < o_rng[1] and o_rng[0] < g.span[1]]
    came = [g.id for g in lone_new if n_rng and g.span[0] < n_rng[1] and n_rng[0] < g.span[1]]
    if gone:
        detail["targets_removed"] = gone
    if came:
        detail["targets_added"] = came
    return {"old": a.id, "new": b.id, "type": "text", "before": before, "after": after, "detail": detail,
            "old_span": o_out, "new_span": n_out}


def formatting_count(a: Item, b: Item) -> int:
    """Places where the two texts differ only in formatting (whitespace, width, line breaks, OCR spaces).

    Walks the characters the two normal forms share (all of them when the normal forms are equal, else the matching
    blocks of a character diff) and counts the runs where the raw characters behind them, with the whitespace before
    them, differ.
    """
    if a.raw == b.raw:
        return 0
    na, ia = normalize_with_map(a.raw)
    nb, ib = normalize_with_map(b.raw)
    if na == nb:
        blocks = [(0, 0, len(na))]
    else:
        blocks = [tuple(m) for m in difflib.SequenceMatcher(None, na, nb, autojunk=False).get_matching_blocks()]
    count = 0
    for i, j, n in blocks:
        run = False
        for k in range(n):
            ea, eb = ia[i + k] + 1, ib[j + k] + 1
            sa = ia[i + k - 1] + 1 if k else ia[i]
            sb = ib[j + k - 1] + 1 if k else ib[j]
            differs = a.raw[min(sa, ea - 1):ea] != b.raw[min(sb, eb - 1):eb]
            if differs and not run:
                count += 1
            run = differs
    return count
