import os, sys, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO
g = Gold("corpus/jiangsu_eco_env_dept_carbon_workplan_2021.txt",
         {"title": "省生态环境厅2021年度推动碳达峰、碳中和工作计划", "issuer": "江苏省生态环境厅", "published": None,
          "plan_year": 2021,
          "notes": "the heading is split over lines 1-2 (`省生态环境厅 2021 年度` / `推动碳达峰、碳中和工作计划`); date not printed; annual plan for 2021"})
txt = g.text
CN = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
def cn2i(s):
    if s == "十": return 10
    if s.startswith("十"): return 10 + CN[s[1]]
    if s.endswith("十"): return CN[s[0]] * 10
    if "十" in s: return CN[s[0]] * 10 + CN[s[2]]
    return CN[s]
# top-level
tops = list(re.finditer(r"^([一二三四五六])、(.*)$", txt, re.M))
items = list(re.finditer(r"^（([一二三四五六七八九十]+)）", txt, re.M))
for m in tops:
    g.sec(str(cn2i(m.group(1))), m.group(1) + "、", m.group(2))
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
def dl(s):
    m = re.fullmatch(r"(\d+) 月底", s)
    return "2021-%02d-%02d" % (int(m.group(1)), MONTH_END[int(m.group(1))]) if m else None
ANN = re.compile(r"（(责任(?:部门|处室)：(.*?))，完成期限：(.*?)）")
tasks = {}
bounds = sorted([m.start() for m in items] + [m.start() for m in tops] + [len(txt)])
for m in items:
    n = cn2i(m.group(1))
    top = max(tm for tm in tops if tm.start() < m.start()).group(1) if False else None
    topm = [tm for tm in tops if tm.start() < m.start()][-1]
    sec = str(cn2i(topm.group(1)))
    tid = f"{sec}.{n}"
    end = min(b for b in bounds if b > m.start())
    para = txt[m.start():end]
    ti = m.end()
    title = txt[ti:txt.index("。", ti)]
    cur = txt.index("。", ti) + 1
    anns = []
    for a in ANN.finditer(txt, m.start(), end):
        covered = txt[cur:a.end()].lstrip("\n")
        units = a.group(2).split("、")
        anns.append({"text": covered, "unit_text": a.group(1), "units": units,
                     "deadline_text": a.group(3), "deadline": dl(a.group(3))})
        cur = a.end()
    rest = txt[cur:end].strip()
    assert not rest, (tid, rest)
    tasks[tid] = (sec, title, anns)

# task records
for tid, (sec, title, anns) in tasks.items():
    units, leads = [], []
    for a in anns:
        for u in a["units"]:
            if u not in units: units.append(u)
        if a["units"][0] not in leads: leads.append(a["units"][0])
    dated = [a for a in anns if a["deadline"]]
    last = max(dated, key=lambda a: a["deadline"]) if dated else None
    g.task(tid, sec, title, unit_text=anns[0]["unit_text"], units=units, leads=leads,
           deadline=last["deadline"] if last else None, deadline_text=last["deadline_text"] if last else None,
           unit_annotations=anns)

Q = {}  # quantitative targets, keyed by annotation (task, index) -> list, placed before the milestone
def q(task, k, *a, **kw):
    Q.setdefault((task, k), []).append((a, kw))
q("1.2", 0, "确保 2021年全省碳排放强度下降 4.2%", "全省碳排放强度下降率（2021年）", 4.2, "%", "decrease_by",
  deadline="2021-12-31", time_text="2021年",
  notes="annual target for 2021 (deadline from 2021年, not from the annotation's 5 月底, which dates the 分解落实 work); baseline (2020) implied, not written")
q("2.4", 1, "推进 13 个设区市城区基本建成“无散煤区”", "设区市城区建成“无散煤区”数量", 13, "个", "=",
  deadline="2021-12-31", time_text="12 月底", hedge="基本", notes="deadline from the annotation (完成期限：12 月底)")
q("2.5", 0, "2021 年，全省风电装机增加 400 万千瓦", "全省风电新增装机（2021年）", 400, "万千瓦", "=",
  deadline="2021-12-31", time_text="2021 年",
  notes="annual increment: '=' as for Jiading 新增 (increase_by acceptable semantically); deadline from 2021 年, not the annotation's 7 月底")
q("2.5", 0, "光伏装机增加 300 万千瓦", "全省光伏新增装机（2021年）", 300, "万千瓦", "=",
  deadline="2021-12-31", time_text="2021 年")
q("4.15", 1, "组织 220 家电力企业参加全国碳排放权交易", "参加全国碳交易的电力企业数", 220, "家", "=",
  deadline="2021-07-31", time_text="7 月底", tier="soft",
  notes="220 家 is the set of enterprises already in the national market (scope) rather than a level to reach: soft")
q("4.15", 2, "力争首个履约年份我省重点企业履约率不低于 95%", "首个履约年份重点企业履约率", 95, "%", ">=",
  deadline="2021-12-31", time_text="12 月底", hedge="力争", notes="deadline from the annotation (12 月底)")
q("4.17", 1, "到 2021 年底全省自然湿地保护率不低于 59%", "全省自然湿地保护率", 59, "%", ">=",
  deadline="2021-12-31", time_text="到 2021 年底")

SOFT = {("5.20", 0): "directional (加强…合作交流，充分发挥…作用) although annotated with 12 月底: soft"}
THRESH = {("2.4", 0): {"value": 30, "unit": "万千瓦", "comparator": ">=",
                       "note": "units of 30 万千瓦及以上 define the scope; radius 30 公里 (其他地区 15 公里)"},
          ("3.12", 3): {"value": 5000, "unit": "吨标准煤", "comparator": ">=",
                        "note": "or 1.3 万吨二氧化碳当量以上: reporting-obligation scope"}}
for tid, (sec, title, anns) in tasks.items():
    for k, a in enumerate(anns):
        for args, kw in Q.get((tid, k), []):
            g.tgt(tid, *args, **kw)
        if a["deadline"] is None:
            g.extra(tid, a["text"], "annotated with 完成期限：" + a["deadline_text"] + ": no date, not a target")
            continue
        first = re.split(r"[，。；]", a["text"])[0]
        g.tgt(tid, a["text"], first[:40], deadline=a["deadline"], time_text=a["deadline_text"], before=False,
              tier="soft" if (tid, k) in SOFT else "core", threshold=THRESH.get((tid, k)),
              notes=SOFT.get((tid, k), "annotated commitment: text = the sentence(s) the annotation covers + the annotation"))

x = g.extra
x("4.15", "开展纳入全国碳交易市场的 220 家电力企业碳排放监测、报告和核查工作", "220 家 = scope of the MRV work (inside milestone T of 4.15)")
x("3.12", "组织编制 2019 年省级温室气体排放清单", "2019 is the inventory's data year, not a deadline")
g.write(os.path.join(REPO, "tests/gold/jiangsu_2021.json"))
