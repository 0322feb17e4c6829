"""Every answer carries the security headers; only views marked for framing may be framed."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


PUBLIC_URLS = ["/fr/", "/fr/recherche/?q=pain", "/api/search/?q=pain", "/healthz"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_pages_api_and_health_carry_the_security_headers(client, home_page, url):
    response = client.get(url)
    assert response.status_code in (200, 503), url  # /healthz says 503 when a service is down
    policy = directives(response)
    for kind in ("script-src", "style-src"):
        assert policy[kind] == ["'self'"], kind
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_map_tiles_are_the_only_outside_images(client, home_page):
    policy = directives(client.get("/fr/"))
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


def test_a_view_marked_for_framing_may_be_framed_by_anyone(client, settings):
    settings.ROOT_URLCONF = "tests.portal.framing_urls"
    response = client.get("/test-widget/")
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response
    # Framing is the only relaxation: the rest of the policy stays.
    assert directives(response)["script-src"] == ["'self'"]


def test_a_same_origin_view_may_be_framed_by_our_pages_only(client, settings):
    settings.ROOT_URLCONF = "tests.portal.framing_urls"
    response = client.get("/test-same-origin/")
    assert directives(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_other_views_of_the_same_urlconf_still_refuse_framing(client, settings, home_page):
    settings.ROOT_URLCONF = "tests.portal.framing_urls"
    response = client.get("/fr/")
    assert directives(response)["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_has_its_own_policy_and_is_never_framed_by_others(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's admin writes inline scripts; scripts still come from us only.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] in (["'none'"], ["'self'"])
    assert policy["object-src"] == ["'none'"]


def test_production_adds_hsts(client, settings, home_page):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/fr/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_a_form_posted_without_its_csrf_token_is_refused(db, home_page):
    from django.contrib.auth import get_user_model
    from django.test import Client

    get_user_model().objects.create_superuser("root", "root@example.org", "pw-root-csrf")
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/admin/login/", {"username": "root", "password": "pw-root-csrf"})
    assert refused.status_code == 403
    form = client.get("/admin/login/")
    accepted = client.post(
        "/admin/login/",
        {
            "username": "root",
            "password": "pw-root-csrf",
            "csrfmiddlewaretoken": form.context["csrf_token"],
        },
    )
    assert accepted.status_code == 302
