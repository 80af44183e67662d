"""The learned urgency model (triage/urgency_model.py) and how the engine combines it with the urgency rules.

Sentences here are written for these tests: none is in triage/data/urgency_corpus.yml."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import numpy as np
import pytest

from triage import assess, urgency_model as learned
from triage.dates import names_far_month

TODAY = date(2025, 11, 27)  # a Thursday
OFF = {"haute": 2.0, "basse": 2.0}


@contextmanager
def model_settings(fitted: learned.UrgencyModel | None, thresholds: dict[str, float]) -> Iterator[None]:
    learned._override.append((fitted, thresholds))
    try:
        yield
    finally:
        learned._override.pop()


def rules_alone(turns: list[str]) -> str | None:
    with model_settings(None, OFF):
        return assess(turns, today=TODAY).urgency


def test_corpus_has_many_voices_per_level_and_sane_thresholds():
    data = learned.corpus()
    counts = Counter(data.labels)
    assert set(counts) == {"haute", "normale", "basse"}  # critique belongs to distress
    assert min(counts.values()) >= 250
    assert len(set(data.texts)) == len(data.texts)
    for level in learned.SCORED:
        assert 0.5 <= data.thresholds[level] < 1


def test_training_is_deterministic_and_the_fast_path_gives_scikit_learns_figures():
    data = learned.corpus()
    texts = ["le plombier qui me fournit arrête tout lundi", "bonjour", "je voudrais savoir comment on étale la CFE"]
    first = learned.UrgencyModel(data.texts, data.labels).probabilities(texts)
    second = learned.UrgencyModel(data.texts, data.labels).probabilities(texts)
    assert np.array_equal(first, second)
    fitted = learned.model()
    assert np.allclose(fitted.probabilities(texts), fitted.reference_probabilities(texts), atol=1e-12)


@pytest.mark.parametrize("text", ["oui", "le 12", "dans le 59", "demain matin"])
def test_short_answers_get_nothing_from_the_model(text):
    assert learned.model().scores(text) == {"haute": 0.0, "basse": 0.0}


# (the artisan's message, the rules' own level, the level with the model, the model's reason is shown)
COMBINED = [
    # The model raises a rule's normale to haute: threats said in words the rules do not list.
    ("mon fournisseur de ciment stoppe les livraisons dès demain matin", "normale", "haute", True),
    ("la banque a fermé l'accès à mon compte pro ce matin, tout est rejeté", "normale", "haute", True),
    # Without "cette nuit", which the rules now read as recent damage (recent_damage).
    ("les flammes ont tout pris dans la menuiserie", "normale", "haute", True),
    ("on ne peut plus rien acheter pour manger, la caisse est vide depuis avant-hier", "normale", "haute", True),
    # A rule's haute stays the rules' (their reason, not the model's).
    ("l'huissier vient saisir l'outillage jeudi", "haute", "haute", False),
    # Critique is the distress rules': the model changes nothing.
    ("je ne veux plus vivre, l'huissier vient jeudi", "critique", "critique", False),
    # Basse where the rules found nothing but a question.
    ("vous pouvez m'expliquer comment se passe une conciliation avec les créanciers ?", "normale", "basse", True),
    ("comment obtenir un report d'échéance de prêt ?", "normale", "basse", True),
    # A question beside a difficulty that is here stays normale, however the model scores it.
    ("l'urssaf me relance, est-ce qu'on peut étaler ?", "normale", "normale", False),
    ("ça marche comment l'étalement des dettes fiscales ?", "normale", "normale", False),
    ("j'ai trois trimestres de retard à l'urssaf, comment faire un échéancier ?", "normale", "normale", False),
    # A threat only supposed stays the rules' basse.
    ("si le fournisseur arrêtait de livrer demain, je ferais comment ?", "basse", "basse", False),
    # Real difficulties without a near deadline stay normale.
    ("mes clients paient en retard depuis la rentrée", "normale", "normale", False),
    ("le tribunal me convoque en avril pour mon dossier de redressement", "normale", "normale", False),
    ("je dois rembourser la banque dans cinq semaines et je n'ai rien", "normale", "normale", False),
]


@pytest.mark.parametrize("text, by_rules, combined, explained", COMBINED, ids=[case[0][:40] for case in COMBINED])
def test_the_model_beside_the_rules(text, by_rules, combined, explained):
    assert rules_alone([text]) == by_rules
    result = assess([text], today=TODAY)
    assert result.urgency == combined
    learned_reasons = [reason for reason in result.reasons.get("urgency", []) if "(modèle ; mots : « " in reason]
    assert bool(learned_reasons) is explained, result.reasons.get("urgency")


def test_the_reason_quotes_the_clause_and_the_words_that_weighed():
    result = assess(["mon fournisseur de ciment stoppe les livraisons dès demain matin"], today=TODAY)
    [reason] = result.reasons["urgency"]
    assert reason.startswith("« mon fournisseur de ciment stoppe les livraisons dès demain matin » : ")
    assert "ressemble aux exemples appris (modèle ; mots : « " in reason
    quoted = reason.split("mots :")[1].strip(" )").split(", ")
    assert quoted and all(
        word.strip("«» ") in "mon fournisseur de ciment stoppe les livraisons dès demain matin" for word in quoted
    )


# Even a model that would say haute of everything (threshold 0) leaves these alone.
GUARDED = [
    ("le tribunal me convoque en avril pour mon dossier de redressement", "normale"),  # a month far ahead
    ("je dois rembourser la banque dans cinq semaines et je n'ai rien", "normale"),  # a date far ahead
    ("au cas où le fournisseur arrêterait de me livrer, que puis-je faire ?", "basse"),  # a hypothesis
    ("vous pouvez me rappeler demain ?", None),  # no difficulty: no urgency at all
]


@pytest.mark.parametrize("text, expected", GUARDED, ids=[case[0][:40] for case in GUARDED])
def test_guards_hold_whatever_the_threshold(text, expected):
    with model_settings(learned.model(), {"haute": 0.0, "basse": 2.0}):
        assert assess([text], today=TODAY).urgency == expected


@pytest.mark.parametrize(
    "text, far",
    [
        ("audience en mars", True),  # from late November: months away
        ("renvoye a fevrier", True),
        ("ca dure depuis septembre", True),  # a past month is next year's: never near
        ("la paie de novembre", False),  # the month now
        ("on verra en decembre", False),  # starts within 15 days of November 27
        ("le tribunal jeudi", False),
    ],
)
def test_far_months(text, far):
    assert names_far_month(text, TODAY, 15) is far


def test_switched_off_the_rules_remain_and_urgency_never_goes_down():
    text = "mon fournisseur de ciment stoppe les livraisons dès demain matin"
    assert rules_alone([text]) == "normale"
    first = assess([text], today=TODAY)
    assert first.urgency == "haute"
    # A later question the model would call basse does not lower the conversation's urgency.
    later = assess([text, "comment obtenir un report d'échéance de prêt ?"], previous=first, today=TODAY)
    assert later.urgency == "haute"
