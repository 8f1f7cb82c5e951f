"""Linting many files: a process pool, a progress bar, results in input order, cross-report checks.

``lint_files`` is what ``fzlint check`` calls. With ``jobs`` > 1 and enough files, files go to a
pool of worker processes in small chunks; each worker receives the compiled rules once (pool
initializer) and sends back a slim FileResult (no Document/Facts: ReportInfo carries what reporters
show) plus, for each BatchCheck rule, the fingerprint its ``collect`` made. Results are put back in
input order, so output never depends on scheduling. Then every BatchCheck rule compares the
reports once (``cross_check``) and its findings are stamped into the JSON shape of design.md.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import Any, Sequence

from ..analysis.scope import View
from ..api import FileResult, lint_bytes, lint_path
from ..checks.base import BatchFinding, BatchItem
from ..config import Config
from ..rules.selection import matches
from ..rules.ruleset import Rule, Ruleset

MIN_PARALLEL = 8  # below this many files a pool costs more (start-up, ~0.1 s) than it saves
_STATE: tuple[list[Rule], Config] | None = None  # a worker's rules and config, set once by _init

Outcome = tuple[FileResult, dict[str, Any]]  # a result and the batch fingerprints keyed by rule id


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_files(paths: Sequence[str], rules: list[Rule], config: Config, *, jobs: int | None = None,
               progress: bool = False, stdin_name: str | None = None) -> tuple[list[FileResult], list[dict]]:
    """Lint ``paths`` ("-" is standard input); return results in input order and batch findings."""
    jobs = jobs or default_jobs()
    files = [p for p in paths if p != "-"]
    # A cross-report check needs two reports: for one, its fingerprints would be wasted work.
    batch_rules = [r for r in rules if r.check.batch] if len(paths) > 1 else []
    with _progress(len(paths), progress and len(paths) > 1) as advance:
        if jobs > 1 and len(files) >= MIN_PARALLEL:
            done = dict(_pooled(list(enumerate(paths)), rules, config, jobs, advance))
        else:
            done = {}
            for index, path in enumerate(paths):
                if path != "-":
                    done[index] = lint_one(path, rules, config, collect=bool(batch_rules))
                    advance(1)
        for index, path in enumerate(paths):
            if path == "-":
                done[index] = lint_one(stdin_name or "<stdin>", rules, config, data=sys.stdin.buffer.read(),
                                       collect=bool(batch_rules))
                advance(1)
    outcomes = [done[i] for i in range(len(paths))]
    results = [result for result, _ in outcomes]
    findings = cross_check(results, [data for _, data in outcomes], batch_rules, config.lang) if batch_rules else []
    return results, findings


def lint_texts(texts: Sequence[str], rules: list[Rule], *, strict: bool = True) -> tuple[list[FileResult], list[dict]]:
    """Lint strings as the files ``<text1>``, ``<text2>``… of one batch (tests, rule examples)."""
    from ..api import lint_text

    results = [lint_text(text, rules, path=f"<text{i + 1}>", strict=strict) for i, text in enumerate(texts)]
    collected = [_collect(r, rules) for r in results]
    return results, cross_check(results, collected, [r for r in rules if r.check.batch])


def lint_one(path: str, rules: list[Rule], config: Config, data: bytes | None = None, *,
             collect: bool = True) -> Outcome:
    """Lint one file (or ``data`` standing for it); apply per-file ignores; collect fingerprints
    for the cross-report checks unless ``collect`` is false."""
    options = {"year": config.year, "encoding": config.encoding, "lang": config.lang}
    result = lint_path(path, rules, **options) if data is None else lint_bytes(data, path, rules, **options)
    ignored = config.ignored_for(result.path)
    if ignored:
        result.diagnostics = [d for d in result.diagnostics if not matches(d.rule, ignored)]
    return result, _collect(result, rules) if collect else {}


def _collect(result: FileResult, rules: list[Rule]) -> dict[str, Any]:
    collected: dict[str, Any] = {}
    if result.error or result.analysis is None:
        return collected
    for rule in rules:
        if not rule.check.batch:
            continue
        try:
            collected[rule.id] = rule.check.collect(View(result.analysis, rule.scope))
        except Exception as err:  # noqa: BLE001 - one odd report must not cost the batch its other findings
            print(f"fzlint: 内部错误：规则 {rule.id} 在 {result.path} 上出错（{type(err).__name__}: {err}），该文件不参与此项比对。", file=sys.stderr)
    return collected


# ---- the pool -----------------------------------------------------------------------------------

def _pooled(tasks: list[tuple[int, str]], rules: list[Rule], config: Config, jobs: int, advance):
    """Yield (index, outcome) as chunks finish; a crashed worker turns its files into errors."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    tasks = [(i, p) for i, p in tasks if p != "-"]
    workers = min(jobs, len(tasks))
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(rules, config))
    try:
        futures = {executor.submit(_work, chunk): chunk for chunk in chunks}
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = [(i, (FileResult(p, error="检查进程意外退出，无法检查此文件。"), {})) for i, p in futures[future]]
            yield from outcomes
            advance(len(outcomes))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _init(rules: list[Rule], config: Config) -> None:
    import signal

    global _STATE
    _STATE = (rules, config)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks


