from pathlib import Path

import pytest

from generator.config import DEFAULT_FIELDS, Config, ConfigError, load_config


def test_defaults_match_the_egi_queue(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config == Config()
    assert config.queue == "technical-support-cases"
    assert config.cf("implementation_status") == "Implementation status"


def test_field_mapping_is_overridable_one_field_at_a_time(tmp_path):
    path = tmp_path / "casecat.yml"
    path.write_text("queue: other\nfields:\n  disciplines: Research area\ncache_dir: /tmp/x\n")
    config = load_config(path)
    assert config.queue == "other"
    assert config.cf("disciplines") == "Research area"
    assert config.cf("sites") == DEFAULT_FIELDS["sites"]
    assert config.cache_dir == Path("/tmp/x")


@pytest.mark.parametrize("text, message", [
    ("colour: blue\n", "unknown setting"),
    ("fields:\n  favourite: x\n", "unknown field"),
    ("fields: [a]\n", "'fields' must map"),
    ("- a\n", "mapping of settings"),
    ("queue: [unclosed\n", "cannot read configuration"),
])
def test_bad_configuration_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "casecat.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)
