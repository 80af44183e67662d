"""rasa_sdk's action server (same command line: ``python -m bot.action_server --actions actions ...``) that
answers only Rasa: every call but ``/health`` must carry the token of ``RELAIS_ACTIONS_TOKEN`` in the
``X-Relais-Token`` header (Rasa sends it from endpoints.yml, see ops.rasa_config.action_endpoint). rasa_sdk 3.6
checks no token itself; this is a Sanic request middleware on its app. Log records are masked (ops.logs).

Once the actions are loaded, the server's long-lived objects are frozen out of the garbage collector's reach
(`freeze_loaded_heap`), as the Rasa server does after loading its model: the triage's classifiers, the
knowledge base and the communes are 210,000 objects, which every full pass of the collector walked again
(80-110 ms of CPU each on these machines, a pause for every turn waiting on the action server).
"""

from __future__ import annotations

import gc
import hmac
import os
from collections.abc import Callable
from typing import Any

from ops import logs
from ops.settings import ACTIONS_TOKEN_HEADER as TOKEN_HEADER
from places import data as places_data
from triage import distress_model, model as category_model, urgency_model

OPEN_PATHS = ("/health",)


def _with_token_check(create_app: Callable[..., Any]) -> Callable[..., Any]:
    def create_app_checking_token(*args: Any, **kwargs: Any) -> Any:
        from sanic import response

        app = create_app(*args, **kwargs)  # imports and registers the actions
        freeze_loaded_heap()
        token = os.environ.get("RELAIS_ACTIONS_TOKEN", "")

        @app.middleware("request")
        async def only_rasa(request: Any) -> Any:
            if request.path in OPEN_PATHS:
                return None
            given = request.headers.get(TOKEN_HEADER, "")
            if not token or not hmac.compare_digest(given.encode(), token.encode()):
                return response.json({"error": "unauthorized"}, status=401)
            return None

        return app

    return create_app_checking_token


def freeze_loaded_heap() -> None:
    """The objects loaded so far live as long as the server: out of the collector's passes (gc.freeze keeps
    reference counting, so anything dropped later is still freed). The communes are read now rather than at
    the first place question, to be among them (0.3-0.4 s of CPU, once)."""
    places_data.tables()
    gc.collect()  # nothing collectable is frozen with the rest
    gc.freeze()


def main() -> None:
    logs.install()
    # The triage's three classifiers, trained before the first action rather than during an artisan's turn.
    distress_model.warm_up()
    category_model.model()
    urgency_model.model()
    import rasa_sdk.endpoint

    rasa_sdk.endpoint.create_app = _with_token_check(rasa_sdk.endpoint.create_app)
    from rasa_sdk.__main__ import main as rasa_sdk_main

    rasa_sdk_main()


if __name__ == "__main__":
    main()
