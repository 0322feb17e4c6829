"""The section indexes under each home page (campaigns, towns, guides, sectors), in French with
their English translations. Idempotent."""

from django.db import transaction
from wagtail.models import Locale

from .models import CampaignIndexPage, GuideIndexPage, SectorIndexPage, TownIndexPage
from .translation import translate

SECTIONS = [
    # model, French title and slug, English title and slug
    (CampaignIndexPage, "Campagnes", "campagnes", "Campaigns", "campaigns"),
    (TownIndexPage, "Villes à l'honneur", "villes", "Featured towns", "towns"),
    (GuideIndexPage, "Guides de saison", "guides", "Seasonal guides", "guides"),
    (SectorIndexPage, "Secteurs", "secteurs", "Sectors", "sectors"),
]


@transaction.atomic
def ensure_sections(home) -> dict:
    """The French index page of each section, keyed by model, created with its translation."""
    english = Locale.objects.get(language_code="en")
    sections = {}
    for model, title, slug, title_en, slug_en in SECTIONS:
        index = model.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
            index.save_revision().publish()
        if not index.has_translation(english):
            translate(index, "en", {title: title_en, slug: slug_en})
        sections[model] = index
    return sections
