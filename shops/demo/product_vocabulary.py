"""Hand-written product vocabulary by sector: names, price ranges, categories and blurbs.

Kept as small text tables (one product line per row) so that adding a product is one line
and the formatter leaves them readable. Every string is Windows-1252 safe, because one of
the demo partners exports its feed in that encoding.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ProductLine:
    name: str
    low: Decimal
    high: Decimal
    category: str  # the partner's category path, "Alimentation > Fromages"
    variants: tuple[tuple[str, Decimal], ...]  # (variant, price factor against the base)


# Category roots use words that shops/sectors.py maps to the right sector.
CATEGORY_ROOTS = {
    "jouets": "Jouets et jeux",
    "bijouterie": "Bijouterie et horlogerie",
    "librairie": "Livres",
    "fleuriste": "Fleurs et plantes",
    "restauration": "Traiteur",
    "artisanat": "Artisanat d'art",
    "produits-frais": "Alimentation",
    "mode": "Mode",
    "maison": "Maison et décoration",
    "culture": "Culture et loisirs",
    "beaute": "Beauté et bien-être",
    "sport": "Sport et plein air",
}

# name | price range in euros | sub-category | variants separated by ";", each with an
# optional price factor: "carton de 6*5.6" costs about 5.6 bottles.
PRODUCT_TABLES = {
    "jouets": """
Jeu en bois Le Petit Tourangeau | 19-39 | Jeux en bois | coffret 12 pièces; version voyage
Puzzle Châteaux de la Loire | 14-22 | Puzzles | 500 pièces; 1000 pièces*1.4
Toupie en hêtre tournée main | 6-12 | Jeux en bois | naturelle; peinte à la main
Peluche renard de Sologne | 18-32 | Peluches | 25 cm; 40 cm
Jeu de société Les Rois de Bourges | 25-42 | Jeux de société | édition familiale; édition expert
Cubes d'éveil en bois naturel | 22-36 | Premier âge | boîte de 12; boîte de 20
Marionnette à main | 15-28 | Marionnettes | loup; renard; chevalier
Circuit à billes en érable | 45-89 | Jeux de construction | 60 pièces; 120 pièces
Jeu de quilles en bois | 24-39 | Jeux d'extérieur | 6 quilles; 9 quilles
Dînette en porcelaine | 29-49 | Jeux d'imitation | 12 pièces; 24 pièces
Cerf-volant Loire | 19-45 | Jeux d'extérieur | monofil; pilotable
Château fort à construire | 49-99 | Jeux de construction | petit modèle; grand modèle
""",
    "bijouterie": """
Bague argent et pierre de lune | 59-129 | Bagues | taille 52; taille 54; taille 56
Boucles d'oreilles feuilles de vigne | 35-75 | Boucles d'oreilles | argent; plaqué or
Collier perles d'eau douce | 79-189 | Colliers | 42 cm; 45 cm
Bracelet jonc martelé | 45-95 | Bracelets | argent 925; laiton doré
Montre automatique cadran bleu | 190-420 | Montres | bracelet cuir; bracelet acier
Pendentif fleur de lys | 49-99 | Pendentifs | vermeil; argent
Alliance or jaune 18 carats | 290-590 | Alliances | 2 mm; 3 mm
Chevalière gravée | 120-260 | Bagues | argent; or rose
Broche libellule émaillée | 39-69 | Broches | bleu de Loire; vert d'eau
Boutons de manchette en nacre | 45-85 | Accessoires | ronds; carrés
""",
    "librairie": """
Roman : Les Vendanges de Vouvray | 18-23 | Romans | broché; poche
Roman : Le Passeur de Chinon | 19-22 | Romans | broché; grand format
BD : Les Mystères de Chambord | 14-17 | Bandes dessinées | tome 1; tome 2
Guide des balades en Sologne | 15-22 | Tourisme | édition 2024; édition 2025
Album jeunesse Le Héron de Loire | 13-16 | Jeunesse | relié; cartonné
Recueil de recettes berrichonnes | 24-32 | Cuisine | relié
Carnet de voyage illustré en Touraine | 19-29 | Beaux livres | relié
Histoire de la cathédrale de Chartres | 29-45 | Histoire | relié; broché
Polar : Meurtre au marché d'Orléans | 8-21 | Policiers | poche; broché
Atlas des oiseaux de la Brenne | 25-39 | Nature | relié
Poésie : Chants de la Loire | 12-18 | Poésie | broché
Carnet de notes en papier recyclé | 6-14 | Papeterie | A5 ligné; A5 pointillé
""",
    "fleuriste": """
