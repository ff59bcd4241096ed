from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_disclosure.blocks import DisclosureStreamBlock
from wagtail_disclosure.column.models import DisclosureColumnPage


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(DisclosureStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["disclosure_columns"] = self.get_children().live().in_menu()
        column = DisclosureColumnPage.objects.live().child_of(self).first()
        context["disclosure_column"] = column
        context["column_sections"] = column.sections() if column is not None else []
        return context
