"""Who may do what: plan managers see everything, unit editors only their units' items."""

from .conf import get_setting


def is_disclosure_manager(user) -> bool:
    """Superusers and members of the managers group (WAGTAIL_DISCLOSURE_MANAGERS_GROUP)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=get_setting("WAGTAIL_DISCLOSURE_MANAGERS_GROUP")).exists()


def user_units(user):
    """The units a user edits for (a queryset of UnitPage)."""
    from .models import UnitPage

    if not user.is_authenticated:
        return UnitPage.objects.none()
    return UnitPage.objects.filter(memberships__user=user)


def can_edit_for_unit(user, unit) -> bool:
    """A manager edits for every unit; a unit editor for the units they are linked to."""
    if is_disclosure_manager(user):
        return True
    return unit is not None and user_units(user).filter(pk=unit.pk).exists()
