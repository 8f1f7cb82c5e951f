"""The registry of check types: a literal dict, so a grep finds every type a ruleset can name."""

from __future__ import annotations

from .heading_nesting import HeadingNestingCheck
from .heading_sequence import HeadingSequenceCheck
from .heading_style import HeadingStyleCheck
from .inline_part import InlinePartCheck
from .near_duplicate import NearDuplicateCheck
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
    "near_duplicate": NearDuplicateCheck,
    "part_contains": PartContainsCheck,
    "pattern": PatternCheck,
    "required_part": RequiredPartCheck,
    "signature": SignatureCheck,
    "title": TitleCheck,
}
