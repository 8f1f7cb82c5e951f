"""The words the terminal view puts around findings, in the language of ``--lang``.

A finding's own message comes from its rule's catalogue (rules/ruleset.py); this is everything
else a reader meets on screen: severity and verdict names, places, the per-file line, the totals.
The report's own text (part labels, headings, issuers) is never translated.
"""

from __future__ import annotations

from ..diagnostics import Severity
from ..results import Verdict
from .labels import SEVERITY_LABEL

_ERROR, _WARNING, _INFO = (SEVERITY_LABEL[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
_ZH = {
    **SEVERITY_LABEL, **{verdict: verdict.label for verdict in Verdict},
    "unreadable": "无法检查", "clean": "未发现问题", "year": "{year}年度", "parts": "部分：{parts}",
    "no_parts": "未识别", "list_sep": "、", "facts": "（{facts}）", "facts_sep": " · ",
    "docx_place": "第{paragraph}段第{column}字", "headings": "    位置：{path}",
    "more": "  … {rule} 另有 {count} 处（完整列表见 --format json）", "cross": "跨文件",
    "cross_more": " 等 {count} 处", "places_sep": "；", "skipped": "未检查 {path}：{reason}",
    "checked": "共检查 {files} 个文件", "errors": _ERROR + " {n}", "warnings": _WARNING + " {n}", "infos": _INFO + " {n}",
    "unreadable_n": "无法读取 {n} 个", "cross_n": "跨文件问题 {n}", "skipped_n": "另有 {n} 个文件不是报送材料，未检查",
    "sep": "，", "stop": "。", "colon": "：", "space": "",
    "verdict": "结论：{verdict}", "verdicts": "共{files}份：{counts}", "verdict_n": "{verdict}{n}份",
    "table": "批量检查汇总（需退回的在前）", "table_in": "文件均位于 {folder}",
    "columns": ("文件", "结论", "报告主体", "年度", "缺少部分", _ERROR, _WARNING, _INFO, "跨文件", "最严重问题"),
    "stats": "按规则统计", "stats_columns": ("规则", "级别", "次数", "文件数", "说明"),
}

_EN = {
    Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info",
    Verdict.RETURN: "return", Verdict.REVISE: "revise", Verdict.PASS: "pass", Verdict.UNCHECKED: "unreadable",
    "unreadable": "cannot be checked", "clean": "no problems found", "year": "year {year}", "parts": "parts: {parts}",
    "no_parts": "none recognised", "list_sep": ", ", "facts": "({facts})", "facts_sep": " · ",
    "docx_place": "paragraph {paragraph}, character {column}", "headings": "    under: {path}",
    "more": "  … {rule}: {count} more (the full list: --format json)", "cross": "across files",
    "cross_more": " and {count} places in all", "places_sep": "; ", "skipped": "not checked {path}: {reason}",
    "checked": "{files} file(s) checked", "errors": "{n} error(s)", "warnings": "{n} warning(s)",
    "infos": "{n} info", "unreadable_n": "{n} unreadable", "cross_n": "{n} across files",
    "skipped_n": "{n} other file(s) are not submissions and were not checked",
    "sep": ", ", "stop": ".", "colon": ": ", "space": " ",
    "verdict": "verdict: {verdict}", "verdicts": "{files} report(s): {counts}",
    "verdict_n": "{verdict} {n}",
    "table": "Batch summary (reports to return first)", "table_in": "all files are in {folder}",
    "columns": ("file", "verdict", "issuer", "year", "missing parts", "errors", "warnings", "info", "across files",
                "worst finding"),
    "stats": "Findings per rule", "stats_columns": ("rule", "severity", "count", "files", "title"),
}

_CATALOGUES = {"zh": _ZH, "en": _EN}


class Chrome:
    """``chrome[key]`` is a word, ``chrome(key, **values)`` a filled phrase, in one language."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang if lang in _CATALOGUES else "zh"
        self._words = _CATALOGUES[self.lang]

    def __getitem__(self, key) -> str:
        return self._words[key]

    def __call__(self, key: str, **values) -> str:
        return self._words[key].format(**values)

    def totals(self, totals) -> str:
        """The one-line count of a run (共检查 3 个文件，错误 2，…)."""
        parts = [self("checked", files=totals.files), self("errors", n=totals.errors),
                 self("warnings", n=totals.warnings), self("infos", n=totals.infos)]
        for key, n in (("unreadable_n", totals.unreadable), ("cross_n", totals.cross), ("skipped_n", totals.skipped)):
            if n:
                parts.append(self(key, n=n))
        return self["sep"].join(parts)

    def verdicts(self, totals) -> str:
        """共62份：需退回9份，… (无法检查 only when a file could not be read)."""
        counts = [self("verdict_n", verdict=self[v], n=n) for v, n in totals.verdicts() if n or v is not Verdict.UNCHECKED]
        return self("verdicts", files=totals.files, counts=self["sep"].join(counts))
