#!/usr/bin/env python3
"""Build and check the Jiading QA set (qa_jiading.json, qa_followups.json) against the gold.

usage:
  python3 tests/chat/check_qa.py            # validate the JSON files (exit 1 on any problem)
  python3 tests/chat/check_qa.py --write    # recompute `expected` from the gold + qa_jiading_src.py, write, validate
  python3 tests/chat/check_qa.py --src qa_shanghai_src.py [--write]   # another plan: the source module names its
                                            # gold, plan text and output (GOLD, SOURCE, OUT, DOC), or pass
                                            # --gold/--source/--out

Questions and their params are hand-written in qa_<plan>_src.py; this script only derives `expected` from the gold
(/work/shared/gold/jiading.json or tests/gold/<plan>.json, conventions in their READMEs) so that no set is computed
by hand. One checker serves every plan, so the Jiading conventions (explicit unit matching, required vs optional
targets, none for empty) are applied the same way everywhere.

Validation: every type is known and its expected has the shape score_qa.py judges; every task/target/section id and
unit exists in the gold; `expected` equals what the params give (so a hand edit of the JSON that drifts from the gold is
caught); none-questions really have nothing (computable params give an empty result, `absent` strings are not in the
source); no duplicate ids or questions (NFKC, whitespace and final punctuation ignored); as_of is always set; counts
per type are printed and checked against the minimums of the brief.
"""
import argparse
import dataclasses
import datetime
import importlib.util
import json
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep tests/chat free of __pycache__

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.environ.get("POLICYKG_GOLD", "/work/shared/gold/jiading.json")
SOURCE = os.environ.get("POLICYKG_SOURCE", "/work/shared/corpus/jiading_carbon_peak_plan_2022.txt")
EVAL_DIR = os.environ.get("POLICYKG_EVAL", "/work/shared/eval")
QA = os.path.join(HERE, "qa_jiading.json")
FOLLOW = os.path.join(HERE, "qa_followups.json")

TYPES = ["unit_tasks", "unit_targets_by_year", "target_value", "deadline", "overdue", "count", "section_tasks",
         "lead_unit", "co_responsible", "open"]
# minimum number of answerable (non-none) questions per type, from the brief (roughly)
MIN_ANSWERABLE = {"unit_tasks": 18, "unit_targets_by_year": 18, "target_value": 18, "deadline": 12, "overdue": 12,
                  "count": 10, "section_tasks": 10, "lead_unit": 10, "co_responsible": 8, "open": 10}
MIN_TOTAL, MIN_NONE = 130, 16
# collective tokens of the annotated plans (tests/gold/README.md lists them per file); never a co_responsible answer
COLLECTIVE = {"相关职能部门", "各相关部门", "各街镇", "各相关街镇", "各区", "各有关部门", "各有关部门和单位",
              "各区（市）县政府（管委会）", "相关区（市）县政府（管委会）"}


