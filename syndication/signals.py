"""Publishing a guide or a campaign for the first time gives it its short link."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def give_short_link(sender, instance, **kwargs):
    from campaigns.models import CampaignPage, SeasonalGuidePage

    from .links import ensure_short_link

    if (
        isinstance(instance, CampaignPage | SeasonalGuidePage)
        and instance.locale.language_code == "fr"
    ):
        ensure_short_link(instance)
