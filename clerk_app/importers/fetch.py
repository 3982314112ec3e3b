"""Getting a page from a council's democracy system, safely.

- Timeouts: each connect and read waits at most `timeout` seconds, and a whole answer must come
  within `deadline` (a server trickling bytes is as stuck as one that says nothing).
- The system proxy: the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) and, on Windows, the
  Internet Options proxy in the registry, as `urllib.request.getproxies` reads them. Loopback
  addresses never go through a proxy. (Proxy auto-configuration scripts are not read.)
- HTTPS verified against the system's certificates (on Windows, its certificate store, where a
  council's IT installs its own root); a redirect from HTTPS to plain HTTP is refused.
- Answers are capped at `max_bytes` and are never asked for compressed (no zip bombs).
- XML is parsed with external entities, entity expansion, DTDs and the network off; a document
  that declares a DTD is refused. JSON is parsed from the capped bytes.
- A login page, a web page instead of data, an HTTP error, malformed XML or JSON, or a server
  that does not answer in time: one `AgendaImportError`, naming the site and the problem.

No Qt: the app runs these on a worker thread.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from clerk_app.importers.agenda import AgendaImportError

TIMEOUT_SECONDS = 20.0
DEADLINE_SECONDS = 60.0
MAX_BYTES = 20 * 1024 * 1024
"""The largest answer read: a year of a busy committee's meetings is well under 2 MB."""
CHUNK = 64 * 1024
USER_AGENT = "Clerk minutes (agenda import)"
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    """The address that answered (after any redirect)."""
    status: int
    content_type: str
    """The media type, lower case, without parameters ("text/xml")."""
    body: bytes


