"""Round 23, second handoff helper: whom the advisor calls when a relative writes (r23a-02, r23a-05), a relative who
says the person asked them to write (r23a-13), a question about consent kept as the request (r23a-01), and "vers
17 h" where calls end at 17 h (decided: it fits, an advisor calls at 16 h 45)."""

from __future__ import annotations

import pytest

from actions.conversation import SKIPPED
from actions.handoff import build_case_draft, hours_refusal, writer_notes


def case(lines: list[tuple[str, str]], **slots):
    transcript = [{"sender": sender, "text": text} for sender, text in lines]
    return build_case_draft(
        conversation_id="c-r23-h2",
        reference="R23-H2",
        chamber_id="cma-test",
        slots={"difficulty_categories": ["fiscal"], "urgency": "normale", "consent_given": True, **slots},
        situation={},
        transcript=transcript,
        consent_version="v1",
    )


CONSENT = "Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro [...] Êtes-vous d'accord ?"


# --------------------------------------------------------------- r23a-02 / r23a-05: the person concerned is called


def test_the_person_to_call_is_the_artisan_the_relative_writes_for_with_the_workshop_line():
    draft = case(
        [
            ("artisan", "bonjour je vous écris pour mon oncle, il est menuisier et les impôts lui réclament 9000 €"),
            ("bot", CONSENT),
            ("artisan", "oui d'accord, mais c'est mon oncle qu'il faut appeler, pas moi"),
            ("bot", "Comment le conseiller peut-il vous appeler ?"),
            ("artisan", "Gérard"),
            ("bot", "À quel numéro de téléphone peut-il vous joindre ?"),
            ("artisan", "03 85 44 21 10 c'est le fixe de la menuiserie"),
        ],
        contact_name="Gérard",
        phone="+33385442110",
    )
    assert "qui a écrit ; rappeler ce proche" not in draft.summary
    assert "Gérard" in draft.summary and "celui de son oncle" in draft.summary


def test_her_mobile_given_by_her_son_is_hers():
    draft = case(
        [
            ("artisan", "j'écris pour ma mère, elle est fleuriste et le bailleur veut la mettre dehors"),
            ("bot", "Comment le conseiller peut-il vous appeler ?"),
            ("artisan", "elle s'appelle Odile, moi c'est Karim"),
            ("bot", "À quel numéro de téléphone peut-il vous joindre ?"),
            ("artisan", "son portable : 06 71 82 93 04"),
        ],
        contact_name="Odile",
        phone="+33671829304",
    )
    assert "celui de son enfant" not in draft.summary and "rappeler ce proche" not in draft.summary
    assert "celui de sa mère" in draft.summary


def test_the_relatives_own_number_still_calls_the_relative():
    draft = case(
        [
            ("artisan", "j'écris pour mon mari, il est maçon, il ne dort plus à cause des dettes"),
            ("artisan", "c'est moi qu'il faut appeler, il ne sait pas que je vous écris"),
            ("artisan", "Martine"),
            ("artisan", "mon portable 06 20 30 40 50"),
        ],
        contact_name="Martine",
        phone="+33620304050",
    )
    assert "rappeler ce proche" in draft.summary


# ---------------------------------------------------------------------- r23a-13: she asked him to write


def test_a_relative_sent_by_the_person_does_not_get_may_not_know():
    lines = [
        (
            "artisan",
            "je vous écris pour ma compagne, elle est esthéticienne, l'URSSAF la relance, elle m'a demandé de vous contacter",
        ),
        ("artisan", "son numéro c'est le 06 55 66 77 88"),
    ]
    draft = case(lines, phone="+33655667788")
    assert "ne sait peut-être pas" not in draft.summary
    assert "knows" in writer_notes(["ok c'est bon il est d'accord, il m'a répondu"])


def test_not_knowing_whether_she_agrees_is_no_agreement():
    assert "knows" not in writer_notes(["je ne sais pas si elle est d'accord, je préfère lui demander avant"])
    assert "knows" not in writer_notes(["elle n'est pas d'accord du tout"])
    lines = [
        ("artisan", "j'écris pour ma compagne, elle est coiffeuse, les impôts lui réclament 5000 €"),
        ("artisan", "son numéro c'est le 06 55 66 77 88"),
    ]
    assert "ne sait peut-être pas" in case(lines, phone="+33655667788").summary


# ------------------------------------------------------------------ r23a-01: a question at the consent question


