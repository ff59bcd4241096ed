"""Disclosure requests (依申请公开) and the statutory clock they run on.

A request is due 20 working days after it is received (Art. 33), counted from the day after. A
correction the agency asks for stops the clock, which restarts on the day the corrected request
arrives (Art. 30); working days spent consulting a third party are not counted (Art. 32, 33); one
extension adds at most 20 working days. The due date is stored so lists and the dashboard can
filter on it; it is recomputed when a request or the calendar changes.
"""

import secrets
from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from wagtail_disclosure.core import clock
from wagtail_disclosure.core.permissions import is_manager, unit_ids

from .outcomes import APPLICANT_COLUMNS, outcome_choices
from .workdays import site_calendar

__all__ = [
    "RequestChannel",
    "ApplicantType",
    "DeliveryMethod",
    "ClockStop",
    "DisclosureRequest",
    "RequestCorrection",
    "RequestConsultation",
    "RequestExtension",
    "ReceiptCounter",
    "REPLY_WORKING_DAYS",
    "MAX_EXTENSION_WORKING_DAYS",
    "CORRECTION_WORKING_DAYS",
]

REPLY_WORKING_DAYS = 20  # Art. 33
MAX_EXTENSION_WORKING_DAYS = 20  # Art. 33
CORRECTION_WORKING_DAYS = 7  # Art. 30
RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I


class RequestChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("Email")


ApplicantType = models.TextChoices(
    "ApplicantType", [(code, (code, label)) for code, label in APPLICANT_COLUMNS]
)


class DeliveryMethod(models.TextChoices):
    POST = "post", _("By post (paper)")
    EMAIL = "email", _("By email")
    COLLECT = "collect", _("Collect in person")
    ONLINE = "online", _("Online, on this site")


class ClockStop(models.TextChoices):
    RUNNING = "", _("Running")
    CORRECTION = "correction", _("Waiting for the corrected request")
    CONSULTATION = "consultation", _("Consulting a third party")




