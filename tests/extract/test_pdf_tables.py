"""Ruled tables in PDFs (extract.loaders.pdf_tables): a PDF printed by headless Chromium from HTML with a bordered
<table> must read like the same table in a .docx — one line per row, cells joined by TAB, merged cells as word.py
prints them — so extract.tables makes the same tasks of it. Borderless layouts and framed boxes must read exactly as
they did before tables were detected (the text flow), which is checked by loading them with detection switched off.

Needs /usr/bin/chromium and a CJK font (Debian chromium + fonts-noto-cjk, installed by `./run test`)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from extract import extract_file
from extract.loaders import load_text

from .test_tables import HEADER, ROWS, _docx

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

STYLE = """<style>
@page { size: A4; margin: 25mm 26mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 15pt; line-height: 1.6; }
p { margin: 0; text-indent: 2em; }
p.title { text-indent: 0; text-align: center; font-size: 20pt; margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 6pt 0; }
table.ruled td, table.ruled th { border: 0.75pt solid #000; padding: 3pt; }
table.bare td, table.bare th { border: none; padding: 3pt; background: #fff; }
table.bare th { background: #ddd; }
tr { break-inside: avoid; }
</style>"""

BEFORE = ("为深入贯彻落实国家和本市关于碳达峰碳中和的决策部署，扎实推进全区节能降碳工作，确保完成年度能耗强度下降目标，"
          "结合本区实际，制定本工作安排。各单位要按照职责分工，抓紧制定具体推进措施，明确时间节点，逐项抓好落实。",
          "一、工作目标",
          "到2023年底，全区单位生产总值能耗比2022年下降3%，重点领域节能降碳取得明显成效，为实现碳达峰目标打下坚实基础。",
          "二、重点任务")
AFTER = ("三、保障措施", "（一）加强组织领导。各单位要落实责任，细化工作举措，确保各项任务按时完成。")


def _cells(tag: str, row: tuple[str, ...]) -> str:
    return "".join(f"<{tag}>{c}</{tag}>" for c in row)


def _html(table: str, before: tuple[str, ...] = BEFORE, after: tuple[str, ...] = AFTER) -> str:
    paras = "".join(f"<p>{p}</p>" for p in before)
    tail = "".join(f"<p>{p}</p>" for p in after)
    return (f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
            f"<p class='title'>某某区2023年节能降碳重点工作安排</p>{paras}{table}{tail}</body></html>")


def _print(tmp: Path, name: str, html: str) -> Path:
    """Print `html` to tmp/name.pdf with headless Chromium."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (./run test installs it)")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        pytest.skip("no CJK font installed (fonts-noto-cjk; ./run test installs it)")
    src, out = tmp / f"{name}.html", tmp / f"{name}.pdf"
    src.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()], capture_output=True, timeout=120, check=True)
    assert out.exists() and out.stat().st_size > 0
    return out


def _flow_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The PDF's text with table detection switched off: the reading before this feature."""
    with monkeypatch.context() as m:
        m.setattr("extract.loaders.pdf.find_tables", lambda page: [])
        return load_text(path).text


def _table(cls: str, header: tuple[str, ...], rows: list[tuple[str, ...]], thead: bool = False) -> str:
    head = f"<tr>{_cells('th', header)}</tr>"
    body = "".join(f"<tr>{_cells('td', r)}</tr>" for r in rows)
    if thead:
        return f"<table class='{cls}'><thead>{head}</thead><tbody>{body}</tbody></table>"
    return f"<table class='{cls}'>{head}{body}</table>"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("pdf_tables")
    return {
        "ruled": _print(tmp, "ruled", _html(_table("ruled", HEADER, ROWS))),
        "bare": _print(tmp, "bare", _html(_table("bare", HEADER, ROWS))),
    }


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_a_ruled_task_table_prints_one_line_per_row(pdfs):
    lines = _lines(load_text(pdfs["ruled"]).text)
    i = lines.index("\t".join(HEADER))
    assert lines[i + 1:i + 4] == ["\t".join(r) for r in ROWS]  # row 3's empty 配合单位 stays an empty cell
    assert lines[i - 1] == "二、重点任务" and lines[i + 4] == "三、保障措施"  # in its place among the paragraphs
    assert sum("\t" in ln for ln in lines) == 4


