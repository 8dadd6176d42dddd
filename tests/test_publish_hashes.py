"""The sha256 of a folder's files, in this process and in a child process: the same digests."""

from __future__ import annotations

import hashlib

import pytest

from generator.hashes import HashingError, file_hashes, file_hashes_apart


def test_a_child_process_gives_the_digests_of_every_file(tmp_path):
    (tmp_path / "cases" / "7").mkdir(parents=True)
    (tmp_path / "cases" / "7" / "index.html").write_bytes(b"<p>case</p>")
    (tmp_path / "index.html").write_bytes("<p>é</p>".encode())
    (tmp_path / "empty.txt").write_bytes(b"")
    expected = {"cases/7/index.html": hashlib.sha256(b"<p>case</p>").hexdigest(),
                "empty.txt": hashlib.sha256(b"").hexdigest(),
                "index.html": hashlib.sha256("<p>é</p>".encode()).hexdigest()}
    assert file_hashes(tmp_path) == expected
    assert file_hashes_apart(tmp_path) == expected


def test_a_file_the_child_cannot_read_is_an_error_naming_the_folder(tmp_path):
    (tmp_path / "page.html").write_bytes(b"x")
    (tmp_path / "gone.html").symlink_to(tmp_path / "missing.html")  # listed, but nothing to open
    with pytest.raises(HashingError, match=str(tmp_path)):
        file_hashes_apart(tmp_path)
