"""bot.speedups returns exactly what Rasa's own code returns: on every tracker of the training and test stories
(checked after each event, as a turn grows its tracker), and on the cases where continuing is wrong (a loop
name appearing later, events dropped by a bounded history, events replaced)."""

from __future__ import annotations

import copy
import functools

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data.message import Message

from bot import speedups
from ops.settings import REPO_ROOT

rasa_applied_events = DialogueStateTracker.applied_events


@pytest.fixture
def installed():
    speedups.install()
    yield
    speedups.uninstall()


@functools.lru_cache(maxsize=1)
def story_trackers() -> tuple[Domain, list[DialogueStateTracker]]:
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(REPO_ROOT / "bot" / "domain"),
        training_data_paths=[str(REPO_ROOT / "stories"), str(REPO_ROOT / "tests" / "rasa")],
    )
    domain = importer.get_domain()
    generator = TrainingDataGenerator(importer.get_stories(), domain, remove_duplicates=False, augmentation_factor=0)
    return domain, generator.generate()


def grown_step_by_step(tracker: DialogueStateTracker, domain: Domain | None = None) -> list[list]:
    """(speed-up, Rasa) after each event, on a tracker fed the events one by one as a turn does."""
    grown = DialogueStateTracker(tracker.sender_id, domain.slots if domain else [])
    pairs = []
    for event in tracker.events:
        grown.update(event)
        pairs.append((grown.applied_events(), rasa_applied_events(grown)))
    return pairs


def assert_same(pairs: list) -> None:
    for step, (ours, rasas) in enumerate(pairs):
        assert len(ours) == len(rasas), f"after event {step}"
        assert all(a is b for a, b in zip(ours, rasas, strict=True)), f"after event {step}"


def test_the_same_applied_events_on_every_story_and_rule_tracker_after_each_event(installed):
    domain, trackers = story_trackers()
    assert len(trackers) > 50
    with_loops = 0
    for tracker in trackers:
        assert_same(grown_step_by_step(tracker, domain))
        with_loops += any(isinstance(e, ActiveLoop) for e in tracker.events)
    assert with_loops > 10  # the forms' unhappy paths are among them


def test_the_same_past_states_for_the_policies(installed):
    domain, trackers = story_trackers()
    for tracker in trackers[:150]:
        ours = tracker.past_states(domain, ignore_rule_only_turns=True)
        speedups.uninstall()
        try:
            rasas = tracker.past_states(domain, ignore_rule_only_turns=True)
        finally:
            speedups.install()
        assert ours == rasas


def _form_turns() -> list:
    return [
        ActionExecuted("action_listen"),
        UserUttered("je suis boulanger", {"name": "inform"}),
        ActionExecuted("situation_form"),
        ActiveLoop("situation_form"),
        SlotSet("trade", "boulanger"),
        ActionExecuted("action_listen"),
        UserUttered("c'est gratuit ?", {"name": "faq"}),
        ActionExecutionRejected("situation_form"),
        ActionExecuted("utter_faq"),
        ActionExecuted("situation_form"),
        ActionExecuted("action_listen"),
        UserUttered("SARL", {"name": "inform"}),
        ActionExecuted("situation_form"),
        ActionExecuted("action_listen"),
        UserUttered("oups", {"name": "inform"}),
        UserUtteranceReverted(),
        ActionExecuted("action_listen"),
        UserUttered("2 salariés", {"name": "inform"}),
        ActionExecuted("situation_form"),
        ActionReverted(),
        ActionExecuted("situation_form"),
        ActiveLoop(None),
        ActionExecuted("action_listen"),
    ]


def test_a_loop_name_appearing_later_changes_earlier_decisions(installed):
    """The loop's executions before its ActiveLoop event are folded differently once the name is known."""
    events = _form_turns()
    late = [e for e in events if not (isinstance(e, ActiveLoop) and e.name)]
    late.insert(len(late) - 3, ActiveLoop("situation_form"))
    for sequence in (events, late, [*events, Restarted(), *events], [*events, SessionStarted(), *events[:9]]):
        assert_same(grown_step_by_step(DialogueStateTracker.from_events("s", sequence)))


def test_a_bounded_history_dropping_its_first_events(installed):
    tracker = DialogueStateTracker("s", [], max_event_history=7)
    for event in _form_turns() * 2:
        tracker.update(event)
        assert tracker.applied_events() == rasa_applied_events(tracker)


