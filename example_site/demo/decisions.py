"""The demo's major decisions directory: 济宁市人民政府's 2022 directory with five decision items.

The items are illustrative (modelled on the kind of decisions Chinese cities list, not copies of
Jining's). 城市更新行动实施方案 has a full timeline: background, draft and explanation,
consultation and the adoption of comments, expert argument, risk assessment, legality review,
the meeting with delegates of the public selected by open registration, the decision (a policy
document released with its interpretation) and the interpretation. The others are at earlier or
later stages; two are past their planned timing, so a unit editor's dashboard shows them.
"""

from datetime import date, datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from demo.site import ensure_child, home_page
from wagtail_disclosure.decisions.choices import (
    DecisionStage,
    Handling,
    MaterialKind,
    RegistrationStatus,
)
from wagtail_disclosure.decisions.models import (
    DecisionMeeting,
    DelegateOpinion,
    DelegateRegistration,
)
from wagtail_disclosure.decisions.pages import (
    DecisionDirectoryPage,
    DecisionIndexPage,
    DecisionItemPage,
    DecisionMaterial,
)
from wagtail_disclosure.policies.interpretations import (
    InterpretationForm,
    InterpretationIndexPage,
    InterpretationPage,
    InterpreterRole,
)
from wagtail_disclosure.policies.models import PolicyDocumentPage, PolicyIndexPage, PolicyKind
from wagtail_disclosure.units.models import UnitIndexPage, UnitKind, UnitPage

CITY = "济宁市人民政府"

DRAFT_TEXT = """济宁市城市更新行动实施方案（征求意见稿）

一、总体要求
坚持“留改拆”并举、以保留利用提升为主，统筹推进老旧小区、老旧街区、老旧厂区和城中村改造，
到2025年底，基本完成2000年底前建成的城镇老旧小区改造任务。

二、重点任务
（一）实施老旧小区改造。完善水电气暖等基础设施，有条件的加装电梯、增设停车位和充电设施。
（二）推进老旧街区更新。保护历史文化街区风貌，完善商业配套和公共空间。
（三）盘活老旧厂区。引导工业遗存转为文化创意、科技服务等新业态。

三、保障措施
建立市级统筹、县区实施、部门协同的工作机制，多渠道筹集改造资金，居民合理分担。
"""

EXPLANATION_TEXT = """关于《济宁市城市更新行动实施方案（征求意见稿）》的起草说明

一、起草背景：落实国家和省实施城市更新行动的部署，解决老旧小区设施老化、功能不全等问题。
二、起草过程：市住房城乡建设局会同有关部门开展调研，召开座谈会12场，形成征求意见稿。
三、主要内容：总体要求、重点任务、保障措施三部分共十八条。
"""

DECISION_BODY = (
    "<p>各县（市、区）人民政府，济宁高新区、太白湖新区、济宁经济技术开发区管委会，"
    "市政府各部门、单位：</p>"
    "<p>《济宁市城市更新行动实施方案》已经市政府第12次常务会议研究通过，现印发给你们，"
    "请认真贯彻执行。</p>"
    "<p>到2025年底，基本完成2000年底前建成的城镇老旧小区改造任务，"
    "累计改造老旧街区20个、老旧厂区10个。</p>"
)

