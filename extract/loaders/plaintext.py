""".txt → canonical text, exactly as the contract defines it.

Contract (../shared/contract/README.md): the decoded file with a leading BOM removed and `\\r\\n` turned into `\\n`;
nothing else changes. That is deliberately minimal: spans in `policykg extract` output index this text, and users
check quotes against the file they gave us, so we do not strip, normalise width, or collapse blank lines here.
"""
from __future__ import annotations

from ..errors import InputError
from .encoding import decode_text_bytes, not_text_error
from .registry import Decoded, register
from .sniff import kind_name, sniff


@register("txt", (".txt",), "纯文本（UTF-8、带 BOM 的 UTF-8、GB18030/GBK）")
def load_txt(raw: bytes, name: str) -> Decoded:
    """Decode a plain-text plan; InputError if it is empty, binary, another format in disguise, or undecodable."""
    if not raw:
        raise empty_error(name)
    kind = sniff(raw)
    if kind is not None and kind != "html":
        # A PDF or .docx saved with a .txt name: say what it really is rather than decoding it into mojibake.
        raise not_text_error(name, f"内容实际是{kind_name(kind)}")
    text, encoding = decode_text_bytes(raw, name)
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise empty_error(name)
    return Decoded(text, encoding)


def empty_error(name: str) -> InputError:
    """The one message for a file with nothing to import."""
    return InputError(f"文件为空：{name} 没有任何文字，请确认选择了正确的方案文件")
