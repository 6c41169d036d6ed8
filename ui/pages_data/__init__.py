"""Data behind each page: plain functions over a Store that return JSON-able values (no Streamlit imports here).

Why a package without Streamlit: the same functions serve the renderers, the tests and anyone who wants a page's
data as JSON, and they stay testable without a running app.
"""
