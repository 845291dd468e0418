"""Who "the <country> leader" is: the head of state, unless leaders.csv names the office that leads."""
import pytest

from summitry.kb import KB, get_kb


@pytest.mark.parametrize("country,day,name", [
    ("CHN", "2022-09-14", "Xi Jinping"),         # the head of state leads
    ("USA", "2023-06-18", "Joe Biden"),
    ("JPN", "2023-05-08", "Fumio Kishida"),      # the emperor is head of state, the prime minister leads
    ("DEU", "2024-01-01", "Olaf Scholz"),        # the chancellor
    ("IND", "2025-08-31", "Narendra Modi"),
    ("GBR", "2019-01-01", "Theresa May"),
    ("VNM", "2025-01-01", "To Lam"),             # the party's general secretary
])
def test_the_leader_of_a_country_on_a_day(country, day, name):
    assert get_kb().leader(country, day).name == name


def test_leader_offices_are_valid_keys_and_default_to_head_of_state():
    kb = get_kb()
    assert kb.leader_office("FRA") == "head_of_state"
    assert kb.leader_office("Japan") == "head_of_government"
    assert all(office in kb.offices for office in kb.leader_offices.values())


def test_a_bad_leaders_row_is_reported_by_file_and_line(tmp_path):
    (tmp_path / "leaders.csv").write_text("country,office,note\nXXX,head_of_government,\nFRA,emperor,\n",
                                          encoding="utf-8")
    kb = KB.load(extra_dirs=[tmp_path], use_cache=False)
    problems = [str(p) for p in kb.problems if "leaders.csv" in str(p)]
    assert len(problems) == 2 and ":2:" in problems[0] and ":3:" in problems[1]
    assert kb.leader_office("FRA") == "head_of_state"
