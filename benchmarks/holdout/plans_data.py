"""Content of the held-out plans: fictional UK institutions, technician-commitment actions written
for this benchmark (not taken from the seeds), with the TALENT recommendations each one honestly
addresses (`labels`; any listed label counts as right)."""

from __future__ import annotations

FIELDS = (
    "theme",
    "ref",
    "objective",
    "action",
    "measure",
    "lead",
    "timescale",
    "status",
    "progress",
    "stated_rec",
)


def act(**kw) -> dict:
    """One action record; unnamed fields are blank."""
    rec = dict.fromkeys(FIELDS, "")
    rec["labels"] = []
    rec["printed"] = {}
    unknown = set(kw) - set(rec)
    if unknown:
        raise ValueError(f"unknown fields {unknown}")
    rec.update(kw)
    return rec


# 1 ---------------------------------------------------------------------------------------------
HARTWELL = {
    "plan_id": "hartwell_101",
    "style": "pillar_tables",
    "status_key": {"Green": ["on_track"], "Amber": ["at_risk"], "Red": ["delayed"]},
    "institution": "University of Hartwell",
    "period": "2024-2027",
    "title": "University of Hartwell \u2013 Technician Commitment Action Plan 2024\u20132027",
    "columns": ["Objective", "Action", "Measure of success", "Lead", "Timescale", "Progress (RAG)"],
    "column_fields": ["objective", "action", "measure", "lead", "timescale", "status"],
    "widths": [3.6, 7.0, 4.6, 3.4, 2.4, 2.2],
    "landscape": True,
    "legend": "Key to Progress (RAG): Green \u2013 on track; Amber \u2013 started with some slippage; "
    "Red \u2013 significantly delayed.",
    "sections": [
        (
            "Pillar 1 \u2013 Visibility",
            "Visibility",
            "Making the work of our technicians seen and understood.",
        ),
        ("Pillar 2 \u2013 Recognition", "Recognition", "Crediting technical contributions properly."),
        ("Pillar 3 \u2013 Career Development", "Career Development", "Routes to grow and progress."),
        ("Pillar 4 \u2013 Sustainability", "Sustainability", "Securing the skills we will need."),
        ("Enabling actions (all pillars)", "", "How this plan is governed."),
    ],
    "actions": [
        act(
            theme="Visibility",
            objective="Make technical teams visible to the wider University",
            action="Create a searchable directory of technical teams, their facilities and expertise on the "
            "staff intranet, updated every six months.",
            measure="Directory live; every technical team listed with a named contact",
            lead="Technical Services Manager",
            timescale="Sept 2024",
            status="Green",
            labels=["R11"],
        ),
        act(
            theme="Visibility",
            objective="Celebrate technical achievement publicly",
            action="Nominate technicians each year for national technician prizes and for the University's "
            "own Excellence Awards, and publicise the winners in the all-staff bulletin.",
            measure="At least five nominations per year",
            lead="Technician Commitment Champion",
            timescale="Annually, each spring",
            status="Amber",
            labels=["R11"],
        ),
        act(
            theme="Visibility",
            objective="Show young people what technical careers look like",
            action="Take part in the city science festival with a hands-on stand run by technicians, and "
            "offer "
            "two taster days a year for Year 12 students from local schools.",
            measure="Festival stand staffed; 40 students attend taster days",
            lead="Outreach and Widening Participation Lead",
            timescale="July 2025",
            status="Green",
            labels=["R6"],
        ),
        act(
            theme="Recognition",
            objective="Credit technical work in research outputs",
            action="Publish a short authorship and acknowledgement guide for research groups that sets out "
            "when "
            "technicians should be co-authors and how to acknowledge them in papers and datasets.",
            measure="Guide adopted by all four faculty research committees",
            lead="Dean of Research Culture",
            timescale="Dec 2024",
            status="Amber",
            labels=["R11"],
        ),
        act(
            theme="Recognition",
            objective="Support professional registration",
            action="Fund registration fees for technicians applying for RSciTech, RSci or CSci, and run two "
            "application-writing workshops a year with a licensed professional body.",
            measure="25 newly registered technicians by 2027",
            lead="Head of Organisational Development",
            timescale="Ongoing to 2027",
            status="Green",
            labels=["R10", "R11"],
        ),
        act(
            theme="Recognition",
            objective="Recognise technical input to grant income",
            action="Work with the Research Office so that technician time is costed explicitly on research "
            "bids, "
            "and add a technician line to the pre-award checklist.",
            measure="Technician time costed on 80% of eligible bids",
            lead="Director of Research Services",
            timescale="March 2025",
            status="Red",
            labels=["R5"],
        ),
        act(
            theme="Career Development",
            objective="Clear routes for progression",
            action="Map every technical role to a published career framework with grade descriptors from "
            "apprentice to technical specialist and head of facility.",
            measure="Framework published; all job descriptions aligned to it",
            lead="HR Business Partner (Professional Services)",
            timescale="June 2025",
            status="Amber",
            labels=["R9"],
        ),
        act(
            theme="Career Development",
            objective="Protected time for development",
            action="Give every technician a minimum of five days a year for training, placements or "
            "conference "
            "attendance, recorded through the appraisal system.",
            measure="Appraisal data show average uptake above four days",
            lead="Heads of School",
            timescale="From Aug 2024",
            status="Green",
            labels=["R10"],
        ),
        act(
            theme="Career Development",
            objective="Grow our own technicians",
            action="Recruit four technical apprentices a year funded through the levy and give each a "
            "trained "
            "workplace mentor.",
            measure="Four apprentices start each September; 90% complete their programme",
            lead="Apprenticeship Manager",
            timescale="Sept 2025",
            status="Green",
            labels=["R7", "R10"],
        ),
        act(
            theme="Sustainability",
            objective="Plan for the skills we will need",
            action="Carry out a technical skills audit across all faculties to identify single points of "
            "failure "
            "and roles at risk from retirement within five years.",
            measure="Audit report to University Executive Board with succession actions",
            lead="Director of Technical Strategy",
            timescale="Jan 2026",
            status="Amber",
            labels=["R1"],
        ),
        act(
            theme="Sustainability",
            objective="Technicians in decision-making",
            action="Reserve a seat for an elected technician on Senate's Research and Infrastructure "
            "Committee "
            "and on each faculty board.",
            measure="Seats filled at every meeting from 2025",
            lead="University Secretary",
            timescale="Jan 2025",
            status="Green",
            labels=["R12"],
        ),
        act(
            theme="",
            objective="Monitor this plan",
            action="Report progress against this plan twice a year to the People Committee and publish a "
            "summary for all staff.",
            measure="Two reports a year",
            lead="Technician Commitment Steering Group",
            timescale="Every six months",
            status="Green",
        ),
    ],
}

