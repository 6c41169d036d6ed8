"""Gold for 485.pdf 安徽省“十四五”节能减排实施方案 (ABBYY PDF; several `（责任单位：A，配合单位：B、C等）` annotations
per task, like Jiangsu). Sections, titles and targets are hand-typed; the annotations are cut mechanically from each
task paragraph and checked by hand. Targets are annotated for 二、主要目标 and every task of 三 (where the numbers are);
四/五 are not (`targets_complete: false`)."""
import os, re, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO

SRC = "/work/shared/corpus/pdf/485.pdf"
g = Gold(SRC, {"title": "安徽省“十四五”节能减排实施方案", "issuer": "安徽省人民政府", "published": None,
               "plan_period": "2021-2025",
               "notes": "PDF (ABBYY); the issuing notice, office and date are not in the file; 3.1's annotation carries "
                        "the standing note 以下均需各市人民政府落实，不再列出"})
txt = g.text
CN = "一二三四五六七八九十"


def cn(s):
    return 10 + (CN.index(s[1]) + 1 if len(s) > 1 else 0) if s.startswith("十") else CN.index(s) + 1


tops = [("1", "一、", "总体要求"), ("2", "二、", "主要目标"), ("3", "三、", "实施节能减排重点工程"),
        ("4", "四、", "完善节能减排政策机制"), ("5", "五、", "强化工作落实")]
for id, num, title in tops:
    g.sec(id, num, title)
ANN = re.compile(r"（责任单位：([^，）]*)(?:，配合单位：([^）]*))?）")


def names(s):
    """A 配合单位 list: split on 、; a trailing 等 closes the list (`省能源局等` → 省能源局)."""
    return [re.sub(r"等$", "", u) for u in s.split("、") if u]


for sid, num, _ in tops[2:]:
    body = txt[txt.index(num + _):]
    nxt = [t for t in tops if int(t[0]) == int(sid) + 1]
    body = body[:body.index(nxt[0][1] + nxt[0][2])] if nxt else body
    for m in re.finditer(r"^（([一二三四五六七八九十]+)）([^。]*)。", body, re.M):
        tid = f"{sid}.{cn(m.group(1))}"
        para = body[m.start():body.index("\n", m.start()) if "\n" in body[m.start():] else len(body)]
        anns, units, leads = [], [], []
        for a in ANN.finditer(para):
            lead = a.group(1)
            sup = a.group(2) or ""
            if "各市人民政府负责落实" in sup:  # 3.1: `…省数据资源局等，各市人民政府负责落实。以下均需…`
                sup = sup.split("，")[0]
                extra = ["各市人民政府"]
            else:
                extra = []
            us = [lead] + names(sup) + extra
            anns.append({"unit_text": a.group(0)[1:-1], "lead": lead, "units": us})
            leads += [lead] if lead not in leads else []
            units += [u for u in us if u not in units]
        g.task(tid, sid, m.group(2), unit_text=anns[0]["unit_text"] if anns else None, units=units, leads=leads,
               unit_annotations=anns)

Y25, Y22, P14 = "2025-12-31", "2022-12-31", "2021-01-01"
T = g.tgt
# 二、主要目标
T("2", "到2025年，全省单位生产总值能耗比2020年下降14%", "全省单位生产总值能耗", 14, "%", "decrease_by", Y25, "到2025年",
  baseline_year=2020)
T("2", "力争下降14.5%", "全省单位生产总值能耗（力争）", 14.5, "%", "decrease_by", Y25, "到2025年", baseline_year=2020,
  hedge="力争")
POLL = "化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物重点工程减排量分别累计达到13.67万吨、0.69万吨、8.3万吨、3.07万吨"
for ind, v in [("化学需氧量", 13.67), ("氨氮", 0.69), ("氮氧化物", 8.3), ("挥发性有机物", 3.07)]:
    T("2", POLL, ind + "重点工程减排量", v, "万吨", ">=", Y25, "到2025年", cumulative=True)
T("2", "重点行业能源利用效率和主要污染物排放控制水平力争基本达到国际先进水平", "能效和排放控制水平", None, None, None, Y25,
  "到2025年", tier="soft", hedge="力争")
T("2", "基本建成具有重要影响力的经济社会发展全面绿色转型区", "全面绿色转型区", None, None, None, Y25, "到2025年", tier="soft")
g.extra("2", "节能减排政策机制更加健全", "directional")
g.extra("2", "能源资源配置更加合理", "directional")
# 三 (一)
T("3.1", "“十四五”时期，规模以上工业单位增加值能耗下降15%", "规模以上工业单位增加值能耗", 15, "%", "decrease_by", Y25,
  "“十四五”时期", period_start=P14)
T("3.1", "万元工业增加值用水量下降16%", "万元工业增加值用水量", 16, "%", "decrease_by", Y25, "“十四五”时期", period_start=P14)
# (二) no number or time
g.extra("3.2", "推动具备条件的省级以上园区全部实施循环化改造", "no number or time")
# (三)
T("3.3", "到2025年，城镇新建建筑全面执行绿色建筑标准", "城镇新建建筑执行绿色建筑标准", None, None, None, Y25, "到2025年")
T("3.3", "星级绿色建筑占比达到30%以上", "星级绿色建筑占比", 30, "%", ">=", Y25, "到2025年")
T("3.3", "城镇新建建筑中装配式建筑比例超过 30%", "城镇新建建筑中装配式建筑比例", 30, "%", ">=", Y25, "到2025年")
T("3.3", "新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%", "新建公共机构建筑、新建厂房屋顶光伏覆盖率", 50, "%", ">=",
  Y25, "到2025年", hedge="力争")
