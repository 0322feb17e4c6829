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
# Entity names XML itself defines: left alone.
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
AMPERSAND = re.compile(rb"&(?:#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});|([A-Za-z][A-Za-z0-9]{0,31});)?")
# C0 control characters other than tab, line feed and carriage return are not XML.
CONTROL_CHARACTERS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
UTF8_BOM = b"\xef\xbb\xbf"
# An "&" this close to the end of a chunk may start a reference the next chunk completes.
LONGEST_REFERENCE = 40


def is_xml_character(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF


def repair_reference(match: re.Match) -> bytes:
    decimal, hexadecimal, name = match.groups()
    if decimal or hexadecimal:
        code = int(decimal) if decimal else int(hexadecimal, 16)
        return match.group(0) if is_xml_character(code) else b" "
    if name is None:
        return b"&amp;"
    text = name.decode("ascii")
    if text in XML_ENTITIES:
        return match.group(0)
    characters = html5.get(f"{text};")
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
        self.carry = b""
        self.started = False
        self.passthrough = False
        self.exhausted = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.output and not self.exhausted:
            self.output = self.next_chunk()
        size = min(len(buffer), len(self.output))
        buffer[:size] = self.output[:size]
        self.output = self.output[size:]
        return size

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
            data = AMPERSAND.sub(repair_reference, data)
        return CONTROL_CHARACTERS.sub(b" ", data)

    def close(self) -> None:
        try:
            self.stream.close()
        finally:
            super().close()
