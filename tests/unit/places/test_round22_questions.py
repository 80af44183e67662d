"""Round 22 (r22c-05, r22c-11): a département (or, at the place question, a known town) written alone as one clause
of a longer message is read; words that only look like one stay out."""

import pytest

from places.resolve import place_said_alone


@pytest.mark.parametrize(
    "text, code",
    [
        ("Gard. mais dites moi par ou je dois commencer", "30"),
        ("le Var, et la banque me relance tous les jours", "83"),
        ("ariege. bon je fais comment", "09"),
        ("HERAULT. saisie sur le compte", "34"),
        ("dans la Drome, depuis 3 mois ca va pas", "26"),
        ("Seine-Saint-Denis. l'urssaf me reclame 4000", "93"),
        ("La Réunion. mon compte est bloque", "974"),
        ("Lot. j'ai une mise en demeure", "46"),
        ("I am a plumber (plombier) in Nice", "06"),
    ],
)
def test_a_departement_alone_in_its_clause_is_read_anywhere(text, code):
    assert place_said_alone(text).departement == code


@pytest.mark.parametrize(
    "text",
    [
        "c'est cher. je peux pas payer",
        "la somme. je la trouve ou ?",
        "bon. demain: reunion. avec la banque",
        "Bonjour Aude, je vous ecris pour mon pere",
        "Nancy",  # a first name, a signature: a town only at the place question
        "nice, thanks",
        "Nice to meet you",
        "Tours. enfin je veux dire les tours de garde",
        "bon sens. j'en peux plus",
        "Gard et Hérault",  # two départements: none chosen
        "pas le Gard. je suis dans la meme galere",
    ],
)
def test_look_alikes_stay_out_of_free_text(text):
    assert place_said_alone(text) is None


@pytest.mark.parametrize(
    "text, code",
    [("gard. et la je fais quoi ?", "30"), ("Nice, I told you. Nice", "06"), ("Nancy", "54"), ("Tours. bon ?", "37")],
)
def test_at_the_place_question_a_town_or_a_lower_case_name_answers(text, code):
    assert place_said_alone(text, asked=True).departement == code


@pytest.mark.parametrize("text", ["c'est cher. je sais pas", "je sais pas. la somme ?", "bon sens. aidez moi"])
def test_at_the_place_question_words_stay_words(text):
    assert place_said_alone(text, asked=True) is None
