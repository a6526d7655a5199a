"""The `talentmap` command (see the README's "Command line" section and shared CONTRACT.md)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talentmap",
        description="Technician Commitment action plans -> one dataset tagged with TALENT recommendations.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    sub = parser.add_subparsers(dest="command", required=True)

    ref = sub.add_parser("refresh", help="process every plan under --raw into --out")
    ref.add_argument("--raw", type=Path, default=Path("data/raw"), help="folder of plans (default data/raw)")
    ref.add_argument("--out", type=Path, default=Path("data/processed"), help="output folder")
    ref.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPU cores)")
    ref.add_argument("--force", action="store_true", help="re-extract every file, ignoring the cache")
    ref.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per file (default 120)")
    _reader_option(ref)
    ref.add_argument(
        "--overrides",
        type=Path,
        default=None,
        help="analysts' overrides CSV (default: <raw>/../overrides.csv)",
    )

    rep = sub.add_parser("report", help="rebuild report.html from the files in --out")
    rep.add_argument("--out", type=Path, default=Path("data/processed"), help="processed folder")

    ext = sub.add_parser("extract", help="run the whole pipeline on one file")
    ext.add_argument("file", type=Path)
    ext.add_argument("--out", type=Path, default=None, help="CSV to write (default: stdout)")
    ext.add_argument("--explain", action="store_true", help="print how each column was understood")
    _reader_option(ext)
    return parser


def _reader_option(sub: argparse.ArgumentParser) -> None:
    from talentmap.extract import PDF_READERS

    sub.add_argument(
        "--reader",
        choices=PDF_READERS,
        default=None,
        help=f"library that reads PDF pages (default {PDF_READERS[0]}; pdfplumber is the slower reference)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    if args.command == "refresh":
        return _refresh(parser, args)
    if args.command == "report":
        return _report(parser, args)
    return _extract(args)


def _refresh(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        parser.error(f"--raw folder not found: {args.raw}")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.timeout <= 0:
        parser.error("--timeout must be a positive number of seconds")
    if args.overrides is not None and not args.overrides.is_file():
        parser.error(f"--overrides file not found: {args.overrides}")
    from .batch import RefreshBusyError, refresh
    from .overrides_step import OverridesFileError

    try:
        summary = refresh(
            args.raw,
            args.out,
            jobs=args.jobs,
            force=args.force,
            timeout=args.timeout,
            overrides=args.overrides,
            pdf_reader=args.reader,
        )
    except (OverridesFileError, RefreshBusyError) as exc:
        print(f"talentmap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "talentmap: interrupted; finished files are cached, run refresh again to resume", file=sys.stderr
        )
        return 130
    print(summary.text())
    return summary.exit_code


def _report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .outputs import rebuild_report

    if not (args.out / "actions.csv").is_file():
        parser.error(f"no actions.csv in {args.out}: run `talentmap refresh --out {args.out}` first")
    print(rebuild_report(args.out))
    return 0


def _extract(args: argparse.Namespace) -> int:
    from talentmap.extract import PDF_READERS

    from .outputs import actions_frame
    from .pipeline import PipelineError, process_file

    try:
        result = process_file(args.file, args.file.name, pdf_reader=args.reader or PDF_READERS[0])
    except PipelineError as exc:
        print(f"talentmap: {args.file}: [{exc.stage}] {exc.message}", file=sys.stderr)
        return 1
    if args.explain:
        print(result.explain, file=sys.stderr)
    frame = actions_frame(result.rows)
    if args.out is None:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        frame.to_csv(args.out, index=False, encoding="utf-8", lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