def test_a_ruled_task_table_gives_the_tasks_the_docx_gives(pdfs, tmp_path: Path):
    rec = extract_file(pdfs["ruled"])
    assert [(t.id, t.section, t.title) for t in rec.tasks][:3] == [
        ("2.1", "2", "推进分布式光伏建设，新增光伏装机2万千瓦"),
        ("2.2", "2", "推动公共领域车辆电动化，新建公共充电桩500个"),
        ("2.3", "2", "开展重点用能单位节能诊断"),
    ]
    units = {t.id: [(u.name, u.role, u.collective) for u in t.units] for t in rec.tasks}
    assert units["2.1"] == [("区发展改革委", "lead", False), ("区经委", "support", False), ("各街镇", "support", True)]
    assert units["2.2"] == [("区交通委", "lead", False), ("区供电公司", "support", False)]
    assert units["2.3"] == [("区经委", "lead", False)]
    tasks = {t.id: t for t in rec.tasks}
    assert (tasks["2.1"].deadline, tasks["2.2"].deadline, tasks["2.3"].deadline) == \
        ("2023-12-31", "2023-09-30", "2023-06-30")
    by_task: dict[str, list] = {}
    for g in rec.targets:
        by_task.setdefault(g.task, []).append(g)
    pv = by_task["2.1"][0]
    assert (pv.value, pv.unit, pv.deadline, pv.quote) == (2, "万千瓦", "2023-12-31", "新增光伏装机2万千瓦")
    assert [(g.value, g.unit, g.deadline) for g in by_task["2.2"]] == [(500, "个", "2023-09-30")]
    (audit,) = by_task["2.3"]
    assert (audit.kind, audit.quote, audit.deadline) == ("milestone", "开展重点用能单位节能诊断", "2023-06-30")
    for t in rec.tasks:
        assert rec.text[t.span[0]:t.span[1]] == t.text
        for u in t.units:
            assert rec.text[u.span[0]:u.span[1]] == u.name
    for g in rec.targets:
        assert rec.text[g.span[0]:g.span[1]] == g.quote and "\t" not in g.quote

    # the same plan as a .docx gives the same table tasks
    doc = extract_file(_docx(tmp_path / "plan.docx", HEADER, ROWS, before=BEFORE, after=AFTER))

    def table_tasks(r):
        return [(t.id, t.title, [(u.name, u.role) for u in t.units], t.deadline) for t in r.tasks if t.section == "2"]
    assert table_tasks(rec) == table_tasks(doc)


def test_a_borderless_layout_reads_as_before(pdfs, monkeypatch: pytest.MonkeyPatch):
    """Cells without rules (white cell backgrounds, a grey-shaded header) are not a table: text flow, unchanged."""
    text = load_text(pdfs["bare"]).text
    assert "\t" not in text
    assert text == _flow_only(pdfs["bare"], monkeypatch)


