"""Round 24 (make run, s24-final): a roofer wrote about his own business, then asked that his wife, who handles the
papers, be called with her number; the case read it the other way round ("celui de son épouse, la personne
concernée ; c'est son mari (Nadia) qui a écrit ; la personne concernée ne sait peut-être pas que son mari a écrit").
The artisan who tells their own business wrote; the relative called is a contact, named."""

import pytest

from tests.support.case_draft import case_draft

OWN = "je suis couvreur a coté de Saint-Malo, depuis la tempête de novembre j'ai plus de camion"


@pytest.mark.parametrize(
    "messages, relative",
    [
        (
            [
                OWN,
                "c'est ma femme qui s'occupe des papiers, c'est elle qu'il faudrait appeler",
                "ok appelez ma femme, Nadia, 06 45 12 78 90",
            ],
            "son épouse",
        ),
        (
            [
                "mon atelier de menuiserie est à l'arrêt, la banque a coupé le découvert",
                "appelez plutôt mon fils, Nadia, au 06 45 12 78 90, il gère la compta",
            ],
            "son fils",
        ),
    ],
)
def test_a_relative_called_at_the_artisans_request_is_a_contact(messages, relative):
    draft = case_draft(
        messages, "s24-contact", "RL-TEST24", phone="+33645127890", contact_name="Nadia", trade="couvreur"
    )
    summary = draft.summary
    assert f"celui de {relative} (Nadia), à la demande de l'artisan, qui a écrit lui-même" in summary
    assert "la personne concernée" not in summary
    assert "qui a écrit ;" not in summary


def test_someone_close_writing_for_the_artisan_still_reads_as_before():
    messages = ["j'écris pour mon mari, il est couvreur et il ne dort plus", "son portable c'est le 06 45 12 78 90"]
    draft = case_draft(messages, "s24-relative", "RL-TEST25", phone="+33645127890")
    assert "la personne concernée" in draft.summary
    assert "à la demande de l'artisan" not in draft.summary


def test_the_consent_names_the_relative_the_artisan_asked_to_call():
    from actions.questions import QUESTIONS, for_the_one_called

    messages = [OWN, "c'est ma femme qui s'occupe des papiers", "ok appelez ma femme, Nadia, 06 45 12 78 90"]
    again = for_the_one_called("consent_given", QUESTIONS["consent_given"].again, {}, messages)
    assert again is not None and "votre femme" in again and "votre prénom, votre numéro" not in again
    own = for_the_one_called(
        "consent_given", QUESTIONS["consent_given"].again, {}, [OWN, "mon portable 06 45 12 78 90"]
    )
    assert own is not None and "votre prénom, votre numéro" in own
