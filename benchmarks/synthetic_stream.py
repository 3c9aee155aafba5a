"""A deterministic stream of fictional English news articles, with gold event ids.

    from synthetic_stream import stream
    documents = stream(50_000, seed=0)  # list[storyline.model.Document], in date order

Everything here is invented: the countries, cities, rivers, people, companies, unions,
clubs, diseases and outlets. An *event* (a flood, an election, a strike, a trial, a
summit, a merger, an outbreak, a cup final, a wildfire, an earthquake, a protest, a
product recall, a cyberattack, a rail crash) has a date, a place and named participants,
and is covered by 1-40 articles from different outlets over the next few days. Each
article has its own headline and 4-12 body sentences drawn from the event type's
templates (lead, details, quotes, reactions, outlook) plus generic filler, with figures
that drift a little between outlets as tolls are updated. About 5% of the articles are
wire copies: another outlet's article reprinted with a small edit (a dateline, a dropped
closing paragraph, a reworded attribution, a credit line) and sometimes a new headline.
About one event in eight is a follow-up of an earlier one (same participants, one to
six months later), so events chain into storylines.

The dates span about ``n / 300`` days, so each day carries about 300 articles.
``Document.collection`` is the gold event id; :func:`generate` also returns the gold
storyline of each event. The same ``(n, seed)`` always gives the same documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.ingest import dates
from storyline.model import Document

START = dt.date(2031, 1, 6)
ARTICLES_PER_DAY = 300
MAX_ARTICLES = 40
COPY_RATE = 0.06  # chance that a later article of an event is a wire copy of an earlier one
FOLLOW_UP_RATE = 0.12  # chance that a new event continues an earlier event's storyline
PUBLISH_LAG = (0, 0, 0, 1, 1, 1, 2, 2, 3)  # days from the event to an article about it

WEEKDAYS = tuple(day.capitalize() for day in dates.WEEKDAYS)
MONTHS = tuple(month.capitalize() for month in dates.MONTHS)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

# --- the world -------------------------------------------------------------------------

# name, adjective, currency (plural), head of government's title, cities, rivers
COUNTRIES: tuple[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Valdoria",
        "Valdorian",
        "crowns",
        "President",
        ("Port Callon", "Brennick", "Sallow Ford", "Merrow Cross"),
        ("Vell", "Ardo"),
    ),
    (
        "Marrowen",
        "Marrowenese",
        "marks",
        "Prime Minister",
        ("Kelmouth", "Drayholm", "Fenwick Vale", "Castor Bay"),
        ("Dray", "Leven"),
    ),
    (
        "Quorvan",
        "Quorvani",
        "quors",
        "President",
        ("Azmeth", "Tal Severin", "Orrin", "Baskar Hill"),
        ("Sarim", "Oze"),
    ),
    (
        "Istravia",
        "Istravian",
        "stells",
        "Prime Minister",
        ("Velmira", "Korsk", "Darvany", "Liesen"),
        ("Istra", "Morva"),
    ),
    (
        "Tolmere",
        "Tolmeran",
        "florins",
        "Prime Minister",
        ("Harth", "Eastwick Mere", "Pellham", "Rook Harbour"),
        ("Tolle", "Wend"),
    ),
    (
        "Saradun",
        "Saraduni",
        "dirams",
        "President",
        ("Amrath", "Sulem Wells", "Karavel", "Idra"),
        ("Qeshet", "Amur"),
    ),
    (
        "Vennland",
        "Vennish",
        "kroner",
        "Prime Minister",
        ("Halvik", "Sorrby", "Tindra", "Ulmholt"),
        ("Venna", "Sor"),
    ),
    (
        "Orsolia",
        "Orsolian",
        "ducats",
        "President",
        ("Castrello", "Vellabruna", "Porto Anselm", "Ricalta"),
        ("Orso", "Brunella"),
    ),
    (
        "Kalbrek",
        "Kalbreki",
        "thalers",
        "Chancellor",
        ("Gorsk", "Vintar", "Hallen Brook", "Nesk"),
        ("Kalba", "Nessa"),
    ),
    (
        "Ilmaris",
        "Ilmarian",
        "pesetas",
        "President",
        ("Santa Oria", "Calvaro", "Mirador Alto", "Puerto Lune"),
        ("Ilma", "Calva"),
    ),
    (
        "Corvenna",
        "Corvennan",
        "francs",
        "Prime Minister",
        ("Vaudrel", "Saint-Orne", "Lisaux", "Montferre"),
        ("Orne", "Aubel"),
    ),
    (
        "Dastor",
        "Dastoran",
        "rupas",
        "Prime Minister",
        ("Nirampur", "Kesavadi", "Tarangal", "Ravinda Nagar"),
        ("Dasta", "Kaveri Minor"),
    ),
)

FIRST_NAMES = (
    "Amara Teodor Liesl Oskan Mirela Dovran Hesper Ilka Anouk Bastien Corin Dalia Emeric "
    "Faye Gideon Halvard Ines Jarek Kaia Lorcan Maren Nilo Odile Pavo Quilla Rasmus Selin "
    "Tobiah Ulla Vesna Wendel Xenia Yorick Zora Ansel Brisa Cato Delphine Eskil Farah Galen "
    "Hedda Idris Jovana Kasimir Lenka Matteo Nadira Orrin Petra Ramon Sabine Tariq Uriel "
    "Valka Wim Yasmin Zeno Aurelio Birgit Cyrus Dunya Elio Freya Gunnar Hana Isko Juno"
).split()
SURNAMES = (
    "Kessling Marovane Othrane Pellegard Quistor Rennard Salvik Tamborin Ulvane Vostrel "
    "Wendrick Yarrowby Zelenar Abernath Brannock Castellan Drummore Eskevar Falkenrath "
    "Garrowin Holloway Ivarsen Jastrow Kovalde Lindqvar Morrigan Ostrander Quellin Rostova "
    "Sarrazin Thorvald Umbrecht Valcourt Weyland Yslas Zarkovi Almeda Belcastro Corriveau "
    "Dunmore Ellery Ferrante Gallardo Haverty Ilmont Jessop Karadin Lowther Marchetti "
    "Norberg Oyelaran Prescott Quarles Ravensdale Stellan Tovar Underhill Varenne Whitcombe "
    "Xandros Yeardley Zamorin Ashgrove Blackwood Carrow Denholm Everard Fairbanks Galloway "
    "Hesketh Imbert Jorvik Kilbride Lamarre Mossgiel Nettleford Orlov Penhallow Ravelin"
).split()
COMPANY_STEMS = (
    "Arden Belvoir Cobalt Dunmere Ember Fairway Granite Halcyon Ironbridge Juniper Kestrel "
    "Lodestar Meridian Northgate Orchard Pinecrest Quayside Redfern Silverline Tidewater "
    "Upland Vantage Westmark Yellowpine Zenith Ashcombe Bellhaven Coppergate Driftwood "
    "Eastlake Foxglove Goldcrest Harrowgate Islington Jadeport Kingsmere Larkspur Moorfield"
).split()
# sector, company-name suffixes, the word for what it runs, can strike, recall product
SECTORS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("rail", ("Rail", "Railways", "Rail Services"), "trains"),
    ("port", ("Ports", "Harbour Group", "Terminals"), "container terminals"),
    ("airline", ("Air", "Airways", "Aviation"), "flights"),
    ("postal", ("Post", "Parcel Services", "Mail"), "deliveries"),
    ("steel", ("Steel", "Metals", "Foundries"), "steel mills"),
    ("mining", ("Mining", "Minerals", "Resources"), "mines"),
    ("energy", ("Energy", "Power", "Utilities"), "power stations"),
    ("banking", ("Bank", "Financial", "Capital"), "branches"),
    ("telecom", ("Telecom", "Networks", "Mobile"), "mobile networks"),
    ("food", ("Foods", "Dairies", "Farms"), "factories"),
    ("carmaker", ("Motors", "Automotive", "Vehicles"), "assembly plants"),
    ("pharma", ("Pharma", "Laboratories", "Life Sciences"), "laboratories"),
    ("retail", ("Stores", "Retail", "Markets"), "shops"),
)
STRIKE_SECTORS = ("rail", "port", "airline", "postal", "steel", "mining")
PRODUCTS = {
    "food": ("infant formula", "frozen fish fingers", "a brand of peanut butter", "canned soup"),
    "carmaker": ("its best-selling hatchback", "an electric delivery van", "a family SUV"),
    "pharma": ("a children's cough syrup", "a blood-pressure medicine", "an insulin pen"),
    "retail": ("a line of electric kettles", "children's car seats", "a range of space heaters"),
    "telecom": ("a home internet router", "a budget smartphone"),
    "energy": ("a model of home battery", "a smart electricity meter"),
}
RECALL_SECTORS = tuple(PRODUCTS)
DISEASES = (
    "Tarrow fever",
    "grey-lung syndrome",
    "Kessel virus",
    "marsh ague",
    "Velloran cholera",
    "red-spot fever",
    "Halden encephalitis",
    "amber flu",
)
CHARGES = (
    ("embezzling public funds", "embezzlement"),
    ("taking bribes over a road-building contract", "bribery"),
    ("fraud linked to a state housing project", "fraud"),
    ("abuse of office", "abuse of office"),
    ("laundering money through property deals", "money laundering"),
    ("evading taxes on a foreign fortune", "tax evasion"),
)
DEFENDANT_ROLES = (
    "former transport minister",
    "property developer",
    "former central bank deputy governor",
    "former mayor",
    "football club owner",
    "shipping magnate",
)
TOPICS = (
    "fishing rights",
    "water sharing",
    "border tariffs",
    "migration",
    "an electricity interconnector",
    "air routes",
    "a disputed island",
    "rail links",
)
PROTEST_CAUSES = (
    ("a planned rise in fuel prices", "fuel prices"),
    ("a new law restricting public gatherings", "the assembly law"),
    ("cuts to pensions", "pension cuts"),
    ("the closure of rural hospitals", "hospital closures"),
    ("rising rents", "housing costs"),
    ("a controversial mining concession", "the mining deal"),
)
HACKER_GROUPS = ("Black Lantern", "Cobalt Moth", "Pale Harbor", "Silent Ledger", "Nine Wolves")
CLUB_SUFFIXES = ("Rovers", "Athletic", "United", "Wanderers", "Harriers", "City", "Albion")
INSTITUTES = (
    "Institute for Public Policy",
    "Centre for Economic Studies",
    "University of {capital}",
    "National Research Council",
    "School of Public Health",
    "Forum for Regional Affairs",
)

AGENCIES = ("Northwire", "Continental Press Service", "Meridian News Agency")
OUTLETS = (
    *AGENCIES,
    "The Valdorian Courier",
    "Port Callon Gazette",
    "Kelmouth Evening Post",
    "Quorvan Daily",
    "The Istravian Herald",
    "Tolmere Ledger",
    "Saradun Times",
    "Vennland Tribune",
    "Castrello Sera",
    "Kalbrek Morning Star",
    "Ilmaris Observer",
    "Corvenna Journal",
    "Dastor Chronicle",
    "Global Lens",
    "The Harbour Review",
    "Coastline News",
    "Capital Wire",
    "Brightwater Radio",
    "Northline TV",
    "The Weekly Compass",
    "Daybreak News",
    "Market Pulse",
    "Touchline Sport",
    "The Civic Record",
    "Evening Standard-Bearer",
    "Open Square",
    "Lantern Media",
    "The Plainsman",
    "Riverside Telegraph",
    "Bulletin 24",
)


@dataclass
class Country:
    name: str
    adj: str
    currency: str
    title: str
    cities: tuple[str, ...]
    rivers: tuple[str, ...]
    leader: str
    ministers: dict[str, str]
    mayors: dict[str, str]
    parties: list[str]
    companies: list[tuple[str, str, str]] = field(default_factory=list)  # name, sector, ceo
    unions: dict[str, tuple[str, str]] = field(default_factory=dict)  # sector -> name, head
    clubs: list[tuple[str, str, str]] = field(default_factory=list)  # name, city, coach


@dataclass
class World:
    countries: list[Country]

    @classmethod
    def build(cls, rng: random.Random) -> World:
        names = [f"{a} {b}" for a in FIRST_NAMES for b in SURNAMES]
        rng.shuffle(names)
        people = iter(names)
        stems = list(COMPANY_STEMS)
        countries = []
        for name, adj, currency, title, cities, rivers in COUNTRIES:
            country = Country(
                name=name,
                adj=adj,
                currency=currency,
                title=title,
                cities=cities,
                rivers=rivers,
                leader=next(people),
                ministers={m: next(people) for m in MINISTRIES},
                mayors={c: next(people) for c in cities},
                parties=[
                    f"{adj} {kind}"
                    for kind in rng.sample(
                        [
                            "Democratic Alliance",
                            "People's Party",
                            "Green Renewal",
                            "Liberal Union",
                            "Workers' Front",
                            "National Movement",
                            "Civic Platform",
                        ],
                        4,
                    )
                ],
            )
            for sector, suffixes, _ in SECTORS:
                first, second = rng.sample(stems, 2)
                national = rng.random() < 0.5  # the former state company: "Valdorian Rail"
                pair = (f"{adj if national else first} {suffixes[0]}", f"{second} {suffixes[1]}")
                country.companies.extend((company, sector, next(people)) for company in pair)
            for sector in STRIKE_SECTORS:
                union = f"{sector.capitalize()} Workers' Union of {name}"
                country.unions[sector] = (union, next(people))
            for city in cities:
                for suffix in rng.sample(CLUB_SUFFIXES, 2):
                    country.clubs.append((f"{city} {suffix}", city, next(people)))
            countries.append(country)
        return cls(countries)


MINISTRIES = ("interior", "health", "labour", "finance", "foreign", "transport", "economy")

# --- event types: templates ------------------------------------------------------------
#
# Every template is filled from the event's facts with str.format_map. Facts common to
# all events: city, city2, country, adj, capital, river, currency, weekday, date, month,
# leader (with title), leader_s (surname), minister, minister_s, ministry, mayor, mayor_s,
# country2, adj2, capital2, leader2, leader2_s, witness, expert, institute, amount, pct,
# n1, n2, n3 (whose meaning each type gives), plus the fields of the type's participants.


@dataclass(frozen=True)
class EventType:
    name: str
    noun: str
    ministry: str
    numbers: dict[str, tuple[int, int]]
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    quotes: tuple[str, ...]
    reactions: tuple[str, ...]
    outlooks: tuple[str, ...]
    follow_ups: tuple[str, ...]


TYPES: tuple[EventType, ...] = (
    EventType(
        name="flood",
        noun="flood",
        ministry="interior",
        numbers={"n1": (2, 40), "n2": (300, 20000), "n3": (80, 400)},
        headlines=(
            "Flash floods kill {n1} in {city} as the {river} bursts its banks",
            "{city} flooding: thousands evacuated after record rainfall",
            "Floodwaters swamp {city}, forcing {n2} from their homes",
            "{adj} government declares emergency as floods hit {city}",
        ),
        leads=(
            "Floods swept through {city} on {weekday} after {n3} millimetres of rain fell in "
            "less than a day, killing at least {n1} people and forcing {n2} residents from "
            "their homes, officials in {country} said.",
            "At least {n1} people have died and some {n2} have been evacuated after the "
            "River {river} burst its banks in the {adj} city of {city}, emergency services "
            "said on {weekday}.",
            "Rescue teams in {city} spent {weekday} pulling stranded residents from rooftops "
            "after torrential rain turned streets into rivers, leaving at least {n1} people "
            "dead across the region.",
        ),
        details=(
            "The national weather service said {n3} millimetres of rain had fallen on the "
            "city since {weekday} morning, more than it normally receives in two months.",
            "Footage broadcast by local television showed cars floating down the main avenue "
            "of {city} and brown water reaching the first floors of apartment blocks.",
            "Around {n2} people spent the night in schools and sports halls turned into "
            "emergency shelters, according to the {ministry}.",
            "Power was cut to large parts of {city} and the main road to {city2} remained "
            "closed because of landslides.",
            "The army deployed boats and helicopters to reach villages cut off by the water "
            "upstream of {city} along the {river}.",
        ),
        quotes=(
            '"The water came up so fast that we only had time to grab the children," said '
            "{witness}, a resident of {city} whose ground-floor flat was flooded.",
            '"This is the worst flooding this city has seen in living memory," {mayor}, the '
            "mayor of {city}, told reporters at a makeshift crisis centre.",
            '"Every available unit is on the ground and we will not stop until everyone is '
            "safe,\" said {minister}, {country}'s interior minister.",
        ),
        reactions=(
            "{leader} cut short a foreign trip and was expected in {city} later in the week "
            "to meet rescue workers and families.",
            "Opposition politicians accused the government of ignoring repeated warnings "
            "about the state of the flood defences along the River {river}.",
            "Neighbouring {country2} offered to send pumps and rescue crews, {leader2} said "
            "in a statement.",
        ),
        outlooks=(
            "Forecasters warned that more rain was expected over the weekend and that "
            "water levels could rise again before they fall.",
            "The {ministry} said it would release {amount} million {currency} in emergency "
            "aid for families who lost their homes.",
            "Officials said it could take weeks to assess the full cost of the damage to "
            "homes, roads and farmland.",
        ),
        follow_ups=(
            "It is the {ordinal} time in a few months that {city} has been hit by serious "
            "flooding, after the River {river} overflowed in {prev_month}.",
            "Residents said many homes damaged in the {prev_month} floods in {city} had "
            "only just been repaired.",
        ),
    ),
    EventType(
        name="election",
        noun="election",
        ministry="interior",
        numbers={"n1": (45, 82), "n2": (40, 180), "n3": (2, 9)},
        headlines=(
            "{candidate} claims victory in {adj} election",
            "{country} votes: {party} set to win {n2} seats",
            "{adj} election: {candidate} ahead with {pct}% of the vote",
            "{party} wins {country} election as rival {candidate2} concedes",
        ),
        leads=(
            "{candidate} of the {party} declared victory in {country}'s general election "
            "on {weekday}, with preliminary results giving the party {pct} percent of the "
            "vote.",
            "Voters in {country} handed the {party} a clear lead in {weekday}'s "
            "parliamentary election, according to partial results published by the "
            "electoral commission in {capital}.",
            "The {party}, led by {candidate}, was on course to win {n2} seats in "
            "{country}'s parliament after a campaign dominated by the cost of living.",
        ),
        details=(
            "Turnout reached {n1} percent, according to the electoral commission, which "
            "said it had received no serious complaints about the conduct of the vote.",
            "The rival {party2}, led by {candidate2}, was trailing in second place with "
            "most ballots counted.",
            "Polling stations in {city} stayed open an extra hour after long queues formed "
            "in the afternoon.",
            "The campaign in {country} was fought largely over housing costs, energy prices "
            "and the future of the state rail company.",
            "Observers from a regional monitoring mission said the vote had been generally "
            "orderly, although they noted problems with voter lists in some districts.",
        ),
        quotes=(
            '"Tonight the people of {country} have chosen change," {candidate} told '
            "cheering supporters at a rally in {city}.",
            '"We will wait for the final count before we say anything more," said '
            "{candidate2}, who admitted the early results were disappointing.",
            '"The margin is narrower than the polls suggested, which will make coalition '
            'talks difficult," said {expert}, a political scientist at the {institute}.',
        ),
        reactions=(
            "{leader2}, the leader of neighbouring {country2}, congratulated {candidate_s} "
            "in a message posted shortly after midnight.",
            "Markets reacted calmly, with the {adj} currency little changed against major "
            "currencies the morning after the vote.",
        ),
        outlooks=(
            "Final results are expected within {n3} days, after which the winning party will "
            "be invited to form a government.",
            "Coalition negotiations in {capital} are likely to begin next week, officials "
            "from the {party} said.",
        ),
        follow_ups=(
            "The vote comes only months after an earlier election in {prev_month} failed to "
            "produce a stable majority in {country}.",
            "{candidate_s} and {candidate2_s} also faced each other in {prev_month}, when "
            "neither could put together a governing coalition.",
        ),
    ),
    EventType(
        name="strike",
        noun="strike",
        ministry="labour",
        numbers={"n1": (800, 30000), "n2": (4, 15), "n3": (2, 10)},
        headlines=(
            "Workers at {company} walk out over pay",
            "{union} strike halts {product} across {country}",
            "{n1} {company} staff strike for {n2}% pay rise",
            "Strike at {company} causes chaos as talks stall",
        ),
        leads=(
            "Some {n1} workers at {company} went on strike on {weekday}, halting {product} "
            "across {country} in a dispute over pay and working hours, the {union} said.",
            "Members of the {union} walked off the job at {company} on {weekday} after talks "
            "on a new wage agreement broke down, causing widespread disruption in {city}.",
            "A strike by {n1} employees of {company} brought its {product} to a standstill "
            "on {weekday}, as the union demanded a pay rise of {n2} percent.",
        ),
        details=(
            "The union is demanding a {n2} percent pay increase to make up for rising "
            "prices, while management has offered less than half that.",
            "Picket lines formed outside the company's main sites in {city} and {city2} "
            "early in the morning.",
            "{company} said about {pct} percent of its normal operations were running, a "
            "figure the union disputed.",
            "{company} employs around {n1} people in {country} and reported a record profit "
            "last year, according to its annual accounts.",
        ),
        quotes=(
            '"Our members have lost patience after months of empty promises," said '
            "{union_head}, the head of the {union}.",
            '"The offer on the table is fair and we urge the union to return to '
            'negotiations," {ceo}, chief executive of {company}, said in a statement.',
            '"A prolonged stoppage would hurt everyone, and I am calling both sides to my '
            'office," said {minister}, the labour minister.',
        ),
        reactions=(
            "Business groups warned that the stoppage could cost the economy {amount} million "
            "{currency} a day.",
            "Several other unions said they would hold solidarity rallies in {city} at the "
            "weekend in support of the {company} workers.",
        ),
        outlooks=(
            "The union said the strike would last at least {n3} days unless the company "
            "improved its offer.",
            "Mediators from the labour ministry were expected to meet both sides later in "
            "the week.",
        ),
        follow_ups=(
            "Workers at {company} last walked out in {prev_month}, when a stoppage ended with "
            "a temporary deal that the union says was never honoured.",
            "The dispute between the {union} and {company} has dragged on since {prev_month}.",
        ),
    ),
    EventType(
        name="trial",
        noun="trial",
        ministry="interior",
        numbers={"n1": (3, 20), "n2": (10, 90), "n3": (12, 60)},
        headlines=(
            "{drole_cap} {defendant} goes on trial in {city}",
            "{defendant} denies {charge_short} as trial opens",
            "Prosecutors seek {n1} years for {defendant}",
            "{charge_short_cap} trial of {defendant} begins in {city}",
        ),
        leads=(
            "The trial of {defendant}, a {drole} accused of {charge}, opened at the {court} "
            "on {weekday}, with prosecutors saying they would seek a sentence of {n1} years.",
            "{defendant}, a {drole} in {country}, pleaded not guilty on {weekday} to charges "
            "of {charge} at the start of a trial that has gripped the country.",
            "Prosecutors in {city} told a court on {weekday} that {defendant} had diverted "
            "{n2} million {currency} through a network of shell companies.",
        ),
        details=(
            "Judge {judge} said the court would hear from {n3} witnesses over the coming weeks.",
            "Prosecutor {prosecutor} told the court that the scheme ran for at least four "
            "years and involved officials in several ministries.",
            "{defendant_s} arrived at the courthouse in {city} surrounded by reporters and "
            "did not answer questions.",
            "If convicted of {charge_short}, {defendant_s} faces up to {n1} years in prison.",
        ),
        quotes=(
            '"My client is innocent and the evidence will show it," {lawyer}, the defence '
            "lawyer, told reporters outside the {court}.",
            '"This case is about whether the powerful are held to the same rules as everyone '
            'else," said prosecutor {prosecutor}.',
            '"I have served my country honestly and I will clear my name," {defendant} said '
            "in a brief statement to the court.",
        ),
        reactions=(
            "Anti-corruption campaigners gathered outside the {court} holding banners "
            "calling for justice.",
            "The case has become a test of the government's pledge to fight graft, said "
            "{expert} of the {institute}.",
        ),
        outlooks=(
            "The trial was adjourned until next week, when the first witnesses are due to testify.",
            "A verdict in the case against {defendant_s} is not expected before the end of "
            "the year.",
        ),
        follow_ups=(
            "{defendant_s} was first charged in {prev_month}, when police searched several "
            "properties linked to the case.",
            "The {court} already heard preliminary arguments in the case in {prev_month}.",
        ),
    ),
    EventType(
        name="summit",
        noun="summit",
        ministry="foreign",
        numbers={"n1": (2, 12), "n2": (1, 30), "n3": (5, 14)},
        headlines=(
            "{leader_name} and {leader2_name} meet in {city} for talks",
            "{country} and {country2} sign {n1} agreements at {city} summit",
            "{adj}-{adj2} summit ends with pledge on {topic}",
            "Leaders of {country} and {country2} seek reset at {city} meeting",
        ),
        leads=(
            "{leader} hosted {leader2} of {country2} in {city} on {weekday} for a summit "
            "aimed at easing tensions over {topic}.",
            "The leaders of {country} and {country2} signed {n1} agreements covering trade, "
            "energy and {topic} at the end of a two-day summit in {city} on {weekday}.",
            "{leader} and {leader2} pledged on {weekday} to double trade between {country} "
            "and {country2} within five years after talks in {city}.",
        ),
        details=(
            "The talks lasted more than {n3} hours, officials said, far longer than planned.",
            "The deals include a {n2} billion {currency} investment in a new gas pipeline "
            "linking the two countries.",
            "Foreign minister {minister} said the two sides had also agreed to reopen a "
            "border crossing closed since a dispute two years ago.",
            "Security was tight in central {city}, where several streets were closed to "
            "traffic for the visit of the {adj2} delegation.",
        ),
        quotes=(
            '"Our countries have more that unites us than divides us," {leader_s} said at a '
            "joint news conference with {leader2_s}.",
            '"We did not agree on everything, but we agreed to keep talking," {leader2} told '
            "reporters before flying back to {capital2}.",
            '"It is a modest but real step forward on {topic}," said {expert}, an analyst at '
            "the {institute}.",
        ),
        reactions=(
            "Business groups in both countries welcomed the outcome, saying it would cut red "
            "tape at the border.",
            "Critics in {country2} said {leader2_s} had given away too much on {topic}.",
        ),
        outlooks=(
            "The two leaders agreed to meet again next year in {capital2}.",
            "Negotiators will continue work on a broader trade agreement between {country} "
            "and {country2} over the coming months.",
        ),
        follow_ups=(
            "{leader_s} and {leader2_s} last met in {prev_month}, when talks on {topic} "
            "ended without a joint statement.",
            "The summit follows up on commitments the two leaders made at their meeting in "
            "{prev_month}.",
        ),
    ),
    EventType(
        name="merger",
        noun="takeover",
        ministry="economy",
        numbers={"n1": (1, 40), "n2": (200, 5000), "n3": (5000, 90000)},
        headlines=(
            "{company} agrees to buy {company2} for {n1} billion {currency}",
            "{company} and {company2} announce merger",
            "{company2} shares jump {pct}% on {company} takeover",
            "Regulators to scrutinise {company}-{company2} deal",
        ),
        leads=(
            "{company} said on {weekday} it had agreed to acquire its rival {company2} in a "
            "deal worth {n1} billion {currency}, creating the largest {sector} group in "
            "{country}.",
            "{company2} has accepted a takeover offer from {company} valued at {n1} billion "
            "{currency}, the two companies announced on {weekday}.",
            "Shares in {company2} jumped {pct} percent on {weekday} after {company} agreed to "
            "buy the {sector} company in an all-cash deal.",
        ),
        details=(
            "The offer represents a premium of {pct} percent on {company2}'s closing share "
            "price before the announcement.",
            "The combined company would employ about {n3} people and have operations in "
            "several countries.",
            "Unions warned that up to {n2} jobs could be at risk as the two businesses merge "
            "their head offices in {city}.",
            "The deal is expected to close next year, subject to approval by shareholders and "
            "the {regulator}.",
        ),
        quotes=(
            '"Together we will be stronger and better placed to compete abroad," said {ceo}, '
            "chief executive of {company}.",
            '"This is the right deal at the right price for our shareholders," {ceo2}, who '
            "heads {company2}, said on a call with analysts.",
            '"The {regulator} will look very closely at what this means for prices," said '
            "{expert} of the {institute}.",
        ),
        reactions=(
            "Analysts broadly welcomed the deal, although some questioned whether {company} "
            "was paying too much.",
            "Consumer groups called on the {regulator} to block the merger, arguing it would "
            "reduce choice for customers.",
        ),
        outlooks=(
            "The {regulator} has said it will decide within six months whether to open an "
            "in-depth investigation.",
            "{company} said it would finance the purchase with cash and new debt.",
        ),
        follow_ups=(
            "{company} first approached {company2} in {prev_month}, when its initial offer "
            "was rejected as too low.",
            "Talks between {company} and {company2} were first reported in {prev_month}.",
        ),
    ),
    EventType(
        name="outbreak",
        noun="outbreak",
        ministry="health",
        numbers={"n1": (20, 2000), "n2": (1, 30), "n3": (10, 300)},
        headlines=(
            "{disease} outbreak in {city}: {n1} cases confirmed",
            "Health officials race to contain {disease} in {country}",
            "{n2} dead as {disease} spreads in {city}",
            "Schools closed in {city} amid {disease} outbreak",
        ),
        leads=(
            "Health authorities in {country} confirmed {n1} cases of {disease} in {city} on "
            "{weekday}, and said {n2} people had died since the first patients fell ill.",
            "An outbreak of {disease} has sickened at least {n1} people in the {adj} city of "
            "{city}, the {agency} said on {weekday}.",
            "Officials in {city} closed schools and banned large gatherings on {weekday} as "
            "cases of {disease} climbed to {n1}.",
        ),
        details=(
            "{n3} patients were being treated in hospital, most of them at {hospital}.",
            "The {agency} said the source of the outbreak was still being investigated but "
            "that contaminated water was a possible cause.",
            "Mobile testing centres were set up in three districts of {city}, and residents "
            "were told to boil tap water.",
            "Most of those who died were elderly or had other health conditions, the health "
            "ministry said.",
        ),
        quotes=(
            '"There is no need for panic, but people must follow the advice of health '
            "workers,\" said {minister}, {country}'s health minister.",
            '"Our wards are full and staff have been working double shifts," said {doctor}, '
            "a doctor at {hospital}.",
            '"The next two weeks will tell us whether the measures are working," said '
            "{expert}, an epidemiologist at the {institute}.",
        ),
        reactions=(
            "Neighbouring {country2} stepped up health checks at its border crossings with "
            "{country}.",
            "The regional health organisation said it was sending a team of specialists to {city}.",
        ),
        outlooks=(
            "The restrictions in {city} will stay in place for at least two weeks, officials said.",
            "The {agency} said it expected the number of cases to rise before it falls.",
        ),
        follow_ups=(
            "It is the {ordinal} outbreak of {disease} in {city} since {prev_month}.",
            "Health officials had declared the {prev_month} outbreak of {disease} over only "
            "weeks ago.",
        ),
    ),
    EventType(
        name="final",
        noun="final",
        ministry="economy",
        numbers={"n1": (3, 40), "n2": (55, 90), "n3": (20000, 80000)},
        headlines=(
            "{club} beat {club2} {s1}-{s2} to win the {cup}",
            "{player} double seals {cup} for {club}",
            "{club} lift the {cup} after final win over {club2}",
            "Joy for {club}, heartbreak for {club2} in {cup} final",
        ),
        leads=(
            "{club} won the {cup} on {weekday} night, beating {club2} {s1}-{s2} in front of "
            "{n3} fans at the {stadium} in {city}.",
            "{player} scored twice as {club} defeated {club2} {s1}-{s2} in the final of the "
            "{cup} on {weekday}.",
            "A late goal from {player} gave {club} a {s1}-{s2} win over {club2} and their "
            "first {cup} title in {n1} years.",
        ),
        details=(
            "{club2} had the better of the first half but failed to convert several chances.",
            "The decisive goal came in the {n2}th minute, when {player_s} headed in a corner "
            "from the right.",
            "It is the first time {club} have reached the final under coach {coach}.",
            "Thousands of supporters gathered in the centre of {club_city} to celebrate late "
            "into the night.",
        ),
        quotes=(
            '"I am so proud of these players, they never stopped believing," said {coach}, '
            "the {club} coach.",
            '"We gave everything but it was not our night," {coach2}, who coaches {club2}, '
            "told reporters after the match.",
            '"This is a dream come true for me and my family," said {player}.',
        ),
        reactions=(
            "{leader} congratulated the {club} players on social media and invited the team "
            "to a reception.",
            "Police in {city} said the evening passed largely without incident, with only a "
            "handful of arrests.",
        ),
        outlooks=(
            "The victory earns {club} a place in next season's continental competition.",
            "{club2} will now turn their attention to the league, where they sit in second place.",
        ),
        follow_ups=(
            "The match was a rematch of their meeting in {prev_month}, which {club2} won.",
            "{club} and {club2} had already met in {prev_month}, in a bad-tempered game.",
        ),
    ),
    EventType(
        name="wildfire",
        noun="wildfire",
        ministry="interior",
        numbers={"n1": (500, 40000), "n2": (200, 15000), "n3": (150, 2500)},
        headlines=(
            "Wildfire near {city} forces {n2} to flee",
            "Firefighters battle huge blaze in the hills above {city}",
            "{adj} wildfire burns {n1} hectares",
            "Villages evacuated as fire spreads towards {city}",
        ),
        leads=(
            "A wildfire fanned by strong winds burned through {n1} hectares of forest near "
            "{city} on {weekday}, forcing {n2} people to leave their homes.",
            "More than {n3} firefighters were battling a fast-moving blaze in the hills "
            "above {city} on {weekday}, the {ministry} said.",
            "Authorities in {country} evacuated several villages near {city} on {weekday} as "
            "a wildfire that broke out overnight spread towards the suburbs.",
        ),
        details=(
            "Water-bombing aircraft made repeated runs over the fire front, but gusts of "
            "wind kept pushing the flames forward.",
            "A thick cloud of smoke hung over {city}, and residents were told to keep windows "
            "closed.",
            "At least {pct} houses were destroyed, local officials said, though no deaths had "
            "been reported.",
            "The motorway between {city} and {city2} was closed in both directions.",
        ),
        quotes=(
            '"We saw the glow over the ridge and we just left, with nothing," said '
            "{witness}, who fled a village outside {city}.",
            '"The next 24 hours are critical, because the wind is forecast to strengthen," '
            "said {minister}, the interior minister.",
            '"We have not seen conditions this dry in decades," said {expert}, a forestry '
            "specialist at the {institute}.",
        ),
        reactions=(
            "{country2} sent two firefighting planes to help, {leader2} said.",
            "{mayor}, the mayor of {city}, opened sports halls to shelter evacuated families.",
        ),
        outlooks=(
            "Investigators are trying to establish whether the fire was started deliberately.",
            "Firefighters hoped cooler weather forecast for the weekend would help them bring "
            "the blaze under control.",
        ),
        follow_ups=(
            "The same hills above {city} burned in {prev_month}, and many slopes had not yet "
            "recovered.",
            "It is the {ordinal} large fire near {city} since {prev_month}.",
        ),
    ),
    EventType(
        name="earthquake",
        noun="earthquake",
        ministry="interior",
        numbers={"n1": (1, 120), "n2": (10, 900), "n3": (8, 60)},
        headlines=(
            "Magnitude {mag} earthquake strikes near {city}",
            "Earthquake in {country} kills {n1}",
            "Buildings collapse as quake shakes {city}",
            "{city} quake: rescuers search rubble for survivors",
        ),
        leads=(
            "An earthquake of magnitude {mag} struck {n3} kilometres from {city} on "
            "{weekday}, killing at least {n1} people and injuring {n2}, officials said.",
            "A powerful earthquake shook {country} on {weekday}, bringing down buildings in "
            "{city} and leaving at least {n1} people dead.",
            "Rescuers dug through the rubble of collapsed homes in {city} on {weekday} after "
            "a magnitude {mag} quake hit the region.",
        ),
        details=(
            "The quake was felt as far away as {city2}, where people ran into the streets in "
            "their night clothes.",
            "The national seismological office recorded more than a dozen aftershocks in the "
            "hours that followed.",
            "Hospitals in {city} treated {n2} injured people, many of them with broken bones.",
            "Older buildings in the historic centre of {city} suffered the worst damage.",
        ),
        quotes=(
            '"The whole building swayed, and then the ceiling came down," said {witness}, '
            "who was pulled from the rubble after several hours.",
            '"Our priority is to find anyone still trapped," said {minister}, the interior '
            "minister.",
            '"Aftershocks of this size are normal and may go on for weeks," said {expert}, a '
            "seismologist at the {institute}.",
        ),
        reactions=(
            "{leader} declared three days of national mourning.",
            "Offers of help arrived from {country2} and several other countries.",
        ),
        outlooks=(
            "Engineers will inspect schools and hospitals before they reopen.",
            "The government promised {amount} million {currency} to rebuild damaged homes.",
        ),
        follow_ups=(
            "The region around {city} was hit by another strong quake in {prev_month}.",
            "Many families in {city} were still living in tents after the {prev_month} quake.",
        ),
    ),
    EventType(
        name="protest",
        noun="protest",
        ministry="interior",
        numbers={"n1": (2000, 120000), "n2": (5, 300), "n3": (3, 80)},
        headlines=(
            "Thousands march in {city} against {cause_short}",
            "Police clash with protesters in {city}",
            "{n1} rally in {country} over {cause_short}",
            "Protest over {cause_short} turns violent in {city}",
        ),
        leads=(
            "Tens of thousands of people marched through {city} on {weekday} to protest "
            "against {cause}, in one of the largest demonstrations {country} has seen in "
            "years.",
            "Police fired tear gas at protesters in central {city} on {weekday} as anger "
            "over {cause} spilled onto the streets.",
            "Some {n1} people joined rallies across {country} on {weekday} against {cause}, "
            "organisers said.",
        ),
        details=(
            "Police said {n2} people had been arrested and {n3} officers injured.",
            "Demonstrators blocked the main square in {city} and chanted slogans against the "
            "government of {leader_s}.",
            "Police put the number of marchers at about half the figure given by organisers.",
            "Shops along the route of the march in {city} closed early.",
        ),
        quotes=(
            '"We cannot afford to live like this any more," said {witness}, a teacher who '
            "travelled from {city2} to join the march.",
            '"The right to protest is protected, but violence will not be tolerated," said '
            "{minister}, the interior minister.",
            '"The government underestimated the anger over {cause_short}," said {expert} of '
            "the {institute}.",
        ),
        reactions=(
            "{leader} said the government was ready to talk to protest leaders.",
            "Opposition parties called for the minister responsible to resign.",
        ),
        outlooks=(
            "Organisers said they would return to the streets of {city} next weekend.",
            "Parliament is due to vote on the measure later this month.",
        ),
        follow_ups=(
            "It is the {ordinal} mass protest against {cause_short} since {prev_month}.",
            "Protesters first took to the streets of {city} over {cause_short} in {prev_month}.",
        ),
    ),
    EventType(
        name="recall",
        noun="recall",
        ministry="economy",
        numbers={"n1": (5000, 900000), "n2": (12, 400), "n3": (2, 40)},
        headlines=(
            "{company} recalls {product}",
            "{company} pulls {product} over safety fears",
            "Recall of {n1} units of {product} by {company}",
            "Regulator orders {company} to recall {product}",
        ),
        leads=(
            "{company} said on {weekday} it was recalling {n1} units of {product} after "
            "{n2} complaints from customers in {country}.",
            "{country}'s consumer safety authority ordered {company} on {weekday} to recall "
            "{product}, citing a risk of injury.",
            "{company} has pulled {product} from sale across {country} following reports of "
            "a dangerous fault, the company announced on {weekday}.",
        ),
        details=(
            "The company said {n3} people had reported minor injuries, but that no one had "
            "been seriously hurt.",
            "Customers can return the product to any store for a full refund, {company} said.",
            "The fault was traced to a component made by a supplier, according to the company.",
            "Shares in {company} fell {pct} percent in {capital} after the announcement.",
        ),
        quotes=(
            '"The safety of our customers comes first, and we apologise," said {ceo}, chief '
            "executive of {company}.",
            '"Anyone who owns this product should stop using it immediately," said {official}, '
            "a spokesperson for the consumer safety authority.",
            '"Recalls of this size are rare and costly," said {expert} of the {institute}.',
        ),
        reactions=(
            "Consumer groups asked why the problem had not been spotted earlier.",
            "Rival companies said their products were not affected.",
        ),
        outlooks=(
            "The authority said it would investigate how the fault went unnoticed.",
            "{company} said the recall would cost it about {amount} million {currency}.",
        ),
        follow_ups=(
            "{company} already recalled a batch of {product} in {prev_month}.",
            "It is the {ordinal} recall by {company} since {prev_month}.",
        ),
    ),
    EventType(
        name="cyberattack",
        noun="cyberattack",
        ministry="interior",
        numbers={"n1": (10000, 4000000), "n2": (6, 96), "n3": (1, 20)},
        headlines=(
            "Cyberattack knocks out {company} systems",
            "Hackers hit {company}, data of {n1} customers exposed",
            "{company} outage: ransomware group {hackers} claims attack",
            "{company} customers urged to change passwords after hack",
        ),
        leads=(
            "A cyberattack disrupted services at {company} for {n2} hours on {weekday}, the "
            "company said, and the personal data of up to {n1} customers may have been "
            "stolen.",
            "The ransomware group {hackers} claimed responsibility on {weekday} for an "
            "attack that shut down computer systems at {company} in {country}.",
            "{company}, one of the largest {sector} companies in {country}, said on "
            "{weekday} it had been hit by hackers who demanded a ransom.",
        ),
        details=(
            "The company said it had isolated the affected systems and called in outside "
            "specialists.",
            "Customers in {city} and {city2} reported being unable to use the company's services.",
            "The hackers demanded {n3} million {currency} in cryptocurrency, according to a "
            "message seen by reporters.",
            "The national cyber security agency said it was assisting the investigation.",
        ),
        quotes=(
            '"We will not pay criminals," said {ceo}, chief executive of {company}.',
            '"This shows how exposed critical services still are," said {expert}, a '
            "security researcher at the {institute}.",
            '"Police are working with the company to find those responsible," said '
            "{minister}, the interior minister.",
        ),
        reactions=(
            "Opposition politicians demanded stricter rules on data protection.",
            "Shares in {company} fell {pct} percent.",
        ),
        outlooks=(
            "{company} said it expected to restore all services within days.",
            "Customers were urged to watch out for fraudulent messages.",
        ),
        follow_ups=(
            "{hackers} also targeted {company} in {prev_month}.",
            "It is the {ordinal} attack on {company} since {prev_month}.",
        ),
    ),
    EventType(
        name="rail crash",
        noun="rail crash",
        ministry="transport",
        numbers={"n1": (1, 45), "n2": (10, 250), "n3": (80, 900)},
        headlines=(
            "Train derails near {city}, killing {n1}",
            "{adj} rail crash: {n1} dead, {n2} injured",
            "Passenger train collides with freight train outside {city}",
            "Investigators probe cause of {city} rail disaster",
        ),
        leads=(
            "A passenger train travelling from {city} to {city2} derailed on {weekday}, "
            "killing at least {n1} people and injuring {n2}, the {ministry} said.",
            "At least {n1} people died when a {company} passenger train collided with a "
            "freight train outside {city} on {weekday}.",
            "Rescuers worked through the night at the site of a train crash near {city}, "
            "where several carriages left the tracks on {weekday}.",
        ),
        details=(
            "The train was carrying about {n3} passengers at the time of the accident, "
            "{company} said.",
            "Several carriages overturned and one caught fire, according to witnesses.",
            "The injured were taken to hospitals in {city} and {city2}.",
            "The line between {city} and {city2} will remain closed while investigators "
            "examine the site.",
        ),
        quotes=(
            '"There was a huge bang and then everything went dark," said {witness}, a '
            "passenger who escaped with cuts.",
            '"We will find out what happened and those responsible will be held to '
            'account," said {minister}, the transport minister.',
            '"Our thoughts are with the victims and their families," said {ceo}, chief '
            "executive of {company}.",
        ),
        reactions=(
            "{leader} visited the crash site and declared a day of mourning.",
            "Rail unions said they had warned about the state of the line for years.",
        ),
        outlooks=(
            "An independent inquiry will look at signalling and maintenance on the line.",
            "{company} said it would compensate the families of the victims.",
        ),
        follow_ups=(
            "A train on the same line near {city} derailed in {prev_month}.",
            "Safety on {company}'s network has been questioned since a crash in {prev_month}.",
        ),
    ),
)

FILLER = (
    "Further details were not immediately available.",
    "Officials said more information would be released later in the day.",
    "{outlet} was unable to independently verify all of the figures.",
    "This story is developing and will be updated as more information becomes available.",
    "Neither side responded to requests for comment by the time of publication.",
    "Local television broadcast images from {city} throughout the afternoon.",
    "Analysts said the events would be closely watched in neighbouring countries.",
    "Videos shared on social media appeared to show the scene, though their authenticity "
    "could not be confirmed.",
    "The government in {capital} is due to hold a news conference on the matter.",
    "It was not immediately clear how the figures had been compiled.",
)

# longer background sentences any event can carry, about its place and its politics
CONTEXT = (
    "The {noun} in {city} is likely to dominate the agenda in {capital} for the rest of the "
    "week, with ministers under pressure to show that they are in control of events.",
    "{city}, a city of several hundred thousand people, has long complained that the "
    "national government pays it too little attention and invests too little in it.",
    "The government of {leader}, which faces an election next year, has been criticised "
    "for its handling of a series of crises since it took office.",
    "Commentators in {country} drew comparisons with earlier crises, noting that the "
    "response of the authorities had been slow then as well.",
    "Newspapers in {capital} devoted their front pages to the {noun}, and several carried "
    "editorials calling for a public inquiry into what went wrong.",
    "Relations between {country} and {country2} have improved over the past year after a "
    "long period of disputes over trade and borders.",
    "The economy of {country} grew by less than two percent last year, and the central bank "
    "has warned that inflation remains stubbornly high.",
)

# an event-specific local sentence: each event has its own district and landmark
LOCAL = (
    "Much of the attention on {weekday} focused on the {district} district of {city}, where "
    "crowds gathered outside the {landmark}.",
    "In {district}, on the edge of {city}, shopkeepers said they had never seen anything like "
    "it and feared for their livelihoods.",
    "Officials set up a temporary command post at the {landmark} in the {district} district "
    "of {city}.",
    "Residents of {district} said the {landmark} had been closed to the public since the morning.",
)
DISTRICTS = (
    ("Old", "Upper", "Lower", "North", "East", "New", "West", "Saint", "Little", "Greater"),
    (
        "Harrowmead Tannery Vellgate Millbrook Copperfield Ashdown Quarryside Lantern Bellmoor "
        "Fennick Greyfriars Thornbury Saltmarsh Kingsgate Oldwharf Brackwater Hollins Marlowe"
    ).split(),
)
LANDMARKS = (
    "{} Market Hall",
    "{} Cathedral",
    "old {} Bridge",
    "{} Public Library",
    "{} Central Station",
    "{} Town Hall",
    "{} Sports Arena",
)

# attributions a writer may hang on a plain sentence, before its full stop
TAILS = (
    ", according to officials in {capital}",
    ", local media reported",
    ", a person familiar with the matter said",
    ", according to figures released by the authorities",
    ", officials confirmed later in the day",
    ", a statement published late in the day said",
)

# small edits a wire copy's editor makes: the first that applies to a paragraph is made
REWORDINGS = (
    (" said ", " told reporters "),
    (" at least ", " no fewer than "),
    (" about ", " around "),
    (" percent", " per cent"),
    (", ", "; "),
)

# --- events and articles ---------------------------------------------------------------


@dataclass
class Event:
    id: str
    storyline: str
    kind: EventType
    day: int
    facts: dict[str, str]
    count: int
    pool: list[str]  # the event's own details, quotes, reactions and outlook templates
    previous: Event | None = None
    depth: int = 0


@dataclass
class Draft:
    event: Event
    day: int
    outlet: str
    title: str
    paragraphs: list[str]
    copy_of: Draft | None = None


def _surname(name: str) -> str:
    return name.split()[-1]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _numbers(kind: EventType, rng: random.Random) -> dict[str, str]:
    values = {k: f"{rng.randint(lo, hi):,}" for k, (lo, hi) in kind.numbers.items()}
    values["pct"] = str(rng.randint(8, 62))
    values["amount"] = str(rng.randint(5, 900))
    return values


def _facts(world: World, kind: EventType, rng: random.Random) -> dict[str, str]:
    """Every field any template may ask for, drawn for one event."""
    home, other = rng.sample(world.countries, 2)
    city, city2 = rng.sample(home.cities, 2)
    facts = {
        "city": city,
        "city2": city2,
        "country": home.name,
        "adj": home.adj,
        "capital": home.cities[0],
        "river": home.rivers[home.cities.index(city) % len(home.rivers)],
        "currency": home.currency,
        "leader": f"{home.title} {home.leader}",
        "leader_name": home.leader,
        "leader_s": _surname(home.leader),
        "minister": home.ministers[kind.ministry],
        "minister_s": _surname(home.ministers[kind.ministry]),
        "ministry": f"{kind.ministry.capitalize()} Ministry",
        "mayor": home.mayors[city],
        "mayor_s": _surname(home.mayors[city]),
        "country2": other.name,
        "adj2": other.adj,
        "capital2": other.cities[0],
        "leader2": f"{other.title} {other.leader}",
        "leader2_name": other.leader,
        "leader2_s": _surname(other.leader),
        "witness": _person(rng),
        "expert": _person(rng),
        "doctor": _person(rng),
        "official": _person(rng),
        "judge": _person(rng),
        "prosecutor": _person(rng),
        "lawyer": _person(rng),
        "institute": rng.choice(INSTITUTES).format(capital=home.cities[0]),
        "agency": f"{home.adj} Public Health Agency",
        "hospital": f"{city} {rng.choice(('General Hospital', 'University Hospital'))}",
        "court": f"{city} District Court",
        "regulator": f"{home.adj} Competition Authority",
        "disease": rng.choice(DISEASES),
        "topic": rng.choice(TOPICS),
        "hackers": rng.choice(HACKER_GROUPS),
        "mag": f"{rng.uniform(4.6, 7.6):.1f}",
        "district": f"{rng.choice(DISTRICTS[0])} {rng.choice(DISTRICTS[1])}",
        "landmark": rng.choice(LANDMARKS).format(rng.choice(DISTRICTS[1])),
    }
    sectors = {
        "strike": STRIKE_SECTORS,
        "recall": RECALL_SECTORS,
        "rail crash": ("rail",),
    }.get(kind.name)
    pool = [c for c in home.companies if sectors is None or c[1] in sectors]
    company, sector, ceo = rng.choice(pool)
    rivals = [c for c in home.companies if c[1] == sector and c[0] != company] or pool
    company2, _, ceo2 = rng.choice(rivals)
    products = {name: word for name, _, word in SECTORS}
    facts.update(
        company=company,
        sector=sector,
        ceo=ceo,
        ceo_s=_surname(ceo),
        company2=company2,
        ceo2=ceo2,
        product=rng.choice(PRODUCTS[sector]) if kind.name == "recall" else products[sector],
    )
    if sector in home.unions:
        union, head = home.unions[sector]
        facts.update(union=union, union_head=head)
    party, party2 = rng.sample(home.parties, 2)
    candidate, candidate2 = _person(rng), _person(rng)
    facts.update(
        party=party,
        party2=party2,
        candidate=candidate,
        candidate_s=_surname(candidate),
        candidate2=candidate2,
        candidate2_s=_surname(candidate2),
    )
    (club, club_city, coach), (club2, _, coach2) = rng.sample(home.clubs, 2)
    player = _person(rng)
    goals = sorted(rng.sample(range(5), 2), reverse=True)
    facts.update(
        club=club,
        club_city=club_city,
        coach=coach,
        club2=club2,
        coach2=coach2,
        player=player,
        player_s=_surname(player),
        cup=f"{home.adj} Cup",
        stadium=f"{rng.choice(('National', 'Royal', 'Riverside', 'Olympic'))} Stadium",
        s1=str(goals[0]),
        s2=str(goals[1]),
    )
    defendant = _person(rng)
    charge, charge_short = rng.choice(CHARGES)
    drole = rng.choice(DEFENDANT_ROLES)
    cause, cause_short = rng.choice(PROTEST_CAUSES)
    facts.update(
        defendant=defendant,
        defendant_s=_surname(defendant),
        drole=drole,
        drole_cap=drole[0].upper() + drole[1:],
        charge=charge,
        charge_short=charge_short,
        charge_short_cap=charge_short[0].upper() + charge_short[1:],
        cause=cause,
        cause_short=cause_short,
    )
    facts.update(_numbers(kind, rng))
    return facts


def _article_count(rng: random.Random) -> int:
    """1-40 articles, most events small: median about 5, mean about 7."""
    return max(1, min(MAX_ARTICLES, round(rng.lognormvariate(1.5, 0.9))))


def _new_event(
    world: World, day: int, number: int, by_day: dict[int, list[Event]], rng: random.Random
) -> Event:
    """A fresh event, or now and then a follow-up of one 30-180 days earlier."""
    earlier = [d for d in range(day - 180, day - 29) if d in by_day]
    if earlier and rng.random() < FOLLOW_UP_RATE:
        previous = rng.choice(by_day[rng.choice(earlier)])
        facts = dict(previous.facts)
        facts.update(_numbers(previous.kind, rng))
        facts["witness"], facts["expert"] = _person(rng), _person(rng)
        return Event(
            id=f"e{number:06d}",
            storyline=previous.storyline,
            kind=previous.kind,
            day=day,
            facts=facts,
            count=_article_count(rng),
            pool=_plan(previous.kind, rng),
            previous=previous,
            depth=previous.depth + 1,
        )
    kind = rng.choice(TYPES)
    return Event(
        id=f"e{number:06d}",
        storyline=f"s{number:06d}",
        kind=kind,
        day=day,
        facts=_facts(world, kind, rng),
        count=_article_count(rng),
        pool=_plan(kind, rng),
    )


def _plan(kind: EventType, rng: random.Random) -> list[str]:
    """What this event's coverage can report: most of the type's sentences, one local one.

    Two floods do not share every detail: each event keeps about three quarters of its
    type's templates, so its articles resemble each other more than another flood's.
    """
    full = [*kind.details, *kind.quotes, *kind.reactions, *kind.outlooks]
    return [*rng.sample(full, round(0.75 * len(full))), rng.choice(LOCAL)]


def _date(day: int) -> dt.date:
    return START + dt.timedelta(days=day)


def _fields(event: Event, outlet: str, rng: random.Random) -> dict[str, str]:
    """The event's facts as one outlet reports them: counts drift as tolls are updated."""
    fields = dict(event.facts)
    date = _date(event.day)
    fields.update(
        weekday=WEEKDAYS[date.weekday()],
        date=f"{MONTHS[date.month - 1]} {date.day}",
        month=MONTHS[date.month - 1],
        outlet=outlet,
        noun=event.kind.noun,
    )
    if event.previous is not None:
        before = _date(event.previous.day)
        fields.update(
            prev_month=MONTHS[before.month - 1],
            ordinal=ORDINALS[min(event.depth, len(ORDINALS) - 1)],
        )
    for key in ("n1", "n2"):
        if rng.random() < 0.3 and event.kind.name not in ("election", "summit", "final"):
            value = int(fields[key].replace(",", ""))
            fields[key] = f"{max(1, round(value * rng.uniform(0.85, 1.2))):,}"
    return fields


