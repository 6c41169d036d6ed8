"""Where the shared material lives (tests may read ../shared directly)."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
JIADING = CORPUS / "jiading_carbon_peak_plan_2022.txt"
GOLD_JIADING = SHARED / "gold" / "jiading.json"
EVAL = SHARED / "eval"


def jiading_target_count() -> int:
    """How many targets the extractor finds in the Jiading plan: pages and listings must show all of them."""
    from functools import lru_cache

    @lru_cache(maxsize=1)
    def _count() -> int:
        from extract import extract_file
        return len(extract_file(JIADING).targets)
    return _count()
