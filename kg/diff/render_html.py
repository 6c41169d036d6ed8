"""The HTML redline of a diff: one standalone page the app embeds (no scripts, no external assets).

Why this layout: policy staff read a revision section by section. The left column is the new version's structure
(sections, then their tasks, removed tasks shown struck through under the section they left), each entry a link with
a coloured status; the right column walks the same structure, and inside each modified item shows a word-level
redline (jieba tokens, `<del>`/`<ins>`) of the old text against the new, with the item's typed changes listed above
it. Unchanged items are folded (`<details>`). Every piece of document text goes through html.escape.
"""
from __future__ import annotations

import difflib
from html import escape
from typing import Any, Optional

from extract.record import PlanRecord

from .items import Item, build_items
from .render_text import STATUS_ZH, _change_line
from .tokens import tokenize

__all__ = ["render_html", "redline"]

_CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;line-height:1.7}
.wrap{display:grid;grid-template-columns:minmax(220px,26%) 1fr;min-height:100vh}
nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;background:#f6f8fa;border-right:1px solid #d0d7de;
padding:12px 14px;font-size:14px}
nav ul{list-style:none;margin:0;padding-left:12px} nav>ul{padding-left:0} nav a{text-decoration:none;color:inherit}
nav li.sec>a{font-weight:600} main{padding:16px 28px;max-width:1100px}
h1{font-size:20px;margin:4px 0 8px} .summary{color:#57606a;font-size:14px;margin-bottom:12px}
h2,h3{font-size:16px;margin:22px 0 6px;border-bottom:1px solid #d0d7de;padding-bottom:2px}
article{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:10px 0}
article header{font-weight:600} .ids{font-family:monospace;color:#57606a;margin-right:6px}
.badge{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin-left:6px;font-weight:400}
.modified{border-left:4px solid #bf8700} .badge.modified{background:#fff8c5;border:1px solid #d4a72c}
.moved{border-left:4px solid #8250df} .badge.moved{background:#fbefff;border:1px solid #c297ff}
.renumbered{border-left:4px solid #0969da} .badge.renumbered{background:#ddf4ff;border:1px solid #54aeff}
.added{border-left:4px solid #1a7f37} .badge.added{background:#dafbe1;border:1px solid #4ac26b}
.removed{border-left:4px solid #cf222e} .badge.removed{background:#ffebe9;border:1px solid #ff8182}
.unchanged .badge{background:#f6f8fa;border:1px solid #d0d7de}
.text{white-space:pre-wrap} del{background:#ffebe9;color:#82071e;text-decoration:line-through}
ins{background:#dafbe1;color:#116329;text-decoration:none} ul.changes{margin:4px 0 6px;padding-left:20px;font-size:14px}
nav .st{font-size:11px;margin-left:4px;color:#57606a} nav li.removed a{text-decoration:line-through;color:#cf222e}
nav li.added a{color:#1a7f37} details summary{cursor:pointer}
"""


def redline(old_raw: str, new_raw: str) -> str:
    """Word-level redline of two texts as HTML: equal words as in the new text, `<del>` old words, `<ins>` new ones.

    Words are jieba tokens of the normal form, so formatting-only differences render as the new text, unmarked.
    """
    ta, tb = tokenize(old_raw), tokenize(new_raw)
    if not ta or not tb:
        return (f"<del>{escape(old_raw)}</del>" if old_raw else "") + (f"<ins>{escape(new_raw)}</ins>" if new_raw else "")
    sm = difflib.SequenceMatcher(None, [t.text for t in ta], [t.text for t in tb], autojunk=False)
    out: list[str] = []
    pos = 0  # next new-text offset not yet emitted

    def new_upto(end: int) -> None:
        nonlocal pos
        if end > pos:
            out.append(escape(new_raw[pos:end]))
            pos = end

    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            new_upto(tb[j2 - 1].end)
            continue
        if j2 > j1:
            new_upto(tb[j1].start)
        elif j1 < len(tb):
            new_upto(tb[j1].start)
        else:
            new_upto(len(new_raw))
        if i2 > i1:
            out.append(f"<del>{escape(old_raw[ta[i1].start:ta[i2 - 1].end])}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(new_raw[tb[j1].start:tb[j2 - 1].end])}</ins>")
            pos = tb[j2 - 1].end
    new_upto(len(new_raw))
    return "".join(out)


def _full(item: Item, text: str) -> str:
    """The item as written, number label included."""
    lo = item.start - len(item.number) if text[:item.start].endswith(item.number) else item.start
    return text[max(0, lo):item.end]


def _anchor(prefix: str, item_id: str) -> str:
    return escape(f"{prefix}-{item_id}", quote=True)


def render_html(diff: dict[str, Any], old: PlanRecord, new: PlanRecord) -> str:
    """A standalone HTML page: structure navigation on the left, per-item redline on the right."""
    o_secs, o_tasks = build_items(old)
    n_secs, n_tasks = build_items(new)
    o_idx = {i.id: i for i in o_secs + o_tasks}
    pair_by_new = {p["new"]: p for p in diff["pairs"]}
    sec_by_new = {p["new"]: p for p in (diff.get("sections") or {}).get("pairs", [])}
    new_of_old_sec = {p["old"]: p["new"] for p in (diff.get("sections") or {}).get("pairs", [])}
    changes: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in diff["changes"]:
        changes.setdefault((c["old"], c["new"]), []).append(c)
    added = set(diff["added"])
    removed_by_sec: dict[str, list[Item]] = {}
    orphans: list[Item] = []
    for rid in diff["removed"]:
        it = o_idx.get(rid)
        if it is None:
            continue
        home = new_of_old_sec.get(it.parent or "")
        (removed_by_sec.setdefault(home, []) if home else orphans).append(it)

    children: dict[str, list[Item]] = {}
    for it in n_secs + n_tasks:
        children.setdefault(it.parent or "", []).append(it)
    for lst in children.values():
        lst.sort(key=lambda i: (i.start))

    nav: list[str] = []
    body: list[str] = []

    def task_status(t: Item) -> str:
        return "added" if t.id in added else (pair_by_new.get(t.id) or {}).get("status", "unchanged")

    def render_item(it: Item, status: str, pair: Optional[dict[str, Any]], old_item: Optional[Item]) -> str:
        label = STATUS_ZH.get(status, {"added": "新增", "removed": "删除"}.get(status, status))
        ids = escape(it.id if status in ("added", "removed") or pair is None or pair["old"] == pair["new"]
                     else f"{pair['old']} → {pair['new']}")
        anchor = _anchor("old" if status == "removed" else "t", it.id)
        head = (f'<header><span class="ids">{ids}</span>{escape(it.title)}'
                f'<span class="badge {status}">{escape(label)}</span></header>')
        id_attr = f' id="{anchor}"'
        if it.kind == "section":  # the section's own heading is already on the page
            head, id_attr = "", ""
            if pair and pair["old"] != pair["new"]:
                head = f'<header><span class="ids">{ids}</span></header>'
        said = []  # where the item's content went or came from, as the terminal summary says it
        if pair and pair.get("moved"):
            said.append(f'自 {pair.get("old_section") or "顶层"} 移至 {pair.get("new_section") or "顶层"}')
        if pair and pair.get("merged_from"):
            said.append(f"含原 {'、'.join(pair['merged_from'])} 部分内容")
        if pair and pair.get("split_into"):
            said.append(f"部分内容拆至 {'、'.join(pair['split_into'])}")
        if status == "added" and (diff.get("added_from") or {}).get(it.id):
            said.append(f"部分内容来自原 {'、'.join(diff['added_from'][it.id])}")
        if status == "removed" and (diff.get("removed_into") or {}).get(it.id):
            said.append(f"部分内容并入 {'、'.join(diff['removed_into'][it.id])}")
        notes = f'<div class="summary">{escape("；".join(said))}</div>' if said else ""
        items = changes.get((pair["old"], pair["new"]), []) if pair else []
        lst = ("<ul class=\"changes\">" + "".join(f"<li>{escape(_change_line(c))}</li>" for c in items) + "</ul>"
               if items else "")
        if status == "added":
            text = f'<div class="text"><ins>{escape(_full(it, new.text))}</ins></div>'
        elif status == "removed":
            text = f'<div class="text"><del>{escape(_full(it, old.text))}</del></div>'
        elif status == "modified" and old_item is not None:
            text = f'<div class="text">{redline(old_item.raw, it.raw)}</div>'
        else:
            text = f'<details><summary>原文</summary><div class="text">{escape(it.raw)}</div></details>'
        return f'<article{id_attr} class="{status}">{head}{notes}{lst}{text}</article>'

    def walk(parent: str, depth: int) -> None:
        nav.append("<ul>")
        for it in children.get(parent, []):
            if it.kind == "section":
                sp = sec_by_new.get(it.id)
                st = "added" if sp is None else sp["status"]
                nav.append(f'<li class="sec {st}"><a href="#{_anchor("s", it.id)}">{escape(it.id)} '
                           f'{escape(it.title)}</a>')
                tag = "h2" if depth == 0 else "h3"
                body.append(f'<section id="{_anchor("s", it.id)}"><{tag}>{escape(it.number)} {escape(it.title)}'
                            f'<span class="badge {st}">{escape(STATUS_ZH.get(st, "新增"))}</span></{tag}>')
                if sp and sp["status"] == "modified":
                    body.append(render_item(it, "modified", sp, o_idx.get(sp["old"])))
                elif it.raw[len(it.title):].strip():
                    body.append(f'<div class="text">{escape(it.raw[len(it.title):].strip())}</div>')
                walk(it.id, depth + 1)
                for r in removed_by_sec.get(it.id, []):
                    nav.append(f'<li class="removed"><a href="#{_anchor("old", r.id)}">{escape(r.id)} '
                               f'{escape(r.title)}</a></li>')
                    body.append(render_item(r, "removed", None, r))
                body.append("</section>")
                nav.append("</li>")
            else:
                st = task_status(it)
                pair = pair_by_new.get(it.id)
                nav.append(f'<li class="{st}"><a href="#{_anchor("t", it.id)}">{escape(it.id)} {escape(it.title)}</a>'
                           f'<span class="st">{escape(STATUS_ZH.get(st, "新增"))}</span></li>')
                body.append(render_item(it, st, pair, o_idx.get(pair["old"]) if pair else None))
        nav.append("</ul>")

    walk("", 0)
    if orphans:
        nav.append('<ul><li class="sec removed"><a href="#removed">已删除</a><ul>')
        body.append('<section id="removed"><h2>已删除的任务</h2>')
        for r in orphans:
            nav.append(f'<li class="removed"><a href="#{_anchor("old", r.id)}">{escape(r.id)} {escape(r.title)}</a></li>')
            body.append(render_item(r, "removed", None, r))
        body.append("</section>")
        nav.append("</ul></li></ul>")

    summary = render_summary(diff)
    title = f"{diff['old']} → {diff['new']}"
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><div class=\"wrap\">"
            f"<nav><div><strong>结构</strong></div>{''.join(nav)}</nav>"
            f"<main><h1>{escape(old.document.title)} → {escape(new.document.title)}</h1>"
            f"<div class=\"summary\">{summary}</div>{''.join(body)}</main></div></body></html>\n")


def render_summary(diff: dict[str, Any]) -> str:
    """Escaped header lines: the counts, and the units renamed across the whole document."""
    counts: dict[str, int] = {}
    for p in diff["pairs"]:
        counts[p["status"]] = counts.get(p["status"], 0) + 1
    parts = [f"{STATUS_ZH[s]} {counts[s]}" for s in STATUS_ZH if counts.get(s)]
    parts += [f"新增 {len(diff['added'])}", f"删除 {len(diff['removed'])}",
              f"变更 {len(diff['changes'])} 处", f"仅格式差异 {diff.get('formatting_only', 0)} 处"]
    line = escape(f"{diff['old']} → {diff['new']}：" + "，".join(parts))
    if diff.get("unit_renames"):
        line += "<br>" + escape("单位更名：" + "；".join(f"{r['old']} → {r['new']}" for r in diff["unit_renames"]))
    return line
