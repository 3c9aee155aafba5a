import math

import pytest

from storyline.analyze.values import find_numbers, parse_quantity


@pytest.mark.parametrize(
    ("text", "nominal", "unit"),
    [
        ("more than 330,000", 330_000, ""),
        ("330k", 330_000, ""),
        ("a third of a million", 1_000_000 / 3, ""),
        ("$2.3 million", 2_300_000, "USD"),
        ("1.5m dollars", 1_500_000, "USD"),
        ("40 per cent", 40, "%"),
        ("half", 50, "%"),
        ("three hours", 3 * 3600, "seconds"),
        ("twenty-five", 25, ""),
        ("12 km", 12_000, "metres"),
    ],
)
def test_values_are_normalized(text, nominal, unit):
    quantity = parse_quantity(text)
    assert quantity is not None
    assert math.isclose(quantity.nominal, nominal)
    assert quantity.unit == unit


def test_rounded_forms_of_one_number_agree_and_do_not_conflict():
    forms = [parse_quantity(t) for t in ("more than 330,000", "330k", "a third of a million")]
    for a in forms:
        for b in forms:
            assert a.agrees(b) and not a.conflicts(b)


def test_bounds_and_units_decide_conflicts():
    at_least = parse_quantity("at least 14")
    assert at_least.conflicts(parse_quantity("nine"))
    assert not at_least.conflicts(parse_quantity("20"))
    assert not at_least.agrees(parse_quantity("20"))
    assert parse_quantity("2,000").conflicts(parse_quantity("3,000"))
    assert not parse_quantity("$5 million").conflicts(parse_quantity("€9 million"))


def test_words_that_are_not_numbers_give_nothing():
    assert parse_quantity("several") is None
    assert parse_quantity("dozens of") is None
    assert parse_quantity("millions") is None


def _numbers(text):
    return [text[start:end] for start, end in find_numbers(text)]


def test_number_phrases_are_found_whatever_their_form():
    text = (
        "Eleven miners died. The budget of $412m cuts 1.5m dollars and a third of a million "
        "dollars; about 9,000 fled and nearly an hour passed; rents rose 4.5%."
    )
    assert _numbers(text) == [
        "Eleven",
        "$412m",
        "1.5m dollars",
        "a third of a million dollars",
        "about 9,000",
        "nearly an hour",
        "4.5%",
    ]


def test_ordinals_and_words_that_only_look_like_numbers_are_not_numbers():
    assert _numbers("In the 30th minute, on behalf of the club, a fan said hundreds left.") == []


def test_a_tally_is_one_number_only_where_the_sentence_is_about_a_vote_or_a_contest():
    assert _numbers("The council backed it by eight votes to three.") == ["eight votes to three"]
    assert _numbers("The vote, 7-4, came late.") == ["7-4"]
    assert "7-14" not in _numbers("Ages 7-14 may enter.")
    seven_four = parse_quantity("7-4")
    assert seven_four.unit == "votes" and seven_four.describe() == "7–4 votes"
    assert seven_four.agrees(parse_quantity("seven votes to four"))
    assert seven_four.conflicts(parse_quantity("eight votes to three"))
    assert parse_quantity("twenty-three").unit == ""


@pytest.mark.parametrize(
    ("text", "nominal", "unit"),
    [
        ("56mph", 56 * 1.609344, "km/h"),
        ("up to 90 km/h", 90, "km/h"),
        ("50 miles per hour", 50 * 1.609344, "km/h"),
        ("more than four in five", 80, "%"),
        ("one in three", 100 / 3, "%"),
        ("about a minute and a half", 90, "seconds"),
        ("two hours and a half", 9000, "seconds"),
        ("half a million", 500_000, ""),
        ("€52million", 52_000_000, "EUR"),
        ("5km", 5000, "metres"),
        ("310-million", 310_000_000, ""),
        ("$2-billion", 2e9, "USD"),
        ("40-million-euro", 40_000_000, "EUR"),
        ("two-thirds", 200 / 3, "%"),
        ("three quarters", 75, "%"),
    ],
)
def test_speeds_shares_fractions_half_units_and_glued_or_hyphenated_scales_are_read(
    text, nominal, unit
):
    assert [text[a:b] for a, b in find_numbers(text)] == [text]
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.unit == unit
    assert math.isclose(quantity.nominal, nominal, rel_tol=1e-3)


