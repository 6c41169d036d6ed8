"""Hand-written evaluation questions over 三明市关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知
(/work/shared/corpus/pdf/490.pdf, checklist style: `牵头单位：…` and `责任单位：…` on their own lines).

Same format and conventions as qa_jiading_src.py; `check_qa.py --src qa_sanming_src.py --write` derives `expected` from
tests/gold/sanming_490.json and writes qa_sanming.json. Questions use a 市 official's wording (`生态环境局`, `住建局`,
`沙县区`, `林业碳票`, `第三部分第二节`); params name the gold's unit (the gold expands the shared 市 of a 、-chain:
`市生态环境局、林业局` → 市林业局, see tests/gold/README.md).

Left out as debatable: co_responsible questions on tasks that list the collective `各县（市、区）人民政府`, and tasks of the
county governments (`各县（市、区）人民政府` is on 19 of 22 tasks; asked as itself it is an exact token match, which a
reader could expand to every county).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOC = "sanming-forest-carbon-2022"
GOLD = os.path.join(ROOT, "tests", "gold", "sanming_490.json")
SOURCE = "/work/shared/corpus/pdf/490.pdf"
GOLD_REL, SOURCE_REL = "tests/gold/sanming_490.json", "/work/shared/corpus/pdf/490.pdf"
OUT = "qa_sanming.json"
MIN_ANSWERABLE = {"unit_tasks": 5, "unit_targets_by_year": 3, "target_value": 6, "deadline": 3, "overdue": 3,
                  "count": 3, "section_tasks": 3, "lead_unit": 3, "co_responsible": 3, "open": 2}
MIN_TOTAL, MIN_NONE = 40, 6

D = "2026-11-23"

QUESTIONS = [
    # ------------------------------------------------------------------ unit_tasks
    ("ut01", "unit_tasks", "市林业局牵头哪些任务？", D, {"unit": "市林业局", "lead_only": True}),
    ("ut02", "unit_tasks", "生态环境局负责哪些工作？", D, {"unit": "市生态环境局"}),
    ("ut03", "unit_tasks", "市金融监管局要干啥", D, {"unit": "市金融监管局"}),
    ("ut04", "unit_tasks", "市委文明办参与哪些任务？", D, {"unit": "市委文明办"}),
    ("ut05", "unit_tasks", "住建局牵头的任务有哪些？", D, {"unit": "市住建局", "lead_only": True}),
    ("ut06", "unit_tasks", "市检察院在通知里负责什么？", D, {"unit": "市检察院"}),
    ("ut07", "unit_tasks", "沙县区有哪些任务？", D, {"unit": "沙县区人民政府"}),
    ("ut08", "unit_tasks", "市科协承担什么工作？", D, {"unit": "市科协"}),
    ("ut-n1", "unit_tasks", "市教育局负责哪些任务？", D,
     {"none": "unit not in the plan", "unit": "市教育局", "absent": ["教育"]}),

    # ------------------------------------------------------------------ unit_targets_by_year
    ("uty01", "unit_targets_by_year", "市林业局到2025年要完成哪些指标？", D, {"unit": "市林业局", "year": 2025}),
    ("uty02", "unit_targets_by_year", "生态环境局“十四五”末要完成哪些指标？", D, {"unit": "市生态环境局", "year": 2025}),
    ("uty03", "unit_targets_by_year", "市发改委到2025年要完成哪些目标？", D, {"unit": "市发改委", "year": 2025}),
    ("uty-n1", "unit_targets_by_year", "市林业局2024年底前有哪些指标到期？", D,
     {"none": "every target is due 2025-12-31", "unit": "市林业局", "year": 2024}),
    ("uty-n2", "unit_targets_by_year", "市法院到2025年要完成哪些指标？", D,
     {"none": "its task (3.5.2) has no targets", "unit": "市法院", "year": 2025}),

    # ------------------------------------------------------------------ target_value
    ("tv01", "target_value", "到2025年全市森林覆盖率要保持在多少？", D, {"target_id": "T004"}),
    ("tv02", "target_value", "森林蓄积量目标是多少？", D, {"target_id": "T005"}),
    ("tv03", "target_value", "“十四五”期间要完成植树造林多少亩？", D, {"target_id": "T006"}),
    ("tv04", "target_value", "森林抚育任务是多少？", D, {"target_id": "T007"}),
    ("tv05", "target_value", "松林改造提升要完成多少万亩？", D, {"target_id": "T010"}),
    ("tv06", "target_value", "林业碳票交易量要达到多少？", D, {"target_id": "T013"}),
    ("tv07", "target_value", "到2025年累计策划多少个林业碳汇项目？", D, {"target_id": "T011"}),
    ("tv08", "target_value", "碳汇林要建设多少？", D, {"target_id": "T001"}),
    ("tv-n1", "target_value", "湿地保护率目标是多少？", D, {"none": "not in the plan", "absent": ["湿地保护率"]}),

    # ------------------------------------------------------------------ deadline
    ("dl01", "deadline", "交易林业碳汇碳减排量累计150万吨是哪年的目标？", D, {"target_id": "T012"}),
    ("dl02", "deadline", "建设国家储备林100万亩什么时候完成？", D, {"target_id": "T002"}),
    ("dl03", "deadline", "松林改造提升120万亩要在什么时候完成？", D, {"target_id": "T010"}),
    ("dl-n1", "deadline", "《三明市林业碳票管理办法》什么时候修订完成？", D,
     {"none": "3.4.1 gives no time (the notice's validity date is not a deadline)"}),

    # ------------------------------------------------------------------ overdue
    ("od01", "overdue", "截至2026年1月1日，哪些指标逾期未完成？", "2026-01-01", {"scope": "all"}),
    ("od02", "overdue", "市林业局目前有逾期的指标吗？", "2026-03-01", {"scope": "unit", "unit": "市林业局"}),
    ("od03", "overdue", "建好森林碳库这部分哪些指标到期没完成？", "2026-02-01", {"scope": "section", "section": "3.1"}),
    ("od-n1", "overdue", "现在有没有已经逾期的指标？", "2024-06-30",
     {"none": "nothing is due before 2025-12-31", "scope": "all"}),

    # ------------------------------------------------------------------ count
    ("ct01", "count", "通知里总共有多少项任务（含保障机制）？", D, {"of": "all_tasks"}),
    ("ct02", "count", "主要任务分为几个方面？", D, {"of": "subsections", "section": "3"}),
    ("ct03", "count", "创建碳汇应用场景有几项？", D, {"of": "section_tasks", "section": "3.5"}),
    ("ct04", "count", "市林业局牵头几项任务？", D, {"of": "unit_tasks", "unit": "市林业局", "lead_only": True}),
    ("ct05", "count", "“碳汇+信用积分”有几个责任单位？", D, {"of": "task_units", "task": "3.5.5"}),

    # ------------------------------------------------------------------ section_tasks
    ("st01", "section_tasks", "创新林业碳票制度有哪些任务？", D, {"section": "3.4"}),
    ("st02", "section_tasks", "第三部分第二节讲了哪些任务？", D, {"section": "3.2"}),
    ("st03", "section_tasks", "保障机制包括哪些内容？", D, {"section": "4"}),
    ("st-n1", "section_tasks", "通知第五部分有哪些任务？", D, {"none": "the notice has four parts", "absent": ["五、"]}),

    # ------------------------------------------------------------------ lead_unit
    ("lu01", "lead_unit", "“碳汇+金融”由谁牵头？", D, {"task": "3.5.4"}),
    ("lu02", "lead_unit", "碳汇+生态司法谁牵头", D, {"task": "3.5.2"}),
    ("lu03", "lead_unit", "打造区域林业综合交易中心的牵头单位是哪个？", D, {"task": "3.3.1"}),
    ("lu04", "lead_unit", "林业碳汇交易由哪些部门牵头？", D, {"task": "3.3.2"}),
    ("lu05", "lead_unit", "工作组织领导机制由哪个单位负责？", D, {"task": "4.1"}),
    ("lu-n1", "lead_unit", "海洋碳汇项目开发由谁牵头？", D, {"none": "topic never mentioned", "absent": ["海洋"]}),

    # ------------------------------------------------------------------ co_responsible
    ("cr01", "co_responsible", "升级碳票计量方法，林业局之外还有哪些单位？", D, {"task": "3.4.2", "unit": "市林业局"}),
    ("cr02", "co_responsible", "碳汇研究合作机制的责任单位除了市林业局还有谁？", D, {"task": "4.2", "unit": "市林业局"}),
    ("cr03", "co_responsible", "打造区域林业综合交易中心，市林业局的配合单位有哪些？", D, {"task": "3.3.1", "unit": "市林业局"}),

    # ------------------------------------------------------------------ open
    ("op01", "open", "林业碳票有哪些工作安排？", D, {"task_ids": ["3.4.1", "3.4.2"]}),
    ("op02", "open", "义务植树方面怎么创新？", D, {"task_ids": ["3.5.3"]}),
    ("op03", "open", "碳汇人才培养方面有什么安排？", D, {"task_ids": ["4.3"]}),
    ("op-n1", "open", "通知对新冠疫情防控有什么安排？", D, {"none": "topic never mentioned", "absent": ["疫情", "新冠"]}),
]
