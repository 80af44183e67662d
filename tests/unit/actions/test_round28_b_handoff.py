"""Round 28, talker b: answers beside the handoff's yes/no questions, over real trackers and the real form
validation (r28-b-07: a date the triage stored as the deadline was answered "Je n'ai pas bien compris")."""

from __future__ import annotations

import pytest

from tests.support.handoff_form import validate


# The triage (ValidateTriageSlots, run before the form's validation) stored the deadline from these words; the
# reply says what was kept, never that it was not understood.
@pytest.mark.parametrize(
    "words, deadline",
    [
        ("la vente c'est le 15 décembre", "le 15 décembre"),
        ("les enchères sont prévues le 22", "le mardi 22 décembre"),
        ("l'expulsion ce serait pour le 4 janvier", "le 4 janvier"),
    ],
)
@pytest.mark.parametrize("question", ["wants_advisor", "consent_given"])
def test_a_deadline_stored_from_words_at_a_yes_no_question_is_said_noted(question, words, deadline):
    said, slots = validate(question, words, {question: None, "deadline": deadline})
    assert slots.get(question) is None
    assert "pas bien compris" not in " ".join(said)
    assert said[0] == f"Merci, c'est noté : échéance {deadline}."


@pytest.mark.parametrize("words", ["bof euh zut", "hmm je vois pas"])
def test_words_that_stored_nothing_are_still_not_understood(words):
    said, _ = validate("wants_advisor", words, {"wants_advisor": None})
    assert not any(text.startswith("Merci, c'est noté :") for text in said)


# r28-b-12: a name and who the writer is to the artisan, given at the health question: the name kept and said, the
# health question still open (its answer alone lets health details in). Round 31 (make run, a wife writing for her
# husband, case RL-8QPQRK left with no name): a name and who is to be called.
@pytest.mark.parametrize(
    "words, name",
    [
        ("Nadine, sa femme", "Nadine"),
        ("Karim, je suis son frère", "Karim"),
        ("Marie-Claire Dubois, sa sœur", "Marie-Claire Dubois"),
        ("Sandrine, c'est moi qu'il faut appeler", "Sandrine"),
        ("Jean-Marc, appelez-moi plutôt", "Jean-Marc"),
        ("Léa, c'est moi à rappeler", "Léa"),
        ("Mireille, c est moi qu il faut joindre pas lui", "Mireille"),
    ],
)
def test_a_name_with_the_kin_or_who_to_call_at_the_health_question_is_kept(words, name):
    said, slots = validate("health_consent", words, {"health_consent": None})
    assert slots.get("contact_name") == name
    assert slots.get("health_consent") is None
    assert "pas bien compris" not in " ".join(said)
    assert said[0].startswith(f"Merci {name}")


@pytest.mark.parametrize(
    "words",
    [
        "oui, sa femme",
        "non, son fils",
        "Lens, sa femme",
        "oui, c'est moi qu'il faut appeler",
        "non, appelez-moi",
        "Pau, c'est moi",
    ],
)
def test_a_kin_without_a_name_gives_no_name(words):
    _, slots = validate("health_consent", words, {"health_consent": None})
    assert not slots.get("contact_name")


# r28-b-17, r28-b-23: whose business it is, in the restatement over the real acknowledgement action.
def _restatement(first: str, categories: list[str]) -> str:
    from actions.intake_actions import ActionAcknowledgeSituation
    from tests.support.trackers import run, texts, tracker, user

    slots = {"difficulty_categories": categories, "urgency": "normale", "distress": False, "triage_reasons": {}}
    said = texts(run(ActionAcknowledgeSituation(), tracker([user(first)], slots=slots))[0])
    return next(text for text in said if "Si je comprends bien" in text)


@pytest.mark.parametrize(
    "first, who",
    [
        # "pr" typed for "pour" in a text message: a relative writes.
        ("bjr c pr mon frere il a un garage a Caen et la banque lui a coupé le decouvert", "votre frère"),
        ("j'ecris pr ma mere, sa boutique doit 3000 a la banque", "votre mère"),
    ],
)
def test_a_relative_writing_in_text_message_spelling_is_heard(first, who):
    assert f"Si je comprends bien, {who} fait face" in _restatement(first, ["banque"])


@pytest.mark.parametrize(
    "first",
    [
        # The boss was the one who died; the writer takes over: the business is the writer's now.
        "on a perdu ma mère cet été, c'était elle la patronne, je reprends la banque me suit plus",
        "mon oncle est mort, c'était lui le patron du garage, maintenant c'est moi et la banque bloque",
        # "pr" that is no "pour" a relative: the artisan writes.
        "c pr savoir, la banque m'a coupé le découvert",
    ],
)
def test_the_writer_is_the_artisan_when_the_boss_named_is_gone_or_no_relative_is_named(first):
    assert "Si je comprends bien, vous faites face" in _restatement(first, ["banque"])


def test_a_boss_named_by_an_employee_is_still_the_person_concerned():
    assert "Si je comprends bien, votre patronne fait face" in _restatement(
        "la patronne est à l'hôpital et la banque a bloqué le compte", ["banque"]
    )
