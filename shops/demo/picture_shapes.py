"""The shapes and colours of the demo's pictures: a sector's palette, and a simple drawing of
what a product is (a jar, a bottle, a book, a ring...), chosen from the words of its title."""

import colorsys
import hashlib
import math
import random
import unicodedata

RGB = tuple[int, int, int]

# Two background colours, an accent and a contrasting colour, by sector (see shops.models.Sector).
PALETTES: dict[str, tuple[RGB, RGB, RGB, RGB]] = {
    "jouets": ((255, 214, 102), (244, 162, 97), (42, 157, 143), (231, 111, 81)),
    "bijouterie": ((52, 58, 94), (24, 27, 52), (232, 196, 104), (237, 237, 245)),
    "librairie": ((233, 216, 185), (196, 160, 116), (120, 46, 46), (44, 62, 80)),
    "fleuriste": ((255, 214, 224), (232, 150, 170), (214, 40, 87), (80, 160, 90)),
    "restauration": ((250, 225, 190), (225, 160, 100), (160, 70, 40), (90, 120, 60)),
    "artisanat": ((214, 226, 233), (150, 180, 196), (188, 108, 62), (60, 90, 110)),
    "produits-frais": ((232, 240, 200), (170, 200, 120), (220, 150, 40), (110, 70, 40)),
    "epicerie": ((250, 235, 200), (220, 180, 110), (150, 60, 40), (70, 110, 60)),
    "mode": ((230, 222, 240), (170, 150, 200), (60, 50, 110), (220, 90, 120)),
    "maison": ((236, 230, 220), (190, 175, 155), (70, 110, 100), (200, 120, 80)),
    "culture": ((220, 230, 250), (140, 160, 220), (230, 80, 70), (40, 50, 90)),
    "beaute": ((250, 230, 235), (220, 180, 190), (150, 90, 120), (110, 160, 140)),
    "sport": ((210, 240, 230), (110, 190, 170), (250, 130, 40), (30, 80, 110)),
}
DEFAULT_PALETTE = ((225, 235, 240), (160, 190, 205), (40, 90, 110), (210, 110, 70))

# What a product's title says it is, checked in this order; the sector decides otherwise.
SHAPES_BY_WORD = [
    (
        "bottle",
        (
            "vin",
            "jus",
            "huile",
            "sirop",
            "biere",
            "cidre",
            "liqueur",
            "parfum",
            "vinaigre",
            "limonade",
            "eau de",
            "cremant",
            "bouteille",
        ),
    ),
    (
        "jar",
        (
            "miel",
            "confiture",
            "rillettes",
            "terrine",
            "pate",
            "creme",
            "moutarde",
            "pot ",
            "compote",
            "gelee",
            "baume",
            "tartinade",
        ),
    ),
    ("cheese", ("fromage", "crottin", "chevre", "selles", "valencay", "tomme", "brie")),
    (
        "loaf",
        (
            "pain",
            "brioche",
            "gateau",
            "biscuit",
            "sable",
            "macaron",
            "galette",
            "tarte",
            "chocolat",
            "praline",
            "nougat",
            "bonbon",
            "cotignac",
            "forestine",
        ),
    ),
    (
        "book",
        (
            "livre",
            "roman",
            "bande dessinee",
            "bd ",
            "album",
            "guide",
            "carnet",
            "atlas",
            "recueil",
            "agenda",
            "calendrier",
            "beau livre",
            "poesie",
        ),
    ),
    (
        "ring",
        ("bague", "collier", "bracelet", "boucles", "pendentif", "montre", "broche", "alliance"),
    ),
    (
        "flower",
        (
            "fleur",
            "bouquet",
            "plante",
            "rose",
            "orchidee",
            "couronne",
            "bonsai",
            "cactus",
            "tulipe",
            "lavande",
            "composition",
        ),
    ),
    (
        "vase",
        (
            "ceramique",
            "tasse",
            "bol",
            "vase",
            "assiette",
            "theiere",
            "mug",
            "pichet",
            "plat",
            "poterie",
            "gres",
            "porcelaine",
            "faience",
        ),
    ),
    ("candle", ("bougie", "savon", "diffuseur")),
    (
        "garment",
        (
            "echarpe",
            "pull",
            "chemise",
            "robe",
            "veste",
            "bonnet",
            "gants",
            "sac",
            "foulard",
            "t-shirt",
            "tablier",
            "chaussettes",
            "manteau",
            "casquette",
        ),
    ),
    ("ball", ("ballon", "balle", "raquette", "velo", "sport", "yoga", "randonnee", "gourde")),
    (
        "blocks",
        (
            "jeu",
            "puzzle",
            "cubes",
            "toupie",
            "peluche",
            "quilles",
            "marionnette",
            "circuit",
            "dinette",
            "chateau fort",
            "cerf-volant",
        ),
    ),
]
SHAPE_BY_SECTOR = {
    "jouets": "blocks",
    "bijouterie": "ring",
    "librairie": "book",
    "fleuriste": "flower",
    "restauration": "loaf",
    "artisanat": "vase",
    "produits-frais": "jar",
    "epicerie": "jar",
    "mode": "garment",
    "maison": "candle",
    "culture": "book",
    "beaute": "candle",
    "sport": "ball",
}

