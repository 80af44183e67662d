"""`rasa run` for the product's processes, with two costs moved out of the way.

skops (which stores Rasa's scikit-learn classifiers) builds its tables of trusted types when first
imported, searching every loaded module for each numpy and scipy function. Imported by Rasa after
TensorFlow, that search took 9 s of every Rasa start on these machines; imported first, well under one.

A loaded Rasa server holds 1.3 million Python objects (TensorFlow, spaCy, the model), which the garbage
collector's full passes walked again and again under load: 0.4 s each, a pause for every conversation
waiting. They live as long as the server, so once the model is loaded they are frozen out of its reach.

With several Sanic workers (SANIC_WORKERS, the embedded mode's default), Sanic 21 binds one socket in the
parent and every worker accepts on it: whichever worker wakes first takes all the waiting connections,
and under a burst one worker served every turn while the other idled. Each worker here listens on its own
socket with SO_REUSEPORT instead, and the kernel spreads the new connections between them; a worker that
dies is started again.

Everything else is Rasa's own command line: `python -m bot.rasa_server run --model ...`.
"""

import asyncio  # noqa: I001  (skops first, see above)
import gc
import logging
import multiprocessing
import os
import signal
import sys
import time

import skops.io  # noqa: F401  (first, for the reason above)
import rasa.core.run
import sanic.app
from rasa.__main__ import main
from sanic.server import runners
from sanic.server.events import trigger_events

logger = logging.getLogger(__name__)
WORKER_CHECK_S = 1.0
# More deaths than this within the window is a crash loop (no model, port taken): the server stops.
WORKER_DEATHS_ALLOWED, WORKER_DEATHS_WINDOW_S = 3, 60.0

_load_agent_on_start = rasa.core.run.load_agent_on_start


async def load_agent_then_freeze(*args, **kwargs):
    agent = await _load_agent_on_start(*args, **kwargs)
    gc.collect()
    gc.freeze()
    return agent


def serve_workers(server_settings: dict, workers: int) -> None:
    """Sanic 21's serve_multiple, but each worker binds its own SO_REUSEPORT socket (Sanic sets reuse_port for
    workers) and a worker that dies is started again: Sanic's parent only waits, and a crashed worker would
    leave the server at half its capacity, unnoticed by anything watching the parent."""
    if server_settings.get("sock") is not None or server_settings.get("unix"):
        return runners.serve_multiple(server_settings, workers)
    server_settings.update(reuse_port=True, run_multiple=True)
    main_start, main_stop = server_settings.pop("main_start", None), server_settings.pop("main_stop", None)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    trigger_events(main_start, loop)

    fork = multiprocessing.get_context("fork")
    deaths: list[float] = []

    def start_worker() -> multiprocessing.Process:
        worker = fork.Process(target=runners.serve, kwargs=server_settings, daemon=True)
        worker.start()
        return worker

    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for worker in pool:
            if worker.is_alive():
                os.kill(worker.pid, signal.SIGTERM)

    pool = [start_worker() for _ in range(workers)]
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping:
        for index, worker in enumerate(pool):
            if worker.is_alive() or stopping:
                continue
            now = time.monotonic()
            deaths[:] = [t for t in deaths if now - t < WORKER_DEATHS_WINDOW_S] + [now]
            if len(deaths) > WORKER_DEATHS_ALLOWED:
                logger.error("Sanic workers keep exiting (%d in %.0f s): stopping the server", len(deaths),
                             WORKER_DEATHS_WINDOW_S)
                stop(signal.SIGTERM, None)
                break
            logger.error("Sanic worker %s exited (code %s): starting another", worker.pid, worker.exitcode)
            pool[index] = start_worker()
        time.sleep(WORKER_CHECK_S)
    for worker in pool:
        worker.join()
    trigger_events(main_stop, loop)
    loop.close()
    if any(worker.exitcode for worker in pool):
        sys.exit(1)


# Looked up by name when `rasa run` registers its start-up listener, and when Sanic starts its workers.
rasa.core.run.load_agent_on_start = load_agent_then_freeze
sanic.app.serve_multiple = serve_workers



def _token_from_environment(argv: list[str]) -> list[str]:
    """Rasa's arguments with ``--auth-token`` taken from RELAIS_RASA_TOKEN: given inside the process, it is not
    on the command line, which every local user can read in /proc. "--auth-token=…" in one argument: a
    generated token may start with "-", which argparse would take for an option."""
    token = os.environ.get("RELAIS_RASA_TOKEN")
    if not token or any(a == "--auth-token" or a.startswith("--auth-token=") for a in argv):
        return argv
    return [*argv, f"--auth-token={token}"]


if __name__ == "__main__":
    from bot import logmask

    logmask.install()
    sys.argv = _token_from_environment(sys.argv)
    sys.exit(main())
