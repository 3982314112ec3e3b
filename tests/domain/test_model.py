import datetime as dt

import pytest
from pydantic import ValidationError

from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    BulletList,
    Item,
    ListEntry,
    Meeting,
    NumberedList,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Role,
)


def meeting(**fields: object) -> Meeting:
    return Meeting.model_validate({"date": "2025-06-18", **fields})


def test_models_are_immutable() -> None:
    item = Item(title="Petitions")
    with pytest.raises(ValidationError):
        item.title = "Other"  # type: ignore[misc]
    assert isinstance(meeting(items=[{"title": "A"}]).items, tuple)


def test_every_part_of_the_seed_has_a_home(sample: Meeting) -> None:
    assert sample.first_minute_number == 149
    assert [sample.minute_number(n) for n in range(len(sample.items))] == list(range(149, 164))
    chair = next(a for a in sample.attendance if a.role is Role.CHAIR)
    assert chair.display_name == "Councillor Batool"
    co_opted = next(a for a in sample.attendance if a.role is Role.CO_OPTED)
    assert co_opted.capacity == "Parent Governor Representative (Primary)"
    (interest,) = sample.interests
    assert sample.attendee(interest.attendee_id) is not None
    questions = sample.items[7].blocks[0]
    assert questions.type == "public_questions"
    assert len(questions.questions) == len(questions.responses) == 5
    nested = questions.responses[4].blocks[0]
    assert isinstance(nested, NumberedList)
    assert nested.entries[0].text == "Retirement"


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"items": [{"title": ["x"]}]}, ("items", 0, "title")),
        ({"status": "final"}, ("status",)),
        ({"first_minute_number": 0}, ("first_minute_number",)),
        ({"attendance": [{"role": "mayor"}]}, ("attendance", 0, "role")),
        ({"items": [{"blocks": [{"type": "table"}]}]}, ("items", 0, "blocks", 0)),
        ({"items": [{"blocks": [{"type": "paragraph", "txt": "x"}]}]}, ("items", 0, "blocks", 0)),
        ({"start_time": "25:00"}, ("start_time",)),
        ({"items": [{"id": "has space"}]}, ("items", 0, "id")),
        ({"house_style": "../etc"}, ("house_style",)),
    ],
)
def test_invalid_data_names_the_field(data: dict[str, object], where: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        meeting(**data)
    loc = info.value.errors()[0]["loc"]
    assert loc[: len(where)] == where


def test_ids_must_be_unique() -> None:
    with pytest.raises(ValidationError, match="id 'a' is used twice"):
        meeting(items=[{"id": "a"}, {"id": "a"}])


def test_lists_nest() -> None:
    entry = ListEntry(
        text="January 2024 to June 2025",
        blocks=(NumberedList(entries=(ListEntry(text="Retirement"),)),),
    )
    built = meeting(items=[{"blocks": [BulletList(entries=(entry,)).model_dump()]}])
    again = Meeting.model_validate_json(built.model_dump_json())
    assert again == built


def test_attendance_rules() -> None:
    sub = Attendance(person=Person(title="Councillor", name="Kitterick"))
    assert sub.attended and sub.is_member
    assert not sub.model_copy(update={"status": AttendanceStatus.APOLOGIES}).attended
    assert not sub.model_copy(update={"role": Role.OFFICER}).is_member


def test_resolution_defaults_follow_the_style() -> None:
    resolution = Resolution(resolutions=(ListEntry(text="That the report be noted."),))
    assert resolution.lead_word == "" and resolution.numbered


def test_lookups(sample: Meeting) -> None:
    assert sample.item("questions") is sample.items[7]
    assert sample.item_index("aob") == 14
    assert sample.item(None) is None and sample.attendee("nobody") is None
    assert sample.date == dt.date(2025, 6, 18)
    assert isinstance(sample.items[0].blocks[0], Paragraph)


def nested_bullets(depth: int) -> BulletList:
    """`depth` bullet lists, each inside the one entry of the one before."""
    block = BulletList(entries=(ListEntry(text=f"level {depth}"),))
    for level in range(depth - 1, 0, -1):
        block = BulletList(entries=(ListEntry(text=f"level {level}", blocks=(block,)),))
    return block


def test_lists_nest_up_to_the_cap_and_no_deeper() -> None:
    from clerk_app.domain.model import MAX_LIST_DEPTH, list_depth

    assert MAX_LIST_DEPTH >= 8
    deepest = meeting(items=[{"blocks": [nested_bullets(MAX_LIST_DEPTH).model_dump()]}])
    assert list_depth(deepest.items[0].blocks) == MAX_LIST_DEPTH
    with pytest.raises(ValidationError, match=f"at most {MAX_LIST_DEPTH} levels") as info:
        meeting(items=[{"blocks": [nested_bullets(MAX_LIST_DEPTH + 1).model_dump()]}])
    assert info.value.errors()[0]["loc"] == ("items", 0, "blocks")


def test_resolutions_and_questions_count_as_list_levels() -> None:
    from clerk_app.domain.model import list_depth

    inner = nested_bullets(2)
    resolution = Resolution(resolutions=(ListEntry(text="That", blocks=(inner,)),))
    questions = PublicQuestions(responses=(ListEntry(text="Yes", blocks=(resolution,)),))
    assert list_depth((resolution,)) == 3
    assert list_depth((questions,)) == 4
    assert list_depth((Paragraph(text="x"),)) == 0
