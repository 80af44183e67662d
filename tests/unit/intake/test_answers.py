"""What an answer is, read from the artisan's words: a correction is no refusal, a polite skip passes the
question, a hesitation waits, and none of them is mistaken for another."""

from __future__ import annotations

import pytest

from intake.answers import (
    CORRECTION,
    HESITATION,
    NO,
    QUESTION,
    YES,
    asks_for_callback,
    is_closing,
    is_correction,
    is_hesitation,
    is_intake_answer,
    is_skip,
    is_waiting,
    is_withdrawal,
    kind,
    refuses_callback,
)

KINDS = [
    # corrections: a no that says what is meant instead (a fact in the same message)
    ("ah non c'est la somme pas le nord", CORRECTION),
    ("non c'est la Somme", CORRECTION),
    ("non non c'est dans le 80", CORRECTION),
    ("non en fait c'est depuis janvier", CORRECTION),
    ("pardon, c'est à Calais", CORRECTION),
    ("je rectifie : l'entreprise est à Calais", CORRECTION),
    ("c'est pas à Lille c'est à Lens", CORRECTION),  # a place said wrong and the place meant
    ("non non pas le 59, le 62", CORRECTION),
    # plain refusals stay refusals
    ("non", NO),
    ("non merci", NO),
    ("non c'est bon", NO),
    ("nan", NO),
    ("Non, pas maintenant.", NO),
    ("je ne veux pas en parler", NO),
    # hesitations, including time asked to think
    ("attendez je réfléchis", HESITATION),
    ("je réfléchis", HESITATION),
    ("laissez-moi réfléchir", HESITATION),
    ("un instant", HESITATION),
    ("euh", HESITATION),
    ("je sais pas trop", HESITATION),
    # A filler before the yes or the no, "euh" and "hmm" included (make run, 2026-12-05: "euh oui pourquoi pas" got the
    # explanation of an advisor's role and the offer again).
    ("euh oui pourquoi pas", YES),
    ("hmm oui d'accord", YES),
    ("euh non merci", NO),
    ("euh je sais pas trop", HESITATION),
    # the rest
    ("oui", YES),
    ("ok", YES),
    # "c'est" opens a question only with a question word (the simulator's "c'est ok de mon côté" was asked again).
    ("c'est ok de mon côté", YES),
    ("c'est bon pour moi", YES),
    ("bon ok", YES),  # a filler first changes nothing
    ("ben oui", YES),
    ("bah non", NO),
    ("c'est quoi ce service", QUESTION),
    ("c grave ?", QUESTION),
]


@pytest.mark.parametrize("text, expected", KINDS)
def test_kind(text, expected):
    assert kind(text) == expected


SKIPS = [
    "j'aime autant ne pas en parler",
    "je préfère ne pas répondre",
    "je prefere pas en parler",
    "joker",
    "je zappe celle-là",
    "passons",
    "passer svp",
    "je passe",
    "pas envie d'en parler",
    "je garde ça pour moi",
    "sans commentaire",
    "j'aime mieux ne rien dire",
]
NOT_SKIPS = [
    "je passe des nuits blanches",
    "je passe mes journées au téléphone",
    "oui",
    "dans le 62",
    "l'urssaf 8000",
    "attendez je réfléchis",
    "je ne sais pas",
    "je préfère un appel le matin",
]


@pytest.mark.parametrize("text", SKIPS)
def test_a_polite_skip(text):
    assert is_skip(text)


@pytest.mark.parametrize("text", NOT_SKIPS)
def test_not_a_skip(text):
    assert not is_skip(text)


# text -> (is_waiting: no answer yet, is_hesitation: never a goodbye nor a refusal)
WAITING = [
    ("attendez je réfléchis", True, True),
    ("je réfléchis", True, True),
    ("un instant svp", True, True),
    ("deux secondes je cherche", True, True),
    ("euh", True, True),
    ("hmm", True, True),
    ("...", True, True),
    ("je sais pas trop", False, True),  # an answer: the advisor will ask again
    ("j'ai besoin de réfléchir", True, True),  # was read as a goodbye and ended the intake
    ("je réfléchis, au revoir", False, False),
    ("au revoir", False, False),
    ("bonne journée", False, False),
    ("merci c'est tout", False, False),
    # Leave taken indirectly: a goodbye, never a pause to think (the next question would follow).
    ("bon je vais réfléchir, merci pour tout", False, False),
    ("ok merci pour les infos, je vais voir ça", False, False),
    ("je vais réfléchir, je vous laisse", False, False),
    ("attendez je regarde, bonne fin de journée", False, False),
    ("je vais voir avec mon comptable", True, True),  # no leave taken: time to think, the question waits
    ("oui", False, False),
    ("le 62", False, False),
    # Someone else waits, or the artisan waits for money: a fact of the business, no time asked (make run, lead-r26-2:
    # "il dit qu'il attend l'argent du promoteur" at the deadline question got "Prenez votre temps").
    ("il dit qu'il attend l'argent du promoteur", False, False),
    ("le client dit qu il attend d etre paye lui meme", False, False),
    ("j'attends le virement de la caf", False, False),
    ("jattends toujours le paiement", False, False),
    ("elle attend sa retraite", False, False),
    ("on attend la décision du tribunal", False, False),
    ("ils attendent le rapport de l'expert", False, False),
    ("attends je regarde", True, True),
    ("attend 2 minutes", True, True),
]


