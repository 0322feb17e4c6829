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
    page_title = _("Documents refusés par la recherche")
    index_url_name = "search_rejected_documents"
    index_results_url_name = "search_rejected_documents_results"
    permission_policy = ModelPermissionPolicy(RejectedDocument)
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("content_type", label=_("Type")),
        Column("object_id", label=_("Identifiant")),
        Column("document", label=_("Objet")),
        Column("backend", label=_("Moteur")),
        Column("reason", label=_("Motif donné par le moteur")),
        Column("rejections", label=_("Refus")),
        Column("last_rejected_at", label=_("Dernier refus")),
    ]
    list_export = ["content_type", "object_id", "backend", "reason", "rejections"]
    export_name = "documents-refuses"

    def get_queryset(self):
        return RejectedDocument.objects.select_related("content_type")
