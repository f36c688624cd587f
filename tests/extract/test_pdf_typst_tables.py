"""Tables as typst sets them in a monospaced font (DejaVu Sans Mono), compiled by the typst
package from small sources: a narrow label column wraps a project's trailing numbers onto
a line of their own, and percentages stand one space apart (the real PDF reader)."""

from pathlib import Path

import typst

from extract.readers.pdf import read

FIXED_TIMESTAMP = 1_735_689_600  # the same bytes on every run
PREAMBLE = """#set page(paper: "a4", margin: 18mm)
#set text(font: "DejaVu Sans Mono", size: 9.5pt, lang: "sv", hyphenate: true)
"""
PROJECTS_CAPTION = "Investeringsprojekt (Mkr)"
PROJECTS_HEADER = ["Projekt", "Budget helår", "Utfall per 31 mars", "Årsprognos", "Avvikelse"]
PROJECTS = [
    ["Verksamhetssystem norra (1)", "7,8", "1,7", "6,9", "−0,9"],
    ["Verksamhetssystem 2025–2026 4 (5)", "0,6", "0,2", "0,6", "–"],
    ["Mätinstrument skolan 6 (7)", "0,5", "0,1", "0,4", "–"],
    ["Verksamhetssystem norra 8 (9)", "28,0", "6,4", "28,1", "–"],
    ["Totalt", "36,9", "8,4", "36,0", "−0,9"],
]
STAFF_CAPTION = "Personalredovisning"
STAFF_HEADER = ["", "31 augusti 2025", "31 augusti 2024"]
STAFF = [["Tillsvidareanställda", "18", "17"], ["Kvinnor", "15", "14"], ["Män", "3", "3"]]
RATES_CAPTION = "Sjukfrånvaro"
RATES_HEADER = ["Procent", "jan–aug 2025", "jan–aug 2024", "Mål"]
RATES = [["Sjukfrånvaro totalt", "8,6", "8,7", "7,0"], ["Kvinnor", "9,5", "9,8", "7,0"]]
PERIODS_HEADER = ["Sjukfrånvaro %", "jan–apr 2023", "jan–apr 2022"]
PERIODS = [["Samtliga", "6,2", "8,9"], ["Kvinnor", "8,1", "9,8"], ["Män", "3,1", "4,7"]]
SICK_LEAVE_CAPTION = "Sjukfrånvaron totalt"
SICK_LEAVE_HEADER = ["Sjukfrånvaro %", "Period 2026", "Period 2025", "Mål 2026"]
SICK_LEAVE = [
    ["Samtliga", "8,51 %", "5,75 %", "6,00 %"],
    ["Kvinnor", "10,84 %", "6,39 %", "6,00 %"],
    ["Män", "4,50 %", "4,36 %", "6,00 %"],
]


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _table(
    caption: str, widths: str, header: list[str], rows: list[list[str]], broken: bool = True
) -> str:
    """Given a table, return typst source printing it borderless under its bold caption,
    each header broken after its first word (`broken`) as the generator's typst reports do."""
    heads = [_string(header[0])] + [
        "[" + " \\ ".join("#" + _string(part) for part in head.split(" ", 1)) + "]"
        if broken
        else _string(head)
        for head in header[1:]
    ]
    cells = ", ".join(_string(cell) for cells in rows for cell in cells)
    aligns = ", ".join(["left"] + ["right"] * (len(header) - 1))
    return f"""#text(weight: "bold", {_string(caption)})
#table(columns: ({widths}), align: ({aligns}), stroke: none, inset: 3pt,
  table.header({", ".join(heads)}), {cells})
"""


def _compile(path: Path, source: str) -> Path:
    typst.compile(source.encode("utf-8"), output=str(path), timestamp=FIXED_TIMESTAMP)
    return path


def test_project_numbers_wrapped_under_a_label_stay_in_it_and_the_header_stays_whole(tmp_path):
    """`Verksamhetssystem 2025–` / `2026 4 (5)`: the lower line holds numbers enough for a
    row, printed where the other rows print their labels; read as a row it made number
    columns inside the label column, the header line `Projekt Budget Utfall per ...` no
    longer fitted them and became the caption (gen_36047_typst lost its 84 investment facts)."""
    widths = "49mm, 24mm, 24mm, 24mm, 24mm"
    source = PREAMBLE + _table(PROJECTS_CAPTION, widths, PROJECTS_HEADER, PROJECTS)
    (table,) = read(_compile(tmp_path / "projects.pdf", source)).tables
    assert table.caption == PROJECTS_CAPTION
    assert [[cell.text for cell in row] for row in table.rows] == [PROJECTS_HEADER, *PROJECTS]


