"""Policy documents of the demo, their interpretations in every form, and a Q&A set.

The documents are illustrative (modelled on Jining's own, not copies of them): a normative
document in force, one amended by a later decision, one repealed by its successor, one expired.
Documents that require interpretation are published the way editors do it: the interpretation is
saved as a draft first, and publishing the document releases it in the same action.
"""

import io
from datetime import date

from django.core.files.images import ImageFile
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from demo.site import ensure_child, home_page
from wagtail_disclosure.policies.interpretations import (
    InterpretationForm,
    InterpretationIndexPage,
    InterpretationPage,
    InterpreterRole,
    PolicyQuestion,
    QALibraryPage,
)
from wagtail_disclosure.policies.models import (
    PolicyDocumentPage,
    PolicyIndexPage,
    PolicyKind,
    SubjectCategory,
    Validity,
)
from wagtail_disclosure.units.models import UnitPage

CATEGORIES = [
    ("营商环境", "business-environment"),
    ("住房保障", "housing"),
    ("就业创业", "employment"),
    ("财政税务", "finance-tax"),
    ("卫生健康", "health"),
]

DOCUMENTS = [
    {
        "slug": "yingshang-2022",
        "title": "济宁市人民政府办公室关于印发济宁市优化营商环境若干措施的通知",
        "kind": PolicyKind.NORMATIVE,
        "index_number": "11370800004201108B/2022-00105",
        "issuer": "市政府办公室",
        "document_number": "济政办发〔2022〕5号",
        "date_written": date(2022, 3, 10),
        "date_published": date(2022, 3, 15),
        "categories": ["business-environment", "finance-tax"],
        "body": (
            "<p>各县（市、区）人民政府，济宁高新区、太白湖新区、济宁经济技术开发区管委会，"
            "市政府各部门，各大企业，各高等院校：</p>"
            "<p>为深入实施营商环境创新提升行动，进一步降低市场主体制度性交易成本，"
            "现就优化营商环境提出以下措施。</p>"
            "<p>一、推行企业开办“一窗通办”，企业开办全程网上办理，办理时间压缩至0.5个工作日以内。</p>"
            "<p>二、工程建设项目审批实行“容缺受理”，社会投资小型低风险项目审批时间不超过15个工作日。</p>"
            "<p>三、全面落实减税降费政策，对符合条件的小微企业增值税留抵退税做到应退尽退。</p>"
            "<p>四、建立惠企政策“免申即享”清单，通过政策精准推送推动“人找政策”向“政策找人”转变。</p>"
        ),
    },
    {
        "slug": "zulin-zhufang-2021",
        "title": "济宁市保障性租赁住房管理办法",
        "kind": PolicyKind.NORMATIVE,
        "index_number": "11370800004201108B/2021-00230",
        "issuer": "市住房城乡建设局",
        "document_number": "济建发〔2021〕30号",
        "date_written": date(2021, 8, 20),
        "date_published": date(2021, 9, 1),
        "categories": ["housing"],
        "requires_interpretation": False,
        "interpretation_exemption": "2021年发布，解读材料未随文件移交本站（历史文件补录）",
        "body": (
            "<p>第一条 为规范保障性租赁住房的筹集、分配和运营管理，解决新市民、青年人住房困难，"
            "制定本办法。</p><p>第二条 保障性租赁住房以建筑面积不超过70平方米的小户型为主，"
            "租金低于同地段同品质市场租赁住房租金。</p>"
        ),
    },
    {
        "slug": "zulin-zhufang-xiugai-2022",
        "title": "济宁市住房和城乡建设局关于修改《济宁市保障性租赁住房管理办法》的决定",
        "kind": PolicyKind.NORMATIVE,
        "index_number": "11370800004201108B/2022-00311",
        "issuer": "市住房城乡建设局",
        "document_number": "济建发〔2022〕12号",
        "date_written": date(2022, 6, 15),
        "date_published": date(2022, 6, 20),
        "categories": ["housing"],
        "body": (
            "<p>将第二条修改为：保障性租赁住房以建筑面积不超过70平方米的小户型为主，"
            "租金不高于同地段同品质市场租赁住房租金的90%。</p>"
            "<p>增加一条，作为第九条：在本市稳定就业的新市民、青年人，在就业所在县（市、区）"
            "无自有住房的，可以申请保障性租赁住房。</p>"
        ),
    },
    {
        "slug": "jiuye-chuangye-2019",
        "title": "济宁市促进就业创业若干政策",
        "kind": PolicyKind.NORMATIVE,
        "index_number": "11370800004201108B/2019-00412",
        "issuer": "市人力资源社会保障局",
        "document_number": "济人社发〔2019〕8号",
        "date_written": date(2019, 4, 1),
        "date_published": date(2019, 4, 10),
        "categories": ["employment"],
        "requires_interpretation": False,
        "interpretation_exemption": "2019年发布，早于本站同步解读要求（历史文件补录）",
        "body": "<p>对首次创业且正常经营1年以上的小微企业，给予一次性创业补贴1万元。</p>",
    },
    {
        "slug": "wen-jiuye-2022",
        "title": "济宁市稳就业促创业十条措施",
        "kind": PolicyKind.NORMATIVE,
        "index_number": "11370800004201108B/2022-00188",
        "issuer": "市人力资源社会保障局",
        "document_number": "济人社发〔2022〕6号",
        "date_written": date(2022, 4, 25),
        "date_published": date(2022, 4, 30),
        "categories": ["employment"],
        "body": (
            "<p>一、实施减负稳岗扩就业政策，阶段性缓缴失业保险、工伤保险费，"
            "不裁员或少裁员的参保企业按规定享受稳岗返还。</p>"
            "<p>二、首次创业且正常经营1年以上的小微企业，一次性创业补贴提高至1.5万元。</p>"
            "<p>三、开展职业技能培训，参加培训并取得证书的重点群体按规定享受培训补贴。</p>"
        ),
    },
    {
        "slug": "yiqing-bangfu-2022",
        "title": "济宁市应对疫情帮扶中小微企业纾困解难若干措施",
        "kind": PolicyKind.OTHER,
        "index_number": "11370800004201108B/2022-00077",
        "issuer": "市发展改革委",
        "document_number": "济发改发〔2022〕3号",
        "date_written": date(2022, 2, 20),
        "date_published": date(2022, 2, 25),
        "categories": ["business-environment", "health"],
        "body": (
            "<p>对受疫情影响重的餐饮、住宿、零售、文化、旅游、客运等行业中小微企业，"
            "减免6个月国有房屋租金；本措施执行至2022年12月31日。</p>"
        ),
    },
]

