"""Official XML (OP-XML of officielebekendmakingen.nl) and HTML, read by their structure.

Both become plain text with one block per paragraph (blank lines between), so
the same page and passage stages apply; what the markup says about the
document (dossier, number, date, signatories, DC/OVERHEID meta tags) goes to
``Extraction.structured`` under the metadata.xml names, for the metadata stage.
Inline footnotes (``noot``) leave their number at the call and move to the end.
"""

from __future__ import annotations

from lxml import etree, html

from ima.domain.document import Extraction, IngestError, SourceFormat
from ima.ingest.loaders.text import decode_text

HEADINGS = {"titel", "kop", "tussenkop", "h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {"al", "p", "li", "regel", "tekstregel", "functie", "naam", "ontvanger", "plaats-datum",
                     "slotformule", "aanhef", "td", "th", "dt", "dd", "blockquote", "pre"}
SKIP = {"script", "style", "nav", "header", "footer", "noscript", "meta", "metadata", "kamerstukkop", "button",
        "form", "template", "svg"}


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _text(node: etree._Element, notes: list[tuple[str, str]]) -> str:
    """Text of a block with inline footnotes replaced by their number."""
    parts: list[str] = [node.text or ""]
    for child in node:
        name = _local(child.tag)
        if name == "noot":
            nr = child.findtext(".//{*}noot.nr") or child.get("nr") or str(len(notes) + 1)
            body = " ".join(" ".join(t for t in child.itertext() if t != nr).split())
            notes.append((nr.strip(), body))
            parts.append(nr.strip())
        elif name not in SKIP:
            parts.append(_text(child, notes))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _blocks(root: etree._Element) -> tuple[list[str], list[tuple[str, str]]]:
    blocks: list[str] = []
    notes: list[tuple[str, str]] = []

    def walk(node: etree._Element) -> None:
        name = _local(node.tag)
        if name in SKIP or not name:
            return
        if name in BLOCKS and not any(_local(c.tag) in BLOCKS for c in node.iter() if c is not node):
            text = _text(node, notes)
            if text:
                blocks.append(text)
            return
        if node.text and node.text.strip() and name not in ("html", "body"):
            blocks.append(" ".join(node.text.split()))
        for child in node:
            walk(child)
            if child.tail and child.tail.strip():
                blocks.append(" ".join(child.tail.split()))

    walk(root)
    return blocks, notes


def _assemble(blocks: list[str], notes: list[tuple[str, str]]) -> str:
    text = "\n\n".join(blocks)
    if notes:
        text += "\n\n" + "_" * 20 + "\n" + "\n".join(f"{nr} {body}" for nr, body in notes)
    return text + "\n"


def _add(structured: dict, key: str, value: str | None) -> None:
    value = " ".join((value or "").split())
    if not value:
        return
    old = structured.get(key)
    if old is None:
        structured[key] = value
    elif isinstance(old, list):
        if value not in old:
            old.append(value)
    elif old != value:
        structured[key] = [old, value]


def _op_header(root: etree._Element, structured: dict) -> None:
    """Fields of the OP-XML kamerstuk header, named as in metadata.xml."""
    for meta in root.iter("{*}meta", "meta"):
        _add(structured, meta.get("name", ""), meta.get("content"))
    for el in root.iter("{*}dossiernr"):
        _add(structured, "OVERHEIDop.dossiernummer", el.text)
    for el in root.iter("{*}ondernummer"):
        _add(structured, "OVERHEIDop.ondernummer", el.text)
    for el in root.iter("{*}tekstregel"):
        if el.get("inhoud") == "vergaderjaar":
            _add(structured, "OVERHEIDop.vergaderjaar", "".join(el.itertext()))
        elif el.get("inhoud") == "kameraanduiding":
            _add(structured, "OVERHEIDop.ontvanger", "".join(el.itertext()))
    for path, key in (("{*}stuk/{*}titel", "OVERHEIDop.documenttitel"), ("{*}dossier/{*}titel", "OVERHEIDop.dossiertitel")):
        for el in root.iterfind(".//" + path):
            _add(structured, key, "".join(el.itertext()))
    for el in root.iter("{*}datum"):
        if el.get("isodatum"):
            _add(structured, "OVERHEIDop.datumBrief", el.get("isodatum"))
    for sign in root.iter("{*}ondertekening"):
        for block in sign.iter("{*}functie", "{*}naam"):
            key = "ima.ondertekening.functie" if _local(block.tag) == "functie" else "OVERHEIDop.indiener"
            structured.setdefault(key, [])
            structured[key].append(" ".join("".join(block.itertext()).split()))


def extract_xml(data: bytes) -> Extraction:
    """Extract an officielebekendmakingen XML publication (or any XML document) by its structure."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"malformed XML: {exc.msg} (line {exc.lineno})") from exc
    if root is None:
        raise IngestError("malformed XML: no root element")
    structured: dict = {}
    _op_header(root, structured)
    if _local(root.tag) == "metadata_gegevens":
        raise IngestError("metadata.xml holds only metadata, no document text: ingest the publication itself")
    blocks, notes = _blocks(root)
    if not blocks:
        raise IngestError("XML without document text")
    encoding = (root.getroottree().docinfo.encoding or "utf-8").lower()
    return Extraction(text=_assemble(blocks, notes), format=SourceFormat.XML, encoding=encoding,
                      structured=structured)


def extract_html(data: bytes) -> Extraction:
    """Extract the publication text of an HTML page (officielebekendmakingen ``div.stuk`` first)."""
    text, encoding = decode_text(data)
    try:
        doc = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"malformed HTML: {exc}") from exc
    structured: dict = {}
    for meta in doc.iter("meta"):
        if meta.get("name") and meta.get("content"):
            _add(structured, meta.get("name"), meta.get("content"))
    content = (doc.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " stuk ")]')
               or doc.xpath("//main") or doc.xpath("//article") or doc.xpath("//body") or [doc])[0]
    title = doc.findtext(".//title")
    if title and "DC.title" not in structured:
        _add(structured, "html.title", title)
    blocks, notes = _blocks(content)
    if not blocks:
        raise IngestError("HTML page without document text")
    return Extraction(text=_assemble(blocks, notes), format=SourceFormat.HTML, encoding=encoding,
                      structured=structured)
