"""structure/addressee-format: the 主送机关 line has no colon after the last addressee.

GB/T 9704-2012 §7.3.2 puts the addressees one line below the title, flush left, with a
full-width colon after the last one. The outline takes a line of bodies' names right below
the title for the addressee even without its colon (document/matter.py tells it from the
author's own name under the title). A half-width colon is format/punctuation-width's.

```yaml
check: addressee
```
"""

from __future__ import annotations

from ..diagnostics import Edit, Finding, Fix
from ..offsets import Span
from .base import Check


class AddresseeCheck(Check):
    name = "addressee"
    messages = {"default": ("addressee",)}
    fixable = True

    def run(self, view):
        line = view.doc.addressee
        if line is None or line.content.endswith(("：", ":")):
            return
        end = line.start + len(line.text.rstrip())
        start = end - len(line.content)
        fix = Fix("在主送机关后加全角冒号", (Edit(Span(end, end), "："),))
        yield Finding(Span(start, end), values={"addressee": line.content}, fix=fix)