#: (document, validity, date, by document, note)
VALIDITY_CHANGES = [
    ("zulin-zhufang-2021", Validity.AMENDED, date(2022, 6, 20), "zulin-zhufang-xiugai-2022",
     "第二条修改，增加第九条"),
    ("jiuye-chuangye-2019", Validity.REPEALED, date(2022, 4, 30), "wen-jiuye-2022",
     "由《济宁市稳就业促创业十条措施》替代"),
    ("yiqing-bangfu-2022", Validity.EXPIRED, date(2022, 12, 31), None, "执行期满"),
]


def rich(html):
    return RichText(html)


def interpretations(images):
    return [
        {
            "slug": "yingshang-2022-jiedu",
            "title": "《济宁市优化营商环境若干措施》政策解读",
            "documents": ["yingshang-2022"],
            "form": InterpretationForm.TEXT,
            "interpreter": "市发展改革委",
            "role": InterpreterRole.DRAFTING_UNIT,
            "date_published": date(2022, 3, 15),
            "summary": "解读企业开办一窗通办、工程建设项目容缺受理和惠企政策免申即享等措施。",
            "body": [
                ("core_concepts", {"heading": "", "text": rich(
                    "<p><b>一窗通办</b>：企业设立登记、公章刻制、发票申领、社保登记和银行开户"
                    "在一个窗口一次提交、同步办理。<b>容缺受理</b>：主要申请材料齐全、次要材料"
                    "暂缺的，先行受理审查，申请人承诺限期补齐。</p>")}),
                ("comparison", {"heading": "", "intro": rich(""), "rows": [
                    {"aspect": "企业开办时间", "before": "1个工作日", "after": "0.5个工作日以内"},
                    {"aspect": "小型低风险项目审批", "before": "20个工作日",
                     "after": "不超过15个工作日"},
                ]}),
                ("scope", {"heading": "", "text": rich(
                    "<p>适用于在本市登记注册的各类市场主体，以及在本市办理工程建设项目审批的"
                    "建设单位。</p>")}),
                ("standards", {"heading": "", "text": rich(
                    "<p>容缺受理的材料须在20个工作日内补齐，逾期未补齐的，审批部门终止办理。"
                    "免申即享清单由市行政审批服务局每季度更新。</p>")}),
                ("benefits", {"heading": "", "items": [
                    {"measure": "增值税留抵退税", "conditions":
                     "符合条件的小微企业向主管税务机关申请，税务机关在5个工作日内办结。"},
                    {"measure": "惠企政策免申即享", "conditions":
                     "列入清单的政策无需申请，系统比对符合条件的企业直接兑现。"},
                ]}),
            ],
        },
        {
            "slug": "yingshang-2022-tujie",
            "title": "图解：济宁市优化营商环境若干措施",
            "documents": ["yingshang-2022"],
            "form": InterpretationForm.GRAPHIC,
            "interpreter": "市政府办公室",
            "role": InterpreterRole.DRAFTING_UNIT,
            "date_published": date(2022, 3, 16),
            "summary": "用一张图看懂审批时限的压缩。",
            "body": [
                ("image", {
                    "image": images["yingshang"],
                    "alt_text": "柱状图：企业开办时间由1个工作日压缩到0.5个工作日，"
                                "小型低风险项目审批由20个工作日压缩到15个工作日。",
                    "long_description": (
                        "图中有两组柱形，每组左侧为原时限、右侧为新时限。\n"
                        "第一组“企业开办”：原来1个工作日，现在0.5个工作日以内。\n"
                        "第二组“社会投资小型低风险项目审批”：原来20个工作日，现在不超过15个工作日。"
                    ),
                    "caption": "审批时限压缩对比",
                }),
            ],
        },
        {
            "slug": "zulin-zhufang-wenda",
            "title": "保障性租赁住房政策问答",
            "documents": ["zulin-zhufang-xiugai-2022", "zulin-zhufang-2021"],
            "form": InterpretationForm.QA,
            "interpreter": "市住房城乡建设局",
            "role": InterpreterRole.DRAFTING_UNIT,
            "date_published": date(2022, 6, 20),
            "last_reviewed": date(2022, 11, 1),
            "summary": "就保障性租赁住房申请条件、租金标准等群众关心的问题作出解答。",
            "body": [
                ("qa", {"question": "哪些人可以申请保障性租赁住房？", "topic": "housing",
                        "answer": rich("<p>在本市稳定就业、在就业所在县（市、区）无自有住房的"
                                       "新市民、青年人均可申请，不设收入门槛。</p>")}),
                ("qa", {"question": "保障性租赁住房的租金怎么定？", "topic": "housing",
                        "answer": rich("<p>租金不高于同地段同品质市场租赁住房租金的90%，"
                                       "由项目运营单位在租赁合同中明确。</p>")}),
                ("qa", {"question": "修改后的办法与原办法有什么不同？", "topic": "housing",
                        "answer": rich("<p>一是明确租金上限为市场租金的90%；二是新增申请条件"
                                       "条款，放宽户籍限制。</p>")}),
            ],
        },
        {
            "slug": "wen-jiuye-shipin",
            "title": "视频解读：济宁市稳就业促创业十条措施",
            "documents": ["wen-jiuye-2022"],
            "form": InterpretationForm.VIDEO,
            "interpreter": "市人力资源社会保障局",
            "role": InterpreterRole.PRINCIPAL,
            "interpreter_name": "局主要负责同志",
            "date_published": date(2022, 4, 30),
            "summary": "局主要负责同志解读减负稳岗扩就业政策。",
            "body": [
                ("video", {
                    "title": "稳就业促创业十条措施解读",
                    "url": "https://www.jining.gov.cn/video/wen-jiuye-2022.mp4",
                    "duration": "4分10秒",
                    "transcript": (
                        "大家好。今年我们出台了稳就业促创业十条措施。\n"
                        "第一，减负稳岗：阶段性缓缴失业保险、工伤保险费，不裁员或少裁员的企业"
                        "可以享受稳岗返还。\n第二，鼓励创业：首次创业且正常经营一年以上的小微企业，"
                        "一次性创业补贴从1万元提高到1.5万元。\n第三，技能培训：重点群体参加职业技能"
                        "培训并取得证书的，按规定享受培训补贴。"
                    ),
                }),
                ("qa", {"question": "一次性创业补贴提高到多少？", "topic": "employment",
                        "answer": rich("<p>首次创业且正常经营1年以上的小微企业，"
                                       "一次性创业补贴由1万元提高至1.5万元。</p>")}),
            ],
        },
        {
            "slug": "yiqing-bangfu-zhuanjia",
            "title": "专家解读：帮扶中小微企业纾困解难若干措施",
            "documents": ["yiqing-bangfu-2022"],
            "form": InterpretationForm.EXPERT_MEDIA,
            "interpreter": "市发展改革委",
            "role": InterpreterRole.EXPERT,
            "interpreter_name": "济宁学院经济学教授",
            "date_published": date(2022, 2, 26),
            "summary": "专家解读房租减免等纾困措施的适用对象。",
            "body": [
                ("scope", {"heading": "", "text": rich(
                    "<p>房租减免适用于承租国有房屋的餐饮、住宿、零售、文化、旅游、客运等行业"
                    "中小微企业和个体工商户。</p>")}),
                ("related_links", [
                    {"title": "济宁市人民政府网站", "page": None,
                     "url": "https://www.jining.gov.cn/"},
                ]),
            ],
        },
    ]


