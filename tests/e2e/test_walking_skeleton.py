"""The thin conversation that crosses every part: REST channel, NLU, dialogue, action server,
case store and inbox API, all real processes."""

from __future__ import annotations

import pytest

from tests.support.intake import ANSWERS


def walk_to_case(conversation, opening: str) -> tuple[list[list[str]], dict]:
    """Describes a difficulty, then answers whatever is asked until a case reference is given."""
    replies = [conversation.say("bonjour"), conversation.say(opening)]
    for _ in range(len(ANSWERS) + 2):
        slots = conversation.slots()
        if slots.get("case_reference") and slots.get("requested_slot") is None:  # stored, and the handoff over
            return replies, slots
        asked = slots.get("requested_slot")
        assert asked in ANSWERS, f"unexpected state: requested_slot={asked!r}, last replies={replies[-1]}"
        replies.append(conversation.say(ANSWERS[asked]))
    pytest.fail(f"no case after the whole conversation: {replies}")


def login(http, stack, advisor) -> None:
    email, password = advisor
    response = http.post(f"{stack.settings.web_url}/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text


def find_case(http, stack, reference: str) -> dict:
    response = http.get(f"{stack.settings.web_url}/api/v1/cases/{reference}")
    assert response.status_code == 200, response.text
    return response.json()


def test_welcome_says_free_confidential_and_automated(conversation):
    welcome = " ".join(conversation.say("bonjour"))
    assert "gratuit" in welcome
    assert "confidentiel" in welcome
    assert "automatique" in welcome


def test_conversation_ends_with_a_case_the_inbox_shows(conversation, stack, advisor, http):
    replies, slots = walk_to_case(
        conversation, "l'urssaf me réclame trois trimestres de cotisations et je n'arrive plus à payer"
    )
    assert "cotisations_sociales" in slots["difficulty_categories"]
    assert slots["urgency"] in {"normale", "haute"}
    assert slots["distress"] is False
    reference = slots["case_reference"]
    assert any(reference in text for text in replies[-1]), replies[-1]

    anonymous = http.get(f"{stack.settings.web_url}/api/v1/cases")
    assert anonymous.status_code == 401

    login(http, stack, advisor)
    listed = http.get(f"{stack.settings.web_url}/api/v1/cases").json()
    assert reference in {case["reference"] for case in listed}

    case = find_case(http, stack, reference)
    assert "cotisations_sociales" in case["categories"]
    assert case["contact_name"] == "Sophie"
    assert case["phone"] == "+33612345678"
    assert case["callback_slot"] == "plutôt le matin"
    assert case["situation"]["creditors"] == "URSSAF", "what the first message said is in the case"
    assert case["consent"]["version"]
    assert case["consent"]["at"]
    assert case["consent"]["health"] is False
    artisan_lines = [line["text"] for line in case["transcript"] if line["sender"] == "artisan"]
    assert "06 12 34 56 78" in artisan_lines


def test_asking_again_updates_the_same_case(conversation, stack, advisor, http):
    _, slots = walk_to_case(conversation, "ma banque m'a coupé le découvert")
    reference = slots["case_reference"]
    again = conversation.say("je voudrais parler à un conseiller")
    assert any(reference in text for text in again), again

    login(http, stack, advisor)
    listed = http.get(f"{stack.settings.web_url}/api/v1/cases", params={"q": reference}).json()
    assert [case["reference"] for case in listed].count(reference) == 1
    assert conversation.slots()["case_reference"] == reference
