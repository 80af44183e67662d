"""Contact validation and case summary, without Rasa."""

from __future__ import annotations

import pytest

from actions.handoff import clean_name, normalise_email, normalise_phone, summarise


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("06 12 34 56 78", "+33612345678"),
        ("0612345678", "+33612345678"),
        ("06.12.34.56.78", "+33612345678"),
        ("06-12-34-56-78", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33612345678", "+33612345678"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("01 23 45 67 89", "+33123456789"),
        ("09 72 72 20 60", "+33972722060"),
        (" 07 98 76 54 32 ", "+33798765432"),
        # Said in words, as dictation writes it, with or without accents, commas or the zero alone in words.
        ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", "+33612345678"),
        ("zero six douze trente quatre cinquante six soixante dix huit", "+33612345678"),
        ("zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "+33612345678"),
        ("zero 7 98 76 54 32", "+33798765432"),
        ("zéro trois vingt vingt et un vingt-deux quatre-vingt-dix", "+33320212290"),
        # A foreign number written with its country code: an artisan living across the border (round 4, r4-11).
        ("+32 470 12 34 56", "+32470123456"),
        ("0032 470 12 34 56", "+32470123456"),
        ("+41 79 123 45 67", "+41791234567"),
    ],
)
def test_french_numbers_are_normalised(typed, expected):
    assert normalise_phone(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "12345",
        "06 12 34",
        "06 12 34 56 78 90 12",
        "bonjour",
        # Foreign numbers without their country code, or lines that are nobody's own (premium rate).
        "470 12 34 5",
        "+44 909 879 0000",
        # Letters read as keypad digits (round 4, r4-31: "06.45.12.xx.xx" was stored as +33645129999).
        "06.45.12.xx.xx",
        "03.21.28.xx.xx",
        "06 12 34 56 ab",
        "00 00 00 00 00",
        "zéro six douze trente-quatre",  # a number said in words, incomplete
        "six cents euros",
    ],
)
def test_anything_else_is_refused(typed):
    assert normalise_phone(typed) is None


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("marie.dupont@example.fr", "marie.dupont@example.fr"),
        ("  Karim@Example.FR ", "Karim@example.fr"),
        ("pas d'email", None),
        ("marie@", None),
        ("", None),
    ],
)
def test_emails(typed, expected):
    assert normalise_email(typed) == expected


def test_names_are_trimmed_and_bounded():
    assert clean_name("  Sophie  ") == "Sophie"
    assert clean_name("x" * 500) == "x" * 60
    assert clean_name("   ") is None


def test_summary_leaves_health_out_without_consent():
    situation = {"trade": "boulanger", "departement": "59"}
    without = summarise(["sante", "cotisations_sociales"], "normale", False, situation, health_consent=False)
    with_consent = summarise(["sante", "cotisations_sociales"], "normale", False, situation, health_consent=True)
    assert "santé" not in without
    assert "cotisations sociales" in without
    assert "santé" in with_consent
    assert "Métier : boulanger" in without


def test_summary_puts_distress_first():
    assert summarise(["autre"], "critique", True, {}, False).startswith("DÉTRESSE")


def test_summary_says_when_the_person_was_not_safe():
    """ "Pas en sécurité" was only in the transcript (cases of 2026-12-03 while talking to make run)."""
    assert summarise(["banque"], "critique", True, {}, False, not_safe=True).startswith(
        "DÉTRESSE exprimée, pas en sécurité au moment de l'échange"
    )
    assert "pas en sécurité" not in summarise(["banque"], "critique", True, {}, False)


def test_summary_says_when_the_person_was_unsure_of_their_safety():
    """Round 9 (r9b-01): "oui je crois" was summarised "pas en sécurité"."""
    summary = summarise(["banque"], "critique", True, {}, False, safety_unsure=True)
    assert summary.startswith("DÉTRESSE exprimée, sécurité non confirmée au moment de l'échange")
    assert "pas en sécurité" not in summary


def test_a_time_wished_overseas_is_kept_and_the_promise_says_the_hours_in_both_times():
    """Rounds 8 and 9 (r9a-10, make run): "après 15h chez moi" at the e-mail question was refused as an address, and
    "vers 18h chez moi" at La Réunion was promised in Paris time without a word."""
    from actions.handoff import callback_time
    from actions.handoff_actions import callback_promise
    from chamber import load_chamber

    assert callback_time("après 15h chez moi") == "après 15h chez moi"
    assert callback_time("lundi vers 18h heure de la Réunion") == "lundi vers 18h heure de la Réunion"
    chamber = load_chamber()
    overseas = callback_promise(chamber, {"departement": "974", "callback_slot": "après 15h chez moi"})
    assert "heure de Paris" in overseas and "chez vous" in overseas
    assert "chez vous" not in callback_promise(chamber, {"departement": "59", "callback_slot": "après 15h"})
    assert "chez vous" not in callback_promise(chamber, {"departement": "974", "callback_slot": "dès que possible"})
