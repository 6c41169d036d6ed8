"""`policykg diff OLD NEW`: what changed between two versions (files or stored document ids)."""
from __future__ import annotations

import argparse
from pathlib import Path

from extract.errors import InputError

from ..cli import add_store_arg, command
from ..output import print_json


def load_record(ref: str, store_spec: str | None):
    """A file path is extracted; anything else is a stored document id."""
    if Path(ref).exists():
        from extract import extract_file
        return extract_file(ref)
    from kg import open_store
    store = open_store(store_spec)
    try:
        if not store.has(ref):
            raise InputError(f"既不是文件也不是已入库的文档 id：{ref}；用 `policykg docs` 查看可用的 id")
        return store.record(ref)
    finally:
        store.close()


@command("diff", "比较两个版本（文件或已入库的文档 id）：新增/删除/重新编号的任务，数值、时限、责任单位的变化")
def _diff(p: argparse.ArgumentParser) -> None:
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--json", action="store_true")
    p.add_argument("--html", default=None, help="另存 HTML 红线对照到此文件")
    p.add_argument("--no-embeddings", action="store_true", help="只用字符相似度（更快，不加载向量模型）")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.diff import diff_records, render_html, render_text
        old, new = load_record(args.old, args.store), load_record(args.new, args.store)
        result = diff_records(old, new, use_embeddings=not args.no_embeddings)
        if args.html:
            Path(args.html).write_text(render_html(result, old, new), encoding="utf-8")
        print_json(result) if args.json else print(render_text(result))
        return 0
    p.set_defaults(handler=run)
