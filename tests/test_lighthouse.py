"""Lighthouse, mobile preset, on the home page, the heaviest cause page, the heaviest treatment
page and the symptom navigator: performance at least 95; accessibility, best practices and SEO 100.

Lighthouse comes from the npm registry (package.json; `make test` runs `npm ci`) and drives the
system's Chromium against the built site, served gzip-compressed under the subpath as GitHub
Pages serves it. Its performance score moves a little from run to run, so a page that misses
the mark on the first run gets four more runs and is judged on the median of the five, as
Lighthouse's own guidance on variability advises: one busy moment on a shared CI machine can cost
a few points of Total Blocking Time.

The phone it emulates is calibrated to the machine. Lighthouse slows the CPU down 4 times by
default, which turns a high-end desktop into a mid-tier phone; on a slower machine that makes a
slower phone than intended. Lighthouse's throttling guide says to calibrate from its benchmark
index, and to lower the multiplier on a weaker machine, with the formula of the CPU throttling
calculator it links to (``cpu_slowdown``). A shared machine's speed changes from minute to
minute (this one measured 1,020-2,100 within an hour), so each run uses the index measured by
the run before it. It is never more than the default 4: on a fast machine the test is a plain
Lighthouse run, the one PageSpeed Insights reports.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

import pytest

from tests.browser import FLAGS, chromium_path
from tests.conftest import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
DEFAULT_SLOWDOWN = 4.0  # Lighthouse's own CPU slowdown


def heaviest(site: Path, folder: str) -> str:
    """The entry page in ``folder`` with the most HTML: the hardest case for the budget."""
    pages = list((site / folder).glob("*/index.html"))
    return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() + "/"


def cpu_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes a machine with this benchmark index a mid-tier phone, at most
    Lighthouse's default of 4 (which the calculator gives at 1,533).

    From https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md#cpu-throttling and
    the calculator it links to.
    """
    if benchmark_index >= 1300:
        slowdown = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        slowdown = 2 + (benchmark_index - 800) / 500
    else:
        slowdown = 1 + (benchmark_index - 150) / 650
    return round(min(DEFAULT_SLOWDOWN, max(1.0, slowdown)), 2)


@pytest.fixture(scope="module")
def calibration(base_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """The CPU slowdown for the next run: first from a run on the small 404 page, then from each run."""
    report = tmp_path_factory.mktemp("calibrate") / "run.json"
    lighthouse(base_url + "404.html", report)
    return {"slowdown": cpu_slowdown(benchmark_index(report))}


def benchmark_index(report: Path) -> float:
    return float(json.loads(report.read_text(encoding="utf-8"))["environment"]["benchmarkIndex"])


def lighthouse(url: str, report: Path, slowdown: float | None = None) -> dict[str, int]:
    """One Lighthouse run (mobile is its default preset); the four category scores out of 100.
    ``slowdown``: the CPU slowdown multiplier (default: Lighthouse's own, 4)."""
    if not LIGHTHOUSE.exists():
        message = "Lighthouse is not installed: run `npm ci` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    flags = " ".join(["--headless=new", *FLAGS])
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(MINIMUM)}", f"--chrome-flags={flags}",
         *([f"--throttling.cpuSlowdownMultiplier={slowdown}"] if slowdown else [])],
        check=True, timeout=180, env={**os.environ, "CHROME_PATH": chromium_path()},
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(category["score"] * 100) for name, category in result["categories"].items()}


def lost_points(report: Path) -> list[str]:
    """The audits that cost points, to say what to fix."""
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    lost = []
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {audit['title']} ({audit.get('displayValue', audit['score'])})")
    return lost


@pytest.mark.browser
@pytest.mark.parametrize("page", ["home", "cause", "treatment", "navigator", "home-es", "cause-es"])
def test_lighthouse_scores(page: str, built_project: Path, base_url: str, calibration: dict[str, float],
                           tmp_path: Path) -> None:
    site = built_project / "site"
    path = {"home": "", "navigator": "navigator/", "cause": heaviest(site, "causes"),
            "treatment": heaviest(site, "treatments"), "home-es": "es/", "cause-es": heaviest(site, "es/causes")}[page]
    runs: list[dict[str, int]] = []
    slowdowns: list[float] = []

    def run() -> Path:
        report = tmp_path / f"run-{len(runs) + 1}.json"
        slowdowns.append(calibration["slowdown"])
        runs.append(lighthouse(base_url + path, report, calibration["slowdown"]))
        calibration["slowdown"] = cpu_slowdown(benchmark_index(report))  # for the next run
        return report

    last = run()
    if any(runs[0][name] < minimum for name, minimum in MINIMUM.items()):
        for _ in range(4):
            last = run()
    scores = {name: statistics.median(run[name] for run in runs) for name in MINIMUM}
    low = {name: score for name, score in scores.items() if score < MINIMUM[name]}
    assert not low, (
        f"/{path}: Lighthouse scores {low} are below {MINIMUM} (runs: {runs}; CPU slowdowns {slowdowns}, "
        f"calibrated to a mid-tier phone; benchmark index in the last run {benchmark_index(last):.0f}). "
        f"What cost points in the last run: {lost_points(last)}"
    )


@pytest.mark.parametrize(("index", "expected"), [(2000, 4.0), (1533, 4.0), (1300, 3.0), (1050, 2.5), (800, 2.0),
                                                 (475, 1.5), (150, 1.0), (50, 1.0)])
def test_the_slowdown_follows_lighthouses_calculator(index: float, expected: float) -> None:
    assert cpu_slowdown(index) == pytest.approx(expected, abs=0.01)