def test_percentages_one_space_apart_are_cells_of_their_own(tmp_path):
    """`8,51 % 5,75 % 6,00 %`: in a monospaced font the cells' inset is narrower than a
    space, so the percent sign ran on into the next number as one text cell and the
    sick-leave table had no row (gen_36053_typst lost its nine sick-leave facts)."""
    widths = "auto, auto, auto, auto"
    source = PREAMBLE + _table(SICK_LEAVE_CAPTION, widths, SICK_LEAVE_HEADER, SICK_LEAVE)
    (table,) = read(_compile(tmp_path / "sick_leave.pdf", source)).tables
    assert table.caption == SICK_LEAVE_CAPTION
    assert [[cell.text for cell in row] for row in table.rows] == [SICK_LEAVE_HEADER, *SICK_LEAVE]


def test_a_table_whose_years_head_a_second_line_ends_the_table_above(tmp_path):
    """`Procent | jan–aug jan–aug | Mål` / `2025 | 2024` right under a staffing table: the
    lines were read as the staffing table's, and the sick-leave rows with them, since the
    header's months stand one space apart as one cell and only its lower line names years
    (gen_35063_typst lost its staffing and sick-leave facts)."""
    auto = "auto, auto, auto"
    source = (
        PREAMBLE
        + _table(STAFF_CAPTION, auto, STAFF_HEADER, STAFF)
        + _table(RATES_CAPTION, f"{auto}, auto", RATES_HEADER, RATES)
    )
    staff, rates = read(_compile(tmp_path / "staff.pdf", source)).tables
    assert (staff.caption, rates.caption) == (STAFF_CAPTION, RATES_CAPTION)
    assert [[cell.text for cell in row] for row in staff.rows] == [STAFF_HEADER, *STAFF]
    assert [[cell.text for cell in row] for row in rates.rows] == [RATES_HEADER, *RATES]


def test_a_header_printed_as_one_run_is_cut_at_its_columns(tmp_path):
    """`Sjukfrånvaro % jan–apr 2023 jan–apr 2022`: heads a word space apart are one run that
    covers the stub and both number columns, so it was no header and became the caption;
    each head ends on its column's edge and they are worded alike (gen_35039_typst lost
    its six sick-leave facts)."""
    source = PREAMBLE + _table(
        SICK_LEAVE_CAPTION, "auto, auto, auto", PERIODS_HEADER, PERIODS, False
    )
    (table,) = read(_compile(tmp_path / "periods.pdf", source)).tables
    assert table.caption == SICK_LEAVE_CAPTION
    assert [[cell.text for cell in row] for row in table.rows] == [PERIODS_HEADER, *PERIODS]


def test_a_header_run_with_a_target_head_apart_is_cut_at_its_columns(tmp_path):
    """`Sjukfrånvaro % Period 2024 Period 2023 Mål` in a cramped table of a proportional
    font: one run whose heads are not all as long (a target's `Mål` stands apart), so it
    was no header and became the caption (gen_53015_typst lost its nine sick-leave
    facts); the first column's head is worded as the one next to it."""
    header = ["Sjukfrånvaro %", "Period 2024", "Period 2023", "Mål"]
    rows = [
        ["Samtliga", "7,80 %", "9,58 %", "7,00 %"],
        ["Kvinnor", "8,02 %", "10,67 %", "7,00 %"],
        ["Män", "6,49 %", "3,26 %", "7,00 %"],
    ]
    preamble = PREAMBLE.replace("DejaVu Sans Mono", "DejaVu Sans").replace("9.5pt", "10pt")
    source = preamble + _table(SICK_LEAVE_CAPTION, "auto, auto, auto, auto", header, rows, False)
    (table,) = read(_compile(tmp_path / "target.pdf", source)).tables
    assert table.caption == SICK_LEAVE_CAPTION
    assert [[cell.text for cell in row] for row in table.rows] == [header, *rows]
