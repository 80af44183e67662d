"""Round 34 (make run): a wife wrote for her husband, "oui qu'on le rappelle svp", then gave a bare number at the consent
question; the consent was asked for "votre prénom, votre numéro", as if she were the one to call."""

import pytest

from actions.handoff import one_to_call, writer_notes

FOR_HIM = ["Bonsoir, c'est pour mon mari qui est plombier", "il a un gros retard de TVA"]
FOR_HER = ["je vous écris pour ma mère, elle tient une mercerie", "la banque a rejeté deux prélèvements"]


@pytest.mark.parametrize(
    "words",
    [
        "oui qu'on le rappelle svp",
        "ce serait bien qu'on la rappelle demain",
        "je voudrais que vous le rappeliez",
        "qu'un conseiller la contacte, oui",
        "oui rappelez-le le matin",
        "appelez-la plutôt après 18h",
    ],
)
def test_asking_that_the_person_be_called_is_noted(words):
    assert "call_person" in writer_notes([words])


@pytest.mark.parametrize(
    "words",
    [
        "appelez-moi",
        "oui rappelez-moi",
        "appelez la chambre vous-même",
        "qu'on me rappelle",
        "je le rappellerai",
        "il ne veut pas qu'on l'appelle",
        "surtout pas que vous la rappeliez",
    ],
)
def test_asking_for_oneself_or_naming_something_else_is_no_request_for_the_person(words):
    assert "call_person" not in writer_notes([words])


@pytest.mark.parametrize(
    "history, whom",
    [
        ([*FOR_HIM, "oui qu'on le rappelle svp"], "votre mari"),
        ([*FOR_HER, "oui, rappelez-la"], "votre mère"),
    ],
)
def test_the_consent_speaks_of_the_person_asked_for(history, whom):
    assert one_to_call({}, history) == whom


@pytest.mark.parametrize(
    "then, whom",
    [
        (["pardon 02 98 88 12 34"], "votre mari"),  # a bare number after asking for him: his
        (["06 11 22 33 44"], "votre mari"),
        (["oui mais moi alors", "06 11 22 33 44"], None),  # the writer said "moi" since: hers
        (["c'est mon portable 06 11 22 33 44"], None),  # given as her own
    ],
)
def test_a_bare_number_after_asking_for_him_is_his(then, whom):
    history = [*FOR_HIM, "oui qu'on le rappelle svp", *then]
    number = "+33298881234" if "02 98" in then[-1] else "+33611223344"
    assert one_to_call({"phone": number}, history) == whom
