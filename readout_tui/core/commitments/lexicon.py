"""Word lists for commitment extraction: speech verbs, titles, nationalities, modifiers.

Official readouts are formulaic, so small hand-kept lexicons do what a statistical model would,
without downloads. Everything here is lower-case unless it is matched against capitalised
text (titles, nationalities), and nothing is specific to any particular readout.
"""

from __future__ import annotations

#: Verbs that introduce reported speech ("X said", "said X", "X noted that ...").
SPEECH_VERBS: frozenset[str] = frozenset(
    """said says noted notes added adds stressed stresses emphasized emphasised emphasizes
    emphasises stated mentioned told reiterated reiterates underlined underlines underscored
    underscores highlighted highlights recalled remarked observed explained declared announced
    affirmed reaffirmed believed believes maintained insisted argued warned acknowledged
    agreed agree agrees""".split()
)
#: Two-word speech verbs, keyed by their first word.
SPEECH_PHRASES: dict[str, str] = {"pointed": "out", "points": "out"}
#: Speech verbs that also make the reported content an agreement ("X agreed that ...").
AGREEMENT_FRAMES: frozenset[str] = frozenset({"agreed", "agree", "agrees"})

#: Participles that continue the current speaker's speech (", adding that ...").
CONTINUATIONS: frozenset[str] = frozenset(
    """adding saying noting stressing emphasizing emphasising stating underlining underscoring
    reiterating explaining recalling observing remarking""".split()
)

#: Words skipped between a frame's subject and its verb ("Wang also said").
FRAME_ADVERBS: frozenset[str] = frozenset(
    """also further then again once repeatedly separately meanwhile earlier later previously
    specifically particularly especially first firstly secondly finally moreover""".split()
)

#: Time and place words that may follow a speech verb before its content ("said Thursday").
TIME_WORDS: frozenset[str] = frozenset(
    """today yesterday tonight monday tuesday wednesday thursday friday saturday sunday earlier
    again separately""".split()
)

#: Discourse words that may open a sentence before its subject.
DISCOURSE: frozenset[str] = frozenset(
    """so and but however meanwhile also then thus therefore moreover furthermore besides still
    yet hence accordingly""".split()
)

#: Intensifiers raise a commitment's strength by one.
INTENSIFIERS: frozenset[str] = frozenset(
    """firmly staunchly continuously resolutely fully always unswervingly steadfastly totally
    strongly unwaveringly categorically absolutely completely wholeheartedly consistently
    definitely certainly surely unconditionally vigorously actively firm strong full
    unwavering steadfast resolute unshakable unshakeable ironclad""".split()
)
#: Hedges lower a commitment's strength by one.
HEDGES: frozenset[str] = frozenset(
    """may might could possibly perhaps consider considering try trying seek seeking explore
    exploring hopefully tentatively gradually basically largely partially partly appropriate
    feasible""".split()
)
NEGATORS: frozenset[str] = frozenset({"not", "never", "n't", "no", "cannot", "neither", "nor"})

#: Auxiliaries and adverbs that may sit between a subject and its commitment cue.
AUXILIARIES: frozenset[str] = frozenset(
    """is are was were be been being am has have had do does did will would shall should must can
    could may might also all both still further always now jointly together each already again
    once continue continues remain remains stand stands not never n't no cannot""".split()
)

#: Nouns that head a both-sides phrase ("the two sides", "both countries").
BOTH_HEADS: frozenset[str] = frozenset(
    """sides countries nations governments leaders presidents ministers heads delegations parties
    premiers chancellors states peoples parliaments militaries""".split()
)

#: Nouns that make a phrase an institutional speaker ("the ministry said").
INSTITUTIONS: frozenset[str] = frozenset(
    """spokesperson spokesman spokeswoman ministry embassy government statement readout office
    officials kremlin""".split()
)

#: Title head words of people ("Foreign Minister", "State Councilor", "President").
TITLE_HEADS: tuple[str, ...] = (
    "President",
    "Minister",
    "Councilor",
    "Councillor",
    "Secretary-General",
    "Secretary",
    "Chancellor",
    "Premier",
    "Ambassador",
    "King",
    "Queen",
    "Emperor",
    "Prince",
    "Emir",
    "Sheikh",
    "Sultan",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Director-General",
    "Director",
    "Governor",
    "Senator",
    "General",
    "Commissioner",
    "Representative",
    "Envoy",
    "Adviser",
    "Advisor",
    "Chief",
)
#: Modifiers that may precede a title head ("Deputy Prime Minister", "Foreign Minister").
TITLE_MODIFIERS: tuple[str, ...] = (
    "Deputy",
    "Vice",
    "First",
    "Senior",
    "Acting",
    "Executive",
    "Assistant",
    "Foreign",
    "Defense",
    "Defence",
    "Trade",
    "Finance",
    "Interior",
    "State",
    "National",
    "Security",
    "Prime",
    "Special",
    "High",
    "Crown",
    "Chief",
    "Supreme",
)

