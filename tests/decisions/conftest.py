import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def june_2022(settings):
    """Registration for the builders' meetings runs through June 2022."""
    settings.WAGTAIL_DISCLOSURE_TODAY = "2022-06-15"


@pytest.fixture(autouse=True)
def empty_rate_limits():
    """The registration form's rate limit counts in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def city(jining_units):
    """济宁市人民政府, the government issuing the directory (not in the departments' register)."""
    from tests.builders import child_page, unit_directory
    from wagtail_disclosure.units.models import UnitPage

    return child_page(unit_directory(), UnitPage, "jining-city", "济宁市人民政府")


@pytest.fixture
def housing(jining_units):
    return jining_units["市住房城乡建设局"]


@pytest.fixture
def directory(city):
    from tests.builders import make_decision_directory

    return make_decision_directory(city, 2022)
