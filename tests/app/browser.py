"""Driving the real app in headless Chromium: start `streamlit run app.py` on a free 127.0.0.1 port, open pages, wait
for reruns to finish. Shared by the browser tests and bench/bench_app.py.

Chromium is Debian's (/usr/bin/chromium, installed by ./run test); Playwright never downloads a browser here.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
VIEWPORT = {"width": 1366, "height": 768}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run app.py` as a child process (its own process group, stopped by stop())."""

    def __init__(self, store: Path, log: Path, env: Optional[dict[str, str]] = None) -> None:
        self.store = store
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        streamlit = Path(sys.executable).parent / "streamlit"
        cmd = [str(streamlit), "run", str(REPO / "app.py"), "--server.address", "127.0.0.1",
               "--server.port", str(self.port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
        full_env = {**os.environ, "POLICYKG_STORE": str(store), **(env or {})}
        self._log = open(log, "wb")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=full_env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait_healthy(self, timeout: float = 120) -> float:
        """Seconds from start until the server answers its health check."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; see {self._log.name}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"streamlit did not answer within {timeout} s; see {self._log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()


def launch(playwright: Any):
    """Debian's Chromium through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def settle(page: Any, timeout: float = 180, quiet: float = 0.8) -> None:
    """Wait until the app's script has stopped running (Streamlit marks the state on its root element) and stayed
    stopped for `quiet` seconds — a page that calls st.rerun() stops for a moment between its two runs."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout * 1000)
    time.sleep(0.3)
    deadline = time.monotonic() + timeout
    still_since: Optional[float] = None
    while time.monotonic() < deadline:
        running = page.locator("[data-testid='stApp']").get_attribute("data-test-script-state") == "running"
        now = time.monotonic()
        if running:
            still_since = None
        elif still_since is None:
            still_since = now
        elif now - still_since >= quiet:
            time.sleep(0.4)  # let the last deltas paint (charts draw after the run ends)
            return
        time.sleep(0.1)
    raise TimeoutError("the app was still running after the timeout")


def open_page(page: Any, base: str, name: str, as_of: str) -> None:
    page.goto(f"{base}/?page={name}&as_of={as_of}")
    settle(page)


def shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def page_errors(page: Any) -> list[str]:
    """Texts of error boxes and exceptions on the page (a clean page has none)."""
    out = [page.locator("[data-testid='stException']").nth(i).inner_text()
           for i in range(page.locator("[data-testid='stException']").count())]
    alerts = page.locator("[data-testid='stAlertContentError']")
    out += [alerts.nth(i).inner_text() for i in range(alerts.count())]
    return out
