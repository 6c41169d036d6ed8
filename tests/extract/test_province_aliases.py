"""Unit aliases of a provincial plan (Anhui 485.pdf: 省经济和信息化厅, 省住房城乡建设厅) and of a 市 plan that shares one
admin prefix across a list (Sanming 490.pdf: `市生态环境局、林业局`)."""
from __future__ import annotations

from extract.aliases import AliasRegistry


def test_province_departments_resolve_from_short_forms() -> None:
    r = AliasRegistry(["省经济和信息化厅", "省住房城乡建设厅", "省交通运输厅", "省科技厅", "省发展改革委"],
                      issuer="安徽省人民政府")
    assert r.resolve("省经信厅") == ["省经济和信息化厅"]
    assert r.resolve("经信厅") == ["省经济和信息化厅"]
    assert r.resolve("住建厅") == ["省住房城乡建设厅"]
    assert r.resolve("交通厅") == ["省交通运输厅"]
    assert r.resolve("科学技术厅") == ["省科技厅"]
    assert r.resolve("发改委") == ["省发展改革委"]


def test_a_prefixed_name_reaches_the_bare_form_of_the_same_body() -> None:
    r = AliasRegistry(["市林业局", "林业局", "市金融监管局", "金融监管局", "市场监管局", "市科技局"])
    assert r.resolve("市林业局") == ["市林业局", "林业局"]
    assert r.resolve("市金融监管局") == ["市金融监管局", "金融监管局"]
    assert r.resolve("市科技局") == ["市科技局"]  # 市场监管局 is no bare 科技局
