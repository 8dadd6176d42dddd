import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import DEFAULT_FIELDS, Config, ConfigError, http_url_problem, load_config


def test_defaults_match_the_egi_queue(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config == Config()
    assert config.queue == "technical-support-cases"
    assert config.cf("implementation_status") == "Implementation status"
    assert config.max_failing_share == 0.1


def test_a_custom_field_new_to_the_settings_is_read_under_its_default_name_and_can_be_renamed(tmp_path, monkeypatch):
    from generator import config as settings

    monkeypatch.setitem(settings.DEFAULT_FIELDS, "planted_programmes", "Planted programme")
    assert Config().cf("planted_programmes") == "Planted programme"
    assert Config().cf("sites") == DEFAULT_FIELDS["sites"]
    path = tmp_path / "casecat.yml"
    path.write_text("fields:\n  planted_programmes: Funding\n")
    assert load_config(path).cf("planted_programmes") == "Funding"
    monkeypatch.undo()
    with pytest.raises(ConfigError, match="unknown field.* planted_programmes"):
        load_config(path)


def test_field_mapping_is_overridable_one_field_at_a_time(tmp_path):
    path = tmp_path / "casecat.yml"
    path.write_text("queue: other\nfields:\n  disciplines: Research area\ncache_dir: /tmp/x\n"
                    "rt_web_url: https://rt.example.org/\nmax_failing_share: 0.25\n")
    config = load_config(path)
    assert config.queue == "other"
    assert config.cf("disciplines") == "Research area"
    assert config.cf("sites") == DEFAULT_FIELDS["sites"]
    assert config.cache_dir == Path("/tmp/x")
    assert config.rt_web_url == "https://rt.example.org"  # the links append /Ticket/...
    assert config.max_failing_share == 0.25


@pytest.mark.parametrize("text, message", [
    ("colour: blue\n", "unknown setting"),
    ("fields:\n  favourite: x\n", "unknown field"),
    ("fields: [a]\n", "fields: must map"),
    ("- a\n", "mapping of settings"),
    ("queue: [unclosed\n", "cannot read configuration"),
    ("queue: ''\n", "queue: the queue name must be a non-empty text"),
    ("queue: [a, b]\n", "queue: the queue name must be a non-empty text"),
    ("fields:\n  sites: ''\n", "the RT field name of sites must be a non-empty text"),
    ("fields:\n  sites: Scientific discipline\n", "disciplines and sites name the same RT field"),
    ("rt_web_url: \"java\\nscript:alert(document.domain)//\"\n", "rt_web_url: must be an absolute http"),
    ("rt_web_url: javascript:alert(1)\n", "rt_web_url: must be an absolute http"),
    ("rt_web_url: rt.example.org\n", "rt_web_url: must be an absolute http"),
    ("rt_web_url: https://user:secret@rt.example.org\n", "rt_web_url: must not hold credentials"),
    ("rt_web_url: https://rt.example.org/?x=1\n", "rt_web_url: must not have a query"),
    ("rt_web_url: 42\n", "rt_web_url: must be a text"),
    ("publish_contact_affiliations: 'no'\n", "publish_contact_affiliations: must be true or false"),
    ("max_failing_share: 2\n", "max_failing_share: must be a number from 0 to 1"),
    ("site_dir: ''\n", "site_dir: must be a folder name"),
])
def test_bad_configuration_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "casecat.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert len(info.value.lines) == 1 and "\n" not in info.value.lines[0]


def test_every_problem_is_reported_at_once_one_line_each(tmp_path):
    path = tmp_path / "casecat.yml"
    path.write_text("colour: blue\nqueue: ''\nrt_web_url: 'ftp://x'\nmax_failing_share: -1\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    lines = info.value.lines
    assert len(lines) == 4
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "unknown setting(s) colour" in lines[0]
    assert [line[len(f"{path}: "):].split(":")[0] for line in lines[1:]] == [
        "queue", "rt_web_url", "max_failing_share"]


def test_the_cli_prints_each_settings_problem_on_its_own_line_and_exits_2(tmp_path):
    (tmp_path / "casecat.yml").write_text("queue: ''\nrt_web_url: \"java\\nscript:x\"\n")
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=tmp_path, capture_output=True,
                          text=True, env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("casecat: error: casecat.yml: ") for line in lines)
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("url, ok", [
    ("https://rt.example.org", True),
    ("http://rt.example.org:8080/rt", True),
    ("HTTPS://RT.EXAMPLE.ORG", True),
    ("java\nscript:alert(document.domain)//", False),
    ("javascript:alert(1)//https://x", False),
    ("https://rt.example.org\\@evil.example", False),
    ("https://rt.example.org/\"onmouseover=x", False),
    ("https:///path-only", False),
    ("https://rt.example.org:http", False),
    ("https://rt.example.org#x", False),
    (" https://rt.example.org", False),
    ("", False),
])
def test_http_url_problem(url, ok):
    assert (http_url_problem(url) is None) == ok
