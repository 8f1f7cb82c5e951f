"""The terminal view (rich): each finding with its source line and the span underlined.

Underlines are measured in terminal cells, so they sit right under full-width characters. Report
text never passes through rich markup (it goes in as plain Text), so "[...]" in a report is
printed as written. Many findings of one rule in one file are grouped after the first few; JSON
still lists every one.
"""

from __future__ import annotations

from collections import defaultdict

from ..diagnostics import Severity
from .labels import SEVERITY_LABEL
from .places import heading_path, where_exact

SHOWN_PER_RULE = 3
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WINDOW = 36  # cells of context either side of a long line's finding


class _Out:
    """Collects styled lines: plain text for pipes and pre-commit, rich only for colour and tables.

    A segment is a string or a (text, style) pair. rich.console is imported only when colour is on
    or a table is printed, which keeps it off the start-up path of a one-file pre-commit run.
    """

    def __init__(self, color: bool, width: int) -> None:
        self.color, self.width = color, width
        self.parts: list[str] = []
        self._console = None

    def write(self, text: str) -> int:  # the file rich's Console writes to
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(file=self, force_terminal=self.color, width=self.width, highlight=False, soft_wrap=True)
        return self._console

    def line(self, *segments) -> None:
        if not self.color:
            self.parts.append("".join(s if isinstance(s, str) else s[0] for s in segments) + "\n")
            return
        from rich.text import Text

        self.console.print(Text.assemble(*segments))

    def renderable(self, thing) -> None:
        self.console.print(thing)

    def getvalue(self) -> str:
        return "".join(self.parts)


def render(run, options=None) -> str:
    from .summary import skipped_line, ticker, verdict_line

    results, batch = run.files, run.cross
    options = options or {}
    out = _Out(options.get("color", False), options.get("width", 100))
    advance = ticker(options)
    batch_run = len(results) > 1 and options.get("summary", True)  # --no-summary: each file's own findings only
    if batch_run:  # the reviewer's answer first: how many to send back
        out.line((verdict_line(run.totals) + "。", "bold"))
        out.line()
    for result in results:
        _file(out, result)
        advance(1 + len(result.diagnostics))
    for finding in batch:
        _batch(out, finding)
    if batch_run:
        out.line()
        out.renderable(_table(run))
    if options.get("statistics"):
        out.renderable(_statistics(results, batch, options.get("titles") or {}))
    for item in run.skipped:
        out.line((skipped_line(item), "dim"))
    _summary(out, run)
    return out.getvalue()


def _file(out: _Out, result) -> None:
    if result.error:
        out.line((result.path, "bold"), "  ", ("无法检查", "bold red"), "：", result.error)
        return
    if not result.diagnostics:
        out.line((result.path, "bold"), "  ", ("未发现问题", "green"), "  ", _facts_line(result))
        return
    out.line((result.path, "bold"), "  ", _facts_line(result))
    lines = result.source.text.splitlines()
    shown: dict[str, int] = defaultdict(int)
    hidden: dict[str, int] = defaultdict(int)
    for d in result.diagnostics:
        shown[d.rule] += 1
        if shown[d.rule] > SHOWN_PER_RULE:
            hidden[d.rule] += 1
            continue
        _diagnostic(out, d, lines, paragraphs=result.source.kind == "docx")
    for rule, count in hidden.items():
        out.line((f"  … {rule} 另有 {count} 处（完整列表见 --format json）", "dim"))
    out.line()


def _facts_line(result) -> str:
    info = result.info
    if info is None:
        return ""
    bits = []
    if info.year:
        bits.append(f"{info.year}年度")
    if info.issuer:
        bits.append(info.issuer)
    bits.append("部分：" + ("、".join(info.label(p) for p in info.part_names) or "未识别"))
    return "（" + " · ".join(bits) + "）"


def _diagnostic(out: _Out, d, lines: list[str], paragraphs: bool = False) -> None:
    style = _STYLE[d.severity]
    # In a Word file the place is the paragraph as Word counts them (table cells included) and
    # the headings above it, since Word shows no numbers; a text file's is line:column.
    where = where_exact(d.location, "docx") if paragraphs else f"{d.line}:{d.column}"
    out.line(f"  {where}  ", (SEVERITY_LABEL[d.severity], style), "  ", (d.rule, "dim"), "  ", d.message)
    if paragraphs and d.location.headings:
        out.line(("    位置：" + heading_path(d.location), "dim"))
    if 1 <= d.line <= len(lines):
        text = lines[d.line - 1]
        end = d.end_column - 1 if d.end_line == d.line else len(text)
        gutter = f"{d.line:>6} │ "
        snippet, lead, width = _excerpt(text, d.column - 1, max(end, d.column))
        out.line((gutter, "dim"), snippet)
        out.line(" " * (len(gutter) - 2), ("│", "dim"), " " + " " * lead, ("^" * max(width, 1), style))


