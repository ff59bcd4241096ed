"""Who may do what: the one place that answers it.

Two kinds of people work in the disclosure columns:

- **managers** (superusers and members of ``WAGTAIL_DISCLOSURE_MANAGERS_GROUP``) see and change
  every unit's items;
- **unit editors** are linked to one or more units by a unit membership and see and change only
  those units' items (progress reports, requests, annual reports, enterprise entries).

Both answers are cached on the user object, which Django keeps for the whole request, so a
dashboard that asks fifty times costs two queries. Every unit-scoped viewset uses
:class:`UnitScopedPermissionPolicy` (with :class:`UnitScopedViewSetMixin`), and menu items ask the
same policies whether to show themselves.

Pages follow units the same way: Wagtail's group page permissions say what a user may do in a
column, and the column's page types (:class:`UnitPageMixin`) narrow that to the pages of the
user's units. ``manage.py disclosure_groups`` makes the groups (docs/permissions.md).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, ObjectList
from wagtail.admin.panels.base import get_form_for_model
from wagtail.models import Page, PagePermissionTester, Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy

from wagtail_disclosure.conf import get_setting
from wagtail_disclosure.core.sites import (
    DisclosureSite,
    site_units,
    site_units_claimed,
    site_units_q,
)

_ANSWERS = "_wagtail_disclosure_answers"

#: The reverse name of the unit membership's user field (see ``units.models.UnitMembership``).
MEMBERSHIPS = "disclosure_unit_memberships"


def answer_once(user, question: str, compute):
    """``compute()``, asked once per request for ``user`` and then remembered.

    Django gives each request its own user object, so an answer kept on it lasts exactly as long
    as the request: a menu, a dashboard and a listing asking the same question cost one query.
    """
    answers = user.__dict__.setdefault(_ANSWERS, {})
    if question not in answers:
        answers[question] = compute()
    return answers[question]


def forget(user) -> None:
    """Drop the remembered answers, after a user's groups or memberships changed mid-request."""
    user.__dict__.pop(_ANSWERS, None)


def _roles(user) -> tuple[bool, frozenset[int]]:
    """(is in the managers group, unit ids), in one query.

    The user's row joined to their memberships and to their groups (with the sites whose editors'
    group each is): a row per unit and group, a single row of nulls for a user with neither.
    Every dashboard, menu and listing asks this first; plain joins cost a quarter of the time of
    annotated subqueries to build. A member of a site's editors' group
    (``DisclosureSite.managers_group``) acts for every unit the site administers: one more query
    finds those units.
    """
    managers_group = get_setting("WAGTAIL_DISCLOSURE_MANAGERS_GROUP")
    rows = list(
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(f"{MEMBERSHIPS}__unit_id", "groups__name", "groups__disclosure_sites")
    )
    units = frozenset(unit_id for unit_id, _group, _site in rows if unit_id is not None)
    manager = any(group == managers_group for _unit, group, _site in rows)
    if any(site is not None for _unit, _group, site in rows):
        units |= _site_editor_units(user)
    return manager, units


def _site_editor_units(user) -> frozenset[int]:
    """The units of the sites whose editors' group ``user`` is in."""
    condition = Q(pk__in=[])
    sites = Site.objects.filter(disclosure__managers_group__in=user.groups.all())
    for site in sites.select_related("root_page"):
        condition |= site_units_q(site)
    return frozenset(
        site_units(None).filter(condition).values_list("pk", flat=True)
    )


def is_manager(user) -> bool:
    """Superusers and members of the managers group (``WAGTAIL_DISCLOSURE_MANAGERS_GROUP``)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return answer_once(user, "roles", lambda: _roles(user))[0]


def unit_ids(user) -> frozenset[int]:
    """The ids of the units ``user`` edits for (empty for anonymous users)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    return answer_once(user, "roles", lambda: _roles(user))[1]


def unit_scope(user) -> tuple:
    """What a user's view of unit-scoped figures depends on: every unit for managers, else the
    user's own units. HTML kept per viewer is keyed by it, so no one reads another's."""
    if is_manager(user):
        return ("all",)
    return ("units", *sorted(unit_ids(user)))


def is_unit_editor(user) -> bool:
    """Does ``user`` edit for at least one unit?"""
    return bool(unit_ids(user))


def works_in_disclosure(user) -> bool:
    """Managers and unit editors: the people the disclosure admin screens are for."""
    return is_manager(user) or is_unit_editor(user)


def acts_for_unit(user, unit_id) -> bool:
    """A manager acts for every unit; a unit editor for the units they are linked to."""
    return is_manager(user) or (unit_id is not None and unit_id in unit_ids(user))


