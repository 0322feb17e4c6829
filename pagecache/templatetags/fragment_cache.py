"""`{% fragmentcache NAME [vary_on ...] %}`: the costly parts of a page, cached in Redis.

The whole page is cached only for anonymous visitors and per address; a page rendered anyway
(a tracked link's utm parameters, a listing's filters, a logged-in editor or merchant, the
first visitor after an invalidation) reuses its fragments: the site's frame, a guide's cards,
its JSON-LD. A fragment must hold nothing that belongs to one visitor (no CSRF token, no
login). Its key varies on the page cache's generation, so whatever invalidates the pages
(publishing, an import, saving a menu or a shop) invalidates the fragments too, and on the
language and origin of the request; Wagtail's cache node leaves previews uncached.
"""

from django import template
from django.conf import settings
from django.template import Variable
from django.utils.translation import get_language
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from pagecache.generation import request_generation

register = template.Library()

IDENTITY_VAR = "fragment_cache_identity"
LIFETIME_VAR = "fragment_cache_seconds"


class FragmentCacheNode(WagtailCacheNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vary_on.append(Variable(IDENTITY_VAR))

    def render(self, context):
        request = context.get("request")
        if request is None or not settings.PAGE_CACHE_FRAGMENTS:
            return self.nodelist.render(context)
        identity = "|".join(
            (
                request_generation(request) or "",
                get_language() or "",
                request.scheme,
                request.get_host(),
            )
        )
        with context.update({IDENTITY_VAR: identity, LIFETIME_VAR: settings.PAGE_CACHE_SECONDS}):
            return super().render(context)


@register.tag("fragmentcache")
def do_fragment_cache(parser, token):
    nodelist = parser.parse(("endfragmentcache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragmentcache' needs a fragment name.")
    return FragmentCacheNode(
        nodelist,
        parser.compile_filter(LIFETIME_VAR),
        bits[1],
        [parser.compile_filter(bit) for bit in bits[2:]],
        None,
    )
