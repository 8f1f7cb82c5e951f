"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .date_format import DateFormatCheck
from .dated_term import DatedTermCheck
from .foreign_locality import ForeignLocalityCheck
from .future_year import FutureYearCheck
from .heading_nesting import HeadingNestingCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .numeric_rate import NumericRateCheck, PercentRangeCheck, RateBaseCheck, RateRoundingCheck
from .numeric_sum import NumericSumCheck, SumIncompleteCheck, UnitMixedCheck
from .part_contains import PartContainsCheck
from .pattern import PatternCheck
from .plan_undated import PlanUndatedCheck
from .relative_time import RelativeTimeCheck
from .required_part import RequiredPartCheck
from .signature import SignatureCheck
from .signing_date import SigningDateCheck
from .suppression import SuppressionCheck
from .title import TitleCheck
from .year_consistency import YearConsistencyCheck

REGISTRY = {
    "date_format": DateFormatCheck,
    "dated_term": DatedTermCheck,
    "foreign_locality": ForeignLocalityCheck,
    "future_year": FutureYearCheck,
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
    "plan_undated": PlanUndatedCheck,
    "relative_time": RelativeTimeCheck,
    "required_part": RequiredPartCheck,
    "signature": SignatureCheck,
    "signing_date": SigningDateCheck,
    "suppression": SuppressionCheck,
    "title": TitleCheck,
    "year_consistency": YearConsistencyCheck,
}
