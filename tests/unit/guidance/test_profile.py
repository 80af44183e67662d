"""Profile: the artisan's own words for legal form, employees and place, read into codes (table-driven)."""

from __future__ import annotations

import pytest

from guidance.profile import LEGAL_FORMS, Profile, read_departement, read_employees, read_legal_form

# (what the artisan typed, legal form code, majority manager)
LEGAL_FORM_CASES = [
    ("je suis en micro", "micro", None),
    ("micro", "micro", None),
    ("Micro-entreprise", "micro", None),
    ("micro-entreprise", "micro", None),
    ("micro entreprise", "micro", None),
    ("microentreprise", "micro", None),
    ("auto-entrepreneur", "micro", None),
    ("autoentrepreneur", "micro", None),
    ("auto entrepreneuse", "micro", None),
    ("je suis auto entrepreneur depuis 2019", "micro", None),
    ("AE", "micro", None),
    ("auto", "micro", None),
    ("micro-entrepreneur au régime micro-BIC", "micro", None),
    ("je suis en micro, donc une EI je crois", "micro", None),
    ("EI", "ei", None),
    ("ei", "ei", None),
    ("E.I.", "ei", None),
    ("entreprise individuelle", "ei", None),
    ("Entreprise individuelle", "ei", None),
    ("entreprise individuel", "ei", None),
    ("en nom propre", "ei", None),
    ("artisan en nom propre", "ei", None),
    ("EIRL", "ei", None),
    ("entrepreneur individuel au réel", "ei", None),
    ("je ne suis plus en micro, je suis en EI", "ei", None),
    ("SARL avec mon frère", "eurl_sarl", None),
    ("SARL", "eurl_sarl", None),
    ("sarl", "eurl_sarl", None),
    ("S.A.R.L.", "eurl_sarl", None),
    ("EURL", "eurl_sarl", None),
    ("une eurl dont je suis le gérant", "eurl_sarl", None),
    ("gérant majoritaire", "eurl_sarl", None),
    ("gérante minoritaire de la SARL familiale", "eurl_sarl", False),
    ("SARL à 50/50 avec mon associé", "eurl_sarl", False),
    ("EURL, je suis gérant non associé", "eurl_sarl", False),
    ("j'étais en micro, maintenant on est en SARL", "eurl_sarl", None),
    ("SASU", "sas_sasu", None),
    ("sasu", "sas_sasu", None),
    ("SAS", "sas_sasu", None),
    ("S.A.S.", "sas_sasu", None),
    ("je suis président de ma SASU", "sas_sasu", None),
    ("une sas avec deux associés", "sas_sasu", None),
    ("société", "societe", None),
    ("une société", "societe", None),
    ("c'est une ste", "societe", None),
    ("association", "autre", None),
    ("SNC", "autre", None),
    ("une SCOP", "autre", None),
    ("non précisé", None, None),
    ("je ne sais pas", None, None),
    ("jsp", None, None),
    ("", None, None),
    ("artisan", None, None),
    ("je suis à mon compte", None, None),
    ("indépendant", None, None),
    ("SARL ou SAS je sais plus", None, None),
    ("sa femme s'en occupe", None, None),
]


@pytest.mark.parametrize(
    "said, code, majority", LEGAL_FORM_CASES, ids=[case[0] or "empty" for case in LEGAL_FORM_CASES]
)
def test_legal_form(said, code, majority):
    assert read_legal_form(said) == (code, majority)
    assert code is None or code in LEGAL_FORMS


# (what the artisan typed, yes/no/None, count, employees in the past)
EMPLOYEE_CASES = [
    ("on est 3 avec l'apprenti", "yes", 2, None),
    ("nous sommes deux", "yes", 1, None),
    ("non personne", "no", 0, None),
    ("non", "no", 0, None),
    ("Non.", "no", 0, None),
    ("nan", "no", 0, None),
    ("0", "no", 0, None),  # the « Aucun salarié » button
    ("zéro", "no", 0, None),
    ("aucun", "no", 0, None),
    ("aucun, je suis seul", "no", 0, None),
    ("je suis seule", "no", 0, None),
    ("je travaille seul", "no", 0, None),
    ("tout seul", "no", 0, None),
    ("juste moi", "no", 0, None),
    ("que moi", "no", 0, None),
    ("personne", "no", 0, None),
    ("pas de salarié", "no", 0, None),
    ("pas de salariés, ma femme m'aide", "no", 0, None),
    ("j'en ai pas", "no", 0, None),
    ("j'avais 2 salariés mais je les ai licenciés", "no", 0, True),
    ("plus de salariés depuis l'été", "no", 0, True),
    ("je n'en ai plus depuis mars", "no", 0, True),
    ("oui", "yes", None, None),
    ("ouais", "yes", None, None),
    ("oui 2", "yes", 2, None),
    ("2", "yes", 2, None),
    ("deux", "yes", 2, None),
    ("3 salariés", "yes", 3, None),
    ("trois salariés", "yes", 3, None),
    ("1 salarié", "yes", 1, None),
    ("une salariée à mi-temps", "yes", 1, None),
    ("un apprenti", "yes", 1, None),
    ("deux salariés et un apprenti", "yes", 3, None),
    ("2 ouvriers + 1 apprentie", "yes", 3, None),
    ("je suis seul avec mon apprenti", "yes", 1, None),
    ("ma vendeuse", "yes", 1, None),
    ("j'ai 3 salariés dont un est parti", "yes", 3, True),
    ("j'avais 4 salariés, il m'en reste 1", "yes", 1, None),
    ("4 personnes en me comptant", "yes", 3, None),
    ("une douzaine de salariés", "yes", 12, None),
    ("des ouvriers", "yes", None, None),
    ("ma femme est salariée", "yes", None, None),
    ("non précisé", None, None, None),
    ("je sais pas", None, None, None),
    ("", None, None, None),
    ("ma femme", None, None, None),
]


