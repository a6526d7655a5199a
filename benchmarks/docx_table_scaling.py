"""Time one Word table of growing length through extract and normalise: the time per row must stay
flat (issue 12: 4,000 rows took 21.6 s against 7.4 s for 2,000, header matching being worse than
linear). Prints seconds and milliseconds per row for each size, and the last size's per-row time
over the first's (about 1.0 when linear).

    python benchmarks/docx_table_scaling.py [ROWS ...]      (default 1000 2000 4000)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path


def table_docx(path: Path, rows: int) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=rows + 1, cols=5)
    for cell, label in zip(
        table.rows[0].cells, ("Ref", "Action", "Lead", "Timescale", "Status"), strict=True
    ):
        cell.text = label
    for index in range(1, rows + 1):
        cells = table.rows[index].cells
        cells[0].text = f"{index}.1"
        cells[1].text = f"Support technicians with a training plan for the new equipment, item {index}"
        cells[2].text, cells[3].text, cells[4].text = "HR team", "2025", ("Green", "Amber", "Red")[index % 3]
    document.save(path)
    return path


def one(rows: int) -> float:
    """Seconds per row for a table of `rows` rows (run in its own process: no memo carried over)."""
    from talentmap.extract import extract_document
    from talentmap.normalise import normalise

    with tempfile.TemporaryDirectory() as folder:
        path = table_docx(Path(folder) / f"table_{rows}.docx", rows)
        start = time.perf_counter()
        document = extract_document(path)
        read = time.perf_counter()
        plan = normalise(document, file_stem=path.stem)
        done = time.perf_counter()
    assert len(plan.records) == rows, len(plan.records)
    print(f"{rows:>6} {read - start:>10.2f} {done - read:>12.2f} {1000 * (done - start) / rows:>8.2f}")
    return (done - start) / rows


def main(sizes: list[int]) -> None:
    print(f"{'rows':>6} {'extract s':>10} {'normalise s':>12} {'ms/row':>8}", flush=True)
    per_row = []
    for rows in sizes:
        command = [sys.executable, __file__, "--one", str(rows)]
        line = subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
        print(line, flush=True)
        per_row.append(float(line.split()[-1]))
    print(
        f"per-row time, {sizes[-1]} rows over {sizes[0]} rows: {per_row[-1] / per_row[0]:.2f} (1.0 = linear)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [1000, 2000, 4000])
