"""Round 19 (r19b-02): "il est rincé c'est tout" says there is nothing more to it, and takes no leave; "c'est tout"
alone, after a thanks or a no, or as its own sentence, still does."""

from __future__ import annotations

import pytest

from intake.answers import is_closing


@pytest.mark.parametrize(
    "words, expected",
    [
        ("non pas elle, elle est épuisée c'est tout, trop de boulot", False),
        ("je suis crevé, c'est tout", False),
        ("il a un coup de mou c'est tout", False),
        ("merci beaucoup c'est tout", True),
        ("c'est tout", True),
        ("non c'est tout, merci", True),
        ("voilà c'est tout pour moi", True),
        ("je voulais savoir pour la CFE. C'est tout", True),
        ("bon je vais me coucher c'est tout", True),
    ],
)
def test_thats_all(words, expected):
    assert is_closing(words) is expected
