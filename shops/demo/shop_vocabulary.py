"""Hand-written shop vocabulary by sector: names, partner labels, hours, streets, pickup.

Names may use {town}, {of_town} ("du Blanc", "d'Amboise"), {surname}, {of_river} ("de la
Loire"), {demonym}, {demonym_f} and {region}, all taken from the shop's commune and its
département; sentences also {in_town} ("au Blanc"). The catalogue fills them.
Every string is Windows-1252 safe (one demo partner exports in that encoding).
"""

SECTORS = [
    "jouets",
    "bijouterie",
    "librairie",
    "fleuriste",
    "restauration",
    "artisanat",
    "produits-frais",
    "mode",
    "maison",
    "culture",
    "beaute",
    "sport",
]

# How often each sector appears among town-centre shops (food and restaurants lead).
SECTOR_WEIGHTS = {
    "jouets": 5,
    "bijouterie": 6,
    "librairie": 7,
    "fleuriste": 8,
    "restauration": 14,
    "artisanat": 8,
    "produits-frais": 16,
    "mode": 12,
    "maison": 8,
    "culture": 5,
    "beaute": 6,
    "sport": 5,
}

NAME_PATTERNS = {
    "jouets": """
La Boîte à Jouets | Au Cheval de Bois | Les Jeux {of_town} | Le Coffre à Malices
La Ribambelle | Jouets {surname} | Le Petit {demonym} | Il était une fois
Au Pays des Jouets | La Toupie {of_town}
""",
    "bijouterie": """
Bijouterie {surname} | L'Atelier d'Orfèvre | Perles {of_river} | Maison {surname} Joaillier
Les Bijoux {of_town} | Horlogerie du Beffroi | L'Écrin {of_town} | Or et Argent {surname}
""",
    "librairie": """
Librairie Le Chat qui Lit | La Boîte à Livres | Librairie des Halles | Bulles et Pages
Le Marque-Page | Librairie de la Vieille Ville | Librairie {surname} | Les Mots Passants
La Plume et l'Encrier | Au Fil des Pages
""",
    "fleuriste": """
Fleurs {of_river} | L'Atelier Floral | Au Jardin {of_town} | Pétales et Compagnie
La Rose {demonym_f} | Un Jour une Fleur | Fleurs {surname} | Le Temps des Cerises
L'Herbier {of_town} | Côté Jardin
""",
    "restauration": """
Le Bistrot du Marché | La Table {of_town} | Crêperie des Remparts | Traiteur {surname}
Pizzeria Da Lorenzo | Le Comptoir {demonym} | L'Auberge des Bords {of_river}
Le Relais Gourmand | La Cuisine de {surname} | Chez {surname} | Le Petit Zinc
""",
    "artisanat": """
L'Atelier du Potier | Céramiques {of_town} | Vannerie du Val {of_river} | La Forge d'Art
Maroquinerie {surname} | Ébénisterie {surname} | Terres {of_river} | L'Établi
Atelier {surname} Céramiste | Le Fil d'Osier
""",
    "produits-frais": """
Au {region} Gourmand | Épicerie fine {of_town} | La Ferme des Quatre Vents | Fromagerie du Val
Le Rucher {of_town} | Cave des Coteaux | Chocolaterie {surname} | Boucherie {surname}
Les Saveurs {of_river} | Boulangerie {surname} | Le Panier {demonym} | La Cave {of_town}
Primeur {surname} | Maison {surname} Charcutier
""",
    "mode": """
Boutique Eugénie | L'Étoffe {of_town} | Chaussures {surname} | Le Dressing
Maille et Lin | Friperie des Halles | Maison {surname} | Les Petites Mains
Atelier Marinière | Le Vestiaire {of_town}
""",
    "maison": """
Maison et Tradition | L'Art de la Table | Le Grenier {of_town} | Linge de Maison {surname}
Déco et Patine | La Quincaillerie d'Antan | Le Comptoir des Bords {of_river}
Intérieurs {surname} | La Maison {of_town}
""",
    "culture": """
Le Disquaire {of_town} | La Galerie {surname} | Mercerie du Centre | Musique {surname}
L'Atelier des Arts | La Boîte à Musique | Le Fil et l'Aiguille | Galerie des Remparts
""",
    "beaute": """
Savonnerie {of_river} | L'Instant Beauté | Parfumerie {surname} | Herboristerie du Marché
La Savonnerie {of_town} | Les Secrets de {surname} | Naturellement Belle
""",
    "sport": """
Cycles {surname} | Loire Vélo Services | Le Coin du Pêcheur | {town} Sports
L'Échappée Belle | Randonnées et Découvertes | Atelier du Cycle | Le Vélo {demonym}
""",
}

