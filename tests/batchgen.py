"""Synthetic report batches for batch-mode tests and bench/batch.py (no real report text).

Each report follows the regulation's five-part layout, in the issuer's own words: every sentence
is assembled from slot pools and names the issuer or one of its offices, so two unrelated reports
never share a long stretch of ideographs by construction, while the stock preamble and part
headings that every real report uses are present. ``plant`` copies a passage between reports.
"""

from __future__ import annotations

import random
from pathlib import Path

_SYLLABLES = "桑柘乾塘双龙贤庠金龙青石白沙云溪松岭梅林杨柳清河长乐永安太平兴隆福田新塘凤凰仙鹤红岩碧水东湖西山南坪北岗"
_SUFFIXES = ("镇", "乡", "街道", "镇", "乡")
_OFFICES = ("", "党委", "人民政府", "司法所", "综合行政执法队", "便民服务中心", "党政办")
_VERBS = ("组织开展", "扎实推进", "持续深化", "认真落实", "全面梳理", "集中整治", "规范办理", "牵头完成", "统筹推动",
          "逐项清理", "主动公开", "跟踪督办", "分类处置", "专题研究", "联合开展")
_OBJECTS = ("行政规范性文件备案审查", "重大行政决策合法性审查", "村级法律顾问服务", "涉企行政检查", "矛盾纠纷排查化解",
            "行政执法案卷评查", "政务公开专栏更新", "信访积案化解", "安全生产执法检查", "农村宅基地审批",
            "民法典进村入户宣传", "镇村两级干部学法", "行政复议应诉协调", "权责清单动态调整", "一网通办事项梳理",
            "人民调解员业务培训", "网格员法律知识轮训", "校园周边环境整治", "食品安全专项检查", "法律援助案件受理",
            "非法占用耕地整治", "河道违规采砂清理", "电动车充电隐患排查", "诉源治理工作站建设", "公共法律服务点巡查")
_TOPICS = ("优化营商环境", "基层依法治理", "乡村振兴法治保障", "平安建设", "生态环境保护", "安全生产",
           "民生领域执法", "社会矛盾源头化解", "数字政府建设", "政务服务便民化", "耕地保护", "防范化解风险",
           "未成年人保护", "农民工工资支付", "移风易俗", "城乡人居环境整治", "森林防火", "防汛抗旱", "护航企业发展", "食品药品安全")
_EFFECTS = ("群众满意度明显提升", "办事时限平均缩短", "未发生一起败诉案件", "相关问题全部整改到位", "形成了一批制度成果",
            "群众来信来访明显减少", "执法规范化水平进一步提高", "得到上级部门书面肯定", "有效防止了问题反弹",
            "基层干部依法办事能力增强", "企业反映的问题按期办结", "辖区治安形势持续稳定", "村民法治意识普遍提高",
            "工作台账做到一事一档", "实现了动态清零")
_SUBHEADINGS = ("加强组织领导", "依法全面履行政府职能", "完善依法决策机制", "严格规范公正文明执法", "强化行政权力制约和监督",
                "依法化解社会矛盾纠纷", "深化法治宣传教育", "推进政务公开")
_CAUSES = ("专业执法人员偏少", "培训形式较为单一", "部分干部依法行政意识不强", "经费保障不足", "信息化手段运用不够")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def issuers(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct township names."""
    names: dict[str, None] = {}
    while len(names) < count:
        a, b = rng.sample(_SYLLABLES, 2)
        names[a + b + rng.choice(_SUFFIXES)] = None
    return list(names)


def sentence(issuer: str, rng: random.Random) -> str:
    who = issuer + rng.choice(_OFFICES)
    n = rng.randint(2, 98)
    forms = (  # the issuer opens every sentence: unrelated reports share no long run of ideographs
        f"{who}{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}{n}次，{rng.choice(_EFFECTS)}。",
        f"{who}围绕{rng.choice(_TOPICS)}，{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}{n}件。",
        f"{who}将{rng.choice(_OBJECTS)}纳入重点任务，{rng.choice(_VERBS)}{n}项，{rng.choice(_EFFECTS)}。",
        f"{who}在{rng.choice(_TOPICS)}方面{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}{n}人次。",
    )
    return rng.choice(forms)


def paragraph(issuer: str, rng: random.Random, sentences: int) -> str:
    return "".join(sentence(issuer, rng) for _ in range(sentences))


def report(issuer: str, year: int, rng: random.Random, *, sentences: int = 4, extra: str = "") -> str:
    """A whole report; ``extra`` is inserted as a paragraph of the achievements part."""
    secretary = rng.choice(_SURNAMES) + rng.choice("明华军平强伟")
    lines = [
        f"{issuer}{year}年度法治政府建设情况报告",
        "",
        f"{year}年，{issuer}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        f"现将{year}年度法治政府建设工作情况报告如下。",
        f"一、{year}年度推进法治政府建设的主要举措和成效",
    ]
    for number, title in zip("一二三四", rng.sample(_SUBHEADINGS, 4)):
        lines += [f"（{number}）{title}", paragraph(issuer, rng, sentences)]
        if extra and number == "二":
            lines.append(extra)
    lines += [
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        f"{issuer}党委书记{secretary}主持召开法治建设专题会议{rng.randint(2, 9)}次。{paragraph(issuer, rng, 2)}",
        "三、存在的不足和原因",
        f"一是{rng.choice(_CAUSES)}，原因是人员调整频繁。{paragraph(issuer, rng, 1)}",
        f"四、{year + 1}年工作安排",
        paragraph(issuer, rng, sentences),
        "",
        f"{issuer}人民政府",
        f"{year + 1}年1月{rng.randint(5, 28)}日",
    ]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, text: str, kind: str) -> Path:
    """Write a report as .txt, .md (headings as Markdown) or .docx (when python-docx is there)."""
    if kind == "md":
        text = "\n".join(("## " + line) if line[:2] in ("一、", "二、", "三、", "四、") else line for line in text.split("\n"))
    path = folder / f"{name}.{kind}"
    if kind == "docx":
        import docx

        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        document.save(str(path))
    else:
        path.write_text(text, encoding="utf-8")
    return path
