"""Documents a plan names in 《…》: their titles and spans, and whether the plan implements, drafts or only cites them.

Why rules on the words before the title: Chinese plans state what they implement in a fixed form in their opening
(`为深入贯彻落实《上海市碳达峰实施方案》……制定本方案`, `根据《四川省…》和《成都市…》要求`), and name documents they will
write with a drafting verb (`研究制定《达州市2030年前碳达峰行动方案》`). The relation is read from the nearest such verb
before the title in the same clause:
    implements  an implementing verb (根据, 按照, 贯彻落实, 落实, 依据, 对照…) in the document's opening: the text before
                its first numbered heading, a 总体要求 / 指导思想 / 总体思路 / 编制依据 section, or a 第一条;
    drafts      a drafting verb (制定, 编制, 出台, 印发…): a document the plan will produce, not one it relies on;
    cites       anything else (including 落实《…》 inside a task: a task's work item, not the plan's basis).
Nothing is inferred from the title itself: laws, 意见 and 方案 are all recorded as the text names them. The one title
skipped is the document's own (`关于印发《…》的通知`, `现将《…》印发给你们`, a web page's `发布《…》`), which links
nowhere.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Optional

from .record import PlanRecord, Reference, Span

__all__ = ["find_references", "normalize_title", "IMPLEMENT_CUES", "DRAFT_CUES", "OPENING_SECTIONS", "RELATIONS"]

RELATIONS = ("implements", "drafts", "cites")
#: Verbs that make a cited document the plan's basis when they govern it in the opening.
IMPLEMENT_CUES = ("贯彻落实", "贯彻", "落实", "根据", "按照", "依据", "依照", "遵照", "对照")
#: Verbs that make the named document something the plan will produce.
DRAFT_CUES = ("研究制定", "制定", "制订", "编制", "出台", "起草", "修订", "修改完善", "形成", "印发", "发布", "编写")
#: Titles of top-level sections that belong to a plan's opening.
OPENING_SECTIONS = ("总体要求", "指导思想", "总体思路", "编制依据")

# A title: no nested 《》, no sentence end inside, at most two line breaks (PDF text wraps inside long titles).
_TITLE = re.compile(r"《([^《》。\n]*(?:\n[^《》。\n]*){0,2})》")
_WS = re.compile(r"\s+")
_CUE = re.compile("|".join(sorted(IMPLEMENT_CUES + DRAFT_CUES, key=len, reverse=True)))
_CLAUSE_END = set("。；;！？!?，,")
_MASK = "□"
_WRAP_MIN = 20  # a line this long that ends without punctuation is a wrapped line (PDF text), not a paragraph
_NORM_DROP = re.compile(r"[\s《》〈〉<>「」『』“”\"'‘’、·•]")
_DASHES = str.maketrans({"—": "-", "–": "-", "―": "-", "－": "-", "～": "~"})


def normalize_title(title: str) -> str:
    """The form two citations of one document share: full/half width unified (NFKC), whitespace, brackets, quote
    marks and 、 dropped (issuers are written `中共中央 国务院`, `中共中央、国务院` or run together for one document),
    dashes unified. Used to skip the document's own title here and to match titles across documents in kg.links."""
    return _NORM_DROP.sub("", unicodedata.normalize("NFKC", title).translate(_DASHES))


def find_references(record: PlanRecord) -> list[Reference]:
    """Every 《title》 in the record's text except the document's own, in text order, with its relation."""
    text = record.text
    own = normalize_title(record.document.title or "")
    titles = list(_TITLE.finditer(text))
    masked = _masked(text, titles)
    breaks = _clause_breaks(masked, {x.span[0] for x in [*record.sections, *record.tasks]})
    opening = _opening(record)
    out: list[Reference] = []
    for m in titles:
        title = _WS.sub("", m.group(1))
        norm = normalize_title(title)
        if not norm or norm == own or ("印发" + norm) in own or _issued_here(masked, m):
            continue
        cs, ce = _clause(breaks, m.start(), m.end(), len(text))
        cue = _nearest_cue(masked, cs, m.start())
        if cue in DRAFT_CUES:
            relation = "drafts"
        elif cue is not None and any(s <= m.start() < e for s, e in opening):
            relation = "implements"
        else:
            relation = "cites"
        out.append(Reference(title=title, span=(m.start(1), m.end(1)), relation=relation, cue=cue,
                             context=_strip(text, cs, ce)))
    return out


