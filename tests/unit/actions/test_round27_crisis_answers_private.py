"""Round 27 (talk-a, D10 / D22), over real trackers, the real handoff form and a real case store: with the health
consent refused or never asked, nothing of health or distress reaches the case.

- r27-a-14 (D22): the answer to the direct question about suicide (« oui. j'y pense depuis l'incendie ») was kept
  verbatim in the transcript and in "Ses mots", while the milder message before it was withheld; the answer to the
  safety question (« je suis avec ma femme a la maison ») made the case "vie personnelle"; the health consent was
  never asked (nor in r27-a-08, « je pleure tous les soirs »).
- r27-a-04 (D10): "Depuis quand" was taken from « je dors plus depuis des semaines », a sleep problem, not the
  business, in a case whose health consent was refused.
Sentences of our own in several voices (SMS, no accents, formal, hesitant, dictation).
"""

from __future__ import annotations

from datetime import date

import pytest

from actions.conversation import crisis_answers, transcript
from actions.handoff import health_told
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from actions.triage_actions import messages_for_triage
from intake.facts import extract_facts, fold
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

SENDER = "r27-privacy"
SUNDAY = "2026-12-06T10:00:00+01:00"
DIRECT = "Je vous pose la question simplement, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"
SAFETY = "Êtes-vous en sécurité en ce moment ?"


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def _asked(slot: str | None) -> dict:
    return {"event": "slot", "name": "requested_slot", "value": slot}


def _crisis_conversation(first: str, strain: str, answer: str, safety: str) -> list[dict]:
    return [
        user(first),
        bot("D'accord."),
        user(strain),
        _asked("suicide_thoughts"),
        bot(DIRECT),
        user(answer),
        _asked(None),
        bot("Le 3114 répond jour et nuit."),
        _asked("safe_now"),
        bot(SAFETY),
        user(safety),
        _asked(None),
        bot("Je suis soulagé de le lire."),
    ]


def _case(events: list[dict], **extra):
    """The conversation ``events``, then the number given at the form's last question: the case stored."""
    asked = [*events, _asked("phone"), bot("À quel numéro ?"), user("02 98 55 66 77", "inform")]
    stored = tracker(
        [*asked, {"event": "slot", "name": "phone", "value": "02 98 55 66 77"}],
        slots={**consented(**extra), "phone": "02 98 55 66 77", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), stored, DOMAIN)
    finished = tracker([*stored.events, *produced], slots={**stored.slots, **slot_events(produced)}, sender_id=SENDER)
    run(ActionFinishHandoff(), finished, DOMAIN)
    return stored_cases()[-1]


# (first message, the strain, the answer to the direct question, the answer to the safety question)
CRISES = [
    (
        "bonjour, je suis charcutier traiteur a Quimper. un incendie a detruit mon labo, je peux plus travailler",
        "et mes salariés je les paye comment ? 20 ans de boulot partis en fumée, je tiens plus",
        "oui. j'y pense depuis l'incendie",
        "je suis avec ma femme a la maison",
    ),
    (
        "slt boulanger a brest, le feu a tout cramé au fournil, g 2 salariés",
        "jsp comment je vais les payer, je tiens plus",
        "ouai j y pense depui le feu",
        "chui ak ma copine a la maison",
    ),
    (
        "Bonjour Madame, Monsieur, je suis menuisier à Lorient ; un incendie a détruit mon atelier.",
        "Je ne sais plus comment faire face, je n'en peux plus.",
        "Oui, j'y pense depuis l'incendie de l'atelier.",
        "Je suis chez moi avec mon épouse.",
    ),
    (
        "euh... je suis pâtissier à Vannes... un incendie au labo la semaine dernière",
        "je sais pas... je tiens plus vraiment",
        "euh… oui… des fois j'y pense, depuis le sinistre",
        "euh oui je suis avec mon mari, à la maison",
    ),
]


@pytest.mark.parametrize("first, strain, answer, safety", CRISES)
def test_crisis_answers_reach_no_field_without_the_health_consent(first, strain, answer, safety):
    events = _crisis_conversation(first, strain, answer, safety)
    assert crisis_answers(events) == [answer, safety]
    case = _case(
        events,
        difficulty_categories=["sinistre"],
        triage_reasons={"sinistre": ["« incendie »"]},
        distress=True,
        distress_level=1,
        suicide_thoughts="not_clear_no",
        safe_now="safe",
        health_consent=False,
    )
    artisan = [line["text"] for line in case.transcript if line["sender"] == "artisan"]
    assert answer not in artisan and safety not in artisan, artisan
    assert "j y pense" not in fold(case.summary) and "j'y pense" not in fold(case.summary), case.summary
    assert fold(safety) not in fold(case.summary), case.summary
    assert "sinistre" in case.categories  # the business stays


