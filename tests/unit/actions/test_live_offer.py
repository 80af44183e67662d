"""The live chat offer without Rasa: when it is made (opening hours, someone present), which questions
follow, and how the artisan's words are read."""

from __future__ import annotations

from datetime import datetime, timezone

from actions import live_offer
from actions.handoff import handoff_questions
from chamber import load_chamber

CHAMBER = load_chamber()  # Monday to Friday, 8 h to 17 h, Europe/Paris
TUESDAY_10H = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)  # 10 h in Paris
SATURDAY_10H = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)
TUESDAY_20H = datetime(2026, 12, 1, 19, 0, tzinfo=timezone.utc)
CONSENTED = {"wants_advisor": True, "consent_given": True}


def present(count):
    asked = []

    def advisors_present(chamber_id, now):
        asked.append((chamber_id, now))
        return count

    advisors_present.asked = asked
    return advisors_present


def test_offered_during_opening_hours_when_an_advisor_is_present():
    assert live_offer.offer_available(CHAMBER, TUESDAY_10H, present(1))
    assert not live_offer.offer_available(CHAMBER, TUESDAY_10H, present(0))


def test_never_offered_outside_opening_hours_even_with_someone_present():
    for moment in (SATURDAY_10H, TUESDAY_20H, datetime(2026, 12, 25, 9, 0, tzinfo=timezone.utc)):  # Christmas
        reader = present(3)
        assert not live_offer.offer_available(CHAMBER, moment, reader)
        assert reader.asked == []  # the database is not even asked


def test_no_offer_when_the_presence_cannot_be_read():
    def broken(_chamber_id, _now):
        raise ConnectionError("database down")

    assert not live_offer.offer_available(CHAMBER, TUESDAY_10H, broken)


def test_the_offer_comes_after_the_consents_and_a_yes_leaves_only_the_first_name():
    slots = dict(CONSENTED, difficulty_categories=["sante"])
    questions = live_offer.with_live_offer(handoff_questions(slots), slots, lambda: True)
    assert questions == [
        "wants_advisor",
        "consent_given",
        "health_consent",
        "live_chat_wanted",
        "contact_name",
        "phone",
        "email",
        "callback_slot",
        "departement",
    ]
    chosen = {**slots, "live_chat_wanted": True}
    assert live_offer.with_live_offer(handoff_questions(chosen), chosen, lambda: False) == [
        "wants_advisor",
        "consent_given",
        "health_consent",
        "live_chat_wanted",
        "contact_name",
    ]
    declined = {**slots, "live_chat_wanted": False}
    assert "phone" in live_offer.with_live_offer(handoff_questions(declined), declined, lambda: False)


def test_without_consent_or_without_an_advisor_the_questions_are_unchanged():
    assert live_offer.with_live_offer(handoff_questions(CONSENTED), CONSENTED, lambda: False) == handoff_questions(
        CONSENTED
    )
    # Before the consent the presence is not even asked (1 / 0 would fail).
    unconsented = {"wants_advisor": True}
    assert live_offer.with_live_offer(handoff_questions(unconsented), unconsented, lambda: 1 / 0) == [
        "wants_advisor",
        "consent_given",
    ]


def test_the_artisans_words_for_the_choice():
    for words in ("ici", "oui, maintenant", "je préfère écrire", "Échanger ici maintenant avec un conseiller"):
        assert live_offer.read_answer(words, words) is True, words
    for words in ("rappelez-moi", "plutôt par téléphone", "Être rappelé par téléphone", "non"):
        assert live_offer.read_answer(words, words) is False, words
    assert live_offer.read_answer(True, "/affirm") is True
    assert live_offer.read_answer(False, "/deny") is False
    assert live_offer.read_answer("bof", "bof") is None


def test_what_the_artisan_reads():
    assert live_offer.QUESTION.count("?") == 1
    assert [b["title"] for b in live_offer.BUTTONS] == [
        "Échanger ici maintenant avec un conseiller",
        "Être rappelé par téléphone",
    ]
    text = live_offer.confirmation("RL-7K3Q9M", "En attendant, le 3114 reste joignable jour et nuit, gratuitement.")
    assert text.startswith("C'est noté, votre référence est RL-7K3Q9M.") and text.endswith("gratuitement.")
    assert live_offer.SIGNAL == {"relais_live": {"state": "waiting"}}
