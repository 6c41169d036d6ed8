"""policykg web app: `streamlit run app.py` (the store is POLICYKG_STORE or the default directory, as for the CLI).

Thin on purpose: the pages live in ui/ (one module per page, each over a data function in ui/pages_data/).
"""
from ui.shell import main

main()
