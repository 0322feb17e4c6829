"""Elisions on the query's side (search/elisions.py) and the documents' (shops/french.py)."""

from search.elisions import french_alternatives, unglued, without_articles
from shops.french import glued_forms
from shops.models.catalogue import fold_name

TOWNS = frozenset({"amboise", "orleans", "issoudun"})


def test_documents_carry_the_glued_form_of_their_elisions():
    assert glued_forms(fold_name, "L'Atelier d'Amboise", "Huile d’olive") == (
        "latelier damboise dolive"
    )
    assert glued_forms(fold_name, "Chocolaterie Royale") == ""


def test_a_glued_article_is_split_off_only_before_a_known_word():
    assert unglued("chocolaterie damboise", lambda: TOWNS) == "chocolaterie amboise"
    assert unglued("miel dissoudun", lambda: TOWNS) == "miel issoudun"
    # Words that merely look glued stay as typed.
    for word in ("lait", "dessert", "lampe", "chocolat", "doudou"):
        assert unglued(word, lambda: TOWNS) == word


def test_the_vocabulary_is_read_only_when_a_word_looks_glued():
    def vocabulary():
        raise AssertionError("read")

    assert french_alternatives(["miel", "pain bio"], vocabulary, 10) == ["miel", "pain bio"]


def test_articles_typed_with_an_apostrophe_are_dropped_in_an_added_alternative():
    assert without_articles("l'atelier d’amboise") == "atelier amboise"
    assert french_alternatives(["l'atelier"], lambda: TOWNS, 10) == ["l'atelier", "atelier"]
    assert french_alternatives(["a", "b"], lambda: TOWNS, 2) == ["a", "b"]  # the limit holds
