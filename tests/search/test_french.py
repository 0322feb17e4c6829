"""French on the search engine: accents, plurals, elisions, typos and editors' synonyms."""

import pytest

from search import service
from search.models import SynonymGroup
from search.query import SearchQuery
from search.synonyms import expand
from tests.conftest import requires_engine
from tests.search.conftest import index_now

pytestmark = pytest.mark.django_db


def found(text, **params):
    outcome = service.search(SearchQuery(text=text, **params), record=False)
    assert not outcome.degraded
    return [hit.title for hit in outcome.hits]


@requires_engine
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("epicerie", "Épicerie fine de Tours"),  # case and accents
        ("ÉPICERIE", "Épicerie fine de Tours"),
        ("fleurs", "Au jardin fleuri"),  # plural typed, singular in the description
        ("bouquets", "Bouquet de roses"),
        ("atelier", "L'Atelier du Bois"),  # elision
        ("chocolatrie", "Chocolaterie Royale"),  # a typo
        ("libraire boulevard", "Librairie du Boulevard"),
    ],
)
def test_french_matching(catalogue, typed, expected):
    assert expected in found(typed)


@requires_engine
def test_typos_are_tolerated_only_when_the_words_as_typed_find_nothing(catalogue):
    from shops.factories import ProductFactory

    shop = catalogue["shops"]["librairie"]
    ProductFactory(shop=shop, title="Carnet de voyage", sector=shop.sectors.first())
    ProductFactory(shop=shop, title="Cornet de glace", sector=shop.sectors.first())
    index_now()
    assert found("carnet", kind="product") == ["Carnet de voyage"]
    assert "Carnet de voyage" in found("carnnet", kind="product")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("epicerie", "Épicerie fine de Tours"),
        ("ÉPICERIE", "Épicerie fine de Tours"),
        ("bouquets", "Bouquet de roses"),
        ("atelier", "L'Atelier du Bois"),
        ("libraire boulevard", "Librairie du Boulevard"),
    ],
)
@pytest.mark.parametrize("on_each_backend", ["database"], indirect=True)
def test_the_database_backend_ignores_accents_and_stems_french(
    on_each_backend, catalogue, typed, expected
):
    """What shoppers get while the engine is down (no typo tolerance there)."""
    assert expected in found(typed)


@requires_engine
def test_editor_synonyms_apply_at_the_next_search_without_reindexing(catalogue):
    assert found("ludique", kind="shop") == []
    SynonymGroup.objects.create(terms="ludique, jeu de société")
    assert found("ludique", kind="shop") == ["La Boîte à jeux"]
    assert found("boutiques ludiques", kind="shop") == []  # every word must still match


def test_synonyms_expand_the_query_in_the_singular_and_plural():
    groups = [["bijouterie", "bijoutier", "joaillier"], ["resto", "restaurant"]]
    assert expand("Bijouterie Tours", groups) == [
        "Bijouterie Tours",
        "bijoutier tours",
        "joaillier tours",
    ]
    assert expand("restos", groups) == ["restos", "restaurant"]
    assert expand("pain", groups) == ["pain"]


def test_seeded_synonym_groups_are_editable_rows():
    assert SynonymGroup.objects.filter(terms__startswith="jouet").exists()
