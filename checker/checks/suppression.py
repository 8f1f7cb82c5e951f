"""meta/unused-suppression: fzlint's own suppression comments that do nothing.

The comments (``<!-- fzlint-disable term -->`` and friends, see checker/suppress.py) are resolved
by the engine after every rule has run, because only then is it known what they suppressed. The
engine stamps the stale and broken ones with the rule of this type; ``run`` itself yields nothing,
so the rule costs nothing on reports without such comments.

```yaml
check: suppression
```
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Finding
from .base import Check


class SuppressionCheck(Check):
    name = "suppression"
    messages = {"unused": ("comment", "rules"), "malformed": ("comment",), "unmatched_enable": ("comment",)}

    def run(self, view) -> Iterator[Finding]:
        doc, facts = view.doc, view.facts
        return iter(())
