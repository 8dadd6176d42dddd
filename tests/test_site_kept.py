"""The files a build keeps for the next one: read back only with the same format and stamp."""

from generator import kept


def test_a_kept_file_is_read_back_with_its_stamp_only(tmp_path):
    path = tmp_path / "build" / "rows.marshal"
    kept.write(path, "rows/1", {"abc": "<tr>...</tr>"}, inputs="x1")
    assert kept.read(path, "rows/1", inputs="x1") == {"abc": "<tr>...</tr>"}
    assert kept.read(path, "rows/1", inputs="x2") == {}  # other templates or code
    assert kept.read(path, "rows/2", inputs="x1") == {}  # another format


def test_a_missing_or_damaged_file_keeps_nothing(tmp_path):
    path = tmp_path / "rows.marshal"
    assert kept.read(path, "rows/1", inputs="x1") == {}
    path.write_bytes(b"\x00not marshal")
    assert kept.read(path, "rows/1", inputs="x1") == {}
