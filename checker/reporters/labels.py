"""The Chinese words every view uses for severities and report parts (one place, no imports to pay for)."""

from __future__ import annotations

from ..diagnostics import Severity

SEVERITY_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
REQUIRED_PARTS = ("achievements", "first_responsible", "shortcomings", "next_year")
PART_LABEL = {
    "achievements": "举措和成效", "first_responsible": "第一责任人", "shortcomings": "不足和原因",
    "next_year": "下一年度安排", "other": "其他",
}
PART_TINY = {"achievements": "成效", "first_responsible": "责任人", "shortcomings": "不足", "next_year": "安排", "other": "其他"}
NO_PART = "（未归入部分）"
