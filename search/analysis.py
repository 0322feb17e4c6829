"""What the engine's text analysis can do, and the reduced form for a node that lacks it.

A production OpenSearch or Elasticsearch carries the analysis module: French elisions,
accents folded, light stemming, edge n-grams for autocomplete (portal/settings/search.py).
Elasticsearch's Maven distribution (the node `make test` runs, deploy/elasticsearch/) has only
the standard tokenizer and `lowercase`. On such a node the index is created with the reduced
analysis below, and the text the engine needs folded is folded here instead, at index time
(shadow fields of the documents, search/elasticsearch_backends.py) and at query time
(search/engine.py): accents and case, elided articles, a final -s/-x; autocomplete prefixes
are written into the document rather than made by an edge n-gram filter. Search works, with
less: no stemming beyond plurals, highlights only where the word is typed with its accents.
The mode is detected from the node, shown in /healthz and in the admin, so that a production
cluster is never run reduced without its operators knowing.
"""

import time

from django.conf import settings
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from .text import words

FRENCH = "french"
REDUCED = "reduced"

# Every analyzer the mapping and the queries name, as the standard tokenizer and lowercase: all
# a bare node has.
_PLAIN = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
_ANALYZERS = ("default", "autocomplete_search", "edgengram_analyzer", "ngram_analyzer")
REDUCED_INDEX_SETTINGS = {
    "settings": {"analysis": {"analyzer": {name: dict(_PLAIN) for name in _ANALYZERS}}}
}

# Per node (its hosts), for the process: the mode does not change while a node runs.
_modes: dict[str, tuple[str | None, float]] = {}
PROBE_AGAIN_SECONDS = 30

FOLDED_TEXT = "_folded"  # the shadow of Wagtail's `_all_text`, and `_folded_boost_N` of each boost
MAX_PREFIX = 15  # Wagtail's edge n-grams stop there too


def probe(backend) -> str | None:
    """FRENCH when the node has the filters the French analysis needs, REDUCED when it answers
    that it has not; None when it does not answer (ask again later)."""
    request = {"tokenizer": "standard", "filter": ["asciifolding", "elision"], "text": "l'été"}
    try:
        if getattr(backend, "use_new_elasticsearch_api", False):
            backend.es.indices.analyze(**request)
        else:
            backend.es.indices.analyze(body=request)
    except Exception as error:  # noqa: BLE001 — each client has its own error classes
        if "failed to find" in str(error):
            return REDUCED
        return None
    return FRENCH


def folded_terms(text: str) -> list[str]:
    """The words as the reduced index keeps them: folded, without elided articles, singular."""
    return [_singular(word) for word in words(text or "")]


def folded_text(text: str) -> str:
    return " ".join(folded_terms(text))


def prefixes(text: str) -> list[str]:
    """Each folded word's beginnings, what an edge n-gram filter would have indexed."""
    found = []
    for word in words(text or ""):
        found += [word[:length] for length in range(1, min(len(word), MAX_PREFIX) + 1)]
    return found


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def boost_suffix(boost) -> str:
    """Wagtail's name for a boost's copy of the text: 2 -> "_boost_2_0"."""
    return "_boost_" + str(float(boost)).replace(".", "_")


class ReducedAnalysisMixin:
    """Documents for a node without the analysis module: folded shadows of the text, and the
    autocomplete prefixes written out (search/py)."""

    def get_mapping(self):
        mapping = super().get_mapping()
        properties = mapping["properties"]
        # A shadow beside each of Wagtail's copies of the text (nested fields' boosts included).
        for name in [name for name in properties if name.startswith("_all_text")]:
            properties[name.replace("_all_text", FOLDED_TEXT)] = {"type": "text"}
        return mapping

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, AutocompleteField) and isinstance(value, str):
            value = " ".join(prefixes(value))
        return name, value, edgengrams

    def get_document(self, obj):
        doc = super().get_document(obj)
        doc["_edgengrams"] = [" ".join(prefixes(value)) for value in doc["_edgengrams"] if value]
        shadows: dict[str, list[str]] = {}
        for field, value in self._searchable_values(self.model.get_search_fields(), doc):
            suffix = boost_suffix(field.boost) if field.boost else ""
            shadows.setdefault(FOLDED_TEXT + suffix, []).append(folded_text(str(value)))
        # Wagtail copies a boosted field to `_all_text` too; so does the shadow.
        everything = [text for texts in shadows.values() for text in texts]
        doc.update(shadows)
        doc[FOLDED_TEXT] = everything
        return doc

    def _searchable_values(self, fields, doc):
        """(field, value) of every searchable text in the document, nested ones included."""
        for field in fields:
            if isinstance(field, RelatedFields):
                nested = doc.get(self.get_field_column_name(field))
                related = type(self)(field.get_field(self.model).related_model)
                for item in nested if isinstance(nested, list) else [nested]:
                    if isinstance(item, dict):
                        yield from related._searchable_values(field.fields, item)
            elif isinstance(field, SearchField):
                value = doc.get(self.get_field_column_name(field))
                for item in value if isinstance(value, list) else [value]:
                    if item not in (None, ""):
                        yield field, item


class AnalysisAwareMixin:
    """Detects once per backend whether the node can run the French analysis; on a node that
    cannot, indexes are created with the reduced analysis and documents carry folded shadows.
    SEARCH_ANALYSIS forces a mode ("french" or "reduced"); "auto" (the default) asks the node."""

    reduced_mapping_class = None
    _forced_mode: str | None = None

    def __init__(self, params):
        super().__init__(params)
        forced = getattr(settings, "SEARCH_ANALYSIS", "auto")
        if forced in (FRENCH, REDUCED):
            self._forced_mode = forced

    @property
    def analysis_mode(self) -> str | None:
        """FRENCH or REDUCED; None while the node has not answered (asked again after a while,
        not on every search)."""
        if self._forced_mode:
            return self._forced_mode
        key = repr(self.hosts)
        mode, asked_at = _modes.get(key, (None, 0.0))
        if mode is None and time.monotonic() - asked_at > PROBE_AGAIN_SECONDS:
            mode = probe(self)
            _modes[key] = (mode, time.monotonic())
        return mode

    @property
    def reduced_analysis(self) -> bool:
        return self.analysis_mode == REDUCED

    @property
    def settings(self):
        french = self.__dict__.get("_french_settings")
        if french is None:  # read by Wagtail's __init__ before it sets its own copy
            return next(
                klass.__dict__["settings"]
                for klass in type(self).__mro__
                if isinstance(klass.__dict__.get("settings"), dict)
            )
        if "es" not in self.__dict__:  # still in Wagtail's __init__: no client to ask yet
            return french
        return REDUCED_INDEX_SETTINGS if self.reduced_analysis else french

    @settings.setter
    def settings(self, value):
        self._french_settings = value

    @property
    def mapping_class(self):
        return self.reduced_mapping_class if self.reduced_analysis else self.full_mapping_class
