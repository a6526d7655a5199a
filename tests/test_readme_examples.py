"""The README's examples run as written: every ```python block, and every `talentmap ...` or
`python -m talentmap ...` line of its ```bash blocks, in a folder holding a copy of data/raw."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import RAW, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.MULTILINE | re.DOTALL)


def command_lines() -> list[str]:
    lines = [line.strip() for block in fenced("bash") for line in block.splitlines()]
    return [line for line in lines if line.startswith(("talentmap ", "python -m talentmap "))]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(RAW, tmp_path / "data" / "raw")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_has_examples_of_both_kinds() -> None:
    assert any("read_dataset" in block for block in fenced("python"))
    commands = command_lines()
    assert any(c.startswith("talentmap extract") for c in commands)
    assert any(c.startswith("talentmap refresh") for c in commands)


def test_readme_python_examples_run(project: Path) -> None:
    for block in fenced("python"):
        namespace: dict[str, object] = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    assert (project / "data" / "processed" / "actions.parquet").is_file()
    assert len(namespace["review"]) == int(namespace["df"]["needs_review"].sum())


def test_readme_command_line_examples_run(project: Path) -> None:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    talentmap = (
        [str(bin_dir / "talentmap")]
        if (bin_dir / "talentmap").exists()
        else [sys.executable, "-m", "talentmap"]
    )
    for line in command_lines():
        words = shlex.split(line)
        argv = (
            [sys.executable, "-m", "talentmap", *words[3:]]
            if words[0] == "python"
            else [*talentmap, *words[1:]]
        )
        proc = subprocess.run(argv, capture_output=True, text=True, cwd=project, env=env, timeout=600)
        assert proc.returncode == 0, f"{line}\n{proc.stdout}\n{proc.stderr}"
    assert len(pd.read_json(project / "all_plans.jsonl", lines=True)) == len(
        pd.read_csv(project / "data" / "processed" / "actions.csv")
    )
    assert (project / "westbrook.xlsx").is_file() and (project / "ashford.json").is_file()
