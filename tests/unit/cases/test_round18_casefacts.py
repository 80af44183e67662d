"""Round 18 (casefacts): a line about health or distress kept without the consent leaves a mark, never its words."""

from __future__ import annotations

from cases.drafts import WITHHELD_LINE, CaseDraft, merge_draft
from cases.models import Case


def _draft(health_consent: bool, transcript: list[dict]) -> CaseDraft:
    return CaseDraft(
        conversation_id="c1",
        reference="RL-AAAAAA",
        chamber_id="cma-exemple",
        categories=["tresorerie"],
        urgency="critique",
        distress=True,
        reasons={},
        summary="DÉTRESSE exprimée : rappeler immédiatement.",
        situation={},
        guidance=[],
        health_consent=health_consent,
        transcript=transcript,
    )


LINES = [
    {
        "sender": "artisan",
        "text": "je n'en peux plus, je veux tout arrêter",
        "at": "2026-12-05T10:00:00+00:00",
        "health": True,
    },
    {"sender": "bot", "text": "Merci de me l'avoir confié.", "at": "2026-12-05T10:00:01+00:00", "health": True},
    {"sender": "artisan", "text": "la banque a coupé le découvert", "at": "2026-12-05T10:01:00+00:00"},
]


def _case() -> Case:
    return Case(
        reference="RL-AAAAAA",
        conversation_id="c1",
        chamber_id="cma-exemple",
        status="nouveau",
        categories=[],
        urgency="normale",
        urgency_rank=2,
        distress=False,
        reasons={},
        summary="",
        situation={},
        guidance=[],
        health_consent=False,
        transcript=[],
        search_text="",
    )


def test_without_the_consent_the_line_is_marked_not_dropped_and_a_retry_adds_nothing() -> None:
    case = _case()
    merge_draft(case, _draft(False, LINES))
    assert [e["text"] for e in case.transcript] == [WITHHELD_LINE, WITHHELD_LINE, "la banque a coupé le découvert"]
    assert not merge_draft(case, _draft(False, LINES))  # the same draft again: nothing new, no duplicate
    assert len(case.transcript) == 3


def test_the_consent_given_later_puts_the_words_back_in_place() -> None:
    case = _case()
    merge_draft(case, _draft(False, LINES))
    merge_draft(case, _draft(True, LINES))
    assert [e["text"] for e in case.transcript] == [line["text"] for line in LINES]


def test_with_the_consent_every_word_is_kept() -> None:
    case = _case()
    merge_draft(case, _draft(True, LINES))
    assert [e["text"] for e in case.transcript] == [line["text"] for line in LINES]


def test_the_consent_withdrawn_marks_the_lines_once() -> None:
    case = _case()
    merge_draft(case, _draft(True, LINES))
    merge_draft(case, _draft(False, LINES))
    assert [e["text"] for e in case.transcript] == [WITHHELD_LINE, WITHHELD_LINE, "la banque a coupé le découvert"]