WHITE = (255, 255, 255)
SLATE = (72, 84, 104)
STONE = (236, 228, 212)


def folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def seeded(*words: str) -> random.Random:
    digest = hashlib.sha256("|".join(words).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def shifted(colour: RGB, hue: float = 0.0, light: float = 0.0) -> RGB:
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in colour))
    h = (h + hue) % 1.0
    lightness = min(1.0, max(0.0, lightness + light))
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, lightness, s))


def shape_for(title: str, sector_slug: str | None) -> str:
    words_of_title = f" {folded(title)} "
    for shape, words in SHAPES_BY_WORD:
        if any(word in words_of_title for word in words):
            return shape
    return SHAPE_BY_SECTOR.get(sector_slug or "", "gift")


def palette_for(sector_slug: str | None, rng: random.Random) -> tuple[RGB, RGB, RGB, RGB]:
    base = PALETTES.get(sector_slug or "", DEFAULT_PALETTE)
    hue = rng.uniform(-0.03, 0.03)  # the same sector, never twice quite the same colour
    return tuple(shifted(colour, hue) for colour in base)


# --- Shapes, drawn in a box (x, y, size) ---------------------------------------------------


def draw_shape(draw, shape: str, x: int, y: int, s: int, accent: RGB, second: RGB, rng):
    light = shifted(accent, light=0.18)
    dark = shifted(accent, light=-0.15)
    if shape == "bottle":
        draw.rounded_rectangle(
            [x + s * 0.30, y + s * 0.38, x + s * 0.70, y + s], s * 0.1, fill=dark
        )
        draw.rectangle([x + s * 0.43, y + s * 0.08, x + s * 0.57, y + s * 0.42], fill=dark)
        draw.rectangle([x + s * 0.41, y, x + s * 0.59, y + s * 0.1], fill=second)
        draw.rectangle([x + s * 0.30, y + s * 0.58, x + s * 0.70, y + s * 0.80], fill=STONE)
        draw.rectangle([x + s * 0.36, y + s * 0.64, x + s * 0.64, y + s * 0.67], fill=second)
        draw.rectangle([x + s * 0.34, y + s * 0.44, x + s * 0.39, y + s * 0.95], fill=light)
    elif shape == "jar":
        draw.rounded_rectangle(
            [x + s * 0.18, y + s * 0.25, x + s * 0.82, y + s], s * 0.14, fill=accent
        )
        draw.rounded_rectangle(
            [x + s * 0.22, y + s * 0.08, x + s * 0.78, y + s * 0.28], s * 0.05, fill=second
        )
        draw.rectangle([x + s * 0.18, y + s * 0.50, x + s * 0.82, y + s * 0.76], fill=STONE)
        draw.ellipse([x + s * 0.42, y + s * 0.55, x + s * 0.58, y + s * 0.71], fill=second)
        draw.rounded_rectangle(
            [x + s * 0.25, y + s * 0.32, x + s * 0.32, y + s * 0.92], s * 0.03, fill=light
        )
    elif shape == "cheese":
        draw.polygon(
            [(x, y + s * 0.55), (x + s, y + s * 0.25), (x + s, y + s * 0.85), (x, y + s)],
            fill=accent,
        )
        draw.polygon(
            [(x, y + s * 0.55), (x + s, y + s * 0.25), (x + s * 0.75, y + s * 0.2)], fill=light
        )
        for _ in range(5):
            cx, cy, r = (
                x + rng.uniform(0.15, 0.85) * s,
                y + rng.uniform(0.62, 0.85) * s,
                s * rng.uniform(0.03, 0.06),
            )
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=dark)
    elif shape == "loaf":
        draw.ellipse([x, y + s * 0.3, x + s, y + s * 0.95], fill=accent)
        draw.rectangle([x, y + s * 0.62, x + s, y + s * 0.95], fill=accent)
        for k in range(3):
            left = x + s * (0.2 + 0.22 * k)
            draw.line(
                [(left, y + s * 0.45), (left + s * 0.14, y + s * 0.6)],
                fill=light,
                width=max(3, s // 30),
            )
        draw.rounded_rectangle(
            [x - s * 0.05, y + s * 0.92, x + s * 1.05, y + s], s * 0.03, fill=second
        )
    elif shape == "book":
        draw.polygon(
            [
                (x, y + s * 0.15),
                (x + s * 0.5, y + s * 0.25),
                (x + s * 0.5, y + s),
                (x, y + s * 0.9),
            ],
            fill=accent,
        )
        draw.polygon(
            [
                (x + s, y + s * 0.15),
                (x + s * 0.5, y + s * 0.25),
                (x + s * 0.5, y + s),
                (x + s, y + s * 0.9),
            ],
            fill=dark,
        )
        for k in range(4):
            top = y + s * (0.38 + 0.11 * k)
            draw.line(
                [(x + s * 0.1, top), (x + s * 0.42, top + s * 0.06)],
                fill=light,
                width=max(2, s // 50),
            )
        draw.line(
            [(x + s * 0.5, y + s * 0.25), (x + s * 0.5, y + s)], fill=second, width=max(3, s // 35)
        )
    elif shape == "ring":
        w = max(6, s // 9)
        draw.ellipse([x + s * 0.15, y + s * 0.3, x + s * 0.85, y + s], outline=accent, width=w)
        draw.polygon(
            [
                (x + s * 0.5, y),
                (x + s * 0.68, y + s * 0.16),
                (x + s * 0.5, y + s * 0.36),
                (x + s * 0.32, y + s * 0.16),
            ],
            fill=second,
        )
        draw.polygon(
            [(x + s * 0.5, y), (x + s * 0.68, y + s * 0.16), (x + s * 0.5, y + s * 0.16)],
            fill=WHITE,
        )
    elif shape == "flower":
        draw.line(
            [(x + s * 0.5, y + s * 0.45), (x + s * 0.5, y + s)],
            fill=(70, 130, 70),
            width=max(4, s // 25),
        )
        draw.ellipse([x + s * 0.5, y + s * 0.65, x + s * 0.8, y + s * 0.8], fill=(90, 160, 90))
        cx, cy, r = x + s * 0.5, y + s * 0.35, s * 0.13
        for k in range(6):
            angle = math.radians(k * 60 + rng.uniform(-8, 8))
            px, py = cx + math.cos(angle) * r * 1.3, cy + math.sin(angle) * r * 1.3
            draw.ellipse([px - r, py - r, px + r, py + r], fill=accent if k % 2 else light)
        draw.ellipse([x + s * 0.42, y + s * 0.27, x + s * 0.58, y + s * 0.43], fill=second)
    elif shape == "vase":
        draw.ellipse([x + s * 0.1, y + s * 0.3, x + s * 0.9, y + s], fill=accent)
        draw.rectangle([x + s * 0.32, y + s * 0.05, x + s * 0.68, y + s * 0.45], fill=accent)
        draw.ellipse([x + s * 0.28, y, x + s * 0.72, y + s * 0.12], fill=dark)
        draw.arc(
            [x + s * 0.15, y + s * 0.45, x + s * 0.85, y + s * 0.8],
            20,
            160,
            fill=second,
            width=max(4, s // 25),
        )
        draw.ellipse([x + s * 0.22, y + s * 0.5, x + s * 0.3, y + s * 0.75], fill=light)
    elif shape == "candle":
        draw.rounded_rectangle(
            [x + s * 0.25, y + s * 0.35, x + s * 0.75, y + s], s * 0.05, fill=STONE
        )
        draw.rectangle([x + s * 0.25, y + s * 0.6, x + s * 0.75, y + s * 0.78], fill=accent)
        draw.line(
            [(x + s * 0.5, y + s * 0.22), (x + s * 0.5, y + s * 0.36)],
            fill=(40, 40, 40),
            width=max(2, s // 60),
        )
        draw.ellipse([x + s * 0.43, y + s * 0.02, x + s * 0.57, y + s * 0.26], fill=(255, 190, 60))
        draw.ellipse([x + s * 0.47, y + s * 0.1, x + s * 0.53, y + s * 0.24], fill=(255, 240, 180))
    elif shape == "garment":
        draw.polygon(
            [
                (x + s * 0.3, y + s * 0.05),
                (x, y + s * 0.25),
                (x + s * 0.12, y + s * 0.48),
                (x + s * 0.22, y + s * 0.42),
                (x + s * 0.22, y + s),
                (x + s * 0.78, y + s),
                (x + s * 0.78, y + s * 0.42),
                (x + s * 0.88, y + s * 0.48),
                (x + s, y + s * 0.25),
                (x + s * 0.7, y + s * 0.05),
                (x + s * 0.5, y + s * 0.18),
            ],
            fill=accent,
        )
        for k in range(3):
            top = y + s * (0.5 + 0.15 * k)
            draw.rectangle([x + s * 0.22, top, x + s * 0.78, top + s * 0.05], fill=second)
    elif shape == "ball":
        draw.ellipse([x, y, x + s, y + s], fill=accent)
        draw.arc(
            [x - s * 0.5, y + s * 0.1, x + s * 0.5, y + s * 0.9],
            -60,
            60,
            fill=WHITE,
            width=max(4, s // 25),
        )
        draw.arc(
            [x + s * 0.5, y + s * 0.1, x + s * 1.5, y + s * 0.9],
            120,
            240,
            fill=WHITE,
            width=max(4, s // 25),
        )
        draw.ellipse([x + s * 0.2, y + s * 0.15, x + s * 0.35, y + s * 0.3], fill=light)
    elif shape == "blocks":
        for (left, top), colour in zip(
            [(0, 0.5), (0.5, 0.5), (0.25, 0.0)],
            [accent, second, shifted(accent, 0.15)],
            strict=True,
        ):
            box = [x + s * left, y + s * top, x + s * (left + 0.5), y + s * (top + 0.5)]
            draw.rounded_rectangle(box, s * 0.05, fill=colour)
            draw.ellipse(
                [box[0] + s * 0.17, box[1] + s * 0.17, box[2] - s * 0.17, box[3] - s * 0.17],
                fill=WHITE,
            )
    else:  # a wrapped gift
        draw.rectangle([x, y + s * 0.35, x + s, y + s], fill=accent)
        draw.rectangle([x - s * 0.05, y + s * 0.25, x + s * 1.05, y + s * 0.42], fill=dark)
        draw.rectangle([x + s * 0.42, y + s * 0.25, x + s * 0.58, y + s], fill=second)
        draw.ellipse(
            [x + s * 0.2, y, x + s * 0.5, y + s * 0.28], outline=second, width=max(4, s // 20)
        )
        draw.ellipse(
            [x + s * 0.5, y, x + s * 0.8, y + s * 0.28], outline=second, width=max(4, s // 20)
        )
