"""Fixtures of the editorial pages: the site skeleton, its sections, and the editors."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, GuideIndexPage, SectorIndexPage, TownIndexPage
from campaigns.permissions import ensure_communications_group
from campaigns.structure import ensure_sections


@pytest.fixture
def sections(home_page):
    return ensure_sections(home_page)


@pytest.fixture
def campaign_index(sections):
    return sections[CampaignIndexPage]


@pytest.fixture
def town_index(sections):
    return sections[TownIndexPage]


@pytest.fixture
def guide_index(sections):
    return sections[GuideIndexPage]


@pytest.fixture
def sector_index(sections):
    return sections[SectorIndexPage]


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def communications_user(home_page):
    user = get_user_model().objects.create_user("com", "com@example.org", "secret-password")
    user.groups.add(ensure_communications_group())
    return user


@pytest.fixture
def admin_user_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "secret")
    client.force_login(user)
    return client
