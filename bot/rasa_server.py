"""`rasa run` for the product's processes, with two costs moved out of the way.

skops (which stores Rasa's scikit-learn classifiers) builds its tables of trusted types when first
imported, searching every loaded module for each numpy and scipy function. Imported by Rasa after
TensorFlow, that search took 9 s of every Rasa start on these machines; imported first, well under one.

TensorFlow is not loaded at all: Rasa imports it at start for training and TensorFlow components, which serving
our model does not use; those imports run on first use instead (bot/lazy_imports.py): 2.4 s of CPU of every
start, and 336 MB of a two-worker server's memory.

A loaded Rasa server holds 1.3 million Python objects (TensorFlow, spaCy, the model), which the garbage
collector's full passes walked again and again under load: 0.4 s each, a pause for every conversation
waiting. They live as long as the server, so once the model is loaded they are frozen out of its reach.

With several Sanic workers (SANIC_WORKERS, the embedded mode's default), Sanic 21 binds one socket in the
parent and every worker accepts on it: whichever worker wakes first takes all the waiting connections,
and under a burst one worker served every turn while the other idled. Each worker here listens on its own
socket with SO_REUSEPORT instead, and the kernel spreads the new connections between them; a worker that
dies is started again.

A socket.io session lives in the memory of the worker that opened it, but with long-polling each request
is a new HTTP request that the kernel may give to the other worker ("Invalid session": 8 of 12
conversations connected). A shared client manager (python-socketio's Redis or Kombu managers) would not
help: it shares rooms and emits, not engine.io sessions, and python-socketio asks for sticky sessions
with it anyway. So each worker also listens on a private loopback port, puts its number in the session
ids it makes, and hands an engine.io request carrying another worker's session id over to that worker's
private port (polling requests: a few hundred bytes). A websocket upgrade that lands on the wrong worker
is refused, and the client stays on polling, as the protocol allows; a websocket opened directly holds
its one TCP connection, so it never moves. Nothing changes with one worker.

With several workers, the model is loaded once, in the parent, before the workers are forked: they share
its pages copy-on-write (frozen out of the garbage collector's reach first, whose passes would otherwise
write to every object's header and copy the pages). Each worker loaded its own copy before: 2.1 GB for two
workers, about 1 GB each. Only the trained graph is shared; each worker still builds its own tracker store,
lock store and connections in its own event loop, as Rasa does. The parent runs no TensorFlow operation and
starts no thread before forking (checked: a forked worker predicts as its parent does, tests/unit/bot).

Rasa's SpacyNLP loads the spaCy model once for each node of the graph that uses the component (the one
that provides the model and the one that processes messages, whose own copy is never read): the French
model was twice in memory, 159 MB each. The model is loaded once per process and name here.

Calls to the action server reuse their connections (bot/action_client.py), what Rasa computes again and
again within a turn is computed once (bot/speedups.py), and a user event stores the first entries of the NLU's
rankings, not the ten of each (bot/stored_parse.py).

Everything else is Rasa's own command line: `python -m bot.rasa_server run --model ...`.
"""

import sys

# TensorFlow Lite imports jax, when installed, for converting jax models: 93 MB and about a second of every
# start, for a conversion the server never makes. TensorFlow takes an ImportError as "no jax".
sys.modules.setdefault("jax", None)  # type: ignore[arg-type]  # None in sys.modules: "not installed"

# First, before anything imports TensorFlow or Rasa (the reason is at the top; `rasa train` or a TensorFlow
# component still loads TensorFlow, and every module imported before skops lengthens its search). The split keeps
# import sorting from moving it among the others, as it once did: Rasa's start took 6.6 s more CPU (15.2 s instead
# of 8.6 s here). The model's classifiers need skops when they load anyway.
import skops.io  # noqa: F401

# isort: split

# Then, before anything imports Rasa's modules: the module through which Rasa imports TensorFlow at start is loaded
# when first used instead, and so is a loaded model's training schema (bot/lazy_imports.py). Serving our model uses
# neither, so TensorFlow is not loaded at all.
from bot import lazy_imports

lazy_imports.install()

# isort: split

import asyncio
import contextlib
import ctypes
import ctypes.util
import functools
import gc
import logging
import multiprocessing
import os
import re
import signal
import socket
import time
from collections.abc import Callable
from multiprocessing.context import ForkProcess
from typing import Any

