#!/usr/bin/env python3
"""Consistency check for the hand-written gold files in this folder (tests/gold/*.json).

usage: python3 tests/gold/check_gold.py [GOLD.json ...]      (default: every *.json next to this script)

Checks, per file (exit 1 on any error):
* the source file (`document.source_file`, relative to the repository root) exists; its canonical text is the file
  decoded as UTF-8 (or GB18030), leading BOM removed, CRLF -> LF;
* every target `text`, tolerated-extra `text`, task `unit_text` (and every entry of `unit_annotations`), task `title`,
  task `deadline_text`, target `time_text` and section `number`/`title` is an EXACT substring of that canonical text;
* section ids are unique; a section's parent exists and its id is `<parent>.<n>`; top-level sections have parent null;
* task ids are unique and disjoint from section ids; a task's section exists and its id is `<section>.<n>`;
* `lead_unit == lead_units[0]` and every lead is in `responsible_units`; unit names are written as in the text
  (whitespace-insensitive substring of the task's unit texts; otherwise a warning);
* target ids are unique, each target's task is a task or section id, tolerated extras likewise;
* dates are valid ISO dates, period_start <= deadline; `deadline_inherited` is true exactly when `time_text` is not
  null and not inside `text`; enumerations (kind, comparator, tier) are valid;
* when `targets_complete` is false, `targets_annotated_tasks` lists existing task/section ids.
"""
import datetime
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
KINDS = {"quantitative", "milestone", "standard"}
COMPS = {None, ">=", "<=", "=", ">", "<", "decrease_by", "increase_by"}
TIERS = {"core", "soft"}


def canon_text(path):
    if not path.endswith(".txt"):
        # a PDF/Word/HTML plan: its canonical text is what `policykg text FILE` prints (the extractor's loader)
        sys.path.insert(0, REPO)
        from extract import load_text
        return load_text(path).text
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            t = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"cannot decode {path}")
    return t.replace("\r\n", "\n")


