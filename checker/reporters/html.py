"""One self-contained HTML page: a dashboard, then every report with its findings marked inline.

No network, no scripts, no external fonts or style sheets (a Content-Security-Policy forbids them),
so the page can be mailed or archived with the submissions. The dashboard opens with the verdict
counts and the run's totals (the same lines as the terminal and Excel), lists the files of the
folders that were left out, then one row per file (its verdict first, worst first), counts per
rule and per part, and the cross-report findings in the run's order (the likeliest copy first)
with links to every place. Each report follows with its findings listed (anchors to the marked
text) and its original text, lines numbered. All report text, paths and messages are escaped.
"""

from __future__ import annotations

from html import escape

from .. import __version__
from ..diagnostics import Severity
from .highlight import Mark, render_text
from ..results import Verdict
from .places import heading_path, where_exact
from .summary import (SEVERITY_LABEL, file_rows, part_counts, rule_stats, ticker, totals_line, verdict_line,
                      worst_first)

_CLASS = {Severity.ERROR: "sev-error", Severity.WARNING: "sev-warning", Severity.INFO: "sev-info", None: "sev-none"}
_STYLE = """
body{font-family:system-ui,"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0;width:100%}.nw{white-space:nowrap}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{background:#8fb3de;height:.8em;min-width:2px}
tr.sev-error td:first-child,li.sev-error{border-left:4px solid #d93025}tr.sev-warning td:first-child,li.sev-warning{border-left:4px solid #f0a500}
tr.sev-info td:first-child,li.sev-info{border-left:4px solid #4a90d9}tr.sev-none td:first-child{border-left:4px solid #34a853}
.lvl{font-weight:bold}.lvl.sev-error{color:#c5221f}.lvl.sev-warning{color:#b06000}.lvl.sev-info{color:#1967d2}
mark.sev-error{background:#fbd0cc}mark.sev-warning{background:#fde9a9}mark.sev-info{background:#d2e3fc}
mark.point::after{content:"‸";color:#c5221f;font-weight:bold}
ol.findings li{padding:.15em .5em;margin:.15em 0;list-style-position:inside}
.text{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;background:#fafafa;border:1px solid #eee;padding:.5em 0;line-height:1.8}
.ln{display:flex;white-space:pre-wrap;word-break:break-all;min-height:1.8em}.ln .no{color:#999;width:3.5em;flex:none;text-align:right;padding-right:1em;user-select:none}
.ln.dup{background:#f6ecff}.ln:target{outline:2px solid #7b1fa2}
.meta{color:#555}.error{color:#c5221f}details summary{cursor:pointer}
.verdict{font-size:1.25em;font-weight:bold;margin:.3em 0}.v{white-space:nowrap;font-weight:bold}
.v-return{color:#c5221f}.v-revise{color:#b06000}.v-pass{color:#188038}.v-unchecked{color:#5f6368}
"""
_VERDICT_CLASS = {v: f"v-{v.value}" for v in Verdict}


def render(run, options=None) -> str:
    results, batch = run.files, run.cross
    advance = ticker(options)
    rows = file_rows(run)
    index = {r.path: i for i, r in enumerate(results)}
    parts = [_head(), _totals(run), _skipped(run), _by_file(rows), _by_rule(results, batch, (options or {}).get("titles") or {}),
             _by_part(results), _cross(batch, index)]
    parts.append('<section id="reports"><h2>各报告详情</h2>')
    for i, r in enumerate(results):
        parts.append(_report(i, r, rows[i], run.cross_of.get(r.path, ()), index))
        advance(1 + len(r.diagnostics))
    parts.append("</section></body></html>\n")
    return "\n".join(parts)


def _head() -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f'<meta name="generator" content="fzlint {escape(__version__)}"><title>法治政府建设年度报告检查结果</title>'
            f"<style>{_STYLE}</style></head><body><h1>法治政府建设年度报告检查结果</h1>")


def _totals(run) -> str:
    return (f'<p class="verdict" id="verdicts">{escape(verdict_line(run.totals))}</p>'
            f'<p class="meta" id="totals">{escape(totals_line(run.totals))}。</p>')


def _skipped(run) -> str:
    if not run.skipped:
        return ""
    items = "".join(f"<li>{escape(s.path)}：{escape(s.reason)}</li>" for s in run.skipped)
    return f'<section id="skipped"><p class="meta">以下文件不是报送材料，未检查：</p><ul>{items}</ul></section>'


def _by_rule(results, batch, titles: dict) -> str:
    stats = rule_stats(results, batch)
    top = max((s.count for s in stats), default=1)
    body = "".join(
        f'<tr class="{_CLASS[s.severity]}"><td>{escape(s.rule)}</td><td class="lvl {_CLASS[s.severity]}">{SEVERITY_LABEL[s.severity]}</td>'
        f'<td class="n">{s.count}</td><td class="n">{s.files}</td><td>{escape(titles.get(s.rule, ""))}</td>'
        f'<td style="width:20%"><div class="bar" style="width:{100 * s.count / top:.0f}%"></div></td></tr>'
        for s in stats
    )
    return _section("by-rule", "按规则统计", "<tr><th>规则</th><th>级别</th><th>次数</th><th>文件数</th><th>说明</th><th></th></tr>", body)


