"""The region's dashboard in the Wagtail admin, and the CSV export of each of its tables."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.spreadsheet_cells import spreadsheet_safe

from .panels import PANELS, panel

PERMISSION = "reporting.view_dashboard"


def check_permission(user):
    if not user.has_perm(PERMISSION):
        raise PermissionDenied


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reporting/dashboard.html"
    page_title = _("Tableau de bord de la Région")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        check_permission(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = []
        for panel_class in PANELS:
            instance = panel_class()
            rows = instance.rows()
            shown.append({"panel": instance, "rows": rows, "chart": instance.chart(rows)})
        context["panels"] = shown
        return context


def export_csv(request, key):
    check_permission(request.user)
    chosen = panel(key)
    if chosen is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{key}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheet software then reads the accents right
    writer = csv.writer(response)
    writer.writerow([spreadsheet_safe(column) for column in chosen.columns])
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in chosen.rows()])
    return response
