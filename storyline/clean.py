"""Page-furniture removal: keep the article body and its subheads, record everything else.

Scraped text arrives as lines. Each non-empty line is a *block*. A block is classified by
general signals first: its shape (length, final punctuation), its place in the page (a
header zone before the first body paragraph, a footer zone after the last one), runs of
short link-like lines, repetition inside the article (captions printed twice) and across
articles (furniture one page shows in its header recurring elsewhere). A short list of
patterns names the kinds of furniture whose shape alone is ambiguous (a "Read more" cue,
a CAPTCHA line). Body sentences are never dropped by a pattern: patterns only apply to
short lines, and a long line that ends like a sentence is body wherever it stands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.ingest.dates import FULL_DATE, find_full_date
from storyline.model import Cleaned, Document, Removal, Span

BODY = "body"
HEADING = "heading"
TITLE = "headline (kept as the article title)"
CAPTION = "photo caption (printed twice)"
CREDITED_CAPTION = "photo caption (with photo credit)"
REPEATED = "paragraph repeated verbatim"
HEADER = "page header (banner, menu or player text)"
FOOTER = "page footer"
RELATED = "related-headlines block (other articles)"
SEPARATOR = "separator rule"
TIMESTAMP = "media player timestamp"
DATE_LINE = "publication date line (kept as the date)"
DATELINE = "dateline (place, date and agency of the wire copy)"
SOURCE_TRAILER = "source trailer (kept as the source)"
CREDIT_TRAILER = "credit line (kept as credits)"
SEEN_ELSEWHERE = "furniture seen in another article"
RELATED_CUE = "related-articles cue"

#: Patterns for short lines whose kind their shape alone does not tell, with the reason.
_FURNITURE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "media player text",
        r"(video|watch|audio|listen|gallery|photos?|in pictures|podcast)\s*:.*"
        r"|listen( to (this|the) (article|story))?|play( video| audio)?|watch( video| live)?"
        r"|please wait|loading( video)?|no media source (is )?currently available|now playing"
        r"|\d+ ?min(ute)?s? (read|listen)|(audio|video) (is )?(not )?(available|unavailable)",
    ),
    (
        "accessibility or navigation links",
        r"accessibility( links)?|skip to (main )?(content|navigation)|jump to( main)? content"
        r"|(main )?menu|home|search|sign in|log ?in|close|back to top",
    ),
    ("breaking-news banner", r"breaking( news)?|live( updates)?|developing story|just in"),
    (
        "comment form or CAPTCHA",
        r"leave a (reply|comment)|post a comment|\d* ?comments?|add (a )?comment|cancel reply"
        r"|your email( address)? will not be (published|shown|displayed|shared).*"
        r"|required fields are marked.*"
        r"|.*\bcaptcha\b.*|time limit is exhausted.*",
    ),
    (
        "automated-translation notice",
        r".*\b(automated|machine|automatic(ally)?) translat(ed|ion)\b.*"
        r"|translated (automatically|by machine).*",
    ),
    (
        RELATED_CUE,
        r"(read|see) (more|also)|related( articles| stories| coverage| content| news)?"
        r"|more (on|about) this( story| topic)?|recommended( for you)?|you (may|might) also like"
        r"|most (read|popular|viewed)|trending( now)?|further reading|top stories",
    ),
    (
        "share or subscribe prompt",
        r"share( this( article| story| page)?)?( on \w+)?|follow us( on \w+)?|print( this)?"
        r"|sign up\b.*|subscribe\b.*|click here\b.*|advertisement|skip advertisement"
        r"|sponsored( content)?|email|copy link|whatsapp|facebook|twitter|linkedin",
    ),
    ("copyright notice", r"(©|\(c\)|copyright\b).*|all rights reserved\.?"),
)
_FURNITURE = tuple(
    (re.compile(rf"(?:{pattern})", re.IGNORECASE), reason)
    for reason, pattern in _FURNITURE_PATTERNS
)
_MAX_PATTERN_WORDS = 16

_SOURCE_LINE = re.compile(r"sources?\s*:\s*(?P<who>.{2,80}?)\s*\.?", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"(?:with |additional )*(?:reporting|writing|editing) by\s+(?P<who>.{2,160}?)\s*\.?",
    re.IGNORECASE,
)
_AGENCIES = re.compile(r"(?:,|\band)\s+(?:news\s+)?agencies$", re.IGNORECASE)
_NAME_LIST = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")
_SEPARATOR = re.compile(r"[\s_\-=*~#•·—–.+]{3,}")
_TIMESTAMP = re.compile(r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:/\s*)?(?:\d{1,2}:)?\d{1,2}:\d{2})*")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_TRAILING_PUNCT = re.compile(r"[\s:.!»›>|\-–—]+$")
_CAPTION_CREDIT = re.compile(
    r"\s*(?:\((?:[^()]{1,40})\)|(?:photo|image|picture|credit|source)s?\s*:.{1,60})$",
    re.IGNORECASE,
)
_CREDITED_CAPTION = re.compile(
    r".{20,}[.!?\"”]\s*\((?:photo|image|picture|credit)?:?\s*[A-Z][\w.&/' -]{0,30}\)$"
)
#: A wire dateline opening the first paragraph: "PORT CALLON, March 3 (Agency) - ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*)"  # the place, in capitals
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?"  # ", Country"
    r"(?:,?\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"  # ", March 3[, 2026]"
    r"\s*(?:\([^()]{1,40}\))?"  # "(Agency)"
    r"\s*(?:[-—–]+|_)\s+(?=[A-Z0-9\"“‘'`])"  # the dash; wire copy types it as "_"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

_BODY_START_WORDS = 6  # a header zone ends at the first sentence-like line this long
_BODY_WORDS = 4  # shorter sentence-like lines after the body are footer text
_LONG_LINE_WORDS = 20  # a line this long is prose even without final punctuation
_HEADING_WORDS = 12  # a lone short line inside the body longer than this is prose
_STANDFIRST_WORDS = 8  # a line under the headline this long is a standfirst, not a banner


@dataclass(frozen=True)
class _Block:
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sentence_like(self) -> bool:
        if self.words >= _LONG_LINE_WORDS:
            return True
        return self.words >= 3 and bool(_SENTENCE_END.search(self.text))

    @property
    def key(self) -> str:
        """Comparison key: case- and punctuation-insensitive."""
        return re.sub(r"\W+", " ", self.text).strip().casefold()


def normalize_line(line: str) -> str:
    """Collapse every kind of space to one ASCII space and drop zero-width characters."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def clean(document: Document, furniture_elsewhere: frozenset[str] = frozenset()) -> Cleaned:
    """Split a document into body, subheads and removed furniture.

    ``furniture_elsewhere`` holds comparison keys of lines that other articles of the same
    run showed as furniture (see :func:`clean_all`); such lines are furniture here too.
    """
    blocks = [_Block(t) for t in (normalize_line(x) for x in document.raw.split("\n")) if t]
    labels = _classify(blocks, document.title)
    if furniture_elsewhere:
        labels = [
            SEEN_ELSEWHERE
            if label in (BODY, HEADING) and not b.sentence_like and b.key in furniture_elsewhere
            else label
            for b, label in zip(blocks, labels, strict=True)
        ]
    return _assemble(blocks, labels, document.title)


