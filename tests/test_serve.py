"""The live preview: `serve` shows an edited entry, and keeps the last good page while an edit is
invalid. How fast is measured by the benchmark (`python -m bench --serve`), not here."""
from __future__ import annotations

import pytest

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, copy_project


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {timeout:.0f} s")


@pytest.mark.slow
def test_serve_shows_an_edit_and_keeps_the_last_good_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/muscle-twitch-guide/causes/caffeine/"
    server = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    entry = root / "content" / "causes" / "caffeine.yaml"
    original = entry.read_text(encoding="utf-8")
    try:
        wait_for(url, "Caffeine")
        entry.write_text(original.replace("summary: Too much", "summary: Far too much", 1), encoding="utf-8")
        wait_for(url, "Far too much caffeine")
        # An invalid edit: the error is reported and the preview keeps the last good page.
        entry.write_text(original.replace("how_common: common", "how_common: sometimes"), encoding="utf-8")
        time.sleep(3)
        assert "Far too much caffeine" in fetch(url)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "content/causes/caffeine.yaml:" in errors and "how_common" in errors
    assert "keeps the last good version" in errors
    assert "Traceback" not in errors