def _issued_here(masked: str, m: re.Match) -> bool:
    """A notice's cover naming the document it issues, i.e. this one: `关于印发《X》的通知`, `现将《X》印发给你们`,
    `《X》已经市政府同意，现印发你们` (read without the document's title, which a wrapped cover often garbles)."""
    before = _WS.sub("", masked[max(0, m.start() - 8):m.start()])
    after = _WS.sub("", masked[m.end():m.end() + 40].split("。")[0])
    return ((before.endswith("关于印发") and after.startswith("的通知"))
            or any(w in after for w in ("印发给你们", "印发你们", "现予印发")))


def _masked(text: str, titles: list[re.Match]) -> str:
    """The text with every title's inside blanked (line breaks too), so that verbs, commas and wraps inside titles
    are not read as clauses. Same length as the text: positions carry over."""
    chars = list(text)
    for m in titles:
        chars[m.start(1):m.end(1)] = _MASK * (m.end(1) - m.start(1))
    return "".join(chars)


def _soft(line: str) -> bool:
    """A long line that stops in the middle of a word: PDF text wrapped at the page width."""
    stripped = line.strip()
    return len(stripped) >= _WRAP_MIN and (stripped[-1].isalnum() or stripped[-1] == _MASK)


def _clause_breaks(masked: str, heading_starts: set[int]) -> list[int]:
    """Sorted positions of characters that end a clause. A line break ends one, except in wrapped PDF text (many
    long lines stop mid-word) after a line that stops mid-word and before a line that is not a numbered heading."""
    lines = masked.split("\n")
    long_lines = [ln for ln in lines if len(ln.strip()) >= _WRAP_MIN]
    wrapped = bool(long_lines) and sum(map(_soft, long_lines)) >= 0.5 * len(long_lines)
    out = []
    pos = 0
    for ln in lines:
        out.extend(pos + i for i, c in enumerate(ln) if c in _CLAUSE_END)
        end = pos + len(ln)
        if end < len(masked) and not (wrapped and _soft(ln) and end + 1 not in heading_starts):
            out.append(end)
        pos = end + 1
    return out


def _clause(breaks: list[int], start: int, end: int, n: int) -> Span:
    i = bisect.bisect_left(breaks, start)
    cs = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(breaks, end)
    ce = breaks[j] if j < len(breaks) else n
    return cs, ce


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _nearest_cue(masked: str, clause_start: int, title_start: int) -> Optional[str]:
    """The cue verb that ends closest before the title within its clause (the longest at equal ends)."""
    best: Optional[re.Match] = None
    for best in _CUE.finditer(masked, clause_start, title_start):  # left to right, longest first: keep the last
        pass
    return best.group(0) if best else None


def _opening(record: PlanRecord) -> list[Span]:
    """Regions where an implementing verb makes a citation the plan's basis."""
    starts = [s.span[0] for s in record.sections] + [t.span[0] for t in record.tasks]
    if not starts:
        return [(0, len(record.text))]  # no numbered structure: the whole text is its opening
    regions = [(0, min(starts))]
    for s in record.sections:
        if s.parent is None and any(k in s.title for k in OPENING_SECTIONS):
            regions.append(s.body_span or s.span)
    for t in record.tasks:
        if not t.section and any(k in t.title for k in OPENING_SECTIONS):
            regions.append(t.span)
    articles = [x for x in [*record.sections, *record.tasks] if _WS.sub("", x.number).startswith("第一条")]
    if articles:  # statutes and 办法 state their basis in 第一条 (under 第一章 总则 when there are chapters)
        first = min(articles, key=lambda x: x.span[0])
        regions.append(getattr(first, "body_span", None) or first.span)
    return regions
