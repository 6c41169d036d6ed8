"""The unit alias registry: a mention resolves to the names the document itself writes, from general naming rules and
a small table of long/short forms; unknown departments are reported with the closest known units."""
from __future__ import annotations

import pytest

from extract.aliases import ALIAS_GROUPS, AliasRegistry, places_of, unit_core

JIADING_UNITS = ["区发展改革委", "区经委", "区建管委", "区交通委", "区生态环境局", "区规划资源局", "区机管局",
                 "国网嘉定供电公司", "区财政局", "区农业农村委", "区市场监管局", "区委宣传部", "安亭镇", "国际汽车城集团"]


@pytest.fixture(scope="module")
def reg():
    return AliasRegistry(JIADING_UNITS, ["各街镇", "相关职能部门"], "上海市嘉定区")


@pytest.mark.parametrize("mention,name", [
    ("发改委", "区发展改革委"), ("发展和改革委员会", "区发展改革委"), ("嘉定区发改委", "区发展改革委"),
    ("经委", "区经委"), ("建管委", "区建管委"), ("交通委", "区交通委"), ("生态环境局", "区生态环境局"),
    ("环保局", "区生态环境局"), ("规划资源局", "区规划资源局"), ("规划和自然资源局", "区规划资源局"),
    ("机管局", "区机管局"), ("机关事务管理局", "区机管局"), ("嘉定供电公司", "国网嘉定供电公司"),
    ("市场监管局", "区市场监管局"), ("市场监督管理局", "区市场监管局"), ("宣传部", "区委宣传部"),
    ("农业农村委员会", "区农业农村委"), ("安亭", "安亭镇"), ("各街镇", "各街镇"),
])
def test_resolves_to_the_documents_own_name(reg, mention, name):
    assert reg.resolve(mention) == [name]


def test_related_groups_only_when_the_exact_body_is_absent(reg):
    assert reg.resolve("经信委") == ["区经委"]  # no 经信委 in this plan: the related 经委 stands in
    shanghai = AliasRegistry(["市经济信息化委", "市发展改革委"], issuer="上海市")
    assert shanghai.resolve("经信委") == ["市经济信息化委"]
    assert shanghai.resolve("发改委") == ["市发展改革委"]


def test_other_documents_naming(reg):
    chengdu = AliasRegistry(["市发改委", "市经信局", "市住建局", "市规划和自然资源局", "市机关事务局", "市机关事务管理局"],
                            issuer="成都市")
    assert chengdu.resolve("发展改革委") == ["市发改委"]
    assert chengdu.resolve("住房和城乡建设局") == ["市住建局"]
    assert chengdu.resolve("规划资源局") == ["市规划和自然资源局"]
    assert sorted(chengdu.resolve("机管局")) == ["市机关事务局", "市机关事务管理局"]  # both spellings are used


def test_collective_tokens_are_never_expanded(reg):
    assert reg.resolve("街镇") == []
    assert reg.resolve("相关职能部门") == ["相关职能部门"]


def test_find_known_and_unknown_mentions(reg):
    found = reg.find("请问区经委和发改委牵头哪些任务？")
    assert [(m.text, m.names) for m in found] == [("区经委", ("区经委",)), ("发改委", ("区发展改革委",))]
    unknown = reg.find("区卫健委负责哪些任务？")
    assert [(m.text, m.known) for m in unknown] == [("区卫健委", False)]
    assert [m.text for m in reg.find("应急管理局牵头哪些任务")] == ["应急管理局"]
    assert reg.find("数据中心节能降碳谁牵头？") == []  # a term of the plan, not a unit
    assert reg.find("哪个部门牵头？空间布局如何？") == []
    m = reg.find("“发改委”负责什么")[0]
    assert "“发改委”负责什么"[m.start:m.end] == "发改委"


def test_closest_units_for_an_unknown_one(reg):
    close = reg.closest("区卫健委")
    assert len(close) == 3 and all(c in JIADING_UNITS for c in close)


def test_core_and_places():
    assert places_of("上海市嘉定区")[:3] == ["上海市嘉定区", "上海市", "嘉定区"]
    assert unit_core("区市场监管局") == unit_core("市场监管局")  # 市场 is not the admin prefix 市
    assert unit_core("区发展和改革委员会") == unit_core("发展改革委")


def test_curated_table_stays_small():
    assert len(ALIAS_GROUPS) < 80


# ---------------------------------------------------------------- one body, the document's fullest written name
SANMING_UNITS = ["市林业局", "市生态环境局", "林业局", "市场监管局", "民政局", "市科技局", "检察院", "市法院"]
SANMING_TEXT = ("牵头单位：市林业局\n牵头单位：市生态环境局、林业局\n责任单位：市科技局、市场监管局\n"
                "责任单位：市林业局、民政局\n牵头单位：市法院、检察院\n附件 成员：徐东胜市市场监管局副局长 邱良植市检察院副检察长")


@pytest.fixture(scope="module")
def sanming():
    return AliasRegistry(SANMING_UNITS, ["各县（市、区）人民政府"], "三明市人民政府办公室", SANMING_TEXT)


def test_a_bare_name_is_output_as_the_full_name_the_document_writes(sanming):
    """`市生态环境局、林业局` shares one 市; the document writes 市林业局 in its annotations, 市市场监管局 and 市检察院 in
    its annex: one body, one name."""
    assert sanming.fullest("林业局") == "市林业局"
    assert sanming.fullest("市场监管局") == "市市场监管局"
    assert sanming.fullest("检察院") == "市检察院"
    assert sanming.fullest_all(["市林业局", "林业局", "市法院", "检察院"]) == ["市林业局", "市法院", "市检察院"]


def test_a_bare_name_the_document_never_writes_in_full_stays_as_written(sanming):
    assert sanming.fullest("民政局") == "民政局"
    assert sanming.fullest("市科技局") == "市科技局"


def test_two_written_full_forms_leave_the_bare_name_as_written():
    """A plan naming both 省林业局 and 市林业局 does not say which body a bare 林业局 is."""
    r = AliasRegistry(["省林业局", "市林业局", "林业局"], text="省林业局 市林业局 林业局")
    assert r.fullest("林业局") == "林业局"


def test_without_the_document_text_only_the_unit_names_count():
    r = AliasRegistry(["市林业局", "林业局", "检察院"])
    assert r.fullest("林业局") == "市林业局" and r.fullest("检察院") == "检察院"


def test_a_mention_of_the_full_name_finds_the_bare_form_too(sanming):
    """"市林业局牵头哪些任务" must reach the tasks that list it as 林业局."""
    (m,) = sanming.find("市林业局牵头哪些任务")
    assert m.names == ("市林业局", "林业局")


def test_jiading_names_have_no_fuller_form(reg):
    assert all(reg.fullest(n) == n for n in JIADING_UNITS)
