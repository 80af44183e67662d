"""Round 25: the opening summary for an artisan who goes to court.

"Si je comprends bien, vous faites face à une procédure en justice ou à un commissaire de justice" was said to an artisan
who wants to sue a client who does not pay, to file a complaint, to go to the prud'hommes against someone: a defendant's
words. The category stays procedure_judiciaire (the contract accepts it); its wording follows the direction
(guidance.facts.goes_to_court_as_claimant, beside the injonction's direction): "un litige à porter devant la justice".
"""

from __future__ import annotations

import pytest

from actions.intake_actions import ActionAcknowledgeSituation
from guidance.facts import goes_to_court_as_claimant
from tests.support.trackers import run, texts, tracker, user
from triage import Assessment, assess

DEFENDANT = "une procédure en justice"
CLAIMANT = "un litige à porter devant la justice"

CLAIMANTS = [
    "Bonjour, je suis plombier, un client me doit 12 000 euros depuis 4 mois et ne répond plus. Je voudrais savoir quels "
    "sont mes recours et si une injonction de payer est possible.",
    "je suis peintre, mon client refuse de payer, je veux lancer une injonction de payer",
    "un client paie pas, je compte le trainer au tribunal",
    "je voudrais aller aux prud'hommes contre mon ancien apprenti qui est parti avec mes clients",
    "je vais porter plainte contre mon ancien associe, procédure en cours?",
    "je souhaite poursuivre mon client devant le tribunal virgule il me doit 4000 euros",
    "jhesite a aller aux prudhommes contre mon ancien patron",
]
NOT_CLAIMANTS = [
    "j'ai reçu une assignation au tribunal de commerce",
    "mon fournisseur m'a envoyé une injonction de payer",
    "le client m'attaque aux prud'hommes",
    "mon ex salarie m'attaque aux prud'hommes et je veux porter plainte contre lui pour vol",
    "je ne veux pas aller au tribunal, mon client me doit 3000",
    "un client me menace d'aller au tribunal",
    "mon client veut m'attaquer en justice",
    "je veux pas attaquer mon client mais il me doit 6000",
    "l'huissier est passé hier, je veux porter plainte contre le client qui m'a mis dedans",
]


@pytest.mark.parametrize("words", CLAIMANTS)
def test_the_artisan_who_goes_to_court_is_read_as_the_claimant(words):
    assert goes_to_court_as_claimant([words])


@pytest.mark.parametrize("words", NOT_CLAIMANTS)
def test_a_procedure_faced_or_a_wish_denied_is_no_claimant(words):
    assert not goes_to_court_as_claimant([words])


def _acknowledged(messages: list[str]) -> str:
    slots = assess(messages).to_slots()
    events = [user(message) for message in messages]
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker(events, slots=slots))
    return " ".join(texts(dispatcher))


@pytest.mark.parametrize("words", CLAIMANTS)
def test_the_claimant_is_told_of_a_dispute_to_take_to_court(words):
    assert "procedure_judiciaire" in assess([words]).categories  # the category itself is unchanged
    said = _acknowledged([words])
    assert CLAIMANT in said, said
    assert DEFENDANT not in said and "commissaire de justice" not in said, said


@pytest.mark.parametrize(
    "words",
    [
        "j'ai reçu une assignation au tribunal de commerce",
        "mon fournisseur m'a envoyé une injonction de payer",
        "le client m'attaque aux prud'hommes",
    ],
)
def test_the_defendant_still_faces_a_procedure(words):
    said = _acknowledged([words])
    assert DEFENDANT in said and CLAIMANT not in said, said


def test_a_procedure_told_later_puts_the_defendant_s_words_back():
    said = _acknowledged(["je veux attaquer mon client en justice", "et en fait j'ai reçu une assignation hier"])
    assert CLAIMANT not in said, said


@pytest.mark.parametrize("urgency", ["basse", "normale", "haute"])
def test_every_wording_follows_the_direction(urgency):
    assessment = Assessment.from_slots(
        {"difficulty_categories": ["tresorerie", "procedure_judiciaire"], "urgency": urgency}
    )
    assert assessment is not None
    claimant = assessment.restatement(claimant=True) or ""
    assert CLAIMANT in claimant and DEFENDANT not in claimant, claimant
    assert DEFENDANT in (assessment.restatement() or "")