def test_speeds_in_two_systems_agree_and_a_share_in_words_agrees_with_percent():
    assert parse_quantity("56mph").agrees(parse_quantity("90 km/h"))
    assert parse_quantity("four in five").agrees(parse_quantity("80 percent"))
    assert parse_quantity("one in three").conflicts(parse_quantity("half"))


def test_a_whole_measure_is_rounded_to_its_unit_so_miles_can_agree_with_kilometres():
    miles, kilometres = parse_quantity("11-mile"), parse_quantity("18 kilometres")
    assert miles.agrees(kilometres) and not miles.conflicts(kilometres)
    assert parse_quantity("4-kilometre").conflicts(parse_quantity("six-kilometre"))
    assert parse_quantity("12").conflicts(parse_quantity("11"))  # counts stay exact


def test_an_approximate_value_is_as_loose_as_its_last_significant_digit_within_limits():
    assert parse_quantity("about 38,000").conflicts(parse_quantity("41,000"))
    assert parse_quantity("about 40,000").agrees(parse_quantity("37,000"))
    assert parse_quantity("about 85").agrees(parse_quantity("88"))
    assert parse_quantity("about a third").agrees(parse_quantity("31 percent"))


def test_two_estimates_each_outside_the_others_rounding_conflict():
    assert parse_quantity("about 3,900 metres").conflicts(parse_quantity("roughly 4,200 metres"))
    assert parse_quantity("about 12,500 MW").conflicts(parse_quantity("roughly 11,000 MW"))
    assert parse_quantity("about 40,000").agrees(parse_quantity("some 41,000"))
    assert parse_quantity("about 40,000").agrees(parse_quantity("nearly 38,000"))  # a bound


def test_as_much_as_is_an_upper_bound():
    peak = parse_quantity("as much as 19%")
    assert (peak.low, peak.high) == (0.0, 19.0)
    assert not peak.conflicts(parse_quantity("14 percent"))


def test_up_to_states_the_most_there_was():
    most = parse_quantity("up to 65,000")
    assert most.conflicts(parse_quantity("40,000"))
    assert most.agrees(parse_quantity("about 60,000"))
    assert parse_quantity("up to 40 times").conflicts(parse_quantity("as much as 25 times"))


def test_months_and_years_are_calendar_lengths():
    assert parse_quantity("three months").agrees(parse_quantity("90 days"))
    assert parse_quantity("a month").agrees(parse_quantity("30 days"))
    assert parse_quantity("two months").conflicts(parse_quantity("90 days"))


def test_a_value_with_decimals_agrees_with_its_rounding():
    assert parse_quantity("27.6 percent").agrees(parse_quantity("28 per cent"))
    assert parse_quantity("27.4 percent").conflicts(parse_quantity("28 per cent"))


def test_a_half_is_a_figure_of_its_own_not_a_rounding_either_way():
    for half, whole in (("3.5 percent", "4 percent"), ("4.5 percent", "4 percent")):
        assert parse_quantity(half).conflicts(parse_quantity(whole))
    assert parse_quantity("3.5-metre").conflicts(parse_quantity("four metres"))


def test_yards_feet_and_a_fortnight_are_read_written_out_or_hyphenated():
    assert parse_quantity("some 200 yards").conflicts(parse_quantity("40 metres"))
    assert parse_quantity("a 40-foot").agrees(parse_quantity("12 metres"))
    assert parse_quantity("a fortnight").agrees(parse_quantity("14 days"))
    assert parse_quantity("a fortnight").conflicts(parse_quantity("21 days"))
    text = "Pupils must stay home for a fortnight."
    assert [text[a:b] for a, b in find_numbers(text)] == ["a fortnight"]


def test_and_a_half_and_nautical_miles_and_trailing_stops():
    assert parse_quantity("six and a half minutes").nominal == 390
    assert parse_quantity("one and a half million").nominal == 1_500_000
    assert parse_quantity("two nautical miles").nominal == 3704
    assert parse_quantity("€9m.").nominal == 9_000_000
    text = "They were inside for about six and a half minutes."
    assert [text[a:b] for a, b in find_numbers(text)] == ["about six and a half minutes"]