def test_a_framed_box_stays_in_the_text_flow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A one-column bordered box (专栏) is a frame, not a table."""
    box = ("<table class='ruled'><tr><td>专栏1 重点工程</td></tr><tr><td>分布式光伏工程：到2025年，全区新增分布式光伏装机"
           "5万千瓦。</td></tr><tr><td>充电设施工程：到2025年，新建公共充电桩2000个。</td></tr></table>")
    path = _print(tmp_path, "box", _html(box))
    text = load_text(path).text
    assert "\t" not in text and "专栏1 重点工程" in text
    assert text == _flow_only(path, monkeypatch)


def test_merged_cells_print_as_the_docx_loader_prints_them(tmp_path: Path):
    """rowspan: the text once, in its first row, then empty cells; colspan: one cell. As word.py prints a .docx."""
    table = ("<table class='ruled'>"
             "<tr><th rowspan='2'>类别</th><th rowspan='2'>指标</th><th rowspan='2'>单位</th>"
             "<th colspan='2'>目标值</th><th rowspan='2'>属性</th></tr>"
             "<tr><th>2023年</th><th>2025年</th></tr>"
             "<tr><td rowspan='2'>能源</td><td>可再生能源装机容量</td><td>万千瓦</td><td>120</td><td>200</td>"
             "<td>预期性</td></tr>"
             "<tr><td>单位生产总值能耗下降</td><td>%</td><td>3</td><td>14.5</td><td>约束性</td></tr>"
             "<tr><td>交通</td><td>新能源公交车占比</td><td>%</td><td>80</td><td>100</td><td>预期性</td></tr>"
             "</table>")
    path = _print(tmp_path, "merged", _html(table, before=("二、主要指标",), after=("三、保障措施",)))
    lines = _lines(load_text(path).text)
    i = lines.index("二、主要指标")
    assert lines[i + 1:i + 7] == [
        "类别\t指标\t单位\t目标值\t属性",
        "\t\t\t2023年\t2025年",
        "能源\t可再生能源装机容量\t万千瓦\t120\t200\t预期性",
        "\t单位生产总值能耗下降\t%\t3\t14.5\t约束性",
        "交通\t新能源公交车占比\t%\t80\t100\t预期性",
        "三、保障措施",
    ]

    # the same merges in a .docx (python-docx merge → gridSpan / vMerge) read the same
    import docx
    d = docx.Document()
    d.add_paragraph("二、主要指标")
    t = d.add_table(rows=5, cols=6)
    grid = [["类别", "指标", "单位", "目标值", "", "属性"], ["", "", "", "2023年", "2025年", ""],
            ["能源", "可再生能源装机容量", "万千瓦", "120", "200", "预期性"],
            ["", "单位生产总值能耗下降", "%", "3", "14.5", "约束性"], ["交通", "新能源公交车占比", "%", "80", "100", "预期性"]]
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    for a, b in [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 5), (1, 5)), ((0, 3), (0, 4)),
                 ((2, 0), (3, 0))]:
        t.cell(*a).merge(t.cell(*b))
    d.add_paragraph("三、保障措施")
    d.save(str(tmp_path / "merged.docx"))
    assert _lines(load_text(tmp_path / "merged.docx").text)[:7] == lines[i:i + 7]


def test_wrapped_cells_join_without_a_break(tmp_path: Path):
    """A cell's lines join with nothing between hanzi and a space between Latin words."""
    rows = [("1", "推进数据中心绿色化改造，新建大型数据中心电能利用效率不高于1.25，推广液冷、余热回收等节能技术",
             "区经委", "green data center upgrade programme", "2025年底")]
    table = _table("ruled", HEADER, rows).replace("<table class='ruled'>",
                                                  "<table class='ruled' style='table-layout:fixed'>")
    path = _print(tmp_path, "wrap", _html(table))
    lines = _lines(load_text(path).text)
    assert "\t".join(rows[0]) in lines


@pytest.mark.parametrize("thead", [True, False], ids=["header-repeated", "header-once"])
def test_a_table_running_over_pages_continues(tmp_path: Path, thead: bool):
    """Chromium repeats a <thead> on every page, as Word repeats a header row; the row is printed once, the rows
    run on in order, and every row is a task numbered by its 序号 cell."""
    rows = [(str(n), f"完成第{n}批公共充电桩建设，新建充电桩{n * 10}个", "区交通委", "区供电公司", "2025年底")
            for n in range(1, 46)]
    path = _print(tmp_path, "long", _html(_table("ruled", HEADER, rows, thead=thead), after=AFTER))
    from pypdf import PdfReader
    assert len(PdfReader(path).pages) >= 2
    lines = _lines(load_text(path).text)
    i = lines.index("\t".join(HEADER))
    assert lines[i + 1:i + 1 + len(rows)] == ["\t".join(r) for r in rows]
    assert lines.count("\t".join(HEADER)) == 1
    rec = extract_file(path)
    assert [t.id for t in rec.tasks if t.section == "2"] == [f"2.{n}" for n in range(1, 46)]
    assert {t.deadline for t in rec.tasks if t.section == "2"} == {"2025-12-31"}
