"""Limits for zip-based office files (.xlsx, .ods): refuse archives that would inflate without bound.

The same limits as the Word reader's, for the same reason: a zip bomb is a few kilobytes on disk.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .model import ExtractionError

MAX_PART_BYTES = 50 * 1024 * 1024  # one uncompressed part
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; honest XML compresses ~10-30x
MAX_PARTS = 5000


def check_archive(path: Path, what: str, required_part: str) -> None:
    """Raise `ExtractionError` unless `path` is a sane zip holding `required_part`."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractionError(f"corrupt {what} (not a valid zip archive: {exc})") from exc
    if len(infos) > MAX_PARTS:
        raise ExtractionError(
            f"refused: {what} has {len(infos)} parts (limit {MAX_PARTS}; looks like a zip bomb)"
        )
    if required_part not in {i.filename for i in infos}:
        raise ExtractionError(f"not a {what} (the zip archive has no {required_part})")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise ExtractionError(
                f"refused: {what} part '{info.filename}' is {info.file_size / 2**20:.0f} MB uncompressed "
                f"(limit {MAX_PART_BYTES / 2**20:.0f} MB)"
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise ExtractionError(
                f"refused: {what} part '{info.filename}' inflates {info.file_size // info.compress_size}x "
                "(looks like a zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        raise ExtractionError(
            f"refused: {what} inflates to {total / 2**20:.0f} MB (limit {MAX_TOTAL_BYTES / 2**20:.0f} MB)"
        )
