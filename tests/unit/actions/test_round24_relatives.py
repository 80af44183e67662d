"""Round 24 (talkers B and C): who writes, who is called, who must not be called.

1. r24b-10: a wife wrote "surtout ne l'appelez pas au garage, il ne sait pas" with her own number; the bot told her
   "Un conseiller appellera votre mari au 06 11 22 33 44" and the case said the number was the husband's. A person the
   writer asks not to be called is never the one called; the number given is the writer's; the case says so plainly.
2. r24c-06: "j'ai repris l'atelier de mon père": the artisan writing about himself was taken for his son writing for
   the father, through four corrections ("c'est pas mon père, c'est moi !", "C'EST MON ENTREPRISE PAS CELLE DE MON
   PERE"). Taking over or working in a parent's business is the writer's own; a correction puts it right.
5. r24b-04, r24b-08: "appelez moi d'abord moi" stored the name "D'Abord"; "c'est bien Jean-Marc qu'il faut demander
   hein" stored "Hein".

Real trackers, the real actions, a real SQLite case store; sentences written for these tests."""

from __future__ import annotations

import pytest

from actions.handoff import (
    business_person_concerned,
    name_after_a_yes_then_more,
    name_after_yes,
    name_given_with_the_number,
    name_in_so_many_words,
    name_then_more,
    number_owner,
    one_to_call,
    said_to_the_writer,
    writer_notes,
    written_for,
    written_for_line,
)
from actions.handoff_actions import ActionFinishHandoff
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, texts, tracker, user

# ------------------------------------------------------------- 1. the person the writer asks not to call

WIFE = "bonjour, je suis la femme d'un garagiste. Mon mari ne sait pas que je vous écris"

DO_NOT_CALL_HIM = [
    "06 11 22 33 44, et surtout ne l'appelez pas au garage, il ne sait pas",
    "06 11 22 33 44 mais ne l'appelez surtout pas lui",
    "c'est le 06 11 22 33 44. ne pas l'appeler lui, il ne doit pas savoir",
    "0611223344, surtout pas lui, il sait rien",
    "06 11 22 33 44 et ne le contactez pas svp",
    "06.11.22.33.44, ne l appelez jamais au garage",
]


@pytest.mark.parametrize("words", DO_NOT_CALL_HIM)
def test_a_number_given_with_do_not_call_him_is_the_writers(words):
    assert number_owner(words, "mari") is None


@pytest.mark.parametrize("words", DO_NOT_CALL_HIM)
def test_the_writer_asking_not_to_call_the_person_is_noted(words):
    notes = writer_notes([WIFE, words])
    assert "call_writer" in notes and "call_person" not in notes


def test_the_case_line_says_plainly_not_to_call_him():
    messages = [WIFE, DO_NOT_CALL_HIM[0]]
    line = written_for_line(written_for(messages), notes=writer_notes(messages))
    assert "ne pas appeler son mari" in line, line
    assert "ne sait pas" in line, line


@pytest.mark.parametrize("words", DO_NOT_CALL_HIM[:3])
def test_the_confirmation_and_the_case_call_the_writer_not_him(words):
    history = []
    for said in [WIFE, "oui mais surtout appelez moi moi, pas le garage. Nathalie", words]:
        history += [bot("?"), user(said)]
    slots = consented(contact_name="Nathalie", phone="+33611223344", urgency="normale")
    dispatcher, _ = run(ActionFinishHandoff(), tracker(history, slots=slots, sender_id="round24-relatives-1"))
    confirmation = " ".join(texts(dispatcher))
    assert "votre mari" not in confirmation, confirmation
    assert "vous rappellera au 06 11 22 33 44" in confirmation, confirmation
    summary = stored_cases()[-1].summary
    assert "celui de son mari" not in summary, summary
    assert "ne pas appeler son mari" in summary, summary


# ---------------------------------------------------- 2. the writer's own business, taken over from a parent

