"""topic/same-issuer: two or more submissions of one issuer for one year in a batch.

A resubmission (修改稿 beside the first version) or the same file sent twice: the reviewer checks
one of them, so the batch says which files belong together and whether their text is identical.
Reports are grouped by issuer as topic/near-duplicate groups them (丰都县双龙镇人民政府 = 双龙镇)
and by report year (another year's report is no resubmission); files whose ideographs are
identical are grouped even when no issuer was recognised.

```yaml
check: same_issuer
```
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Iterable, Sequence

from .base import BatchCheck, BatchFinding, BatchItem, Place
from ..text.regexes import LazyRegex
from ..analysis.issuer_groups import issuer_groups

_NON_HAN = LazyRegex(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")


class SameIssuerCheck(BatchCheck):
    name = "same_issuer"
    messages = {"identical": ("issuer", "count", "paths", "year"), "versions": ("issuer", "count", "paths", "year")}

    def collect(self, view) -> tuple[int, int]:
        """(CRC-32, length) of the report's ideographs: identical text in .docx and .txt alike."""
        han = _NON_HAN.sub("", view.doc.source.text)
        return zlib.crc32(han.encode("utf-8")), len(han)

    def run_batch(self, items: Sequence[BatchItem]) -> Iterable[BatchFinding]:
        groups = issuer_groups(items)
        together: dict[tuple, list[int]] = defaultdict(list)
        for n, (item, group) in enumerate(zip(items, groups)):
            key = (group, item.year) if not group.startswith("#") else ("#text", item.data)
            together[key].append(n)
        seen: set[int] = set()
        for key, members in sorted(together.items(), key=lambda kv: kv[1][0]):
            members = [n for n in members if n not in seen]
            if len(members) < 2:
                continue
            seen.update(members)
            yield self._finding([items[n] for n in members])

    def _finding(self, members: list[BatchItem]) -> BatchFinding:
        identical = len({m.data for m in members}) == 1
        first = members[0]
        shown = "、".join(m.path for m in members[:3]) + (f" 等{len(members)}个文件" if len(members) > 3 else "")
        values = {"issuer": first.issuer or "（主体未识别）", "count": len(members), "year": first.year or "", "paths": shown}
        return BatchFinding(tuple(Place(m.index, 1, 1) for m in members), "identical" if identical else "versions", values)
