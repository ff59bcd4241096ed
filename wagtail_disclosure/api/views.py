"""The OpenAPI description, served as JSON."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .openapi import openapi_description


@require_GET
def openapi_view(request):
    """The OpenAPI 3 description of the API as mounted on this site."""
    base = request.path.rsplit("openapi.json", 1)[0]
    response = JsonResponse(
        openapi_description(request.build_absolute_uri(base).rstrip("/")),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
