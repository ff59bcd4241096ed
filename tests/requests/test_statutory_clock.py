"""Due dates count Chinese working days, as the State Council's calendar sets them."""

from datetime import date

import chinese_calendar
import pytest

from tests.builders import make_request
from wagtail_disclosure.requests.calendar import CalendarDay
from wagtail_disclosure.requests.models import (
    RequestConsultation,
    RequestCorrection,
    RequestExtension,
)
from wagtail_disclosure.requests.workdays import WorkingCalendar, add_working_days, official_years


def nth_official_working_day_after(start, n):
    """Independent reckoning straight from chinese_calendar's list of working days."""
    days = chinese_calendar.get_workdays(start, date(start.year + 1, 3, 31))
    return [d for d in days if d > start][n - 1]


def test_the_installed_calendar_covers_2022():
    first, last = official_years()
    assert first <= 2022 <= last


def test_a_request_received_before_national_day_is_due_after_the_make_up_weekend():
    # 2022: 10月1日至7日放假, 10月8日（周六）、9日（周日）上班.
    assert chinese_calendar.is_workday(date(2022, 10, 8))
    assert not chinese_calendar.is_workday(date(2022, 10, 3))
    due = WorkingCalendar().add_working_days(date(2022, 9, 23), 20)
    assert due == nth_official_working_day_after(date(2022, 9, 23), 20) == date(2022, 10, 26)


@pytest.mark.django_db
def test_the_register_gives_the_official_due_date(office):
    request = make_request(office, date(2022, 9, 23))
    assert request.due_on == date(2022, 10, 26)
    assert add_working_days(date(2022, 9, 23), 20) == date(2022, 10, 26)


@pytest.mark.django_db
def test_a_correction_restarts_the_clock_on_the_corrected_date(office):
    request = make_request(
        office,
        date(2022, 9, 23),
        corrections=[
            RequestCorrection(asked_on=date(2022, 9, 27), corrected_on=date(2022, 10, 10))
        ],
    )
    assert request.due_on == nth_official_working_day_after(date(2022, 10, 10), 20)


@pytest.mark.django_db
def test_the_clock_stops_while_waiting_for_a_correction(office):
    request = make_request(
        office, date(2022, 9, 23), corrections=[RequestCorrection(asked_on=date(2022, 9, 27))]
    )
    assert request.due_on is None
    assert request.clock_stopped == "correction"


@pytest.mark.django_db
def test_an_extension_adds_twenty_working_days_across_the_holiday(office):
    request = make_request(
        office,
        date(2022, 9, 23),
        corrections=[RequestCorrection(asked_on=date(2022, 9, 27), corrected_on=date(2022, 9, 30))],
        extensions=[RequestExtension(decided_on=date(2022, 10, 20), days=20, approved_by="主任")],
    )
    assert request.due_on == nth_official_working_day_after(date(2022, 9, 30), 40)


@pytest.mark.django_db
def test_days_consulting_a_third_party_are_not_counted(office):
    request = make_request(
        office,
        date(2022, 9, 1),
        consultations=[
            RequestConsultation(
                consulted="某公司", started_on=date(2022, 9, 5), ended_on=date(2022, 9, 9)
            )
        ],
    )
    # 6–9 September (four working days) are not counted.
    assert request.due_on == nth_official_working_day_after(date(2022, 9, 1), 24)


@pytest.mark.django_db
def test_changing_the_calendar_recomputes_open_due_dates(office):
    request = make_request(office, date(2022, 9, 23))
    replied = make_request(
        office, date(2022, 9, 23), replied_on=date(2022, 9, 28), outcome="disclosed"
    )
    day = CalendarDay.objects.create(date=date(2022, 10, 26), is_working_day=False, note="例")
    request.refresh_from_db()
    assert request.due_on == date(2022, 10, 27)
    replied.refresh_from_db()
    assert replied.due_on == date(2022, 10, 27)  # replied early either way; kept true

    day.date = date(2022, 10, 25)
    day.save()
    request.refresh_from_db()
    assert request.due_on == date(2022, 10, 27)

    day.delete()
    request.refresh_from_db()
    assert request.due_on == date(2022, 10, 26)


@pytest.mark.django_db
def test_a_made_up_working_day_brings_the_due_date_forward():
    CalendarDay.objects.create(date=date(2022, 10, 16), is_working_day=True)
    assert add_working_days(date(2022, 9, 23), 20) == date(2022, 10, 25)


def test_beyond_the_official_years_only_weekends_are_off():
    year = official_years()[1] + 2
    calendar = WorkingCalendar({date(year, 1, 2): False})
    friday = next(date(year, 1, d) for d in range(3, 10) if date(year, 1, d).weekday() == 4)
    assert calendar.add_working_days(friday, 1).weekday() == 0
