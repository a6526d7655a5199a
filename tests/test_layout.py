"""The design card's layout: stage folders beside talentmap/, installed as talentmap.<stage>."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_stages_import_from_a_source_checkout_without_installation() -> None:
    """`python -m ...` in the project root puts the checkout's talentmap/ first on sys.path, ahead
    of any installed copy; the stage packages must still resolve (workers are started that way)."""
    code = "import talentmap.extract, talentmap.normalise.model, talentmap.mapping.model; print('ok')"
    # -S skips site processing, so an editable install's path hook is not loaded; the libraries
    # come through PYTHONPATH, and the checkout (the current directory) comes first.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    proc = subprocess.run(
        [sys.executable, "-S", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.stdout.strip() == "ok", proc.stderr


def test_nothing_generic_is_a_top_level_package() -> None:
    import talentmap.extract
    import talentmap.mapping
    import talentmap.normalise

    for module in (talentmap.extract, talentmap.normalise, talentmap.mapping):
        assert module.__name__.startswith("talentmap.")
