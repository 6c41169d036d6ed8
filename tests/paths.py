"""Where the shared material lives (tests may read ../shared directly)."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
JIADING = CORPUS / "jiading_carbon_peak_plan_2022.txt"
GOLD_JIADING = SHARED / "gold" / "jiading.json"
EVAL = SHARED / "eval"
