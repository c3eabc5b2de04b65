"""Bytes of an article file → text, or a reason why the bytes are not text.

Pure: bytes in, ``Decoded`` out, no I/O. UTF-8 is tried first because almost every article
saved today is UTF-8; byte-order marks decide next; only then is the encoding guessed with
charset-normalizer. Binary files (images, archives, executables, random bytes) are refused
with a reason that names what the file looks like.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

# Magic numbers of files people drop into a corpus folder by mistake (or rename to .txt).
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document (DOC/XLS)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media (WAV/AVI/WEBP)"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3"),
)

# Checked longest first: the UTF-32-LE mark starts with the UTF-16-LE mark.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Above this share of control characters (NUL included) or U+FFFD, decoded text is binary.
MAX_NON_TEXT_RATIO = 0.10
# A file where at least this share of even (or odd) bytes is NUL is UTF-16 without a BOM.
UTF16_NUL_SHARE = 0.40
# The Windows Western code page: the usual non-UTF-8 encoding of English and French news.
WESTERN_FALLBACK = "cp1252"
# Guessed encodings whose text is only Latin script are read as cp1252 instead: the guesser
# often says cp1250 for Western text (turning "naïve" into "naďve").
LATIN_ALPHABETS = frozenset(
    {
        "Basic Latin",
        "Latin-1 Supplement",
        "Latin Extended-A",
        "Latin Extended-B",
        "General Punctuation",
        "Currency Symbols",
        "Letterlike Symbols",
        "Control character",
    }
)
_WORD = re.compile(r"\w+")
# Unicode category Cc (C0 and C1 controls) except tab and line breaks, plus U+FFFD.
NON_TEXT_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes (``text`` is None when the bytes are binary)."""

    text: str | None
    encoding: str = ""
    reason: str = ""  # why the bytes are not text, when text is None
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article file's bytes; never raises."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            text = data[len(mark) :].decode(encoding, errors="replace")
            return _checked(text, encoding, ())
    kind = binary_kind(data)
    if kind:
        return Decoded(None, reason=f"binary file (looks like {kind})")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16[0], utf16[1], (f"decoded as {utf16[1]} without a byte-order mark",))
    try:
        return _checked(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(data)
    text = data.decode(encoding, errors="replace")
    return _checked(text, encoding, (f"not UTF-8; decoded as {encoding}",))


def binary_kind(data: bytes) -> str:
    """Name of the binary format ``data`` starts with, or "" if none is recognised."""
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return ""


def guess_encoding(data: bytes) -> str:
    """The most likely legacy (non-UTF-8) encoding of ``data``."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        # No BOM and no NUL pattern: a UTF-16 guess is a guesser artefact on short text.
        return _western_or_latin1(data)
    if set(best.alphabets) <= LATIN_ALPHABETS:
        return _western_or_latin1(data)
    western = _western_or_latin1(data)
    if western == WESTERN_FALLBACK and _mixed_script_words(str(best)) > _mixed_script_words(
        data.decode(WESTERN_FALLBACK)
    ):
        # "ЊKabulњsћ": on short text the guesser picks a Cyrillic code page for Western
        # smart quotes; real Cyrillic or Arabic text does not glue scripts inside words.
        return western
    return best.encoding


def _mixed_script_words(text: str) -> int:
    """Number of words whose letters come from more than one script (a mojibake sign)."""
    return sum(1 for word in _WORD.findall(text) if len(_scripts(word)) > 1)


def _scripts(word: str) -> set[str]:
    return {unicodedata.name(char, "?").split()[0] for char in word if char.isalpha()}


def _western_or_latin1(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; latin-1 decodes everything (as C1 controls).
    try:
        data.decode(WESTERN_FALLBACK)
    except UnicodeDecodeError:
        return "latin-1"
    return WESTERN_FALLBACK


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    pairs = len(data) // 2
    if pairs < 2:
        return None
    even_nuls = data[0::2].count(0) / pairs
    odd_nuls = data[1::2].count(0) / pairs
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls < UTF16_NUL_SHARE:
        encoding = "utf-16-le"
    elif even_nuls >= UTF16_NUL_SHARE and odd_nuls < UTF16_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: pairs * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    if non_text_ratio(text) > MAX_NON_TEXT_RATIO:
        return None
    return text, encoding


def _checked(text: str, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    ratio = non_text_ratio(text)
    if ratio > MAX_NON_TEXT_RATIO:
        reason = f"binary file ({ratio:.0%} control characters after decoding as {encoding})"
        return Decoded(None, encoding=encoding, reason=reason)
    return Decoded(text, encoding=encoding, warnings=warnings)


def non_text_ratio(text: str) -> float:
    """Share of characters that never occur in prose: control characters and U+FFFD."""
    if not text:
        return 0.0
    return NON_TEXT_CHARS.subn("", text)[1] / len(text)
