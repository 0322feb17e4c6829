"""Response headers that keep intruders out: the Content-Security-Policy and who may frame us.

django-csp writes the policy of `CONTENT_SECURITY_POLICY` (portal/settings/base.py); this
subclass adapts two directives to the response:

- frame-ancestors follows Django's clickjacking decision, so there is one contract for every
  branch: a view decorated with `@xframe_options_exempt` (a newspaper widget) may be framed by
  anyone (`*`, and no X-Frame-Options header); a view decorated with
  `@xframe_options_sameorigin` (Wagtail's page previews) by our own pages only; everything else
  by nobody (`'none'`, with X-Frame-Options: DENY).
- the Wagtail admin gets its own, relaxed policy (`ADMIN_CONTENT_SECURITY_POLICY`): it still
  writes inline scripts and styles, which our own pages never do.

Place it right after SecurityMiddleware, so that it sees the X-Frame-Options header that
XFrameOptionsMiddleware (further down the list) has already decided.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            # The admin's policy replaces the site's one (rather than no policy at all).
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        parts.update = {
            **(parts.update or {}),
            "frame-ancestors": frame_ancestors(request, response),
        }
        return parts


def frame_ancestors(request, response) -> list[str]:
    if getattr(response, "xframe_options_exempt", False):
        return ["*"]
    # A Wagtail preview renders the page through the middleware again, in a request of its
    # own (`is_preview`): the preview view marks only the outer answer SAMEORIGIN, after the
    # inner one has already written this header, which django-csp then keeps.
    if getattr(request, "is_preview", False):
        return ["'self'"]
    if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
        return ["'self'"]
    return ["'none'"]


class PermissionsPolicyMiddleware:
    """Turns off the browser features no page of ours uses, for us and for embedded frames.

    One fixed header: a dependency (django-permissions-policy) would add nothing to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