def _by_file(rows) -> str:
    body = "".join(
        f'<tr class="{_CLASS[r.worst] if not r.error else "sev-error"}"><td><a href="#r{r.index}">{escape(r.path)}</a></td>'
        f'<td class="v {_VERDICT_CLASS[r.verdict]}">{r.verdict.label}</td><td class="nw">{escape(r.kind)}</td>'
        f'<td class="nw">{escape(r.issuer or "—")}</td><td class="nw">{r.year or "—"}</td><td>{escape(r.missing_text)}</td>'
        f'<td class="n">{r.errors}</td><td class="n">{r.warnings}</td><td class="n">{r.infos}</td><td class="n">{r.cross}</td>'
        f"<td>{escape(r.worst_text)}</td></tr>"
        for r in worst_first(rows)
    )
    severities = "".join(f'<th class="nw">{label}</th>' for label in SEVERITY_LABEL.values())
    head = ('<tr><th>文件</th><th class="nw">结论</th><th class="nw">格式</th><th class="nw">报告主体</th><th class="nw">年度</th>'
            f'<th class="nw">缺少部分</th>{severities}'
            '<th class="nw">跨文件</th><th>最严重问题</th></tr>')
    return _section("by-file", "按文件（需退回的在前）", head, body)


def _by_part(results) -> str:
    counts = part_counts(results)
    top = max((n for _, n in counts), default=1)
    body = "".join(f'<tr><td>{escape(label)}</td><td class="n">{n}</td><td style="width:50%">'
                   f'<div class="bar" style="width:{100 * n / top:.0f}%"></div></td></tr>' for label, n in counts)
    return _section("by-part", "按报告部分统计", "<tr><th>部分</th><th>问题数</th><th></th></tr>", body)


def _cross(batch, index: dict[str, int]) -> str:
    if not batch:
        return ""
    items = "".join(
        f'<li class="{_CLASS[f.severity]}">{_share(f)}{_places(f, index)}<br>{escape(f.message)}</li>' for f in batch
    )
    return (f'<section id="cross"><h2>跨文件问题（相同段落、重复报送；最可能照抄的在前）</h2>'
            f'<ol class="findings">{items}</ol></section>')


def _share(finding) -> str:
    return f'<span class="lvl">相同 {finding.share:.0%}</span> ' if finding.share is not None else ""


def _places(finding, index: dict[str, int]) -> str:
    """Links to every place; a near-duplicate's places come in pairs, one pair per shared passage."""
    links = [_place(loc, index) for loc in finding.locations]
    if finding.share is not None and len(links) > 2:
        joined = "；".join(" ↔ ".join(links[n:n + 2]) for n in range(0, len(links), 2))
    else:
        joined = " ↔ ".join(links) if finding.share is not None else "、".join(links)
    return joined + f' <span class="meta">（{escape(finding.rule)}）</span>'


def _place(loc, index: dict[str, int]) -> str:
    unit = "段" if (loc.path or "").lower().endswith(".docx") else "行"
    lines = f"第{loc.line}{unit}" if loc.line == loc.end_line else f"第{loc.line}—{loc.end_line}{unit}"
    target = f"#r{index[loc.path]}-L{loc.line}" if loc.path in index else ""
    return f'<a class="loc" href="{target}">{escape(loc.path)} {lines}</a>'


def _section(ident: str, title: str, head: str, body: str) -> str:
    return f'<section id="{ident}"><h2>{title}</h2><table><thead>{head}</thead><tbody>{body}</tbody></table></section>'


def _report(i: int, result, row, cross: list[dict], index: dict[str, int]) -> str:
    prefix = f"r{i}-"
    title = f'<h3>{escape(result.path)}</h3><p class="meta">{escape(_facts(row))}</p>'
    if result.error:
        return f'<article class="report" id="r{i}">{title}<p class="error">无法检查：{escape(result.error)}</p></article>'
    items = [
        f'<li class="{_CLASS[d.severity]}" id="{prefix}f{k}"><a href="#{prefix}m{k}">{_where(d, result.kind)}</a> '
        f'<span class="lvl {_CLASS[d.severity]}">{SEVERITY_LABEL[d.severity]}</span> <code>{escape(d.rule)}</code> {escape(d.message)}</li>'
        for k, d in enumerate(result.diagnostics)
    ]
    items += [f'<li class="{_CLASS[f.severity]}">{_places(f, index)} {escape(f.message)}</li>' for f in cross]
    marks = [Mark(d.start, d.end, int(d.severity), d.rule, d.message) for d in result.diagnostics]
    dup = {n: "dup" for f in cross for loc in f.locations if loc.path == result.path
           for n in range(loc.line, loc.end_line + 1)}
    findings = f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="meta">未发现问题。</p>'
    text = render_text(result.source.text, marks, prefix, dup)
    return (f'<article class="report" id="r{i}">{title}{findings}'
            f'<details open><summary>原文（问题处已标出）</summary><div class="text">{text}</div></details></article>')


def _where(d, kind: str) -> str:
    """第8段第50字 · 一、… › （二）… (a Word paragraph and its headings), as every view names it."""
    path = heading_path(d.location)
    return f"{where_exact(d.location, kind)} · {path}" if path else where_exact(d.location, kind)


def _facts(row) -> str:
    bits = [f"结论：{row.verdict.label}", f"{row.year}年度" if row.year else "年度未识别", row.issuer or "主体未识别",
            f"缺少部分：{row.missing_text}", f"已识别部分：{row.parts_text}",
            f"错误 {row.errors}，警告 {row.warnings}，提示 {row.infos}，跨文件 {row.cross}"]
    return " · ".join(bits)