def managers_q(prefix: str = "") -> Q:
    """Users who are managers, as a filter on the user model."""
    return Q(**{f"{prefix}is_superuser": True}) | Q(
        **{f"{prefix}groups__name": get_setting("WAGTAIL_DISCLOSURE_MANAGERS_GROUP")}
    )


class ManagerPermissionPolicy(ModelPermissionPolicy):
    """Managers may do anything; everyone else needs the model's Django permissions."""

    def user_has_permission(self, user, action):
        return is_manager(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)


class ManagersOnlyPolicy(BasePermissionPolicy):
    """Screens for managers alone (unit groups, unit editors, the calendar, imports)."""

    def user_has_permission(self, user, action):
        return is_manager(user)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        return manager.all() if is_manager(user) else manager.none()


class UnitScopedPermissionPolicy(BasePermissionPolicy):
    """Managers may do anything; a unit editor may take ``editor_actions`` on their units' items.

    ``unit_field`` names the item's unit (``"unit"`` for a progress report, a request, an annual
    report). A model whose scope is not a single unit field (enterprise entries) overrides
    :meth:`editor_scope` and :meth:`in_editor_scope`.
    """

    def __init__(self, model, *, unit_field="unit", editor_actions=("add", "change", "view")):
        super().__init__(model)
        self.unit_field = unit_field
        self.editor_actions = tuple(editor_actions)

    # --- the scope of a non-manager -------------------------------------------------------

    def is_scoped_editor(self, user) -> bool:
        """Does ``user`` have any items in scope at all?"""
        return is_unit_editor(user)

    def editor_scope(self, user) -> Q:
        """The items a non-manager may act on, as a filter."""
        return Q(**{f"{self.unit_field}__in": unit_ids(user)})

    def in_editor_scope(self, user, instance) -> bool:
        return self.unit_id_of(instance) in unit_ids(user)

    def unit_id_of(self, instance):
        """The id of ``instance``'s unit, following ``unit_field`` across relations
        (``"consultation__unit"``: the unit of the item's consultation)."""
        *path, last = self.unit_field.split("__")
        for name in path:
            instance = getattr(instance, name, None)
            if instance is None:
                return None
        return getattr(instance, f"{last}_id", None)

    # --- Wagtail's policy interface -------------------------------------------------------

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if is_manager(user):
            return True
        return action in self.editor_actions and self.is_scoped_editor(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return is_manager(user) or self.in_editor_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if not any(self.user_has_permission(user, a) for a in actions):
            return manager.none()
        if is_manager(user):
            return manager.all()
        return manager.filter(self.editor_scope(user)).distinct()

    def users_with_any_permission(self, actions):
        users = managers_q()
        if any(a in self.editor_actions for a in actions):
            users |= Q(**{f"{MEMBERSHIPS}__isnull": False})
        return get_user_model().objects.filter(users, is_active=True).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        unit_id = self.unit_id_of(instance)
        return self.users_with_any_permission(actions).filter(
            managers_q() | Q(**{f"{MEMBERSHIPS}__unit_id": unit_id})
        )


class UnitObjectCheckMixin:
    """Refuses a view of one object (edit, history, usage, …) when it is out of the user's scope."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if policy and not policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "view"], obj
        ):
            raise PermissionDenied
        return obj


class ScopedListingMixin:
    """A listing (and its export) shows only what the user may see."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if is_manager(self.request.user):
            return queryset
        visible = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )
        return queryset.filter(pk__in=visible.values("pk"))


class ScopedChooserMixin:
    """A chooser lists only what the user may see."""

    scope_policy = None

    def scoped(self, objects):
        if self.scope_policy is None:
            return objects
        visible = self.scope_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )
        return objects.filter(pk__in=visible.values("pk"))

    def get_object_list(self):
        return self.scoped(super().get_object_list())


class ScopedChosenMixin(ScopedChooserMixin):
    """Choosing by id (``chosen/<pk>/``, ``chosen-multiple/?id=``) answers only for what the
    user may see: another unit's item is "not found", as if it were not there."""

    def get_object(self, pk):
        return self.scoped(self.model_class.objects.all()).get(pk=pk)

    def get_objects(self, pks):
        return self.scoped(super().get_objects(pks))


