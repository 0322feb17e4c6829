"""The portal's URLconf plus one view that may be framed, as newspaper widgets will be."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.clickjacking import xframe_options_exempt, xframe_options_sameorigin

from portal.urls import urlpatterns as portal_urlpatterns


@xframe_options_exempt
def framed_widget(request):
    return HttpResponse("<!DOCTYPE html><title>Widget</title><p>Widget</p>")


@xframe_options_sameorigin
def same_origin_view(request):
    return HttpResponse("<!DOCTYPE html><title>Preview</title><p>Preview</p>")


urlpatterns = [
    path("test-widget/", framed_widget),
    path("test-same-origin/", same_origin_view),
    *portal_urlpatterns,
]
