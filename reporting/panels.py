"""The panels of the region's dashboard. Each panel is a table (columns, rows) with an optional
chart, exportable as CSV; the dashboard shows PANELS in order.

To add a panel: subclass Panel with a `key`, a `title`, `columns` and `rows()`, and append it
to PANELS.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from merchants.models import PickupRequest
from search import analytics
from shops.models import Departement, ImportRun, ImportStatus, Marketplace, Sector
from shops.queries import listed_shops
from syndication import visits

from .charts import bars

REPORT_DAYS = 30


class Panel:
    key = ""
    title = ""
    description = ""
    columns: list = []
    # Which column the chart draws (its label is the first column); None: a table only.
    chart_column: int | None = 1
    chart_reference = None

    def rows(self) -> list[list]:
        raise NotImplementedError

    def chart(self, rows):
        if self.chart_column is None or not rows:
            return None
        points = [(row[0], row[self.chart_column] or 0) for row in rows]
        return bars(points, self.chart_reference)


class MerchantGoalPanel(Panel):
    key = "objectif"
    title = _("Commerces sur le portail et objectif")
    columns = [_("Indicateur"), _("Commerces")]

    @property
    def chart_reference(self):
        return settings.REGION_SHOP_GOAL

    def rows(self):
        return [
            [_("Commerces présents"), listed_shops().count()],
            [_("Objectif de la Région"), settings.REGION_SHOP_GOAL],
        ]


class ShopsByDepartementPanel(Panel):
    key = "departements"
    title = _("Commerces par département")
    columns = [_("Département"), _("Commerces")]

    def rows(self):
        counts = {
            row["town__departement"]: row["total"]
            for row in listed_shops().values("town__departement").annotate(total=Count("pk"))
        }
        return [[str(dep), counts.get(dep.code, 0)] for dep in Departement.objects.all()]


class ShopsBySectorPanel(Panel):
    key = "secteurs"
    title = _("Commerces par secteur")
    columns = [_("Secteur"), _("Commerces")]

    def rows(self):
        listed = listed_shops().values("pk")
        sectors = Sector.objects.annotate(
            total=Count("shops", filter=Q(shops__in=listed), distinct=True)
        ).order_by("-total", "name")
        return [[sector.label, sector.total] for sector in sectors]


class ShopsOverTimePanel(Panel):
    key = "evolution"
    title = _("Commerces présents au fil des mois")
    description = _("Commerces présents aujourd'hui, cumulés selon leur mois d'arrivée.")
    columns = [_("Mois"), _("Arrivées"), _("Total cumulé")]
    chart_column = 2

    def rows(self):
        months = (
            listed_shops()
            .annotate(month=TruncMonth("created_at"))
            .values("month")
            .annotate(total=Count("pk"))
            .order_by("month")
        )
        rows, running = [], 0
        for month in months:
            running += month["total"]
            rows.append([month["month"].strftime("%Y-%m"), month["total"], running])
        return rows


class MarketplaceHealthPanel(Panel):
    key = "places-de-marche"
    title = _("Santé des places de marché partenaires")
    description = _("Dernier import et échecs des 30 derniers jours.")
    columns = [
        _("Place de marché"),
        _("Dernier import"),
        _("Statut"),
        _("Fiches lues"),
        _("Créées"),
        _("Mises à jour"),
        _("En quarantaine"),
        _("Échecs (30 jours)"),
    ]
    chart_column = None

    def rows(self):
        since = timezone.now() - datetime.timedelta(days=REPORT_DAYS)
        marketplaces = Marketplace.objects.filter(is_active=True).annotate(
            latest=Max("runs__started_at"),
            failures=Count(
                "runs", filter=Q(runs__status=ImportStatus.FAILED, runs__started_at__gte=since)
            ),
        )
        last_runs = {
            (run.marketplace_id, run.started_at): run
            for run in ImportRun.objects.filter(
                marketplace__in=marketplaces,
                started_at__in=[m.latest for m in marketplaces if m.latest],
            )
        }
        rows = []
        for marketplace in marketplaces:
            run = last_runs.get((marketplace.pk, marketplace.latest))
            rows.append(
                [
                    marketplace.name,
                    timezone.localtime(run.started_at).strftime("%Y-%m-%d %H:%M") if run else "",
                    run.get_status_display() if run else _("Jamais importée"),
                    run.seen if run else 0,
                    run.created if run else 0,
                    run.updated if run else 0,
                    run.quarantined if run else 0,
                    marketplace.failures,
                ]
            )
        return rows


class TopQueriesPanel(Panel):
    key = "recherches"
    title = _("Recherches les plus fréquentes (30 jours)")
    columns = [_("Recherche"), _("Recherches"), _("Sans résultat")]

    def rows(self):
        return [
            [row["query"], row["total_searches"], row["total_zero_results"]]
            for row in analytics.top_queries(REPORT_DAYS, limit=20)
        ]


class ZeroResultQueriesPanel(Panel):
    key = "recherches-sans-resultat"
    title = _("Recherches sans résultat (30 jours)")
    columns = [_("Recherche"), _("Sans résultat"), _("Recherches")]

    def rows(self):
        return [
            [row["query"], row["total_zero_results"], row["total_searches"]]
            for row in analytics.zero_result_queries(REPORT_DAYS, limit=20)
        ]


def partner_label(row) -> str:
    if row["unknown_partner"]:
        return _("Partenaire inconnu")
    return row["partner__name"] or _("Lien court sans journal")


class VisitsByPartnerPanel(Panel):
    key = "visites-journaux"
    title = _("Visites par journal (30 jours)")
    description = _(
        "« Partenaire inconnu » : liens suivis dont l'identifiant de journal n'est pas encore "
        "enregistré sous Presse et partenaires."
    )
    columns = [_("Journal"), _("Visites")]

    def rows(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        return [[partner_label(row), row["total"]] for row in visits.visits_by_partner(since)]


class VisitsByPagePanel(Panel):
    key = "visites-guides"
    title = _("Visites par guide ou campagne (30 jours)")
    columns = [_("Page"), _("Visites")]

    def rows(self):
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        return [[row["page__title"], row["total"]] for row in visits.visits_by_page(since)]


class PickupRequestsByStatusPanel(Panel):
    key = "retraits"
    title = _("Demandes de retrait par statut")
    columns = [_("Statut"), _("Demandes")]

    def rows(self):
        counts = dict(PickupRequest.objects.values_list("status").annotate(n=Count("pk")))
        field = PickupRequest._meta.get_field("status")
        return [[label, counts.get(value, 0)] for value, label in field.choices]


PANELS = [
    MerchantGoalPanel,
    ShopsByDepartementPanel,
    ShopsBySectorPanel,
    ShopsOverTimePanel,
    MarketplaceHealthPanel,
    TopQueriesPanel,
    ZeroResultQueriesPanel,
    VisitsByPartnerPanel,
    VisitsByPagePanel,
    PickupRequestsByStatusPanel,
]


def panel(key: str) -> Panel | None:
    return next((cls() for cls in PANELS if cls.key == key), None)
