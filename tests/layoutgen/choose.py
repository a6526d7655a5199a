"""One source of random choices for the generator, backed by a seed or by hypothesis.

The generator is written once against `Chooser`; `SeededChooser(seed)` makes sample N the same on
every machine and every hypothesis version (the benchmark's cache and the committed fixtures depend
on that), and `HypothesisChooser(draw)` lets property tests draw and shrink the same plans.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Protocol, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


class Chooser(Protocol):
    def integer(self, low: int, high: int) -> int: ...

    def real(self, low: float, high: float) -> float: ...

    def pick(self, options: Sequence[T]) -> T: ...

    def chance(self, p: float) -> bool: ...


class SeededChooser:
    """Choices from `random.Random(seed)`: deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)

    def real(self, low: float, high: float) -> float:
        return round(self._rng.uniform(low, high), 3)

    def pick(self, options: Sequence[T]) -> T:
        return options[self._rng.randrange(len(options))]

    def chance(self, p: float) -> bool:
        return self._rng.random() < p


class HypothesisChooser:
    """Choices drawn through a hypothesis `draw` (inside `st.composite`), so failures shrink."""

    def __init__(self, draw) -> None:
        self._draw = draw

    def integer(self, low: int, high: int) -> int:
        return self._draw(st.integers(low, high))

    def real(self, low: float, high: float) -> float:
        return round(self._draw(st.floats(low, high, allow_nan=False, allow_infinity=False)), 3)

    def pick(self, options: Sequence[T]) -> T:
        return self._draw(st.sampled_from(list(options)))

    def chance(self, p: float) -> bool:
        # an integer draw shrinks towards 0: failing examples shrink towards the option taken
        return self._draw(st.integers(0, 999)) < round(p * 1000)
