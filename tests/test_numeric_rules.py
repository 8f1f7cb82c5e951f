"""numeric/*: which sentences fire which rule, and the look-alikes that must stay silent.

Every case is linted as a paragraph of a report's achievements part, with the default ruleset;
a case lists the rule it is about and whether that rule fires. Texts are our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# The shared corpus sits next to the checkout (or next to the folder of worktrees).
CORPUS = next((p / "shared" / "corpus" for p in Path(__file__).resolve().parents
               if (p / "shared" / "corpus").is_dir()), Path("/nonexistent"))
HEAD = "青溪镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"

SUM = "numeric/sum-mismatch"
INCOMPLETE = "numeric/sum-incomplete"
MIXED = "numeric/unit-mixed"
RATE = "numeric/rate-mismatch"
ROUNDING = "numeric/rate-rounding"
RANGE = "numeric/percent-out-of-range"
BASE = "numeric/rate-without-base"

FIRES = {
    # cases handled are no base for a satisfaction rate: who was asked, and how many? (domain.md §6.4)
    "base-manyi-suggestions": (BASE, "全年完成代表建议办理4件，代表满意率保持100%。"),
    "base-manyi-handled-counts": (BASE, "全年受理诉求120件，办结114件，群众满意率98%。"),
    "base-manyi-work-orders": (BASE, "办理市民热线工单2300单，群众满意率97%。"),
    # --- sum-mismatch: exhaustive wording, over-sums, a part above its total
    "sum-fenbie-under": (SUM, "全年共受理行政复议、行政诉讼案件15件，分别为8件、6件。"),
    "sum-fenbie-over": (SUM, "共开展普法活动12场，分别为法治讲座5场、广场宣传8场。"),
    "sum-categories-covered": (SUM, "共办理人大代表建议和政协委员提案25件，其中人大代表建议10件、"
                                    "政协委员提案13件。"),
    "sum-letters-visits-covered": (SUM, "共受理群众来信、来访120件，其中来信50件、来访60件。"),
    "sum-remainder": (SUM, "共调解矛盾纠纷40起，其中婚姻家庭纠纷12起、邻里纠纷9起、其他纠纷15起。"),
    "sum-parallel-over": (SUM, "共受理群众来信来访50件，其中来信30件、来访28件。"),
    "sum-part-exceeds-status": (SUM, "共受理案件20件，其中办结25件。"),
    "sum-part-exceeds-cn": (SUM, "共召开常务会议十二次，其中专题学法十五次。"),
    "sum-part-exceeds-baokuo-zainei": (SUM, "共培训干部200人次，包括领导干部250人次在内。"),
    "sum-part-exceeds-han": (SUM, "共收到行政复议申请8件（含不予受理的10件）。"),
    "sum-money-over": (SUM, "共投入法治建设经费500万元，其中上级补助300万元、本级安排250万元。"),
    "sum-approx-parts-over": (SUM, "共发放宣传资料4000份，其中法律读本3000余份、宣传折页2500余份。"),
    # an approximate total still has an upper bound no single part may pass
    "sum-approx-total-part-above": (SUM, "共印发普法读本3000余册，其中发放到村（社区）的读本4200册。"),
    "sum-line-break": (SUM, "共受理案件20\n件，其中行政案件12件、民事案件9件。"),
    "sum-two-totals-first-wrong": (SUM, "共受理案件20件，其中行政案件12件、民事案件9件，共调解纠纷30起，"
                                        "其中调解成功28起。"),
    "sum-two-totals-second-wrong": (SUM, "共受理案件20件，其中行政案件12件、民事案件8件，共调解纠纷30起，"
                                         "其中调解成功32起。"),
    "sum-hetong-hotline": (SUM, "受理12345热线工单120件，其中咨询类80件、投诉类50件。"),
    # distinct outcomes of one family (rule params) are disjoint: they cannot exceed the total
    "sum-disjoint-mediation": (SUM, "全年共调处邻里纠纷32起，其中调处成功28起、引导当事人通过诉讼解决5起。"),
    "sum-disjoint-done-pending": (SUM, "共受理群众诉求80件，其中已办结72件，正在办理10件。"),
    "sum-disjoint-review": (SUM, "共审结行政复议案件15件，其中维持9件、撤销3件、确认违法2件、驳回申请2件。"),
    "sum-disjoint-nested-largest": (SUM, "共受理诉求80件，其中已办结70件、按期办结68件、在办11件。"),
    "sum-disjoint-exam": (SUM, "组织执法人员参加考试共60人，其中考试合格55人、不合格6人。"),
    "sum-disjoint-lawsuits": (SUM, "共审结行政诉讼案件12件，其中胜诉10件、败诉3件，败诉率25%。"),
    "sum-disjoint-cleanup": (SUM, "共清理规范性文件40件，其中继续有效30件、修订6件、废止5件，清理结果已向社会公布。"),
    "sum-disjoint-acceptance": (SUM, "共收到行政复议申请20件，其中受理18件、不予受理3件。"),
    # the list ends where its items end, whatever clause follows it
    "sum-remainder-then-status-clause": (SUM, "共查处违法案件120件，其中环保类50件、交通类40件、"
                                              "其他类38件，均已依法办结。"),
    "sum-categories-then-money": (SUM, "共立案98件，其中食品类40件、药品类31件、价格类30件，"
                                       "罚没款86.5万元。"),
    "sum-remainder-then-semicolon": (SUM, "共受理投诉举报64件，其中质量类30件、价格类22件、其他类15件；"
                                          "全部按期答复。"),
    "sum-categories-then-count-of-kind": (SUM, "共查处案件150件，其中食品类70件、药品类50件、其他类40件，"
                                               "办结148件。"),
    "sum-area-over": (SUM, "全年流转土地1200亩，其中耕地800亩、林地500亩。"),
    # an approximate total is an interval: 4000余份 is [4000, 5000], which 1000+2000 cannot reach
    "sum-after-and-joined": (SUM, "审查规范性文件23件和政府合同45件，共70件。"),
    "sum-approx-total-fenbie-under": (SUM, "共发放宣传资料4000余份，分别为手册1000份、折页2000份。"),
    # a clause counting something else (涉及群众40人) stands between the total and its 件 parts
    "sum-other-group-clause-between": (SUM, "共受理案件8件，涉及群众40人，其中行政案件9件。"),
    # a sentence opening with 其中 breaks down a figure of the sentence before it
    "sum-qizhong-next-sentence": (SUM, "共受理案件20件。其中行政案件25件。"),
    "sum-qizhong-next-sentence-listed": (SUM, "全年审结行政复议案件45件。其中，维持28件，撤销5件，确认违法2件，"
                                               "驳回7件，终止1件。"),
    "sum-qizhong-colon-semicolons": (SUM, "全年受理行政复议案件74件，其中：行政处罚类39件；行政强制类12件；"
                                          "其他类25件。"),
    "sum-after-comma-parts": (SUM, "全年办理来信64件，来访127件，网上信访83件，合计276件。"),
    # 其中 after a clause without figures still belongs to the total: no part may pass it
    "sum-part-after-aside": (SUM, "全年发生行政复议案件3件，均依法按期审结，其中维持原行政行为4件。"),
    # --- sum-incomplete
    "incomplete-two-items": (INCOMPLETE, "共受理案件20件，其中行政案件12件、民事案件6件。"),
    # --- unit-mixed
    "mixed-jian-tiao": (MIXED, "共化解网络舆情14件，其中热线线索1条、信箱来件13件。"),
    "mixed-ren-renci": (MIXED, "共培训干部120人次，其中领导干部20人、执法人员100人次。"),
    # --- rate-mismatch
    "rate-banjie": (RATE, "全年受理群众诉求120件，办结114件，办结率96%。"),
    "rate-tiaojie-chenggong": (RATE, "调解矛盾纠纷38宗，调解成功35宗，调解成功率97.4%。"),
    "rate-hege": (RATE, "组织干部参加学法考试120人，考试合格108人，合格率95%。"),
    "rate-manyi": (RATE, "回访群众200人，满意180人，满意率95%。"),
    "rate-share-zhanbi": (RATE, "共受理案件40件，其中行政案件10件，占比30%。"),
    "rate-share-zongshu": (RATE, "共受理案件40件，其中行政案件10件，占总数的30%。"),
    "rate-second-of-two": (RATE, "受理投诉50件，办结50件，办结率100%，调解纠纷30件，调解成功24件，"
                                 "调解成功率90%。"),
    "rate-semicolon-units": (RATE, "受理行政复议案件12件，审结10件，结案率83.3%；受理行政诉讼案件8件，"
                                   "审结6件，结案率80%。"),
    "rate-base-of-same-kind-only": (RATE, "全年接到群众来电1200个，受理诉求800件，办结780件，办结率95%。"),
    "rate-zhenggai": (RATE, "检查发现问题35个，整改到位30个，整改率100%。"),
    "rate-cankao": (RATE, "应参考人员120人，实际参考110人，参考率98.3%。"),
    "rate-juan": (RATE, "抽查行政处罚案卷150卷，合格138卷，合格率93%。"),
    "rate-dan": (RATE, "办理热线工单860单，按期办结817单，按期办结率96%。"),
    # a subset aside (含…) is no base; a verb after the figure names it (名 and 人 are one group)
    "rate-aside-subset": (RATE, "全年受理政务服务投诉1260件（含12345热线转办830件），按期办结1248件，"
                                "按期办结率98.2%。"),
    "rate-verb-after-count": (RATE, "全镇310名党员干部参加法律知识考试，考试合格301人，合格率98.1%。"),
    # the counts of a rate may stand in the previous sentence of its paragraph
    "rate-previous-sentence": (RATE, "全年受理群众诉求120件，办结114件。办结率96%。"),
    # --- rate-rounding
    "rounding-37-38": (ROUNDING, "调解纠纷38宗，成功37宗，成功率97.36%。"),
    "rounding-2-3": (ROUNDING, "回访当事人3人，满意2人，满意率66.66%。"),
    # --- percent-out-of-range
    "range-manyi-105": (RANGE, "群众满意率达到105%。"),
    "range-zhanbi-120": (RANGE, "其中行政案件占比120%。"),
    "range-fenbie-second": (RANGE, "考试合格率和参考率分别为98%、102%。"),
    "range-negative": (RANGE, "群众知晓率为-3%。"),
    "range-with-counts": (RANGE, "受理诉求50件，办结52件，办结率104%。"),
    # --- rate-without-base
    "base-banjie": (BASE, "对受理事件及时上传、及时跟踪、按时完结，办结率为100%。"),
    "base-chain": (BASE, "机关干部学时完成率、参考率和考试合格率均达到100%。"),
    # counts of a group the rate cannot be counted in are no base
    "base-cankao-with-sessions": (BASE, "开展干部学法考试3场，参考率100%。"),
    "base-hege-with-money": (BASE, "投入执法装备经费80万元，装备验收合格率100%。"),
    "base-hege-with-hours": (BASE, "干部年均学法40学时，考试合格率100%。"),
    "base-counts-in-other-paragraph": (BASE, "全年受理诉求61件，办结59件。\n二、存在的不足和原因\n"
                                             "办结率96.7%。"),
    # any short noun ending in 率 with a level is a proportion that needs its counts
    "base-general-haoping": (BASE, "全镇便民服务中心办件好评率为99.6%。"),
    "base-general-chizheng": (BASE, "全镇行政执法人员持证上岗率达到100%。"),
    "base-general-chain": (BASE, "涉诉案件负责人到庭率、文书网上公开率均保持100%。"),
    "base-general-manyidu": (BASE, "群众对镇政府依法行政工作的满意度达到97.8%。"),
    "base-general-after-unrelated-sentence": (BASE, "全年开展培训5次。群众法治知晓度达到92%。"),
}

SILENT = {
    # --- sums that are fine, and wording that promises no sum
    "sum-hotline-code-exact": (SUM, "共处置网络舆情9件，其中12345热线转办线索2条、领导信箱来件1件、"
                                    "网络问政平台来件6件。"),
    "sum-fenbie-exact": (SUM, "全年共受理行政复议、行政诉讼案件14件，分别为8件、6件。"),
    "sum-selection-under": (SUM, "共受理案件20件，其中行政案件12件、民事案件6件。"),
    "sum-baokuo-zainei": (SUM, "共培训干部200人次，包括领导干部50人次在内。"),
    "sum-deng-hedged": (SUM, "共受理案件20件，其中行政案件12件、民事案件9件等。"),
    "sum-zhuyao-hedged": (SUM, "共受理案件20件，其中主要为行政案件12件、民事案件9件。"),
    "sum-party-member-attributes": (SUM, "全镇共有党员120名，其中女党员45名、35岁以下党员40名、"
                                         "大专以上学历党员80名。"),
    "sum-staff-selection": (SUM, "共培训干部200人次，其中领导干部150人次、执法人员80人次。"),
    "sum-village-honours": (SUM, "全镇共有村（社区）12个，其中市级民主法治示范村8个、县级5个。"),
    "sum-zhuyao-baokuo": (SUM, "共受理案件20件，主要包括行政案件12件、民事案件9件。"),
    "sum-status-list": (SUM, "共受理案件50件，其中行政案件30件，已办结28件。"),
    "sum-other-group": (SUM, "共开展培训5次，其中培训干部120人次。"),
    "sum-approx-fits-4000yu": (SUM, "共发放宣传资料4000余份，其中法律读本1000余份、宣传折页3000余份。"),
    "sum-approx-230yu": (SUM, "共接受群众咨询230余人次，其中现场咨询150人次、电话咨询85人次。"),
    "sum-no-total": (SUM, "其中行政案件25件。"),
    # sentences of different paragraphs are never read together
    "sum-qizhong-next-sentence-fits": (SUM, "全年审结行政复议案件45件。其中，维持28件，撤销5件，确认违法2件，"
                                            "驳回7件，终止3件。"),
    "sum-qizhong-next-sentence-of-status": (SUM, "共受理案件20件，已办结18件。其中行政案件19件。"),
    "sum-after-comma-parts-fit": (SUM, "全年办理来信64件，来访127件，网上信访83件，合计274件。"),
    "sum-after-comma-status-clause": (SUM, "全年受理投诉50件，已办结48件，共计50件。"),
    "sum-different-paragraphs": (SUM, "共受理案件20件。\n（二）其他工作。\n其中行政案件25件。"),
    "sum-qizhong-of-later-figure": (SUM, "共受理案件20件，已办结18件，其中行政案件19件。"),
    "sum-docno-period": (SUM, "根据〔2016〕27号文件和《实施方案（2021—2025年）》，共清理文件30件，"
                              "其中废止5件、修改3件。"),
    "sum-two-totals-both-right": (SUM, "共受理案件20件，其中行政案件12件、民事案件8件，共调解纠纷30起，"
                                       "其中调解成功28起。"),
    "sum-yishang": (SUM, "共培训300人次以上，其中领导干部200人次、执法人员150人次。"),
    "sum-tongbi": (SUM, "共受理案件20件，同比增长15%，其中行政案件12件、民事案件8件。"),
    # 其中 belongs to the nearest figure of its group (服务群众80次), not to a 公共… figure before it
    "sum-gonggong-not-total": (SUM, "公共法律服务中心开展活动3次，服务群众80次，其中现场服务9次。"),
    "sum-disjoint-below": (SUM, "共调处矛盾纠纷32起，其中调处成功26起、移交相关部门4起。"),
    "sum-same-outcome-nests": (SUM, "共受理群众诉求80件，其中已办结76件、按期办结75件。"),
    "sum-outcome-and-satisfaction": (SUM, "共办结群众诉求80件，其中按期办结78件、群众满意75件。"),
    "sum-failed-then-transferred": (SUM, "共调处矛盾纠纷30起，其中调解不成功8起、移交司法机关6起、"
                                         "调解成功22起。"),
    "sum-different-families": (SUM, "共收到复议申请20件，其中受理18件、办结15件。"),
    "sum-outcomes-approx-total": (SUM, "共排查矛盾纠纷50余件，其中化解45件、移交8件。"),
    "sum-one-outcome-only": (SUM, "共受理群众诉求80件，其中办结70件、群众来信15件。"),
    # approximate totals (§6.6): no sum is compared, only a single part with the upper bound
    "sum-approx-total-round-parts": (SUM, "全年印发法治宣传品2.3万余份，其中宣传册10000份、宣传单14000份。"),
    "sum-approx-parts-under": (SUM, "共发放宣传资料4000份，分别为手册1000余份、折页2000余份。"),
    "sum-approx-total-part-within": (SUM, "共印发普法读本3000余册，其中发放到村（社区）的读本2600册。"),
    "sum-remainder-then-clause-fits": (SUM, "共查处违法案件120件，其中环保类50件、交通类40件、"
                                            "其他类30件，均已依法办结。"),
    "sum-list-then-count-of-kind": (SUM, "共受理案件50件，其中行政案件30件、民事案件15件，已办结48件。"),
    "sum-part-after-aside-within": (SUM, "发生行政诉讼案件6件，均由负责人出庭应诉，其中主要负责人出庭2件。"),
    "sum-aside-new-topic": (SUM, "共受理案件8件，此外开展普法活动，其中行政案件9件。"),
    "incomplete-single-item": (INCOMPLETE, "共受理案件20件，其中行政案件12件。"),
    "incomplete-exact": (INCOMPLETE, "共受理案件20件，其中行政案件12件、民事案件8件。"),
    "incomplete-deng": (INCOMPLETE, "共受理案件20件，其中行政案件12件、民事案件6件等。"),
    "incomplete-party-members": (INCOMPLETE, "全镇共有党员320名，其中女党员85名、少数民族党员12名。"),
    "incomplete-status": (INCOMPLETE, "共受理案件50件，其中行政案件30件，已办结18件。"),
    "mixed-same-unit": (MIXED, "共化解网络舆情14件，其中热线线索1件、信箱来件13件。"),
    "mixed-money-scale": (MIXED, "共投入经费500万元，其中上级补助300万元、本级安排2000000元。"),
    # --- rates that fit, or cannot be paired
    "rate-rounded-59-61": (RATE, "全年受理群众诉求61件，办结59件，办结率96.7%。"),
    "rate-truncated-37-38": (RATE, "调解纠纷38宗，成功37宗，成功率97.36%。"),
    "rate-rounded-37-38": (RATE, "调解纠纷38宗，成功37宗，成功率97.37%。"),
    # counts in another paragraph are no base of the rate
    "rate-different-paragraphs": (RATE, "全年受理群众诉求120件，办结114件。\n二、存在的不足和原因\n办结率96%。"),
    "rate-ambiguous-two-pairs": (RATE, "受理行政复议案件12件，审结10件，受理行政诉讼案件8件，审结8件，"
                                       "结案率100%。"),
    "rate-negated-numerator": (RATE, "抽检食品50批次，不合格2批次，合格率96%。"),
    "rate-negated-and-plain": (RATE, "抽检食品50批次，合格48批次，不合格2批次，合格率96%。"),
    "rate-change": (RATE, "受理诉求120件，办结114件，办结率同比提高5%。"),
    "rate-approx-counts": (RATE, "受理群众诉求4000余件，办结3900余件，办结率97.5%。"),
    "rate-manyi-vs-handled": (RATE, "受理诉求120件，办结114件，满意率96%。"),
    "rate-yishang": (RATE, "回访群众200人，满意190人，满意率95%以上。"),
    "rate-done-above-received": (RATE, "受理诉求50件，办结52件，办结率100%。"),
    "rate-different-groups": (RATE, "受理投诉50件，办结当事人48人，办结率100%。"),
    "rate-share-not-total": (RATE, "共受理案件40件，其中行政案件10件，占全县的30%。"),
    "rate-zero-base": (RATE, "受理诉求0件，办结0件，办结率100%。"),
    "rate-subset-in-between": (RATE, "共受理各类案件120件，其中行政案件80件，办结78件，办结率97.5%。"),
    "rate-above-100-left-to-range": (RATE, "共排查矛盾纠纷326件，化解318件，化解率105%。"),
    "rate-notice-is-no-base": (RATE, "下达整改通知书35份，整改到位30份，整改率100%。"),
    "rate-survey-sheets": (RATE, "发放满意度调查问卷500份，收回480份，满意率96%。"),
    "rate-cankao-fits": (RATE, "应参考人员120人，实际参考118人，参考率98.3%。"),
    "rate-juan-fits": (RATE, "抽查行政处罚案卷150卷，合格138卷，合格率92%。"),
    "rate-aside-fits-total": (RATE, "受理投诉1260件（含热线转办830件），按期办结1248件，按期办结率99.0%。"),
    "rate-aside-fits-subset": (RATE, "受理投诉1260件（含热线转办800件），按期办结784件，按期办结率98%。"),
    "rate-verb-after-count-fits": (RATE, "全镇310名党员干部参加法律知识考试，考试合格301人，合格率97.1%。"),
    "rate-no-verb-either-side": (RATE, "组织120名干部集中学习，考试合格115人，合格率90%。"),
    "rate-paichao-huajie": (RATE, "共排查矛盾纠纷326件，化解318件，化解率97.5%。"),
    "rounding-rounded": (ROUNDING, "调解纠纷38宗，成功37宗，成功率97.37%。"),
    "rounding-59-61": (ROUNDING, "全年受理群众诉求61件，办结59件，办结率96.7%。"),
    "rounding-approx": (ROUNDING, "调解纠纷38余宗，成功37宗，成功率97.36%。"),
    "range-100": (RANGE, "群众满意率达到100%。"),
    "range-growth": (RANGE, "受理案件数同比增长120%。"),
    "range-growth-rate-word": (RANGE, "满意率同比提高150%。"),
    "range-completion": (RANGE, "年度计划完成率达120%。"),
    "range-percentage-points": (RANGE, "办结率提高3个百分点。"),
    "range-range-not-negative": (RANGE, "满意率保持在95-98%。"),
    "base-with-counts": (BASE, "全年受理群众诉求61件，办结59件，办结率96.7%。"),
    "base-manyi-survey": (BASE, "回访当事人120人，满意率98.3%。"),
    "base-hege-exam": (BASE, "组织干部参加学法考试120人，合格率100%。"),
    "base-change": (BASE, "受理案件数同比增长15%。"),
    "base-share": (BASE, "共受理案件40件，其中行政案件10件，占比25%。"),
    "base-counts-in-previous-sentence": (BASE, "全年受理诉求61件，办结59件。办结率96.7%。"),
    "base-target": (BASE, "下一步，力争群众满意率达到95%以上。"),
    "base-plan-part": (BASE, "受理诉求61件，办结59件，办结率96.7%。\n二、2024年工作计划\n"
                             "（一）提升服务。办结率达到100%。"),
    "base-exam-after-training": (BASE, "培训执法人员300余人次，考试合格率达98%以上。"),
    "base-coverage-with-villages": (BASE, "全县12个乡镇实现公共法律服务工作站全覆盖，覆盖率100%。"),
    "base-not-a-rate-word": (BASE, "行政效率提高15%，利率下降。"),
    "base-4-15-12-4": (BASE, "开展“4·15”和“12·4”宣传活动，覆盖率未统计。"),
    "base-general-with-count": (BASE, "全镇行政执法人员42人，持证上岗率100%。"),
    # a count the rate can be counted in, whatever its verb, is a base nearby
    "base-count-other-verb": (BASE, "集中评查行政处罚案卷180卷，案卷合格率96.1%。"),
    "base-count-verb-after": (BASE, "全县1520名执法人员参加年度执法资格考试，参考率100%。"),
    "base-general-count-before": (BASE, "梳理便民服务事项126项，网上可办124项。网上可办率达到98.4%。"),
    "base-general-change": (BASE, "便民服务好评率同比提高2%。"),
    "base-general-growth": (BASE, "全镇一般公共预算收入增长率为6.5%。"),
    "base-general-efficiency": (BASE, "审批效率提高到原来的95%，贷款利率下调0.5%。"),
    "base-general-lead-verb": (BASE, "在全县率先实现村（社区）法律顾问100%覆盖。"),
    "base-general-role-model": (BASE, "领导干部带头做表率，100%参加旁听庭审。"),
    "base-general-target": (BASE, "力争政务服务好评率达到99%以上。"),
    "base-manyidu-score": (BASE, "群众满意度测评得分为96.5分。"),
    # an unregistered 率 is never paired with counts nor range-checked: its verbs are unknown
    "rate-general-not-paired": (RATE, "全镇有执法人员40人，到岗38人，到岗率90%。"),
    "rate-manyidu-not-paired": (RATE, "回访群众200人，满意180人，满意度95%。"),
    "range-general-unknown": (RANGE, "镇综治中心调解室使用率达到120%。"),
}


def _fired(lint, rule: str, text: str) -> list:
    return [d for d in lint(HEAD + text, year=2023).diagnostics if d.rule == rule]


@pytest.mark.parametrize(("rule", "text"), FIRES.values(), ids=FIRES.keys())
def test_fires(lint, rule: str, text: str) -> None:
    assert _fired(lint, rule, text), f"{rule} did not fire on: {text}"


@pytest.mark.parametrize(("rule", "text"), SILENT.values(), ids=SILENT.keys())
def test_silent(lint, rule: str, text: str) -> None:
    fired = _fired(lint, rule, text)
    assert not fired, [d.message for d in fired]


NO_NUMERIC_ERROR = {
    "hotline-and-code": "拨打12345热线反映问题，依据渝委发〔2016〕27号文件办理。",
    "period-title": "印发《法治政府建设实施方案（2021—2025年）》，开展“八五”普法。",
    "days": "开展“12·4”国家宪法日和4·15全民国家安全教育日宣传活动3次。",
    "approx": "发放宣传资料4000余份，接受群众咨询230余人次。",
    "growth": "受理案件数同比增长15%，办结率提高3个百分点。",
    "counts-apart": "受理投诉50件。调解纠纷30件，调解成功率90%。其中成功45件。",
}


@pytest.mark.parametrize("text", NO_NUMERIC_ERROR.values(), ids=NO_NUMERIC_ERROR.keys())
def test_look_alikes_raise_no_numeric_error(lint, text: str) -> None:
    errors = [d for d in lint(HEAD + text, year=2023).diagnostics
              if d.rule.startswith("numeric/") and d.severity.label == "error"]
    assert not errors, [d.message for d in errors]


MESSAGES = {
    "sum-shows-total-parts-sum": (SUM, "共办理人大代表建议和政协委员提案25件，其中人大代表建议10件、政协委员提案13件。",
                                  ["25件", "10件＋13件", "23"]),
    "part-shows-both": (SUM, "共受理案件20件，其中办结25件。", ["25件", "20件"]),
    "disjoint-shows-outcomes": (SUM, "共排查纠纷30起，其中化解成功24起、移交派出所7起。",
                                ["30起", "“化解成功24起”“移交派出所7起”", "31"]),
    "rate-shows-computed": (RATE, "全年受理群众诉求120件，办结114件，办结率96%。",
                            ["114件", "120件", "95%", "96%"]),
    "rate-shows-repeating": (RATE, "调解矛盾纠纷38宗，调解成功35宗，调解成功率97.4%。", ["92.105…%"]),
    "rounding-shows-expected": (ROUNDING, "调解纠纷38宗，成功37宗，成功率97.36%。", ["97.3684…%", "97.37%"]),
    "base-names-chain": (BASE, "机关干部学时完成率、参考率和考试合格率均达到100%。",
                         ["完成率、参考率、合格率均为100%"]),
    "base-names-respectively": (BASE, "办结率、满意率分别为100%、98%。", ["办结率、满意率分别为100%、98%"]),
    "base-names-general-stem": (BASE, "全镇便民服务事项网上可办率为98%。", ["可办率98%"]),
}


@pytest.mark.parametrize(("rule", "text", "parts"), MESSAGES.values(), ids=MESSAGES.keys())
def test_message_shows_values(lint, rule: str, text: str, parts: list[str]) -> None:
    (d,) = _fired(lint, rule, text)
    for part in parts:
        assert part in d.message, d.message


def test_finding_points_at_the_figures(lint) -> None:
    text = "全年受理群众诉求120件，办结114件，办结率96%。"
    result = lint(HEAD + text, year=2023)
    (d,) = [d for d in result.diagnostics if d.rule == RATE]
    assert result.source.text[d.start:d.end] == "120件，办结114件，办结率96%"


_ALPHABET = st.sampled_from(list("0123456789%.，。；、：（）\n共其中分别为包括在内等件条人次份率办结受理满意"
                                  "合格占比同比增长一二十百余约近以上"))


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_random_text_never_raises(rules, text: str) -> None:
    from checker.api import lint_text

    numeric = rules.only(lambda r: r.id.startswith("numeric/"))
    lint_text(HEAD + text, numeric, year=2023, strict=True)


@pytest.mark.parametrize("text", ["", "共", "其中", "共0件，其中0件。", "办结率%", "占比100%以上",
                                  "共1件，其中" + "1件、" * 200, "率" * 50 + "100%",
                                  "共受理20件，其中\n\n行政案件30件"])
def test_odd_input_never_raises(lint, text: str) -> None:
    lint(HEAD + text, year=2023)


CORPUS_EXPECT = {
    # file prefix: rules that must fire / must stay silent (domain.md, reviewed findings)
    "000_": ({BASE}, {SUM, RATE, RANGE}),
    "001_": ({BASE, MIXED}, {SUM, RATE, RANGE, INCOMPLETE}),
    "003_": (set(), {SUM, RATE, RANGE}),
}


@pytest.mark.parametrize("prefix", CORPUS_EXPECT)
def test_corpus(rules, prefix: str) -> None:
    from checker.api import lint_path

    paths = sorted(CORPUS.glob(f"{prefix}*.txt")) if CORPUS.is_dir() else []
    if not paths:
        pytest.skip("corpus not available")
    fired = {d.rule for d in lint_path(str(paths[0]), rules, strict=True).diagnostics}
    must, never = CORPUS_EXPECT[prefix]
    assert must <= fired and not never & fired, fired


def test_outcome_family_needs_two_outcomes() -> None:
    from checker.checks.base import ParamError
    from checker.checks.sum_mismatch import NumericSumCheck

    NumericSumCheck.compile({"outcomes": [["办结", "在办"]]})
    with pytest.raises(ParamError, match="outcomes"):
        NumericSumCheck.compile({"outcomes": [["办结"]]})


def test_figure_conflict_names_both_places(lint) -> None:
    text = (HEAD + "全年行政机关负责人出庭应诉31件。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "县长带头履行出庭应诉职责，全年行政机关负责人出庭应诉33件。\n")
    (d,) = [d for d in lint(text, year=2023).diagnostics if d.rule == "numeric/figure-conflict"]
    assert (d.line, [r.line for r in d.related]) == (3, [5])
    assert "31件" in d.message and "33件" in d.message and "第5行" in d.message
    assert text[d.related[0].start:d.related[0].end] == "33件"
