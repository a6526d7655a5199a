"""Zip-packaged XML documents (Word .docx, OpenDocument .odt and .ods, Excel .xlsx) opened defensively.

Both formats are a zip archive of XML parts, so both share one guard against archives that would
inflate to an unreasonable size (zip bombs) and one XML parser that never resolves entities, loads
a DTD, touches the network or lifts libxml2's limits on huge documents (billion laughs, XXE).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from .model import ExtractionError

MAX_PART_BYTES = 50 * 1024 * 1024  # one uncompressed part (document.xml of a 500-page plan is ~10 MB)
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; honest XML compresses ~10-30x
MAX_PARTS = 5000  # a plan with many images has a few hundred; tens of thousands is an attack


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class Package:
    """An opened, size-checked archive; parts are read and parsed on demand."""

    def __init__(self, path: Path, label: str):
        self.label = label  # ".docx" / ".odt", for messages
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ExtractionError(f"corrupt {label} (not a valid zip archive: {exc})") from exc
        try:
            check_parts(infos, label)
        except ExtractionError:
            self._zip.close()
            raise
        self._infos = {i.filename: i for i in infos}

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """A part's bytes, never more than the cap even if the zip directory lied about its size."""
        try:
            with self._zip.open(self._infos[name]) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
            raise ExtractionError(f"corrupt {self.label} (part '{name}' unreadable: {exc})") from exc
        if len(data) > MAX_PART_BYTES:
            raise ExtractionError(
                f"refused: {self.label} part '{name}' inflates past {MAX_PART_BYTES / 2**20:.0f} MB"
            )
        return data

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed with the hardened parser; None when the archive has no such part."""
        if name not in self._infos:
            return None
        return parse_xml(self.read(name), f"{self.label} part '{name}'")


def check_parts(infos: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse an archive that would inflate without bound (part count, part size, ratio, total)."""
    if len(infos) > MAX_PARTS:
        raise ExtractionError(
            f"refused: {label} has {len(infos)} parts (limit {MAX_PARTS}; looks like a zip bomb)"
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise ExtractionError(
                f"refused: {label} part '{info.filename}' is {info.file_size / 2**20:.0f} MB "
                f"uncompressed (limit {MAX_PART_BYTES / 2**20:.0f} MB)"
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise ExtractionError(
                f"refused: {label} part '{info.filename}' inflates "
                f"{info.file_size // info.compress_size}x (looks like a zip bomb)"
            )
    if total > MAX_TOTAL_BYTES:
        raise ExtractionError(
            f"refused: {label} inflates to {total / 2**20:.0f} MB (limit {MAX_TOTAL_BYTES / 2**20:.0f} MB)"
        )


def check_archive(path: Path, label: str, required_part: str) -> None:
    """Raise `ExtractionError` unless `path` is a sane zip holding `required_part` (for readers
    that open the archive with another library, e.g. openpyxl)."""
    with Package(path, label) as package:
        if not package.has(required_part):
            raise ExtractionError(f"not a {label} (the zip archive has no {required_part})")


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse untrusted XML: no entities, no DTD, no network; a part that declares a DTD is refused."""
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(f"corrupt {what} (XML error: {exc})") from exc
    if tree.docinfo.doctype:
        raise ExtractionError(f"refused: {what} declares a DTD (office XML never does)")
    return tree.getroot()