# 2 ---------------------------------------------------------------------------------------------
_FENMOOR_ROWS = [
    (
        "1.1",
        "Visibility",
        "Launch a \u2018Meet the Technicians\u2019 series in the staff newsletter, profiling one technical "
        "team "
        "each month with photographs of their facilities and examples of the research and teaching they "
        "make possible.",
        "Internal Communications Manager",
        "Oct 2022",
        "Twelve profiles published to date. Readership of the technician features is among the highest of "
        "any "
        "newsletter item, and three profiles were picked up by the regional press. The series will continue "
        "into 2024 with short video profiles filmed by the Digital Media team.",
        ["R11"],
    ),
    (
        "1.2",
        "Visibility",
        "Add the names and roles of technical staff to research group, facility and department web pages "
        "across the University, using a standard template agreed with the Web Team.",
        "Faculty Web Editors",
        "Mar 2023",
        "Completed in three of the four faculties. The Faculty of Health web pages are being rebuilt on "
        "the new "
        "content platform and technician listings will be included at launch, expected in the spring.",
        ["R11"],
    ),
    (
        "1.3",
        "Visibility",
        "Hold an annual Technician Open Day when school groups, families and members of the public can tour "
        "workshops, laboratories and studios and try out equipment with the technicians who run them.",
        "Outreach Team with Technical Managers",
        "Jun 2023",
        "First open day held in June 2023 with 310 visitors including nine school groups. Feedback was very "
        "positive, particularly for the engineering workshop and the imaging suite. The second event is "
        "booked for June 2024 and will add a careers corner staffed by apprentices.",
        ["R6"],
    ),
    (
        "1.4",
        "Visibility",
        "Produce a short film about technical careers at Fenmoor for use at careers fairs, on the "
        "recruitment "
        "website and in induction for new academic staff.",
        "Marketing and Student Recruitment",
        "Dec 2023",
        "Script agreed with the Technical Development Group; filming delayed by the estates works in the "
        "Science "
        "Quarter and now planned for the autumn term.",
        ["R6", "R11"],
    ),
    (
        "2.1",
        "Recognition",
        "Introduce a Technician of the Year category within the Vice-Chancellor's staff awards, judged by a "
        "panel that includes a senior technician.",
        "Vice-Chancellor's Office",
        "Dec 2022",
        "Category introduced and the first award presented in December 2022; 17 nominations received.",
        ["R11"],
    ),
    (
        "2.2",
        "Recognition",
        "Review the research publication policy so that technical contributions to papers, datasets and "
        "software are acknowledged consistently across disciplines.",
        "Research Integrity Officer",
        "Jul 2023",
        "Draft policy consulted on with research groups in all faculties; approval expected at Research "
        "Committee in the autumn.",
        ["R11"],
    ),
    (
        "2.3",
        "Recognition",
        "Support technicians to gain professional registration through a funded cohort scheme with mentoring "
        "from staff who are already registered.",
        "Staff Development Manager",
        "Ongoing",
        "Cohort 1 (14 technicians) all registered; cohort 2 of 18 recruited and meeting monthly.",
        ["R10", "R11"],
    ),
    (
        "3.1",
        "Career Development",
        "Create a technical job family with standard role profiles at each grade, so that technicians doing "
        "similar work are graded consistently wherever they sit in the University.",
        "Head of Reward",
        "Sep 2024",
        "Role profiles drafted for grades 3 to 7 with input from technical managers. Consultation with the "
        "recognised trade unions is under way and a grading review panel has been set up.",
        ["R9", "R3"],
    ),
    (
        "3.2",
        "Career Development",
        "Offer secondments of up to six months between technical teams and into academic or professional "
        "services roles, with the home team's post backfilled.",
        "HR Business Partners",
        "Apr 2024",
        "Four secondments completed; one technician has moved to a permanent teaching-focused role.",
        ["R2"],
    ),
    (
        "3.3",
        "Career Development",
        "Set up a mentoring scheme that pairs new technical starters with experienced colleagues from "
        "another "
        "department for their first year.",
        "Technical Development Group",
        "Jan 2023",
        "28 pairs matched; an evaluation survey will run in the summer.",
        ["R10"],
    ),
    (
        "4.1",
        "Sustainability",
        "Collect and analyse data on the size, age profile and diversity of the technical workforce each "
        "year "
        "and report it to the University Executive.",
        "HR Information Team",
        "Annually from 2023",
        "First report produced: 38% of technicians are aged over 55, which is informing succession "
        "planning in "
        "the most exposed teams.",
        ["R3"],
    ),
    (
        "4.2",
        "Sustainability",
        "Work with the local further education college to design a laboratory technician apprenticeship "
        "pathway with shared teaching and placements.",
        "Apprenticeship Lead",
        "Sep 2024",
        "Memorandum of understanding signed; curriculum co-designed with college staff.",
        ["R13", "R7"],
    ),
    (
        "4.3",
        "Sustainability",
        "Include technical staff in equipment and space planning for the new Life Sciences building from the "
        "design stage onwards.",
        "Estates Project Board",
        "Dec 2024",
        "Two senior technicians sit on the project board and chair the equipment working group.",
        ["R12"],
    ),
]
FENMOOR = {
    "plan_id": "fenmoor_102",
    "style": "merged_theme",
    "institution": "Fenmoor University",
    "period": "2022-2025",
    "title": "Fenmoor University \u2013 Technician Commitment Action Plan, 2022-2025",
    "columns": ["No.", "Theme", "Action", "Owner", "By when", "Update"],
    "column_fields": ["ref", "theme", "action", "lead", "timescale", "progress"],
    "widths": [1.2, 2.4, 5.6, 2.8, 1.9, 4.1],
    "landscape": False,
    "actions": [
        act(ref=r, theme=t, action=a, lead=ld, timescale=ts, progress=p, labels=lb)
        for r, t, a, ld, ts, p, lb in _FENMOOR_ROWS
    ],
}

