"""The conversation simulator (issue 12): generated artisans talk to the real running bot, and
invariants are checked on every turn. `make test` runs a bounded batch (tests/simulator/test_simulator.py),
`make simulate` a long one (`python -m tests.simulator`)."""
