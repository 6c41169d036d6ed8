"""Commands that answer questions: `ask` (one question, or JSON Lines on stdin) and `chat` (an interactive session)."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, Optional

from extract.errors import InputError

from ..cli import add_store_arg, command
from ..output import print_json


def parse_date(text: Optional[str], what: str = "--as-of") -> Optional[date]:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InputError(f"{what} 日期格式不对：{text!r}；请用 YYYY-MM-DD，例如 2026-11-23") from None


def _render(ans: dict[str, Any]) -> str:
    lines = [ans.get("answer", "")]
    for it in ans.get("items", [])[:50]:
        where = it.get("target") or it.get("task") or ""
        lines.append(f"  [{it.get('doc', '')} {where}] {it.get('quote', '')}")
    return "\n".join(lines)


@command("ask", "用中文提问（例：区经委到2025年要完成哪些指标？）；`-` 从标准输入逐行读取问题（JSON Lines 输出）")
def _ask(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", help="问题；用 - 从标准输入逐行读取")
    p.add_argument("--doc", default=None, help="限定文档 id")
    p.add_argument("--as-of", default=None, help="判断逾期/到期的日期，默认今天（YYYY-MM-DD）")
    p.add_argument("--json", action="store_true")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from chat import answer
        from kg import open_store
        as_of = parse_date(args.as_of)
        store = open_store(args.store)
        try:
            if args.question != "-":
                ans = answer(args.question, store, doc=args.doc, as_of=as_of)
                print_json(ans) if args.json else print(_render(ans))
                return 0
            for line in sys.stdin:
                line = line.strip()
                if not line:
                    continue
                q, doc, line_as_of = line, args.doc, as_of
                if line.startswith("{"):
                    try:
                        obj = json.loads(line)
                        q, doc = str(obj.get("q", "")), obj.get("doc") or args.doc
                        line_as_of = parse_date(obj.get("as_of"), "as_of") or as_of
                    except (ValueError, InputError) as e:
                        print_json({"schema": "policykg.answer/1", "question": line, "error": str(e), "none": True,
                                    "answer": f"无法读取这一行：{e}", "items": []})
                        continue
                print_json(answer(q, store, doc=doc, as_of=line_as_of))
        finally:
            store.close()
        return 0
    p.set_defaults(handler=run)


@command("chat", "交互式问答（追问会沿用上一问的单位、年份等条件；输入 exit 退出）")
def _chat(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", default=None)
    p.add_argument("--as-of", default=None)
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from chat import Session, answer
        from kg import open_store
        as_of = parse_date(args.as_of)
        store = open_store(args.store)
        session = Session()
        try:
            while True:
                try:
                    q = input("问> ").strip()
                except EOFError:
                    break
                if q in ("exit", "quit", "退出"):
                    break
                if q:
                    print(_render(answer(q, store, doc=args.doc, as_of=as_of, session=session)))
        finally:
            store.close()
        return 0
    p.set_defaults(handler=run)
