"""`python -m bench.profiled MODULE ARGS...`: runs ``python -m MODULE ARGS...`` with a profiler switched on and
off by signals, for `python -m bench.cpu --profile` and `python -m bench --profile` (py-spy is not in the
lock; this needs nothing beyond the standard library).

SIGUSR1 starts (or ``$RELAIS_PROFILE_START`` set: from the start), SIGUSR2 stops and writes the profile to ``$RELAIS_PROFILE_DIR/<module>-<pid>.<ext>``.
``$RELAIS_PROFILE`` chooses the profiler:

- ``sample`` (default): a statistical profiler on the process's CPU clock (``setitimer(ITIMER_PROF)``): every
  ``$RELAIS_PROFILE_INTERVAL_MS`` (2) of CPU time the process uses, the main thread's Python stack is
  recorded (Sanic's event loop runs every turn there; C code, numpy or SQLite, counts for the Python
  function that called it). Waiting costs nothing and the code runs at its own speed, so the shares are
  those of the real run. Written as collapsed stacks (``frame;frame;... count``, py-spy's raw format).
- ``cprofile``: cProfile on the thread's CPU clock (``.prof``). Exact call counts, but its cost per Python
  call (5 x here) inflates code made of many small calls (isinstance through ABCMeta, for one): use its
  counts, not its shares.

Either way the garbage collector's passes are timed too (``gc.callbacks``, the thread's CPU clock), per
generation, and written beside the profile (``<module>-<pid>.gc.txt``): a sampled stack cannot show them (a
pass runs inside whatever allocation triggered it), and a full pass over a big heap is a pause for every
turn waiting on that process.
"""

from __future__ import annotations

import cProfile
import gc
import os
import runpy
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from types import FrameType


class _State:
    module = "python"
    profiler: cProfile.Profile | None = None
    samples: Counter[tuple[str, ...]] | None = None
    # generation -> CPU seconds of each pass, while profiling
    gc_passes: dict[int, list[float]] | None = None
    gc_started = 0.0


_state = _State()


def _frame_name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{code.co_name} ({code.co_filename}:{code.co_firstlineno})"


def _sample(_signum: int, frame: FrameType | None) -> None:
    samples = _state.samples
    if samples is None:
        return
    stack = []
    while frame is not None:
        stack.append(_frame_name(frame))
        frame = frame.f_back
    samples[tuple(reversed(stack))] += 1


def _time_gc(phase: str, info: dict[str, int]) -> None:
    passes = _state.gc_passes
    if passes is None:
        return
    if phase == "start":
        _state.gc_started = time.thread_time()
    else:
        passes.setdefault(info["generation"], []).append(time.thread_time() - _state.gc_started)


def gc_report(passes: dict[int, list[float]]) -> str:
    lines = []
    for generation in sorted(passes):
        times = sorted(passes[generation])
        lines.append(
            f"generation {generation}: {len(times)} passes, {1000 * sum(times):.1f} ms of CPU in all, "
            f"longest {1000 * times[-1]:.1f} ms, median {1000 * times[len(times) // 2]:.2f} ms"
        )
    return "\n".join(lines) + "\n"


def _out(extension: str) -> Path:
    return Path(os.environ.get("RELAIS_PROFILE_DIR", ".")) / f"{_state.module}-{os.getpid()}.{extension}"


def _start(_signum: int, _frame: object) -> None:
    if _state.gc_passes is None:
        _state.gc_passes = {}
        gc.callbacks.append(_time_gc)
    if os.environ.get("RELAIS_PROFILE", "sample") == "cprofile":
        if _state.profiler is None:
            _state.profiler = cProfile.Profile(time.thread_time)
            _state.profiler.enable()
        return
    if _state.samples is None:
        _state.samples = Counter()
        interval = float(os.environ.get("RELAIS_PROFILE_INTERVAL_MS", "2")) / 1000
        signal.signal(signal.SIGPROF, _sample)
        signal.setitimer(signal.ITIMER_PROF, interval, interval)


def _stop(_signum: int, _frame: object) -> None:
    if _state.gc_passes is not None:
        gc.callbacks.remove(_time_gc)
        passes, _state.gc_passes = _state.gc_passes, None
        _out("gc.txt").write_text(gc_report(passes))
    if _state.profiler is not None:
        _state.profiler.disable()
        _state.profiler.dump_stats(_out("prof"))
        _state.profiler = None
    if _state.samples is not None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        samples, _state.samples = _state.samples, None
        _out("txt").write_text("".join(f"{';'.join(stack)} {count}\n" for stack, count in samples.items()))


def main() -> None:
    module = _state.module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    signal.signal(signal.SIGUSR1, _start)
    signal.signal(signal.SIGUSR2, _stop)
    if os.environ.get("RELAIS_PROFILE_START"):
        _start(signal.SIGUSR1, None)  # from the first import: the start-up itself
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