def test_events_replaced_or_a_new_event_list(installed):
    tracker = DialogueStateTracker.from_events("s", _form_turns())
    tracker.applied_events()
    tracker.events[3] = ActiveLoop("handoff_form")
    assert tracker.applied_events() == rasa_applied_events(tracker)
    tracker.events = tracker._create_events(_form_turns()[:10])
    assert tracker.applied_events() == rasa_applied_events(tracker)
    tracker.events.clear()
    assert tracker.applied_events() == rasa_applied_events(tracker) == []


def test_copies_keep_their_own_answers(installed):
    tracker = DialogueStateTracker.from_events("s", _form_turns()[:12])
    tracker.applied_events()
    for other in (copy.copy(tracker), copy.deepcopy(tracker), tracker.copy()):
        other.update(ActionExecuted("situation_form"))
        assert other.applied_events() == rasa_applied_events(other)
    assert tracker.applied_events() == rasa_applied_events(tracker)


def test_the_returned_list_is_the_callers_own(installed):
    tracker = DialogueStateTracker.from_events("s", _form_turns())
    first = tracker.applied_events()
    first.clear()
    assert tracker.applied_events() == rasa_applied_events(tracker) != []


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent

    from ops.settings import MODEL_PATH

    if not MODEL_PATH.exists():
        pytest.fail(f"no trained model at {MODEL_PATH}: run `make train`")
    return Agent.load(str(MODEL_PATH))


def test_the_same_parse_of_every_test_message(agent):
    """Intent, its ranking, entities and the FAQ answer chosen: the same numbers with the matrix built once."""
    import asyncio

    from rasa.shared.nlu.training_data.loading import load_data

    texts = [m.get("text") for m in load_data(str(REPO_ROOT / "tests" / "nlu" / "test_nlu.yml")).intent_examples]
    assert len(texts) > 100

    async def parse_all() -> list[dict]:
        return [await agent.parse_message(text) for text in texts]

    rasas = asyncio.run(parse_all())
    speedups.install()
    try:
        built = []
        original = speedups._originals["_create_X"]
        speedups._originals["_create_X"] = lambda self, messages: (
            built.append(len(messages)) or original(self, messages)
        )
        ours = asyncio.run(parse_all())
    finally:
        speedups._originals["_create_X"] = original
        speedups.uninstall()
    assert built == [1] * len(texts)  # once per message, where Rasa builds it twice
    assert ours == rasas


def test_an_action_call_is_the_very_bytes_rasa_sends(installed):
    """The body of every call to the action server, at every step of every story, after copies and changes."""
    import json

    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    domain, trackers = story_trackers()
    rasa_format = speedups._originals["_action_call_format"]
    for selective in (False, True):
        action = RemoteAction(
            "validate_situation_form", EndpointConfig("http://127.0.0.1:1/webhook", enable_selective_domain=selective)
        )
        for tracker in trackers[:40]:
            grown = DialogueStateTracker(tracker.sender_id, domain.slots)
            for event in tracker.events:
                grown.update(event)
                ours = action._action_call_format(grown, domain)
                assert speedups.json_dumps(ours) == json.dumps(rasa_format(action, grown, domain))
                assert ours == rasa_format(action, grown, domain)
    # An event copied and changed, or given new metadata, is written again.
    tracker = DialogueStateTracker.from_events("s", _form_turns(), domain.slots)
    speedups.json_dumps(action._action_call_format(tracker, domain))
    changed = copy.deepcopy(tracker)
    changed.events[1].parse_data["intent"]["confidence"] = 0.5
    changed.model_id = "another model"
    changed.update(ActionExecuted("action_listen"))
    tracker.events[4].metadata = {"assistant_id": "relais"}
    tracker.events[4].timestamp += 1
    for each in (tracker, changed):
        assert speedups.json_dumps(action._action_call_format(each, domain)) == json.dumps(
            rasa_format(action, each, domain)
        )


def test_other_bodies_are_written_by_json_dumps():
    import json

    for value in ({"a": [1.5, None, "é"]}, [1, {"x": {1: 2}}], {1: {"k": True}}, "text", {}, {"nan": float("nan")}):
        assert speedups.json_dumps(value) == json.dumps(value)


