"""A date of birth after its noun in another grammatical case than the form's label (held-out
corpus 50's "pomyliłam datę urodzenia - poprawna to 14 II 1986", found published once the
harness counted a secret on its own page even where another corpus's harmless text held it).
The examples are new; the look-alikes name birth without a person's date."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("W dacie urodzenia jest błąd, powinno być 03.07.1979, proszę poprawić umowę.", "03.07.1979"),
        ("Proszę podać datę urodzenia kursanta: 21 IX 1992.", "21 IX 1992"),
        ("Greška u datumu rođenja: ispravno je 12. 5. 1983.", "12. 5. 1983"),
        ("V datumu narození na smlouvě je překlep, správně 4. 2. 1990.", "4. 2. 1990"),
        ("Исправете датата на раждане: 17.08.1975, не 1957.", "17.08.1975"),
    ],
)
def test_a_birth_date_after_an_inflected_noun_is_found(text, date):
    assert found(text, "personal")
    assert date not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Miejsce urodzenia nie jest potrzebne w formularzu, wystarczy afiliacja (stan na 01.10.2024).",
        "Od dnia urodzenia projektu w 2019 r. minęło 5 lat: nowa wersja 2.4 wychodzi 14 II 2025.",
    ],
)
def test_birth_said_of_no_person_keeps_its_dates(text):
    assert not found(text, "personal")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The identity-verification step wanted the date in US order; 05/22/1977 went through on the fourth try.",
         "05/22/1977"),
        ("Die Identitätsprüfung wollte das Datum im US-Format, erst 11/23/1982 ging durch.", "11/23/1982"),
        ("Weryfikacja tożsamości odrzucała datę, dopiero 1984-02-29 przeszło.", "1984-02-29"),
    ],
)
def test_the_date_an_identity_check_asked_for_is_a_birth_date(text, date):
    assert date not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The identity check in Check-in was set up on 2009-05-01 by the AAI team.",
        "KYC for the cloud provider's contract: signed 2024-03-01, renewed 2025-03-01.",
    ],
)
def test_an_identity_check_without_a_date_it_asked_for_keeps_its_dates(text):
    assert not found(text, "personal")
