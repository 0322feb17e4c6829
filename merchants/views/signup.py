"""The public sign-up: form, email confirmation, claim of an imported shop, amendments."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from .. import applications
from ..forms import SignupForm
from ..models import MerchantApplication
from .common import base_url, limit_message, over_limit

Status = MerchantApplication.Status


def signup(request):
    form = SignupForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if over_limit(request, "merchants:signup", settings.MERCHANT_SIGNUP_RATE):
            form.is_valid()
            form.add_error(None, limit_message())
            status = 429
        elif form.is_valid():
            application = form.save(commit=False)
            application.language = (get_language() or "fr")[:2]
            applications.submit(application, base_url(request))
            return redirect("merchants:signup_sent")
        else:
            status = 400
    return render(request, "merchants/signup.html", {"form": form}, status=status)


def signup_sent(request):
    return render(request, "merchants/signup_sent.html")


def confirm(request, token):
    application = get_object_or_404(MerchantApplication, token=token)
    if request.method == "POST" and application.status == Status.UNCONFIRMED:
        applications.confirm(application, claim=request.POST.get("claim") == "yes")
        return redirect("merchants:confirm", token=token)
    return render(request, "merchants/confirm.html", {"application": application})


def amend(request, token):
    application = get_object_or_404(
        MerchantApplication, token=token, status=Status.CHANGES_REQUESTED
    )
    initial = {
        "town_name": application.town.name,
        **{
            f"{kind}_{day}": hours[index]
            for day, hours in application.opening_hours.items()
            for index, kind in enumerate(("opens", "closes"))
        },
    }
    form = SignupForm(
        request.POST or None, request.FILES or None, instance=application, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        applications.resubmit(form.save(commit=False))
        return redirect("merchants:confirm", token=token)
    return render(
        request,
        "merchants/signup.html",
        {"form": form, "application": application},
        status=400 if form.errors else 200,
    )
