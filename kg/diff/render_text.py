"""The terminal form of a diff: a short Chinese summary a policy officer can read top to bottom.

Why this shape: the first lines answer "how much changed" (counts by status and by type), then what was added and
removed, then each changed item with its typed changes in plain words (指标、期限、责任单位、文字), then moves and
renumberings in one line each. Formatting-only differences are only counted, as the contract says. It renders the
diff dict alone (no records), so it works on JSON read back from disk.
"""
from __future__ import annotations

from typing import Any, Optional

__all__ = ["render_text"]

STATUS_ZH = {"unchanged": "未变", "renumbered": "重新编号", "moved": "移动", "modified": "修改"}
TYPE_ZH = {"target_value": "指标数值", "deadline": "期限", "responsible_units": "责任单位", "text": "文字"}


def _clip(s: Optional[str], n: int = 60) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[:n - 1] + "…"


def _sec(section_id: Optional[str]) -> str:
    return section_id or "顶层"


def _n(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _change_line(c: dict[str, Any]) -> str:
    d = c.get("detail") or {}
    t = c["type"]
    if t == "target_value":
        what = _clip((d.get("indicator") or d.get("quote_after") or "").lstrip("，,、；; "), 30)
        q = d.get("quantity")
        note = ""
        if q:
            if q.get("same"):
                note = "（折算后相同）"
            elif q.get("old_in_new_unit"):
                note = f"（原值折合{q['old_in_new_unit']}）"
            else:
                note = f"（折算为{q['unit']}：{_n(q['before'])} → {_n(q['after'])}）"
        return f"指标数值：{what}：{c['before']} → {c['after']}{note}"
    if t == "deadline":
        where = ("任务期限" if d.get("level") == "task"
                 else f"期限（{_clip((d.get('indicator') or '').lstrip('，,、；; '), 24)}）")
        texts = d.get("deadline_text") or [None, None]
        return f"{where}：{c['before'] or '无'} → {c['after'] or '无'}（{texts[0] or '—'} → {texts[1] or '—'}）"
    if t == "responsible_units":
        parts = []
        if d.get("added"):
            parts.append("新增 " + "、".join(d["added"]))
        if d.get("removed"):
            parts.append("删除 " + "、".join(d["removed"]))
        if d.get("renamed"):
            parts.append("更名 " + "、".join(f"{a}→{b}" for a, b in d["renamed"]))
        if d.get("lead_changed"):
            parts.append(f"牵头单位 {'、'.join(d.get('lead_before') or []) or '无'} → "
                         f"{'、'.join(d.get('lead_after') or []) or '无'}")
        return "责任单位：" + "；".join(parts)
    label = "标题" if d.get("field") == "title" else "文字"
    before, after = c.get("before") or "", c.get("after") or ""
    if not before:
        return f"{label}：新增「{_clip(after)}」"
    if not after:
        return f"{label}：删除「{_clip(before)}」"
    return f"{label}：「{_clip(before)}」→「{_clip(after)}」"


def render_text(diff: dict[str, Any]) -> str:
    """A readable Chinese summary of a `policykg.diff/1` object."""
    docs = diff.get("documents") or {}
    old_t = (docs.get("old") or {}).get("title") or ""
    new_t = (docs.get("new") or {}).get("title") or ""
    lines = [f"对比：{diff['old']}（{old_t}）→ {diff['new']}（{new_t}）" if old_t or new_t
             else f"对比：{diff['old']} → {diff['new']}"]
    counts: dict[str, int] = {}
    for p in diff["pairs"]:
        counts[p["status"]] = counts.get(p["status"], 0) + 1
    status = "，".join(f"{STATUS_ZH[s]} {counts[s]}" for s in STATUS_ZH if counts.get(s))
    lines.append(f"任务：对应 {len(diff['pairs'])} 项（{status or '无'}）；新增 {len(diff['added'])} 项；"
                 f"删除 {len(diff['removed'])} 项")
    by_type: dict[str, int] = {}
    for c in diff["changes"]:
        by_type[c["type"]] = by_type.get(c["type"], 0) + 1
    kinds = "，".join(f"{TYPE_ZH[t]} {by_type[t]}" for t in TYPE_ZH if by_type.get(t))
    lines.append(f"变更：{len(diff['changes'])} 处（{kinds or '无'}）；仅格式差异 {diff.get('formatting_only', 0)} 处"
                 "（空格、全半角、换行，未列出）")
    if not diff.get("embeddings", True):
        lines.append("（未使用语义向量：按字符 n-gram、标题、编号和责任单位对齐）")
    if diff.get("unit_renames"):
        lines.append("单位更名：" + "；".join(f"{r['old']} → {r['new']}" for r in diff["unit_renames"]))
    for w in diff.get("warnings") or []:
        lines.append(f"注意：{w}")

    titles_new = {p["new"]: p.get("title") for p in diff["pairs"]}
    titles_old = {p["old"]: p.get("old_title") for p in diff["pairs"]}
    for key, label, ids, names in (("added", "新增任务", diff["added"], diff.get("added_titles")),
                                   ("removed", "删除任务", diff["removed"], diff.get("removed_titles"))):
        if ids:
            lines.append("")
            lines.append(f"{label}：")
            sign = "+" if key == "added" else "-"
            link = diff.get("added_from" if key == "added" else "removed_into") or {}
            for i in ids:
                title = (names or {}).get(i) if isinstance(names, dict) else None
                note = ""
                if link.get(i):
                    note = (f"（部分内容来自 {'、'.join(link[i])}）" if key == "added"
                            else f"（部分内容并入 {'、'.join(link[i])}）")
                lines.append(f"  {sign} {i} {title or ''}{note}".rstrip())

    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in diff["changes"]:
        by_pair.setdefault((c["old"], c["new"]), []).append(c)
    section_pairs = {(p["old"], p["new"]): p for p in (diff.get("sections") or {}).get("pairs", [])}
    task_pairs = {(p["old"], p["new"]): p for p in diff["pairs"]}
    if by_pair:
        lines.append("")
        lines.append("修改：")
        for (o, n), cs in by_pair.items():
            p = task_pairs.get((o, n)) or section_pairs.get((o, n))
            title = (p or {}).get("title") or titles_new.get(n) or titles_old.get(o) or ""
            ids = o if o == n else f"{o} → {n}"
            notes = []
            if p and p.get("moved"):
                notes.append(f"自 {_sec(p.get('old_section'))} 移至 {_sec(p.get('new_section'))}")
            elif p and p.get("renumbered"):
                notes.append("重新编号")
            if p and p.get("merged_from"):
                notes.append(f"含原 {'、'.join(p['merged_from'])} 部分内容")
            if p and p.get("split_into"):
                notes.append(f"部分内容拆至 {'、'.join(p['split_into'])}")
            if p is None:
                notes.append("指标跨条目对应")
            kind = "章节 " if (o, n) in section_pairs else ""
            lines.append(f"  {kind}{ids} {title}" + (f"［{'；'.join(notes)}］" if notes else ""))
            for c in cs:
                lines.append(f"    · {_change_line(c)}")
    moved = [p for p in diff["pairs"] if p["status"] == "moved"]
    renum = [p for p in diff["pairs"] if p["status"] == "renumbered"]
    if moved:
        lines.append("")
        lines.append("移动（内容未变）：")
        for p in moved:
            lines.append(f"  {p['old']} → {p['new']} {p.get('title') or ''}（{_sec(p.get('old_section'))} → "
                         f"{_sec(p.get('new_section'))}）")
    if renum:
        lines.append("")
        lines.append("重新编号（内容未变）：")
        lines.append("  " + "，".join(f"{p['old']}→{p['new']}" for p in renum))
    sec = diff.get("sections") or {}
    sec_moves = [p for p in sec.get("pairs", []) if p["status"] in ("renumbered", "moved")]
    if sec_moves or sec.get("added") or sec.get("removed"):
        lines.append("")
        lines.append("章节：" + "；".join(
            [f"{p['old']}→{p['new']} {p.get('title') or ''}" for p in sec_moves]
            + [f"新增 {s}" for s in sec.get("added", [])] + [f"删除 {s}" for s in sec.get("removed", [])]))
    return "\n".join(lines) + "\n"
