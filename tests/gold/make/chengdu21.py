import os, sys, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO
g = Gold("corpus/chengdu_energy_action_plan_v2021.txt",
         {"title": "成都市能源结构调整行动方案", "issuer": "成都市", "published": None, "plan_period": "2021-2025",
          "notes": "附件 2 of a 成都市 document; title line 2, period line 3 `（2021-2025 年）`; earlier version of chengdu_energy_action_plan_v2022"})
txt = g.text
S = g.sec
S("1", "一、", "总体思路"); S("2", "二、", "工作目标"); S("3", "三、", "重点任务")
S("3.1", "（一）", "推进能源消费低碳化", "3"); S("3.2", "（二）", "推进能源供应清洁化", "3")
S("3.3", "（三）", "推进能源利用高效化", "3"); S("3.4", "（四）", "提升能源安全保障能力", "3")
S("4", "四、", "保障措施")
def split_units(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（〈(": depth += 1
        elif ch in "）〉)": depth -= 1
        if depth == 0 and ch in "、，,":
            out.append(cur); cur = ""
        else:
            cur += ch
    out.append(cur)
    return [u for u in out if u]
RU = re.compile(r"（(牵头单位：(.*?)；责任单位：((?:[^（）]|（[^（）]*）)*))）$")
secmap = {}
cur = None
for ln in txt.split("\n"):
    m = re.match(r"^（([一二三四])）", ln)
    if m and "。" not in ln: cur = "3." + str("一二三四".index(m.group(1)) + 1); continue
    if ln.startswith("四、"): cur = None
    m = re.match(r"^(\d+)．(.*)$", ln)
    if m and cur:
        body = m.group(2); title = body[:body.index("。")]
        r = RU.search(body)
        L = split_units(r.group(2)); R = []
        for u in split_units(r.group(3)):
            if u.endswith("等市级部门"):
                R += [u[:-len("等市级部门")], "市级部门"]
            else:
                R.append(u)
        kw = {}
        if any(u == "市级部门" for u in R):
            kw["notes"] = "`市公安局等市级部门` split into 市公安局 and the collective 市级部门 (Jiading: X等相关职能部门)"
        g.task(f"{cur}.{m.group(1)}", cur, title, unit_text=r.group(1), units=L + R, leads=L, **kw)
for n, t in enumerate(["加强组织领导，督促落地落实", "加强顶层设计，实施规划引领", "加强舆论宣传，增强节能意识", "坚持市场运行，推进共建共治"], 1):
    g.task(f"4.{n}", "4", t)

Y = "到 2025 年"; D = "2025-12-31"
t = g.tgt; x = g.extra
t("2", "2025 年，非化石能源消费占比达到 50%以上", "非化石能源消费占比", 50, "%", ">=", D, "2025 年")
x("2", "单位地区生产总值能耗持续降低", "directional, under 2025 年")
x("2", "控制化石能源消费总量", "directional")
x("2", "提升终端消费领域电气化水平", "directional")
t("3.1.1", "到 2025年，电子信息、装备制造产业规模过万亿", "电子信息、装备制造产业规模", 1, "万亿", ">=", D, "到 2025年",
  notes="过万亿: value 1 万亿 (元 implied, not written), > strictly; may be read as each of the two industries")
t("3.1.1", "形成集成电路、新型显示、生物医药等 12 个千亿级产业集群", "千亿级产业集群数量", 12, "个", "=", D, "到 2025年",
  threshold={"value": 1000, "unit": "亿", "comparator": ">="}, notes="千亿级 is the size threshold of each cluster, not the value")
t("3.1.1", "高技术产业占比达到 42%", "高技术产业占比", 42, "%", ">=", D, "到 2025年")
t("3.1.1", "冶金、建材、石化等高耗能产业占工业比重下降 1.6 个百分点", "高耗能产业占工业比重下降", 1.6, "个百分点", "decrease_by", D, "到 2025年",
  notes="same sentence after ；: inherits 到 2025年. v2022 writes 下降 1.6% for the same target")
t("3.1.2", "绕城高速内新上锅炉全面使用电锅炉", "绕城高速内新上锅炉使用电锅炉", kind="standard", tier="soft", notes="no number or time")
t("3.1.3", "新建 200 家国家和省级绿色工厂", "新建国家和省级绿色工厂", 200, "家", "=",
  notes="no time phrase in the task: deadline null (the plan period 2021-2025 of the title is not used; 2025-12-31 defensible)")
t("3.1.4", "到 2025  年新增轨道交通运行里程 200 公里以上", "新增轨道交通运行里程", 200, "公里", ">=", D, "到 2025  年",
  notes="two spaces between 2025 and 年 in the source")
t("3.1.4", "中心城区绿色交通分担率达到70%", "中心城区绿色交通分担率", 70, "%", ">=", D, "到 2025  年")
t("3.1.5", "到 2025 年，当年新增新能源机动车比例超过 20%", "当年新增新能源机动车比例", 20, "%", ">=", D, Y, notes="超过 = strictly >")
t("3.1.5", "新能源汽车保有量 60 万辆", "新能源汽车保有量", 60, "万辆", ">=", D, Y)
t("3.1.5", "力争达到 80 万辆", "新能源汽车保有量（力争）", 80, "万辆", ">=", D, Y, hedge="力争",
  notes="stretch level of the same indicator: a separate entry")
t("3.1.6", "全市城镇新建建筑全面执行绿色建筑标准", "城镇新建建筑执行绿色建筑标准", kind="standard", tier="soft", notes="no number or time")
x("3.1.6", "出台《成都市绿色建筑促进条例》", "deliverable without time")
t("3.2.8", "建成加氢站 40 座", "建成加氢站", 40, "座", "=", notes="no time in the task: deadline null")
t("3.2.10", "形成 20 亿立方米年天然气产能", "天然气年产能", 20, "亿立方米", "=", notes="no time in the task: deadline null")
x("3.2.10", "助力川渝天然气千亿立方米产能基地建设", "name of a regional programme (千亿立方米 base), not a target of this plan")
t("3.2.11", "到 2025年，实现光伏发电装机量 1GW 以上", "光伏发电装机量", 1, "GW", ">=", D, "到 2025年", notes="1 GW = 100 万千瓦")
t("3.2.11", "建成垃圾环保发电厂 2 座", "建成垃圾环保发电厂", 2, "座", "=", D, "到 2025年")
t("3.2.11", "浅层地温能利用项目 10 个", "浅层地温能利用项目", 10, "个", "=", D, "到 2025年")
t("3.3.13", "聚焦年综合能耗 5000吨标准煤以上的工业企业，实施节能技术改造", "重点工业企业节能技术改造", kind="standard", tier="soft",
  threshold={"value": 5000, "unit": "吨标准煤", "comparator": ">="}, notes="5000 吨标准煤 is a scope threshold")
t("3.3.13", "实现钢铁、水泥、玻璃、石化、数据中心等节能监察行业全覆盖", "重点行业节能监察全覆盖", tier="soft", notes="end-state without time")
t("3.3.14", "2025 年，全市投运分布式综合能源服务项目 10 个以上", "投运分布式综合能源服务项目", 10, "个", ">=", D, "2025 年")
t("3.4.15", "到 2025 年，全市规划新建 6 个 500 千伏", "500千伏输变电项目", 6, "个", "=", D, Y, notes="500/220 千伏 are voltage classes")
t("3.4.15", "25 个 220千伏输变电项目", "220千伏输变电项目", 25, "个", "=", D, Y)
t("3.4.15", "电网安全负荷提升至 2260 万千瓦", "电网安全负荷", 2260, "万千瓦", ">=", D, Y)
x("3.4.15", "加快推进 1000 千伏特高压交流电工程建设", "1000 千伏 is a voltage class")
x("3.4.15", "实施一流配电网建设改造三年行动", "三年行动 is a programme name")
t("3.4.16", "到 2025 年，新建改造城镇燃气管道 400 公里", "新建改造城镇燃气管道", 400, "公里", "=", D, Y)
t("3.4.16", "燃气供应能力达到 150 亿立方米", "燃气供应能力", 150, "亿立方米", ">=", D, Y)
x("3.4.16", "燃气储气能力大幅提升", "directional")
t("3.4.17", "新建建筑按 15—25%分类配建", "新建建筑充电桩配建比例", 15, "%", ">=", kind="standard", value_max=25,
  notes="range 15—25 %: value = lower bound, value_max 25; no time")
t("3.4.17", "既有机关及企事业单位按不低于 20%配建", "既有机关及企事业单位充电桩配建比例", 20, "%", ">=", kind="standard", notes="no time")
t("3.4.17", "到2025 年，全市充（换）电站 3000 座", "充（换）电站", 3000, "座", "=", D, "到2025 年")
t("3.4.17", "充电桩 16 万个以上", "充电桩", 16, "万个", ">=", D, "到2025 年")
t("3.4.17", "车桩比例达到 4：1", "车桩比例", 4, None, "=", D, "到2025 年", notes="ratio 4:1 (vehicles per charger): value 4, unit null")
g.write(os.path.join(REPO, "tests/gold/chengdu_2021.json"))
