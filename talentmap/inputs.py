"""Reading an input file safely: regular files only, size checked before a byte is read.

A raw folder is outside input. A symlink to /dev/zero, a FIFO or a device would block or never end
a read, and a sparse 8 GB file would be hashed in full before the size limit refused it; so the
kind and size come from stat() first, the file is opened without blocking, and the kind is checked
again on the open file (it may have been swapped in between).
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from talentmap.extract import MAX_FILE_BYTES

BLOCK = 1 << 20


class InputRefused(Exception):
    """A file that is not read at all: not a regular file, too large, or gone."""


def kind_of(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def check_input(path: Path, max_bytes: int = MAX_FILE_BYTES) -> os.stat_result:
    """stat() of a readable input (symlinks to files followed), or `InputRefused` saying why not."""
    try:
        info = path.stat()
    except OSError as exc:
        raise InputRefused(f"cannot read file: {exc.strerror or exc}") from None
    _check(info, max_bytes)
    return info


def _check(info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputRefused(f"refused: not a regular file ({kind_of(info.st_mode)}); only files are read")
    if info.st_size > max_bytes:
        raise InputRefused(
            f"file too large ({info.st_size / 2**20:.0f} MB; limit {max_bytes / 2**20:.0f} MB)"
        )


class DeadlinePassed(Exception):
    """Reading took longer than the time allowed."""


def input_digest(path: Path, deadline: float | None = None, max_bytes: int = MAX_FILE_BYTES) -> str:
    """sha256 of a regular file's bytes, read without blocking on anything but a regular file.

    `deadline` is a `time.monotonic()` value: past it, `DeadlinePassed` (a file on a stalled disk
    costs its time limit, not the whole run)."""
    check_input(path, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputRefused(f"cannot read file: {exc.strerror or exc}") from None
    digest = hashlib.sha256()
    try:
        _check(os.fstat(fd), max_bytes)
        read = 0
        while block := os.read(fd, BLOCK):
            digest.update(block)
            read += len(block)
            if read > max_bytes:  # grew while being read
                raise InputRefused(f"file too large (over {max_bytes / 2**20:.0f} MB while being read)")
            if deadline is not None and time.monotonic() > deadline:
                raise DeadlinePassed
    except OSError as exc:
        raise InputRefused(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return digest.hexdigest()
