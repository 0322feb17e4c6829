"""Who gets what: every URL of the admin, the API and the merchant space, requested (GET) as
each role, against the least privilege each role should have.

The URLs come from the resolver (tests/portal/url_walk.py), so a new view is walked as soon as
it is routed; it must then be classified in EXPECTED below, or the walk fails and lists it.
"""

import fnmatch
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import Client

from tests.portal.url_walk import url_for, walked_routes

ROLES = ["anonymous", "merchant", "town_editor", "communications", "admin"]
EDITORS = {"town_editor", "communications", "admin"}
EVERYONE = set(ROLES)

# Which roles may get a page (200) from each group of URLs, by "namespace:name" pattern. The
# first matching line decides. Any role not listed must be refused: sent to the login page
# (anonymous), or denied (403, or Wagtail's redirect to the dashboard), or given a 404.
EXPECTED = [
    # Public pages of the admin: the login form and what it needs.
    ("wagtailadmin_login", EVERYONE),
    ("wagtailadmin_password_reset*", EVERYONE),
    ("wagtailadmin_sprite", EVERYONE),
    ("wagtailadmin_javascript_catalog", EVERYONE),
    # The merchant space: its login, one-time links and password reset are public; the rest
    # is the merchant's own (the walk's merchant has a shop; editors and admins have none).
    ("merchants:login", EVERYONE),
    ("merchants:request_link", EVERYONE),
    ("merchants:login_link", EVERYONE),
    ("merchants:password_reset*", EVERYONE),
    ("merchants:*", {"merchant"}),
    # Moderation of merchants' applications; partners and short links; the region's figures.
    ("merchants_*", {"admin"}),
    ("wagtailsnippets_syndication_*", {"admin"}),
    # Partners and short links are public facts: any editor may pick one.
    ("wagtailsnippetchoosers_syndication_*", EDITORS),
    ("reporting_*", {"admin", "communications"}),
    # The public API.
    ("search_api:*", EVERYONE),
    ("shops_api:*", EVERYONE),
    # Only the administrators: settings, people, sites, languages, workflows, collections.
    ("wagtailusers_users:*", {"admin"}),
    ("wagtailusers_groups:*", {"admin"}),
    ("wagtailsites:*", {"admin"}),
    ("wagtaillocales:*", {"admin"}),
    ("wagtailsettings:*", {"admin"}),
    # Wagtail serves its task chooser (names of review tasks) to every editor who may be
    # asked to pick one; managing workflows stays with the administrators.
    ("wagtailadmin_workflows:task_chooser*", EDITORS),
    ("wagtailadmin_workflows:*", {"admin"}),
    ("wagtailadmin_collections:*", {"admin"}),
    ("wagtailadmin_error_test", {"admin"}),
    # Unnamed: Wagtail's test 404 page and the admin's catch-all 404.
    ("admin/test404/", EDITORS),
    ("admin/^.*/$", set()),
    # Shops and products: the communications team finds and corrects them, never adds,
    # copies or deletes one. The imports and the search tuning: administrators only (merchants
    # have their own space, never the admin).
    ("wagtailsnippets_shops_shop:add", {"admin"}),
    ("wagtailsnippets_shops_product:add", {"admin"}),
    ("wagtailsnippets_shops_*:copy", {"admin"}),
    ("wagtailsnippets_shops_*:delete*", {"admin"}),
    ("wagtailsnippets_shops_shop:*", {"admin", "communications"}),
    ("wagtailsnippets_shops_product:*", {"admin", "communications"}),
    ("wagtailsnippets_shops_*", {"admin"}),
    # Choosers of what pages show (shops, products, towns, sectors, marketplaces): every
    # editor; of the imports' and search's internals: nobody but the administrators.
    ("wagtailsnippetchoosers_shops_importrun:*", {"admin"}),
    ("wagtailsnippetchoosers_shops_quarantinedrecord:*", {"admin"}),
    ("wagtailsnippetchoosers_shops_mergeproposal:*", {"admin"}),
    ("wagtailsnippetchoosers_shops_*", EDITORS),
    ("wagtailsnippets_search_*", {"admin"}),
    ("wagtailsnippetchoosers_search_*", {"admin"}),
    ("shops_*", {"admin"}),
    ("search_top_queries*", {"admin"}),
    ("search_zero_result_queries*", {"admin"}),
    ("search_rejected_documents*", {"admin"}),
    # The site's navigation: the communications team.
    ("wagtailsnippets_home_sitenavigation:*", {"admin", "communications"}),
    ("wagtailsnippetchoosers_home_*", {"admin", "communications", "town_editor"}),
    ("wagtailsnippets:*", EDITORS),
    # Redirects: the communications team.
    ("wagtailredirects:*", {"admin", "communications"}),
    # Pages, images, documents, translations, reports: every editor, each within their pages
    # (a town editor's walk uses their own town's page; the other town is checked below).
    ("wagtailadmin_pages:*", EDITORS),
    ("wagtailadmin_explore*", EDITORS),
    ("wagtailadmin_choose_page*", EDITORS),
    ("wagtailadmin_home", EDITORS),
    ("wagtailadmin_account", EDITORS),
    ("wagtailadmin_dismissibles", EDITORS),
    ("wagtailadmin_tag_*", EDITORS),
    ("wagtailadmin_block_preview", EDITORS),
    ("wagtailadmin_editing_sessions:*", EDITORS),
    ("wagtailadmin_api:*", EDITORS),
    ("wagtailadmin_reports:*", EDITORS),
    ("wagtail_bulk_action", EDITORS),
    ("wagtailadmin_logout", EDITORS),
    ("wagtailimages*", EDITORS),
    ("wagtaildocs*", EDITORS),
    ("wagtailembeds:*", EDITORS),
    ("wagtailforms:*", EDITORS),
    ("wagtail_localize:*", EDITORS),
]


