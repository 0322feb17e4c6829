"""Descriptions typed as plain text in the merchant's forms and stored as sanitised HTML
(`shops.html.text_as_html`, the same rule as the sign-up's).

A merchant never sees tags: the stored HTML is shown in the textarea as paragraphs separated
by blank lines (list items as "• " lines), and what they type becomes paragraphs again.
"""

import html
import re

from django.utils.html import strip_tags

BLOCK_END = re.compile(r"</(p|h3|h4|blockquote|ul|ol)\s*>", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n+")


def html_as_text(value: str) -> str:
    """The text a merchant reads and edits: paragraphs and line breaks, no tags, no entities."""
    if not value:
        return ""
    text = BLOCK_END.sub("\n\n", value)
    text = LINE_BREAK.sub("\n", text)
    text = LIST_ITEM.sub("\n• ", text)
    text = html.unescape(strip_tags(text))
    lines = "\n".join(line.strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", lines).strip()
