"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .addressee import AddresseeCheck
from .brackets import BracketBalanceCheck
from .broken_line import BrokenLineCheck
from .change_mismatch import ChangeMismatchCheck
from .date_format import DateFormatCheck
from .duplicate_text import DuplicateTextCheck
from .dated_term import DatedTermCheck
from .figure_conflict import FigureConflictCheck
from .foreign_locality import ForeignLocalityCheck
from .future_year import FutureYearCheck
from .garbled import GarbledCheck
from .half_width import HalfWidthCheck
from .heading_nesting import HeadingNestingCheck
from .heading_punctuation import HeadingPunctuationCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .junk_line import JunkLineCheck
from .missing_terminal import MissingTerminalCheck
from .near_duplicate import NearDuplicateCheck
from .page_number import PageNumberCheck
from .percent_range import PercentRangeCheck
from .plenum_stale import PlenumStaleCheck
from .part_contains import PartContainsCheck
from .part_order import PartOrderCheck
from .pattern import PatternCheck
from .plan_undated import PlanUndatedCheck
from .previous_report import PreviousReportCheck
from .punctuation_run import PunctuationRunCheck
from .rate_base import RateBaseCheck
from .rate_mismatch import NumericRateCheck
from .rate_rounding import RateRoundingCheck
from .relative_time import RelativeTimeCheck
from .same_issuer import SameIssuerCheck
from .required_part import RequiredPartCheck
from .script import ScriptCheck
from .share_overflow import ShareOverflowCheck
from .signature import SignatureCheck
from .signing_date import SigningDateCheck
from .sum_incomplete import SumIncompleteCheck
from .sum_mismatch import NumericSumCheck
from .suppression import SuppressionCheck
from .table_sum import TableSumCheck
from .table_text import TableTextCheck
from .table_total import TableTotalCheck
from .table_values import TableValuesCheck
from .title import TitleCheck
from .unit_mixed import UnitMixedCheck
from .whitespace import WhitespaceCheck
from .year_consistency import YearConsistencyCheck
from .year_range import YearRangeCheck

REGISTRY = {
    "addressee": AddresseeCheck,
    "bracket_balance": BracketBalanceCheck,
    "broken_line": BrokenLineCheck,
    "date_format": DateFormatCheck,
    "dated_term": DatedTermCheck,
    "duplicate_text": DuplicateTextCheck,
    "foreign_locality": ForeignLocalityCheck,
    "future_year": FutureYearCheck,
    "garbled": GarbledCheck,
    "half_width": HalfWidthCheck,
    "heading_nesting": HeadingNestingCheck,
    "heading_punctuation": HeadingPunctuationCheck,
    "heading_sequence": HeadingSequenceCheck,
    "heading_style": HeadingStyleCheck,
    "inline_part": InlinePartCheck,
    "junk_line": JunkLineCheck,
    "missing_terminal": MissingTerminalCheck,
    "near_duplicate": NearDuplicateCheck,
    "numeric_change": ChangeMismatchCheck,
    "numeric_figure_conflict": FigureConflictCheck,
    "numeric_percent_range": PercentRangeCheck,
    "numeric_rate": NumericRateCheck,
    "numeric_rate_base": RateBaseCheck,
    "numeric_rate_rounding": RateRoundingCheck,
    "numeric_share": ShareOverflowCheck,
    "numeric_sum": NumericSumCheck,
    "numeric_sum_incomplete": SumIncompleteCheck,
    "numeric_unit_mixed": UnitMixedCheck,
    "page_number": PageNumberCheck,
    "part_contains": PartContainsCheck,
    "part_order": PartOrderCheck,
    "plenum_stale": PlenumStaleCheck,
    "pattern": PatternCheck,
    "plan_undated": PlanUndatedCheck,
    "previous_report": PreviousReportCheck,
    "punctuation_run": PunctuationRunCheck,
    "relative_time": RelativeTimeCheck,
    "same_issuer": SameIssuerCheck,
    "required_part": RequiredPartCheck,
    "script": ScriptCheck,
    "signature": SignatureCheck,
    "signing_date": SigningDateCheck,
    "suppression": SuppressionCheck,
    "table_sum": TableSumCheck,
    "table_text": TableTextCheck,
    "table_total": TableTotalCheck,
    "table_values": TableValuesCheck,
    "title": TitleCheck,
    "whitespace": WhitespaceCheck,
    "year_consistency": YearConsistencyCheck,
    "year_range": YearRangeCheck,
}