def test_the_same_predictions_with_the_graph_run_in_order_on_every_story_tracker(agent):
    """The policies' graph, run by bot.speedups without dask, predicts what dask's run predicts, after each
    event of every story and rule (each prediction's action, confidences and policy)."""
    from rasa.engine.constants import PLACEHOLDER_TRACKER
    from rasa.engine.graph import GraphNode

    processor = agent.processor
    target = processor.model_metadata.core_target
    domain, trackers = story_trackers()
    steps = []
    for tracker in trackers:
        grown = DialogueStateTracker(tracker.sender_id, domain.slots)
        for event in tracker.events:
            grown.update(event)
            if isinstance(event, (ActionExecuted, UserUttered)):
                steps.append(grown.copy())
    assert len(steps) > 500

    def predictions() -> list:
        results = []
        for tracker in steps:
            prediction = processor.graph_runner.run(inputs={PLACEHOLDER_TRACKER: tracker}, targets=[target])[target]
            results.append((prediction.policy_name, prediction.max_confidence_index, list(prediction.probabilities)))
        return results

    rasas = predictions()
    calls = []
    original_call = GraphNode.__call__
    speedups.install("graph_in_order")
    try:
        GraphNode.__call__ = lambda node, *inputs: calls.append(node._node_name) or original_call(node, *inputs)
        ours = predictions()
    finally:
        GraphNode.__call__ = original_call
        speedups.uninstall()
    assert ours == rasas
    per_run = len(calls) // len(steps)
    assert per_run * len(steps) == len(calls) and len(set(calls[:per_run])) == per_run  # each node once a run


def test_the_graph_run_in_order_hands_inputs_and_refuses_a_clash_as_dask_does(agent):
    from rasa.engine.constants import PLACEHOLDER_TRACKER
    from rasa.engine.exceptions import GraphRunError

    runner = agent.processor.graph_runner
    target = agent.processor.model_metadata.core_target
    speedups.install("graph_in_order")
    try:
        with pytest.raises(GraphRunError):
            runner.run(inputs={PLACEHOLDER_TRACKER: target}, targets=[target])
        tracker = DialogueStateTracker("artisan", agent.domain.slots)
        tracker.update(ActionExecuted("action_listen"))
        assert set(runner.run(inputs={PLACEHOLDER_TRACKER: tracker}, targets=[target])) == {target}
    finally:
        speedups.uninstall()


def test_a_domain_is_empty_exactly_when_rasa_says_so(installed):
    domain, _ = story_trackers()
    rasas = speedups._originals["is_empty"]
    for candidate in (domain, Domain.empty(), Domain.from_dict({"intents": ["greet"]}), Domain.from_dict({})):
        assert candidate.is_empty() == rasas(candidate)
    assert Domain.empty().is_empty() and not domain.is_empty()


def test_a_forms_unique_entity_mappings_are_rasas_for_every_form_and_domain(installed):
    from rasa.core.actions.forms import FormAction

    domain, _ = story_trackers()
    rasas = speedups._originals["_create_unique_entity_mappings"]
    # A domain where two slots of one form share an entity (then neither mapping is unique), next to the project's.
    shared = Domain.from_dict(
        {
            "entities": ["city"],
            "slots": {
                name: {"type": "text", "mappings": [{"type": "from_entity", "entity": "city", **role}]}
                for name, role in (("departure", {"role": "from"}), ("arrival", {}), ("stopover", {}))
            },
            "forms": {"trip_form": {"required_slots": ["departure", "arrival", "stopover"]}},
        }
    )
    cases = [(domain, name) for name in domain.form_names] + [(shared, "trip_form"), (shared, "no_such_form")]
    assert len(cases) > 3
    for candidate, form_name in cases:
        for _ in range(2):  # the first call computes, the second reads what was kept
            ours = FormAction(form_name, None)._create_unique_entity_mappings(candidate)
            assert ours == rasas(FormAction(form_name, None), candidate), form_name
        ours.add("changed by a caller")
        assert "changed by a caller" not in FormAction(form_name, None)._create_unique_entity_mappings(candidate)
    assert FormAction("trip_form", None).entity_mapping_is_unique(
        {"type": "from_entity", "entity": "city", "role": "from"}, shared
    )
    assert not FormAction("trip_form", None).entity_mapping_is_unique({"type": "from_entity", "entity": "city"}, shared)


