"""Public participation in the demo: 意见征集 with one draft open for comment and one closed with
its feedback report published, and a 政府开放日 coming up. Dates follow today, so the demo always
shows an open consultation and a coming open day."""

from datetime import timedelta

from demo.site import ensure_child, home_page
from wagtail_disclosure.consultations.models import (
    CommentStatus,
    ConsultationComment,
    FeedbackReportPublication,
    source_key,
)
from wagtail_disclosure.consultations.pages import (
    ConsultationClause,
    ConsultationIndexPage,
    ConsultationPage,
    FeedbackGroup,
)
from wagtail_disclosure.core import clock
from wagtail_disclosure.core.submissions import text_key
from wagtail_disclosure.open_days.pages import OpenDayIndexPage, OpenDayPage
from wagtail_disclosure.units.models import UnitPage

HOW_TO_TAKE_PART = (
    "<p>社会公众可通过以下方式提出意见建议：</p><ol>"
    "<li>在本页下方“提交意见”表单中填写；</li>"
    "<li>发送电子邮件至 yijian@example.gov.cn，邮件主题注明“{title}意见”；</li>"
    "<li>信函寄至济宁市任城区示例路1号，信封注明“征求意见”字样。</li></ol>"
)

OPEN_COMMENTS = [
    ("第三条", "李女士", "建议公园夜间开放时间延长到22点，夏季下班后锻炼的人很多。"),
    ("第八条", "", "建议明确广场舞音量的具体分贝标准，并规定晚上9点后停止。"),
    ("", "王先生", "希望在公园内增加无障碍通道和母婴室，方便老人和带孩子的家庭。"),
    ("第八条", "", "公园内遛狗应当牵绳，并设置宠物粪便收集箱。"),
]

CLOSED_GROUPS = [
    ("收费标准", "多位市民建议对老年人、学生免收或减半收取停车费。", "adopted", ""),
    ("开放时间", "建议部分停车场24小时开放。", "partly",
     "城区主干道周边停车场已调整为24小时开放；居民区周边停车场夜间开放涉及安全管理，"
     "暂按现行时间执行，待智能化改造完成后再行研究。"),
    ("建设选址", "建议在老城区新建立体停车场。", "not_adopted",
     "老城区地块属于历史文化街区保护范围，不具备新建立体停车场条件；"
     "将通过错时共享机关单位停车位缓解停车难。"),
]
CLOSED_COMMENTS = [
    ("收费标准", "老年人停车应当免费。"),
    ("收费标准", "学生家长接送孩子停车建议半价。"),
    ("收费标准", "建议公布收费依据和标准。"),
    ("开放时间", "医院附近的停车场应当24小时开放。"),
    ("开放时间", "夜间停车场关闭导致很多车停在路边。"),
    ("建设选址", "老城区停车太难，建议新建立体停车场。"),
    ("建设选址", "建议利用拆迁空地建设停车场。"),
]


def comment(consultation, number, body, status, **fields):
    return ConsultationComment.objects.create(
        consultation=consultation,
        body=body,
        status=status,
        consent=True,
        source_key=source_key(consultation.pk, f"192.0.2.{number}"),
        text_key=text_key(body),
        **fields,
    )