STANDALONE_QUESTIONS = [
    ("小规模纳税人增值税有什么优惠？", "finance-tax", "yingshang-2022",
     "<p>小规模纳税人适用3%征收率的应税销售收入，免征增值税。具体以税务机关公告为准。</p>"),
    ("企业开办需要跑几次？", "business-environment", "yingshang-2022",
     "<p>企业开办全程网上办理，申请人无需到现场，营业执照和公章可免费邮寄。</p>"),
    ("参加职业技能培训能领补贴吗？", "employment", "wen-jiuye-2022",
     "<p>重点群体参加职业技能培训并取得证书的，按规定享受职业培训补贴。</p>"),
]


def graphic_png():
    """A bar chart of the shortened time limits (labels are figures; the text says the rest)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (640, 360), "white")
    draw = ImageDraw.Draw(img)
    draw.line((60, 310, 600, 310), fill="black", width=2)
    draw.line((60, 30, 60, 310), fill="black", width=2)
    bars = [(110, 1, "#7a7a7a"), (190, 0.5, "#00549f"), (350, 20, "#7a7a7a"), (430, 15, "#00549f")]
    for x, value, colour in bars:
        height = 260 * (value / (1 if value <= 1 else 20))
        draw.rectangle((x, 310 - height, x + 60, 310), fill=colour)
        draw.text((x + 18, 310 - height - 16), f"{value:g}", fill="black")
    draw.text((140, 325), "1", fill="black")
    draw.text((380, 325), "2", fill="black")
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_image(title, data, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
        image.save()
    return image


#: Documents kept out of public view (依申请公开 / 不予公开) with their grounds, and one historical
#: document nobody has decided on yet: drafts that fill the attribute reports and the lookup.
WITHHELD = [
    {
        "slug": "zhongdian-xiangmu-zijin-qingshi-2022",
        "title": "关于2022年市级重点项目资金分配方案的请示",
        "issuer": "市发展改革委",
        "document_number": "济发改投资〔2022〕31号",
        "disclosure_attribute": "not_disclosed",
        "disclosure_basis": "art16_process",
        "disclosure_review_date": date(2022, 9, 30),
    },
    {
        "slug": "gongyu-baozhang-shenhe-mingdan-2022",
        "title": "2022年公共租赁住房保障对象审核情况（含申请人家庭信息）",
        "issuer": "市住房城乡建设局",
        "document_number": "",
        "disclosure_attribute": "on_request",
        "disclosure_basis": "art15_privacy",
        "disclosure_review_date": date(2023, 6, 30),
    },
    {
        "slug": "jiuye-tongji-diaocha-yuanshi-2022",
        "title": "2022年第二季度就业失业统计调查原始资料",
        "issuer": "市人力资源社会保障局",
        "document_number": "",
        "disclosure_attribute": "on_request",
        "disclosure_basis": "other_law",
        "disclosure_basis_citation": "《中华人民共和国统计法》第二十五条",
        "disclosure_review_date": date(2022, 10, 31),
    },
    {
        "slug": "zhengwu-gongkai-huiyi-jiyao-2021",
        "title": "2021年度全市政务公开工作会议纪要",
        "issuer": "市政府办公室",
        "document_number": "",
    },
]


def load_withheld(library, units, stdout):
    for spec in WITHHELD:
        spec = dict(spec)
        slug = spec.pop("slug")
        if PolicyDocumentPage.objects.child_of(library).filter(slug=slug).exists():
            continue
        spec["issuer"] = units.get(spec["issuer"])
        page = PolicyDocumentPage(
            slug=slug, live=False, kind=PolicyKind.WORK, requires_interpretation=False,
            interpretation_exemption="内部工作文件，不需要解读", **spec,
        )
        library.add_child(instance=page)
        page.save_revision()
        attribute = page.get_disclosure_attribute_display() or "未定公开属性"
        stdout.write(f"政策文件（草稿，{attribute}）：{page.title}")


def load(stdout):
    home = home_page()
    library = PolicyIndexPage.objects.filter(slug="policies").first()
    if library is None:
        library, _ = ensure_child(home, PolicyIndexPage, "policies", "政策文件库")
    interp_index, _ = ensure_child(home, InterpretationIndexPage, "interpretations", "政策解读")
    qa_page, _ = ensure_child(home, QALibraryPage, "qa", "政策问答库")

    categories = {}
    for position, (name, slug) in enumerate(CATEGORIES):
        categories[slug], _ = SubjectCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": position}
        )
    units = {u.title: u for u in UnitPage.objects.all()}

    documents, created_docs = {}, []
    for spec in DOCUMENTS:
        spec = dict(spec)
        slug = spec.pop("slug")
        existing = PolicyDocumentPage.objects.child_of(library).filter(slug=slug).first()
        if existing is not None:
            documents[slug] = existing
            continue
        spec.setdefault("requires_interpretation", True)
        spec.setdefault("disclosure_attribute", "proactive")
        category_slugs = spec.pop("categories")
        spec["issuer"] = units.get(spec["issuer"])
        page = PolicyDocumentPage(slug=slug, live=False, **spec)
        page.categories = [categories[s] for s in category_slugs]
        library.add_child(instance=page)
        page.save_revision()
        documents[slug] = page
        created_docs.append(page)

    images = {"yingshang": ensure_image(
        "图解：审批时限压缩对比", graphic_png(), "yingshang-2022-tujie.png")}
    for spec in interpretations(images):
        if InterpretationPage.objects.child_of(interp_index).filter(slug=spec["slug"]).exists():
            continue
        body = []
        for block_type, value in spec["body"]:
            if block_type == "qa" and value.get("topic"):
                value = {**value, "topic": categories[value["topic"]]}
            body.append((block_type, value))
        page = InterpretationPage(
            slug=spec["slug"], title=spec["title"], form=spec["form"], live=False,
            interpreter=units.get(spec["interpreter"]), interpreter_role=spec["role"],
            interpreter_name=spec.get("interpreter_name", ""),
            date_published=spec["date_published"], last_reviewed=spec.get("last_reviewed"),
            summary=spec["summary"], body=body, disclosure_attribute="proactive",
        )
        page.interpreted_documents = [documents[s] for s in spec["documents"]]
        interp_index.add_child(instance=page)
        page.save_revision()  # a draft: it is released with its document below
        stdout.write(f"政策解读（草稿，随文件发布）：{page.title}")

    for page in created_docs:
        # Publishing the document releases its prepared interpretation in the same action.
        page.get_latest_revision().publish()
        stdout.write(f"发布政策文件：{page.title}")

    load_withheld(library, units, stdout)

    for slug, validity, changed_on, by_slug, note in VALIDITY_CHANGES:
        document = PolicyDocumentPage.objects.get(pk=documents[slug].pk)
        if document.validity_changes.filter(validity=validity).exists():
            continue
        document.record_validity_change(
            validity, changed_on, by_document=documents.get(by_slug), note=note
        )
        document.save_revision().publish()
        stdout.write(f"有效性：{document.title} → {document.get_validity_display()}")

    for question, topic, policy_slug, answer in STANDALONE_QUESTIONS:
        if PolicyQuestion.objects.filter(question=question, interpretation=None).exists():
            continue
        item = PolicyQuestion(
            question=question, answer=answer, topic=categories[topic],
            policy=documents[policy_slug], last_reviewed=date(2022, 10, 31),
        )
        item.save()
        item.save_revision().publish()
        stdout.write(f"政策问答：{question}")

    # Segmented search needs every page indexed with this backend (also after switching it on).
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