def test_a_question_asked_at_the_consent_question_is_not_the_request():
    draft = case(
        [
            ("artisan", "je suis ébéniste, un client ne me paie pas 6000 €, comment je récupère mon argent ?"),
            ("bot", CONSENT),
            ("artisan", "hmm attendez, je suis forcé d'accepter ? mon associé se méfie des fichiers"),
            ("bot", "Rien n'est obligatoire. Êtes-vous d'accord pour que je garde votre prénom ?"),
            ("artisan", "et ça part où tout ça ?"),
            ("artisan", "oui"),
        ]
    )
    assert "forcé" not in draft.summary and "ça part où" not in draft.summary
    assert "comment je récupère mon argent" in draft.summary


# ------------------------------------------------------------------ "vers 17 h" where calls end at 17 h


def test_about_the_closing_hour_fits_an_hour_exactly_at_it_does_not():
    assert hours_refusal("en fin d'après-midi vers 17h") is None
    assert hours_refusal("à 17h pile") is not None
    assert hours_refusal("vers 19h") is not None
    assert hours_refusal("le soir après 18h") is not None


# ------------------------------------------------------ r23b-09: her name said with "c'est moi qu'il faut appeler"

NAME_Q = "Comment le conseiller peut-il vous appeler ?"


def at_the_name(words: str, intent: str, value):
    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.trackers import bot, consented, run, slot_events, tracker, user

    slots = {k: v for k, v in consented().items() if k not in ("contact_name", "phone")}
    events = [
        user("je vous écris pour mon frère, il est couvreur, le banquier lui coupe tout"),
        bot(NAME_Q),
        user(words, intent),
        {"event": "slot", "name": "contact_name", "value": value},
    ]
    current = tracker(events, slots={**slots, "contact_name": value, "requested_slot": "contact_name"})
    current.active_loop = {"name": "handoff_form"}
    _, result = run(ValidateHandoffForm(), current)
    return slot_events(result).get("contact_name")


@pytest.mark.parametrize(
    "words",
    [
        "Josiane, c'est moi qu'il faut appeler pas lui",
        "Josiane. c'est moi qu'il faut rappeler, pas mon frère",
        "Josiane, appelez-moi et pas lui",
    ],
)
def test_a_name_with_call_me_not_him_read_as_a_no_is_the_name(words):
    assert at_the_name(words, "deny", SKIPPED) == "Josiane"


@pytest.mark.parametrize("words", ["non", "non merci, pas de nom", "non je préfère pas"])
def test_a_plain_no_at_the_name_still_passes_it(words):
    assert at_the_name(words, "deny", SKIPPED) == SKIPPED


# ---------------------------------------------------- r23b-09: the département said at the suicide question is kept


def at_the_suicide_question(answer: str, slots: dict | None = None, entities: list | None = None):
    from actions.crisis_actions import ValidateDirectQuestionForm
    from tests.support.trackers import bot, run_extract, tracker, user

    events = [
        user("j'écris pour ma sœur, elle est tapissière, elle dit que tout le monde serait mieux sans elle"),
        {"event": "action", "name": "action_check_in", "timestamp": None},
        bot("Je vous pose la question simplement : craignez-vous que votre sœur pense au suicide ?"),
        {"event": "slot", "name": "requested_slot", "value": "suicide_thoughts", "timestamp": None},
        user(answer, "inform", entities),
    ]
    current = tracker(
        events,
        slots={
            "requested_slot": "suicide_thoughts",
            "difficulty_categories": ["tresorerie"],
            "distress_level": 3,
            "person_at_risk": "ma soeur",
            **(slots or {}),
        },
    )
    current.active_loop = {"name": "direct_question_form"}
    return run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)


@pytest.mark.parametrize(
    "answer, code, entities",
    [
        ("c'est dans le 71", "71", []),
        ("on habite dans le 58 nous", "58", []),
        ("elle est à Montluçon", "03", [{"entity": "town", "value": "Montluçon"}]),
    ],
)
def test_a_place_said_at_the_suicide_question_is_kept_and_the_question_stays(answer, code, entities):
    _, slots = at_the_suicide_question(answer, entities=entities)
    assert slots.get("suicide_thoughts") is None  # the crisis question still comes first
    assert slots.get("departement") == code


def test_a_place_already_known_is_not_replaced():
    _, slots = at_the_suicide_question("c'est dans le 71", {"departement": "58"})
    assert "departement" not in slots


@pytest.mark.parametrize(
    "answer", ["les impôts veulent la CFE pour le 15", "il doit 3 000 € au 31", "on en parle le 12"]
)
def test_a_day_said_at_the_suicide_question_is_no_place(answer):
    _, slots = at_the_suicide_question(answer)
    assert "departement" not in slots
