"""The corpus harness's scoring: what it counts as a leak."""

from __future__ import annotations

import re

from devtools.corpus import Item, Output, fold, score


def output(**pages: str) -> Output:
    out = Output()
    for name, text in pages.items():
        out.raw[name] = text
        out.folded[name] = fold(text)
    return out


PHONE = Item("p-1", "phone", "status", "call 603 218 447", "603 218 447", "", True)
RATE = Item("b-1", "measurement", "reply", "peak 603 218 447 B/s", "603 218 447 B/s", "", False)
PIN = Item("p-2", "credential", "reply", "PIN 73-91-55-20", "73-91-55-20", "", True)


def test_a_secret_published_is_a_leak():
    s, leaks = score([PIN], {"p-2": 2}, output(page="PIN 73-91-55-20"))
    assert s.leaked == ["p-2"] and leaks["p-2"] == ["page"]


def test_a_secret_that_is_also_a_benign_items_text_is_not_attributed_to_the_screening():
    """A writer may make a benign item hold the very digits of a planted one: the benign page then
    shows them, and the harness cannot tell whose they are. It says so instead of counting a leak."""
    s, _ = score([PHONE, RATE, PIN], {"p-1": 1, "b-1": 2, "p-2": 3},
                 output(page="peak 603 218 447 B/s and PIN 73-91-55-20"))
    assert s.leaked == ["p-2"] and s.unattributable == ["p-1"] and "p-1" in s.line()


def test_a_secret_another_corpus_publishes_as_harmless_is_attributable_only_on_its_own_page():
    """Corpora measured in one catalogue: another corpus's benign text holds the planted digits
    (found in the shared export, say, they are nobody's in particular); on the planted item's
    own case page they are its leak."""
    shared = output(**{"site/cases/2/index.html": "peak 603 218 447 B/s", "site/data/cases.json": "603 218 447"})
    quiet, _ = score([PHONE], {"p-1": 1, "b-1": 2}, shared, catalogue=[PHONE, RATE])
    assert quiet.leaked == [] and quiet.unattributable == ["p-1"]
    alone, _ = score([PHONE], {"p-1": 1, "b-1": 2}, shared)  # (without the other corpus: a leak)
    assert alone.leaked == ["p-1"]
    shared.raw["site/cases/1/index.html"] = shared.folded["site/cases/1/index.html"] = "call 603 218 447"
    shared._cache.clear()
    loud, _ = score([PHONE], {"p-1": 1, "b-1": 2}, shared, catalogue=[PHONE, RATE])
    assert loud.leaked == ["p-1"]


STORY = Item("p-3", "marker", "reply", "Internal only: the admin deleted the rules by mistake.\n[13:41] Ana: ok thanks",
             "the admin deleted the rules by mistake.\n[13:41] Ana: ok thanks", "", True)
CHAT = Item("b-2", "chat", "reply", "[13:41] Ana: ok thanks", "[13:41] Ana: ok thanks", "", False)


def test_a_line_of_a_marked_story_that_a_benign_item_holds_is_no_leak_and_the_rest_still_is():
    """A chat paste's line may be a benign item's text too: found on the benign page, it says
    nothing of the marked story; the story's own sentence still counts."""
    quiet, _ = score([STORY, CHAT], {"p-3": 1, "b-2": 2}, output(page="[13:41] Ana: ok thanks"))
    assert quiet.leaked == []
    loud, _ = score([STORY, CHAT], {"p-3": 1, "b-2": 2},
                    output(page="[13:41] Ana: ok thanks", case="the admin deleted the rules by mistake."))
    assert loud.leaked == ["p-3"]


def test_a_secret_found_only_in_the_themes_own_files_is_no_leak_and_in_an_edited_copy_it_is(tmp_path):
    """Lunr's segmenter, shipped byte for byte as the theme has it, holds many 4-digit numbers: a
    door code among them says nothing. A file at the same place whose bytes differ is searched."""
    from generator.audit.theme import _theme_dirs

    rel = "assets/javascripts/lunr/tinyseg.js"
    source = next(d / rel for d in _theme_dirs() if (d / rel).is_file())
    data = source.read_bytes()
    code = re.findall(rb"(?<![\d.])\d{4}(?![\d.])", data)[0]
    door = Item("p-4", "credential", "reply", f"door code {code.decode()}", code.decode(), "", True)
    site = tmp_path / "site"
    (site / rel).parent.mkdir(parents=True)
    (site / rel).write_bytes(data)
    s, _ = score([door], {"p-4": 1}, Output.read({"site": site}))
    assert s.leaked == []
    (site / rel).write_bytes(data + b"\n")  # (an edited copy: the theme's bytes no longer)
    s, _ = score([door], {"p-4": 1}, Output.read({"site": site}))
    assert s.leaked == ["p-4"]


def test_a_number_inside_a_longer_number_is_not_that_secret():
    passport = Item("p-5", "personal-id", "reply", "paso Nr. 23456789", "23456789", "", True)
    s, _ = score([passport], {"p-5": 1}, output(page="Meeting ID: 91234567890"))
    assert s.leaked == []
    s, _ = score([passport], {"p-5": 1}, output(page="Meeting ID: 91234567890", case="paso Nr. 23456789."))
    assert s.leaked == ["p-5"]


def test_a_short_number_inside_a_digest_is_still_not_that_secret():
    pin = Item("p-6", "credential", "reply", "PIN 6620", "6620", "", True)
    s, _ = score([pin], {"p-6": 1}, output(page="d4e6a980e9e2c39d8ff5d04a8c5143313d12f55f6620 all"))
    assert s.leaked == []


SIGNED = Item("p-4", "url-secret", "reply", "download: https://storage.googleapis.com/b/x.csv?X-Goog-Signature=c9f077b74b0ad4f7523935",
              "https://storage.googleapis.com/b/x.csv?X-Goog-Signature=c9f077b74b0ad4f7523935", "", True)


def test_a_signed_addresss_public_host_is_no_leak_and_its_signature_is():
    """A theme's template links fonts.googleapis.com: a window of a signed address that is only its
    scheme and host says nothing of the signature (held-out corpus 51's harness counted one)."""
    quiet, _ = score([SIGNED], {"p-4": 1}, output(theme='<link href="https://fonts.googleapis.com/css">'))
    assert quiet.leaked == []
    loud, _ = score([SIGNED], {"p-4": 1}, output(page="X-Goog-Signature=c9f077b74b0ad4f7523935"))
    assert loud.leaked == ["p-4"]