def _work(chunk: list[tuple[int, str]]) -> list[tuple[int, Outcome]]:
    assert _STATE is not None
    rules, config = _STATE
    done = []
    for index, path in chunk:
        result, collected = lint_one(path, rules, config)
        done.append((index, (replace(result, document=None, facts=None, analysis=None), collected)))
    return done


# ---- progress -----------------------------------------------------------------------------------

class _progress:
    """A rich progress bar on stderr (files, rate, ETA) when wanted and stderr is a terminal."""

    def __init__(self, total: int, wanted: bool) -> None:
        self.total, self.bar, self.task = total, None, None
        if wanted and sys.stderr.isatty():
            self.bar = _make_bar()

    def __enter__(self):
        if self.bar is None:
            return lambda n: None
        self.bar.start()
        self.task = self.bar.add_task("检查中", total=self.total)
        return lambda n: self.bar.advance(self.task, n)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _make_bar():
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.0f} 个/秒" if task.speed else "", style="dim")

    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("个文件"), Rate(),
        TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True,
    )


# ---- cross-report checks ------------------------------------------------------------------------

def cross_check(results: list[FileResult], collected: list[dict[str, Any]], rules: list[Rule], lang: str = "zh") -> list[dict]:
    """Run each BatchCheck rule over the reports that have its fingerprint; stamp its findings."""
    found: list[dict] = []
    for rule in rules:
        items = [
            BatchItem(i, r.path, r.info.issuer if r.info else None, r.info.year if r.info else None, data[rule.id])
            for i, (r, data) in enumerate(zip(results, collected)) if rule.id in data
        ]
        try:
            found.extend(stamp(rule, f, results, lang) for f in rule.check.run_batch(items))
        except Exception as err:  # noqa: BLE001 - a check's bug must not hide the per-file findings
            print(f"fzlint: 内部错误：跨文件规则 {rule.id} 出错（{type(err).__name__}: {err}），已跳过。", file=sys.stderr)
    order = {r.path: i for i, r in enumerate(results)}
    return sorted(found, key=lambda f: [(order.get(loc["path"], 0), loc["line"]) for loc in f["locations"]])


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def stamp(rule: Rule, finding: BatchFinding, results: list[FileResult], lang: str = "zh") -> dict:
    """A BatchFinding in the JSON shape of design.md (``batch`` list)."""
    templates = rule.messages_en if lang == "en" and rule.messages_en else rule.messages
    template = templates.get(finding.kind) or next(iter(templates.values()))
    return {
        "rule": rule.id,
        "severity": rule.severity.label,
        "message": template.format_map(_Blank(finding.values)),
        "share": finding.share,
        "locations": [{"path": results[loc.index].path, "line": loc.line, "end_line": loc.end_line} for loc in finding.locations],
    }
