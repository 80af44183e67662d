"""Round 9 (r9a C, r9b-07): leave taken without a word of farewell ("merci beaucoup, je ne vous embête pas plus",
"je repasserai plus tard, là j'ai une cliente") is a farewell, never a pause to think; a real hesitation and a thanks
followed by more stay what they were. Round 9 (r9a-20): a question about how long the data is kept is no request to
erase it."""

from __future__ import annotations

import pytest

from intake.answers import asks_how_long_kept, asks_to_erase, is_closing, is_hesitation, is_waiting

# text -> is_closing (and then neither a pause nor a hesitation)
LEAVE_TAKING = [
    # wishing a good evening or week-end
    ("MERCI BCP BONNE SOIREE", True),
    ("bon week-end à vous", True),
    # not wanting to bother any longer
    ("merci beaucoup, je ne vous embête pas plus", True),
    ("Je vous remercie infiniment Madame, je ne vais pas abuser de votre temps", True),
    ("je ne vais pas vous déranger plus longtemps", True),
    ("je vous retiens pas plus, merci", True),
    # going to think it over
    ("bon je vais réfléchir à tout ça, je dois aller chercher les petits à l'école", True),
    ("JE VAIS VOIR, JE VOUS REMERCIE", True),
    ("merci, je verrai", True),
    # coming back later
    ("je repasserai plus tard, là j'ai une cliente", True),
    ("je vous recontacte", True),
    ("on en reparle", True),
    # having to go
    ("merci, je vais aller m'allonger un peu", True),
    ("je dois aller chercher ma fille", True),
    ("une cliente arrive", True),
    # a real hesitation, a thanks followed by more, a story: no leave taken
    ("attendez je réfléchis", False),
    ("je vais réfléchir", False),
    ("merci, attendez je réfléchis", False),
    ("merci, je vais réfléchir deux minutes", False),
    ("je vais voir avec mon comptable", False),
    ("merci, mais j'ai encore une question", False),
    ("merci beaucoup, je vais appeler l'urssaf demain matin", False),
    ("je ne veux pas vous déranger mais j'ai un souci avec l'urssaf", False),
    ("je ne veux pas vous déranger", False),
    ("je ne veux pas abuser, mais une dernière question", False),
    ("depuis une bonne semaine je n'ai plus de clients", False),
    ("là j'ai une cliente qui me doit 3000 euros", False),
    ("je ne peux plus travailler car je dois aller chercher les petits à l'école", False),
    ("quand un client arrive je n'ai rien à vendre", False),
    ("je reviendrai sur ce point", False),
    ("je dois retourner voir ma banque", False),
    ("je vais me reposer sur mon associé", False),
    ("je ne vais plus vous embêter", False),  # said alone, no "plus longtemps": not read as a polite exit
]


@pytest.mark.parametrize("text, leaving", LEAVE_TAKING)
def test_indirect_leave_taking_is_a_farewell_and_never_a_pause(text, leaving):
    assert is_closing(text) is leaving
    if leaving:
        assert not is_waiting(text) and not is_hesitation(text)


@pytest.mark.parametrize("text", ["attendez je réfléchis", "je vais réfléchir", "merci, attendez je réfléchis"])
def test_a_real_hesitation_still_waits(text):
    assert is_hesitation(text)


# text -> (asks how long it is kept, asks to erase)
DATA_QUESTIONS = [
    ("vous gardez mes infos combien de temps ?", True, False),
    ("combien de temps vous gardez mes données ?", True, False),
    ("mes données restent jusqu'à quand chez vous ?", True, False),
    ("c'est gardé longtemps ?", True, False),
    ("combien de temps avant que ce soit effacé ?", True, False),
    ("supprimez tout, vous gardez ça combien de temps ?", True, True),
    ("effacez mes données", False, True),
    ("comment effacer mes données ?", False, True),
    ("je ne veux plus que vous gardiez mes coordonnées", False, True),
    ("Je souhaite la suppression de l'ensemble de mes données personnelles.", False, True),
    ("droit à l'oubli", False, True),
    ("ça dure combien de temps l'appel ?", False, False),
    ("ok oui", False, False),
]


@pytest.mark.parametrize("text, how_long, erase", DATA_QUESTIONS)
def test_how_long_the_data_is_kept_is_a_question_never_a_request_to_erase(text, how_long, erase):
    assert (asks_how_long_kept(text), asks_to_erase(text)) == (how_long, erase)


@pytest.mark.parametrize(
    "text, how_long, erase",
    [
        ("et c'est effacé quand ?", True, False),
        ("vous effacez quand mes infos ?", True, False),
        ("quand est-ce que vous supprimez la conversation ?", True, False),
        ("supprimez tout, vous gardez ça combien de temps ?", True, True),
        ("effacez mes données", False, True),
    ],
)
def test_when_it_is_erased_is_a_question_never_an_order(text, how_long, erase):
    """Round 10 (r10a-14, 15): "et c'est effacé quand ?" got the offer to erase, and the "oui" after it erased a case."""
    assert asks_how_long_kept(text) is how_long
    assert asks_to_erase(text) is erase
