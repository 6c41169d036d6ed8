"""Hand-written evaluation questions over the Shanghai plan (上海市碳达峰实施方案, corpus/shanghai_carbon_peak_plan_2022.txt).

Same format and conventions as qa_jiading_src.py: (id, type, question, as_of, params); `check_qa.py --src
qa_shanghai_src.py --write` derives `expected` from tests/gold/shanghai_2022.json (its README section says how the
gold reads the plan) and writes qa_shanghai.json. Questions use the aliases a 市-level official would write
(`市发改委`, `经信委`, `住建委`, `民航华东局`, `人行上海总部`) while params name the gold's unit as written.

Left out as debatable: who leads 2.10.1 (the gold's lead is the collective `各区` by the "first listed" rule, where
Jiading's rule would give 市发展改革委), and units whose only targets due by the year are optional standards (上海化工区管委会 by 2030: T037/T038), where
either `none` or those standards could be right.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOC = "shanghai-carbon-peak-plan-2022"
GOLD = os.path.join(ROOT, "tests", "gold", "shanghai_2022.json")
SOURCE = os.path.join(ROOT, "corpus", "shanghai_carbon_peak_plan_2022.txt")
GOLD_REL, SOURCE_REL = "tests/gold/shanghai_2022.json", "corpus/shanghai_carbon_peak_plan_2022.txt"
OUT = "qa_shanghai.json"
# every type covered; the set is a generalisation check, smaller than Jiading's
MIN_ANSWERABLE = {"unit_tasks": 6, "unit_targets_by_year": 5, "target_value": 8, "deadline": 4, "overdue": 4,
                  "count": 4, "section_tasks": 4, "lead_unit": 4, "co_responsible": 3, "open": 3}
MIN_TOTAL, MIN_NONE = 40, 6

D = "2026-11-23"

QUESTIONS = [
    # ------------------------------------------------------------------ unit_tasks
    ("ut01", "unit_tasks", "市经信委牵头负责哪些任务？", D, {"unit": "市经济信息化委", "lead_only": True}),
    ("ut02", "unit_tasks", "住建委在碳达峰方案里要干哪些事", D, {"unit": "市住房城乡建设管理委"}),
    ("ut03", "unit_tasks", "请列出市交通委牵头的全部任务。", D, {"unit": "市交通委", "lead_only": True}),
    ("ut04", "unit_tasks", "市教委承担了哪些工作？", D, {"unit": "市教委"}),
    ("ut05", "unit_tasks", "海洋局有啥任务？", D, {"unit": "市海洋局"}),
    ("ut06", "unit_tasks", "人行上海总部是哪些任务的责任单位？", D, {"unit": "人民银行上海总部"}),
    ("ut08", "unit_tasks", "崇明区在方案里负责什么？", D, {"unit": "崇明区"}),
    ("ut-n1", "unit_tasks", "市卫生健康委负责哪些任务？", D,
     {"none": "unit not in the plan", "unit": "市卫生健康委", "absent": ["卫生", "卫健"]}),

    # ------------------------------------------------------------------ unit_targets_by_year
    ("uty01", "unit_targets_by_year", "市绿化市容局到2025年要完成哪些指标？", D, {"unit": "市绿化市容局", "year": 2025}),
    ("uty-n3", "unit_targets_by_year", "海洋局到2030年有哪些目标要达成？", D,
     {"none": "its tasks' only target (T107 湿地总量不减少) has no date", "unit": "市海洋局", "year": 2030}),
    ("uty03", "unit_targets_by_year", "市农业农村委“十四五”期间要完成哪些指标？", D, {"unit": "市农业农村委", "year": 2025}),
    ("uty04", "unit_targets_by_year", "市科委2025年底前需要完成哪些目标指标？", D, {"unit": "市科委", "year": 2025}),
    ("uty06", "unit_targets_by_year", "市水务局明年要完成哪些指标？", "2024-05-20", {"unit": "市水务局", "year": 2025}),
    ("uty07", "unit_targets_by_year", "市道路运输局到2035年涉及哪些指标？", D, {"unit": "市道路运输局", "year": 2035}),
    ("uty-n1", "unit_targets_by_year", "市交通委2024年底前有哪些指标到期？", D,
     {"none": "nothing in the plan is due before 2025", "unit": "市交通委", "year": 2024}),
    ("uty-n2", "unit_targets_by_year", "市委组织部到2030年要完成哪些指标？", D,
     {"none": "its tasks (2.9.4, 5.3) have no targets", "unit": "市委组织部", "year": 2030}),

    # ------------------------------------------------------------------ target_value
    ("tv01", "target_value", "到2025年光伏装机要达到多少？", D, {"target_id": "T014"}),
    ("tv02", "target_value", "2030年风电装机容量力争达到多少千瓦？", D, {"target_id": "T017"}),
    ("tv03", "target_value", "“十四五”末非化石能源消费比重目标是多少？", D, {"target_id": "T004"}),
    ("tv04", "target_value", "单位GDP能耗比2020年下降多少？", D, {"target_id": "T003"}),
    ("tv05", "target_value", "燃料电池汽车应用总量要突破多少辆？", D, {"target_id": "T055"}),
    ("tv07", "target_value", "2030年全市森林覆盖率的目标是多少？", D, {"target_id": "T105"}),
    ("tv08", "target_value", "中心城绿色交通出行比例到2035年要达到多少？", D, {"target_id": "T077"}),
    ("tv10", "target_value", "废钢比要提升到多少？", D, {"target_id": "T036"}),
    ("tv12", "target_value", "新建数据中心PUE上限是多少？", D, {"target_id": "T032"}),
    ("tv14", "target_value", "千座公园计划到2025年新增公园多少座？", D, {"target_id": "T098"}),
    ("tv-n1", "target_value", "核电装机容量目标是多少？", D,
     {"none": "核电 is named only as an export product (3.1), never given a target"}),
    ("tv-n2", "target_value", "到2025年单位生产总值二氧化碳排放要下降多少？", D,
     {"none": "T005 only says 确保完成国家下达指标; the plan gives no number"}),

    # ------------------------------------------------------------------ deadline
    ("dl01", "deadline", "上海什么时候实现碳达峰？", D, {"target_id": "T012"}),
    ("dl02", "deadline", "全市新建民用建筑哪年全面执行超低能耗建筑标准？", D, {"target_id": "T043"}),
    ("dl03", "deadline", "港口泊位岸电设备全覆盖的时间节点是？", D, {"target_id": "T069"}),
    ("dl04", "deadline", "小客车纯电动车辆占比超过40%是哪一年的目标？", D, {"target_id": "T059"}),
    ("dl05", "deadline", "机场场内车辆装备全面电动化什么时候实现？", D, {"target_id": "T074"}),
    ("dl-n1", "deadline", "3到5个循环利用产业基地什么时候建成？", D,
     {"none": "T081 has no time at all", "target_id": "T081"}),
    ("dl-n2", "deadline", "污水厂污泥零填埋要在哪年实现？", D,
     {"none": "T092 has no time of its own", "target_id": "T092"}),

    # ------------------------------------------------------------------ overdue
    ("od01", "overdue", "截至2026年1月1日，哪些指标逾期未完成？", "2026-01-01", {"scope": "all"}),
    ("od02", "overdue", "市交通委名下有哪些指标已经逾期？", D, {"scope": "unit", "unit": "市交通委"}),
    ("od03", "overdue", "碳汇能力巩固提升行动里哪些指标到期没完成？", "2031-01-01", {"scope": "section", "section": "2.8"}),
    ("od04", "overdue", "主要目标中有哪些已经逾期？", "2026-06-01", {"scope": "section", "section": "1"}),
    ("od05", "overdue", "绿化市容局目前有逾期的指标吗？", "2026-03-01", {"scope": "unit", "unit": "市绿化市容局"}),
    ("od-n1", "overdue", "现在有没有已经逾期的指标？", "2025-06-30",
     {"none": "nothing is due before 2025-12-31", "scope": "all"}),

    # ------------------------------------------------------------------ count
    ("ct01", "count", "重点任务包括几大行动？", D, {"of": "subsections", "section": "2"}),
    ("ct02", "count", "方案总共有多少项任务？", D, {"of": "all_tasks"}),
    ("ct03", "count", "政策保障一共几条？", D, {"of": "section_tasks", "section": "4"}),
    ("ct04", "count", "市科委牵头几项任务？", D, {"of": "unit_tasks", "unit": "市科委", "lead_only": True}),
    ("ct06", "count", "“大力发展非化石能源”有几个责任单位？", D, {"of": "task_units", "task": "2.1.1"}),

    # ------------------------------------------------------------------ section_tasks
    ("st01", "section_tasks", "交通领域绿色低碳行动有哪些任务？", D, {"section": "2.5"}),
    ("st02", "section_tasks", "第二部分第六节讲了哪些任务？", D, {"section": "2.6"}),
    ("st03", "section_tasks", "碳汇能力巩固提升行动包括哪几项？", D, {"section": "2.8"}),
    ("st04", "section_tasks", "国际国内合作部分有哪些内容？", D, {"section": "3"}),
    ("st05", "section_tasks", "二（三）下面有哪些具体任务？", D, {"section": "2.3"}),
    ("st-n1", "section_tasks", "方案第六部分有哪些任务？", D, {"none": "the plan has five parts", "absent": ["六、"]}),

    # ------------------------------------------------------------------ lead_unit
    ("lu01", "lead_unit", "千座公园计划由谁牵头？", D, {"task": "2.8.1"}),
    ("lu02", "lead_unit", "绿色金融这块哪个部门牵头？", D, {"task": "4.4"}),
    ("lu03", "lead_unit", "领导干部培训的牵头单位是哪个？", D, {"task": "2.9.4"}),
    ("lu04", "lead_unit", "增强海洋系统固碳能力谁牵头", D, {"task": "2.8.3"}),
    ("lu05", "lead_unit", "完善经济政策由哪个部门牵头？", D, {"task": "4.3"}),
    ("lu-n1", "lead_unit", "地铁票价调整由哪个部门牵头？", D, {"none": "topic never mentioned", "absent": ["票价", "地铁"]}),

    # ------------------------------------------------------------------ co_responsible
    ("cr01", "co_responsible", "推动石化化工行业碳达峰，经信委之外还有哪些单位？", D, {"task": "2.3.3", "unit": "市经济信息化委"}),
    ("cr02", "co_responsible", "严格控制煤炭消费，除了市发改委还有哪些部门参与？", D, {"task": "2.1.2", "unit": "市发展改革委"}),
    ("cr04", "co_responsible", "“一岛一企”试点示范，发改委的配合单位有哪些？", D, {"task": "2.10.2", "unit": "市发展改革委"}),

    # ------------------------------------------------------------------ open
    ("op01", "open", "方案对数据中心有什么节能要求？", D, {"task_ids": ["2.2.4"]}),
    ("op02", "open", "碳排放权交易市场建设怎么推进？", D, {"task_ids": ["4.5"]}),
    ("op03", "open", "绿色金融方面有哪些支持措施？", D, {"task_ids": ["4.4"]}),
    ("op04", "open", "海洋碳汇要做哪些工作？", D, {"task_ids": ["2.8.3"]}),
    ("op-n1", "open", "方案对新冠疫情防控有什么安排？", D, {"none": "topic never mentioned", "absent": ["疫情", "新冠"]}),
]
