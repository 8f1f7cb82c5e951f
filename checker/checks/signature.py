"""structure/signature-missing: the report ends with the issuing body and the date (GB/T 9704 §7.3.5).

A report whose last line stops mid-sentence (no closing mark, not the title or 特此报告) was cut off
when copied or converted (document/matter.cut_off): the message says so ("cut"), since the missing
parts follow from it; the required-part rules say it too.

```yaml
check: signature
```
"""

from __future__ import annotations

from ..diagnostics import Finding
from ..document.matter import cut_off
from ..offsets import Span
from .base import Check, line_tail


class SignatureCheck(Check):
    name = "signature"
    messages = {"missing": ("last_line",), "cut": ("last_line",), "no_date": ("issuer",), "no_issuer": ("date",)}

    def run(self, view):
        doc = view.doc
        sig = doc.signature
        if sig is None:
            cut = cut_off(doc)
            if cut is not None:
                yield Finding(cut.span, "cut", {"last_line": line_tail(cut.content)})
                return
            trailer = {line.index for line in doc.trailer}
            last = next((line for line in reversed(doc.lines) if line.content and line.index not in trailer), None)
            yield Finding(last.span if last else Span(0, 0), "missing", {"last_line": last.content[:20] if last else ""})
        elif sig.date_line is None:
            yield Finding(sig.issuer_lines[-1].span, "no_date", {"issuer": sig.issuer})
        elif not sig.issuer_lines:
            yield Finding(sig.date_line.span, "no_issuer", {"date": sig.date_line.content})

