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
def documents_old_and_new(draw, reports, publication_days, fewest: int, most: int):
    """Documents of ``reports`` published on one of ``publication_days``, and which of them were
    fused before (the others are new)."""
    docs = [doc(f"d{i}", draw(st.lists(reports, min_size=1, max_size=4)), draw(st.sampled_from(publication_days)))
            for i in range(draw(st.integers(fewest, most)))]
    old = draw(st.sets(st.sampled_from([d.id for d in docs])))
    return docs, old


def old_and_new():
    return documents_old_and_new(report(), PUBLISHED, 1, 8)


def assert_clustering_again_gives_the_clusters_of_clustering_from_scratch(docs, old_ids) -> None:
    published = {d.id: d.published for d in docs}
    old = [e for d in docs if d.id in old_ids for e in line_extractor(d)]
    new = [e for d in docs if d.id not in old_ids for e in line_extractor(d)]
    # what the store holds: the event each old report is in, from fusing the old reports alone
    before = {source: cluster.id for cluster in island_clusters(old, published) for source in cluster.sources}
    everything = old + new
    assert clusters(island_clusters(everything, published, before=before)) == clusters(
        island_clusters(everything, published))


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=old_and_new())
def test_clustering_again_from_the_first_new_report_gives_the_clusters_of_clustering_from_scratch(case):
    assert_clustering_again_gives_the_clusters_of_clustering_from_scratch(*case)


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


# A world of reports without a date of their own: the visits of two people to one host over a
# year, most told without a date (placed by their publication day), so that the islands are long
# and a new dated report sorts before many old reports without a date.
VAGUE_PEOPLE = [("Xi Jinping", "CHN"), (None, "CHN"), ("Li Qiang", "CHN")]
VAGUE_DAYS = ["2022-03-01", "2022-03-03", "2022-06-10", "2022-06-12", "2022-11-02", None, None, None]
VAGUE_PUBLISHED = ["2022-03-02", "2022-03-05", "2022-06-11", "2022-06-20", "2022-11-03", "2022-11-30"]


@st.composite
def vague_report(draw) -> str:
    day = draw(st.sampled_from(VAGUE_DAYS))
    status = draw(st.sampled_from(["occurred", "occurred", "planned", "postponed"]))
    kind = draw(st.sampled_from(["visit", "visit", "meeting"]))
    actor = draw(st.sampled_from(VAGUE_PEOPLE))
    if kind == "meeting":
        return line(kind, actor, ["KAZ"], day, status=status, counterparts=[("Kassym-Jomart Tokayev", "KAZ")])
    return line(kind, actor, ["KAZ"], day, status=status)


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=documents_old_and_new(vague_report(), VAGUE_PUBLISHED, 2, 10))
def test_reports_without_a_date_are_clustered_again_as_from_scratch_however_near_the_new_reports(case):
    # (the reports without a date that no change reaches are placed where they were, the others
    # clustered again: whichever they are, the clusters are those of clustering from scratch)
    assert_clustering_again_gives_the_clusters_of_clustering_from_scratch(*case)


def test_a_report_without_a_date_that_no_new_report_reaches_is_placed_where_it_was():
    # Xi's visit of 1 March, told with its day and, a day later, without; postponements told in
    # June and September, and a new one in November, chain the year into one island (a
    # postponement reaches back to the plan it puts off), but none of them can join the visit.
    def report(doc_id, published, day, status="occurred"):
        return line_extractor(doc(doc_id, [line("visit", ("Xi Jinping", "CHN"), ["KAZ"], day, status=status)],
                                  published))
    old = (report("d1", "2022-03-01", "2022-03-01") + report("d2", "2022-03-02", None)
           + report("d3", "2022-06-21", "2022-06-20", "postponed") + report("d4", "2022-09-02", "2022-09-01", "postponed"))
    new = report("d5", "2022-11-03", "2022-11-02", "postponed")
    published = {"d1": "2022-03-01", "d2": "2022-03-02", "d3": "2022-06-21", "d4": "2022-09-02", "d5": "2022-11-03"}
    everything = old + new
    from_scratch = clusters(island_clusters(everything, published))
    assert [c[1] for c in from_scratch if 1 in c[1]] == [[0, 1]]  # the two reports of the visit are one event
    # Told that the report without a date was an event of its own when these reports were
    # fused before, clustering again trusts it: nothing new is near it
    apart = {0: "the visit", 1: "told without a date", 2: "put off in June", 3: "put off in September"}
    again = clusters(island_clusters(everything, published, before=apart))
    assert sorted(c[1] for c in again) == [[0], [1], [2], [3], [4]]
