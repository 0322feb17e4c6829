"""Admin pages for the health of partner imports, and editors' decisions on them."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .curation import CurationError, confirm_held_deactivations, dismiss_proposal, merge_shops
from .models import ImportRun, Marketplace, MergeProposal
from .tasks import import_marketplace

MANAGE_IMPORTS = "shops.change_marketplace"


def marketplaces_with_health():
    latest = ImportRun.objects.filter(marketplace=OuterRef("pk")).order_by("-started_at")
    return Marketplace.objects.annotate(
        last_run_id=Subquery(latest.values("pk")[:1]),
        quarantined_count=Count("quarantine", distinct=True),
        failed_runs=Count("runs", filter=Q(runs__status="failed"), distinct=True),
    ).order_by("name")


@permission_required(MANAGE_IMPORTS, raise_exception=True)
def import_health(request):
    marketplaces = list(marketplaces_with_health())
    runs = ImportRun.objects.in_bulk([m.last_run_id for m in marketplaces if m.last_run_id])
    for marketplace in marketplaces:
        marketplace.latest_run = runs.get(marketplace.last_run_id)
    proposals = MergeProposal.objects.filter(status=MergeProposal.Status.PROPOSED).select_related(
        "shop__town", "duplicate__town", "shop__marketplace", "duplicate__marketplace"
    )[:50]
    return TemplateResponse(
        request,
        "shops/admin/import_health.html",
        {"marketplaces": marketplaces, "proposals": proposals},
    )


@require_POST
@permission_required(MANAGE_IMPORTS, raise_exception=True)
def run_now(request, pk):
    marketplace = get_object_or_404(Marketplace, pk=pk)
    import_marketplace.delay(marketplace.pk)
    messages.success(request, _("Import de %(name)s lancé.") % {"name": marketplace.name})
    return redirect("shops_import_health")


@require_POST
@permission_required(MANAGE_IMPORTS, raise_exception=True)
def confirm_deactivations(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    try:
        count = confirm_held_deactivations(run, request.user)
    except CurationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)d fiches désactivées.") % {"count": count})
    return redirect("shops_import_health")


@require_POST
@permission_required("shops.change_shop", raise_exception=True)
def decide_merge(request, pk):
    proposal = get_object_or_404(MergeProposal, pk=pk)
    try:
        if request.POST.get("decision") == "merge":
            merge_shops(proposal, request.user)
            messages.success(request, _("Fiches fusionnées."))
        else:
            dismiss_proposal(proposal, request.user)
            messages.success(request, _("Proposition écartée."))
    except CurationError as error:
        messages.error(request, str(error))
    return redirect("shops_import_health")
