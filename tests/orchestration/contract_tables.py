"""The contract tables of a warehouse, row for row, to compare two builds."""

import hashlib
import re
import sys
from pathlib import Path

import duckdb

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "warehouse-contract.md"
TABLE_ROW = re.compile(r"^\| `(\w+)` \|", re.MULTILINE)


def contract_table_names(warehouse: Path) -> list[str]:
    """Given a warehouse, return the tables the contract document names that it holds."""
    named = set(TABLE_ROW.findall(CONTRACT.read_text(encoding="utf-8")))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        present = {
            name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()
        }
        present |= {
            name for (name,) in con.execute("select view_name from duckdb_views()").fetchall()
        }
    return sorted(named & present)


def contract_rows(warehouse: Path) -> dict[str, list[tuple]]:
    """Given a warehouse, return each contract table's rows, sorted, without timestamps."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {name: _rows(con, name) for name in contract_table_names(warehouse)}


def contract_checksums(warehouse: Path) -> dict[str, tuple[int, str]]:
    """Given a warehouse, return table -> (rows, digest of its sorted rows)."""
    return {name: _digest(rows) for name, rows in contract_rows(warehouse).items()}


def report_checksums(warehouse: Path, report_keys: set[str]) -> dict[str, tuple[int, str]]:
    """Given a warehouse and some of its reports, return table -> (rows, digest) over the
    rows of those reports alone and of the committees and periods they name."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        keys = {"report_key": set(report_keys)}
        for column in ("committee_key", "period_key"):
            found = con.execute(
                f"select distinct {column} from dim_report where list_contains($keys, report_key)",
                {"keys": sorted(report_keys)},
            ).fetchall()
            keys[column] = {value for (value,) in found}
        names = contract_table_names(warehouse)
        return {name: _digest(_rows_keyed(con, name, keys)) for name in names}


def _digest(rows: list[tuple]) -> tuple[int, str]:
    """Given sorted rows, return their number and a digest of them."""
    return len(rows), hashlib.sha256("\n".join(map(repr, rows)).encode()).hexdigest()


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    """Given a relation, return its columns but timestamps, in order.

    A build's timestamps differ between two builds of the same reports.
    """
    return [
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns where table_name = $t"
            " and data_type not like 'TIMESTAMP%' order by ordinal_position",
            {"t": relation},
        ).fetchall()
    ]


def _rows(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple]:
    """Given a connection and a relation, return its non-timestamp columns' rows, sorted."""
    names = ", ".join(f'"{name}"' for name in _columns(con, relation))
    return sorted(con.execute(f"select {names} from {relation}").fetchall(), key=repr)


def _rows_keyed(con: duckdb.DuckDBPyConnection, relation: str, keys: dict[str, set]) -> list[tuple]:
    """Given a relation and the values allowed per key column, return its rows keyed on them.

    The most specific key it has decides: its report, else its committee or period; a
    relation with none (a seed such as dim_municipality) is whole.
    """
    columns = _columns(con, relation)
    key = next((column for column in keys if column in columns), None)
    rows = _rows(con, relation)
    if key is None:
        return rows
    return [row for row in rows if row[columns.index(key)] in keys[key]]


def main(argv: list[str]) -> int:
    """Given warehouse files, print each one's contract tables: rows and digest, a line each.

    Two builds that should agree (before/after a speed change) are compared by diffing this.
    """
    for warehouse in argv:
        for name, (rows, digest) in contract_checksums(Path(warehouse)).items():
            print(f"{name}\t{rows}\t{digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
