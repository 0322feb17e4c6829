"""The whole journey in the OS's Chromium, with every email caught by a real SMTP server:
sign-up, confirmation, moderation, a product, a pickup request, accepted and ready.
Each page the public or a merchant sees is checked with axe-core."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.mail_sink import free_port, start_sink

CHROMIUM = Path("/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        "/usr/bin/chromium is missing (apt-get install -y chromium)", allow_module_level=True
    )

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def smtp_sink(settings):
    port = free_port()
    controller, mailbox = start_sink(port)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    yield mailbox
    controller.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True
        )
        yield browser
        browser.close()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [
        f"{page.url} {v['id']}: {v['help']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def test_a_merchant_joins_and_a_shopper_collects(live_server, browser, smtp_sink):
    from django.contrib.auth.models import User

    from shops.models import Sector

    problems = []
    base = live_server.url
    merchant = browser.new_context(locale="fr-FR")
    page = merchant.new_page()

    # 1. The merchant signs up.
    page.goto(base + "/fr/commercants/inscription/")
    problems += serious_violations(page)
    page.fill("#id_business_name", "Le Cheval de Bois")
    page.fill("#id_siret", "732 829 320 00074")
    page.select_option("#id_sector", str(Sector.objects.get(slug="jouets").pk))
    page.fill("#id_address", "8 rue du Commerce")
    page.fill("#id_postal_code", "37000")
    page.fill("#id_town_name", "Tours")
    page.fill("#id_contact_name", "Claude Moreau")
    page.fill("#id_email", "claude@example.org")
    page.fill("#id_phone", "02 47 11 22 33")
    page.fill("#id_description", "Jouets en bois faits main.")
    for day in range(7):
        page.fill(f"#id_opens_{day}", "08:00")
        page.fill(f"#id_closes_{day}", "20:00")
    page.check("#id_terms")
    # A first try with a wrong SIRET key: the message is next to the field.
    page.fill("#id_siret", "73282932000075")
    page.click("text=Envoyer ma demande")
    assert "clé de contrôle" in page.inner_text(".field--error")
    problems += serious_violations(page)
    page.fill("#id_siret", "73282932000074")
    page.click("text=Envoyer ma demande")
    page.wait_for_url("**/inscription/envoyee/")

    # 2. The emailed link confirms the address.
    page.goto(smtp_sink.link_to("claude@example.org"))
    page.click("text=Confirmer mon inscription")
    page.wait_for_selector("[data-status=pending]")

    # 3. An editor approves in the Wagtail admin.
    User.objects.create_superuser("editrice", "editrice@example.org", "mot-de-passe-editrice")
    editor = browser.new_context(locale="fr-FR")
    admin = editor.new_page()
    admin.goto(base + "/admin/login/")
    admin.fill("#id_username", "editrice")
    admin.fill("#id_password", "mot-de-passe-editrice")
    admin.click("button[type=submit]")
    admin.wait_for_url(base + "/admin/")
    admin.goto(base + "/admin/commercants/")
    admin.click("a:has-text('Le Cheval de Bois')")
    admin.wait_for_url("**/admin/commercants/*/")
    admin.click("button:has-text('Accepter')")
    admin.wait_for_url("**/admin/commercants/")
    assert "Inscription acceptée" in admin.content()

    # 4. The merchant opens their space from the emailed one-time link and adds a product.
    page.goto(smtp_sink.link_to("claude@example.org"))
    page.click("text=Ouvrir mon espace commerçant")
    page.wait_for_url(base + "/fr/espace-commercant/")
    problems += serious_violations(page)
    page.goto(base + "/fr/espace-commercant/produits/ajouter/")
    problems += serious_violations(page)
    page.fill("#id_title", "Cheval à bascule")
    page.fill("#id_price", "89.00")
    page.fill("#id_stock", "2")
    page.select_option("#id_availability", "in_stock")
    page.click("text=Enregistrer le produit")
    page.wait_for_url("**/espace-commercant/produits/")
    assert "Cheval à bascule" in page.content()
    page.goto(base + "/fr/espace-commercant/")
    pickup_page = page.get_attribute("a:has-text('Ma page de retrait')", "href")

    # 5. A shopper reserves it for a slot.
    shopper = browser.new_context(locale="fr-FR").new_page()
    shopper.goto(base + pickup_page)
    problems += serious_violations(shopper)
    day = (timezone.localtime() + timedelta(days=2)).date()
    shopper.fill("input[name^=quantity_]", "1")
    shopper.fill("#id_slot_date", day.isoformat())
    shopper.fill("#id_slot_time", "23:30")  # after closing: refused next to the field
    shopper.fill("#id_shopper_name", "Sam Leroy")
    shopper.fill("#id_shopper_email", "sam@example.org")
    shopper.fill("#id_shopper_phone", "06 11 22 33 44")
    shopper.click("text=Envoyer ma demande de retrait")
    assert "entre 08:00 et 20:00" in shopper.inner_text(".field--error")
    shopper.fill("#id_slot_time", "11:00")
    shopper.click("text=Envoyer ma demande de retrait")
    shopper.wait_for_selector("[data-status=pending]")
    status_url = shopper.url
    problems += serious_violations(shopper)
    assert smtp_sink.link_to("sam@example.org") == status_url

    # 6. The merchant accepts, then marks it ready.
    page.goto(base + "/fr/espace-commercant/retraits/")
    problems += serious_violations(page)
    page.click("a:has-text('n°')")
    page.click("button:has-text('Accepter')")
    page.wait_for_selector("[data-status=accepted]")
    problems += serious_violations(page)
    page.click("button:has-text('Marquer prête')")
    page.wait_for_selector("[data-status=ready]")

    # 7. The shopper's status page says ready, in French and in English.
    shopper.goto(status_url)
    assert "Prête" in shopper.inner_text("[data-status]")
    shopper.goto(status_url.replace("/fr/retrait/", "/en/pickup/"))
    assert "Ready" in shopper.inner_text("[data-status]")
    assert "prête" in smtp_sink.last_to("sam@example.org")["Subject"]
    assert problems == []
