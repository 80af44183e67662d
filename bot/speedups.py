"""Pure computations Rasa repeats within a turn, done once; installed by bot/rasa_server.py.

Each one returns exactly what Rasa's own code returns (tests/unit/bot/test_speedups.py compares them on the
trackers of the test stories and on Rasa's own edge cases), and falls back to Rasa's code whenever the
shortcut cannot prove it applies.

**applied_events, continued instead of recomputed.** `DialogueStateTracker.applied_events()` folds the
whole conversation (undoing reverted turns, a loop's repeated executions...) each time it is called, and a
turn calls it a dozen times on a tracker that only grew by an event or two: each policy's prediction
(through `past_states`), the session check, the memoization's lookups, the form's checks. Profiled under
load (`python -m bench.cpu --profile`), that fold was a fifth of a Rasa server's CPU per turn. The fold is
a left fold over the events, whose only other input is the set of loop names found in *all* the events;
so the result for a longer list is the fold continued over the new events, provided the earlier events are
the same objects in the same order and no new loop name appeared (else it is computed from the start, as
Rasa does). The cache lives on the tracker and is checked at every call.

**A message's feature matrix, built once for both linear classifiers.** LogisticRegressionClassifier and
LinearResponseSelector (its subclass) each build the message's row for scikit-learn from the same features
(`_create_X`: every sparse featurizer's output stacked with scipy, then the dense ones), a tenth of a turn's
CPU together. The row built for a message is kept on it with the features it was built from, and used again
while the message's features are those same objects. A batch of several messages (the training data, when
`python -m bot.train` installs this one) is built at once: Rasa builds each row from *every* feature of the message
(each featurizer's token-level matrices copied and stacked too, then dropped) and stacks the rows one by one,
which was a tenth of a cold training's CPU for the two classifiers. Here only the sentence-level features are
read, each message's entries are written into one matrix, and Rasa's code runs whenever the batch is not the
plain case it was measured on (every row with sparse sentence features and dense ones or none, of the same
widths, each sparse one a single row with its columns sorted and no duplicate): the same CSR matrix, arrays and dtypes.

**Each event written as JSON once, not at every call to the action server.** Every custom action and form
validation sends the whole tracker (`RemoteAction._action_call_format`: each event's `as_dict()`, then
`json.dumps` of it all), three calls in a form's turn, on a tracker that only grew by a few events since the
last: the JSON was a tenth of a turn's CPU. Each event keeps the dict and the JSON text it was written as,
checked against the event at every use (the same object: a copy starts afresh; the same timestamp and
metadata, which Rasa replaces rather than changes); the domain, sent with every call, is written once per
model; and the call's body is written from those texts: the very bytes `json.dumps` gives for the whole body,
which the tests compare.

**The model's graph run in order, without dask's scheduler.** Rasa runs the NLU pipeline for every message,
and the policies for every prediction (three or four a turn), as a dask graph on dask's synchronous
scheduler: its bookkeeping (ordering the tasks, tracking their dependents, releasing their data) was 7 % of a
Rasa server's CPU per turn, for graphs that are a chain of a dozen nodes each. Each node here is called once,
after the nodes it needs, with what they returned, as dask calls it (`(name, output)` pairs; a name that is no
node nor input is handed as it is); the graph's minimal schema for a set of targets, a pure function of the
loaded schema, is computed once. The targets' outputs are the same objects (the tests compare parses and
predictions on every test message and story).

**A form's unique entity mappings, found once per domain.** After every user message `action_extract_slots` asks, for
each slot an entity may fill while a form is active, whether that entity's mapping is unique to one of the form's slots:
Rasa builds a new FormAction each time, which walks the form's required slots and writes each mapping as sorted JSON
(`FormAction._create_unique_entity_mappings`, about 1 % of a turn's CPU). The answer depends on the domain and the
form's name only; it is kept for the domain object it was read from (a copy handed out each time).

**The empty domain built once.** Every message's parse asks whether the model's domain is empty
(`Domain.is_empty`: its dict compared with that of a new empty domain, built from nothing each time: 1 % of a
turn). The empty domain's dict is a constant; it is built once.
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Iterable
from typing import Any

import numpy as np
import rasa
import scipy.sparse
from rasa.core.actions.action import RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message

_CACHE_ATTRIBUTE = "_relais_applied_events"


class _AppliedEvents:
    """The fold's state after ``seen`` (the tracker's events it covered, in order)."""

    __slots__ = ("applied", "events", "loop_names", "seen")

    def __init__(self, events: Any, loop_names: set[str]) -> None:
        self.events = events  # the tracker's deque the fold read (a tracker given a new deque starts over)
        self.seen: list[Event] = []
        self.loop_names = loop_names
        self.applied: list[Event] = []

    def fold(self, tracker: DialogueStateTracker, new_events: Iterable[Event]) -> None:
        """Rasa 3.6.21's loop of DialogueStateTracker.applied_events, over ``new_events``."""
        applied = self.applied
        loop_names = self.loop_names
        for event in new_events:
            self.seen.append(event)
            if isinstance(event, (Restarted, SessionStarted)):
                applied.clear()
            elif isinstance(event, ActionReverted):
                tracker._undo_till_previous(ActionExecuted, applied)
            elif isinstance(event, UserUtteranceReverted):
                tracker._undo_till_previous(UserUttered, applied)
                tracker._undo_till_previous(ActionExecuted, applied)
            elif (
                isinstance(event, ActionExecuted)
                and event.action_name in loop_names
                and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
            ):
                tracker._undo_till_previous_loop_execution(event.action_name, applied)
            else:
                applied.append(event)


