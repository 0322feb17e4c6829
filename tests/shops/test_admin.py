"""The catalogue in the Wagtail admin: import health, run now, held deactivations, corrections."""

import pytest
from django.urls import reverse

from shops.factories import MarketplaceFactory, ShopFactory
from shops.models import ImportRun, MergeProposal, Shop, Town
from shops.pipeline import run_import
from tests.shops.feeds import product, shop, write_native_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    marketplace = MarketplaceFactory(name="Tours Shopping", feed_format="native_json")
    products = [product(f"p{i}", title=f"Bougie n° {i}") for i in range(6)]
    run_import(marketplace, path=write_native_feed(tmp_path / "a.json", [shop()], products))
    held = run_import(
        marketplace, path=write_native_feed(tmp_path / "b.json", [shop()], products[:2])
    )
    return marketplace, held


def test_the_health_page_shows_each_marketplace_and_its_last_run(admin_client, imported):
    marketplace, held = imported
    response = admin_client.get(reverse("shops_import_health"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tours Shopping" in html
    assert "4 en attente de confirmation" in html


def test_an_editor_confirms_held_deactivations_from_the_health_page(admin_client, imported):
    marketplace, held = imported
    response = admin_client.post(reverse("shops_confirm_deactivations", args=[held.pk]))
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.held_deactivations, held.deactivated) == (0, 4)


def test_run_now_queues_an_import(admin_client, imported, settings):
    marketplace, _ = imported
    marketplace.feed_url = "http://127.0.0.1:9/feed.json"  # refused: the run fails cleanly
    marketplace.save()
    before = ImportRun.objects.count()
    response = admin_client.post(reverse("shops_run_now", args=[marketplace.pk]))
    assert response.status_code == 302
    if settings.CELERY_TASK_ALWAYS_EAGER:
        assert ImportRun.objects.count() == before + 1


def test_run_now_refuses_get_and_users_without_permission(client, django_user_model, imported):
    marketplace, _ = imported
    editor = django_user_model.objects.create_user("lecteur", password="x")
    client.force_login(editor)
    assert client.post(reverse("shops_run_now", args=[marketplace.pk])).status_code in (302, 403)
    assert client.get(reverse("shops_import_health")).status_code in (302, 403)


def test_editing_an_imported_shop_locks_the_corrected_fields(admin_client, imported):
    librairie = Shop.objects.get()
    url = reverse("wagtailsnippets_shops_shop:edit", args=[librairie.pk])
    form = admin_client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        name="Librairie Le Chat Qui Lit (Tours centre)",
        town=Town.objects.get(insee_code="37122").pk,
        sectors=[sector.pk for sector in librairie.sectors.all()],
        locked_fields="[]",
    )
    data = {k: v for k, v in data.items() if k not in ("marketplace", "duplicate_of") or v}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    librairie.refresh_from_db()
    assert {"name", "town"} <= set(librairie.locked_fields)


def test_merging_from_the_health_page(admin_client):
    kept, duplicate = ShopFactory(siret="73282932000074"), ShopFactory(siret="73282932000074")
    proposal = MergeProposal.objects.create(shop=kept, duplicate=duplicate, reason="siret")
    admin_client.post(reverse("shops_decide_merge", args=[proposal.pk]), {"decision": "merge"})
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of == kept
