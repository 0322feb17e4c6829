"""Registrations of the search app in the Wagtail admin: synonyms, query reports and the
documents the engine refused."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views
from .models import RejectedDocument, SearchQueryStat
from .viewsets import SynonymGroupViewSet

register_snippet(SynonymGroupViewSet)

REPORTS = [
    ("queries/top/", admin_views.TopQueriesView, "search_top_queries"),
    ("queries/zero/", admin_views.ZeroResultQueriesView, "search_zero_result_queries"),
    ("rejected/", admin_views.RejectedDocumentsView, "search_rejected_documents"),
]


@hooks.register("register_admin_urls")
def register_query_report_urls():
    urls = []
    for route, view, name in REPORTS:
        urls.append(path(f"search/{route}", view.as_view(), name=name))
        urls.append(
            path(f"search/{route}results/", view.as_view(results_only=True), name=f"{name}_results")
        )
    return urls


class QueryReportMenuItem(MenuItem):
    model = SearchQueryStat

    def is_shown(self, request):
        return request.user.has_perm(f"search.view_{self.model._meta.model_name}")


class RejectedDocumentsMenuItem(QueryReportMenuItem):
    model = RejectedDocument


@hooks.register("register_reports_menu_item")
def register_top_queries_menu_item():
    return QueryReportMenuItem(
        _("Recherches fréquentes"), reverse("search_top_queries"), icon_name="search", order=800
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return QueryReportMenuItem(
        _("Recherches sans résultat"),
        reverse("search_zero_result_queries"),
        icon_name="search",
        order=801,
    )


@hooks.register("register_reports_menu_item")
def register_rejected_documents_menu_item():
    return RejectedDocumentsMenuItem(
        _("Documents refusés par la recherche"),
        reverse("search_rejected_documents"),
        icon_name="warning",
        order=802,
    )
