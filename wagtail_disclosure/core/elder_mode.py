"""Elder-friendly mode (适老化): large text and high contrast, one click away, no JavaScript.

The choice lives in a cookie so it follows the reader from page to page and works with page
caching keyed on cookies.
"""

ELDER_MODE_COOKIE = "disclosure_elder_mode"


def is_elder_mode(request) -> bool:
    return request.COOKIES.get(ELDER_MODE_COOKIE) == "1"
