"""What the search page tells the shopper beyond its results: the short words left unmarked in
titles, the distance sort that needs a town, communes of the same name told apart, a meta
description, and valid forms."""

import pytest

from search.results import marked, marked_by_words
from search.towns import town_choices
from shops.factories import ShopFactory, town
from shops.models import Town
from tests.conftest import requires_opensearch

pytestmark = pytest.mark.django_db


@requires_opensearch  # the engine's highlighting with the French analysis
def test_the_word_en_is_not_marked_in_a_title(client, catalogue):
    content = client.get("/fr/recherche/", {"q": "jeu en bois"}).content.decode()
    assert "<mark>Jeu</mark> de l&#x27;oie en <mark>bois</mark>" in content


def test_short_words_are_left_unmarked_by_the_engine_and_the_database():
    assert marked("Puzzle \ue000en\ue001 \ue000bois\ue001") == "Puzzle en <mark>bois</mark>"
    assert marked_by_words("Puzzle en bois", "puzzle en bois") == (
        "<mark>Puzzle</mark> en <mark>bois</mark>"
    )


def test_the_distance_sort_without_a_town_says_what_it_needs(client, catalogue):
    without = client.get("/fr/recherche/", {"q": "chocolat", "sort": "distance"})
    assert "Pour trier par distance, choisissez une commune" in without.content.decode()
    english = client.get("/en/search/", {"q": "chocolat", "sort": "distance"})
    assert "To sort by distance, choose a town" in english.content.decode()
    with_town = client.get("/fr/recherche/", {"q": "chocolat", "sort": "distance", "near": "45234"})
    assert "Pour trier par distance" not in with_town.content.decode()


def test_communes_of_the_same_name_are_told_apart(client, home_page):
    vineuils = Town.objects.filter(name="Vineuil").order_by("insee_code")
    assert vineuils.count() == 2
    for vineuil in vineuils:
        ShopFactory(town=vineuil)
    ShopFactory(town=town("45234"))
    labels = [label for _, label in town_choices()]
    assert labels.count("Orléans") == 1
    assert sorted(label for label in labels if label.startswith("Vineuil")) == [
        "Vineuil (36)",
        "Vineuil (41)",
    ]
    # The home's box offers the same towns as the search page.
    home = client.get("/fr/").content.decode()
    assert '<option value="36247">Vineuil (36)</option>' in home
    assert 'data-autocomplete="/api/autocomplete/"' in home


def test_the_page_has_a_description_and_forms_without_an_empty_action(client, catalogue):
    content = client.get("/fr/recherche/", {"q": "chocolat"}).content.decode()
    assert '<meta name="description" content="Cherchez parmi les commerces' in content
    assert 'action=""' not in content
