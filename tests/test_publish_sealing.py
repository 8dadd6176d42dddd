"""The private cache sealed for actions/cache: `casecat cache seal` and `casecat cache unseal`.

What the nightly caches is the sealed file alone (tests/test_workflows.py checks the paths);
these tests read its bytes: no ticket text, salt or address in it, and it opens only with the
key, whole. A wrong key, a changed byte or a missing key mean a full fetch, never a crash and
never a plaintext fallback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from devtools.rtserver import seed_cases
from devtools.synthetic import make_queue, write_queue
from generator import sealing

ROOT = Path(__file__).resolve().parent.parent
KEY = "k" * 20 + "-a-test-key-of-40-chars-"
OTHER_KEY = "another-key-that-is-long-enough-0123456789"
SEALED = Path(".casecat/sealed/cache.sealed")


def casecat(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CASECAT_", "RT_", "GITHUB_"))}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={**clean, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=600)


def strings(value, minimum: int = 8) -> set[str]:
    """Every string in a JSON value at least ``minimum`` characters long (keys too)."""
    found: set[str] = set()
    if isinstance(value, str):
        if len(value) >= minimum:
            found.add(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            found |= strings(key, minimum) | strings(item, minimum)
    elif isinstance(value, list):
        for item in value:
            found |= strings(item, minimum)
    return found


def assert_no_plaintext(sealed: bytes, secrets_: set[str]) -> None:
    for text in secrets_:
        for form in {text.encode(), json.dumps(text)[1:-1].encode(), text.encode("utf-16-le")}:
            assert form not in sealed, f"{text[:40]!r} is readable in the sealed cache"
    # ciphertext does not compress: a plain or merely compressed archive would, at least its header
    assert len(zlib.compress(sealed, 9)) > 0.99 * len(sealed)


def private_cache(folder: Path) -> dict:
    """A cache as a fetch leaves it: raw tickets, the fetch state, the fingerprint salt, and the
    public bookkeeping of the last publish."""
    raw = make_queue(15, seed=3)
    raw["source"] = "rt"
    folder.mkdir(parents=True)
    write_queue(raw, folder / "raw.json")
    (folder / "state.json").write_text(json.dumps({"format": "casecat-state/1", "url": "https://rt.example.org",
                                                   "queue": "q", "api": "rest2", "ids_seen": [1, 2]}))
    (folder / "fingerprint-salt").write_text("b7f1c0d2e3a4958677a6b5c4d3e2f10102030405060708090a0b0c0d0e0f1011\n")
    (folder / "published.json").write_text('{"rt:q": [1, 2]}\n')
    (folder / "published-snapshot.sha256").write_text("ab" * 32 + "\n")
    return raw


# --- the sealed bytes ------------------------------------------------------------------------


def test_sealed_cache_holds_no_byte_of_any_ticket_and_opens_whole(tmp_path):
    raw = private_cache(tmp_path / ".casecat" / "cache")
    seal = casecat(tmp_path, "cache", "seal", env={"CASECAT_CACHE_KEY": KEY})
    assert seal.returncode == 0, seal.stderr
    assert "sealed 3 file(s)" in seal.stderr and "AES-256-GCM" in seal.stderr
    data = (tmp_path / SEALED).read_bytes()
    assert data.startswith(sealing.MAGIC)
    private = strings(raw) | {"b7f1c0d2e3a4958677a6b5c4d3e2f10102030405060708090a0b0c0d0e0f1011", KEY}
    assert len(private) > 100  # subjects, bodies, addresses, names of the synthetic tickets
    assert_no_plaintext(data, private)

    before = {p.name: p.read_bytes() for p in (tmp_path / ".casecat" / "cache").iterdir()}
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / SEALED).parent.mkdir(parents=True)
    (fresh / SEALED).write_bytes(data)
    opened = casecat(fresh, "cache", "unseal", env={"CASECAT_CACHE_KEY": KEY})
    assert opened.returncode == 0, opened.stderr
    after = {p.name: p.read_bytes() for p in (fresh / ".casecat" / "cache").iterdir()}
    # the publish bookkeeping is not in it: the nightly saves that only after a deploy
    assert after == {k: v for k, v in before.items() if k not in ("published.json", "published-snapshot.sha256")}
    assert all((fresh / ".casecat" / "cache" / name).stat().st_mode & 0o077 == 0 for name in after)


def test_each_seal_is_new_ciphertext():
    plain = b"the same cache twice"
    assert sealing.open_bytes(sealing.seal_bytes(plain, KEY), KEY) == plain
    assert sealing.seal_bytes(plain, KEY) != sealing.seal_bytes(plain, KEY)  # fresh salt and nonce


@pytest.mark.parametrize("where", ["magic", "salt", "nonce", "ciphertext", "tag"])
def test_any_changed_byte_means_nothing_opens(where):
    sealed = bytearray(sealing.seal_bytes(b"x" * 1000, KEY))
    offsets = {"magic": 3, "salt": len(sealing.MAGIC) + 2, "nonce": len(sealing.MAGIC) + sealing.SALT_BYTES + 1,
               "ciphertext": len(sealed) // 2, "tag": len(sealed) - 1}
    sealed[offsets[where]] ^= 0x01
    with pytest.raises(sealing.CannotOpen):
        sealing.open_bytes(bytes(sealed), KEY)


def test_a_short_key_is_refused_in_one_line(tmp_path):
    private_cache(tmp_path / ".casecat" / "cache")
    proc = casecat(tmp_path, "cache", "seal", env={"CASECAT_CACHE_KEY": "short"})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "casecat: error: cache: CASECAT_CACHE_KEY must be at least 32 characters "
        "(make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"]
    assert not (tmp_path / SEALED).exists()


# --- what a run does when the sealed cache cannot help -----------------------------------------


def sealed_copy(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / name
    (folder / SEALED).parent.mkdir(parents=True)
    (folder / SEALED).write_bytes(data)
    return folder


@pytest.mark.parametrize("case", ["wrong key", "changed byte", "cut short", "not sealed", "hostile archive"])
def test_a_sealed_cache_that_does_not_open_is_ignored_and_nothing_is_written(tmp_path, case):
    good = sealing.seal_bytes(b"anything", KEY)
    data = {
        "wrong key": sealing.seal_bytes(b"anything", OTHER_KEY),
        "changed byte": good[:-5] + bytes([good[-5] ^ 0x80]) + good[-4:],
        "cut short": good[: len(good) // 2],
        "not sealed": b'{"format": "casecat-raw/1", "tickets": []}',
        # a correctly sealed archive whose entry climbs out of the cache folder
        "hostile archive": sealing.seal_bytes(_tar_with("../outside.json", b"{}"), KEY),
    }[case]
    folder = sealed_copy(tmp_path, "run", data)
    proc = casecat(folder, "cache", "unseal", env={"CASECAT_CACHE_KEY": KEY})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cache: warning: the sealed cache is ignored: "), proc.stderr
    assert lines[0].endswith("this run reads the whole queue") and "Traceback" not in proc.stderr
    assert not (folder / ".casecat" / "cache").exists() or not any((folder / ".casecat" / "cache").iterdir())
    assert not (tmp_path / "outside.json").exists() and not (folder / ".casecat" / "outside.json").exists()


def _tar_with(name: str, content: bytes) -> bytes:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo(name)
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_without_a_key_nothing_private_is_kept(tmp_path):
    private_cache(tmp_path / ".casecat" / "cache")
    stale = tmp_path / SEALED
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"a sealed file from an earlier run")
    proc = casecat(tmp_path, "cache", "seal")
    assert proc.returncode == 0
    assert "cache: no CASECAT_CACHE_KEY: nothing private is kept for the next run" in proc.stderr
    assert not stale.exists()  # nothing for the workflow to save

    fresh = sealed_copy(tmp_path, "fresh", b"whatever")
    opened = casecat(fresh, "cache", "unseal")
    assert opened.returncode == 0
    assert opened.stderr.strip() == ("cache: no CASECAT_CACHE_KEY: no private cache is kept between runs; "
                                     "this run reads the whole queue")
    assert not (fresh / ".casecat" / "cache").exists()


def test_no_sealed_file_is_a_first_run(tmp_path):
    proc = casecat(tmp_path, "cache", "unseal", env={"CASECAT_CACHE_KEY": KEY})
    assert proc.returncode == 0
    assert "no sealed cache at .casecat/sealed/cache.sealed" in proc.stderr


# --- through a real RT: the sealed cache is what makes the next fetch incremental -------------


def test_sealed_cache_carries_an_incremental_fetch_and_a_bad_one_means_a_full_read(rt_server, tmp_path):
    ids = seed_cases(rt_server)
    env = {"RT_URL": rt_server.url, "RT_TOKEN": rt_server.reader_token, "CASECAT_CACHE_KEY": KEY}
    night1 = tmp_path / "night1"
    night1.mkdir()
    fetched = casecat(night1, "fetch", env=env)
    assert fetched.returncode == 0 and "(full read: first read)" in fetched.stderr, fetched.stderr
    assert casecat(night1, "cache", "seal", env=env).returncode == 0
    sealed = (night1 / SEALED).read_bytes()
    raw = json.loads((night1 / ".casecat" / "cache" / "raw.json").read_text())
    private = strings(raw)
    assert any("@" in s for s in private)  # requestor addresses and mail headers are in the raw cache
    assert_no_plaintext(sealed, private)

    night2 = sealed_copy(tmp_path, "night2", sealed)  # a fresh runner: only the restored file
    assert casecat(night2, "cache", "unseal", env=env).returncode == 0
    again = casecat(night2, "fetch", env=env)
    assert again.returncode == 0 and "(incremental: only what changed)" in again.stderr, again.stderr
    assert f"{len(ids)} unchanged" in again.stderr

    night3 = sealed_copy(tmp_path, "night3", sealed)  # the secret was rotated
    opened = casecat(night3, "cache", "unseal", env={**env, "CASECAT_CACHE_KEY": OTHER_KEY})
    assert "the sealed cache is ignored" in opened.stderr
    full = casecat(night3, "fetch", env=env)
    assert full.returncode == 0 and "(full read: first read)" in full.stderr and f"{len(ids)} new" in full.stderr
