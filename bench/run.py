"""The benchmark: how build time, output size and memory grow with the number of entries.

    python -m bench                      # N = 100, 500, 1,000 and 5,000; prints the table
    python -m bench --sizes 100 1000     # other sizes
    python -m bench --write              # also write the table into bench/README.md
    python -m bench --serve              # only: how long `serve` takes to show an edit
    ZENSICAL=/path/to/zensical python -m bench   # also time Zensical on the same docs/

A script, not a test: it takes minutes and its numbers depend on the machine. Each size runs
in its own process (so peak memory is its own), on synthetic content made by ``bench.synth``
in a temporary folder. The stages are those of ``python -m build_scripts build``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.synth import ROOT, make_project

SIZES = (100, 500, 1000, 5000)
PROBE = ("causes", "caffeine")  # an entry present at every size: its page must not grow with N
RESULTS = Path(__file__).with_name("README.md")  # bench/README.md: the latest table goes between the markers
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def measure(n: int, work: Path, jobs: int | None = None) -> dict[str, float]:
    """Build ``n`` synthetic entries with ``build_scripts.build.build``; return the numbers."""
    from build_scripts.config import read_config
    from build_scripts.shards import page_order, share_count
    from build_scripts.build import build

    project = work / f"n{n}"
    per_type = make_project(project, n)

    timings: dict[str, float] = {}
    started = time.perf_counter()
    status = build(project, quiet=True, force=True, jobs=jobs, timings=timings)
    whole = time.perf_counter() - started
    if status:
        raise SystemExit(f"the synthetic site of {n} entries did not build")
    stages = {"load_and_validate": timings["load and validate"], "render_and_write": timings["render and write"],
              "mkdocs": timings["mkdocs"], "link_check": timings["link check"],
              "readability": timings["reading check"]}
    config = read_config(project)
    zensical = _time_zensical(project)
    site = project / config.site_dir
    pages = list(site.rglob("*.html"))
    probe = site.joinpath(*PROBE, "index.html")
    search = search_bytes(site)
    generator = stages["load_and_validate"] + stages["render_and_write"]

    # A no-op rebuild: nothing in docs/ or site/ may be written.
    before = _mtimes(project)
    with open(os.devnull, "w") as quiet:
        stderr, sys.stderr = sys.stderr, quiet
        try:
            status = build(project)
        finally:
            sys.stderr = stderr
    touched = sum(1 for path, stamp in _mtimes(project).items() if before.get(path) != stamp)

    return {
        "n": n, **{f"{name}s": count for name, count in per_type.items()},
        **{f"{stage}_s": seconds for stage, seconds in stages.items()},
        "generator_ms_per_entry": 1000 * generator / n,
        "build_s": whole,
        "build_ms_per_entry": 1000 * whole / n,
        "mkdocs_processes": jobs or share_count(len(page_order(project / config.docs_dir))),
        "pages": len(pages),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "page_kb_mean": statistics.mean(p.stat().st_size for p in pages) / 1000,
        "probe_page_kb": probe.stat().st_size / 1000,
        **search,
        "generator_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "mkdocs_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "zensical_s": zensical,
        "noop_status": status,
        "noop_files_written": touched,
    }


FIRST_QUERY = "muscle twitching at night"  # words on most pages: among the largest shards


def search_bytes(site: Path) -> dict[str, float]:
    """What search costs a reader, gzipped (KB): on page load (the theme's stub index and our worker),
    for a first query (what the worker fetches for ``FIRST_QUERY``, run under Node), and the whole
    index (``assets/search/``)."""
    import gzip
    import json
    import subprocess

    from tests.search_eval import NODE_RUNNER, WORKER

    def gz(path: Path) -> float:
        return len(gzip.compress(path.read_bytes(), 9)) / 1000

    worker = site / "assets" / "javascripts" / WORKER.name
    out = subprocess.run(["node", str(NODE_RUNNER), str(worker), str(site)], input=json.dumps(FIRST_QUERY) + "\n",
                         capture_output=True, text=True, check=True, timeout=300).stdout
    fetched = json.loads(out.splitlines()[0])["bytes"]
    return {
        "search_load_kb": gz(site / "search" / "search_index.json") + gz(worker),
        "search_first_kb": sum(gz(site / name) for name in fetched),
        "search_index_kb": sum(gz(p) for p in (site / "assets" / "search").rglob("*.json")),
    }


def _time_zensical(project: Path) -> float:
    """Seconds for ``zensical build`` on the same docs/ (the ZENSICAL executable), or -1 if not set."""
    command = os.environ.get("ZENSICAL")
    if not command:
        return -1.0
    copy = project.with_name(project.name + "-zensical")
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for name in ("mkdocs.yml", "overrides", "docs"):
        (shutil.copytree if (project / name).is_dir() else shutil.copy2)(project / name, copy / name)
    started = time.perf_counter()
    result = subprocess.run([command, "build", "--clean"], cwd=copy, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    shutil.rmtree(copy, ignore_errors=True)
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
        return -2.0
    return seconds


def _mtimes(project: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for folder in ("docs", "site") for p in (project / folder).rglob("*")}


def serve_latency(work: Path, tries: int = 3) -> list[float]:
    """Seconds from saving an edited entry to `serve` serving the changed page, at today's size."""
    project = work / "serve"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "docs", ".site-*", "__pycache__", ".pytest_cache"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/muscle-twitch-guide/{'/'.join(PROBE)}/"
    server = subprocess.Popen([sys.executable, "-m", "build_scripts", "--root", str(project), "serve",
                               "--addr", f"127.0.0.1:{port}"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    entry = project / "content" / PROBE[0] / f"{PROBE[1]}.yaml"
    original = entry.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(url, "Caffeine", timeout=120)
        time.sleep(2)  # let the first build settle
        for n in range(tries):
            marker = f"Benchmarkword{n}"
            started = time.perf_counter()
            entry.write_text(original.replace("summary: Too much", f"summary: {marker} too much", 1),
                             encoding="utf-8")
            _wait_for(url, marker, timeout=60)
            times.append(time.perf_counter() - started)
            time.sleep(2)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return times


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) / 1024 / 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    from importlib.metadata import version
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()}, "
            f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, PyYAML C loader")


def table(rows: list[dict[str, float]], serve: list[float] | None) -> str:
    lines = [
        "| entries | load and validate | render and write | generator per entry | mkdocs (processes) | link check "
        "| reading check "
        "| whole build | build per entry | pages | site | caffeine page | search on page load | search's first query "
        "| search index "
        "| peak memory (generator / largest child) | no-op rebuild | Zensical build |",
        "|" + "---:|" * 18,
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['load_and_validate_s']:.2f} s | {r['render_and_write_s']:.2f} s "
            f"| {r['generator_ms_per_entry']:.2f} ms | {r['mkdocs_s']:.1f} s ({r['mkdocs_processes']}) "
            f"| {r['link_check_s']:.1f} s | {r['readability_s']:.1f} s | {r['build_s']:.1f} s "
            f"| {r['build_ms_per_entry']:.1f} ms "
            f"| {r['pages']:,} | {r['site_mb']:.0f} MB | {r['probe_page_kb']:.1f} KB "
            f"| {r['search_load_kb']:,.1f} KB | {r['search_first_kb']:,.1f} KB | {r['search_index_kb']:,.0f} KB "
            f"| {r['generator_peak_mb']:.0f} / {r['mkdocs_peak_mb']:.0f} MB "
            f"| {r['noop_files_written']} files written | {_zensical_cell(r['zensical_s'])} |"
        )
    text = "\n".join(lines)
    if serve:
        text += (f"\n\n`serve` showed an edited entry {statistics.median(serve):.1f} s after it was saved "
                 f"(median of {len(serve)}: {', '.join(f'{s:.1f}' for s in serve)} s), at today's size.")
    text += ("\n\nPeak memory of the largest child is the largest of the MkDocs processes and the workers of the "
             "generator, the link check and the reading check; the workers are forked from the generator, so it "
             "is never below the generator's. For a big site the generator loads, renders and writes in one "
             "worker per core, so render and write are timed together.")
    return text + f"\n\nMachine: {machine()}. Measured {time.strftime('%Y-%m-%d')} with `make bench`."


