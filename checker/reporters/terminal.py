"""The terminal view (rich): each finding with its source line and the span underlined.

Underlines are measured in terminal cells, so they sit right under full-width characters. Report
text never passes through rich markup (it goes in as plain Text), so "[...]" in a report is
printed as written. Many findings of one rule in one file are grouped after the first few; JSON
still lists every one.
"""

from __future__ import annotations

from collections import defaultdict

from ..diagnostics import Severity
from .chrome import Chrome
from ..results import Verdict
from .places import heading_path

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
    from .summary import skipped_line, ticker

    results, batch = run.files, run.cross
    options = options or {}
    out = _Out(options.get("color", False), options.get("width", 100))
    chrome = Chrome(options.get("lang"))
    advance = ticker(options)
    batch_run = len(results) > 1 and options.get("summary", True)  # --no-summary: each file's own findings only
    if batch_run:  # the reviewer's answer first: how many to send back
        out.line((chrome.verdicts(run.totals) + chrome["stop"], "bold"))
        out.line()
    for result in results:
        _file(out, result, chrome)
        advance(1 + len(result.diagnostics))
    for finding in batch:
        _batch(out, finding, chrome)
    if batch_run:
        out.line()
        out.renderable(_table(run, chrome))
    if options.get("statistics"):
        out.renderable(_statistics(results, batch, options.get("titles") or {}, chrome))
    for item in run.skipped:
        out.line((skipped_line(item, chrome), "dim"))
    _summary(out, run, chrome)
    return out.getvalue()


def _file(out: _Out, result, chrome: Chrome) -> None:
    if result.error:
        out.line((result.path, "bold"), "  ", (chrome["unreadable"], "bold red"), chrome["colon"], result.error)
        return
    if not result.diagnostics:
        out.line((result.path, "bold"), "  ", (chrome["clean"], "green"), "  ", _facts_line(result, chrome))
        return
    out.line((result.path, "bold"), "  ", _facts_line(result, chrome))
    lines = result.source.text.splitlines()
    shown: dict[str, int] = defaultdict(int)
    hidden: dict[str, int] = defaultdict(int)
    for d in result.diagnostics:
        shown[d.rule] += 1
        if shown[d.rule] > SHOWN_PER_RULE:
            hidden[d.rule] += 1
            continue
        _diagnostic(out, d, lines, chrome, paragraphs=result.source.kind == "docx")
    for rule, count in hidden.items():
        out.line((chrome("more", rule=rule, count=count), "dim"))
    out.line()


def _facts_line(result, chrome: Chrome) -> str:
    info = result.info
    if info is None:
        return ""
    bits = []
    if info.year:
        bits.append(chrome("year", year=info.year))
    if info.issuer:
        bits.append(info.issuer)
    parts = chrome["list_sep"].join(info.label(p) for p in info.part_names) or chrome["no_parts"]
    bits.append(chrome("parts", parts=parts))
    return chrome("facts", facts=chrome["facts_sep"].join(bits))


def _diagnostic(out: _Out, d, lines: list[str], chrome: Chrome, paragraphs: bool = False) -> None:
    style = _STYLE[d.severity]
    # In a Word file the place is the paragraph as Word counts them (table cells included) and
    # the headings above it, since Word shows no numbers; a text file's is line:column.
    where = f"{d.line}:{d.column}"
    if paragraphs:
        where = chrome("docx_place", paragraph=d.location.paragraph or d.line, column=d.column)
    out.line(f"  {where}  ", (chrome[d.severity], style), "  ", (d.rule, "dim"), "  ", d.message)
    if paragraphs and d.location.headings:
        out.line((chrome("headings", path=heading_path(d.location)), "dim"))
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


def _batch(out: _Out, finding, chrome: Chrome) -> None:
    shown = finding.locations[:2]
    places = chrome["places_sep"].join(f"{loc.path}:{loc.line}" for loc in shown)
    if len(finding.locations) > len(shown):
        places += chrome("cross_more", count=len(finding.locations))
    out.line((chrome["cross"], _STYLE[finding.severity]), "  ", (finding.rule, "dim"), "  ", finding.message, "  ", (places, "dim"))


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


_VERDICT_STYLE = {Verdict.RETURN: "bold red", Verdict.REVISE: "yellow", Verdict.PASS: "green", Verdict.UNCHECKED: "bold red"}


def _table(run, chrome: Chrome):
    """One row per file, worst first: the verdict, who reported, which year, what is missing, how bad."""
    from rich.table import Table
    from rich.text import Text

    from .summary import file_rows, worst_first  # only a batch needs its rows

    table = Table(title=chrome["table"], title_justify="left", header_style="bold")
    count = {"justify": "right", "no_wrap": True}
    shapes = ({"overflow": "fold", "min_width": 14, "max_width": 32}, {"no_wrap": True},
              {"overflow": "fold", "min_width": 8, "max_width": 16}, count,
              {"overflow": "fold", "min_width": 8, "max_width": 18}, count, count, count, count,
              {"overflow": "fold", "min_width": 20})
    for name, extra in zip(chrome["columns"], shapes):
        table.add_column(name, **extra)
    rows = worst_first(file_rows(run))
    base = _common_dir([row.path for row in rows])
    for row in rows:
        style = "bold red" if row.error else _STYLE.get(row.worst, "green")
        worst = row.worst_text if row.error or not row.worst_rule else row.worst_message
        worst = worst if len(worst) <= 40 else worst[:39] + "…"  # the full text is in the findings above
        table.add_row(Text(row.path[len(base):]), Text(chrome[row.verdict], style=_VERDICT_STYLE[row.verdict]), Text(row.issuer or "—"),
                      str(row.year or "—"), Text(row.missing_text.replace("、", "\n")),
                      str(row.errors), str(row.warnings), str(row.infos), str(row.cross), Text(worst, style=style))
    if base:
        table.caption, table.caption_justify = chrome("table_in", folder=base), "left"
    return table


def _statistics(results, batch, titles: dict, chrome: Chrome):
    """--statistics: how often each rule fired, in how many files."""
    from rich.table import Table
    from rich.text import Text

    from .summary import rule_stats

    table = Table(title=chrome["stats"], title_justify="left", header_style="bold")
    for i, name in enumerate(chrome["stats_columns"]):
        table.add_column(name, justify="right" if i in (2, 3) else "left")
    for stat in rule_stats(results, batch):
        table.add_row(Text(stat.rule), Text(chrome[stat.severity], style=_STYLE[stat.severity]),
                      str(stat.count), str(stat.files), Text(titles.get(stat.rule, "")))
    return table


def _summary(out: _Out, run, chrome: Chrome) -> None:
    totals, stop = run.totals, chrome["stop"]
    if len(run.files) > 1:
        out.line(chrome.totals(totals) + stop)
        out.line((chrome.verdicts(totals) + stop, "bold"))
    elif run.files:
        verdict = chrome("verdict", verdict=chrome[run.verdicts[0]])
        out.line(chrome.totals(totals) + stop + chrome["space"] + verdict + stop)
    else:
        out.line(chrome.totals(totals) + stop)


__all__ = ["render"]
