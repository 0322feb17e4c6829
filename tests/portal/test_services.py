"""The foundation talks to its real services: PostgreSQL, Redis with a Celery worker."""

import pytest
from django.db import connection

from portal.celery import ping
from shops.factories import ShopFactory
from shops.models import Shop
from tests.conftest import requires_postgres, requires_redis


@requires_postgres
@pytest.mark.django_db
def test_the_catalogue_is_stored_in_postgresql():
    shop = ShopFactory(name="Épicerie fine de Tours")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM shops_shop WHERE id = %s", [shop.pk])
        assert cursor.fetchone() == ("Épicerie fine de Tours",)
    assert Shop.objects.get(name__iexact="ÉPICERIE FINE DE TOURS") == shop


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_a_task_goes_through_redis_to_a_real_worker_and_back(celery_worker):
    result = ping.delay("Bourges")
    assert result.get(timeout=30) == "pong:Bourges"
    assert result.successful()
