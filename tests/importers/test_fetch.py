"""The safe HTTP every import goes through, against real servers on loopback: what a council's
system can answer instead of data (a login page, an error page, a 500, a slow or endless
answer, a huge one, malformed XML or JSON, entity tricks), the system proxy, and verified
HTTPS. Each failure is one AgendaImportError line naming the site."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from clerk_app.importers.agenda import AgendaImportError
from clerk_app.importers.fetch import (
    Fetcher,
    normalise_site,
    parse_json,
    parse_xml,
    site_name,
)
from tests.importers.conftest import FIXTURES
from tests.importers.server import LoopbackServer, Reply

XML = "text/xml; charset=utf-8"


def _one_line(exc: pytest.ExceptionInfo[AgendaImportError], site: str) -> str:
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f"{site}: ")
    assert "Traceback" not in message and "Errno" not in message
    return message


def test_a_page_of_xml_is_read_and_parsed(server: LoopbackServer) -> None:
    server.reply("/data", Reply(b"<root><a>Fish &amp; Chips</a></root>", content_type=XML))
    fetcher = Fetcher()
    response = fetcher.get(f"{server.url}/data", accept="text/xml", params={"x": "1 2"})
    root = parse_xml(response, "the list")
    assert root.findtext("a") == "Fish & Chips"
    seen = server.seen[-1]
    assert seen.query == {"x": "1 2"}
    assert seen.headers["Accept"] == "text/xml"
    assert seen.headers["Accept-Encoding"] == "identity"  # never a compressed bomb
    assert fetcher.requests == [f"{server.url}/data?x=1%202"]


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (
            Reply(
                b"<!DOCTYPE html><html><body><form><input type=password name=pw>Log in"
                b"</form></body></html>",
                content_type="text/html",
            ),
            "answered with a login page instead of the list",
        ),
        (
            Reply(
                b"<html><body><h1>Server Error in '/' Application.</h1></body></html>",
                content_type="text/html",
            ),
            "answered with a web page instead of the list",
        ),
        (Reply(b"<html>oops</html>", status=500, content_type="text/html"), "HTTP 500"),
        (Reply(b"", status=503, content_type="text/html"), "HTTP 503"),
        (Reply(b"<html>no</html>", status=403, content_type="text/html"), "needs a login"),
        (Reply(b"<root><a>unclosed</root>", content_type=XML), "not well-formed XML (line 1)"),
        (Reply(b"", content_type=XML), "not well-formed XML"),
    ],
)
def test_what_is_not_data_is_one_line_naming_the_site(
    server: LoopbackServer, reply: Reply, words: str
) -> None:
    server.reply("/data", reply)
    with pytest.raises(AgendaImportError) as caught:
        parse_xml(Fetcher().get(f"{server.url}/data", accept="text/xml"), "the list")
    assert words in _one_line(caught, server.url)


def test_a_page_the_site_does_not_have_says_so(server: LoopbackServer) -> None:
    with pytest.raises(AgendaImportError) as caught:
        Fetcher().get(f"{server.url}/nowhere", accept="text/xml")
    assert "has no such page (HTTP 404)" in _one_line(caught, server.url)


def test_an_xml_bomb_is_refused_without_expanding_it(server: LoopbackServer) -> None:
    lol = b'<!ENTITY lol "lol">' + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [' + lol + b"]><lolz>&lol9;</lolz>"
    server.reply("/bomb", Reply(bomb, content_type=XML))
    with pytest.raises(AgendaImportError) as caught:
        parse_xml(Fetcher().get(f"{server.url}/bomb", accept="text/xml"), "the list")
    assert "document type declaration" in _one_line(caught, server.url)


def test_an_external_entity_never_reads_a_local_file(
    server: LoopbackServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the chief executive's password", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>&x;</r>'
    ).encode()
    server.reply("/xxe", Reply(xxe, content_type=XML))
    with pytest.raises(AgendaImportError) as caught:
        parse_xml(Fetcher().get(f"{server.url}/xxe", accept="text/xml"), "the list")
    assert "password" not in str(caught.value)


def test_an_entity_hidden_past_the_first_bytes_is_refused_too(server: LoopbackServer) -> None:
    body = b"<root>" + b" " * 10_000 + b'<!ENTITY x "y"></root>'
    server.reply("/late", Reply(body, content_type=XML))
    with pytest.raises(AgendaImportError):
        parse_xml(Fetcher().get(f"{server.url}/late", accept="text/xml"), "the list")


def test_a_server_that_does_not_answer_in_time(server: LoopbackServer) -> None:
    server.reply("/slow", Reply(b"<root/>", content_type=XML, delay=1.0))
    with pytest.raises(AgendaImportError) as caught:
        Fetcher(timeout=0.3, deadline=1).get(f"{server.url}/slow", accept="text/xml")
    assert "did not answer in time" in _one_line(caught, server.url)


def test_a_server_that_trickles_forever_is_cut_off_at_the_deadline(
    server: LoopbackServer,
) -> None:
    server.reply("/trickle", Reply(b"<root>" + b"x" * 4000 + b"</root>", trickle=0.02))
    with pytest.raises(AgendaImportError) as caught:
        Fetcher(timeout=0.3, deadline=0.5).get(f"{server.url}/trickle", accept="text/xml")
    assert "did not answer in time" in _one_line(caught, server.url)


def test_an_answer_too_large_is_not_read_to_the_end(server: LoopbackServer) -> None:
    server.reply("/huge", Reply(b"<r>" + b"x" * 300_000 + b"</r>", content_type=XML))
    with pytest.raises(AgendaImportError) as caught:
        Fetcher(max_bytes=100_000).get(f"{server.url}/huge", accept="text/xml")
    assert "sent more than" in _one_line(caught, server.url)
    # without a length given, counted as it comes
    server.reply("/huge2", Reply(b"<r>" + b"x" * 300_000 + b"</r>", trickle=0.0001))
    with pytest.raises(AgendaImportError):
        Fetcher(max_bytes=1000).get(f"{server.url}/huge2", accept="text/xml")


def test_json_that_is_not_json(server: LoopbackServer) -> None:
    server.reply("/j", Reply(b'[{"EventId": 1,', content_type="application/json"))
    with pytest.raises(AgendaImportError) as caught:
        parse_json(Fetcher().get(f"{server.url}/j", accept="application/json"), "the events")
    assert "not well-formed JSON" in _one_line(caught, server.url)
    server.reply("/deep", Reply(b"[" * 100_000 + b"]" * 100_000, content_type="application/json"))
    with pytest.raises(AgendaImportError):
        parse_json(Fetcher().get(f"{server.url}/deep", accept="application/json"), "the events")


def test_a_refused_connection_names_the_site() -> None:
    stopped = LoopbackServer().start()
    url = stopped.url
    stopped.stop()
    with pytest.raises(AgendaImportError) as caught:
        Fetcher(timeout=1).get(f"{url}/x", accept="text/xml")
    assert "refused the connection" in _one_line(caught, url)


def test_the_system_proxy_carries_requests_to_other_hosts(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A council's network: every request goes through its proxy (here the loopback server
    plays the proxy, and answers for a site that does not exist)."""
    server.reply(
        "http://democracy.example.invalid/mgWebService.asmx/GetCommittees",
        Reply(b"<committees/>", content_type=XML),
    )
    monkeypatch.setenv("HTTP_PROXY", server.url)
    monkeypatch.setenv("http_proxy", server.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    response = Fetcher(timeout=2).get(
        "http://democracy.example.invalid/mgWebService.asmx/GetCommittees", accept="text/xml"
    )
    assert parse_xml(response, "the list").tag == "committees"
    assert server.seen[-1].path.startswith("http://democracy.example.invalid/")


def test_loopback_never_goes_through_a_proxy(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.reply("/data", Reply(b"<root/>", content_type=XML))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    assert Fetcher(timeout=2).get(f"{server.url}/data", accept="text/xml").body == b"<root/>"


@pytest.fixture
def tls_server() -> Iterator[LoopbackServer]:
    running = LoopbackServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(FIXTURES / "tls" / "cert.pem", FIXTURES / "tls" / "key.pem")
    inner: ThreadingHTTPServer = running._server
    inner.socket = context.wrap_socket(inner.socket, server_side=True)
    running.start()
    try:
        yield running
    finally:
        running.stop()


def test_https_is_verified_a_self_signed_site_is_refused(tls_server: LoopbackServer) -> None:
    tls_server.reply("/data", Reply(b"<root/>", content_type=XML))
    url = tls_server.url.replace("http://", "https://")
    with pytest.raises(AgendaImportError) as caught:
        Fetcher(timeout=2).get(f"{url}/data", accept="text/xml")
    assert "certificate could not be verified" in _one_line(caught, url)


def test_https_is_never_redirected_down_to_plain_http(tls_server: LoopbackServer) -> None:
    # trusted for this test only: the question is the redirect, not the certificate
    tls_server.reply("/data", Reply(status=302, location="http://127.0.0.1:9/data"))
    url = tls_server.url.replace("http://", "https://")
    fetcher = Fetcher(timeout=2)
    trusted = ssl.create_default_context(cafile=str(FIXTURES / "tls" / "cert.pem"))
    import urllib.request

    from clerk_app.importers import fetch

    fetcher._opener = urllib.request.build_opener(
        fetch._ProxyHandler({}),
        urllib.request.HTTPSHandler(context=trusted),
        fetch._RedirectHandler(),
    )
    with pytest.raises(AgendaImportError) as caught:
        fetcher.get(f"{url}/data", accept="text/xml")
    assert "redirected to an unencrypted address" in _one_line(caught, url)


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("democracy.leicester.gov.uk", "https://democracy.leicester.gov.uk"),
        (" https://democracy.leicester.gov.uk/ ", "https://democracy.leicester.gov.uk"),
        ("https://x.gov.uk/mgWebService.asmx", "https://x.gov.uk"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("https://x.gov.uk/democracy/", "https://x.gov.uk/democracy"),
    ],
)
def test_a_site_as_typed_is_its_root(typed: str, site: str) -> None:
    assert normalise_site(typed) == site
    assert site_name(site + "/mgWebService.asmx/GetCommittees?x=1").startswith("http")


@pytest.mark.parametrize(
    "typed", ["", "   ", "ftp://x.gov.uk", "https://", "not a site", "x.gov.uk/a b", "a_b!.gov"]
)
def test_what_is_not_a_site_is_refused(typed: str) -> None:
    with pytest.raises(AgendaImportError) as caught:
        normalise_site(typed)
    assert "control characters" not in str(caught.value)
    assert typed.strip() == "" or str(caught.value).endswith("is not a web address (https://...)")


def test_fetches_on_several_threads_do_not_mix(server: LoopbackServer) -> None:
    for n in range(4):
        server.reply(f"/p{n}", Reply(f"<r>{n}</r>".encode(), content_type=XML))
    got: dict[int, str] = {}

    def one(n: int) -> None:
        got[n] = parse_xml(Fetcher().get(f"{server.url}/p{n}", accept="text/xml"), "x").text or ""

    threads = [threading.Thread(target=one, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert got == {n: str(n) for n in range(4)}
