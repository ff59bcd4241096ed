"""The OpenAPI description, served as JSON."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .endpoints import ENDPOINTS
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


@require_GET
def api_index(request):
    """What the API offers: its endpoints and its description."""
    base = request.build_absolute_uri(request.path).rstrip("/")
    return JsonResponse(
        {
            "openapi": f"{base}/openapi.json",
            "endpoints": {
                endpoint.api_name: f"{base}/{endpoint.api_name}/" for endpoint in ENDPOINTS
            },
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
