"""Small uploads that would take the server's memory or time if read naively, made on the spot.

* the dimension bomb: a 5 KB workbook whose ``<dimension>`` claims ``A1:XFD1048576``;
* the merge bomb: a 5 KB workbook with ``<mergeCell ref="C3:XFD1048576"/>``;
* the zip bomb: a 2 MB workbook whose sheet is 2 GiB once decompressed;
* the long CSV: 1,000,000 rows in about 4 MB.

Each starts with a header the import expects, so only the limit can refuse it.
"""

from __future__ import annotations

import functools
import io
import re
import struct
import zipfile
import zlib

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
ZIP_BOMB_SIZE = 2 * 1024**3


def workbook(header: list[str], rows=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_part(source: bytes, part: str, change) -> bytes:
    original = zipfile.ZipFile(io.BytesIO(source))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in original.infolist():
            data = original.read(entry)
            archive.writestr(entry.filename, change(data) if entry.filename == part else data)
    return buffer.getvalue()


def dimension_bomb(header: list[str]) -> bytes:
    return rewrite_part(
        workbook(header),
        SHEET,
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml),
    )


def merge_bomb(header: list[str]) -> bytes:
    merge = b'<mergeCells count="1"><mergeCell ref="C3:XFD1048576"/></mergeCells>'
    return rewrite_part(
        workbook(header), SHEET, lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + merge)
    )


MEBIBYTE = b" " * 1024**2


@functools.cache
def _spaces() -> tuple[bytes, int]:
    """2 GiB of spaces as raw deflate blocks, and their CRC, made from one compressed MiB.

    After a full flush the compressor forgets its history, so each MiB compresses to the same
    bytes and the stream is those bytes repeated (seconds, where compressing 2 GiB takes 30).
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(MEBIBYTE) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (ZIP_BOMB_SIZE // len(MEBIBYTE))


def _deflate(data: bytes, final: bool) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    mode = zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    return compressor.compress(data) + compressor.flush(mode)


@functools.cache
def _zip_bomb(header: tuple[str, ...]) -> bytes:
    parts = []
    original = zipfile.ZipFile(io.BytesIO(workbook(list(header))))
    for entry in original.infolist():
        data = original.read(entry)
        if entry.filename != SHEET:
            parts.append((entry.filename, _deflate(data, True), zlib.crc32(data), len(data)))
            continue
        # 2 GiB of spaces before the closing tag: whitespace the XML allows.
        start, _tag, end = data.partition(b"</worksheet>")
        end = b"</worksheet>" + end
        crc = zlib.crc32(start)
        for _ in range(ZIP_BOMB_SIZE // len(MEBIBYTE)):
            crc = zlib.crc32(MEBIBYTE, crc)
        crc = zlib.crc32(end, crc)
        body = _deflate(start, False) + _spaces() + _deflate(end, True)
        parts.append((entry.filename, body, crc, len(start) + ZIP_BOMB_SIZE + len(end)))
    return _zip(parts)


def zip_bomb(header: list[str]) -> bytes:
    """A real workbook (about 2 MB) whose first sheet is 2 GiB once decompressed."""
    return _zip_bomb(tuple(header))


def _zip(parts) -> bytes:
    """A zip of already deflated parts (name, raw deflate, crc, size), written by hand."""
    out = io.BytesIO()
    directory = []
    for name, body, crc, size in parts:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body),
                              size, len(encoded), 0))
        out.write(encoded)
        out.write(body)
        directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                                     len(body), size, len(encoded), 0, 0, 0, 0, 0, offset)
                         + encoded)
    start = out.tell()
    for record in directory:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory),
                          out.tell() - start, start, 0))
    return out.getvalue()


def long_csv(header: list[str], rows: int = 1_000_000) -> bytes:
    """A CSV of ``rows`` short records under the header (1,000,000 rows: about 4 MB)."""
    width = len(header)
    record = ",".join(["1"] + [""] * (width - 1)) + "\n"
    return (",".join(header) + "\n" + record * rows).encode()
