"""Titles in offices.yaml and the blockers of matching.yaml decide which office an unnamed party
holds; these cases came from real news, where a wrong office names the wrong person."""

from __future__ import annotations

import pytest

from summitry.kb import get_kb


@pytest.fixture(scope="module")
def kb():
    return get_kb()


def offices_found(kb, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.record.key) for m in kb.matcher("zh").find(text) if m.kind == "office"]


def test_a_legislative_assemblys_president_is_its_speaker_not_the_head_of_state(kb):
    # 萨尔瓦多立法大会主席 is the speaker; 主席 alone would make him El Salvador's president
    assert offices_found(kb, "赵乐际同萨尔瓦多立法大会主席举行会谈") == [("立法大会主席", "legislature_speaker")]
    assert offices_found(kb, "会见斯里兰卡议会主席") == [("议会主席", "legislature_speaker")]


def test_the_chair_of_a_foundation_or_a_board_holds_no_office(kb):
    assert offices_found(kb, "会见丹麦诺和诺德基金会主席兼诺和诺德公司董事会主席索文森") == []
    assert offices_found(kb, "会见国家主席") == [("国家主席", "head_of_state")]


def test_an_unnamed_minister_is_never_resolved_to_a_special_envoy(kb):
    """Envoys hold office special_envoy, so 美国…部长 on a day Witkoff is envoy resolves to no envoy."""
    holder = kb.resolve_office("USA", "minister", "2026-06-17")
    assert holder is None or holder.name not in {"Steve Witkoff", "Tom Barrack", "Keith Kellogg"}
    assert kb.resolve_office("USA", "special_envoy", "2026-03-01").name in {
        "Steve Witkoff", "Keith Kellogg", "Tom Barrack"}
    assert kb.person("威特科夫").name == "Steve Witkoff"