# The walk is not vacuous: each role is served at least this many pages.
MINIMUM_SERVED = {
    "anonymous": 10,
    "merchant": 10,
    "town_editor": 40,
    "communications": 50,
    "admin": 200,
}

NOT_WALKED = {
    # Raises on purpose, to test error reporting: a 500 for anyone allowed in the admin.
    "wagtailadmin_error_test",
    # Ends the walker's session (Wagtail logs out on GET too).
    "wagtailadmin_logout",
}


def expected_roles(route):
    key = route.name or route.pattern
    for pattern, roles in EXPECTED:
        if key == pattern or fnmatch.fnmatchcase(key, pattern):
            return roles
    return None


def outcome(response) -> str:
    """A response as the walk sees it: ok, login, denied, missing, or another status."""
    if response.status_code == 200:
        return "ok"
    if response.status_code in (301, 302):
        path = urlsplit(response["Location"]).path
        if "/login/" in path:
            return "login"
        if path.rstrip("/") == "/admin":
            return "denied"  # Wagtail's permission_denied: back to the dashboard, with a message
        return "redirect"
    return {403: "denied", 404: "missing", 405: "method", 400: "bad"}.get(
        response.status_code, str(response.status_code)
    )


@pytest.fixture
def world(db):
    """One small world per role, in the test's transaction: a module-wide transaction would
    stay open across pytest-django's reordering of transactional tests."""
    return build_world()


def build_world() -> dict:
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, Locale, Site

    from campaigns.demo import build_demo_pages
    from campaigns.permissions import ensure_communications_group, ensure_town_editor_group
    from merchants.factories import MerchantAccountFactory
    from merchants.models import MERCHANTS_GROUP
    from shops.factories import MarketplaceFactory, ProductFactory, ShopFactory, town

    built = build_demo_pages()
    own_town, other_town = built["towns"][0], built["towns"][1]
    shop = ShopFactory(town=town("37261"))
    ProductFactory(shop=shop)
    MarketplaceFactory()
    image = Image.objects.order_by("pk").first()
    redirect = Redirect.objects.create(old_path="/ancien-chemin", redirect_link="/fr/")

    users = {}
    model = get_user_model()
    users["merchant"] = model.objects.create_user("merchant", "m@example.org", "pw-merchant")
    merchants, _ = Group.objects.get_or_create(name=MERCHANTS_GROUP)
    users["merchant"].groups.add(merchants)
    MerchantAccountFactory(user=users["merchant"])
    users["town_editor"] = model.objects.create_user("town", "t@example.org", "pw-town")
    users["town_editor"].groups.add(ensure_town_editor_group(own_town))
    users["communications"] = model.objects.create_user("com", "c@example.org", "pw-com")
    users["communications"].groups.add(ensure_communications_group())
    users["admin"] = model.objects.create_superuser("root", "r@example.org", "pw-root")
    # A user for the users' views to show: not the walker itself, so logout and self-edit stay.
    someone = model.objects.create_user("someone", "s@example.org", "pw-someone")
    assert not Permission.objects.filter(group__name="Commerçants", codename="access_admin")

    ensure_page_index()
    document = Document.objects.create(
        title="Charte",
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"Charte des commerces", name="charte.txt"),
    )
    revision = own_town.save_revision()
    site = Site.objects.get(is_default_site=True)
    return {
        "users": users,
        "own_town": own_town,
        "other_town": other_town,
        "by_namespace": {
            "wagtailadmin_pages": own_town,
            "wagtailimages": image,
            "wagtailimages_chooser": image,
            "wagtaildocs": document,
            "wagtaildocs_chooser": document,
            "wagtailusers_users": someone,
            "wagtailusers_groups": merchants,
            "wagtailsites": site,
            "wagtaillocales": Locale.objects.get(language_code="en"),
            "wagtailredirects": redirect,
            "wagtailadmin_collections": Collection.get_first_root_node(),
            "wagtailforms": own_town,
        },
        "by_parameter": {
            "page_id": own_town.pk,
            "parent_page_id": own_town.get_parent().pk,
            "page_to_move_id": own_town.pk,
            "destination_id": own_town.get_parent().pk,
            "page_pk": own_town.pk,
            "image_id": image.pk,
            "document_id": document.pk,
            "doc_id": document.pk,
            "redirect_id": redirect.pk,
            "revision_id": revision.pk,
            "revision_id_a": revision.pk,
            "revision_id_b": revision.pk,
            "collection_id": Collection.get_first_root_node().pk,
            "app_label": "wagtailcore",
            "model_name": "page",
            "app_name": "home",
            "content_type_app_name": "campaigns",
            "content_type_model_name": "townpage",
            "action_name": "move",
            "action": "move",
            "filter_spec": "original",
            "mode": "default",
            "uidb64": "MQ",
            "token": "invalid-token",
        },
    }


