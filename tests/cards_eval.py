"""Score the warning card above search results on tests/triage/search-queries.yaml, under Node
(the page's own script, warning-signs.js, with the search worker's file in page mode, on a built
site: tests/js/cards-run.cjs):

    python -m tests.cards_eval site/
    python -m tests.cards_eval site/ --queries tests/search/queries-blind3.yaml

A search query set whose rows name their signs (``signs:``, empty for a harmless query) is scored
the same way.

Per split: the share of sign queries that get a right card, the share that get a card at least as
urgent as the sign's (no under-triage), and the share of harmless queries that get any card. Only
the tuning part's misses are printed: the held-back part is for measuring, never for tuning.
"""
from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = Path(__file__).parent / "triage" / "search-queries.yaml"
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "warning-signs.js"
RUNNER = ROOT / "tests" / "js" / "cards-run.cjs"


def load(path: Path = QUERIES) -> list[dict[str, Any]]:
    """The rows, each with its text as ``q`` (a search query set calls it ``query``)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [{**row, "q": row.get("q", row.get("query"))} for row in rows if "signs" in row]


def run(site: Path, queries: list[dict[str, Any]]) -> list[tuple[str | None, str | None]]:
    """(sign id, level) of the card each query shows, or (None, None)."""
    lines = "".join(json.dumps(q["q"]) + "\n" for q in queries)
    out = subprocess.run(["node", str(RUNNER), str(SCRIPT), str(site)], input=lines, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [(a["sign"], a["level"]) for a in answers]


def score(rows: list[tuple[dict[str, Any], str | None, str | None]], levels: dict[str, str],
          order: list[str]) -> dict[str, float]:
    signs = [(q, got, level) for q, got, level in rows if q["signs"]]
    none = [(q, got) for q, got, _ in rows if not q["signs"]]

    def urgent_enough(q: dict[str, Any], level: str | None) -> bool:
        wanted = min(order.index(levels[s]) for s in q["signs"])
        return level is not None and order.index(level) <= wanted

    return {
        "sign hit": sum(got in q["signs"] for q, got, _ in signs) / max(1, len(signs)),
        "level or more urgent": sum(urgent_enough(q, level) for q, _, level in signs) / max(1, len(signs)),
        "false card": sum(got is not None for q, got in none) / max(1, len(none)),
    }


def sign_levels(site: Path) -> tuple[dict[str, str], list[str]]:
    """Each sign's level, and the levels, most urgent first."""
    data = json.loads((site / "assets" / "warning-signs.json").read_text(encoding="utf-8"))
    return {sign["id"]: sign["level"] for sign in data["signs"]}, data["order"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--held", action="store_true", help="also score the held-back part (to report it: never while tuning)")
    args = parser.parse_args()
    queries = [q for q in load(args.queries) if args.held or q["split"] == "tune"]
    answers = run(args.site, queries)
    levels, order = sign_levels(args.site)
    rows = [(q, sign, level) for q, (sign, level) in zip(queries, answers, strict=True)]
    for split in ("tune", "held") if args.held else ("tune",):
        numbers = score([r for r in rows if r[0]["split"] == split], levels, order)
        print(f"{split:<5} " + ", ".join(f"{k} {v:.2f}" for k, v in numbers.items()))
    for q, sign, _ in rows:
        if q["split"] == "tune" and (sign not in q["signs"] if q["signs"] else sign is not None):
            print(f"miss: {q['q']!r}: expected {q['signs'] or 'no card'}, got {sign}")


if __name__ == "__main__":
    main()
