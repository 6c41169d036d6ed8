"""Text helpers shared by question parsing and retrieval: normalisation, sentences, the chat tokenizer, frame words.

Why one small module: the parser, the lexical scorer and the retriever must agree on what "the same text" means
(full-width vs ASCII punctuation, quotes, OCR spaces), and on which words only frame a question (`哪些`, `多少`,
`牵头`) rather than name its topic. The tokenizer is a private `jieba.Tokenizer` so that words added for questions
never change how `extract` segments documents.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from typing import Iterable, Optional

__all__ = ["norm", "norm_map", "sentences", "tokenizer", "add_words", "cut", "FRAME_WORDS", "CN_NUM", "cn_number",
           "HAN", "DOMAIN_TERMS"]

HAN = re.compile(r"[\u4e00-\u9fff]")
_DROP = set("“”\"'‘’「」『』《》〈〉【】") | {"\u3000"}
CN_NUM = "零〇一二两三四五六七八九十百千"


def norm(s: str) -> str:
    """NFKC, no whitespace, no quotes or book-title marks: the form every comparison uses."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not c.isspace() and c not in _DROP)


def norm_map(s: str) -> tuple[str, list[int]]:
    """`norm(s)` and, for each of its characters, the index in `s` it came from (to map matches back to spans)."""
    out, idx = [], []
    for i, ch in enumerate(s or ""):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace() and c not in _DROP:
                out.append(c)
                idx.append(i)
    return "".join(out), idx


_SENT_END = re.compile(r"[。！？!?；;\n]")


def sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Spans [start, end) of the sentences of `text` (split after 。！？；; and newlines), offset by `base`,
    without leading/trailing blanks; the terminator is not part of the span."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((base + s, base + e))
    return spans


#: Terms of the carbon-peaking field that every plan uses and jieba's dictionary splits (`碳中/和`): kept whole, so
#: that a trailing `和` is not cut off as a conjunction.
DOMAIN_TERMS = ("碳达峰", "碳中和", "碳排放", "碳汇", "碳捕集", "碳排放权", "碳市场", "双碳", "能耗双控")

_tok = None
_tok_lock = threading.Lock()
_added: set[str] = set()


def tokenizer():
    """The chat's own jieba tokenizer (lazy; the default dictionary is loaded once per process)."""
    global _tok
    with _tok_lock:
        if _tok is None:
            import logging

            import jieba
            jieba.setLogLevel(logging.WARNING)
            t = jieba.Tokenizer()
            t.initialize()
            for w in DOMAIN_TERMS:  # before first use: jieba's own dictionary cuts 碳中和 as 碳中/和
                t.add_word(w, freq=max(t.suggest_freq(w, tune=False), 2000))
            _tok = t
        return _tok


def add_words(words: Iterable[str]) -> None:
    """Add unit names and domain terms to the chat tokenizer's user dictionary (idempotent)."""
    t = tokenizer()
    with _tok_lock:
        for w in words:
            w = norm(w)
            if 2 <= len(w) <= 16 and w not in _added and HAN.search(w):
                t.add_word(w, freq=max(t.suggest_freq(w, tune=False), 2000))
                _added.add(w)


def cut(text: str) -> list[str]:
    """Tokens of `text` (already normalised or not), HMM on, no whitespace tokens."""
    return [w for w in tokenizer().lcut(norm(text), HMM=True) if w.strip()]


#: Words that frame a question (what is asked, politeness, pronouns, generic verbs of doing) and so never name its
#: topic. General question vocabulary, not the wording of any one question set.
FRAME_WORDS: frozenset[str] = frozenset("""
请问 请 问 麻烦 帮 帮忙 我 我们 你 你们 想 想问 知道 了解 一下 下 告诉 列出 列 出 看看 查 查询 说说 介绍 讲讲 讲 说
哪些 哪个 哪家 哪几 哪几项 哪几个 哪 哪里 哪儿 什么 啥 怎么 怎么样 怎样 如何 为何 为什么 多少 几 几项 几个 几条 多大 多久
是否 有没有 有无 吗 呢 吧 啊 呀 么 嘛 的 地 得 了 着 过 和 与 及 以及 或 或者 跟 同 还 还有 也 都 就 才 又 再 并 而 且
是 为 在 于 对 对于 关于 从 把 被 给 让 由 向 以 按 按照 其中 其 这 那 这个 那个 这些 那些 这项 那项 该 此 本 这块 那块
这一块 那一块 这方面 方面 部分 这部分 一节 这一节 那一节 板块 里 里面 中 之中 下面 以下 上面 之外 以外 除了 除
要 需要 需 得 应 应当 应该 必须 能 能够 会 可 可以 将 将要 准备 打算 计划 拟 已 已经 曾 正在 目前 现在 当前 如今 今天 到底 究竟
做 干 干啥 搞 弄 抓 办 做些 做什么 干什么 有 有些 没有 无 没 负责 承担 涉及 落实 开展 实施 推进 安排 部署 举措 措施
要求 规定 规划 内容 情况 工作 事 事情 事项 事儿 任务 职责 责任 指标 目标 目标值 数值 数 值 水平 程度 数量 总数 个数
牵头 牵头单位 牵头部门 责任单位 配合 配合单位 参与 参与单位 合作 合作单位 一起 共同 协同 协作 单位 部门 机构 谁 哪位 谁来
完成 达到 达成 实现 到 达 至 截至 截止 以前 之前 前 后 以后 之后 期间 期限 时限 时间 时候 节点 时间节点 日期 哪天 哪年
哪一年 哪一天 年底 年末 底 末 最晚 最迟 何时 多长 逾期 超期 过期 延期 到期 即将 快 临近 未 没 尚未 还没 按期 按时
方案 本方案 实施方案 文件 政策文件 计划 里头 全部 所有 一共 总共 共 合计 共计 分为 包括 包含 含 列 列了 具体 主要 相关
分别 各自 各 每 每个 一项 项 条 个 家 座 辆 名下 名 下属 作为 身份 具体任务 哪些任务 全方案 整个 整体 什么样 怎么办 多 少
要建 要建成 需建 要做 要搞 要达 要达到 要实现 要完成 要求达到 建几个 有几个
降到 降至 降低到 降低至 下降到 下降至 减少到 减少至 减到 减至 提高到 提高至 提升到 提升至 增加到 增加至 增长到 增长至 增至 升到 升至
进一步 持续 积极 加快 大力 不断 逐步 全面 基本 力争 确保 稳步 有序 切实 努力 着力
不能 不得 不 不少 不足 高于 低于 超过 不少于 不低于 不高于 至少 最多 最少 以上 以下 以内 左右 大约 约
""".split())


def cn_number(s: str) -> Optional[int]:
    """`五` → 5, `十二` → 12, `12` → 12; None when `s` is not a number below 1000."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    from extract.numerals import cn_to_int
    return cn_to_int(s)
