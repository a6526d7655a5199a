"""The `talentmap` command (see the README's "Command line" section and shared CONTRACT.md)."""

from __future__ import annotations

import argparse
import logging
import math
import sys
from pathlib import Path


def seconds(text: str) -> float:
    """A time limit: a finite number of seconds above 0 (`nan` or `inf` would switch the limit off)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive, finite number of seconds, not {text!r}")
    return value


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
    ref.add_argument("--timeout", type=seconds, default=120.0, help="seconds allowed per file (default 120)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    if args.command == "refresh":
        return _refresh(parser, args)
    if args.command == "report":
        return _report(parser, args)
    return _extract(parser, args)


def _refresh(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        parser.error(f"--raw folder not found: {args.raw}")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    _check_out_folder(parser, args.out)
    if args.overrides is not None and not args.overrides.is_file():
        parser.error(f"--overrides file not found: {args.overrides}")
    from .batch import RefreshBusyError, refresh
    from .outputs import OutputWriteError
    from .overrides_step import OverridesFileError

    try:
        summary = refresh(
            args.raw,
            args.out,
            jobs=args.jobs,
            force=args.force,
            timeout=args.timeout,
            overrides=args.overrides,
        )
    except (OverridesFileError, RefreshBusyError, OutputWriteError) as exc:
        print(f"talentmap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "talentmap: interrupted; finished files are cached, run refresh again to resume", file=sys.stderr
        )
        return 130
    print(summary.text())
    return summary.exit_code


def _check_out_folder(parser: argparse.ArgumentParser, out: Path) -> None:
    """--out must be a folder or a path where one can be made: one usage line, not a traceback."""
    for path in (out, *out.parents):
        if path.exists():
            if not path.is_dir():
                what = "--out" if path == out else f"--out's parent {path}"
                parser.error(f"{what} is not a folder: {path}")
            return


def _report(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .outputs import rebuild_report

    _check_out_folder(parser, args.out)
    if not (args.out / "actions.csv").is_file():
        parser.error(f"no actions.csv in {args.out}: run `talentmap refresh --out {args.out}` first")
    print(rebuild_report(args.out))
    return 0


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.out is not None and args.out.is_dir():
        parser.error(f"--out is a folder, not a CSV file: {args.out}")
    from .csvsafe import write_csv_text
    from .outputs import actions_frame
    from .pipeline import PipelineError, process_file

    try:
        result = process_file(args.file, args.file.name)
    except PipelineError as exc:
        print(f"talentmap: {args.file}: [{exc.stage}] {exc.message}", file=sys.stderr)
        return 1
    if args.explain:
        print(result.explain, file=sys.stderr)
    frame = actions_frame(result.rows)
    if args.out is None:
        write_csv_text(frame, sys.stdout)
    else:
        with args.out.open("w", encoding="utf-8", newline="") as fh:
            write_csv_text(frame, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
