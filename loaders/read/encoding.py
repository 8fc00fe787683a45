"""Bytes to text: binary sniffing, byte-order marks, UTF-8 then GB18030 then UTF-16 and charset-normalizer."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from dangjian.ontology.errors import DangjianError

# (prefix, what it is): checked before any decoding so an image never becomes mojibake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document (.doc/.xls/.ppt)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
)

# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (b"\x84\x31\x95\x33", "gb18030", "gb18030"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Declared charsets that GB18030 extends: decoding with the superset never loses a character.
_GB_FAMILY = {"gb2312", "gbk", "gb_2312", "gb-2312", "cp936", "x-gbk", "euc-cn", "gb18030", "hz-gb-2312"}

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
_TEXTY = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u3400-\u4dbf"
                    r"\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SAMPLE_CHARS = 100_000


class NotText(DangjianError, ValueError):
    """The bytes are not text we can read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how: `codec` re-opens a stream, `label` is what `Document.encoding` records."""

    text: str
    codec: str
    label: str
    warnings: tuple[str, ...] = ()


def binary_kind(head: bytes) -> str | None:
    """Name the binary format whose magic number starts `head`, if any.

    >>> binary_kind(b"%PDF-1.7 ...")
    'PDF document'
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a whole file; `declared` is a charset the file names itself (HTML meta), tried first.

    >>> decode("蠡口社区".encode("gb18030")).label
    'gb18030'
    """
    return _detect(data, final=True, declared=declared)


def stream_codec(head: bytes, *, declared: str | None = None) -> Decoded:
    """Pick the codec for a file read as a stream, judging by its first bytes (a character may be cut at the end)."""
    return _detect(head, final=False, declared=declared)


def line_codec(head: bytes) -> Decoded:
    """Like `stream_codec`, for files decoded line by line: mixed encodings are no reason to refuse the whole file."""
    try:
        return stream_codec(head)
    except NotText:
        if binary_kind(head[:16]) or b"\x00" in head:
            raise
        return Decoded(head.decode("utf-8", errors="replace"), "utf-8", "utf-8")


def _detect(data: bytes, *, final: bool, declared: str | None) -> Decoded:
    kind = binary_kind(data[:16])
    if kind:
        raise NotText(f"binary file, not text: {kind}")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _try(codec, data, final)
            if text is None:
                raise NotText(f"not valid {label} although it starts with that byte-order mark")
            return _checked(Decoded(text.removeprefix("\ufeff"), codec, label))
    if b"\x00" in data:
        return _checked(_utf16_without_bom(data, final))
    # Valid UTF-8 with multi-byte characters is almost never another encoding by accident, so it beats a declaration.
    for attempt in (_utf8, _declared, _gb18030, _utf8_repaired, _normalizer):
        found = attempt(data, final, declared)
        if found is not None:
            return _checked(found)
    raise NotText("binary file, not text: not decodable as UTF-8, GB18030 or UTF-16")


def _try(codec: str, data: bytes, final: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)(errors="strict").decode(data, final=final)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes, final: bool, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    name = declared.strip().lower()
    codec = "gb18030" if name in _GB_FAMILY else name
    text = _try(codec, data, final)
    if text is None:
        return None
    return Decoded(text, codec, codecs.lookup(codec).name)


def _utf8(data: bytes, final: bool, declared: str | None) -> Decoded | None:
    text = _try("utf-8", data, final)
    return None if text is None else Decoded(text, "utf-8", "utf-8")


def _gb18030(data: bytes, final: bool, declared: str | None) -> Decoded | None:
    text = _try("gb18030", data, final)
    if text is None or not _looks_simplified(text):
        return None
    return Decoded(text, "gb18030", "gb18030")


def _looks_simplified(text: str) -> bool:
    """True unless the Han characters are mostly rare ones, the mark of another encoding read as GB18030."""
    han = _HAN.findall(text, 0, _SAMPLE_CHARS)
    if len(han) < 20:
        return True
    common = sum(1 for ch in han if _gb2312_level1(ch))
    return common >= 0.85 * len(han)


def _gb2312_level1(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _normalizer(data: bytes, final: bool, declared: str | None) -> Decoded | None:
    from charset_normalizer import from_bytes  # imported on the rare hard case only

    best = from_bytes(data[:262_144]).best()
    if best is None:
        return None
    text = _try(best.encoding, data, final)
    if text is None:
        return None
    return Decoded(text, best.encoding, best.encoding)


def _utf8_repaired(data: bytes, final: bool, declared: str | None) -> Decoded | None:
    """UTF-8 with a few corrupt bytes (a damaged download): keep it, say so."""
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(data, final=final)
    bad = text.count("\ufffd")
    if bad and bad <= max(3, len(text) // 1000) and _HAN.search(text):
        return Decoded(text, "utf-8", "utf-8", (f"{bad} undecodable byte sequence(s) replaced by U+FFFD",))
    return None


def _utf16_without_bom(data: bytes, final: bool) -> Decoded:
    """NUL bytes mean UTF-16 (ASCII and newlines have a zero high byte) or binary; pick the order that reads as text."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = _try(codec, data if final or len(data) % 2 == 0 else data[:-1], final)
    if text is None or _texty_share(text) < 0.95:
        raise NotText("binary file, not text: contains NUL bytes")
    return Decoded(text, codec, codec)


def _texty_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    return len(_TEXTY.findall(sample)) / max(1, len(sample))


def _checked(found: Decoded) -> Decoded:
    sample = found.text[:_SAMPLE_CHARS]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise NotText(f"binary file, not text: {controls} control characters in the first {len(sample)} characters")
    return found