def site_name(url: str) -> str:
    """The site as a clerk knows it, for messages: "https://democracy.leicester.gov.uk"."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return url


def normalise_site(text: str) -> str:
    """A site address as typed ("democracy.leicester.gov.uk/", "https://x/mgWebService.asmx")
    as its root, with a scheme ("https://" when none is given) and no trailing slash. Raises
    AgendaImportError for something that is not a web address."""
    typed = text.strip()
    if not typed:
        raise AgendaImportError("The site", "no address was given")
    if "://" not in typed:
        typed = "https://" + typed
    parts = urllib.parse.urlsplit(typed)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() or ord(c) < 32 for c in typed)
        or not re.fullmatch(r"[A-Za-z0-9.\-\[\]:]+", parts.hostname)
    ):
        raise AgendaImportError(text.strip(), "is not a web address (https://...)")
    path = parts.path.rstrip("/")
    for tail in ("/mgWebService.asmx", "/mgwebservice.asmx"):
        if path.endswith(tail):
            path = path[: -len(tail)]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class _ProxyHandler(urllib.request.ProxyHandler):
    """The system's proxies, but never for loopback (tests, a local mirror)."""

    def proxy_open(self, req: urllib.request.Request, proxy: str, type: str) -> Any:
        host = (urllib.parse.urlsplit(req.full_url).hostname or "").lower()
        if host in LOOPBACK or host.startswith("127."):
            return None
        return super().proxy_open(req, proxy, type)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects (at most a few), but never from HTTPS down to plain HTTP."""

    max_redirections = 5

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        old = urllib.parse.urlsplit(req.full_url).scheme
        new = urllib.parse.urlsplit(newurl).scheme
        if old == "https" and new != "https":
            fp.close()
            raise AgendaImportError(
                site_name(req.full_url),
                f"redirected to an unencrypted address ({site_name(newurl)}); nothing was read",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _context() -> ssl.SSLContext:
    # The default context verifies the certificate and the host name, against the system's
    # certificates (Windows: its certificate store).
    return ssl.create_default_context()


class Fetcher:
    """GETs pages under the rules above. One per import; not shared between threads."""

    def __init__(
        self,
        *,
        timeout: float | None = None,
        deadline: float | None = None,
        max_bytes: int | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> None:
        """None: the module's limits (TIMEOUT_SECONDS, DEADLINE_SECONDS, MAX_BYTES). `proxies`
        as `urllib.request.getproxies` gives them (None: the system's)."""
        self.timeout = TIMEOUT_SECONDS if timeout is None else timeout
        self.deadline = DEADLINE_SECONDS if deadline is None else deadline
        self.max_bytes = MAX_BYTES if max_bytes is None else max_bytes
        self._opener = urllib.request.build_opener(
            _ProxyHandler(dict(proxies) if proxies is not None else None),
            urllib.request.HTTPSHandler(context=_context()),
            _RedirectHandler(),
        )
        self.requests: list[str] = []
        """Every address asked for, in order (for messages and tests)."""

    def get(self, url: str, *, accept: str, params: Mapping[str, str] | None = None) -> Response:
        """The answer to a GET of `url` (with `params` as its query). Raises AgendaImportError."""
        if params:
            url = f"{url}?{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"
        site = site_name(url)
        self.requests.append(url)
        request = urllib.request.Request(
            url,
            headers={"Accept": accept, "User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )
        started = time.monotonic()
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                body = self._read(answer, site, started)
                kind = answer.headers.get_content_type().lower()
                return Response(answer.geturl(), answer.status, kind, body)
        except AgendaImportError:
            raise
        except urllib.error.HTTPError as exc:
            exc.close()
            raise AgendaImportError(site, _http_problem(exc.code, exc.reason)) from None
        except urllib.error.URLError as exc:
            raise AgendaImportError(site, _network_problem(exc.reason)) from None
        except TimeoutError:
            raise AgendaImportError(site, self._too_slow()) from None
        except ssl.SSLError as exc:
            raise AgendaImportError(site, _network_problem(exc)) from None
        except (http.client.HTTPException, ConnectionError, OSError, ValueError) as exc:
            raise AgendaImportError(site, f"the connection failed ({_short(exc)})") from None

    def _read(self, answer: Any, site: str, started: float) -> bytes:
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise AgendaImportError(site, self._too_large())
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - started > self.deadline:
                raise AgendaImportError(site, self._too_slow())
            # read1: what has come, not a whole chunk's worth (a trickle meets the deadline)
            chunk = answer.read1(CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise AgendaImportError(site, self._too_large())
            chunks.append(chunk)

    def _too_slow(self) -> str:
        return (
            f"did not answer in time (waited {self.timeout:g} seconds for each reply, "
            f"{self.deadline:g} in all); try again later"
        )

    def _too_large(self) -> str:
        return f"sent more than {self.max_bytes // (1024 * 1024)} MB; that is not an agenda"


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


def _http_problem(code: int, reason: str) -> str:
    if code in (401, 403):
        return f"refused the request (HTTP {code}): the site needs a login, which Clerk cannot give"
    if code == 404:
        return "has no such page (HTTP 404): check the address, and that the site offers this"
    if code >= 500:
        return f"had an error of its own (HTTP {code} {reason}); try again later"
    return f"refused the request (HTTP {code} {reason})"


def _network_problem(reason: object) -> str:
    if isinstance(reason, AgendaImportError):
        return reason.problem
    if isinstance(reason, TimeoutError):
        return "did not answer in time; try again later"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return (
            "its security certificate could not be verified "
            f"({reason.verify_message or 'not trusted'}); nothing was read"
        )
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({_short(reason)})"
    if isinstance(reason, socket.gaierror):
        return "could not be found: check the address, and that this computer is online"
    if isinstance(reason, ConnectionRefusedError):
        return "refused the connection: check the address"
    if isinstance(reason, OSError):
        return f"could not be reached ({reason.strerror or _short(reason)})"
    return f"could not be reached ({reason})"


# --- what came back ------------------------------------------------------------------------------


def _looks_like_a_page(response: Response) -> bool:
    if response.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = response.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _a_page(response: Response, what: str) -> str:
    head = response.body[:4096].lower()
    if any(word in head for word in (b"login", b"log in", b"sign in", b"password")):
        return f"answered with a login page instead of {what}: Clerk reads only public data"
    return f"answered with a web page instead of {what} (is this the right address?)"


_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def parse_xml(response: Response, what: str) -> etree._Element:
    """The response's XML root. Refuses a web page, a DTD (and so every entity trick) and
    malformed XML, naming `what` was expected ("ModernGov's list of committees")."""
    site = site_name(response.url)
    if _looks_like_a_page(response):
        raise AgendaImportError(site, _a_page(response, what))
    if b"<!DOCTYPE" in response.body[:4096].upper() or b"<!ENTITY" in response.body.upper():
        raise AgendaImportError(
            site, f"sent {what} with a document type declaration, which Clerk refuses"
        )
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(response.body, parser)
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if exc.lineno else ""
        raise AgendaImportError(site, f"sent {what} that is not well-formed XML{line}") from None
    if root is None:
        raise AgendaImportError(site, f"sent an empty answer instead of {what}")
    return root


def parse_json(response: Response, what: str) -> Any:
    """The response's JSON value. Refuses a web page and malformed JSON."""
    site = site_name(response.url)
    if _looks_like_a_page(response):
        raise AgendaImportError(site, _a_page(response, what))
    try:
        return json.loads(response.body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise AgendaImportError(site, f"sent {what} that is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise AgendaImportError(
            site, f"sent {what} that is not well-formed JSON (line {exc.lineno})"
        ) from None
    except RecursionError:
        raise AgendaImportError(site, f"sent {what} nested too deeply to read") from None
