"""How importing a ModernGov meeting grows with its agenda: `python -m bench.importing`.

A loopback server answers GetMeeting as a modern.gov site does, with agendas of `--sizes` items
(30 and 300 by default: a committee's usual meeting, and a full council's budget night ten times
over) and as many attendees; each run reads the meeting (HTTP, safe XML parsing, decoding) and
builds the minutes (`build.meeting_from_agenda`). Printed: the median of `--repeat` runs per
size, in milliseconds, for the reading and the building apart, and the ratio of the largest size
to the smallest per item: about 1 is linear; well above 1 means a step grows faster than the
agenda.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def agenda_xml(items: int) -> bytes:
    parts = [
        "<getmeeting><meeting><meetingid>7</meetingid><meetingdate>18/06/2025</meetingdate>",
        "<meetingtime>17:30</meetingtime><committeetitle>Full Council</committeetitle>",
        "<agendaitems>",
    ]
    for n in range(1, items + 1):
        restricted = "True" if n > items - 3 else "False"
        parts.append(
            f"<agendaitem><agendaitemid>{1000 + n}</agendaitemid><agendaitemnumber> {n}"
            f"</agendaitemnumber><agendaitemtitle>Report on matter {n} &amp;amp; its "
            f"council&amp;#39;s budget</agendaitemtitle><isrestricted>{restricted}"
            "</isrestricted><agendatext>&lt;p&gt;The Director submits a report.&lt;/p&gt;"
            "</agendatext></agendaitem>"
        )
    parts.append("</agendaitems><attendees>")
    for n in range(1, items + 1):
        role = "Chair" if n == 1 else "Committee Member"
        parts.append(
            f'<attendee name="Councillor Person{n} Surname{n}" roledescription="{role}" '
            f'attendance="Present" memberid="{n}"/>'
        )
    parts.append("</attendees></meeting></getmeeting>")
    return "".join(parts).encode()


def main(argv: list[str] | None = None) -> int:
    from clerk_app.importers import build, moderngov
    from clerk_app.importers.fetch import Fetcher
    from clerk_app.render.styles import find_style
    from tests.importers.server import LoopbackServer, Reply

    parser = argparse.ArgumentParser(prog="python -m bench.importing")
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    style = find_style("leicester").style
    timings: dict[tuple[int, str], list[float]] = {}
    servers = {}
    for size in args.sizes:
        server = LoopbackServer().start()
        server.reply(
            "/mgWebService.asmx/GetMeeting", Reply(agenda_xml(size), content_type="text/xml")
        )
        servers[size] = server
    try:
        for _ in range(args.repeat):  # the sizes take turns, so that the machine's noise is shared
            for size, server in servers.items():
                start = time.perf_counter()
                agenda = moderngov.read_meeting(server.url, "7", Fetcher())
                read = time.perf_counter()
                meeting, _notes = build.meeting_from_agenda(agenda, style)
                built = time.perf_counter()
                assert len(meeting.items) >= size
                timings.setdefault((size, "read"), []).append(read - start)
                timings.setdefault((size, "build"), []).append(built - read)
    finally:
        for server in servers.values():
            server.stop()
    small, large = min(args.sizes), max(args.sizes)
    for step in ("read", "build"):
        cells = []
        for size in args.sizes:
            cells.append(f"{size} items {statistics.median(timings[size, step]) * 1000:8.1f} ms")
        per_item = (statistics.median(timings[large, step]) / large) / (
            statistics.median(timings[small, step]) / small
        )
        print(f"{step:6} " + "   ".join(cells) + f"   per-item ratio {per_item:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
