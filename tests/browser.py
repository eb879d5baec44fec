"""Real headless Chromium for the browser tests, and the built site served under a subpath.

Uses the system's Chromium (Debian's ``chromium``; ``make test`` installs it). With CI set,
a missing browser fails the run; elsewhere the browser tests skip with a message.
"""
from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_under_subpath(site: Path, tmp: Path) -> Iterator[str]:
    """Serve ``site`` at http://127.0.0.1:<port>/muscle-twitch-guide/, as GitHub Pages does."""
    (tmp / SUBPATH.strip("/")).symlink_to(site, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(tmp))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()
