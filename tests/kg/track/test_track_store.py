"""Reports in a real store (every backend): PROV-O shape, append-only corrections, which report counts as of a date,
filters, roll-up, and refusals that name the closest match."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

import kg
from extract.errors import InputError
from kg.track import add_report, history, overdue, target_statuses, task_statuses
from kg.track.rdf import report_iri
from track_records import small_plan

DOC = "track-test-plan"


def n_reports(store) -> int:
    return store.query("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a pkg:ProgressReport }")[0]["n"]


def status_of(store, target: str, as_of: str) -> str:
    return {r["target"]: r["status"] for r in target_statuses(store, as_of)}[target]


def test_report_is_a_prov_activity_about_the_target_by_the_plans_unit(plan_store):
    rep = add_report(plan_store, "2.1.2/1", value=3, date="2023-09-30", by="经委", note="三座建成")
    c = rep.to_contract()
    assert c["schema"] == "policykg.report/1" and c["by"] == "区经委" and c["value"] == 3
    assert c["unit"] == "座"  # the target's unit, stored with the report
    assert c["target"] == "2.1.2/1" and c["date"] == "2023-09-30" and c["state"] is None
    assert set(c) >= {"id", "target", "value", "unit", "state", "date", "by", "reported_at"}
    unit = kg.unit_iri(kg.unit_scope("上海市测试区", DOC), "区经委")
    assert plan_store.ask("""ASK { GRAPH ?pg { ?r a prov:Activity , pkg:ProgressReport ; prov:used ?t ;
                                   prov:wasAssociatedWith ?u ; pkg:valueDate "2023-09-30"^^xsd:date ;
                                   prov:endedAtTime ?at ; rdfs:comment "三座建成" } }""",
                          {"pg": kg.PROGRESS_GRAPH, "r": report_iri(rep.id), "u": unit,
                           "t": URIRef(kg.vocab.target_iri(DOC, "2.1.2/1"))})
    assert plan_store.ask("ASK { ?u a org:Organization ; skos:prefLabel \"区经委\" }", {"u": unit})  # the plan's own IRI
    [h] = history(plan_store, "2.1.2/1")
    assert h.to_contract() == c


def test_only_reports_dated_on_or_before_as_of_count(plan_store):
    add_report(plan_store, "2.1.2/1", value=6, date="2024-01-15", by="区经委")
    assert status_of(plan_store, "2.1.2/1", "2024-01-14") == "at_risk"  # no report yet as of that day
    assert status_of(plan_store, "2.1.2/1", "2024-01-15") == "done"     # the report's own day counts
    assert status_of(plan_store, "2.1.2/1", "2024-03-01") == "done"


def test_explicit_correction_supersedes_and_history_keeps_both(plan_store):
    wrong = add_report(plan_store, "2.1.2/1", value=6, date="2024-02-01", by="区经委")
    assert status_of(plan_store, "2.1.2/1", "2024-03-01") == "done"
    fixed = add_report(plan_store, "2.1.2/1", value=4, date="2024-02-01", by="区建管委", supersedes=(wrong.id,))
    assert fixed.supersedes == [wrong.id]
    assert status_of(plan_store, "2.1.2/1", "2024-03-01") == "overdue"
    h = history(plan_store, "2.1.2/1")
    assert [r.id for r in h] == [wrong.id, fixed.id]
    assert h[0].superseded_by == [fixed.id] and h[1].supersedes == [wrong.id]
    assert plan_store.ask("ASK { ?new prov:wasRevisionOf ?old ; pkg:supersedes ?old }",
                          {"new": report_iri(fixed.id), "old": report_iri(wrong.id)})


def test_same_unit_same_day_is_an_implicit_correction_other_units_are_not(plan_store):
    a = add_report(plan_store, "2.1.1/1", value=10, date="2024-06-30", by="区发展改革委")
    b = add_report(plan_store, "2.1.1/1", value=12, date="2024-06-30", by="发改委")  # alias of the same unit
    c = add_report(plan_store, "2.1.1/1", value=11, date="2024-06-30", by="区经委")
    assert b.supersedes == [a.id] and c.supersedes == []
    [row] = [r for r in target_statuses(plan_store, "2024-07-01") if r["target"] == "2.1.1/1"]
    assert row["last_report"]["id"] == c.id  # same day: the later recording wins
    assert len(history(plan_store, "2.1.1/1")) == 3


def test_superseded_reports_never_count_even_when_the_correction_is_in_an_earlier_month(plan_store):
    # the index picks the latest month with reports; when everything there is superseded, it looks further back
    early = add_report(plan_store, "2.1.2/1", value=2, date="2023-04-30", by="区经委")
    misdated = add_report(plan_store, "2.1.2/1", value=6, date="2024-02-10", by="区经委")
    fixed = add_report(plan_store, "2.1.2/1", value=6, date="2023-12-20", by="区经委", supersedes=(misdated.id,))
    rows = {r["target"]: r for r in target_statuses(plan_store, "2024-02-20")}
    assert rows["2.1.2/1"]["last_report"]["id"] == fixed.id and rows["2.1.2/1"]["status"] == "done"
    rows = {r["target"]: r for r in target_statuses(plan_store, "2023-11-30")}
    assert rows["2.1.2/1"]["last_report"]["id"] == early.id


def test_reports_later_in_the_as_of_month_do_not_count(plan_store):
    a = add_report(plan_store, "2.1.1/1", value=5, date="2024-05-31", by="区经委")
    add_report(plan_store, "2.1.1/1", value=29.4, date="2024-06-20", by="区经委")
    row = {r["target"]: r for r in target_statuses(plan_store, "2024-06-10")}["2.1.1/1"]
    assert row["last_report"]["id"] == a.id and row["status"] == "on_track"
    assert status_of(plan_store, "2.1.1/1", "2024-06-20") == "done"


def test_scaled_units_and_change_targets(plan_store):
    add_report(plan_store, "2.1.1/1", value=294000, unit="千瓦", date="2025-03-31", by="区发展改革委")
    add_report(plan_store, "2/1", value=86, unit="吨标准煤/万元", baseline=100, date="2025-06-30", by="区经委")
    add_report(plan_store, "2.1.1/2", value=1.25, date="2025-06-30", by="区经委")
    rows = {r["target"]: r["status"] for r in target_statuses(plan_store, "2025-07-01")}
    assert rows["2.1.1/1"] == rows["2/1"] == rows["2.1.1/2"] == "done"


def test_reingesting_or_dropping_the_plan_never_touches_reports(plan_store):
    add_report(plan_store, "2.1.2/1", value=6, date="2024-01-01", by="区经委")
    plan_store.put_record(small_plan())
    assert n_reports(plan_store) == 1 and status_of(plan_store, "2.1.2/1", "2024-03-01") == "done"
    plan_store.drop(DOC)
    assert n_reports(plan_store) == 1
    plan_store.put_record(small_plan())
    assert status_of(plan_store, "2.1.2/1", "2024-03-01") == "done"


def test_task_roll_up_and_task_level_reports(plan_store):
    tasks = {t["task"]: t for t in task_statuses(plan_store, "2024-03-01")}
    assert tasks["2.1.2"]["status"] == "overdue" and tasks["2.1.2"]["counts"] == {"overdue": 2}
    assert tasks["2.1.3"]["status"] == "no_data" and tasks["2.1.3"]["targets"] == []
    add_report(plan_store, "2.1.2/1", value=6, date="2024-02-20", by="区经委")
    tasks = {t["task"]: t for t in task_statuses(plan_store, "2024-03-01")}
    assert tasks["2.1.2"]["status"] == "overdue"  # the milestone 2.1.2/2 is still open
    add_report(plan_store, "2.1.2/2", state="已完成", date="2024-02-25", by="区建管委")
    assert {t["task"]: t["status"] for t in task_statuses(plan_store, "2024-03-01")}["2.1.2"] == "done"
    # a task without targets is judged by its own deadline and task-level reports
    assert {t["task"]: t["status"] for t in task_statuses(plan_store, "2025-07-01")}["2.1.3"] == "overdue"
    add_report(plan_store, "2.1.3", state="已完成", date="2025-06-01", by="生态环境局")
    assert {t["task"]: t["status"] for t in task_statuses(plan_store, "2025-07-01")}["2.1.3"] == "done"
    # a task-level report does not change the statuses of the task's targets
    add_report(plan_store, "2.1.1", state="已完成", date="2025-06-01", by="区发展改革委")
    assert status_of(plan_store, "2.1.1/1", "2026-01-01") == "overdue"
    assert {t["task"]: t["status"] for t in task_statuses(plan_store, "2026-01-01")}["2.1.1"] == "done"


def test_unit_filter_is_explicit_responsibility_only(plan_store):
    ids = lambda unit: [r["target"] for r in target_statuses(plan_store, "2024-01-01", unit=unit)]  # noqa: E731
    assert ids("经委") == ["2.1.1/1", "2.1.1/2", "2.1.2/1", "2.1.2/2", "2.1.4/1"]  # support counts, alias resolved
    assert ids("区发展改革委") == ["2.1.1/1", "2.1.1/2"]
    assert ids("各街镇") == ["2.1.1/1", "2.1.1/2"]  # the token itself, as written
    with pytest.raises(InputError, match="安亭镇"):
        ids("安亭镇")  # a town is not expanded into 各街镇
    assert "2/1" not in ids("区经委")  # a section's target belongs to no unit


def test_ids_shared_by_two_documents_need_doc(plan_store):
    plan_store.put_record(small_plan("track-test-plan-b"))
    with pytest.raises(InputError, match="--doc"):
        add_report(plan_store, "2.1.2/1", value=1, date="2024-01-01", by="区经委")
    rep = add_report(plan_store, "2.1.2/1", value=6, date="2024-01-01", by="区经委", doc="track-test-plan-b")
    assert rep.doc == "track-test-plan-b"
    rows = target_statuses(plan_store, "2024-03-01")
    by = {(r["doc"], r["target"]): r["status"] for r in rows}
    assert by[("track-test-plan-b", "2.1.2/1")] == "done" and by[(DOC, "2.1.2/1")] == "overdue"
    assert [r["doc"] for r in target_statuses(plan_store, "2024-03-01", doc=DOC)] == [DOC] * 6
    with pytest.raises(InputError, match="track-test-plan"):
        target_statuses(plan_store, "2024-03-01", doc="track-test-plan-c")


@pytest.mark.parametrize("kwargs, message", [
    (dict(target="2.1.2/9", value=1, date="2024-01-01", by="区经委"), "2.1.2/1"),
    (dict(target="2.1.2/1", value=1, date="2024-01-01", by="区卫健委"), "最接近"),
    (dict(target="2.1.2/1", value=1, date="2024-01-01", by="各街镇"), "泛指"),
    (dict(target="2.1.2/1", value=1, date="2023-02-29", by="区经委"), "不是有效日期"),
    (dict(target="2.1.2/1", value=1, date="2024-13-01", by="区经委"), "不是有效日期"),
    (dict(target="2.1.2/1", value=1, date="yesterday", by="区经委"), "YYYY-MM-DD"),
    (dict(target="2.1.2/1", value="六", date="2024-01-01", by="区经委"), "不是数值"),
    (dict(target="2.1.2/1", value="nan", date="2024-01-01", by="区经委"), "有限"),
    (dict(target="2.1.2/1", value=1, unit="%", date="2024-01-01", by="区经委"), "不可比较"),
    (dict(target="2.1.2/2", value=1, date="2024-01-01", by="区经委"), "没有目标数值"),
    (dict(target="2.1.2", value=1, date="2024-01-01", by="区经委"), "任务级"),
    (dict(target="2/1", value=86, unit="吨", date="2024-01-01", by="区经委"), "基准值"),
    (dict(target="2.1.2/1", state="完成了", date="2024-01-01", by="区经委"), "未启动"),
    (dict(target="2.1.2/1", date="2024-01-01", by="区经委"), "--value"),
    (dict(target="2.1.2/1", value=1, date="2024-01-01", by="区经委", supersedes=("nope",)), "不存在"),
])
def test_bad_reports_are_refused_and_nothing_is_written(plan_store, kwargs, message):
    with pytest.raises(InputError, match=message):
        add_report(plan_store, **kwargs)
    assert n_reports(plan_store) == 0


def test_a_correction_must_be_about_the_same_target(plan_store):
    other = add_report(plan_store, "2.1.1/1", value=1, date="2024-01-01", by="区经委")
    with pytest.raises(InputError, match="2.1.1/1"):
        add_report(plan_store, "2.1.2/1", value=1, date="2024-01-01", by="区经委", supersedes=(other.id,))
    assert n_reports(plan_store) == 1


def test_overdue_listing_is_the_contract(plan_store):
    add_report(plan_store, "2.1.2/1", value=2, date="2023-12-31", by="区经委")
    data = overdue(plan_store, "2024-03-01")
    assert data["schema"] == "policykg.overdue/1" and data["as_of"] == "2024-03-01"
    assert [i["target"] for i in data["items"]] == ["2.1.2/1", "2.1.2/2"]
    item = data["items"][0]
    assert set(item) >= {"doc", "task", "target", "quote", "deadline", "status", "units", "last_report"}
    assert item["units"] == ["区经委", "区建管委"] and item["last_report"]["value"] == 2
    everything = overdue(plan_store, "2024-03-01", include="all")["items"]
    assert {i["target"] for i in everything} == {"2/1", "2.1.1/1", "2.1.1/2", "2.1.2/1", "2.1.2/2"}  # 2.1.4/1 undated
    assert [i["status"] for i in everything][:2] == ["overdue", "overdue"]
    some = overdue(plan_store, "2025-10-15", include="at_risk,临近到期")["items"]
    assert {i["status"] for i in some} == {"overdue", "at_risk"}  # overdue is always listed
    with pytest.raises(InputError, match="--include"):
        overdue(plan_store, "2024-03-01", include="late")


def test_as_of_defaults_to_today(plan_store):
    assert overdue(plan_store)["as_of"] == dt.date.today().isoformat()


def test_window_is_configurable_and_checked(plan_store):
    assert status_of(plan_store, "2.1.1/1", "2025-09-01") == "no_data"  # 121 days before the deadline
    rows = {r["target"]: r["status"] for r in target_statuses(plan_store, "2025-09-01", window_days=121)}
    assert rows["2.1.1/1"] == "at_risk"
    with pytest.raises(InputError, match="提前天数"):
        target_statuses(plan_store, "2025-09-01", window_days=-1)
