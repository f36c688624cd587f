"""The `kommunlager` command line: usage errors and help (real builds: test_incremental_build)."""

import pytest

from orchestration.cli import main


def test_build_of_an_empty_folder_fails_with_a_message(tmp_path, capsys):
    status = main(["build", "--raw-dir", str(tmp_path), "--warehouse", str(tmp_path / "w.duckdb")])
    assert status == 2
    assert "no report files" in capsys.readouterr().err


def test_build_of_a_missing_folder_is_bad_usage(tmp_path, capsys):
    status = main(["build", "--raw-dir", str(tmp_path / "nope"), "--warehouse", "w.duckdb"])
    assert status == 2
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"]])
def test_every_command_explains_itself(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    help_text = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "build" in help_text
    if argv[0] == "build":
        assert "--raw-dir" in help_text and "--warehouse" in help_text
        assert "--wait" in help_text and "--force" in help_text
        for code in ("0  built and published", "1  the build failed", "2  bad usage", "3  "):
            assert code in help_text