def _featurised(rng, tokens: int, sparse_widths=(9, 60, 80), dense_width=12, sparse_type=None) -> Message:
    """A message featurised as the pipeline does: spaCy's dense features first (none if dense_width is 0: spaCy's
    small French model has no vectors), then the sparse featurizers'."""
    import numpy as np
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
    from rasa.shared.nlu.training_data.features import Features
    from scipy.sparse import coo_matrix

    message = Message(data={"text": "texte"})
    if dense_width:
        dense = rng.random((tokens, dense_width)).astype(np.float32) * (rng.random((tokens, dense_width)) < 0.8)
        message.add_features(Features(dense, FEATURE_TYPE_SEQUENCE, TEXT, "dense"))
        message.add_features(Features(dense.mean(axis=0, keepdims=True), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    for width in sparse_widths:
        counts = rng.integers(0, 3, (tokens, width)) * (rng.random((tokens, width)) < 0.1)
        message.add_features(Features(coo_matrix(counts), FEATURE_TYPE_SEQUENCE, TEXT, f"sparse{width}"))
        sentence = (sparse_type or coo_matrix)(counts.sum(axis=0, keepdims=True).astype(float if width == 9 else int))
        message.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, TEXT, f"sparse{width}"))
    return message


def assert_the_same_matrix(ours, rasas) -> None:
    assert type(ours) is type(rasas) and ours.shape == rasas.shape
    for part in ("data", "indices", "indptr"):
        a, b = getattr(ours, part), getattr(rasas, part)
        assert a.dtype == b.dtype and a.tolist() == b.tolist(), part


def test_a_batch_s_matrix_is_rasa_s_built_at_once():
    import numpy as np
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from scipy.sparse import csr_matrix

    rasas = LogisticRegressionClassifier.__dict__["_create_X"]
    rng = np.random.default_rng(7)
    for sparse_type in (None, csr_matrix):
        for dense_width in (12, 0):
            messages = [_featurised(rng, n, dense_width=dense_width, sparse_type=sparse_type) for n in (1, 3, 8, 20, 2)]
            ours = speedups.sentence_rows_at_once(messages)
            assert ours is not None
            assert_the_same_matrix(ours, rasas(None, messages))


def test_a_batch_rasa_s_code_must_build_goes_to_it(installed):
    import numpy as np
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
    from rasa.shared.nlu.training_data.features import Features
    from scipy.sparse import coo_matrix

    rasas = speedups._originals["_create_X"]
    rng = np.random.default_rng(11)
    unsorted = _featurised(rng, 4)
    unsorted.features = [f for f in unsorted.features if not (f.is_sparse() and f.type == FEATURE_TYPE_SENTENCE)]
    unsorted.add_features(
        Features(coo_matrix(([1, 2], ([0, 0], [5, 1])), shape=(1, 9)), FEATURE_TYPE_SENTENCE, TEXT, "r")
    )
    no_sparse = _featurised(rng, 3)
    no_sparse.features = [f for f in no_sparse.features if not f.is_sparse()]
    cases = {
        "other widths": [_featurised(rng, 3), _featurised(rng, 3, sparse_widths=(9, 60, 81))],
        "columns unsorted": [unsorted, unsorted],
        "no sparse features": [no_sparse, no_sparse],
    }
    for name, messages in cases.items():
        assert speedups.sentence_rows_at_once(messages) is None, name
        try:
            expected = rasas(None, messages)
        except ValueError:  # widths that differ: Rasa's vstack refuses them, and so does the speed-up
            with pytest.raises(ValueError, match="incompatible dimensions"):
                LogisticRegressionClassifier._create_X(None, messages)
            continue
        assert_the_same_matrix(LogisticRegressionClassifier._create_X(None, messages), expected)


def test_the_same_matrix_for_a_batch_of_the_model_s_messages(agent):
    """Every test message as the model's pipeline featurises it, in one batch as the training data goes."""
    import asyncio

    from rasa.shared.nlu.training_data.loading import load_data

    texts = [m.get("text") for m in load_data(str(REPO_ROOT / "tests" / "nlu" / "test_nlu.yml")).intent_examples]
    speedups.install()
    try:
        messages: list[Message] = []
        original = speedups._originals["_create_X"]
        speedups._originals["_create_X"] = lambda self, batch: messages.extend(batch) or original(self, batch)

        async def parse_all() -> None:
            for text in texts:
                await agent.parse_message(text)

        asyncio.run(parse_all())
    finally:
        speedups._originals["_create_X"] = original
        speedups.uninstall()
    assert len(messages) == len(texts) > 100
    ours = speedups.sentence_rows_at_once(messages)
    assert ours is not None
    assert_the_same_matrix(ours, speedups.LogisticRegressionClassifier._create_X(None, messages))
