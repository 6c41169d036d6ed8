"""Target rules on one-sentence plans written the way officials write them (`分别` lists, `翻一番`, `（其中，…）`,
dated step items). Each case is a pattern seen in real plans (corpus/ and ../shared/corpus/bulk), not one file's
sentence."""
from __future__ import annotations

from extract import extract_text


def _targets(sentence: str, title: str = "某市碳达峰实施方案") -> list[tuple]:
    text = f"{title}\n一、重点任务\n（一）推进工作。{sentence}\n"
    return [(g.quote, g.indicator, g.value, g.unit, g.comparator, g.deadline, g.baseline_year)
            for g in extract_text(text).targets]


def test_respectively_pairs_indicators_with_values() -> None:
    s = "到2025年，氮氧化物、挥发性有机物、化学需氧量和氨氮排放总量分别下降2%、1%、3%和2%。"
    got = _targets(s)
    quote = "到2025年，氮氧化物、挥发性有机物、化学需氧量和氨氮排放总量分别下降2%、1%、3%和2%"
    assert [g[0] for g in got] == [quote] * 4  # every entry quotes the whole clause, indicator names included
    assert [(g[1], g[2], g[4], g[5]) for g in got] == [
        ("氮氧化物排放总量", 2, "decrease_by", "2025-12-31"), ("挥发性有机物排放总量", 1, "decrease_by", "2025-12-31"),
        ("化学需氧量排放总量", 3, "decrease_by", "2025-12-31"), ("氨氮排放总量", 2, "decrease_by", "2025-12-31")]


def test_respectively_one_value_for_several_indicators() -> None:
    got = _targets("2021年，单位生产总值（GDP）综合能耗、单位GDP二氧化碳排放量分别比上年下降1.5%左右。",
                   title="某市2021年节能减排重点工作安排")
    assert [(g[1], g[2], g[4], g[5], g[6]) for g in got] == [
        ("单位生产总值（GDP）综合能耗", 1.5, "decrease_by", "2021-12-31", 2020),
        ("单位GDP二氧化碳排放量", 1.5, "decrease_by", "2021-12-31", 2020)]
    assert got[0][0] == got[1][0] == "2021年，单位生产总值（GDP）综合能耗、单位GDP二氧化碳排放量分别比上年下降1.5%左右"


def test_respectively_pairs_years_with_values() -> None:
    got = _targets("到2025年、2030年，非化石能源消费比重分别达到20%、25%。")
    assert [(g[1], g[2], g[4], g[5]) for g in got] == [
        ("非化石能源消费比重", 20, ">=", "2025-12-31"), ("非化石能源消费比重", 25, ">=", "2030-12-31")]
    got = _targets("到2025年和2030年单位GDP能耗分别下降13.5%和18%左右。")
    assert [(g[2], g[5]) for g in got] == [(13.5, "2025-12-31"), (18, "2030-12-31")]


def test_respectively_lists_that_do_not_fit_are_left_alone() -> None:
    # a wrapped PDF line cut the value list: the lengths cannot be compared, so nothing is fanned out
    got = _targets("到 2025 年，城市和县城污泥无害化处理率分别达到 98%、\n95%。")
    assert [g[2] for g in got] == [98, 95]  # (the next line is read on its own)
    # an open list (`等`) of places, one amount each: one entry, not one per place
    got = _targets("到2025年，在甲县、乙县等县分别建设综合利用企业1家。")
    assert [g[2] for g in got] == [1]


def test_a_date_that_opens_a_step_item_dates_its_later_deliverables() -> None:
    text = ("某市碳达峰评估工作方案\n三、工作步骤\n"
            "（四）2021 年 12 月底之前，专班向省发改委报送《评估报告》。各区向专班报送区级评估报告。其中，数据应当经市统计局审核。\n"
            "（五）加强宣传。各区要高度重视。各区向专班报送区级评估报告。\n")
    got = [(g.task, g.quote, g.deadline, g.deadline_inherited) for g in extract_text(text).targets]
    assert got == [("3.4", "2021 年 12 月底之前，专班向省发改委报送《评估报告》", "2021-12-31", False),
                   ("3.4", "各区向专班报送区级评估报告", "2021-12-31", True)]  # not the 其中 rule, nothing in （五）


