"""Real headless Chromium for the browser tests, and the built site served under a subpath.

Uses the system's Chromium (Debian's ``chromium``; ``make test`` installs it). With CI set,
a missing browser fails the run; elsewhere the browser tests skip with a message.
"""
from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SUBPATH = "/muscle-twitch-guide/"
# Flags from the machine notes: no background traffic, no sandbox as root, nothing from outside.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    """Path to Chromium, or fail (CI) / skip (elsewhere) with how to install it."""
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, CANDIDATES)), None)
    if found:
        return found
    message = "Chromium not found: run `make browser` (apt-get install chromium chromium-driver) or set CHROMIUM"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: text gzip-compressed when the browser accepts it."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(self.COMPRESSED) and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_under_subpath(site: Path, tmp: Path) -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<port>/muscle-twitch-guide/, gzip-compressed, as GitHub Pages does."""
    (tmp / SUBPATH.strip("/")).symlink_to(site, target_is_directory=True)
    handler = functools.partial(PagesHandler, directory=str(tmp))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


def navigator_choose(page: "Page", picks: dict) -> tuple[str, list[str], list[str]]:
    """On the navigator page: tick ``picks`` ({input name: value or values}), submit, and return the
    care level, the cause ids in order and the ids of the signs the answers gave."""
    page.click("#navigator button[type=reset]")
    for name, values in picks.items():
        for value in [values] if isinstance(values, str) else values:
            box = page.locator(f"#navigator input[name={name}][value={value}]")
            box.evaluate("input => { const group = input.closest('details'); if (group) group.open = true; }")
            box.check()
    page.click("#navigator button[type=submit]")
    page.wait_for_selector("#navigator-results[data-level]")
    ids = page.locator("#navigator-results li[data-id]").evaluate_all("items => items.map(li => li.dataset.id)")
    signs = (page.get_attribute("#navigator-results", "data-signs") or "").split()
    return page.get_attribute("#navigator-results", "data-level") or "", ids, signs
