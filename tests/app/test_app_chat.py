"""问答 page: the answer data (quotes, clause ids, source paragraphs), example questions, follow-ups, bad input, and
the page driven through AppTest (typing, clicking an example, the expander, clearing)."""
from __future__ import annotations

import pytest

from extract.errors import InputError
from tests.app.conftest import AS_OF, JIADING_ID, app_at, errors
from ui.pages_data import chat as data


def test_answer_cites_quotes_in_their_paragraphs(store):
    ans = data.ask(store, "区经委到2025年要完成哪些指标？", doc=JIADING_ID, as_of=AS_OF)
    assert ans["schema"] == "policykg.answer/1" and not ans["none"]
    assert ans["items"]
    for item in ans["items"]:
        para = item["paragraph"]
        assert para["text"][para["quote_start"]:para["quote_end"]] == item["quote"]
        assert item["target"] or item["task"]
    assert any(i["status"] == "overdue" for i in ans["items"])  # 2025 targets, nothing reported, as of 2026-11


def test_follow_up_reuses_the_session(store):
    session = data.new_session()
    first = data.ask(store, "区经委到2025年要完成哪些指标？", doc=JIADING_ID, as_of=AS_OF, session=session)
    second = data.ask(store, "那2030年呢？", doc=JIADING_ID, as_of=AS_OF, session=session)
    assert second["intent"] == first["intent"]
    assert "2030" in second["answer"]  # "by 2030" includes what is due earlier
    assert len(second["items"]) >= len(first["items"])


def test_bad_questions(store):
    with pytest.raises(InputError, match="问题是空的"):
        data.ask(store, "   ", doc=JIADING_ID)
    with pytest.raises(InputError, match="问题太长"):
        data.ask(store, "区" * 400, doc=JIADING_ID)
    with pytest.raises(InputError, match="日期格式"):
        data.ask(store, "哪些任务已经逾期？", doc=JIADING_ID, as_of="2026-13-45")
    none = data.ask(store, "方案要建设多少座核电站？", doc=JIADING_ID, as_of=AS_OF)
    assert none["none"] and not none["items"]


def test_source_paragraph():
    text = "一、总体要求\n到2025年,全区累计完成6个加氢站。\n二、"
    p = data.source_paragraph(text, [text.index("6个"), text.index("6个") + 5])
    assert p["text"] == "到2025年,全区累计完成6个加氢站。" and p["text"][p["quote_start"]:p["quote_end"]] == "6个加氢站"
    assert data.source_paragraph(text, [5, 999]) is None and data.source_paragraph(text, None) is None


def test_example_questions_have_answers(store):
    qs = data.example_questions(store, JIADING_ID)
    assert 3 <= len(qs) <= 5
    for q in qs:
        assert not data.ask(store, q, doc=JIADING_ID, as_of=AS_OF)["none"], q


def test_page_asks_and_follows_up(store_dir):
    at = app_at("chat")
    assert not errors(at), errors(at)
    at.chat_input(key="chat_input").set_value("区经委到2025年要完成哪些指标？").run()
    assert not errors(at), errors(at)
    assert len(at.chat_message) == 2
    body = " ".join(m.value for m in at.chat_message[1].markdown)
    assert "3.1.1/1" in body or "3.1.1" in body
    assert "<mark>" in body  # the source paragraph with the quote highlighted (inside the expander)
    assert any(c.language == "sparql" for c in at.chat_message[1].code)
    at.chat_input(key="chat_input").set_value("那2030年呢？").run()
    assert len(at.chat_message) == 4 and "2030" in at.chat_message[3].markdown[0].value
    at.button(key="chat_ex_1").click().run()  # an example question
    assert len(at.chat_message) == 6 and not errors(at)
    at.button(key="chat_clear").click().run()
    assert len(at.chat_message) == 0


def test_page_escapes_and_reports_bad_input(store_dir):
    at = app_at("chat")
    at.chat_input(key="chat_input").set_value("<script>alert(1)</script>区经委牵头哪些任务？").run()
    assert "<script>" not in " ".join(m.value for m in at.chat_message[0].markdown)
    at.chat_input(key="chat_input").set_value("   ").run()  # (the input box itself stops at 300 characters)
    assert any("问题是空的" in e.value for e in at.error) and not at.exception
