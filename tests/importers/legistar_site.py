"""A fake Legistar Web API client on a LoopbackServer, from the fixtures in fixtures/legistar/
(written from the Web API's public shapes, not copied from any client's data).

The City of Springfield ("springfield"): its City Council (body 138, a Mayor in the chair, a
Vice Mayor and five Councilmembers) and its Planning and Land Use Committee (body 142, with a
non-voting liaison), an inactive commission; today is 2 December 2026. The council's meeting of
17 November 2026 (EVENT_ID) has its results: a roll call (one member excused), movers,
seconders, tallies and votes, a consent calendar, a public hearing that failed and a closed
session item; its meeting of 8 December (UPCOMING_EVENT_ID) has only its agenda. The office
records answer over two pages: 1,000 past terms of office first, the current ones after.

`serve_legistar(server)` installs the whole client; the tests, the CLI's and the app's, serve the
same one. Routes are case as the Web API documents them (the real one ignores case)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tests.importers.conftest import FIXTURES
from tests.importers.server import LoopbackServer, Reply

CLIENT = "springfield"
BODY_ID = "138"
BODY_NAME = "City Council"
COMMITTEE_BODY_ID = "142"
COMMITTEE_NAME = "Planning and Land Use Committee"
EVENT_ID = "4112"
EVENT_DATE = dt.date(2026, 11, 17)
UPCOMING_EVENT_ID = "4127"
COMMITTEE_EVENT_ID = "4131"
TODAY = dt.date(2026, 12, 2)
ROLL_CALL_ITEM_ID = "41202"
VOTED_ITEM_IDS = ("41203", "41205", "41206", "41208", "41209")
PAST_RECORDS = 1000
"""The past terms of office on the first page of OfficeRecords: a whole page, so the reader
must ask for the second, where the current members are."""

JSON = "application/json; charset=utf-8"
LEGISTAR = FIXTURES / "legistar"


def fixture(name: str) -> Any:
    return json.loads((LEGISTAR / name).read_text(encoding="utf-8"))


def json_reply(value: Any) -> Reply:
    return Reply(json.dumps(value).encode("utf-8"), content_type=JSON)


_FIRST = ("Harold", "Dorothy", "Walter", "Evelyn", "Frank", "Mildred", "George", "Ruth", "Earl")
_LAST = ("Jenkins", "Alvarez", "Novak", "Pruitt", "Castillo", "Lindqvist", "Ogden", "Marsh")


def past_office_records(count: int = PAST_RECORDS) -> list[dict[str, Any]]:
    """Terms of office that ended before 2020, on the council and on committees long gone."""
    rows: list[dict[str, Any]] = []
    for n in range(count):
        first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST)) % len(_LAST)]
        year = 1950 + n % 68
        body, body_name = (138, BODY_NAME) if n % 3 else (100 + n % 7, "Former Committee")
        rows.append(
            {
                "OfficeRecordId": 1000 + n,
                "OfficeRecordFirstName": first,
                "OfficeRecordLastName": last,
                "OfficeRecordFullName": f"{first} {last}",
                "OfficeRecordStartDate": f"{year}-01-04T00:00:00",
                "OfficeRecordEndDate": f"{year + 2}-01-03T00:00:00",
                "OfficeRecordSort": 50 + n % 9,
                "OfficeRecordPersonId": 3000 + n,
                "OfficeRecordBodyId": body,
                "OfficeRecordBodyName": body_name,
                "OfficeRecordTitle": "Councilmember" if body == 138 else "Member",
                "OfficeRecordMemberTypeId": 1,
                "OfficeRecordMemberType": "Voting Member",
                "OfficeRecordExtraText": None,
            }
        )
    return rows


def serve_legistar(server: LoopbackServer, client: str = CLIENT) -> None:
    """Installs the client's routes under /v1/{client}/ on `server`."""
    base = f"/v1/{client}"
    server.reply(f"{base}/Bodies", json_reply(fixture("bodies.json")))
    server.reply(f"{base}/Events", json_reply(fixture("events.json")))
    for event in (EVENT_ID, UPCOMING_EVENT_ID, COMMITTEE_EVENT_ID):
        server.reply(f"{base}/Events/{event}", json_reply(fixture(f"event-{event}.json")))
        server.reply(
            f"{base}/Events/{event}/EventItems", json_reply(fixture(f"event-{event}-items.json"))
        )
    server.reply(
        f"{base}/EventItems/{ROLL_CALL_ITEM_ID}/RollCalls",
        json_reply(fixture(f"rollcalls-{ROLL_CALL_ITEM_ID}.json")),
    )
    server.reply(f"{base}/EventItems/42702/RollCalls", json_reply(fixture("rollcalls-42702.json")))
    for item in VOTED_ITEM_IDS:
        server.reply(f"{base}/EventItems/{item}/Votes", json_reply(fixture(f"votes-{item}.json")))
    # two pages: the first exactly full (1,000 rows), the second short
    server.reply(f"{base}/OfficeRecords?$skip=0", json_reply(past_office_records()))
    server.reply(
        f"{base}/OfficeRecords?$skip={PAST_RECORDS}",
        json_reply(fixture("officerecords-current.json")),
    )
    server.reply(f"{base}/OfficeRecords", json_reply([]))
