"""Running one function over many files: a process pool when it pays, a progress bar, results in
input order. No lint logic lives here; the Session says what to do with each file.

The pool starts only for MIN_PARALLEL files or more (below that, starting workers costs more than
it saves), and by default with as many workers as there are cores that other processes leave
free (the 1-minute load average): on a shared two-core machine whose cores are busy two workers
are slower than one (docs/batch.md has the figures). Each worker receives the work function once
(pool initializer), and crashed workers turn their files into errors, so output never depends on
scheduling or on one bad file.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Sequence

MIN_PARALLEL = 32  # files; measured on the generated inbox, see docs/batch.md
_WORK: Callable[[str], Any] | None = None  # a worker's function, set once by _init


def cpus() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """The cores this run may use: those the other processes leave free, at least one."""
    total = cpus()
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): assume the cores are free
        busy = 0.0
    return max(1, min(total, round(total - busy)))


def run_all(paths: Sequence[str], work: Callable[[str], Any], *, jobs: int, progress: bool,
            crashed: Callable[[str], Any]) -> list[Any]:
    """``work(path)`` for every path, in input order; ``crashed(path)`` stands in for a lost one."""
    with Progress(len(paths), progress and len(paths) > 1) as advance:
        if jobs > 1 and len(paths) >= MIN_PARALLEL:
            # The first file is linted here, before the workers fork: they inherit its warm-up
            # (readers imported, rule patterns compiled) instead of each paying it again.
            done = {0: work(paths[0])}
            advance(1)
            done.update(_pooled(list(enumerate(paths))[1:], work, jobs, advance, crashed))
            return [done[i] for i in range(len(paths))]
        outcomes = []
        for path in paths:
            outcomes.append(work(path))
            advance(1)
        return outcomes


def _pooled(tasks: list[tuple[int, str]], work, jobs: int, advance, crashed):
    """Yield (index, outcome) as chunks finish; a crashed worker turns its files into errors."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(tasks))
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(work,))
    try:
        futures = {executor.submit(_work, chunk): chunk for chunk in chunks}
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = [(i, crashed(p)) for i, p in futures[future]]
            yield from outcomes
            advance(len(outcomes))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _init(work) -> None:
    import signal

    global _WORK
    _WORK = work
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks


def _work(chunk: list[tuple[int, str]]) -> list[tuple[int, Any]]:
    assert _WORK is not None
    return [(index, _WORK(path)) for index, path in chunk]


class Progress:
    """A rich progress bar on stderr (files, rate, ETA) when wanted and stderr is a terminal."""

    def __init__(self, total: int, wanted: bool, label: str = "检查中", unit: str = "个文件") -> None:
        self.total, self.label, self.unit, self.bar, self.task = total, label, unit, None, None
        if wanted and sys.stderr.isatty():
            self.bar = _make_bar(unit)

    def __enter__(self):
        if self.bar is None:
            return lambda n: None
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=self.total)
        return lambda n: self.bar.advance(self.task, n)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _make_bar(unit: str):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.0f} 个/秒" if task.speed else "", style="dim")

    return Bar(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit), Rate(),
        TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True,
    )
