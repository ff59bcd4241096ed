"""Broken task tables, as offices really send them, for the command and the admin."""

HEADER = "工作任务,责任单位,具体要求,完成时限\n"


def zip_garbage():
    return b"PK\x03\x04" + b"\x00\x01garbage" * 200


def text_named_xlsx():
    return "这不是表格，只是一段文字。\n第二行文字。\n".encode()


def huge_cell():
    return (HEADER + "(一) 任务,市教育局," + "很" * (5 * 1024 * 1024 // 3) + ",全年\n").encode()


def units_without_requirement():
    return (
        "2022年政务公开工作任务分解表\n"
        + HEADER
        + "(一) 做好信息公开,市教育局,做好教育信息公开。,全年\n"
        + ",市财政局,,全年\n"
    ).encode()


#: (case id, file name, bytes, the words the error must contain, exit status)
BAD_FILES = [
    ("empty", "plan-2022.xlsx", b"", "empty", 2),
    ("blank-csv", "plan-2022.csv", b"   \n\n", "empty", 2),
    ("no-header", "plan-2022.csv", "甲,乙,丙\n1,2,3\n".encode(), "header", 1),
    ("text-as-xlsx", "plan-2022.xlsx", text_named_xlsx(), ".xlsx", 1),
    ("corrupt-zip", "plan-2022.xlsx", zip_garbage(), "damaged", 2),
    ("5mb-cell", "plan-2022.csv", huge_cell(), "characters", 1),
    ("units-without-requirement", "plan-2022.csv", units_without_requirement(), "units", 1),
]


def as_upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