class Gold:
    def __init__(self, path):
        g = json.load(open(path, encoding="utf-8"))
        self.path = path
        self.tasks = {t["id"]: t for t in g["tasks"]}
        self.targets = {t["id"]: t for t in g["targets"]}
        self.sections = {s["id"]: s for s in g["sections"]}
        self.units = {u for t in g["tasks"] for u in t["responsible_units"]}

    # ---- tasks
    @staticmethod
    def leads(t):
        """The task's lead units: `lead_units` where the gold gives several (tests/gold README: Jiangsu, Wuhan),
        else the single `lead_unit` (Jiading's gold has only that field)."""
        if t.get("lead_units"):
            return list(t["lead_units"])
        return [t["lead_unit"]] if t.get("lead_unit") else []

    def unit_tasks(self, unit, lead_only=False):
        """Explicit match only (README rule 30): collective tokens are not expanded."""
        return sorted((tid for tid, t in self.tasks.items()
                       if (unit in self.leads(t) if lead_only else unit in t["responsible_units"])), key=idkey)

    def section_tasks(self, sec):
        return sorted((tid for tid in self.tasks if tid.startswith(sec + ".")), key=idkey)

    # ---- targets
    @staticmethod
    def role(t):
        """README rule 31: required = core quantitative/milestone; optional = soft tier, and standards with a period end.
        Undated targets are never due (None)."""
        if not t["deadline"]:
            return None
        if t["tier"] == "soft" or t["kind"] == "standard":
            return "optional"
        return "required"

    def split(self, targets):
        req = sorted(t["id"] for t in targets if self.role(t) == "required")
        opt = sorted(t["id"] for t in targets if self.role(t) == "optional")
        return {"target_ids": req, "optional_target_ids": opt}

    def targets_of_tasks(self, task_ids):
        task_ids = set(task_ids)
        return [t for t in self.targets.values() if t["task"] in task_ids]

    def unit_targets_by_year(self, unit, year=None, by=None):
        """Targets due by the end of `year`, or on or before the ISO date `by` (an annual plan's `6月底前`)."""
        def due(d):
            return d and (d <= by if by else int(d[:4]) <= year)
        ts = [t for t in self.targets_of_tasks(self.unit_tasks(unit)) if due(t["deadline"])]
        return self.split(ts)

    def overdue(self, as_of, scope, unit=None, section=None):
        if scope == "all":
            ts = list(self.targets.values())
        elif scope == "unit":
            ts = self.targets_of_tasks(self.unit_tasks(unit))
        elif scope == "section":
            ts = [t for t in self.targets.values() if t["task"] == section or t["task"].startswith(section + ".")]
        else:
            raise ValueError(scope)
        return self.split([t for t in ts if t["deadline"] and t["deadline"] < as_of])

    def count(self, p):
        of = p["of"]
        if of == "all_tasks":
            return len(self.tasks)
        if of == "section_tasks":
            return len(self.section_tasks(p["section"]))
        if of == "unit_tasks":
            return len(self.unit_tasks(p["unit"], p.get("lead_only", False)))
        if of == "task_units":
            return len(self.tasks[p["task"]]["responsible_units"])
        if of == "subsections":
            return sum(1 for s in self.sections.values() if s["parent"] == p["section"])
        raise ValueError(of)


def source_text(path):
    """The plan's canonical text: a .txt decoded, a PDF/Word/HTML plan as `policykg text` prints it (the extractor's
    loader), so `absent` strings are checked against what the bot can read."""
    if not path.endswith(".txt"):
        sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
        from extract import load_text
        return load_text(path).text
    return open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")


def idkey(tid):
    return [int(x) for x in tid.split(".")]


def expected_for(gold, qtype, as_of, p):
    """The expected answer from the gold for one question (None if params cannot be computed)."""
    if qtype == "unit_tasks":
        return {"task_ids": gold.unit_tasks(p["unit"], p.get("lead_only", False))}
    if qtype == "unit_targets_by_year":
        return gold.unit_targets_by_year(p["unit"], p.get("year"), p.get("by"))
    if qtype == "overdue":
        return gold.overdue(as_of, p["scope"], p.get("unit"), p.get("section"))
    if qtype == "target_value":
        t = gold.targets[p["target_id"]]
        return {"value": t["value"], "unit": t["unit"]}
    if qtype == "deadline":
        return {"deadline": gold.targets[p["target_id"]]["deadline"]}
    if qtype == "count":
        return {"count": gold.count(p)}
    if qtype == "section_tasks":
        return {"task_ids": gold.section_tasks(p["section"])}
    if qtype == "lead_unit":
        return {"units": gold.leads(gold.tasks[p["task"]])}
    if qtype == "co_responsible":
        t = gold.tasks[p["task"]]
        return {"units": [u for u in t["responsible_units"] if u != p["unit"]]}
    if qtype == "open":
        return {"task_ids": list(p["task_ids"])}
    raise ValueError(qtype)


def is_empty(exp):
    if exp is None:
        return True
    if "task_ids" in exp:
        return not exp["task_ids"]
    if "target_ids" in exp:
        return not exp["target_ids"] and not exp["optional_target_ids"]
    if "value" in exp:
        return exp["value"] is None
    if "deadline" in exp:
        return exp["deadline"] is None
    if "count" in exp:
        return not exp["count"]
    if "units" in exp:
        return not exp["units"]
    return False


