"""A document against itself: identical, and with only formatting changed, it reports zero changes."""
from __future__ import annotations

import re

from extract import extract_text
from kg.diff import diff_records


def _reformat(text: str) -> str:
    """Whitespace, punctuation width, OCR spaces, broken lines and full-width number labels — nothing else."""
    out = []
    for k, line in enumerate(text.split("\n")):
        if k % 3 == 0:
            line = line.replace(",", "，").replace(":", "：").replace(";", "；").replace("(", "（").replace(")", "）")
        if k % 3 == 1:
            line = re.sub(r"(\d)(年|个|家|%|万)", r"\1 \2", line)
            line = re.sub(r"^(\d+)\.", r"\1．", line)
        if k % 4 == 2 and len(line) > 120:
            cut = line.find("。", 60)
            if 0 < cut < len(line) - 1:
                line = line[:cut + 1] + "\n" + line[cut + 1:]
        if k % 5 == 3:
            line = "  " + line.replace("、", "、 ") + "  "
        out.append(line)
    return "\n".join(out)


def test_identical_document_has_no_changes(jiading):
    diff = diff_records(jiading, jiading, use_embeddings=False)
    assert diff["changes"] == [] and diff["added"] == [] and diff["removed"] == []
    assert diff["formatting_only"] == 0
    assert {p["status"] for p in diff["pairs"]} == {"unchanged"}
    assert len(diff["pairs"]) == len(jiading.tasks)
    assert len(diff["targets"]["pairs"]) == len(jiading.targets)


def test_formatting_only_copy_reports_zero_changes(jiading):
    text = _reformat(jiading.text)
    assert text != jiading.text
    copy = extract_text(text, source="reformatted.txt", doc_id="jiading-reformatted")
    diff = diff_records(jiading, copy, use_embeddings=False)
    assert diff["changes"] == []
    assert diff["added"] == [] and diff["removed"] == []
    assert {p["status"] for p in diff["pairs"]} == {"unchanged"}
    assert all(p["old"] == p["new"] for p in diff["pairs"])
    assert diff["formatting_only"] > 50  # counted, not listed
    assert diff["sections"]["added"] == [] and diff["sections"]["removed"] == []


def test_page_numbers_of_a_repaginated_pdf_text_are_formatting(jiading):
    """Text taken from a PDF keeps footer lines (`— 26 —`, `第3页`); a new pagination moves them into other tasks."""
    lines = jiading.text.split("\n")
    long_lines = [k for k, line in enumerate(lines) if len(line) > 60]
    for k, footer in zip(long_lines[2::8], ("— 2 —", "- 3 -", "第4页 共12页")):
        mid = len(lines[k]) // 2  # a footer line lands inside a paragraph, as pdftotext prints it
        lines[k] = lines[k][:mid] + "\n" + footer + "\n" + lines[k][mid:]
    copy = extract_text("\n".join(lines), source="repaginated.txt", doc_id="jiading-repaginated")
    diff = diff_records(jiading, copy, use_embeddings=False)
    assert diff["changes"] == [] and diff["added"] == [] and diff["removed"] == []
    assert diff["formatting_only"] > 0
