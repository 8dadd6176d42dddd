"""The fingerprint key kept beside the cache: written whole or not at all, and never used when
it is not what casecat wrote (an empty or cut file once became the key without a word)."""

import os
import stat

import pytest

from generator.screening.policy import PolicyError, load_salt


def test_a_new_key_is_made_once_kept_private_and_read_back(tmp_path):
    path = tmp_path / "cache" / "fingerprint-salt"
    first = load_salt(path)
    assert len(first) == 64 and load_salt(path) == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["fingerprint-salt"]  # no temporary file left


def test_the_environment_wins_and_writes_nothing(tmp_path):
    path = tmp_path / "fingerprint-salt"
    assert load_salt(path, "from-the-secret") == b"from-the-secret" and not path.exists()


@pytest.mark.parametrize("content", [b"", b"\n", b"0123abcd\n", b"z" * 64, b"0" * 63 + b"\n"])
def test_a_damaged_key_is_an_error_never_a_key(tmp_path, content):
    path = tmp_path / "fingerprint-salt"
    path.write_bytes(content)
    with pytest.raises(PolicyError, match="damaged fingerprint key") as caught:
        load_salt(path)
    assert "\n" not in str(caught.value) and path.read_bytes() == content


def test_a_failed_write_leaves_no_key_behind(tmp_path, monkeypatch):
    path = tmp_path / "fingerprint-salt"

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        load_salt(path)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # neither an empty key nor a temporary file
