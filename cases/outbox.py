"""Nothing said is lost when the database is down.

``CaseOutbox.submit`` tries the database; on an outage it writes the draft atomically as JSON under
``spool_dir`` and answers ``stored=False`` (the artisan is told plainly and given the phone number).
``flush`` (called by the next ``submit`` and by the background thread) stores spooled drafts oldest
first and deletes each file only once its case is in the database. Because ``save_draft`` is idempotent
per conversation, a draft stored twice (a crash between commit and delete) still makes one case.
``withdraw`` erases the conversation's case when the artisan takes back their consent; on an outage the
withdrawal waits on disk in the same order as the drafts, so a draft spooled before it never makes a case.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc as sa_exc

from cases.drafts import CaseDraft
from cases.repository import CaseRepository

log = logging.getLogger(__name__)

# What an unreachable, restarting or not yet migrated database raises. IntegrityError or DataError are
# bugs, not outages: retrying would not help.
_OUTAGE_ERRORS = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.ProgrammingError,
    sa_exc.TimeoutError,
    sa_exc.DisconnectionError,
    OSError,
)


def _is_outage(error: Exception) -> bool:
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, _OUTAGE_ERRORS)


# A spooled file that records a withdrawal of consent rather than a draft.
_WITHDRAWAL = "withdrawal"


@dataclass(frozen=True)
class SubmitResult:
    reference: str
    stored: bool  # False: spooled, will be stored as soon as the database answers


class CaseOutbox:
    def __init__(self, repository: CaseRepository, spool_dir: Path) -> None:
        self._repository = repository
        self._spool_dir = Path(spool_dir)
        self._spool_dir.mkdir(parents=True, exist_ok=True)
        self._rejected_dir = self._spool_dir / "rejected"
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def spool_dir(self) -> Path:
        return self._spool_dir

    def pending(self) -> list[Path]:
        return sorted(self._spool_dir.glob("*.json"))

    def submit(self, draft: CaseDraft) -> SubmitResult:
        draft.validate()  # a malformed draft is the caller's bug: raise now rather than spool it forever
        with self._lock:
            spooled_reference = self._spooled_reference(draft.conversation_id)
            if spooled_reference:
                # Same conversation already waiting: keep the reference the artisan was given.
                draft.reference = spooled_reference
            # Older drafts first, so that a newer state is never overwritten by an older one.
            self.flush()
            if not self.pending():
                try:
                    return SubmitResult(self._repository.save_draft(draft), stored=True)
                except Exception as error:  # filtered just below
                    if not _is_outage(error):
                        raise
                    log.warning("cases database unreachable, spooling %s: %s", draft.reference, error)
            self._spool(draft)
            return SubmitResult(draft.reference, stored=False)

    def spool(self, draft: CaseDraft) -> SubmitResult:
        """Keeps the draft on disk without trying the database first (a failure the caller cannot tell
        apart from an outage). The flush stores it, or sets it aside in ``rejected/`` for a person."""
        with self._lock:
            spooled_reference = self._spooled_reference(draft.conversation_id)
            if spooled_reference:
                draft.reference = spooled_reference
            self._spool(draft)
        return SubmitResult(draft.reference, stored=False)

    def withdraw(self, conversation_id: str) -> bool:
        """The artisan took back their consent: the conversation's drafts waiting here are deleted and its case
        is erased (``CaseRepository.withdraw``). On an outage the withdrawal itself waits on disk, and the flush
        applies it before anything newer. Returns whether it was applied now (False: spooled)."""
        with self._lock:
            # Its drafts waiting here, and those set aside for a person: what was taken back is not kept.
            for path in [*self.pending(), *sorted(self._rejected_dir.glob("*.json"))]:
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                if isinstance(data, dict) and data.get("conversation_id") == conversation_id:
                    path.unlink(missing_ok=True)
            self.flush()
            if not self.pending():
                try:
                    self._repository.withdraw(conversation_id)
                    return True
                except Exception as error:  # filtered just below
                    if not _is_outage(error):
                        raise
                    log.warning("cases database unreachable, spooling a withdrawal: %s", type(error).__name__)
            self._write({_WITHDRAWAL: True, "conversation_id": conversation_id})
            return False

    def flush(self) -> int:
        """Store spooled drafts in order; stops at the first outage. Returns how many were stored."""
        stored = 0
        with self._lock:
            for path in self.pending():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    if data.get(_WITHDRAWAL):
                        self._repository.withdraw(str(data["conversation_id"]))
                    else:
                        self._repository.save_draft(CaseDraft.from_json(data))
                except Exception as error:  # noqa: BLE001
                    if _is_outage(error):
                        log.info("cases database still unreachable (%d drafts waiting)", len(self.pending()))
                        break
                    # Unreadable or refused by the database: set aside for a human, do not block the others.
                    log.error("spooled draft %s rejected: %s", path.name, error)
                    self._rejected_dir.mkdir(exist_ok=True)
                    os.replace(path, self._rejected_dir / path.name)
                    continue
                path.unlink()
                stored += 1
        return stored

    def start_background_flush(self, interval_s: float = 5.0) -> None:
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()

        def loop() -> None:
            while not self._stop.wait(interval_s):
                try:
                    if self.pending():
                        self.flush()
                except Exception:
                    log.exception("background flush failed")

        self._thread = threading.Thread(target=loop, name="case-outbox-flush", daemon=True)
        self._thread.start()

    def stop_background_flush(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout_s)
            self._thread = None

    def _spooled_reference(self, conversation_id: str) -> str | None:
        for path in self.pending():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
            if data.get("conversation_id") == conversation_id and not data.get(_WITHDRAWAL):
                reference: str | None = data.get("reference")
                return reference
        return None

    def _spool(self, draft: CaseDraft) -> Path:
        return self._write(draft.to_json())

    def _write(self, data: dict[str, object]) -> Path:
        # Name sorts by time; the uuid keeps two drafts of the same nanosecond apart.
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.json"
        handle, temporary = tempfile.mkstemp(dir=self._spool_dir, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False)
                file.flush()
                os.fsync(file.fileno())
            final = self._spool_dir / name
            os.replace(temporary, final)  # atomic: a reader sees the whole draft or nothing
            directory = os.open(self._spool_dir, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
            return final
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
