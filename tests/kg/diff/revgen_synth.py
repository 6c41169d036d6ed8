"""Synthetic plans of any size for the diff's scale test and benchmark: n sections × k tasks built from corpus sentences.

Why from the corpus: the tasks must read like plan tasks (so similarities are realistic — shared boilerplate, close
paraphrases across tasks) and be distinct (so the right alignment is known). Each task gets a title of a real task, three
sentences drawn from real task bodies, and a responsibility annotation of one to four district units.
"""
from __future__ import annotations

import random
import re

from extract import extract_file
from revgen_model import ROOT, cn_num

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
UNITS = ["区发展改革委", "区经委", "区建管委", "区交通委", "区生态环境局", "区财政局", "区科委", "区商务委", "区农业农村委",
         "区绿化市容局", "区规划资源局", "区机管局", "区市场监管局", "区水务局"]


def synthetic_plan(n_sections: int, per_section: int, seed: int) -> str:
    """A plan of n_sections × per_section tasks, each built from sentences of the corpus (distinct, realistic)."""
    rng = random.Random(seed)
    sentences: list[str] = []
    titles: list[str] = []
    for path in CORPUS:
        rec = extract_file(path)
        for t in rec.tasks:
            if t.title and not t.title[0].isdigit() and len(t.title) <= 30:
                titles.append(t.title)
            body = rec.text[t.title_span[1] if t.title_span else t.span[0]:t.span[1]]
            sentences += [s + "。" for s in body.replace("\n", "").split("。") if 12 <= len(s) <= 160
                          and not re.search(r"责任|牵头|期限|时限|^\d|[（(][一二三四五六七八九十\d]+[)）]", s)]
    lines = ["合成区碳达峰实施方案", "一、总体要求", "坚持系统观念,统筹推进碳达峰各项工作。", "二、重点任务"]
    for s in range(1, n_sections + 1):
        lines.append(f"({cn_num(s)}){rng.choice(titles)}{s}")
        for k in range(1, per_section + 1):
            body = "".join(rng.sample(sentences, 3))
            units = "、".join(rng.sample(UNITS, rng.randint(1, 4)))
            lines.append(f"{k}.{rng.choice(titles)}。{body}(责任单位:{units})")
    return "\n".join(lines) + "\n"
