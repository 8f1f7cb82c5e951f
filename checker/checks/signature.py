"""structure/signature-missing: the report ends with the issuing body and the date (GB/T 9704 §7.3.5).

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
    messages = {"missing": ("last_line",), "no_date": ("issuer",), "no_issuer": ("date",)}

    def run(self, view):
        doc, facts = view.doc, view.facts
        last = next((line for line in reversed(doc.lines) if line.content and line.index not in _trailer(doc)), None)
        where = last.span if last else Span(0, 0)
        sig = doc.signature
        if sig is None:
            yield Finding(where, "missing", {"last_line": last.content[:20] if last else ""})
        elif sig.date_line is None:
            yield Finding(sig.issuer_lines[-1].span, "no_date", {"issuer": sig.issuer})
        elif not sig.issuer_lines:
            yield Finding(sig.date_line.span, "no_issuer", {"date": sig.date_line.content})


def _trailer(doc) -> set[int]:
    return {line.index for line in doc.trailer}
