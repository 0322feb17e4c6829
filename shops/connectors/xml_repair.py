"""Repairing, on the fly, the XML mistakes partner feeds make most and that have one meaning.

Feeds written by hand-made PHP scripts carry HTML entities XML does not know ("&eacute;"),
bare ampersands ("Sel & Poivre"), control characters pasted from spreadsheets, and
whitespace before the XML declaration. Each is fatal to an XML parser, yet each has only
one sensible reading, so the byte stream is mended before parsing. Everything else, such
as a tag left open, stays an error. Inside CDATA sections a repair only changes how the
text is spelt ("&" becomes "&amp;"), which the connectors unescape for plain-text fields.
"""

import io
import re
from html.entities import html5
from typing import IO

CHUNK = 64 * 1024
# An "&" that starts no reference XML knows: bare, or naming an HTML entity ("&eacute;").
AMPERSAND = re.compile(
    rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)"
    rb"([A-Za-z][A-Za-z0-9]{0,31};)?"
)
# Character references to C0 controls other than tab, line feed and carriage return.
CONTROL_REFERENCE = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]));"
)
# The C0 control characters themselves are not XML either: each becomes a space.
CONTROLS_TO_SPACES = bytes.maketrans(bytes([*range(0, 9), 11, 12, *range(14, 32)]), b" " * 29)
UTF8_BOM = b"\xef\xbb\xbf"
# An "&" this close to the end of a chunk may start a reference the next chunk completes.
LONGEST_REFERENCE = 40


def repair_ampersand(match: re.Match) -> bytes:
    name = match.group(1)
    if name is None:
        return b"&amp;"
    characters = html5.get(name.decode("ascii"))
    if characters is None:
        return match.group(0)  # maybe declared in the document's DTD: the parser decides
    return b"".join(b"&#%d;" % ord(char) for char in characters)


class RepairedXmlStream(io.RawIOBase):
    """A binary stream reading `stream` with the repairs above applied.

    UTF-16 documents (rare in feeds) are passed through untouched: their bytes cannot be
    mended one at a time.
    """

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.output = b""
        self.offset = 0
        self.carry = b""
        self.started = False
        self.passthrough = False
        self.exhausted = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes, taken from the current repaired chunk without copying it."""
        if size is None or size < 0:
            return self.readall()
        while self.offset >= len(self.output) and not self.exhausted:
            self.output, self.offset = self.next_chunk(), 0
        data = self.output[self.offset : self.offset + size]
        self.offset += len(data)
        return data

    def next_chunk(self) -> bytes:
        data = self.stream.read(CHUNK)
        if not self.started:
            data = self.first_chunk(data)
        if self.passthrough:
            self.exhausted = not data
            return data
        if not data:
            self.exhausted = True
            data, self.carry = self.carry, b""
            return self.repair(data)
        data, self.carry = self.carry + data, b""
        ampersand = data.rfind(b"&", max(0, len(data) - LONGEST_REFERENCE))
        if ampersand != -1 and b";" not in data[ampersand:]:
            data, self.carry = data[:ampersand], data[ampersand:]
        return self.repair(data)

    def first_chunk(self, data: bytes) -> bytes:
        self.started = True
        if data.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
            self.passthrough = True
            return data
        bom = UTF8_BOM if data.startswith(UTF8_BOM) else b""
        return bom + data[len(bom) :].lstrip(b" \t\r\n")

    @staticmethod
    def repair(data: bytes) -> bytes:
        if b"&" in data:
            data = AMPERSAND.sub(repair_ampersand, data)
            if b"&#" in data:
                data = CONTROL_REFERENCE.sub(b" ", data)
        return data.translate(CONTROLS_TO_SPACES)

    def close(self) -> None:
        try:
            self.stream.close()
        finally:
            super().close()
