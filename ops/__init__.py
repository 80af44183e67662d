"""Runs the product: one configuration for every process (settings), their supervision (stack), the
production layout behind nginx (production), what Rasa reads at start-up (rasa_config), logs, and the one
command line, `python -m ops` (cli). Imports the plain packages only, never bot/, inbox/, actions/ or Rasa:
it starts those as processes and names them by module path. See docs/architecture.md."""
