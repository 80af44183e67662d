"""Conversations that never break (issue 12), through the real bot: REST channel, NLU, dialogue, action
server and case store. Each test asserts the slots and the stored case, not only the words."""

from __future__ import annotations

import pytest

from tests.e2e.test_walking_skeleton import find_case, login

WANTS_ADVISOR = "Voulez-vous qu'un conseiller de la chambre vous rappelle"
INTAKE_SLOTS = ("since_when", "deadline", "trade", "legal_form", "employees", "creditors", "steps_taken")


def joined(replies: list[str]) -> str:
    return " ".join(replies)


def to_the_advisor_offer(conversation, opening: str) -> list[list[str]]:
    """Describes a difficulty, then skips every intake question until the advisor is offered."""
    turns = [conversation.say(opening)]
    for _ in range(6):
        if conversation.slots().get("requested_slot") == "wants_advisor":
            return turns
        turns.append(conversation.say("passer"))
    pytest.fail(f"the advisor was never offered: {turns}")


def to_a_case(conversation, phone: str = "06 12 34 56 78", callback: str = "plutôt le matin") -> list[str]:
    """From the consent question to the case reference."""
    answers = {
        "consent_given": "oui",
        "contact_name": "Nadia",
        "phone": phone,
        "email": "passer",
        "callback_slot": callback,
        "departement": "59",
        "health_consent": "oui",
    }
    last: list[str] = []
    for _ in range(len(answers) + 2):
        slots = conversation.slots()
        if slots.get("case_reference") and slots.get("requested_slot") is None:  # stored, and the handoff over
            return last
        last = conversation.say(answers[slots["requested_slot"]])
    pytest.fail("no case reference")


def test_what_the_first_message_says_is_not_asked_again(conversation):
    replies = conversation.say(
        "je suis boulanger, l'urssaf me réclame 8000 € depuis 3 semaines et je ne sais pas quoi faire"
    )
    slots = conversation.slots()
    assert slots["trade"] == "boulanger"
    assert slots["since_when"] == "depuis 3 semaines"
    assert slots["creditors"] == "URSSAF 8000 €"
    assert "J'ai noté : boulanger, depuis 3 semaines, sommes dues : URSSAF 8000 €." in joined(replies)
    asked = set()
    for _ in range(4):
        asked.add(conversation.slots().get("requested_slot"))
        if "wants_advisor" in asked:
            break
        conversation.say("passer")
    assert not asked & {"trade", "since_when", "creditors"}, asked


def test_several_facts_at_once_fill_their_slots(conversation):
    conversation.say("bonjour")
    conversation.say(
        "coiffeuse à domicile en micro, on est 3 avec mon apprenti, la banque me refuse tout depuis la rentrée"
    )
    slots = conversation.slots()
    assert slots["trade"] == "coiffeuse à domicile"
    assert slots["legal_form"] == "micro"
    assert slots["employees"] == "on est 3 avec mon apprenti"
    assert slots["since_when"] == "depuis la rentrée"


def test_first_guidance_within_three_turns_whatever_is_skipped(conversation):
    conversation.say("bonjour")
    turns = to_the_advisor_offer(conversation, "l'urssaf me réclame des cotisations que je ne peux pas payer")
    assert len(turns) <= 3, turns
    assert "premières démarches" in joined(turns[-1])
    slots = conversation.slots()
    assert slots["guidance_given"], "guidance is recorded"
    assert slots["requested_slot"] == "wants_advisor"


def test_a_hesitation_is_a_request_for_help_never_a_refusal(conversation):
    to_the_advisor_offer(conversation, "je n'arrive plus à payer mes fournisseurs")
    for hesitation in ("je ne sais pas à qui m'adresser", "pas encore", "je sais pas quoi faire"):
        replies = conversation.say(hesitation)
        slots = conversation.slots()
        assert slots["wants_advisor"] is None, hesitation
        assert slots["requested_slot"] == "wants_advisor", hesitation
        assert "rien à la chambre" not in joined(replies)
        assert WANTS_ADVISOR in joined(replies), "the question is asked again"
    conversation.say("oui")
    assert conversation.slots()["requested_slot"] == "consent_given"


def test_a_question_back_gets_its_answer_then_the_question(conversation):
    to_the_advisor_offer(conversation, "la banque m'a coupé le découvert")
    replies = conversation.say("c'est payant ?")
    assert "gratuit" in joined(replies)
    assert replies[-1].startswith(WANTS_ADVISOR)
    replies = conversation.say("vous êtes un robot ?")
    assert "assistant automatique" in joined(replies)
    assert replies[-1].startswith(WANTS_ADVISOR)
    assert conversation.slots()["wants_advisor"] is None


def test_new_facts_in_answer_to_a_yes_no_question_go_to_triage(conversation):
    to_the_advisor_offer(conversation, "mon chiffre d'affaires a baissé de moitié")
    replies = conversation.say("l'urssaf 8000")
    slots = conversation.slots()
    assert slots["creditors"] == "URSSAF 8000 €"
    assert "cotisations_sociales" in slots["difficulty_categories"]
    assert slots["wants_advisor"] is None
    assert replies[-1].startswith(WANTS_ADVISOR)


