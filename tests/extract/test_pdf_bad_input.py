"""PDFs the reader cannot read, or can read only in part."""

import hashlib
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract.model import ReadError
from extract.readers.pdf import read

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"

# PDF 1.7 spec, 7.6.3.3: the padding of the standard security handler.
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes) -> bytes:
    """Return a one-page PDF encrypted with RC4-40 (standard handler, revision 2)."""
    file_id, permissions = b"0123456789abcdef", (-4).to_bytes(4, "little", signed=True)
    owner = rc4(hashlib.md5(PAD).digest()[:5], (user_password + PAD)[:32])
    key = hashlib.md5((user_password + PAD)[:32] + owner + permissions + file_id).digest()[:5]
    content = rc4(
        hashlib.md5(key + (4).to_bytes(3, "little") + b"\0\0").digest()[:10],
        b"BT /F1 12 Tf 20 100 Td (Hemlig rapport) Tj ET",
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>"
        % (owner.hex().encode(), rc4(key, PAD).hex().encode()),
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = b"xref\n0 7\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\n" % (
        (file_id.hex().encode(),) * 2
    )
    return body + xref + trailer + b"startxref\n%d\n%%%%EOF\n" % len(body)


def test_raises_for_a_password_protected_pdf(tmp_path):
    path = tmp_path / "protected.pdf"
    path.write_bytes(encrypted_pdf(b"hemligt"))
    opened = pdfium.PdfDocument(path, password="hemligt")  # the fixture is a real PDF
    assert "Hemlig rapport" in opened[0].get_textpage().get_text_range()
    with pytest.raises(ReadError, match="^PDF is password-protected$"):
        read(path)


def test_raises_for_random_bytes_named_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(ReadError, match="report.pdf is not a readable PDF"):
        read(path)


def test_raises_for_a_truncated_pdf(tmp_path):
    data = (FIXTURES / "ruled_interim_report.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated.pdf is not a readable PDF"):
        read(path)


def test_raises_for_a_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "missing.pdf")


def test_lists_a_scanned_page_as_without_text_and_warns():
    document = read(FIXTURES / "scanned_page.pdf")
    assert document.page_count == 1
    assert document.pages_without_text == [1]
    assert document.warnings == ["page 1 has no text layer (image only); not read"]
    assert document.tables == []
    assert document.text_blocks == []


def test_reads_an_empty_page_without_error(tmp_path):
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    path = tmp_path / "blank.pdf"
    blank.save(path)
    document = read(path)
    assert (document.page_count, document.pages_without_text, document.warnings) == (1, [], [])
