"""Round 22 (r22c-08, r22c-09, r22c-18, r22c-07, r22c-12): who the service is for, and what asking ahead is.

1. An apprentice or an employee writing about his own situation ("mon patron me paie plus", "ma patronne me hurle
   dessus") is outside the artisans' service: a kind word and whom to ask instead (the chamber's apprenticeship
   mediation, the labour inspectorate), no intake, and his words never triaged as his boss's difficulty.
2. A project (creating a business, taking one over) is no difficulty: the chamber's creation-reprise service at once,
   never "qu'est-ce qui vous amène ?" first, and a form under way ends.
3. Someone asking ahead is asked neither "Depuis quand ?" nor for a deadline or a debt, and no creditor is noted.
Look-alikes stay as they were: an apprentice writing for his boss in trouble, an artisan whose client does not pay,
an artisan who created his business years ago.

Real trackers and the real actions; sentences written for these tests, the way people type."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actions import services
from actions.ask_actions import ActionOutOfScope
from actions.faq_actions import ActionAnswerFaq
from actions.intake import SITUATION_SPECIFIC, questions_to_ask
from actions.intake_actions import ActionAcknowledgeSituation, ActionGreet
from actions.triage_actions import ValidateTriageSlots
from guidance.welcome import FIRST_QUESTION
from intake.outside import APPRENTICE, EMPLOYEE, PROJECT, conversation_outside, outside_text, writer_outside
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

APPRENTICE_SAYS = [
    "bjr jsuis apprentie fleuriste, ma patronne me paie plus depuis septembre, c normal ?",
    "Je suis en apprentissage chez un menuisier et mon maître d'apprentissage me hurle dessus tous les jours",
    "je suis apprenti en boucherie mon patron me doit deux mois de salaire je fais comment",
    "moi je suis alternant et mon patron m'a pas verse ma paye de novembre",
]
EMPLOYEE_SAYS = [
    "je suis salariee dans un salon de coiffure et ma patronne me paye pas mes heures sup",
    "Bonjour, je suis ouvrier chez un couvreur et mon employeur ne me verse plus mon salaire.",
]
PROJECT_SAYS = [
    "bonjour j'aimerais ouvrir mon salon de coiffure l'an prochain, on fait comment ?",
    "je compte me mettre à mon compte comme électricien, il y a des aides ?",
    "mon patron part a la retraite et je voudrais racheter la boulangerie, c'est possible ?",
    "Nous envisageons de reprendre le garage de notre village, quelles démarches ?",
    "je veux devenir auto-entrepreneur en plomberie",
]
IN_THE_SERVICE = [
    "je suis apprenti chez un charpentier, mon patron a des dettes partout et il parle de tout fermer",
    "mon client me paie pas depuis trois mois, 6000 euros",
    "j'ai ouvert mon atelier en 2019 et l'urssaf me réclame 7000 euros",
    "mon apprentie je n'arrive plus à la payer, la banque a coupé le découvert",
    "je suis gérante salariée de ma SARL et je ne me verse plus de salaire depuis l'été",
    "je voudrais reprendre le travail après mon opération mais les impôts me relancent",
    "je voudrais créer une nouvelle société mais l'ancienne a 20000 euros de dettes urssaf",
    "je voudrais vendre mon fonds de commerce, ça se passe comment ?",
]


@pytest.mark.parametrize("words", APPRENTICE_SAYS)
def test_an_apprentice_about_his_own_situation_is_outside(words):
    assert writer_outside(words) == APPRENTICE


@pytest.mark.parametrize("words", EMPLOYEE_SAYS)
def test_an_employee_about_his_own_situation_is_outside(words):
    assert writer_outside(words) == EMPLOYEE


@pytest.mark.parametrize("words", PROJECT_SAYS)
def test_a_project_is_outside(words):
    assert writer_outside(words) == PROJECT


@pytest.mark.parametrize("words", IN_THE_SERVICE)
def test_look_alikes_stay_in_the_service(words):
    assert writer_outside(words) is None


def test_a_warning_sign_is_never_turned_away():
    assert writer_outside("je suis apprenti, mon patron me paye pas, j'ai envie d'en finir") is None


@pytest.mark.parametrize(
    "earlier, latest, kind",
    [
        (PROJECT_SAYS[2], "sarl je pense. vous pouvez m'aider pour le rachat ou non ?", PROJECT),
        (APPRENTICE_SAYS[0], "mais y a quelqu'un pour les apprentis ?", APPRENTICE),
        (APPRENTICE_SAYS[0], "a Douai", None),
        (IN_THE_SERVICE[1], "vous pouvez m'aider pour la reprise ?", None),
    ],
)
def test_a_follow_up_is_read_with_the_conversation(earlier, latest, kind):
    assert conversation_outside([earlier, latest]) == kind


def _followups(events):
    return [event["name"] for event in events if event.get("event") == "followup"]


def _first(words, intent="describe_situation"):
    return tracker([bot(FIRST_QUESTION), user(words, intent)])


@pytest.mark.parametrize("words", APPRENTICE_SAYS)
def test_the_apprentice_is_pointed_to_the_mediation_with_no_intake(words):
    dispatcher, events = run(ActionAcknowledgeSituation(), _first(words))
    said = " ".join(texts(dispatcher))
    assert "médiateur de l'apprentissage" in said
    assert "Si je comprends bien" not in said and "trésorerie" not in said
    assert _followups(events) == ["action_listen"]


def test_a_greeting_with_the_apprentice_story_does_not_start_the_intake():
    dispatcher, events = run(ActionGreet(), _first("bonjour " + APPRENTICE_SAYS[2], "greet"))
    assert _followups(events) == ["action_listen"]
    assert "médiateur de l'apprentissage" in " ".join(texts(dispatcher))


@pytest.mark.parametrize("words", PROJECT_SAYS)
@pytest.mark.parametrize("action", [ActionOutOfScope(), ActionAnswerFaq()])
def test_a_project_gets_the_creation_service_at_once(words, action):
    dispatcher, _ = run(action, _first(words, "out_of_scope"))
    said = texts(dispatcher)
    assert any("service création-reprise" in text for text in said)
    assert FIRST_QUESTION not in said


def test_the_takeover_question_mid_intake_is_answered_and_the_intake_ends():
    events = [
        bot(FIRST_QUESTION),
        user(PROJECT_SAYS[2]),
        bot("Sous quelle forme l'entreprise est-elle enregistrée ?"),
        user("sarl je crois. mais vous m'aidez pour le rachat ou pas ?", "faq"),
    ]
    dispatcher, result = run(
        ActionAnswerFaq(), tracker(events, {"requested_slot": "legal_form"}, active_loop="situation_form")
    )
    assert any("service création-reprise" in text for text in texts(dispatcher))
    assert any(event.get("event") == "active_loop" and event.get("name") is None for event in result)
    assert slot_events(result).get("requested_slot", "kept") is None


def test_said_again_it_is_short():
    chamber = services.chamber()
    events = [bot(FIRST_QUESTION), user(PROJECT_SAYS[0]), bot(outside_text(PROJECT, chamber)), user(PROJECT_SAYS[1])]
    dispatcher, _ = run(ActionOutOfScope(), tracker(events))
    assert texts(dispatcher) == [
        "Pour votre projet, c'est le service création-reprise de la chambre qui pourra vous aider, bien mieux que moi."
    ]


def test_the_chamber_contact_is_said_when_configured(monkeypatch):
    chamber = replace(services.chamber(), apprenticeship_mediation="au 03 20 11 22 33, du lundi au jeudi")
    assert "joignable au 03 20 11 22 33, du lundi au jeudi" in outside_text(APPRENTICE, chamber)
    assert "au 03 20 11 22 33" not in outside_text(APPRENTICE, services.chamber())
    chamber = replace(chamber, creation_service="au 03 20 44 55 66")
    assert "vous pouvez le joindre au 03 20 44 55 66" in outside_text(PROJECT, chamber)


def test_an_apprentice_writing_for_his_boss_gets_the_intake():
    dispatcher, events = run(ActionAcknowledgeSituation(), _first(IN_THE_SERVICE[0]))
    assert not any("médiateur" in text for text in texts(dispatcher))
    assert "action_listen" not in _followups(events)


@pytest.mark.parametrize("words", [APPRENTICE_SAYS[0], APPRENTICE_SAYS[2], EMPLOYEE_SAYS[1]])
def test_the_apprentice_words_are_not_triaged_as_his_boss_difficulty(words):
    _, events = run(ValidateTriageSlots(), _first(words))
    slots = slot_events(events)
    assert not slots.get("difficulty_categories")
    assert slots.get("urgency") not in ("haute", "critique")


# ------------------------------------------------------------------------------------------------ asking ahead

AHEAD_SAYS = [
    "pour l'instant ca va mais si un jour je peux plus payer l'urssaf il se passe quoi ?",
    "Je me renseigne à l'avance : que se passe-t-il si je ne peux pas régler mes cotisations un jour ?",
    "ya pas de souci aujourdhui mais je voudrais savoir comment on fait si jarrive plus a payer la tva",
]


@pytest.mark.parametrize("words", AHEAD_SAYS)
def test_asking_ahead_notes_no_debt(words):
    _, events = run(ValidateTriageSlots(), _first(words))
    slots = slot_events(events)
    assert slots.get("urgency") == "basse"
    assert "creditors" not in slots


def test_asking_ahead_asks_nothing_about_a_situation():
    asked = questions_to_ask(["cotisations_sociales"], "basse", {}, [])
    assert not SITUATION_SPECIFIC.intersection(asked)
    assert asked  # what the business is may still be asked (micro or not changes the guidance)


def test_a_difficulty_told_still_gets_its_questions():
    assert "since_when" in questions_to_ask(["cotisations_sociales"], "normale", {}, []) or "creditors" in (
        questions_to_ask(["cotisations_sociales"], "normale", {}, [])
    )


def test_a_debt_told_is_still_noted():
    _, events = run(ValidateTriageSlots(), _first("l'urssaf me réclame 4200 euros depuis cet été"))
    assert slot_events(events).get("creditors") == "URSSAF 4200 €"