# The farms, cheese makers and wine growers of a produce directory.
PRODUCER_PATTERNS = """
La Ferme des Quatre Vents | GAEC du Moulin | Chèvrerie de la Brenne | Le Rucher {of_town}
Domaine {surname} | Ferme {surname} | Les Vergers {of_town} | La Fromagerie {of_town}
EARL des Prés | Le Potager de {surname} | Ferme du Bois Joli | Élevage {surname}
La Ferme de la Vallée | Moulin {of_town} | Les Jardins {of_river}
"""

PRODUCE_SECTORS = ["produits-frais"] * 8 + ["fleuriste", "restauration"]
PRODUCER_LABELS = ["Producteur", "Ferme"]
PRODUCER_SENTENCE = "Fromages, miel, fruits et légumes de la ferme, vendus en direct."

# Partner labels for shop sectors, in the words shops/sectors.py recognises.
SECTOR_LABELS = {
    "jouets": ["Jouets", "Jeux"],
    "bijouterie": ["Bijouterie", "Horlogerie"],
    "librairie": ["Librairie", "Papeterie"],
    "fleuriste": ["Fleuriste", "Plantes"],
    "restauration": ["Restaurant", "Traiteur"],
    "artisanat": ["Artisanat", "Céramique"],
    "produits-frais": ["Épicerie", "Producteur"],
    "mode": ["Mode", "Chaussures"],
    "maison": ["Décoration", "Art de la table"],
    "culture": ["Culture", "Musique"],
    "beaute": ["Beauté", "Bien-être"],
    "sport": ["Sport", "Vélo"],
}

SURNAME_CELLS = """
Martin | Bernard | Petit | Moreau | Laurent | Lefèvre | Girard | Roux | Fournier
Mercier | Rousseau | Blanc | Guérin | Boucher | Chevalier | Lemoine | Perrin | Garnier
Renard | Colin | Picard | Gauthier | Masson | Marchand | Dumas | Leroux | Brunet
Chauvin | Pelletier | Charpentier | Tessier | Moulin | Berthier | Gaillard | Rivière
"""

# What names say of a département: its rivers, its people, its old province.
LOCAL_WORDS = {
    "18": {
        "rivers": ["du Cher", "de l'Yèvre", "de la Sauldre"],
        "demonym": ("Berrichon", "Berrichonne"),
        "region": "Berry",
    },
    "28": {
        "rivers": ["de l'Eure", "du Loir"],
        "demonym": ("Beauceron", "Beauceronne"),
        "region": "Perche",
    },
    "36": {
        "rivers": ["de l'Indre", "de la Creuse", "de la Brenne"],
        "demonym": ("Berrichon", "Berrichonne"),
        "region": "Berry",
    },
    "37": {
        "rivers": ["de la Loire", "du Cher", "de la Vienne", "de l'Indre"],
        "demonym": ("Tourangeau", "Tourangelle"),
        "region": "Val de Loire",
    },
    "41": {
        "rivers": ["de la Loire", "du Loir", "du Cher"],
        "demonym": ("Solognot", "Solognote"),
        "region": "Vendômois",
    },
    "45": {
        "rivers": ["de la Loire", "du Loing", "du Loiret"],
        "demonym": ("Orléanais", "Orléanaise"),
        "region": "Gâtinais",
    },
}

STREETS = """
rue Nationale | rue du Commerce | place du Marché | avenue de la Gare | rue Victor-Hugo
rue Jean-Jaurès | rue de la République | Grande Rue | rue des Halles | place de l'Église
rue du Château | rue Gambetta | rue Porte-Neuve | quai de la Loire | rue du Pont
rue Saint-Martin | boulevard Carnot | rue des Tanneurs | rue de Paris | place Jeanne-d'Arc
rue du Docteur-Roux | rue Nationale prolongée | rue de la Poste | avenue du Général-de-Gaulle
"""

