"""Public views of the request form page, and helpers the admin screens share."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.ratelimit import allow, client_ip

from .models import REPLY_WORKING_DAYS, DisclosureRequest, RequestChannel

#: The session key holding the ids of the requests this browser submitted.
SESSION_KEY = "wagtail_disclosure_submitted_requests"



def _limits():
    return (
        get_setting("WAGTAIL_DISCLOSURE_REQUEST_RATE_LIMIT"),
        get_setting("WAGTAIL_DISCLOSURE_REQUEST_POST_LIMIT"),
    )


def request_form(request, page):
    from .forms import PublicRequestForm

    status, rate_limited = 200, False
    if request.method == "POST":
        submissions, posts = _limits()
        ip = client_ip(request)
        form = PublicRequestForm(request.POST, unit=page.unit)
        if not allow("request-post", ip, *posts):
            rate_limited = True
        elif form.is_valid():
            if allow("request-submit", ip, *submissions):
                disclosure_request = form.save(commit=False)
                disclosure_request.channel = RequestChannel.ONLINE
                disclosure_request.save()
                submitted = request.session.get(SESSION_KEY, [])
                request.session[SESSION_KEY] = [*submitted, disclosure_request.pk][-20:]
                return redirect(page.url + page.reverse_subpage("thanks"))
            rate_limited = True
        if rate_limited:
            status = 429
    else:
        form = PublicRequestForm(unit=page.unit)
    context = page.get_context(request)
    context.update({"form": form, "rate_limited": rate_limited})
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    add_never_cache_headers(response)
    return response


def request_thanks(request, page):
    """The receipt, only for the browser session that submitted the request."""
    submitted = request.session.get(SESSION_KEY) or []
    disclosure_request = (
        DisclosureRequest.objects.filter(pk=submitted[-1]).select_related("unit").first()
        if submitted
        else None
    )
    if disclosure_request is None:
        return redirect(page.url)
    context = page.get_context(request)
    context.update(
        {"disclosure_request": disclosure_request, "reply_working_days": REPLY_WORKING_DAYS}
    )
    response = TemplateResponse(
        request, "wagtail_disclosure/requests/request_thanks.html", context
    )
    add_never_cache_headers(response)
    return response
