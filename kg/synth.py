"""A synthetic corpus of plan texts for load tests: N plans × V versions, with a truth file of what each one says.

Why synthetic: the real corpus has ~500 texts, most without responsibility markup; scale goals (3,000 plans) and
issuer scoping (the same unit name, e.g. 区发展改革委, issued by many governments) need more, and need texts whose
structure is known without running the extractor. The sentence patterns are taken from real plans (Jiading, Shanghai,
Chengdu, Dazhou, Wuhan): headings 一、/（一）/1., `（责任单位：…）`, `（牵头单位：…；责任单位：…）`, separate
`责任单位：`/`完成时限：` lines, `到2025年…达到X%` targets, annual plans with `6月底前` / `四季度` deadlines, OCR spaces
in numbers (`2025 年`). Each issuer gets its own spelling of each department (区经委 / 区经信委 / 区工业和信息化局),
so the same name recurs across issuers with different neighbours, as in reality.

The generator does not import `extract`: the truth is what the generator wrote, not what any extractor reads, so it
can be used to measure the extractor as well as to load the store.

    python -m kg.synth OUT_DIR --plans 100 --versions 2 [--seed 0]

writes OUT_DIR/synth-00001-v1.txt … and OUT_DIR/TRUTH.jsonl (one object per file: id, file, issuer, title, year,
version, plan, tasks [{id, units, lead, deadline}], targets [{task, quote, value, unit, comparator, deadline, kind}]).
"""
from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

__all__ = ["SynthDoc", "generate", "write_corpus", "ISSUERS"]

# (issuer, level): level decides the unit prefix (省/市/区/县) and the collective tokens.
ISSUERS: list[tuple[str, str]] = [
    ("上海市嘉定区", "区"), ("上海市闵行区", "区"), ("上海市浦东新区", "区"), ("上海市宝山区", "区"), ("上海市松江区", "区"),
    ("上海市青浦区", "区"), ("上海市奉贤区", "区"), ("北京市朝阳区", "区"), ("北京市海淀区", "区"), ("天津市滨海新区", "区"),
    ("广州市黄埔区", "区"), ("深圳市南山区", "区"), ("杭州市余杭区", "区"), ("南京市江宁区", "区"), ("武汉市江夏区", "区"),
    ("成都市", "市"), ("武汉市", "市"), ("达州市", "市"), ("苏州市", "市"), ("宁波市", "市"), ("青岛市", "市"), ("厦门市", "市"),
    ("长沙市", "市"), ("西安市", "市"), ("合肥市", "市"), ("昆明市", "市"), ("南宁市", "市"), ("济南市", "市"), ("郑州市", "市"),
    ("江苏省", "省"), ("浙江省", "省"), ("福建省", "省"), ("四川省", "省"), ("湖北省", "省"), ("河北省", "省"), ("山东省", "省"),
    ("长兴县", "县"), ("安吉县", "县"), ("昆山市", "市"), ("义乌市", "市"),
]

# Department functions and the spellings real plans use for them ({p} = 区/市/省/县). Province-level spellings differ.
FUNCTIONS: dict[str, list[str]] = {
    "dev": ["{p}发展改革委", "{p}发改委", "{p}发展和改革委员会"],
    "ind": ["{p}经委", "{p}经信委", "{p}经信局", "{p}工业和信息化局"],
    "env": ["{p}生态环境局"],
    "bld": ["{p}建管委", "{p}住房城乡建设委", "{p}住建局", "{p}住房城乡建设局"],
    "trn": ["{p}交通委", "{p}交通运输局"],
    "com": ["{p}商务委", "{p}商务局"],
    "sci": ["{p}科委", "{p}科技局"],
    "fin": ["{p}财政局"],
    "sta": ["{p}统计局"],
    "agr": ["{p}农业农村委", "{p}农业农村局"],
    "land": ["{p}规划资源局", "{p}自然资源局", "{p}自然资源和规划局"],
    "gov": ["{p}机管局", "{p}机关事务管理局"],
    "soe": ["{p}国资委"],
    "mkt": ["{p}市场监管局"],
    "grn": ["{p}绿化市容局", "{p}城管局", "{p}林业局"],
    "edu": ["{p}教育局"],
    "wat": ["{p}水务局"],
}
PROVINCE: dict[str, list[str]] = {
    "ind": ["省工业和信息化厅", "省工信厅"], "env": ["省生态环境厅"], "bld": ["省住房城乡建设厅"], "trn": ["省交通运输厅"],
    "com": ["省商务厅"], "sci": ["省科技厅"], "fin": ["省财政厅"], "agr": ["省农业农村厅"], "land": ["省自然资源厅"],
    "edu": ["省教育厅"], "wat": ["省水利厅"], "grn": ["省林业局"],
}
COLLECTIVE = {"区": ["各街镇", "各镇（街道）"], "市": ["各区（市）县政府", "各区"], "省": ["各设区市人民政府"], "县": ["各乡镇（街道）"]}
SCOPE = {"区": "全区", "市": "全市", "省": "全省", "县": "全县"}