def _loop_names(events: Iterable[Event]) -> set[str]:
    return {event.name for event in events if isinstance(event, ActiveLoop) and event.name}


def applied_events(self: DialogueStateTracker) -> list[Event]:
    """DialogueStateTracker.applied_events, continued from the tracker's previous call when that is exact."""
    events = self.events
    cached: _AppliedEvents | None = getattr(self, _CACHE_ATTRIBUTE, None)
    if cached is not None and cached.events is events and len(events) >= len(cached.seen):
        seen = len(cached.seen)
        # The events the fold covered are still the first ones, the same objects in the same order.
        if all(map(operator.is_, cached.seen, events)):
            if seen == len(events):
                return list(cached.applied)
            new_events = list(events)[seen:]
            if _loop_names(new_events) <= cached.loop_names:
                cached.fold(self, new_events)
                return list(cached.applied)
    fresh = _AppliedEvents(events, _loop_names(events))
    fresh.fold(self, list(events))
    setattr(self, _CACHE_ATTRIBUTE, fresh)
    return list(fresh.applied)


_X_ATTRIBUTE = "_relais_features_matrix"


def create_x(self: Any, messages: list[Message]) -> Any:
    """LogisticRegressionClassifier._create_X, once per message and set of features; a batch at once."""
    rasas = _originals["_create_X"]
    if len(messages) != 1:
        matrix = sentence_rows_at_once(messages)
        return rasas(self, messages) if matrix is None else matrix
    message = messages[0]
    features = tuple(message.features)
    cached = getattr(message, _X_ATTRIBUTE, None)
    if cached is not None and len(cached[0]) == len(features) and all(map(operator.is_, cached[0], features)):
        return cached[1]
    matrix = rasas(self, messages)
    setattr(message, _X_ATTRIBUTE, (features, matrix))
    return matrix


def _single_sorted_row(block: Any) -> bool:
    if isinstance(block, scipy.sparse.csr_matrix):
        return block.shape[0] == 1 and bool(block.has_canonical_format)
    if isinstance(block, scipy.sparse.coo_matrix):
        return block.shape[0] == 1 and bool(np.all(np.diff(block.col) > 0))
    return False


