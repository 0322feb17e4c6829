"""An unknown address answers 404 with the portal's own page, in the address's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/fr/cette-page-n-existe-pas/", "Page introuvable"), ("/en/no-such-page/", "Page not found")],
)
def test_an_unknown_address_has_the_portal_s_404_page(client, home_page, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert 'class="site-header"' in content  # the site's header and menus, not a bare page
    assert '<meta name="robots" content="noindex">' in content
