"""Each invariant on hand-made transcripts: it holds on a good conversation and fails on the bad one it
describes (an invariant that cannot fail proves nothing)."""

from __future__ import annotations

import pytest

from tests.simulator.invariants import INVARIANTS, Transcript, Turn, check

CONSENT = (
    "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro et ce que vous "
    "m'avez dit. Êtes-vous d'accord ?"
)
GUIDANCE = (
    "Vous pouvez demander à l'URSSAF un échéancier de paiement pour vos cotisations en retard, depuis "
    "votre espace en ligne."
)


def turn(
    user,
    kind,
    asked=None,
    answers=None,
    replies=("D'accord.",),
    code=None,
    facts=(),
    status=200,
    errors=(),
    negated=None,
    **state,
):
    return Turn(
        user=user,
        kind=kind,
        asked=asked,
        answers=answers,
        code=code,
        facts=tuple(facts),
        status=status,
        replies=list(replies),
        state=dict(state),
        errors=list(errors),
        negated=negated,
    )


def good() -> list[Turn]:
    """Opening, one intake answer, guidance, the handoff to a case in the 62."""
    return [
        turn("bonjour", "greeting"),
        turn(
            "l'urssaf me relance", "opening", replies=["Je comprends.", "Depuis quand ?"], requested_slot="since_when"
        ),
        turn("depuis mars", "answer", "since_when", "since_when", replies=["Où ?"], requested_slot="departement"),
        turn(
            "Arras",
            "answer",
            "departement",
            "departement",
            code="62",
            replies=["Voici :", GUIDANCE, "Voulez-vous être rappelé ?"],
            requested_slot="wants_advisor",
            guidance_given=[{"id": "urssaf"}],
        ),
        turn("oui", "yes", "wants_advisor", "wants_advisor", replies=[CONSENT], requested_slot="consent_given"),
        turn(
            "pourquoi ?",
            "question_back",
            "consent_given",
            replies=["Pour vous rappeler.", CONSENT],
            requested_slot="consent_given",
        ),
        turn("ok", "yes", "consent_given", "consent_given", replies=["Votre numéro ?"], requested_slot="phone"),
        turn(
            "06 12",
            "wrong_phone",
            "phone",
            replies=["Je n'ai pas reconnu ce numéro.", "Votre numéro ?"],
            requested_slot="phone",
        ),
        turn("06 12 34 56 78", "answer", "phone", "phone", replies=["Référence RL-1."], case_reference="RL-1"),
        turn("merci c'est tout", "farewell", replies=["Prenez soin de vous."], case_reference="RL-1"),
    ]


def transcript(turns, case=None) -> Transcript:
    return Transcript(seed=7, sender="sim-test", turns=turns, case=case)


GOOD_CASE = {"reference": "RL-1", "departement": "62", "phone": "+33612345678"}


def test_a_good_conversation_keeps_every_invariant():
    assert check(transcript(good(), GOOD_CASE)) == []


def test_every_invariant_is_tested_here():
    tested = {name for name, _ in BROKEN}
    assert tested == set(INVARIANTS)


def silence(turns):
    turns[4].replies = []
    return turns, GOOD_CASE


def server_error(turns):
    turns[8].errors = ["actions.log: ERROR rasa_sdk.endpoint - Exception occurred"]
    return turns, GOOD_CASE


def no_case(turns):
    return turns, None


def repeated_guidance(turns):
    turns[9].replies = ["Voici :", GUIDANCE]
    return turns, GOOD_CASE


def reasked(turns):
    turns[4].state["requested_slot"] = "departement"
    return turns, GOOD_CASE


def opening_ignored(turns):
    turns[1].facts = ("departement",)
    turns[1].code = "62"
    return turns, GOOD_CASE


def wrong_departement(turns):
    turns.insert(9, turn("non en fait c'est dans le 59", "correction", code="59", case_reference="RL-1"))
    return turns, GOOD_CASE


def change_of_mind_ignored(turns):
    turns[4] = turn("non", "no", "wants_advisor", "wants_advisor", replies=["C'est entendu."])
    turns[5:] = [turn("oui finalement je veux qu'on me rappelle", "change_of_mind", replies=["Bien."])]
    return turns, None


def request_ignored(turns):
    turns.insert(2, turn("je veux parler à quelqu'un", "ask_human", "since_when", requested_slot="since_when"))
    return turns, GOOD_CASE


def false_alarm(turns):
    turns[1].state["distress"] = True
    return turns, GOOD_CASE


