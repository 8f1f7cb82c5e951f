"""date/format: the signing date in the GB/T 9704-2012 §7.3.5 form, 2023年12月21日.

Arabic numerals, the year in full, month and day without zero padding, 年月日 as separators.
Clerks write 2023.12.21, 2023-12-21, 2024年01月05日, or the Chinese numerals of the old 1999/2000
行政机关公文格式 (二〇二四年一月五日). When the date is real and complete the fix rewrites it to the
standard form, which changes no meaning and is safe; a missing day cannot be guessed, so no fix.

```yaml
check: date_format
```
"""

from __future__ import annotations

from ..text.dates import DateText, render_date
from ..diagnostics import Edit, Finding, Fix
from .base import Check

_ORDER = ("chinese", "separator", "padded", "no_day", "suffix", "spaced")


class DateFormatCheck(Check):
    name = "date_format"
    messages = {kind: ("date", "expected") for kind in _ORDER}
    fixable = True

    def run(self, view):
        doc, facts = view.doc, view.facts
        written = view.analysis.signature_date
        if written is None:
            return
        where = doc.signature.date_span
        kind = next((k for k in _ORDER if _has(written, k)), None)
        if kind is None:
            return
        canonical = written.canonical()
        fix = Fix(f"改为“{canonical}”", (Edit(where, canonical),)) if canonical else None
        values = {"date": written.text, "expected": canonical or _pattern(written)}
        yield Finding(where, kind, values, fix=fix)


def _has(written: DateText, kind: str) -> bool:
    if kind == "no_day":
        return written.day is None
    if kind == "separator":
        return written.separator != "年"
    if kind == "suffix":
        return written.day is not None and written.suffix != "日" and written.separator == "年"
    return bool(getattr(written, kind))


def _pattern(written: DateText) -> str:
    """What to write when the date itself is uncertain: keep what is known, mark the rest ×."""
    if written.real:
        return render_date(written.year, written.month, "×")
    return "××××年×月×日"