def none_check(gold, src, qtype, as_of, p):
    """For a none-question: the computable params must give nothing, and `absent` strings must be absent."""
    errs = []
    for s in p.get("absent", []):
        if s in src:
            errs.append(f"'{s}' occurs in the source")
    computable = {"unit_tasks": "unit", "unit_targets_by_year": "unit", "deadline": "target_id",
                  "overdue": "scope"}.get(qtype)
    if computable and computable in p:
        exp = expected_for(gold, qtype, as_of, p)
        if not is_empty(exp):
            errs.append(f"params give a non-empty answer {exp}")
    if "unit" in p and p["unit"] not in gold.units and "absent" not in p:
        pass  # a unit of the gold answered as none must come with a computable emptiness check (done above)
    return errs


def build(gold, src_mod, plan):
    qs = []
    for qid, qtype, q, as_of, p in src_mod.QUESTIONS:
        exp = {"none": True} if p.get("none") else expected_for(gold, qtype, as_of, p)
        qs.append({"id": qid, "q": q, "type": qtype, "as_of": as_of, "params": p, "expected": exp})
    dialogues = []
    for did, as_of, turns in getattr(src_mod, "FOLLOWUPS", []):
        dialogues.append({"id": did, "as_of": as_of, "turns": [
            {"q": q, "type": qtype, "params": p,
             "expected": {"none": True} if p.get("none") else expected_for(gold, qtype, as_of, p)}
            for qtype, q, p in turns]})
    return {"doc": plan.doc, "source": plan.source_rel, "gold": plan.gold_rel,
            "note": f"expected derived from the gold by tests/chat/check_qa.py; questions hand-written in {plan.src_name}",
            "questions": qs}, dialogues


def oracle_answer(gold, raw, exp, with_optional=False):
    """A perfect answer built from the gold, in the `policykg ask` shape, for the expected answer `exp`."""
    if exp.get("none"):
        return {"none": True, "items": []}
    ans = {"none": False, "items": [], "units": [], "count": None, "deadline": None}
    if "task_ids" in exp:
        ans["items"] = [{"task": t, "quote": gold.tasks[t]["title"]} for t in exp["task_ids"]]
    elif "target_ids" in exp:
        ans["items"] = [{"task": raw[t]["task"], "quote": raw[t]["text"], "value": raw[t]["value"],
                         "unit": raw[t]["unit"], "deadline": raw[t]["deadline"]}
                        for t in exp["target_ids"] + (exp["optional_target_ids"] if with_optional else [])]
    elif "value" in exp:
        ans["items"] = [{"value": exp["value"], "unit": exp["unit"]}]
    elif "deadline" in exp:
        ans["deadline"] = exp["deadline"]
    elif "count" in exp:
        ans["count"] = exp["count"]
    elif "units" in exp:
        ans["units"] = [{"name": u} for u in exp["units"]]
    return ans


def oracle_check(gold, qs, errs):
    """Judge gold-built perfect answers with the official scorer's `judge`: every expected must be attainable
    (e.g. required targets distinguishable by quote overlap). Skipped when the scorer is not available."""
    if not os.path.exists(os.path.join(EVAL_DIR, "score_qa.py")):
        print("(scorer not found; oracle check skipped)")
        return
    sys.path.insert(0, EVAL_DIR)
    import score_qa
    raw = json.load(open(gold.path, encoding="utf-8"))
    tgts = {t["id"]: t for t in raw["targets"]}
    n = 0
    for q in qs:
        if q.get("type") not in TYPES or not isinstance(q.get("expected"), dict):
            continue
        ids = q["expected"].get("task_ids", []) + q["expected"].get("target_ids", []) \
            + q["expected"].get("optional_target_ids", [])
        if any(i not in gold.tasks and i not in tgts for i in ids):
            continue  # reported by check_item
        for with_opt in (False, True):  # required ids only, and required + optional ids: both must pass
            ok, why = score_qa.judge(q, oracle_answer(gold, tgts, q["expected"], with_opt), raw)
            if not ok:
                errs.append(f"{q.get('id')}: the scorer rejects a perfect gold answer ({why})")
        n += 1
    print(f"oracle: {n} perfect answers judged by score_qa.judge")


def norm_q(q):
    q = "".join(unicodedata.normalize("NFKC", q).split())
    return re.sub(r"[?？。!！]+$", "", q)


