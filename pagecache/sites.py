"""Wagtail's site of a request and its home page, kept per process under the generation.

Wagtail looks the site up by host name on every request, then loads its home page: two
queries and much ORM work before routing starts, for data that changes only when an editor
edits a site or publishes the home page. Both bump the page cache's generation, so the site
found is kept until the generation changes. Wagtail reads the site of a request from
`request._wagtail_site` when it is set (Site.find_for_request).
"""

from django.conf import settings
from wagtail.models import Site

from .generation import request_generation
from .policy import excluded_path

# The sites found by host name, for the generation they were found under.
_sites: dict[str, Site | None] = {}
_sites_generation: str | None = None


def site_for(request) -> Site | None:
    global _sites_generation  # noqa: PLW0603 — one table per process, reset by the generation
    generation = request_generation(request)
    if generation is None:  # Redis unreachable: nothing to tell a stale site by
        return Site.find_for_request(request)
    if generation != _sites_generation:
        _sites.clear()
        _sites_generation = generation
    host = request.get_host()
    if host not in _sites:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific  # what routing starts from
        _sites[host] = site
    return _sites[host]


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The admins, the APIs and the merchants' space read no page: no Redis round trip.
        if settings.PAGE_CACHE_FRAGMENTS and not excluded_path(request.path_info):
            request._wagtail_site = site_for(request)
        return self.get_response(request)