# 3 ---------------------------------------------------------------------------------------------
_LONG_KESTREL = (
    "Establish a Technical Skills Forum that meets each term and brings together technical managers, "
    "heads of department, the Director of Estates and representatives from Human Resources to review "
    "where critical skills are held by only one or two people, to agree which roles should be "
    "prioritised for succession planning, shadowing and knowledge capture, and to recommend where "
    "shared posts across departments would reduce risk. The forum will keep a live register of "
    "specialist equipment and the people trained to run and maintain it, and will report once a year "
    "to the University Executive Group with a costed set of recommendations for the following year's "
    "budget round."
)
_LONG_KESTREL_2 = (
    "Develop a structured technical career pathway that sets out the skills, experience and "
    "qualifications expected at each grade from trainee technician to principal technical specialist. "
    "The pathway will be co-designed with technicians through a series of workshops in every faculty, "
    "tested against the existing role profiles, and published on the careers pages alongside worked "
    "examples of people who have progressed through it. Managers will be briefed on how to use it in "
    "appraisal conversations, and a progression panel will consider cases twice a year."
)
KESTREL = {
    "plan_id": "kestrel_103",
    "style": "noborder_narrow",
    "status_key": {"Green": ["on_track"], "Amber": ["at_risk"], "Red": ["delayed"], "Complete": ["complete"]},
    "institution": "Kestrel University",
    "period": "2025-2028",
    "title": "Kestrel University Technician Commitment Action Plan 2025\u20132028",
    "columns": ["Ref", "Objective", "Action", "Success measure", "Lead", "Due", "RAG"],
    "column_fields": ["ref", "objective", "action", "measure", "lead", "timescale", "status"],
    "widths": [1.05, 3.6, 9.2, 4.6, 3.4, 1.8, 1.15],
    "landscape": True,
    "spacer_after": ("VIS-02", "REC-02", "CAR-03"),
    "legend": "RAG: Green = on track; Amber = at risk; Red = delayed; Complete = done.",
    "actions": [
        act(
            ref="VIS-01",
            objective="Raise the profile of technicians internally",
            action="Feature a technician or technical team in every edition of the Vice-Chancellor's "
            "monthly update, and add technical staff to the University's expert directory.",
            measure="Eleven features a year; directory entries for all technical managers",
            lead="Head of Internal Communications",
            timescale="Dec 2025",
            status="Green",
            labels=["R11"],
        ),
        act(
            ref="VIS-02",
            objective="Inspire the next generation",
            action="Run technician-led STEM and creative arts workshops in partner secondary schools and "
            "host "
            "work experience weeks in our workshops and laboratories.",
            measure="Ten school workshops and 20 work experience places a year",
            lead="Schools Liaison Manager",
            timescale="Jul 2026",
            status="Amber",
            labels=["R6"],
        ),
        act(
            ref="REC-01",
            objective="Credit technicians on research",
            action="Require research proposals submitted through the Research Office to name the technical "
            "staff "
            "involved and cost their time, and allow experienced technicians to be named as "
            "co-investigators.",
            measure="Policy change approved by Research Committee",
            lead="Pro Vice-Chancellor (Research)",
            timescale="Mar 2026",
            status="Red",
            labels=["R5"],
        ),
        act(
            ref="REC-02",
            objective="Reward excellence",
            action="Add a technical excellence route to the contribution reward scheme, with applications "
            "assessed by a panel that includes technical staff.",
            measure="First awards made in the 2026 reward round",
            lead="Director of People",
            timescale="Aug 2026",
            status="Complete",
            labels=["R11"],
        ),
        act(
            ref="CAR-01",
            objective="Transparent progression",
            action=_LONG_KESTREL_2,
            measure="Pathway published; at least 15 progression cases considered in the first year",
            lead="Director of People with Technical Services Board",
            timescale="Sep 2026",
            status="Amber",
            labels=["R9"],
        ),
        act(
            ref="CAR-02",
            objective="Development for every technician",
            action="Create a technical training fund that technicians can apply to directly for courses, "
            "conferences, placements at other institutions and professional registration fees.",
            measure="Fund of \u00a340k a year fully allocated; spread across all faculties",
            lead="Technical Development Lead",
            timescale="Oct 2025",
            status="Green",
            labels=["R10"],
        ),
        act(
            ref="CAR-03",
            objective="Fair recruitment",
            action="Put an experienced technician on every shortlisting and interview panel for technical "
            "posts "
            "and ask technical managers to review adverts and role profiles before they are published.",
            measure="100% of technical recruitment panels include a technician",
            lead="Recruitment Manager",
            timescale="Jan 2026",
            status="Green",
            labels=["R8"],
        ),
        act(
            ref="SUS-01",
            objective="Protect critical skills",
            action=_LONG_KESTREL,
            measure="Register of critical skills maintained; annual report to University Executive Group",
            lead="Director of Technical Services",
            timescale="Jun 2027",
            status="Amber",
            labels=["R1"],
        ),
        act(
            ref="SUS-02",
            objective="Inclusive technical workforce",
            action="Analyse recruitment, promotion and leaver data for technical staff by sex, ethnicity, "
            "disability and age, and agree targeted actions with the EDI Committee where gaps appear.",
            measure="Annual EDI report for technical staff; actions agreed and tracked",
            lead="EDI Manager",
            timescale="Nov 2026",
            status="Red",
            labels=["R4", "R3"],
        ),
        act(
            ref="SUS-03",
            objective="Work with external partners",
            action="Set up a regional technician exchange with two nearby universities and a research "
            "institute "
            "so technicians can learn techniques and share equipment expertise.",
            measure="Exchange agreement signed; six exchanges a year",
            lead="Technical Services Board",
            timescale="Mar 2028",
            status="Green",
            labels=["R13"],
        ),
    ],
}