Bouquet de saison | 25-65 | Bouquets | taille S; taille M; taille L
Couronne de l'Avent | 35-65 | Compositions | 30 cm; 40 cm
Orchidée blanche en pot | 29-49 | Plantes d'intérieur | une tige; deux tiges
Composition de roses | 39-89 | Compositions | rouges; blanches; panachées
Sapin nordmann de Sologne | 35-79 | Plantes d'extérieur | 1,50 m; 2 m
Bouquet de pivoines | 30-55 | Bouquets | 10 tiges; 20 tiges
Plante grasse en pot de terre | 9-19 | Plantes d'intérieur | petit pot; grand pot
Bouquet de fleurs séchées | 22-45 | Bouquets | pastel; champêtre
Coffret bulbes de tulipes | 12-24 | Jardin | 20 bulbes; 40 bulbes
Olivier en pot | 39-99 | Plantes d'extérieur | 80 cm; 1,20 m
""",
    "restauration": """
Plat du jour à emporter | 11-16 | Plats à emporter | midi; soir
Coffret repas de fête | 35-49 | Plats à emporter | pour 2; pour 4*1.9
Galette complète | 8-12 | Crêperie | jambon, œuf, fromage; chèvre et miel
Terrine de campagne maison | 7-10 | Charcuterie | 250 g; 500 g*1.8
Pizza au chèvre de Sainte-Maure | 11-16 | Pizzeria | 31 cm; 40 cm
Bûche de Noël pâtissière | 24-32 | Pâtisserie | 4 parts; 8 parts*1.8
Géline de Touraine rôtie | 22-38 | Plats à emporter | entière; demie
Tarte Tatin de Lamotte-Beuvron | 16-22 | Pâtisserie | 4 parts; 8 parts*1.8
Poulet fermier et pommes grenaille | 14-24 | Plats à emporter | 1 part; 2 parts
Menu enfant | 8-11 | Plats à emporter | à emporter
Plateau de fromages de la région | 19-26 | Traiteur | 4 personnes; 8 personnes*1.9
""",
    "artisanat": """
Bol en grès émaillé | 18-32 | Céramique | bleu de Loire; vert céladon; blanc
Panier en osier tressé | 29-69 | Vannerie | petit; grand
Planche à découper en noyer | 35-69 | Ébénisterie | 30 cm; 45 cm
Porte-monnaie en cuir tanné végétal | 39-69 | Maroquinerie | naturel; cognac
Vase en céramique raku | 45-120 | Céramique | petit modèle; grand modèle
Bougeoir en fer forgé | 25-49 | Ferronnerie | simple; double
Tasse en porcelaine tournée | 19-29 | Céramique | 20 cl; 30 cl
Ceinture en cuir cousue main | 49-89 | Maroquinerie | 3 cm; 4 cm
Cuillère en bois de buis | 12-24 | Ébénisterie | à confiture; à salade
Pichet en terre vernissée | 29-49 | Poterie | 50 cl; 1 litre
Tabouret paillé | 89-169 | Vannerie | chêne; hêtre
""",
    "produits-frais": """
Coffret de macarons de Montmorillon | 12-16 | Pâtisserie | boîte de 12; boîte de 24*1.9
Rillettes de Tours | 5-7 | Charcuterie | bocal 180 g; bocal 350 g*1.8
Crottin de Chavignol AOP | 3-4 | Fromages | à l'unité; lot de 3*2.8
Vouvray demi-sec 2022 | 11-16 | Vins | bouteille 75 cl; carton de 6*5.6
Sancerre blanc 2023 | 15-22 | Vins | bouteille 75 cl; magnum*2.2
Miel de Sologne | 6-9 | Épicerie fine | pot de 250 g; pot de 500 g*1.8
Sainte-Maure-de-Touraine AOP | 7-11 | Fromages | bûche entière; demi-bûche
Valençay AOP | 7-10 | Fromages | à l'unité
Lentilles vertes du Berry | 3-5 | Épicerie fine | sachet de 500 g; sachet de 1 kg*1.9
Poires tapées de Rivarennes | 8-14 | Épicerie fine | sachet de 200 g; bocal au vin
Forestines de Bourges | 9-12 | Confiserie | boîte de 10; boîte de 20*1.9
Cotignac d'Orléans | 5-8 | Confiserie | boîte ronde; coffret de 3*2.7
Safran du Gâtinais | 9-14 | Épicerie fine | 0,1 g; 0,5 g*4.5
Pâté de Chartres | 14-20 | Charcuterie | 4 parts; 8 parts*1.8
Panier de légumes de saison | 14-18 | Fruits et légumes | petit panier; grand panier*1.7
Pommes de Sologne | 2-4 | Fruits et légumes | le kilo; cagette de 5 kg*4.5
Jus de pomme fermier | 3-5 | Boissons | bouteille 1 litre; carton de 6*5.5
Œufs de plein air | 2-4 | Crèmerie | boîte de 6; boîte de 12*1.9
""",
    "mode": """
