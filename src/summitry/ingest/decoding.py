"""Bytes to text: which encoding a file is in, and its lines decoded one by one.

A file is read as UTF-8 unless it says otherwise or plainly is not:

1. a byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32) and is dropped, so the first
   line keeps its first character;
2. otherwise the first 64 KB are looked at line by line: when every line is UTF-8, or the lines
   that are not are few (no more than the lines of UTF-8 text beside them, or 1 in 100 of all
   lines: a corrupt line among UTF-8 text, which is then reported by its line), the file is UTF-8;
3. otherwise UTF-16 and UTF-32 without a byte-order mark are told by where their zero bytes fall,
   and anything else is left to ``charset-normalizer``, choosing among the encodings Chinese and
   Western news come in (GB18030, which reads GBK and GB2312 too; Big5; Windows-1252, which reads
   Latin-1); the file is read in the encoding found.

Lines are split on the encoded line feed at whole code units (so UTF-16 splits right), and each
line is decoded on its own: a byte that is not valid loses only its own line.
"""
from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass

SAMPLE_BYTES = 64 * 1024
CHUNK_BYTES = 1 << 20
# Detection is asked to choose among these (left to itself it takes short French text for Baltic).
CANDIDATES = ["gb18030", "big5", "cp1252", "utf_16", "utf_32"]
# A file is still UTF-8 when no more than this share of its sampled lines is not.
CORRUPT_SHARE = 0.01

_BOMS = [  # UTF-32 LE's mark begins with UTF-16 LE's: it is tried first
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes are read: a Python codec without byte-order mark, and how it was found."""

    name: str
    bom: int = 0             # bytes of byte-order mark at the start, skipped
    detected: bool = False   # chosen by charset-normalizer (neither UTF-8 nor named by a mark)

    @property
    def unit(self) -> int:
        """Bytes per code unit: lines are split only at whole units."""
        return 4 if self.name.startswith("utf-32") else 2 if self.name.startswith("utf-16") else 1

    @property
    def newline(self) -> bytes:
        return "\n".encode(self.name)

    def describe(self) -> str:
        how = " (detected)" if self.detected else " (byte-order mark)" if self.bom else ""
        return f"{self.name}{how}"


UTF8 = Encoding("utf-8")


def sniff(sample: bytes, complete: bool = False) -> Encoding:
    """The encoding of a file that begins with ``sample`` (``complete``: the sample is the whole file)."""
    for mark, name in _BOMS:
        if sample.startswith(mark):
            return Encoding(name, bom=len(mark))
    wide = _wide_unicode(sample)
    if wide is not None:
        return Encoding(wide, detected=True)
    lines = sample.split(b"\n")
    if not complete and len(lines) > 1:
        lines.pop()  # the sample may end inside a character
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    if bad == 0 or good >= bad or bad <= CORRUPT_SHARE * len(lines):
        return UTF8
    return _detected(sample) or UTF8


def _wide_unicode(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its zero bytes fall (the high
    bytes of Latin letters, digits and JSON's punctuation); text in other encodings has none."""
    n = len(sample) - len(sample) % 4
    if n < 16 or sample.count(0, 0, n) < n // 8:
        return None
    at = [sample[i:n:4].count(0) / (n // 4) for i in range(4)]
    if at[2] > 0.9 and at[3] > 0.9:
        return "utf-32-le"
    if at[0] > 0.9 and at[1] > 0.9:
        return "utf-32-be"
    even, odd = (at[0] + at[2]) / 2, (at[1] + at[3]) / 2
    if odd > 2 * even:
        return "utf-16-le"
    if even > 2 * odd:
        return "utf-16-be"
    return None


def _detected(sample: bytes) -> Encoding | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(sample, cp_isolation=CANDIDATES).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name
    if name in ("utf-16", "utf-32"):  # no mark: the byte order from where the zero bytes fall
        width = 2 if name == "utf-16" else 4
        little = sample[width - 1::width].count(0) >= sample[::width].count(0)
        name = f"{name}-{'le' if little else 'be'}"
    return Encoding(name, detected=True)


def raw_lines(read: Callable[[int], bytes], first: bytes, encoding: Encoding) -> Iterator[bytes]:
    """The lines (each with its line feed, but the last) of a stream that starts with ``first``
    and goes on with ``read(n)``, split on the encoded line feed at whole code units."""
    newline, unit = encoding.newline, encoding.unit
    step = len(newline)
    pending: list[bytes] = []  # the pieces of a line that runs over chunks
    carry = b""                # bytes of a code unit cut by the chunk's end
    chunk = first[encoding.bom:]
    while True:
        data = carry + chunk if carry else chunk
        if chunk:
            whole = len(data) - len(data) % unit
            data, carry = data[:whole], data[whole:]
        else:
            carry = b""
        pos = 0
        while True:
            i = data.find(newline, pos)
            while i != -1 and i % unit:
                i = data.find(newline, i + 1)
            if i == -1:
                break
            if pending:
                pending.append(data[pos:i + step])
                yield b"".join(pending)
                pending = []
            else:
                yield data[pos:i + step]
            pos = i + step
        if pos < len(data):
            pending.append(data[pos:])
        if not chunk:
            break
        chunk = read(CHUNK_BYTES)
    if pending:
        yield b"".join(pending)


def decode_line(raw: bytes, encoding: Encoding) -> str:
    """One line as text, line ending included (no copy made to drop it: JSON takes it as white
    space); ``UnicodeDecodeError`` when it is not valid."""
    return raw.decode(encoding.name)


def decode_whole(data: bytes) -> tuple[str, Encoding, int | None]:
    """A whole file as text, its encoding, and the line of the first byte that is not valid in it
    (None when all are; such bytes become U+FFFD)."""
    encoding = sniff(data[:SAMPLE_BYTES], complete=len(data) <= SAMPLE_BYTES)
    body = data[encoding.bom:]
    try:
        return body.decode(encoding.name), encoding, None
    except UnicodeDecodeError as e:
        line = body.count(encoding.newline, 0, e.start) + 1
        return body.decode(encoding.name, errors="replace"), encoding, line
