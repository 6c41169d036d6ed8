import os, sys, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO
g = Gold("corpus/chengdu_energy_action_plan_v2022.txt",
         {"title": "成都市优化能源结构促进城市绿色低碳发展行动方案", "issuer": "成都市", "published": None,
          "notes": "date not printed (mid-2022: cites 省第十二次党代会, 市第十四次党代会); revised version of chengdu_energy_action_plan_v2021"})
txt = g.text
S = g.sec
S("1", "一、", "总体要求"); S("2", "二、", "工作目标"); S("3", "三、", "重点任务")
S("3.1", "（一）", "推进能源消费低碳化", "3"); S("3.2", "（二）", "推进能源供应清洁化", "3")
S("3.3", "（三）", "推进能源利用高效化", "3"); S("3.4", "（四）", "提升能源安全保障能力", "3")
S("4", "四、", "保障措施")

def split_units(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（〈(":
            depth += 1
        elif ch in "）〉)":
            depth -= 1
        if depth == 0 and ch in "、，,":
            out.append(cur); cur = ""
        else:
            cur += ch
    out.append(cur)
    return [u for u in out if u]

def br(lists):
    lead, _, sup = lists.partition("，")
    L = split_units(lead); R = split_units(sup)
    return dict(unit_text="责任单位：" + lists, units=L + R, leads=L)

T = g.task
T("3.1.1", "3.1", "加快生产方式低碳化转型", **br("市经信局、市生态环境局、市市场监管局，各区（市）县政府（管委会）"),
  notes="bracket ends with ；逗号前为牵头单位，下同 (the convention note, not part of unit_text); it governs every later bracket")
T("3.1.2", "3.1", "加快生活方式电气化转型", **br("市商务局、市经信局、市文广旅局、市教育局，各区（市）县政府（管委会）、国网成都供电公司、国网天府新区供电公司"))
T("3.1.3", "3.1", "深化重点行业节能降碳", **br("市发改委、市经信局、市生态环境局，各区（市）县政府（管委会）"))
T("3.1.4", "3.1", "加强建筑能耗管理", **br("市住建局、市发改委、市经信局、市机关事务局、市网络理政办，各区（市）县政府（管委会）"))
T("3.2.1", "3.2", "推进燃煤发电机组升级改造", **br("市经信局、市发改委，彭州市、金堂县、大邑县政府"),
  notes="round brackets （…） instead of ［…］, same convention (下同). 彭州市、金堂县、大邑县政府 = three county governments sharing the suffix 政府; kept as written: 彭州市, 金堂县, 大邑县政府")
T("3.2.2", "3.2", "加快推进天然气稳产增产", **br("市经信局，相关区（市）县政府（管委会）"))
T("3.2.3", "3.2", "推进可再生能源试点示范", **br("市发改委、市住建局、市规划和自然资源局、市经信局、市城管委，各区（市）县政府（管委会）"))
T("3.2.4", "3.2", "积极发展绿色氢能", **br("市经信局、市应急局、市发改委，相关区（市）县政府（管委会）"))
T("3.3.1", "3.3", "加快统筹资源高效利用", **br("市发改委、市生态环境局、市规划和自然资源局，各区（市）县政府（管委会）"))
T("3.3.2", "3.3", "加快能源数字化转型", **br("市经信局，各区（市）县政府（管委会）"))
T("3.3.3", "3.3", "推进能源改革试点示范", **br("市经信局，相关区（市）县政府（管委会）"))
T("3.3.4", "3.3", "推动综合能源利用", **br("市经信局、市住建局、市发改委，各区（市）县政府（管委会）"))
T("3.4.1", "3.4", "构建智能坚强电网", **br("市经信局，各区（市）县政府（管委会）"))
T("3.4.2", "3.4", "加快充（换）电设施布局建设", **br("市经信局、市发改委、市住建局、市交通运输局、市机关事务局、市城管委、市规划和自然资源局，各区（市）县政府（管委会）"))
T("3.4.3", "3.4", "完善天然气输配体系", **br("市经信局，各区（市）县政府（管委会）"))
T("3.4.4", "3.4", "推动储能发展应用", **br("市经信局、市发改委、市水务局，各区（市）县政府（管委会）"))
T("4.1", "4", "加强组织领导，督促落地落实")
T("4.2", "4", "加强顶层设计，实施规划引领")
T("4.3", "4", "加强舆论宣传，增强节能意识")
T("4.4", "4", "坚持市场运行，推进共建共治")

Y = "到 2025 年"; D = "2025-12-31"
t = g.tgt
# 二、工作目标
t("2", "到 2025 年，清洁能源消费占比提高到 68%以上", "清洁能源消费占比", 68, "%", ">=", D, Y)
t("2", "非化石能源消费占比达到 50%以上", "非化石能源消费占比", 50, "%", ">=", D, Y)
t("2", "完成省政府下达的能耗控制和碳排放目标任务", "完成省下达的能耗控制和碳排放目标任务", deadline=D, time_text=Y,
  notes="core milestone without a number (cf. Jiading T004)")
# 3.1.1
t("3.1.1", "绕城高速内全面淘汰燃油锅炉", "绕城高速内燃油锅炉淘汰", tier="soft",
  notes="end-state without number or time: soft")
t("3.1.1", "新上锅炉全面使用电锅炉", "新上锅炉使用电锅炉", kind="standard", tier="soft",
  notes="standing rule for new boilers, no number/time: soft standard; value 100 % acceptable")
t("3.1.2", "到 2025 年，电能替代电量达到 50 亿千瓦时", "电能替代电量", 50, "亿千瓦时", ">=", D, Y)
t("3.1.3", "到 2025 年，建材、冶金、化工等高耗能产业产值占工业产值比重下降 1.6%", "高耗能产业产值占工业产值比重下降", 1.6, "%", "decrease_by", D, Y,
  notes="baseline not stated (null); 1.6 may be percentage points")
t("3.1.3", "到 2025 年，全市数据中心集群内平均电能利用效率（PUE）值达到 1.25 以下", "数据中心集群平均PUE", 1.25, None, "<=", D, Y,
  notes="PUE is dimensionless: unit null")
t("3.1.3", "重点行业达到能效标杆水平的产能比例超过 30%", "重点行业达到能效标杆水平的产能比例", 30, "%", ">=",
  notes="no time phrase in its own sentence (the preceding sentence's 到 2025 年 clauses each repeat the phrase): deadline null; 2025-12-31 is defensible. 超过 = strictly >")
t("3.1.4", "提升新建民用建筑节能设计标准至 72%", "新建民用建筑节能设计标准", 72, "%", ">=", kind="standard",
  notes="standard for new buildings; no time given")
t("3.2.2", "年产量保持在 6 亿立方米左右", "现有气田天然气年产量", 6, "亿立方米", "=", hedge="左右",
  notes="a level to maintain, no time (the 到 2025 年 comes after, in the next clause): deadline null")
t("3.2.2", "到 2025 年，力争形成 20 亿立方米年天然气产能", "天然气年产能", 20, "亿立方米", "=", D, Y, hedge="力争",
  notes="形成 N: bare amount, '=' (>= acceptable); unit per year implied by 年…产能")
t("3.2.3", "到 2025 年，实现光伏发电装机量 50 万千瓦以上", "光伏发电装机量", 50, "万千瓦", ">=", D, Y)
t("3.2.3", "年新增可再生能源发电量 8.5 亿千瓦时", "年新增可再生能源发电量", 8.5, "亿千瓦时", "=", D, Y)
t("3.2.4", "到 2025 年，绿氢年生产能力达到 10000 吨以上", "绿氢年生产能力", 10000, "吨", ">=", D, Y)
t("3.2.4", "规划建设加氢站 40 座", "规划建设加氢站数量", 40, "座", "=",
  notes="new sentence after a non-target clause (支持…一体化试点。): no time of its own, deadline null; 2025-12-31 (inherited) is defensible")
t("3.3.4", "到 2025 年，投运分布式综合能源服务项目 50 个以上", "投运分布式综合能源服务项目", 50, "个", ">=", D, Y)
t("3.4.1", "到 2025 年，全市规划建设 8 个500 千伏", "500千伏输变电项目", 8, "个", "=", D, Y,
  notes="8 个 500 千伏(输变电项目): 500/220 千伏 are voltage classes, not values; no space in '8 个500' in the source")
t("3.4.1", "50 个 220 千伏输变电项目", "220千伏输变电项目", 50, "个", "=", D, Y)
t("3.4.1", "电网安全负荷提升至 2260 万千瓦", "电网安全负荷", 2260, "万千瓦", ">=", D, Y)
t("3.4.2", "新建建筑按总停车位 15%-25%比例分类配建", "新建建筑充电设施配建比例", 15, "%", ">=", kind="standard",
  value_max=25, notes="range 15%-25% by building class: value = lower bound 15, value_max 25; no time")
t("3.4.2", "既有党政机关、企事业单位、大型商场、文体场馆、旅游景区、高速公路服务区按不低于总停车位 20%配建", "既有公共单位充电设施配建比例", 20, "%", ">=", kind="standard",
  notes="no time")
t("3.4.2", "到 2025 年，全市建成充（换）电站 3000 座", "建成充（换）电站", 3000, "座", "=", D, Y,
  notes="'以上' at the end of the enumeration may govern both items: >= acceptable")
t("3.4.2", "充电桩 16 万个以上", "建成充电桩", 16, "万个", ">=", D, Y)
t("3.4.3", "到 2025 年，更新改造城镇燃气管道 1200 公里", "更新改造城镇燃气管道", 1200, "公里", "=", D, Y)
t("3.4.3", "新建燃气管道 600 公里", "新建燃气管道", 600, "公里", "=", D, Y)
t("3.4.3", "燃气供应能力达到 150 亿立方米", "燃气供应能力", 150, "亿立方米", ">=", D, Y)
t("3.4.3", "储气能力达到900 万立方米", "储气能力", 900, "万立方米", ">=", D, Y)
t("3.4.4", "新能源项目储能设施配建比例不低于装机容量的 10%", "新能源项目储能配建比例", 10, "%", ">=", kind="standard",
  notes="standing rule for new-energy projects; no time")

x = g.extra
x("2", "减煤、控油、稳气、增电和发展新能源取得成效", "directional goal")
x("2", "清洁能源替代加快推进", "directional goal")
x("2", "化石能源消费总量得到有效控制", "directional goal")
x("2", "能源供给结构、消费结构持续优化", "directional goal")
x("2", "能源安全保障能力和数字化水平持续提升", "directional goal")
x("2", "单位地区生产总值能耗持续降低", "directional, under 到 2025 年")
x("3.1.3", "推进钢铁、水泥、平板玻璃、石化、数据中心等行业节能监察", "action, no end-state")
x("3.1.4", "逐步实施大型公共建筑能耗限额管理", "directional")
x("3.2.3", "支持金堂县开展整县屋顶分布式光伏开发试点", "support for a pilot, no end-state")
x("3.2.4", "支持可再生能源电解水制氢加氢一体化试点", "support for a pilot")
x("3.2.4", "加快构建半小时加氢网络", "directional")
x("3.4.1", "推进 1000 千伏特高压输变电工程建设", "1000 千伏 is a voltage class (number trap)")
x("3.4.2", "创建“国家新能源汽车换电模式应用试点城市”", "end-state without time or number")
x("3.4.3", "燃气储气能力大幅提升", "directional")
x("3.4.4", "有序推进大邑县、金堂县抽水蓄能电站建设", "project push without time")
g.write(os.path.join(REPO, "tests/gold/chengdu_2022.json"))
