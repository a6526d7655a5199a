"""Old Word binary (.doc) and RTF files, converted to .docx by LibreOffice and read as Word.

Conversion runs `soffice --headless --convert-to docx` on a copy of the file in a private temp
folder with its own LibreOffice profile (parallel workers would otherwise share one profile lock),
in its own process group so that a conversion past its time limit is killed whole. Without
LibreOffice the file is one clear error saying how to convert it by hand.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ..model import Document, ExtractionError
from .reader import read_docx

CONVERT_TIMEOUT_S = 60.0  # below the batch's default per-file limit, so this one fires first
_ZIP = b"PK\x03\x04"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(path: Path, kind: str, timeout: float = CONVERT_TIMEOUT_S) -> Document:
    """A .doc or .rtf file as a `Document` (kind "doc" / "rtf"), through LibreOffice."""
    with path.open("rb") as fh:
        if fh.read(4) == _ZIP:  # a .docx saved under an old name: no conversion needed
            return replace(read_docx(path), kind=kind)
    program = soffice()
    if program is None:
        raise ExtractionError(
            f"cannot read a {path.suffix} file without LibreOffice: install LibreOffice (soffice on "
            "PATH), or open the file in Word and save it as .docx (File > Save As > Word Document)"
        )
    with tempfile.TemporaryDirectory(prefix="talentmap-convert-") as tmp:
        work = Path(tmp)
        source = work / f"input{path.suffix.lower()}"
        shutil.copyfile(path, source)
        converted = _convert(program, source, work, timeout)
        return replace(read_docx(converted), source=str(path), kind=kind)


def _convert(program: str, source: Path, work: Path, timeout: float) -> Path:
    out_dir = work / "out"
    command = [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "docx",
        "--outdir",
        str(out_dir),
        str(source),
    ]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ExtractionError(
            f"LibreOffice did not convert the {source.suffix} file within {timeout:.0f} s; "
            "save it as .docx in Word and process that"
        ) from None
    result = out_dir / f"{source.stem}.docx"
    if process.returncode != 0 or not result.is_file():
        detail = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ExtractionError(
            f"LibreOffice could not convert the {source.suffix} file ({detail[0][:200]}); "
            "it may be damaged or password-protected: open it in Word and save it as .docx"
        )
    return result
