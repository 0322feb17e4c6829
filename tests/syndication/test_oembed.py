"""The oEmbed endpoint (https://oembed.com) and its discovery links on guide pages."""

import pytest
from defusedxml import ElementTree

pytestmark = pytest.mark.django_db

REQUIRED = {"version", "type", "html", "width", "height"}


def oembed(client, url, **params):
    return client.get("/fr/oembed", {"url": url, **params})


def test_json_response_follows_the_specification(client, guide):
    response = oembed(client, f"http://testserver{guide.url}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data.keys() >= REQUIRED
    assert data["version"] == "1.0"
    assert data["type"] == "rich"
    assert data["title"] == guide.title
    assert data["provider_name"] == "Local d'abord !"
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    assert f"/fr/widgets/guide/{guide.pk}/" in data["html"]
    assert "<iframe" in data["html"]


def test_maxwidth_and_maxheight_are_respected(client, guide):
    data = oembed(client, f"http://testserver{guide.url}", maxwidth=320, maxheight=240).json()
    assert data["width"] <= 320
    assert data["height"] <= 240
    assert 'width="320"' in data["html"]
    tiny = oembed(client, f"http://testserver{guide.url}", maxwidth=120, maxheight=90).json()
    assert (tiny["width"], tiny["height"]) == (120, 90)


def test_xml_response_has_the_same_fields(client, guide):
    response = oembed(client, f"http://testserver{guide.url}", format="xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "oembed"
    assert {child.tag for child in root} >= REQUIRED
    assert root.findtext("type") == "rich"


def test_short_links_permalinks_and_campaigns_are_understood(client, guide, campaign):
    for url in ["http://testserver/g/noel-tours", f"http://testserver/fr/guide/{guide.pk}/"]:
        assert oembed(client, url).json()["title"] == guide.title
    data = oembed(client, f"http://testserver{campaign.url}").json()
    assert f"/fr/widgets/campagne/{campaign.pk}/" in data["html"]


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/fr/",
        "http://testserver/fr/nulle-part/",
        "http://ailleurs.example/fr/guides/noel-tours/",
        "pas une adresse",
        "",
    ],
)
def test_unknown_urls_are_404(client, guide, url):
    assert oembed(client, url).status_code == 404


def test_unsupported_format_is_501(client, guide):
    assert oembed(client, f"http://testserver{guide.url}", format="yaml").status_code == 501


def test_bad_sizes_get_a_clear_message(client, guide):
    response = oembed(client, f"http://testserver{guide.url}", maxwidth="large")
    assert response.status_code == 400
    assert "maxwidth" in response.content.decode()


def test_guide_pages_advertise_the_endpoint(client, guide):
    import html as html_module
    import re

    page = client.get(guide.url).content.decode()
    assert 'type="text/xml+oembed"' in page
    found = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    endpoint = html_module.unescape(found.group(1))
    assert "/fr/oembed?url=" in endpoint
    # The advertised address answers with this guide's embed.
    response = client.get(endpoint.replace("http://testserver", ""))
    assert response.status_code == 200
    assert response.json()["title"] == guide.title
