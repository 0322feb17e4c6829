"""The open directory files match the database, hold no personal data, and are documented."""

import csv
import io
import json
import os

import pytest
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage

from opendata.exports import storage_name
from opendata.fields import FIELD_NAMES
from opendata.tasks import export_directory
from shops.factories import MarketplaceFactory, ShopFactory, town
from shops.models import Sector
from shops.queries import listed_shops

pytestmark = pytest.mark.django_db

PERSONAL = ["06 12 34 56 78", "marie.dupont@example.org", "Marie Dupont", "12345678900011"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def directory(db):
    toys = Sector.objects.get(slug="jouets")
    books = Sector.objects.get(slug="librairie")
    partner = MarketplaceFactory(contact_name="Marie Dupont", contact_email=PERSONAL[1])
    shops = [
        ShopFactory(
            town=town("37261"),
            sectors=[toys, books],
            phone=PERSONAL[0],
            email=PERSONAL[1],
            siret=PERSONAL[3],
            latitude=47.39,
            longitude=0.69,
        ),
        ShopFactory(town=town("45234"), sectors=[toys], marketplace=partner, external_id="a1"),
        ShopFactory(town=town("18033"), delivery=True),
    ]
    ShopFactory(town=town("37261"), is_hidden=True)
    ShopFactory(town=town("37261"), is_active=False)
    return shops


def read(extension):
    with default_storage.open(storage_name(extension), "rb") as file:
        return file.read()


def expected_rows():
    rows = {}
    for shop in listed_shops().prefetch_related("sectors"):
        rows[shop.pk] = {
            "nom": shop.name,
            "code_insee": shop.town.insee_code,
            "departement": shop.town.departement_id,
            "secteurs": sorted(sector.slug for sector in shop.sectors.all()),
            "livraison": shop.delivery,
        }
    return rows


def test_the_task_writes_three_files_that_match_the_database(directory):
    assert export_directory.apply().get() == 3
    expected = expected_rows()

    rows = list(csv.DictReader(io.StringIO(read("csv").decode("utf-8-sig"))))
    assert list(rows[0].keys()) == FIELD_NAMES
    assert {int(row["id"]) for row in rows} == set(expected)
    for row in rows:
        shop = expected[int(row["id"])]
        assert row["nom"] == shop["nom"]
        assert row["code_insee"] == shop["code_insee"]
        assert row["departement"] == shop["departement"]
        assert sorted(filter(None, row["secteurs"].split("|"))) == shop["secteurs"]
        assert row["livraison"] == ("true" if shop["livraison"] else "false")

    document = json.loads(read("json"))
    assert document["licence"] == "Licence Ouverte 2.0 (Etalab)"
    assert {row["id"] for row in document["commerces"]} == set(expected)
    assert all(list(row) == FIELD_NAMES for row in document["commerces"])

    geo = json.loads(read("geojson"))
    assert geo["type"] == "FeatureCollection"
    assert {feature["properties"]["id"] for feature in geo["features"]} == set(expected)
    tours = next(f for f in geo["features"] if f["properties"]["id"] == directory[0].pk)
    assert tours["geometry"] == {"type": "Point", "coordinates": [0.69, 47.39]}


def test_no_personal_data_in_any_file(directory):
    export_directory.apply()
    for extension in ("csv", "json", "geojson"):
        content = read(extension).decode("utf-8-sig")
        for value in PERSONAL:
            assert value not in content, (extension, value)
    assert not {"email", "phone", "telephone", "siret", "courriel"} & set(FIELD_NAMES)


def test_files_are_replaced_whole_and_no_temporary_file_is_left(directory, tmp_path):
    export_directory.apply()
    ShopFactory(town=town("37261"))
    export_directory.apply()
    assert len(json.loads(read("json"))["commerces"]) == 4
    assert sorted(p.name for p in (tmp_path / "opendata").iterdir()) == [
        "annuaire-commerces.csv",
        "annuaire-commerces.geojson",
        "annuaire-commerces.json",
    ]


def test_stable_addresses_serve_the_files(client, directory):
    assert client.get("/donnees-ouvertes/annuaire-commerces.csv").status_code == 404
    export_directory.apply()
    response = client.get("/donnees-ouvertes/annuaire-commerces.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(b"".join(response.streaming_content))["type"] == "FeatureCollection"
    assert client.get("/donnees-ouvertes/annuaire-commerces.xls").status_code == 404


def test_the_page_describes_every_field_and_the_licence(client, directory):
    export_directory.apply()
    html = client.get("/fr/donnees-ouvertes/").content.decode()
    for name in FIELD_NAMES:
        assert f"<code>{name}</code>" in html
    assert "Licence Ouverte 2.0" in html
    assert 'href="/donnees-ouvertes/annuaire-commerces.csv"' in html
    assert client.get("/en/donnees-ouvertes/").status_code == 200


def test_the_export_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["export-open-data"]
    assert entry["task"] == export_directory.name
    assert entry["schedule"].hour == {4}


class ObjectStorage(FileSystemStorage):
    """A store with the contract of S3 through django-storages: no paths (nothing to rename),
    another free name on save unless `file_overwrite`, and an upload that replaces the object
    only once complete. `during_upload` runs while the new object is being uploaded."""

    file_overwrite = False
    during_upload = None

    def path(self, name):
        raise NotImplementedError("no local path on object storage")

    def key(self, name):
        return FileSystemStorage.path(self, name)

    def _open(self, name, mode="rb"):
        return File(open(self.key(name), mode))  # noqa: SIM115 - the storage's caller closes it

    def exists(self, name):
        return os.path.exists(self.key(name))

    def delete(self, name):
        os.remove(self.key(name))

    def size(self, name):
        return os.path.getsize(self.key(name))

    def get_available_name(self, name, max_length=None):
        if self.file_overwrite:
            return name
        return super().get_available_name(name, max_length)

    def _save(self, name, content):
        if ObjectStorage.during_upload:
            ObjectStorage.during_upload(name)
        full_path = self.key(name)
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        with open(full_path + ".upload", "wb") as upload:
            upload.write(content.read())
        os.replace(full_path + ".upload", full_path)
        return name


@pytest.fixture
def object_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tests.opendata.test_exports.ObjectStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    yield
    ObjectStorage.during_upload = None


def test_on_object_storage_the_file_is_served_all_along_its_replacement(
    client, directory, object_storage
):
    export_directory.apply()
    yesterday = read("json")
    served_during_upload = []

    def fetch_while_uploading(name):
        response = client.get("/donnees-ouvertes/annuaire-commerces.json")
        served_during_upload.append((response.status_code, b"".join(response.streaming_content)))

    ObjectStorage.during_upload = fetch_while_uploading
    ShopFactory(town=town("37261"))
    export_directory.apply()
    assert served_during_upload[1] == (200, yesterday)  # the JSON's upload: still yesterday's
    assert len(json.loads(read("json"))["commerces"]) == 4
    assert sorted(os.listdir(os.path.join(default_storage.location, "opendata"))) == [
        "annuaire-commerces.csv",
        "annuaire-commerces.geojson",
        "annuaire-commerces.json",
    ]


def test_on_object_storage_a_failed_upload_keeps_yesterdays_file(directory, object_storage):
    export_directory.apply()
    yesterday = read("csv")

    def connection_lost(name):
        raise ConnectionError("upload interrupted")

    ObjectStorage.during_upload = connection_lost
    with pytest.raises(ConnectionError):
        export_directory()
    assert read("csv") == yesterday
