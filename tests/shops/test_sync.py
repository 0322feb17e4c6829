"""The sync: idempotent upserts, quarantine, safe deactivation, editor corrections, merges."""

import pytest

from search.models import IndexOutbox
from shops.curation import CurationError, confirm_held_deactivations, merge_shops
from shops.factories import MarketplaceFactory
from shops.models import ImportStatus, MergeProposal, Product, QuarantinedRecord, Shop, Town
from shops.pipeline import run_import
from tests.shops.feeds import product, shop, write_native_feed

pytestmark = pytest.mark.django_db

CATALOGUE_FIELDS_EXCLUDED = {"last_seen", "updated_at"}


@pytest.fixture
def marketplace():
    return MarketplaceFactory(
        slug="tours-shopping", name="Tours Shopping", feed_format="native_json"
    )


@pytest.fixture
def feed(tmp_path):
    def write(shops, products, name="feed.json"):
        return write_native_feed(tmp_path / name, shops, products)

    return write


def catalogue_snapshot():
    def rows(model):
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in CATALOGUE_FIELDS_EXCLUDED
        ]
        return sorted(model.objects.values_list(*names))

    return (
        rows(Shop),
        rows(Product),
        sorted(Shop.sectors.through.objects.values_list("shop_id", "sector_id")),
    )


def test_first_import_creates_records_with_provenance_and_outbox_rows(marketplace, feed):
    path = feed([shop()], [product("p1"), product("p2", title="Coffret de macarons")])
    run = run_import(marketplace, path=path)

    assert (run.status, run.created, run.quarantined) == (ImportStatus.SUCCESS, 3, 0)
    librairie = Shop.objects.get()
    assert librairie.town == Town.objects.get(insee_code="37261")
    assert [s.slug for s in librairie.sectors.all()] == ["librairie"]
    assert librairie.first_seen and librairie.last_seen and librairie.content_hash
    assert str(Product.objects.get(external_id="p1").price) == "19.90"
    assert IndexOutbox.objects.filter(object_id=str(librairie.pk)).exists()


def test_the_same_feed_twice_leaves_the_catalogue_identical(marketplace, feed):
    path = feed([shop()], [product("p1"), product("p2", title="Coffret de macarons")])
    run_import(marketplace, path=path)
    before = catalogue_snapshot()

    run = run_import(marketplace, path=path)

    assert (run.created, run.updated, run.unchanged, run.deactivated) == (0, 0, 3, 0)
    assert catalogue_snapshot() == before


def test_a_changed_record_is_updated(marketplace, feed):
    run_import(marketplace, path=feed([shop()], [product("p1")]))
    run = run_import(marketplace, path=feed([shop()], [product("p1", price="17,50 €")]))
    assert (run.updated, run.unchanged) == (1, 1)
    assert str(Product.objects.get().price) == "17.50"


def test_a_record_missing_from_a_complete_feed_is_deactivated_not_deleted(marketplace, feed):
    products = [product(f"p{i}", title=f"Jeu en bois n° {i}") for i in range(10)]
    run_import(marketplace, path=feed([shop()], products))

    run = run_import(marketplace, path=feed([shop()], products[:8]))

    assert run.deactivated == 2
    assert Product.objects.count() == 10
    assert set(Product.objects.filter(is_active=False).values_list("external_id", flat=True)) == {
        "p8",
        "p9",
    }


def test_a_record_that_comes_back_is_reactivated(marketplace, feed):
    products = [product(f"p{i}", title=f"Jeu en bois n° {i}") for i in range(10)]
    run_import(marketplace, path=feed([shop()], products))
    run_import(marketplace, path=feed([shop()], products[:9]))
    run_import(marketplace, path=feed([shop()], products))
    assert Product.objects.filter(is_active=True).count() == 10


def test_a_shrunken_feed_deactivates_nothing_until_an_editor_confirms(
    marketplace, feed, admin_user
):
    products = [product(f"p{i}", title=f"Bouquet de saison n° {i}") for i in range(10)]
    run_import(marketplace, path=feed([shop()], products))

    run = run_import(marketplace, path=feed([shop()], products[:5]))

    assert run.deactivated == 0 and run.held_deactivations == 5
    assert Product.objects.filter(is_active=True).count() == 10
    assert confirm_held_deactivations(run, admin_user) == 5
    assert Product.objects.filter(is_active=True).count() == 5


def test_an_empty_feed_is_held_like_any_shrink(marketplace, feed):
    run_import(marketplace, path=feed([shop()], [product("p1")]))
    run = run_import(marketplace, path=feed([], []))
    assert run.held_deactivations == 2
    assert Shop.objects.get().is_active


def test_only_the_latest_held_run_can_be_confirmed(marketplace, feed, admin_user):
    products = [product(f"p{i}", title=f"Bougie n° {i}") for i in range(4)]
    run_import(marketplace, path=feed([shop()], products))
    held = run_import(marketplace, path=feed([shop()], products[:1]))
    run_import(marketplace, path=feed([shop()], products))
    with pytest.raises(CurationError):
        confirm_held_deactivations(held, admin_user)