def clean_all(documents: Sequence[Document]) -> list[Cleaned]:
    """Clean several documents, letting each one's header and footer teach the others."""
    first = [clean(d) for d in documents]
    owners: dict[str, set[int]] = {}
    for number, cleaned in enumerate(first):
        for removal in cleaned.removed:
            if removal.reason in _LEARNABLE:
                owners.setdefault(_Block(removal.text).key, set()).add(number)
    if not owners:
        return first
    result = []
    for number, (document, cleaned) in enumerate(zip(documents, first, strict=True)):
        elsewhere = frozenset(k for k, who in owners.items() if who - {number})
        result.append(clean(document, elsewhere) if elsewhere else cleaned)
    return result


_LEARNABLE = frozenset({HEADER, FOOTER} | {reason for _, reason in _FURNITURE})


def _classify(blocks: list[_Block], meta_title: str | None) -> list[str]:
    labels = [_line_kind(block) for block in blocks]
    _mark_captions(blocks, labels)
    _mark_repeats(blocks, labels)
    open_ = [i for i, label in enumerate(labels) if label == BODY]
    starts = [i for i in open_ if blocks[i].sentence_like and blocks[i].words >= _BODY_START_WORDS]
    if not starts:
        return labels  # no paragraph of prose: keep what is left as it is
    first, last = (
        starts[0],
        max(i for i in open_ if blocks[i].sentence_like and blocks[i].words >= _BODY_WORDS),
    )
    _mark_header(blocks, labels, first, meta_title)
    for i in range(last + 1, len(blocks)):
        if labels[i] == BODY:
            labels[i] = FOOTER
    _mark_body_zone(blocks, labels, first, last)
    return labels


