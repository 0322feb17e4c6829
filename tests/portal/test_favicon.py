"""/favicon.ico answers with the portal's icon, and every page links to its SVG version."""

import io

import pytest
from PIL import Image


@pytest.mark.django_db
def test_the_favicon_is_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]


@pytest.mark.django_db
def test_pages_link_to_the_icons(client, home_page):
    content = client.get("/fr/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in content
    assert 'rel="icon" href="/favicon.ico"' in content