def iso(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def nows(s):
    return re.sub(r"\s+", "", s or "")


def check(path):
    errs, warns = [], []
    g = json.load(open(path, encoding="utf-8"))
    doc = g.get("document", {})
    src = os.path.join(REPO, doc.get("source_file", ""))
    if not os.path.isfile(src):
        if os.path.isabs(doc.get("source_file", "")):  # a shared corpus PDF (/work/shared/corpus/pdf): skip if absent
            return [], [f"source file absent, not checked: {src}"]
        return [f"source file missing: {src}"], warns
    text = canon_text(src)

    def sub(what, s):
        if s is None:
            return
        if s not in text:
            errs.append(f"{what}: not an exact substring of the source: {s!r}")

    secs = {}
    for s in g.get("sections", []):
        if s["id"] in secs:
            errs.append(f"section {s['id']}: duplicate id")
        secs[s["id"]] = s
        sub(f"section {s['id']} number", s.get("number"))
        sub(f"section {s['id']} title", s.get("title"))
    for s in secs.values():
        p = s.get("parent")
        if p is None:
            if "." in s["id"]:
                errs.append(f"section {s['id']}: dotted id but parent null")
        else:
            if p not in secs:
                errs.append(f"section {s['id']}: parent {p} does not exist")
            if not re.fullmatch(re.escape(p) + r"\.\d+", s["id"]):
                errs.append(f"section {s['id']}: id is not <parent>.<n> (parent {p})")
    tasks = {}
    for t in g.get("tasks", []):
        i = t["id"]
        if i in tasks:
            errs.append(f"task {i}: duplicate id")
        if i in secs:
            errs.append(f"task {i}: id is also a section id")
        tasks[i] = t
        if t.get("section") not in secs:
            errs.append(f"task {i}: section {t.get('section')} does not exist")
        elif not re.fullmatch(re.escape(t["section"]) + r"\.\d+", i):
            errs.append(f"task {i}: id is not <section>.<n> (section {t['section']})")
        sub(f"task {i} title", t.get("title"))
        sub(f"task {i} unit_text", t.get("unit_text"))
        sub(f"task {i} deadline_text", t.get("deadline_text"))
        texts = [t.get("unit_text")] if t.get("unit_text") else []
        for a in t.get("unit_annotations", []) or []:
            sub(f"task {i} annotation unit_text", a.get("unit_text"))
            sub(f"task {i} annotation text", a.get("text"))
            sub(f"task {i} annotation deadline_text", a.get("deadline_text"))
            if a.get("deadline") is not None and iso(a["deadline"]) is None:
                errs.append(f"task {i}: annotation deadline not ISO: {a['deadline']}")
            if a.get("unit_text"):
                texts.append(a["unit_text"])
            for u in a.get("units", []):
                if u not in t.get("responsible_units", []):
                    errs.append(f"task {i}: annotation unit {u} missing from responsible_units")
        units = t.get("responsible_units", [])
        if len(set(units)) != len(units):
            errs.append(f"task {i}: duplicate responsible unit")
        leads = t.get("lead_units")
        if leads is None:
            leads = [t["lead_unit"]] if t.get("lead_unit") else []
        if leads and t.get("lead_unit") != leads[0]:
            errs.append(f"task {i}: lead_unit != lead_units[0]")
        if not leads and t.get("lead_unit"):
            errs.append(f"task {i}: lead_unit without lead_units")
        for u in leads:
            if u not in units:
                errs.append(f"task {i}: lead {u} not in responsible_units")
        if units and not texts:
            errs.append(f"task {i}: units without unit_text")
        if not units and leads:
            errs.append(f"task {i}: leads without units")
        alltext = nows("".join(texts))
        for u in units:
            if nows(u) not in alltext:
                warns.append(f"task {i}: unit {u!r} is not written as such in its unit text")
        if t.get("deadline") is not None and iso(t["deadline"]) is None:
            errs.append(f"task {i}: deadline not ISO: {t['deadline']}")
    ids = set(tasks) | set(secs)
    seen = set()
    for x in g.get("targets", []):
        i = x.get("id")
        if i in seen:
            errs.append(f"target {i}: duplicate id")
        seen.add(i)
        if str(x.get("task")) not in ids:
            errs.append(f"target {i}: task {x.get('task')} does not exist")
        sub(f"target {i} text", x.get("text"))
        sub(f"target {i} time_text", x.get("time_text"))
        for k in ("deadline", "period_start"):
            if x.get(k) is not None and iso(x[k]) is None:
                errs.append(f"target {i}: {k} not ISO: {x[k]}")
        if x.get("deadline") and x.get("period_start") and iso(x["period_start"]) and iso(x["deadline"]) \
                and iso(x["period_start"]) > iso(x["deadline"]):
            errs.append(f"target {i}: period_start after deadline")
        tt = x.get("time_text")
        want = bool(tt is not None and tt not in (x.get("text") or ""))
        if bool(x.get("deadline_inherited")) != want:
            errs.append(f"target {i}: deadline_inherited should be {want}")
        if x.get("kind") not in KINDS:
            errs.append(f"target {i}: bad kind {x.get('kind')}")
        if x.get("comparator") not in COMPS:
            errs.append(f"target {i}: bad comparator {x.get('comparator')}")
        if x.get("tier", "core") not in TIERS:
            errs.append(f"target {i}: bad tier {x.get('tier')}")
        if x.get("kind") == "quantitative" and x.get("value") is None:
            errs.append(f"target {i}: quantitative without value")
        if x.get("unit_text") is not None:
            sub(f"target {i} unit_text", x.get("unit_text"))
    for e in g.get("tolerated_extras", []):
        if str(e.get("task")) not in ids:
            errs.append(f"extra {e.get('text')!r}: task {e.get('task')} does not exist")
        sub("tolerated extra", e.get("text"))
    if g.get("targets_complete") is False:
        ann = g.get("targets_annotated_tasks")
        if not isinstance(ann, list) or not ann:
            errs.append("targets_complete false but targets_annotated_tasks missing/empty")
        else:
            for a in ann:
                if a not in ids:
                    errs.append(f"targets_annotated_tasks: {a} does not exist")
    return errs, warns


def main(argv):
    files = argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.json")))
    bad = 0
    for f in files:
        errs, warns = check(f)
        g = json.load(open(f, encoding="utf-8"))
        tg = g.get("targets", [])
        print(f"{os.path.basename(f)}: {len(g.get('sections', []))} sections, {len(g.get('tasks', []))} tasks, "
              f"{sum(len(t.get('responsible_units', [])) for t in g.get('tasks', []))} (task, unit) pairs, "
              f"{len(tg)} targets ({sum(1 for t in tg if t.get('tier', 'core') == 'core')} core), "
              f"{len(g.get('tolerated_extras', []))} extras: {'OK' if not errs else f'{len(errs)} ERRORS'}")
        for w in warns:
            print("  warning:", w)
        for e in errs:
            print("  ERROR:", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
