"""`python -m chat`: ask questions against a store, one JSON answer per line (the `policykg ask -` protocol).

    python -m chat --store memory: --ingest corpus/jiading_carbon_peak_plan_2022.txt -      questions on stdin
    python -m chat --store DIR "区经委到2025年要完成哪些指标？"                               one question

A stdin line that starts with `{` is read as {"q": "…", "as_of": "YYYY-MM-DD", "doc": "…"} (as_of and doc
optional); any other line is the question itself. Lines are independent questions unless `--dialogue` is given
(then they form one conversation and follow-ups reuse earlier turns). A bad line gets an answer object that says
what was wrong; the run goes on. Until the CLI wires `policykg ask`, this is the runner the scorer calls.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, Optional

from extract.errors import InputError


def _date(s: Optional[str]) -> Optional[date]:
    if not s:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise InputError(f"日期格式错误：{s!r}，应为 YYYY-MM-DD") from None


def _bad(line: str, msg: str) -> dict[str, Any]:
    return {"schema": "policykg.answer/1", "question": line, "intent": "error", "as_of": date.today().isoformat(),
            "answer": msg, "none": True, "items": [], "units": [], "count": None, "deadline": None, "query": None}


def _one(line: str, store, args, session) -> dict[str, Any]:
    from . import answer
    q, as_of, doc = line, args.as_of, args.doc
    if line.lstrip().startswith("{"):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            return _bad(line, f"无法解析的 JSON 行：{e.msg}")
        if not isinstance(obj, dict) or not isinstance(obj.get("q"), str):
            return _bad(line, "JSON 行须为 {\"q\": \"问题\", \"as_of\": \"YYYY-MM-DD\", \"doc\": \"文档编号\"}")
        q = obj["q"]
        doc = obj.get("doc") or doc
        try:
            as_of = _date(obj.get("as_of")) or as_of
        except InputError as e:
            return _bad(line, str(e))
    return answer(q, store, doc=doc, as_of=as_of, session=session)


def main(argv: Optional[list[str]] = None) -> int:
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    ap = argparse.ArgumentParser(prog="python -m chat", description="按行提问，逐行输出 policykg.answer/1 JSON")
    ap.add_argument("question", nargs="?", default="-", help="问题；'-' 表示从标准输入逐行读取")
    ap.add_argument("--store", default=None, help="存储：目录、memory: 或 http://… SPARQL 端点")
    ap.add_argument("--ingest", action="append", default=[], metavar="FILE", help="先把此文件抽取并入库（可重复）")
    ap.add_argument("--doc", default=None, help="只在此文档中回答")
    ap.add_argument("--as-of", dest="as_of_s", default=None, help="判断逾期的日期 YYYY-MM-DD（默认今天）")
    ap.add_argument("--dialogue", action="store_true", help="各行视为同一段对话（追问沿用上文）")
    args = ap.parse_args(argv)
    try:
        args.as_of = _date(args.as_of_s)
        import kg
        store = kg.open_store(args.store)
        for path in args.ingest:
            from extract import extract_file
            store.put_record(extract_file(path))
    except InputError as e:
        sys.stderr.write(f"错误：{e}\n")
        return 2
    from . import Session
    session = Session() if args.dialogue else None
    lines = sys.stdin if args.question == "-" else [args.question]
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            continue
        try:
            out = _one(line, store, args, session)
        except InputError as e:
            out = _bad(line, str(e))
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
