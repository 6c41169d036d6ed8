"""HTML loading: charsets (declared, wrong, missing), what is dropped, and table rows."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import InputError
from extract.loaders import load_bytes, load_text
from extract.loaders.webpage import collapse_ws, declared_charset

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>站点标题 - 不应出现</title>
<style>p {{ color: red }}</style><script>var x = "脚本不应出现";</script></head>
<body>
<nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a></nav>
<div class="article">
<h1>嘉定区碳达峰实施方案</h1>
<p>&nbsp;&nbsp;一、总体要求</p>
<p>（一）大力发展非化石能源。到2025年，全区累计完成<b>6个</b>加氢站
投入运营。<br>（责任单位：区发展改革委）</p>
<table>
<tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
<tr><td>1</td><td>推进光伏<span>建设</span></td><td>区经委</td></tr>
<tr><td>2</td><td></td><td></td></tr>
</table>
<div style="display:none">隐藏文字</div>
<noscript>请启用脚本</noscript>
<p>二、保障措施</p>
</div>
<!-- 注释不应出现 -->
</body></html>
"""

EXPECTED = [
    "嘉定区碳达峰实施方案",
    "一、总体要求",
    "（一）大力发展非化石能源。到2025年，全区累计完成6个加氢站投入运营。",
    "（责任单位：区发展改革委）",
    "序号\t任务\t责任单位",
    "1\t推进光伏建设\t区经委",
    "2",
    "二、保障措施",
]


@pytest.mark.parametrize("encoding,meta", [
    ("utf-8", '<meta charset="utf-8">'),
    ("gbk", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("gb18030", '<meta charset="GBK">'),
    ("gbk", ""),  # no declaration: detected
    ("utf-8", ""),
    ("utf-8", '<meta charset="gb2312">'),  # the declaration lies: detection wins
])
def test_page_loads_in_every_charset(encoding: str, meta: str, tmp_path: Path):
    f = tmp_path / "plan.html"
    f.write_bytes(PAGE.format(meta=meta).encode(encoding))
    loaded = load_text(f)
    assert loaded.format == "html"
    assert loaded.text.splitlines() == EXPECTED
    assert loaded.encoding == ("utf-8" if encoding == "utf-8" else "gb18030")


def test_utf8_bom_page_and_htm_suffix(tmp_path: Path):
    f = tmp_path / "plan.htm"
    f.write_bytes(b"\xef\xbb\xbf" + PAGE.format(meta="").encode("utf-8"))
    assert load_text(f).text.splitlines() == EXPECTED


def test_layout_table_cells_are_blocks_not_one_row():
    html = """<html><body><table><tr><td width="20%">导航</td><td>
    <p>一、总体要求</p><p>（一）指导思想。坚持系统观念。</p>
    <table><tr><td>指标</td><td>2025年</td></tr></table>
    </td></tr></table></body></html>"""
    loaded = load_bytes(html.encode("utf-8"), "p.html")
    assert loaded.text.splitlines() == ["导航", "一、总体要求", "（一）指导思想。坚持系统观念。", "指标\t2025年"]


def test_source_line_breaks_between_hanzi_vanish_but_spaces_stay():
    assert collapse_ws("加快\n  建设 5G 基站\u3000") == "加快建设 5G 基站"
    assert collapse_ws("碳达峰 碳中和") == "碳达峰 碳中和"
    assert collapse_ws("到\n2025年") == "到 2025年"


def test_declared_charset_variants():
    assert declared_charset(b'<meta charset="gb2312">') == "gb18030"
    assert declared_charset(b"<meta http-equiv='Content-Type' content='text/html;charset=UTF-8'>") == "utf-8"
    assert declared_charset(b'<?xml version="1.0" encoding="GBK"?><html>') == "gb18030"
    assert declared_charset(b'<meta charset="no-such-codec">') is None
    assert declared_charset(b"<html><body>") is None


def test_page_with_no_visible_text(one_line_chinese):
    html = "<html><head><title>标题</title></head><body><script>x()</script><nav>菜单</nav></body></html>"
    with pytest.raises(InputError) as ei:
        load_bytes(html.encode("utf-8"), "p.html")
    one_line_chinese(ei.value, "文件为空")


def test_binary_named_html(one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50), "p.html")
    one_line_chinese(ei.value, "PNG")


def test_html_without_suffix_is_sniffed():
    loaded = load_bytes(PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"), "page")
    assert loaded.format == "html"
    assert loaded.text.splitlines() == EXPECTED


def test_undecodable_html(one_line_chinese):
    raw = "<html><body><p>中華人民共和國國務院關於印發碳達峰行動方案的通知。</p></body></html>".encode("big5")
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "p.html")
    one_line_chinese(ei.value, "无法识别文件编码")
