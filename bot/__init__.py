"""The Rasa project around the data: domain, endpoints, custom NLU components, and the CLI that
trains, runs and evaluates the whole product (see `python -m bot --help`)."""
