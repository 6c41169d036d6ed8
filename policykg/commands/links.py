"""`policykg links`: which documents each stored plan implements, drafts or names, and which of them are stored."""
from __future__ import annotations

import argparse

from extract.errors import InputError

from ..cli import add_store_arg, command
from ..output import print_json, table

SCHEMA = "policykg.links/1"
_RELATIONS = ("implements", "drafts", "cites")


def _relations(value: str) -> tuple[str, ...]:
    """`--relation implements,drafts` → the set to show ("all" = every relation)."""
    wanted = tuple(v.strip() for v in value.split(",") if v.strip())
    if wanted == ("all",) or not wanted:
        return _RELATIONS
    bad = [v for v in wanted if v not in _RELATIONS]
    if bad:
        raise InputError(f"未知的关系 {'、'.join(bad)}：可选 implements、drafts、cites 或 all")
    return wanted


@command("links", "文档之间的联系：每个方案贯彻落实、拟制定或提及的文件（《…》），及其是否已入库")
def _links(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", default=None, help="只列出这个文档引用的文件")
    p.add_argument("--relation", default="all",
                   help="只列出这些关系（逗号分隔）：implements（实施依据：根据、按照、贯彻落实…）、drafts（拟制定）、cites（提及）；默认 all")
    p.add_argument("--json", action="store_true", help="输出 policykg.links/1 JSON")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg import open_store
        from kg.links import RELATION_LABELS, plan_links
        relations = _relations(args.relation)
        store = open_store(args.store)
        try:
            links = [x for x in plan_links(store, args.doc) if x["relation"] in relations]
        finally:
            store.close()
        if args.json:
            print_json({"schema": SCHEMA, "links": links})
            return 0
        if not links:
            print("没有找到引用的文件" + (f"：文档 {args.doc} 未以《》引用其他文件" if args.doc else ""))
            return 0
        table("依据与引用", ["文档", "关系", "引用的文件", "已入库文档", "原文"],
              [[x["from_doc"], RELATION_LABELS.get(x["relation"], x["relation"]), f"《{x['title']}》",
                x["to_doc"] or "—", _short(x)] for x in links])
        resolved = sum(1 for x in links if x["to_doc"])
        print(f"共 {len(links)} 处引用，其中 {resolved} 处指向已入库的文档（按标题精确匹配）")
        return 0
    p.set_defaults(handler=run)


def _short(link: dict, limit: int = 50) -> str:
    """The clause, cut to `limit` characters around the cited title (a clause may name several documents)."""
    quote = link["quote"]
    at = link["span"][0] - link["context_span"][0] if link.get("context_span") else 0
    if len(quote) <= limit:
        return quote.replace("\n", "")
    start = max(0, min(at - 12, len(quote) - limit))
    cut = quote[start:start + limit].replace("\n", "")
    return ("…" if start else "") + cut + ("…" if start + limit < len(quote) else "")
