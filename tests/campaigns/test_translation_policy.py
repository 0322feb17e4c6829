"""An untranslated page is not public in English (issue 17, item 4): "Traduire cette page →
Soumettre" makes a draft, live in English only once its translation is published."""

import pytest
from wagtail.models import Locale

from campaigns.factories import SeasonalGuidePageFactory
from campaigns.translation import translate

pytestmark = pytest.mark.django_db


def test_a_page_submitted_for_translation_stays_off_the_english_site(
    admin_user_client, client, guide_index, django_capture_on_commit_callbacks
):
    guide = SeasonalGuidePageFactory(
        parent=guide_index, title="Douceurs du Berry", slug="douceurs-du-berry"
    )
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_user_client.post(
            f"/admin/localize/submit/page/{guide.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302
    draft = guide.get_translation(english)
    assert not draft.live

    english_index = guide_index.get_translation(english)
    assert client.get(f"{english_index.url}douceurs-du-berry/").status_code == 404
    listing = client.get(english_index.url).content.decode()
    assert "Douceurs du Berry" not in listing
    assert "Douceurs du Berry" in client.get(guide.url).content.decode()

    # Its translator publishes it: now the English site shows it, in English.
    translated = translate(guide, "en", {"Douceurs du Berry": "Berry sweets"})
    assert translated.live
    assert "Berry sweets" in client.get(english_index.url).content.decode()
    assert client.get(translated.url).status_code == 200
