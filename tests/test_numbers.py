"""checker.text.numbers: which figures are quantities, what they can mean, and how rates fit counts."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text.intervals import Fit, Interval, fit_rate, rate_fit, rate_interval, ratio
from checker.text.numbers import parse_number

from conftest import find_quantities


def raws(text: str) -> list[str]:
    return [q.raw for q in find_quantities(text)]


# --- parse_number ---------------------------------------------------------------------------

PARSE = {
    "arabic": ("1234", "1234"),
    "thousands-comma": ("1,234", "1234"),
    "decimal": ("96.7", "96.7"),
    "wan-decimal": ("1.2万", "12000"),
    "wan-1.5": ("1.5万", "15000"),
    "yi-decimal": ("3.5亿", "350000000"),
    "fullwidth": ("１２", "12"),
    "cn-1200": ("一千二百", "1200"),
    "cn-liang": ("两", "2"),
    "cn-zero": ("〇", "0"),
    "cn-12": ("十二", "12"),
    "cn-23": ("二十三", "23"),
    "cn-105": ("一百零五", "105"),
    "cn-200000": ("二十万", "200000"),
    "cn-300": ("三百", "300"),
    "cn-32m": ("三千二百万", "32000000"),
    "cn-yi": ("一亿二千万", "120000000"),
    "cn-colloquial": ("三千二", "3200"),
    "cn-year-digits": ("二〇二一", "2021"),
}


@pytest.mark.parametrize(("s", "want"), PARSE.values(), ids=PARSE.keys())
def test_parse_number(s: str, want: str) -> None:
    assert parse_number(s) == D(want)


@pytest.mark.parametrize("s", ["", "abc", "十四五", "两三", "1,23", "1.2.3", "十十", "5G", "百分"])
def test_parse_number_rejects(s: str) -> None:
    assert parse_number(s) is None


# --- what is and is not a quantity ----------------------------------------------------------

FIND = {
    # corpus sentences
    "corpus-sum-12345": ("共化解消除网络舆情14件，其中12345政府服务热线线索1条，书记信箱咨询件1件，"
                         "问政四川咨询件12件", ["14件", "1条", "1件", "12件"]),
    "corpus-approx": ("发放各类宣传资料4000余份，接受群众咨询230余人次", ["4000余份", "230余人次"]),
    "corpus-rate-no-base": ("机关干部学时完成率和参考率、考试合格率均达到100%", ["100%"]),
    "corpus-quoted-constitution-day": ("依托“12·4”国家宪法日开展宣传活动3次", ["3次"]),
    "corpus-docno": ("（渝委发〔2016〕27号）", []),
    "corpus-title-period": ("《法治政府建设实施纲要（2015－2020年）》", []),
    "corpus-village": ("实现9村1社全覆盖", ["9村", "1社"]),
    "corpus-wechat-12348": ("关注“重庆掌上12348”微信公众号300余人", ["300余人"]),
    "corpus-line-break": ("接受群众咨询230\n余人次，会前学法4\n次", ["230\n余人次", "4\n次"]),
    "corpus-grid": ("共划分111个网格单元，每个网格设置网格员1名", ["111个", "1名"]),
    "corpus-person-time": ("在编职工学法考试51人次、重大事项法律顾问6件次", ["51人次", "6件次"]),
    # hotlines and service numbers
    "hotline-bare": ("拨打12345反映问题", []),
    "hotline-quoted": ("“12345”政府服务热线", []),
    "hotline-12348": ("12348法律服务热线接听咨询20次", ["20次"]),
    "hotline-110-119-120": ("110、119、120联动", []),
    "hotline-96": ("96110反诈专线", []),
    "hotline-12315": ("12315平台投诉", []),
    "hotline-12309": ("12309检察服务中心", []),
    "hotline-12380": ("12380举报平台", []),
    "hotline-122": ("122交通事故报警", []),
    "hotline-then-count": ("受理12345热线工单120件", ["120件"]),
    # quoted codes and slogans
    "code-5115": ("“5115”服务模式", []),
    "slogan-quoted-san-dao-wei": ("“三到位”", []),
    "slogan-quoted-san-zhong-yi-da": ("严格落实“三重一大”事项", []),
    "slogan-yi-gang-shuang-ze": ("落实一岗双责", []),
    "slogan-si-ge-yi-shi": ("增强四个意识、坚定四个自信、做到两个维护", []),
    "slogan-liang-ge-que-li": ("深刻领悟两个确立", []),
    "slogan-quoted-ge": ("树牢“四个意识”", []),
    "slogan-wu-lao": ("成立五老自治队1支", ["1支"]),
    "slogan-liang-wei": ("加强村支“两委”干部的培训", []),
    "enumeration-yi-shi": ("一是加强学习，二是完善制度", []),
    "ordinal-di-yi": ("第一责任人", []),
    "ordinal-di-3-ci": ("第3次会议审议2件", ["2件"]),
    "ordinal-di-ershi": ("第二十条规定", []),
    "plan-14th-quoted": ("“十四五”期间", []),
    "plan-14th-bare": ("十四五期间", []),
    "plan-8th-pufa": ("八五普法", []),
    "plan-7th": ("七五普法规划", []),
    "day-12-middot-4": ("12·4国家宪法日", []),
    "day-12-bullet-4-quoted": ("“12•4”国家宪法宣传日", []),
    "day-4-middot-15": ("4·15全民国家安全教育日", []),
    "day-4-dot-15": ("4.15国家安全宣传日", []),
    "day-4-dot-15-jiaoyu": ("4.15国家安全教育日", []),
    "day-3-middot-15": ("3·15消费者权益日", []),
    "congress": ("党的十九大及十九届四中、五中全会", []),
    # years, dates, periods
    "year": ("2021年", []),
    "year-du": ("2021年度", []),
    "date-md": ("3月1日起施行", []),
    "date-ymd": ("2023年12月21日", []),
    "period-fullwidth": ("（2021—2025年）", []),
    "period-ascii": ("(2021-2025年)", []),
    "period-bare": ("2021—2025", []),
    "period-fused": ("20212025", []),
    "year-cn": ("二〇二一年", []),
    # document numbers
    "docno-square": ("[2016]27号", []),
    "docno-full": ("渝委发〔2016〕27号", []),
    # phones, URLs, ids with letters
    "phone-landline": ("咨询电话0839-1234567", []),
    "phone-mobile": ("联系电话13912345678", []),
    "url": ("详见http://www.example.gov.cn/art/2023/12件", []),
    "latin-road": ("G318国道", []),
    "latin-5G": ("建成5G基站30个", ["30个"]),
    "latin-LED": ("利用LED显示屏2块", ["2块"]),
    # section numbers
    "section-dot": ("1.依法履行行政职能", []),
    "section-paren": ("（2）完善制度", []),
    "section-after-newline": ("前文。\n3.完善基本公共服务", []),
    # bare numbers and numerals inside words
    "bare-number": ("共有123", []),
    "word-yiding-yixie": ("取得了一定成效，一些问题", []),
    "word-yixilie-jinyibu": ("出台一系列措施，进一步加强", []),
    "word-tongyi-yitihua": ("统一规划，一体化推进", []),
    "word-weiyi-yixian": ("唯一窗口，一线执法", []),
    "word-wanyi": ("防止万一", []),
    "word-qianfang-baiji": ("千方百计解决", []),
    "word-sanhui-yike": ("三会一课", []),
    "word-yizhanshi-yiwang": ("一站式服务，一网通办", []),
    "word-yipi-yixiang": ("培育一批示范点，完成一项工作", []),
    "word-yihu-yidang": ("建立一户一档", []),
    "word-santian-liangtou": ("三天两头", []),
    "word-ren-min": ("全镇5人民调解", []),
    "word-tiao-li": ("学习2条例", []),
    "word-ling-jian": ("零件", []),
    "slogan-ba-xiang-gui-ding": ("落实中央八项规定精神，推行三项制度", []),
    "word-duo-yuan-hua": ("建立3多元化解机制", []),
    "word-ci-xing": ("一次性告知", []),
    # Chinese-numeral quantities
    "cn-3-ming": ("配备三名调解员", ["三名"]),
    "cn-liang-ci": ("召开两次会议", ["两次"]),
    "cn-12-jian": ("办理十二件", ["十二件"]),
    "cn-105-ren": ("培训一百零五人", ["一百零五人"]),
    "cn-shi-yu-ci": ("开展十余次", ["十余次"]),
    "cn-bai-yu-ren": ("百余人参加", ["百余人"]),
    "cn-baifenzhi": ("占百分之九十五", ["百分之九十五"]),
    # approximations and ranges
    "approx-jin": ("近12万人", ["近12万人"]),
    "approx-yue": ("约300人", ["约300人"]),
    "approx-zuoyou": ("300人左右", ["300人左右"]),
    "approx-yishang": ("满意率达95%以上", ["95%以上"]),
    "approx-buzu": ("不足10人", ["不足10人"]),
    "range-arabic": ("开展3-5次", ["3-5次"]),
    "range-cn": ("两到三次", ["两到三次"]),
    "range-with-yue": ("约3-5人", ["约3-5人"]),
    # money and multipliers
    "money-wan": ("拨付经费500万元", ["500万元"]),
    "money-yuan": ("罚款2,000元", ["2,000元"]),
    "multiplier": ("覆盖1.2万余人次", ["1.2万余人次"]),
    "fullwidth-digits": ("受理１２件，占９６.７％", ["１２件", "９６.７％"]),
    # measure words of files, work orders, land, roads, goods and durations
    "juan-case-files": ("评查执法案卷216卷，优秀案卷40卷", ["216卷", "40卷"]),
    "dan-work-orders": ("转办热线工单1530单", ["1530单"]),
    "measures": ("整治河道12.5公里、绿地300亩，清运垃圾46吨，补植苗木2100株",
                 ["12.5公里", "300亩", "46吨", "2100株"]),
    "area-wan-pingfangmi": ("新建法治文化广场1.8万平方米", ["1.8万平方米"]),
    "durations-and-workload": ("集中培训2周，累计投入执法力量380人天", ["2周", "380人天"]),
    "buildings-rooms": ("改造调解室6间、服务站3栋", ["6间", "3栋"]),
    # look-alikes: the unit character begins a longer word, or the number is a date
    "danwei-not-orders": ("涉及12单位", []),
    "date-ri-yue": ("3月15日起施行，5月1日前完成", []),
    "days-within": ("15日内作出答复", []),
    "anniversary": ("纪念宪法公布施行40周年", []),
}


@pytest.mark.parametrize(("text", "want"), FIND.values(), ids=FIND.keys())
def test_find_quantities(text: str, want: list[str]) -> None:
    assert raws(text) == want


# --- what a quantity means ------------------------------------------------------------------

MEANING = {
    # text: (stated, interval, unit, unit_group, approx, decimals)
    "exact": ("573件", "573", "[573, 573]", "件", "case", None, 0),
    "yu-thousands": ("4000余份", "4000", "[4000, 5000]", "份", "copy", "余", 0),
    "yu-tens": ("230余人次", "230", "[230, 240]", "人次", "person", "余", 0),
    "duo": ("30多次", "30", "[30, 40]", "次", "event", "多", 0),
    "wan-yu": ("1.2万余人", "12000", "[12000, 13000]", "人", "person", "余", 1),
    "wan-decimal-rounded": ("1.2万人", "12000", "[11500, 12500]", "人", "person", None, 1),
    "wan-integer-point": ("12万人", "120000", "[120000, 120000]", "人", "person", None, 0),
    "jin": ("近100人", "100", "[90, 100]", "人", "person", "近", 0),
    "yue": ("约300人", "300", "[270, 330]", "人", "person", "约", 0),
    "zuoyou": ("300人左右", "300", "[270, 330]", "人", "person", "左右", 0),
    "yishang-unbounded": ("300人以上", "300", "[300, +∞)", "人", "person", "以上", 0),
    "chaoguo-open-unbounded": ("超过300人", "300", "(300, +∞)", "人", "person", "超过", 0),
    "buzu": ("不足10人", "10", "[0, 10)", "人", "person", "不足", 0),
    "range": ("3-5次", "5", "[3, 5]", "次", "event", "至", 0),
    "range-with-yue": ("约3-5人", "5", "[3, 5]", "人", "person", "至", 0),
    "percent": ("96.7%", "96.7", "[96.65, 96.75]", "%", "percent", None, 1),
    "percent-int": ("100%", "100", "[99.5, 100.5]", "%", "percent", None, 0),
    "money-wan": ("500万元", "5000000", "[5000000, 5000000]", "万元", "money", None, 0),
    "money-cn-wan": ("三百万元", "3000000", "[3000000, 3000000]", "万元", "money", None, 0),
    "cn": ("二十三件", "23", "[23, 23]", "件", "case", None, 0),
    "village": ("9村", "9", "[9, 9]", "村", "other", None, 0),
    "time": ("3个月", "3", "[3, 3]", "个月", "time", None, 0),
    "juan": ("320卷", "320", "[320, 320]", "卷", "copy", None, 0),
    "dan": ("86单", "86", "[86, 86]", "单", "case", None, 0),
    "tiaoci": ("46条次", "46", "[46, 46]", "条次", "case", None, 0),
    "mu": ("1200亩", "1200", "[1200, 1200]", "亩", "area", None, 0),
    "gongli": ("3.5公里", "3.5", "[3.45, 3.55]", "公里", "length", None, 1),
    "dun": ("12吨", "12", "[12, 12]", "吨", "weight", None, 0),
    "zhou": ("2周", "2", "[2, 2]", "周", "time", None, 0),
    "rentian": ("380人天", "380", "[380, 380]", "人天", "workload", None, 0),
}


@pytest.mark.parametrize(("text", "stated", "value", "unit", "group", "approx", "decimals"),
                         MEANING.values(), ids=MEANING.keys())
def test_meaning(text: str, stated: str, value: str, unit: str, group: str,
                 approx: str | None, decimals: int) -> None:
    (q,) = find_quantities(text)
    assert (q.stated, str(q.value), q.unit, q.unit_group, q.approx, q.decimals) == (
        D(stated), value, unit, group, approx, decimals)
    assert q.raw == text[q.start:q.end]


CHANGE = {
    "tongbi-zengzhang": ("同比增长15%", True),
    "xiajiang-percentage-points": ("下降3.2个百分点", True),
    "tigao": ("提高5%", True),
    "fenbie-zengzhang-le": ("同比分别增长了12%", True),
    "zengjia-count": ("比上年增加3件", True),
    "tigao-dao-is-level": ("满意率提高到98%", False),
    "plain-rate": ("办结率为100%", False),
    "far-away": ("提高依法行政能力，培训3次", False),
}


@pytest.mark.parametrize(("text", "change"), CHANGE.values(), ids=CHANGE.keys())
def test_change(text: str, change: bool) -> None:
    (q,) = find_quantities(text)
    assert q.change is change
    assert q.unit_group == "percent" or "%" not in text


# --- intervals ------------------------------------------------------------------------------

def test_interval_sum() -> None:
    total = sum([Interval.point(1), Interval.point(1), Interval.point(12)])
    assert total == Interval.point(14)
    approx = Interval(D(4000), D(5000), hi_open=True) + Interval.point(230)
    assert str(approx) == "[4230, 5230)"
    assert (Interval.point(1) + Interval(D(0), None)).hi is None


def test_interval_overlaps_and_contains() -> None:
    half_open = Interval(D(4000), D(5000), hi_open=True)
    assert half_open.contains(D(4000)) and half_open.contains(D("4999.9"))
    assert not half_open.contains(D(5000))
    assert not half_open.overlaps(Interval.point(5000))
    assert half_open.overlaps(Interval(D(4999), D(6000)))
    assert Interval(D(1), None).overlaps(Interval.point(10**9))
    assert not Interval(D(1), D(2)).overlaps(Interval(D(2), D(3), lo_open=True))
    assert Interval(D(1), D(2)).overlaps(Interval(D(2), D(3)))


def test_interval_point_accepts_int_str_decimal() -> None:
    assert Interval.point(3) == Interval.point("3") == Interval.point(D("3.0"))


def test_interval_refuses_float() -> None:
    with pytest.raises(TypeError):
        Interval.point(0.1)  # type: ignore[arg-type]


def test_sum_of_found_parts_matches_total() -> None:
    total, *parts = find_quantities(FIND["corpus-sum-12345"][0])
    assert sum(p.value for p in parts) == total.value


# --- rates ----------------------------------------------------------------------------------

def test_rate_interval() -> None:
    rounded, truncated = rate_interval(D("96.7"), 1)
    assert (str(rounded), str(truncated)) == ("[96.65, 96.75]", "[96.7, 96.8)")


RATES = {
    "59/61=96.72→96.7": (59, 61, "96.7", 1, Fit.ROUNDED),
    "37/38=97.368→97.36": (37, 38, "97.36", 2, Fit.TRUNCATED),
    "37/38=97.368→97.37": (37, 38, "97.37", 2, Fit.ROUNDED),
    "114/120=95→96": (114, 120, "96", 0, Fit.NEITHER),
    "4/4=100": (4, 4, "100", 0, Fit.ROUNDED),
    "1/3=33.33": (1, 3, "33.33", 2, Fit.ROUNDED),
    "2/3=66.67": (2, 3, "66.67", 2, Fit.ROUNDED),
    "2/3=66.66-truncated": (2, 3, "66.66", 2, Fit.TRUNCATED),
}


@pytest.mark.parametrize(("part", "whole", "stated", "decimals", "fit"), RATES.values(),
                         ids=RATES.keys())
def test_fit_rate(part: int, whole: int, stated: str, decimals: int, fit: Fit) -> None:
    assert fit_rate(part, whole, D(stated), decimals) is fit


def test_rate_fit_from_text() -> None:
    *_, pct = find_quantities("调解纠纷38宗，成功37宗，成功率97.36%")
    assert rate_fit(pct, 37, 38) is Fit.TRUNCATED
    (approx,) = find_quantities("满意率95%以上")
    assert rate_fit(approx, 99, 100) is Fit.ROUNDED
    assert rate_fit(approx, 90, 100) is Fit.NEITHER


def test_ratio_with_intervals_and_zero() -> None:
    assert ratio(1, 0) is None
    assert fit_rate(1, 0, D(100), 0) is None
    r = ratio(Interval(D(230), D(240), hi_open=True), 240)
    assert r is not None and r.contains(D("97")) and not r.contains(D("100.1"))


# --- robustness -----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list(
    "0123456789０１２%％.,，。；：、（）()〔〕[]《》“”·•-—－\n 　第年月日号件条人次份个名余多约近以上左右"
    "一二两三四五六七八九十百千万亿〇零之分热线abcGLED"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60) | st.text(max_size=40))
def test_find_quantities_never_raises(text: str) -> None:
    prev_end = 0
    for q in find_quantities(text):
        assert 0 <= prev_end <= q.start < q.end <= len(text)
        assert q.raw == text[q.start:q.end]
        assert q.value.hi is None or q.value.lo <= q.value.hi
        prev_end = q.end


@pytest.mark.parametrize("text", ["拨打12345热线反映", "电话0731-12345678", "手机13812345678", "拨打110报警",
                                  "400-123-4567咨询", "受理95598投诉", "共3件，12·4宣传日", "办理12件"])
def test_phone_masks_are_skipped_only_without_three_digits(text):
    # _mask skips the phone and hotline masks when no three digits stand in a row: each of their
    # matches must hold three, and they must be the masks at _PHONE_MASKS
    import re

    from checker.text import numbers

    for i in numbers._PHONE_MASKS:
        for m in numbers._MASKS[i][0].finditer(text):
            assert re.search(r"\d{3}", m.group())
    assert any(numbers._MASKS[i][0].search("拨打12345热线") or numbers._MASKS[i][0].search("0731-12345678")
               for i in numbers._PHONE_MASKS)
    full = bytearray(len(text))
    for rx, _ in numbers._MASKS:
        for m in rx.finditer(text):
            full[m.start():m.end()] = b"\1" * (m.end() - m.start())
    assert numbers._mask(text) == full
