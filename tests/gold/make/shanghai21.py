import os, sys, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO
g = Gold("corpus/shanghai_energy_saving_climate_workplan_2021.txt",
         {"title": "上海市2021年节能减排和应对气候变化重点工作安排", "issuer": "上海市应对气候变化及节能减排工作领导小组办公室（上海市发展和改革委员会代章）",
          "published": "2021-06-18", "doc_number": "沪发改环资〔2021〕77 号", "plan_year": 2021,
          "notes": "lines 1-7 are the 印发通知 (title, doc number, addressees, issuer, date 2021 年 6 月 18 日); the plan heading is split over lines 8-9"})
txt = g.text
CN = "一二三四五六七八九十"
def cn2i(s):
    if s == "十": return 10
    if s.startswith("十"): return 10 + CN.index(s[1]) + 1
    if s.endswith("十"): return (CN.index(s[0]) + 1) * 10
    if "十" in s: return (CN.index(s[0]) + 1) * 10 + CN.index(s[2]) + 1
    return CN.index(s) + 1
top = None
for ln in txt.split("\n"):
    m = re.match(r"^([一二三四五六七八])、(.*)$", ln)
    if m:
        top = str(cn2i(m.group(1))); g.sec(top, m.group(1) + "、", m.group(2)); continue
    m = re.match(r"^（([一二三四五六七八九十]+)）(.*)$", ln)
    if m and top:
        g.task(f"{top}.{cn2i(m.group(1))}", top, m.group(2)[:m.group(2).index("。")])
assert len(g.tasks) == 28
Y = "2021 年"; D = "2021-12-31"
t = g.tgt; x = g.extra
W = "2021 年，单位生产总值（GDP）综合能耗、单位 GDP 二氧化碳排放量分别比上年下降 1.5%左右"
t("1", W, "单位生产总值综合能耗下降率", 1.5, "%", "decrease_by", D, Y, baseline_year=2020, hedge="左右",
  notes="分别: two indicators, two entries sharing the text (Jiading rule 6); 比上年 = 2020")
t("1", W, "单位GDP二氧化碳排放量下降率", 1.5, "%", "decrease_by", D, Y, baseline_year=2020, hedge="左右",
  notes="second indicator of the same clause")
t("1", "全市能源消费增量控制在 450 万吨标准煤左右", "全市能源消费增量", 450, "万吨标准煤", "<=", D, Y, hedge="左右")
t("1", "二氧化碳排放增量控制在 900 万吨左右", "二氧化碳排放增量", 900, "万吨", "<=", D, Y, hedge="左右")
t("1", "煤炭消费总量控制在 4200 万吨以内", "煤炭消费总量", 4200, "万吨", "<=", D, Y)
P = "主要污染物氮氧化物、挥发性有机物、化学需氧量和氨氮排放总量分别下降 2%、1%、3%和 2%"
for ind, v in [("氮氧化物排放总量下降率", 2), ("挥发性有机物排放总量下降率", 1), ("化学需氧量排放总量下降率", 3), ("氨氮排放总量下降率", 2)]:
    t("1", P, ind, v, "%", "decrease_by", D, Y, notes="分别 + four values: four entries sharing the text; baseline not written (previous year implied)")
t("1", "空气质量指数（AQI）优良率与上年持平并力争有所提升", "AQI优良率不低于上年", None, None, ">=", D, Y, baseline_year=2020, tier="soft",
  notes="relative level (与上年持平) without a number: soft")
x("1", "细颗粒物（PM2.5）浓度巩固改善", "directional; PM2.5 is a name")
t("3.3", "全年新增启动调整项目 500项", "新增启动调整项目", 500, "项", "=", D, "全年", period_start="2021-01-01",
  notes="全年 = the plan year 2021")
x("3.4", "煤炭消费总量进一步下降", "directional")
t("3.6", "新上高耗能项目必须符合国家产业政策且单位产品（产值）能耗要达到国际国内先进水平", "新上高耗能项目能耗水平", kind="standard", tier="soft",
  notes="standing rule without number or time")
x("3.6", "严格实行能耗等量或减量替代", "rule without number")
x("4.7", "逐步提高数据中心、5G 通信基站等能效标准", "directional; 5G is a name")
t("4.8", "新建建筑全部执行绿色建筑标准", "新建建筑执行绿色建筑标准", kind="standard", tier="soft", notes="no number or time")
t("4.8", "推进既有公共建筑节能改造 200 万平方米", "既有公共建筑节能改造面积", 200, "万平方米", "=",
  notes="no time phrase in the task: deadline null (annual plan: 2021-12-31 defensible)")
t("4.8", "节能率不低于 15%的公共建筑 60 万平方米以上", "节能率15%及以上的公共建筑改造面积", 60, "万平方米", ">=",
  threshold={"value": 15, "unit": "%", "comparator": ">="}, notes="15% is a threshold; value 60 万平方米; deadline null as above")
t("4.11", "创建约 30 家国家级节能型公共机构示范单位", "国家级节能型公共机构示范单位", 30, "家", "=", hedge="约",
  notes="deadline null (annual plan: 2021-12-31 defensible)")
t("4.11", "遴选公共机构能效领跑者 6 家左右", "公共机构能效领跑者", 6, "家", "=", hedge="左右", notes="deadline null as above")
x("5.13", "实施重型柴油车新车国 6a 排放标准", "国 6a is the name of an emission standard")
x("5.13", "加快落实国三柴油车淘汰", "国三 is an emission class")
t("5.14", "完成上海生物能源再利用中心二期项目等一批生活垃圾焚烧设施建设", "生活垃圾焚烧设施建设完成", tier="soft",
  notes="completion without time; 二期 is a project phase")
x("5.16", "编制上海市 2020 年温室气体清单", "2020 is the inventory's data year; deliverable without time")
t("6.19", "重点落实商场、超市、药店、书店等场所以及各类展会活动禁止使用一次性塑料购物袋", "禁止使用一次性塑料购物袋", kind="standard", tier="soft",
  notes="prohibition without number or time")
t("7.23", "制修订地方能耗限额标准等 20 项左右", "制修订地方能耗限额标准", 20, "项", "=", hedge="左右",
  notes="deadline null (annual plan: 2021-12-31 defensible)")
g.write(os.path.join(REPO, "tests/gold/shanghai_2021.json"))
