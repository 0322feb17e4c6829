"""The CDN in front of the portal, for Wagtail's frontend cache: purge backends from the env.

Wagtail purges a page's URLs when it is published or unpublished (and the page cache purges
the listing pages after an import). With none of these variables set there is no backend.
"""

from .environment import env_str


def frontend_cache_backends() -> dict:
    """FRONTEND_CACHE_URL for an HTTP PURGE backend (Varnish…), CLOUDFLARE_* for Cloudflare."""
    backends = {}
    if url := env_str("FRONTEND_CACHE_URL"):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    if token := env_str("CLOUDFLARE_API_TOKEN"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": token,
            "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        }
    return backends
