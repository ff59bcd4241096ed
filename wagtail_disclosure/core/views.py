from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from .elder_mode import ELDER_MODE_COOKIE


@require_GET
def toggle_elder_mode(request):
    """Switch elder-friendly mode and go back to the page the reader was on."""
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if request.GET.get("on") == "1":
        response.set_cookie(
            ELDER_MODE_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(ELDER_MODE_COOKIE, samesite="Lax")
    return response