# Areas of 重点任务: (section title, intro, functions that lead/support, [(task title, body sentence)],
# [(target template, unit, comparator, low, high, decimals)]). {Y} deadline year, {S} scope, {B} baseline year.
AREAS: list[tuple[str, str, list[str], list[tuple[str, str]], list[tuple[str, str, str, float, float, int]]]] = [
    ("推动能源消费绿色低碳转型，加快建成现代能源体系", "持续推进能源结构优化，加快实施非化石能源替代，推动建立清洁低碳安全高效的现代能源体系。",
     ["dev", "ind", "bld", "env"],
     [("大力发展非化石能源", "大力发展太阳能、生物质能等非化石能源，加大外来清洁能源引入力度，因地制宜拓展氢能应用场景"),
      ("合理控制煤炭消费", "严格实施煤炭消费减量替代，推进燃煤锅炉清洁能源替代，提升燃煤机组能效水平"),
      ("加快建设新型电力系统", "推动建设结构坚强、智能互动、运行灵活的城市电网，推动需求侧合理实施电能替代"),
      ("推进光伏规模化应用", "在工业厂房、公共建筑屋顶推广分布式光伏，实现光伏应装尽装")],
     [("到{Y}年，{S}非化石能源占能源消费总量比重达到{v}%", "%", ">=", 12, 30, 0),
      ("到{Y}年，{S}光伏装机容量达到{v}万千瓦", "万千瓦", ">=", 10, 200, 0),
      ("到{Y}年，{S}煤炭消费总量控制在{v}万吨以内", "万吨", "<=", 100, 900, 0)]),
    ("加快推进工业领域绿色低碳转型", "推动制造业高端化、智能化、绿色化，坚决遏制“两高”项目盲目发展。",
     ["ind", "dev", "env", "sci"],
     [("深入推进产业结构调整", "优化制造业结构，加速土地资源利用率较低的产业退出，坚决淘汰落后产能"),
      ("积极推行绿色制造", "完善绿色制造体系，深入推进清洁生产，打造绿色低碳工厂和绿色低碳工业园区"),
      ("坚决遏制“两高”项目盲目发展", "对“两高”项目实行清单管理、分类处置、动态监控，严格控制新增项目"),
      ("加强重点用能单位管理", "加强重点用能单位能耗在线监测系统建设，开展节能诊断和能效对标")],
     [("到{Y}年，完成调整企业{v}家", "家", ">=", 20, 300, 0),
      ("到{Y}年，规模以上工业单位增加值能耗较{B}年下降{v}%", "%", "decrease_by", 13, 20, 0),
      ("到{Y}年，累计创建市级以上绿色工厂{v}家", "家", ">=", 5, 60, 0)]),
    ("加快城乡建设领域绿色化建设", "推动新建建筑执行更高节能标准，加快既有建筑节能改造，优化建筑用能结构。",
     ["bld", "land", "dev", "gov"],
     [("推广超低能耗建筑", "形成覆盖建筑全生命周期的超低能耗建筑技术和监管体系"),
      ("推进既有建筑节能改造", "加快推进既有公共建筑节能改造，全面提升既有公共建筑能效水平"),
      ("优化建筑用能结构", "持续推进可再生能源在建筑领域应用，新建公共建筑至少使用一种可再生能源")],
     [("“十四五”期间累计落实超低能耗建筑示范项目不少于{v}万平方米", "万平方米", ">=", 10, 80, 0),
      ("到{Y}年，城镇新建建筑中绿色建筑占比达到{v}%", "%", ">=", 90, 100, 0),
      ("到{Y}年，城镇建筑可再生能源替代率达到{v}%", "%", ">=", 8, 15, 0)]),
    ("推动交通运输领域绿色低碳转型", "推动交通工具和基础设施绿色低碳转型，构建绿色低碳出行网络。",
     ["trn", "dev", "bld", "land"],
     [("推动交通工具升级转型", "加快推进交通工具向电气化、低碳化、智能化转型升级"),
      ("加快充电基础设施建设", "根据停车位数量配建充电桩，推动小区个人充电设施建设"),
      ("构建绿色低碳出行网络", "优化城市公共交通和慢行系统的出行环境，提升绿色出行比例")],
     [("到{Y}年，{S}累计建成公共充电桩{v}个", "个", ">=", 500, 20000, 0),
      ("到{Y}年，新增和更新公交车中新能源汽车比例达到{v}%", "%", ">=", 80, 100, 0),
      ("到{Y}年，中心城区绿色出行比例达到{v}%", "%", ">=", 60, 80, 0)]),
    ("推进循环经济发展，助力降碳行动", "以源头减量、循环使用、再生利用为统领，提升大宗固废综合利用水平。",
     ["env", "grn", "com", "bld"],
     [("打造循环型产业体系", "大力推行绿色设计，持续推进园区循环化改造，提高资源产出率"),
      ("构建循环型社会体系", "深入推进塑料污染治理，推动快递包装绿色转型，完善再生资源回收体系"),
      ("推进建设领域循环发展", "推动节约型工地建设和装修垃圾减量，促进再生建材高水平利用")],
     [("到{Y}年，工程渣土综合处理率达{v}%", "%", ">=", 90, 99, 0),
      ("到{Y}年，生活垃圾回收利用率达到{v}%以上", "%", ">=", 35, 50, 0)]),
    ("巩固提升生态系统碳汇能力", "推进林地、园地、绿地融合发展，稳定现有生态空间固碳能力，提高碳汇增量。",
     ["grn", "land", "agr"],
     [("巩固提升森林碳汇能力", "强化国土空间用途管控，持续增加森林面积和蓄积量，实施森林质量精准提升工程"),
      ("推进公园建设和改造", "加快推进城市绿道系统建设、公园建设改造等重点项目，打造绿色公园城市")],
     [("到{Y}年，新增公园{v}座", "座", ">=", 3, 40, 0),
      ("到{Y}年，森林覆盖率达到{v}%", "%", ">=", 18, 45, 1)]),
    ("提升绿色现代农业发展能级", "大力发展绿色低碳、生态循环的农业新业态，推动农村用能低碳转型。",
     ["agr", "env", "dev"],
     [("推行农业循环化发展", "积极推行种养结合等节肥节药生态循环农业模式，推广有机肥替代化肥"),
      ("加快农业用能低碳化", "大力发展农业领域可再生能源，推动农作物秸秆多元化利用")],
     [("到{Y}年，农作物秸秆综合利用率稳定在{v}%以上", "%", ">=", 95, 99, 0)]),
    ("倡导绿色低碳全民行动", "增强全民节约意识、低碳意识、环保意识，形成全社会践行绿色低碳的良好氛围。",
     ["dev", "gov", "edu", "env"],
     [("推进公共机构节能降碳", "公共机构率先使用新能源汽车，推进公共机构既有建筑节能改造"),
      ("开展绿色低碳社会行动", "开展绿色社区、节约型机关、绿色学校创建行动")],
     [("到{Y}年，公共机构单位建筑面积能耗较{B}年下降{v}%", "%", "decrease_by", 5, 10, 0),
      ("到{Y}年，创建低碳社区{v}个", "个", ">=", 2, 30, 0)]),
]
FILLERS = ["强化统筹协调，完善工作机制", "鼓励社会资本参与，形成工作合力", "加强监测评估，定期通报工作进展",
           "探索建立激励约束机制，推动各项措施落地见效", "加强政策宣传和经验推广"]