ITEMS = [
    {
        "slug": "chengshi-gengxin",
        "title": "济宁市城市更新行动实施方案",
        "unit": "市住房城乡建设局",
        "summary": "统筹推进老旧小区、老旧街区、老旧厂区和城中村改造，明确2022—2025年目标任务、"
                   "实施路径和资金保障。",
        "planned_timing": "2022年6月底前",
        "stage": DecisionStage.IMPLEMENTED,
    },
    {
        "slug": "laojiu-xiaoqu",
        "title": "济宁市城镇老旧小区改造三年行动计划（2022—2024年）",
        "unit": "市住房城乡建设局",
        "summary": "三年改造城镇老旧小区600个，同步推进加装电梯、完整社区建设。",
        "planned_timing": "2022年8月底前",
        "stage": DecisionStage.DECIDED,
        "materials": [
            {"kind": MaterialKind.BACKGROUND, "date": date(2022, 5, 10),
             "summary": "全市2000年底前建成的城镇老旧小区共1260个，涉及居民18.6万户。"},
            {"kind": MaterialKind.CONSULTATION, "date": date(2022, 6, 20),
             "summary": "2022年6月20日至7月20日在市政府门户网站公开征求意见，收到意见43条。"},
            {"kind": MaterialKind.FEEDBACK, "date": date(2022, 7, 28),
             "summary": "采纳27条、部分采纳8条、未采纳8条。未采纳的意见主要是要求政府全额承担"
                        "电梯加装费用，因改造资金实行政府补助、居民合理分担，未予采纳。"},
            {"kind": MaterialKind.DECISION, "date": date(2022, 8, 26),
             "summary": "经市政府第15次常务会议研究通过。"},
        ],
    },
    {
        "slug": "gongjiao-xianwang",
        "title": "济宁市中心城区公共交通线网优化方案",
        "unit": "市交通运输局",
        "summary": "优化调整公交线路38条，新增社区微循环线路12条。",
        "planned_timing": "2022年第三季度",
        "stage": DecisionStage.DECIDED,
        "materials": [
            {"kind": MaterialKind.CONSULTATION, "date": date(2022, 6, 1),
             "summary": "公开征求意见30日，收到意见112条，主要集中在线路走向和首末班时间。"},
            {"kind": MaterialKind.RISK_ASSESSMENT, "date": date(2022, 7, 8),
             "summary": "社会稳定风险评估结论为低风险。"},
            {"kind": MaterialKind.DECISION, "date": date(2022, 9, 16),
             "summary": "经市政府常务会议研究通过，分三批实施。"},
        ],
    },
    {
        "slug": "jizhong-gongre",
        "title": "济宁市城区集中供热专项规划（2022—2035年）",
        "unit": "市城市管理局",
        "summary": "统筹热源布局和管网建设，到2035年城区集中供热普及率达到95%以上。",
        "planned_timing": "2022年10月底前",
        "stage": DecisionStage.REVIEW,
        "materials": [
            {"kind": MaterialKind.EXPERT_ARGUMENT, "date": date(2022, 9, 22),
             "summary": "组织热能动力、城市规划、环境保护等领域7名专家进行论证，"
                        "专家组原则同意规划方案。"},
        ],
    },
    {
        "slug": "laji-fenlei",
        "title": "济宁市生活垃圾分类管理实施办法",
        "unit": "市城市管理局",
        "summary": "明确生活垃圾分类投放、收集、运输和处理的责任主体和管理要求。",
        "planned_timing": "2022年12月底前",
        "stage": DecisionStage.DRAFTING,
    },
]


def load(stdout):
    home = home_page()
    city = ensure_city()
    index, created = ensure_child(home, DecisionIndexPage, "decisions", "重大行政决策")
    if created:
        stdout.write("创建栏目：重大行政决策")
    directory = DecisionDirectoryPage.objects.child_of(index).filter(slug="2022").first()
    if directory is not None:
        return
    directory = DecisionDirectoryPage(
        title="济宁市人民政府2022年度重大行政决策事项目录",
        slug="2022",
        unit=city,
        year=2022,
        date_published=date(2022, 3, 18),
        document_number="济政字〔2022〕15号",
        intro="<p>根据《重大行政决策程序暂行条例》，经市政府研究，确定2022年度市政府重大行政决策"
              "事项5项，现予公布。各承办单位要严格履行公众参与、专家论证、风险评估、合法性审查和"
              "集体讨论决定等法定程序，决策过程材料按本目录超链接方式归集公开。</p>",
        show_in_menus=True,
    )
    index.add_child(instance=directory)
    directory.save_revision().publish()
    stdout.write(f"重大行政决策事项目录：{directory.title}")

    units = {u.title: u for u in UnitPage.objects.all()}
    for spec in ITEMS:
        spec = dict(spec)
        materials = spec.pop("materials", [])
        item = DecisionItemPage(
            disclosure_attribute="proactive",
            slug=spec["slug"], title=spec["title"], responsible_unit=units[spec["unit"]],
            summary=spec["summary"], planned_timing=spec["planned_timing"], stage=spec["stage"],
        )
        for material in materials:
            item.materials.add(DecisionMaterial(**material))
        directory.add_child(instance=item)
        item.save_revision().publish()
        stdout.write(f"决策事项：{item.title}")
    full_timeline(DecisionItemPage.objects.get(slug="chengshi-gengxin"), city, units, stdout)


