"""The Chinese words every view uses for severities (one place, no imports to pay for).

Part labels come from each report's genre (ReportInfo.labels), never from here.
"""

from __future__ import annotations

from ..diagnostics import Severity

SEVERITY_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
NO_PART = "（未归入部分）"
