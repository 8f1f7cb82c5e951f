"""Who submitted what in a batch: issuer groups and the place name each issuer stands for.

Shared by the cross-report checks (near_duplicate, same_issuer, foreign_locality's batch part):
reports of one issuer (丰都县双龙镇人民政府 and 双龙镇, other years, a resubmission) share a group,
and a township's group is its place (双龙镇), whose name without the level (双龙) is what a copied
passage or a slogan (法治双龙) carries.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..text.regexes import LazyRegex

_ISSUER_NOISE = re.compile(r"^中共|(?:人民政府|政府|党委|党工委|工委|办事处|委员会)$")
_PLACE = LazyRegex(r"^[\u4e00-\u9fff]{2,}(?:镇|乡|街道|县|区|市|州|旗|盟|省|自治区)$")  # batch runs only
_LEVEL = re.compile(r"(?:镇|乡|街道|县|区|市|州|旗|盟|省|自治区)$")


def issuer_groups(items: Sequence) -> list[str]:
    """One group name per item; reports of one issuer share it (丰都县双龙镇人民政府 = 双龙镇)."""
    keys = [_issuer_key(item) for item in items]
    places = {k for k in keys if _PLACE.match(k)}
    # the shortest place name a key ends with stands for the issuer
    return [next((key[i:] for i in range(len(key) - 2, 0, -1) if key[i:] in places), key) for key in keys]


def _issuer_key(item) -> str:
    if not item.issuer:
        return f"#{item.index}"  # unknown issuer: its own group
    return _ISSUER_NOISE.sub("", re.sub(r"\s+", "", item.issuer)) or item.issuer


def place_name(group: str) -> tuple[str, str] | None:
    """(青石镇, 青石) for a group that is a place with a name of two or more characters, else None."""
    if not _PLACE.match(group):
        return None
    core = re.split(r"[省市州县区旗盟]", _LEVEL.sub("", group))[-1]  # 丰都县双龙镇 → 双龙
    if not 2 <= len(core) <= 4:
        return None
    return group[len(group) - len(core) - len(_LEVEL.search(group).group()):], core
