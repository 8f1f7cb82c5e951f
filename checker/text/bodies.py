"""How the name of an issuing body ends: the one list the outline (header and signature lines)
and the issuer facts (the title's lead, the opening sentence's subject) share.

Reports are filed by governments and their departments at every level, and also by bodies whose
names end otherwise: State Council ministries (司法部), a league's office (锡林郭勒盟行政公署), a
development zone's committee (经济技术开发区管委会), universities and hospitals (嘉禾大学, 市人民医院)
that report on 法治建设 to the body above them. A name that ends in none of these is no body.
"""

from __future__ import annotations

import re

# Longer endings first, so an alternation anchored at the end prefers them.
BODY_ENDINGS = (
    "人民政府", "行政公署", "管理委员会", "办公室", "委员会", "管委会", "党工委", "办事处",
    "政府", "党委", "公署", "大学", "学校", "公司", "街道", "中心",
    "局", "委", "办", "厅", "部", "署", "院", "所", "站",
)
# Places that stand for their own government in a title or signature (桑柘镇2021年度…); 街 is a
# 街道's own short name where it is official (广州's 龙归街, 海滨街).
PLACE_ENDINGS = ("自治区", "自治州", "自治县", "镇", "乡", "县", "区", "市", "州", "盟", "旗", "省", "街")


def endings(*groups: tuple[str, ...]) -> str:
    """A regex alternation of the given ending groups (no anchor, no group)."""
    return "|".join(sorted({e for g in groups for e in g}, key=len, reverse=True))


# A line that is one body's name and nothing else (丰都县双龙镇人民政府, 中共枫林市委).
BODY_NAME = re.compile(rf"^(?:中共)?[\u4e00-\u9fff（）()·]{{2,40}}(?:{endings(BODY_ENDINGS, PLACE_ENDINGS)})$")


def joint_bodies(text: str) -> bool:
    """"中共梧州市委员会 梧州市人民政府": two or more bodies' names on one line, spaces between."""
    parts = text.split()
    return len(parts) >= 2 and all(BODY_NAME.match(part) for part in parts)
