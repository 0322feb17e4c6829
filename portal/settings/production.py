"""Production: every service is required from the environment; no silent demo fallback."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ADMIN_CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY,
    MEDIA_URL,
    MIDDLEWARE,
    SEARCH_ENGINE,
    STATIC_URL,
)
from .content_policy import with_asset_origins
from .environment import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [env_required("ALLOWED_HOSTS")]
env_required("DATABASE_URL")
env_required("REDIS_URL")
# The database search backend is a valid production choice, but only when chosen explicitly.
env_required("SEARCH_ENGINE")
if SEARCH_ENGINE != "database":
    env_required("SEARCH_URL")

# Static files straight from the app servers, compressed and cached for ever (hashed names).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
WAGTAILADMIN_BASE_URL = env_required("SITE_URL")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# --- Scale-out: shared media, CDN (docs/deployment.md) ---------------------------------

# Several web nodes and workers share one media store: S3-compatible object storage
# (AWS, Scaleway, OVH, MinIO...) through django-storages. "local" keeps MEDIA_ROOT (one host).
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_required("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            # Served through the CDN or the bucket's public domain, never signed URLs:
            # product and shop images are public and must be cacheable.
            "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3")

# A CDN in front: static files (hashed names, cached for ever) are fetched from it.
CDN_URL = env_str("CDN_URL").rstrip("/")
if CDN_URL:
    STATIC_URL = f"{CDN_URL}{STATIC_URL}"
    MEDIA_URL = f"{CDN_URL}/media/" if MEDIA_STORAGE == "local" else MEDIA_URL

# The policy allows what the two blocks above moved off the site (settings/content_policy.py).
CONTENT_SECURITY_POLICY = with_asset_origins(
    CONTENT_SECURITY_POLICY, STATIC_URL, MEDIA_URL, STORAGES["default"]
)
ADMIN_CONTENT_SECURITY_POLICY = with_asset_origins(
    ADMIN_CONTENT_SECURITY_POLICY, STATIC_URL, MEDIA_URL, STORAGES["default"]
)
