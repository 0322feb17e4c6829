"""The search page: box, town selector, facets, sorting, suggestions and the fallback notice."""

import pytest

from search.query import SearchQuery
from search.suggestions import corrected_spelling
from shops.models import Sector
from tests.conftest import requires_engine

pytestmark = pytest.mark.django_db


def test_the_page_has_its_french_and_english_addresses(client, catalogue):
    french = client.get("/fr/recherche/", {"q": "chocolaterie"})
    assert french.status_code == 200
    assert "Chocolaterie" in french.content.decode()
    english = client.get("/en/search/", {"q": "chocolaterie"})
    assert english.status_code == 200
    assert english.context["outcome"].count == french.context["outcome"].count


def test_the_empty_page_shows_the_box_and_the_towns_with_shops(client, catalogue):
    response = client.get("/fr/recherche/")
    assert "outcome" not in response.context
    assert ("45234", "Orléans") in response.context["towns"]
    assert '<select id="search-town" name="town">' in response.content.decode()


def test_facets_are_links_with_counts(client, catalogue):
    content = client.get("/fr/recherche/", {"q": "chocolat"}).content.decode()
    assert 'Orléans <span class="facets__count">(3)</span>' in content
    assert "?q=chocolat&amp;town=45234" in content


def test_highlighted_titles_are_escaped_html(client, catalogue):
    content = client.get("/fr/recherche/", {"q": "rillettes"}).content.decode()
    assert "<mark>Rillettes</mark> de Tours" in content
    assert " · Épicerie fine de Tours" in content  # a product's shop beside it


def test_zero_results_suggest_nearby_towns_and_the_broader_sector(client, catalogue):
    response = client.get("/fr/recherche/", {"q": "chocolat", "town": "37261"})
    outcome = response.context["outcome"]
    assert outcome.count == 0
    town_suggestions = [s.label for s in outcome.suggestions if s.kind == "town"]
    assert town_suggestions == ["Orléans"]  # the only town with chocolate
    response = client.get("/fr/recherche/", {"q": "rillettes", "sector": "jouets"})
    kinds = {s.kind for s in response.context["outcome"].suggestions}
    assert "broader" in kinds
    assert "Tous les secteurs" in response.content.decode()


def test_a_misspelt_word_is_corrected_from_sectors_towns_and_synonyms(catalogue):
    assert corrected_spelling("bijouteri") == "bijouterie"
    assert corrected_spelling("orleens") == "orleans"
    assert corrected_spelling("tours") is None


@requires_engine
def test_spelling_suggestion_when_even_fuzziness_finds_nothing(client, catalogue):
    outcome = client.get("/fr/recherche/", {"q": "librerie"}).context["outcome"]
    # "librerie" is one letter from "librairie" for the engine: found directly.
    assert outcome.count
    # A wrong first letter is beyond the engine's tolerance: nothing is found, and the
    # corrected spelling, checked to find something, is proposed.
    outcome = client.get("/fr/recherche/", {"q": "hibrairie"}).context["outcome"]
    assert outcome.count == 0
    spelled = [(s.label, s.params) for s in outcome.suggestions if s.kind == "spelling"]
    assert spelled == [("librairie", {"q": "librairie"})]


def test_a_search_naming_a_sector_proposes_to_browse_it_in_the_page_language(client, catalogue):
    bookshops = Sector.objects.get(slug="librairie")
    for path, label in (("/fr/recherche/", bookshops.name), ("/en/search/", bookshops.name_en)):
        # Bourges has no bookshop: nothing found there, the sector is proposed in that town.
        outcome = client.get(path, {"q": "librairie", "town": "18033"}).context["outcome"]
        assert outcome.count == 0
        proposed = [(s.label, s.params) for s in outcome.suggestions if s.kind == "sector"]
        assert proposed == [(label, {"town": "18033", "sector": "librairie"})]


def test_the_page_answers_from_the_database_when_the_engine_is_unreachable(
    client, catalogue, settings
):
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        pytest.skip("the embedded default has no engine to lose")
    backends = {name: dict(conf) for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = ["http://127.0.0.1:9"]  # nothing listens there
    settings.WAGTAILSEARCH_BACKENDS = backends
    response = client.get("/fr/recherche/", {"q": "chocolaterie"})
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome.degraded and outcome.answered_by == "database"
    assert "Chocolaterie Royale" in [hit.title for hit in outcome.hits]
    assert "les résultats peuvent être incomplets" in response.content.decode()
    api = client.get("/api/search/", {"q": "chocolaterie"})
    assert api.json()["degraded"] is True
    assert api["Cache-Control"] == "no-store"


def test_query_parameters_are_read_leniently_by_the_page():
    query = SearchQuery.from_params({"q": "  pain   d'épices ", "page": "x", "type": "cat"})
    assert (query.text, query.page, query.kind) == ("pain d'épices", 1, "")


def test_price_bounds_are_read_with_a_comma_or_a_point_and_never_guessed():
    from decimal import Decimal

    query = SearchQuery.from_params({"q": "miel", "price_min": "4,50", "price_max": "1 200.5"})
    assert (query.price_min, query.price_max) == (Decimal("4.50"), Decimal("1200.5"))
    ambiguous = SearchQuery.from_params({"q": "miel", "price_max": "1.234,5"})
    assert ambiguous.price_max is None


def test_highlights_never_let_markup_through():
    from search.engine import MARK_END, MARK_START
    from search.results import marked, marked_by_words

    fragment = f"{MARK_START}Cave{MARK_END} <script>alert(1)</script> & fils"
    assert marked(fragment) == "<mark>Cave</mark> alert(1) &amp; fils"
    assert marked_by_words("Épicerie <b>fine</b>", "epicerie") == (
        "<mark>Épicerie</mark> &lt;b&gt;fine&lt;/b&gt;"
    )


def test_the_api_runs_a_fixed_number_of_queries_whatever_the_page_length(client, catalogue):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(params):
        with CaptureQueriesContext(connection) as captured:
            body = client.get("/api/search/", params).json()
        return len(captured), body["count"]

    queries_for({"type": "product"})  # reference names are then kept by the process
    many, many_count = queries_for({"type": "product", "departement": "37"})
    few, few_count = queries_for({"type": "product", "town": "37261"})
    assert many_count > few_count > 0
    assert many == few <= 25
