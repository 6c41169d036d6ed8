"""Commands on documents: extract, text, ingest, docs, drop, validate, export."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import InputError

from ..cli import add_store_arg, command
from ..output import print_json, table

SUPPORTED = (".txt", ".docx", ".pdf", ".html", ".htm")


def _open_store(args: argparse.Namespace):
    from kg import open_store
    return open_store(args.store)


@command("extract", "抽取一个文件的章节、任务、责任单位、指标和时限（不写入存储）")
def _extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--id", default=None, help="文档 id（默认由文件名生成）")
    p.add_argument("--json", action="store_true", help="输出 policykg.extract/1 JSON")

    def run(args: argparse.Namespace) -> int:
        from extract import extract_file
        record = extract_file(_existing(args.file), doc_id=args.id)
        if args.json:
            print_json(record.to_contract())
            return 0
        d = record.document
        print(f"《{d.title}》 发文：{d.issuer or '未知'}  日期：{d.published or '未知'}  id：{d.id}")
        table("任务", ["编号", "任务", "牵头", "参与"],
              [[t.id, t.title[:30], "、".join(u.name for u in t.units if u.role == "lead"),
                "、".join(u.name for u in t.units if u.role != "lead")] for t in record.tasks])
        table("指标", ["编号", "原文", "目标值", "时限"],
              [[g.id, g.quote[:40], f"{g.comparator or ''}{'' if g.value is None else g.value}{g.unit or ''}",
                g.deadline or ""] for g in record.targets])
        for w in record.warnings:
            print(f"提示：{w}")
        return 0
    p.set_defaults(handler=run)


@command("text", "打印文件的规范文本（所有 span 都以它为准）")
def _text(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")

    def run(args: argparse.Namespace) -> int:
        from extract import load_text
        sys.stdout.write(load_text(_existing(args.file)).text)
        return 0
    p.set_defaults(handler=run)


def _existing(path: str) -> str:
    p = Path(path)
    if not p.exists():
        raise InputError(f"找不到文件 {path}：请检查路径")
    if p.is_dir():
        raise InputError(f"{path} 是目录：请给出文件（或用 ingest --all 目录）")
    return path


def collect_files(paths: list[str], all_dir: str | None) -> list[Path]:
    files = [Path(_existing(p)) for p in paths]
    if all_dir:
        d = Path(all_dir)
        if not d.is_dir():
            raise InputError(f"{all_dir} 不是目录")
        files += sorted(f for f in d.rglob("*") if f.suffix.lower() in SUPPORTED and f.is_file())
    if not files:
        raise InputError("没有要导入的文件：请给出文件路径或 --all 目录")
    return files


@command("ingest", "抽取并写入存储（每个文件一个文档版本；同 id 重复导入则原子替换）")
def _ingest(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*")
    p.add_argument("--all", dest="all_dir", default=None, help="导入目录下所有 .txt/.docx/.pdf/.html")
    p.add_argument("--id", default=None, help="文档 id（只导入一个文件时可用）")
    p.add_argument("--skip-existing", action="store_true", help="跳过存储中已有的文档 id（中断后重跑即续传）")
    p.add_argument("--summary", action="store_true", help="只打印汇总：文档、任务、指标数和按原因统计的失败")
    p.add_argument("--json", action="store_true")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.ingest import REASONS, ingest_files
        files = collect_files(args.files, args.all_dir)
        if args.id and len(files) != 1:
            raise InputError("--id 只能用于单个文件")
        store = _open_store(args)
        try:
            summary = ingest_files(store, files, doc_id=args.id, skip_existing=args.skip_existing,
                                   progress=not args.json and sys.stderr.isatty())
        finally:
            store.close()
        if args.json:
            print_json(summary)
        else:
            if not args.summary:
                for item in summary["ingested"]:
                    print(f"已导入 {item['id']}：{item['tasks']} 项任务，{item['targets']} 项指标（{item['source']}）")
                for item in summary["skipped"]:
                    print(f"已存在，跳过 {item['id']}（{item['source']}）")
                for item in summary["failed"]:
                    print(f"失败 {item['source']}：{item['reason']}", file=sys.stderr)
            if args.summary or len(files) > 1:
                print(f"合计：导入 {summary['documents']} 个文档（其中 {summary['without_tasks']} 个没有任务），"
                      f"{summary['tasks']} 项任务，{summary['targets']} 项指标；跳过 {len(summary['skipped'])} 个；"
                      f"失败 {len(summary['failed'])} 个；用时 {summary['elapsed_s']} 秒")
                for kind, n in summary["by_reason"].items():
                    print(f"  失败原因 {REASONS.get(kind, kind)}：{n} 个")
        if summary["failed"] and not summary["ingested"] and not summary["skipped"]:
            return 2
        return 0
    p.set_defaults(handler=run)


@command("docs", "列出存储中的文档")
def _docs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        store = _open_store(args)
        try:
            docs = store.docs()
        finally:
            store.close()
        if args.json:
            print_json(docs)
        elif not docs:
            print("存储中还没有文档：用 policykg ingest 文件 导入")
        else:
            table("文档", ["id", "标题", "发文机关", "日期", "任务", "指标"],
                  [[d["id"], d["title"], d.get("issuer"), d.get("published"), d["tasks"], d["targets"]] for d in docs])
        return 0
    p.set_defaults(handler=run)


@command("drop", "从存储中删除一个文档版本")
def _drop(p: argparse.ArgumentParser) -> None:
    p.add_argument("id")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        store = _open_store(args)
        try:
            store.drop(args.id)
        finally:
            store.close()
        print(f"已删除 {args.id}")
        return 0
    p.set_defaults(handler=run)


@command("validate", "用 SHACL 规则校验存储中的图")
def _validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", default=None)
    p.add_argument("--json", action="store_true")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.validate import validate
        store = _open_store(args)
        try:
            report = validate(store, args.doc)
        finally:
            store.close()
        if args.json:
            print_json(report)
        else:
            for doc, r in report.items():
                print(f"{doc}：{'符合' if r['conforms'] else '不符合'}" + ("" if r["conforms"] else f"（{len(r['results'])} 处问题）"))
                for res in r.get("results", [])[:20]:
                    print(f"  - {res}")
        return 0 if all(r["conforms"] for r in report.values()) else 1
    p.set_defaults(handler=run)


@command("export", "导出图：ttl（TriG）、jsonld、csv、graphml")
def _export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["ttl", "jsonld", "csv", "graphml"], default="ttl")
    p.add_argument("--doc", default=None)
    p.add_argument("-o", "--output", default=None, help="输出文件（默认标准输出）")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.export import export
        store = _open_store(args)
        try:
            data = export(store, args.format, args.doc)
        finally:
            store.close()
        if args.output:
            Path(args.output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        else:
            sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else data)
        return 0
    p.set_defaults(handler=run)
