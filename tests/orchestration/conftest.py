"""Shared fixtures: two small real reports (text exports) copied into a raw folder."""

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "orchestration"
REPORT_FILES = ("report_one.txt", "report_two.txt")


@pytest.fixture
def raw_dir(tmp_path) -> Path:
    """Given a tmp folder, return a raw folder holding the two fixture reports."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in REPORT_FILES:
        shutil.copyfile(FIXTURES / name, folder / name)
    return folder
