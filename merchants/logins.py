"""One-time login links: signed, short-lived, and spent by the login they open."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "merchants.login-link"


def login_state(user) -> str:
    # Logging in changes last_login, so a link signed over it works once.
    return f"{user.pk}:{user.last_login.timestamp() if user.last_login else ''}"


def login_link(user, language: str = "fr") -> str:
    token = signing.TimestampSigner(salt=SALT).sign(login_state(user))
    with translation.override(language):
        return reverse("merchants:login_link", kwargs={"token": token})


def user_from_link(token: str):
    try:
        state = signing.TimestampSigner(salt=SALT).unsign(
            token, max_age=settings.MERCHANT_LOGIN_LINK_SECONDS
        )
    except signing.BadSignature:
        return None
    pk = state.split(":", 1)[0]
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None or login_state(user) != state or not hasattr(user, "merchant"):
        return None
    return user
