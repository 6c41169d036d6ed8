"""Task tables (extract.tables): plans that list their tasks as table rows — 序号 | 重点任务 | 牵头单位 | 配合单位 |
完成时限 — in .docx and .html, read through the real loaders. Rows become tasks numbered by their 序号 cell under the
section the table stands in, with units from the unit columns, deadlines from the time column, and targets from the
content cells only."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extract import extract_file, extract_text
from extract.shadow import shadow
from extract.tables import find_task_rows


def _docx(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]], before: tuple[str, ...] = (),
          after: tuple[str, ...] = ()) -> Path:
    d = docx.Document()
    for line in ("某某区2023年节能降碳重点工作安排",) + before:
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=len(header))
    for c, h in zip(t.rows[0].cells, header):
        c.text = h
    for r in rows:
        for c, v in zip(t.add_row().cells, r):
            c.text = v
    for line in after:
        d.add_paragraph(line)
    d.save(str(path))
    return path


ROWS = [("1", "推进分布式光伏建设，新增光伏装机2万千瓦", "区发展改革委", "区经委、各街镇", "2023年12月底"),
        ("2", "推动公共领域车辆电动化，新建公共充电桩500个", "区交通委", "区供电公司", "2023年9月底"),
        ("3", "开展重点用能单位节能诊断", "区经委", "", "2023年6月底")]
HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")


@pytest.fixture
def table_plan(tmp_path: Path):
    path = _docx(tmp_path / "plan.docx", HEADER, ROWS,
                 before=("一、工作目标", "到2023年底，全区单位生产总值能耗比2022年下降3%。", "二、重点任务"),
                 after=("三、保障措施", "（一）加强组织领导。各单位要落实责任。"))
    return extract_file(path)


def test_rows_become_tasks_numbered_by_their_cell_under_the_section(table_plan):
    assert [(t.id, t.section, t.title) for t in table_plan.tasks][:3] == [
        ("2.1", "2", "推进分布式光伏建设，新增光伏装机2万千瓦"),
        ("2.2", "2", "推动公共领域车辆电动化，新建公共充电桩500个"),
        ("2.3", "2", "开展重点用能单位节能诊断"),
    ]
    assert "3.1" in {t.id for t in table_plan.tasks}  # numbering after the table goes on as before
    for t in table_plan.tasks:
        assert table_plan.text[t.span[0]:t.span[1]] == t.text and "\n" not in t.text


def test_lead_and_support_columns_give_roles(table_plan):
    units = {t.id: [(u.name, u.role, u.collective) for u in t.units] for t in table_plan.tasks}
    assert units["2.1"] == [("区发展改革委", "lead", False), ("区经委", "support", False), ("各街镇", "support", True)]
    assert units["2.2"] == [("区交通委", "lead", False), ("区供电公司", "support", False)]
    assert units["2.3"] == [("区经委", "lead", False)]
    for t in table_plan.tasks:
        for u in t.units:
            assert table_plan.text[u.span[0]:u.span[1]] == u.name


def test_the_time_column_dates_the_row_and_its_amounts(table_plan):
    tasks = {t.id: t for t in table_plan.tasks}
    assert (tasks["2.1"].deadline, tasks["2.2"].deadline, tasks["2.3"].deadline) == \
        ("2023-12-31", "2023-09-30", "2023-06-30")
    targets = {g.task: [] for g in table_plan.targets}
    for g in table_plan.targets:
        targets[g.task].append(g)
    pv = targets["2.1"][0]
    assert (pv.value, pv.unit, pv.deadline, pv.quote) == (2, "万千瓦", "2023-12-31", "新增光伏装机2万千瓦")
    assert [(g.value, g.unit, g.deadline, g.kind) for g in targets["2.2"]] == [(500, "个", "2023-09-30", "quantitative")]
    (audit,) = targets["2.3"]  # no amount: the row itself is the commitment, due when the row says
    assert (audit.kind, audit.quote, audit.deadline) == ("milestone", "开展重点用能单位节能诊断", "2023-06-30")
    for g in table_plan.targets:
        assert table_plan.text[g.span[0]:g.span[1]] == g.quote
        assert "\t" not in g.quote  # never across cells


def test_a_plain_responsibility_column_lets_the_first_listed_lead(tmp_path: Path):
    rec = extract_file(_docx(tmp_path / "p.docx", ("序号", "工作内容", "责任单位", "时间节点"),
                             [("1", "完成老旧小区改造20个", "区住房城乡建设委、各街道", "2023年底前")],
                             before=("一、重点工作",)))
    (task,) = rec.tasks
    assert task.id == "1.1" and [(u.name, u.role) for u in task.units] == [("区住房城乡建设委", "lead"), ("各街道", "support")]
    assert [(g.value, g.deadline) for g in rec.targets if g.task == "1.1"] == [(20, "2023-12-31")]


def test_category_rows_open_a_level(tmp_path: Path):
    rows = [("一、能源领域", "", "", ""), ("1", "新增光伏装机1万千瓦", "区发展改革委", "2025年"),
            ("2", "建成加氢站2座", "区经委", "2024年"), ("二、交通领域", "", "", ""),
            ("1", "新增新能源公交车100辆", "区交通委", "2025年")]
    rec = extract_file(_docx(tmp_path / "p.docx", ("序号", "重点任务", "责任单位", "完成时限"), rows,
                             before=("二、重点任务清单",)))
    assert [(s.id, s.title) for s in rec.sections] == [("2", "重点任务清单"), ("2.1", "能源领域"), ("2.2", "交通领域")]
    assert [(t.id, t.section) for t in rec.tasks] == [("2.1.1", "2.1"), ("2.1.2", "2.1"), ("2.2.1", "2.2")]


def test_html_tables_read_the_same(tmp_path: Path):
    cells = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in r)}</tr>" for r in ROWS)
    html = (f"<html><head><meta charset='utf-8'></head><body><p>某某区重点工作安排</p><p>一、重点任务</p><table>"
            f"<tr>{''.join(f'<th>{h}</th>' for h in HEADER)}</tr>{cells}</table></body></html>")
    path = tmp_path / "plan.html"
    path.write_text(html, encoding="utf-8")
    rec = extract_file(path)
    assert [t.id for t in rec.tasks] == ["1.1", "1.2", "1.3"]
    assert [u.name for u in rec.tasks[0].units] == ["区发展改革委", "区经委", "各街镇"]


@pytest.mark.parametrize("header", [
    "序号\t指标名称\t单位\t2020年\t2025年\t属性",  # an indicator table: `单位` is a unit of measure
    "地区\t2020年装机\t2025年装机",
])
def test_tables_that_are_not_task_lists_are_left_alone(header: str):
    text = f"一、主要指标\n{header}\n1\t可再生能源装机\t万千瓦\t100\t200\t预期性\n"
    assert find_task_rows(text, shadow(text)) == []
    rec = extract_text(text)
    assert [t.id for t in rec.tasks] == ["1"]