def test_a_failed_run_keeps_what_it_read_and_deactivates_nothing(marketplace, feed, tmp_path):
    run_import(
        marketplace, path=feed([shop()], [product("p1"), product("p2", title="Miel de Sologne")])
    )
    truncated = tmp_path / "truncated.json"
    truncated.write_text(feed([shop()], [product("p1")], name="ok.json").read_text()[:-40])

    run = run_import(marketplace, path=truncated)

    assert run.status == ImportStatus.FAILED
    assert run.errors
    assert Product.objects.filter(is_active=True).count() == 2


@pytest.mark.parametrize(
    ("bad_fields", "reason_fragment"),
    [
        ({"title": ""}, "titre"),
        ({"price": "-3.00"}, "négatif"),
        ({"price": "990000"}, "invraisemblable"),
        ({"price": "douze euros"}, "prix illisible"),
        ({"url": "javascript:alert(1)"}, "adresse web invalide"),
        ({"title": "CrÃ©ation artisanale"}, "encodage"),
        ({"shop_external_id": "inconnu"}, "commerce inconnu"),
    ],
)
def test_a_bad_product_is_quarantined_with_its_reason_and_the_rest_imports(
    marketplace, feed, bad_fields, reason_fragment
):
    bad = product("bad", **bad_fields)
    run = run_import(marketplace, path=feed([shop()], [product("good"), bad]))

    assert run.status == ImportStatus.PARTIAL
    assert list(Product.objects.values_list("external_id", flat=True)) == ["good"]
    quarantined = QuarantinedRecord.objects.get()
    assert quarantined.external_id == "bad"
    assert reason_fragment in quarantined.reason


def test_a_shop_in_an_unknown_town_is_quarantined(marketplace, feed):
    run = run_import(marketplace, path=feed([shop(postal_code="75001", town="Paris")], [product()]))
    reasons = set(QuarantinedRecord.objects.values_list("kind", "reason"))
    assert ("shop", "commune inconnue dans la région : 75001 Paris") in reasons
    assert run.quarantined == 2  # the product's shop is unknown too


def test_a_fixed_record_leaves_the_quarantine(marketplace, feed):
    run_import(marketplace, path=feed([shop()], [product("p1", title="")]))
    run_import(marketplace, path=feed([shop()], [product("p1")]))
    assert not QuarantinedRecord.objects.exists()
    assert Product.objects.get().title


def test_a_quarantined_update_keeps_the_last_good_version_online(marketplace, feed):
    run_import(marketplace, path=feed([shop()], [product("p1")]))
    run = run_import(marketplace, path=feed([shop()], [product("p1", price="-1")]))
    assert run.deactivated == 0
    assert Product.objects.get().is_active


def test_imported_html_is_sanitised(marketplace, feed):
    description = (
        '<p onclick="steal()" style="color:red">Bon <script>alert(1)</script>'
        '<a href="javascript:alert(2)">lien</a> <a href="https://ok.example">ok</a></p>'
    )
    run_import(marketplace, path=feed([shop(description=description)], []))
    html = Shop.objects.get().description
    for forbidden in ("script", "onclick", "style", "javascript:"):
        assert forbidden not in html
    assert 'href="https://ok.example"' in html


def test_an_editor_correction_survives_later_imports(marketplace, feed):
    path = feed([shop()], [product()])
    run_import(marketplace, path=path)
    librairie = Shop.objects.get()
    joue_les_tours = Town.objects.get(insee_code="37122")
    librairie.town = joue_les_tours
    librairie.name = "Librairie Le Chat Qui Lit"
    librairie.is_featured = True
    librairie.locked_fields = ["town", "name"]
    librairie.save()

    run_import(
        marketplace, path=feed([shop(description="<p>Nouvelle description</p>")], [product()])
    )

    librairie.refresh_from_db()
    assert librairie.town == joue_les_tours
    assert librairie.name == "Librairie Le Chat Qui Lit"
    assert librairie.is_featured
    assert librairie.description == "<p>Nouvelle description</p>"


def test_the_same_shop_in_two_marketplaces_is_proposed_for_merging(marketplace, feed, admin_user):
    run_import(marketplace, path=feed([shop()], []))
    other = MarketplaceFactory(slug="cci-touraine", name="CCI Touraine", feed_format="native_json")
    run_import(other, path=feed([shop("autre-id", name="Le Chat qui Lit")], [], name="other.json"))

    proposal = MergeProposal.objects.get()
    assert proposal.reason == MergeProposal.Reason.SIRET
    merge_shops(proposal, admin_user)
    proposal.duplicate.refresh_from_db()
    assert proposal.duplicate.duplicate_of == proposal.shop
    assert not proposal.duplicate.is_listed


def test_a_feed_with_ten_percent_bad_records_imports_the_other_ninety(marketplace, feed):
    products = [
        product(f"p{i}", title="" if i % 10 == 0 else f"Miel de Sologne n° {i}") for i in range(100)
    ]
    run = run_import(marketplace, path=feed([shop()], products))
    assert (run.status, run.created, run.quarantined) == (ImportStatus.PARTIAL, 91, 10)
    assert QuarantinedRecord.objects.filter(reason="titre manquant").count() == 10
