"""The one HTTP session every RT request goes through: timeouts, retries, counting, clear errors.

Retries are urllib3's ``Retry`` (what requests itself builds on): connection failures, timeouts,
connections reset before an answer, and HTTP 429/500/502/503/504 are tried again with
exponential backoff. Two things are added to it: a budget in time (a request is retried until
``budget`` seconds have passed since its first failure, however many attempts that is) and a
cap on ``Retry-After`` (RT may ask for any wait up to ``retry_after_cap``; a longer one is cut to
the cap). An answer whose body is cut off is asked for again under the same budget.

Anything that still goes wrong becomes a ``FetchError`` whose text is one line naming the method
and path, never a credential, a query string or a response body. ``RtSession`` is a
``requests.Session``, so python-rt's REST 1.0 client can use it as its own.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.auth
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, ReadTimeoutError, ResponseError
from urllib3.util.retry import Retry


class FetchError(Exception):
    """Reading RT failed; ``str()`` is one line without credentials."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class RetryPolicy:
    #: seconds after the first failure of a request during which it is tried again
    budget: float = 300.0
    #: the wait before the second retry (urllib3 retries the first failure at once), doubled each time
    backoff: float = 1.0
    #: the longest exponential wait
    max_backoff: float = 60.0
    #: the longest Retry-After honoured, in seconds; a longer one is cut to this
    retry_after_cap: float = 300.0


#: The policy new sessions use; tests swap in a faster one.
DEFAULT_RETRY = RetryPolicy()

#: attempts of one request at the most, whatever the budget allows
MAX_ATTEMPTS = 30
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
#: every request casecat makes only reads: searches are POSTs too, and may be repeated
RETRIED_METHODS = frozenset({"GET", "POST"})


class _Tally:
    """HTTP requests sent by one session, retries included."""

    def __init__(self) -> None:
        self.sent = 0


class BudgetRetry(Retry):
    """urllib3's Retry, ended by time (``budget`` seconds after the first failure) rather than
    only by a count, with RT's ``Retry-After`` honoured up to ``retry_after_cap`` seconds."""

    def __init__(
        self,
        *args: Any,
        budget: float = DEFAULT_RETRY.budget,
        retry_after_cap: float = DEFAULT_RETRY.retry_after_cap,
        first_failure: float | None = None,
        waited: float = 0.0,
        tally: _Tally | None = None,
        sleeper: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.retry_after_cap = retry_after_cap
        self.first_failure = first_failure
        self.waited = waited
        self.tally = tally or _Tally()
        self.sleeper = sleeper

    def new(self, **kw: Any) -> BudgetRetry:
        kw.setdefault("first_failure", self.first_failure)
        kw.setdefault("waited", self.waited)
        return super().new(budget=self.budget, retry_after_cap=self.retry_after_cap, tally=self.tally,  # type: ignore[return-value]
                           sleeper=self.sleeper, **kw)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):  # type: ignore[override]
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        now = time.monotonic()
        retry.first_failure = self.first_failure if self.first_failure is not None else now
        wait = retry.get_retry_after(response) if response is not None else None
        wait = retry.get_backoff_time() if wait is None else wait
        spent = max(now - retry.first_failure, self.waited)  # the waits count even if sleeping is faked
        if spent + wait > self.budget:
            reason = error or ResponseError(f"retry budget of {self.budget:g} s spent")
            raise MaxRetryError(_pool, url, reason) from reason  # type: ignore[arg-type]
        retry.waited = self.waited + wait
        self.tally.sent += 1  # the attempt that follows
        return retry

    def get_retry_after(self, response) -> float | None:  # type: ignore[override]
        wait = super().get_retry_after(response)
        return None if wait is None else min(wait, self.retry_after_cap)

    def sleep_for_retry(self, response) -> bool:  # type: ignore[override]
        wait = self.get_retry_after(response)
        if wait:
            self.sleeper(wait)
            return True
        return False

    def _sleep_backoff(self) -> None:
        wait = self.get_backoff_time()
        if wait > 0:
            self.sleeper(wait)


def make_retry(policy: RetryPolicy, tally: _Tally, sleeper: Callable[[float], None]) -> BudgetRetry:
    return BudgetRetry(
        total=MAX_ATTEMPTS - 1,  # the budget ends retries; this only bounds a server that says "retry now" forever
        connect=None,
        read=None,
        status=None,
        other=0,
        redirect=0,
        allowed_methods=RETRIED_METHODS,
        status_forcelist=RETRIED_STATUSES,
        backoff_factor=policy.backoff / 2,  # urllib3 waits factor * 2 ** (n - 1) from the second retry on
        backoff_max=policy.max_backoff,
        respect_retry_after_header=True,
        raise_on_status=False,  # the last busy answer comes back and is reported with its status
        raise_on_redirect=False,
        budget=policy.budget,
        retry_after_cap=policy.retry_after_cap,
        tally=tally,
        sleeper=sleeper,
    )


class RtSession(requests.Session):
    """A session whose every request has a timeout, is retried as above, and is counted."""

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
        self._tally = _Tally()
        adapter = HTTPAdapter(max_retries=make_retry(self.retry, self._tally, sleep))
        self.mount("http://", adapter)
        self.mount("https://", adapter)
        self.headers["User-Agent"] = "casecat-fetch/1"

    @property
    def count(self) -> int:
        """HTTP requests sent, retries included."""
        return self._tally.sent

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        """As requests', plus ``handles``: error statuses the caller will look at itself."""
        handles = kwargs.pop("handles", ())
        kwargs.setdefault("timeout", self.timeout)
        kwargs["allow_redirects"] = False  # a redirect is reported, never followed with credentials
        what = f"{method.upper()} {urlsplit(url).path}"
        first_failure: float | None = None
        while True:
            before = self.count
            self._tally.sent += 1
            try:
                response = super().request(method, url, *args, **kwargs)
                _ = response.content  # read the whole body now, so a cut-off shows up here
                break
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
                now = time.monotonic()
                first_failure = first_failure if first_failure is not None else now
                if now - first_failure >= self.retry.budget:
                    raise FetchError(f"RT's answer was cut off or unreadable ({what})") from None
                self.sleep(min(self.retry.backoff, self.retry.max_backoff))
            except requests.Timeout:
                raise FetchError(f"RT did not answer within {self.timeout:g} s ({what}, {self.count - before} attempts)") from None
            except requests.ConnectionError as exc:
                if _is_timeout(exc):
                    raise FetchError(
                        f"RT did not answer within {self.timeout:g} s ({what}, {self.count - before} attempts)"
                    ) from None
                raise FetchError(f"cannot reach RT at {_origin(url)}: {_reason(exc)} ({what})") from None
            except requests.RequestException as exc:
                raise FetchError(f"RT's answer was cut off or unreadable ({what}): {type(exc).__name__}") from None
        if response.status_code in handles:
            return response
        return _checked(response, what, _attempts(response))


def _is_timeout(exc: requests.ConnectionError) -> bool:
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, ReadTimeoutError) or "timed out" in str(exc).lower()


def _attempts(response: requests.Response) -> int:
    retries = getattr(getattr(response, "raw", None), "retries", None)
    return 1 + len(getattr(retries, "history", ()) or ())


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


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, reason in (
        ("refused", "connection refused"),
        ("name or service not known", "unknown host"),
        ("nodename nor servname", "unknown host"),
        ("failed to resolve", "unknown host"),
        ("reset", "connection reset"),
        ("aborted", "connection closed"),
        ("remotedisconnected", "connection closed without an answer"),
        ("certificate", "TLS certificate not accepted"),
    ):
        if needle in text:
            return reason
    return "connection failed"
