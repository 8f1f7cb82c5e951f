"""structure/signature-missing: the report ends with the issuing body and the date (GB/T 9704 §7.3.5).

A report whose last line stops mid-sentence (no closing mark, not the title or 特此报告) was cut off
when copied or converted: the message says so ("cut"), since the missing parts follow from it.

```yaml
check: signature
```
"""

from __future__ import annotations

from ..diagnostics import Finding
from ..offsets import Span
from .base import Check


class SignatureCheck(Check):
    name = "signature"
    messages = {"missing": ("last_line",), "cut": ("last_line",), "no_date": ("issuer",), "no_issuer": ("date",)}

    def run(self, view):
        doc, facts = view.doc, view.facts
        last = next((line for line in reversed(doc.lines) if line.content and line.index not in _trailer(doc)), None)
        where = last.span if last else Span(0, 0)
        sig = doc.signature
        if sig is None:
            if last is not None and _stops_mid_sentence(doc, last):
                yield Finding(where, "cut", {"last_line": _tail(last.content)})
            else:
                yield Finding(where, "missing", {"last_line": last.content[:20] if last else ""})
        elif sig.date_line is None:
            yield Finding(sig.issuer_lines[-1].span, "no_date", {"issuer": sig.issuer})
        elif not sig.issuer_lines:
            yield Finding(sig.date_line.span, "no_issuer", {"date": sig.date_line.content})


_SENTENCE_END = "。！？；…”’」』）)!?.;"


def _stops_mid_sentence(doc, line) -> bool:
    """The text ends inside a sentence or a list (…举办宣传宣讲, 对照“, 现将…报告如下：)."""
    if any(line is t for t in doc.title) or line is doc.closing or line is doc.header:
        return False
    return not line.content.rstrip().endswith(tuple(_SENTENCE_END))


def _tail(text: str) -> str:
    text = text.rstrip()
    return text if len(text) <= 12 else "…" + text[-12:]


def _trailer(doc) -> set[int]:
    return {line.index for line in doc.trailer}
