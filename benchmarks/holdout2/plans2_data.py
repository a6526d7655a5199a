"""Content of the second held-out set: seven fictional institutions, written for this benchmark.

Each action is (ref, theme, printed theme or None, objective, action, measure, lead, timescale, status,
progress, labels). Themes are the contract's pillar names; the printed form is what the plan shows.
"""

from __future__ import annotations

V, R, C, S = "Visibility", "Recognition", "Career Development", "Sustainability"
FIELDS = ("ref", "theme", "printed_theme", "objective", "action", "measure", "lead", "timescale", "status",
          "progress", "labels")


def rows(*items: tuple) -> list[dict]:
    return [dict(zip(FIELDS, item)) for item in items]


ASHBOURNE = {
    "plan_id": "ashbourne_201",
    "institution": "University of Ashbourne",
    "period": "2024-2027",
    "title": "Technician Commitment Action Plan 2024/25 \u2013 2026/27",
    "key": "Key: G on schedule \u00b7 A some delay \u00b7 R significantly behind \u00b7 B achieved",
    "status_norm": {"G": ["on_track"], "A": ["at_risk"], "R": ["delayed"], "B": ["complete"]},
    "actions": rows(
        ("A1", V, None, "", "Publish a termly profile of a technical team on the staff intranet homepage",
         "Six profiles published by July 2025; page views reported to the steering group",
         "Head of Internal Communications", "Dec 2024", "B", "", ["R11"]),
        ("A2", V, None, "", "Add technician names and roles to the acknowledgement sections of departmental "
         "research reports", "Template changed in all faculties; audit of 20 reports shows names included",
         "Associate PVC Research", "Jun 2025", "G", "", ["R11"]),
        ("A3", R, None, "", "Create an annual Technical Excellence Award with categories for teamwork, innovation "
         "and support to teaching", "Awards ceremony held each summer with at least 30 nominations",
         "Director of HR", "Jul 2025", "G", "", ["R11"]),
        ("A4", R, None, "", "Make technical staff eligible for the institutional teaching fellowship scheme and "
         "tell them about it", "Eligibility criteria updated; two technician applicants per year",
         "Academic Development Lead", "Mar 2026", "A", "", ["R11", "R10"]),
        ("A5", C, "Career development", "", "Introduce a funded allowance of five days a year for technician "
         "professional development, recorded in appraisal",
         "80% of technical staff record at least five days of development", "Technical Services Manager",
         "Sep 2025", "A", "", ["R10"]),
        ("A6", C, "Career development", "", "Pilot a secondment scheme letting technicians spend up to three "
         "months in another faculty's facilities", "Four secondments completed and evaluated",
         "Faculty Operations Managers", "Jan 2026", "R", "", ["R10", "R2"]),
        ("A7", S, None, "", "Recruit two technical apprentices a year through the local further education "
         "college", "Apprentices in post each September; completion rate above 75%",
         "Apprenticeship Coordinator", "Sep 2026", "G", "", ["R7", "R13"]),
        ("A8", S, None, "", "Build a workforce dashboard showing the age profile, grade and contract type of "
         "technical staff", "Dashboard reviewed twice a year by the University Executive Board",
         "Head of People Analytics", "Apr 2025", "G", "", ["R3", "R1"]),
    ),
}