@pytest.mark.parametrize("first, strain, answer, safety", CRISES[:2])
def test_with_the_health_consent_the_answers_stay(first, strain, answer, safety):
    case = _case(
        _crisis_conversation(first, strain, answer, safety),
        difficulty_categories=["sinistre"],
        distress=True,
        distress_level=1,
        suicide_thoughts="not_clear_no",
        safe_now="safe",
        health_consent=True,
    )
    artisan = [line["text"] for line in case.transcript if line["sender"] == "artisan"]
    assert answer in artisan and safety in artisan


def test_the_same_words_at_another_question_are_no_crisis_answer():
    events = [
        user("je suis charcutier, un incendie a détruit mon labo"),
        _asked("since_when"),
        bot("Depuis quand ?"),
        user("depuis l'incendie, la semaine dernière"),
    ]
    assert crisis_answers(events) == []
    line = transcript(events)[-1]
    assert not line.get("health") and not line.get("crisis_answer")


# ------------------------------------------------------------------ safety answers feed no difficulty category

COMPANY = [
    "je suis avec ma femme a la maison",
    "chui ak ma meuf chez nous",
    "Je suis à mon domicile, avec mon épouse.",
    "euh oui... je suis avec ma femme et les enfants",
    "oui je suis avec mon mari virgule a la maison point",
]
# Near misses: what the answer tells beside the safety still counts.
TOLD_BESIDE = [
    "oui ça va, mais l'huissier vient demain",
    "non j'ai les cachets devant moi",
]


def _at_safety(words: str) -> list[dict]:
    return [
        user("un incendie a détruit mon labo, je peux plus travailler"),
        _asked("safe_now"),
        bot(SAFETY),
        user(words),
        _asked(None),
    ]


@pytest.mark.parametrize("words", COMPANY)
def test_who_is_with_the_person_is_no_difficulty(words):
    assert words not in messages_for_triage(_at_safety(words))


@pytest.mark.parametrize("words", TOLD_BESIDE)
def test_a_fact_or_a_sign_at_the_safety_question_still_counts(words):
    assert words in messages_for_triage(_at_safety(words))


def test_the_same_words_elsewhere_are_read():
    said = "ma femme est partie avec la caisse, je suis seul a la maison"
    assert said in messages_for_triage([user(said)])


# ------------------------------------------------------------------ the health consent asked whenever it is withheld

CONSENTED = {"wants_advisor": True, "consent_given": True, "difficulty_categories": ["baisse_activite"]}


@pytest.mark.parametrize(
    "slots, said",
    [
        ({"distress": True}, ["les travaux du tram ont tué mon chiffre"]),
        ({"suicide_thoughts": "clear_no"}, ["les travaux du tram ont tué mon chiffre"]),
        ({"safe_now": "safe"}, ["les travaux du tram ont tué mon chiffre"]),
        ({"distress": True}, ["les travaux du tram ont tué mon chiffre", "je pleure tous les soirs, je suis vidée"]),
        ({"distress": True}, ["travaux du tram, plus de clients", "jpleur tous les soirs jsuis vidé"]),
        (
            {"distress": True},
            ["Les travaux du tram ont fait chuter mon chiffre.", "Je n'en peux plus, je suis à bout."],
        ),
        ({"suicide_thoughts": "not_clear_no"}, ["euh... le tram... plus personne passe", "non. enfin pas vraiment"]),
    ],
)
def test_distress_or_a_crisis_answer_asks_the_health_consent(slots, said):
    assert health_told({**CONSENTED, **slots}, said)


@pytest.mark.parametrize(
    "said",
    [
        ["les travaux du tram ont tué mon chiffre"],
        ["travaux du tram, plus de clients depuis 3 mois", "la banque me relance"],
    ],
)
def test_no_health_no_distress_no_health_question(said):
    assert not health_told({**CONSENTED, "distress": False}, said)


# ------------------------------------------------------------------ "Depuis quand" never from a health sentence


@pytest.mark.parametrize(
    "said",
    [
        "je dors plus depuis des semaines, je suis epuisé, je bosse 70h par semaine",
        "je dor plus depuis des semaines",
        "Je ne dors plus depuis plusieurs semaines.",
        "ça fait trois semaines que je dors plus",
        "euh... je pleure tous les soirs depuis octobre",
    ],
)
def test_how_long_health_lasts_is_no_since_when(said):
    assert extract_facts(said, date(2026, 12, 6)).get("since_when") is None


@pytest.mark.parametrize(
    "said, since",
    [
        ("j'ai plus de chantiers depuis 3 mois", "depuis 3 mois"),
        ("la banque me relance depuis janvier, je dors plus", "depuis janvier"),
        ("Le chiffre baisse depuis trois mois et je suis fatigué.", "depuis trois mois"),
    ],
)
def test_how_long_the_business_trouble_lasts_stays(said, since):
    assert fold(extract_facts(said, date(2026, 12, 6)).get("since_when") or "") == fold(since)
