"""policykg: a policy knowledge graph and task tracker for Chinese government plans.

The library lives in `extract` (file → PlanRecord), `kg` (RDF store, queries, tracking, diff) and `chat` (questions);
this package holds the thin CLI over them.
"""
__version__ = "0.1.0"
