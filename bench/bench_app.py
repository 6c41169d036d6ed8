"""App latency in a real browser: server start → first rendered page, each page's render time, and question →
rendered answer (first question cold, then warm), with the Jiading plan in a fresh embedded store.

Run: .venv/bin/python bench/bench_app.py [--questions N] [--json]
Needs Debian's Chromium at /usr/bin/chromium (./run test installs it). Prints medians and every sample; the figures
depend on the machine (2 cores here) and on what else runs — rerun before quoting them.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.app.browser import VIEWPORT, AppServer, launch, settle  # noqa: E402

PLAN = REPO / "corpus" / "jiading_carbon_peak_plan_2022.txt"
AS_OF = "2026-11-23"
QUESTIONS = ["区经委到2025年要完成哪些指标？", "哪些任务已经逾期？", "区交通委牵头负责哪些任务？",
             "“合理控制油气消费”这项工作由谁牵头？", "光伏装机目标是多少？", "嘉定在氢能方面有哪些部署？"]
PAGES = ["graph", "ledger", "diff", "documents", "chat"]


# "Rendered" = the app's script has finished its run and the thing asked for is on the page. Polled every 20 ms and
# timed at the first sight of it; settle() (which waits out a quiet period on purpose) runs afterwards, untimed, so
# its fixed waits are not counted as the app's latency.
_IDLE = "document.querySelector(\"[data-testid='stApp']\")?.getAttribute('data-test-script-state') !== 'running'"
_PAGE_SHOWN = _IDLE + " && !!document.querySelector(\"[data-testid='stHeading'], [data-testid='stChatInput']\")"


def _answer_shown(n: int) -> str:
    """JS: the answer to the question just sent is rendered (its quotes, not the spinner)."""
    return (_IDLE + f" && (() => {{ const m = document.querySelectorAll(\"[data-testid='stChatMessage']\");"
            f" if (m.length < {n + 2}) return false; const t = m[m.length - 1].innerText;"
            " return t.length > 10 && !t.includes('正在查询'); })()")


def _timed(page, js: str, t0: float) -> float:
    page.wait_for_function(js, polling=20, timeout=180_000)
    return time.perf_counter() - t0


def _ask(page, question: str) -> float:
    n = page.locator("[data-testid='stChatMessage']").count()
    page.get_by_test_id("stChatInputTextArea").fill(question)
    t = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll(\"[data-testid='stChatMessage']\").length >= {n + 1}",
                           polling=20)  # the question is echoed first; the answer follows
    took = _timed(page, _answer_shown(n), t)
    settle(page)
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=len(QUESTIONS))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import kg
    from kg.ingest import ingest_files
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        with kg.open_store(str(store)) as s:
            ingest_files(s, [PLAN], workers=1)
        server = AppServer(store, Path(tmp) / "streamlit.log")
        out: dict = {}
        try:
            out["server_ready_s"] = round(server.wait_healthy(), 2)
            with sync_playwright() as p:
                browser = launch(p)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(f"{server.url}/?page=chat&as_of={AS_OF}")
                out["start_to_first_page_s"] = round(_timed(page, _PAGE_SHOWN, server.started), 2)
                settle(page)
                times = [_ask(page, q) for q in QUESTIONS[:args.questions]]
                out["question_to_answer_s"] = {"first (cold)": round(times[0], 2),
                                               "median (warm)": round(statistics.median(times[1:]), 2)
                                               if len(times) > 1 else None,
                                               "samples": [round(x, 2) for x in times]}
                pages = {}
                for name in PAGES:
                    t = time.perf_counter()
                    page.goto(f"{server.url}/?page={name}&as_of={AS_OF}")
                    pages[name] = round(_timed(page, _PAGE_SHOWN, t), 2)
                    settle(page)
                out["page_render_s"] = pages
                browser.close()
        finally:
            server.stop()
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(f"server start → health check     {out['server_ready_s']:.2f} s")
        print(f"server start → first page shown {out['start_to_first_page_s']:.2f} s")
        q = out["question_to_answer_s"]
        print(f"question → rendered answer      first {q['first (cold)']:.2f} s, warm median {q['median (warm)']} s "
              f"(samples {q['samples']})")
        print("page load (navigate → rendered) " + ", ".join(f"{k} {v:.2f} s" for k, v in out["page_render_s"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
