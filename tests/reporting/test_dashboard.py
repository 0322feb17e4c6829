"""The region's dashboard: figures equal the database counts, each table exports as CSV, and only
editors with the permission open it."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count
from django.utils import timezone, translation

from merchants.factories import PickupRequestFactory
from merchants.models import PickupRequest
from reporting.panels import PANELS, panel
from search.analytics import flush_buffered_counts, query_counts, record_search
from shops.factories import MarketplaceFactory, ShopFactory, town
from shops.models import ImportRun, ImportStatus, Sector
from syndication.models import Partner
from syndication.visits import record_visit, visit_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(home_page):
    toys = Sector.objects.get(slug="jouets")
    books = Sector.objects.get(slug="librairie")
    shops = [ShopFactory(town=town("37261"), sectors=[toys]) for _ in range(3)]
    ShopFactory(town=town("45234"), sectors=[toys, books])
    ShopFactory(town=town("45234"), is_hidden=True, sectors=[toys])
    halles = MarketplaceFactory(name="Halles en ligne")
    now = timezone.now()
    ImportRun.objects.create(marketplace=halles, status=ImportStatus.FAILED, started_at=now)
    ImportRun.objects.create(
        marketplace=halles,
        status=ImportStatus.SUCCESS,
        started_at=now - datetime.timedelta(days=1),
        seen=40,
        created=12,
    )
    query_counts.forget_pending()
    for text, results in [("jouets", 3), ("jouets", 4), ("licorne", 0)]:
        record_search(text, results)
    flush_buffered_counts()
    for status in ["pending", "pending", "ready", "collected"]:
        PickupRequestFactory(shop=shops[0], status=status)
    partner = Partner.objects.create(name="La République du Centre", slug="rep-centre")
    visit_counts.forget_pending()
    for _ in range(5):
        record_visit(home_page.pk, partner.pk)
    record_visit(home_page.pk, None)
    for _ in range(2):
        record_visit(home_page.pk, None, unknown_partner=True)
    visit_counts.move_to_database()
    return {"halles": halles}


@pytest.fixture
def editor_client(client, home_page):
    user = get_user_model().objects.create_user("region", "region@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_dashboard"),
    )
    client.force_login(user)
    return client


def rows_of(key):
    return {row[0]: row[1:] for row in panel(key).rows()}


def test_figures_equal_the_database_counts(figures, settings):
    from shops.queries import listed_shops

    goal = rows_of("objectif")
    assert list(goal.values()) == [[listed_shops().count()], [settings.REGION_SHOP_GOAL]]
    assert listed_shops().count() == 4
    departements = rows_of("departements")
    assert departements["Indre-et-Loire (37)"] == [3]
    assert departements["Loiret (45)"] == [1]
    assert departements["Cher (18)"] == [0]
    sectors = rows_of("secteurs")
    toys = Sector.objects.get(slug="jouets")
    assert sectors[toys.label] == [listed_shops().filter(sectors=toys).count()] == [4]
    over_time = panel("evolution").rows()
    assert over_time[-1][2] == listed_shops().count()
    health = rows_of("places-de-marche")["Halles en ligne"]
    assert health[1] == ImportStatus.FAILED.label
    assert health[-1] == 1  # one failure in 30 days
    assert rows_of("recherches")["jouets"] == [2, 0]
    assert rows_of("recherches-sans-resultat") == {"licorne": [1, 1]}
    with translation.override("fr"):  # a previous test's request may have left English active
        visits = rows_of("visites-journaux")
    assert visits["La République du Centre"] == [5]
    assert visits["Lien court sans journal"] == [1]
    assert visits["Partenaire inconnu"] == [2]
    assert sum(row[0] for row in visits.values()) == 8
    pickups = panel("retraits").rows()
    assert sum(row[1] for row in pickups) == PickupRequest.objects.count() == 4
    by_status = dict(PickupRequest.objects.values_list("status").annotate(n=Count("pk")))
    labels = dict(PickupRequest._meta.get_field("status").choices)
    assert {label: by_status.get(value, 0) for value, label in labels.items()} == dict(pickups)


def test_dashboard_shows_every_panel_with_a_chart_and_export(editor_client, figures):
    response = editor_client.get("/admin/tableau-de-bord/")
    assert response.status_code == 200
    html = response.content.decode()
    for panel_class in PANELS:
        assert f'id="panel-{panel_class.key}"' in html
        assert f"/admin/tableau-de-bord/{panel_class.key}.csv" in html
    assert html.count('<svg class="report-chart" role="img"') >= 5
    assert "<title" in html


def test_each_table_exports_as_csv(editor_client, figures):
    for panel_class in PANELS:
        response = editor_client.get(f"/admin/tableau-de-bord/{panel_class.key}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == [str(column) for column in panel_class.columns]
        assert rows[1:] == [[str(cell) for cell in row] for row in panel_class().rows()]
    assert editor_client.get("/admin/tableau-de-bord/inconnu.csv").status_code == 404


def test_editors_without_the_permission_are_refused(client, home_page):
    user = get_user_model().objects.create_user("moderator", "m@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/tableau-de-bord/").status_code in (302, 403)
    assert client.get("/admin/tableau-de-bord/objectif.csv").status_code in (302, 403)
    assert "tableau-de-bord" not in client.get("/admin/").content.decode()


def test_exported_queries_never_run_as_spreadsheet_formulas(editor_client, home_page):
    typed = ['=HYPERLINK("https://example.org/","miel")', "+33 247", "-1+1", "@SOMME(A1)", "miel"]
    query_counts.forget_pending()
    for text in typed:
        record_search(text, 0)
    flush_buffered_counts()
    response = editor_client.get("/admin/tableau-de-bord/recherches-sans-resultat.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    cells = [cell for row in rows for cell in row]
    assert cells, "the zero-result queries are exported"
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    queries = {row[0] for row in rows}
    assert "miel" in queries and any(query.startswith("'=") for query in queries)
    # Counts stay numbers a spreadsheet can add up.
    assert all(row[1].isdigit() for row in rows)
