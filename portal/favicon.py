"""`/favicon.ico`: browsers and feed readers ask for it at the site's root, whatever the pages link
to, so it is answered here from the file in static/ rather than left to a 404."""

from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ICON = settings.BASE_DIR / "static" / "favicon.ico"


@cache
def _icon() -> bytes:
    return ICON.read_bytes()


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    return HttpResponse(_icon(), content_type="image/vnd.microsoft.icon")
