"""Making sure a database has the site's skeleton: locales, the home page in both languages, the
section indexes, the menus and footer, the editors' groups and review workflow.

Idempotent, so `make demo`, a fresh production database and the tests share it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from campaigns.permissions import ensure_communications_group, ensure_review_workflow
from campaigns.structure import ensure_sections
from campaigns.translation import translate

from .models import HomePage, SiteNavigation

HOME_TITLES = {"fr": "Local d'abord !", "en": "Local d'abord!"}
HOME_INTROS = {
    "fr": "<p>Achetez chez les commerçants du Centre-Val de Loire : trouvez une boutique, "
    "réservez en ligne, retirez en magasin.</p>",
    "en": "<p>Shop from the independent retailers of Centre-Val de Loire: find a shop, "
    "reserve online, collect in store.</p>",
}


@transaction.atomic
def ensure_site(
    hostname: str = "localhost", port: int = 80, *, with_sections: bool = True
) -> HomePage:
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    home = HomePage.objects.filter(locale=locales["fr"]).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own placeholder page gives way to ours.
        for placeholder in root.get_children().filter(depth=2).exact_type(Page):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLES["fr"],
                slug="accueil",
                intro=HOME_INTROS["fr"],
                locale=locales["fr"],
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Local d'abord !",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    english = home.get_translations().filter(locale=locales["en"]).first()
    if english is None:
        english = home.copy_for_translation(locales["en"])
        english.title = HOME_TITLES["en"]
        english.intro = HOME_INTROS["en"]
        english.save_revision().publish()
    ensure_communications_group()
    ensure_review_workflow([home, english])
    if with_sections:
        ensure_navigation(ensure_sections(home).values(), locales)
    return home


FOOTER_TEXT = {
    "fr": "<p>Une initiative de la Région Centre-Val de Loire pour soutenir ses commerces.</p>",
    "en": "<p>An initiative of the Centre-Val de Loire Region in support of its shops.</p>",
}


def serve_site_at(root_url: str) -> Site:
    """Point the default Site at the address the site is really served on.

    Wagtail builds absolute links (canonical, hreflang, the language switch, sitemaps) from the
    Site's hostname and port, never from the request's Host header; a Site left at
    localhost:80 sends a visitor of http://127.0.0.1:8000 to an address that does not answer.
    """
    address = urlsplit(root_url)
    if not address.hostname:
        raise ValueError(f"not an absolute URL: {root_url!r}")
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (address.hostname, port):
        site.hostname, site.port = address.hostname, port
        site.save()
    return site


def ensure_navigation(section_pages, locales) -> SiteNavigation:
    """The main menu lists the sections; the English menu is a wagtail-localize translation."""
    navigation = SiteNavigation.objects.filter(locale=locales["fr"]).first()
    if navigation is None:
        links = [("link", {"page": page, "label": ""}) for page in section_pages]
        navigation = SiteNavigation.objects.create(
            locale=locales["fr"],
            main_menu=links,
            footer_links=links,
            footer_text=FOOTER_TEXT["fr"],
        )
    if not navigation.has_translation(locales["en"]):
        translate(
            navigation,
            "en",
            {FOOTER_TEXT["fr"][3:-4]: FOOTER_TEXT["en"][3:-4]},
        )
    return navigation
