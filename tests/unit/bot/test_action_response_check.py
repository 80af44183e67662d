"""The action server's responses are checked by jsonschema-rs first (bot/channels.py): it must accept exactly
what Rasa's own jsonschema check accepts, and a rejected response must fail with Rasa's error and message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction

from bot import channels

SCHEMA = RemoteAction.action_response_format_spec()
EVENT_NAMES = sorted(
    {
        branch["properties"]["event"]["const"]
        for branch in SCHEMA["properties"]["events"]["items"]["oneOf"]
        if "const" in branch.get("properties", {}).get("event", {})
    }
)


def rasa_accepts(response: object) -> bool:
    return best_match(channels._action_response_validator().iter_errors(response)) is None


def compiled_accepts(response: object) -> bool:
    return bool(channels._compiled_action_response_check().is_valid(response))


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
any_json = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Values shaped like the action server's answers, right or slightly wrong: the cases where two validators
# could disagree (a boolean as a number, a null timestamp, an unknown event, a missing field...).
field_values = st.one_of(
    json_scalars, st.lists(json_scalars, max_size=2), st.dictionaries(st.text(max_size=6), json_scalars, max_size=2)
)
events = st.fixed_dictionaries(
    {"event": st.one_of(st.sampled_from(EVENT_NAMES), st.text(max_size=8), st.integers())},
    optional={
        "timestamp": st.one_of(
            st.none(), st.floats(allow_nan=False), st.integers(), st.booleans(), st.text(max_size=4)
        ),
        "name": st.one_of(st.text(max_size=10), st.none(), st.integers()),
        "value": field_values,
        "text": st.one_of(st.text(max_size=10), st.none()),
        "metadata": st.one_of(
            st.none(), st.dictionaries(st.text(max_size=4), json_scalars, max_size=2), st.text(max_size=3)
        ),
        "parse_data": field_values,
        "policy": st.one_of(st.none(), st.text(max_size=6)),
        "confidence": st.one_of(st.none(), st.floats(allow_nan=False), st.booleans()),
        "data": field_values,
        "kill_on_user_msg": st.one_of(st.booleans(), st.none(), st.integers()),
    },
)
responses = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=10), st.none(), st.integers()),
        "buttons": st.one_of(
            st.lists(st.dictionaries(st.sampled_from(["title", "payload"]), json_scalars), max_size=2), json_scalars
        ),
        "custom": field_values,
        "template": st.one_of(st.none(), st.text(max_size=6)),
        "response": st.one_of(st.none(), st.text(max_size=6)),
    },
)
action_answers = st.fixed_dictionaries(
    {},
    optional={
        "events": st.one_of(st.lists(events, max_size=4), json_scalars),
        "responses": st.one_of(st.lists(responses, max_size=3), json_scalars),
    },
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action_answers)
def test_the_compiled_check_accepts_what_rasa_accepts_on_answers_shaped_like_the_action_servers(response):
    assert compiled_accepts(response) == rasa_accepts(response)


@settings(max_examples=300, deadline=None)
@given(any_json)
def test_the_compiled_check_accepts_what_rasa_accepts_on_any_json(response):
    assert compiled_accepts(response) == rasa_accepts(response)


@pytest.mark.parametrize(
    "response, valid",
    [
        ({"events": [{"event": "slot", "name": "urgency", "value": "haute", "timestamp": None}]}, True),
        ({"events": [{"event": "slot", "name": "urgency", "value": "haute", "timestamp": 1.5}]}, True),
        ({"events": [{"event": "slot", "name": "urgency", "value": "haute", "timestamp": True}]}, False),
        ({"events": [{"event": "slot", "timestamp": "not a number"}]}, False),
        ({"events": [{"event": "no such event"}]}, False),
        ({"events": [{"name": "urgency"}]}, False),
        ({"events": "not a list"}, False),
        ({"responses": [{"text": "Bonjour", "buttons": [{"title": "Oui", "payload": "/affirm"}]}]}, True),
        ({}, True),
        ([], False),
    ],
)
def test_known_answers_are_judged_as_rasa_judges_them(response, valid):
    assert rasa_accepts(response) is valid
    assert compiled_accepts(response) is valid


def test_a_rejected_answer_fails_with_rasas_error_and_message():
    channels.speed_up_rasa()
    action = RemoteAction("action_anything", None)
    assert action._validate_action_result({"events": [], "responses": [{"text": "Bonjour"}]})
    with pytest.raises(
        ValidationError, match=r"'not a list' is not of type 'array'\. Failed to validate Action server"
    ):
        action._validate_action_result({"events": "not a list"})
