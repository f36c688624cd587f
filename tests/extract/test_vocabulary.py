"""The vocabulary shipped inside the extract package."""

from pathlib import Path

from extract.vocabulary import VOCABULARY_DIR, municipalities

SEED = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "kommuner.csv"


def test_ships_the_same_municipality_list_as_the_dbt_seed():
    shipped = (VOCABULARY_DIR / "kommuner.csv").read_bytes()
    assert shipped == SEED.read_bytes()


def test_reads_all_290_municipalities_with_their_scb_codes():
    listed = municipalities()
    assert len(listed) == 290
    assert listed[0].code == "0114" and listed[0].name == "Upplands Väsby"
