"""The page cache on the real Redis: hits, invalidation by editors and imports, who is never
served from it, and the headers a CDN reads."""

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.cache import get_max_age

from campaigns.factories import TownPageFactory
from campaigns.structure import ensure_sections
from pagecache.generation import GENERATION_KEY, invalidate_pages
from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory, town
from shops.pipeline import run_import
from tests.conftest import requires_redis
from tests.shops.feeds import shop, write_native_feed

pytestmark = [pytest.mark.django_db, requires_redis]


@pytest.fixture
def page_cache(settings, fresh_generation):
    """The cache switched on, with a fresh generation so no earlier test's pages are served."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def town_page(home_page):
    from campaigns.models import TownIndexPage

    index = ensure_sections(home_page)[TownIndexPage]
    return TownPageFactory(parent=index, town=town(), title="Tours")


def test_pages_are_kept_in_redis(client, page_cache, home_page, settings):
    import redis

    client.get("/fr/")
    server = redis.Redis.from_url(settings.REDIS_URL)
    assert server.exists(cache.make_key(GENERATION_KEY))
    assert server.keys(cache.make_key("pagecache:page:*"))


def test_the_second_anonymous_request_is_a_hit(client, page_cache, town_page):
    first = client.get(town_page.url)
    second = client.get(town_page.url)
    assert first.status_code == second.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]
    assert get_max_age(second) == 60
    # The query string is part of the page (pagination, filters).
    assert client.get(town_page.url + "?page=2")["X-Page-Cache"] == "miss"


def test_a_hit_runs_no_sql_query(client, page_cache, town_page, django_assert_num_queries):
    client.get(town_page.url)
    with django_assert_num_queries(0):
        assert client.get(town_page.url)["X-Page-Cache"] == "hit"


def test_publishing_a_page_invalidates_it(
    client, page_cache, town_page, django_capture_on_commit_callbacks
):
    assert "Les commerces de la ville." in client.get(town_page.url).content.decode()
    assert client.get(town_page.url)["X-Page-Cache"] == "hit"
    town_page.intro = "<p>Nouvelle présentation de Tours.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        town_page.save_revision().publish()
    response = client.get(town_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle présentation de Tours." in response.content.decode()


def test_unpublishing_a_page_removes_it(
    client, page_cache, town_page, django_capture_on_commit_callbacks
):
    url = town_page.url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        town_page.unpublish()
    assert client.get(url).status_code == 404


def test_an_import_invalidates_the_listings(
    client, page_cache, town_page, tmp_path, django_capture_on_commit_callbacks
):
    assert "Librairie Le Chat qui Lit" not in client.get(town_page.url).content.decode()
    assert client.get(town_page.url)["X-Page-Cache"] == "hit"
    marketplace = MarketplaceFactory(slug="tours-shopping", feed_format="native_json")
    feed = write_native_feed(tmp_path / "feed.json", [shop()], [])
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(marketplace, path=feed)
    assert run.created == 1
    response = client.get(town_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Librairie Le Chat qui Lit" in response.content.decode()


def test_an_unchanged_import_keeps_the_cache(
    client, page_cache, town_page, tmp_path, django_capture_on_commit_callbacks
):
    marketplace = MarketplaceFactory(slug="tours-shopping", feed_format="native_json")
    feed = write_native_feed(tmp_path / "feed.json", [shop()], [])
    with django_capture_on_commit_callbacks(execute=True):
        run_import(marketplace, path=feed)
    client.get(town_page.url)
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(marketplace, path=feed)
    assert run.unchanged == 1
    assert client.get(town_page.url)["X-Page-Cache"] == "hit"


def test_logged_in_users_never_get_a_cached_page(client, page_cache, town_page):
    client.get(town_page.url)
    assert client.get(town_page.url)["X-Page-Cache"] == "hit"
    user = get_user_model().objects.create_user("lecteur", "lecteur@example.org", "secret")
    client.force_login(user)
    for _ in range(2):
        response = client.get(town_page.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]
    client.logout()
    # Nothing the logged-in visitor saw was stored for the others.
    assert client.get(town_page.url)["X-Page-Cache"] == "hit"


def test_each_language_has_its_own_page(client, page_cache, home_page):
    french, english = client.get("/fr/"), client.get("/en/")
    assert french["X-Page-Cache"] == english["X-Page-Cache"] == "miss"
    french, english = client.get("/fr/"), client.get("/en/")
    assert french["X-Page-Cache"] == english["X-Page-Cache"] == "hit"
    assert '<html lang="fr">' in french.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert 'aria-label="Menu principal"' in french.content.decode()
    assert 'aria-label="Menu principal"' not in english.content.decode()


def test_each_host_has_its_own_page(client, page_cache, home_page):
    client.get("/fr/", HTTP_HOST="localhost")
    other = client.get("/fr/", HTTP_HOST="127.0.0.1")
    assert other["X-Page-Cache"] == "miss"
    assert "http://127.0.0.1/fr/" in other.content.decode()


def test_shop_and_product_pages_are_cached(
    client, page_cache, home_page, django_capture_on_commit_callbacks
):
    product = ProductFactory(shop=ShopFactory(name="Fromagerie du Marché"))
    shop_url, product_url = product.shop.get_absolute_url(), product.get_absolute_url()
    for url in (shop_url, product_url):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    # An editor's correction of a shop in the admin shows at once.
    product.shop.name = "Fromagerie des Halles"
    with django_capture_on_commit_callbacks(execute=True):
        product.shop.save()
    response = client.get(shop_url)
    assert response["X-Page-Cache"] == "miss" and "Fromagerie des Halles" in response.text


def test_what_is_never_cached(client, page_cache, home_page):
    # POST, the admin, the search page and API responses never come from the cache.
    assert "X-Page-Cache" not in client.post("/fr/")
    for url in ("/admin/login/", "/fr/recherche/?q=pain", "/api/search/?q=pain"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url
    # A visitor with a session (a page password, a message…) gets the page made for them.
    client.cookies["sessionid"] = "anything"
    response = client.get("/fr/")
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]


def test_a_response_setting_a_cookie_is_not_stored(client, page_cache, home_page, settings):
    # Django's language cookie, set by the view for this visitor.
    from django.http import HttpResponse
    from django.test import RequestFactory

    from pagecache.middleware import PageCacheMiddleware

    def view_setting_a_cookie(request):
        response = HttpResponse("<p>Bonjour</p>")
        response.set_cookie("choix", "1")
        return response

    request = RequestFactory().get("/fr/")
    from django.urls import resolve

    request.resolver_match = resolve("/fr/")
    middleware = PageCacheMiddleware(view_setting_a_cookie)
    assert "X-Page-Cache" not in middleware(request)
    request = RequestFactory().get("/fr/")
    request.resolver_match = resolve("/fr/")
    assert "X-Page-Cache" not in middleware(request)


def test_a_preview_is_never_stored(admin_client, page_cache, town_page):
    response = admin_client.get(f"/admin/pages/{town_page.pk}/edit/preview/")
    assert "X-Page-Cache" not in response


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 — the http.server API
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def purge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeHandler)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_publishing_purges_the_cdn(settings, town_page, django_capture_on_commit_callbacks):
    with purge_server() as server:
        settings.WAGTAILFRONTENDCACHE = {
            "http": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
            }
        }
        with django_capture_on_commit_callbacks(execute=True):
            town_page.save_revision().publish()
    assert ("localhost", town_page.url) in server.purged


def test_an_import_purges_the_listing_pages_from_the_cdn(
    settings, town_page, tmp_path, django_capture_on_commit_callbacks
):
    marketplace = MarketplaceFactory(slug="tours-shopping", feed_format="native_json")
    feed = write_native_feed(tmp_path / "feed.json", [shop()], [])
    with purge_server() as server:
        settings.WAGTAILFRONTENDCACHE = {
            "http": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
            }
        }
        with django_capture_on_commit_callbacks(execute=True):
            run_import(marketplace, path=feed)
    purged_paths = {path for _host, path in server.purged}
    assert town_page.url in purged_paths and "/fr/" in purged_paths


def test_no_cdn_configured_means_no_backend(monkeypatch):
    from portal.settings.frontend_cache import frontend_cache_backends

    for name in ("FRONTEND_CACHE_URL", "CLOUDFLARE_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert frontend_cache_backends() == {}
    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:6081")
    assert frontend_cache_backends()["http"]["LOCATION"] == "http://127.0.0.1:6081"


def test_a_password_protected_page_is_never_stored(client, page_cache, town_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=town_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get(town_page.url)
        assert response.status_code == 200  # the password form, with this visitor's CSRF token
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "Les commerces de la ville." not in response.content.decode()


def test_redis_down_costs_the_cache_never_the_page(client, settings, town_page):
    settings.PAGE_CACHE_ENABLED = True
    # The configured cache, pointed at a port where nothing listens.
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:9/0"}
    }
    response = client.get(town_page.url)
    assert response.status_code == 200
    assert client.get(town_page.url).status_code == 200
    invalidate_pages("publish while Redis is down")  # never raises
