"""Which search engine Wagtail's search backends talk to, and how French text is analysed.

SEARCH_ENGINE selects opensearch, elasticsearch or database (the embedded default and
the fallback). The engine's index is never updated from a save signal: changes go
through the outbox (`search/outbox.py`), so a save never waits for, or fails with, the
engine.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env_int, env_str

# Wagtail's backends, with faster document building (search/engine_backends.py).
ENGINE_BACKENDS = {
    "opensearch": "search.engine_backends.OpenSearchBackend",
    "elasticsearch": "search.elasticsearch_backends.Elasticsearch9Backend",
    "elasticsearch8": "search.elasticsearch_backends.Elasticsearch8Backend",
    "database": "wagtail.search.backends.database",
}

FRENCH_ELISIONS = [
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
]

# French analysis for full-text fields: elisions ("l'atelier"), case, accents and light
# stemming ("fleurs" -> "fleur"). Typo tolerance is the query's fuzziness (search/engine.py).
# Editors' synonyms are expanded in the query (search/synonyms.py), not by a synonym filter:
# OpenSearch without its index-management plugin cannot reload a search analyzer
# (`_reload_search_analyzers` does not exist there), and expanding the query applies a new
# synonym at once on every engine and on the database fallback, with no re-index or close.
# Wagtail's own ngram analysers stay for autocomplete; `autocomplete_search` folds what the
# shopper types the way `edgengram_analyzer` folded the names.
FRENCH_INDEX_SETTINGS = {
    "settings": {
        "index": {"max_ngram_diff": 12},
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELISIONS,
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
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding"],
                },
                # Wagtail's own, with elisions removed first: "L'Épicerie" is found by "epic".
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "asciifolding", "lowercase", "edgengram"],
                },
            },
        },
    }
}


# Created by search/migrations/0005_french_text_search.py on PostgreSQL: French stemming,
# accents ignored. SQLite's full-text tokenizer already folds accents.
POSTGRES_TEXT_SEARCH_CONFIG = "french_unaccent"


def database_search_options(database: dict) -> dict:
    if "postgresql" in database["ENGINE"]:
        return {"SEARCH_CONFIG": POSTGRES_TEXT_SEARCH_CONFIG}
    return {}


def search_backends(engine: str, url: str, index_prefix: str, database_options=None) -> dict:
    try:
        backend = ENGINE_BACKENDS[engine]
    except KeyError as error:
        choices = ", ".join(sorted(ENGINE_BACKENDS))
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {choices}") from error
    database = {
        "BACKEND": ENGINE_BACKENDS["database"],
        "AUTO_UPDATE": False,
        **(database_options or {}),
    }
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
            "INDEX_SETTINGS": cluster_index_settings(FRENCH_INDEX_SETTINGS),
        },
        # Answers when the engine is unreachable (see search/service.py).
        "fallback": database,
    }


def configured_engine() -> tuple[str, str]:
    return env_str("SEARCH_ENGINE", "database").lower(), env_str("SEARCH_URL")


def cluster_index_settings(index_settings: dict) -> dict:
    """Shards and replicas of every index, from SEARCH_SHARDS and SEARCH_REPLICAS.

    Unset, the engine's defaults apply. A cluster of three nodes: 1 shard (the catalogue is
    small; see docs/deployment.md) and 1 or 2 replicas, so a node can die without a red index.
    """
    shards, replicas = env_int("SEARCH_SHARDS", 0), env_int("SEARCH_REPLICAS", -1)
    if not shards and replicas < 0:
        return index_settings
    index = dict(index_settings["settings"]["index"])
    if shards:
        index["number_of_shards"] = shards
    if replicas >= 0:
        index["number_of_replicas"] = replicas
    return {**index_settings, "settings": {**index_settings["settings"], "index": index}}
