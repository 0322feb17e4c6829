"""Merchants log in with a password or an emailed one-time link; messages never say who exists."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import emails
from ..forms import EmailLoginForm
from ..logins import login_link, user_from_link
from .common import base_url, limit_message, over_limit


class MerchantLoginView(auth_views.LoginView):
    template_name = "merchants/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse_lazy("merchants:dashboard")

    def post(self, request, *args, **kwargs):
        if over_limit(request, "merchants:login", settings.MERCHANT_LOGIN_RATE):
            form = self.get_form()
            form.is_valid()
            form.errors.clear()
            form.add_error(None, limit_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


def request_link(request):
    form = EmailLoginForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if over_limit(request, "merchants:login", settings.MERCHANT_LOGIN_RATE):
            form.is_valid()
            form.add_error(None, limit_message())
            status = 429
        elif form.is_valid():
            user = User.objects.filter(
                email__iexact=form.cleaned_data["email"], is_active=True, merchant__isnull=False
            ).first()
            if user is not None:
                emails.send(
                    "login_link",
                    user.email,
                    {"link": base_url(request) + login_link(user, get_language() or "fr")},
                    get_language() or "fr",
                )
            # The same answer whether or not the address has an account.
            messages.info(
                request,
                _(
                    "Si un compte commerçant correspond à cette adresse, "
                    "un lien de connexion vient d'y être envoyé."
                ),
            )
            return redirect("merchants:login")
    return render(request, "merchants/login_link.html", {"form": form}, status=status)


def use_link(request, token):
    """GET shows a button: mail scanners that open links must not spend the one-time link."""
    user = user_from_link(token)
    if user is None:
        return render(request, "merchants/login_link_invalid.html", status=400)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("merchants:dashboard")
    return render(request, "merchants/login_link_use.html")


class MerchantPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        # Merchants first log in by link and may never have set a password: they may reset it too.
        return User.objects.filter(email__iexact=email, is_active=True, merchant__isnull=False)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Plain text and through the mail queue like every other email (merchants/emails.py):
        # Django's own would escape it as HTML and send it in the request.
        emails.queue(
            emails.render_subject(subject_template_name, context),
            emails.render_text(email_template_name, context),
            to_email,
        )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = MerchantPasswordResetForm
    template_name = "merchants/password_reset.html"
    email_template_name = "merchants/emails/password_reset.txt"
    subject_template_name = "merchants/emails/password_reset_subject.txt"
    success_url = reverse_lazy("merchants:password_reset_done")

    def post(self, request, *args, **kwargs):
        if over_limit(request, "merchants:login", settings.MERCHANT_LOGIN_RATE):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, limit_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "merchants/password_reset_confirm.html"
    success_url = reverse_lazy("merchants:login")

    def form_valid(self, form):
        messages.success(self.request, _("Votre mot de passe est enregistré : connectez-vous."))
        return super().form_valid(form)


def render_reset_done(request):
    return render(request, "merchants/password_reset_done.html")