def _write(event: Event, day: int, outlet: str, rng: random.Random) -> Draft:
    kind = event.kind
    fields = _fields(event, outlet, rng)
    size = rng.choice((4, 6, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12))
    body = rng.sample(event.pool, min(len(event.pool), size - 2))
    for context in rng.sample(CONTEXT, rng.choice((1, 1, 2))):
        body.insert(rng.randint(len(body) // 2, len(body)), context)
    if event.previous is not None:
        body.insert(rng.randint(1, max(1, len(body) // 2)), rng.choice(kind.follow_ups))
    for filler in rng.sample(FILLER, rng.choice((0, 0, 1, 1, 2))):
        body.insert(rng.randint(len(body) // 2, len(body)), filler)
    sentences = [rng.choice(kind.leads), *body]
    text = [_attribute(s, rng).format_map(fields) for s in sentences]
    paragraphs: list[str] = []
    while text:
        take = rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(" ".join(text[:take]))
        text = text[take:]
    title = rng.choice(kind.headlines).format_map(fields)
    return Draft(event, day, outlet, title, paragraphs)


def _attribute(template: str, rng: random.Random) -> str:
    """Now and then, a plain statement gets an attribution tail."""
    if rng.random() < 0.2 and template.endswith(".") and '"' not in template:
        return template[:-1] + rng.choice(TAILS) + "."
    return template


def _wire_copy(original: Draft, outlet: str, rng: random.Random) -> Draft:
    """A reprint by another outlet: same body with one or two small edits."""
    paragraphs = list(original.paragraphs)
    edits = rng.sample(("dateline", "trim", "reword", "credit"), rng.choice((1, 1, 2)))
    date = _date(original.day)
    for edit in edits:
        if edit == "dateline":
            place = original.event.facts["city"].upper()
            month = MONTHS[date.month - 1]
            agency = rng.choice(AGENCIES)
            paragraphs[0] = f"{place}, {month} {date.day} ({agency}) - {paragraphs[0]}"
        elif edit == "trim" and len(paragraphs) > 2:
            paragraphs.pop()
        elif edit == "reword":
            i = rng.randrange(len(paragraphs))
            for old, new in REWORDINGS:
                if old in paragraphs[i]:
                    paragraphs[i] = paragraphs[i].replace(old, new, 1)
                    break
        else:
            paragraphs.append(f"Reporting by {_person(rng)}; editing by {_person(rng)}.")
    if paragraphs == original.paragraphs:  # an edit that changed nothing: mark it visibly
        paragraphs.append(f"Reporting by {_person(rng)}.")
    title = original.title
    if rng.random() < 0.5:
        title = rng.choice(original.event.kind.headlines).format_map(
            _fields(original.event, outlet, rng)
        )
    day = original.day + rng.choice((0, 0, 1))
    return Draft(original.event, day, outlet, title, paragraphs, copy_of=original)


def _cover(event: Event, days: int, rng: random.Random) -> list[Draft]:
    """The articles about one event that fall inside the stream's ``days``."""
    drafts: list[Draft] = []
    bodies: set[tuple[str, ...]] = set()
    outlets = rng.sample(OUTLETS, min(len(OUTLETS), event.count))
    while len(outlets) < event.count:
        outlets.append(rng.choice(OUTLETS))
    for outlet in outlets:
        originals = [d for d in drafts if d.copy_of is None]
        if originals and rng.random() < COPY_RATE:
            source = rng.choice(originals)
            others = [o for o in OUTLETS if o != source.outlet]
            draft = _wire_copy(source, rng.choice(others), rng)
        else:
            draft = _write(event, event.day + rng.choice(PUBLISH_LAG), outlet, rng)
        while tuple(draft.paragraphs) in bodies:  # two short articles drew the same sentences
            draft.paragraphs.append(f"Reporting by {_person(rng)}.")
        bodies.add(tuple(draft.paragraphs))
        drafts.append(draft)
    return [d for d in drafts if 0 <= d.day < days]


@dataclass
class Stream:
    documents: list[Document]
    storylines: dict[str, str]  # event id -> storyline id
    copies: dict[int, int]  # line of a wire copy -> line of the article it reprints


def generate(n: int, seed: int = 0) -> Stream:
    """``n`` documents in date order (shuffled within a day) and each event's storyline."""
    rng = random.Random(seed)
    world = World.build(random.Random(f"world-{seed}"))
    days = max(1, round(n / ARTICLES_PER_DAY))
    per_day = n / days
    history: list[Event] = []
    by_day: dict[int, list[Event]] = {}
    drafts: list[Draft] = []
    for day in range(-max(PUBLISH_LAG), days):
        planned = 0.0
        while planned < per_day:
            event = _new_event(world, day, len(history), by_day, rng)
            history.append(event)
            by_day.setdefault(day, []).append(event)
            drafts.extend(_cover(event, days, rng))
            planned += event.count
    while len(drafts) < n:  # rounding and clipping at the edges left us short: top up
        event = _new_event(world, rng.randrange(days), len(history), {}, rng)
        history.append(event)
        drafts.extend(_cover(event, days, rng))
    if len(drafts) > n:
        keep = sorted(rng.sample(range(len(drafts)), n))
        drafts = [drafts[i] for i in keep]
    order = sorted(range(n), key=lambda i: (drafts[i].day, rng.random()))
    documents = [_document(drafts[i], line) for line, i in enumerate(order, start=1)]
    storylines = {e.id: e.storyline for e in history}
    line_of = {id(drafts[i]): line for line, i in enumerate(order, start=1)}
    copies = {
        line_of[id(d)]: line_of[id(d.copy_of)]
        for d in drafts
        if d.copy_of is not None and id(d.copy_of) in line_of
    }
    return Stream(documents, storylines, copies)


def _document(draft: Draft, line: int) -> Document:
    return Document(
        path="synthetic",
        raw="\n\n".join(draft.paragraphs),
        line=line,
        title=draft.title,
        source=draft.outlet,
        date=_date(draft.day),
        collection=draft.event.id,
    )


def stream(n: int, seed: int = 0) -> list[Document]:
    """``n`` fictional news articles in date order; ``collection`` is the gold event id."""
    return generate(n, seed).documents


def describe(
    documents: Sequence[Document], storylines: dict[str, str], copies: dict[int, int]
) -> str:
    """A few lines of statistics about a generated stream."""
    words = [len(d.raw.split()) for d in documents]
    events = {d.collection for d in documents}
    sizes: dict[str | None, int] = {}
    for d in documents:
        sizes[d.collection] = sizes.get(d.collection, 0) + 1
    dates = sorted({d.date for d in documents if d.date})
    chains: dict[str, set[str]] = {}
    for event in events:
        if event is not None:
            chains.setdefault(storylines[event], set()).add(event)
    return "\n".join(
        [
            f"documents {len(documents)}, events {len(events)}, wire copies {len(copies)}, "
            f"storylines with 2+ events {sum(len(c) > 1 for c in chains.values())}",
            f"days {len(dates)} ({dates[0]} to {dates[-1]}), "
            f"articles/day {len(documents) / len(dates):.0f}",
            f"articles/event mean {statistics.mean(sizes.values()):.1f}, max {max(sizes.values())}",
            f"words/article mean {statistics.mean(words):.0f}, "
            f"10th-90th percentile {_percentile(words, 10)}-{_percentile(words, 90)}",
        ]
    )


def _percentile(values: Sequence[int], p: int) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * p // 100)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=1, help="print this many articles")
    args = parser.parse_args()
    start = time.perf_counter()
    result = generate(args.n, args.seed)
    seconds = time.perf_counter() - start
    print(f"generated in {seconds:.2f} s")
    print(describe(result.documents, result.storylines, result.copies))
    for document in result.documents[: args.show]:
        print(f"\n--- {document.source}, {document.date}, event {document.collection}")
        print(f"# {document.title}\n\n{document.raw}")


if __name__ == "__main__":
    main()
