"""Document metadata read from the plan's own front matter: title, issuer, publication date, plan year, id."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Optional

from .structure import TOC_ENTRY

TITLE_WORDS = ("方案", "计划", "意见", "办法", "规划", "通知", "安排", "要点", "措施", "举措", "纲要", "战略", "细则", "规定", "决定",
               "目录", "清单", "路线图", "行动")
ADMIN_RE = re.compile(r"^((?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市))?(?:[\u4e00-\u9fff]{1,6}?(?:自治州|地区|盟|市|区|县|旗))?)")
DATE_RES = [
    re.compile(r"发布(?:时间|日期)\s*[:：]\s*(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})"),
    re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.M),
]


def first_heading_line(lines: list[str], heading_starts: set[int]) -> int:
    for i in range(len(lines)):
        if i in heading_starts:
            return i
    return len(lines)


def find_title(lines: list[str], limit: int) -> tuple[str, int]:
    """The last title-like line before the body (a notice's own title comes earlier and loses); joins a title that
    wraps over two short lines (`省生态环境厅 2021 年度` / `推动碳达峰、碳中和工作计划`)."""
    best, best_i = "", -1
    for i in range(min(limit, 40)):
        line = lines[i].strip()
        if not line or len(line) > 80 or line.endswith(("。", "：", ":", "，", ",")) or line.startswith(("为", "根据", "各", "发布")):
            continue
        if TOC_ENTRY.search(line) or re.sub(r"\s", "", line) == "目录":
            continue  # the contents page (`目 录`, `二、规划总则……13`), not the document's title
        if any(w in line for w in TITLE_WORDS):
            best, best_i = line, i
            prev = lines[i - 1].strip() if i > 0 else ""
            if prev and not any(w in prev for w in TITLE_WORDS) and len(prev) <= 30 \
                    and not re.search(r"(\d\s*日|[。：:，,）)]|办公室|小组|人民政府|委员会|代章)$", prev) \
                    and not prev.startswith(("（", "(", "发布")):
                best = lines[i - 1].strip() + line
    if not best:
        best = next((ln.strip() for ln in lines[:limit] if ln.strip()), "")[:80]
    best = re.sub(r"^附件\s*\d*\s*[:：]?\s*", "", best)
    return re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", best), best_i


def find_issuer(lines: list[str], title: str) -> Optional[str]:
    """Longest administrative-region prefix of the title-like lines (`上海市嘉定区碳达峰实施方案` → 上海市嘉定区)."""
    cands = []
    heads = [ln.strip() for ln in lines[:6] if len(ln.strip()) < 40 and not ln.strip().endswith(("。", "：", ":"))
             and not ln.strip().startswith(("为", "根据", "按照", "各", "发布"))]
    for line in [title] + heads:
        line = re.sub(r"\s+", "", line)
        if not any(w in line for w in TITLE_WORDS + ("人民政府", "办公室", "厅", "局", "委")):
            continue
        m = ADMIN_RE.match(line)
        if m and m.group(1) and len(m.group(1)) >= 2 and m.group(1) in title + "".join(lines[:6]):
            cands.append(m.group(1))
        m2 = re.match(r"^([\u4e00-\u9fff]{0,8}(?:人民政府办公厅|人民政府办公室|人民政府|[\u4e00-\u9fff]{2,8}(?:厅|委员会|局)))", line)
        if m2 and not cands:
            cands.append(m2.group(1))
    if not cands:
        return None
    best = max(cands, key=len)
    return best


def find_published(text: str) -> Optional[str]:
    head = text[:3000]
    for rx in DATE_RES:
        m = rx.search(head) or rx.search(text[-600:])
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1990 < y < 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def find_plan_year(title: str, published: Optional[str]) -> Optional[int]:
    """The year an annual plan is for (`2021年度…工作计划`); `2030年前碳达峰实施方案` names a deadline, not the plan's
    year (taking it would make every 2025 target look past, and put `6月底` in 2030)."""
    m = re.search(r"((?:19|20)\d\d)\s*年(?:度)?(?![\-—~至到前])", re.sub(r"\s+", "", title))
    if m and not re.search(r"(?:19|20)\d\d\s*[-—~至到]", title):
        return int(m.group(1))
    return int(published[:4]) if published else None


def doc_id_from_path(path: str) -> str:
    stem = unicodedata.normalize("NFKC", Path(path).stem).lower()
    slug = re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", stem).strip("-")
    return slug or "document"
