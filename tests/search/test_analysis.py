"""The engine's analysis: French where the node can, the reduced form where it cannot
(Elasticsearch's Maven distribution), and the same searches work on both."""

import pytest

from search import analysis
from search.backends import engine_backend
from shops.models import Shop
from tests.conftest import requires_engine

from .conftest import index_now


def test_folded_terms_drop_accents_case_elisions_and_plurals():
    assert analysis.folded_terms("L'Épicerie des Fleurs d’Amboise") == [
        "epicerie",
        "des",  # three letters: not taken for a plural
        "fleur",
        "amboise",
    ]
    assert analysis.folded_terms("") == []


def test_prefixes_are_what_an_edge_ngram_filter_indexes():
    assert analysis.prefixes("Éco") == ["e", "ec", "eco"]
    assert max(len(prefix) for prefix in analysis.prefixes("anticonstitutionnellement")) == 15


def test_a_boost_is_named_like_wagtails_copy_of_the_text():
    assert analysis.boost_suffix(2) == "_boost_2_0"


@requires_engine
@pytest.mark.django_db
def test_the_index_is_made_with_what_the_node_can_analyse(empty_indexes):
    backend = engine_backend()
    mode = backend.analysis_mode
    assert mode in (analysis.FRENCH, analysis.REDUCED)
    name = backend.get_index_for_model(Shop).name
    (index_settings,) = backend.es.indices.get_settings(index=name).values()
    default = index_settings["settings"]["index"]["analysis"]["analyzer"]["default"]
    if mode == analysis.FRENCH:
        assert "asciifolding" in default["filter"]
    else:
        assert default["filter"] == ["lowercase"]


@requires_engine
@pytest.mark.django_db
def test_accents_elisions_plurals_and_prefixes_are_found_in_either_mode(empty_indexes, home_page):
    from search import service
    from search.autocomplete import autocomplete
    from search.query import SearchQuery
    from shops.factories import ShopFactory, town

    ShopFactory(name="L'Épicerie des Fleurs", town=town("37261"))
    ShopFactory(name="Quincaillerie Martin", town=town("45234"))
    index_now()
    for typed in ["epicerie", "ÉPICERIE", "l'epicerie", "fleur", "épiceries"]:
        outcome = service.search(SearchQuery(text=typed), record=False)
        assert not outcome.degraded
        names = [hit.title for hit in outcome.hits if hit.kind == "shop"]
        assert names == ["L'Épicerie des Fleurs"], (typed, names)
    labels = [item["label"] for item in autocomplete("epic")]
    assert any(label.startswith("L'Épicerie des Fleurs") for label in labels), labels


@requires_engine
@pytest.mark.django_db
def test_the_dashboard_warns_an_admin_when_the_analysis_is_reduced(admin_client, home_page):
    html = admin_client.get("/admin/").content.decode()
    reduced = engine_backend().analysis_mode == analysis.REDUCED
    assert ("Recherche en analyse réduite" in html) == reduced


@requires_engine
@pytest.mark.django_db
def test_healthz_says_which_analysis_the_engine_runs(client):
    body = client.get("/healthz").json()
    assert body["search_analysis"] == engine_backend().analysis_mode
    assert body["search_analysis"] in (analysis.FRENCH, analysis.REDUCED)
