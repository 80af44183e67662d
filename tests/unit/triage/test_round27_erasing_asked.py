"""Round 27 (r27-b-18, talk-b B17): asking whether one can erase what one writes is no sign of distress.

"est ce que je peux tout effacer apres ?", a first message about the data, got the direct question about suicide: the
classifier read "tout effacer" as a wish to disappear. Only its ambiguous reading of a question whether one CAN erase is
set aside; erasing oneself, disappearing, and the warning signs keep their reading.
"""

import pytest

from triage import assess
from triage.distress import asks_whether_one_can_erase, find_signs
from triage.normalise import normalise

ASKED = [
    "est ce que je peux tout effacer apres ?",
    "bonjour. je voulais savoir, si je vous parle de ma situation, est ce que je peux tout effacer apres ? et qui a acces "
    "a mes infos exactement ?",
    "est ce que je peux tout effacer apres ? et qui a acces a mes infos exactement ?",
    "Est-ce que je pourrai tout supprimer ensuite ?",
    "jpeu tout effacer apres ?",
    "Puis-je tout effacer après coup ?",
    "euh… on peut tout effacer après ou pas ?",
]


@pytest.mark.parametrize("words", ASKED)
def test_a_question_about_erasing_is_no_sign(words: str) -> None:
    assert find_signs(words) == []
    assert assess([words]).distress_level is None


@pytest.mark.parametrize(
    "words",
    [
        "je voudrais tout effacer, disparaitre",
        "j ai envie de tout effacer, moi avec",
        "je veux tout effacer et partir",
        "je voudrais tout effacer et ne plus exister",
    ],
)
def test_erasing_oneself_keeps_its_reading(words: str) -> None:
    assert find_signs(words)


@pytest.mark.parametrize(
    "words, asked",
    [
        ("est ce que je peux tout effacer apres", True),
        ("vous pourrez supprimer mes messages", True),
        ("est ce que je peux m effacer", False),
        ("je peux tout effacer moi avec", False),
        ("je veux tout effacer", False),
    ],
)
def test_the_reader(words: str, asked: bool) -> None:
    assert asks_whether_one_can_erase(normalise(words)) is asked
