"""StreamField blocks of an interpretation.

The substance the notice asks for (核心概念, 新旧政策对比, 影响范围, 执行标准及注意事项,
惠企利民举措及享受条件), Q&A pairs, accessible images and videos.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

TEMPLATES = "wagtail_disclosure/policies/blocks/"


class SectionBlock(blocks.StructBlock):
    """A titled section; the default heading says which part of the substance it covers."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    text = blocks.RichTextBlock(label=_("text"))

    class Meta:
        template = TEMPLATES + "section.html"


class ComparisonRowBlock(blocks.StructBlock):
    aspect = blocks.CharBlock(label=_("aspect"))
    before = blocks.TextBlock(label=_("old policy"))
    after = blocks.TextBlock(label=_("new policy"))


class ComparisonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    intro = blocks.RichTextBlock(label=_("introduction"), required=False)
    rows = blocks.ListBlock(ComparisonRowBlock(), label=_("differences"))

    class Meta:
        template = TEMPLATES + "comparison.html"


class BenefitBlock(blocks.StructBlock):
    measure = blocks.CharBlock(label=_("measure"))
    conditions = blocks.TextBlock(label=_("who qualifies and how"))


class BenefitsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(BenefitBlock(), label=_("measures"))

    class Meta:
        template = TEMPLATES + "benefits.html"


class QABlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=500)
    answer = blocks.RichTextBlock(label=_("answer"))
    topic = SnippetChooserBlock(
        "wagtail_disclosure.SubjectCategory", label=_("topic"), required=False
    )

    class Meta:
        icon = "help"
        template = TEMPLATES + "qa.html"


class AccessibleImageBlock(blocks.StructBlock):
    """图解: an image with the text that stands in for it (alt) and describes it in full."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    long_description = blocks.TextBlock(
        label=_("long description"),
        help_text=_("Everything the graphic says (figures, steps, conditions), in words."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = TEMPLATES + "image.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise ValidationError(_("An image needs alternative text."))
        return value


class VideoBlock(blocks.StructBlock):
    """视频解读: a link to the video and its full transcript (no player needed to read it)."""

    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(label=_("video address"))
    duration = blocks.CharBlock(label=_("duration"), required=False, help_text=_("e.g. 3分20秒"))
    transcript = blocks.TextBlock(label=_("transcript"))

    class Meta:
        icon = "media"
        template = TEMPLATES + "video.html"


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("web address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give an address."))}
            )
        return value


class InterpretationStreamBlock(blocks.StreamBlock):
    core_concepts = SectionBlock(label=_("Core concepts (核心概念)"), icon="pick")
    comparison = ComparisonBlock(label=_("Old and new policy (新旧政策对比)"), icon="table")
    scope = SectionBlock(label=_("Scope of impact (影响范围)"), icon="group")
    standards = SectionBlock(
        label=_("Standards and points to note (执行标准及注意事项)"), icon="list-ul"
    )
    benefits = BenefitsBlock(
        label=_("Benefits and how to qualify (惠企利民举措及享受条件)"), icon="tick-inverse"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), template=TEMPLATES + "paragraph.html")
    qa = QABlock(label=_("Question and answer"))
    image = AccessibleImageBlock(label=_("Graphic"))
    video = VideoBlock(label=_("Video"))
    related_links = blocks.ListBlock(
        LinkBlock(), label=_("Related links"), icon="link", template=TEMPLATES + "links.html"
    )

    class Meta:
        label = _("Interpretation content")
