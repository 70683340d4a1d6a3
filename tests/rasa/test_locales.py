"""One reading of a locale for the crisis lines, the bots' variants and the web channel (policies/locales.py)."""
from __future__ import annotations

import pytest

from connectors.web.unheard import unheard_line
from policies.crisis_lines import lines_for
from policies.locales import Locale, parse_locale
from policies.variants import variant_of


@pytest.mark.parametrize("locale, parsed", [
    ("de-AT", Locale("de", "AT")), ("pt_br", Locale("pt", "BR")), ("IT-ch", Locale("it", "CH")), ("en", Locale("en", None)),
    ("es-419", Locale("es", "419")), (" fr-CA ", Locale("fr", "CA")), ("", Locale(None, None)), (None, Locale(None, None)),
    ("english please", Locale(None, None)), ("12-AB", Locale(None, None)), ("de-Bavaria", Locale("de", None)),
])
def test_a_locale_is_read_as_browsers_and_clients_write_it(locale, parsed) -> None:
    assert parse_locale(locale) == parsed


@pytest.mark.parametrize("locale", ["pt-PT", "pt_pt", "PT-pt"])
def test_every_reader_agrees_on_a_locale_however_it_is_written(locale) -> None:
    assert variant_of("pt", locale) == "pt-PT"
    assert lines_for(locale) == lines_for("pt-PT")
    assert unheard_line(locale) == unheard_line("pt")


def test_a_malformed_locale_falls_back_to_the_defaults() -> None:
    assert variant_of("pt", "pt-") == "pt"
    assert lines_for("<script>") == lines_for(None)
