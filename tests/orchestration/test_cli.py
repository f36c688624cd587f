"""The `kommunlager` command line."""

import pytest

from orchestration.cli import main


def test_build_writes_the_warehouse_and_prints_the_summary(raw_dir, tmp_path, capsys):
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    status = main(["build", "--raw-dir", str(raw_dir), "--warehouse", str(warehouse)])
    out, err = capsys.readouterr()
    assert status == 0
    assert warehouse.exists()
    assert (tmp_path / "out" / "extracted" / "cells").is_dir()
    assert (tmp_path / "out" / "quality" / "index.html").exists()
    assert "[1/2] report_one.txt: 4 tables, 102 cells" in err
    assert "[2/2] report_two.txt:" in err
    assert "Reports read: 2 (2 ok, 0 partial, 0 failed)" in out
    assert "fct_operating_budget:" in out
    assert "Nettoinvesteringar" in out  # the failing reconciliation is listed
    assert "Reconciliation failures: " in out


def test_build_of_an_empty_folder_fails_with_a_message(tmp_path, capsys):
    status = main(["build", "--raw-dir", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb")])
    assert status == 2
    assert "no report files" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"]])
def test_every_command_explains_itself(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    help_text = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "build" in help_text
    if argv[0] == "build":
        assert (
            "--raw-dir" in help_text and "--warehouse" in help_text and "Exit status" in help_text
        )