def test_a_part_in_qizhong_brackets_is_its_own_target() -> None:
    got = _targets("到2025年，完成病险水库除险加固 22 座（其中骨干坝 6 座、中型坝 16 座）。"
                   "推进既有公共建筑节能改造 200 万平方米（其中，节能率不低于 15%的公共建筑 60 万平方米以上）。")
    assert [(g[0], g[2], g[4], g[5]) for g in got] == [
        ("到2025年，完成病险水库除险加固 22 座", 22, "=", "2025-12-31"), ("骨干坝 6 座", 6, "=", "2025-12-31"),
        ("中型坝 16 座", 16, "=", "2025-12-31"), ("推进既有公共建筑节能改造 200 万平方米", 200, "=", None),
        ("节能率不低于 15%的公共建筑 60 万平方米以上", 60, ">=", None)]  # 15% picks the buildings: a threshold


def test_doubling_is_a_multiple_of_the_baseline() -> None:
    got = _targets("到2025年，海铁联运箱量翻一番，绿色债券发行规模较 2020 年翻两番。")
    assert [(g[1], g[2], g[3], g[4], g[5], g[6]) for g in got] == [
        ("海铁联运箱量", 2, "倍", ">=", "2025-12-31", None), ("绿色债券发行规模", 4, "倍", ">=", "2025-12-31", 2020)]


def test_two_rates_sharing_one_value_are_two_targets() -> None:
    got = _targets("到2025年，受污染耕地安全利用率和污染地块安全利用率均达到 95%以上。")
    assert [(g[1], g[2], g[4]) for g in got] == [("受污染耕地安全利用率", 95, ">="), ("污染地块安全利用率", 95, ">=")]
    # one combined rate (the first name borrows 率 from the second) and a share of a combined class stay one target
    assert len(_targets("到2025年，城镇污水收集和处理率达到 95%。")) == 1
    assert len(_targets("到2025年，新能源和清洁能源车辆占比达到50%。")) == 1


def test_a_bare_scale_word_after_a_passing_verb_is_one_of_it() -> None:
    got = _targets("到2025年，电子信息产业规模过万亿，形成集成电路等 12 个千亿级产业集群，培育一批产值规模超千亿的产业集群。")
    assert [(g[2], g[3], g[4]) for g in got] == [(1, "万亿", ">="), (12, "个", "=")]  # 千亿级 / 超千亿的: scopes


def test_fractions_are_shares() -> None:
    """`2/3`, `三分之二`, `三分之一以上`: a share of a whole, value as a number, no unit; factors such as `44/12`
    (CO2 per C) and `百分之二` (a percentage) are not fractions."""
    got = _targets("加快自备电厂清洁化改造，按照不超过原规模 2/3 保留煤机。")
    assert [(g[2], g[3], g[4]) for g in got] == [(2 / 3, None, "<=")]
    got = _targets("到 2025 年，非化石能源电量占全社会用电量的比重达到三分之一以上。")
    assert [(g[2], g[4], g[5]) for g in got] == [(1 / 3, ">=", "2025-12-31")]
    got = _targets("到2025年，力争外受电比重超过三分之一，完成三分之一以上入河排污口整治任务。")
    assert [(round(g[2], 4), g[4]) for g in got] == [(0.3333, ">="), (0.3333, ">=")]
    assert _targets("按照“燃料燃烧量×44/12”计算排放量，全市森林面积约占全省的三分之一。") == []


def test_a_count_of_places_reaching_a_milestone_is_the_value() -> None:
    """`推进 13 个设区市城区基本建成“无散煤区”` (OCR spaces, any verb before the count): the count of places or firms
    that reach the milestone later in the clause is the number; a time limit (`5 个工作日内完成`) and a past state
    (`未完成`) are not."""
    got = _targets("加大散煤治理力度，推进 13 个设区市城区基本建成“无散煤区”。", title="某省2021年度工作计划")
    assert [(g[2], g[3], g[4]) for g in got] == [(13, "个", "=")]
    got = _targets("督促 12 家涉气“散乱污”企业\n完成整治。", title="某省2021年度工作计划")
    assert [(g[2], g[3]) for g in got] == [(12, "家")]
    assert _targets("对群众举报问题，应在 5 个工作日内完成核查。") == []
    assert _targets("全省仍有 7800 个行政村未完成生活污水治理。") == []