def ensure_city():
    """The issuing government: the register of the demo lists its departments, not itself."""
    city = UnitPage.objects.filter(title=CITY).first()
    if city is None:
        directory = UnitIndexPage.objects.get(slug="units")
        city, _ = ensure_child(
            directory, UnitPage, "jining-shi", CITY, full_name=CITY, kind=UnitKind.OTHER,
            address="济宁市任城区洸河路1号", phone="0537-2967001",
        )
    return city


def text_document(title, filename, text):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
        document.save()
    return document


def decision_document(city, stdout):
    """The policy document the decision issued, released with its interpretation."""
    library = PolicyIndexPage.objects.get(slug="policies")
    document = PolicyDocumentPage.objects.child_of(library).filter(slug="chengshi-gengxin").first()
    if document is not None:
        return document, InterpretationPage.objects.filter(slug="chengshi-gengxin-jiedu").first()
    document = PolicyDocumentPage(
        disclosure_attribute="proactive",
        slug="chengshi-gengxin", title="济宁市人民政府关于印发济宁市城市更新行动实施方案的通知",
        kind=PolicyKind.OTHER, index_number="11370800004188325X/2022-00212", issuer=city,
        document_number="济政字〔2022〕38号", date_written=date(2022, 6, 16),
        date_published=date(2022, 6, 20), requires_interpretation=True, body=DECISION_BODY,
        live=False,
    )
    library.add_child(instance=document)
    document.save_revision()
    interpretations = InterpretationIndexPage.objects.get(slug="interpretations")
    interpretation = InterpretationPage(
        disclosure_attribute="proactive",
        slug="chengshi-gengxin-jiedu", title="《济宁市城市更新行动实施方案》政策解读",
        form=InterpretationForm.TEXT, interpreter=UnitPage.objects.get(title="市住房城乡建设局"),
        interpreter_role=InterpreterRole.DRAFTING_UNIT, date_published=date(2022, 6, 20),
        summary="解读城市更新的目标任务、改造内容和居民出资分担方式。", live=False,
    )
    interpretation.interpreted_documents = [document]
    interpretations.add_child(instance=interpretation)
    interpretation.save_revision()
    # Publishing the document releases its prepared interpretation in the same action.
    document.get_latest_revision().publish()
    stdout.write(f"发布政策文件：{document.title}")
    return document, interpretation


