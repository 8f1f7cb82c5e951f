"""Synthetic report batches for batch-mode tests and bench/batch.py (no real report text).

Each report follows the regulation's five-part layout, in the issuer's own words: every sentence
is assembled from slot pools and names the issuer or one of its offices, so two unrelated reports
never share a long stretch of ideographs by construction, while the stock preamble and part
headings that every real report uses are present. ``plant`` copies a passage between reports.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

_SYLLABLES = "桑柘乾塘双龙贤庠金龙青石白沙云溪松岭梅林杨柳清河长乐永安太平兴隆福田新塘凤凰仙鹤红岩碧水东湖西山南坪北岗"
_SUFFIXES = ("镇", "乡", "街道", "镇", "乡")
_OFFICES = ("", "党委", "人民政府", "司法所", "综合行政执法队", "便民服务中心", "党政办")
_DOUBLED_OFFICE = re.compile("(" + "|".join(o for o in _OFFICES + ("办公室", "法制股", "执法大队", "政策法规股", "党组") if o) + ")\\1")
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


# ---------------------------------------------------------------- a county reviewer's inbox
#
# Submissions written from the county's template: every report repeats the template's sentences
# (with its own name filled in) and picks stock phrases of the county's reports in its own order,
# so that template phrasing is shared by most of the batch and the joins between stock phrases by
# a few reports at random, as in a real inbox. One township copies another's own passage.

COUNTY = "清源县"
DEPARTMENTS = ("司法局", "公安局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
               "交通运输局", "农业农村局", "水利局", "商务局", "文化广电旅游局", "卫生健康局", "应急管理局",
               "市场监督管理局", "医疗保障局", "林业局", "统计局", "民政局", "教育局", "退役军人事务局",
               "城市管理局", "行政审批局", "信访局", "审计局", "发展和改革局", "科学技术局", "经济和信息化局",
               "乡村振兴局", "档案局")
_DEPARTMENT_OFFICES = ("", "办公室", "法制股", "执法大队", "政策法规股", "党组")
OPENING = ("{year}年，在县委、县政府的坚强领导下，{who}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻"
           "习近平法治思想，认真落实县委全面依法治县委员会各项部署，对照全县法治政府建设年度工作要点逐项抓好落实，"
           "法治政府建设各项工作取得积极成效。现将有关情况报告如下。")
TEMPLATE = {
    "加强组织领导": "{who}把法治政府建设摆在全局工作的突出位置，及时调整充实法治政府建设工作领导小组，坚持每季度研究一次"
              "法治建设重点任务，形成了主要领导亲自抓、分管领导具体抓、各职能部门协同抓的工作格局。",
    "依法全面履行政府职能": "{who}持续深化放管服改革，全面落实权责清单、负面清单制度，推动更多政务服务事项网上办、掌上办、"
                  "就近办，进一步厘清政府和市场、政府和社会的关系。",
    "完善依法决策机制": "{who}严格执行重大行政决策程序规定，凡涉及群众切身利益的重大事项一律开展合法性审查，常年法律顾问"
                "列席重要会议并提出法律意见，确保决策过程合法合规、决策结果经得起检验。",
    "严格规范公正文明执法": "{who}全面落实行政执法三项制度，统一使用全省行政执法综合管理监督平台，规范执法文书格式和执法流程，"
                  "推行说理式执法和包容审慎监管，执法行为的规范化水平稳步提高。",
    "强化行政权力制约和监督": "{who}自觉接受人大监督、民主监督和司法监督，认真办理人大代表建议和政协委员提案，积极配合检察机关"
                   "开展公益诉讼工作，按时完成行政机关负责人出庭应诉任务。",
    "依法化解社会矛盾纠纷": "{who}坚持和发展新时代枫桥经验，健全人民调解、行政调解、司法调解联动工作体系，推动矛盾纠纷就地发现、"
                  "就地调处、就地化解，努力做到小事不出村、大事不出镇、矛盾不上交。",
    "深化法治宣传教育": "{who}认真落实普法责任制，结合民法典宣传月、宪法宣传周等重要节点，组织开展法律进机关、进乡村、进社区、"
                "进学校、进企业活动，群众的法治意识和法治素养不断提升。",
    "推进政务公开": "{who}坚持以公开为常态、不公开为例外，及时更新政府信息公开专栏，主动公开财政预决算、重大项目、行政执法"
              "等重点领域信息，依法办理政府信息公开申请，保障群众的知情权、参与权和监督权。",
}
FIRST_RESPONSIBLE = ("{who}党政主要负责人切实履行推进法治建设第一责任人职责，坚持把法治建设与经济社会发展同部署、同推进、"
                     "同督促、同考核、同奖惩，带头落实年终述法制度。")
SHORTCOMING_PHRASES = (
    "法治宣传教育的针对性和实效性有待增强，普法形式还不够新颖，群众参与的积极性不高。",
    "基层依法治理水平不够均衡，主要是由于部分干部运用法治思维解决问题的能力还不强。",
    "行政执法队伍专业化程度不高，执法人员法律知识储备不足，主要原因是执法人员身兼数职、培训机会较少。",
    "法治建设的经费保障和信息化支撑不足，主要原因是基层财力有限、专项经费投入不够。",
    "合法性审查力量较为薄弱，主要原因是缺少专职法治工作人员，法律顾问作用发挥不够充分。",
    "矛盾纠纷多元化解机制还不够健全，部门之间的协调联动有待加强，原因是信息共享渠道还不够畅通。",
)
PLAN_PHRASES = (
    "持续深入学习宣传贯彻党的二十大精神，把法治建设纳入理论学习中心组年度学习计划，推动领导干部带头学法用法。",
    "进一步规范重大行政决策程序，完善合法性审查机制，充分发挥法律顾问在依法决策中的参谋助手作用。",
    "加强行政执法队伍建设，常态化开展执法人员业务培训和案卷评查，不断提升执法规范化水平。",
    "深入实施八五普法规划，创新普法宣传方式，推动法治宣传教育从以灌输为主向以服务为主转变。",
    "健全完善矛盾纠纷多元化解机制，推动诉源治理向基层延伸，把矛盾纠纷化解在萌芽状态。",
    "加强法治政府建设督促检查，把法治建设成效纳入年度综合考核，以考核倒逼责任落实。",
)
# 青石镇's own passage, which 白沙镇 copies (changing its name once, keeping the slogan).
QINGSHI_OWN = ("在推进“法治青石”建设中，青石镇探索建立“村民说事、干部办事、群众评事”的议事机制，由镇司法所牵头，"
               "每月组织村两委干部、法律顾问和群众代表围绕土地流转、邻里纠纷、集体资产处置等问题现场议事，"
               "全年议定事项四十余件，相关做法被市级媒体专题报道，为基层依法治理提供了可复制的经验。")
BAISHA_COPY = QINGSHI_OWN.replace("青石镇探索", "白沙镇探索")
# Defects a reviewer sends a report back for (errors) or asks to be fixed (warnings).
DEFECTS = ("no-first-responsible", "no-shortcomings", "sum", "placeholder", "comma", "nineteenth", "late")


def county_report(issuer: str, year: int, rng: random.Random, *, offices=_OFFICES, extra: str = "",
                  defects: tuple[str, ...] = ()) -> str:
    """A report written from the county template, in the issuer's own words between its sentences."""

    def own(count: int) -> str:
        text = "".join(sentence(issuer, rng).replace(issuer, issuer + rng.choice(offices), 1) for _ in range(count))
        # the same office drawn twice would write it twice in a row (司法所司法所): a doubled word,
        # which format/duplicate-text rightly reports; the generator means one office
        return _DOUBLED_OFFICE.sub(r"\1", text)

    who = issuer
    lines = [f"{issuer}{year}年度法治政府建设情况报告", "", OPENING.format(year=year, who=who),
             f"一、{year}年度推进法治政府建设的主要举措和成效"]
    for number, title in zip("一二三四", rng.sample(list(TEMPLATE), 4)):
        lines += [f"（{number}）{title}", TEMPLATE[title].format(who=who) + own(2)]
        if number == "二" and extra:
            lines.append(extra)
    if "sum" in defects:
        lines.append(f"全年共办理行政处罚案件64件，其中适用简易程序38件、适用普通程序29件。{own(1)}")
    if "no-first-responsible" not in defects:
        lines += ["二、党政主要负责人履行推进法治建设第一责任人职责情况",
                  FIRST_RESPONSIBLE.format(who=who) + f"{issuer}主要负责同志主持召开法治建设专题会议{rng.randint(2, 9)}次。"]
    if "no-shortcomings" not in defects:
        lines += ["三、存在的不足和原因", "".join(rng.sample(SHORTCOMING_PHRASES, 3))]
    plan = "".join(rng.sample(PLAN_PHRASES, 3)) + own(1)
    if "nineteenth" in defects:
        lines[2] = lines[2].replace("深入学习贯彻习近平法治思想", "全面贯彻党的十九大精神，深入学习贯彻习近平法治思想")
        plan = plan.replace("二十大", "十九大")
    lines += [f"四、{year + 1}年工作安排", plan, "", f"{COUNTY}{issuer}人民政府" if not issuer.startswith(COUNTY) else issuer,
              f"{year + 1}年{'5' if 'late' in defects else '1'}月{rng.randint(5, 28)}日"]
    text = "\n".join(lines) + "\n"
    if "no-first-responsible" in defects:  # nothing the leaders did, not even in the template's words
        text = text.replace("形成了主要领导亲自抓、分管领导具体抓、各职能部门协同抓的工作格局", "形成了各职能部门协同推进的工作格局")
    if "placeholder" in defects:
        text = text.replace("专题会议", "XX专题会议", 1)
    if "comma" in defects:
        text = text.replace("，", ",", 3)
    return _renumber(text)


