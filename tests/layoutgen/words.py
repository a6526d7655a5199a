"""Cell texts in the voice of Technician Commitment action plans, built from word lists.

Sentences are assembled from parts (verb, object, scope, purpose, time) so that lengths vary from
a few words to a paragraph, with the things real plans print inside cells: refs like 1.1 or A3,
dates, percentages, money and numbers with thousands separators, bullets on their own lines.
No text names a TALENT recommendation (an "(R5)" aside is read as a stated recommendation).
"""

from __future__ import annotations

from .choose import Chooser

PILLARS = ("Visibility", "Recognition", "Career Development", "Sustainability")

VERBS = (
    "Establish",
    "Develop",
    "Launch",
    "Review",
    "Introduce",
    "Promote",
    "Create",
    "Deliver",
    "Expand",
    "Publish",
    "Map",
    "Embed",
    "Support",
    "Run",
    "Pilot",
    "Strengthen",
    "Hold",
    "Set up",
    "Audit",
    "Extend",
    "Update",
    "Encourage",
    "Fund",
    "Recognise",
    "Build",
)
OBJECTS = (
    "a technician network",
    "the technical staff newsletter",
    "an annual technician showcase",
    "career pathways for technical roles",
    "the professional registration scheme",
    "a mentoring programme for new technicians",
    "technician profiles on the intranet",
    "the technical job family framework",
    "an apprenticeship scheme",
    "a succession planning process",
    "the reward and recognition policy",
    "a technical skills audit",
    "training budgets for technicians",
    "technician representation on committees",
    "a Technician Commitment webpage",
    "secondment opportunities",
    "the induction programme for technical staff",
    "workload models for technical teams",
    "an equality, diversity and inclusion review",
    "open days for school leavers",
    "the annual staff awards",
    "a shadowing scheme",
    "named authorship of technical contributions",
    "the Science Council registration fund",
    "the HEaTED membership",
    "a technical career conference",
    "exit interviews for technicians",
)
SCOPES = (
    "across all faculties",
    "in every school",
    "for all technical staff",
    "within the research institutes",
    "at departmental level",
    "for technicians on fixed-term contracts",
    "across the three campuses",
    "in partnership with HR",
    "with the Staff Development team",
    "for grades 3 to 6",
    "in the Faculty of Science and Engineering",
    "with local employers",
)
PURPOSES = (
    "to share good practice",
    "so that technical contributions are visible",
    "to improve retention of early career technicians",
    "to raise awareness of technical careers",
    "to make progression routes clear",
    "to recognise the expertise of technical staff",
    "to increase uptake of professional registration",
    "to support the next generation of technicians",
    "to ensure technicians are consulted on decisions that affect them",
    "to close the skills gap identified in the audit",
)
TIMES = (
    "by July 2025",
    "by the end of 2024/25",
    "each academic year",
    "twice a year",
    "from September 2025",
    "before the next review",
    "within 12 months",
    "by Q3 2026",
    "on an annual basis",
)
FOLLOW_UPS = (
    "Progress will be reported to the Technician Commitment Steering Group.",
    "This builds on the pilot run in 2023.",
    "Budget of £5,000 per year has been agreed.",
    "Up to 1,200 staff will be invited to take part.",
    "See also action {ref}.",
    "Linked to objective {ref} above.",
    "Uptake will be reviewed against the 2022 baseline.",
    "Technicians will be consulted through the network before launch.",
)
BULLETS = (
    "survey of all technical staff",
    "focus groups in each faculty",
    "report to the Executive Board",
    "guidance published on the intranet",
    "case studies of career routes",
    "drop-in sessions",
    "termly updates in the newsletter",
    "a named contact in each school",
)
OBJECTIVE_STEMS = (
    "Raise the profile of technicians",
    "Ensure technical staff are recognised for their contribution",
    "Provide clear career development for technicians",
    "Secure a sustainable technical workforce",
    "Improve the visibility of technical roles",
    "Embed recognition of technicians in our processes",
    "Support technicians to develop their skills",
    "Plan for the future technical workforce",
    "Increase engagement with the Technician Commitment",
    "Value the expertise of technical staff",
)
MEASURE_STEMS = (
    "Number of technicians registered",
    "Attendance at network events",
    "Staff survey score for recognition",
    "Proportion of technicians with a development plan",
    "Uptake of training funds",
    "Number of technical staff named on outputs",
    "Retention of technicians after 2 years",
    "Applications to the apprenticeship scheme",
    "Vacancies filled internally",
)
MEASURE_TARGETS = (
    "increases by 20% by 2026",
    "rises from 35% to 60%",
    "above the 2022 baseline",
    "reported annually",
    "at least 50 per year",
    "doubles over the plan period",
    "reaches 1 000 by 2027",
    "is tracked each term",
)
LEADS = (
    "Head of Technical Services",
    "Technician Commitment Steering Group",
    "HR Business Partner",
    "Director of Research Operations",
    "Faculty Technical Managers",
    "Technical Managers",
    "Staff Development Team",
    "Pro Vice-Chancellor (Research)",
    "Communications Team",
    "Dr J. Patel",
    "A. Morgan (HR)",
    "Technical Network Chair",
    "Heads of School",
    "Head of Technical Services / HR",
    "Equality and Diversity Manager",
)
TIMESCALES = (
    "July 2025",
    "Q3 2025",
    "2025/26",
    "31/07/2025",
    "Ongoing",
    "Dec 2024 – Mar 2025",
    "Summer 2026",
    "Annually",
    "Year 1",
    "Years 2–3",
    "September 2025",
    "By end of 2026",
    "12 months",
    "Jan 2026",
)
STATUS_LETTERS = ("R", "A", "G", "B")
STATUS_WORDS = ("Red", "Amber", "Green", "Complete", "On track", "Not started", "In progress")
PROGRESS = (
    "First meeting held in March; terms of reference agreed.",
    "Survey closed with a 48% response rate.",
    "Delayed by the restructure; new date agreed with the Steering Group.",
    "Complete.",
    "Two cohorts have started; a third is planned for 2025.",
    "Draft policy with HR for consultation.",
    "Not yet started.",
    "Webpage live since May 2024 and updated each term.",
)
INSTITUTIONS = (
    "University of Northmoor",
    "Eastbridge University",
    "University of Caldervale",
    "Hollins Institute",
    "Westmarch University",
    "University of Ashcombe",
    "Kingsreach College",
    "Fairleigh University",
)