BRACKLEY = {
    "plan_id": "brackley_202",
    "institution": "Brackley University",
    "period": "2023-2026",
    "title": "Brackley University \u2013 our Technician Commitment plan, August 2023 to July 2026",
    "actions": rows(
        ("1", V, None, "", "Hold an open-doors week when the public can tour our workshops and laboratories "
         "with the technicians who run them", "Event held each June; visitor feedback forms collected",
         "Outreach Officer and workshop leads", "June 2024", "", "", ["R6", "R11"]),
        ("2", V, None, "", "Give every technical team a named page in the online staff directory, with photos "
         "and specialisms", "All teams listed by December 2023", "Web Team", "December 2023", "", "", ["R11"]),
        ("3", R, None, "", "Invite technicians to co-author papers and exhibition catalogues where their "
         "contribution was substantial, following an agreed authorship guide",
         "Authorship guide approved by Research Committee; number of technician co-authors reported annually",
         "Dean of Research", "March 2025", "", "", ["R11"]),
        ("4", R, None, "", "Support technical staff to apply for Registered Technician and Registered Science "
         "Technician status, paying the first year's fees", "Twelve staff registered by the end of the plan",
         "Head of Technical Services", "July 2026", "", "", ["R10", "R11"]),
        ("5", C, "Career Development", "", "Map the grades and job families of all technical roles and publish "
         "example progression routes", "Progression map published on the HR site", "HR Business Partner",
         "January 2025", "", "", ["R9"]),
        ("6", C, "Career Development", "", "Offer a leadership course for senior technicians run jointly with "
         "the academic management programme", "Two cohorts of ten complete the course",
         "Organisational Development", "September 2025", "", "", ["R10"]),
        ("7", S, None, "", "Give the Technical Services Forum a standing seat on the Estates and Infrastructure "
         "Committee", "Forum representative attends at least three of four meetings a year",
         "Chief Operating Officer", "October 2023", "", "", ["R12"]),
        ("8", S, None, "", "Collect exit interview data from departing technicians and report the themes to "
         "the People Committee", "Annual summary report presented each autumn", "HR Operations",
         "July 2024", "", "", ["R3", "R1"]),
    ),
}

_CH_V = "Increase the profile of technicians inside and outside the University"
_CH_R = "Reward technical contributions fairly"
_CH_C1 = "Open clear routes for progression"
_CH_C2 = "Widen entry into technical careers"
_CH_S = "Plan for the technical workforce we will need"
COLDHARBOUR = {
    "plan_id": "coldharbour_203",
    "institution": "Coldharbour University",
    "period": "2025-2028",
    "title": "Coldharbour University: Technician Commitment action plan for 2025-2028",
    "objective_labels": {_CH_V: ["R11", "R6"], _CH_R: ["R11", "R5"], _CH_C1: ["R9", "R10"],
                         _CH_C2: ["R7", "R4"], _CH_S: ["R1", "R12"]},
    "actions": rows(
        ("", V, None, _CH_V, "Launch a \u2018Meet the Technician\u2019 podcast series featuring staff from each "
         "faculty", "Eight episodes released in the first year", "Communications Manager", "Dec 2025", "",
         "First three episodes recorded; release planned for October.", None),
        ("", V, None, _CH_V, "Display technician contributions on plaques beside major research instruments",
         "Plaques installed on all core facility instruments", "Core Facilities Director", "Jun 2026", "",
         "Design agreed with facility users.", None),
        ("", R, None, _CH_R, "Review the contribution-pay scheme so technical staff receive awards in "
         "proportion to their headcount", "Share of awards to technical staff matches their share of the "
         "workforce", "Reward Manager", "Mar 2026", "",
         "Data for 2024 awards analysed; a gap of 4 percentage points found.", None),
        ("", R, None, _CH_R, "Cost technician time explicitly in research grant applications and name the "
         "technicians involved", "Costing guidance updated; 90% of large bids include named technical staff",
         "Research Office", "Sep 2025", "", "Guidance drafted with the costing team.", None),
        ("", C, "Career development", _CH_C1, "Write generic role profiles for technical grades 3 to 7 with "
         "the skills expected at each level", "Profiles approved by the Joint Negotiating Committee",
         "HR Reward and Grading", "Jan 2026", "", "Drafts for grades 3 to 5 consulted on.", None),
        ("", C, "Career development", _CH_C1, "Create a mentoring network pairing new technicians with "
         "experienced colleagues in another department", "Forty mentoring pairs active",
         "Technical Skills Lead", "Jul 2026", "", "Not yet started; awaiting mentor training.", None),
        ("", C, "Career development", _CH_C2, "Offer paid summer placements in technical teams for "
         "undergraduates from under-represented groups", "Ten placements a summer, at least half taken by "
         "students from widening participation backgrounds", "Widening Participation Team", "Aug 2026", "",
         "Funding secured for six placements in 2026.", None),
        ("", S, None, _CH_S, "Carry out a skills audit of specialist techniques held by only one member of "
         "staff", "Register of single-person skills reviewed annually with succession actions",
         "Director of Technical Services", "Nov 2025", "", "Survey issued to all departments.", None),
        ("", S, None, _CH_S, "Appoint a technician representative to the Research Infrastructure Board",
         "Representative attends all Board meetings", "Pro-Vice-Chancellor Research", "Oct 2025", "",
         "Nominations invited.", None),
    ),
}

