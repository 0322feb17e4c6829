"""The one view of the editorial app outside Wagtail's page serving: guide permalinks."""

from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Locale

from .models import SeasonalGuidePage


def guide_permalink(request, pk):
    """/guide/<id>/ never changes: it leads to the guide's current address, in the language
    of the link when the guide is translated."""
    guide = get_object_or_404(SeasonalGuidePage.objects.live().public(), pk=pk)
    translated = (
        guide.get_translations(inclusive=True).live().filter(locale=Locale.get_active()).first()
    )
    return redirect((translated or guide).get_url(request))
