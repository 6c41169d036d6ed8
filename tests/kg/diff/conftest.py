"""Fixtures for the diff tests: the corpus records, a small hand-written plan, and an isolated embedding cache.

The embedding cache (chat.embed) goes to a per-session temporary file, so tests never write to the user's cache and
every session measures a cold cache honestly.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # revgen*, whatever pytest's import mode

from extract import extract_file, extract_text  # noqa: E402
from revgen import foreign_tasks  # noqa: E402
from revgen_model import ROOT  # noqa: E402

MINI = """测试区碳达峰实施方案
一、主要目标
到2025年,单位生产总值能源消耗比2020年下降14%。
二、重点任务
(一)推动能源转型
1.大力发展光伏。到2025年,新增光伏装机容量30万千瓦。(责任单位:区发展改革委、区经委)
2.合理控制油气消费。力争完成天然气管道改造50公里。(责任单位:区经委、区建管委)
(二)推进节能降碳
1.加强节能管理。到2025年,工业领域实现节能8万吨标准煤。(责任单位:区经委)
"""


@pytest.fixture(scope="session", autouse=True)
def embed_cache(tmp_path_factory):
    old = os.environ.get("POLICYKG_EMBED_CACHE")
    os.environ["POLICYKG_EMBED_CACHE"] = str(tmp_path_factory.mktemp("embed") / "vectors.sqlite3")
    yield
    if old is None:
        os.environ.pop("POLICYKG_EMBED_CACHE", None)
    else:
        os.environ["POLICYKG_EMBED_CACHE"] = old


@pytest.fixture(scope="session")
def jiading():
    return extract_file(ROOT / "corpus" / "jiading_carbon_peak_plan_2022.txt")


@pytest.fixture(scope="session")
def chengdu():
    return (extract_file(ROOT / "corpus" / "chengdu_energy_action_plan_v2021.txt"),
            extract_file(ROOT / "corpus" / "chengdu_energy_action_plan_v2022.txt"))


@pytest.fixture(scope="session")
def foreign():
    return foreign_tasks()


@pytest.fixture()
def mini():
    """A record of the small plan above, and a function to extract an edited copy of its text."""
    def make(text: str = MINI, doc_id: str = "mini"):
        return extract_text(text, source=f"{doc_id}.txt", doc_id=doc_id)
    return make
