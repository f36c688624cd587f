"""Fuzz: a raw folder of damaged reports beside good ones builds, publishes, and every
damaged file is a report of its own; the good reports' rows do not change.

112 damaged copies (`tests.mutants`, fixed seed) of a real annual
report, generated PDFs and DOCX files go through one real `kommunlager build`;
a second build of the good reports alone is the reference. Run on its own with
`pytest -m fuzz`; its wall time is in the summary (`tests/conftest.py`).
"""

import shutil
from pathlib import Path

import duckdb
import pytest

from extract.pipeline import file_sha256, report_key_for_sha
from tests.mutants import write_mutants
from tests.orchestration.conftest import copy_reports, run_cli
from tests.orchestration.contract_tables import report_checksums

pytestmark = pytest.mark.fuzz

REPO = Path(__file__).resolve().parents[2]
SEED = 20261207
MUTANTS = 112  # 16 of each source
# Small, but every reader and both kinds of PDF table; none of them is a good report: a
# damaged copy that still reads as its source would be a copy of that report
# (report_copies), and one of the two would stand for both in the fact tables.
SOURCES = [
    REPO / "data/raw/simrishamn_kultur-fritid_arsbokslut_2025.pdf",  # real, 37 pages
    REPO / "data/raw/004_ead8df3d1c6ccb3c.pdf",  # generated
    REPO / "tests/fixtures/pdf/ruled_table_over_pages.pdf",
    REPO / "tests/fixtures/pdf/borderless_table_over_pages.pdf",
    REPO / "data/raw/002_c1054ddd542bd9a7.docx",
    REPO / "tests/fixtures/docx/revisions.docx",
    REPO / "tests/fixtures/docx/layout.docx",
]
GOOD = [  # beside the two text exports of `copy_reports`
    REPO / "tests/fixtures/pdf/ruled_interim_report.pdf",
    REPO / "tests/fixtures/docx/interim_report.docx",
]
MAX_SECONDS = "30"  # per report: damage must not stall the build on the default 300 s


class FuzzBuilds:
    """The build of the good reports alone and the build of them beside the mutants."""

    def __init__(self, root: Path):
        self.good, self.mixed = good_reports(root / "good"), good_reports(root / "mixed")
        self.mutants = write_mutants(SOURCES, MUTANTS, self.mixed, SEED)
        self.good_run = run_cli(self.good, root / "good.duckdb", "--max-seconds", MAX_SECONDS)
        self.mixed_run = run_cli(self.mixed, root / "mixed.duckdb", "--max-seconds", MAX_SECONDS)
        self.good_keys = {report_key_for_sha(file_sha256(path)) for path in self.good.iterdir()}


def good_reports(folder: Path) -> Path:
    """Given a folder, create it holding the good reports; return it."""
    copy_reports(folder)
    for path in GOOD:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> FuzzBuilds:
    """Given a tmp folder, return both builds, run."""
    return FuzzBuilds(tmp_path_factory.mktemp("fuzz"))


def dim_reports(warehouse: Path) -> dict[str, tuple[str, str | None]]:
    """Given a warehouse, return file name -> (status, error) of each dim_report row."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select file_name, status, error from dim_report").fetchall()
    return {name: (status, error) for name, status, error in rows}


def test_a_build_beside_damaged_reports_exits_0_and_publishes(builds, record_property):
    record_property("build_seconds", round(builds.mixed_run.seconds, 1))
    assert builds.good_run.status == 0, builds.good_run.err
    assert builds.mixed_run.status == 0, builds.mixed_run.err
    assert "Traceback" not in builds.mixed_run.err
    assert (builds.mixed.parent / "mixed.duckdb").resolve().is_file()  # the published file


def test_every_damaged_file_is_a_report_with_its_status(builds):
    reports = dim_reports(builds.mixed.parent / "mixed.duckdb")
    assert len(builds.mutants) >= 100
    for mutant in builds.mutants:
        status, error = reports[mutant.name]
        assert status in ("ok", "partial", "failed"), mutant.name
        assert (error is None) == (status == "ok"), (mutant.name, status, error)
    failed = sum(reports[mutant.name][0] == "failed" for mutant in builds.mutants)
    assert failed >= len(builds.mutants) // 2  # damage mostly shows; it is not all harmless


def test_the_good_reports_rows_are_as_in_a_build_of_them_alone(builds):
    alone = report_checksums(builds.good.parent / "good.duckdb", builds.good_keys)
    beside = report_checksums(builds.mixed.parent / "mixed.duckdb", builds.good_keys)
    assert alone == beside
    assert alone["dim_report"][0] == len(builds.good_keys)
    assert alone["fct_operating_budget"][0] > 0