OWN_BUSINESS = [
    "Je suis tapissier-décorateur à Nantes depuis 1998, j'ai repris l'atelier de mon père. Depuis le covid tout s'est "
    "dégradé, je suis épuisé et j'ai honte.",
    "j'ai repris la boulangerie de ma mère il y a 5 ans et ça va mal",
    "je suis menuisier, l'atelier de mon grand-père je l'ai repris en 2010",
    "on a racheté le garage de mon oncle en 2019, et là on coule",
    "j'ai hérité de l'entreprise de mon père l'an dernier, je ne m'en sors pas",
    "je bosse avec mon père dans l'atelier de mon père depuis 10 ans, c'est moi qui gère maintenant",
    "j'ai pris la suite de mon père dans la boucherie de mon père",
    "je suis plombier, j'ai succédé à mon père dans l'entreprise de mon père",
]


@pytest.mark.parametrize("words", OWN_BUSINESS)
def test_a_parents_business_taken_over_is_the_writers_own(words):
    assert written_for([words]) is None
    assert business_person_concerned([words]) is None


PROXY_FIRST = "bonjour, c'est pour l'entreprise de mon père, il est tapissier à Nantes, ça va mal"
SELF_CORRECTIONS = [
    "c'est pas mon père, c'est moi ! mon père est retraité.",
    "C'EST MON ENTREPRISE PAS CELLE DE MON PERE. entreprise individuelle",
    "non c'est moi l'artisan",
    "je parle de moi",
    "mais non je suis l'artisan moi-même",
    "ce n'est pas mon père, c'est moi qui suis tapissier",
    "c'est de moi qu'il s'agit, pas de mon père",
    "c'est ma propre entreprise",
]


@pytest.mark.parametrize("correction", SELF_CORRECTIONS)
def test_the_writer_saying_it_is_them_puts_it_right(correction):
    assert written_for([PROXY_FIRST]) is not None
    assert written_for([PROXY_FIRST, correction]) is None
    assert business_person_concerned([PROXY_FIRST, correction]) is None
    # Said back as to the artisan again.
    assert said_to_the_writer("Quel est votre métier ?", business_person_concerned([PROXY_FIRST, correction])) == (
        "Quel est votre métier ?"
    )


@pytest.mark.parametrize(
    "messages",
    [
        # Look-alikes: still someone close writing for the person.
        ["c'est pas mon entreprise c'est celle de mon père !"],
        ["j'écris pour mon père, c'est moi qu'il faut appeler"],
        ["cest pour mon mari en fait, il sappelle Jean-Marc mais cest moi qui gere les papiers"],
        ["j'écris pour mon père, il a repris l'atelier de son oncle"],
    ],
)
def test_a_relative_still_writes_for_the_person(messages):
    assert written_for(messages) is not None


def test_the_case_after_the_correction_says_nobody_else_wrote():
    said = [OWN_BUSINESS[0], "c'est pas mon père, c'est moi ! mon père est retraité.", "Philippe", "02 40 12 34 56"]
    history = []
    for words in said:
        history += [bot("?"), user(words)]
    slots = consented(contact_name="Philippe", phone="+33240123456", urgency="normale", departement="44")
    dispatcher, _ = run(ActionFinishHandoff(), tracker(history, slots=slots, sender_id="round24-relatives-2"))
    assert "vous rappellera au 02 40 12 34 56" in " ".join(texts(dispatcher))
    summary = stored_cases()[-1].summary
    assert "Écrit par un proche" not in summary and "son enfant" not in summary, summary


def test_the_person_not_to_call_is_never_the_one_to_call():
    messages = [WIFE, DO_NOT_CALL_HIM[0]]
    assert one_to_call({"phone": "+33611223344"}, messages) is None


# ----------------------------------------------------------------------- 5. words that fill, read as names


@pytest.mark.parametrize(
    "words",
    [
        "bon ok appelez moi d'abord moi, je lui expliquerai après",
        "oui d'abord moi",
        "ok hein",
        "oui bon",
        "d'accord lol",
        "oui voila",
    ],
)
def test_fillers_are_no_first_names(words):
    assert name_after_yes(words) is None
    assert name_after_a_yes_then_more(words) is None


