"""What an answer is made of: cited items (exact quote + span from the store), Chinese sentences that quote the plan
and name its clauses (三（一）1 / 3.1.1) and the document, and the handler result that chat.answer wraps in the
`policykg.answer/1` envelope.

Why here: every handler cites the same way; a quote whose span does not reproduce it in the canonical text is a bug
that would mislead an official, so `_checked` drops such an item rather than print it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .catalog import Catalog

__all__ = ["Result", "task_item", "target_item", "passage_item", "fmt_value", "fmt_date", "doc_name", "none_result",
           "STATUS_ZH", "target_line", "task_line", "join_names"]

STATUS_ZH = {"overdue": "已逾期", "due_soon": "即将到期", "at_risk": "有风险", "done": "已完成", "on_track": "按计划推进",
             "no_data": "暂无进展报告"}
_CMP_ZH = {">=": "不低于", "<=": "不高于", "=": "", "decrease_by": "下降", "increase_by": "增加"}


@dataclass
class Result:
    """What a handler returns; chat.answer adds schema, question, intent, as_of."""
    answer: str
    none: bool = False
    items: list[dict[str, Any]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    count: Optional[int] = None
    deadline: Optional[str] = None
    query: Optional[str] = None
    intent: Optional[str] = None  # set when a handler decides the question is of another kind
    focus: dict[str, Any] = field(default_factory=dict)  # what the answer was about (for follow-ups)


def none_result(text: str, query: Optional[str] = None, **focus: Any) -> Result:
    return Result(answer=text, none=True, query=query, focus=dict(focus))


def doc_name(cat: Catalog) -> str:
    return f"《{cat.title}》"


def fmt_date(iso: Optional[str]) -> str:
    if not iso:
        return "未规定期限"
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def fmt_value(value: Any, unit: Optional[str], comparator: Optional[str] = None) -> str:
    if value is None:
        return ""
    v = int(value) if float(value).is_integer() else value
    cmp_ = _CMP_ZH.get(comparator or "", "")
    return f"{cmp_}{v}{unit or ''}"


def join_names(names: list[str]) -> str:
    return "、".join(names)


def _checked(cat: Catalog, item: dict[str, Any]) -> Optional[dict[str, Any]]:
    s, e = item["span"]
    return item if cat.text[s:e] == item["quote"] else None


def task_item(cat: Catalog, row: dict[str, Any], quote: str = "title") -> Optional[dict[str, Any]]:
    """A task cited by its title (`quote="title"`) or by its responsibility annotation (`"units"`)."""
    if quote == "units" and row.get("uq") is not None:
        q, s, e = row["uq"], row["us"], row["ue"]
    elif row.get("tq") is not None:
        q, s, e = row["tq"], row["ts"], row["te"]
    else:
        return None
    return _checked(cat, {"doc": cat.doc_id, "task": row["tid"], "target": None, "quote": q, "span": [s, e],
                          "clause": cat.label(row["tid"]), "title": row.get("title")})


def target_item(cat: Catalog, row: dict[str, Any], status: Optional[str] = None) -> Optional[dict[str, Any]]:
    value = row.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _checked(cat, {
        "doc": cat.doc_id, "task": row["owner"], "target": row["gid"], "quote": row["quote"],
        "span": [row["s"], row["e"]], "deadline": row.get("deadline"), "value": value, "unit": row.get("vunit"),
        "comparator": row.get("comparator"), "indicator": row.get("indicator"), "kind": row.get("kind"),
        "status": status, "clause": cat.label(row["owner"])})


def passage_item(cat: Catalog, owner: str, span: tuple[int, int]) -> Optional[dict[str, Any]]:
    s, e = span
    return _checked(cat, {"doc": cat.doc_id, "task": owner, "target": None, "quote": cat.text[s:e], "span": [s, e],
                          "clause": cat.label(owner)})


def table_row_note(cat: Catalog, s: int, e: int) -> str:
    """For a quote that is one cell of a table (an indicator table's `≥19`), the whole row, so that the answer says
    what the number is about: `（表中该行：森林覆盖率｜%｜18.5｜≥19｜约束性）`; "" for prose."""
    text = cat.text
    ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    line = text[ls:le if le >= 0 else len(text)]
    if "\t" not in line:
        return ""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    return f"（表中该行：{'｜'.join(cells)}）"


def target_line(cat: Catalog, item: dict[str, Any], with_status: bool = False) -> str:
    tail = f"（期限：{fmt_date(item.get('deadline'))}"
    if with_status and item.get("status"):
        tail += f"，{STATUS_ZH.get(item['status'], item['status'])}"
    tail += "）"
    s, e = item["span"]
    return f"{cat.cite(item['task'])}「{item['quote']}」{table_row_note(cat, s, e)}{tail}"


def task_line(cat: Catalog, item: dict[str, Any]) -> str:
    return f"{cat.cite(item['task'])} {item.get('title') or item['quote']}"