import engineio.base_server
import rasa.core.run
import rasa.core.utils
import sanic.app
from rasa.__main__ import main
from rasa.core.processor import MessageProcessor
from rasa.nlu.utils import spacy_utils
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.server import runners
from sanic.server.events import trigger_events
from sanic.server.protocols.http_protocol import HttpProtocol

from bot import action_client, form_asks, speedups, stored_parse
from triage import distress_model

logger = logging.getLogger(__name__)
WORKER_CHECK_S = 1.0
# More deaths than this within the window is a crash loop (no model, port taken): the server stops.
WORKER_DEATHS_ALLOWED, WORKER_DEATHS_WINDOW_S = 3, 60.0

_load_agent_on_start = rasa.core.run.load_agent_on_start


async def load_agent_then_freeze(*args: Any, **kwargs: Any) -> Any:  # Rasa's Agent
    agent = await _load_agent_on_start(*args, **kwargs)
    # The crisis guard's classifier, trained now rather than on someone's first message (already trained, in
    # the parent, when the workers were forked: see preload_model).
    distress_model.warm_up()
    gc.collect()
    gc.freeze()
    release_free_heap()
    return agent


def release_free_heap() -> None:
    """Gives back to the system the heap that loading used and freed (unpacked archive, parsed JSON,
    skops' tables): glibc keeps it otherwise. 15 MB here."""
    libc = ctypes.util.find_library("c")
    if libc:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(libc).malloc_trim(0)


# ------------------------------------------------------------------ one model for every worker

# Absolute model path -> what MessageProcessor._load_model returned: (file name, metadata, graph runner).
_preloaded: dict[str, tuple[str, Any, Any]] = {}
_load_model: Callable[[Any], tuple[str, Any, Any]] = MessageProcessor._load_model


def load_model_once(model_path: Any) -> tuple[str, Any, Any]:  # MessageProcessor._load_model's signature
    """MessageProcessor._load_model, but a model the parent loaded before forking is taken as it is."""
    key = os.path.abspath(model_path) if isinstance(model_path, (str, os.PathLike)) else None
    if key is not None and key in _preloaded:
        return _preloaded[key]
    return _load_model(model_path)


def preload_model(model_path: str | os.PathLike[str]) -> None:
    """Loads the model in this process, for the workers forked from it afterwards.

    The crisis guard's classifier is trained here too, once, rather than by each worker after the fork (1.4-2 s
    of CPU each, both workers at once on a 2-core machine beside the action server's start). Its training
    starts no thread (liblinear and scipy.sparse, no BLAS pool: the process has as many threads before and
    after, tests/unit/bot/test_model_shared_by_workers.py), so the fork loses nothing."""
    key = os.path.abspath(model_path)
    if os.path.isfile(key) and key not in _preloaded:
        _preloaded[key] = _load_model(key)
        distress_model.warm_up()
        gc.collect()
        gc.freeze()
        release_free_heap()


# spaCy model name -> the SpacyModel loaded for it (read-only once loaded: every node can share it).
_spacy_models: dict[str, spacy_utils.SpacyModel] = {}
_load_spacy_model = spacy_utils.SpacyNLP.load_model


def load_spacy_model_once(spacy_model_name: str) -> spacy_utils.SpacyModel:
    if spacy_model_name not in _spacy_models:
        _spacy_models[spacy_model_name] = _load_spacy_model(spacy_model_name)
    return _spacy_models[spacy_model_name]


_serve_application = rasa.core.run.serve_application


@functools.wraps(_serve_application)
def serve_application_loading_once(model_path: str | None = None, *args: Any, **kwargs: Any) -> Any:
    """`rasa run`'s server; with several workers, the model is loaded before Sanic forks them."""
    endpoints = kwargs.get("endpoints")
    if model_path and rasa.core.utils.number_of_sanic_workers(endpoints.lock_store if endpoints else None) > 1:
        preload_model(model_path)
    return _serve_application(model_path, *args, **kwargs)


# ------------------------------------------------------------------ socket.io sessions stay on their worker

