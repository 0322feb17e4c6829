"""A Wagtail index in the real engine: accents folded for autocomplete, by the engine's analysis
modules (OpenSearch) or by the portal on a node without them (search/analysis.py)."""

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.conftest import requires_engine


@requires_engine
@pytest.mark.django_db
def test_an_accented_page_is_found_by_a_prefix_typed_without_accents(home_page):
    backend = get_search_backend("default")
    index = backend.get_index_for_model(Page)
    # Wagtail's index settings use ngram, edge_ngram and asciifolding (analysis-common).
    index.reset()
    index.add_model(Page)
    page = home_page.add_child(instance=Page(title="Épicerie fine de Tours", slug="epicerie-fine"))
    other = home_page.add_child(instance=Page(title="Librairie du Boulevard", slug="librairie"))
    backend.add_bulk(Page, [page, other])
    index.refresh()

    found = list(backend.autocomplete("epice", Page.objects.all()))
    assert found == [page]

    mapping = backend.es.indices.get_settings(index=index.name)
    settings = next(iter(mapping.values()))["settings"]["index"]["analysis"]
    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(settings["analyzer"])