def full_timeline(item, city, units, stdout):
    document, interpretation = decision_document(city, stdout)
    draft = text_document("济宁市城市更新行动实施方案（征求意见稿）", "chengshi-gengxin-draft.txt",
                          DRAFT_TEXT)
    explanation = text_document("《济宁市城市更新行动实施方案（征求意见稿）》起草说明",
                                "chengshi-gengxin-explanation.txt", EXPLANATION_TEXT)
    materials = [
        {"kind": MaterialKind.BACKGROUND, "date": date(2022, 1, 20),
         "summary": "全市有2000年底前建成的城镇老旧小区1260个，部分街区和厂区功能衰退，"
                    "需要系统推进城市更新。本事项列入市政府2022年度重大行政决策事项目录。"},
        {"kind": MaterialKind.DRAFT, "date": date(2022, 3, 28), "document": draft},
        {"kind": MaterialKind.EXPLANATION, "date": date(2022, 3, 28), "document": explanation},
        {"kind": MaterialKind.CONSULTATION, "date": date(2022, 3, 28),
         "summary": "2022年3月28日至4月27日在市政府门户网站和《济宁日报》公开征求意见，"
                    "同时召开居民代表、企业代表座谈会3场。"},
        {"kind": MaterialKind.FEEDBACK, "date": date(2022, 5, 10),
         "summary": "共收到意见建议56条，采纳31条、部分采纳9条、未采纳16条。较为集中的"
                    "“老旧小区改造费用全部由政府承担”的意见未予采纳，原因是改造资金按照"
                    "“政府补助、居民合理分担、社会资本参与”的原则筹集。"},
        {"kind": MaterialKind.EXPERT_ARGUMENT, "date": date(2022, 4, 29),
         "summary": "邀请城市规划、建筑结构、法律等领域9名专家论证，专家组认为方案总体可行，"
                    "建议细化历史建筑保护要求，已采纳。"},
        {"kind": MaterialKind.RISK_ASSESSMENT, "date": date(2022, 5, 18),
         "summary": "委托第三方机构开展社会稳定风险评估，评估结论为低风险。"},
        {"kind": MaterialKind.LEGALITY_REVIEW, "date": date(2022, 5, 30),
         "summary": "经市司法局合法性审查，未发现与法律法规相抵触的内容。"},
        {"kind": MaterialKind.DECISION, "date": date(2022, 6, 20), "page": document},
        {"kind": MaterialKind.INTERPRETATION, "date": date(2022, 6, 20), "page": interpretation},
    ]
    for position, material in enumerate(materials):
        item.materials.add(DecisionMaterial(sort_order=position, **material))
    item.save_revision().publish()

    meeting = DecisionMeeting.objects.create(
        item=item,
        title="市政府第12次常务会议",
        held_on=date(2022, 6, 10),
        place="市政府1号楼第一会议室",
        seats=3,
        registration_opens_on=date(2022, 5, 16),
        registration_closes_on=date(2022, 5, 31),
        requirements="年满18周岁、在本市居住或工作的公民均可报名；从报名人员中按照界别"
                     "均衡的原则遴选3名公众代表列席会议。",
        result_published=True,
        opinions_published=True,
    )
    for name, sector, contact, consent, status, day in [
        ("王秀英", "老旧小区居民", "13905371001", True, RegistrationStatus.SELECTED, 17),
        ("李建国", "个体工商户", "13905371002", False, RegistrationStatus.SELECTED, 18),
        ("张立新", "建筑设计师", "zhanglx@example.com", True, RegistrationStatus.SELECTED, 20),
        ("赵敏", "律师", "13905371004", True, RegistrationStatus.NOT_SELECTED, 25),
    ]:
        registration = DelegateRegistration.objects.create(
            meeting=meeting, name=name, sector=sector, contact=contact,
            reason="关心城市更新对所在片区居民和商户的影响，希望反映意见。",
            consent_to_publish=consent, status=status,
        )
        DelegateRegistration.objects.filter(pk=registration.pk).update(
            submitted_at=timezone.make_aware(datetime(2022, 5, day, 10, 0))
        )
    for position, (delegate, opinion, handling, reason) in enumerate([
        ("王秀英（老旧小区居民）", "加装电梯的费用分摊比例应在方案中明确，并向低楼层住户倾斜。",
         Handling.ADOPTED, ""),
        ("个体工商户代表", "施工期间应减免临街商铺租金。", Handling.NOT_ADOPTED,
         "商铺租金由产权人与承租人协商确定，不属于本方案规定的内容；已建议各县（市、区）"
         "合理安排施工时序，减少对经营的影响。"),
        ("张立新（建筑设计师）", "老旧街区改造应保留有价值的历史建筑。", Handling.PARTLY,
         "已增加历史建筑保护条款；对未列入保护名录的建筑，由各县（市、区）评估后确定。"),
    ]):
        DelegateOpinion.objects.create(
            meeting=meeting, delegate=delegate, opinion=opinion, handling=handling,
            reason=reason, sort_order=position,
        )
    stdout.write(f"决策会议及列席代表：{meeting.title}")
