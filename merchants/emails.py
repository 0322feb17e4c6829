"""Emails to merchants and shoppers, rendered in the recipient's language and sent by Celery.

The templates are plain text: they are rendered by the "text" template engine, which does not
escape HTML, so that "L'Atelier & Cie" reads as typed and not as "L&#x27;Atelier &amp; Cie".

A message is rendered when it is asked for (the data as the caller sees it) and handed to the
`mail` queue only once the caller's transaction commits: an SMTP server that is down or slow
never rolls back a reservation or a sign-up, and a transaction that rolls back sends nothing.
The task retries with backoff while the server does not answer.
"""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template import engines
from django.utils import translation

logger = logging.getLogger(__name__)
TEXT_ENGINE = "text"


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping."""
    return engines[TEXT_ENGINE].get_template(template_name).render(context)


def render_subject(template_name: str, context: dict) -> str:
    """A subject on one line, whatever line breaks its template has."""
    return " ".join(render_text(template_name, context).split())


def render(template: str, context: dict, language: str = "fr") -> tuple[str, str]:
    """templates/merchants/emails/<template>_subject.txt and <template>.txt, as (subject, body)."""
    with translation.override(language if language in ("fr", "en") else "fr"):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_subject(f"merchants/emails/{template}_subject.txt", context)
        body = render_text(f"merchants/emails/{template}.txt", context)
    return subject, body


def send(template: str, to: str, context: dict, language: str = "fr") -> None:
    """Render the email now and queue it once the current transaction commits."""
    subject, body = render(template, context, language)
    queue(subject, body, to)


def queue(subject: str, body: str, to: str) -> None:
    # robust: whatever happens to the mail, the caller's committed work stands.
    after_commit(lambda: queue_now(subject, body, to))


def after_commit(callback) -> None:
    transaction.on_commit(callback, robust=True)


def queue_now(subject: str, body: str, to: str) -> None:
    try:
        send_email.delay(subject, body, to)
    except Exception:  # noqa: BLE001 — the broker's own errors vary by transport
        # Redis unreachable: the message cannot wait in the queue, so it is tried once now.
        logger.warning("Mail queue unreachable; sending %r directly", subject, exc_info=True)
        send_mail(subject, body, None, [to], fail_silently=True)


@shared_task(
    name="merchants.emails.send_email",
    autoretry_for=(smtplib.SMTPException, OSError),  # refused, timed out, 4xx answers
    retry_backoff=settings.MAIL_RETRY_BACKOFF,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=12,  # with the default backoff, tries spread over about three hours
    ignore_result=True,
)
def send_email(subject: str, body: str, to: str) -> None:
    try:
        send_mail(subject, body, None, [to])
    except smtplib.SMTPRecipientsRefused:
        # The address itself is refused: trying again would only be refused again.
        logger.warning("Email %r not sent: the server refused its recipient", subject)