def test_a_refusal_then_a_yes_delivers_the_case(conversation, stack, advisor, http):
    to_the_advisor_offer(conversation, "les impôts me réclament la TVA")
    refusal = joined(conversation.say("non"))
    assert "Je ne transmets rien à la chambre sans votre accord" in refusal
    assert f"effacée au bout de {stack.settings.tracker_retention_days} jours" in refusal
    assert "rien enregistré" not in refusal
    replies = conversation.say("oui finalement je veux qu'on me rappelle")
    assert conversation.slots()["requested_slot"] == "consent_given", replies
    final = to_a_case(conversation)
    reference = conversation.slots()["case_reference"]
    assert reference in joined(final)
    login(http, stack, advisor)
    case = find_case(http, stack, reference)
    assert case["phone"] == "+33612345678"
    assert "impots" in case["categories"]


def test_a_refused_consent_is_asked_again_after_a_change_of_mind(conversation):
    to_the_advisor_offer(conversation, "ma banque a bloqué mon compte pro")
    conversation.say("oui")
    conversation.say("non")
    assert conversation.slots()["consent_given"] is False
    conversation.say("je voudrais qu'on me rappelle")
    slots = conversation.slots()
    assert slots["consent_given"] is None
    assert slots["requested_slot"] == "consent_given"


@pytest.mark.parametrize(
    "request_", ["je veux parler à quelqu'un", "je voudrais qu'on me rappelle", "est-ce que quelqu'un peut m'appeler"]
)
def test_asking_for_a_person_at_any_moment(conversation, request_):
    conversation.say("bonjour")
    conversation.say("les travaux devant ma boutique font fuir les clients")
    conversation.say(request_)
    slots = conversation.slots()
    assert slots["wants_advisor"] is True
    assert slots["requested_slot"] == "consent_given"


@pytest.mark.parametrize("farewell", ["bon je vais y aller", "ok merci je verrai"])
def test_an_indirect_farewell_ends_the_intake(conversation, farewell):
    conversation.say("ça fait deux mois que les clients ne paient pas")
    assert conversation.slots()["requested_slot"] in INTAKE_SLOTS
    replies = conversation.say(farewell)
    slots = conversation.slots()
    assert slots["requested_slot"] is None
    assert replies and not any(text.rstrip().endswith("?") for text in replies), replies


def test_a_farewell_after_consent_still_delivers_the_case(conversation, stack, advisor, http):
    to_the_advisor_offer(conversation, "le fisc me réclame 5000 euros")
    for answer in ("oui", "oui", "Paul", "06 98 76 54 32"):
        conversation.say(answer)
    conversation.say("bon je vais y aller")
    reference = conversation.slots()["case_reference"]
    assert reference
    login(http, stack, advisor)
    assert find_case(http, stack, reference)["phone"] == "+33698765432"


def test_bereavement_gets_sympathy_before_any_question(conversation):
    conversation.say("bonjour")
    replies = conversation.say("mon mari est décédé le mois dernier et la banque a bloqué les comptes")
    assert replies[0].startswith("Toutes mes condoléances pour votre mari."), replies
    assert "vie_personnelle" in conversation.slots()["difficulty_categories"]


def test_no_long_message_is_said_twice(conversation):
    turns = to_the_advisor_offer(conversation, "l'urssaf me réclame des cotisations")
    turns.append(conversation.say("non"))
    turns.append(conversation.say("et en plus la banque m'a coupé le découvert"))
    turns.append(conversation.say("non"))
    turns.append(conversation.say("l'urssaf me relance encore"))
    turns.append(conversation.say("non"))
    said = [text for replies in turns for text in replies if len(text) > 80]
    assert len(said) == len(set(said)), [text for text in said if said.count(text) > 1]
    ids = [entry["id"] for entry in conversation.slots()["guidance_given"]]
    assert len(ids) == len(set(ids))


def test_a_place_the_store_cannot_read_never_blocks_the_case(conversation, stack, advisor, http):
    to_the_advisor_offer(conversation, "un huissier est passé pour une saisie")
    for _ in range(8):
        slots = conversation.slots()
        if slots.get("requested_slot") is None:  # the handoff is over (its case exists from the phone number on)
            break
        asked = slots["requested_slot"]
        answer = {
            "wants_advisor": "oui",
            "consent_given": "oui",
            "contact_name": "Léa",
            "phone": "0612345679",
            "email": "passer",
            "callback_slot": "après 18h",
            "departement": "dans mon atelier",
        }[asked]
        replies = conversation.say(answer)
    reference = conversation.slots().get("case_reference")
    assert reference, replies
    assert "aujourd'hui" not in joined(replies)
    assert "les conseillers appellent jusqu'à" in joined(replies)
    login(http, stack, advisor)
    assert find_case(http, stack, reference)["phone"] == "+33612345679"


def test_the_callback_promise_follows_the_preference(conversation):
    to_the_advisor_offer(conversation, "je n'arrive plus à payer le loyer de l'atelier")
    conversation.say("oui")
    final = to_a_case(conversation, phone="07 81 22 33 44", callback="plutôt le matin")
    text = joined(final)
    assert "dans la matinée, au plus tard le" in text
    assert "aujourd'hui" not in text
