"""Every page is also data: the functions behind the app's pages, in one public list.

Each takes an open kg Store (and plain arguments) and returns JSON-able values; the renderers in ui/<page>.py only
lay them out, and tests call these directly. The implementations live in ui/pages_data/, one module per page.
`tests/app/test_app_data.py` checks that this list is complete and that every entry is documented.
"""
from __future__ import annotations

from .pages_data.chat import ask, example_questions, new_session, source_paragraph
from .pages_data.diff import diff_versions, load_version, summarize
from .pages_data.documents import (document_links, drop_document, export_document, ingest_uploads, list_documents,
                                   store_info, validate_document)
from .pages_data.graph import graph_data, graph_filters, node_detail, rank_units
from .pages_data.ledger import export_rows, ledger
from .pages_data.progress import (import_sheet, record_report, target_choices, target_history, unit_report,
                                  unit_report_file, unit_template, units_of)
from .pages_data.records import default_doc, document_ids, fingerprints, record
from .pages_data.uploads import check_upload

#: page → the data functions it renders
PAGES: dict[str, list[str]] = {
    "chat": ["ask", "example_questions", "new_session", "source_paragraph"],
    "graph": ["graph_data", "graph_filters", "node_detail", "rank_units"],
    "ledger": ["ledger", "export_rows", "record_report", "target_history", "import_sheet", "unit_report",
               "unit_report_file", "unit_template", "units_of", "target_choices"],
    "diff": ["diff_versions", "load_version", "summarize"],
    "documents": ["list_documents", "store_info", "ingest_uploads", "validate_document", "export_document",
                  "drop_document", "check_upload", "document_links"],
    "shared": ["record", "fingerprints", "document_ids", "default_doc"],
}

__all__ = sorted({name for names in PAGES.values() for name in names}) + ["PAGES"]
