"""Load the demo: site skeleton, the demo partners' feeds through the real pipeline, pages.

Idempotent: running it again re-imports the same feeds (nothing changes) and keeps pages.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from campaigns.demo import build_demo_pages
from home.site_setup import ensure_site, serve_site_at
from merchants.demo import DEMO_EMAIL, build_demo_merchant
from search.indexing import drain_outbox
from shops.demo.loader import attach_demo_pictures, import_demo_marketplaces

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load the demo catalogue and pages, and print an admin login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="the address the demo is served on (default: SITE_URL, http://127.0.0.1:8000)",
        )

    def handle(self, **options):
        ensure_site()
        site = serve_site_at(options["site_url"])
        root = site.root_url
        for marketplace, run in import_demo_marketplaces():
            self.stdout.write(
                f"{marketplace.name}: {run.status}, {run.created} created, {run.updated} updated, "
                f"{run.unchanged} unchanged, {run.quarantined} quarantined"
            )
        build_demo_pages()
        merchant_password = os.environ.get("DEMO_MERCHANT_PASSWORD") or secrets.token_urlsafe(9)
        build_demo_merchant(merchant_password)
        products, shops = attach_demo_pictures()
        self.stdout.write(f"Pictures drawn for {products} products and {shops} shops")
        drain_outbox()
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(9)
        admin, _ = get_user_model().objects.get_or_create(
            username=ADMIN_USERNAME, defaults={"email": "admin@localdabord.example"}
        )
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\nDemo ready: {root}/fr/  —  admin: "
                f"{root}/admin/  login {ADMIN_USERNAME} / {password}\n"
            )
        )
        self.stdout.write(
            f"Demo merchant: {root}/fr/espace-commercant/  "
            f"login {DEMO_EMAIL} / {merchant_password}\n"
        )