# 4 ---------------------------------------------------------------------------------------------
_RAVENSWORTH_GROUPS = [
    (
        "Rec 4",
        "R4",
        "Advance equality, diversity and inclusion in the technical community",
        [
            (
                "1a",
                "Include technical staff on every departmental Athena Swan self-assessment team and report "
                "on "
                "their experience separately in submissions.",
                "Athena Swan Manager",
                "In progress",
                ["R4"],
            ),
            (
                "1b",
                "Offer a technician-specific development programme for women and for staff from ethnic "
                "minority backgrounds, with sponsorship from a senior leader.",
                "Organisational Development",
                "Not started",
                ["R4", "R10"],
            ),
        ],
    ),
    (
        "Rec 5",
        "R5",
        "Reflect technical contributions in research funding",
        [
            (
                "2a",
                "Produce guidance for principal investigators on costing technician time on research "
                "proposals, with worked examples from recent awards.",
                "Research Development Office",
                "Complete",
                ["R5"],
            ),
            (
                "2b",
                "Make experienced technicians eligible to apply as co-investigators on internal pump-priming "
                "funds.",
                "Research Committee",
                "In progress",
                ["R5"],
            ),
        ],
    ),
    (
        "TALENT Recommendation 9",
        "R9",
        "Make career pathways and progression routes clear",
        [
            (
                "3a",
                "Publish a technical career map showing typical moves between grades and specialisms, with "
                "case studies of technicians who have progressed.",
                "HR Reward",
                "In progress",
                ["R9"],
            ),
            (
                "3b",
                "Review all technical job descriptions against the new grade descriptors and update any that "
                "are out of date or inconsistent.",
                "HR Business Partners",
                "Not started",
                ["R9"],
            ),
            (
                "3c",
                "Introduce a promotion route for technicians who take on specialist or research-facing "
                "responsibilities, not only line management.",
                "Director of People",
                "Delayed",
                ["R9", "R2"],
            ),
        ],
    ),
    (
        "TALENT Recommendation 12",
        "R12",
        "Give technical staff a voice where decisions are made",
        [
            (
                "4a",
                "Create two places for elected technicians on the University's Research and Innovation Board "
                "and on the Education Committee.",
                "University Secretary",
                "Complete",
                ["R12"],
            ),
            (
                "4b",
                "Ask every school to include a technical representative on its management group and to copy "
                "technicians into school-wide communications.",
                "Heads of School",
                "In progress",
                ["R12"],
            ),
        ],
    ),
    (
        "Rec 13",
        "R13",
        "Build partnerships for technical training",
        [
            (
                "5a",
                "Join the regional technical skills partnership with local colleges and employers to share "
                "training courses and host joint placements.",
                "Head of Technical Services",
                "In progress",
                ["R13"],
            ),
        ],
    ),
]
RAVENSWORTH = {
    "plan_id": "ravensworth_104",
    "style": "hrules_spans",
    "status_key": {
        "In progress": ["on_track"],
        "Not started": ["not_started"],
        "Delayed": ["delayed"],
        "Complete": ["complete"],
    },
    "institution": "Ravensworth University",
    "period": "2023-2026",
    "title": "Ravensworth University: Technician Commitment and TALENT Action Plan 2023\u20132026",
    "columns": ["Commission rec", "Objective", "Ref", "Action", "Lead", "Status"],
    "column_fields": ["stated_rec", "objective", "ref", "action", "lead", "status"],
    "widths": [2.2, 3.4, 1.0, 6.2, 2.8, 2.0],
    "landscape": False,
    "groups": _RAVENSWORTH_GROUPS,
    "actions": [
        act(
            stated_rec=rid,
            objective=obj,
            ref=ref,
            action=a,
            lead=ld,
            status=st,
            labels=lb,
            printed={"stated_rec": printed},
        )
        for printed, rid, obj, rows in _RAVENSWORTH_GROUPS
        for ref, a, ld, st, lb in rows
    ],
}