def check_item(gold, src, item, where, errs):
    qtype, p, exp, as_of = item["type"], item.get("params", {}), item.get("expected"), item.get("as_of")
    if qtype not in TYPES:
        errs.append(f"{where}: unknown type {qtype}")
        return
    if not as_of or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        errs.append(f"{where}: as_of missing or not ISO")
        return
    datetime.date.fromisoformat(as_of)
    if not isinstance(exp, dict) or not exp:
        errs.append(f"{where}: no expected")
        return
    # ids and units referenced must exist in the gold
    for key in ("task",):
        if key in p and p[key] not in gold.tasks:
            errs.append(f"{where}: unknown task {p[key]}")
    if "section" in p and p["section"] not in gold.sections:
        errs.append(f"{where}: unknown section {p['section']}")
    if "target_id" in p and p["target_id"] not in gold.targets:
        errs.append(f"{where}: unknown target {p['target_id']}")
    for tid in exp.get("task_ids", []) + p.get("task_ids", []):
        if tid not in gold.tasks:
            errs.append(f"{where}: unknown task id {tid}")
    for tid in exp.get("target_ids", []) + exp.get("optional_target_ids", []):
        if tid not in gold.targets:
            errs.append(f"{where}: unknown target id {tid}")
    for u in exp.get("units", []):
        if u not in gold.units:
            errs.append(f"{where}: unknown unit {u}")
    if exp.get("none"):
        if set(exp) != {"none"} or not p.get("none"):
            errs.append(f"{where}: none expected must be exactly {{'none': true}} with params.none giving the reason")
        errs.extend(f"{where}: {e}" for e in none_check(gold, src, qtype, as_of, p))
        return
    if "unit" in p and p["unit"] not in gold.units:
        errs.append(f"{where}: unit {p['unit']} not in the gold")
    shape = {"unit_tasks": {"task_ids"}, "section_tasks": {"task_ids"}, "open": {"task_ids"},
             "unit_targets_by_year": {"target_ids", "optional_target_ids"},
             "overdue": {"target_ids", "optional_target_ids"}, "target_value": {"value", "unit"},
             "deadline": {"deadline"}, "count": {"count"}, "lead_unit": {"units"}, "co_responsible": {"units"}}[qtype]
    if set(exp) != shape:
        errs.append(f"{where}: expected keys {sorted(exp)} != {sorted(shape)}")
        return
    try:
        want = expected_for(gold, qtype, as_of, p)
    except (KeyError, ValueError) as e:
        errs.append(f"{where}: params cannot be computed ({e!r})")
        return
    if want != exp:
        errs.append(f"{where}: expected {exp} but the gold gives {want}")
    if is_empty(exp):
        errs.append(f"{where}: empty expected answer (make it a none-question or change it)")
    if qtype == "target_value" and "target_id" not in p:
        errs.append(f"{where}: target_value needs params.target_id")
    if qtype == "deadline" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(exp["deadline"])):
        errs.append(f"{where}: deadline not ISO")
    if qtype == "co_responsible":
        if p["unit"] not in gold.tasks[p["task"]]["responsible_units"]:
            errs.append(f"{where}: {p['unit']} is not a unit of task {p['task']}")
        if COLLECTIVE & set(exp["units"]):
            errs.append(f"{where}: co_responsible answers avoid collective tokens (see README)")
    if qtype in ("unit_targets_by_year", "overdue") and set(exp["target_ids"]) & set(exp["optional_target_ids"]):
        errs.append(f"{where}: a target is both required and optional")


@dataclasses.dataclass
class Plan:
    """Where one plan's question set comes from and goes to. Read from the source module's optional constants
    (DOC, GOLD, SOURCE, OUT, FOLLOW, GOLD_REL, SOURCE_REL, MIN_ANSWERABLE, MIN_TOTAL, MIN_NONE); Jiading's values are
    the defaults, so qa_jiading_src.py needs none of them."""
    src_name: str
    gold: str
    source: str
    out: str
    follow: "str | None"
    doc: str
    gold_rel: str
    source_rel: str
    min_answerable: dict
    min_total: int
    min_none: int


def follow_path(g):
    """Follow-up dialogues: the module's FOLLOW file; Jiading's (the module without DOC) defaults to qa_followups.json."""
    name = g.get("FOLLOW", None if "DOC" in g else os.path.basename(FOLLOW))
    return os.path.join(HERE, name) if name else None