def _excerpt(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A window of ``text`` around [start, end) and the underline's offset and width in cells."""
    from rich.cells import cell_len

    text = text.replace("\t", " ")
    end = min(end, start + _WINDOW)  # a span over a whole paragraph: underline its start only
    left = start
    while left > 0 and cell_len(text[left - 1:start]) <= _WINDOW:
        left -= 1
    right = end
    while right < len(text) and cell_len(text[end:right + 1]) <= _WINDOW:
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    snippet = prefix + text[left:right] + suffix
    lead = cell_len(prefix + text[left:start])
    width = cell_len(text[start:end])
    return snippet, lead, width


def _batch(out: _Out, finding) -> None:
    shown = finding.locations[:2]
    places = "；".join(f"{loc.path}:{loc.line}" for loc in shown)
    if len(finding.locations) > len(shown):
        places += f" 等 {len(finding.locations)} 处"
    out.line(("跨文件", _STYLE[finding.severity]), "  ", (finding.rule, "dim"), "  ", finding.message, "  ", (places, "dim"))


def _common_dir(paths: list[str]) -> str:
    """The folder every path shares (with its trailing slash), so the table shows short names."""
    import os

    if len(paths) < 2 or not all(paths):
        return ""
    try:
        common = os.path.commonpath([os.path.dirname(p) or "." for p in paths])
    except ValueError:  # absolute and relative paths mixed: nothing in common to strip
        return ""
    return common + os.sep if common and common != "." and all(p.startswith(common + os.sep) for p in paths) else ""


_VERDICT_STYLE = {"需退回": "bold red", "建议修改": "yellow", "可通过": "green", "无法检查": "bold red"}


def _table(run):
    """One row per file, worst first: the verdict, who reported, which year, what is missing, how bad."""
    from rich.table import Table
    from rich.text import Text

    from .summary import file_rows, worst_first  # only a batch needs its rows

    table = Table(title="批量检查汇总（需退回的在前）", title_justify="left", header_style="bold")
    for name, extra in (("文件", {"overflow": "fold", "min_width": 14, "max_width": 32}),
                        ("结论", {"no_wrap": True}),
                        ("报告主体", {"overflow": "fold", "min_width": 8, "max_width": 16}),
                        ("年度", {"justify": "right", "no_wrap": True}),
                        ("缺少部分", {"overflow": "fold", "min_width": 8, "max_width": 18}),
                        *((label, {"justify": "right", "no_wrap": True}) for label in SEVERITY_LABEL.values()),
                        ("跨文件", {"justify": "right", "no_wrap": True}),
                        ("最严重问题", {"overflow": "fold", "min_width": 20})):
        table.add_column(name, **extra)
    rows = worst_first(file_rows(run))
    base = _common_dir([row.path for row in rows])
    for row in rows:
        style = "bold red" if row.error else _STYLE.get(row.worst, "green")
        worst = row.worst_text if row.error or not row.worst_rule else row.worst_message
        worst = worst if len(worst) <= 40 else worst[:39] + "…"  # the full text is in the findings above
        verdict = row.verdict.label
        table.add_row(Text(row.path[len(base):]), Text(verdict, style=_VERDICT_STYLE[verdict]), Text(row.issuer or "—"),
                      str(row.year or "—"), Text(row.missing_text.replace("、", "\n")),
                      str(row.errors), str(row.warnings), str(row.infos), str(row.cross), Text(worst, style=style))
    if base:
        table.caption, table.caption_justify = f"文件均位于 {base}", "left"
    return table


def _statistics(results, batch, titles: dict):
    """--statistics: how often each rule fired, in how many files."""
    from rich.table import Table
    from rich.text import Text

    from .summary import rule_stats

    table = Table(title="按规则统计", title_justify="left", header_style="bold")
    for name in ("规则", "级别", "次数", "文件数", "说明"):
        table.add_column(name, justify="right" if name in ("次数", "文件数") else "left")
    for stat in rule_stats(results, batch):
        table.add_row(Text(stat.rule), Text(SEVERITY_LABEL[stat.severity], style=_STYLE[stat.severity]),
                      str(stat.count), str(stat.files), Text(titles.get(stat.rule, "")))
    return table


def _summary(out: _Out, run) -> None:
    from .summary import totals_line, verdict_line

    totals = run.totals
    if len(run.files) > 1:
        out.line(totals_line(totals) + "。")
        out.line((verdict_line(totals) + "。", "bold"))
    elif run.files:
        out.line(totals_line(totals) + f"。结论：{run.verdicts[0].label}。")
    else:
        out.line(totals_line(totals) + "。")


__all__ = ["render"]