def _line_kind(block: _Block) -> str:
    """The label a line earns by itself: a furniture kind, a trailer, or BODY (undecided)."""
    text = block.text
    if _SEPARATOR.fullmatch(text) and not re.search(r"[^\W_]", text):
        return SEPARATOR
    if _TIMESTAMP.fullmatch(text):
        return TIMESTAMP
    if block.words <= _MAX_PATTERN_WORDS:
        if _SOURCE_LINE.fullmatch(text):
            return SOURCE_TRAILER
        if _CREDIT_LINE.fullmatch(text):
            return CREDIT_TRAILER
        bare = _TRAILING_PUNCT.sub("", text)
        for pattern, reason in _FURNITURE:
            if pattern.fullmatch(bare):
                return reason
        if not block.sentence_like and _date_line(text):
            return DATE_LINE
    if _CREDITED_CAPTION.fullmatch(text):
        return CREDITED_CAPTION
    return BODY


def _date_line(text: str) -> bool:
    match = FULL_DATE.search(text)
    return match is not None and len(text.split()) - len(match.group(0).split()) <= 5


def _mark_captions(blocks: list[_Block], labels: list[str]) -> None:
    """A line followed by itself plus a credit ("... (Agency)") is a caption printed twice."""
    for i in range(len(blocks) - 1):
        a, b = blocks[i].text, blocks[i + 1].text
        if labels[i] not in (BODY, CREDITED_CAPTION) or labels[i + 1] not in (
            BODY,
            CREDITED_CAPTION,
        ):
            continue
        if a == b or (b.startswith(a) and _CAPTION_CREDIT.fullmatch(b[len(a) :])):
            labels[i] = labels[i + 1] = CAPTION


def _mark_repeats(blocks: list[_Block], labels: list[str]) -> None:
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if labels[i] != BODY:
            continue
        if block.key in seen and block.words >= 3:
            labels[i] = REPEATED
        seen.add(block.key)


def _mark_header(blocks: list[_Block], labels: list[str], first: int, title: str | None) -> None:
    """Before the first paragraph: the headline (once) and page furniture."""
    title_key = _Block(title).key if title else None
    found_title = False
    for i in range(first):
        if labels[i] != BODY:
            continue
        block = blocks[i]
        is_title = block.key == title_key if title_key else block.words >= 3
        if is_title and not found_title and not block.sentence_like:
            labels[i], found_title = TITLE, True
        elif found_title and block.words >= _STANDFIRST_WORDS:
            labels[i] = BODY  # a standfirst under the headline is part of the article
        else:
            labels[i] = HEADER
    # the headline repeated as the first body line
    if title_key and not found_title and blocks[first].key == title_key:
        labels[first] = TITLE