def sentence_rows_at_once(messages: list[Message]) -> scipy.sparse.csr_matrix | None:
    """Rasa's `_create_X(messages)` for a batch whose every message has sparse sentence features, each a sorted row,
    and dense ones or none, of the same widths (None otherwise): its rows hstack the sparse features in the
    message's order, then the dense ones' non-zero entries; its dtype is their common one, as scipy's stacking
    gives it (Rasa stacks an empty float row where a message has no dense features: spaCy's small French model
    has no word vectors, so SpacyFeaturizer adds none)."""
    widths: tuple[int, int] | None = None
    columns: list[Any] = []
    values: list[Any] = []
    row_ends = [0]
    dtypes = set()
    for message in messages:
        sparse: list[Any] = []
        dense: list[Any] = []
        for features in message.features:
            if features.attribute == TEXT and features.type == FEATURE_TYPE_SENTENCE:
                (sparse if features.is_sparse() else dense).append(features.features)
        if not sparse or not all(map(_single_sorted_row, sparse)):
            return None
        offset = entry_count = 0
        for block in sparse:
            entries = block.tocoo()
            columns.append(entries.col + offset)
            values.append(entries.data)
            dtypes.add(entries.data.dtype)
            offset += block.shape[1]
            entry_count += entries.nnz
        # Rasa's csr_matrix([]) where there is no dense feature: one row, no column, float64.
        dense_row = np.concatenate(dense, axis=-1) if dense else np.zeros((1, 0))
        if dense_row.ndim != 2 or dense_row.shape[0] != 1 or widths not in (None, (offset, dense_row.shape[1])):
            return None
        widths = (offset, dense_row.shape[1])
        non_zero = np.flatnonzero(dense_row[0])
        columns.append(non_zero + offset)
        values.append(dense_row[0, non_zero])
        dtypes.add(dense_row.dtype)
        row_ends.append(row_ends[-1] + entry_count + len(non_zero))
    if widths is None:
        return None
    return scipy.sparse.csr_matrix(
        (np.concatenate(values).astype(np.result_type(*dtypes)), np.concatenate(columns), np.asarray(row_ends)),
        shape=(len(messages), sum(widths)),
    )


_JSON_ATTRIBUTE = "_relais_json"


class EventDicts(list[dict[str, Any]]):
    """An action call's events as Rasa's `as_dict()` gives them (the list itself), with their JSON texts."""

    __slots__ = ("texts",)

    def __init__(self, events: Iterable[Event]) -> None:
        entries = [_serialised(event) for event in events]
        super().__init__(data for data, _ in entries)
        self.texts = [text for _, text in entries]


def _serialised(event: Event) -> tuple[dict[str, Any], str]:
    cached = getattr(event, _JSON_ATTRIBUTE, None)
    if cached is not None and cached[0] == id(event) and cached[1] is event.metadata and cached[2] == event.timestamp:
        return cached[3], cached[4]
    data = event.as_dict()
    text = json.dumps(data)
    setattr(event, _JSON_ATTRIBUTE, (id(event), event.metadata, event.timestamp, data, text))
    return data, text


def action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict[str, Any]:
    """RemoteAction._action_call_format of Rasa 3.6.21, the events given as EventDicts."""
    tracker_state = tracker.current_state(EventVerbosity.NONE)  # "events": None, in its place
    tracker_state["events"] = EventDicts(tracker.events)  # what EventVerbosity.ALL gives: every event
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": tracker_state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
        result["domain"] = _written_once(domain.as_dict())
    return result


# id -> (the domain's data, its JSON text): the model's domain, sent with every call, is written once.
_domain_texts: dict[int, tuple[dict[str, Any], str]] = {}


def _written_once(data: dict[str, Any]) -> dict[str, Any]:
    """The domain's data (Domain.as_dict() is the domain's own dict, built with the model and never changed),
    remembered with its JSON text, for the model or two a server holds at a time."""
    known = _domain_texts.get(id(data))
    if known is None or known[0] is not data:
        if len(_domain_texts) >= 2:
            _domain_texts.clear()
        _domain_texts[id(data)] = (data, json.dumps(data))
    return data


def json_dumps(value: Any, levels: int = 2) -> str:
    """json.dumps(value), the same text, with the texts of the EventDicts found within ``levels`` levels of
    dictionaries (an action call's body holds them in body["tracker"]["events"]) written as they are."""
    if not isinstance(value, dict) or not _holds_events(value, levels):
        return json.dumps(value)
    parts = []
    for key, item in value.items():
        if not isinstance(key, str):
            return json.dumps(value)
        known = _domain_texts.get(id(item))
        if known is not None and known[0] is item:
            text = known[1]
        elif isinstance(item, EventDicts):
            text = "[" + ", ".join(item.texts) + "]"
        else:
            text = json_dumps(item, levels - 1)
        parts.append(f"{json.dumps(key)}: {text}")
    return "{" + ", ".join(parts) + "}"


