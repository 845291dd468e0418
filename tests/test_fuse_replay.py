"""Fusion clusters an island in one pass over its reports in a fixed order, each report placed
given only the reports before it. So an island fused before and grown since can be clustered
again from its first new report: the reports before it are placed where they were (the store does
this with the events it holds, ``island_clusters``'s ``before``), and the clusters are those that
clustering from scratch gives.

Held here for any reports of a small world (the store's property test's), any split of them into
reports fused before and new ones, whatever islands the new reports join together.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_property import PUBLISHED, report
from test_store_support import doc, line, line_extractor

from summitry.fuse import fusion_key, island_clusters, islands_of_blocks


def clusters(found) -> list[tuple]:
    """What fusion made, in an order of its own: each event's id, reports and record."""
    return sorted((c.id, c.sources, c.event().to_json()) for c in found)


@st.composite
def old_and_new(draw):
    """Documents, and which of them were fused before (the others are new)."""
    docs = [doc(f"d{i}", draw(st.lists(report(), min_size=1, max_size=4)), draw(st.sampled_from(PUBLISHED)))
            for i in range(draw(st.integers(1, 8)))]
    old = draw(st.sets(st.sampled_from([d.id for d in docs])))
    return docs, old


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=old_and_new())
def test_clustering_again_from_the_first_new_report_gives_the_clusters_of_clustering_from_scratch(case):
    docs, old_ids = case
    published = {d.id: d.published for d in docs}
    old = [e for d in docs if d.id in old_ids for e in line_extractor(d)]
    new = [e for d in docs if d.id not in old_ids for e in line_extractor(d)]
    # what the store holds: the event each old report is in, from fusing the old reports alone
    before = {source: cluster.id for cluster in island_clusters(old, published) for source in cluster.sources}
    everything = old + new
    assert clusters(island_clusters(everything, published, before=before)) == clusters(
        island_clusters(everything, published))


def test_a_report_that_its_former_cluster_cannot_take_makes_the_island_clustered_anew():
    # one island (the unnamed visitor bridges two named ones), wrongly said to be one event
    visitors = [("Xi Jinping", "CHN"), (None, "CHN"), ("Li Qiang", "CHN")]
    events = line_extractor(doc("d1", [line("visit", v, ["KAZ"], "2022-09-14") for v in visitors], "2022-09-15"))
    published = {"d1": "2022-09-15"}
    from_scratch = clusters(island_clusters(events, published))
    assert len(from_scratch) == 2
    assert clusters(island_clusters(events, published, before={0: "one", 1: "one", 2: "one"})) == from_scratch


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=old_and_new())
def test_islands_the_caller_found_by_fusions_keys_give_the_clusters_fusion_finds_itself(case):
    docs, _ = case
    published = {d.id: d.published for d in docs}
    events = [e for d in docs for e in line_extractor(d)]
    # as the store finds them: each report's key, then one sweep over every block
    keys = [fusion_key(e, published[e.mentions[0].doc]) for e in events]
    blocks = sorted({k.block for k in keys})
    positions = [[i for i, k in enumerate(keys) if k.block == block] for block in blocks]
    labels = islands_of_blocks([[(keys[i].scope, keys[i].reach_from, keys[i].reach_to, events[i].mentions[0].doc)
                                 for i in block] for block in positions])
    islands: list = [None] * len(events)
    for block, block_positions, block_labels in zip(blocks, positions, labels):
        for i, label in zip(block_positions, block_labels):
            islands[i] = (block, label)
    assert clusters(island_clusters(events, published, islands=islands)) == clusters(island_clusters(events, published))
