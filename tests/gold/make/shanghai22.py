import os, sys, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO
g = Gold("corpus/shanghai_carbon_peak_plan_2022.txt",
         {"title": "上海市碳达峰实施方案", "issuer": "上海市人民政府", "published": None,
          "notes": "date not printed in the PDF; public record 沪府发〔2022〕7号 (July 2022), not re-verified; the 印发通知 cover is not included"})
txt = g.text
lines = txt.split("\n")
CN = "一二三四五六七八九十"
def cn(s): return 10 if s == "十" else CN.index(s) + 1
top = sec = None
def split_units(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "（〈(": depth += 1
        elif ch in "）〉)": depth -= 1
        if depth == 0 and ch in "、，,":
            out.append(cur); cur = ""
        else:
            cur += ch
    out.append(cur)
    return [u for u in out if u]
RU = re.compile(r"（责任单位：((?:[^（）]|（[^（）]*）)*)）$")
COLLECTIVE = {"各区", "各有关部门", "各有关部门和单位"}
i = 0
while i < len(lines):
    ln = lines[i]
    m = re.match(r"^([一二三四五六七八九十])、(.*)$", ln)
    if m:
        top = str(cn(m.group(1))); g.sec(top, m.group(1) + "、", m.group(2)); sec = top; i += 1; continue
    m = re.match(r"^（([一二三四五六七八九十])）(.*)$", ln)
    if m:
        n = cn(m.group(1))
        if "。" not in m.group(2):   # a heading (section)
            sec = f"{top}.{n}"; g.sec(sec, f"（{m.group(1)}）", m.group(2), top); i += 1; continue
        # a task under a top-level part (三/四/五); the paragraph may be split over lines
        para = m.group(2)
        while not RU.search(para):
            i += 1; para += "\n" + lines[i]
        tid = f"{top}.{n}"; title = para[:para.index("。")]
        ut = RU.search(para).group(1)
        U = split_units(ut)
        g.task(tid, top, title, unit_text="责任单位：" + ut, units=U, leads=[U[0]])
        i += 1; continue
    m = re.match(r"^(\d+)\.(.*)$", ln)
    if m:
        para = m.group(2)
        tid = f"{sec}.{m.group(1)}"; title = para[:para.index("。")]
        ut = RU.search(para).group(1)
        U = split_units(ut)
        g.task(tid, sec, title, unit_text="责任单位：" + ut, units=U, leads=[U[0]])
    i += 1
for t in g.tasks:
    if t["lead_unit"] in COLLECTIVE:
        t["notes"] = "the list starts with a collective token; by the contract's 'first listed' rule it is the lead (first concrete unit would be " + [u for u in t["responsible_units"] if u not in COLLECTIVE][0] + ")"
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "shanghai22_targets.py"), encoding="utf-8").read())
g.write(os.path.join(REPO, "tests/gold/shanghai_2022.json"))