@pytest.mark.parametrize("text, waiting, hesitation", WAITING)
def test_waiting_and_hesitation(text, waiting, hesitation):
    assert (is_waiting(text), is_hesitation(text)) == (waiting, hesitation)


@pytest.mark.parametrize("text", ["non c'est bon", "non merci", "non pas du tout", "ah non"])
def test_a_no_without_a_fact_corrects_nothing(text):
    assert not is_correction(text)


WITHDRAWALS = [
    # (words, withdrawal, explicit): taking back the callback once agreed
    ("non finalement je ne veux pas", True, False),
    ("finalement non", True, False),
    ("en fait non merci", True, False),
    ("je ne veux plus", True, False),
    ("annulez ma demande", True, True),
    ("annulez ma demande de rappel", True, True),  # round 4 of off-script conversations: "on s'arrête là", case kept
    ("en fait annulez tout, mon frère va me prêter de l'argent", True, True),
    ("attendez finalement non, je vais d'abord essayer toute seule sur le site", True, False),
    ("attendez non finalement je préfère pas", True, False),
    ("j'annule", True, True),
    ("ne me rappelez pas", True, True),
    ("non je veux pas être rappelé", True, True),  # "ne" dropped, as people write
    ("je ne veux plus être rappelé", True, True),
    ("je retire mon accord", True, True),
    ("effacez mes données", True, True),
    # Round 21 (r21y-15): said alone it passes the question open (is_skip); a withdrawal names the request.
    ("laissez tomber", False, False),
    ("laissez tomber ma demande", True, True),
    # not a withdrawal: a plain no (an optional question's answer), a correction, a change of mind to yes
    ("non", False, False),
    ("non merci", False, False),
    ("non je ne veux pas", False, False),
    ("pas de mail", False, False),
    ("non en fait c'est la Somme", False, False),
    ("non en fait c'est plutôt l'après-midi", False, False),
    ("mon client a annulé sa commande", False, False),
    ("finalement oui j'aimerais bien qu'on me rappelle", False, False),
    ("j'ai changé d'avis, rappelez moi svp", False, False),
]


@pytest.mark.parametrize("text, withdrawal, explicit", WITHDRAWALS)
def test_a_withdrawal_of_consent(text, withdrawal, explicit):
    assert (is_withdrawal(text), is_withdrawal(text, explicit_only=True)) == (withdrawal, explicit)


# (words, asks for the call, refuses it): whatever question they come at.
CALL_WORDS = [
    ("oui je veux bien qu'on m'appelle", True, False),
    ("rappelez-moi svp", True, False),
    ("vous pouvez me rappeler demain ?", True, False),
    ("Pourriez-vous m'appeler demain ?", True, False),
    ("pouvez vous me recontacter cette semaine", True, False),
    ("vous pourriez m'appeler ?", True, False),
    ("vous pouvez me rappeler le matin ?", True, False),
    # a reminder asked, no call
    ("pourriez-vous me rappeler ce que c'est la CCSF ?", False, False),
    ("vous pouvez me rappeler votre numéro ?", False, False),
    ("pouvez-vous me rappeler comment on demande un délai", False, False),
    ("j'aimerais être rappelée", True, False),
    ("je préfère un rappel le matin", True, False),
    ("je voudrais parler à quelqu'un", True, False),
    ("non je veux pas être rappelé", False, True),
    ("je veux pas qu'on m'appelle", False, True),
    ("je ne souhaite pas être appelée", False, True),
    ("pas la peine de me rappeler", False, True),
    ("ne me contactez pas svp", False, True),
    ("je veux pas d'un conseiller", False, True),
    ("je vous ai pas demandé d'appeler", False, True),
    ("j'ai jamais demandé à être rappelé moi", False, True),
    ("je n'ai pas demandé qu'on m'appelle", False, True),
    ("pas besoin de m'appeler hein", False, True),
    ("ne m'appelez pas", False, True),
    ("je veux pas de coup de fil", False, True),
    ("pas besoin qu'on me rappelle, je voulais juste savoir", False, True),
    ("l'huissier ne m'a pas appelé", False, False),
    ("j'ai pas demandé de délai à l'urssaf", False, False),
    ("pas besoin de rappeler le contexte", False, False),
    # make run, 2026-12-04; not a payment reminder.
    ("non merci pas de rappel", False, True),
    ("pas besoin de rappel", False, True),
    ("je n'ai pas de rappel de l'urssaf", False, False),
    # said of the data, the request or the conversation; calls that are somebody else's; a bare yes or no
    ("effacez mes données", False, False),
    ("laissez tomber", False, False),
    ("annulez ma demande", False, False),
    ("je veux pas en parler", False, False),
    ("la banque m'a appelé hier", False, False),
    ("mon client veut être rappelé", False, False),
    ("mon client ne veut pas être rappelé", False, False),
    ("oui", False, False),
    ("non", False, False),
]


