"""Words and place in one box, elisions and everyday words, on the engine and on the database.

A product's document carries its shop's name, town, postcode, département and sector, so
"jeu bourges" finds the games sold in Bourges with every word still required; "latelier" and
"damboise" find what "l'atelier" and "d'Amboise" find; "bouquins" finds the bookshop.
"""

import pytest

from search import service
from search.models import SynonymGroup
from search.query import SearchQuery
from search.synonyms import forget_synonym_groups
from tests.conftest import requires_opensearch

pytestmark = pytest.mark.django_db
BACKENDS = [pytest.param("engine", marks=requires_opensearch), "database"]


def found(text, **params):
    outcome = service.search(SearchQuery(text=text, **params), record=False)
    assert not outcome.degraded
    return [hit.title for hit in outcome.hits]


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_a_product_is_found_by_its_words_and_where_it_is_sold(on_each_backend, catalogue):
    shops = catalogue["shops"]
    games, chocolates = shops["jeux"], shops["chocolat"]
    assert found("jeu bourges", kind="product") == ["Jeu de l'oie en bois"]
    assert found(f"jeu {games.postal_code}", kind="product") == ["Jeu de l'oie en bois"]
    departement = chocolates.town.departement.name  # Loiret
    assert found(f"tablette {departement}", kind="product") == ["Tablette noire 70 %"]
    assert found("bouquet jardin fleuri", kind="product") == ["Bouquet de roses"]
    sector = catalogue["products"][0].sector.name
    assert "Huile d'olive vierge" in found(f"huile {sector}", kind="product")
    # Every word is still required: no rillettes are sold in Bourges.
    assert found("rillettes bourges", kind="product") == []
    assert found("rillettes tours", kind="product") == ["Rillettes de Tours"]


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_an_exact_shop_name_stays_first_with_places_in_products(on_each_backend, catalogue):
    # "Épicerie fine de Tours" also names the town every Tours product is now found by.
    assert found("épicerie fine de tours")[0] == "Épicerie fine de Tours"


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("l'atelier", "L'Atelier du Bois"),
        ("latelier", "L'Atelier du Bois"),
        ("latelier du bois", "L'Atelier du Bois"),
        ("atelier d'amboise", "L'Atelier du Bois"),
        ("atelier damboise", "L'Atelier du Bois"),  # Amboise is a town: "d'" split off
        ("huile dolive", "Huile d'olive vierge"),
        ("huile d’olive", "Huile d'olive vierge"),  # a typographic apostrophe
        ("jeu loie", "Jeu de l'oie en bois"),
    ],
)
def test_elisions_with_and_without_apostrophe_find_the_same(
    on_each_backend, catalogue, typed, expected
):
    assert expected in found(typed)


@pytest.mark.parametrize("on_each_backend", BACKENDS, indirect=True)
def test_everyday_words_are_shipped_as_editable_synonyms(on_each_backend, catalogue):
    assert "Librairie du Boulevard" in found("bouquins", kind="shop")
    assert "Jeu de l'oie en bois" in found("joujoux", kind="product")
    # Editors still decide: the group switched off, the word no longer finds the bookshop.
    SynonymGroup.objects.filter(terms__contains="bouquin").update(is_active=False)
    forget_synonym_groups()
    assert "Librairie du Boulevard" not in found("bouquins", kind="shop")


def test_the_shipped_groups_hold_the_everyday_words():
    groups = [group.term_list for group in SynonymGroup.objects.filter(is_active=True)]
    pairs = [
        ("livre", "bouquin"),
        ("vêtement", "fringue"),
        ("restaurant", "resto"),
        ("bijou", "joaillerie"),
        ("chaussure", "godasse"),
        ("jouet", "joujou"),
        ("fleuriste", "fleur"),
    ]
    for first, second in pairs:
        assert any(first in group and second in group for group in groups), (first, second)
