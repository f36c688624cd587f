"""Checksums of every contract table of a warehouse, to compare two builds row for row."""

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


def contract_checksums(warehouse: Path) -> dict[str, tuple[int, str]]:
    """Given a warehouse, return table -> (rows, order-independent md5 of every row)."""
    sums = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in contract_table_names(warehouse):
            sums[table] = con.execute(
                f"select count(*), md5(coalesce(string_agg(h, ',' order by h), '')) "
                f"from (select md5(cast(t as varchar)) as h from {table} t)"
            ).fetchone()
    return sums
