"""The `talentmap` command (see the README's "Command line" section and shared CONTRACT.md).

Usage errors (exit 2) are one line on stderr, never a traceback: a bad option, a missing file or
folder, an output that cannot be written, a format that cannot be told from the output's name.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .formats import BINARY_FORMATS, FORMATS, format_for

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


class Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line (usage stays one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _verbosity(parser: argparse.ArgumentParser, where: str) -> None:
    """-v / -q, accepted before the subcommand (`where` = "main") and after it ("sub")."""
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        dest=f"verbose_{where}",
        help="more log output: -v the stages' progress, -vv debug (talentmap's own), -vvv every library's",
    )
    parser.add_argument(
        "-q", "--quiet", action="count", default=0, dest=f"quiet_{where}", help="only errors; no progress"
    )


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
    parser = Parser(
        prog="talentmap",
        description="Technician Commitment action plans -> one dataset tagged with TALENT recommendations.",
    )
    parser.add_argument("--version", action="version", version=f"talentmap {__version__}")
    _verbosity(parser, "main")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

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
    ref.add_argument(
        "--allow-empty",
        action="store_true",
        help="let a --raw folder with no plans replace an existing dataset with an empty one",
    )
    _reader_option(ref)
    _verbosity(ref, "sub")

    rep = sub.add_parser("report", help="rebuild report.html from the files in --out")
    rep.add_argument("--out", type=Path, default=Path("data/processed"), help="processed folder")
    _verbosity(rep, "sub")

    ext = sub.add_parser(
        "extract",
        help="run the whole pipeline on some files",
        description="Run the whole pipeline on plan files (or every plan in a folder) and write their "
        "rows, in the columns of actions.csv.",
    )
    ext.add_argument("files", type=Path, nargs="+", metavar="FILE", help="a plan (.pdf, .docx) or a folder")
    ext.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help="file to write (default: stdout); its extension picks the format: "
        + ", ".join(s for suffixes in FORMATS.values() for s in suffixes),
    )
    ext.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default=None,
        help="output format (default: from --out's extension, else csv)",
    )
    ext.add_argument(
        "--explain",
        action="store_true",
        help="print how each column was understood (to stderr; on a terminal instead of the rows)",
    )
    _reader_option(ext)
    _verbosity(ext, "sub")
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
    args.verbosity = args.verbose_main + args.verbose_sub - args.quiet_main - args.quiet_sub
    configure_logging(args.verbosity)
    try:
        if args.command == "refresh":
            return _refresh(parser, args)
        if args.command == "report":
            return _report(parser, args)
        return _extract(parser, args)
    except OSError as exc:  # an output that cannot be written (read-only, /proc, disk full, ...)
        target = f"{exc.filename}: " if exc.filename else ""
        print(f"talentmap: error: cannot write {target}{exc.strerror or exc}", file=sys.stderr)
        return 2


def configure_logging(verbosity: int) -> None:
    """-v and -vv raise talentmap's own loggers only: pdfminer, camelot and PIL stay at warnings
    (pdfminer alone logs thousands of debug lines per page); -vvv opens every logger."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)
    if verbosity == 0:
        return  # leave the level alone (a notebook's or a test's logging setup stays in charge)
    level = {1: logging.INFO, 2: logging.DEBUG}.get(
        verbosity, logging.DEBUG if verbosity > 0 else logging.ERROR
    )
    logging.getLogger("talentmap").setLevel(level)
    if verbosity >= 3:
        logging.getLogger().setLevel(logging.DEBUG)