@pytest.mark.parametrize(
    "words, name",
    [
        ("et c'est bien Jean-Marc qu'il faut demander hein, pas Léa", "Jean-Marc"),  # never "Hein"
        ("c'est Jean-Marc qu'il faut demander lol", "Jean-Marc"),
        ("moi c'est Claire, pas d'abord lol", "Claire"),
    ],
)
def test_a_filler_after_the_name_is_never_the_name(words, name):
    from actions.handoff_actions import name_asked_for

    said = name_asked_for(words) or name_in_so_many_words(words) or name_then_more(words)
    assert said == name


# ----------------------------------------------- 4. health words said back of the relative, never to the writer

HEALTH = "Votre santé passe avant tout, et je suis de tout cœur avec vous."


@pytest.mark.parametrize(
    "first, concerned",
    [
        (
            "Bonjour madame ou monsieur, mon fils Kevin a 26 ans, il est pâtissier à son compte depuis 2 ans à Nantes "
            "et on vient de lui diagnostiquer un cancer, il commence la chimio lundi.",
            "votre fils",
        ),
        (
            "ma soeur est fleuriste-decoratrice à Tours, elle a un cancer du sein, elle m'a demandé de vous ecrire",
            "votre sœur",
        ),
        ("mon frère est carreleur, il a fait un AVC, je m'occupe de ses papiers", "votre frère"),
        ("bonjour, ma mère est coiffeuse et sa boutique va fermer, elle est hospitalisée", "votre mère"),
        ("je suis l'apprenti de M. Petit, ébéniste à Dijon, il a eu une crise cardiaque", "votre patron"),
    ],
)
def test_health_is_said_of_the_relative_the_writer_wrote_for(first, concerned):
    assert business_person_concerned([first]) == concerned
    assert said_to_the_writer(HEALTH, concerned).startswith(f"La santé de {concerned} passe avant tout")


@pytest.mark.parametrize(
    "first",
    [
        "mon fils m'aide à ma boutique, je suis malade depuis 2 mois",
        "ma femme et moi on tient une boulangerie, je suis malade",
        "je suis plombier, mon père est malade et je m'en occupe",
        "mon mari me soutient mais mon entreprise coule, ses clients à lui vont bien",
    ],
)
def test_the_artisan_speaking_of_a_relative_writes_for_nobody(first):
    assert business_person_concerned([first]) is None


# ------------------------------------------------- 3. the person to call changes: the name goes with the number


@pytest.mark.parametrize(
    "words, name",
    [
        (
            "ah et finalement appelez moi plutôt moi, mon père entend mal au téléphone. mon numéro 07 81 22 45 90, Julien",
            "Julien",
        ),
        ("ma femme préfère que vous l'appeliez elle directement, Sandrine, 07 81 22 45 90", "Sandrine"),
        ("Ah elle préfère que vous l'appeliez elle finalement. Manon, 07 81 22 45 90", "Manon"),
    ],
)
def test_a_number_switched_to_another_person_after_the_case_takes_their_name(words, name):
    from actions.intake_actions import ActionAcknowledgeSituation
    from tests.unit.actions.test_handoff_phone_corrected_and_preferred import SENDER, stored_with

    saved = stored_with()
    reference = saved["case_reference"]
    slots = consented(phone=saved["phone"], case_reference=reference, email="non précisé", callback_slot="le matin")
    events = [
        bot(f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 51 23 45 67."),
        user(words),
    ]
    dispatcher, result = run(ActionAcknowledgeSituation(), tracker(events, slots=slots, sender_id=SENDER))
    produced = {e["name"]: e["value"] for e in result if e.get("event") == "slot"}
    assert produced.get("phone") == "+33781224590", texts(dispatcher)
    assert produced.get("contact_name") == name, texts(dispatcher)
    assert f"demandera {name}" in " ".join(texts(dispatcher))
    case = stored_cases()[-1]
    assert case.phone == "+33781224590"


@pytest.mark.parametrize(
    "words",
    [
        "mon portable 06 60 61 62 63, et si je réponds pas ma femme Laura au 06 60 61 62 64",
        "06 11 22 33 44, et surtout ne l'appelez pas au garage, il ne sait pas",
        "le 06 51 23 45 76 svp Bonne soirée",
    ],
)
def test_no_name_is_taken_from_a_number_given_alone_or_beside_another(words):
    assert name_given_with_the_number(words) is None