def _renumber(text: str) -> str:
    """一、二、三、四、 in order whatever parts were left out."""
    numerals = iter("一二三四五")
    return re.sub(r"(?m)^[一二三四]、", lambda m: next(numerals) + "、", text)


@dataclass
class Inbox:
    """What was put in the folder, so a test can say what every output must show."""

    folder: Path
    reports: dict[str, Path] = field(default_factory=dict)  # a role (青石镇, 白沙镇, 红岩乡-resubmitted…) → its file
    all_reports: list[Path] = field(default_factory=list)  # every readable report
    defects: dict[Path, tuple[str, ...]] = field(default_factory=dict)  # what was planted in each
    unreadable: dict[Path, str] = field(default_factory=dict)  # a submission that cannot be checked → why (doc, corrupt…)
    skipped: list[Path] = field(default_factory=list)  # no submission: an annotated copy an earlier run wrote

    @property
    def submissions(self) -> list[Path]:
        """Every file a reviewer must see a row for."""
        return sorted([*self.all_reports, *self.unreadable])


def inbox(folder: Path, count: int = 200, seed: int = 2024) -> Inbox:
    """``count`` reports of 清源县's towns and departments in mixed formats, plus the odd files an
    inbox holds (an old .doc, a .wps, a corrupt and an empty .docx, an encrypted PDF, an annotated
    copy from an earlier run, a resubmission)."""
    import docgen

    rng = random.Random(seed)
    made = Inbox(folder)
    towns = [n for n in issuers(count + 40, rng) if n not in ("青石镇", "白沙镇", "红岩乡")]
    towns = ["青石镇", "白沙镇", "红岩乡", *towns[:count - len(DEPARTMENTS) - 3]]
    for sub in ("乡镇", "县直部门"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    kinds = ("docx-numbered", "docx", "txt-utf8", "txt-gb18030", "docx-numbered", "txt-utf8", "pdf", "docx-numbered",
             "md", "txt-gb18030")
    everyone = [(t, "乡镇", _OFFICES) for t in towns] + [(COUNTY + d, "县直部门", _DEPARTMENT_OFFICES) for d in DEPARTMENTS]
    for i, (issuer, sub, offices) in enumerate(everyone):
        defects = () if i < 3 or rng.random() < 0.45 else (rng.choice(DEFECTS),)
        extra = QINGSHI_OWN if issuer == "青石镇" else BAISHA_COPY if issuer == "白沙镇" else ""
        text = county_report(issuer, 2023, rng, offices=offices, extra=extra, defects=defects)
        path = write_report(folder / sub / f"{issuer}2023年法治政府建设情况报告", text, kinds[i % len(kinds)])
        made.all_reports.append(path)
        made.defects[path] = defects
        if issuer in ("青石镇", "白沙镇", "红岩乡"):
            made.reports[issuer] = path
    again = county_report("红岩乡", 2023, rng, defects=())
    made.reports["红岩乡-resubmitted"] = write_report(folder / "乡镇" / "红岩乡2023年法治政府建设情况报告（修改稿）", again, "docx")
    made.all_reports.append(made.reports["红岩乡-resubmitted"])
    _odd_files(folder, made, docgen)
    return made


def _odd_files(folder: Path, made: Inbox, docgen) -> None:
    town = folder / "乡镇"
    odd = {
        town / "永安乡2023年法治政府建设情况报告（旧版Word）.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "doc"),
        town / "长乐镇2023年法治政府建设情况报告.wps": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "wps"),
        town / "太平镇2023年法治政府建设情况报告.docx": (docgen.report_docx(county_report("太平镇", 2023, random.Random(1)))[:900], "corrupt"),
        town / "凤凰乡2023年法治政府建设情况报告.docx": (b"", "empty"),
        town / "仙鹤镇2023年法治政府建设情况报告.pdf": (docgen.pdf_bytes([["仙鹤镇2023年度法治政府建设情况报告"]], encrypt="secret"), "encrypted"),
    }
    for path, (data, why) in odd.items():
        path.write_bytes(data)
        made.unreadable[path] = why
    copy = town / "青石镇2023年法治政府建设情况报告（fzlint批注）.docx"
    copy.write_bytes(docgen.report_docx(county_report("青石镇", 2023, random.Random(2))))
    made.skipped.append(copy)