def _zensical_cell(seconds: float) -> str:
    return {-1.0: "not run", -2.0: "failed"}.get(seconds, f"{seconds:.1f} s")


def write_results(text: str, path: Path = RESULTS) -> None:
    """Replace what lies between the bench markers of ``path`` (bench/README.md) with ``text``."""
    document = path.read_text(encoding="utf-8")
    before, _, rest = document.partition(START)
    _, found, after = rest.partition(END)
    if not found:
        raise SystemExit(f"{path.name} has no {START} ... {END} block to fill")
    path.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--write", action="store_true", help="write the results table into bench/README.md")
    parser.add_argument("--serve", action="store_true", help="only measure the serve preview")
    parser.add_argument("--jobs", type=int, help="processes for the generator and MkDocs (default: as `build` chooses)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size, JSON out
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.work, args.jobs)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        serve = serve_latency(work)
        print(f"serve: {', '.join(f'{s:.2f}' for s in serve)} s", file=sys.stderr)
        rows = []
        for n in [] if args.serve else args.sizes:
            jobs = ["--jobs", str(args.jobs)] if args.jobs else []
            result = subprocess.run([sys.executable, "-m", "bench", "--one", str(n), "--work", str(work), *jobs],
                                    cwd=ROOT, check=True, capture_output=True, text=True)
            rows.append(json.loads(result.stdout))
            print(json.dumps(rows[-1]), file=sys.stderr)
            shutil.rmtree(work / f"n{n}", ignore_errors=True)
    text = table(rows, serve)
    print(text)
    if args.write and rows:
        write_results(text)
    return 0
