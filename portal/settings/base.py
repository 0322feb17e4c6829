"""Settings shared by every environment, each service read from the environment.

With no environment at all this is the embedded default of `make demo`: SQLite,
the database search backend, Celery tasks run eagerly, an in-memory cache.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .environment import env_bool, env_int, env_list, env_str
from .frontend_cache import frontend_cache_backends
from .search import configured_engine, database_search_options, search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "demo-only-secret-key-never-used-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "shops",
    "campaigns",
    "search",
    "pagecache",
    "merchants",
    "syndication",
    "opendata",
    "reporting",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_celery_beat",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so that shop pages it answers are counted too.
    "merchants.middleware.ShopViewCounter",
    "pagecache.middleware.PageCacheMiddleware",
    "pagecache.sites.SiteMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "portal.security_headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    # Plain-text emails: nothing to escape in text ("L'Atelier", not "L&#x27;Atelier").
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# --- Services -------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Each request is one transaction, so an index outbox row commits with the change it announces.
for _database in DATABASES.values():
    _database["ATOMIC_REQUESTS"] = True
    if _database["ENGINE"].endswith("sqlite3"):
        # The demo's page editor autosaves while its preview panel writes the preview's state:
        # transactions that start as readers then write fail at once with "database is locked"
        # (a 500 in the console); taking the write lock first makes the second one wait.
        _database.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)

# A read replica for listings and the search fallback (portal/replica.py), when there is one.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    # Only reads go there: no request transaction; the tests use the primary's connection.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.replica.ReplicaRouter"]
    MIDDLEWARE.append("portal.replica.ReplicaReadsMiddleware")

REDIS_URL = env_str("REDIS_URL")

if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis, for IGNORE_EXCEPTIONS: with Redis down every cache read is a
            # miss and every write is dropped (logged), so the site runs uncached instead of
            # failing; Wagtail itself reads the cache on every page (site root paths).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ldab"),
            "TIMEOUT": 300,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: Redis broker when REDIS_URL is set, otherwise tasks run eagerly in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task not acknowledged within this time is delivered again (must exceed the longest task).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "shops.tasks.import_marketplace": {"queue": "imports"},
    "shops.tasks.schedule_due_imports": {"queue": "imports"},
    "shops.tasks.fetch_images": {"queue": "images"},
    "search.tasks.*": {"queue": "indexing"},
    # Expiry and purge send the shoppers' emails.
    "merchants.tasks.*": {"queue": "mail"},
    "merchants.emails.*": {"queue": "mail"},
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "Europe/Paris"

SEARCH_ENGINE, SEARCH_URL = configured_engine()
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "ldab_")
# "auto": ask the Elasticsearch node whether it has the analysis module (search/analysis.py);
# "french" or "reduced" forces the mode.
SEARCH_ANALYSIS = env_str("SEARCH_ANALYSIS", "auto")
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_ENGINE, SEARCH_URL, SEARCH_INDEX_PREFIX, database_search_options(DATABASES["default"])
)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Local d'abord ! <ne-pas-repondre@localdabord.fr>"
)

# --- Languages ------------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_TZ = True

# --- Files ----------------------------------------------------------------------------

STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Local d'abord !"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "odt", "txt", "xlsx", "docx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# "Traduire cette page" makes the translated copy a draft: it is public in English only once
# its translator publishes it, never as French text on the English site (issue 17, item 4).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Security -------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp, through portal/security_headers.py). Our pages run only
# our own static files: no inline script, style attribute or <style>. JSON data blocks
# (<script type="application/ld+json">, json_script) are not executable, so the policy does not
# apply to them and they need no nonce. frame-ancestors is decided per response, from the
# clickjacking decorators (see portal/security_headers.py).
VIDEO_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Map tiles are the one outside image (static/js/site.js).
        "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# The Wagtail admin replaces the site's policy with this one rather than going without: it
# still writes inline scripts and style attributes, and shows images from anywhere (avatars,
# embed thumbnails). Scripts still come only from us; nothing frames it but itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# Requests per visitor's address (portal/rate_limits.py, in the shared cache) on the public search
# endpoints: the autocomplete asks at each keystroke, hence its higher rate.
SEARCH_RATE_LIMITS = {
    "search-api": env_str("SEARCH_API_RATE", "120/m"),
    "autocomplete": env_str("AUTOCOMPLETE_RATE", "600/m"),
    # People, not programs: a higher rate than the API's, counted only when a search runs.
    "search-page": env_str("SEARCH_PAGE_RATE", "240/m"),
    "search-widget": env_str("SEARCH_WIDGET_RATE", "240/m"),
}
# Behind a reverse proxy, the META key holding the visitor's address (e.g. HTTP_X_REAL_IP);
# unset, REMOTE_ADDR.
RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY") or None
# How many proxies of ours append to that header (X-Forwarded-For): the visitor is the entry
# that many from the right, never the client-written left end (portal/rate_limits.py).
RATELIMIT_TRUSTED_PROXIES = env_int("RATELIMIT_TRUSTED_PROXIES", 1)

# Admin avatars are never fetched from Gravatar: that would send a hash of each editor's address
# to a third party (and break the admin's image policy).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Browser features no page uses, refused for us and for the frames we embed.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's background tasks run inline; one line per task is noise.
        "django_tasks": {"level": "WARNING"},
        "kombu.connection": {"level": "ERROR"},
    },
}

# --- Catalogue ------------------------------------------------------------------------

# Feeds are read with these limits so that a hanging partner never blocks the others.
FEED_CONNECT_TIMEOUT = env_int("FEED_CONNECT_TIMEOUT", 10)
FEED_READ_TIMEOUT = env_int("FEED_READ_TIMEOUT", 60)
FEED_MAX_SECONDS = env_int("FEED_MAX_SECONDS", 1800)
FEED_MAX_BYTES = env_int("FEED_MAX_BYTES", 4 * 1024**3)
# Partner URLs are fetched from public addresses only (shops/connectors/public_http.py);
# the test settings allow the loopback, where the tests serve feeds. Not read from the
# environment: no deployment should ever turn it on.
PARTNER_FETCH_ALLOW_LOOPBACK = False
# An import lock outlives its run's last heartbeat (every third of it) by at most this.
IMPORT_LOCK_SECONDS = env_int("IMPORT_LOCK_SECONDS", 120)
# First retry of a failed feed after this many seconds, doubling up to an hour.
IMPORT_RETRY_BACKOFF = env_int("IMPORT_RETRY_BACKOFF", 60)
# An email the SMTP server did not take is tried again after this, doubling up to 30 min.
MAIL_RETRY_BACKOFF = env_int("MAIL_RETRY_BACKOFF", 30)

CELERY_BEAT_SCHEDULE = {
    "drain-search-outbox": {"task": "search.tasks.drain_outbox", "schedule": 30.0},
    "flush-search-query-counts": {"task": "search.tasks.flush_query_counts", "schedule": 60.0},
    "expire-pickup-requests": {"task": "merchants.tasks.expire_pickups", "schedule": 600.0},
    "purge-shopper-data": {"task": "merchants.tasks.purge_shoppers", "schedule": 86400.0},
    "move-shop-page-views": {"task": "merchants.tasks.move_page_views", "schedule": 300.0},
    "move-partner-visits": {"task": "syndication.tasks.move_visit_counts", "schedule": 60.0},
    # Every morning, before newspapers and re-users fetch them.
    "export-open-data": {
        "task": "opendata.tasks.export_directory",
        "schedule": crontab(hour=4, minute=30),
    },
}

# The region's goal: 2,000 of its 6,000 shops on the portal.
REGION_SHOP_GOAL = env_int("REGION_SHOP_GOAL", 2000)
# A product price above this is a feed error (quarantined), not a real local product.
PRODUCT_MAX_PRICE = env_int("PRODUCT_MAX_PRICE", 50_000)
FETCH_PRODUCT_IMAGES = env_bool("FETCH_PRODUCT_IMAGES", True)
IMAGE_READ_TIMEOUT = env_int("IMAGE_READ_TIMEOUT", 15)
IMAGE_MAX_SECONDS = env_int("IMAGE_MAX_SECONDS", 30)

# --- Page cache -----------------------------------------------------------------------

# Anonymous page views are served from the cache (Redis when REDIS_URL is set) for this long,
# and a CDN may keep them as long (s-maxage); browsers keep them a minute. Publishing a page
# or importing a catalogue invalidates them at once (pagecache/signals.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# The costly parts of a page (frame, cards, JSON-LD) are cached as fragments under the same
# generation, for the renders the page cache cannot spare (pagecache/templatetags).
PAGE_CACHE_FRAGMENTS = env_bool("PAGE_CACHE_FRAGMENTS", True)
PAGE_CACHE_VIEWS = ["wagtail_serve", "shops:shop", "shops:product"]
# Never cached, whatever the view: the admins, APIs, documents and the merchants' own space.
PAGE_CACHE_EXCLUDED_PATHS = [
    r"^/healthz$",  # answers with the database down: no site lookup, nothing cached
    r"^/admin/",
    r"^/django-admin/",
    r"^/api/",
    r"^/documents/",
    r"^/[a-z]{2}/(espace-commercant|merchant-space|merchants?)/",
]
# Saving one of these (in the admin) shows on cached pages: menus, shops, towns, sectors.
PAGE_CACHE_INVALIDATING_MODELS = [
    "wagtailcore.Site",
    "home.SiteNavigation",
    "shops.Shop",
    "shops.Product",
    "shops.Town",
    "shops.Sector",
]
WAGTAILFRONTENDCACHE = frontend_cache_backends()
# --- Merchants ------------------------------------------------------------------------

# A pickup request the merchant has not answered within this delay expires, its stock released.
PICKUP_EXPIRY_HOURS = env_int("PICKUP_EXPIRY_HOURS", 48)
# Shoppers' names, emails and phones are erased this many days after their request closed.
SHOPPER_DATA_RETENTION_DAYS = env_int("SHOPPER_DATA_RETENTION_DAYS", 90)
# How far ahead a shopper may book a pickup slot.
PICKUP_MAX_DAYS_AHEAD = env_int("PICKUP_MAX_DAYS_AHEAD", 14)
MERCHANT_PHOTO_MAX_BYTES = env_int("MERCHANT_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
# Per-IP limits ("<requests>/<period>", portal/rate_limits.py) on sign-up, login and pickup
# requests.
MERCHANT_SIGNUP_RATE = env_str("MERCHANT_SIGNUP_RATE", "5/h")
MERCHANT_LOGIN_RATE = env_str("MERCHANT_LOGIN_RATE", "10/m")
PICKUP_REQUEST_RATE = env_str("PICKUP_REQUEST_RATE", "10/h")
# One-time login links are valid this long.
MERCHANT_LOGIN_LINK_SECONDS = env_int("MERCHANT_LOGIN_LINK_SECONDS", 15 * 60)
LOGIN_URL = "merchants:login"
