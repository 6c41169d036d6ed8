"""Hand-written evaluation questions over 安徽省“十四五”节能减排实施方案 (/work/shared/corpus/pdf/485.pdf, ABBYY PDF).

Same format and conventions as qa_jiading_src.py: (id, type, question, as_of, params); `check_qa.py --src
qa_anhui_src.py --write` derives `expected` from tests/gold/anhui_485.json and writes qa_anhui.json. Questions use the
aliases a 省直 official writes (`省发改委`, `省经信厅`, `省住建厅`, `住建厅`, `国考断面`, `单位GDP能耗`); params name the
gold's unit as written (`省发展改革委`, `省经济和信息化厅`, `省住房城乡建设厅`).

The plan's annotations are `（责任单位：A，配合单位：B、C等）`, several per task: `牵头`/`负责` questions ask for the
责任单位 (the gold's lead_units), and `配合单位` questions are co_responsible questions on tasks with one annotation.
Targets are annotated for 二 and every task of 三 only (the gold's targets_annotated_tasks); 四 and 五 carry no dated
number except the recurring `每年4月底前` report of 5.1, which no question touches.

Left out as debatable: unit target/overdue questions for a unit named in only some annotations of a task (省交通运输厅
in 3.4, 省自然资源厅 in 3.13, 省住建厅 with 3.13's 危废 target: the gold's explicit matching gives the unit every target
of the task), and `各市人民政府` (written once, in 3.1, with the note `以下均需各市人民政府落实，不再列出`: either 3.1 only or
every task could be right).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOC = "anhui-energy-saving-2021-2025"
GOLD = os.path.join(ROOT, "tests", "gold", "anhui_485.json")
SOURCE = "/work/shared/corpus/pdf/485.pdf"
GOLD_REL, SOURCE_REL = "tests/gold/anhui_485.json", "/work/shared/corpus/pdf/485.pdf"
OUT = "qa_anhui.json"
MIN_ANSWERABLE = {"unit_tasks": 5, "unit_targets_by_year": 3, "target_value": 6, "deadline": 3, "overdue": 3,
                  "count": 3, "section_tasks": 3, "lead_unit": 3, "co_responsible": 3, "open": 2}
MIN_TOTAL, MIN_NONE = 40, 6

D = "2026-11-23"

QUESTIONS = [
    # ------------------------------------------------------------------ unit_tasks
    ("ut01", "unit_tasks", "省发改委牵头哪些任务？", D, {"unit": "省发展改革委", "lead_only": True}),
    ("ut02", "unit_tasks", "省能源局作为责任单位负责哪些任务？", D, {"unit": "省能源局", "lead_only": True}),
    ("ut03", "unit_tasks", "省水利厅要配合哪些工作？", D, {"unit": "省水利厅"}),
    ("ut04", "unit_tasks", "人行合肥中心支行有啥任务", D, {"unit": "人行合肥中心支行"}),
    ("ut05", "unit_tasks", "省管局在节能减排方案里要干哪些事", D, {"unit": "省管局"}),
    ("ut06", "unit_tasks", "省经信厅牵头负责哪些工程和任务？", D, {"unit": "省经济和信息化厅", "lead_only": True}),
    ("ut07", "unit_tasks", "公安厅参与了哪些任务？", D, {"unit": "省公安厅"}),
    ("ut-n1", "unit_tasks", "省教育厅负责哪些任务？", D,
     {"none": "unit not in the plan", "unit": "省教育厅", "absent": ["教育厅"]}),

    # ------------------------------------------------------------------ unit_targets_by_year
    ("uty01", "unit_targets_by_year", "省管局2022年底前要完成哪些指标？", D, {"unit": "省管局", "year": 2022}),
    ("uty02", "unit_targets_by_year", "省管局“十四五”末要完成哪些指标？", D, {"unit": "省管局", "year": 2025}),
    ("uty03", "unit_targets_by_year", "省能源局到2025年要完成哪些目标？", D, {"unit": "省能源局", "year": 2025}),
    ("uty04", "unit_targets_by_year", "省数据资源局到2025年涉及哪些指标？", D, {"unit": "省数据资源局", "year": 2025}),
    ("uty-n1", "unit_targets_by_year", "省能源局2024年底前有哪些指标到期？", D,
     {"none": "its targets are all due 2025-12-31", "unit": "省能源局", "year": 2024}),
    ("uty-n2", "unit_targets_by_year", "省科技厅到2025年要完成哪些指标？", D,
     {"none": "its task (3.10) has no targets", "unit": "省科技厅", "year": 2025}),

    # ------------------------------------------------------------------ target_value
    ("tv01", "target_value", "到2025年单位GDP能耗要比2020年下降多少？", D, {"target_id": "T001"}),
    ("tv02", "target_value", "非化石能源消费比重到2025年要达到多少？", D, {"target_id": "T034"}),
    ("tv03", "target_value", "火电平均供电煤耗要降到多少？", D, {"target_id": "T032"}),
    ("tv04", "target_value", "农村生活污水治理率的目标是多少？", D, {"target_id": "T019"}),
    ("tv05", "target_value", "新增污水处理能力是多少？", D, {"target_id": "T043"}),
    ("tv06", "target_value", "危险废物集中处置能力要达到多少？", D, {"target_id": "T046"}),
    ("tv07", "target_value", "国考断面水质优良比例要达到多少？", D, {"target_id": "T036"}),
    ("tv08", "target_value", "氨氮重点工程减排量累计要达到多少？", D, {"target_id": "T004"}),
    ("tv-n1", "target_value", "到2025年单位GDP二氧化碳排放要下降多少？", D,
     {"none": "the plan sets no carbon-intensity number", "absent": ["二氧化碳"]}),
    ("tv-n2", "target_value", "全省森林覆盖率目标是多少？", D,
     {"none": "not in this plan", "absent": ["森林覆盖率"]}),

    # ------------------------------------------------------------------ deadline
    ("dl01", "deadline", "城市原生生活垃圾零填埋什么时候实现？", D, {"target_id": "T045"}),
    ("dl02", "deadline", "95%的省级党政机关达到节约型机关创建标准是哪年的目标？", D, {"target_id": "T028"}),
    ("dl03", "deadline", "散煤基本清零的时间节点是？", D, {"target_id": "T033"}),
    ("dl04", "deadline", "公共机构实施150个以上合同能源管理项目要在哪年完成？", D, {"target_id": "T031"}),
    ("dl-n1", "deadline", "轻型车和重型车国六B排放标准什么时候全面实施？", D,
     {"none": "a standing rule with no time of its own (tolerated extra, not a target)"}),

    # ------------------------------------------------------------------ overdue
    ("od01", "overdue", "截至2026年1月1日，哪些指标逾期未完成？", "2026-01-01", {"scope": "all"}),
    ("od02", "overdue", "截至2023年3月1日，有哪些指标已经逾期？", "2023-03-01", {"scope": "all"}),
    ("od03", "overdue", "节能减排重点工程这部分哪些指标到期没完成？", "2024-01-01", {"scope": "section", "section": "3"}),
    ("od04", "overdue", "省管局目前有逾期的指标吗？", "2024-01-01", {"scope": "unit", "unit": "省管局"}),
    ("od-n1", "overdue", "现在有没有已经逾期的指标？", "2022-06-30",
     {"none": "nothing is due before 2022-12-31", "scope": "all"}),

    # ------------------------------------------------------------------ count
    ("ct01", "count", "方案一共有多少项任务？", D, {"of": "all_tasks"}),
    ("ct02", "count", "节能减排重点工程有几项？", D, {"of": "section_tasks", "section": "3"}),
    ("ct03", "count", "完善节能减排政策机制部分一共几条？", D, {"of": "section_tasks", "section": "4"}),
    ("ct04", "count", "环境基础设施补短板工程涉及几个单位？", D, {"of": "task_units", "task": "3.13"}),

    # ------------------------------------------------------------------ section_tasks
    ("st01", "section_tasks", "第四部分有哪些任务？", D, {"section": "4"}),
    ("st02", "section_tasks", "强化工作落实包括哪些内容？", D, {"section": "5"}),
    ("st03", "section_tasks", "实施节能减排重点工程有哪些？", D, {"section": "3"}),
    ("st-n1", "section_tasks", "方案第六部分有哪些任务？", D, {"none": "the plan has five parts", "absent": ["六、"]}),

    # ------------------------------------------------------------------ lead_unit
    ("lu01", "lead_unit", "可再生能源替代工程由谁牵头？", D, {"task": "3.8"}),
    ("lu02", "lead_unit", "科技创新与应用工程的责任单位是哪个？", D, {"task": "3.10"}),
    ("lu03", "lead_unit", "公共机构能效提升工程谁负责？", D, {"task": "3.6"}),
    ("lu04", "lead_unit", "加强统计监测基础能力建设由哪些部门负责？", D, {"task": "4.7"}),
    ("lu-n1", "lead_unit", "新能源汽车下乡活动由哪个部门牵头？", D, {"none": "topic never mentioned", "absent": ["下乡"]}),

    # ------------------------------------------------------------------ co_responsible
    ("cr01", "co_responsible", "城镇绿色节能改造工程，省住建厅的配合单位有哪些？", D,
     {"task": "3.3", "unit": "省住房城乡建设厅"}),
    ("cr02", "co_responsible", "可再生能源替代工程除了省能源局还有哪些配合单位？", D, {"task": "3.8", "unit": "省能源局"}),
    ("cr03", "co_responsible", "挥发性有机物综合整治工程，生态环境厅之外还有哪些单位参与？", D,
     {"task": "3.12", "unit": "省生态环境厅"}),
    ("cr04", "co_responsible", "坚决遏制“两高”项目盲目发展，发改委的配合单位有哪些？", D,
     {"task": "4.3", "unit": "省发展改革委"}),

    # ------------------------------------------------------------------ open
    ("op01", "open", "挥发性有机物治理有哪些措施？", D, {"task_ids": ["3.12"]}),
    ("op02", "open", "绿色金融方面有哪些支持政策？", D, {"task_ids": ["4.5"]}),
    ("op03", "open", "公共机构节能要做哪些工作？", D, {"task_ids": ["3.6"]}),
    ("op-n1", "open", "方案对新冠疫情防控有什么安排？", D, {"none": "topic never mentioned", "absent": ["疫情", "新冠"]}),
]
