"""The moderation queue in the Wagtail admin: approve, reject, ask for changes, confirm a claim."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import applications
from .forms import ModerationForm
from .models import MerchantApplication

MODERATE = "merchants.change_merchantapplication"
Status = MerchantApplication.Status


@permission_required(MODERATE, raise_exception=True)
def queue(request):
    waiting = MerchantApplication.objects.filter(
        status__in=[Status.PENDING, Status.CHANGES_REQUESTED]
    ).select_related("town", "sector", "claimed_shop__marketplace")
    recent = MerchantApplication.objects.filter(
        status__in=[Status.APPROVED, Status.REJECTED]
    ).order_by("-decided_at")[:20]
    return TemplateResponse(
        request, "merchants/admin/queue.html", {"waiting": waiting, "recent": recent}
    )


@permission_required(MODERATE, raise_exception=True)
def detail(request, pk):
    application = get_object_or_404(
        MerchantApplication.objects.select_related("town", "sector", "claimed_shop__marketplace"),
        pk=pk,
    )
    return TemplateResponse(
        request,
        "merchants/admin/detail.html",
        {"application": application, "form": ModerationForm()},
    )


@require_POST
@permission_required(MODERATE, raise_exception=True)
def decide(request, pk, decision):
    application = get_object_or_404(MerchantApplication, pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid() or (
        decision in ("reject", "changes") and not form.cleaned_data["message"]
    ):
        form.is_valid()
        form.add_error("message", _("Expliquez votre décision au commerçant."))
        return TemplateResponse(
            request,
            "merchants/admin/detail.html",
            {"application": application, "form": form},
            status=400,
        )
    message = form.cleaned_data["message"]
    base = f"{request.scheme}://{request.get_host()}"
    try:
        if decision == "approve":
            applications.approve(application, request.user, message, base)
            messages.success(request, _("Inscription acceptée ; le commerçant a reçu son lien."))
        elif decision == "reject":
            applications.reject(application, request.user, message)
            messages.success(request, _("Inscription refusée ; le commerçant est prévenu."))
        elif decision == "changes":
            applications.request_changes(application, request.user, message, base)
            messages.success(request, _("Modifications demandées au commerçant."))
    except applications.WrongState:
        messages.error(request, _("Cette demande a déjà été traitée."))
    except applications.AlreadyTaken as taken:
        messages.error(
            request,
            _("Cette adresse gère déjà un commerce : demandez au commerçant une autre adresse.")
            if str(taken) == "email"
            else _("Ce commerce a déjà son commerçant : la revendication ne peut être confirmée."),
        )
    return redirect("merchants_queue")
