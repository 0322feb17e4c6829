"""Emails to merchants and shoppers, rendered from templates in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send(template: str, to: str, context: dict, language: str = "fr") -> None:
    """Render templates/merchants/emails/<template>_subject.txt and <template>.txt and send."""
    with translation.override(language if language in ("fr", "en") else "fr"):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_to_string(f"merchants/emails/{template}_subject.txt", context)
        body = render_to_string(f"merchants/emails/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [to])
