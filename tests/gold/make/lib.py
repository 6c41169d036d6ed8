import json, re, sys, os
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

def canon(path):
    """The canonical text of a source: a .txt file decoded, or what `policykg text` prints for a PDF/Word/HTML plan
    (the gold's spans are substrings of that text, whatever the format)."""
    full = os.path.join(REPO, path)
    if not full.endswith(".txt"):
        sys.path.insert(0, REPO)
        from extract import load_text
        return load_text(full).text
    raw = open(full, "rb").read()
    t = raw.decode("utf-8-sig")
    return t.replace("\r\n", "\n")

_NUMN = str.maketrans({"(": "（", ")": "）", "．": ".", "、": "、"})

def norm_number(n):
    return n.translate(_NUMN)

class Gold:
    def __init__(self, source, document):
        self.source = source
        self.text = canon(source)
        self.document = dict(document)
        self.document["source_file"] = source
        self.sections = []
        self.tasks = []
        self.targets = []
        self.extras = []
        self.top = {}

    def sec(self, id, number, title, parent=None, **kw):
        assert number in self.text, number
        d = {"id": id, "number": number, "number_normalized": norm_number(number), "title": title, "parent": parent}
        d.update(kw)
        self.sections.append(d)

    def task(self, id, section, title, unit_text=None, units=None, leads=None, deadline=None, deadline_text=None, **kw):
        assert title in self.text, (id, title)
        if unit_text is not None:
            assert unit_text in self.text, (id, unit_text)
        units = units or []
        leads = leads if leads is not None else ([units[0]] if units else [])
        d = {"id": id, "section": section, "title": title, "unit_text": unit_text,
             "responsible_units": units, "lead_unit": leads[0] if leads else None, "lead_units": leads,
             "deadline": deadline, "deadline_text": deadline_text}
        d.update(kw)
        self.tasks.append(d)
        return d

    def tgt(self, task, text, indicator, value=None, unit=None, comparator=None, deadline=None, time_text=None,
            kind=None, period_start=None, baseline_year=None, before=False, tier="core", hedge=None, threshold=None,
            cumulative=False, notes=None, **kw):
        assert text in self.text, (task, text)
        if kind is None:
            kind = "quantitative" if value is not None else "milestone"
        d = {"id": None, "task": task, "text": text, "indicator": indicator, "value": value, "unit": unit,
             "comparator": comparator, "baseline_year": baseline_year, "period_start": period_start,
             "deadline": deadline, "kind": kind, "time_text": time_text,
             "deadline_inherited": bool(time_text is not None and time_text not in text),
             "before": before, "tier": tier, "hedge": hedge, "threshold": threshold, "cumulative": cumulative}
        if notes:
            d["notes"] = notes
        d.update(kw)
        self.targets.append(d)
        return d

    def extra(self, task, text, reason):
        assert text in self.text, (task, text)
        self.extras.append({"task": task, "text": text, "reason": reason})

    def write(self, path, **top):
        for i, t in enumerate(self.targets, 1):
            t["id"] = "T%03d" % i
        out = {"targets_complete": True}
        out.update(top)
        out["document"] = self.document
        out["sections"] = self.sections
        out["tasks"] = self.tasks
        out["targets"] = self.targets
        out["tolerated_extras"] = self.extras
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        units = {u for t in self.tasks for u in t["responsible_units"]}
        pairs = sum(len(t["responsible_units"]) for t in self.tasks)
        print(path, "sections", len(self.sections), "tasks", len(self.tasks), "distinct units", len(units),
              "unit pairs", pairs, "targets", len(self.targets),
              "core", sum(t["tier"] == "core" for t in self.targets), "extras", len(self.extras))
