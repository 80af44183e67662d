"""Load benchmark of Relais against `rasa init`'s stock assistant: `python -m bench --help` (`make bench`)."""
