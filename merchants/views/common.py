"""What the merchants' views share: per-IP rate limits and the site's base URL for emails."""

from django.utils.translation import gettext as _

from portal.rate_limits import count_request


def base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def over_limit(request, group: str, rate: str) -> bool:
    """Count this POST against the client's address; True once over the rate."""
    return count_request(request, group, rate)[0]


def limit_message() -> str:
    return _("Trop de tentatives depuis votre connexion. Réessayez un peu plus tard.")
