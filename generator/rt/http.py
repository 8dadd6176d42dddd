"""The one HTTP session every RT request goes through: timeouts, retries, counting, clear errors.

Every call has a timeout. HTTP 5xx and 429 are retried with exponential backoff, honouring
``Retry-After`` up to a cap; anything else that goes wrong becomes a ``FetchError`` whose text
is one line naming the method and path, never a credential, a query string or a response body.
``RtSession`` is a ``requests.Session``, so python-rt's REST 1.0 client can use it as its own.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.auth


class FetchError(Exception):
    """Reading RT failed; ``str()`` is one line without credentials."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # in all, the first one included
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    max_wait: float = 30.0  # cap on any one wait, Retry-After included


#: The policy new sessions use; tests swap in a faster one.
DEFAULT_RETRY = RetryPolicy()

_RETRIED = {429, 500, 502, 503, 504}


class RtSession(requests.Session):
    """A session whose every request has a timeout, is retried when RT is busy, and is counted."""

    def __init__(
        self,
        *,
        timeout: float,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__()
        self.timeout = timeout
        self.retry = retry or DEFAULT_RETRY
        self.sleep = sleep
        self.count = 0  # HTTP requests sent, retries included
        self.server_time: datetime | None = None  # the Date of RT's first answer
        self.headers["User-Agent"] = "casecat-fetch/1"

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """As requests', plus ``handles``: error statuses the caller will look at itself."""
        handles = kwargs.pop("handles", ())
        kwargs.setdefault("timeout", self.timeout)
        kwargs["allow_redirects"] = False  # a redirect is reported, never followed with credentials
        what = f"{method.upper()} {urlsplit(url).path}"
        for attempt in range(1, self.retry.attempts + 1):
            self.count += 1
            try:
                response = super().request(method, url, *args, **kwargs)
                response.content  # read the whole body now, so a cut-off shows up here
            except requests.Timeout:
                raise FetchError(f"RT did not answer within {self.timeout:g} s ({what})") from None
            except requests.ConnectionError as exc:
                raise FetchError(f"cannot reach RT at {_origin(url)}: {_reason(exc)} ({what})") from None
            except requests.RequestException as exc:
                raise FetchError(f"RT's answer was cut off or unreadable ({what}): {type(exc).__name__}") from None
            self._note_date(response)
            if response.status_code in handles:
                return response
            if response.status_code not in _RETRIED or attempt == self.retry.attempts:
                return _checked(response, what, attempt)
            self.sleep(self._wait(response, attempt))
        raise AssertionError("unreachable")

    def _wait(self, response: requests.Response, attempt: int) -> float:
        wait = self.retry.backoff * 2 ** (attempt - 1)
        after = _retry_after(response.headers.get("Retry-After"))
        if after is not None:
            wait = after
        return max(0.0, min(wait, self.retry.max_wait))

    def _note_date(self, response: requests.Response) -> None:
        if self.server_time is None and response.headers.get("Date"):
            try:
                self.server_time = email.utils.parsedate_to_datetime(response.headers["Date"]).astimezone(UTC)
            except (TypeError, ValueError):
                pass


def _checked(response: requests.Response, what: str, attempts: int) -> requests.Response:
    code = response.status_code
    if code in (401, 403):
        raise FetchError(
            f"RT refused the credentials (HTTP {code} on {what}): check RT_TOKEN, or RT_USER and "
            "RT_PASSWORD, and that the account may see the queue"
        )
    if code == 429:
        raise FetchError(f"RT kept answering HTTP 429 Too Many Requests ({what}, {attempts} attempts)")
    if code >= 500:
        raise FetchError(f"RT failed with HTTP {code} ({what}, {attempts} attempts)")
    if 300 <= code < 400:
        target = urlsplit(response.headers.get("Location", ""))
        if "/SelfService" in target.path:
            raise FetchError(
                f"RT sent this account to SelfService ({what}): REST 1.0 needs a privileged RT user "
                "(REST 2 also works for unprivileged ones)"
            )
        raise FetchError(
            f"RT redirected {what} to {target.netloc}{target.path or '/'}: use RT's base URL "
            "(the redirect may also mean the login was refused)"
        )
    return response


class TokenAuth(requests.auth.AuthBase):
    """RT's ``Authorization: token …``. As the session's auth, it also keeps requests from
    replacing it with credentials from ~/.netrc."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"token {self._token}"
        return request

    def __repr__(self) -> str:
        return "TokenAuth('***')"


def json_body(response: requests.Response, what: str) -> Any:
    """The JSON of an answer; an HTML page or a cut-off document is a FetchError."""
    text = response.text
    kind = response.headers.get("Content-Type", "")
    if "html" in kind or text.lstrip()[:1] == "<":
        raise FetchError(f"RT sent an HTML page where JSON was expected ({what}): is the URL RT's base URL?")
    try:
        return json.loads(text)
    except ValueError:
        raise FetchError(f"RT sent truncated or invalid JSON ({what})") from None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return (when - datetime.now(UTC)).total_seconds()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, reason in (
        ("refused", "connection refused"),
        ("name or service not known", "unknown host"),
        ("nodename nor servname", "unknown host"),
        ("reset", "connection reset"),
        ("aborted", "connection closed"),
        ("remotedisconnected", "connection closed without an answer"),
        ("certificate", "TLS certificate not accepted"),
    ):
        if needle in text:
            return reason
    return "connection failed"
