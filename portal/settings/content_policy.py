"""The Content-Security-Policy's sources for files served from elsewhere than the site itself.

With `CDN_URL` the static files (our scripts, styles, fonts, icons) are linked on the CDN, and
with `MEDIA_STORAGE=s3` the media (product and shop images) on the bucket or its domain: a
policy allowing only 'self' would block every one of them. The origins are derived from the
same settings that build the URLs, so the two cannot drift apart.
"""

from urllib.parse import urlsplit

# Static files are code: they may be scripts and styles. Media are uploads: images and
# videos only, never scripts (an uploaded file must never run as one).
STATIC_DIRECTIVES = ("script-src", "style-src", "font-src", "img-src")
MEDIA_DIRECTIVES = ("img-src", "media-src")


def origin(url: str) -> str | None:
    """scheme://host[:port] of an absolute URL; None for a path on our own site."""
    parts = urlsplit(url if "//" in url else "")
    if not parts.netloc:
        return None
    return f"{parts.scheme or 'https'}://{parts.netloc}"


def s3_origins(options: dict) -> list[str]:
    """Where django-storages' S3Storage links its files, for these OPTIONS."""
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    bucket = options["bucket_name"]
    if options.get("endpoint_url"):
        endpoint = urlsplit(options["endpoint_url"])
        # Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key) addressing.
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    region = options.get("region_name")
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts += [f"{bucket}.s3.{region}.amazonaws.com", f"s3.{region}.amazonaws.com"]
    return [f"https://{host}" for host in hosts]


def with_asset_origins(policy: dict, static_url: str, media_url: str, storage: dict) -> dict:
    """A copy of a django-csp policy allowing where the static files and media are linked."""
    static = [found] if (found := origin(static_url)) else []
    media = [found] if (found := origin(media_url)) else []
    if storage.get("BACKEND") == "storages.backends.s3.S3Storage":
        media += s3_origins(storage["OPTIONS"])
    directives = {name: list(sources) for name, sources in policy["DIRECTIVES"].items()}
    for names, origins in ((STATIC_DIRECTIVES, static), (MEDIA_DIRECTIVES, media)):
        for name in names:
            sources = directives.setdefault(name, list(directives.get("default-src", ["'self'"])))
            sources += [found for found in origins if found not in sources]
    return {**policy, "DIRECTIVES": directives}
