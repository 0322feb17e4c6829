"""The native JSON feed's JSON Schema and an OpenAPI description of it, served to partners."""

import json
from functools import cache
from pathlib import Path

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

SCHEMA_PATH = Path(__file__).parent / "connectors" / "native_feed.schema.json"


@cache
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def openapi_document(schema_url: str) -> dict:
    """Partners publish the feed; the portal fetches it. This documents that contract."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Local d'abord ! — flux natif des places de marché",
            "version": load_schema().get("properties", {}).get("version", {}).get("const", "1.0"),
            "description": (
                "Format à publier par une place de marché partenaire sans plateforme "
                "(Shopify, WooCommerce, Google Merchant) : un document JSON listant ses "
                "commerces et leurs produits. Le portail le lit à l'adresse déclarée par le "
                "partenaire, selon sa planification. Licence : Licence Ouverte 2.0."
            ),
        },
        "paths": {
            "/votre-flux.json": {
                "get": {
                    "summary": "Flux publié par le partenaire et lu par le portail",
                    "responses": {
                        "200": {
                            "description": "Le flux complet",
                            "content": {"application/json": {"schema": {"$ref": schema_url}}},
                        }
                    },
                }
            }
        },
    }


@cache_control(public=True, max_age=3600)
def native_feed_schema(request):
    return JsonResponse(load_schema(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@cache_control(public=True, max_age=3600)
def native_feed_openapi(request):
    schema_url = request.build_absolute_uri(reverse("shops_api:native-feed-schema"))
    return JsonResponse(
        openapi_document(schema_url), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
