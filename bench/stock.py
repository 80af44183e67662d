"""The reference: the assistant `rasa init` creates, trained once under var/bench/stock, served as it comes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ops.settings import VAR_DIR
from ops.stack import VENV_BIN, Process

STOCK_DIR = VAR_DIR / "bench" / "stock"


def stock_model() -> Path | None:
    models = sorted((STOCK_DIR / "models").glob("*.tar.gz"))
    return models[-1] if models else None


def ensure_stock_assistant() -> Path:
    """`rasa init --no-prompt` (it trains its own model) the first time; the same model afterwards."""
    model = stock_model()
    if model:
        return model
    STOCK_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Creating and training the stock assistant in {STOCK_DIR} (once; a few minutes)…", flush=True)
    with open(STOCK_DIR.parent / "stock-init.log", "ab") as log:
        subprocess.run(
            [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(STOCK_DIR)],
            cwd=STOCK_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
        )
    model = stock_model()
    if model is None:
        raise RuntimeError(f"rasa init trained no model: see {STOCK_DIR.parent / 'stock-init.log'}")
    return model


def stock_process(port: int, log_dir: Path) -> Process:
    model = ensure_stock_assistant()
    return Process(
        "stock-rasa",
        [
            str(VENV_BIN / "rasa"),
            "run",
            "--model",
            str(model),
            "--endpoints",
            str(STOCK_DIR / "endpoints.yml"),
            "--credentials",
            str(STOCK_DIR / "credentials.yml"),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        f"http://127.0.0.1:{port}/",
        log_dir / "stock-rasa.log",
    )
