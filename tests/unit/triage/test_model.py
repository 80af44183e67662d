"""The learned category classifier (triage/model.py) and how the engine combines it with the rules."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from triage import CATEGORIES, assess, model as learned
from triage.engine import rule_categories

TODAY = date(2025, 11, 27)


def test_corpus_uses_the_contract_codes_and_sane_thresholds():
    data = learned.corpus()
    codes = {code for label in data.labels for code in label}
    assert codes == set(CATEGORIES)
    assert 0 < data.threshold <= data.threshold_beside_rules < 1
    # The best category alone is a fallback below the usual threshold, and only for clear descriptions.
    assert 0 < data.best_alone_floor < data.threshold
    assert 0.5 <= data.best_alone_difficulty < 1
    assert data.best_alone_margin > 1
    assert frozenset({"sante", "vie_personnelle"}) in data.exclusive
    # Every category has many voices, and the negatives stay a large share (the "some difficulty" scorer weighs
    # its positives 1 since the development sets' longer conversations joined them: triage/model.py).
    for code in CATEGORIES:
        assert sum(code in label for label in data.labels) >= 30, code
    assert sum(not label for label in data.labels) > len(data.labels) * 0.4


def test_negatives_from_the_nlu_data_carry_no_difficulty_the_rules_see():
    negatives = learned._nlu_negatives()
    assert len(negatives) > 500
    assert "bonjour" in {text.lower() for text in negatives}
    assert all(not rule_categories(text) for text in negatives[:200])


def test_training_is_deterministic():
    data = learned.corpus()
    texts = ["les clients ne se déplacent plus jusqu'à chez nous", "bonjour, je suis boulanger"]
    first = learned.CategoryModel(data.texts, data.labels).probabilities(texts)
    second = learned.CategoryModel(data.texts, data.labels).probabilities(texts)
    assert np.array_equal(first, second)


@pytest.mark.parametrize("text", ["oui", "dans le 62", "je suis prête", "3 salariés"])
def test_short_answers_get_nothing_from_the_model(text):
    assert learned.model().predict(text, 0.0) == {}


def test_a_model_added_category_says_why_in_the_artisans_words():
    text = "les ouvriers de la voirie bloquent la rue tous les matins"
    assert rule_categories(text) == set()
    result = assess([text], today=TODAY)
    assert result.categories == ("travaux",)
    [reason] = result.reasons["travaux"]
    assert reason.startswith("« les ouvriers de la voirie bloquent la rue")
    assert "(modèle ; mots : « " in reason
    quoted = reason.split("mots :")[1].strip(" )").split(", ")
    assert quoted and all(word.strip("«» ") in text for word in quoted), quoted


def test_rule_findings_keep_their_plain_quote():
    result = assess(["l'urssaf me réclame 3 trimestres"], today=TODAY)
    assert result.reasons["cotisations_sociales"] == ["« l'urssaf me réclame 3 trimestres »"]


def test_a_denied_category_is_not_the_models_to_add():
    # The rules saw "travaux" denied; the model would otherwise find road works in these words.
    result = assess(["non c'est pas les travaux de la rue, c'est que les gens n'achètent plus"], today=TODAY)
    assert "travaux" not in result.categories
    assert "baisse_activite" in result.categories


def test_whose_illness_is_read_by_the_rules():
    result = assess(["je dois m'occuper de ma mère malade, je n'ai plus le temps pour l'atelier"], today=TODAY)
    assert "vie_personnelle" in result.categories
    assert "sante" not in result.categories


def test_the_model_can_be_switched_off_and_the_rules_remain():
    text = "les ouvriers de la voirie bloquent la rue tous les matins"
    learned._override.append((None, 1.0, 1.0))
    try:
        assert assess([text], today=TODAY).categories == ()
    finally:
        learned._override.pop()
    assert assess([text], today=TODAY).categories == ("travaux",)


def test_evidence_never_shows_bare_function_words():
    fitted = learned.model()
    terms = fitted.evidence("les gens font plus construire zero devis signe depuis janvier", "baisse_activite")
    assert terms
    assert all(not set(term.split()) <= learned.STOPWORDS for term in terms)


def test_the_fast_scoring_path_gives_scikit_learns_figures():
    fitted = learned.model()
    texts = [
        "les clients ne se déplacent plus jusqu'à chez nous",
        "bonjour",
        "xyzzy",
        "l'URSSAF me réclame 3 trimestres et la banque a bloqué le compte",
    ]
    assert np.allclose(fitted.probabilities(texts), fitted.reference_probabilities(texts), atol=1e-12)


@pytest.mark.parametrize(
    "text, describes",
    [
        ("mes relances restent sans réponse et trois chantiers terminés ne sont toujours pas réglés", True),
        ("personne ne veut plus de meubles sur mesure, tout le monde achète en kit", True),
        ("la rue est éventrée pour poser la fibre, plus personne ne peut se garer devant", True),
        ("je cherche un apprenti motivé pour la rentrée à Douai", False),
        ("vous pouvez me rappeler demain matin vers dix heures ?", False),
        ("bonjour, je suis électricien à Lens", False),
    ],
)
def test_the_difficulty_column_tells_a_description_from_other_messages(text, describes):
    difficulty = learned.model().difficulty(text)
    threshold = learned.corpus().best_alone_difficulty
    assert (difficulty >= threshold) is describes, difficulty


def test_the_best_category_alone_is_switched_off_with_its_parameters():
    # Adding freely switched off (threshold above 1): only the best-alone can add trésorerie, clearly the best.
    text = "j'attends toujours les virements des particuliers pour les chantiers finis"
    assert rule_categories(text) == set()
    learned._override.append((learned.model(), 1.01, 1.01))
    try:
        assert assess([text], today=TODAY).categories == ("tresorerie",)
        learned._best_alone_override.append((1.01, 1.0, 1.0))
        try:
            assert assess([text], today=TODAY).categories == ()
        finally:
            learned._best_alone_override.pop()
    finally:
        learned._override.pop()
