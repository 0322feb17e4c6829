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
