"""Words of Wagtail's and wagtail-localize's admin that the French admin says otherwise.

Their French catalogues call languages "régions" and glue "Publier dans" to the language's
name ("Publier dansAnglais"); our catalogue in locale/fr/ gives the words below instead (the
project's catalogues take precedence over the apps'). Listed here, never called, so that
`makemessages` keeps their entries.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN_MESSAGES = [
    gettext_noop("locale"),
    gettext_noop("locales"),
    gettext_noop("Locale"),
    gettext_noop("Locales"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    gettext_noop("Locale: "),
    gettext_noop("Switch locales"),
]
# The translation editor's button, in JavaScript: locale/fr/LC_MESSAGES/djangojs.po.
JAVASCRIPT_OVERRIDDEN_MESSAGES = [gettext_noop("Publish in ")]