def write_report(stem: Path, text: str, kind: str) -> Path:
    """A report in one of the formats submissions come in."""
    import docgen

    ext = {"docx-numbered": "docx", "txt-utf8": "txt", "txt-gb18030": "txt"}.get(kind, kind)
    path = stem.with_name(stem.name + "." + ext)
    if kind in ("docx", "docx-numbered"):
        path.write_bytes(docgen.report_docx(text, numbered=kind == "docx-numbered"))
    elif kind == "pdf":
        path.write_bytes(docgen.report_pdf(text))
    elif kind == "txt-gb18030":
        path.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- a big run, without linting

_MESSAGES = (
    ("format/punctuation-width", "warning", "中文文本中使用了半角“,”，应改为全角“，”。全文共 {n} 处半角标点，多由复制粘贴带入。"),
    ("numeric/sum-mismatch", "error", "总数为“64件”，但“其中”后列出的分项38件＋29件合计为67，两者不可能相等。请核对总数和各分项数字，或在分项中补充遗漏的类别。"),
    ("term/outdated", "warning", "报告年度为2023年，“党的十九大精神”已不是现行提法，应为“党的二十大精神”。"),
    ("term/placeholder", "error", "“XX”是未替换的占位符。应填入实际的名称、数字或日期。"),
    ("structure/heading-style", "warning", "标题序号“(一)”使用了半角括号，应为全角“（一）”（GB/T 9704）。"),
    ("numeric/rate-rounding", "info", "“98.4%”由 123/125 算得 98.40%，写法正确；若按截断处理应写明。"),
)


