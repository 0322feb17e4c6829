"""Sanitising HTML that comes from partners or merchants to a small, inert allowlist."""

import nh3
from django.utils.html import linebreaks

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> str:
    """Keep simple formatting; drop scripts, styles, event attributes and unknown tags."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener nofollow ugc",
        strip_comments=True,
    ).strip()


def text_as_html(text: str) -> str:
    """Plain text as typed in a form (paragraphs, line breaks) turned into inert HTML.

    What was typed is text, never markup: it is escaped first ("<form>" reads as typed and is
    no tag), blank lines make paragraphs, and the allowlist has the last word.
    """
    text = (text or "").strip()
    return sanitise_html(linebreaks(text, autoescape=True)) if text else ""