# 5 ---------------------------------------------------------------------------------------------
THORNBURY = {
    "plan_id": "thornbury_105",
    "style": "slide_export",
    "status_key": {"B": ["complete"], "G": ["on_track"], "A": ["at_risk"], "R": ["delayed"]},
    "institution": "Thornbury University",
    "period": "2024-2027",
    "title": "Thornbury University People Strategy: action plan for 2024/25 to 2026/27",
    "columns": ["ID", "Area", "Action", "KPI", "Owner", "Deadline", "Status"],
    "column_fields": ["ref", "theme", "action", "measure", "lead", "timescale", "status"],
    "widths": [1.5, 2.6, 8.2, 5.1, 3.6, 2.2, 1.6],
    "landscape": True,
    "legend": "Key: B = complete; G = on track; A = at risk; R = delayed",
    "footer": "Appendix B: Technician Commitment action plan \u2013 page ",
    "actions": [
        act(
            ref="TC01",
            theme="Visibility",
            action="\u2022 Run a technician showcase week each spring\n\u2022 Invite local employers and "
            "schools "
            "to the closing event",
            measure="\u2022 Showcase held annually\n\u2022 200+ visitors",
            lead="Technical Services Director",
            timescale="31/03/2025",
            status="B",
            labels=["R11", "R6"],
        ),
        act(
            ref="TC02",
            theme="Visibility",
            action="\u2022 Add a \u2018technical team\u2019 section to every school web page",
            measure="\u2022 All 14 schools updated",
            lead="Digital Content Manager",
            timescale="31/07/2025",
            status="G",
            labels=["R11"],
        ),
        act(
            ref="TC03",
            theme="Recognition",
            action="\u2022 Track acknowledgement of technicians in research outputs through the repository\n"
            "\u2022 Report the figures to Research Committee each year",
            measure="\u2022 Baseline set in year 1\n\u2022 Year-on-year increase",
            lead="Library Research Services",
            timescale="30/09/2025",
            status="A",
            labels=["R11"],
        ),
        act(
            ref="TC04",
            theme="Recognition",
            action="\u2022 Include technical staff in the long-service and celebration awards on the same "
            "terms "
            "as other staff groups",
            measure="\u2022 Award criteria revised",
            lead="HR Reward and Recognition",
            timescale="31/12/2024",
            status="B",
            labels=["R11"],
        ),
        act(
            ref="TC05",
            theme="Career Development",
            printed={"theme": "Career development"},
            action="\u2022 Pilot a technical specialist grade for staff with rare expertise\n\u2022 "
            "Evaluate the "
            "pilot with participants and managers",
            measure="\u2022 Pilot of 10 posts\n\u2022 Evaluation report",
            lead="Director of HR",
            timescale="31/01/2026",
            status="A",
            labels=["R9", "R2"],
        ),
        act(
            ref="TC06",
            theme="Career Development",
            printed={"theme": "Career development"},
            action="\u2022 Set aside protected time for technical CPD\n\u2022 Record it in the learning "
            "system",
            measure="\u2022 Average of 30 hours CPD per technician per year",
            lead="Learning and Development",
            timescale="31/07/2026",
            status="G",
            labels=["R10"],
        ),
        act(
            ref="TC07",
            theme="Career Development",
            printed={"theme": "Career development"},
            action="\u2022 Open trainee technician posts to applicants with vocational qualifications as "
            "well as "
            "degrees",
            measure="\u2022 Six trainee posts filled",
            lead="Resourcing Team",
            timescale="30/06/2026",
            status="R",
            labels=["R7"],
        ),
        act(
            ref="TC08",
            theme="Sustainability",
            action="\u2022 Build technical workforce planning into the annual planning round\n\u2022 Flag "
            "posts "
            "where retirement could leave a skills gap",
            measure="\u2022 Every school plan includes a technical workforce section",
            lead="Strategic Planning Office",
            timescale="31/03/2026",
            status="G",
            labels=["R1"],
        ),
        act(
            ref="TC09",
            theme="Sustainability",
            action="\u2022 Collect HESA-style role data for all technical staff, including those on "
            "fixed-term "
            "contracts",
            measure="\u2022 Complete technical staff dataset",
            lead="HR Systems",
            timescale="31/10/2025",
            status="R",
            labels=["R3"],
        ),
    ],
}