def test_a_skipped_direct_question_leading_to_the_crisis_path_is_no_false_alarm():
    turns = good()
    turns[1].asked, turns[1].kind = "suicide_thoughts", "skip"
    turns[1].state["distress"] = True
    assert "no_false_alarm" not in {violation.invariant for violation in check(transcript(turns, GOOD_CASE))}
    turns[1].kind = "no"
    assert "no_false_alarm" in {violation.invariant for violation in check(transcript(turns, GOOD_CASE))}


def hesitation_ended(turns):
    turns.insert(2, turn("attendez je réfléchis", "hesitation", "since_when", replies=["Au revoir."]))
    return turns, GOOD_CASE


def negated_place_kept(turns):
    turns.insert(
        4,
        turn(
            "ah non c'est la Somme pas le Nord",
            "correction",
            "wants_advisor",
            code="62",
            negated="59",
            requested_slot="wants_advisor",
            departement="59",
        ),
    )
    return turns, GOOD_CASE


def question_taken_as_answer(turns):
    turns.insert(
        2, turn("c grave ?", "free_text_question", "since_when", requested_slot="departement", since_when="c grave ?")
    )
    return turns, GOOD_CASE


def _sign(kind, replies, **state):
    return turn("...", kind, "since_when", replies=replies, requested_slot="safe_now", **state)


CRISIS_REPLY = ["Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant.", "Êtes-vous en sécurité ?"]
RELATIVE_REPLY = [
    "Merci de nous alerter. Le 3114 répond aussi aux proches.",
    "Pensez-vous que votre mari soit en sécurité ?",
]


def warning_sign_without_numbers(turns):
    turns.insert(2, _sign("warning_sign", ["Depuis quand ?"], distress=True))
    return turns, GOOD_CASE


def reported_sign_answered_as_the_writers(turns):
    turns.insert(2, _sign("reported_sign", CRISIS_REPLY, distress=True))
    return turns, GOOD_CASE


def test_warning_signs_with_the_crisis_numbers_first_keep_every_invariant():
    own = good()
    own.insert(2, _sign("warning_sign", CRISIS_REPLY, distress=True))
    reported = good()
    reported.insert(2, _sign("reported_sign", RELATIVE_REPLY, distress=True, person_at_risk="mon mari"))
    assert check(transcript(own, GOOD_CASE)) == [] and check(transcript(reported, GOOD_CASE)) == []
    own[2].state["person_at_risk"] = "mon mari"  # the writer's own sign answered as if about someone else
    own[2].replies = RELATIVE_REPLY
    assert {v.invariant for v in check(transcript(own, GOOD_CASE))} == {"crisis_numbers_first_on_a_warning_sign"}


def yes_not_understood(turns):
    turns.insert(
        9,
        turn(
            "ok",
            "bare_yes",
            "email",
            replies=["Pardon, je n'ai pas su quoi répondre à ce message. Je reprends ma question :", "Un e-mail ?"],
            requested_slot="email",
            case_reference="RL-1",
        ),
    )
    return turns, GOOD_CASE


BROKEN = [
    ("reply_to_every_message", silence),
    ("no_server_error", server_error),
    ("case_exactly_when_consented", no_case),
    ("case_has_the_right_departement", wrong_departement),
    ("no_long_message_repeated", repeated_guidance),
    ("no_question_after_its_answer", reasked),
    ("opening_facts_not_asked", opening_ignored),
    ("callback_after_refusal", change_of_mind_ignored),
    ("handoff_on_request", request_ignored),
    ("no_false_alarm", false_alarm),
    ("crisis_numbers_first_on_a_warning_sign", warning_sign_without_numbers),
    ("crisis_numbers_first_on_a_warning_sign", reported_sign_answered_as_the_writers),
    ("hesitation_never_ends", hesitation_ended),
    ("negated_place_never_stored", negated_place_kept),
    ("free_text_not_taken_from_a_question", question_taken_as_answer),
    ("plain_answer_never_not_understood", yes_not_understood),
]


@pytest.mark.parametrize("name, breaking", BROKEN, ids=[name for name, _ in BROKEN])
def test_the_invariant_fails_on_the_conversation_that_breaks_it(name, breaking):
    turns, case = breaking(good())
    broken = {violation.invariant for violation in check(transcript(turns, case))}
    assert broken == {name}


def test_a_case_without_consent_is_a_violation():
    turns = good()
    turns[6] = turn("non", "no", "consent_given", "consent_given", replies=["Votre numéro ?"], requested_slot="phone")
    assert [v.invariant for v in check(transcript(turns, GOOD_CASE))] == ["case_exactly_when_consented"]