def ensure_page_index():
    """The admin's page search reads the engine's page index, which exists in production."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if hasattr(backend, "es"):
        index = backend.get_index_for_model(Page)
        if not index.exists():
            index.reset()
            index.add_model(Page)


def client_for(role: str, world: dict) -> Client:
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def test_every_walked_url_is_classified():
    unlisted = [
        f"{r.name or '(unnamed)'}  {r.pattern}"
        for r in walked_routes()
        if expected_roles(r) is None
    ]
    assert unlisted == [], "Classify these URLs in EXPECTED:\n" + "\n".join(unlisted)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_only_what_it_may(role, world):
    client = client_for(role, world)
    wrong, unbuilt, served = [], [], 0
    for route in walked_routes():
        if route.name in NOT_WALKED:
            continue
        roles = expected_roles(route)
        if roles is None:
            continue  # reported by test_every_walked_url_is_classified
        url = url_for(route, world)
        if url is None:
            unbuilt.append(route.name)
            continue
        got = outcome(client.get(url))
        served += got == "ok"
        if got == "ok" and role not in roles:
            wrong.append(f"{url} ({route.name}): {role} got a page, not allowed")
        elif (
            got not in ("ok", "login")
            and role == "anonymous"
            and route.pattern.startswith("admin/")
            and role not in roles
        ):
            wrong.append(f"{url} ({route.name}): anonymous got {got}, expected the login page")
        elif got.isdigit() and int(got) >= 500:
            wrong.append(f"{url} ({route.name}): {got}")
    assert wrong == [], "\n".join(wrong)
    assert unbuilt == [], f"URLs the walk could not build: {unbuilt}"
    # The walk is not vacuous: each role reaches what it is meant to reach.
    assert served >= MINIMUM_SERVED[role]


def test_a_town_editor_reaches_no_page_view_of_another_town(world):
    """The walk above uses the editor's own town; here every page view gets the other one."""
    other = world["other_town"]
    elsewhere = {
        **world,
        "by_namespace": {**world["by_namespace"], "wagtailadmin_pages": other},
        "by_parameter": {
            **world["by_parameter"],
            "page_id": other.pk,
            "page_pk": other.pk,
            "page_to_move_id": other.pk,
            "revision_id": other.save_revision().pk,
        },
    }
    client = client_for("town_editor", world)
    own = client.get(url_for(route_named("wagtailadmin_pages:edit"), world))
    assert outcome(own) == "ok"  # the same editor does edit their own town
    served = []
    for route in walked_routes():
        if route.name.startswith("wagtailadmin_pages:") and route.name not in READABLE_BY_EDITORS:
            url = url_for(route, elsewhere)
            if outcome(client.get(url)) == "ok":
                served.append(f"{url} ({route.name})")
    assert served == [], "\n".join(served)


# Page views Wagtail opens to every editor whatever the page: listing and previewing what is
# published anyway, and the usage and history that list no content.
READABLE_BY_EDITORS = {
    # Not about one page: the page-type chooser, the admin search, the page-type usage.
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
    # Wagtail shows these confirmation pages on GET without a permission check (titles only);
    # the POST that acts checks the permission (tested in tests/campaigns/test_permissions.py
    # for edits and publication).
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:confirm_workflow_cancellation",
}


def route_named(name):
    return next(route for route in walked_routes() if route.name == name)
