"""Unit alias registry: map a mention (`发改委`, `嘉定区经委`, `生态环境局`, `嘉定供电公司`) to the unit names a document
itself writes (`区发展改革委`, `区经委`, `区生态环境局`, `国网嘉定供电公司`).

Why built from the document and not from a list of answers: every plan names its units in its own way (区发展改革委 here,
市发改委 in Chengdu, 市发展改革委 in Shanghai), so the registry is made from the units a document contains. What is
curated is only general knowledge of Chinese administrative naming, kept small:

- admin prefixes are dropped (`区`/`市`/`省`/`县`, `区委`… for party organs), and so is the issuing place
  (`嘉定区`, `上海市`) and the State Grid prefix (`国网`);
- generic rewrites: `委员会` → `委`, `和` dropped (`发展和改革` = `发展改革`), `管理局` → `局`;
- a table of long ↔ short forms of common departments (`发展和改革委员会` / `发展改革委` / `发改委`, …). Groups that are
  different bodies but often confused (`经信委` vs `经委`, `住建委` vs `建管委`) are *related*, used only when the
  document has no unit of the exact group.

Collective tokens (`各街镇`, `相关职能部门`) match only as written: they are not units and are never expanded.
A mention that looks like a department (`区卫健委`, `应急管理局`) but names none of the document's units is reported
as unknown, so that callers can answer "not in this plan" and name the closest known units (`closest`).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

__all__ = ["UnitMention", "AliasRegistry", "unit_core", "places_of", "ALIAS_GROUPS", "RELATED_GROUPS"]

#: Long ↔ short forms of common government bodies (written forms, without admin prefix). One group = one body.
#: A province names its departments 厅 where a city writes 局/委 (省经济和信息化厅 = 省经信厅, 省住房城乡建设厅 = 省住建厅),
#: so the 厅 forms sit in the same groups: a document never has both levels of one department.
#: General naming knowledge only: never the answers of one document.
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("发展和改革委员会", "发展改革委员会", "发展改革委", "发改委", "发展和改革局", "发展改革局", "发改局"),
    ("经济和信息化委员会", "经济信息化委员会", "经济信息化委", "经信委", "经济和信息化局", "经济信息化局", "经信局",
     "经济和信息化厅", "经济信息化厅", "经信厅"),
    ("经济委员会", "经委"),
    ("建设和管理委员会", "建设管理委员会", "建设管理委", "建管委"),
    ("住房和城乡建设委员会", "住房城乡建设委员会", "住房城乡建设委", "住建委", "住房和城乡建设局", "住房城乡建设局",
     "住建局", "住房和城乡建设管理委员会", "住房城乡建设管理委", "住房和城乡建设厅", "住房城乡建设厅", "住建厅"),
    ("规划和自然资源局", "规划自然资源局", "规划资源局", "规土局"),
    ("自然资源和规划局", "自然资源规划局", "自规局", "自然资源局", "自然资源厅"),
    ("交通委员会", "交通委", "交通运输委员会", "交通运输委"),
    ("交通运输局", "交通局", "交通运输厅", "交通厅"),
    ("生态环境局", "环保局", "环境保护局", "生态环境厅", "环保厅"),
    ("绿化和市容管理局", "绿化市容管理局", "绿化市容局", "绿容局"),
    ("园林和林业局", "园林林业局", "林业局", "园林局"),
    ("机关事务管理局", "机关事务局", "机管局", "机关事务服务中心", "机关事务管理中心"),
    ("市场监督管理局", "市场监管局", "市监局"),
    ("科学技术委员会", "科委", "科学技术局", "科技局", "科学技术厅", "科技厅"),
    ("农业农村委员会", "农业农村委", "农委", "农业农村局", "农业局", "农业农村厅", "农业厅"),
    ("人力资源和社会保障局", "人力资源社会保障局", "人社局"),
    ("国有资产监督管理委员会", "国资委", "政府国资委"),
    ("商务委员会", "商务委", "商务局"),
    ("教育委员会", "教委", "教育局"),
    ("卫生健康委员会", "卫生健康委", "卫健委", "卫生健康局", "卫健局", "卫生局"),
    ("应急管理局", "应急局", "安监局"),
    ("公安局", "公安分局", "公安厅"),
    ("城市管理委员会", "城管委", "城市管理局", "城管局"),
    ("城市管理行政执法局", "城管执法局", "城管执法委"),
    ("文化和旅游局", "文化旅游局", "文旅局", "文化广电旅游局", "文广旅局"),
    ("统计局",), ("财政局", "财政厅"), ("税务局",), ("水务局", "水利局", "水利厅"), ("气象局",), ("审计局",),
    ("司法局", "司法厅"),
    ("民政局",), ("体育局",), ("商务厅",), ("房屋管理局", "房管局"),
    ("大数据中心", "大数据局", "政务服务大数据局", "数据局"),
    ("委宣传部", "宣传部"), ("委组织部", "组织部"), ("委党校", "党校"), ("委网信办", "网信办"),
    ("文明办", "精神文明建设办公室"), ("妇联", "妇女联合会"), ("总工会", "工会"), ("团委",),
    ("供电公司",),
)

#: Groups that are different bodies but stand in for each other when a document has only one of them.
RELATED_GROUPS: dict[str, tuple[str, ...]] = {
    "经济和信息化委员会": ("经济委员会",), "经济委员会": ("经济和信息化委员会",),
    "住房和城乡建设委员会": ("建设和管理委员会",), "建设和管理委员会": ("住房和城乡建设委员会",),
    "规划和自然资源局": ("自然资源和规划局",), "自然资源和规划局": ("规划和自然资源局",),
    "交通委员会": ("交通运输局",), "交通运输局": ("交通委员会",),
    "教育委员会": (), "绿化和市容管理局": ("园林和林业局",), "园林和林业局": ("绿化和市容管理局",),
}

_ADMIN_PREFIXES = ("自治区", "区委", "市委", "省委", "县委", "区", "市", "省", "县", "州")
# words that start with an admin character but are not a prefix (市场监管局 is not 市 + 场监管局)
_NOT_PREFIX = ("市场", "市政", "市容", "市民", "区域", "县域", "省级", "市级", "区级", "县级", "市属", "区属")
_ORG_PREFIXES = ("国家电网", "国网", "中国")
_TOWN_SUFFIX = re.compile(r"(镇|街道|乡)$")
_QUOTES = "“”\"'‘’「」『』《》〈〉"
# suffixes that make a span look like a government body (for unknown-unit detection)
_STRONG_SUFFIX = ("委员会", "管理局", "分局", "委", "局", "厅")
_WEAK_SUFFIX = ("办公室", "办", "中心", "集团", "公司", "部", "党校", "院", "所", "署")
_UNIT_LIKE = re.compile(
    r"(?:(?<![全本该各城市])(?:区委|市委|省委|县委|区|市|省|县))?[\u4e00-\u9fff]{1,10}?"
    r"(?:委员会|管理局|分局|办公室|委|局|厅|办|中心|集团|公司|部|党校)")
_INNER_PREFIX = re.compile(r"(?<![全本该各城市])(?:区委|市委|省委|县委|区|市|省|县)(?!场|政|容|民|域|级|属)")
_NON_UNIT_WORDS = ("部门", "单位", "牵头单位", "责任单位", "配合单位", "牵头部门", "职能部门", "委员", "格局", "布局",
                   "当局", "大局", "全局", "结局", "开局", "中心城", "内部", "外部", "全部", "局部", "干部", "总部",
                   "部分", "东部", "西部", "南部", "北部", "中部", "底部", "顶部", "头部")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and c not in _QUOTES)


def places_of(issuer: Optional[str]) -> list[str]:
    """Place names an issuer is known by, longest first: 上海市嘉定区 → 上海市嘉定区, 嘉定区, 上海市, 嘉定, 上海."""
    if not issuer:
        return []
    issuer = _norm(issuer)
    parts = re.findall(r"[\u4e00-\u9fff]+?(?:自治区|自治州|特别行政区|省|市|区|县|州|旗)", issuer)
    out = {issuer}
    for p in parts:
        out.add(p)
        bare = re.sub(r"(自治区|自治州|特别行政区|省|市|区|县|州|旗)$", "", p)
        if len(bare) >= 2:
            out.add(bare)
    return sorted(out, key=lambda x: (-len(x), x))


def _strip_admin(name: str) -> str:
    for p in _ADMIN_PREFIXES:
        if name.startswith(p) and len(name) - len(p) >= 2 and not name.startswith(_NOT_PREFIX):
            return name[len(p):]
    return name


def _strip_org(name: str) -> str:
    for p in _ORG_PREFIXES:
        if name.startswith(p) and len(name) - len(p) >= 2:
            return name[len(p):]
    return name


def _rewrite(core: str) -> str:
    core = core.replace("委员会", "委").replace("和", "")
    if core.endswith("管理局") and len(core) > 4:
        core = core[:-3] + "局"
    return core


_GROUP_OF: dict[str, str] = {}
for _g in ALIAS_GROUPS:
    for _form in _g:
        _GROUP_OF.setdefault(_rewrite(_form), _g[0])


def unit_core(name: str, places: Sequence[str] = ()) -> str:
    """The comparable core of a unit name: no admin/place/org prefix, generic rewrites applied."""
    n = _norm(name)
    for _ in range(3):  # 国网 + 嘉定 + 区… in any order
        before = n
        n = _strip_org(n)
        for p in places:
            if n.startswith(p) and len(n) - len(p) >= 2:
                n = n[len(p):]
                break
        n = _strip_admin(n)
        if n == before:
            break
    return _rewrite(n)


def _group_key(core: str) -> Optional[str]:
    """The group a core belongs to: exact, or by the group form it ends with (嘉定供电公司 → 供电公司)."""
    if core in _GROUP_OF:
        return _GROUP_OF[core]
    best = None
    for form, key in _GROUP_OF.items():
        if core.endswith(form) and len(form) >= 2 and (best is None or len(form) > len(best[0])):
            best = (form, key)
    return best[1] if best else None


@dataclass(frozen=True)
class UnitMention:
    """A span of a text that names a unit: `names` are the document's unit names it resolves to (empty = unknown)."""
    start: int
    end: int
    text: str
    names: tuple[str, ...]
    quality: int = 0  # see AliasRegistry.resolve_quality

    @property
    def known(self) -> bool:
        return bool(self.names)


