"""The triage's fitted classifiers kept between starts (triage/fitted_cache.py): fitted once per data and code,
loaded exactly as fitted, fitted again whenever the file is missing, damaged, stale or cannot be written."""

from __future__ import annotations

import numpy as np
import pytest

from triage import distress_model
from triage.fitted_cache import cache_key, fitted
from triage.model import CategoryModel
from triage.urgency_model import UrgencyModel

TEXTS = [
    "l urssaf me reclame trois trimestres de cotisations",
    "la banque a bloque mon compte professionnel hier",
    "les travaux de la rue ont fait fuir mes clients",
    "je suis en arret maladie depuis deux mois",
    "bonjour je voudrais des renseignements sur la chambre",
    "le fisc me demande la tva de l an dernier",
    "mon conseiller bancaire refuse le decouvert",
    "la mairie a ferme la rue pour des travaux",
]
LABELS = [
    frozenset({"cotisations_sociales"}),
    frozenset({"banque"}),
    frozenset({"travaux"}),
    frozenset({"sante"}),
    frozenset(),
    frozenset({"impots"}),
    frozenset({"banque"}),
    frozenset({"travaux"}),
]
PROBES = ["l urssaf me relance pour mes cotisations", "la banque ne suit plus", "des travaux devant la boutique"]


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_model_is_fitted_once_then_loaded(tmp_path):
    build = Builds({"weights": [1, 2, 3]})
    assert fitted("example", build, tmp_path) == {"weights": [1, 2, 3]}
    assert fitted("example", build, tmp_path) == {"weights": [1, 2, 3]}
    assert build.calls == 1
    assert len(list(tmp_path.glob("example-*.pickle"))) == 1


def test_other_inputs_fit_again_and_the_stale_file_goes(tmp_path):
    first, second = Builds("first"), Builds("second")
    fitted("example", first, tmp_path)
    assert fitted("example", second, tmp_path, variant="other") == "second"
    assert second.calls == 1
    assert [path.name for path in tmp_path.glob("example-*.pickle")] == [f"example-{cache_key('other')}.pickle"]


def test_a_damaged_file_is_fitted_again_and_replaced(tmp_path):
    fitted("example", Builds("kept"), tmp_path)
    (path,) = tmp_path.glob("example-*.pickle")
    path.write_bytes(b"not a joblib file")
    rebuild = Builds("fitted again")
    assert fitted("example", rebuild, tmp_path) == "fitted again"
    assert fitted("example", Builds("unused"), tmp_path) == "fitted again"
    assert rebuild.calls == 1


def test_a_folder_that_cannot_be_written_still_gives_the_model(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    build = Builds("model")
    assert fitted("example", build, blocked / "cache") == "model"
    assert fitted("example", build, blocked / "cache") == "model"
    assert build.calls == 2


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("RELAIS_TRIAGE_CACHE", "off")
    build = Builds("model")
    fitted("example", build, tmp_path)
    fitted("example", build, tmp_path)
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_the_key_changes_with_any_file_the_models_learn_from(tmp_path, monkeypatch):
    from triage import fitted_cache

    corpus = tmp_path / "triage" / "data" / "corpus.yml"
    corpus.parent.mkdir(parents=True)
    corpus.write_text("examples: [a]\n", encoding="utf-8")
    (tmp_path / "nlu").mkdir()
    monkeypatch.setattr(fitted_cache, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(fitted_cache, "INPUT_FOLDERS", (tmp_path / "triage", tmp_path / "nlu"))
    keys = []
    for change in (
        lambda: None,
        lambda: corpus.write_text("examples: [b]\n", encoding="utf-8"),
        lambda: (tmp_path / "nlu" / "faq.yml").write_text("nlu: []\n", encoding="utf-8"),
        lambda: (tmp_path / "triage" / "model.py").write_text("C = 10\n", encoding="utf-8"),
    ):
        change()
        fitted_cache.inputs_stamp.cache_clear()
        keys.append(cache_key())
    fitted_cache.inputs_stamp.cache_clear()
    assert len(set(keys)) == 4
    assert cache_key("a variant") != cache_key()


@pytest.mark.parametrize(
    "make",
    [
        lambda: CategoryModel(TEXTS, LABELS),
        lambda: UrgencyModel(TEXTS, ["haute", "haute", "normale", "normale", "basse", "haute", "haute", "normale"]),
    ],
    ids=["categories", "urgency"],
)
def test_a_loaded_linear_model_scores_exactly_as_fitted(tmp_path, make):
    fresh = make()
    fitted("linear", lambda: fresh, tmp_path)
    loaded = fitted("linear", pytest.fail, tmp_path)
    assert loaded is not fresh
    np.testing.assert_array_equal(loaded.probabilities(PROBES), fresh.probabilities(PROBES))
    np.testing.assert_array_equal(loaded.reference_probabilities(PROBES), fresh.reference_probabilities(PROBES))
    assert loaded.column_evidence("l urssaf me relance", 0) == fresh.column_evidence("l urssaf me relance", 0)


def test_the_per_text_memo_is_not_kept(tmp_path):
    model = CategoryModel(TEXTS, LABELS)
    model.memo = {}
    model.probabilities(PROBES)
    assert model.memo
    fitted("linear", lambda: model, tmp_path)
    assert fitted("linear", pytest.fail, tmp_path).memo is None


def test_a_loaded_distress_model_classifies_as_fitted(tmp_path):
    pairs = [(text, "calm") for text in TEXTS] + [
        ("je pense au suicide tous les soirs", "explicit_ideation"),
        ("je veux mourir depuis la liquidation", "wish_to_die"),
        ("je suis un poids pour ma famille", "burden"),
        ("je suis epuise je n en peux plus", "ambiguous"),
    ]
    fresh = distress_model.train(pairs)
    fitted("distress", lambda: fresh, tmp_path)
    loaded = fitted("distress", pytest.fail, tmp_path)
    probes = ["je pense au suicide", "je suis un poids", "la banque a bloque mon compte"]
    assert loaded.probabilities(probes) == fresh.probabilities(probes)
