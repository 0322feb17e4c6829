"""The OpenAPI description of the search API, served at /api/search/openapi.json."""

from .query import KINDS, SORTS

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string", "description": "La valeur à passer en paramètre pour filtrer."},
        "label": {"type": "string"},
        "count": {"type": "integer"},
    },
}
DEGRADED = "Vrai quand le moteur est indisponible : les résultats peuvent être incomplets."
PLACE = {
    "type": ["object", "null"],
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
}
RESULT = {
    "type": "object",
    "required": ["type", "id", "title", "url", "town", "sector"],
    "properties": {
        "type": {"type": "string", "enum": list(KINDS)},
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "town": PLACE,
        "sector": {
            "type": ["object", "null"],
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
        },
        "price": {"type": ["string", "null"], "description": "En euros, produits seulement."},
        "marketplace": {"type": ["string", "null"]},
        "click_and_collect": {"type": ["boolean", "null"]},
        "highlight": {
            "type": "string",
            "description": "Le titre en HTML sûr, les mots trouvés entre <mark> et </mark>.",
        },
        "distance_km": {"type": ["number", "null"]},
    },
}


def parameter(name, description, schema=None):
    schema = schema or {"type": "string"}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def openapi_document(server: str) -> dict:
    facets = {
        name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
        for name in ("type", "town", "departement", "sector", "marketplace", "click_and_collect")
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Local d'abord ! — recherche",
            "version": "1.0",
            "description": (
                "Recherche dans les commerces, les produits et les pages du portail : les "
                "mêmes résultats, facettes et suggestions que la page de recherche. Aucune "
                "donnée personnelle n'est enregistrée."
            ),
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/search/": {
                "get": {
                    "summary": "Rechercher",
                    "parameters": [
                        parameter("q", "Les mots cherchés."),
                        parameter("town", "Code INSEE de la commune."),
                        parameter("departement", "Code du département (« 37 »)."),
                        parameter("sector", "Slug du secteur."),
                        parameter("marketplace", "Slug de la place de marché."),
                        parameter("click_and_collect", "1 : retrait en boutique seulement."),
                        parameter(
                            "type",
                            "Un seul type de résultat.",
                            {"type": "string", "enum": list(KINDS)},
                        ),
                        parameter(
                            "price_min", "Prix minimum en euros (produits).", {"type": "number"}
                        ),
                        parameter(
                            "price_max", "Prix maximum en euros (produits).", {"type": "number"}
                        ),
                        parameter(
                            "sort", "Ordre des résultats.", {"type": "string", "enum": list(SORTS)}
                        ),
                        parameter(
                            "near", "Code INSEE d'où mesurer les distances (par défaut : town)."
                        ),
                        parameter(
                            "page",
                            "Page de 20 résultats, de 1 à 50.",
                            {"type": "integer", "minimum": 1},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "Les résultats",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/SearchOutcome"}
                                }
                            },
                        },
                        "400": {"description": "Un paramètre invalide, nommé dans `errors`."},
                    },
                }
            },
            "/api/autocomplete/": {
                "get": {
                    "summary": "Compléter la saisie : communes, secteurs, commerces",
                    "parameters": [parameter("q", "Le début de la saisie (2 lettres au moins).")],
                    "responses": {"200": {"description": "Les propositions"}},
                }
            },
        },
        "components": {
            "schemas": {
                "FacetValue": FACET_VALUE,
                "SearchResult": RESULT,
                "SearchOutcome": {
                    "type": "object",
                    "required": ["count", "results", "facets"],
                    "properties": {
                        "count": {"type": "integer"},
                        "page": {"type": "integer"},
                        "num_pages": {"type": "integer"},
                        "results": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/SearchResult"},
                        },
                        "facets": {"type": "object", "properties": facets},
                        "price": {
                            "type": ["object", "null"],
                            "properties": {"min": {"type": "string"}, "max": {"type": "string"}},
                        },
                        "suggestions": {"type": "array", "items": {"type": "object"}},
                        "degraded": {
                            "type": "boolean",
                            "description": DEGRADED,
                        },
                    },
                },
            }
        },
    }
