"""Hand-written evaluation questions over the Jiangsu annual plan (省生态环境厅2021年度推动碳达峰、碳中和工作计划,
corpus/jiangsu_eco_env_dept_carbon_workplan_2021.txt).

A different style from Jiading and Shanghai: a department's annual work plan whose responsible units are its own
divisions (`气候处`, `监测处`, `财审处` …), whose `（N）` items are numbered continuously across parts (task ids
`2.3` … `5.22`), and whose deadlines are months of 2021 (`完成期限：6 月底`). So the questions ask by month
(`6月底前`), with `as_of` dates inside 2021, and refer to items by their running number (`第（十一）项`).
`check_qa.py --src qa_jiangsu_src.py --write` derives `expected` from tests/gold/jiangsu_2021.json.

Left out as debatable (tests/gold/README.md, Jiangsu section):
* "牵头" questions on tasks with several annotations led by different divisions (2.8, 3.12, 4.14, 4.17, 5.20, 5.21):
  the document marks no lead, and the gold's "first unit of each annotation" is one reading among several.
* unit_targets / overdue for a unit named in only some annotations of a task (综合处, 环评处, 海洋处, 财审处, 人事处,
  国合中心, 自然处, 气候处): the gold gives a unit every target of its tasks (explicit task-level matching), while a
  reader could fairly give it only the sentences its own annotation covers. Only units for which both readings agree
  are asked (监测处, 大气处, 宣教中心, 监察处, 专员办, 省评估中心).
* `省环科院` vs `环科院` (4.16): kept as two names by the gold, plausibly one body.
* 省发展改革委 and other bodies named only in running text (`配合省发展改革委…`): not responsible units by the gold,
  but an official could expect the tasks that name them.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOC = "jiangsu-eco-env-dept-carbon-workplan-2021"
GOLD = os.path.join(ROOT, "tests", "gold", "jiangsu_2021.json")
SOURCE = os.path.join(ROOT, "corpus", "jiangsu_eco_env_dept_carbon_workplan_2021.txt")
GOLD_REL, SOURCE_REL = "tests/gold/jiangsu_2021.json", "corpus/jiangsu_eco_env_dept_carbon_workplan_2021.txt"
OUT = "qa_jiangsu.json"
MIN_ANSWERABLE = {"unit_tasks": 6, "unit_targets_by_year": 5, "target_value": 5, "deadline": 5, "overdue": 4,
                  "count": 4, "section_tasks": 4, "lead_unit": 4, "co_responsible": 3, "open": 3}
MIN_TOTAL, MIN_NONE = 40, 6

D = "2021-04-15"  # the plan is for 2021: "today" is inside its year

QUESTIONS = [
    # ------------------------------------------------------------------ unit_tasks
    ("ut01", "unit_tasks", "气候处负责哪些任务？", D, {"unit": "气候处"}),
    ("ut02", "unit_tasks", "大气处今年有哪些工作？", D, {"unit": "大气处"}),
    ("ut03", "unit_tasks", "监测处承担了哪几项任务", D, {"unit": "监测处"}),
    ("ut04", "unit_tasks", "省评估中心要参与哪些工作？", D, {"unit": "省评估中心"}),
    ("ut05", "unit_tasks", "财审处在这个计划里有什么任务？", D, {"unit": "财审处"}),
    ("ut06", "unit_tasks", "法规科技处负责哪些事项？", D, {"unit": "法规科技处"}),
    ("ut07", "unit_tasks", "宣教中心要干啥", D, {"unit": "宣教中心"}),
    ("ut08", "unit_tasks", "请列出人事处承担的全部任务。", D, {"unit": "人事处"}),
    ("ut-n1", "unit_tasks", "固体处负责哪些任务？", D, {"none": "unit not in the plan", "unit": "固体处",
                                                    "absent": ["固体"]}),
    ("ut-n2", "unit_tasks", "土壤处在计划里有哪些工作？", D, {"none": "unit not in the plan", "unit": "土壤处",
                                                     "absent": ["土壤"]}),

    # ------------------------------------------------------------------ unit_targets_by_year (by year end or by a date)
    ("uty01", "unit_targets_by_year", "监测处6月底前要完成哪些工作？", D, {"unit": "监测处", "by": "2021-06-30"}),
    ("uty02", "unit_targets_by_year", "大气处2021年要完成哪些指标？", D, {"unit": "大气处", "year": 2021}),
    ("uty03", "unit_targets_by_year", "宣教中心7月底之前需要完成什么？", D, {"unit": "宣教中心", "by": "2021-07-31"}),
    ("uty04", "unit_targets_by_year", "省评估中心到8月底要完成哪些任务？", D, {"unit": "省评估中心", "by": "2021-08-31"}),
    ("uty05", "unit_targets_by_year", "监察处今年要完成哪些目标任务？", D, {"unit": "监察处", "year": 2021}),
    ("uty06", "unit_targets_by_year", "监测处3月底前要完成什么？", "2021-02-01", {"unit": "监测处", "by": "2021-03-31"}),
    ("uty-n1", "unit_targets_by_year", "监察处6月底前有哪些任务要完成？", D,
     {"none": "its only dated work (5.18) is due 9 月底", "unit": "监察处", "by": "2021-06-30"}),
    ("uty-n2", "unit_targets_by_year", "专员办5月底前要完成什么？", D,
     {"none": "its only dated work (5.18) is due 9 月底", "unit": "专员办", "by": "2021-05-31"}),

    # ------------------------------------------------------------------ target_value
    ("tv01", "target_value", "2021年全省碳排放强度要下降多少？", D, {"target_id": "T004"}),
    ("tv02", "target_value", "今年风电装机要增加多少？", D, {"target_id": "T013"}),
    ("tv03", "target_value", "全省光伏新增装机目标是多少千瓦？", D, {"target_id": "T014"}),
    ("tv04", "target_value", "到年底自然湿地保护率不低于多少？", D, {"target_id": "T048"}),
    ("tv05", "target_value", "首个履约年份重点企业履约率要达到多少？", D, {"target_id": "T043"}),
    ("tv06", "target_value", "要推进多少个设区市城区基本建成“无散煤区”？", D, {"target_id": "T010"}),
    ("tv-n1", "target_value", "全省森林覆盖率要达到多少？", D, {"none": "indicator never given",
                                                          "absent": ["森林覆盖率"]}),
    ("tv-n2", "target_value", "海上风电装机容量目标是多少？", D,
     {"none": "海上风电 is named only as a 专项规划 (2.5); the 400 万千瓦 is all wind power"}),

    # ------------------------------------------------------------------ deadline
    ("dl01", "deadline", "《江苏省温室气体排放监测技术指南》什么时候制订完成？", D, {"target_id": "T029"}),
    ("dl02", "deadline", "华电句容电厂CCUS调研的完成期限是？", D, {"target_id": "T046"}),
    ("dl03", "deadline", "碳达峰碳中和投资基金要在什么时候之前推动设立？", D, {"target_id": "T053"}),
    ("dl04", "deadline", "组团参加COP26的工作期限是什么时候？", D, {"target_id": "T057"}),
    ("dl05", "deadline", "市县温室气体清单编制指南哪个月出台？", D, {"target_id": "T034"}),
    ("dl06", "deadline", "政务微信“走进碳中和、碳达峰”专栏什么时候开设？", D, {"target_id": "T062"}),
    ("dl-n1", "deadline", "江苏哪一年实现碳中和？", D, {"none": "no carbon-neutrality year is given",
                                                    "absent": ["2060"]}),

    # ------------------------------------------------------------------ overdue
    ("od01", "overdue", "截至2021年5月1日，哪些工作已经逾期？", "2021-05-01", {"scope": "all"}),
    ("od06", "overdue", "年底了，全计划还有哪些指标逾期？", "2022-01-05", {"scope": "all"}),
    ("od02", "overdue", "监测处有哪些任务超期了？", "2021-09-01", {"scope": "unit", "unit": "监测处"}),
    ("od03", "overdue", "第三部分监测统计考核体系有哪些逾期的？", "2021-06-01", {"scope": "section", "section": "3"}),
    ("od04", "overdue", "大气处目前有逾期未完成的吗？", "2022-01-01", {"scope": "unit", "unit": "大气处"}),
    ("od05", "overdue", "组织保障这部分哪些事项到期没完成？", "2021-12-01", {"scope": "section", "section": "5"}),
    ("od-n1", "overdue", "现在有没有已经逾期的任务？", "2021-03-15",
     {"none": "the first deadline is 3 月底", "scope": "all"}),

    # ------------------------------------------------------------------ count
    ("ct01", "count", "这个工作计划一共有多少项任务？", D, {"of": "all_tasks"}),
    ("ct02", "count", "推动重点领域碳达峰工作下有几项任务？", D, {"of": "section_tasks", "section": "2"}),
    ("ct03", "count", "气候处一共参与多少项任务？", D, {"of": "unit_tasks", "unit": "气候处"}),
    ("ct04", "count", "第五部分有几条？", D, {"of": "section_tasks", "section": "5"}),
    ("ct05", "count", "“提升全省生态系统碳汇能力”有几个责任部门？", D, {"of": "task_units", "task": "4.17"}),

    # ------------------------------------------------------------------ section_tasks
    ("st01", "section_tasks", "第三部分有哪些任务？", D, {"section": "3"}),
    ("st02", "section_tasks", "加强碳达峰工作组织保障包括哪些工作？", D, {"section": "5"}),
    ("st03", "section_tasks", "顶层设计方面有哪些任务？", D, {"section": "1"}),
    ("st04", "section_tasks", "四、法规政策技术研究部分有哪些任务？", D, {"section": "4"}),
    ("st05", "section_tasks", "重点领域碳达峰工作具体有哪些？", D, {"section": "2"}),
    ("st-n1", "section_tasks", "计划第六部分讲了什么任务？", D, {"none": "the plan has five parts", "absent": ["六、"]}),

    # ------------------------------------------------------------------ lead_unit (single-lead tasks only)
    ("lu01", "lead_unit", "碳排放权交易由哪个处牵头？", D, {"task": "4.15"}),
    ("lu02", "lead_unit", "第（十一）项温室气体排放监测谁牵头？", D, {"task": "3.11"}),
    ("lu03", "lead_unit", "碳达峰宣传工作的牵头部门是？", D, {"task": "5.22"}),
    ("lu04", "lead_unit", "减碳与大气污染防治协同推进由谁牵头？", D, {"task": "2.4"}),
    ("lu05", "lead_unit", "加大碳减排行动资金投入谁来牵头？", D, {"task": "5.19"}),
    ("lu-n1", "lead_unit", "核电项目审批由哪个处牵头？", D, {"none": "topic never mentioned", "absent": ["核电"]}),

    # ------------------------------------------------------------------ co_responsible
    ("cr01", "co_responsible", "温室气体排放监测，监测处要和谁一起负责？", D, {"task": "3.11", "unit": "监测处"}),
    ("cr02", "co_responsible", "碳排放与环评管理统筹融合试点，除了环评处还有哪些部门？", D, {"task": "2.3", "unit": "环评处"}),
    ("cr03", "co_responsible", "把减污降碳纳入督察体系，监察处的配合单位是？", D, {"task": "5.18", "unit": "监察处"}),
    ("cr04", "co_responsible", "大力推进可再生能源发展，气候处之外还有哪个处？", D, {"task": "2.5", "unit": "气候处"}),

    # ------------------------------------------------------------------ open
    ("op01", "open", "碳捕集利用方面有什么安排？", D, {"task_ids": ["4.16"]}),
    ("op02", "open", "温室气体清单编制怎么推进？", D, {"task_ids": ["3.12"]}),
    ("op03", "open", "“绿屋顶”要研究什么？", D, {"task_ids": ["2.6"]}),
    ("op04", "open", "低碳试点示范申报有哪些工作？", D, {"task_ids": ["2.8"]}),
    ("op-n1", "open", "地铁票价有什么调整安排？", D, {"none": "topic never mentioned", "absent": ["地铁", "票价"]}),
]