RURAL_PLACES = """
lieu-dit Les Varennes | route de la Forêt | chemin des Vignes | lieu-dit La Bruère
route de Bourges | chemin du Moulin | lieu-dit Le Grand Champ | route des Étangs
"""

OPENING_HOURS = [
    "Mar.–Sam. 9h30–19h",
    "Lun.–Sam. 9h–12h30 et 14h–19h",
    "Mar.–Sam. 10h–12h30 et 14h30–19h",
    "Mer.–Dim. 10h–18h",
    "Mar.–Ven. 9h–12h30 et 14h–18h30, Sam. 9h–17h",
    "Lun. 14h–19h, Mar.–Sam. 9h30–19h",
]
RESTAURANT_HOURS = [
    "Mar.–Sam. 12h–14h et 19h–22h",
    "Lun.–Ven. 11h30–14h30",
    "Mer.–Dim. 12h–14h et 19h–21h30",
]
PRODUCER_HOURS = [
    "Vente à la ferme ven. 16h–19h et sam. 9h–12h",
    "Sam. 8h–12h30 au marché {of_town}",
    "Sur rendez-vous du lundi au samedi",
    "Mer. et sam. 9h–12h et 15h–18h",
]

PICKUP_INSTRUCTIONS = [
    "Retrait en boutique sous 2 h, à l'accueil.",
    "Commande prête le lendemain, à retirer au comptoir.",
    "Présentez votre numéro de commande en caisse.",
    "Retrait côté cour, sonnez à la porte de l'atelier.",
    "Commandes à retirer aux heures d'ouverture.",
]
PRODUCER_PICKUP = [
    "Retrait à la ferme, sonnez au portail.",
    "Retrait au stand du marché {of_town} le samedi matin.",
    "Retrait au point de vente collectif {of_town}.",
]

SHOP_SENTENCES = {
    "opening": [
        "{name} vous accueille au cœur {of_town} depuis {year}.",
        "Depuis {year}, {name} est une adresse de quartier {in_town}.",
        "{name} cultive le commerce de proximité {in_town} depuis {year}.",
    ],
    "producer": [
        "{name} produit et vend en direct {in_town} depuis {year}.",
        "Exploitation familiale installée {in_town} depuis {year}.",
    ],
    "service": [
        "Conseils personnalisés et emballage cadeau.",
        "Carte de fidélité et chèques cadeaux du commerce local acceptés.",
    ],
    "click_and_collect": ["Commandez en ligne et retirez en boutique."],
    "delivery": ["Livraison à domicile dans l'agglomération."],
}
SECTOR_SHOP_SENTENCES = {
    "jouets": "Jeux en bois, jeux de société et idées cadeaux pour tous les âges.",
    "bijouterie": "Bijoux de créateurs, réparations et gravures réalisées à l'atelier.",
    "librairie": "Romans, BD, jeunesse et auteurs de la région, commandés en 48 h.",
    "fleuriste": "Bouquets de saison, compositions et plantes de producteurs locaux.",
    "restauration": "Cuisine maison et produits de saison, sur place ou à emporter.",
    "artisanat": "Pièces façonnées à la main dans notre atelier, visites sur rendez-vous.",
    "produits-frais": "Fromages, vins, miels et spécialités de producteurs de la région.",
    "mode": "Prêt-à-porter, chaussures et accessoires de marques françaises.",
    "maison": "Linge de maison, art de la table et décoration.",
    "culture": "Disques, instruments, loisirs créatifs et expositions d'artistes locaux.",
    "beaute": "Cosmétiques naturels, savons et parfums fabriqués en France.",
    "sport": "Vélos, randonnée et pêche : vente, location et atelier de réparation.",
}


def split_cells(text: str) -> list[str]:
    return [cell.strip() for line in text.strip().splitlines() for cell in line.split("|")]


SHOP_NAME_PATTERNS = {sector: split_cells(text) for sector, text in NAME_PATTERNS.items()}
PRODUCER_NAME_PATTERNS = split_cells(PRODUCER_PATTERNS)
STREET_NAMES = split_cells(STREETS)
SURNAMES = split_cells(SURNAME_CELLS)
RURAL_ADDRESSES = split_cells(RURAL_PLACES)