class ChooserCreationMixin:
    """A chooser without a creation form has no "Create" tab; posting to its create URL anyway
    is "not found" rather than a server error (Wagtail's view assumes a form is there)."""

    def dispatch(self, request, *args, **kwargs):
        if self.creation_form_class is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class UnitScopedViewSetMixin:
    """For a ``SnippetViewSet`` or ``ModelViewSet`` of a unit-scoped model.

    The listing and its export, every view of one object, the chooser and the unit field of the
    form all follow the viewset's :attr:`permission_policy` (a :class:`UnitScopedPermissionPolicy`,
    named on the viewset as a class attribute).
    """

    object_views = (
        "edit",
        "copy",
        "delete",
        "usage",
        "history",
        "inspect",
        "revisions",
        "revisions_compare",
        "revisions_unschedule",
        "revisions_revert",
        "unpublish",
        "preview_on_edit",
        "lock",
        "unlock",
        "workflow_history",
        "workflow_history_detail",
    )

    #: The form the model's panels are built on (unit choices, checks).
    base_form_class = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.object_views:
            self._scope_view(name, UnitObjectCheckMixin)
        self._scope_view("index", ScopedListingMixin)

    def _scope_view(self, name, mixin):
        view_class = getattr(self, f"{name}_view_class", None)
        if view_class is not None and not issubclass(view_class, mixin):
            setattr(self, f"{name}_view_class", type(view_class.__name__, (mixin, view_class), {}))

    def get_edit_handler(self):
        if self.base_form_class is None:
            return super().get_edit_handler()
        model_handler = getattr(self.model, "edit_handler", None)
        handler = model_handler.clone() if model_handler else ObjectList(self.model.panels)
        handler.base_form_class = self.base_form_class
        return handler.bind_to_model(self.model)

    @property
    def chooser_viewset(self):
        chooser = super().chooser_viewset
        mixins = {
            "choose_view_class": ScopedChooserMixin,
            "choose_results_view_class": ScopedChooserMixin,
            "chosen_view_class": ScopedChosenMixin,
            "chosen_multiple_view_class": ScopedChosenMixin,
            "create_view_class": ChooserCreationMixin,
        }
        for name, mixin in mixins.items():
            view_class = getattr(chooser, name)
            scoped = type(
                view_class.__name__, (mixin, view_class), {"scope_policy": self.permission_policy}
            )
            setattr(chooser, name, scoped)
        return chooser


class UnitScopedFormMixin:
    """Offers only the user's own units in the form's unit field."""

    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(self.unit_field)
        user = getattr(self, "for_user", None)
        if field is not None and user is not None and not is_manager(user):
            field.queryset = field.queryset.filter(pk__in=unit_ids(user)).order_by("path")
            # Left empty, the item would belong to no unit, and so not to its own editor.
            field.required = True


# --- pages ------------------------------------------------------------------------------------
#
# Wagtail grants page permissions to groups over subtrees (``GroupPagePermission``): the unit
# editors' group holds add/change/publish on the disclosure columns. The pages of the columns
# then narrow that grant by unit, the way the enterprise column narrows it by sector: a unit
# editor acts on a page only if it belongs to one of their units.


def unit_paths(user) -> tuple[str, ...]:
    """The tree paths of the unit pages ``user`` edits for (a unit is its page), asked once."""
    ids = unit_ids(user)
    if not ids:
        return ()
    return answer_once(
        user,
        "unit_paths",
        lambda: tuple(Page.objects.filter(pk__in=ids).values_list("path", flat=True)),
    )


def page_belongs_to_units(user, page) -> bool:
    """Does ``page`` belong to one of ``user``'s units, so that they may act on it?

    A unit's page and everything under it belong to the unit; a page type may name further
    units it belongs to (a policy document its issuing body) in ``unit_ids_of_page()``. Managers
    act on every page.
    """
    if is_manager(user):
        return True
    if not is_unit_editor(user):
        return False
    if any(page.path.startswith(path) for path in unit_paths(user)):
        return True
    owners = getattr(page, "unit_ids_of_page", None)
    return bool(owners and set(owners()) & unit_ids(user))


def editor_site_paths(user) -> tuple[str, ...] | None:
    """The tree paths of the sites ``user`` works in: those administering one of their units
    (None when no site has disclosure settings: a single-site install, no narrowing)."""
    ids = unit_ids(user)

    def compute():
        if not DisclosureSite.objects.exists():
            return None
        # The sites listing one of the units (or a unit above one of them)…
        listing = Site.objects.filter(
            Q(disclosure__units__in=ids) | Q(disclosure__units__sub_units__in=ids)
        ).values_list("root_page__path", flat=True)
        paths = set(listing)
        # …and, for the units no site lists, the sites whose trees hold their pages.
        listed = set(site_units_claimed(ids))
        unlisted = Page.objects.filter(pk__in=ids - listed).values_list("path", flat=True)
        unlisted = list(unlisted)
        roots = list(Site.objects.values_list("root_page__path", flat=True)) if unlisted else []
        for path in unlisted:
            paths.update(root for root in roots if path.startswith(root))
        return tuple(sorted(paths))

    return answer_once(user, "site_paths", compute)


