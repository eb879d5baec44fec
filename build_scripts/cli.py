"""Command line: ``python -m build_scripts check | build | serve | report | schema | new | translate | review |
template``."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from build_scripts.errors import report
from build_scripts.schema import BY_NAME

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="validate content/ and report every problem")
    check.add_argument("--strict", action="store_true", help="treat overdue reviews as errors")
    check.add_argument("--github", action="store_true",
                       help="also print GitHub annotations (default when GITHUB_ACTIONS is set)")

    build = sub.add_parser("build", help="validate, write docs/, then run mkdocs build --strict into site/")
    build.add_argument("--strict", action="store_true", help="treat overdue reviews as errors")
    build.add_argument("--force", action="store_true",
                       help="run MkDocs even if nothing it reads has changed since the last build")
    build.add_argument("--jobs", type=int, metavar="N",
                       help="processes to run at once, for the generator and for MkDocs "
                            "(default: one per core for a big site, else 1)")

    serve = sub.add_parser("serve", help="regenerate on every change under content/ and live-reload")
    serve.add_argument("--addr", default=os.environ.get("SERVE_ADDR", "127.0.0.1:8000"))
    serve.add_argument("--language", default=os.environ.get("SERVE_LANGUAGE", "en"),
                       help="the language to preview, such as es (served under its own path, /es/)")

    report_ = sub.add_parser("report", help="build the site, then print each page's reading level and the median")
    report_.add_argument("--due", action="store_true",
                         help="instead, list the entries and pages whose next_review_due has passed or is near")
    report_.add_argument("--within", type=_days, metavar="DAYS",
                         help="with --due: how many days ahead to look (default: 60)")

    report_.add_argument("--translations", action="store_true",
                         help="instead, list each language's missing and stale translations, with what changed")
    report_.add_argument("--since", metavar="REVISION",
                         help="with --translations: only the translations made stale by changes since REVISION (git)")

    translate = sub.add_parser("translate", help="start a translation of an entry or page, or mark one up to date")
    translate.add_argument("language", help="the language's code, such as es")
    translate.add_argument("pages", nargs="*", help="entries as causes/caffeine, pages as pages/about, or a shared "
                                                    "file: triage, taxonomy, glossary")
    translate.add_argument("--done", action="store_true",
                           help="record that the translation now matches the current English (after updating it)")
    translate.add_argument("--missing", action="store_true", help="start every translation the language lacks")

    schema = sub.add_parser("schema", help="write the JSON Schemas into schemas/")
    schema.add_argument("--check", action="store_true", help="fail if schemas/ is out of date")

    new = sub.add_parser("new", help="write a new entry, ready to fill in, into content/<type>s/")
    new.add_argument("type", choices=list(BY_NAME), help="the kind of entry")
    new.add_argument("title", help="its title, such as 'Vitamin D deficiency' (in quotes)")
    new.add_argument("--id", help="the file name without .yaml (default: made from the title)")

    review = sub.add_parser("review", help="clinical review: sign off an entry or page, see what changed since, "
                                           "or list what is signed off")
    review_sub = review.add_subparsers(dest="action", required=True)
    sign = review_sub.add_parser("sign", help="record that a reviewer has checked an entry or page as it is now")
    sign.add_argument("page", help="an entry, as causes/caffeine, or a page, as pages/about")
    sign.add_argument("--reviewer", required=True, help="the reviewer's id in content/reviewers.yaml")
    diff = review_sub.add_parser("diff", help="show what changed in an entry or page since its sign-off (git)")
    diff.add_argument("page", help="an entry, as causes/caffeine, or a page, as pages/about")
    status = review_sub.add_parser("status", help="list what is signed off, changed since, or never reviewed")
    status.add_argument("--changed", action="store_true", help="only what has changed since its sign-off")

    template = sub.add_parser("template", help="print the annotated template of an entry type (as in CONTRIBUTING.md)")
    template.add_argument("type", choices=list(BY_NAME), help="the kind of entry")

    args = parser.parse_args(argv)
    if args.command == "report" and args.within is not None and not args.due:
        parser.error("--within only works with --due")
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a last net: never show a contributor a traceback
        if os.environ.get("BUILD_SCRIPTS_DEBUG"):
            raise
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("This is a bug in the generator, not in your content; please report it.", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    if args.command == "check":
        from build_scripts.language import load_all

        _, _, problems = load_all(root / "content", strict=args.strict)
        github = args.github or os.environ.get("GITHUB_ACTIONS") == "true"
        return report(problems, github=github)
    if args.command == "build":
        from build_scripts.build import build

        return build(root, strict=args.strict, force=args.force, jobs=args.jobs)
    if args.command == "serve":
        from build_scripts.serve import serve

        return serve(root, args.addr, args.language)
    if args.command == "report" and args.translations:
        from build_scripts.translate import report_translations

        return report_translations(root, args.since)
    if args.command == "translate":
        from build_scripts.translate import command

        return command(root, args.language, args.pages, finish=args.done, missing=args.missing)
    if args.command == "report" and args.due:
        from build_scripts.due import DEFAULT_WINDOW_DAYS, report_due

        return report_due(root, DEFAULT_WINDOW_DAYS if args.within is None else args.within)
    if args.command == "report":
        from build_scripts.config import read_config
        from build_scripts.readability import score_site, table
        from build_scripts.build import build

        status = build(root, quiet=True)
        if status == 0:  # one table per language, each in its own measure
            scores = score_site(root / read_config(root).site_dir, smog=True)
            by_language: dict[str, list] = {}
            for score in scores:
                by_language.setdefault(score.measure.name, []).append(score)
            print("\n\n".join(table(mine) for mine in by_language.values()))
        return status
    if args.command == "schema":
        from build_scripts.build import write_schemas

        return write_schemas(root, check=args.check)
    if args.command == "new":
        from build_scripts.scaffold import new_entry

        return new_entry(root, BY_NAME[args.type], args.title, args.id)
    if args.command == "review":
        from build_scripts import review
        from build_scripts.model import current_date

        if args.action == "sign":
            return review.sign(root, args.page.strip("/").removesuffix(".yaml").removesuffix(".md")
                               .removeprefix("content/"), args.reviewer, current_date())
        if args.action == "diff":
            return review.diff(root, args.page.strip("/").removesuffix(".yaml").removesuffix(".md")
                               .removeprefix("content/"))
        return review.report_status(root, changed_only=args.changed)
    if args.command == "template":
        from build_scripts.scaffold import template

        print(template(BY_NAME[args.type]), end="")
        return 0
    raise AssertionError(args.command)


def _days(text: str) -> int:
    """A whole number of days, 0 or more (for ``--within``)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of days, got {text!r}")
    return int(text)
