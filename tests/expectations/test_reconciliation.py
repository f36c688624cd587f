"""The reconciliation suite: real GE validation over small frames and a real DuckDB file."""

import duckdb
import pandas as pd
import pytest

from expectations.reconciliation import (
    OUTPUT_TABLE,
    VERIFICATION_TABLE,
    validate_reconciliation,
    write_quality_reconciliation,
)


def checks_frame(rows: list[tuple]) -> pd.DataFrame:
    """Given (line_item, expected, actual, tolerance) rows, return reconciliation_checks rows."""
    return pd.DataFrame(
        [
            {
                "report_key": "0123456789abcdef",
                "relation": "fct_operating_budget",
                "table_id": 1,
                "check_name": "sum_of_lines",
                "measure": "budget",
                "line_item": item,
                "expected": expected,
                "actual": actual,
                "difference": None if actual is None else actual - expected,
                "tolerance": tolerance,
                "n_terms": 3,
                "detail": None,
            }
            for item, expected, actual, tolerance in rows
        ]
    )


def test_totals_that_add_up_pass():
    frame = checks_frame([("Summa", -1500.0, -1500.0, 1.0), ("Nettokostnad", 300.0, 301.0, 1.0)])
    verdicts, outcome = validate_reconciliation(frame)
    assert outcome.success
    assert verdicts["passed"].tolist() == [True, True]


def test_total_off_by_more_than_tolerance_fails_only_its_row():
    frame = checks_frame([("Summa", -1500.0, -1500.0, 1.0), ("Nettokostnad", 300.0, 390.0, 1.0)])
    verdicts, outcome = validate_reconciliation(frame)
    assert not outcome.success
    assert verdicts["passed"].tolist() == [True, False]


def test_unreadable_total_fails_as_null_actual():
    frame = checks_frame([("Summa", -1500.0, None, 1.0)])
    verdicts, outcome = validate_reconciliation(frame)
    null_check = next(e for e in outcome.expectations if e.column == "actual")
    assert not null_check.success
    assert null_check.unexpected_index == (0,)
    assert verdicts["passed"].tolist() == [False]


def test_writer_records_ge_verdicts_in_the_warehouse(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    checks = checks_frame(
        [("Summa", 100.0, 100.0, 1.0), ("Nettokostnad", 50.0, 58.0, 1.0), ("Avgår", 7.0, None, 1.0)]
    )
    with duckdb.connect(str(warehouse)) as con:
        con.register("checks", checks)
        con.execute("create table reconciliation_checks as select * from checks")
    result = write_quality_reconciliation(warehouse, tmp_path / "quality")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            f"select line_item, passed, difference from {OUTPUT_TABLE} order by line_item"
        ).fetchall()
        passed_type = con.execute(
            f"select data_type from information_schema.columns"
            f" where table_name = '{OUTPUT_TABLE}' and column_name = 'passed'"
        ).fetchone()
    assert rows == [("Avgår", False, None), ("Nettokostnad", False, 8.0), ("Summa", True, 0.0)]
    assert passed_type == ("BOOLEAN",)
    assert result.n_checks == 3
    assert sorted(f["line_item"] for f in result.failures) == ["Avgår", "Nettokostnad"]
    assert (tmp_path / "quality" / "index.html").exists()


