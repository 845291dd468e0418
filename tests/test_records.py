"""The event record follows summitry-event/1 and its JSON Schema is generated from the classes."""
import json
from importlib import resources

import jsonschema
import pytest

from summitry.records import Document, Event, Mention, Party, json_schema


def sample_event(**changes) -> Event:
    base = {
        "id": "ev_1", "type": "visit", "status": "occurred",
        "actor": Party(name="Xi Jinping", country="CHN", office="President", level="head_of_state"),
        "countries": ["KAZ"], "place": "Astana", "start": "2022-09-14", "end": "2022-09-14", "precision": "day",
        "mentions": [Mention(doc="d1", status="occurred", lang="en", text="Xi arrived in Astana.", start=0, end=21)],
    }
    base.update(changes)
    return Event(**base)


def test_event_fields_are_those_of_the_format_in_order():
    fields = list(sample_event().to_dict())
    assert fields == ["id", "type", "status", "actor", "counterparts", "countries", "place", "forum",
                      "start", "end", "precision", "dated_by", "mentions", "trip"]


def test_a_complete_event_validates():
    jsonschema.validate(sample_event().to_dict(), json_schema())


@pytest.mark.parametrize("change", [
    {"type": "tour"},
    {"status": "rumoured"},
    {"start": "14 September 2022"},
    {"countries": ["Kazakhstan"]},
    {"precision": "week"},
    {"dated_by": "guess"},
])
def test_invalid_values_are_rejected(change):
    data = sample_event().to_dict()
    data.update(change)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_unknown_fields_and_bad_party_levels_are_rejected():
    data = sample_event().to_dict()
    data["confidence"] = 0.9
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
    data = sample_event().to_dict()
    data["actor"]["level"] = "king"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_null_name_party_and_undated_event_validate():
    ev = sample_event(actor=Party(name=None, country="CHN", level="head_of_state"), start=None, end=None,
                      precision=None)
    jsonschema.validate(ev.to_dict(), json_schema())


@pytest.mark.parametrize("dated_by", ["text", "context", "publication", None])
def test_every_dating_source_validates(dated_by):
    jsonschema.validate(sample_event(dated_by=dated_by).to_dict(), json_schema())


def test_a_record_written_before_dated_by_reads_back_as_not_saying():
    data = sample_event().to_dict()
    del data["dated_by"]
    assert Event.from_json(json.dumps(data)).dated_by is None
    assert Event.from_dict(data).dated_by is None


def test_round_trip_through_json():
    ev = sample_event(counterparts=[Party(name="Kassym-Jomart Tokayev", country="KAZ")], type="meeting")
    again = Event.from_dict(json.loads(ev.to_json()))
    assert again == ev
    assert isinstance(again.counterparts[0], Party)
    assert isinstance(again.mentions[0], Mention)


def test_shipped_schema_file_matches_the_classes():
    shipped = json.loads(resources.files("summitry").joinpath("schema/event.schema.json").read_text("utf-8"))
    assert shipped == json_schema(), "run: summitry schema > src/summitry/schema/event.schema.json"


def test_document_schema():
    doc = Document(id="a", text="t", lang="zh", published="2022-09")
    jsonschema.validate(doc.__dict__, json_schema("Document"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc.__dict__, "published": "Sept 2022"}, json_schema("Document"))


def test_to_dict_is_the_dataclass_view_and_from_json_reads_it_back():
    import dataclasses

    ev = sample_event(counterparts=[Party(name="Kassym-Jomart Tokayev", country="KAZ")], type="meeting")
    assert ev.to_dict() == dataclasses.asdict(ev)
    assert Event.from_json(ev.to_json()) == ev