def unit_short_name(unit):
    """任城区人民政府 → 任城: the unit part of a receipt number."""
    name = unit.title
    for suffix in ("人民政府", "政府"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    if name[-1:] in ("区", "县", "市") and len(name) > 2:
        name = name[:-1]
    return name[:8]


class DisclosureRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(replied_on__isnull=True)

    def replied(self):
        return self.filter(replied_on__isnull=False)

    def overdue(self, today=None):
        """Open past their due date, or replied after it."""
        today = today or clock.today()
        return self.filter(
            Q(replied_on__isnull=True, due_on__lt=today) | Q(replied_on__gt=F("due_on"))
        )

    def for_user(self, user):
        """Managers see every unit's requests; a unit editor only their units'."""
        if is_manager(user):
            return self
        return self.filter(unit__in=unit_ids(user))


class DisclosureRequest(ClusterableModel):
    """政府信息公开申请: one request in the register, with its events and reply."""

    receipt_number = models.CharField(
        _("receipt number"),
        max_length=40,
        unique=True,
        blank=True,
        help_text=_("Given when the request is saved, e.g. 2022-任城-0001-K7QF."),
    )
    unit = models.ForeignKey(
        "wagtail_disclosure.UnitPage",
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="disclosure_requests",
    )
    received_on = models.DateField(_("date received"), default=clock.today)
    channel = models.CharField(
        _("channel"), max_length=16, choices=RequestChannel.choices, default=RequestChannel.ONLINE
    )
    applicant_type = models.CharField(
        _("applicant type"), max_length=16, choices=ApplicantType.choices
    )
    applicant_name = models.CharField(
        _("name or organisation"),
        max_length=255,
        help_text=_("A person's name, or an organisation's full name."),
    )
    contact_person = models.CharField(
        _("contact person"), max_length=100, blank=True, help_text=_("For organisations.")
    )
    id_number = models.CharField(
        _("ID or registration number"),
        max_length=32,
        help_text=_(
            "A person's resident ID number, or an organisation's unified social credit code."
        ),
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    delivery = models.CharField(
        _("preferred way to receive"),
        max_length=16,
        choices=DeliveryMethod.choices,
        default=DeliveryMethod.EMAIL,
    )
    description = models.TextField(
        _("information asked for"),
        help_text=_("The name, document number or other description of the information."),
    )

    due_on = models.DateField(_("due date"), null=True, blank=True, editable=False)
    clock_stopped = models.CharField(
        _("clock"), max_length=16, choices=ClockStop.choices, blank=True, editable=False
    )

    replied_on = models.DateField(_("date replied"), null=True, blank=True)
    outcome = models.CharField(
        _("result"), max_length=32, choices=outcome_choices(), blank=True
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=255,
        blank=True,
        help_text=_("The article the reply relies on, e.g. 《条例》第十六条第二款."),
    )
    reply_note = models.TextField(_("reply notes"), blank=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = DisclosureRequestQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("receipt_number", read_only=True),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("received_on")]),
                FieldRowPanel([FieldPanel("channel"), FieldPanel("applicant_type")]),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("applicant_name"), FieldPanel("contact_person")]),
                FieldPanel("id_number"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldPanel("delivery"),
            ],
            heading=_("Applicant"),
        ),
        FieldPanel("description"),
        InlinePanel("corrections", heading=_("Corrections asked"), label=_("correction")),
        InlinePanel(
            "consultations", heading=_("Third-party consultations"), label=_("consultation")
        ),
        InlinePanel("extensions", heading=_("Extension"), label=_("extension"), max_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("replied_on"), FieldPanel("outcome")]),
                FieldPanel("legal_basis"),
                FieldPanel("reply_note"),
            ],
            heading=_("Reply"),
        ),
    ]

    class Meta:
        verbose_name = _("disclosure request")
        verbose_name_plural = _("disclosure requests")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["replied_on", "due_on"])]

    def __str__(self):
        return self.receipt_number or str(_("new request"))

    # --- the clock ------------------------------------------------------------------------

    def clock_start(self):
        """Receipt, or the latest corrected request; None while a correction is awaited."""
        start = self.received_on
        for correction in self.corrections.all():
            if correction.corrected_on is None:
                return None
            start = max(start, correction.corrected_on)
        return start

    def compute_clock(self, calendar):
        """Set ``due_on`` and ``clock_stopped`` from the events, on ``calendar``."""
        start = self.clock_start()
        if start is None:
            self.due_on, self.clock_stopped = None, ClockStop.CORRECTION
            return
        paused = []
        for consultation in self.consultations.all():
            if consultation.ended_on is None:
                self.due_on, self.clock_stopped = None, ClockStop.CONSULTATION
                return
            # The day the letter goes out counts; the days until the answer arrives do not.
            paused.append((consultation.started_on + timedelta(days=1), consultation.ended_on))
        days = REPLY_WORKING_DAYS + sum(e.days for e in self.extensions.all())
        self.due_on = calendar.add_working_days(start, days, paused)
        self.clock_stopped = ClockStop.RUNNING

    def working_days_left(self, calendar, today=None):
        """Working days from today to the due date; negative once overdue; None if stopped
        or replied."""
        if self.replied_on or self.due_on is None:
            return None
        return calendar.working_days_between(today or clock.today(), self.due_on)

    def is_late(self, today=None):
        if self.due_on is None:
            return False
        if self.replied_on:
            return self.replied_on > self.due_on
        return (today or clock.today()) > self.due_on

    # --- saving ---------------------------------------------------------------------------

    def new_receipt_number(self):
        year = self.received_on.year
        prefix = f"{year}-{unit_short_name(self.unit)}-"
        sequence = ReceiptCounter.next_for(prefix)
        suffix = "".join(secrets.choice(RECEIPT_ALPHABET) for _i in range(4))
        return f"{prefix}{sequence:04d}-{suffix}"

    def save(self, *args, calendar=None, **kwargs):
        if not self.receipt_number:
            self.receipt_number = self.new_receipt_number()
        if calendar is None:
            calendar = site_calendar()
        self.compute_clock(calendar)
        super().save(*args, **kwargs)


