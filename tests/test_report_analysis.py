"""The analysis sections as the reader sees them."""

from storyline.model import Analysis, Claim, Comparison
from storyline.report_analysis import analysis_markdown, analysis_view, legend


def _comparison(status: str, *values: str) -> Comparison:
    claims = tuple(
        Claim(f"a{k}", value, value, f"It was {value}.", 0, 10) for k, value in enumerate(values)
    )
    return Comparison("killed", status, claims)


def test_the_facts_say_what_the_statuses_shown_mean_in_the_order_listed():
    analysis = Analysis(
        conflicts=(
            _comparison("possible conflict", "400,000", "330,000"),
            _comparison("possibly different", "3 h", "4 h"),
        ),
        agreements=(_comparison("agreement", "330,000", "330,000"),),
    )
    line = legend([*analysis.conflicts, *analysis.agreements])
    assert [part.split(":")[0] for part in line.split(" · ")] == [
        "possible conflict",
        "possibly different",
        "agreement",
    ]
    markdown = analysis_markdown(analysis, lambda article: 1, "####")
    assert markdown[:3] == ["#### Facts across outlets", "", f"*{line}*"]
    assert analysis_view(analysis, lambda article: 1)["legend"] == line


def test_a_story_with_no_facts_has_no_legend():
    assert legend([]) == ""
    assert analysis_markdown(Analysis(), lambda article: 1, "####") == []
