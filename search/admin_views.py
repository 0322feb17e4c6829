"""Admin reports: what shoppers search (top queries, those that find nothing), and the
documents the search engine refused."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import analytics
from .models import RejectedDocument, SearchQueryStat

REPORT_DAYS = 30


class QueryReportView(ReportView):
    header_icon = "search"
    permission_policy = ModelPermissionPolicy(SearchQueryStat)
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("query", label=_("Recherche")),
        Column("total_searches", label=_("Recherches")),
        Column("total_zero_results", label=_("Sans résultat")),
    ]
    list_export = ["query", "total_searches", "total_zero_results"]

    def get_filename(self):
        return f"{self.export_name}-{datetime.date.today():%Y-%m-%d}"


class TopQueriesView(QueryReportView):
    page_title = _("Recherches les plus fréquentes (30 jours)")
    index_url_name = "search_top_queries"
    index_results_url_name = "search_top_queries_results"
    export_name = "recherches-frequentes"

    def get_queryset(self):
        return analytics.top_queries(REPORT_DAYS, limit=500)


class ZeroResultQueriesView(QueryReportView):
    page_title = _("Recherches sans résultat (30 jours)")
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    export_name = "recherches-sans-resultat"

    def get_queryset(self):
        return analytics.zero_result_queries(REPORT_DAYS, limit=500)


class RejectedDocumentsView(ReportView):
    """What the engine refused to index, with its reason (search/dead_letters.py): an object
    listed here is missing from search until it is corrected and saved."""

    header_icon = "warning"
    page_title = _("Documents refusés")  # short enough for a phone's header
    index_url_name = "search_rejected_documents"
    index_results_url_name = "search_rejected_documents_results"
    permission_policy = ModelPermissionPolicy(RejectedDocument)
    permission_required = "view"
    paginate_by = 50
    # Few columns, so that the engine's reason stays readable on a phone; the export has all.
    columns = [
        Column("document", label=_("Objet")),
        Column("reason", label=_("Motif donné par le moteur")),
        Column("last_rejected_at", label=_("Dernier refus")),
    ]
    list_export = [
        "content_type",
        "object_id",
        "backend",
        "reason",
        "rejections",
        "first_rejected_at",
        "last_rejected_at",
    ]
    export_name = "documents-refuses"

    def get_queryset(self):
        return RejectedDocument.objects.select_related("content_type")
