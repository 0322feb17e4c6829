"""Registrations of the search app in the Wagtail admin: synonyms, query reports, the
documents the engine refused, and a warning on the dashboard when the engine runs the reduced
analysis."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from . import admin_views
from .analysis import REDUCED
from .backends import uses_external_engine
from .engine import current_engine
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


class ReducedAnalysisPanel(Component):
    """Says on the dashboard that the engine lacks the French analysis (search/analysis.py)."""

    name = "search_reduced_analysis"
    order = 10

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="w-panel" aria-labelledby="search-analysis-title">'
            '<div class="help-block help-warning"><h2 id="search-analysis-title">{}</h2>'
            "<p>{}</p></div></section>",
            _("Recherche en analyse réduite"),
            _(
                "Le moteur de recherche n'a pas son module d'analyse : les accents, les "
                "articles élidés et les pluriels sont traités par le portail, sans "
                "racinisation française. Installez le module d'analyse du moteur (analysis-common) "
                "puis reconstruisez l'index (manage.py rebuild_search_index)."
            ),
        )


@hooks.register("construct_homepage_panels")
def warn_of_reduced_analysis(request, panels):
    if not request.user.is_superuser or not uses_external_engine():
        return
    if getattr(current_engine(), "analysis_mode", None) == REDUCED:
        panels.insert(0, ReducedAnalysisPanel())
