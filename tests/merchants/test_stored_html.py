"""What a merchant types never becomes live markup on the shop's and products' pages."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User

from shops.factories import ShopFactory

from .test_moderation import application  # noqa: F401 - the fixture

HOSTILE = (
    "Fleuriste de quartier.\n\n"
    '<meta http-equiv="refresh" content="0;url=https://example.org/">'
    '<form action="https://example.org/"><input name="carte"></form>'
    "<style>body{display:none}</style>"
    '<a href="javascript:alert(1)">promo</a> <b>bouquets</b> & plantes < 5 €'
)


def description_of(page: str):
    return BeautifulSoup(page, "html.parser").select_one(".description")


def assert_inert(description):
    assert description is not None
    for tag in ("meta", "form", "input", "style", "script"):
        assert description.find(tag) is None, tag
    assert all(not (link.get("href") or "").startswith("javascript") for link in description("a"))


@pytest.fixture
def hostile_application(application):  # noqa: F811 - the imported fixture
    # The moderation tests' pending application, with a hostile description.
    application.description = HOSTILE
    application.save(update_fields=["description"])
    return application


def test_an_approved_sign_up_description_is_stored_and_shown_inert(client, hostile_application):
    editor = User.objects.create_superuser("editrice", "editrice@example.org", "pw")
    client.force_login(editor)
    client.post(f"/admin/commercants/{hostile_application.pk}/approve/", {"message": ""})
    hostile_application.refresh_from_db()
    shop = hostile_application.shop
    # What was typed is text: no tag of it survives, links and all.
    assert_inert(BeautifulSoup(shop.description, "html.parser"))
    assert BeautifulSoup(shop.description, "html.parser").find("a") is None
    # The text itself survives, paragraphs and all.
    assert "<p>Fleuriste de quartier.</p>" in shop.description
    assert "plantes &lt; 5 €" in shop.description
    client.logout()
    page = client.get(f"/fr/commerces/{shop.slug}/")
    assert page.status_code == 200
    description = description_of(page.text)
    assert_inert(description)
    assert "Fleuriste de quartier." in description.get_text()


def test_a_description_stored_raw_before_sanitising_is_shown_inert(client, db):
    # Rows written by an editor in the admin or before every path sanitised.
    shop = ShopFactory(description=HOSTILE)
    page = client.get(f"/fr/commerces/{shop.slug}/")
    assert page.status_code == 200
    description = description_of(page.text)
    assert_inert(description)
    assert description.find("b").get_text() == "bouquets"
