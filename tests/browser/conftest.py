"""Headless Chromium (Debian's) driven by Playwright, and a static file server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session (starting it is the slow part)."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make setup` (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


Serve = Callable[[Path], str]


def start_server(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """A static server for `directory` on loopback: (base URL, server to stop)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def stop_server(server: http.server.ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Serve a built site on loopback; returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(directory: Path) -> str:
        base, server = start_server(directory)
        servers.append(server)
        return base

    yield start
    for server in servers:
        stop_server(server)


#: Counts the QUERY messages Material posts to the search worker and the RESULT
#: messages it gets back (kb-search answers every QUERY with exactly one RESULT),
#: so a test waits for the answer to the last keystroke instead of a fixed pause.
SEARCH_MESSAGES = """
(() => {
  const Native = window.Worker;
  const seen = { queries: 0, results: 0 };
  window.__kbSearchMessages = seen;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      // Counted after every listener of the event, Material's included, has run.
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) setTimeout(() => { seen.results += 1; }, 0);
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) seen.queries += 1;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def watch_search(page: Page) -> Page:
    """Count search worker messages on every document `page` opens from now on."""
    page.add_init_script(SEARCH_MESSAGES)
    return page


def wait_for_search(page: Page, timeout: float = 15_000) -> None:
    """Wait until the worker has answered every query typed so far and the panel is drawn."""
    if not page.evaluate("() => Boolean(window.__kbSearchMessages)"):
        pytest.fail("the tab does not count search messages: make it with watch_search(page)")
    page.wait_for_function(
        "() => { const s = window.__kbSearchMessages; return s.queries > 0 && s.queries === s.results; }",
        timeout=timeout,
    )
    # Material draws the results it received within the next frames.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
