"""Reading the intake facts out of the artisan's own words (plain Python, no Rasa): `intake.facts`."""

from intake.facts import extract_facts, sympathy, understood

__all__ = ["extract_facts", "sympathy", "understood"]
