"""Responsibility annotations that name roles by verbs instead of labels (extract.units.role_runs).

Plans in the bulk corpus close a task with `（A牵头，B、C配合）`, `（A、B牵头，C等按职责分工负责）`, `（A负责）`, or
write the verb inside a labelled list, `（责任单位：A牵头，B等按职责分工负责）`. The verb says the role; it is never
part of a unit's name. Brackets of running text that merely end in such a verb stay text.
"""
from __future__ import annotations

import pytest

from extract import extract_text

PLAN = "某省实施方案\n一、重点任务\n（一）推动绿色转型\n1．推进试点建设。加快建设一批示范项目。{}\n2．加强宣传。开展宣传活动。\n"


def _units(annotation: str) -> list[tuple[str, str, bool]]:
    task = extract_text(PLAN.format(annotation), doc_id="roles").tasks[0]
    if task.units:  # unit_text is the exact text of the list, as every span must be
        assert task.unit_text and task.unit_text in annotation
    return [(u.name, u.role, u.collective) for u in task.units]


# phrasing as written in bulk files 132, 214, 419, 420, 475, 518, 559, 575 (wraps kept where the PDF put them)
CASES: dict[str, list[tuple[str, str, bool]]] = {
    "（国家发展改革委牵头，工业和信息化部、生态环境部、住房和城乡建设部等部门按职责分工负责）": [
        ("国家发展改革委", "lead", False), ("工业和信息化部", "support", False), ("生态环境部", "support", False),
        ("住房和城乡建设部", "support", False), ("部门", "support", True)],
    "（市交通运输委、市发\n展改革委牵头，市工业和信息化局、市公安交管局等按职\n责分工负责）": [
        ("市交通运输委", "lead", False), ("市发展改革委", "lead", False), ("市工业和信息化局", "support", False),
        ("市公安交管局", "support", False)],
    "（省生态环境厅牵头，工业和信息化厅参与）": [("省生态环境厅", "lead", False), ("工业和信息化厅", "support", False)],
    "（市住房城乡建设局牵头，各区人民政府，市发展改革局、市场监管局、农业农村局配合）": [
        ("市住房城乡建设局", "lead", False), ("各区人民政府", "support", True), ("市发展改革局", "support", False),
        ("市场监管局", "support", False), ("农业农村局", "support", False)],
    "（珠三角各地级以上市政府牵头，省发展改革委、生态环境厅，人民银行广州分行、广东银保监局，深圳证券交易所配合）": [
        ("珠三角各地级以上市政府", "lead", False), ("省发展改革委", "support", False), ("生态环境厅", "support", False),
        ("人民银行广州分行", "support", False), ("广东银保监局", "support", False),
        ("深圳证券交易所", "support", False)],
    "（市住房城乡建设局、\n自然资源局分别牵头，各区人民政府、市发展改革局配合）": [
        ("市住房城乡建设局", "lead", False), ("自然资源局", "lead", False), ("各区人民政府", "support", True),
        ("市发展改革局", "support", False)],
    "（省生态环境厅、省住房城乡建设厅牵头）": [("省生态环境厅", "lead", False), ("省住房城乡建设厅", "lead", False)],
    "（省商务厅牵头负责）": [("省商务厅", "lead", False)],
    "（省生态环境厅牵头、农业农村厅、自然资源厅等按职责分\n工负责）": [
        ("省生态环境厅", "lead", False), ("农业农村厅", "support", False), ("自然资源厅", "support", False)],
    "（国家林草局负责）": [("国家林草局", "lead", False)],
    "（自然资源部、国家林草局负责）": [("自然资源部", "lead", False), ("国家林草局", "support", False)],
    # no lead named: the first listed leads, as for a 责任单位 list
    "（市工业和信息化局、市发展改革委等按职责分工负责，各区人民政府负责落实。以下均需各区人民政府落实，不再列出）": [
        ("市工业和信息化局", "lead", False), ("市发展改革委", "support", False), ("各区人民政府", "support", True)],
    "（市发展改革委、市经济信息委、市能源局按职能分工负责，下同）": [
        ("市发展改革委", "lead", False), ("市经济信息委", "support", False), ("市能源局", "support", False)],
    # the verb inside a labelled list (bulk 419): `生态环境厅牵头` is 生态环境厅, leading
    "（责任单位：生态环境厅牵头，省发展和改革委员会、民政厅、省乡村振兴局等按职责分工负责。各项工作均需市（州）人民政府"
    "组织，县（市、区）人民政府落实，以下不再列出）": [
        ("生态环境厅", "lead", False), ("省发展和改革委员会", "support", False), ("民政厅", "support", False),
        ("省乡村振兴局", "support", False)],
    "（责任单位：生态环\n境厅牵头，水利厅、农业农村厅、省林草局等按职责\n分工负责）": [
        ("生态环境厅", "lead", False), ("水利厅", "support", False), ("农业农村厅", "support", False),
        ("省林草局", "support", False)],
    "（责任单位：市工业和信息化局、市农业农村局，各县区政府、辽源高新区管委会按职责分工负责）": [
        ("市工业和信息化局", "lead", False), ("市农业农村局", "support", False), ("各县区政府", "support", True),
        ("辽源高新区管委会", "support", False)],
}


