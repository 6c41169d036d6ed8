"""Commands on progress tracking: progress add | import | history, overdue, report (per-unit list and template).

Thin layer over kg.track: every command calls one library function and prints its data as the contract JSON
(`--json`) or as Chinese tables. Bad input (unknown target or unit, bad date, bad row) is an InputError → exit 2.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from extract.errors import InputError

from ..cli import add_store_arg, command
from ..output import print_json, table


#: How long a writing command waits for an embedded store that another process holds (kg.stores.oxigraph retries the
#: open until then). Longer than the default for readers: a unit's report must not be lost because a big import runs.
WRITER_LOCK_WAIT_S = "120"


def _open_store(args: argparse.Namespace, writer: bool = False):
    from kg import open_store
    if not writer or "POLICYKG_LOCK_WAIT" in os.environ:
        return open_store(args.store)
    os.environ["POLICYKG_LOCK_WAIT"] = WRITER_LOCK_WAIT_S  # read once, at open; restored right after
    try:
        return open_store(args.store)
    finally:
        del os.environ["POLICYKG_LOCK_WAIT"]


def _window(p: argparse.ArgumentParser) -> None:
    p.add_argument("--window", type=int, default=90, metavar="DAYS",
                   help="“临近到期/有风险”的提前天数（默认 90）")


def _value_text(r: dict[str, Any]) -> str:
    parts = []
    if r.get("value") is not None:
        parts.append(f"{r['value']:g}{(' ' + r['unit']) if r.get('unit') else ''}")
    if r.get("state"):
        parts.append(r["state"])
    return "，".join(parts)


def _progress_add(p: argparse.ArgumentParser) -> None:
    from kg.track import STATES
    p.add_argument("--target", required=True, help="指标编号（如 3.1.1/1）或任务编号（如 3.1.1，任务级报告）")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--value", help="报告值：截至 --date 的累计完成量或当前水平")
    g.add_argument("--state", choices=STATES, help="里程碑进展状态")
    p.add_argument("--unit", default=None, help="计量单位（默认与指标相同；可用万、亿等数量级）")
    p.add_argument("--date", required=True, help="报告值所对应的日期 YYYY-MM-DD")
    p.add_argument("--by", required=True, help="填报单位（可用简称，如 发改委）")
    p.add_argument("--note", default=None, help="备注")
    p.add_argument("--doc", default=None, help="文档 id（存储中有多个文档且编号不唯一时需要）")
    p.add_argument("--baseline", default=None, help="基准年水平（仅“比基准年下降/增加”类指标报告绝对水平时）")
    p.add_argument("--supersedes", action="append", default=[], metavar="REPORT_ID", help="更正的原报告编号（可重复）")
    p.add_argument("--json", action="store_true", help="输出 policykg.report/1 JSON")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.track import add_report
        with _open_store(args, writer=True) as store:
            rep = add_report(store, args.target, value=args.value, unit=args.unit, state=args.state, date=args.date,
                             by=args.by, note=args.note, doc=args.doc, baseline=args.baseline,
                             supersedes=tuple(args.supersedes))
        data = rep.to_contract()
        if args.json:
            print_json(data)
        else:
            print(f"已记录报告 {rep.id}：{rep.subject} = {_value_text(data)}（数据日期 {rep.date}，{rep.by}）")
            if rep.supersedes:
                print(f"更正了：{'、'.join(rep.supersedes)}")
        return 0
    p.set_defaults(handler=run)


def _progress_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="进展填报表 .xlsx 或 .csv（可用 policykg report --template 导出）")
    p.add_argument("--force", action="store_true", help="内容相同的文件已导入过时仍再次导入")
    p.add_argument("--json", action="store_true")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.track import import_reports
        with _open_store(args, writer=True) as store:
            summary = import_reports(store, args.file, force=args.force)
        if args.json:
            print_json(summary)
        else:
            print(f"已导入 {summary['imported']} 条报告（{Path(args.file).name}；跳过未填写的 {summary['skipped_blank']} 行"
                  + (f"；更正 {summary['superseded']} 条旧报告" if summary["superseded"] else "") + "）")
        return 0
    p.set_defaults(handler=run)


def _progress_history(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", help="指标编号或任务编号")
    p.add_argument("--doc", default=None)
    p.add_argument("--json", action="store_true", help="输出报告列表（policykg.report/1 对象数组）")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.track import history
        with _open_store(args) as store:
            reports = history(store, args.target, args.doc)
        if args.json:
            print_json([r.to_contract() for r in reports])
        elif not reports:
            print(f"{args.target} 还没有进展报告")
        else:
            table(f"{args.target} 进展报告（{len(reports)} 条，含已更正）",
                  ["数据日期", "报告", "填报单位", "记录时间", "来源", "备注", "有效性", "报告编号"],
                  [[r.date, _value_text(r.to_contract()), r.by, r.reported_at[:19].replace("T", " "),
                    "导入 " + (r.source_file or "") if r.source == "import" else "手工", r.note or "",
                    "已被更正（" + "、".join(x[:8] for x in r.superseded_by) + "）" if r.superseded_by else "有效", r.id]
                   for r in reports])
        return 0
    p.set_defaults(handler=run)


@command("progress", "进展报告：add 追加一条、import 导入填报表、history 查看历史")
def _progress(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    for name, configure, help_text in (
            ("add", _progress_add, "追加一条进展报告（只追加，不修改；更正即新报告）"),
            ("import", _progress_import, "导入 .xlsx/.csv 填报表（整表一次写入：任一行有误则整表不导入）"),
            ("history", _progress_history, "某指标或任务的全部报告（含已更正的）")):
        configure(sub.add_parser(name, help=help_text, description=help_text))

    def run(args: argparse.Namespace) -> int:
        p.print_help()
        return 2
    p.set_defaults(handler=run)


@command("overdue", "逾期指标（可加 --include 列出有风险、临近到期等）")
def _overdue(p: argparse.ArgumentParser) -> None:
    p.add_argument("--as-of", default=None, help="截止日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--unit", default=None, help="责任单位（只计明确列名的，不展开“各街镇”等泛指）")
    p.add_argument("--doc", default=None)
    p.add_argument("--include", default=None, metavar="STATUS,…",
                   help="另外列出的状态：at_risk,due_soon,on_track,no_data,done 或 all")
    p.add_argument("--json", action="store_true", help="输出 policykg.overdue/1 JSON")
    _window(p)
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.track import overdue
        with _open_store(args) as store:
            data = overdue(store, args.as_of, unit=args.unit, doc=args.doc, include=args.include,
                           window_days=args.window)
        if args.json:
            print_json(data)
        elif not data["items"]:
            print(f"截至 {data['as_of']} 没有符合条件的指标")
        else:
            from kg.track.unitreport import report_text
            many = len({i["doc"] for i in data["items"]}) > 1  # the same target id can exist in two plans
            table(f"截至 {data['as_of']}：{len(data['items'])} 项",
                  ["状态"] + (["文档"] if many else []) + ["指标", "时限", "责任单位", "最新报告", "内容"],
                  [[i["status_label"]] + ([i["doc"]] if many else []) +
                   [i["target"], i["deadline"], "、".join(i["units"]), report_text(i["last_report"]), i["quote"]]
                   for i in data["items"]])
        return 0
    p.set_defaults(handler=run)


@command("report", "某单位的任务清单（md/xlsx/csv），或 --template 导出该单位的进展填报表")
def _report(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", required=True, help="单位名称（可用简称）")
    p.add_argument("--as-of", default=None, help="截止日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--doc", default=None)
    p.add_argument("--format", choices=["md", "xlsx", "csv"], default="md")
    p.add_argument("--template", action="store_true", help="导出预填该单位指标的 .xlsx 填报表（交回后用 progress import 导入）")
    p.add_argument("-o", "--output", default=None, help="输出文件（xlsx 和 --template 必须指定）")
    add_store_arg(p)

    def run(args: argparse.Namespace) -> int:
        from kg.track import render_unit_report, template_workbook, unit_report
        if (args.template or args.format == "xlsx") and not args.output:
            raise InputError("Excel 输出需要 -o 文件名，如 -o 区经委.xlsx")
        with _open_store(args) as store:
            if args.template:
                data: str | bytes = template_workbook(store, args.unit, args.doc, args.as_of)
            else:
                data = render_unit_report(unit_report(store, args.unit, args.as_of, args.doc), args.format)
        if args.output:
            try:
                Path(args.output).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            except OSError as e:
                raise InputError(f"无法写入 {args.output}：{e.strerror}") from e
            print(f"已写入 {args.output}", file=sys.stderr)
        else:
            sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
            if isinstance(data, str) and not data.endswith("\n"):
                sys.stdout.write("\n")
        return 0
    p.set_defaults(handler=run)