def test_a_share_of_a_few_is_as_rounded_as_a_fraction():
    four_in_five = parse_quantity("four in five")
    assert four_in_five.agrees(parse_quantity("82%"))
    assert four_in_five.conflicts(parse_quantity("70 percent"))
    assert parse_quantity("3 in 10").agrees(parse_quantity("31 percent"))


def test_power_in_megawatts_and_gigawatts_and_basis_points_compare():
    assert parse_quantity("11,400 megawatts").agrees(parse_quantity("11.4 gigawatts"))
    assert parse_quantity("75 basis points").agrees(parse_quantity("0.75 percentage points"))
    assert parse_quantity("50 basis points").conflicts(parse_quantity("0.75 percentage points"))


def test_a_unit_of_power_glued_to_its_number_is_read():
    assert find_numbers("The plant makes 6,000MW of power.") == [(16, 23)]
    glued = parse_quantity("6,000MW")
    assert (glued.unit, glued.nominal) == ("watts", 6e9)
    assert glued.agrees(parse_quantity("6 gigawatts"))


def test_a_temperature_below_zero_or_in_degrees_celsius_keeps_its_sign_and_unit():
    assert find_numbers("It fell to -24C overnight.") == [(11, 15)]
    below = parse_quantity("minus 30 degrees")
    assert (below.nominal, below.unit) == (-30, "degrees")
    assert below.conflicts(parse_quantity("-24C"))
    assert parse_quantity("about minus 24 degrees").agrees(parse_quantity("-24°C"))
    assert parse_quantity("46.8°C").agrees(parse_quantity("46.8 degrees"))
    assert parse_quantity("more than minus 5 degrees") is None  # no bound guessed


def test_barrels_gallons_and_cubic_metres_are_volumes():
    barrels = parse_quantity("about 2,000 barrels")
    assert barrels.unit == "litres"
    assert barrels.agrees(parse_quantity("some 84,000 gallons"))
    assert barrels.conflicts(parse_quantity("5,000 barrels"))
    assert parse_quantity("3,100 cubic metres").agrees(parse_quantity("3.1 million litres"))


def test_a_lower_case_c_glued_to_a_number_is_cents_not_celsius():
    assert parse_quantity("5C").unit == "degrees"
    cents = parse_quantity("5c")  # "a 5c levy": the number phrase is "5c"
    assert (cents.unit, cents.nominal) == (parse_quantity("5 cents").unit, 5)


def test_a_duration_written_in_parts_is_one_length_of_time():
    text = "Trading froze for three hours and 40 minutes, and 12 people and 40 minutes later."
    assert [text[a:b] for a, b in find_numbers(text)][:2] == ["three hours and 40 minutes", "12"]
    parts = parse_quantity("three hours and 40 minutes")
    assert parts.agrees(parse_quantity("220-minute"))
    assert parts.conflicts(parse_quantity("three hours"))
    assert parse_quantity("two days, six hours").nominal == 54 * 3600


def test_a_duration_whose_first_part_is_a_unit_alone_is_one_length_of_time():
    text = "It blew up a minute and 34 seconds after launch; a day and 40 people later."
    assert [text[a:b] for a, b in find_numbers(text)] == ["a minute and 34 seconds", "40"]
    assert parse_quantity("a minute and 34 seconds").agrees(parse_quantity("94 seconds"))


def test_tallies_with_to_nights_and_decimals_are_read_as_written():
    text = "The council voted seven to two; it split 6-3 last year."
    assert [text[a:b] for a, b in find_numbers(text)] == ["seven to two", "6-3"]
    assert parse_quantity("seven to two").conflicts(parse_quantity("6-3"))
    assert parse_quantity("12-night").conflicts(parse_quantity("two weeks"))
    assert parse_quantity("46.8 degrees").conflicts(parse_quantity("47.1 degrees"))
    assert not parse_quantity("330,000").conflicts(parse_quantity("332,000"))