# 6 ---------------------------------------------------------------------------------------------
_CALDER = [
    (
        "Visibility",
        [
            (
                "a",
                "We will make sure every technical team is named and described on our public web pages, "
                "together with the facilities and services it provides.",
                ["R11"],
            ),
            (
                "b",
                "We will support our technicians to take part in outreach with local schools, colleges and "
                "community groups, so that young people see technical work as a career they can choose.",
                ["R6"],
            ),
        ],
    ),
    (
        "Recognition",
        [
            (
                "c",
                "We will recognise technical contributions to research and teaching through authorship, "
                "acknowledgement and our staff awards, and we will check each year that this is happening.",
                ["R11"],
            ),
            (
                "d",
                "We will pay the professional registration fees of any technician who applies for "
                "registration "
                "and give them time to prepare their application.",
                ["R10", "R11"],
            ),
        ],
    ),
    (
        "Career development",
        [
            (
                "e",
                "We will publish career pathways for technical staff, with role profiles that describe the "
                "skills expected at each grade.",
                ["R9"],
            ),
            (
                "f",
                "We will guarantee every technician time each year for training and development, and we will "
                "support placements in other institutions and in industry.",
                ["R10"],
            ),
            (
                "g",
                "We will create new entry routes into technical work through apprenticeships and trainee "
                "posts "
                "open to people without a degree.",
                ["R7"],
            ),
        ],
    ),
    (
        "Sustainability",
        [
            (
                "h",
                "We will plan ahead for the technical skills we will need and take early action where "
                "specialist knowledge is held by very few people.",
                ["R1"],
            ),
            (
                "i",
                "We will make sure technical staff are represented on the committees that decide on "
                "equipment, space and research strategy.",
                ["R12"],
            ),
            (
                "j",
                "We will continue to work with the national Technician Commitment network and share what we "
                "learn with other signatories.",
                ["R13"],
            ),
        ],
    ),
]
CALDER = {
    "plan_id": "calderbridge_106",
    "style": "lettered_statement",
    "institution": "Calder Bridge University",
    "period": "2023-2026",
    "title": "Calder Bridge University \u2013 Technician Commitment Statement 2023\u20132026",
    "columns": [],
    "column_fields": [],
    "landscape": False,
    "kind": "prose",
    "groups": _CALDER,
    "actions": [
        act(
            theme=theme.title() if theme != "Career development" else "Career Development",
            ref=r,
            action=a,
            labels=lb,
            printed={"ref": f"({r})"},
        )
        for theme, items in _CALDER
        for r, a, lb in items
    ],
}

