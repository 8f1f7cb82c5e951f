"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .dated_term import DatedTermCheck
from .foreign_locality import ForeignLocalityCheck
from .heading_nesting import HeadingNestingCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .part_contains import PartContainsCheck
from .pattern import PatternCheck
from .relative_time import RelativeTimeCheck
from .required_part import RequiredPartCheck
from .signature import SignatureCheck
from .suppression import SuppressionCheck
from .title import TitleCheck

REGISTRY = {
    "dated_term": DatedTermCheck,
    "foreign_locality": ForeignLocalityCheck,
    "heading_nesting": HeadingNestingCheck,
    "heading_sequence": HeadingSequenceCheck,
    "heading_style": HeadingStyleCheck,
    "inline_part": InlinePartCheck,
    "part_contains": PartContainsCheck,
    "pattern": PatternCheck,
    "relative_time": RelativeTimeCheck,
    "required_part": RequiredPartCheck,
    "signature": SignatureCheck,
    "suppression": SuppressionCheck,
    "title": TitleCheck,
}
