"""A real HTTP server on loopback that answers as a council's democracy system does, from the
fixtures the tests give it. Each route is a path (with or without its query) and what to send:
status, body, media type, and optionally a delay before answering or between chunks (a slow
server), or a redirect. Every request is recorded, with its headers."""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/xml; charset=utf-8"
    delay: float = 0.0
    """Seconds to wait before answering."""
    trickle: float = 0.0
    """Seconds to wait between chunks of 16 bytes (a server that never quite stops)."""
    location: str = ""
    """For a 3xx: where to."""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    """The path and query as sent."""
    headers: dict[str, str]

    @property
    def route(self) -> str:
        return urllib.parse.urlsplit(self.path).path

    @property
    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))


class LoopbackServer:
    """`routes` maps a path ("/mgWebService.asmx/GetCommittees") or a path and query
    ("/mgWebService.asmx/GetMeeting?lMeetingId=7") to a Reply; the longer key wins. Anything
    else is a 404 page."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.seen: list[Seen] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        # a short poll: stopping waits for it, after every test
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def reply(self, path: str, reply: Reply) -> None:
        self.routes[path] = reply

    def _find(self, path: str) -> Reply | None:
        if path in self.routes:
            return self.routes[path]
        parts = urllib.parse.urlsplit(path)
        wanted = dict(urllib.parse.parse_qsl(parts.query))
        best: Reply | None = None
        best_len = -1
        for key, reply in self.routes.items():
            key_parts = urllib.parse.urlsplit(key)
            if key_parts.path != parts.path:
                continue
            needed = dict(urllib.parse.parse_qsl(key_parts.query))
            if all(wanted.get(k) == v for k, v in needed.items()) and len(needed) > best_len:
                best, best_len = reply, len(needed)
        return best

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.seen.append(Seen(self.path, dict(self.headers.items())))
                reply = server._find(self.path)
                if reply is None:
                    reply = Reply(b"<html><body>Not found</body></html>", 404, "text/html")
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    if reply.location:
                        self.send_header("Location", reply.location)
                    self.send_header("Content-Type", reply.content_type)
                    if not reply.trickle:
                        self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    if reply.trickle:
                        for chunk in _chunks(reply.body, 16):
                            self.wfile.write(chunk)
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]
