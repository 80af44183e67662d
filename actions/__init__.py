"""The action server: thin rasa_sdk adapters (`*_actions.py`) over plain modules.

The plain modules (`conversation`, `intake`, `handoff`) and the top-level `triage`, `guidance`,
`chamber` and `cases` packages hold the logic and are tested without Rasa.
"""

from actions import safety as _safety

# Every action the action server registers answers kindly instead of failing (actions/safety.py).
_safety.install()
