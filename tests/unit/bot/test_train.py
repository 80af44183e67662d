"""bot/train.py: a token's fingerprint kept with the content it was computed from gives Rasa's own digest, and is
computed again as soon as that content changes."""

from __future__ import annotations

import pytest
from rasa.nlu.tokenizers.tokenizer import Token

from bot import train


def _rasa(token: Token) -> str:
    return train._rasa_fingerprint(token)


@pytest.mark.parametrize(
    "token",
    [
        Token("urssaf", 0),
        Token("boulanger", 7, lemma="boulanger", data={"pos": "NOUN"}),
        Token("à", 3, end=4, data={"pattern": {"montant": False, "date": True}}),
        Token("Saint-Étienne", 12, lemma="saint-étienne"),
    ],
    ids=["plain", "pos", "pattern", "accents"],
)
def test_the_digest_is_rasa_s_own(token):
    assert train.fingerprint_once(token) == _rasa(token)
    assert train.fingerprint_once(token) == _rasa(token)  # from the cache the second time


def test_a_change_of_data_gives_the_new_digest():
    token = Token("facture", 0, data={"pos": "NOUN"})
    before = train.fingerprint_once(token)
    token.set("pattern", {"montant": True})
    after = train.fingerprint_once(token)
    assert after != before and after == _rasa(token)


def test_a_change_inside_a_value_gives_the_new_digest():
    patterns = {"montant": False}
    token = Token("3000", 0, data={"pattern": patterns})
    before = train.fingerprint_once(token)
    patterns["montant"] = True  # the same dict, changed in place
    assert train.fingerprint_once(token) == _rasa(token) != before


@pytest.mark.parametrize("field, value", [("text", "impôts"), ("start", 9), ("end", 30), ("lemma", "impôt")])
def test_a_change_of_text_offsets_or_lemma_gives_the_new_digest(field, value):
    token = Token("impots", 0, lemma="impots")
    before = train.fingerprint_once(token)
    setattr(token, field, value)
    assert train.fingerprint_once(token) == _rasa(token) != before


@pytest.mark.parametrize(
    "data",
    [
        {"flag": True},
        {"flag": 1},
        {"flag": 1.0},
        {"flag": 0.0},
        {"flag": -0.0},
        {"flag": None},
        {1: "one", "1": "string one", 2.5: "float key"},
        {"pattern": {"montant": True, "date": False}, "pos": "NOUN"},
        {"pos": "NOUN", "pattern": {"date": False, "montant": True}},
        {"object": object()},
        {"list": ["a", 1]},
    ],
    ids=[
        "true",
        "one",
        "one-float",
        "zero",
        "minus-zero",
        "none",
        "mixed-keys",
        "nested",
        "nested-reordered",
        "object",
        "list",
    ],
)
def test_each_field_s_kept_digest_is_rasa_s_own(data):
    """Values equal to Python but written differently by Rasa keep their own digests; other values are Rasa's."""
    for _ in range(2):  # computed, then kept
        token = Token("montant", 4, lemma="montant", data=dict(data))
        assert train.rasa_digest(token) == _rasa(token)


@pytest.mark.parametrize("dtype", ["int64", "int32", "float64", "float32", "bool"])
def test_a_sparse_matrix_is_written_as_rasa_writes_it(dtype):
    import numpy as np
    from scipy.sparse import coo_matrix, csr_matrix

    rng = np.random.default_rng(5)
    dense = (rng.random((12, 200)) < 0.05) * rng.normal(size=(12, 200)) * 1e3
    for matrix in (coo_matrix(dense.astype(dtype)), csr_matrix(dense.astype(dtype))):
        assert train.sparse_matrix_to_string(matrix) == train._rasa_sparse_matrix_to_string(matrix)


def test_float_edge_values_are_written_as_rasa_writes_them():
    import numpy as np
    from scipy.sparse import coo_matrix

    values = [0.1 + 0.2, -0.0, 1e16, 1e-5, 123456789.123, np.inf, -np.inf, np.nan, 5e-324, 1.0, 2.5e-8]
    matrix = coo_matrix(([*values], ([0] * len(values), list(range(len(values))))), shape=(1, len(values)))
    assert train.sparse_matrix_to_string(matrix) == train._rasa_sparse_matrix_to_string(matrix)