# 7 ---------------------------------------------------------------------------------------------
_ASHDOWN = [
    (
        "Visibility of technicians",
        "Visibility",
        "V1",
        "Create a technician network with its own intranet space, events calendar and quarterly newsletter.",
        "Network membership above 70% of technical staff",
        "Technical Network Coordinator",
        "Jun 2024",
        "Complete",
        ["R11"],
    ),
    (
        "Visibility of technicians",
        "Visibility",
        "V2",
        "Hold an annual technical conference where technicians present their work to colleagues and "
        "visitors.",
        "Conference held each year with at least 20 technician talks",
        "Technical Network Coordinator",
        "Nov 2024",
        "On track",
        ["R11", "R10"],
    ),
    (
        "Recognition & reward",
        "Recognition",
        "R1",
        "Ask research centres to list technical staff as contributors on project web pages and in annual "
        "reports.",
        "All research centre reports name technical contributors",
        "Associate Dean (Research)",
        "Mar 2025",
        "Behind schedule",
        ["R11"],
    ),
    (
        "Recognition & reward",
        "Recognition",
        "R2",
        "Review how the promotion and reward scheme treats technicians compared with other job families and "
        "close any gaps found.",
        "Review report and agreed changes",
        "Head of Reward",
        "Sep 2025",
        "Not yet started",
        ["R11"],
    ),
    (
        "Career development & progression",
        "Career Development",
        "C1",
        "Give every technician an annual development conversation with a written plan and a training budget.",
        "95% of technicians have a development plan",
        "Line managers",
        "Dec 2024",
        "On track",
        ["R10"],
    ),
    (
        "Career development & progression",
        "Career Development",
        "C2",
        "Offer short placements for technicians in partner companies and research institutes to learn new "
        "techniques.",
        "Eight placements completed",
        "Business Engagement Team",
        "Jul 2026",
        "Not yet started",
        ["R13", "R10"],
    ),
    (
        "Career development & progression",
        "Career Development",
        "C3",
        "Involve senior technicians in writing job descriptions, choosing where to advertise and "
        "interviewing "
        "for technical posts.",
        "Technical input recorded for every technical vacancy",
        "Resourcing Manager",
        "Jan 2025",
        "On track",
        ["R8"],
    ),
    (
        "Sustainability of skills",
        "Sustainability",
        "S1",
        "Respond to national consultations on technical skills and research infrastructure with input from "
        "our "
        "technicians, and support them to attend sector policy events.",
        "Technician input to every relevant consultation response",
        "Director of Strategy",
        "Mar 2027",
        "On track",
        ["R14"],
    ),
    (
        "Sustainability of skills",
        "Sustainability",
        "S2",
        "Analyse the age profile and turnover of technical teams each year and agree a succession plan for "
        "any "
        "team where more than a third of staff could retire within five years.",
        "Succession plans in place for all high-risk teams",
        "Head of Technical Services",
        "Mar 2026",
        "Behind schedule",
        ["R1", "R3"],
    ),
]
_ASHDOWN_COMMENTARY = {
    "V1": "Network launched in April 2024 with 212 members.",
    "V2": "First conference booked for 14 November; 26 abstracts received.",
    "R1": "Guidance drafted; only two of seven centres have updated their pages.",
    "R2": "",
    "C1": "Development conversations added to the annual review form.",
    "C2": "",
    "C3": "Technical panel members trained; used in 11 of 12 recent vacancies.",
    "S1": "Technicians contributed to two consultation responses this year.",
    "S2": "Data collected; plans for the two highest-risk teams still to be agreed.",
}
ASHDOWN = {
    "plan_id": "ashdown_107",
    "style": "header_only_institution",
    "status_key": {
        "Complete": ["complete"],
        "On track": ["on_track"],
        "Behind schedule": ["delayed", "at_risk"],
        "Not yet started": ["not_started"],
    },
    "institution": "Ashdown Institute of Technology",
    "period": "2024-2027",
    "title": "Technician Commitment: our action plan, Mar 2024 to Mar 2027",
    "running_header": "Ashdown Institute of Technology \u2013 Technical Services",
    "columns": [
        "Workstream",
        "Ref",
        "What we will do",
        "How we will know",
        "Responsible",
        "When",
        "Progress: Status",
        "Progress: Commentary",
    ],
    "header_groups": [
        "Workstream",
        "Ref",
        "What we will do",
        "How we will know",
        "Responsible",
        "When",
        "Progress",
        "Progress",
    ],
    "header_leaves": ["", "", "", "", "", "", "Status", "Commentary"],
    "column_fields": ["theme", "ref", "action", "measure", "lead", "timescale", "status", "progress"],
    "widths": [2.8, 1.0, 6.4, 4.2, 3.0, 1.7, 2.1, 4.0],
    "landscape": True,
    "actions": [
        act(
            theme=theme,
            ref=r,
            action=a,
            measure=m,
            lead=ld,
            timescale=ts,
            status=st,
            labels=lb,
            progress=_ASHDOWN_COMMENTARY[r],
            printed={"theme": ws},
        )
        for ws, theme, r, a, m, ld, ts, st, lb in _ASHDOWN
    ],
}