SAFEGUARDS = [("加强组织领导", "成立工作领导小组，统筹推进各项工作，研究解决重大问题"),
              ("强化政策保障", "统筹用好各类专项资金，完善绿色金融支持政策"),
              ("严格监督考核", "将目标完成情况纳入综合考核，对工作成效突出的单位给予表扬"),
              ("加强宣传引导", "加强政策解读和宣传报道，营造良好社会氛围")]
# Annual plans (工作安排): dated milestones in the plan's own year.
ANNUAL_DATES = [("6月底前", 6), ("9月底前", 9), ("年底前", 12), ("四季度", 12), ("三季度", 9), ("上半年", 6)]
ANNUAL_ACTS = ["完成年度节能目标责任评价考核", "出台重点领域节能降碳实施方案", "完成重点用能单位能源审计",
               "建成能耗在线监测平台", "完成年度碳排放报告核查", "启动公共建筑能耗限额管理试点"]
TOPICS = [("碳达峰实施方案", False), ("节能减排综合工作方案", False), ("能源结构调整行动方案", False),
          ("绿色低碳循环发展实施方案", False), ("{Y}年节能减排和应对气候变化重点工作安排", True)]
CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n - 1]
    return ("" if n < 20 else CN_NUM[n // 10 - 1]) + "十" + ("" if n % 10 == 0 else CN_NUM[n % 10 - 1])


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


@dataclass
class SynthDoc:
    """One generated document version: its file stem (= doc id), text and truth."""
    id: str
    text: str
    truth: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Task:
    title: str
    body: str
    funcs: list[str]
    targets: list[tuple[str, str, str, float, int]]  # (template, unit, comparator, value, decimals)
    collective: bool
    date: Optional[tuple[str, int]] = None  # annual plans: (phrase, month)
    act: str = ""


@dataclass
class _Plan:
    issuer: str
    level: str
    topic: str
    annual: bool
    year: int
    style: str  # "paren" | "lead" | "ascii" | "lines"
    ocr: bool  # OCR-style spaces in numbers (`2025 年`)
    names: dict[str, str]
    areas: list[tuple[str, str, list[_Task]]]
    goals: list[tuple[str, str, str, float, int]]


def _names(issuer: str, level: str) -> dict[str, str]:
    """This issuer's spelling of every department (stable per issuer, different between issuers)."""
    rng = random.Random(issuer)
    out = {}
    for func, variants in FUNCTIONS.items():
        if level == "省" and func in PROVINCE:
            out[func] = rng.choice(PROVINCE[func])
        else:
            out[func] = rng.choice(variants).format(p=level)
    return out


def _target(rng: random.Random, spec: tuple[str, str, str, float, float, int]) -> tuple[str, str, str, float, int]:
    tmpl, unit, comp, lo, hi, dec = spec
    value = round(rng.uniform(lo, hi), dec) if dec else float(rng.randint(int(lo), int(hi)))
    return tmpl, unit, comp, value, dec


def _plan(rng: random.Random) -> _Plan:
    issuer, level = rng.choice(ISSUERS)
    topic, annual = rng.choice(TOPICS)
    year = rng.randint(2021, 2023)
    names = _names(issuer, level)
    style = rng.choice(["paren", "paren", "lead", "ascii", "lines"])
    areas = []
    for title, intro, funcs, tasks, targets in rng.sample(AREAS, rng.randint(4, len(AREAS))):
        chosen = rng.sample(tasks, rng.randint(2, len(tasks)))
        out = []
        for t_title, body in chosen:
            tf = [funcs[0]] + rng.sample(funcs[1:], rng.randint(0, len(funcs) - 1))
            rng.shuffle(tf)
            tg = [_target(rng, rng.choice(targets))] if rng.random() < 0.6 else []
            date = rng.choice(ANNUAL_DATES) if annual and rng.random() < 0.6 else None
            out.append(_Task(t_title, body, tf, tg, rng.random() < 0.3, date, rng.choice(ANNUAL_ACTS)))
        areas.append((title, intro, out))
    goals = [_target(rng, spec) for spec in rng.sample([s for a in AREAS for s in a[4]], 2)]
    return _Plan(issuer, level, topic, annual, year, style, rng.random() < 0.3, names, areas, goals)


def _revise(rng: random.Random, plan: _Plan, version: int) -> _Plan:
    """The next version: a year later, some values changed, a task dropped or added, some units reassigned."""
    areas = []
    for title, intro, tasks in plan.areas:
        tasks = [_Task(t.title, t.body, list(t.funcs), [(a, u, c, round(v * rng.uniform(0.8, 1.3), d) if d else
                                                        float(round(v * rng.uniform(0.8, 1.3))), d)
                                                       if rng.random() < 0.3 else (a, u, c, v, d) for a, u, c, v, d in t.targets],
                       t.collective, t.date, t.act) for t in tasks]
        if len(tasks) > 2 and rng.random() < 0.3:
            tasks.pop(rng.randrange(len(tasks)))
        spare = [a for a in AREAS if a[0] == title][0]
        unused = [x for x in spare[3] if x[0] not in {t.title for t in tasks}]
        if unused and rng.random() < 0.3:
            t_title, body = rng.choice(unused)
            tasks.append(_Task(t_title, body, [spare[2][0]], [], False))
        for t in tasks:
            if rng.random() < 0.2:
                extra = rng.choice(list(FUNCTIONS))
                t.funcs = t.funcs[:1] if extra in t.funcs else t.funcs + [extra]
        areas.append((title, intro, tasks))
    return _Plan(plan.issuer, plan.level, plan.topic, plan.annual, plan.year + version - 1, plan.style, plan.ocr,
                 plan.names, areas, plan.goals)


class _Writer:
    """Renders a plan and records the truth while it writes (ids follow the written numbering)."""

    def __init__(self, plan: _Plan) -> None:
        self.p = plan
        self.lines: list[str] = []
        self.tasks: list[dict[str, Any]] = []
        self.targets: list[dict[str, Any]] = []
        self.note_done = False

    def num(self, s: str) -> str:
        """Years and numbers as an OCR'd PDF prints them (`2025 年`) when the plan has that style."""
        return re.sub(r"(\d)年", r"\1 年", s) if self.p.ocr else s

    def target_sentence(self, owner: str, spec: tuple[str, str, str, float, int], year: int) -> str:
        tmpl, unit, comp, value, dec = spec
        v = f"{value:.{dec}f}" if dec else str(int(value))
        quote = tmpl.format(Y=year, S=SCOPE[self.p.level], B=2020, v=v)
        deadline = "2025-12-31" if "十四五" in tmpl else f"{year}-12-31"
        quote = self.num(quote)
        self.targets.append({"task": owner, "quote": quote, "value": value, "unit": unit, "comparator": comp,
                             "deadline": deadline, "kind": "quantitative"})
        return quote

    def units(self, t: _Task) -> tuple[list[str], list[str]]:
        names = [self.p.names[f] for f in t.funcs]
        names = list(dict.fromkeys(names))
        if t.collective:
            names.append(COLLECTIVE[self.p.level][_stable(t.title) % len(COLLECTIVE[self.p.level])])
        return names, names[:1]

    def annotation(self, names: list[str]) -> str:
        s = self.p.style
        if s == "lead" and len(names) > 1:
            return f"（牵头单位：{names[0]}；责任单位：{'、'.join(names[1:])}）"
        if s == "lead" or s == "paren":
            return f"（责任单位：{'、'.join(names)}）"
        return f"(责任单位:{'、'.join(names)})"

    def task(self, tid: str, number: str, t: _Task, year: int) -> None:
        sentences = [t.title + "。" + t.body]
        if rng_pick(tid, 2):
            sentences.append(FILLERS[int(tid.replace(".", "")) % len(FILLERS)])
        for spec in t.targets:
            sentences.append(self.target_sentence(tid, spec, year))
        deadline = None
        if t.date:
            phrase, month = t.date
            quote = self.num(f"{phrase}，{t.act}")
            deadline = _last_day(self.p.year, month)
            self.targets.append({"task": tid, "quote": quote, "value": None, "unit": None, "comparator": None,
                                 "deadline": deadline, "kind": "milestone"})
            sentences.append(quote)
        names, lead = self.units(t)
        text = number + "。".join(sentences) + "。"
        task_deadline = None
        if self.p.style == "lines":
            note = "" if self.note_done else "（排在第一为牵头单位，下同）"
            self.note_done = True
            self.lines += [text, f"责任单位：{'、'.join(names)}{note}"]
            if t.date:
                self.lines.append(self.num(f"完成时限：{self.p.year}年{t.date[1]}月底前"))
                task_deadline = deadline
        else:
            self.lines.append(text + self.annotation(names))
        self.tasks.append({"id": tid, "units": names, "lead": lead, "deadline": task_deadline})

    def render(self) -> tuple[str, str]:
        p = self.p
        horizon = p.year if p.annual else 2025
        title = p.issuer + p.topic.format(Y=p.year)
        ascii_ = p.style == "ascii"
        paren = (lambda n: f"({_cn(n)})") if ascii_ else (lambda n: f"（{_cn(n)}）")
        dot = "." if ascii_ or p.style == "paren" else "．"
        h = _stable(title)
        self.lines += [self.num(title), self.num(f"{p.year}年{h % 12 + 1}月{h % 27 + 1}日")]
        self.lines.append(f"为贯彻落实国家和上级关于碳达峰碳中和的决策部署，推动{SCOPE[p.level]}经济社会发展全面绿色转型，"
                          "结合本地实际，制定本方案。")
        self.lines += ["一、总体要求", "以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，坚持系统观念，"
                       "处理好发展和减排、整体和局部、短期和中长期的关系。", "二、主要目标"]
        goal_text = [self.target_sentence("2", g, horizon) for g in p.goals]
        self.lines.append("，".join(["“十四五”期间，产业结构和能源结构明显优化"] + goal_text) + "。")
        self.lines.append("三、重点任务")
        for i, (a_title, intro, tasks) in enumerate(p.areas, 1):
            self.lines += [f"{paren(i)}{a_title}", intro]
            for j, t in enumerate(tasks, 1):
                self.task(f"3.{i}.{j}", f"{j}{dot}", t, horizon)
        self.lines.append("四、保障措施")
        for i, (s_title, body) in enumerate(SAFEGUARDS, 1):
            self.lines.append(f"{paren(i)}{s_title}。{body}。")
            self.tasks.append({"id": f"4.{i}", "units": [], "lead": [], "deadline": None})
        return title, "\n".join(self.lines) + "\n"


def _stable(text: str) -> int:
    """A hash that is the same in every process (str hash is salted per process)."""
    return zlib.crc32(text.encode("utf-8"))


def rng_pick(key: str, mod: int) -> bool:
    """A deterministic coin for rendering choices (independent of the plan RNG, so revisions keep their text)."""
    return sum(map(ord, key)) % mod == 0


def generate(plans: int, versions: int = 1, seed: int = 0) -> Iterator[SynthDoc]:
    """Yield plans × versions documents: `synth-{plan:05d}-v{version}`; deterministic for a seed."""
    for i in range(1, plans + 1):
        rng = random.Random(f"{seed}:{i}")
        base = _plan(rng)
        for v in range(1, versions + 1):
            plan = base if v == 1 else _revise(random.Random(f"{seed}:{i}:{v}"), base, v)
            writer = _Writer(plan)
            title, text = writer.render()
            doc_id = f"synth-{i:05d}-v{v}"
            yield SynthDoc(doc_id, text, {
                "id": doc_id, "file": f"{doc_id}.txt", "issuer": plan.issuer, "title": title, "year": plan.year,
                "version": v, "plan": f"synth-{i:05d}", "style": plan.style, "annual": plan.annual, "ocr": plan.ocr,
                "tasks": writer.tasks, "targets": writer.targets})


def write_corpus(out_dir: str | Path, plans: int, versions: int = 1, seed: int = 0) -> list[Path]:
    """Write the corpus and TRUTH.jsonl into out_dir (created); returns the text files in order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    with open(out / "TRUTH.jsonl", "w", encoding="utf-8") as truth:
        for doc in generate(plans, versions, seed):
            path = out / f"{doc.id}.txt"
            path.write_text(doc.text, encoding="utf-8")
            truth.write(json.dumps(doc.truth, ensure_ascii=False) + "\n")
            files.append(path)
    return files


def read_truth(out_dir: str | Path) -> dict[str, dict[str, Any]]:
    """The truth objects of a written corpus, by document id."""
    with open(Path(out_dir) / "TRUTH.jsonl", encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.synth", description="生成合成规划语料（压力测试用）")
    ap.add_argument("out_dir")
    ap.add_argument("--plans", type=int, default=100, help="规划数")
    ap.add_argument("--versions", type=int, default=1, help="每个规划的版本数")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    files = write_corpus(a.out_dir, a.plans, a.versions, a.seed)
    print(f"已生成 {len(files)} 个文件：{a.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
