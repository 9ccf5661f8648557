from __future__ import annotations

import codecs

import pytest

from normalize.errors import InputError
from normalize.load import decode_document, encode_document, read_document, write_atomic


def test_bom_is_remembered_and_stripped():
    doc = decode_document(codecs.BOM_UTF8 + "Zürich\r\n".encode(), "x")
    assert doc.bom and doc.text == "Zürich\r\n"
    assert encode_document(doc) == codecs.BOM_UTF8 + "Zürich\r\n".encode()


@pytest.mark.parametrize("raw", [b"a\r\nb\r\n", b"a\rb\r", b"a\nb", b"\r\n\r\n", "“Lavrov” – ‘Şoygu’\n".encode()])
def test_round_trip_is_byte_identical(raw):
    assert encode_document(decode_document(raw, "x")) == raw


def test_invalid_utf8_names_file_and_offset():
    with pytest.raises(InputError, match=r"bad\.txt: not valid utf-8 \(byte 0xff at offset 2\)"):
        decode_document(b"ab\xff", "bad.txt")


def test_nul_bytes_are_binary():
    with pytest.raises(InputError, match="binary"):
        decode_document(b"ab\x00cd", "b.bin")


def test_other_encoding_by_option():
    doc = decode_document("Шойгу".encode("cp1251"), "r.txt", encoding="cp1251")
    assert doc.text == "Шойгу"
    assert encode_document(doc, doc.text) == "Шойгу".encode("cp1251")


def test_unknown_encoding():
    with pytest.raises(InputError, match="unknown encoding"):
        decode_document(b"a", "x", encoding="klingon")


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


def test_huge_file_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 101)
    with pytest.raises(InputError, match="too large"):
        read_document(str(big), max_bytes=100)


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="e.txt: empty"):
        read_document(str(empty))
    assert decode_document(b"", "e.txt").text == ""  # the API still decodes it


def test_write_atomic_keeps_mode(tmp_path):
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