def works_in_site_of(user, page) -> bool:
    """Is ``page`` in a site ``user`` works in? Managers work in every site."""
    if is_manager(user):
        return True
    paths = editor_site_paths(user)
    return paths is None or any(page.path.startswith(path) for path in paths)


def may_add_under(user, page) -> bool:
    """May ``user`` add pages below ``page``? Within their units, and below the indexes open to
    every unit (the policy library: each unit adds its own documents) of the sites they work
    in (a county's editors add to the county's library, not the city's)."""
    if page_belongs_to_units(user, page):
        return True
    return (
        getattr(page, "unit_editors_add_here", False)
        and is_unit_editor(user)
        and works_in_site_of(user, page)
    )


class NarrowedPagePermissionTester(PagePermissionTester):
    """Wagtail's answers (group page permissions over subtrees), narrowed page by page: a
    subclass says in ``may_act`` whether the user acts on this page at all (their unit's page,
    their sector's entity), and every action Wagtail grants is kept only where it does."""

    def may_act(self) -> bool:
        raise NotImplementedError

    def may_add_below(self) -> bool:
        return self.may_act()

    def _narrow(self, allowed) -> bool:
        return bool(allowed) and self.may_act()

    def _narrow_removal(self, allowed) -> bool:
        """Deleting, unpublishing or restricting: narrowed like the rest unless a subclass
        keeps some pages for managers."""
        return self._narrow(allowed)

    def can_add_subpage(self):
        return bool(super().can_add_subpage()) and self.may_add_below()

    def can_publish_subpage(self):
        return bool(super().can_publish_subpage()) and self.may_add_below()

    def can_edit(self):
        return self._narrow(super().can_edit())

    def can_delete(self, ignore_bulk=False):
        return self._narrow_removal(super().can_delete(ignore_bulk=ignore_bulk))

    def can_unpublish(self):
        return self._narrow_removal(super().can_unpublish())

    def can_publish(self):
        return self._narrow(super().can_publish())

    def can_reorder_children(self):
        return self._narrow(super().can_reorder_children())

    def can_lock(self):
        return self._narrow(super().can_lock())

    def can_unlock(self):
        return self._narrow(super().can_unlock())

    def can_set_view_restrictions(self):
        return self._narrow_removal(super().can_set_view_restrictions())

    def can_unschedule(self):
        return self._narrow(super().can_unschedule())

    def can_view_revisions(self):
        return self._narrow(super().can_view_revisions())

    def can_move_to(self, destination):
        # Wagtail reads the destination's raw group permissions; ask its narrowed tester too.
        return super().can_move_to(destination) and (
            destination.specific.permissions_for_user(self.user).can_add_subpage()
        )


class UnitPagePermissionTester(NarrowedPagePermissionTester):
    """Wagtail's answers, narrowed to the pages of the user's units."""

    def may_act(self) -> bool:
        return page_belongs_to_units(self.user, self.page)

    def may_add_below(self) -> bool:
        return may_add_under(self.user, self.page)

    def _narrow_removal(self, allowed) -> bool:
        """Deleting, unpublishing or moving a page its type keeps for managers (a unit's own
        page: the register refers to it) is theirs alone."""
        if not getattr(self.page, "unit_editors_may_remove", True) and not is_manager(self.user):
            return False
        return self._narrow(allowed)


class UnitPageMixin:
    """For page types of the disclosure columns: their permissions follow units.

    ``unit_ids_of_page()`` names the units (besides the unit page the page sits under) whose
    editors may act on the page; ``unit_editors_add_here`` opens an index to every unit editor
    for adding pages. A site's own page types placed under unit pages use this mixin too.
    """

    #: May every unit editor add pages here (each then acts on their own unit's pages)?
    unit_editors_add_here = False
    #: May a unit's editors delete, unpublish, move or restrict this page (if it is theirs)?
    unit_editors_may_remove = True

    def unit_ids_of_page(self):
        return ()

    def permissions_for_user(self, user):
        return UnitPagePermissionTester(user, self)


class PublicSubmissionPolicy(UnitScopedPermissionPolicy):
    """Unit-scoped, for what the public sends through a site's forms (comments, registrations,
    feedback): viewed and moderated in the admin, never added there."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)
class UnitScopedInlinePanel(InlinePanel):
    """An ``InlinePanel`` of unit-scoped child items (e.g. a page filed under statutory
    categories for a unit): each child form offers a unit editor only their own units."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=type(
                "UnitScopedChildForm", (UnitScopedFormMixin, WagtailAdminModelForm), {}
            ),
            fields=formset["fields"],
        )
        # The child forms are told who is editing, as the parent form is.
        formset["inherit_kwargs"] = ["for_user"]
        return options
