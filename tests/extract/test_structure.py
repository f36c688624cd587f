"""Header rows, label columns and row labels of printed grids."""

from extract.model import RawCell, RawTable
from extract.structure import structure_table


def grid(rows: list[list[str]], spans: dict[tuple[int, int], int] | None = None) -> RawTable:
    spans = spans or {}
    cells = [
        [RawCell(text, page=1, span=spans.get((r, c), 1)) for c, text in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    return RawTable(rows=cells, page=1, method="test")


def by_position(table: RawTable) -> dict:
    return {(cell.row_index, cell.col_index): cell for cell in structure_table(table).cells}


def test_finds_the_header_row_above_the_first_value_row():
    structured = structure_table(
        grid(
            [
                ["Tkr", "Budget 2021", "Utfall 21-08-31", "Avvikelse"],
                ["Intäkter", "-3 200", "-6 101", "-2 900"],
            ]
        )
    )
    assert structured.header_rows == 1
    cell = next(c for c in structured.cells if (c.row_index, c.col_index) == (1, 1))
    assert (cell.column_header, cell.row_label, cell.parsed.value) == (
        "Budget 2021",
        "Intäkter",
        -3200.0,
    )
    assert not cell.is_header and not cell.is_label


def test_a_row_of_bare_years_is_header_not_values():
    cells = by_position(grid([["Ekonomi (tkr)", "2024", "2025"], ["Intäkter", "10 135", "11 251"]]))
    assert cells[(0, 1)].is_header
    assert cells[(1, 2)].column_header == "2025"


def test_joins_header_rows_and_spreads_a_group_header_over_its_columns():
    table = grid(
        [
            ["", "Period", "", "Helår", ""],
            ["Verksamhet", "Utfall", "Budget", "Prognos", "Budget"],
            ["Skola", "10", "12", "20", "22"],
        ],
        spans={(0, 1): 2, (0, 3): 2},
    )
    headers = [by_position(table)[(2, col)].column_header for col in range(5)]
    assert headers == [
        "Verksamhet",
        "Period Utfall",
        "Period Budget",
        "Helår Prognos",
        "Helår Budget",
    ]


def test_a_code_column_and_a_name_column_are_both_labels_and_the_name_is_the_row_label():
    cells = by_position(
        grid([["Projekt nr", "Projekt namn", "Intäkt"], ["77023", "Brandbergen", "0"]])
    )
    assert cells[(1, 0)].is_label and cells[(1, 1)].is_label and not cells[(1, 2)].is_label
    assert cells[(1, 2)].row_label == "Brandbergen"


def test_code_columns_before_the_name_are_labels_but_not_part_of_the_row_label():
    cells = by_position(
        grid(
            [
                ["Prio", "Status", "Proj Nr", "Investeringar (tkr)", "Budget 2027"],
                ["1", "P", "6289", "Utrustning uppstart", "1 000"],
                ["2", "N", "", "Valfisken", "1 450"],
            ]
        )
    )
    assert all(cells[(1, col)].is_label for col in range(4))
    assert not cells[(1, 4)].is_label
    assert cells[(1, 4)].row_label == "Utrustning uppstart"
    assert cells[(2, 4)].row_label == "Valfisken"


def test_a_target_column_with_a_year_in_its_header_is_not_a_label():
    cells = by_position(
        grid(
            [
                ["", "Mål 2024", "Utfall 2024"],
                ["Sjukfrånvaro exkl. AME, procent", "Lägre än 5,00", "1,86"],
            ]
        )
    )
    assert not cells[(1, 1)].is_label
    assert cells[(1, 1)].row_label == "Sjukfrånvaro exkl. AME, procent"


def test_a_blank_leading_label_repeats_the_one_above_under_a_second_label_column():
    cells = by_position(
        grid(
            [
                ["Verksamhetskod", "", "Prognos 2024", "Budget 2024"],
                ["10 Nämnder/Styrelser", "Intäkt", "0", "0"],
                ["", "Kostnad", "-3 031", "-3 195"],
            ]
        )
    )
    assert cells[(2, 2)].row_label == "10 Nämnder/Styrelser Kostnad"


def test_a_truncated_number_keeps_its_text_and_flag():
    cells = by_position(
        grid([["Verksamhet", "Utfall"], ["92 Gemensamma", "-26 62"], ["Summa", "-1"]])
    )
    assert (cells[(1, 1)].cell.text, cells[(1, 1)].parsed.flag) == ("-26 62", "malformed")
    assert cells[(1, 1)].parsed.value is None