@pytest.mark.parametrize("text, asked, refused", CALL_WORDS)
def test_the_call_asked_for_or_refused_in_so_many_words(text, asked, refused):
    assert (asks_for_callback(text), refuses_callback(text)) == (asked, refused)


@pytest.mark.parametrize(
    "text, closing",
    [
        ("merci c'est tout", True),
        ("merci bcp bonne journée", True),
        ("je dois filer, merci à vous", True),
        ("bon allez j'y vais moi", True),
        ("a+", True),
        ("merci", False),
        ("merci beaucoup", False),
        ("oui merci", False),
        # a farewell told about others takes no leave of us; one said to us does
        ("j'ai dit au revoir à mes clientes pour de bon", False),
        ("on a dit adieu à la boulangerie samedi", False),
        ("je voulais juste vous dire au revoir", True),
        ("j'ai dit au revoir à mes clientes, au revoir à vous aussi", True),
        # "a plus" in SMS French is also "n'a plus": "c'est pour mon mari, ... il a plus payé l'urssaf depuis un an"
        # ended the conversation at its first message (make run, 2026-12-03)
        ("il a plus payé l'urssaf depuis un an", False),
        ("elle a plus de clients depuis les travaux", False),
        ("ok merci, a plus tard", True),
        ("bon a plus !", True),
        # Back later, or off to bed (round 4 of off-script conversations: the next question came after them).
        ("bon je reflechis et je reviens", True),
        ("je reviendrai plus tard", True),
        ("non pas du tout !! je vais me coucher c'est tout", True),
        ("je reviens sur ce que j'ai dit", False),
        ("je reviens de chez le comptable", False),
    ],
)
def test_a_thanks_that_takes_leave(text, closing):
    assert is_closing(text) is closing


# What an intake question gets, written when the next question (about suicide, about safety) was not read
# yet; never a frequency, a vague duration, a yes or a no, which may answer those questions.
INTAKE_ANSWERS = [
    ("depuis décembre", True),
    ("depuis 3 mois", True),
    ("à Calais", True),
    ("Lille", True),
    ("dans le 62", True),
    ("8000 euros", True),
    ("environ 8000 €", True),
    ("3", True),
    ("je suis plombier", True),
    ("en SARL", True),
    ("j'ai 2 salariés", True),
    ("le 15 janvier", True),
    ("oui", False),
    ("non", False),
    ("oui à Calais", False),
    ("plusieurs fois", False),
    ("tout le temps", False),
    ("depuis longtemps", False),
    ("depuis des mois", False),
    ("tous les jours", False),
    ("je sais pas", False),
    ("pourquoi vous me demandez ça ?", False),
    ("l'urssaf me réclame 3000 euros", False),
    ("", False),
]


@pytest.mark.parametrize("text, expected", INTAKE_ANSWERS)
def test_an_answer_to_an_intake_question(text, expected):
    assert is_intake_answer(text) is expected


@pytest.mark.parametrize(
    "text, writing",
    [
        ("pas de téléphone, je préfère par mail", True),
        ("pas de portable, ecrivez moi plutot a jeannot@example.fr", True),  # make run, 2026-12-03
        ("je n'ai pas de mobile", True),
        ("écrivez-moi", True),
        ("envoyez-moi un mail", True),
        ("oui rappelez-moi", False),
        ("06 12 34 56 78", False),
        ("mon portable c'est le 06 12 34 56 78", False),
    ],
)
def test_a_wish_to_be_written_to(text, writing):
    from intake.answers import prefers_writing

    assert prefers_writing(text) is writing


@pytest.mark.parametrize(
    "text, expected",
    [
        # r15b-08: someone close puts right which person is unwell, at the callback offer: nothing is refused.
        ("non c'est mon PERE qui va pas bien, pas ma mere", CORRECTION),
        ("non pas ma mère, c'est mon père", CORRECTION),
        ("nan c pas ma femme c mon associé", CORRECTION),
        ("c'est ma fille pas mon fils qui a le salon", CORRECTION),
        # Near misses: a refusal that names someone close is still a no.
        ("non c'est mon père qui gère, rappelez pas", NO),
        ("non, mon mari préfère pas", NO),
        ("non c'est pour mon mari", NO),
    ],
)
def test_the_person_meant_put_right_is_a_correction(text, expected):
    assert kind(text) == expected
