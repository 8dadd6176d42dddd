"""pytest fixtures for a real RT 5 (a plugin: listed in conftest.py's ``pytest_plugins``).

* ``rt_pristine`` (session): the configured RT database every server copies (built once, ~6 s).
* ``rt_factory`` (module): ``rt_factory(scrips=False)`` starts another fresh RT; all are
  stopped at the end of the test module, so a run holds a module's servers at a time (about
  200 MB each), not every server of the session.
* ``rt_server``: a fresh RT for one test (queue, custom fields, users, tokens; no tickets;
  scrips off, so tickets are written fast and no notification mail is recorded).

Without RT installed (``make system-deps``) these fixtures skip the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from devtools.rtserver import Pristine, RtServer, make_pristine, rt_installed


@pytest.fixture(scope="session")
def rt_pristine(tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    if not rt_installed():
        pytest.skip("RT 5 is not installed: run `make system-deps` (scripts/install-system-deps.sh)")
    return make_pristine(tmp_path_factory.mktemp("rt-pristine"))


@pytest.fixture(scope="module")
def rt_factory(rt_pristine: Pristine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., RtServer]]:
    servers: list[RtServer] = []

    def start(*, scrips: bool = False) -> RtServer:
        server = RtServer(rt_pristine, tmp_path_factory.mktemp("rt-server"), scrips=scrips)
        servers.append(server)
        server.start()
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def rt_server(rt_factory: Callable[..., RtServer]) -> Iterator[RtServer]:
    server = rt_factory()
    yield server
    server.stop()
