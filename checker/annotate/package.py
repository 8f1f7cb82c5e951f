"""The .docx package around the body: comments.xml, its relationship and content type, ids, zip.

Only three parts change: word/document.xml (the markers), word/comments.xml (created, or kept
with the new comments appended) and, when comments.xml is new, [Content_Types].xml and
word/_rels/document.xml.rels. Every other member is copied byte for byte in its original order.
Parts are read with the reader's caps (sizes, ratios, no DTD, no entities, no network).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from ..sources.docx_package import MAX_TOTAL_BYTES, parse_part, read_member

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
DOCUMENT = "word/document.xml"
TYPES = "[Content_Types].xml"
RELS = "word/_rels/document.xml.rels"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


class PackageError(Exception):
    """The package cannot take comments (its message is plain Chinese)."""


class Package:
    """The zip of a .docx, its relationship parts parsed, ready to take a comments part."""

    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._budget = [MAX_TOTAL_BYTES]
        names = set(self._zip.namelist())
        if TYPES not in names:
            raise PackageError("文件缺少 [Content_Types].xml，结构不完整，无法写入批注。请在 Word 中另存为 .docx 再试。")
        self.types = parse_part(self._read(TYPES))
        self.rels = parse_part(self._read(RELS)) if RELS in names else None
        self.comments_name, self._linked = self._comments_target()
        self.comments = parse_part(self._read(self.comments_name)) if self.comments_name in names else None

    def _read(self, name: str) -> bytes:
        return read_member(self._zip, name, self._budget)

    def _comments_target(self) -> tuple[str, bool]:
        """Where the comments part is (or will be), and whether the body already points at it."""
        for rel in self.rels if self.rels is not None else ():
            if rel.get("Type") == COMMENTS_TYPE and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("word", target))
                return name, True
        return "word/comments.xml", False

    def comments_root(self):
        """word/comments.xml as a tree: the existing one, or a new empty one wired into the package."""
        if self.comments is None:
            from lxml import etree

            self.comments = etree.Element(W + "comments", nsmap={"w": W_NS})
        if not self._linked:
            self._wire_comments()
            self._linked = True
        return self.comments

    def _wire_comments(self) -> None:
        from lxml import etree

        part = "/" + self.comments_name
        if not any(o.get("PartName", "").lower() == part.lower() for o in self.types):
            etree.SubElement(self.types, "{%s}Override" % CT_NS, PartName=part, ContentType=COMMENTS_CONTENT)
        if self.rels is None:
            self.rels = etree.Element("{%s}Relationships" % REL_NS, nsmap={None: REL_NS})
        taken = {rel.get("Id") for rel in self.rels}
        rid = next(f"rIdFzlint{n}" for n in range(1, len(taken) + 2) if f"rIdFzlint{n}" not in taken)
        etree.SubElement(self.rels, "{%s}Relationship" % REL_NS, Id=rid, Type=COMMENTS_TYPE,
                         Target=posixpath.relpath(self.comments_name, "word"))

    def write(self, document) -> bytes:
        """The package with the new body (and comments, types and relationships when changed)."""
        changed = {DOCUMENT: _xml(document)}
        if self.comments is not None:
            changed[self.comments_name] = _xml(self.comments)
            changed[TYPES] = _xml(self.types)
            if self.rels is not None:
                changed[RELS] = _xml(self.rels)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in self._zip.infolist():
                if info.filename in changed:
                    dst.writestr(_fresh(info), changed.pop(info.filename), zipfile.ZIP_DEFLATED)
                else:
                    dst.writestr(info, self._read(info.filename))
            for name, data in changed.items():
                dst.writestr(name, data, zipfile.ZIP_DEFLATED)
        return out.getvalue()


def next_ids(*roots) -> "IdCounter":
    """Comment and revision ids above every w:id already used in the given parts."""
    used = [-1]
    for root in roots:
        if root is None:
            continue
        for el in root.iter():
            value = el.get(W + "id") if isinstance(el.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                used.append(int(value))
    return IdCounter(max(used) + 1)


class IdCounter:
    """Hands out unused w:id values, one at a time."""

    def __init__(self, first: int) -> None:
        self._next = first

    def take(self) -> str:
        value, self._next = self._next, self._next + 1
        return str(value)


def _xml(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fresh(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED
    new.external_attr = info.external_attr
    return new
