"""Which search engine Wagtail's search backends talk to, and how French text is analysed.

SEARCH_ENGINE selects opensearch, elasticsearch or database (the embedded default and
the fallback). The engine's index is never updated from a save signal: changes go
through the outbox (`search/outbox.py`), so a save never waits for, or fails with, the
engine.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env_str

ENGINE_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "database": "wagtail.search.backends.database",
}

# French analysis for full-text fields: elisions ("l'atelier"), case, accents and light
# stemming ("fleurs" -> "fleur"). Wagtail's own ngram analysers stay for autocomplete.
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "index": {"max_ngram_diff": 12},
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                },
                "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "french_elision",
                        "lowercase",
                        "asciifolding",
                        "french_light_stemmer",
                    ],
                },
            },
        },
    }
}


def search_backends(engine: str, url: str, index_prefix: str) -> dict:
    try:
        backend = ENGINE_BACKENDS[engine]
    except KeyError as error:
        choices = ", ".join(sorted(ENGINE_BACKENDS))
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {choices}") from error
    database = {"BACKEND": ENGINE_BACKENDS["database"], "AUTO_UPDATE": False}
    if engine == "database":
        return {"default": database}
    if not url:
        raise ImproperlyConfigured(f"SEARCH_ENGINE={engine} needs SEARCH_URL")
    return {
        "default": {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": 5,
            "AUTO_UPDATE": False,
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
        },
        # Answers when the engine is unreachable (see search/service.py).
        "fallback": database,
    }


def configured_engine() -> tuple[str, str]:
    return env_str("SEARCH_ENGINE", "database").lower(), env_str("SEARCH_URL")
