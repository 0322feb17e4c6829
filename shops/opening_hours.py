"""Opening hours as the public pages show them: stored in French, read in the visitor's language.

Hours are kept as the French text a merchant's form or a partner's feed gave, one day a line
("lundi : 09:30–19:00"); on the English site the day that starts a line is translated when
shown, so one stored text serves both languages and an editor's correction is made once.
Other wording a partner wrote ("du lundi au vendredi") is the partner's and is left as it is.
"""

import re

from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

# Monday first, as Python's weekday() counts; the French names are also the msgids.
FRENCH_DAY_NAMES = [
    gettext_noop("lundi"),
    gettext_noop("mardi"),
    gettext_noop("mercredi"),
    gettext_noop("jeudi"),
    gettext_noop("vendredi"),
    gettext_noop("samedi"),
    gettext_noop("dimanche"),
]
WEEKDAYS = [(day, _(name)) for day, name in enumerate(FRENCH_DAY_NAMES)]  # noqa: INT001
# A line that starts with a day name and a colon (French typography spaces it).
DAY_LINE = re.compile(rf"^({'|'.join(FRENCH_DAY_NAMES)})\s*:\s*", re.IGNORECASE | re.MULTILINE)


def hours_lines(hours: dict[int, tuple]) -> str:
    """{0: (time, time)} as the stored French text, one open day a line."""
    return "\n".join(
        f"{FRENCH_DAY_NAMES[day]} : {opens:%H:%M}–{closes:%H:%M}"
        for day, (opens, closes) in sorted(hours.items())
    )


def localised_hours(text: str, language: str | None = None) -> str:
    """The stored French text with its days in `language` (the active one by default)."""
    language = (language or translation.get_language() or "fr")[:2]
    if not text or language == "fr":
        return text or ""

    def translate(match: re.Match) -> str:
        with translation.override(language):
            name = gettext(match.group(1).lower())
        return f"{name[:1].upper()}{name[1:]}: "

    return DAY_LINE.sub(translate, text)
