"""`python -m talentmap`: the same command as `talentmap`."""

import sys

from .cli import main

sys.exit(main())
