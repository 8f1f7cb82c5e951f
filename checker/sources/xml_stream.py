"""The children of a .docx body, one at a time, so the whole tree never sits in memory.

lxml keeps some 300 bytes per element: 200k numbered paragraphs (31 MB of XML, seven elements
each) made a 300 MB tree before a line was read. iterparse hands over each top-level body
element (a paragraph, a table, a content control) when it is complete; it is cleared and
dropped once read, so memory follows the largest one (a big table), not the document. The same
safety as a full parse: no DTD, no entities, no network, no huge-tree mode, and a DOCTYPE refused.
"""

from __future__ import annotations

import io
from typing import Iterator

from .errors import SourceError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def body_children(xml: bytes, doctype_message: str) -> Iterator:
    """Yield each child of w:document/w:body as soon as it is parsed; it is freed afterwards."""
    from lxml import etree

    if b"<!DOCTYPE" in xml:
        raise SourceError(doctype_message)
    xml = xml.replace(_STRICT_W, W[1:-1].encode())  # "Strict Open XML" saves use another namespace
    events = etree.iterparse(io.BytesIO(xml), events=("start", "end"), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    depth = 0
    for event, element in events:
        if event == "start":
            if depth == 0 and element.getroottree().docinfo.doctype:
                raise SourceError(doctype_message)
            depth += 1
            continue
        depth -= 1
        parent = element.getparent()
        if depth == 2 and parent is not None and parent.tag == W + "body" and parent.getparent() is not None \
                and parent.getparent().getparent() is None:
            yield element
            element.clear()
            while element.getprevious() is not None:  # the cleared siblings still hold their slots
                del parent[0]
