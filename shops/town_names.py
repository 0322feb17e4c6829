"""A commune's name inside a French sentence: the article it carries contracts with "à" and
"de" ("au Blanc", "des Aix-d'Angillon"), and "de" elides before a vowel ("d'Orléans")."""

# "H" is taken as mute, as for most of the region's communes (Huisseau, Herry).
ELIDING_INITIALS = "AEIOUYÉÈÊÎÔH"


def town_phrases(name: str) -> dict[str, str]:
    """The commune in a sentence: "à Tours", "au Blanc", "aux Aix-d'Angillon", "d'Amboise"."""
    for article, in_town, of_town in (("Le ", "au ", "du "), ("Les ", "aux ", "des ")):
        if name.startswith(article):
            rest = name.removeprefix(article)
            return {"town": name, "in_town": in_town + rest, "of_town": of_town + rest}
    elides = name[0] in ELIDING_INITIALS and not name.startswith("La ")
    return {
        "town": name,
        "in_town": f"à {name}",
        "of_town": f"d'{name}" if elides else f"de {name}",
    }