@pytest.mark.parametrize(
    "said, answer, count, past", EMPLOYEE_CASES, ids=[case[0] or "empty" for case in EMPLOYEE_CASES]
)
def test_employees(said, answer, count, past):
    assert read_employees(said) == (answer, count, past)


@pytest.mark.parametrize(
    "said, code",
    [
        ("59", "59"),
        ("59000", "59"),
        ("dans le 62", "62"),
        ("2A", "2A"),
        ("20000", "2A"),
        ("97411", "974"),
        ("9", "09"),
        ("75011 Paris", "75"),
        ("Lille", "59"),
        ("pas de calais", "62"),
        ("non précisé", None),
        ("", None),
        ("99", None),
    ],
)
def test_departement(said, code):
    assert read_departement(said) == code


def test_a_written_code_wins_over_the_town():
    assert read_departement("Arras 59000") == "59"
    assert read_departement("Arras") == "62"


@pytest.mark.parametrize(
    "legal_form, natural_person, social_status",
    [
        ("micro-entreprise", True, "independant"),
        ("entreprise individuelle", True, "independant"),
        ("EURL", False, "independant"),
        ("SARL, je suis gérant minoritaire", False, "assimile_salarie"),
        ("SASU", False, "assimile_salarie"),
        ("société", False, None),
        ("association", None, None),
        ("non précisé", None, None),
    ],
)
def test_profile_derived_codes(legal_form, natural_person, social_status):
    profile = Profile.from_situation({"legal_form": legal_form})
    assert profile.natural_person is natural_person
    assert profile.social_status == social_status


def test_profile_from_a_whole_situation():
    profile = Profile.from_situation(
        {
            "legal_form": "je suis en micro",
            "employees": "non personne",
            "departement": "62000",
            "trade": "plombier",
            "since_when": "3 mois",
        }
    )
    assert (profile.legal_form, profile.employees, profile.employee_count, profile.departement) == (
        "micro",
        "no",
        0,
        "62",
    )
    assert profile.answers["trade"] == "plombier"
    assert Profile.from_situation({}) == Profile()
    assert Profile.from_situation(None).legal_form is None


@pytest.mark.parametrize(
    "messages, code",
    [
        (["les charges urssaf me tuent, je suis auto entrepreneur"], "micro"),
        (["je suis en micro depuis 2020"], "micro"),
        (["ma SASU ne s'en sort plus"], "sas_sasu"),
        (["la sarl a des dettes"], "eurl_sarl"),
        (["artisan en nom propre depuis 20 ans"], "ei"),
        (["mon micro-ondes professionnel a grillé"], None),  # "micro" alone is not a legal form here
        (["j'ai une ae"], None),
        (["on était en sarl, je suis passé en sas"], None),  # two forms: unknown rather than a guess
        (["l'urssaf me réclame 3 trimestres"], None),
    ],
)
def test_legal_form_said_in_passing(messages, code):
    from guidance.profile import read_legal_form_in_messages

    assert read_legal_form_in_messages(messages)[0] == code


@pytest.mark.parametrize(
    "messages, answer",
    [
        (["j'ai 4 salariés et la banque me lâche"], "yes"),
        (["je suis sans salarié"], "no"),
        # Working alone is said with a work verb; feeling alone is no answer about employees.
        (["je travaille seul depuis 10 ans, je me sens seul"], "no"),
        (["je me sens seul depuis le décès de ma femme"], None),
        (["je suis toute seule depuis le deces de mon mari"], None),
        # Round 5: "je fais tout toute seule au salon" got the CODEFI, which is for employers.
        (["je suis morte de fatigue en plus, je fais tout toute seule au salon"], "no"),
        (["il bosse tout seul, micro"], "no"),
        (["je fais tout toute seule mais j'ai 2 apprentis"], None),
        (["l'urssaf me relance"], None),
    ],
)
def test_employees_said_in_passing(messages, answer):
    from guidance.profile import read_employees_in_messages

    assert read_employees_in_messages(messages) == answer
