"""The site answers in French and English, and the admin is reachable."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "title"),
    [("/fr/", "fr", "Local d'abord !"), ("/en/", "en", "Local d'abord!")],
)
def test_home_page_is_served_in_both_languages(client, home_page, path, language, title):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert title.replace("'", "&#x27;") in html


@pytest.mark.django_db
def test_root_redirects_to_the_french_home(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
def test_admin_asks_for_a_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_links_lead_to_the_address_the_site_is_served_on(client, home_page):
    """`make demo` serves 127.0.0.1:8000: its language switch, canonical and hreflang links
    must lead there, not to the localhost:80 a new Site starts with."""
    from home.site_setup import serve_site_at

    serve_site_at("http://127.0.0.1:8000")
    html = client.get("/fr/", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert 'rel="canonical" href="http://127.0.0.1:8000/fr/"' in html
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/"' in html
    assert "localhost" not in html
    english = client.get("/en/", HTTP_HOST="127.0.0.1:8000")
    assert english.status_code == 200


@pytest.mark.django_db
def test_a_site_address_must_be_absolute(home_page):
    from home.site_setup import serve_site_at

    with pytest.raises(ValueError):
        serve_site_at("127.0.0.1:8000")