Pull en laine mérinos | 59-99 | Vêtements | gris chiné; bleu marine; écru
Écharpe tissée main | 29-49 | Accessoires | laine; lin
Bottines en cuir | 89-159 | Chaussures | pointure 38; pointure 40; pointure 42
Chemise en lin lavé | 49-79 | Vêtements | blanche; sauge; ciel
Béret en feutre | 25-39 | Accessoires | noir; bordeaux
Sac cabas en toile | 19-39 | Maroquinerie | naturel; rayé
Marinière en coton | 39-59 | Vêtements | taille S; taille M; taille L
Robe en lin brodée | 69-119 | Vêtements | taille 38; taille 40
Ceinture tressée | 25-45 | Accessoires | cognac; noir
Chaussons en feutre de laine | 29-49 | Chaussures | enfant; adulte
""",
    "maison": """
Bougie parfumée à la lavande | 14-28 | Bougies | 180 g; 300 g
Nappe en lin brodée | 45-99 | Linge de table | 150 x 250 cm; ronde 180 cm
Torchons métis | 12-16 | Linge de maison | lot de 2; lot de 4*1.9
Cafetière émaillée | 29-49 | Cuisine | 1 litre; 1,5 litre
Plaid en laine | 49-99 | Linge de maison | moutarde; gris; terracotta
Lampe en céramique | 59-129 | Luminaire | abat-jour lin; abat-jour plissé
Coussin brodé Loire | 25-45 | Décoration | 40 x 40 cm; 50 x 50 cm
Miroir en rotin | 49-89 | Décoration | rond; ovale
Savon de Marseille et porte-savon | 14-24 | Salle de bain | olive; lavande
Set de verres soufflés | 29-59 | Art de la table | 4 verres; 6 verres
""",
    "culture": """
Vinyle : Chansons de Loire | 22-29 | Musique | édition standard; édition collector
Ukulélé soprano | 39-89 | Instruments | acajou; épicéa
Kit de broderie Château de Chenonceau | 24-39 | Loisirs créatifs | débutant; confirmé
Affiche sérigraphiée Bourges | 25-60 | Art | 30 x 40 cm; 50 x 70 cm
Place de concert au Printemps de Bourges | 29-49 | Spectacles | placement libre; balcon
Coffret aquarelle de voyage | 19-45 | Loisirs créatifs | 12 couleurs; 24 couleurs
Pelote de laine de pays | 6-12 | Mercerie | 50 g; 100 g
Carte postale ancienne restaurée | 3-5 | Art | à l'unité; lot de 10*8
Atelier d'initiation à la gravure | 35-65 | Ateliers | 2 heures; demi-journée
Partition : Airs traditionnels berrichons | 12-19 | Musique | piano; violon
""",
    "beaute": """
Savon au lait d'ânesse | 6-8 | Savons | 100 g; lot de 3*2.7
Crème mains à la cire d'abeille | 9-16 | Soins | 50 ml; 100 ml
Huile essentielle de lavande | 7-14 | Bien-être | 10 ml; 30 ml
Eau de toilette Val de Loire | 29-59 | Parfums | 50 ml; 100 ml
Baume à lèvres au miel | 4-6 | Soins | à l'unité; lot de 2*1.9
Shampoing solide à l'ortie | 8-13 | Soins | 60 g; 100 g
Coffret soin visage | 29-69 | Coffrets | découverte; complet
Bougie de massage au karité | 15-25 | Bien-être | 100 g; 200 g
Sels de bain aux fleurs | 9-17 | Bien-être | 250 g; 500 g
""",
    "sport": """
