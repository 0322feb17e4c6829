"""The Content-Security-Policy allows the CDN's static files and the S3 media wherever the
settings link them (CDN_URL, MEDIA_STORAGE=s3): pages keep their scripts, styles and images."""

import pytest
from bs4 import BeautifulSoup

from portal.settings.content_policy import origin, with_asset_origins
from tests.portal.test_production_settings import PRODUCTION_ENV
from tests.portal.test_scale_out_settings import probe

POLICY_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({
    "site": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "admin": settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "media_file": storages["default"].url("images/miel.jpg"),
    "static_file": settings.STATIC_URL + "css/site.css",
}))
"""
CDN = "https://cdn.localdabord.fr"


@pytest.mark.parametrize(
    "media",
    [
        {"S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud"},
        {"S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud", "S3_CUSTOM_DOMAIN": "media.example.fr"},
        {"S3_REGION": "eu-west-3"},
    ],
    ids=["endpoint", "custom-domain", "aws-region"],
)
def test_the_policy_allows_the_cdn_and_the_s3_media_where_they_are_linked(media):
    env = {**PRODUCTION_ENV, "CDN_URL": CDN + "/", "MEDIA_STORAGE": "s3", "S3_BUCKET": "ldab"}
    found = probe("portal.settings.production", {**env, **media}, POLICY_PROBE)
    static_origin, media_origin = origin(found["static_file"]), origin(found["media_file"])
    assert static_origin == CDN
    for policy in (found["site"], found["admin"]):
        for directive in ("script-src", "style-src", "font-src", "img-src"):
            assert static_origin in policy[directive], directive
        assert media_origin in policy["img-src"] and media_origin in policy["media-src"]
    # Uploads are images, never scripts: the media's origin runs nothing.
    assert media_origin not in found["site"]["script-src"]
    assert found["site"]["script-src"][0] == "'self'"


def test_without_cdn_or_s3_the_policy_stays_self_only():
    found = probe("portal.settings.production", PRODUCTION_ENV, POLICY_PROBE)
    assert found["site"]["script-src"] == ["'self'"]
    assert found["site"]["style-src"] == ["'self'"]


def allowed(sources: list[str], url: str) -> bool:
    found = origin(url)
    return found is None and "'self'" in sources or found in sources


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.django_db
def test_every_asset_of_a_page_on_the_cdn_is_allowed_by_its_policy(client, home_page, settings):
    settings.STATIC_URL = f"{CDN}/static/"
    settings.MEDIA_URL = f"{CDN}/media/"
    settings.CONTENT_SECURITY_POLICY = with_asset_origins(
        settings.CONTENT_SECURITY_POLICY,
        settings.STATIC_URL,
        settings.MEDIA_URL,
        settings.STORAGES["default"],
    )
    response = client.get("/fr/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    page = BeautifulSoup(response.content, "html.parser")
    scripts = [tag["src"] for tag in page.select("script[src]")]
    styles = [tag["href"] for tag in page.select("link[rel~=stylesheet][href]")]
    assert any(url.startswith(CDN) for url in scripts + styles), "assets are linked on the CDN"
    assert [url for url in scripts if not allowed(policy["script-src"], url)] == []
    assert [url for url in styles if not allowed(policy["style-src"], url)] == []
    images = [tag["src"] for tag in page.select("img[src]")]
    assert [url for url in images if not allowed(policy["img-src"], url)] == []