# This worker's number and every worker's private port; None when the server has a single process.
_worker_index: int | None = None
_private_ports: list[int] = []
_SESSION_OWNER = re.compile(r"^w(\d+)x")
# Headers that belong to one HTTP hop, not to the request or the response carried.
_HOP_HEADERS = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "host",
    "content-length",
}
# Longer than an engine.io long-poll waits (ping interval + ping timeout, 45 s by default).
FORWARD_READ_TIMEOUT_S = 90

_generate_id = engineio.base_server.BaseServer.generate_id


def generate_worker_session_id(server: engineio.base_server.BaseServer) -> str:
    """Engine.io's session id, prefixed with the number of the worker that holds the session."""
    session_id = _generate_id(server)
    return session_id if _worker_index is None else f"w{_worker_index}x{session_id}"


def session_owner(query_sid: str | None) -> int | None:
    match = _SESSION_OWNER.match(query_sid or "")
    return int(match.group(1)) if match else None


async def route_socketio_to_its_worker(request: Request) -> HTTPResponse | None:  # Sanic request middleware
    """An engine.io request of a session that another worker holds is answered by that worker."""
    if _worker_index is None or "EIO" not in request.args:
        return None
    owner = session_owner(request.args.get("sid"))
    if owner is None or owner == _worker_index or owner >= len(_private_ports):
        return None  # a new session, one of ours, or one of a former server's (engine.io refuses it)
    if request.args.get("transport") == "websocket":
        # An upgrade probe: refused, the session goes on polling through its worker.
        return HTTPResponse("websocket upgrade refused on this worker", status=400)
    return await _forward(request, _private_ports[owner])


@functools.lru_cache(maxsize=1)
def _client_session() -> Any:
    """The worker's one session to the other workers' private ports, made on first use (in its event loop)."""
    import aiohttp

    return aiohttp.ClientSession(
        auto_decompress=False,  # the body and its Content-Encoding go through unchanged
        timeout=aiohttp.ClientTimeout(total=None, sock_read=FORWARD_READ_TIMEOUT_S),
    )


async def _forward(request: Request, port: int) -> HTTPResponse:
    headers = {name: value for name, value in request.headers.items() if name.lower() not in _HOP_HEADERS}
    url = f"http://127.0.0.1:{port}{request.path}?{request.query_string}"
    async with _client_session().request(request.method, url, data=request.body, headers=headers) as answer:
        body = await answer.read()
        kept = [(name, value) for name, value in answer.headers.items() if name.lower() not in _HOP_HEADERS]
    response = HTTPResponse(body, status=answer.status, content_type=answer.headers.get("Content-Type"))
    for name, value in kept:
        if name.lower() != "content-type" and not _set_by_this_worker(name):
            response.headers.add(name, value)
    return response


def _set_by_this_worker(header: str) -> bool:
    """CORS headers: Sanic-CORS adds them to every response of this worker too, without looking for one already
    there; copied as well, the browser saw two Access-Control-Allow-Origin values and refused the answer (a
    polling session failed whenever a request landed on the other worker: 1 conversation in 11)."""
    return header.lower().startswith("access-control-")


_configure_app = rasa.core.run.configure_app


@functools.wraps(_configure_app)
def configure_app_with_sticky_socketio(*args: Any, **kwargs: Any) -> sanic.app.Sanic:
    app: sanic.app.Sanic = _configure_app(*args, **kwargs)
    app.register_middleware(route_socketio_to_its_worker, "request")
    app.register_listener(action_client.close_sessions, "after_server_stop")
    return app


def _private_socket() -> socket.socket:
    private = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    private.bind(("127.0.0.1", 0))
    private.listen(128)
    private.setblocking(False)
    return private


# Tasks a worker starts beside Sanic's server: the loop keeps only weak references to its tasks.
_worker_tasks: set[asyncio.Task[Any]] = set()


def _serve_worker(index: int, private: socket.socket, ports: list[int], server_settings: dict[str, Any]) -> None:
    """One Sanic worker, which also serves its private port (the same app, the same protocol)."""
    global _worker_index, _private_ports
    _worker_index, _private_ports = index, ports
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    settings = {**server_settings, "loop": loop}
    settings["connections"] = settings.get("connections") or set()
    protocol = settings.get("protocol") or HttpProtocol
    factory = functools.partial(
        protocol,
        loop=loop,
        connections=settings["connections"],
        signal=settings.get("signal"),
        app=settings["app"],
        state=settings.get("state"),
        unix=None,
        **runners._build_protocol_kwargs(protocol, settings["app"].config),
    )
    _worker_tasks.add(loop.create_task(loop.create_server(factory, sock=private)))
    runners.serve(**settings)