DUNMORE = {
    "plan_id": "dunmore_204",
    "institution": "Dunmore University",
    "period": "2024-2027",
    "title": "Dunmore University Technician Commitment Action Plan 2024 \u2013 2027",
    "key": "RAG: G = on track, A = some risk, R = behind schedule, B = complete",
    "status_norm": {"G": ["on_track"], "A": ["at_risk"], "R": ["delayed"], "B": ["complete"]},
    "actions": rows(
        ("V.1", V, None, "", "Run an annual Technicians' Day with poster sessions, laboratory tours and a guest "
         "speaker", "Attendance above 150; feedback score of 4 out of 5 or higher", "Technical Services Board",
         "Jun 2025", "G", "", ["R11", "R6"]),
        ("V.2", V, None, "", "Include a technical staff story in each issue of the alumni magazine and on the "
         "University's social media channels", "Four stories a year published externally",
         "Marketing Director", "Ongoing", "G", "", ["R11", "R6"]),
        ("R.1", R, None, "", "Add a section on technical support to the annual departmental review so heads of "
         "department report how technicians were recognised", "All departmental reviews include the section "
         "from 2025", "Deputy Vice-Chancellor", "Jan 2025", "A", "", ["R11"]),
        ("R.2", R, None, "", "Give long-service recognition to technicians at 10, 20 and 30 years, presented by "
         "the Vice-Chancellor", "Ceremony held annually", "HR Director", "Dec 2024", "B", "", ["R11"]),
        ("C.1", C, "Career Development", "", "Fund twenty places a year on external technical training courses "
         "chosen by staff", "All funded places used; spend reported to the Board", "Learning and Development",
         "Jul 2025", "G", "", ["R10"]),
        ("C.2", C, "Career Development", "", "Create a pathway for technical staff to move into research or "
         "teaching-focused academic roles, with protected time for a higher degree",
         "Three staff supported on the pathway", "Graduate School", "Jul 2026", "R", "", ["R2"]),
        ("C.3", C, "Career Development", "", "Make sure at least one technical specialist sits on every "
         "interview panel for technical posts", "Recruitment audit shows 100% compliance",
         "Recruitment Team", "Mar 2025", "A", "", ["R8"]),
        ("S.1", S, None, "", "Produce a ten-year technical workforce plan linked to the estates strategy",
         "Plan approved by Council", "Chief Operating Officer", "Dec 2026", "A", "", ["R1"]),
        ("S.2", S, None, "", "Work with the regional Institute of Technology to design short courses in "
         "equipment maintenance", "Two courses co-designed and running", "Head of Partnerships", "Sep 2026",
         "G", "", ["R13"]),
    ),
}

ELMSTEAD = {
    "plan_id": "elmstead_205",
    "institution": "Elmstead Institute of Science and Technology",
    "period": "2023-2026",
    "title": "Elmstead Institute of Science and Technology \u2013 Technician Commitment actions 2023-26",
    "status_norm": {"Complete": ["complete"], "In progress": ["on_track"], "Not started": ["not_started"],
                    "Overdue": ["delayed"]},
    "actions": rows(
        ("E01", V, None, "", "Set up a technicians' network with its own channel on the staff messaging "
         "platform", "", "Network Chair", "Jan 2024", "Complete", "", ["R11", "R15"]),
        ("E02", V, None, "", "Name the technical team on every building's welcome sign next to the academic "
         "departments", "", "Estates Manager", "Sep 2024", "Overdue", "", ["R11"]),
        ("E03", R, None, "", "Open the Vice-Chancellor's staff excellence awards to nominations from "
         "technicians for technicians", "", "HR Director", "Mar 2024", "Complete", "", ["R11"]),
        ("E04", R, None, "", "Include technical staff in the workload allocation model so that their teaching "
         "support is counted", "", "Faculty PVCs", "Jul 2025", "In progress", "", ["R11"]),
        ("E05", C, "Career Development", "", "Give every technician a development conversation each year "
         "focused on skills and next roles", "", "Line managers", "Dec 2024", "In progress", "",
         ["R10", "R9"]),
        ("E06", C, "Career Development", "", "Pay professional body membership fees for technicians working "
         "towards registration", "", "Head of Technical Services", "Apr 2025", "Not started", "", ["R10"]),
        ("E07", S, None, "", "Survey technicians every two years on workload, wellbeing and intention to leave",
         "", "People Analytics", "Jun 2025", "Not started", "", ["R3", "R1"]),
        ("E08", S, None, "", "Put technical staff on the working groups that specify new teaching laboratories",
         "", "Director of Estates", "Feb 2026", "In progress", "", ["R12"]),
    ),
}

