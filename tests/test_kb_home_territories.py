"""Home territories: where a country's officials are at home, as data in the country's entry."""
from summitry.kb import KB, get_kb


def test_a_chinese_official_in_hong_kong_macao_or_taiwan_is_at_home():
    kb = get_kb()
    assert set(kb.countries["CHN"].home_territories) == {"HKG", "MAC", "TWN"}
    assert kb.at_home("CHN", "MAC") and kb.at_home("CHN", "HKG") and kb.at_home("CHN", "CHN")
    assert not kb.at_home("CHN", "RUS")


def test_home_is_one_way_and_needs_both_codes():
    kb = get_kb()
    assert kb.at_home("USA", "PRI") and not kb.at_home("PRI", "USA")
    assert not kb.at_home("TWN", "CHN")
    assert not kb.at_home(None, "MAC") and not kb.at_home("CHN", None)


def test_the_shipped_file_has_no_problem_and_every_territory_one_country():
    kb = get_kb()
    assert not [p for p in kb.problems if "home_territories" in p.file]
    owners = [t for c in kb.countries.values() for t in c.home_territories]
    assert len(owners) == len(set(owners))
    assert all(t in kb.countries and t not in kb.un_members for t in owners)


def test_a_bad_row_is_reported_by_file_and_line_and_the_rest_is_read(tmp_path):
    (tmp_path / "home_territories.csv").write_text(
        "country,territory,note\nXXX,MAC,\nCHN,CHN,\nGBR,HKG,\nDNK,GRL,already listed\n", encoding="utf-8")
    kb = KB.load(extra_dirs=[tmp_path], use_cache=False)
    problems = sorted(str(p) for p in kb.problems if "home_territories" in str(p) and str(tmp_path) in str(p))
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4"]
    assert "already a home territory of CHN" in problems[2]
    assert kb.at_home("DNK", "GRL") and kb.countries["DNK"].home_territories.count("GRL") == 1
