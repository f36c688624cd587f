"""The contract tables of a warehouse, row for row, to compare two builds."""

import hashlib
import re
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
    return {
        name: (len(rows), hashlib.sha256("\n".join(map(repr, rows)).encode()).hexdigest())
        for name, rows in contract_rows(warehouse).items()
    }


def _rows(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple]:
    """Given a connection and a relation, return its non-timestamp columns' rows, sorted.

    A build's timestamps differ between two builds of the same reports.
    """
    columns = con.execute(
        "select column_name from information_schema.columns where table_name = $t"
        " and data_type not like 'TIMESTAMP%' order by ordinal_position",
        {"t": relation},
    ).fetchall()
    names = ", ".join(f'"{name}"' for (name,) in columns)
    return sorted(con.execute(f"select {names} from {relation}").fetchall(), key=repr)