def synthetic_run(reports: int = 1000, findings: int = 100, seed: int = 7):
    """A RunResult of ``reports`` county reports with ``findings`` findings each, built without
    linting (bench/export.py, tests/test_exports.py): what the exporters must write in seconds."""
    from checker.diagnostics import Diagnostic, Location, Severity
    from checker.results import FileResult, PartLabel, ReportInfo, RunResult
    from checker.sources import Source

    rng = random.Random(seed)
    labels = (PartLabel("achievements", "主要举措和成效", "举措和成效", "成效"),
              PartLabel("first_responsible", "党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人", "责任人"),
              PartLabel("shortcomings", "存在的不足和原因", "不足和原因", "不足"),
              PartLabel("next_year", "下一年度主要安排", "下一年度安排", "安排"))
    names = issuers(reports, rng)
    files = []
    for i, name in enumerate(names):
        text = county_report(name, 2023, rng)
        lines = text.split("\n")
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        found = []
        for k in range(findings):
            rule, level, message = _MESSAGES[k % len(_MESSAGES)]
            row = rng.randrange(len(lines) - 1)
            width = max(len(lines[row]), 1)
            column = rng.randrange(width) + 1
            start = starts[row] + column - 1
            found.append(Diagnostic(rule, Severity.parse(level), message.format(n=k),
                                    Location(row + 1, column, row + 1, min(column + 4, width + 1), start, start + 4)))
        missing = (("first_responsible", "section/first-responsible-missing"),) if i % 7 == 0 else ()
        info = ReportInfo("simplified", 2023, lines[0], name, (), "law-based-government", labels, missing)
        path = f"报送材料/乡镇/{i:04d}_{name}2023年法治政府建设情况报告.txt"
        files.append(FileResult(path, Source(path, "txt", text), diagnostics=tuple(found), info=info))
    return RunResult(tuple(files))