def serve_workers(server_settings: dict[str, Any], workers: int) -> None:
    """Sanic 21's serve_multiple, but each worker binds its own SO_REUSEPORT socket (Sanic sets reuse_port for
    workers) and a worker that dies is started again: Sanic's parent only waits, and a crashed worker would
    leave the server at half its capacity, unnoticed by anything watching the parent."""
    if server_settings.get("sock") is not None or server_settings.get("unix"):
        runners.serve_multiple(server_settings, workers)  # type: ignore[no-untyped-call]  # Sanic 21.12's, untyped
        return
    server_settings.update(reuse_port=True, run_multiple=True)
    main_start, main_stop = server_settings.pop("main_start", None), server_settings.pop("main_stop", None)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    trigger_events(main_start, loop)

    fork = multiprocessing.get_context("fork")
    deaths: list[float] = []
    privates = [_private_socket() for _ in range(workers)]
    ports = [private.getsockname()[1] for private in privates]

    def start_worker(index: int) -> ForkProcess:
        worker = fork.Process(target=_serve_worker, args=(index, privates[index], ports, server_settings), daemon=True)
        worker.start()
        return worker

    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for worker in pool:
            if worker.is_alive() and worker.pid is not None:  # a started process has its pid
                os.kill(worker.pid, signal.SIGTERM)

    pool = [start_worker(index) for index in range(workers)]
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping:
        for index, worker in enumerate(pool):
            if worker.is_alive() or stopping:
                continue
            now = time.monotonic()
            deaths[:] = [t for t in deaths if now - t < WORKER_DEATHS_WINDOW_S] + [now]
            if len(deaths) > WORKER_DEATHS_ALLOWED:
                logger.error(
                    "Sanic workers keep exiting (%d in %.0f s): stopping the server",
                    len(deaths),
                    WORKER_DEATHS_WINDOW_S,
                )
                stop(signal.SIGTERM, None)
                break
            logger.error("Sanic worker %s exited (code %s): starting another", worker.pid, worker.exitcode)
            pool[index] = start_worker(index)
        time.sleep(WORKER_CHECK_S)
    for worker in pool:
        worker.join()
    trigger_events(main_stop, loop)
    loop.close()
    if any(worker.exitcode for worker in pool):
        sys.exit(1)


# Looked up by name when `rasa run` registers its start-up listener, and when Sanic starts its workers.
rasa.core.run.load_agent_on_start = load_agent_then_freeze
rasa.core.run.serve_application = serve_application_loading_once
MessageProcessor._load_model = staticmethod(load_model_once)
spacy_utils.SpacyNLP.load_model = staticmethod(load_spacy_model_once)
# Calls to the action server on kept-alive connections (bot/action_client.py).
action_client.install()
# Pure computations Rasa repeats within a turn, done once (bot/speedups.py).
speedups.install()
# A user event stores the first entries of the NLU's rankings, not all of them (bot/stored_parse.py).
stored_parse.install()
# A form question the validation already asked costs no second action call (bot/form_asks.py).
form_asks.install()
rasa.core.run.configure_app = configure_app_with_sticky_socketio
sanic.app.serve_multiple = serve_workers  # type: ignore[attr-defined]  # the name sanic.app imported and calls
engineio.base_server.BaseServer.generate_id = generate_worker_session_id


def _token_from_environment(argv: list[str]) -> list[str]:
    """Rasa's arguments with ``--auth-token`` taken from RELAIS_RASA_TOKEN: given inside the process, it is not
    on the command line, which every local user can read in /proc. "--auth-token=…" in one argument: a
    generated token may start with "-", which argparse would take for an option."""
    token = os.environ.get("RELAIS_RASA_TOKEN")
    if not token or any(a == "--auth-token" or a.startswith("--auth-token=") for a in argv):
        return argv
    return [*argv, f"--auth-token={token}"]


if __name__ == "__main__":
    from ops import logs

    logs.install()
    sys.argv = _token_from_environment(sys.argv)
    sys.exit(main())
