"""Making sure a database has the site's skeleton: locales, the home page in both languages.

Idempotent, so `make demo`, a fresh production database and the tests share it.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLES = {"fr": "Local d'abord !", "en": "Local d'abord!"}
HOME_INTROS = {
    "fr": "<p>Achetez chez les commerçants du Centre-Val de Loire : trouvez une boutique, "
    "réservez en ligne, retirez en magasin.</p>",
    "en": "<p>Shop from the independent retailers of Centre-Val de Loire: find a shop, "
    "reserve online, collect in store.</p>",
}


@transaction.atomic
def ensure_site(hostname: str = "localhost", port: int = 80) -> HomePage:
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
    return home