class ReceiptCounter(models.Model):
    """The last sequence number given to a receipt prefix (a year and a unit): a sequence.

    Counting the requests (``count() + 1``) gave 200 concurrent submissions 34 duplicate numbers;
    the counter is raised by one ``UPDATE`` that the database serialises (a row lock on
    PostgreSQL, the write lock on SQLite), and its prefix is unique, so two requests never
    share a number and a failed save leaves at most a gap.
    """

    prefix = models.CharField(_("receipt prefix"), max_length=40, unique=True)
    last = models.PositiveIntegerField(_("last sequence number"), default=0)

    class Meta:
        verbose_name = _("receipt counter")
        verbose_name_plural = _("receipt counters")

    def __str__(self):
        return f"{self.prefix}{self.last:04d}"

    @classmethod
    def next_for(cls, prefix: str) -> int:
        """The next sequence number of ``prefix``, unique however many ask at once."""
        with transaction.atomic():
            if not cls.objects.filter(prefix=prefix).update(last=F("last") + 1):
                try:
                    with transaction.atomic():
                        # The first of the prefix; numbers given before counters existed count.
                        first = cls.highest_given(prefix) + 1
                        return cls.objects.create(prefix=prefix, last=first).last
                except IntegrityError:  # another request created it meanwhile
                    cls.objects.filter(prefix=prefix).update(last=F("last") + 1)
            return cls.objects.values_list("last", flat=True).get(prefix=prefix)

    @staticmethod
    def highest_given(prefix: str) -> int:
        numbers = DisclosureRequest.objects.filter(receipt_number__startswith=prefix)
        highest = 0
        for number in numbers.values_list("receipt_number", flat=True).iterator():
            sequence = number[len(prefix):].partition("-")[0]
            if sequence.isdigit():
                highest = max(highest, int(sequence))
        return highest


class RequestCorrection(Orderable):
    """补正: the agency asks the applicant to correct the request (Art. 30)."""

    request = ParentalKey(DisclosureRequest, on_delete=models.CASCADE, related_name="corrections")
    asked_on = models.DateField(_("asked on"))
    corrected_on = models.DateField(
        _("corrected request received on"),
        null=True,
        blank=True,
        help_text=_("Leave empty while waiting: the clock stops until the correction arrives."),
    )
    note = models.CharField(_("what was asked"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("asked_on"), FieldPanel("corrected_on")]), "note"]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")


class RequestConsultation(Orderable):
    """征求意见: a third party or another agency is asked its view; those days do not count."""

    request = ParentalKey(
        DisclosureRequest, on_delete=models.CASCADE, related_name="consultations"
    )
    consulted = models.CharField(_("third party consulted"), max_length=255)
    started_on = models.DateField(_("sent on"))
    ended_on = models.DateField(
        _("answer received on"),
        null=True,
        blank=True,
        help_text=_("Leave empty while waiting: the clock stops until the answer arrives."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        "consulted",
        FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
        "note",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")


class RequestExtension(Orderable):
    """延期答复: one extension of at most 20 working days, approved and notified (Art. 33)."""

    request = ParentalKey(DisclosureRequest, on_delete=models.CASCADE, related_name="extensions")
    decided_on = models.DateField(_("approved on"))
    days = models.PositiveSmallIntegerField(
        _("working days added"),
        default=MAX_EXTENSION_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_EXTENSION_WORKING_DAYS)],
    )
    approved_by = models.CharField(_("approved by"), max_length=100)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("decided_on"), FieldPanel("days")]),
        "approved_by",
        "note",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
