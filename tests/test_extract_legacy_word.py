"""Old Word (.doc) and RTF files: converted through LibreOffice when it is installed, else one clear
error saying how to convert them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from talentmap.extract import ExtractionError, extract_document
from talentmap.extract.docx.legacy import read_legacy

HAS_SOFFICE = shutil.which("soffice") is not None
RTF = (
    r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}"
    r"\pard Example University Technician Commitment Action Plan 2024-2027\par"
    r"\trowd\cellx2000\cellx6000\cellx8000"
    r"\pard\intbl Ref\cell Action\cell Lead\cell\row"
    r"\trowd\cellx2000\cellx6000\cellx8000"
    r"\pard\intbl 1.1\cell Publish a technician newsletter each term\cell HR Partner\cell\row"
    r"\pard\par}"
)
EXPECTED = [("Ref", "Action", "Lead"), ("1.1", "Publish a technician newsletter each term", "HR Partner")]


def test_without_libreoffice_a_doc_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ExtractionError, match=r"without LibreOffice.*save it as \.docx"):
        extract_document(path)


def test_rtf_that_is_not_rtf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.rtf"
    path.write_text("just some text")
    with pytest.raises(ExtractionError, match="not a Word .rtf file"):
        extract_document(path)


def test_a_docx_saved_under_a_doc_name_is_read_without_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    doc = docx.Document()
    doc.add_table(rows=2, cols=3)
    for r, values in enumerate(EXPECTED):
        for c, value in enumerate(values):
            doc.tables[0].cell(r, c).text = value
    doc.save(tmp_path / "plan.doc")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    got = extract_document(tmp_path / "plan.doc")
    assert [r.cells for r in got.tables[0].rows] == EXPECTED
    assert got.kind == "doc"


def test_a_conversion_past_its_time_limit_is_killed_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    path = tmp_path / "plan.rtf"
    path.write_text(RTF)
    with pytest.raises(ExtractionError, match="did not convert the .rtf file within 1 s"):
        read_legacy(path, "rtf", timeout=1)


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice not installed")
def test_rtf_is_converted_and_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.rtf"
    path.write_text(RTF)
    got = extract_document(path)
    assert got.kind == "rtf" and got.source == str(path)
    assert [r.cells for r in got.tables[0].rows] == EXPECTED
    assert got.lines[0].text == "Example University Technician Commitment Action Plan 2024-2027"


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice not installed")
def test_binary_doc_is_converted_and_read(tmp_path: Path) -> None:
    (tmp_path / "plan.rtf").write_text(RTF)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "plan.rtf")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    doc = tmp_path / "out" / "plan.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    got = extract_document(doc)
    assert got.kind == "doc"
    assert [r.cells for r in got.tables[0].rows] == EXPECTED
