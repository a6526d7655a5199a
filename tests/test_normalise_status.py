from talentmap.normalise.status import is_status_value, normalise_status, parse_legend

DMU_STYLE = (
    "Status Column: **Red (R) = Major delay or problem**, **Amber (A) = not yet started, OR some delays "
    "or problems**, **Green (G) = on track, no problems** **Blue (B) = action complete**"
)


def test_printed_legend_maps_letters_and_colours():
    legend = dict(parse_legend([DMU_STYLE]))
    assert legend["R"] == "delayed" and legend["Red"] == "delayed"
    assert legend["A"] == "at_risk"
    assert legend["G"] == "on_track"
    assert legend["B"] == "complete" and legend["Blue"] == "complete"


def test_not_yet_started_alone_is_not_started():
    legend = dict(parse_legend(["Key: Grey = not yet started; Green = on track"]))
    assert legend["Grey"] == "not_started"


def test_plan_legend_overrides_colour_defaults():
    legend = parse_legend(["Green: complete; Amber: in progress; Red: not started"])
    assert normalise_status("Green", legend) == "complete"
    assert normalise_status("Amber", legend) == "on_track"
    assert normalise_status("Red", legend) == "not_started"


def test_without_legend_common_rag_words_and_letters():
    assert normalise_status("G") == "on_track"
    assert normalise_status("A") == "at_risk"
    assert normalise_status("Red") == "delayed"
    assert normalise_status("Completed") == "complete"
    assert normalise_status("Not started") == "not_started"
    assert normalise_status("In progress") == "on_track"
    assert normalise_status("") == ""
    assert normalise_status("See note 3") == ""


def test_status_values_are_recognised_by_content():
    assert all(
        is_status_value(v) for v in ["R", "A", "G", "B", "Green", "Amber/Green", "Complete", "On track"]
    )
    assert not any(is_status_value(v) for v in ["B12", "2.6", "We will run a workshop on progress", ""])


def test_letter_only_key():
    legend = parse_legend(["RAG key: C = complete, G = on track, A = at risk, R = behind schedule"])
    assert normalise_status("C", legend) == "complete"
    assert normalise_status("R", legend) == "delayed"


def test_prose_with_letters_and_colons_is_not_a_key():
    assert parse_legend(["We will do A: things and B: more"]) == ()


def test_key_entries_end_at_semicolons_and_word_keys():
    legend = dict(parse_legend(["RAG: Green = on track; Amber = at risk; Red = delayed; Complete = done."]))
    assert legend == {"Green": "on_track", "Amber": "at_risk", "Red": "delayed", "Complete": "complete"}


def test_slippage_is_at_risk_and_significantly_delayed_is_delayed():
    legend = dict(
        parse_legend(
            [
                "Green \u2013 on track; Amber \u2013 started with some slippage; "
                "Red \u2013 significantly delayed."
            ]
        )
    )
    assert legend == {"Green": "on_track", "Amber": "at_risk", "Red": "delayed"}


def test_status_word_broken_by_a_narrow_column_is_rejoined():
    from talentmap.normalise.status import rejoin_broken_status

    assert rejoin_broken_status("In progre ss") == "In progress"
    assert rejoin_broken_status("Am be r") == "Amber"
    assert rejoin_broken_status("Complet e") == "Complete"
    assert rejoin_broken_status("Blu e", (("Blue", "complete"),)) == "Blue"
    # a cell that already reads, or that no closing of gaps makes a status, stays as printed
    assert rejoin_broken_status("On track") == "On track"
    assert rejoin_broken_status("Delayed by the move") == "Delayed by the move"
    assert rejoin_broken_status("See note 3") == "See note 3"


def test_broken_status_cell_reads_as_its_word_in_a_plan():
    from talentmap.extract.model import Document, RawRow, RawTable
    from talentmap.normalise import normalise

    action = "Run an annual technician showcase event open to all staff and students across campus."
    rows = (
        ("Ref", "Action", "Status"),
        ("1", action, "In progre ss"),
        ("2", action + " Again.", "Not starte d"),
    )
    t = RawTable(rows=tuple(RawRow(r) for r in rows), extractor="docx")
    records = normalise(Document(source="p.docx", kind="docx", lines=(), tables=(t,))).records
    assert [(r.status_raw, r.status) for r in records] == [
        ("In progress", "on_track"),
        ("Not started", "not_started"),
    ]
