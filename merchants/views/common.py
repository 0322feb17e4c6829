"""What the merchants' views share: per-IP rate limits and the site's base URL for emails."""

from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def over_limit(request, group: str, rate: str) -> bool:
    """Count this POST against the client's address; True once over the rate."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def limit_message() -> str:
    return _("Trop de tentatives depuis votre connexion. Réessayez un peu plus tard.")
