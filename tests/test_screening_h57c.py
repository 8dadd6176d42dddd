"""Harmless technical text an outside corpus (holdout 57) saw cut, by class: a certificate's
serial number after its word, "é pública" read as a negated "publica", a network's range after
"fijo" read as a phone, a link whose text is its address without the scheme, the setting after an
empty "password=" read as its value, a marker word as the first part of a compound, and an SSH
key's comment user@host with no mail domain. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.text import html_to_text


@pytest.mark.parametrize(
    ("text", "serial"),
    [("Le certificat de l'hôte a le numéro de série : 0x7C1D4F, émis par GRID2-FR.", "0x7C1D4F"),
     ("Certyfikat ma numer seryjny 0x5B2E9A i wygasa w marcu.", "0x5B2E9A")],
)
def test_a_certificate_serial_number_after_its_word_is_kept(text, serial):
    assert serial in kept_text(text)


def test_a_hex_value_after_a_password_word_still_goes():
    assert "0x5B2E9A" not in kept_text("Heslo je 0x5B2E9A")


@pytest.mark.parametrize(
    "text",
    ["O repositório no GitHub é pública desde ontem: https://github.com/marelab-pt/tools",
     "A página do projeto no portal é publica e qualquer pessoa a pode ver."],
)
def test_a_share_verb_after_a_copula_reads_as_public_not_as_a_command(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize("text", ["Nu publica asta pe wiki!", "No lo publica nadie fuera del grupo."])
def test_a_negated_share_verb_without_a_copula_still_marks(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "network"),
    [("Nos gustaría un rango fijo (p. ej. 10.88.0.0/16) para los pods.", "10.88.0.0/16"),
     ("VPN: Tel. fixo para a rede interna 192.168.40.0/24 e o resto pela NAT.", "192.168.40.0/24")],
)
def test_a_network_with_its_prefix_is_no_phone(text, network):
    assert network in kept_text(text)


def test_a_phone_after_fijo_still_goes():
    assert "91 234 56 78" not in kept_text("Teléfono fijo: 91 234 56 78")


@pytest.mark.parametrize(
    ("body", "address"),
    [('<p>Le guide est public : <a href="https://docs.egi.eu/users/compute/">docs.egi.eu/users/compute</a>.</p>',
      "https://docs.egi.eu/users/compute/"),
     ("<p>Die Anleitung: <a href='http://wiki.example.de/Zugang'>wiki.example.de/Zugang</a></p>",
      "http://wiki.example.de/Zugang")],
)
def test_a_link_shown_without_its_scheme_keeps_its_whole_address(body, address):
    assert address in html_to_text(body)


def test_a_link_with_other_text_keeps_its_text_and_its_address():
    text = html_to_text('<p><a href="https://docs.egi.eu/x/">the guide</a></p>')
    assert "the guide (https://docs.egi.eu/x/)" in text


@pytest.mark.parametrize(
    ("text", "setting"),
    [("s3.password=\ns3.secretFile=/etc/s3/key\ns3.region=eu-1", "s3.secretFile=/etc/s3/key"),
     ("ftp2.passwort=\nftp2.passwortDatei=/etc/ftp/pw.txt\nftp2.port=21", "ftp2.passwortDatei=/etc/ftp/pw.txt")],
)
def test_the_setting_after_an_empty_password_is_not_its_value(text, setting):
    assert setting in kept_text(text)


def test_a_value_on_the_line_after_an_empty_password_still_goes():
    assert "Hunter2xYz9" not in kept_text("password=\nHunter2xYz9")


@pytest.mark.parametrize(
    "text",
    ["Geheim-Tipp für Kubernetes: kubectl explain hilft", "Privat-Cloud oder Public-Cloud für das Projekt?"],
)
def test_a_marker_word_as_a_compounds_first_part_is_no_heading(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize("text", ["INTERN-nur: Zugang zum Cluster", "SECRET - do not forward"])
def test_a_marker_word_joined_to_only_or_before_a_dash_still_heads(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "comment"),
    [("Přidejte prosím tento veřejný klíč:\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOt9maCWHODrliPOUBVY7Ratnp7xIwxQ7Qo/qwDAeOJ+ "
      "backup@nas.intranet", "backup@nas.intranet"),
     ("Clé publique du robot :\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7xyzxyzxyzxyz deploy@build-node.corp",
      "deploy@build-node.corp")],
)
def test_an_ssh_keys_comment_with_no_mail_domain_is_kept(text, comment):
    assert comment in kept_text(text)


def test_an_ssh_keys_comment_with_a_mail_domain_still_goes():
    text = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOt9maCWHODrliPOUBVY7Ratnp7xIwxQ7Qo/qwDAeOJ+ jan.novak@cesnet.cz"
    assert "jan.novak@cesnet.cz" not in kept_text(text)