def sentence(ch: Chooser) -> str:
    """One action sentence: 3 to about 40 words."""
    words = [ch.pick(VERBS), ch.pick(OBJECTS)]
    if ch.chance(0.6):
        words.append(ch.pick(SCOPES))
    if ch.chance(0.6):
        words.append(ch.pick(PURPOSES))
    if ch.chance(0.4):
        words.append(ch.pick(TIMES))
    return " ".join(words)


def action_text(ch: Chooser, ref_hint: str, bullets: bool) -> str:
    """An action cell: a sentence, sometimes a second one or a short bulleted list on own lines."""
    text = sentence(ch) + "."
    for _ in range(ch.pick((0, 0, 0, 1, 1, 2))):
        text += " " + ch.pick(FOLLOW_UPS).format(ref=ref_hint)
    if bullets and ch.chance(0.5):
        items = [ch.pick(BULLETS) for _ in range(ch.integer(2, 4))]
        text += "\n" + "\n".join(f"\u2022 {item.capitalize()}" for item in dict.fromkeys(items))
    return text


def objective_text(ch: Chooser) -> str:
    text = ch.pick(OBJECTIVE_STEMS)
    if ch.chance(0.5):
        text += " " + ch.pick(SCOPES)
    if ch.chance(0.3):
        text += " " + ch.pick(PURPOSES)
    return text


def measure_text(ch: Chooser) -> str:
    text = f"{ch.pick(MEASURE_STEMS)} {ch.pick(MEASURE_TARGETS)}"
    if ch.chance(0.25):
        text += f"; {ch.pick(MEASURE_STEMS).lower()} {ch.pick(MEASURE_TARGETS)}"
    return text


def lead_text(ch: Chooser) -> str:
    return ch.pick(LEADS)


def timescale_text(ch: Chooser) -> str:
    return ch.pick(TIMESCALES)


def progress_text(ch: Chooser) -> str:
    text = ch.pick(PROGRESS)
    if ch.chance(0.3):
        text += " " + ch.pick(PROGRESS)
    return text
