"""Round 19: a question about the service said with a thanks ("merci. et si je rate l'appel ?") was read as a thanks and
got "Je vous en prie. Y a-t-il autre chose ... ?". The keyword guard gives it to the FAQ action."""

from __future__ import annotations

import pytest

from bot.components.keyword_guard import service_question_after_thanks


@pytest.mark.parametrize(
    "words, read_as, intent",
    [
        ("merci ! et si je manque son appel ?", "thank", "faq"),
        ("merci. vous êtes la CAF en fait ?", "thank", "faq"),
        ("merci, vous pourriez contacter mon assureur pour moi ?", "thank", "faq"),
        ("merci beaucoup", "thank", None),
        ("merci, et si je rate l'appel ?", "affirm", None),  # only a thanks is re-read
    ],
)
def test_service_question_after_thanks(words, read_as, intent):
    assert service_question_after_thanks(words, read_as) == intent