class AliasRegistry:
    """Resolves unit mentions to one document's own unit names (see module docstring)."""

    def __init__(self, names: Iterable[str], collective: Iterable[str] = (), issuer: Optional[str] = None,
                 text: str = "") -> None:
        self.collective = {_norm(c): c for c in collective}
        self.names: list[str] = list(dict.fromkeys(n for n in names if _norm(n) not in self.collective))
        self.places = places_of(issuer)
        self._fullest = self._fullest_forms(_norm(text))
        self._by_core: dict[str, list[str]] = {}
        self._by_group: dict[str, list[str]] = {}
        for n in self.names:
            core = unit_core(n, self.places)
            self._by_core.setdefault(core, []).append(n)
            key = _group_key(core)
            if key:
                self._by_group.setdefault(key, []).append(n)
        self._forms = self._build_forms()
        alternation = "|".join(re.escape(f) for f in sorted(self._forms, key=len, reverse=True))
        self._form_re = re.compile(alternation) if alternation else None

    @classmethod
    def from_units(cls, units: Iterable[tuple[str, bool]], issuer: Optional[str] = None,
                   text: str = "") -> "AliasRegistry":
        """From (name, collective) pairs, e.g. every UnitRef of a PlanRecord (`text`: the document, see `fullest`)."""
        units = list(units)
        return cls([n for n, c in units if not c], [n for n, c in units if c], issuer, text)

    @classmethod
    def from_record(cls, record) -> "AliasRegistry":
        """From a PlanRecord (extract.record): the units its tasks name, and its text for their fullest forms."""
        return cls.from_units(((u.name, u.collective) for t in record.tasks for u in t.units), record.document.issuer,
                              getattr(record, "text", "") or "")

    # ------------------------------------------------------------------ one body, the document's fullest name
    def _fullest_forms(self, text: str) -> dict[str, str]:
        """Bare names (no admin prefix of their own) that the document also writes in full with the admin prefix its
        other units carry: `市生态环境局、林业局` reads one 市 across the list, and the same notice writes 市林业局 in
        its other annotations (and 市住建局, 市检察院… in its annex of members). Such a bare name is an elliptical
        alias of the fuller name the document writes, so it is output as that name (contract: "names as the
        document writes them; aliases are resolved to that name"). Only when exactly one such form is written
        (a plan with both 省林业局 and 市林业局 keeps a bare 林业局 as written), and never for a form the document does
        not write (a bare 民政局 stays 民政局 when 市民政局 occurs nowhere)."""
        prefixes = {n[:len(n) - len(_strip_admin(n))] for n in map(_norm, self.names)} - {""}
        out: dict[str, str] = {}
        written = {_norm(n): n for n in self.names}
        for n in self.names:
            nn = _norm(n)
            if _strip_admin(nn) != nn or any(nn.startswith(p) for p in self.places):
                continue  # prefixed (or placed) already
            full = [p + nn for p in sorted(prefixes) if p + nn in written or p + nn in text]
            if len(full) == 1:
                out[n] = written.get(full[0], full[0])
        return out

    def fullest(self, name: str) -> str:
        """The document's fullest written name of the body `name` stands for (the name itself when there is none)."""
        return self._fullest.get(name, name)

    def fullest_all(self, names: Iterable[str]) -> list[str]:
        """`fullest` over a list of names, order kept, one entry per body."""
        return list(dict.fromkeys(self.fullest(n) for n in names))

    # ------------------------------------------------------------------ resolution
    def all_names(self) -> list[str]:
        """Concrete unit names then collective tokens, as the document writes them."""
        return self.names + list(self.collective.values())

    def resolve(self, mention: str) -> list[str]:
        """The document's unit names a mention stands for ([] when none); exact collective tokens resolve to themselves."""
        return self.resolve_quality(mention)[0]

    def resolve_quality(self, mention: str) -> tuple[list[str], int]:
        """Names and how directly they were reached: 4 the name as written, 3 a form of it (short form, without
        prefix), 2 the same body under another name of its group, 1 a related body (经信委 for 经委), 0 none. Lets a
        caller that holds several documents prefer the one that names the unit exactly."""
        m = _norm(mention)
        if not m:
            return [], 0
        if m in self.collective:
            return [self.collective[m]], 4
        exact = [n for n in self.names if _norm(n) == m]
        if exact:
            return exact + self._bare_forms(exact), 4
        if m in self._forms:
            return list(self._forms[m]), 3
        core = unit_core(m, self.places)
        if core in self._by_core:
            return list(self._by_core[core]), 3
        key = _group_key(core)
        if key is None:
            return [], 0
        if key in self._by_group:
            return list(self._by_group[key]), 2
        for rel in RELATED_GROUPS.get(key, ()):
            if rel in self._by_group:
                return list(self._by_group[rel]), 1
        return [], 0

    def _bare_forms(self, exact: list[str]) -> list[str]:
        """Names the document writes without the admin prefix of an exact match: `市生态环境局、林业局` shares one 市,
        so a plan that has both 市林业局 and 林业局 (Sanming 490) means one body, and a question on 市林业局 must reach
        the tasks that list 林业局 too. Only bare names (no prefix of their own) of the same core are added."""
        cores = {unit_core(n, self.places) for n in exact}
        return [n for n in self.names if n not in exact and _strip_admin(_norm(n)) == _norm(n)
                and _norm(n) not in {_norm(e) for e in exact} and unit_core(n, self.places) in cores]

    def surface_forms(self) -> list[str]:
        """Every form the registry recognises in text (names, short forms, prefixed forms), e.g. for a tokenizer's
        user dictionary."""
        return sorted(self._forms)

    def _build_forms(self) -> dict[str, tuple[str, ...]]:
        """Every surface form worth scanning for → the names it resolves to."""
        forms: dict[str, set[str]] = {}

        def add(form: str, name: str) -> None:
            form = _norm(form)
            if len(form) >= 2:
                forms.setdefault(form, set()).add(name)

        for n in self.names:
            nn = _norm(n)
            add(nn, n)
            stripped = _strip_admin(_strip_org(nn))
            add(stripped, n)
            for p in self.places:
                if stripped.startswith(p):
                    add(stripped[len(p):], n)
            town = _TOWN_SUFFIX.sub("", nn)
            if town != nn and len(town) >= 2:
                add(town, n)
            core = unit_core(n, self.places)
            key = _group_key(core)
            if key:
                group = next(g for g in ALIAS_GROUPS if g[0] == key)
                prefix = nn[:len(nn) - len(stripped)] if nn.endswith(stripped) else ""
                for alt in group:
                    if core.endswith(_rewrite(alt)) and core != _rewrite(alt):
                        alts = [core[:len(core) - len(_rewrite(alt))] + a for a in group]
                        break
                else:
                    alts = list(group)
                for a in alts:
                    add(a, n)
                    if prefix:
                        add(prefix + a, n)
                    for p in self.places:
                        add(p + a, n)
                        add(p + stripped, n)
        for c_norm, c in self.collective.items():
            forms.setdefault(c_norm, set()).add(c)
        # a form that several groups claim stays ambiguous (resolves to all of them): callers show every name
        return {f: tuple(sorted(ns, key=self._order)) for f, ns in forms.items()}

    def _order(self, name: str) -> int:
        return self.names.index(name) if name in self.names else len(self.names)

    # ------------------------------------------------------------------ scanning text
    def find(self, text: str) -> list[UnitMention]:
        """Unit mentions in `text` (offsets into the NFKC/quote-stripped form are mapped back to `text`), longest
        first, non-overlapping; then department-like spans that resolve to no unit of this document (unknown)."""
        chars = [(i, c) for i, ch in enumerate(text) for c in _norm(ch)]
        flat = "".join(c for _, c in chars)
        taken = [False] * len(flat)
        found: list[tuple[int, int, tuple[str, ...], int]] = []
        if self._form_re:
            for m in self._form_re.finditer(flat):
                names = self._forms[m.group(0)]
                quality = 4 if any(_norm(n) == m.group(0) for n in names) else 3
                if quality == 4:  # 市林业局 also reaches the tasks that list it as 林业局 (see _bare_forms)
                    names = tuple(dict.fromkeys(names + tuple(self._bare_forms(list(names)))))
                found.append((m.start(), m.end(), names, quality))
                for k in range(m.start(), m.end()):
                    taken[k] = True
        for m in _UNIT_LIKE.finditer(flat):
            s, e = m.start(), m.end()
            # "配合省发展改革委": the unit starts at its admin prefix, not at the verb before it
            inner = _INNER_PREFIX.search(flat, s + 1, e)
            if inner and e - inner.start() >= 3:
                s = inner.start()
            if any(taken[s:e]):
                continue
            span = flat[s:e]
            resolved, quality = self.resolve_quality(span)
            names = tuple(resolved)
            if not names and not self._looks_like_unit(span):
                continue
            found.append((s, e, names, quality))
            for k in range(s, e):
                taken[k] = True
        out = []
        for s, e, names, quality in sorted(found):
            os_, oe = chars[s][0], chars[e - 1][0] + 1
            out.append(UnitMention(os_, oe, text[os_:oe], names, quality))
        return out

    def _looks_like_unit(self, span: str) -> bool:
        """A span found by the department pattern is a unit mention only if it is a known department form (with or
        without admin prefix) or carries an admin prefix and a department suffix — never a plain word (布局, 部门)."""
        if any(span.endswith(w) for w in _NON_UNIT_WORDS):
            return False
        core = unit_core(span, self.places)
        if _group_key(core) is not None and len(core) >= 2:
            # the group form must be the whole core, or the core must end in a strong suffix (公安分局, 区卫健委)
            return core in _GROUP_OF or core.endswith(_STRONG_SUFFIX)
        has_prefix = span != _strip_admin(span)
        return has_prefix and span.endswith(_STRONG_SUFFIX + _WEAK_SUFFIX) and len(core) >= 2

    def closest(self, mention: str, k: int = 3) -> list[str]:
        """The k concrete unit names most similar to `mention` (for "did you mean" messages)."""
        core = unit_core(mention, self.places)
        scored = []
        for n in self.names:
            c = unit_core(n, self.places)
            ratio = difflib.SequenceMatcher(None, core, c).ratio()
            shared = len(set(core) & set(c)) / max(1, len(set(core)))
            scored.append((ratio + 0.5 * shared, -self._order(n), n))
        scored.sort(reverse=True)
        return [n for _, _, n in scored[:k]]
