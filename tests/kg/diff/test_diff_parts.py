"""The parts of the diff, each on small inputs whose right answer is obvious."""
from __future__ import annotations

import numpy as np

from tests.kg.diff.conftest import MINI
from kg.diff import diff_records
from kg.diff.align import assign
from kg.diff.classify import status_of
from kg.diff.normalize import normalize, normalize_with_map, same_but_formatting
from kg.diff.similarity import mask_digits, ngram_cosine
from kg.diff.tokens import hunks, tokenize


# -- assignment -------------------------------------------------------------------------------------------------------
def test_assign_never_pairs_below_threshold():
    score = np.array([[0.9, 0.1], [0.2, 0.25]])
    assert assign(score, 0.3) == [(0, 0)]


def test_assign_prefers_one_strong_pair_to_two_weak_ones():
    # 0.9 + two honest "unmatched" beats 0.5 + 0.5 when the threshold is 0.4 (0.5 + 0.5 < 0.9 + 0.4)
    score = np.array([[0.9, 0.5], [0.5, 0.0]])
    assert assign(score, 0.4) == [(0, 0)]
    # but two good pairs beat one excellent one
    score = np.array([[0.95, 0.8], [0.8, 0.0]])
    assert assign(score, 0.4) == [(0, 1), (1, 0)]


def test_assign_handles_empty_and_rectangular():
    assert assign(np.zeros((0, 3)), 0.3) == []
    score = np.array([[0.1, 0.8, 0.7]])
    assert assign(score, 0.3) == [(0, 1)]


# -- normal form, similarity, tokens ----------------------------------------------------------------------------------
def test_normal_form_folds_formatting_only():
    assert normalize("到 2025 年，完成（含撬装站）6个：") == normalize("到2025年,完成(含撬装站)6个:")
    assert same_but_formatting("１．发展\n光伏", "1.发展光伏")
    assert not same_but_formatting("区经委、区建管委", "区经委,区建管委")  # 、 vs ， is wording
    norm, index = normalize_with_map("a b，c", base=10)
    assert norm == "ab,c" and index == [10, 12, 13, 14]


def test_ngram_cosine_and_digit_masking():
    sim = ngram_cosine([mask_digits("新增光伏装机容量29.4万千瓦")],
                       [mask_digits("新增光伏装机容量35万千瓦"), mask_digits("完成调整企业125家")])
    assert sim[0, 0] > 0.99 and sim[0, 1] < 0.2


def test_tokens_carry_raw_spans():
    raw = "到 2025 年，新增 6 个"
    toks = tokenize(raw, base=100)
    assert [t.text for t in toks][:2] == ["到", "2025"]
    assert all(raw[t.start - 100:t.end - 100].replace(" ", "") for t in toks)


def test_deleted_sentence_is_slid_to_its_own_boundaries():
    a = tokenize("推广绿色生活方式。开展绿色生活行动,践行绿色生活方式。开展节约型机关创建。")
    b = tokenize("推广绿色生活方式。开展节约型机关创建。")
    (h,) = hunks(a, b)
    deleted = "".join(t.text for t in a[h.a0:h.a1])
    assert deleted == "开展绿色生活行动,践行绿色生活方式。"


def test_status_rule_content_wins_over_position():
    assert status_of(True, True, True) == "modified"
    assert status_of(False, True, True) == "moved"
    assert status_of(False, False, True) == "renumbered"
    assert status_of(False, False, False) == "unchanged"


# -- typed changes on a small plan ------------------------------------------------------------------------------------
def _diff(mini, new_text):
    return diff_records(mini(), mini(new_text, "mini-2"), use_embeddings=False)


def _only(diff, kind):
    return [c for c in diff["changes"] if c["type"] == kind]


def test_value_change_is_one_typed_change_not_wording(mini):
    diff = _diff(mini, MINI.replace("30万千瓦", "35万千瓦"))
    (c,) = diff["changes"]
    assert (c["type"], c["old"], c["new"], c["before"], c["after"]) == ("target_value", "2.1.1", "2.1.1",
                                                                        "30万千瓦", "35万千瓦")
    assert c["detail"]["fields"] == ["value"] and c["detail"]["target_old"] == "2.1.1/1"


def test_unit_and_comparator_changes(mini):
    diff = _diff(mini, MINI.replace("改造50公里", "改造50000米").replace("节能8万吨标准煤", "节能不少于8万吨标准煤"))
    got = {c["old"]: c for c in _only(diff, "target_value")}
    assert got["2.1.2"]["detail"]["fields"] == ["value", "unit"] and got["2.1.2"]["after"] == "50000米"
    assert got["2.2.1"]["detail"]["fields"] == ["comparator"] and got["2.2.1"]["after"] == "≥8万吨标准煤"
    assert not _only(diff, "text")


def test_deadline_change(mini):
    diff = _diff(mini, MINI.replace("到2025年,新增光伏", "到2027年,新增光伏"))
    (c,) = diff["changes"]
    assert (c["type"], c["before"], c["after"]) == ("deadline", "2025-12-31", "2027-12-31")
    assert c["detail"]["deadline_text"] == ["到2025年", "到2027年"]


def test_responsible_units_added_removed_and_lead(mini):
    text = (MINI.replace("(责任单位:区发展改革委、区经委)", "(责任单位:区经委、区发展改革委)")
            .replace("(责任单位:区经委、区建管委)", "(责任单位:区经委、区建管委、区财政局)")
            .replace("(责任单位:区经委)\n", "(责任单位:区生态环境局)\n"))
    got = {c["old"]: c["detail"] for c in _only(_diff(mini, text), "responsible_units")}
    assert got["2.1.1"]["lead_changed"] and got["2.1.1"]["lead_after"] == ["区经委"] and not got["2.1.1"]["added"]
    assert got["2.1.2"]["added"] == ["区财政局"] and not got["2.1.2"]["lead_changed"]
    assert got["2.2.1"]["added"] == ["区生态环境局"] and got["2.2.1"]["removed"] == ["区经委"]


def test_title_and_phrase_rewording(mini):
    diff = _diff(mini, MINI.replace("大力发展光伏", "全力发展光伏").replace("力争完成", "确保完成"))
    texts = {(c["old"], c["detail"]["field"]): (c["before"], c["after"]) for c in _only(diff, "text")}
    assert texts == {("2.1.1", "title"): ("大力发展光伏", "全力发展光伏"), ("2.1.2", "text"): ("力争", "确保")}


def test_section_target_change_is_listed_with_section_ids(mini):
    (c,) = _diff(mini, MINI.replace("下降14%", "下降15%"))["changes"]
    assert (c["type"], c["old"], c["new"], c["before"], c["after"]) == ("target_value", "1", "1", "14%", "15%")


def test_renumbered_moved_added_removed(mini):
    moved = "2.合理控制油气消费。力争完成天然气管道改造50公里。(责任单位:区经委、区建管委)\n"
    text = MINI.replace(moved, "").replace(
        "(二)推进节能降碳\n",
        "(二)推进节能降碳\n1.强化农业农村减排固碳。推广节能环保型农机具和渔船。(责任单位:区农业农村委)\n")
    text = text.replace("1.加强节能管理", "2.加强节能管理") + moved.replace("2.", "3.")
    diff = _diff(mini, text)
    pairs = {p["old"]: (p["new"], p["status"]) for p in diff["pairs"]}
    assert pairs == {"2.1.1": ("2.1.1", "unchanged"), "2.1.2": ("2.2.3", "moved"),
                     "2.2.1": ("2.2.2", "renumbered")}
    assert diff["added"] == ["2.2.1"] and diff["removed"] == [] and diff["changes"] == []
