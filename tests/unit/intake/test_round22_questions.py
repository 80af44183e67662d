"""Round 22 (r22c-16): a delay counted from a day said with it ("un mois à partir du 1er décembre") is that day plus
the delay, never "le 1er décembre est déjà passé"; (r22c-07) satisfied words take leave and accept nothing."""

from datetime import date

import pytest

from intake.facts import deadline_after_receipt, extract_facts

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "words, due",
    [
        ("ben je viens de dire, un mois a partir du 1er decembre", "vendredi 1er janvier"),
        ("Un mois à partir du 1er décembre.", "vendredi 1er janvier"),
        ("15 jours a compter du 3 decembre", "vendredi 18 décembre"),
        ("sous huit jours a partir du 30 novembre", "mardi 8 décembre"),
        ("2 mois à compter du 5 janvier", "vendredi 5 mars"),
        ("3 semaines a partir du 1/12", "mardi 22 décembre"),
    ],
)
def test_a_delay_from_a_day_is_the_day_plus_the_delay(words, due):
    said = extract_facts(words, today=TODAY, asked="deadline")["deadline"]
    assert f"d'ici le {due}" in said and "passée" not in said
    assert deadline_after_receipt(words, TODAY) == said


@pytest.mark.parametrize(
    "words", ["3 semaines de CA a partir du 2 novembre", "2 mois de loyer a partir du 1er decembre"]
)
def test_a_quantity_counted_in_time_is_no_delay(words):
    assert "d'ici" not in (extract_facts(words, today=TODAY, asked="deadline").get("deadline") or "")


@pytest.mark.parametrize(
    "text, code",
    [
        ("Gard. mais dites moi par ou je dois commencer", "30"),
        ("le Var, et la banque me relance tous les jours", "83"),
        ("ariege. bon je fais comment", "09"),
        ("I am a plumber (plombier) in Nice", "06"),
    ],
)
def test_a_departement_alone_in_its_clause_is_a_fact_of_the_message(text, code):
    # Round 22 (r22c-05, r22c-11): read by places.resolve.place_said_alone.
    assert extract_facts(text, today=TODAY).get("departement") == code


@pytest.mark.parametrize("text", ["c'est cher. je peux pas payer", "Bonjour Aude, je vous ecris pour mon pere"])
def test_look_alikes_are_no_place_of_the_message(text):
    assert "departement" not in extract_facts(text, today=TODAY)
