"""The site's own working-day calendar: corrections and additions to the official one."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

__all__ = ["CalendarDay"]


class CalendarDay(models.Model):
    """One day whose status the site sets: a holiday, or a weekend day made a working day (调休).

    The official calendars come with the chinese-calendar package; these rows win over it. Each
    December, add the next year's days from the State Council's notice if the package has not
    been updated yet.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Ticked: a working day (e.g. a weekend day made up). Not ticked: a day off."),
    )
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("E.g. 国庆节 or 国庆节调休上班.")
    )

    panels = [FieldPanel("date"), FieldPanel("is_working_day"), FieldPanel("note")]

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["-date"]

    def __str__(self):
        status = _("working day") if self.is_working_day else _("day off")
        return f"{self.date.isoformat()} {status}{' · ' + self.note if self.note else ''}"