def load_consultations(stdout, unit):
    today = clock.today()
    index, created = ensure_child(
        home_page(),
        ConsultationIndexPage,
        "consultations",
        "意见征集",
        intro="<p>重大行政决策事项和涉及群众切身利益的政策文件草案，在此公开征求社会公众意见。"
        "征求意见期限一般不少于30日；征集结束后，公布意见收集和采纳情况。</p>",
    )
    if created:
        stdout.write("创建栏目：意见征集")
    if ConsultationPage.objects.child_of(index).exists():
        return

    title = "《济宁市城市公园管理办法（征求意见稿）》"
    park = ConsultationPage(
        disclosure_attribute="proactive",
        title=title,
        slug="city-parks",
        unit=unit,
        summary="规范城市公园的规划建设、开放服务和游园秩序。",
        opens_on=today - timedelta(days=9),
        draft="<p><strong>第一条</strong> 为了加强城市公园管理，提升公园服务水平，"
        "根据有关法律法规，结合本市实际，制定本办法。</p>"
        "<p><strong>第三条</strong> 城市公园应当免费向公众开放，开放时间由公园管理单位"
        "根据季节确定并公示。</p>"
        "<p><strong>第八条</strong> 在公园内开展健身、娱乐活动的，应当遵守噪声管理规定，"
        "不得影响他人正常游园。</p>",
        explanation="<p>为解决公园开放时间不统一、游园秩序管理依据不足等问题，"
        "市城市管理局起草了本办法。草案共二十条，主要规定了公园的开放服务、游园秩序和"
        "监督管理等内容。</p>",
        how_to_take_part=HOW_TO_TAKE_PART.format(title=title),
    )
    park.clauses = [ConsultationClause(label=label) for label in ("第三条", "第八条")]
    index.add_child(instance=park)
    park.save_revision().publish()
    for number, (clause, name, body) in enumerate(OPEN_COMMENTS, start=1):
        comment(park, number, body, CommentStatus.PUBLISHED, clause=clause, name=name)
    comment(park, 9, "我家电话13812345678，公园门口噪音太大请处理。", CommentStatus.PENDING)
    stdout.write(f"意见征集：{park.title}（正在征集，{len(OPEN_COMMENTS) + 1} 条意见）")

    title = "《济宁市中心城区停车场收费管理办法（征求意见稿）》"
    parking = ConsultationPage(
        disclosure_attribute="proactive",
        title=title,
        slug="parking-fees",
        unit=unit,
        summary="明确中心城区公共停车场的收费标准、开放时间和建设规划。",
        opens_on=today - timedelta(days=90),
        closes_on=today - timedelta(days=60),
        draft="<p><strong>第一条</strong> 为了规范中心城区停车场收费行为……</p>",
        explanation="<p>本办法依据《中华人民共和国价格法》等规定起草。</p>",
        how_to_take_part=HOW_TO_TAKE_PART.format(title=title),
        feedback_summary="<p>征求意见期间，通过网站、电子邮件和信函共收到意见建议，"
        "经逐条研究，现将意见收集和采纳情况公布如下。</p>",
    )
    parking.clauses = [ConsultationClause(label=topic) for topic, *_rest in CLOSED_GROUPS]
    index.add_child(instance=parking)
    parking.save_revision().publish()
    for number, (topic, body) in enumerate(CLOSED_COMMENTS, start=1):
        comment(parking, number, body, CommentStatus.PUBLISHED, clause=topic, topic=topic)
    comment(parking, 99, "低价出售二手车，联系微信。", CommentStatus.HIDDEN, hidden_reason="广告")
    parking.feedback_groups = [
        FeedbackGroup(topic=topic, opinions=opinions, decision=decision, reason=reason)
        for topic, opinions, decision, reason in CLOSED_GROUPS
    ]
    parking.publish_feedback_report = True
    parking.save_revision().publish()
    FeedbackReportPublication.objects.filter(consultation=parking).update(
        published_on=parking.closes_on + timedelta(days=12)
    )
    stdout.write(f"意见征集：{parking.title}（已结束，采纳情况已公布）")


def load_open_day(stdout, unit):
    today = clock.today()
    index, created = ensure_child(
        home_page(),
        OpenDayIndexPage,
        "open-days",
        "政府开放日",
        intro="<p>政府开放日邀请市民走进政府机关，了解政务服务，面对面提出意见建议。"
        "活动结束后公布意见建议及吸收采纳情况。</p>",
    )
    if created:
        stdout.write("创建栏目：政府开放日")
    if OpenDayPage.objects.child_of(index).exists():
        return
    event = OpenDayPage(
        title="走进市政务服务中心——“一网通办”体验开放日",
        slug="government-service-centre",
        unit=unit,
        event_date=today + timedelta(days=14),
        place="济宁市政务服务中心（任城区示例路1号）一楼大厅",
        description="<p>参观政务服务大厅，体验“一网通办”“一次办好”改革成果，"
        "与窗口工作人员座谈交流，提出意见建议。</p>",
        capacity=30,
        registration_opens_on=today - timedelta(days=3),
        registration_closes_on=today + timedelta(days=10),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    stdout.write(f"政府开放日：{event.title}")


def load(stdout):
    unit = UnitPage.objects.filter(title="市政府办公室").first()
    if unit is None:
        return
    load_consultations(stdout, unit)
    load_open_day(stdout, unit)