def load_plan(src_path, gold=None, source=None, out=None):
    src_path = os.path.abspath(src_path if os.path.sep in src_path else os.path.join(HERE, src_path))
    name = os.path.splitext(os.path.basename(src_path))[0]
    spec = importlib.util.spec_from_file_location(name, src_path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    g = getattr(mod, "__dict__")
    plan = Plan(src_name=os.path.basename(src_path),
                gold=gold or g.get("GOLD", GOLD), source=source or g.get("SOURCE", SOURCE),
                out=out or os.path.join(HERE, g.get("OUT", os.path.basename(QA))),
                follow=follow_path(g),
                doc=g.get("DOC", "jiading-carbon-peak-plan-2022"), gold_rel=g.get("GOLD_REL", "gold/jiading.json"),
                source_rel=g.get("SOURCE_REL", "corpus/jiading_carbon_peak_plan_2022.txt"),
                min_answerable=g.get("MIN_ANSWERABLE", MIN_ANSWERABLE), min_total=g.get("MIN_TOTAL", MIN_TOTAL),
                min_none=g.get("MIN_NONE", MIN_NONE))
    return plan, mod


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="recompute expected from the gold and write the JSON files")
    ap.add_argument("--src", default="qa_jiading_src.py", help="the hand-written question module (in tests/chat/)")
    ap.add_argument("--gold", help="gold JSON (default: the module's GOLD)")
    ap.add_argument("--source", help="plan text (default: the module's SOURCE)")
    ap.add_argument("--out", help="question set JSON to write/check (default: the module's OUT)")
    a = ap.parse_args(argv)
    plan, src_mod = load_plan(a.src, a.gold, a.source, a.out)
    gold = Gold(plan.gold)
    src = source_text(plan.source)
    if a.write:
        qa, dialogues = build(gold, src_mod, plan)
        with open(plan.out, "w", encoding="utf-8") as f:
            json.dump(qa, f, ensure_ascii=False, indent=1)
            f.write("\n")
        if plan.follow:
            with open(plan.follow, "w", encoding="utf-8") as f:
                json.dump(dialogues, f, ensure_ascii=False, indent=1)
                f.write("\n")
    qa = json.load(open(plan.out, encoding="utf-8"))
    qs = qa["questions"]
    errs = []
    seen_id, seen_q = {}, {}
    for q in qs:
        for k in ("id", "q", "type", "as_of", "params", "expected"):
            if k not in q:
                errs.append(f"{q.get('id')}: missing field {k}")
        if q["id"] in seen_id:
            errs.append(f"duplicate id {q['id']}")
        seen_id[q["id"]] = 1
        nq = norm_q(q["q"])
        if nq in seen_q:
            errs.append(f"duplicate question {q['id']} = {seen_q[nq]}: {q['q']}")
        seen_q[nq] = q["id"]
        check_item(gold, src, q, q["id"], errs)
    # per-type counts
    per = {t: [0, 0] for t in TYPES}
    for q in qs:
        if q["type"] in per:
            per[q["type"]][1 if q["expected"].get("none") else 0] += 1
    n_none = sum(v[1] for v in per.values())
    for t, (n_ans, n_none_t) in per.items():
        if n_ans < plan.min_answerable[t]:
            errs.append(f"type {t}: only {n_ans} answerable questions (< {plan.min_answerable[t]})")
    if len(qs) < plan.min_total:
        errs.append(f"only {len(qs)} questions (< {plan.min_total})")
    if n_none < plan.min_none:
        errs.append(f"only {n_none} none-questions (< {plan.min_none})")
    # follow-up dialogues
    n_dlg, turns = 0, []
    if plan.follow and os.path.exists(plan.follow):
        for d in json.load(open(plan.follow, encoding="utf-8")):
            n_dlg += 1
            if len(d.get("turns", [])) < 2:
                errs.append(f"{d.get('id')}: a dialogue needs at least 2 turns")
            for i, turn in enumerate(d.get("turns", [])):
                t = dict(turn, as_of=d.get("as_of"), id=f"{d.get('id')}/turn{i + 1}")
                check_item(gold, src, t, t["id"], errs)
                turns.append(t)

    oracle_check(gold, qs + turns, errs)
    print(f"{'type':22} answerable  none  total")
    for t, (n_ans, n_none_t) in per.items():
        print(f"{t:22} {n_ans:10} {n_none_t:5} {n_ans + n_none_t:6}")
    print(f"{'all':22} {len(qs) - n_none:10} {n_none:5} {len(qs):6}   (+ {n_dlg} two-turn dialogues)")
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} problem(s)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
