"""The HTML a newspaper pastes to embed a widget, the same from the guide page and from oEmbed.

`border:0` removes the browser's grey frame around an iframe; `embed.js` then sizes the frame
to its content.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from campaigns.models import SeasonalGuidePage


def widget_url(page) -> str:
    kind = "guide" if isinstance(page, SeasonalGuidePage) else "campaign"
    return reverse(f"syndication:{kind}_widget", kwargs={"pk": page.pk})


def embed_code(request, page, width: int | str = "100%", height: int = 480) -> SafeString:
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" '
        'data-ldab-widget style="border:0;max-width:100%"></iframe>'
        '<script src="{}" async></script>',
        request.build_absolute_uri(widget_url(page)),
        page.title,
        width,
        height,
        request.build_absolute_uri(static("syndication/embed.js")),
    )