# (四)
T("3.4", "到2025年，新增及更新城市公交新能源及清洁能源车辆比例超过80%", "新增及更新城市公交新能源及清洁能源车辆比例", 80, "%",
  ">=", Y25, "到2025年")
T("3.4", "到2025年，新能源和国六标准货车保有量占比力争达到40%", "新能源和国六标准货车保有量占比", 40, "%", ">=", Y25,
  "到2025年", hedge="力争")
T("3.4", "柴油货车氮氧化物排放量下降12%左右", "柴油货车氮氧化物排放量", 12, "%", "decrease_by", Y25, "到2025年",
  hedge="左右")
T("3.4", "到2025年，新增城市物流配送车辆新能源比例超过50%", "新增城市物流配送车辆新能源比例", 50, "%", ">=", Y25,
  "到2025年")
g.extra("3.4", "全面实施轻型车和重型车国六B排放标准", "standing rule, no time; 六 is part of the standard's name")
# (五)
for text, ind, v in [("到2025年，农村生活污水治理率达30%以上", "农村生活污水治理率", 30),
                     ("农村生活垃圾无害化处理率达85%", "农村生活垃圾无害化处理率", 85),
                     ("秸秆综合利用率达95%", "秸秆综合利用率", 95)]:
    T("3.5", text, ind, v, "%", ">=", Y25, "到2025年")
T("3.5", "主要农作物化肥、农药利用率均达到43%以上", "主要农作物化肥利用率", 43, "%", ">=", Y25, "到2025年")
T("3.5", "主要农作物化肥、农药利用率均达到43%以上", "主要农作物农药利用率", 43, "%", ">=", Y25, "到2025年")
T("3.5", "畜禽粪污综合利用率达到85%以上", "畜禽粪污综合利用率", 85, "%", ">=", Y25, "到2025年")
T("3.5", "绿色防控、统防统治覆盖率分别达到60%、50%", "绿色防控覆盖率", 60, "%", ">=", Y25, "到2025年")
T("3.5", "绿色防控、统防统治覆盖率分别达到60%、50%", "统防统治覆盖率", 50, "%", ">=", Y25, "到2025年")
T("3.5", "全面消除农村黑臭水体", "消除农村黑臭水体", None, None, None, Y25, "到2025年", tier="soft",
  notes="stands before the 到2025年 sentence; no time of its own")
# (六)
SH = "到2022年，95%的省级、90%的市级和70%的县级党政机关达到创建标准"
for lvl, v in [("省级", 95), ("市级", 90), ("县级", 70)]:
    T("3.6", SH, lvl + "党政机关达到节约型机关创建标准的比例", v, "%", ">=", Y22, "到2022年")
T("3.6", "到2025年，全省公共机构实施超过 150 个合同能源管理项目", "公共机构合同能源管理项目", 150, "个", ">=", Y25, "到2025年")
# (七)
T("3.7", "到2025年，火电平均供电煤耗降至295克标煤/千瓦时", "火电平均供电煤耗", 295, "克标煤/千瓦时", "<=", Y25, "到2025年")
T("3.7", "散煤基本清零", "散煤清零", None, None, None, Y25, "到2025年")
# (八)
T("3.8", "到2025年，非化石能源占能源消费总量比重达到15.5%以上", "非化石能源占能源消费总量比重", 15.5, "%", ">=", Y25,
  "到2025年")
g.extra("3.8", "打造千万千瓦级绿色储能基地", "scale label, no time")
# (十一)
T("3.11", "到2025年，全省重度及以上污染天数比率控制在0.2%以内", "重度及以上污染天数比率", 0.2, "%", "<=", Y25, "到2025年")
T("3.11", "国家考核断面水质优良比例达到83%", "国家考核断面水质优良比例", 83, "%", ">=", Y25, "到2025年")
T("3.11", "长江干流水质稳定达到Ⅱ类", "长江干流水质", None, None, None, Y25, "到2025年")
# (十二)
T("3.12", "到2025年，溶剂型工业涂料、油墨使用比例分别降低20个、10个百分点", "溶剂型工业涂料使用比例", 20, "个百分点",
  "decrease_by", Y25, "到2025年")
T("3.12", "到2025年，溶剂型工业涂料、油墨使用比例分别降低20个、10个百分点", "溶剂型油墨使用比例", 10, "个百分点",
  "decrease_by", Y25, "到2025年")
T("3.12", "溶剂型胶粘剂使用量降低 20%", "溶剂型胶粘剂使用量", 20, "%", "decrease_by", Y25, "到2025年")
# (十三)
T("3.13", "到2025年，城市、县城生活污水集中处理率达到97%以上", "城市、县城生活污水集中处理率", 97, "%", ">=", Y25, "到2025年")
T("3.13", "新增和改造污水收集管网4000公里", "新增和改造污水收集管网", 4000, "公里", "=", Y25, "到2025年")
T("3.13", "新增污水处理能力200万立方米/日", "新增污水处理能力", 200, "万立方米/日", "=", Y25, "到2025年")
T("3.13", "城市污泥无害化处置率达到90%", "城市污泥无害化处置率", 90, "%", ">=", Y25, "到2025年")
T("3.13", "2023年底前基本实现城市原生生活垃圾“零填埋”", "城市原生生活垃圾零填埋", None, None, None, "2023-12-31",
  "2023年底前", before=True)
T("3.13", "到2025年，危险废物集中处置能力不低于120万吨/年", "危险废物集中处置能力", 120, "万吨/年", ">=", Y25, "到2025年")
g.extra("3.13", "重点在合肥等 13 个市建设危废处置利用项目", "13 is the scope (cities), not a target")

g.write(os.path.join(REPO, "tests", "gold", "anhui_485.json"), targets_complete=False,
        targets_annotated_tasks=["2"] + [t["id"] for t in g.tasks if t["section"] == "3"])
