"""The open-data files at stable addresses, and the page that documents them."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .exports import FORMATS, storage_name
from .fields import FIELDS, LICENCE_NAME, LICENCE_URL


@require_safe
@cache_control(public=True, max_age=3600)
def directory_file(request, extension):
    name = storage_name(extension)
    if extension not in FORMATS or not default_storage.exists(name):
        raise Http404
    response = FileResponse(
        default_storage.open(name, "rb"),
        content_type=FORMATS[extension],
        as_attachment=True,
        filename=name.rsplit("/", 1)[-1],
    )
    response["Access-Control-Allow-Origin"] = "*"  # re-users' own pages may fetch it
    return response


@require_safe
def open_data_page(request):
    files = []
    for extension in FORMATS:
        name = storage_name(extension)
        if default_storage.exists(name):
            files.append(
                {
                    "extension": extension,
                    "size": default_storage.size(name),
                    "modified": default_storage.get_modified_time(name),
                }
            )
    context = {
        "fields": FIELDS,
        "files": files,
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }
    return render(request, "opendata/open_data_page.html", context)