def test_writer_marks_a_table_verified_only_when_all_its_checks_pass(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    agreeing = checks_frame([("Summa", 100.0, 100.4, 1.0), ("Resultat", 5.0, 5.0, 1.0)])
    unreadable = checks_frame([("Summa", 100.0, None, 1.0)]).assign(table_id=2)
    wrong = checks_frame([("Summa", 100.0, 100.0, 1.0), ("Netto", 50.0, 58.0, 1.0)])
    checks = pd.concat([agreeing, unreadable, wrong.assign(table_id=3)], ignore_index=True)
    with duckdb.connect(str(warehouse)) as con:
        con.register("checks", checks)
        con.execute("create table reconciliation_checks as select * from checks")
    write_quality_reconciliation(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            f"select table_id, n_checks, n_failed, status, reason from {VERIFICATION_TABLE}"
            " order by table_id"
        ).fetchall()
    assert rows == [
        (1, 2, 0, "verified", None),
        (2, 1, 1, "unverified", "a figure cannot be read as printed (truncated print or misread)"),
        (3, 2, 1, "unverified", "printed figures do not add up (source error or misread)"),
    ]


def test_a_check_that_cannot_be_made_is_neither_passed_nor_failed():
    frame = checks_frame(
        [
            ("Resultat", 0.0, 911_993.0, 1.0),
            ("Summa", -1500.0, -1500.0, 1.0),
            ("Netto", 5.0, 9.0, 1.0),
        ]
    ).assign(not_checked_reason=["parts cannot be told apart", None, None])
    verdicts, outcome = validate_reconciliation(frame)
    assert not outcome.success
    assert verdicts["passed"].tolist() == [None, True, False]
    assert verdicts["status"].tolist() == ["not_checked", "passed", "failed"]
    assert verdicts["not_checked_reason"].notna().tolist() == [True, False, False]


def test_writer_marks_a_table_not_checked_when_a_check_could_not_be_made(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    unmade = checks_frame([("Summa", 100.0, 100.0, 1.0), ("Resultat", 0.0, 70.0, 1.0)])
    unmade = unmade.assign(not_checked_reason=[None, "parts cannot be told apart"])
    failing = checks_frame([("Netto", 50.0, 58.0, 1.0), ("Avgår", 7.0, None, 1.0)]).assign(
        table_id=2, not_checked_reason=[None, "a part is unreadable or its sign undecided"]
    )
    with duckdb.connect(str(warehouse)) as con:
        con.register("checks", pd.concat([unmade, failing], ignore_index=True))
        con.execute("create table reconciliation_checks as select * from checks")
    result = write_quality_reconciliation(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            f"select table_id, n_checks, n_failed, n_not_checked, status, reason"
            f" from {VERIFICATION_TABLE} order by table_id"
        ).fetchall()
    assert rows == [
        (1, 1, 0, 1, "not_checked", "not every check could be made: parts cannot be told apart"),
        (2, 1, 1, 1, "unverified", "printed figures do not add up (source error or misread)"),
    ]
    assert [f["line_item"] for f in result.failures] == ["Netto"]


def test_writer_accepts_a_warehouse_without_checks(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    one = checks_frame([("Summa", 1.0, 1.0, 1.0)])
    with duckdb.connect(str(warehouse)) as con:
        con.register("one", one)
        con.execute("create table reconciliation_checks as select * from one limit 0")
    result = write_quality_reconciliation(warehouse)
    assert (result.n_checks, result.failures) == (0, ())


def test_suite_refuses_frame_missing_the_tolerance_column():
    frame = checks_frame([("Summa", 1.0, 1.0, 1.0)]).drop(columns="tolerance")
    with pytest.raises(ValueError, match="could not evaluate"):
        validate_reconciliation(frame)


def write_checks(warehouse, checks: pd.DataFrame) -> None:
    """Given reconciliation_checks rows, (re)create the table in a warehouse file."""
    with duckdb.connect(str(warehouse)) as con:
        con.register("checks", checks)
        con.execute("create or replace table reconciliation_checks as select * from checks")


def verdicts_by_report(warehouse) -> dict[str, list[tuple]]:
    """Given a warehouse file, return each report's (line item, passed, status), sorted."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            f"select report_key, line_item, passed, status from {OUTPUT_TABLE} order by all"
        ).fetchall()
    return {key: [row[1:] for row in rows if row[0] == key] for key in {r[0] for r in rows}}


def test_a_rerun_validates_only_the_reports_whose_checks_changed(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    same = checks_frame([("Summa", 100.0, 100.0, 1.0)]).assign(report_key="same")
    changed = checks_frame([("Netto", 50.0, 58.0, 1.0)]).assign(report_key="changed")
    write_checks(warehouse, pd.concat([same, changed], ignore_index=True))
    write_quality_reconciliation(warehouse)
    with duckdb.connect(str(warehouse)) as con:  # a kept verdict shows: it is not GE's own
        con.execute(
            f"update {OUTPUT_TABLE} set passed = false, status = 'failed' where report_key = 'same'"
        )
    fixed = checks_frame([("Netto", 50.0, 50.0, 1.0)]).assign(report_key="changed")
    added = checks_frame([("Avgår", 7.0, None, 1.0)]).assign(report_key=None)
    write_checks(warehouse, pd.concat([same, fixed, added], ignore_index=True))
    result = write_quality_reconciliation(warehouse)
    assert verdicts_by_report(warehouse) == {
        "same": [("Summa", False, "failed")],
        "changed": [("Netto", True, "passed")],
        None: [("Avgår", False, "failed")],
    }
    assert result.n_checks == 3
    assert sorted(f["line_item"] for f in result.failures) == ["Avgår", "Summa"]
    write_checks(warehouse, pd.concat([same.assign(tolerance=2.0), fixed], ignore_index=True))
    write_quality_reconciliation(warehouse)
    assert verdicts_by_report(warehouse) == {
        "same": [("Summa", True, "passed")],
        "changed": [("Netto", True, "passed")],
    }
