"""Gold for 490.pdf 三明市关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知 (checklist style: `牵头单位：…` and
`责任单位：…` on their own lines after each task). Hand-typed sections, titles and targets; only the unit lists are split
mechanically (on 、 and ，, never inside brackets) and the shared 市 of a 、-chain is expanded (see `expand`)."""
import os, re, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import Gold, REPO

SRC = "/work/shared/corpus/pdf/490.pdf"
g = Gold(SRC, {"title": "三明市人民政府办公室关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知",
               "issuer": "三明市人民政府办公室", "published": "2022-05-31", "doc_number": "明政办规〔2022〕2号",
               "notes": "PDF (WPS via OFD); valid until 2025-12-31 (line 81); annex = the leading group's member list"})
txt = g.text


def split(s):
    """Split a unit list on 、 and ， outside brackets; drop empties (3.2.2 ends with a stray ，)."""
    out, cur, depth = [], "", 0
    for ch in s:
        depth += ch == "（"
        depth -= ch == "）"
        if ch in "、，" and depth == 0:
            out.append(cur); cur = ""
        else:
            cur += ch
    out.append(cur)
    return [u for u in out if u]


def expand(s):
    """Judgment call: in `市生态环境局、林业局` the 市 is shared by the whole 、-chain (every name is a 市直 department),
    and where the document itself writes the full name of that body elsewhere (市林业局 in other annotations; 市住建局,
    市检察院, 市市场监管局… in the annex of members) the bare form is an elliptical alias of that written name:
    `林业局` → `市林业局`, `市场监管局` → `市市场监管局`. A bare name whose 市 form the document never writes stays as
    written (`民政局`, `银保监局`: contract, "names as the document writes them"). Chains are cut by ，
    (`市委文明办，市发改委、工信局`), and a chain whose first name lacks 市 is left as written."""
    out = []
    for chain in re.split(r"，(?![^（]*）)", s):
        names = split(chain)
        if names and names[0].startswith("市") and not names[0].startswith("市场"):
            names = [names[0]] + [n if (n.startswith("市") and not n.startswith("市场")) or "市" + n not in txt
                                  else "市" + n for n in names[1:]]
        out += names
    return out


for id, num, title, parent in [("1", "一、", "指导思想", None), ("2", "二、", "工作目标", None),
                               ("3", "三、", "主要任务", None),
                               ("3.1", "（一）", "建好森林碳库", "3"), ("3.2", "（二）", "建立林业碳汇项目开发机制", "3"),
                               ("3.3", "（三）", "建设区域碳汇交易体系", "3"), ("3.4", "（四）", "创新林业碳票制度", "3"),
                               ("3.5", "（五）", "创建碳汇应用场景", "3"), ("4", "四、", "保障机制", None)]:
    g.sec(id, num, title, parent)

