"""Emails to merchants and shoppers, rendered from templates in the recipient's language.

The templates are plain text: they are rendered by the "text" template engine, which does not
escape HTML, so that "L'Atelier & Cie" reads as typed and not as "L&#x27;Atelier &amp; Cie".
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template import engines
from django.utils import translation

TEXT_ENGINE = "text"


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping."""
    return engines[TEXT_ENGINE].get_template(template_name).render(context)


def render_subject(template_name: str, context: dict) -> str:
    """A subject on one line, whatever line breaks its template has."""
    return " ".join(render_text(template_name, context).split())


def send(template: str, to: str, context: dict, language: str = "fr") -> None:
    """Render templates/merchants/emails/<template>_subject.txt and <template>.txt and send."""
    with translation.override(language if language in ("fr", "en") else "fr"):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_subject(f"merchants/emails/{template}_subject.txt", context)
        body = render_text(f"merchants/emails/{template}.txt", context)
    send_mail(subject, body, None, [to])
