""".html/.htm/.shtml → canonical text: block elements become lines, table rows become TAB-separated lines.

Why: many plans are published only as web pages on government sites (often GBK, often laid out with tables). We keep
what a reader sees as the document body: scripts, styles, navigation and form widgets are dropped; everything else is
kept, because guessing which `<div>` is "the article" would silently lose text on some site or other. The page
`<head>` (including `<title>`) is skipped: the body repeats the title.

Decoding: a byte-order mark wins; then the charset the page declares (`<meta charset>`, `http-equiv`, XML declaration;
GB2312/GBK are read as GB18030, their superset); if the declaration is missing, unknown or wrong, the same detection
as for .txt files.
"""
from __future__ import annotations

import codecs
import re

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag
from bs4.element import CData, Declaration

from ..errors import InputError
from .encoding import GB_FAMILY, decode_text_bytes
from .plaintext import empty_error
from .registry import Decoded, register
from .sniff import kind_name, sniff

DROP = frozenset({"script", "style", "nav", "noscript", "template", "iframe", "svg", "math", "head", "select",
                  "option", "button", "input", "textarea", "object", "embed", "canvas", "audio", "video", "map"})
BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
                   "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                   "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p",
                   "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_CELL_BLOCKS = ("p", "div", "br", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")

_CHARSET_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_WS = re.compile(r"[ \t\n\r\f\xa0]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@register("html", (".html", ".htm", ".shtml", ".xhtml"), "网页（.html/.htm）")
def load_html(raw: bytes, name: str) -> Decoded:
    """Read an HTML page; InputError if it is empty, not HTML-ish text, or undecodable."""
    if not raw:
        raise empty_error(name)
    kind = sniff(raw)
    if kind is not None and kind != "html":
        raise InputError(f"{name} 不是网页文件（内容实际是{kind_name(kind)}），请确认文件后重试")
    text, encoding = decode_html_bytes(raw, name)
    soup = BeautifulSoup(text, "lxml")
    lines = html_lines(soup)
    if not lines:
        raise empty_error(name)
    return Decoded("\n".join(lines) + "\n", encoding)


def decode_html_bytes(raw: bytes, name: str) -> tuple[str, str]:
    """BOM → declared charset (strict) → detection. Returns (text, encoding used)."""
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text_bytes(raw, name)
    declared = declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies (common: "gb2312" on a UTF-8 page); fall back to detection
    return decode_text_bytes(raw, name)


def declared_charset(raw: bytes) -> str | None:
    """The Python codec name the page declares in its first 4 KB, or None (absent or unknown)."""
    head = raw[:4096]
    m = _CHARSET_RE.search(head) or _XML_DECL_RE.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def html_lines(soup: BeautifulSoup) -> list[str]:
    """Visible lines of a parsed page (see module docstring for the rules)."""
    out = _LineBuffer()
    _walk(soup, out)
    out.flush()
    return out.lines


class _LineBuffer:
    """Collects inline text; a block boundary or <br> flushes it as one line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def add(self, s: str) -> None:
        self._parts.append(s)

    def add_line(self, line: str) -> None:
        """Append a finished line verbatim (table rows: their TABs must survive whitespace collapsing)."""
        self.flush()
        self.lines.append(line)

    def flush(self) -> None:
        line = collapse_ws("".join(self._parts))
        self._parts.clear()
        if line:
            self.lines.append(line)


def collapse_ws(s: str) -> str:
    """HTML whitespace rules, adapted to Chinese: runs of ASCII whitespace/nbsp become one space, except a run that
    contains a source line break between two CJK characters, which disappears (the page wrapped a Chinese sentence in
    its source; browsers show no space there either). Full-width spaces are kept inside, trimmed at the ends."""

    def repl(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        if ("\n" in m.group() or "\r" in m.group()) and start > 0 and end < len(s):
            if _CJK.match(s[start - 1]) and _CJK.match(s[end]):
                return ""
        return " "

    return _WS.sub(repl, s).strip(" \u3000")


def _walk(node: Tag, out: _LineBuffer) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction, Declaration, CData)):
            continue
        if isinstance(child, NavigableString):
            out.add(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        tag = child.name.lower() if child.name else ""
        if tag in DROP or _hidden(child):
            continue
        if tag == "br":
            out.flush()
        elif tag == "table":
            out.flush()
            _table(child, out)
        elif tag in BLOCK:
            out.flush()
            _walk(child, out)
            out.flush()
        else:
            _walk(child, out)


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "")
    style = style if isinstance(style, str) else " ".join(style)
    return tag.has_attr("hidden") or bool(re.search(r"display\s*:\s*none", style, re.I))


def _table(table: Tag, out: _LineBuffer) -> None:
    """Data rows → one TAB-joined line each. A row whose cells hold paragraphs or nested tables is layout, not data
    (old government sites put the whole article in one cell): its cells are walked as ordinary blocks."""
    caption = table.find("caption", recursive=False)
    if caption is not None:
        _walk_block(caption, out)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # belongs to a nested table, handled when its cell is walked
        cells = [c for c in tr.find_all(["td", "th"], recursive=False)]
        if any(c.find(_CELL_BLOCKS) is not None for c in cells):
            for c in cells:
                _walk_block(c, out)
            continue
        texts = []
        for c in cells:
            buf = _LineBuffer()
            _walk(c, buf)
            buf.flush()
            texts.append(" ".join(buf.lines))
        while texts and not texts[-1]:
            texts.pop()
        if any(texts):
            out.add_line("\t".join(t.replace("\t", " ") for t in texts))


def _walk_block(el: Tag, out: _LineBuffer) -> None:
    out.flush()
    _walk(el, out)
    out.flush()