FARROWDALE = {
    "plan_id": "farrowdale_206",
    "institution": "Farrowdale University",
    "period": "2025-2028",
    "title": "Farrowdale University Technician Commitment Action Plan, 2025/26 to 2027/28",
    "actions": rows(
        ("F1", V, None, "", "Hold a yearly exhibition of technical work in the Library atrium",
         "Exhibition held; 500 visitors", "Library Services", "Mar 2026", "", "", ["R11", "R6"]),
        ("F2", V, None, "", "Brief new academic staff at induction on the technical services available and "
         "the people who provide them", "All induction sessions include a technical services slot",
         "Academic Staff Development", "Oct 2025", "", "", ["R11"]),
        ("F3", R, None, "", "Recognise technician co-supervision of student projects in module handbooks",
         "Handbooks name technician supervisors", "Programme Directors", "Sep 2026", "", "", ["R11"]),
        ("F4", C, "Career development", "", "Offer study leave and fees for technicians taking a foundation "
         "or bachelor's degree in a relevant subject", "Six staff supported", "HR Learning Team", "Jan 2027",
         "", "", ["R10", "R2"]),
        ("F5", C, "Career development", "", "Publish all technical vacancies internally for one week before "
         "external advertising", "Internal applicant numbers reported quarterly", "Recruitment Manager",
         "Dec 2025", "", "", ["R9", "R8"]),
        ("F6", S, None, "", "Host T-level industry placements in technical teams in partnership with local "
         "colleges", "Eight placements a year", "Technical Services Manager", "Jul 2027", "", "",
         ["R7", "R13"]),
        ("F7", S, None, "", "Review single points of failure in critical facilities and train a deputy for "
         "each", "Deputy named for every critical instrument", "Facility Managers", "Jun 2027", "", "",
         ["R1"]),
    ),
}

_GW1 = "Make technical work seen across the University"
_GW2 = "Support every technician to grow"
_GW3 = "Secure the future of technical skills"
GREYWELL = {
    "plan_id": "greywell_207",
    "institution": "Greywell University",
    "period": "2024-2026",
    "title": "Greywell University \u2013 Technician Commitment delivery plan, January 2024 \u2013 December 2026",
    "objective_numbers": {_GW1: "1", _GW2: "2", _GW3: "3"},
    "status_norm": ELMSTEAD["status_norm"],
    "actions": rows(
        ("1.1", "", None, _GW1, "Create a technical services showcase page on the public website, updated each "
         "term", "", "Web Editor", "Ongoing from Mar 2024", "In progress", "", ["R11", "R6"]),
        ("1.2", "", None, _GW1, "Nominate technicians for national awards such as the Papin Prizes each year",
         "", "Technical Managers", "Annually", "Complete", "", ["R11"]),
        ("2.1", "", None, _GW2, "Run quarterly skills-sharing workshops led by technicians for technicians", "",
         "Technical Development Group", "Quarterly", "In progress", "", ["R10"]),
        ("2.2", "", None, _GW2, "Define a technical career framework with levels, expected skills and example "
         "routes between them", "", "HR Director", "Jun 2025", "Overdue", "", ["R9"]),
        ("2.3", "", None, _GW2, "Give technicians access to the same coaching scheme offered to academic staff",
         "", "Organisational Development", "Sep 2025", "Not started", "", ["R10"]),
        ("3.1", "", None, _GW3, "Agree a succession plan for each facility where a retirement is expected "
         "within five years", "", "Heads of School", "Dec 2025", "Not started", "", ["R1"]),
        ("3.2", "", None, _GW3, "Report the gender and ethnicity profile of technical staff by grade each year "
         "and set targets", "", "EDI Manager", "Annually from Nov 2024", "In progress", "", ["R4", "R3"]),
    ),
}

PLANS = [ASHBOURNE, BRACKLEY, COLDHARBOUR, DUNMORE, ELMSTEAD, FARROWDALE, GREYWELL]
