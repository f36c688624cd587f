"""Three plots from a built warehouse, as PNG: `python examples/plots.py [WAREHOUSE] [OUT_DIR]`.

1. forecast deviation per committee (deviation_forecast, SEK, favourable-positive);
2. investment outcome against budget, per project (the table's grand total left out);
3. sick leave against target, per report, population and year.

A figure printed in several tables of a report is summed once (`is_primary`); the fact
tables hold one copy of a report shipped as several files (dim_report.canonical_report_key).

Each query reads only contract columns (docs/warehouse-contract.md).
"""

import sys
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

FORECAST_DEVIATION = """
select committee.committee_name || ' (' || report.file_name || ')' as committee,
       sum(fact.amount_sek) / 1e6 as deviation_mnkr
from fct_operating_budget as fact
join dim_report as report using (report_key)
left join dim_committee as committee on fact.committee_key = committee.committee_key
where fact.measure = 'deviation_forecast' and fact.is_primary_total and fact.is_primary
group by all order by deviation_mnkr
"""
INVESTMENT = """
select project,
       sum(amount_sek) filter (where measure = 'budget') / -1e6 as budget_mnkr,
       sum(amount_sek) filter (where measure in ('outcome', 'outcome_ytd')) / -1e6 as outcome_mnkr
from fct_investment_budget
where not is_total and is_primary
group by project having budget_mnkr is not null and outcome_mnkr is not null
order by budget_mnkr desc limit 15
"""
SICK_LEAVE = """
select report.file_name || ': ' || coalesce(fact.population, fact.population_group)
           || ' ' || fact.fiscal_year as who,
       fact.sick_leave_pct, fact.target_pct
from fct_sick_leave as fact join dim_report as report using (report_key)
where fact.is_primary
order by who
"""


def bar_chart(rows: list[tuple], title: str, label: str, out: Path) -> Path:
    """Given (name, value, [value2]) rows, draw horizontal bars (two series if given)."""
    figure, axes = plt.subplots(figsize=(9, max(2.5, 0.4 * len(rows) + 1)))
    names = [str(row[0])[:60] for row in rows]
    positions = range(len(rows))
    if rows and len(rows[0]) == 3:
        axes.barh([p - 0.2 for p in positions], [r[1] or 0 for r in rows], 0.4, label="first")
        axes.barh([p + 0.2 for p in positions], [r[2] or 0 for r in rows], 0.4, label="second")
    else:
        axes.barh(list(positions), [r[1] or 0 for r in rows])
    axes.set_yticks(list(positions), names, fontsize=8)
    axes.set_title(title)
    axes.set_xlabel(label)
    figure.tight_layout()
    figure.savefig(out, dpi=110)
    plt.close(figure)
    return out


def main(warehouse: Path, out_dir: Path) -> list[Path]:
    """Given a warehouse and a folder, draw the three plots there; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        deviation = con.sql(FORECAST_DEVIATION).fetchall()
        investment = con.sql(INVESTMENT).fetchall()
        sick_leave = con.sql(SICK_LEAVE).fetchall()
    return [
        bar_chart(
            deviation,
            "Forecast deviation per committee (+ = better than budget)",
            "mnkr",
            out_dir / "forecast_deviation.png",
        ),
        bar_chart(
            investment,
            "Investment budget (first) and outcome (second) per project",
            "mnkr spent",
            out_dir / "investment_outcome_vs_budget.png",
        ),
        bar_chart(
            sick_leave,
            "Sick leave (first) against target (second)",
            "percent",
            out_dir / "sick_leave_vs_target.png",
        ),
    ]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    warehouse_path = Path(arguments[0] if arguments else "data/warehouse.duckdb")
    folder = Path(arguments[1] if len(arguments) > 1 else "data/plots")
    for path in main(warehouse_path, folder):
        print(path)
