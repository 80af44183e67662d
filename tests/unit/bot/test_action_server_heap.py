"""The action server's long-lived objects (the actions, the triage's classifiers, the communes) are frozen out
of the garbage collector's passes once loaded (bot/action_server.py), and the freeze keeps what was loaded."""

from __future__ import annotations

import gc

from bot.action_server import freeze_loaded_heap
from places import data as places_data
from places.resolve import resolve


def test_the_loaded_heap_is_frozen_with_the_communes_and_still_answers():
    gc.unfreeze()
    try:
        freeze_loaded_heap()
        assert places_data.tables.cache_info().currsize == 1  # read at start, not at the first place question
        assert gc.get_freeze_count() > len(places_data.tables().communes)
        # a full pass now walks only what was made since, not the communes
        assert len(gc.get_objects()) < gc.get_freeze_count()
        assert resolve("Lille").departement == "59"  # the frozen tables are read as before
    finally:
        gc.unfreeze()
