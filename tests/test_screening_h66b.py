"""Classes of the h65 and h66 corpora, added with their rules: an HTML table whose cells hold
paragraphs (Outlook's "<td><p class=MsoNormal>"), read row by row so that a header names its
column (a password under "Salasana", a note that the passwords are handed out on paper kept); a
person's pay under a Romance payroll's header ("Vencimento ilíquido mensal"); a password described
piece by piece ("duże K, potem 'rakow', cyfry 1-9-5-2, na końcu wykrzyknik"); a billing block
that is one's own home ("I pay it myself. Billing details:"); a person's number wrapped onto the
next quoted line. The examples are new, in other words than the corpora's."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support.findings import found, kept_text
from support.records import record

from generator.config import Config
from generator.model import RawAttachment
from generator.screening.cases import screen_record
from generator.screening.policy import Policy
from generator.screening.text import html_table_rows


def _outlook_table(rows: list[tuple[str, str]], intro: str = "Hallo,") -> str:
    """A table as Outlook writes it: every cell a paragraph, the source's own line breaks."""
    cell = '<td style="padding:0cm 5.4pt">\n<p class="MsoNormal">{}<o:p></o:p></p>\n</td>'
    body = "\n".join("<tr>" + "".join(cell.format(c) for c in row) + "</tr>" for row in rows)
    return (f'<html><body><div class="WordSection1"><p class="MsoNormal">{intro}<o:p></o:p></p>\n'
            f'<table class="MsoTableGrid" border="1">\n{body}\n</table>\n'
            f'<p class="MsoNormal">Gruß<o:p></o:p></p></div></body></html>')


def _published(html: str) -> str:
    r = replace(record(), attachments=(RawAttachment(1, 1, "text/html", "", html),))
    return screen_record(r, Config(), Policy()).case.description


@pytest.mark.parametrize(
    "html",
    [
        _outlook_table([("<b>Benutzer</b>", "<b>Passwort</b>"), ("kurs05", "Tanne-Fichte-48")]),
        "<table><tr><td><div><span>Utilisateur</span></div></td><td><div><span>Mot de passe</span></div></td></tr>"
        "<tr><td><div>formation12</div></td><td><div>Tanne-Fichte-48</div><div><br></div></td></tr></table>",
        "<table><tr><th><p>Username</p></th><th><p>Password</p></th><th><p>Note</p></th></tr>"
        "<tr><td><p>train03</p></td><td><p>Tanne-Fichte-48</p></td><td><p>until Friday</p></td></tr></table>",
    ],
)
def test_a_table_row_stays_one_line_whatever_its_cells_hold(html):
    rows = html_table_rows(html)
    assert "Tanne-Fichte-48 |" in rows and "\nTanne-Fichte-48" not in rows
    page = _published(html)
    assert "Tanne-Fichte-48" not in page
    assert any(account in page for account in ("kurs05", "formation12", "train03"))  # the account's name stays


@pytest.mark.parametrize(
    "html",
    [
        _outlook_table([("<b>Benutzerkonten</b>", "<b>Passwort</b>"),
                        ("kurs01–kurs20", "wird vor Ort auf Papier ausgegeben")], "Zugangsdaten für den Kurs:"),
        _outlook_table([("<b>Användarkonton</b>", "<b>Lösenord</b>"), ("kurs01–kurs20", "delas ut på papper på plats")],
                       "Inloggningsuppgifter till kursen:"),
    ],
)
def test_a_password_cell_saying_it_is_handed_out_elsewhere_is_kept(html):
    page = _published(html)
    assert "[redacted" not in page and "kurs01–kurs20 |" in page


