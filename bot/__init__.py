"""The Rasa project and its extensions: domain, credentials, custom NLU components (crisis guard, CRF,
response selector), the channels, tracker and lock stores, the channel guard, and how the Rasa server
and the action server start. Run by ops/ (`python -m ops run`), which names these modules in the files
Rasa reads. See docs/architecture.md."""
