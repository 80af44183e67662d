"""`python -m bot.train …`: Rasa's `rasa train`, with a token's fingerprint computed once per content (`make train`).

Rasa's training hook fingerprints every node's output to cache it (`TrainingHook.on_after_node`): the whole
training data after each featurizer, so every token of every example, again and again. A token's fingerprint
(`Token.fingerprint`: seven md5 digests and two JSON dumps of its text, offsets, lemma and data) was a fifth of
`make train`'s CPU (py-spy on a cold training, 2026-12-07: 32 % of the samples in that hook, 21 % in token
fingerprints), for tokens that do not change from one node to the next. Here a token keeps the fingerprint it
was given with the content it was computed from, and Rasa's own function runs again whenever that content
differs (text, offsets, lemma, or its data as written by `repr`): the same digests as Rasa's, fewer times
(tests/unit/bot/test_train.py compares them).
"""

from __future__ import annotations

import sys
from typing import Any

from rasa.nlu.tokenizers.tokenizer import Token

_rasa_fingerprint = Token.fingerprint
_CACHE = "_relais_fingerprint"


def _content(token: Token) -> tuple[Any, ...]:
    # repr writes the data's values whole (the regex featurizer's {pattern: bool} dict, spaCy's "pos"); an object
    # without a content repr writes its address, which changes with the object: Rasa's function then runs again.
    return token.text, token.start, token.end, token.lemma, repr(sorted(token.data.items()))


def fingerprint_once(token: Token) -> str:
    """Rasa's `Token.fingerprint`, computed again only when the token's content changed since the last call."""
    content = _content(token)
    cached = token.__dict__.get(_CACHE)
    if cached is not None and cached[0] == content:
        return str(cached[1])
    value = str(_rasa_fingerprint(token))
    setattr(token, _CACHE, (content, value))
    return value


def install() -> None:
    Token.fingerprint = fingerprint_once


def main(argv: list[str]) -> int:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "train", *argv]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
