"""The page's prose around a plan's table: intro, context and closing paragraphs.

Running sentences in the plans' voice (no refs, no RAG letters, no stated recommendations), so a
paragraph reads as body text: long lines, full stops, sentences running over line ends.
"""

from __future__ import annotations

from .. import words
from ..choose import Chooser
from ..plan import Plan

SIDEBAR_HEADINGS = ("About this plan", "At a glance", "Our commitment", "How to read this plan")

OPENERS = (
    "Since signing the Technician Commitment, {inst} has worked with its technical community to "
    "understand what matters most to technicians.",
    "This action plan covers the period {period} and replaces the plan published at our last "
    "self-assessment.",
    "The plan was developed through a survey of technical staff, a series of focus groups and "
    "discussion at the Technician Commitment Steering Group.",
    "Technicians make a vital contribution to research, teaching and knowledge exchange at "
    "{inst}, and this plan is our response to what they told us.",
)
CLOSERS = (
    "Progress against each action will be reviewed by the Steering Group every term and "
    "reported to the University Executive Board once a year.",
    "We will publish an update on this plan on our Technician Commitment webpage, together with "
    "the results of the next survey of technical staff.",
    "If you would like to be involved in delivering this plan, please contact the Technician "
    "Commitment Steering Group through the technical staff network.",
    "The actions above will be revisited at the midpoint of the plan, when new priorities "
    "identified by technicians will be added.",
)
LINKS = (
    "In particular, we want",
    "Over the coming years we will continue",
    "Our technicians asked us",
    "The Steering Group has agreed",
)


def _sentence(ch: Chooser) -> str:
    verb = ch.pick(words.VERBS).lower()
    text = f"{ch.pick(LINKS)} to {verb} {ch.pick(words.OBJECTS)} {ch.pick(words.SCOPES)}"
    if ch.chance(0.6):
        text += f" {ch.pick(words.PURPOSES)}"
    return text + "."


def paragraphs(
    ch: Chooser, plan: Plan, n: int, closing: bool = False, short: bool = False
) -> tuple[str, ...]:
    """n paragraphs of 2 to 5 sentences (2 to 3 when short), each opening (or, closing, ending
    the page) with a sentence of its kind."""
    fill = {"inst": plan.institution, "period": plan.period.replace("-", " to ")}
    out = []
    for _ in range(n):
        first = ch.pick(CLOSERS if closing else OPENERS).format(**fill)
        body = [first] + [_sentence(ch) for _ in range(ch.integer(1, 2) if short else ch.integer(1, 4))]
        out.append(" ".join(body))
    return tuple(out)