def _refresh(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        parser.error(f"--raw folder not found: {args.raw}")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    _check_out_folder(parser, args.out)
    if args.overrides is not None and not args.overrides.is_file():
        parser.error(f"--overrides file not found: {args.overrides}")
    from .batch import EmptyRawFolderError, RefreshBusyError, refresh
    from .outputs import OutputWriteError
    from .overrides_step import OverridesFileError

    try:
        with _progress_stream(args.verbosity) as progress:
            summary = refresh(
                args.raw,
                args.out,
                jobs=args.jobs,
                force=args.force,
                timeout=args.timeout,
                overrides=args.overrides,
                allow_empty=args.allow_empty,
                pdf_reader=args.reader,
                progress_stream=progress,
            )
    except (
        OverridesFileError,
        RefreshBusyError,
        EmptyRawFolderError,
        FileNotFoundError,
        OutputWriteError,
    ) as exc:
        print(f"talentmap: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "talentmap: interrupted; finished files are cached, run refresh again to resume", file=sys.stderr
        )
        return 130
    quiet = args.verbosity < 0  # only what failed
    for line in summary.text().splitlines():
        if not quiet or line.startswith("FAILED"):
            print(line)
    return summary.exit_code


@contextlib.contextmanager
def _progress_stream(verbosity: int) -> Iterator[TextIO | None]:
    """Where refresh's progress goes: stderr (None), or nowhere under -q."""
    if verbosity >= 0:
        yield None
        return
    with open(os.devnull, "w") as sink:
        yield sink


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
    path = rebuild_report(args.out)
    if args.verbosity >= 0:
        print(path)
    return 0


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from talentmap.extract import PDF_READERS

    if args.out is not None and args.out.is_dir():
        parser.error(f"--out is a folder, not a file: {args.out}")
    from .dataset import typed_actions
    from .formats import write_rows
    from .outputs import actions_frame
    from .pipeline import PipelineError, process_file

    fmt = _extract_format(parser, args)
    if args.out is None and fmt in BINARY_FORMATS:
        parser.error(f"--format {fmt} is binary: name a file with --out (e.g. --out plan.{fmt})")
    if args.out is not None and not args.out.parent.is_dir():
        parser.error(f"--out folder not found: {args.out.parent}")
    plans = _plans_to_extract(parser, args.files)
    # on a terminal, --explain without --out is a question about the columns: answer only that
    show_rows = args.out is not None or not (args.explain and sys.stdout.isatty())

    rows, failed = [], 0
    for path, source_file in plans:
        try:
            result = process_file(path, source_file, pdf_reader=args.reader or PDF_READERS[0])
        except PipelineError as exc:
            print(f"talentmap: {path}: [{exc.stage}] {exc.message}", file=sys.stderr)
            failed += 1
            continue
        if args.explain:
            header = f"== {source_file}\n" if len(plans) > 1 else ""
            print(header + result.explain, file=sys.stderr)
        else:
            for warning in result.warnings:
                print(f"talentmap: {source_file}: warning: {warning}", file=sys.stderr)
        rows += result.rows
    if show_rows and (rows or not failed):
        frame = typed_actions(actions_frame(rows))
        write_rows(frame, fmt, args.out if args.out is not None else sys.stdout)
    return 1 if failed else 0


def _extract_format(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """--format, else the format --out's extension names (refused if none), else csv on stdout."""
    if args.format is not None:
        return args.format
    if args.out is None:
        return "csv"
    fmt = format_for(args.out)
    if fmt is None:
        known = ", ".join(s for suffixes in FORMATS.values() for s in suffixes)
        parser.error(f"cannot tell the format of --out {args.out}: name it {known}, or pass --format")
    return fmt


def _plans_to_extract(parser: argparse.ArgumentParser, files: list[Path]) -> list[tuple[Path, str]]:
    """(path, source_file) for each FILE, and for every plan in each folder (named relative to it)."""
    from .batch import discover
    from .identity import source_name

    plans: list[tuple[Path, str]] = []
    for given in files:
        if given.is_dir():
            found, _ = discover(given)
            if not found:
                parser.error(f"no plans (.pdf, .docx) in folder {given}")
            plans += [(path, source_name(path, given)) for path in found]
        elif given.is_file():
            plans.append((given, given.name))
        else:
            parser.error(f"file not found: {given}")
    return plans


if __name__ == "__main__":
    sys.exit(main())
