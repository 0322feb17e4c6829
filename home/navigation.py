"""Menus, footer, breadcrumbs and language alternates, resolved in a fixed number of queries."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from .models import SiteNavigation


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str
    is_current: bool = False


def site_navigation(request, locale=None):
    """The menu and footer of the active language (falling back to French): at most 3 queries."""
    locale = locale or Locale.get_active()
    navigation = (
        SiteNavigation.objects.filter(locale=locale).first()
        or SiteNavigation.objects.filter(locale__language_code="fr").first()
    )
    if navigation is None:
        return {"main_menu": [], "footer_links": [], "footer_text": ""}
    streams = {"main_menu": navigation.main_menu, "footer_links": navigation.footer_links}
    raw_links = {
        name: [child["value"] for child in stream.raw_data] for name, stream in streams.items()
    }
    page_ids = {link["page"] for links in raw_links.values() for link in links}
    pages = Page.objects.filter(pk__in=page_ids).only("translation_key")
    # Editors may point at the French page: show its translation in the language being read.
    localized = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=[page.translation_key for page in pages], locale=locale)
        .only("id", "title", "url_path", "depth", "path", "translation_key")
    }
    key_by_id = {page.pk: page.translation_key for page in pages}
    current_path = request.path if request else ""

    def links(name):
        result = []
        for link in raw_links[name]:
            page = localized.get(key_by_id.get(link["page"]))
            if page is None:
                continue
            url = page.get_url(request)
            result.append(
                MenuLink(link.get("label") or page.title, url, current_path.startswith(url))
            )
        return result

    return {
        "main_menu": links("main_menu"),
        "footer_links": links("footer_links"),
        "footer_text": navigation.footer_text,
    }


def breadcrumbs(page, request=None):
    """The page's ancestors below the root, home first (one query)."""
    if page is None or page.depth <= 2:
        return []
    return [*page.get_ancestors().filter(depth__gte=2), page]


@dataclass(frozen=True)
class Alternate:
    language_code: str
    label: str
    url: str
    is_current: bool


def language_alternates(request, page=None):
    """Each language's version of what is shown: the page's live translations, else the same
    route in the other language (shop and product pages are not Wagtail pages)."""
    current = translation.get_language()
    alternates = []
    if page is not None and getattr(page, "pk", None):
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            code = translated.locale.language_code
            alternates.append(
                Alternate(
                    code, _language_name(code), translated.get_full_url(request), code == current
                )
            )
        return sorted(alternates, key=lambda alternate: alternate.language_code != "fr")
    for code, _name in settings.LANGUAGES:
        url = request.build_absolute_uri(translate_url(request.path, code))
        alternates.append(Alternate(code, _language_name(code), url, code == current))
    return alternates


def _language_name(code):
    return get_language_info(code)["name_local"]
