"""What a line that is only a page number looks like: "5", "- 3 -", "—3—", "第3页 共10页", "3/10", "Page 3 of 10".

One definition for the PDF reader (which drops them at page breaks), the outline (which keeps them
out of the signature) and format/page-number (which reports those left in the text).
"""

from __future__ import annotations

import re

_DASH = r"[-－—–―~～_·•]"
PAGE_NUMBER = re.compile(
    rf"^\s*(?:(?P<dash>{_DASH}{{1,2}}\s*\d{{1,3}}\s*{_DASH}{{1,2}})|(?P<bare>\d{{1,3}})"
    r"|(?P<word>第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*[，,]?\s*第\s*\d{1,3}\s*页"
    r"|page\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)"
    r"|(?P<ratio>\d{1,3}\s*/\s*\d{1,3}))\s*$",
    re.IGNORECASE,
)