@pytest.mark.parametrize("annotation", list(CASES), ids=[a[1:12] for a in CASES])
def test_role_verbs_give_units_with_their_roles(annotation: str) -> None:
    assert _units(annotation) == CASES[annotation]


@pytest.mark.parametrize("text", [
    "（对所报数据和信息的真实性、完整性负责）",  # a duty, not an assignment
    "（由企业牵头）",  # no named unit
    "（由龙头企业牵头）",
    "（“揭榜挂帅”项目负责人及企业承担单位除外）",
    "（鼓励龙头企业参与）",
    "领导小组日常工作由省地方金融监管局负责。",  # prose outside an annotation is never read for units
])
def test_running_text_that_ends_in_a_role_verb_gives_no_units(text: str) -> None:
    assert _units(text) == []


def test_a_label_list_without_verbs_is_read_as_before() -> None:
    assert _units("（责任单位：区发展改革委、区经委等相关职能部门，各街镇）") == [
        ("区发展改革委", "lead", False), ("区经委", "support", False), ("相关职能部门", "support", True),
        ("各街镇", "support", True)]


@pytest.mark.parametrize("annotation, lead", [
    ("（责任单位：各区、市发展改革委）", "各区"),  # shanghai_2022 gold 2.10.1
    ("（责任单位：各区人民政府、市生态环境局、市发展改革委）", "各区人民政府"),
    ("（各省辖市政府、济源示范区管委会、各省直管县〔市〕政府，省发展改革委、生态环境厅等按职责分工负责）", "各省辖市政府"),
    ("（责任单位：区发展改革委、区经委等相关职能部门，各街镇）", "区发展改革委"),  # Jiading 3.1.1
    ("（牵头单位：市发展改革委；责任单位：各区政府、市经信局）", "市发展改革委"),
])
def test_where_no_lead_is_marked_the_first_listed_leads_even_a_collective(annotation: str, lead: str) -> None:
    """Contract: `lead` is the unit the document marks (牵头), "or the first listed where the document does not
    distinguish" — a collective token included; only one unit leads then."""
    units = _units(annotation)
    assert [n for n, role, _ in units if role == "lead"] == [lead]


def test_lead_and_responsible_lines_are_one_assignment() -> None:
    """Checklist style (Sanming, pdf 490): `牵头单位：A` and `责任单位：B、C` on lines of their own under a task are one
    assignment — A leads, the 责任单位 list supports (its first unit does not lead a part of its own)."""
    text = ("某市林业碳汇实施方案\n三、重点任务\n（一）项目开发机制\n1.加强林业碳汇计量评估。开展碳汇计量评估监测。\n"
            "牵头单位：市林业局\n责任单位：市发改委、生态环境局、自然资源局，各县（市、区）人民政府\n"
            "2.创新林业碳汇方法学。探索开发新的方法学。\n牵头单位：市生态环境局、市林业局\n责任单位：市发改委\n")
    r = extract_text(text, doc_id="checklist")
    assert [(u.name, u.role) for u in r.task("3.1.1").units] == [
        ("市林业局", "lead"), ("市发改委", "support"), ("生态环境局", "support"), ("自然资源局", "support"),
        ("各县（市、区）人民政府", "support")]
    assert [u.name for u in r.task("3.1.2").units if u.role == "lead"] == ["市生态环境局", "市林业局"]