# 8 ---------------------------------------------------------------------------------------------
MOORGATE = {
    "plan_id": "moorgate_108",
    "style": "nested_paragraphs",
    "institution": "Moorgate University of the Arts",
    "period": "2025-2028",
    "title": "Moorgate University of the Arts \u2013 Technician Commitment Action Plan 2025 \u2013 2028 "
    "(draft for consultation)",
    "columns": ["Ref", "Objective", "Actions", "Success indicators", "Lead(s)", "Timeframe", "Status"],
    "column_fields": ["ref", "objective", "action", "measure", "lead", "timescale", "status"],
    "widths": [1.1, 3.6, 8.4, 4.6, 3.2, 2.2, 1.8],
    "landscape": True,
    "docx_only": True,
    "actions": [
        act(
            ref="1",
            objective="Show the creative expertise of our technical staff",
            action="We will celebrate the technical contribution to our exhibitions and degree shows.\n"
            "1) Credit technicians by name in exhibition catalogues and on gallery labels.\n"
            "2) Commission a technician-curated exhibition every two years.",
            measure="Technicians credited in all degree show catalogues\nFirst exhibition in 2026",
            lead="Head of Exhibitions\nTechnical Managers",
            timescale="2025\u20132026",
            labels=["R11"],
        ),
        act(
            ref="2",
            objective="Make technical knowledge count in teaching",
            action="We will recognise technicians who teach.\n"
            "1) Offer a teaching qualification route (fellowship of the national teaching body) to "
            "technical staff who deliver inductions and workshops.\n"
            "2) Record technical teaching hours in the workload model.",
            measure="Twelve technicians gain a teaching fellowship",
            lead="Academic Development Unit",
            timescale="by July 2027",
            labels=["R2", "R11", "R10"],
        ),
        act(
            ref="3",
            objective="Progression that reflects specialist craft skills",
            action="We will review how technical roles in workshops, studios and media centres are graded.\n"
            "1) Benchmark our roles against other arts institutions.\n"
            "2) Publish progression criteria for specialist technical roles.\n"
            "3) Pilot a senior technical specialist role in two schools.",
            measure="Benchmark report\nCriteria published\nPilot evaluated",
            lead="HR Reward Lead",
            timescale="2026\u20132027",
            labels=["R9"],
        ),
        act(
            ref="4",
            objective="Develop the next generation of technicians",
            action="We will open technical careers to a wider range of people.\n"
            "1) Create two creative technician apprenticeships a year.\n"
            "2) Offer paid summer placements to recent graduates from under-represented groups.",
            measure="Apprentices and placements recruited each year",
            lead="Head of Technical Services",
            timescale="Annually",
            labels=["R7", "R4"],
        ),
        act(
            ref="5",
            objective="Technical voice in planning",
            action="We will involve technicians in decisions about studios, equipment and the timetable.\n"
            "1) A technician representative on the Estates and Capital Planning Group.\n"
            "2) Technical staff consulted before course changes that affect workshop use.",
            measure="Representation in place; consultation step added to course approval",
            lead="Pro Vice-Chancellor (Operations)",
            timescale="Sept 2025",
            labels=["R12"],
        ),
        act(
            ref="6",
            objective="Sustain rare skills",
            action="We will protect craft skills that are at risk.\n"
            "1) Identify skills held by one person only (for example letterpress, foundry, analogue film).\n"
            "2) Fund paired working so that each of those skills is shared with a second technician.",
            measure="Register of at-risk skills; paired working in place for each",
            lead="Technical Services Management Team",
            timescale="2025\u20132028",
            labels=["R1"],
        ),
    ],
}

PLANS = (HARTWELL, FENMOOR, KESTREL, RAVENSWORTH, THORNBURY, CALDER, ASHDOWN, MOORGATE)
