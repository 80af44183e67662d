"""Round 22 (r22c-08, r22c-09): a writer the service is not for is read as out of scope whatever the classifier read,
so that the out-of-scope action says whom to ask; a call asked for, a yes or no, a goodbye keep their reading
(bot/components/keyword_guard.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.components.keyword_guard import outside_the_service


@pytest.mark.parametrize(
    "text, read_as, intent",
    [
        ("jsuis apprentie, ma patronne me paye plus depuis 2 mois", "describe_situation", "out_of_scope"),
        ("je voudrais monter ma boite de menuiserie l'an prochain, quelles aides ?", "faq", "out_of_scope"),
        ("je voudrais monter ma boite de menuiserie l'an prochain", "out_of_scope", None),
        ("je suis apprenti, mon patron me paye pas, je veux parler a quelqu'un", "request_human", None),
        ("mon client me paye pas depuis 2 mois", "describe_situation", None),
    ],
)
def test_outside_the_service(text, read_as, intent):
    assert outside_the_service(text, read_as) == intent