def test_a_yes_after_a_refusal_counts_and_the_question_may_come_back():
    turns = good()
    turns[6:7] = [
        turn("non", "no", "consent_given", "consent_given", replies=["C'est entendu."]),
        turn("en fait si rappelez moi", "change_of_mind", replies=[CONSENT], requested_slot="consent_given"),
        turn("oui", "yes", "consent_given", "consent_given", replies=["Votre numéro ?"], requested_slot="phone"),
    ]
    assert check(transcript(turns, GOOD_CASE)) == []


def test_a_question_asked_again_after_a_hesitation_is_allowed():
    turns = good()
    turns.insert(3, turn("euh", "hesitation", "departement", replies=["Où ?"], requested_slot="departement"))
    assert check(transcript(turns, GOOD_CASE)) == []


def test_guidance_counts_the_bot_turns_from_the_difficulty():
    assert transcript(good()).turns_to_guidance() == 3
    assert transcript(good()[:3]).turns_to_guidance() is None


def test_the_handoff_form_asking_the_place_after_a_request_is_the_handoff():
    turns = good()
    turns.insert(
        3,
        turn(
            "je veux parler à quelqu'un",
            "ask_human",
            "departement",
            replies=["Où ?"],
            requested_slot="departement",
            active_loop="handoff_form",
        ),
    )
    assert check(transcript(turns, GOOD_CASE)) == []


def test_a_correction_that_keeps_the_place_meant_and_drops_the_negated_one_is_fine():
    turns = good()
    turns.insert(
        4,
        turn(
            "non non pas le 59, le 62",
            "correction",
            "wants_advisor",
            code="62",
            negated="59",
            replies=["J'ai noté : Pas-de-Calais (62).", "Voulez-vous être rappelé ?"],
            requested_slot="wants_advisor",
            departement="62",
        ),
    )
    assert check(transcript(turns, GOOD_CASE)) == []


def test_a_question_at_a_free_text_question_answered_then_asked_again_is_fine():
    turns = good()
    turns.insert(
        2,
        turn(
            "c grave ?",
            "free_text_question",
            "since_when",
            replies=["Des solutions existent.", "Depuis quand ?"],
            requested_slot="since_when",
        ),
    )
    turns.insert(
        3,
        turn(
            "oui",
            "bare_yes",
            "since_when",
            replies=["Pouvez-vous préciser ?", "Depuis quand ?"],
            requested_slot="since_when",
        ),
    )
    assert check(transcript(turns, GOOD_CASE)) == []


def test_consent_taken_back_after_the_phone_expects_no_case():
    turns = good()
    turns.append(
        turn("annulez ma demande svp", "withdrawal", None, "consent_given", replies=["C'est entendu : j'ai retiré"])
    )
    assert check(transcript(turns, None)) == []  # the case was erased: none is found for the conversation
    assert [v.invariant for v in check(transcript(turns, GOOD_CASE))] == ["case_exactly_when_consented"]


def test_a_request_at_the_direct_question_answered_by_the_safety_question_then_the_handoff_is_fine():
    """Simulator seed 20261208: "y a moyen de causer avec quelqu'un" at "est-ce qu'il vous arrive de penser au
    suicide ?" takes the crisis path, the call taken and the safety question first: the handoff, safety first."""
    turns = good()
    asked = dict(asked="suicide_thoughts", replies=["Le 3114...", "Êtes-vous en sécurité en ce moment ?"])
    turns.insert(
        2,
        turn(
            "y a moyen de causer avec quelqu'un",
            "ask_human",
            requested_slot="safe_now",
            active_loop="safety_form",
            wants_advisor=True,
            distress=True,
            **asked,
        ),
    )
    assert "handoff_on_request" not in {v.invariant for v in check(transcript(turns, GOOD_CASE))}
    turns[2].state["wants_advisor"] = None  # the safety question alone, the request lost: still a violation
    assert "handoff_on_request" in {v.invariant for v in check(transcript(turns, GOOD_CASE))}


def test_a_request_at_the_direct_question_noted_before_the_question_again_is_fine():
    """Simulator seed 20261216: the request noted ("je vous le propose juste après") and the direct question asked
    again; the handoff follows its answer (paused_form), so the request is not lost."""
    turns = good()
    request = turn(
        "est-ce que je peux avoir un vrai conseiller au téléphone",
        "ask_human",
        "suicide_thoughts",
        replies=["C'est noté : un conseiller de la chambre pourra vous rappeler.", "Je reviens à ma question"],
        requested_slot="suicide_thoughts",
        active_loop="direct_question_form",
        wants_advisor=True,
    )
    turns.insert(2, request)
    assert "handoff_on_request" not in {v.invariant for v in check(transcript(turns, GOOD_CASE))}
    turns[2].state["wants_advisor"] = None
    assert "handoff_on_request" in {v.invariant for v in check(transcript(turns, GOOD_CASE))}
