"""`policykg` command line: a thin layer over the library. Every command is registered by name in COMMANDS.

Errors follow the contract: bad input → exit 2 with one line on stderr that says what was wrong and what to do;
an internal failure → exit 1 with one line (set POLICYKG_DEBUG=1 for the traceback). Never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Optional

from extract.errors import InputError

Configure = Callable[[argparse.ArgumentParser], None]
COMMANDS: dict[str, tuple[Configure, str]] = {}


def command(name: str, help: str) -> Callable[[Configure], Configure]:
    """Register `configure(parser)` for command `name`; it adds the arguments and `set_defaults(handler=…)`."""
    def deco(configure: Configure) -> Configure:
        COMMANDS[name] = (configure, help)
        return configure
    return deco


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, in Chinese
        sub = " ".join(self.prog.split()[1:])
        sys.stderr.write(f"参数错误：{message}（用 `policykg {sub + ' ' if sub else ''}--help` 查看用法）\n")
        sys.exit(2)


def add_store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=None,
                   help="存储位置：目录（内嵌 Oxigraph，默认）、memory:、或 http://host:port SPARQL 端点；也可用环境变量 POLICYKG_STORE")


def build_parser() -> argparse.ArgumentParser:
    from . import commands  # noqa: F401  (registers the commands)
    parser = _Parser(prog="policykg", description="policykg：政策文件知识图谱与任务跟踪")
    parser.add_argument("--version", action="version", version="policykg 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (configure, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        configure(p)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except InputError as e:
        sys.stderr.write(f"错误：{e}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("已中断\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - the one place that turns any failure into one line
        if os.environ.get("POLICYKG_DEBUG"):
            raise
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        sys.stderr.write(f"内部错误：{type(e).__name__}: {msg}（设置 POLICYKG_DEBUG=1 可查看详细信息）\n")
        return 1