def _mark_body_zone(blocks: list[_Block], labels: list[str], first: int, last: int) -> None:
    """Inside the body: runs of short lines are link blocks; a lone short line is a subhead.

    A lone short line is a link too when a "Read more" cue precedes it or separator rules
    fence it on both sides.
    """
    i = first
    while i <= last:
        if labels[i] != BODY or blocks[i].sentence_like:
            i += 1
            continue
        j = i
        while j + 1 <= last and labels[j + 1] == BODY and not blocks[j + 1].sentence_like:
            j += 1
        before = labels[i - 1] if i > 0 else None
        after = labels[j + 1] if j + 1 < len(labels) else None
        fenced = before == SEPARATOR and after == SEPARATOR
        if j > i or before == RELATED_CUE or fenced:
            for k in range(i, j + 1):
                labels[k] = RELATED
        elif blocks[i].words <= _HEADING_WORDS:
            labels[i] = HEADING
        i = j + 1


def _assemble(blocks: list[_Block], labels: list[str], meta_title: str | None) -> Cleaned:
    parts: list[str] = []
    headings: list[Span] = []
    removed: list[Removal] = []
    offset = 0
    dateline = _split_dateline(blocks, labels)
    for block, label in zip(blocks, labels, strict=True):
        if dateline and block is dateline[0]:
            removed.append(Removal(dateline[1], DATELINE))
            block = _Block(block.text[len(dateline[1]) :].lstrip())
        if label in (BODY, HEADING):
            if parts:
                offset += 2  # the "\n\n" joining paragraphs
            if label == HEADING:
                headings.append(Span(offset, offset + len(block.text)))
            parts.append(block.text)
            offset += len(block.text)
        else:
            removed.append(Removal(block.text, label))
    title = next((b.text for b, lab in zip(blocks, labels, strict=True) if lab == TITLE), None)
    title = meta_title.strip() if meta_title else title
    if not parts and title:
        parts = [title]  # a headline-only item (feed entry, wire flash): the headline is its text
    source, credits = _trailers(removed)
    date, date_from = _date_hint(blocks, labels, dateline[1] if dateline else None)
    return Cleaned(
        text="\n\n".join(parts),
        headings=tuple(headings),
        removed=tuple(removed),
        title=title,
        trailer_source=source,
        credits=credits,
        date_hint=date,
        date_hint_from=date_from,
    )


def _trailers(removed: list[Removal]) -> tuple[str | None, tuple[str, ...]]:
    source: str | None = None
    credits: list[str] = []
    for removal in removed:
        if removal.reason == SOURCE_TRAILER:
            match = _SOURCE_LINE.fullmatch(removal.text)
            assert match is not None
            who = match.group("who")
            if _AGENCIES.search(who):
                who = _AGENCIES.sub("", who).strip()
                credits.append("agencies")
            source = source or who
        elif removal.reason == CREDIT_TRAILER:
            match = _CREDIT_LINE.fullmatch(removal.text)
            assert match is not None
            credits.extend(n for n in _NAME_LIST.split(match.group("who")) if n)
    return source, tuple(dict.fromkeys(credits))


def _split_dateline(blocks: list[_Block], labels: list[str]) -> tuple[_Block, str] | None:
    """The first body paragraph and its dateline prefix, if it opens with one."""
    first = next((b for b, lab in zip(blocks, labels, strict=True) if lab == BODY), None)
    match = _DATELINE.match(first.text) if first else None
    if first is None or match is None:
        return None
    return first, match.group(0).rstrip()


def _date_hint(
    blocks: list[_Block], labels: list[str], dateline: str | None
) -> tuple[dt.date | None, str | None]:
    """A full date from a date line, a dateline, or a photo caption, in that order of trust."""
    candidates = [
        ("date line", [b.text for b, lab in zip(blocks, labels, strict=True) if lab == DATE_LINE]),
        ("dateline", [dateline] if dateline else []),
        ("caption", [b.text for b, lab in zip(blocks, labels, strict=True) if lab in _CAPTIONS]),
    ]
    for kind, texts in candidates:
        for text in texts:
            if found := find_full_date(text):
                return found, kind
    return None, None


_CAPTIONS = frozenset({CAPTION, CREDITED_CAPTION})
