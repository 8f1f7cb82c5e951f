"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .broken_line import BrokenLineCheck
from .brackets import BracketBalanceCheck
from .garbled import GarbledCheck
from .half_width import HalfWidthCheck
from .heading_nesting import HeadingNestingCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .junk_line import JunkLineCheck
from .page_number import PageNumberCheck
from .part_contains import PartContainsCheck
from .pattern import PatternCheck
from .punctuation_run import PunctuationRunCheck
from .required_part import RequiredPartCheck
from .script import ScriptCheck
from .signature import SignatureCheck
from .title import TitleCheck
from .whitespace import WhitespaceCheck
from .year_range import YearRangeCheck

REGISTRY = {
    "bracket_balance": BracketBalanceCheck,
    "broken_line": BrokenLineCheck,
    "garbled": GarbledCheck,
    "half_width": HalfWidthCheck,
    "heading_nesting": HeadingNestingCheck,
    "heading_sequence": HeadingSequenceCheck,
    "heading_style": HeadingStyleCheck,
    "inline_part": InlinePartCheck,
    "junk_line": JunkLineCheck,
    "page_number": PageNumberCheck,
    "part_contains": PartContainsCheck,
    "pattern": PatternCheck,
    "punctuation_run": PunctuationRunCheck,
    "required_part": RequiredPartCheck,
    "script": ScriptCheck,
    "signature": SignatureCheck,
    "title": TitleCheck,
    "whitespace": WhitespaceCheck,
    "year_range": YearRangeCheck,
}