Vélo de ville électrique | 1290-2490 | Vélos | cadre bas; cadre haut
Casque de vélo urbain | 39-89 | Vélos | taille M; taille L
Sac à dos de randonnée | 49-119 | Randonnée | 20 litres; 35 litres
Canne à pêche carnassier | 45-129 | Pêche | 2,10 m; 2,70 m
Chaussures de trail | 89-149 | Running | pointure 41; pointure 43
Gourde isotherme | 19-35 | Randonnée | 50 cl; 75 cl
Kayak gonflable Loire | 290-590 | Nautisme | une place; deux places
Raquette de badminton | 25-79 | Sports de raquette | loisir; compétition
Carte de randonnée La Loire à vélo | 9-14 | Randonnée | étape Orléans-Blois; étape Tours-Chinon
Tenue de cyclisme | 49-99 | Vélos | maillot; cuissard
""",
}

# Sentences to compose descriptions of 1 to 3 sentences, with {shop}, {in_town} ("au Blanc")
# and {of_town} ("du Blanc") filled in.
ORIGIN_SENTENCES = [
    "En vente chez {shop}, {in_town}.",
    "Notre sélection, à retrouver chez {shop}.",
    "Disponible chez {shop}, au cœur {of_town}.",
    "Un incontournable de la maison, {in_town}.",
    "À découvrir en boutique {in_town}.",
]
SECTOR_SENTENCES = {
    "jouets": [
        "Fabriqué en France avec des peintures sans solvant.",
        "Dès 3 ans.",
        "Idéal pour les longues soirées d'hiver.",
        "Un jouet solide qui se transmet.",
    ],
    "bijouterie": [
        "Pièce façonnée à l'atelier.",
        "Argent 925 poinçonné.",
        "Gravure offerte.",
        "Livré dans un écrin en carton recyclé.",
    ],
    "librairie": [
        "Conseillé par nos libraires.",
        "Un auteur de la région.",
        "Dédicace possible sur demande.",
        "Une lecture pour tous les âges.",
    ],
    "fleuriste": [
        "Fleurs de producteurs de la région.",
        "Composé le jour même.",
        "Ruban et carte offerts.",
        "Conseils d'entretien fournis.",
    ],
    "restauration": [
        "Fait maison avec des produits de saison.",
        "À commander la veille.",
        "À réchauffer dix minutes au four.",
        "Emballage consigné.",
    ],
    "artisanat": [
        "Fait main, chaque pièce est unique.",
        "Matériaux issus de la région.",
        "L'atelier se visite sur rendez-vous.",
        "Passe au lave-vaisselle.",
    ],
    "produits-frais": [
        "Producteur de la région.",
        "Agriculture biologique.",
        "Récolte de l'année.",
        "À conserver au frais.",
        "Vendu en circuit court.",
    ],
    "mode": [
        "Confectionné en France.",
        "Fibres naturelles.",
        "Retouches offertes.",
        "Série limitée.",
    ],
    "maison": [
        "Fabriqué par un atelier de la région.",
        "Lin cultivé en France.",
        "Lavable en machine à 30 °C.",
        "Un cadeau qui fait toujours plaisir.",
    ],
    "culture": [
        "Édition limitée.",
        "Un artiste de la région.",
        "Idéal pour débuter.",
        "Emballage cadeau sur demande.",
    ],
    "beaute": [
        "Fabriqué artisanalement en Touraine.",
        "Sans parabène.",
        "Ingrédients d'origine naturelle.",
        "Testé sous contrôle dermatologique.",
    ],
    "sport": [
        "Révisé et réglé en atelier.",
        "Garantie deux ans.",
        "Conseils personnalisés en boutique.",
        "Parfait pour la Loire à vélo.",
    ],
}


def parse_variant(cell: str) -> tuple[str, Decimal]:
    name, _, factor = cell.partition("*")
    return name.strip(), Decimal(factor or "1")


def parse_table(table: str, root: str) -> list[ProductLine]:
    lines = []
    for row in table.strip().splitlines():
        name, prices, category, variants = (cell.strip() for cell in row.split("|"))
        low, high = prices.split("-")
        lines.append(
            ProductLine(
                name=name,
                low=Decimal(low),
                high=Decimal(high),
                category=f"{root} > {category}",
                variants=tuple(parse_variant(v) for v in variants.split(";")),
            )
        )
    return lines


PRODUCT_LINES = {
    sector: parse_table(table, CATEGORY_ROOTS[sector]) for sector, table in PRODUCT_TABLES.items()
}

# What a farm of the produce directory sells: its own produce, not the town's sweets.
FARM_CATEGORIES = {
    "Charcuterie",
    "Fromages",
    "Vins",
    "Épicerie fine",
    "Fruits et légumes",
    "Boissons",
    "Crèmerie",
}
FARM_LINES = {
    "produits-frais": [
        line
        for line in PRODUCT_LINES["produits-frais"]
        if line.category.rsplit(" > ", 1)[-1] in FARM_CATEGORIES
    ]
}
