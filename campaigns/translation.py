"""Translating pages and snippets through wagtail-localize, the way the translation interface does:
one TranslationSource per object, its strings translated, then the target saved.

Used by the demo and the site skeleton with known English strings; editors use the admin.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def translate(instance, language_code: str, strings: dict[str, str], publish: bool = True):
    """Create or update the translation of `instance`; strings missing from `strings` stay as
    in the source (editors see them as untranslated in the interface)."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po)
    is_page = isinstance(instance, Page)
    # wagtail-localize publishes pages once the transaction commits; publishing here instead
    # makes the translation live within the caller's transaction (the demo, the tests).
    translation.save_target(publish=not is_page)
    target = instance.get_translation(locale)
    if is_page and publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