TASKS = [  # (id, section, title) as written; the unit lines are read from the text below
    ("3.1.1", "3.1", "实施森林增绿固碳工程"), ("3.1.2", "3.1", "实施森林增质固碳工程"),
    ("3.1.3", "3.1", "实施森林增效固碳工程"), ("3.1.4", "3.1", "实施森林减灾保护工程"),
    ("3.1.5", "3.1", "实施生物减排固碳工程"),
    ("3.2.1", "3.2", "加强林业碳汇计量评估"), ("3.2.2", "3.2", "创新林业碳汇方法学"), ("3.2.3", "3.2", "做好林业碳汇项目储备"),
    ("3.3.1", "3.3", "打造区域林业综合交易中心"), ("3.3.2", "3.3", "积极开展林业碳汇交易"),
    ("3.3.3", "3.3", "建立林业碳汇收储机制"),
    ("3.4.1", "3.4", "完善林业碳票管理办法"), ("3.4.2", "3.4", "争取升级碳票计量方法"),
    ("3.5.1", "3.5", "探索“碳汇+碳中和”"), ("3.5.2", "3.5", "探索“碳汇+生态司法”"), ("3.5.3", "3.5", "探索“碳汇+义务植树”尽责"),
    ("3.5.4", "3.5", "探索“碳汇+金融”"), ("3.5.5", "3.5", "探索“碳汇+信用积分”"),
    ("4.1", "4", "建立工作组织领导机制"), ("4.2", "4", "建立碳汇研究合作机制"), ("4.3", "4", "建立专业人才培养机制"),
    ("4.4", "4", "建立碳汇知识普及机制"),
]
lines = txt.split("\n")
for i, (tid, sec, title) in enumerate(TASKS):
    start = txt.index(title)
    end = txt.index(TASKS[i + 1][2], start) if i + 1 < len(TASKS) else txt.index("本通知自印发之日起实施")
    block = txt[start:end]
    lead = re.search(r"^牵头单位：(.*)$", block, re.M)
    resp = re.search(r"^责任单位：(.*)$", block, re.M)
    leads = expand(lead.group(1)) if lead else []
    units = leads + [u for u in expand(resp.group(1)) if u not in leads]
    unit_text = (lead.group(0) + "\n" + resp.group(0)) if lead else resp.group(0)
    # 4.1 has only a 责任单位 line: the first listed is the lead
    g.task(tid, sec, title, unit_text=unit_text, units=units, leads=leads or units[:1])

P14, Y25 = "2021-01-01", "2025-12-31"
# 二、工作目标 (task "2")
g.tgt("2", "到2025年，建设碳汇林90万亩", "建设碳汇林", 90, "万亩", "=", Y25, "到2025年")
g.tgt("2", "建设国家储备林100万亩", "建设国家储备林", 100, "万亩", "=", Y25, "到2025年")
g.tgt("2", "完成森林质量精准提升45万亩", "森林质量精准提升", 45, "万亩", "=", Y25, "到2025年")
g.tgt("2", "全市森林覆盖率保持在76.80%以上", "全市森林覆盖率", 76.80, "%", ">=", Y25, "到2025年")
g.tgt("2", "森林蓄积量达到19906万立方米", "森林蓄积量", 19906, "万立方米", ">=", Y25, "到2025年")
g.extra("2", "森林植被固碳能力显著增强", "directional")
g.tgt("3.1.1", "“十四五”期间，完成植树造林90万亩", "植树造林", 90, "万亩", "=", Y25, "“十四五”期间", period_start=P14)
g.tgt("3.1.2", "“十四五”期间，完成森林抚育300万亩", "森林抚育", 300, "万亩", "=", Y25, "“十四五”期间", period_start=P14)
g.tgt("3.1.2", "封山育林100万亩", "封山育林", 100, "万亩", "=", Y25, "“十四五”期间", period_start=P14)
g.tgt("3.1.2", "完成国家储备林建设100万亩", "国家储备林建设", 100, "万亩", "=", Y25, "“十四五”期间", period_start=P14)
g.tgt("3.1.3", "“十四五”期间，完成松林改造提升120万亩", "松林改造提升", 120, "万亩", "=", Y25, "“十四五”期间",
      period_start=P14)
g.tgt("3.2.3", "争取到2025年，全市累计策划林业碳汇项目20个以上", "累计策划林业碳汇项目", 20, "个", ">=", Y25, "争取到2025年",
      hedge="争取", cumulative=True)
g.tgt("3.3.2", "争取到2025年，全市交易林业碳汇碳减排量累计达到150万吨以上", "交易林业碳汇碳减排量", 150, "万吨", ">=", Y25,
      "争取到2025年", hedge="争取", cumulative=True)
g.tgt("3.3.2", "其中林业碳票30万吨以上", "其中林业碳票交易量", 30, "万吨", ">=", Y25, "争取到2025年", hedge="争取",
      cumulative=True)
g.extra("4", "本通知自印发之日起实施，有效期至2025年12月31日", "validity of the notice, not a commitment")

g.write(os.path.join(REPO, "tests", "gold", "sanming_490.json"))
