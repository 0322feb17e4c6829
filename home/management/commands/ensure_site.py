"""Create the locales and the home page in French and English if they are missing."""

from django.core.management.base import BaseCommand

from home.site_setup import ensure_site


class Command(BaseCommand):
    help = "Create the site skeleton (locales, home page in both languages) if missing."

    def handle(self, **options):
        home = ensure_site()
        self.stdout.write(f"Site ready: home page {home.pk} ({home.url_path})")
