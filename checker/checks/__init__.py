"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .heading_nesting import HeadingNestingCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .numeric_rate import NumericRateCheck, PercentRangeCheck, RateBaseCheck, RateRoundingCheck
from .numeric_sum import NumericSumCheck, SumIncompleteCheck, UnitMixedCheck
from .part_contains import PartContainsCheck
from .pattern import PatternCheck
from .required_part import RequiredPartCheck
from .signature import SignatureCheck
from .title import TitleCheck

REGISTRY = {
    "heading_nesting": HeadingNestingCheck,
    "heading_sequence": HeadingSequenceCheck,
    "heading_style": HeadingStyleCheck,
    "inline_part": InlinePartCheck,
    "numeric_percent_range": PercentRangeCheck,
    "numeric_rate": NumericRateCheck,
    "numeric_rate_base": RateBaseCheck,
    "numeric_rate_rounding": RateRoundingCheck,
    "numeric_sum": NumericSumCheck,
    "numeric_sum_incomplete": SumIncompleteCheck,
    "numeric_unit_mixed": UnitMixedCheck,
    "part_contains": PartContainsCheck,
    "pattern": PatternCheck,
    "required_part": RequiredPartCheck,
    "signature": SignatureCheck,
    "title": TitleCheck,
}