def test_a_heading_time_dates_the_parts_after_a_semicolon() -> None:
    """`到 2025 年，A达到X；B…，C下降Y。`: the `；` parts are one sentence under its time; a part with a time of its
    own, or a sentence after `。`, starts over."""
    got = _targets("到 2025年，高技术产业占比达到 42%；严控“两高”行业产能，冶金、建材、石化等高耗能产业占工业比重下降 1.6 个百分点。")
    assert [(g[2], g[4], g[5]) for g in got] == [(42, ">=", "2025-12-31"), (1.6, "decrease_by", "2025-12-31")]
    got = _targets("到 2025年，生活垃圾焚烧能力达到 2.9 万吨/日；推进湿垃圾集中资源化利用设施建设，力争利用能力达到1.1 万吨/日。")
    assert [(g[2], g[5]) for g in got] == [(2.9, "2025-12-31"), (1.1, "2025-12-31")]
    got = _targets("到2025年，光伏装机达到400万千瓦；到2030年，力争达到700万千瓦；新建公共建筑屋顶光伏覆盖率不低于50%。")
    assert [(g[2], g[5]) for g in got] == [(400, "2025-12-31"), (700, "2030-12-31"), (50, "2030-12-31")]
    got = _targets("加强监测；到2025年，森林覆盖率达到20%。推动公共机构开展节能改造，创建节约型机关不少于30家。")
    assert [(g[2], g[5]) for g in got] == [(20, "2025-12-31"), (30, None)]


def test_the_imprint_line_is_not_a_milestone() -> None:
    for imprint in ("青海省人民政府办公厅 2021年7月13日印发", "某市发展和改革委员会办公室  2022 年 3 月 1 日印发",
                    "某区人民政府 2022年11月24日"):
        text = f"某市碳达峰实施方案\n一、重点任务\n（一）推进光伏建设。到2025年，新增光伏装机10万千瓦。\n{imprint}\n"
        rec = extract_text(text)
        assert [(g.quote, g.value) for g in rec.targets] == [("到2025年，新增光伏装机10万千瓦", 10)], imprint


def test_list_size_before_respectively_is_no_target() -> None:
    """`A、B、C、D等4项主要污染物…分别…`: 4项 is the size of the list (Anhui 十四五 节能减排, 485.pdf), so the four values
    pair with the four names instead of the clause giving up on `分别`."""
    got = _targets("到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物重点工程减排量分别累计达到13.67万吨、"
                   "0.69万吨、8.3万吨、3.07万吨。")
    assert [g[2] for g in got] == [13.67, 0.69, 8.3, 3.07]
    assert [g[1][:4] for g in got[:3]] == ["化学需氧", "氨氮", "氮氧化物"]


def test_shares_listed_side_by_side_are_one_target_each() -> None:
    """`95%的省级、90%的市级和70%的县级党政机关达到创建标准`: three shares of one whole, not a threshold per number."""
    got = _targets("到2022年，95%的省级、90%的市级和70%的县级党政机关达到创建标准。")
    assert [(g[2], g[3], g[5]) for g in got] == [(95, "%", "2022-12-31"), (90, "%", "2022-12-31"), (70, "%", "2022-12-31")]
    # the threshold reading stays for a share that picks what a different amount counts
    got = _targets("到2025年，完成节能率不低于15%的公共建筑60万平方米以上。")
    assert [(g[2], g[3]) for g in got] == [(60, "万平方米")]


def test_coal_rate_unit_and_clearing_milestones() -> None:
    got = _targets("到2025年，火电平均供电煤耗降至295克标煤/千瓦时，散煤基本清零。")
    assert [(g[2], g[3], g[4]) for g in got] == [(295, "克标煤/千瓦时", "<="), (None, None, None)]
    assert got[1][0] == "散煤基本清零" and got[1][5] == "2025-12-31"
    got = _targets("到2025年，国家考核断面水质优良比例达到83%，长江干流水质稳定达到Ⅱ类。")
    assert [g[0] for g in got] == ["到2025年，国家考核断面水质优良比例达到83%", "长江干流水质稳定达到Ⅱ类"]


def test_a_count_after_deng_is_the_commitment_unless_values_follow_it() -> None:
    """`…等4项主要污染物…分别下降…` counts the list whose values follow; `…等12个千亿级产业集群` is itself the target."""
    got = _targets("到2025年，形成集成电路、新型显示、生物医药等 12 个千亿级产业集群。")
    assert [(v, u) for _, _, v, u, *_ in got] == [(12, "个")]
    got = _targets("到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物重点工程减排量分别达到8.1万吨、0.4万吨、"
                   "5.2万吨、2.1万吨。")
    assert [v for _, _, v, *_ in got] == [8.1, 0.4, 5.2, 2.1]