#: Nationality adjective -> country. Countries are also recognised by name.
DEMONYMS: dict[str, str] = dict(
    pair.strip().split(":", 1)
    for pair in [
        "Afghan:Afghanistan",
        " Albanian:Albania",
        " Algerian:Algeria",
        "\n    American:United States",
        " Angolan:Angola",
        " Argentine:Argentina",
        " Argentinian:Argentina",
        "\n    Armenian:Armenia",
        " Australian:Australia",
        " Austrian:Austria",
        " Azerbaijani:Azerbaijan",
        "\n    Bangladeshi:Bangladesh",
        " Belarusian:Belarus",
        " Belgian:Belgium",
        " Brazilian:Brazil",
        "\n    British:United Kingdom",
        " Bulgarian:Bulgaria",
        " Cambodian:Cambodia",
        " Canadian:Canada",
        "\n    Chilean:Chile",
        " Chinese:China",
        " Colombian:Colombia",
        " Croatian:Croatia",
        " Cuban:Cuba",
        "\n    Czech:Czech Republic",
        " Danish:Denmark",
        " Dutch:Netherlands",
        " Egyptian:Egypt",
        "\n    Emirati:United Arab Emirates",
        " Estonian:Estonia",
        " Ethiopian:Ethiopia",
        " Filipino:Philippines",
        "\n    Finnish:Finland",
        " French:France",
        " Georgian:Georgia",
        " German:Germany",
        " Greek:Greece",
        "\n    Hungarian:Hungary",
        " Indian:India",
        " Indonesian:Indonesia",
        " Iranian:Iran",
        " Iraqi:Iraq",
        "\n    Irish:Ireland",
        " Israeli:Israel",
        " Italian:Italy",
        " Japanese:Japan",
        " Jordanian:Jordan",
        "\n    Kazakh:Kazakhstan",
        " Kenyan:Kenya",
        " Korean:Korea",
        " Kuwaiti:Kuwait",
        " Kyrgyz:Kyrgyzstan",
        "\n    Lao:Laos",
        " Latvian:Latvia",
        " Lebanese:Lebanon",
        " Libyan:Libya",
        " Lithuanian:Lithuania",
        "\n    Malaysian:Malaysia",
        " Mexican:Mexico",
        " Mongolian:Mongolia",
        " Moroccan:Morocco",
        "\n    Nepalese:Nepal",
        " Nigerian:Nigeria",
        " Norwegian:Norway",
        " Omani:Oman",
        " Pakistani:Pakistan",
        "\n    Palestinian:Palestine",
        " Peruvian:Peru",
        " Philippine:Philippines",
        " Polish:Poland",
        "\n    Portuguese:Portugal",
        " Qatari:Qatar",
        " Romanian:Romania",
        " Russian:Russia",
        "\n    Saudi:Saudi Arabia",
        " Serbian:Serbia",
        " Singaporean:Singapore",
        " Slovak:Slovakia",
        "\n    Slovenian:Slovenia",
        " Spanish:Spain",
        " Swedish:Sweden",
        " Swiss:Switzerland",
        " Syrian:Syria",
        "\n    Tajik:Tajikistan",
        " Thai:Thailand",
        " Turkish:Turkey",
        " Turkmen:Turkmenistan",
        "\n    Ukrainian:Ukraine",
        " Uzbek:Uzbekistan",
        " Venezuelan:Venezuela",
        " Vietnamese:Vietnam",
        "\n    Yemeni:Yemen",
        " U.S.:United States",
        " US:United States",
        " EU:European Union",
        "\n    European:European Union",
        " New Zealand:New Zealand",
        " South African:South Africa",
        "\n    South Korean:South Korea",
        " North Korean:North Korea",
        " Sri Lankan:Sri Lanka",
    ]
)

#: Other names of countries, lower-case -> the country's usual name.
COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "america": "United States",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "eu": "European Union",
    "prc": "China",
    "dprk": "North Korea",
    "rok": "South Korea",
    "russian federation": "Russia",
}

#: Capitals that news prose uses for their governments ("Beijing is ready to ...").
CAPITALS: dict[str, str] = {
    "washington": "United States",
    "beijing": "China",
    "moscow": "Russia",
    "tokyo": "Japan",
    "canberra": "Australia",
    "london": "United Kingdom",
    "paris": "France",
    "berlin": "Germany",
    "new delhi": "India",
    "kyiv": "Ukraine",
    "seoul": "South Korea",
    "pyongyang": "North Korea",
    "ottawa": "Canada",
    "brasilia": "Brazil",
    "tehran": "Iran",
    "ankara": "Turkey",
    "islamabad": "Pakistan",
    "hanoi": "Vietnam",
    "jakarta": "Indonesia",
    "manila": "Philippines",
    "brussels": "European Union",
}
