"""Invented articles for the scan tests (invented places, people and events; real country names,
since records carry ISO codes), and helpers that write them as files, JSON Lines, WARC and Atom."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape

BLOCK_EN = {
    "title": "Malawi blocks WhatsApp and Facebook before the Karunde vote",
    "url": "https://news.example.org/malawi-whatsapp-block",
    "published": "2025-03-03",
    "language": "en",
    "text": (
        "Malawi blocks WhatsApp and Facebook before the Karunde vote\n\n"
        "The government of Malawi on Monday ordered telecom operators to block WhatsApp and Facebook "
        "across the country, the Ministry of Information said, citing the need to stop false rumours "
        "before the by-election in Karunde district.\n\n"
        "Users in the town of Velmora said they could not send messages from Monday morning, and many "
        "turned to VPN services to get around the block. Information minister Arlo Tenvik told reporters "
        "the measure was temporary and lawful.\n\n"
        "Rights groups said the order violated freedom of expression and asked the High Court to lift it.\n"
    ),
}

BLOCK_FR = {
    "title": "Le Malawi bloque WhatsApp et Facebook",
    "url": "https://infos.example.fr/malawi-blocage",
    "published": "2025-03-05",
    "language": "fr",
    "text": (
        "Le Malawi bloque WhatsApp et Facebook\n\n"
        "Le gouvernement du Malawi a ordonné lundi aux opérateurs de bloquer WhatsApp et Facebook dans "
        "tout le pays avant l'élection partielle de Karunde, selon le ministère de l'Information.\n\n"
        "À Velmora, les habitants utilisent des VPN pour contourner le blocage, a constaté notre "
        "correspondante Ilse Marrow.\n"
    ),
}

RESTORED_EN = {
    "title": "Malawi restores WhatsApp and Facebook after two-week block",
    "url": "https://news.example.org/malawi-restored",
    "published": "2025-03-20",
    "language": "en",
    "text": (
        "Malawi restores WhatsApp and Facebook after two-week block\n\n"
        "Access to WhatsApp and Facebook was restored in Malawi on 19 March 2025, after the government "
        "lifted the block it ordered before the Karunde by-election, the Ministry of Information said.\n\n"
        "Operators confirmed that the services were back for all users in Velmora and elsewhere.\n"
    ),
}

CABLE_CUT = {
    "title": "Slow internet in Velmora Bay after cable damage",
    "url": "https://news.example.org/cable",
    "published": "2025-03-04",
    "language": "en",
    "text": (
        "Slow internet in Velmora Bay after cable damage\n\n"
        "Internet users along Velmora Bay suffered slow connections on Tuesday after a submarine cable was "
        "damaged by a ship's anchor, operators said. Repairs to the undersea cable will take two weeks, and "
        "traffic has been rerouted through other submarine cables.\n"
    ),
}

OWN_OUTAGE = {
    "title": "WhatsApp down for two hours",
    "url": "https://news.example.org/outage",
    "published": "2025-03-04",
    "language": "en",
    "text": (
        "WhatsApp down for two hours\n\n"
        "WhatsApp was down for two hours on Tuesday; users reported problems on Downdetector from Lisbon to "
        "Lagos. Meta said a configuration change on its servers caused the outage and that the app was back "
        "online by noon.\n"
    ),
}

ORDINARY = {
    "title": "Central bank holds its rate",
    "url": "https://news.example.org/rates",
    "published": "2025-03-04",
    "language": "en",
    "text": (
        "Central bank holds its rate\n\n"
        "The central bank kept its policy rate at 12 percent on Wednesday, governor Pella Aruna said, "
        "pointing to easing food prices after a good harvest in the northern districts.\n"
    ),
}


def front_matter_file(path: Path, article: dict) -> Path:
    head = "".join(f"{k}: {article[k]}\n" for k in ("url", "published", "language") if article.get(k))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{head}---\n{article['text']}", encoding="utf-8")
    return path


def jsonl_lines(articles: list[dict]) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)


def html_page(article: dict) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article["text"].split("\n\n")[1:])
    title = escape(article["title"])
    return (
        f'<!DOCTYPE html><html lang="{article["language"]}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{article["published"]}T08:00:00Z"></head>'
        f'<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>'
        "<footer>Copyright Example News</footer></body></html>"
    )


def warc_bytes(articles: list[dict], gzipped: bool = True) -> bytes:
    """A WARC as CC-NEWS holds it: a warcinfo record, then per page a request and a response;
    plus a non-HTML response (an image) that is not an article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for article in articles:
        url = article["url"]
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True),
        )
        writer.write_record(request)
        body = html_page(article).encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
            http_headers=image,
        )
    )
    return buffer.getvalue()


def atom_feed(articles: list[dict]) -> str:
    entries = "".join(
        f"<entry><title>{escape(a['title'])}</title><id>{escape(a['url'])}</id>"
        f'<link href="{escape(a["url"])}"/><published>{a["published"]}T09:00:00Z</published>'
        f"<updated>{a['published']}T09:00:00Z</updated>"
        f'<content type="html">{escape("".join(f"<p>{escape(p)}</p>" for p in a["text"].split(chr(10) * 2)[1:]))}'
        f"</content></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Example News</title><id>urn:example:news</id><updated>2025-03-20T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
