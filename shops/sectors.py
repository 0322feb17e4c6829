"""The sectors the region starts with, and how a partner's category words map to them.

Editors change sectors in the admin afterwards; this list only seeds a new database.
"""

import unicodedata

DEFAULT_SECTORS = [
    # slug, French name, English name, partner words (lower case, accents optional)
    (
        "jouets",
        "Jouets et jeux",
        "Toys and games",
        ["jouet", "jeu", "jeux", "toy", "toys", "puzzle", "peluche"],
    ),
    (
        "bijouterie",
        "Bijouterie et horlogerie",
        "Jewellery and watches",
        [
            "bijou",
            "bijoux",
            "bijouterie",
            "bijoutier",
            "joaillier",
            "joaillerie",
            "horlogerie",
            "montre",
            "jewelry",
            "jewellery",
        ],
    ),
    (
        "librairie",
        "Librairies",
        "Bookshops",
        ["livre", "livres", "librairie", "bd", "bande dessinee", "papeterie", "book", "books"],
    ),
    (
        "fleuriste",
        "Fleuristes",
        "Florists",
        ["fleur", "fleurs", "fleuriste", "bouquet", "plante", "plantes", "flower", "flowers"],
    ),
    (
        "restauration",
        "Restaurants et vente à emporter",
        "Restaurants and takeaway",
        [
            "restaurant",
            "resto",
            "traiteur",
            "plat",
            "plats",
            "a emporter",
            "takeaway",
            "pizzeria",
            "creperie",
        ],
    ),
    (
        "artisanat",
        "Artisans d'art",
        "Craft artisans",
        [
            "artisanat",
            "artisan",
            "ceramique",
            "poterie",
            "maroquinerie",
            "ebenisterie",
            "vannerie",
            "craft",
        ],
    ),
    (
        "produits-frais",
        "Produits frais et locaux",
        "Fresh local produce",
        [
            "alimentation",
            "epicerie",
            "fromage",
            "fromagerie",
            "boucherie",
            "charcuterie",
            "boulangerie",
            "patisserie",
            "fruits",
            "legumes",
            "miel",
            "vin",
            "vins",
            "cave",
            "chocolat",
            "chocolaterie",
            "producteur",
            "ferme",
            "food",
            "grocery",
        ],
    ),
    (
        "mode",
        "Mode et accessoires",
        "Fashion and accessories",
        [
            "mode",
            "vetement",
            "vetements",
            "pret-a-porter",
            "chaussures",
            "chaussure",
            "lingerie",
            "accessoires",
            "fashion",
            "clothing",
            "shoes",
        ],
    ),
    (
        "maison",
        "Maison et décoration",
        "Home and decoration",
        [
            "maison",
            "decoration",
            "deco",
            "linge",
            "cuisine",
            "art de la table",
            "meuble",
            "meubles",
            "luminaire",
            "home",
        ],
    ),
    (
        "culture",
        "Culture et loisirs",
        "Culture and leisure",
        [
            "culture",
            "musique",
            "disque",
            "disques",
            "instrument",
            "loisirs creatifs",
            "mercerie",
            "art",
            "galerie",
            "music",
        ],
    ),
    (
        "beaute",
        "Beauté et bien-être",
        "Beauty and well-being",
        [
            "beaute",
            "cosmetique",
            "cosmetiques",
            "parfum",
            "parfumerie",
            "savon",
            "savons",
            "bien-etre",
            "beauty",
        ],
    ),
    (
        "sport",
        "Sport et plein air",
        "Sport and outdoors",
        ["sport", "sports", "velo", "cycle", "peche", "randonnee", "outdoor"],
    ),
]


def fold(text: str) -> str:
    """Lower case without accents, for matching partner words to sectors."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).strip()