@pytest.mark.parametrize(
    "text",
    ["Salasana: jaetaan paperilla paikan päällä",
     "Password | handed out on paper at the start |\ntrain01-train30 | see above |"],
)
def test_a_note_in_a_passwords_place_is_no_password(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("html", "pay"),
    [
        ("<table border=1><tr><th>Nome</th><th>Cargo</th><th>Vencimento líquido</th></tr>"
         "<tr><td>Tiago Neves</td><td>Técnico</td><td>1 320,00 €</td></tr></table>", "1 320,00 €"),
        ("<table><tr><th>Nombre</th><th>Puesto</th><th>Retribución bruta anual</th></tr>"
         "<tr><td>Lucía Gómez</td><td>Técnica de sistemas</td><td>24.600 €</td></tr></table>", "24.600 €"),
        ("<table><tr><td>Imię i nazwisko</td><td>Uposażenie miesięczne brutto</td></tr>"
         "<tr><td>Jan Kowalski</td><td>7 850 zł</td></tr></table>", "7 850 zł"),
    ],
)
def test_pay_under_a_payrolls_own_header_is_personal(html, pay):
    assert pay not in _published(html)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Certificado | Vencimento |\ngrid01.ncg.ingrid.pt | 2025-06-30 |", "2025-06-30"),
        ("Fatura | Vencimento | Valor |\nFT 2024/118 | 15/04/2024 | 1 250,00 € |", "15/04/2024"),
    ],
)
def test_a_due_date_under_vencimento_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Das Passwort schreibe ich nicht hin: großes M, dann 'wald', die Ziffern 7 3 0, am Ende ein "
         "Ausrufezeichen.", "'wald', die Ziffern 7 3 0"),
        ("Le mot de passe, je le décris : P majuscule, puis 'orage', puis 4 8 1, à la fin un point "
         "d'exclamation.", "'orage', puis 4 8 1"),
        ("Heslo nenapíšu přímo: velké T, pak 'lipa', číslice 6 2 8, na konci vykřičník.", "'lipa', číslice 6 2 8"),
    ],
)
def test_a_password_described_piece_by_piece_is_a_credential(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The agenda: first the intro, then 'demos', then 3 talks, at the end drinks.",
     "Das Passwort muss mindestens 12 Zeichen haben: großes und kleines A, dann Ziffern, am Ende ein Ausrufezeichen."],
)
def test_an_agenda_or_a_password_rule_said_in_pieces_is_kept(text):
    assert found(text, "credential") == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Das Institut übernimmt die Gebühr nicht, ich zahle sie privat. Rechnungsadresse:\n"
         "Jonas Becker\nLindenstraße 14\n69117 Heidelberg\n\nDanke!", "Lindenstraße 14"),
        ("Pago io stesso la quota. Dati di fatturazione:\nMarco Bellini\nBorgo Pinti 9\n50121 Firenze",
         "Borgo Pinti 9"),
        ("Zapłacę prywatnie, dane do faktury:\nAnna Nowak\nDługa 7/3\n31-147 Kraków", "Długa 7/3"),
    ],
)
def test_a_billing_block_one_pays_oneself_is_a_home_address(text, street):
    assert street not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The registration fee is paid by the project. Billing address:\nFinance Office\n"
         "University of Tartu\nÜlikooli 18\n50090 Tartu", "Ülikooli 18"),
        ("I pay it myself. Billing details:\nCSC – IT Center for Science\nKeilaranta 14\n02150 Espoo",
         "Keilaranta 14"),
    ],
)
def test_an_institutions_billing_block_is_kept(text, kept):
    assert kept in kept_text(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Am 3. Mai schrieb Anna:\n> Steuer-ID: 12 345 678\n> 901\n> Gruß", "> 901"),
        ("W dniu 4.05 Piotr napisał:\n> PESEL: 920314\n> 05518\n> Pozdrawiam", "> 05518"),
        ("Le 2 mai, Léa a écrit :\n> Numéro de sécurité sociale : 2 88 07 75\n> 114 052 33\n> Merci", "114 052 33"),
    ],
)
def test_a_persons_number_wrapped_onto_the_next_quoted_line_goes_whole(text, rest):
    assert rest not in kept_text(text)


def test_a_number_on_the_line_after_a_ticket_number_is_kept():
    text = "> Ticket #123456\n> 2024 was a good year\n> Votre ticket : 48213\n> 2 personnes"
    assert "2024 was" in kept_text(text) and "2 personnes" in kept_text(text)
