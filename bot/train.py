"""`python -m bot.train …`: Rasa's `rasa train`, with a token's fingerprint computed once per content and the linear
classifiers' training matrix built at once (`make train`).

Rasa's training hook fingerprints every node's output to cache it (`TrainingHook.on_after_node`): the whole
training data after each featurizer, so every token of every example, again and again. A token's fingerprint
(`Token.fingerprint`: seven md5 digests and two JSON dumps of its text, offsets, lemma and data) was a fifth of
`make train`'s CPU (py-spy on a cold training, 2026-12-07: 32 % of the samples in that hook, 21 % in token
fingerprints), for tokens that do not change from one node to the next. Here a token keeps the fingerprint it
was given with the content it was computed from, and Rasa's own function runs again whenever that content
differs (text, offsets, lemma, or its data as written by `repr`): the same digests as Rasa's, fewer times
(tests/unit/bot/test_train.py compares them).

When it does change (the regex featurizer adds its {pattern: bool} dict to every token), Rasa's digest is a
digest of the digests of the token's five fields, and those fields repeat across tokens: the same words, offsets,
and the same few data dicts. Each field's digest is kept by its repr, which tells apart what equality does not
(`True` and `1`, `0.0` and `-0.0`, `"1"` and `1`), for values made only of strings, numbers, booleans, None and
dicts of them; any other value goes through Rasa's function. The token's digest is then Rasa's list digest of those five.

A sparse feature's fingerprint writes every entry as Rasa's `sparse_matrix_to_string` does (`"  %s\t%s" %
((row, col), value)` with numpy scalars: 8 % of a cold training's samples); the same text is written from the
entries as Python numbers, for the integer, boolean and float64 matrices the featurizers give (numpy writes those
as Python does); any other dtype goes through Rasa's function.

The intent classifier and the FAQ answer selector build their training matrix with bot/speedups.py's
`features_matrix`: Rasa's `_create_X` copied and stacked every feature of every example, row by row, for the
sentence-level ones it keeps (tests/unit/bot/test_speedups.py compares the matrices).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data import util as training_data_util
from rasa.shared.utils.io import deep_container_fingerprint, get_text_hash

_rasa_fingerprint = Token.fingerprint
_CACHE = "_relais_fingerprint"


def _content(token: Token) -> tuple[Any, ...]:
    # repr writes the data's values whole (the regex featurizer's {pattern: bool} dict, spaCy's "pos"); an object
    # without a content repr writes its address, which changes with the object: Rasa's function then runs again.
    return token.text, token.start, token.end, token.lemma, repr(sorted(token.data.items()))


_PLAIN = (str, int, float, bool, type(None))
# repr of a plain value -> Rasa's digest of that value. For these types the repr tells the value and its type
# apart where equality does not: True and 1, 0.0 and -0.0, "1" and 1.
_field_digests: dict[str, str] = {}


def _plain(value: Any) -> bool:
    if type(value) is dict:
        return all(_plain(key) and _plain(item) for key, item in value.items())
    return type(value) in _PLAIN


def _field_digest(value: Any) -> str:
    """rasa.shared.utils.io.deep_container_fingerprint(value), kept by value for plain values."""
    if not _plain(value):
        return str(deep_container_fingerprint(value))
    key = repr(value)
    digest = _field_digests.get(key)
    if digest is None:
        digest = _field_digests[key] = str(deep_container_fingerprint(value))
    return digest


def rasa_digest(token: Token) -> str:
    """Token.fingerprint of Rasa 3.6: get_list_fingerprint([text, start, end, lemma, data]), field digests kept."""
    fields = (token.text, token.start, token.end, token.lemma, token.data)
    return str(get_text_hash(json.dumps([_field_digest(field) for field in fields])))


def fingerprint_once(token: Token) -> str:
    """Rasa's `Token.fingerprint`, computed again only when the token's content changed since the last call."""
    content = _content(token)
    cached = token.__dict__.get(_CACHE)
    if cached is not None and cached[0] == content:
        return str(cached[1])
    value = rasa_digest(token)
    setattr(token, _CACHE, (content, value))
    return value


_rasa_sparse_matrix_to_string = training_data_util.sparse_matrix_to_string


def sparse_matrix_to_string(matrix: Any) -> str:
    """rasa.shared.nlu.training_data.util.sparse_matrix_to_string, the same text from Python numbers."""
    entries = matrix.tocoo()
    if entries.data.dtype.kind not in "iub" and entries.data.dtype.name != "float64":
        return str(_rasa_sparse_matrix_to_string(matrix))
    rows, columns, values = entries.row.tolist(), entries.col.tolist(), entries.data.tolist()
    return "\n".join(
        [f"  ({row}, {column})\t{value}" for row, column, value in zip(rows, columns, values, strict=True)]
    )


def install() -> None:
    Token.fingerprint = fingerprint_once
    training_data_util.sparse_matrix_to_string = sparse_matrix_to_string
    from bot import speedups

    speedups.install("features_matrix")


def main(argv: list[str]) -> int:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "train", *argv]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