def _holds_events(value: dict[str, Any], levels: int) -> bool:
    if levels <= 0:
        return False
    return any(
        isinstance(item, EventDicts) or (isinstance(item, dict) and _holds_events(item, levels - 1))
        for item in value.values()
    )


def run_graph(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    """DaskGraphRunner.run of Rasa 3.6.21, each node called in turn after the nodes it needs."""
    run_targets = targets if targets else self._graph_schema.target_names
    schemas: dict[tuple[str, ...], GraphSchema] = self.__dict__.setdefault(_SCHEMAS_ATTRIBUTE, {})
    key = tuple(run_targets)
    schema = schemas.get(key)
    if schema is None:
        schema = schemas[key] = self._graph_schema.minimal_graph_schema(run_targets)
    results: dict[str, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in schema.nodes:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input names "
                f"passed to the `run` method are the same as node names in the graph schema."
            )
        results[name] = (name, value)

    def output_of(name: str) -> Any:
        if name in results:
            return results[name]
        node = schema.nodes.get(name)
        if node is None:
            return name  # what dask hands for a key it does not know: GraphNode warns about it
        output = results[name] = self._instantiated_nodes[name](*(output_of(need) for need in node.needs.values()))
        return output

    try:
        return dict(output_of(target) for target in run_targets)
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e


_SCHEMAS_ATTRIBUTE = "_relais_minimal_schemas"


@functools.lru_cache(maxsize=1)
def _empty_domain() -> dict[str, Any]:
    empty: dict[str, Any] = Domain.empty().as_dict()
    return empty


def domain_is_empty(self: Domain) -> bool:
    """Domain.is_empty of Rasa 3.6.21, the empty domain's dict built once."""
    return bool(self.as_dict() == _empty_domain())


# (id of the domain, form name) -> (the domain, its unique mappings): the model's domain or two, a handful of forms.
_unique_mappings: dict[tuple[int, str], tuple[Domain, frozenset[str]]] = {}


def unique_entity_mappings(self: FormAction, domain: Domain) -> set[str]:
    """FormAction._create_unique_entity_mappings of Rasa 3.6.21, computed once per domain and form."""
    key = (id(domain), self.name())
    known = _unique_mappings.get(key)
    if known is None or known[0] is not domain:
        if len(_unique_mappings) >= 64:
            _unique_mappings.clear()
        known = _unique_mappings[key] = (domain, frozenset(_originals["_create_unique_entity_mappings"](self, domain)))
    return set(known[1])


# name -> (class, attribute, replacement)
PATCHES: dict[str, tuple[type, str, Any]] = {
    "applied_events": (DialogueStateTracker, "applied_events", applied_events),
    "features_matrix": (LogisticRegressionClassifier, "_create_X", create_x),
    "events_json": (RemoteAction, "_action_call_format", action_call_format),
    "graph_in_order": (DaskGraphRunner, "run", run_graph),
    "empty_domain": (Domain, "is_empty", domain_is_empty),
    "unique_entity_mappings": (FormAction, "_create_unique_entity_mappings", unique_entity_mappings),
}
NAMES = tuple(PATCHES)
# attribute -> Rasa's own function, while replaced
_originals: dict[str, Any] = {}


def install(*names: str) -> None:
    """Replaces Rasa's functions by the ones above (all, or those named; `uninstall` puts Rasa's back)."""
    for name in names or NAMES:
        owner, attribute, replacement = PATCHES[name]
        if attribute not in _originals:
            _originals[attribute] = owner.__dict__[attribute]
            setattr(owner, attribute, replacement)


def uninstall() -> None:
    for owner, attribute, _ in PATCHES.values():
        if attribute in _originals:
            setattr(owner, attribute, _originals.pop(attribute))
