"""Live preview: regenerate docs/ whenever content/ changes; ``mkdocs serve`` reloads the browser.

The generator writes only the files that changed, so MkDocs sees exactly the
pages a contributor touched. Invalid content is reported and the preview keeps
the last good pages.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from build_scripts.config import read_config
from build_scripts.build import generate, language_config, mkdocs_env
from build_scripts.site_config import FILE as SITE_CONFIG_FILE
from build_scripts.words import REFERENCE

POLL_SECONDS = 0.3
WATCHED = ("content", "build_scripts/templates")


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file."""
    found = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # so the finally below stops the MkDocs server too


def serve(root: Path, addr: str, language: str = REFERENCE) -> int:
    """Preview one language (``language``: another language's pages are served at its own path,
    as /muscle-twitch-guide/es/); the generator keeps every language's pages up to date."""
    signal.signal(signal.SIGTERM, _stop)  # a terminated preview must not leave MkDocs running
    _, status = generate(root)
    config = read_config(root)
    if language != REFERENCE:
        config = language_config(config, language)
    if status and not (root / config.docs_dir / "index.md").is_file():
        return status
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--dev-addr", addr,
               "--config-file", SITE_CONFIG_FILE.format(language=language)]
    server = subprocess.Popen(command, cwd=root, env=mkdocs_env(root))
    path = config.site_url.split("://", 1)[-1].partition("/")[2]
    print(f"Serving on http://{addr}/{path} (Ctrl+C to stop). Watching {', '.join(WATCHED)}.", file=sys.stderr)
    seen = snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(root)
            if now == seen:
                continue
            seen = now
            started = time.perf_counter()
            changes, status = generate(root)
            if status:
                print("The preview keeps the last good version until the problems above are fixed.", file=sys.stderr)
            else:
                print(f"Regenerated in {time.perf_counter() - started:.2f} s: {changes}.", file=sys.stderr)
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
    return server.returncode or 0
