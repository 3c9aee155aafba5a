"""The analysis sections of a story in the report: facts (conflicts, agreements), quotes,
timeline (with a chart in HTML) and framing, as JSON, Markdown and template data."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from storyline.model import Analysis, Claim, Comparison, Quote, TimelineEntry

#: ``number(article_id)`` is the article's [n] in the report.
Numbering = Callable[[str], int]


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    """The five keys each story gets in the JSON report (docs/schema.md)."""
    return {
        "conflicts": [_comparison_dict(c) for c in analysis.conflicts],
        "agreements": [_comparison_dict(c) for c in analysis.agreements],
        "quotes": [_quote_dict(q) for q in analysis.quotes],
        "timeline": [_entry_dict(e) for e in analysis.timeline],
        "framing": [
            {
                "entity": f.entity,
                "kind": f.kind,
                "labels": [{"label": x.label, "articles": list(x.articles)} for x in f.labels],
            }
            for f in analysis.framing
        ],
    }


def _comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "topic": comparison.topic,
        "status": comparison.status,
        "claims": [
            {
                "value": c.value,
                "expression": c.expression,
                "text": c.text,
                "article": c.article,
                "start": c.start,
                "end": c.end,
            }
            for c in comparison.claims
        ],
    }


def _quote_dict(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "description": quote.description,
        "text": quote.text,
        "citations": [
            {"article": v.article, "start": v.start, "end": v.end} for v in quote.variants
        ],
        "variants": [{"text": v.text, "article": v.article} for v in quote.variants],
    }


def _entry_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat() if entry.date else None,
        "precision": entry.precision,
        "text": entry.text,
        "other_dates": list(entry.dates),
        "citations": [
            {
                "article": m.article,
                "start": m.start,
                "end": m.end,
                "mention": m.mention,
                "mention_start": m.mention_start,
                "mention_end": m.mention_end,
                "date": m.date.isoformat() if m.date else None,
                "note": m.note,
            }
            for m in entry.citations
        ],
    }


def when(date: dt.date | None, precision: str | None) -> str:
    """A date at its precision: "20 Nov 2017", "week of 20 Nov 2017", "Nov 2017", "2017"."""
    if date is None:
        return "unresolved"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%b %Y")
    day = f"{date.day} {date.strftime('%b %Y')}"
    return f"week of {day}" if precision == "week" else day


# ------------------------------------------------------------------------ Markdown


#: What each status of a fact means, for the reader.
MEANINGS = {
    "conflict": "outlets give one quantity different values",
    "possible conflict": "probably one quantity given different values, less surely",
    "possibly different": "figures that look alike but may count different things",
    "agreement": "independent outlets state the same value",
}


def legend(comparisons: Sequence[Comparison]) -> str:
    """One line saying what the statuses shown mean, in the order they are listed."""
    shown = dict.fromkeys(c.status for c in comparisons)
    return " · ".join(f"{status}: {MEANINGS[status]}" for status in shown if status in MEANINGS)


def analysis_markdown(analysis: Analysis, number: Numbering, heading: str) -> list[str]:
    """Markdown sections for one story; sections with nothing to show are left out."""
    lines: list[str] = []
    facts = [*analysis.conflicts, *analysis.agreements]
    if facts:
        lines += [f"{heading} Facts across outlets", "", f"*{legend(facts)}*", ""]
        for comparison in facts:
            claims = "; ".join(_claim_md(c, number) for c in comparison.claims)
            lines += [f"- **{comparison.status}** — {comparison.topic}: {claims}", ""]
    if analysis.quotes:
        lines += [f"{heading} Quotes", ""]
        for quote in analysis.quotes:
            refs = ", ".join(str(n) for n in _numbers(quote, number))
            lines += [f"- {_speaker(quote)}: “{quote.text}” [{refs}]"]
            others = [v for v in quote.variants if v.text != quote.text]
            lines += [f"  - also: “{v.text}” [{number(v.article)}]" for v in others]
        lines.append("")
    if analysis.timeline:
        lines += [f"{heading} Timeline", ""]
        for entry in analysis.timeline:
            refs = ", ".join(sorted({str(number(m.article)) for m in entry.citations}))
            flag = f" ⚠ also dated {', '.join(entry.dates)}" if entry.dates else ""
            note = (
                f" ({entry.citations[0].note}: “{entry.citations[0].mention}”)"
                if not entry.date
                else ""
            )
            lines += [
                f"- **{when(entry.date, entry.precision)}**{note}{flag} — {entry.text} [{refs}]"
            ]
        lines.append("")
    if analysis.framing:
        lines += [f"{heading} How outlets label them", ""]
        for framing in analysis.framing:
            labels = "; ".join(
                f"“{x.label}” [{', '.join(str(number(a)) for a in x.articles)}]"
                for x in framing.labels
            )
            lines += [f"- {framing.entity}: {labels}"]
        lines.append("")
    return lines


def _numbers(quote: Quote, number: Numbering) -> list[int]:
    """The report numbers of the articles carrying a quote, each once, in order."""
    return list(dict.fromkeys(number(v.article) for v in quote.variants))


def _claim_md(claim: Claim, number: Numbering) -> str:
    return f"{claim.value} (“{claim.expression}”) [{number(claim.article)}]"


def _speaker(quote: Quote) -> str:
    if quote.speaker:
        return quote.speaker
    return f"unnamed ({quote.description})" if quote.description else "unknown speaker"


# ---------------------------------------------------------------------------- HTML


def analysis_view(analysis: Analysis, number: Numbering) -> dict[str, Any]:
    """What the HTML template needs for a story's analysis sections."""
    return {
        "legend": legend([*analysis.conflicts, *analysis.agreements]),
        "facts": [
            {
                "status": c.status,
                "topic": c.topic,
                "claims": [
                    {
                        "value": x.value,
                        "expression": x.expression,
                        "text": x.text,
                        "number": number(x.article),
                    }
                    for x in c.claims
                ],
            }
            for c in (*analysis.conflicts, *analysis.agreements)
        ],
        "quotes": [
            {
                "speaker": _speaker(q),
                "text": q.text,
                "numbers": _numbers(q, number),
                "others": [
                    {"text": v.text, "number": number(v.article)}
                    for v in q.variants
                    if v.text != q.text
                ],
            }
            for q in analysis.quotes
        ],
        "timeline": [
            {
                "when": when(e.date, e.precision),
                "text": e.text,
                "dates": e.dates,
                "note": e.citations[0].note if e.date is None else None,
                "numbers": sorted({number(m.article) for m in e.citations}),
            }
            for e in analysis.timeline
        ],
        "chart": timeline_svg(analysis.timeline),
        "framing": [
            {
                "entity": f.entity,
                "labels": [
                    {"label": x.label, "numbers": [number(a) for a in x.articles]} for x in f.labels
                ],
            }
            for f in analysis.framing
        ],
    }


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """The dated entries as an SVG chart (matplotlib): one dot per entry, sized by how
    many sentences date it, red where outlets disagree; "" when fewer than two dates."""
    dated = [e for e in entries if e.date is not None]
    if len({e.date for e in dated}) < 2:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(7.5, 1.2 + 0.22 * min(len(dated), 20)))
    try:
        for row, entry in enumerate(dated[:20]):
            assert entry.date is not None
            day = float(mdates.date2num(entry.date))
            colour = "#b3261e" if entry.dates else "#1f5f8b"
            axes.scatter([day], [row], s=18 + 14 * len(entry.citations), color=colour, zorder=3)
            label = entry.text if len(entry.text) <= 60 else entry.text[:57] + "…"
            axes.annotate(label, (day, row), xytext=(6, -3),
                          textcoords="offset points", fontsize=7)  # fmt: skip
        axes.invert_yaxis()
        axes.set_yticks([])
        axes.grid(axis="x", color="#ddd", zorder=0)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
        axes.tick_params(axis="x", labelsize=7)
        for side in ("left", "right", "top"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg")
    finally:
        plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
