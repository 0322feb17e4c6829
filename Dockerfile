# The one image of every process: web (gunicorn), Celery workers and beat.
# Built by deploy/docker-compose.yml; see docs/deployment.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production

# gettext: compilemessages; libpq is bundled by psycopg[binary].
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app --uid 1000 ldab

WORKDIR /app
COPY pyproject.toml README.md ./
COPY --chown=ldab:ldab . .
RUN pip install --upgrade pip && pip install '.[elasticsearch]' gunicorn

# Build-time settings only: production refuses to start without real ones.
RUN SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    REDIS_URL=redis://build:6379/0 SEARCH_ENGINE=database SITE_URL=https://build.invalid \
    python manage.py compilemessages --ignore='.venv/*' \
    && SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    REDIS_URL=redis://build:6379/0 SEARCH_ENGINE=database SITE_URL=https://build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R ldab:ldab /app/var /app/locale

USER ldab
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--timeout", "30", "--access-logfile", "-"]
