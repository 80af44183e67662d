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
socket with SO_REUSEPORT instead, and the kernel spreads the new connections between them.

Everything else is Rasa's own command line: `python -m bot.rasa_server run --model ...`.
"""

import gc  # noqa: I001  (skops first, see above)
import socket
import sys

import skops.io  # noqa: F401  (first, for the reason above)
import rasa.core.run
import sanic.app
from rasa.__main__ import main
from sanic.server import runners

_load_agent_on_start = rasa.core.run.load_agent_on_start


async def load_agent_then_freeze(*args, **kwargs):
    agent = await _load_agent_on_start(*args, **kwargs)
    gc.collect()
    gc.freeze()
    return agent


def serve_multiple_on_own_sockets(server_settings: dict, workers: int) -> None:
    host, port = server_settings["host"], server_settings["port"]
    if server_settings.get("sock") is not None or server_settings.get("unix"):
        return runners.serve_multiple(server_settings, workers)
    serve = runners.serve

    def serve_on_own_socket(**settings):
        # Sanic sets reuse_port for its workers; without the shared socket each binds its own.
        return serve(**{**settings, "sock": None, "host": host, "port": port})

    # Stands for the shared socket, so that Sanic's parent does not bind one; never bound itself.
    server_settings["sock"] = socket.socket()
    runners.serve = serve_on_own_socket  # what serve_multiple starts in each forked worker
    try:
        return runners.serve_multiple(server_settings, workers)
    finally:
        runners.serve = serve


# Looked up by name when `rasa run` registers its start-up listener, and when Sanic starts its workers.
rasa.core.run.load_agent_on_start = load_agent_then_freeze
sanic.app.serve_multiple = serve_multiple_on_own_sockets

if __name__ == "__main__":
    sys.exit(main())
