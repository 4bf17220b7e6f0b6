"""One test per rule family on short texts, against a small fixture registry.

The registry is written by the tests themselves (no dependency on kg/data/actors.jsonl).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.corpus import article_from_text
from kg.facts import (
    EntityClass,
    EventFact,
    EventType,
    MembershipFact,
    MembershipStatus,
    PartnershipDomain,
    PartnershipFact,
    PartnershipStatus,
    Polarity,
    RoleFact,
    StanceFact,
    StatementFact,
)

pytestmark = pytest.mark.model

ACTORS = [
    {
        "id": "china",
        "label": "China",
        "class": "State",
        "qid": "Q148",
        "aliases": ["People's Republic of China"],
        "abbreviations": ["PRC"],
        "demonyms": ["Chinese"],
        "metonyms": ["Beijing"],
    },
    {"id": "beijing", "label": "Beijing", "class": "Place", "qid": "Q956", "metonym_for": "china"},
    {
        "id": "united-states",
        "label": "United States",
        "class": "State",
        "qid": "Q30",
        "abbreviations": ["U.S."],
        "demonyms": ["American"],
        "metonyms": ["Washington"],
    },
    {
        "id": "washington-d-c",
        "label": "Washington, D.C.",
        "class": "Place",
        "qid": "Q61",
        "metonym_for": "united-states",
    },
    {
        "id": "russia",
        "label": "Russia",
        "class": "State",
        "demonyms": ["Russian"],
        "metonyms": ["Moscow", "the Kremlin"],
    },
    {"id": "japan", "label": "Japan", "class": "State", "demonyms": ["Japanese"]},
    {"id": "australia", "label": "Australia", "class": "State"},
    {"id": "india", "label": "India", "class": "State", "demonyms": ["Indian"]},
    {"id": "finland", "label": "Finland", "class": "State"},
    {"id": "sweden", "label": "Sweden", "class": "State"},
    {"id": "nato", "label": "NATO", "class": "Alliance", "qid": "Q7184"},
    {
        "id": "quad",
        "label": "Quadrilateral Security Dialogue",
        "class": "PartnershipGroup",
        "aliases": ["Quad"],
    },
    {
        "id": "jens-stoltenberg",
        "label": "Jens Stoltenberg",
        "class": "Person",
        "positions": [{"title": "Secretary General", "of": "nato"}],
    },
    {"id": "european-union", "label": "European Union", "class": "InternationalOrganization",
     "abbreviations": ["EU"], "ambiguous_metonyms": ["Brussels"]},
    {"id": "taiwan", "label": "Taiwan", "class": "State"},
    {"id": "arjun-rao", "label": "Arjun Rao", "class": "Person", "country": "india",
     "positions": [{"title": "Prime Minister", "of": "india"}]},
    {"id": "hiro-tanaka", "label": "Hiro Tanaka", "class": "Person", "country": "japan",
     "positions": [{"title": "Prime Minister", "of": "japan"}]},
    {"id": "european-council", "label": "European Council",
     "class": "InternationalOrganization"},
    {"id": "asia", "label": "Asia", "class": "Place"},
    {"id": "pacific-islands-forum", "label": "Pacific Islands Forum",
     "class": "InternationalOrganization"},
    {"id": "kazakhstan", "label": "Kazakhstan", "class": "State", "demonyms": ["Kazakh"]},
    {"id": "belgium", "label": "Belgium", "class": "State", "ambiguous_metonyms": ["Brussels"]},
    {"id": "brussels", "label": "Brussels", "class": "Place", "metonym_for": "belgium"},
    {"id": "european-commission", "label": "European Commission",
     "class": "InternationalOrganization", "part_of": "european-union"},
    {"id": "ecowas", "label": "Economic Community of West African States",
     "class": "InternationalOrganization", "abbreviations": ["ECOWAS"]},
    {"id": "sahel", "label": "Sahel", "class": "Region"},
    {"id": "ethiopia", "label": "Ethiopia", "class": "State", "demonyms": ["Ethiopian"]},
    {"id": "un-security-council", "label": "United Nations Security Council",
     "class": "InternationalOrganization", "part_of": "united-nations",
     "aliases": ["UN Security Council", "Security Council"]},
    {"id": "kyrgyzstan", "label": "Kyrgyzstan", "class": "State", "demonyms": ["Kyrgyz"]},
    {"id": "tajikistan", "label": "Tajikistan", "class": "State", "demonyms": ["Tajik"]},
    {"id": "recep-tayyip-erdogan", "label": "Recep Tayyip Erdoğan", "class": "Person",
     "aliases": ["Recep Tayyip Erdogan"]},
    {"id": "atlantic-ocean", "label": "Atlantic Ocean", "class": "Place",
     "aliases": ["the Atlantic"]},
    {"id": "atlantic-council", "label": "Atlantic Council", "class": "Organization",
     "country": "united-states"},
    {"id": "iran", "label": "Iran", "class": "State"},
    {"id": "saudi-arabia", "label": "Saudi Arabia", "class": "State"},
    {"id": "brics", "label": "BRICS", "class": "PartnershipGroup"},
    {"id": "united-arab-emirates", "label": "United Arab Emirates", "class": "State",
     "aliases": ["UAE"]},
    {"id": "bahrain", "label": "Bahrain", "class": "State"},
    {"id": "new-development-bank", "label": "New Development Bank",
     "class": "InternationalOrganization", "abbreviations": ["NDB"]},
    {"id": "african-union", "label": "African Union", "class": "InternationalOrganization",
     "abbreviations": ["AU"]},
    {"id": "niger", "label": "Niger", "class": "State"},
    {"id": "mali", "label": "Mali", "class": "State"},
    {"id": "canada", "label": "Canada", "class": "State", "demonyms": ["Canadian"]},
    {"id": "ali-rezaei", "label": "Ali Rezaei", "class": "Person", "country": "iran",
     "positions": [{"title": "Supreme Leader", "of": "iran"}]},
    {"id": "ivan-petrov", "label": "Ivan Petrov", "class": "Person", "country": "russia",
     "positions": [{"title": "Press Secretary of the President", "of": "russia"}]},
    {"id": "japan-defence-ministry", "label": "Japanese Defence Ministry",
     "class": "Organization", "country": "japan"},
    {"id": "democratic-republic-of-the-congo", "label": "Democratic Republic of the Congo",
     "class": "State", "aliases": ["Democratic Republic of Congo"]},
    {"id": "republic-of-the-congo", "label": "Republic of the Congo", "class": "State",
     "aliases": ["Republic of Congo"]},
]


def _pipeline_with(folder: Path, actors: list[dict]):
    """A pipeline whose actor registry is exactly ``actors`` (written to ``folder``)."""
    from kg.extraction.pipeline import load_pipeline

    path = folder / "actors.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in actors) + "\n", encoding="utf-8")
    return load_pipeline(registry_path=path)


def _extract(nlp, text: str, published: str | None = None):
    """The extraction of one in-memory article."""
    from kg.extraction.extract import extract_articles

    return next(extract_articles([article_from_text("t", text, published=published)], nlp=nlp))


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory):
    return _pipeline_with(tmp_path_factory.mktemp("reg"), ACTORS)


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str, published: str | None = "2024-07-31"):
        return _extract(nlp, text, published)

    return _run


def stances(ex) -> set[tuple[str, str, Polarity]]:
    return {(f.holder, f.target, f.polarity) for f in ex.of_type(StanceFact)}


def posts(ex) -> set[tuple[str, str | None]]:
    """(person, body) of every post an extraction reads."""
    return {(f.person, f.of) for f in ex.of_type(RoleFact)}


def titled_posts(ex) -> set[tuple[str, str, str | None]]:
    """(person, title, body) of every post an extraction reads."""
    return {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)}


def keys(ex, text: str) -> set[str]:
    return {m.entity for m in ex.mentions if m.text == text}


# --- actors -------------------------------------------------------------------------------


def test_metonym_acting_is_the_state_located_is_the_city(run) -> None:
    ex = run("Beijing criticised Washington. The summit was held in Washington.")
    assert keys(ex, "Beijing") == {"china"}
    assert keys(ex, "Washington") == {"united-states", "washington-d-c"}
    assert ("china", "united-states", Polarity.NEGATIVE) in stances(ex)


def test_city_after_locative_preposition(run) -> None:
    ex = run("Jens Stoltenberg arrived in Beijing on Monday.")
    assert keys(ex, "Beijing") == {"beijing"}
    assert {e.qid for e in ex.entities if e.key == "beijing"} == {"Q956"}


def test_collective_actor_with_group_of(run) -> None:
    ex = run("Chinese analysts see NATO as divided and weak.")
    coll = [e for e in ex.entities if e.cls == EntityClass.COLLECTIVE]
    assert [(e.label, e.group_of) for e in coll] == [("Chinese analysts", "china")]
    assert (coll[0].key, "nato", Polarity.NEGATIVE) in stances(ex)


def test_definite_reference_and_surname(run) -> None:
    ex = run(
        "NATO held a summit in July. Later the alliance criticised Russia. "
        "Jens Stoltenberg spoke first. Stoltenberg praised Japan."
    )
    assert keys(ex, "the alliance") == {"nato"}
    assert keys(ex, "Stoltenberg") == {"jens-stoltenberg"}
    assert ("nato", "russia", Polarity.NEGATIVE) in stances(ex)
    assert ("jens-stoltenberg", "japan", Polarity.POSITIVE) in stances(ex)


def test_unknown_person_gets_minted_id(run) -> None:
    ex = run("Jake Sullivan criticised Russia on Tuesday.")
    assert "person-jake-sullivan" in {e.key for e in ex.entities}


# --- stances -----------------------------------------------------------------------------


def test_stance_experiencer_frame(run) -> None:
    ex = run("NATO's growing interest in Asia has alarmed Beijing.")
    assert ("china", "nato", Polarity.NEGATIVE) in stances(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Japan has no intention of perceiving China as an enemy.",
        "Japan does not see China as a threat.",
        "Japan did not criticise China.",
        "The minister said Japan has no intention of perceiving China as an enemy.",
        "Japan's prime minister remarked that Japan has no intention of treating China as a "
        "threat or desiring to confront it.",
        "The spokesman said that China is not a threat to Japan.",
    ],
)
def test_negated_stance_is_not_hostility(run, text: str) -> None:
    """A denial of hostility, also in reported speech, yields no negative stance at all."""
    assert not [s for s in stances(run(text)) if s[2] == Polarity.NEGATIVE]


# --- statements and roles ----------------------------------------------------------------


def test_quotation_attributed_to_speaker_and_body(run) -> None:
    text = (
        "China rejected the charge. Foreign Ministry spokesperson Lin Jian said that NATO was "
        "“a vestige of the Cold War and a product of bloc confrontation.”"
    )
    ex = run(text)
    st = ex.of_type(StatementFact)
    assert len(st) == 1
    assert st[0].quote == "a vestige of the Cold War and a product of bloc confrontation"
    assert text[st[0].evidence.start : st[0].evidence.end] == st[0].quote
    assert st[0].speaker.startswith("person-lin")
    # some state's foreign ministry, the one the text is about: not one "Foreign Ministry"
    # entity for every state
    assert st[0].on_behalf_of == "china"


@pytest.mark.parametrize(
    ("text", "quote", "date"),
    [
        ("China said on Tuesday that NATO was “a threat to peace.”", "a threat to peace",
         "2024-07-30"),  # relative to the publication date, 2024-07-31 (a Wednesday)
        ("“It is a threat to peace,” China said of NATO on May 3, 2024.",
         "It is a threat to peace", "2024-05-03"),
        # The date of the decision, not of the saying:
        ("China said the 2019 decision was “a threat to peace.”", "a threat to peace", None),
        ("China said that NATO was “a threat to peace.”", "a threat to peace", None),
    ],
)
def test_statement_date_is_the_date_its_reporting_verb_carries(
        run, text: str, quote: str, date: str | None) -> None:
    st = run(text).of_type(StatementFact)
    assert [(s.speaker, s.quote, s.date.value if s.date else None) for s in st] == [
        ("china", quote, date)]


def test_scare_quotes_are_not_statements(run) -> None:
    ex = run("Several allies have adopted “anti-China” policies in recent years.")
    assert ex.of_type(StatementFact) == []


@pytest.mark.parametrize(
    ("text", "person", "role", "of"),
    [
        (
            "NATO Secretary General Jens Stoltenberg visited Japan.",
            "jens-stoltenberg",
            "Secretary General",
            "nato",
        ),
        (
            "Jens Stoltenberg, Secretary-General of NATO, visited Japan.",
            "jens-stoltenberg",
            "Secretary General",
            "nato",
        ),
        (
            "Russian President Vladimir Putin visited China.",
            "person-vladimir-putin",
            "President",
            "russia",
        ),
    ],
)
def test_roles(run, text: str, person: str, role: str, of: str) -> None:
    roles = titled_posts(run(text))
    assert (person, role, of) in roles


# --- memberships and partnerships --------------------------------------------------------


def test_membership_join_and_enumeration(run) -> None:
    ex = run(
        "Finland and Sweden joined NATO after the invasion. "
        "The Quad (Australia, India, Japan and the United States) met in Tokyo."
    )
    pairs = {(m.member, m.organization) for m in ex.of_type(MembershipFact)}
    assert {("finland", "nato"), ("sweden", "nato")} <= pairs
    assert {
        ("australia", "quad"),
        ("india", "quad"),
        ("japan", "quad"),
        ("united-states", "quad"),
    } <= pairs


def test_partnership_existing_and_hypothetical(run) -> None:
    ex = run(
        "China and Russia held joint exercises in the Pacific. "
        "Cooperation between NATO and Japan is growing in cyber defence."
    )
    found = {(p.parties, p.status) for p in ex.of_type(PartnershipFact)}
    assert (("china", "russia"), PartnershipStatus.EXISTING) in found
    assert (("japan", "nato"), PartnershipStatus.EXISTING) in found


def test_could_cooperate_is_not_an_existing_partnership(run) -> None:
    ex = run("Experts argue that NATO and Japan could cooperate more closely on cyber defence.")
    assert all(p.status != PartnershipStatus.EXISTING for p in ex.of_type(PartnershipFact))


# --- events ------------------------------------------------------------------------------


def test_event_with_relative_date(run) -> None:
    ex = run("NATO held its annual summit in Washington on July 10.", published="2024-07-31")
    events = [
        (e.type, e.date.value if e.date else None, e.participants, e.place)
        for e in ex.of_type(EventFact)
    ]
    assert (EventType.SUMMIT, "2024-07-10", ("nato",), "washington-d-c") in events


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On March 2, 2019, NATO criticised China.", "2019-03-02"),
        ("NATO criticised China on Tuesday.", "2024-07-30"),  # relative to 2024-07-31 (Wed)
        ("In 2022, NATO condemned China's policy.", "2022"),
        ("NATO condemned China's 2019 decision.", None),  # the decision's date, not the stance's
        ("NATO, which was founded in 1949, criticised China.", None),  # a relative clause
        ("NATO criticised China.", None),
    ],
)
def test_stance_date_is_the_date_its_verb_carries(run, text: str, date: str | None) -> None:
    dated = {(f.holder, f.target, f.date.value if f.date else None)
             for f in run(text).of_type(StanceFact)}
    assert ("nato", "china", date) in dated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China is alarmed by NATO's expansion.", ("china", "nato", Polarity.NEGATIVE)),
        ("Japan is wary of China.", ("japan", "china", Polarity.NEGATIVE)),
        ("Japan is not hostile to China.", ("japan", "china", Polarity.NEUTRAL)),
        ("India remains supportive of Russia.", ("india", "russia", Polarity.POSITIVE)),
        ("Japan has been cultivating ties with India.", ("japan", "india", Polarity.POSITIVE)),
        (
            "Russian and Chinese actions strengthened the NATO activities they oppose.",
            ("russia", "nato", Polarity.NEGATIVE),
        ),
        # Reporting verbs beyond "say": a participle clause inherits the main clause's subject.
        (
            "Japan criticised the sanctions, expressing that China was trying to pressure its "
            "neighbours.",
            ("japan", "china", Polarity.NEGATIVE),
        ),
        ("Japan reaffirmed that China was a threat to its security.",
         ("japan", "china", Polarity.NEGATIVE)),
        # Diplomatic protest and retaliation verbs.
        ("Japan summoned China's ambassador.", ("japan", "china", Polarity.NEGATIVE)),
        ("Russia retaliated against Finland.", ("russia", "finland", Polarity.NEGATIVE)),
        ("Japan protested Russia's decision.", ("japan", "russia", Polarity.NEGATIVE)),
    ],
)
def test_stance_frames(run, text: str, expected: tuple) -> None:
    assert expected in stances(run(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan faces a growing threat from China and Russia.",
         {("japan", "china"), ("japan", "russia")}),
        ("Japan is preparing for the danger posed by Russia.", {("japan", "russia")}),
        ("India is bracing for Chinese coercion.", {("india", "china")}),
        # Discounted, denied, wished on another actor, disputed by the writer, or no holder:
        ("Japan dismissed the threat from China.", set()),
        ("Japan has long underestimated the threat from China.", set()),
        ("Japan does not see a threat from China.", set()),
        # No threat perceived by anyone; asking Japan to drop its talk criticises Japan.
        ("India urged Japan to drop its talk of a threat from China.", {("india", "japan")}),
        ("Japan rejects the so-called threat from China.", set()),
        ("The threat from China is growing.", set()),
    ],
)
def test_perceived_threat_frame(run, text: str, expected: set) -> None:
    """The subject of the clause is concerned about the actor a threat comes from."""
    found = {(f.holder, f.target) for f in run(text).of_type(StanceFact)
             if f.polarity == Polarity.NEGATIVE}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO allies such as Finland and Sweden increased spending.",
        "Finland, a NATO member, objected.",
        "Finland is a NATO ally.",
    ],
)
def test_membership_appositions(run, text: str) -> None:
    pairs = {(m.member, m.organization) for m in run(text).of_type(MembershipFact)}
    assert ("finland", "nato") in pairs


def test_negated_membership(run) -> None:
    assert run("Japan is not a NATO member.").of_type(MembershipFact) == []


def test_spokesperson_apposition_speaks_for_body(run) -> None:
    ex = run('Mao Ning, a spokesperson for the Foreign Ministry, said NATO was "a threat".')
    roles = {(r.role, r.of) for r in ex.of_type(RoleFact)}
    assert ("spokesperson", "organization-foreign-ministry") in roles
    st = ex.of_type(StatementFact)
    assert [(s.quote, s.on_behalf_of) for s in st] == [
        ("a threat", "organization-foreign-ministry")
    ]


def test_with_phrase_pairs_each_subject_with_the_partner(run) -> None:
    ex = run("Finland and Sweden held joint exercises with Japan last year.")
    parties = {p.parties for p in ex.of_type(PartnershipFact)}
    assert ("finland", "japan") in parties and ("japan", "sweden") in parties
    assert ("finland", "sweden") not in parties


def test_multiprocess_gives_the_same_result(nlp) -> None:
    from kg.extraction.extract import extract_articles

    arts = [
        article_from_text(f"a{i}", t, published="2024-07-31")
        for i, t in enumerate(
            ["NATO criticised China.", "Finland joined NATO.", "Beijing praised Moscow."]
        )
    ]
    one = list(extract_articles(arts, nlp=nlp))
    two = list(extract_articles(arts, nlp=nlp, n_process=2, batch_size=1))
    assert one == two
    assert [e.article_id for e in two] == ["a0", "a1", "a2"]


def test_multiprocess_keeps_order_over_many_batches_and_a_lazy_input(nlp) -> None:
    from kg.extraction.extract import extract_articles

    texts = ["NATO criticised China.", "Finland joined NATO.", "Beijing praised Moscow."]
    arts = [article_from_text(f"a{i:02d}", texts[i % 3], published="2024-07-31")
            for i in range(11)]
    one = list(extract_articles(arts, nlp=nlp))
    lazy = list(extract_articles(iter(arts), nlp=nlp, n_process=2, batch_size=2))
    assert lazy == one  # 6 batches, at most 4 in flight, answers in input order


@pytest.fixture(scope="module")
def dying_nlp(tmp_path_factory: pytest.TempPathFactory):
    """A pipeline whose first component kills its process on the word KILLSWITCH."""
    import os

    from spacy.language import Language

    if "test_kill_switch" not in Language.factories:
        @Language.component("test_kill_switch")
        def kill_switch(doc):
            if "KILLSWITCH" in doc.text:
                os._exit(3)
            return doc

    pipeline = _pipeline_with(tmp_path_factory.mktemp("reg-dying"), ACTORS)
    pipeline.add_pipe("test_kill_switch", first=True)
    return pipeline


def test_a_dead_extraction_worker_is_a_clear_error(dying_nlp) -> None:
    from kg.errors import KGError
    from kg.extraction.extract import extract_articles

    arts = [article_from_text("a", "NATO criticised China."),
            article_from_text("b", "KILLSWITCH Finland joined NATO.")]
    with pytest.raises(KGError, match="extraction worker process died"):
        list(extract_articles(arts, nlp=dying_nlp, n_process=2, batch_size=1))


def test_paragraph_breaks_but_not_hard_wraps(nlp) -> None:
    doc = nlp("NATO Summit\nLeaders met in\nWashington and agreed on a\nplan.\n\nThen they left.")
    assert [s.text.strip() for s in doc.sents] == [
        "NATO Summit",
        "Leaders met in\nWashington and agreed on a\nplan.",
        "Then they left.",
    ]


def test_bare_model_is_refused() -> None:
    import spacy

    from kg.errors import UsageError
    from kg.extraction.extract import extract_articles

    with pytest.raises(UsageError):
        list(extract_articles([article_from_text("a", "x")], nlp=spacy.blank("en")))


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Jens Stoltenberg visited Tokyo. He praised Japan.", "jens-stoltenberg"),
        ("Jens Stoltenberg met Vladimir Putin. He praised Japan.", "jens-stoltenberg"),
        ("Jens Stoltenberg and Vladimir Putin met. He praised Japan.", None),
    ],
)
def test_he_resolves_only_when_unambiguous(run, text: str, holder: str | None) -> None:
    holders = {f.holder for f in run(text).of_type(StanceFact)}
    assert holders == ({holder} if holder else set())


# --- precision on unseen kinds of text (added after reading new articles) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "India has refused to condemn Russia's invasion.",
        "Japan declined to criticize China over the incident.",
        "Australia was reluctant to criticize Beijing.",
        "India avoided criticizing Russia.",
    ],
)
def test_a_refused_act_is_no_stance(run, text: str) -> None:
    assert stances(run(text)) == set()


def test_the_actor_a_claimed_hostile_act_targets_is_not_the_claimants_target(run) -> None:
    ex = run("Japan argued that the pact was aimed squarely at containing China.")
    assert stances(ex) == set()
    ex = run("Japan argued that the pact was designed to put pressure on China.")
    assert stances(ex) == set()
    ex = run("Japan said the sanctions were illegal and would harm Europe more than China.")
    assert stances(ex) == set()
    ex = run("Japan said the probe would damage China-India economic relations.")
    assert stances(ex) == set()
    # Hostility the claim itself expresses about an actor is still the claimant's stance.
    assert ("japan", "nato", Polarity.NEGATIVE) in stances(
        run("Japan said obstacles remain for NATO's project."))
    assert ("japan", "russia", Polarity.NEGATIVE) in stances(
        run("Japan argued that Russia was a dangerous threat."))


def test_it_with_a_nearer_thing_in_its_sentence_names_nobody(run) -> None:
    ex = run("The EU adopted sanctions after Russia dropped its objections. Japan welcomed the "
             "decision, saying it would deny China access to key technologies.")
    assert not any(f.holder == "russia" for f in ex.of_type(StanceFact))
    ex = run("China has expanded its navy. It now threatens Japan.")
    assert ("china", "japan", Polarity.NEGATIVE) in stances(ex)


def test_the_bloc_after_an_organ_is_the_body_it_belongs_to(run) -> None:
    ex = run("European Commission President Ursula von der Leyen announced the measures. "
             "Japan praised the bloc.")
    assert keys(ex, "the bloc") == {"european-union"}
    assert ("japan", "european-union", Polarity.POSITIVE) in stances(ex)


def test_the_bloc_is_the_most_recent_fitting_actor(run) -> None:
    ex = run("NATO met in June. ECOWAS said it had not been notified. Nigeria chairs the bloc.")
    assert keys(ex, "the bloc") == {"ecowas"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The three countries formed the Alliance of Sahel States last year.",
         "Alliance of Sahel States"),
        ("Officials from the Bank of China met Japan's envoy.", "Bank of China"),
    ],
)
def test_a_registry_name_inside_a_longer_name_is_left_to_the_ner(run, text: str,
                                                                   name: str) -> None:
    ex = run(text)
    assert name in {m.text for m in ex.mentions}
    assert not any(m.text.endswith(" of") for m in ex.mentions)


def test_a_registry_name_after_a_title_or_a_sentence_start_stays(run) -> None:
    ex = run("The President of China met the Prime Minister of India. Leaders of NATO met.")
    assert keys(ex, "China") == {"china"} and keys(ex, "India") == {"india"}
    assert keys(ex, "NATO") == {"nato"}


def test_a_name_after_a_post_title_is_a_person(run) -> None:
    ex = run("ECOWAS Commission chairman Omar Alieu Touray called for dialogue.")
    people = {m.entity for m in ex.mentions if m.text == "Omar Alieu Touray"}
    assert people == {"person-omar-alieu-touray"}
    roles = posts(ex)
    # (the Commission is its own organ, as the European Commission is the EU's)
    assert ("person-omar-alieu-touray",
            "organization-economic-community-of-west-african-states-commission") in roles


def test_the_state_before_a_body_holds_the_post(run) -> None:
    ex = run("China's foreign ministry spokesperson Lin Jian said the deal was dangerous.")
    assert {(f.role, f.of) for f in ex.of_type(RoleFact)} == {("spokesperson", "china")}


@pytest.mark.parametrize(
    "text",
    [
        "Finland and Sweden are members of NATO.",
        "Finland and Sweden, both members of NATO, voiced concern.",
    ],
)
def test_plural_members_of(run, text: str) -> None:
    found = {(f.member, f.organization) for f in run(text).of_type(MembershipFact)}
    assert found == {("finland", "nato"), ("sweden", "nato")}


def test_a_quotation_whose_closing_mark_ends_the_paragraph(run) -> None:
    text = ("Moscow warned it would take \"counter-measures\" to protect its security. Kremlin "
            "spokesman Dmitry Peskov said the expansion of NATO was \"an encroachment on our "
            "security and on Russia's national interests.\"\n\nTurkish President Recep "
            "Tayyip Erdogan has accused Sweden of harbouring Kurdish militants that Ankara "
            "considers terrorists, and has refused to approve Stockholm's membership until it "
            "takes tougher action.")
    quotes = {f.quote for f in run(text).of_type(StatementFact)}
    assert "an encroachment on our security and on Russia's national interests" in quotes
    # "encroachment" is hostile: the spokesman's claim about NATO is a negative stance.
    assert any(f.target == "nato" and f.polarity == Polarity.NEGATIVE
               for f in run(text).of_type(StanceFact))


def test_an_organisation_name_ending_a_longer_name_is_not_that_organisation(run) -> None:
    ex = run("Japan's Supreme National Security Council met on Monday.")
    assert "un-security-council" not in {m.entity for m in ex.mentions}
    assert keys(run("The Security Council met on Monday."), "Security Council") == {
        "un-security-council"}


def test_a_country_named_as_a_place_is_not_the_target_of_praise(run) -> None:
    ex = run("The United States welcomed any effort to end the fighting in Russia.")
    assert not any(f.target == "russia" for f in ex.of_type(StanceFact))


def test_a_relative_clause_after_a_list_is_about_the_whole_list(run) -> None:
    ex = run("Finland and Sweden, which joined NATO last year, held talks.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("finland", "nato"), ("sweden", "nato")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Finland joined NATO in April.", MembershipStatus.MEMBER),
        ("Sweden applied to join NATO.", MembershipStatus.CANDIDATE),
        ("Sweden is expected to join NATO in July.", MembershipStatus.CANDIDATE),
        ("Sweden will join NATO next year.", MembershipStatus.CANDIDATE),
    ],
)
def test_a_hoped_for_or_future_join_is_a_candidacy(run, text: str, status) -> None:
    assert {f.status for f in run(text).of_type(MembershipFact)} == {status}


def test_a_surname_after_the_full_name_is_that_person(run) -> None:
    ex = run("Prime Minister Narendra Modi travelled to Russia for the summit. Modi told "
             "reporters that \"peace on the border should remain our priority.\"")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-narendra-modi"}


def test_a_body_named_after_a_state_is_that_states(run) -> None:
    ex = run("The Chinese Ministry of Commerce said the probe was protectionist. India's "
             "Ministry of Commerce welcomed the probe.")
    bodies = {m.entity for m in ex.mentions if m.text.endswith("Ministry of Commerce")}
    assert bodies == {"organization-china-ministry-of-commerce",
                      "organization-india-ministry-of-commerce"}


def test_the_name_after_state_of_is_a_place(run) -> None:
    ex = run("China still claims the entire northeastern Indian state of Arunachal Pradesh.")
    assert keys(ex, "Arunachal Pradesh") == {"place-arunachal-pradesh"}


def test_a_name_after_a_or_an_is_a_likeness_not_an_actor(run) -> None:
    ex = run("Chinese officials have described the Quad as an \"Asian NATO\" aimed at "
             "containing China.")
    assert not any("asian-nato" in m.entity for m in ex.mentions)
    assert not any(f.target == "china" for f in ex.of_type(StanceFact))


@pytest.mark.parametrize(
    "text",
    [
        "India, China's closest ally in the region, welcomed the move.",
        "India is China's closest ally.",
        "China's partner India hosted the talks.",
    ],
)
def test_a_states_own_ally_is_its_partner(run, text: str) -> None:
    assert {f.parties for f in run(text).of_type(PartnershipFact)} == {("china", "india")}


def test_joining_an_alliance_is_no_partnership_among_the_joiners(run) -> None:
    ex = run("NATO met in June. Finland and Sweden, which joined the alliance last year, "
             "held talks.")
    assert not ex.of_type(PartnershipFact)
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("finland", "nato"), ("sweden", "nato")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moscow State University hosted the conference.", "Moscow State University"),
        ("The China Daily said NATO was a threat.", "China Daily"),
    ],
)
def test_a_place_name_an_institution_name_continues_is_that_institution(run, text: str,
                                                                      name: str) -> None:
    ex = run(text)
    assert name in {m.text for m in ex.mentions}
    assert not keys(ex, "China") and not keys(ex, "Moscow")


def test_a_first_name_the_ner_left_out_joins_the_person(run) -> None:
    ex = run("U.S. Ambassador to Japan Rahm Emanuel said the budget showed that Tokyo was a "
             "reliable partner.")
    assert "person-rahm-emanuel" in {m.entity for m in ex.mentions}


def test_the_alliance_is_never_any_organisation(run) -> None:
    ex = run("The Pentagon praised Japan for taking on a greater share of the alliance's "
             "burden.")
    assert not keys(ex, "alliance")


def test_a_body_a_fact_names_without_a_mention_gets_its_entity(tmp_path) -> None:
    registry = [{"id": "mao-ning", "label": "Mao Ning", "class": "Person", "country": "china",
                 "positions": [{"title": "Spokesperson of the Ministry of Foreign Affairs",
                                "of": "china-mfa"}]},
                {"id": "china-mfa", "label": "Ministry of Foreign Affairs of China",
                 "class": "Organization", "country": "china"},
                {"id": "japan", "label": "Japan", "class": "State"}]
    nlp = _pipeline_with(tmp_path, registry)
    text = "Spokesperson Mao Ning said Japan should reflect on its history."
    ex = _extract(nlp, text)
    assert posts(ex) == {("mao-ning", "china-mfa")}
    labels = {e.key: e.label for e in ex.entities}
    assert labels["china-mfa"] == "Ministry of Foreign Affairs of China"


def test_a_state_title_without_a_state_is_the_paragraphs_subject(run) -> None:
    ex = run("Japan called the move a threat. Prime Minister Taro Sato said Japan would respond.")
    assert posts(ex) == {("person-taro-sato", "japan")}
    ex = run("Japan called the move a threat.\n\nIndia said nothing.\n\nPrime Minister Taro "
             "Sato said Japan had responded.")  # another paragraph (not the lede's next): not
    # said (and "had responded" reports Japan's doings, voicing no state: "would respond"
    # states Japan's intent, its own official's)
    assert posts(ex) == {("person-taro-sato", None)}


def test_two_person_names_side_by_side_are_one_person(run) -> None:
    ex = run("Somali President Hassan Sheikh Mohamud welcomed the troops.")
    assert {m.entity for m in ex.mentions if "Mohamud" in m.text} == {
        "person-hassan-sheikh-mohamud"}


def test_a_demonym_inside_a_name_and_a_facility_name(run) -> None:
    ex = run("China accused Ethiopia of filling the reservoir of the Grand Ethiopian Renaissance "
             "Dam too fast.")
    assert "place-grand-ethiopian-renaissance-dam" in {m.entity for m in ex.mentions}
    assert keys(ex, "Ethiopian") == set()
    assert ("china", "ethiopia", Polarity.NEGATIVE) in stances(ex)


def test_a_characterisations_victims_and_negated_anti_and_rejected_alternatives(run) -> None:
    ex = run("NATO leaders described China as a \"decisive enabler\" of Russia's war against "
             "Japan.")
    assert ("nato", "russia", Polarity.NEGATIVE) in stances(ex)
    assert not any(f.target == "japan" for f in ex.of_type(StanceFact))
    assert stances(run("India insisted that NATO should not become an anti-China bloc.")) == set()
    # The rejected alternative is no verdict; what China is called instead is (0.4.11: a
    # partner, by the predicate frame).
    assert stances(run("Japan regarded China as an economic partner rather than a security "
                       "challenge.")) == {("japan", "china", Polarity.POSITIVE)}
    assert ("japan", "china", Polarity.NEGATIVE) in stances(
        run("Japan regards China as a threat rather than a partner."))


def test_its_is_the_subject_or_owner_in_its_own_sentence(run) -> None:
    ex = run("NATO leaders met. The declaration said China's partnership with Russia and its "
             "support for Russia's industry had enabled the war.")
    holders = {f.holder for f in ex.of_type(StanceFact) if f.target == "russia"}
    assert "nato" not in holders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO called on China to stop its support for Russia.",
         {("nato", "china", Polarity.NEGATIVE)}),
        ("Japan urged China to cease its drills.", {("japan", "china", Polarity.NEGATIVE)}),
        ("Japan called on China to respect the law.", {("japan", "china", Polarity.NEUTRAL)}),
        ("Japan urged China to respect the law.", {("japan", "china", Polarity.NEUTRAL)}),
        ("Japan ended its support for Russia.", set()),
    ],
)
def test_requests_to_stop_are_criticism_and_ended_support_is_none(run, text: str,
                                                                  expected: set) -> None:
    assert stances(run(text)) == expected


def test_the_allies_after_an_alliance_is_the_alliance(run) -> None:
    ex = run("NATO met in Washington. The allies called on China to stop its drills.")
    assert keys(ex, "The allies") == {"nato"}
    assert ("nato", "china", Polarity.NEGATIVE) in stances(ex)


def test_what_a_relative_clause_or_any_decision_says_is_nobodys_stance(run) -> None:
    ex = run("Indian Foreign Minister Raj Kumar said that India would veto any NATO decision that "
             "treats China as an enemy.")
    assert not any(f.polarity == Polarity.NEGATIVE for f in ex.of_type(StanceFact))


def test_policies_and_documents_are_not_actors(run) -> None:
    ex = run("Italy withdrew from China's Belt and Road Initiative in 2023.")
    assert not any("belt-and-road" in m.entity for m in ex.mentions)


def test_the_two_countries_and_both_sides_are_the_last_pair_named(run) -> None:
    ex = run("Japan and India met on Friday. Both sides criticized Russia.")
    assert {f.holder for f in ex.of_type(StanceFact)} == {"japan", "india"}
    ex = run("Finland, Sweden and Japan met. The three countries criticized Russia.")
    assert {f.holder for f in ex.of_type(StanceFact)} == {"finland", "sweden", "japan"}
    ex = run("Finland and Sweden met. The three countries criticized Russia.")  # no such list
    assert not ex.of_type(StanceFact)


def test_numbered_members_of_a_named_group_are_the_group(run) -> None:
    ex = run("The Quad (Australia, Japan, India and the United States) met in June. The four "
             "partners criticized China.")
    assert {f.holder for f in ex.of_type(StanceFact) if f.target == "china"} == {"quad"}


def test_founders_are_members(run) -> None:
    ex = run("Finland, Sweden and Japan met. The three countries formed ECOWAS last year.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("finland", "ecowas"), ("sweden", "ecowas"), ("japan", "ecowas")}


def test_an_evaluative_word_inside_a_name_says_nothing(run) -> None:
    ex = run("Japan said China and India had agreed on patrols along the Line of Actual Control.")
    assert not any(f.polarity == Polarity.NEGATIVE for f in ex.of_type(StanceFact))


def test_a_joint_statement_is_each_signatorys(run) -> None:
    ex = run('China and Russia said in a joint statement that "the bloc is a relic."')
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"china", "russia"}


@pytest.mark.parametrize(
    "text",
    [
        "ECOWAS, the regional bloc made up of Finland, Sweden and Japan, met on Monday.",
        "ECOWAS, which comprises Finland, Sweden and Japan, met on Monday.",
        "ECOWAS consists of Finland, Sweden and Japan.",
    ],
)
def test_a_body_described_by_its_parts_has_them_as_members(run, text: str) -> None:
    ex = run(text)
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("finland", "ecowas"), ("sweden", "ecowas"), ("japan", "ecowas")}


def test_an_owned_noun_that_includes_actors_is_no_body(run) -> None:
    assert not run("The NATO agenda includes China and Russia.").of_type(MembershipFact)


def test_companions_of_a_join_join_too(run) -> None:
    ex = run("Japan joined ECOWAS in January together with India and Ethiopia.")
    assert {f.member for f in ex.of_type(MembershipFact)} == {"japan", "india", "ethiopia"}


def test_a_wished_membership_is_a_candidacy(run) -> None:
    ex = run("Japan said it would like India to become a member of NATO.")
    assert [(f.member, f.status) for f in ex.of_type(MembershipFact)] == [
        ("india", MembershipStatus.CANDIDATE)]


def test_a_title_with_a_named_holder_is_that_person(run) -> None:
    ex = run("NATO's secretary general, Jens Stoltenberg, condemned Russia.")
    assert ("jens-stoltenberg", "russia", Polarity.NEGATIVE) in stances(ex)
    assert "nato" not in {f.holder for f in ex.of_type(StanceFact)}


def test_what_an_accused_is_accused_of_is_the_accusers_claim(run) -> None:
    ex = run("China accused Washington of supporting Japan.")
    assert stances(ex) == {("china", "united-states", Polarity.NEGATIVE)}


def test_what_a_praised_things_clause_does_is_not_praised(run) -> None:
    ex = run("India praised the agreement to use frozen Russian assets for Ethiopia.")
    assert not ex.of_type(StanceFact)
    ex = run("India praised the state of Japan's relations with Australia.")  # a plain phrase
    assert ("india", "japan", Polarity.POSITIVE) in stances(ex)


def test_designations_are_no_actors(run) -> None:
    ex = run("Japan bought the F-35 and the S-400 from the United States.")
    assert not {m.text for m in ex.mentions} & {"F-35", "S-400"}


def test_a_surname_matches_its_full_name_across_diacritics(run) -> None:
    ex = run("President Recep Tayyip Erdogan met Japan's leaders. Erdogan later criticized Russia.")
    assert keys(ex, "Erdogan") == {"recep-tayyip-erdogan"}
    assert ("recep-tayyip-erdogan", "russia", Polarity.NEGATIVE) in stances(ex)


def test_a_conflict_with_a_party_is_opposition_to_it(run) -> None:
    assert stances(run("Japan has repeatedly sparred with China over the islands.")) == {
        ("japan", "china", Polarity.NEGATIVE)}
    assert stances(run("China and India clashed over the border.")) == {
        ("china", "india", Polarity.NEGATIVE), ("india", "china", Polarity.NEGATIVE)}
    assert not run("Japan did not quarrel with China.").of_type(StanceFact)


def test_the_summit_after_a_summit_is_that_summit(run) -> None:
    ex = run("Japan hosted a summit on Monday. India, which attended the summit as a guest, "
             "praised Japan.")
    summits = [f for f in ex.of_type(EventFact) if f.type == EventType.SUMMIT]
    assert [f.participants for f in summits] == [("india", "japan")]


def test_rejecting_a_call_from_an_actor_opposes_it(run) -> None:
    ex = run("Japan has rejected calls from India for an immediate ceasefire.")
    assert stances(ex) == {("japan", "india", Polarity.NEGATIVE)}
    assert not run("Japan rejected the calls for a ceasefire.").of_type(StanceFact)


def test_supreme_leader_is_a_post_of_the_state(run) -> None:
    ex = run("India's supreme leader Rahul Mehta criticized China.")
    assert [(f.person, f.role, f.of) for f in ex.of_type(RoleFact)] == [
        ("person-rahul-mehta", "Supreme Leader", "india")]


# --- extractor 0.4.2 -----------------------------------------------------------------------


def test_a_datelines_dash_is_not_part_of_the_name(run) -> None:
    ex = run("NEW DELHI - India and China have reached an agreement on patrolling.")
    assert "NEW DELHI" in {m.text for m in ex.mentions}
    assert not any(m.text.endswith("-") for m in ex.mentions)
    ex = run("Talks resume\n\nBEIJING, May 3 - Japan criticized China.")
    assert keys(ex, "BEIJING") == {"beijing"}  # where the story was filed, not the state


def test_names_in_place_contexts_are_places(run) -> None:
    ex = run("The two sides agreed on patrolling in the Depsang and Demchok areas of eastern "
             "Ladakh.")  # the NER tags all three as persons
    assert {k for name in ("Depsang", "Demchok", "Ladakh") for k in keys(ex, name)} == {
        "place-depsang", "place-demchok", "place-ladakh"}


def test_a_name_in_apposition_to_a_title_is_its_holder(run) -> None:
    ex = run("Japan's premier, Mute Egede, criticized China.")
    assert keys(ex, "Mute Egede") == {"person-mute-egede"}
    assert [(f.person, f.role, f.of) for f in ex.of_type(RoleFact)] == [
        ("person-mute-egede", "Premier", "japan")]


def test_a_title_before_a_name_takes_the_of_phrase_after_it(run) -> None:
    ex = run("ECOWAS suspended Ethiopia. ECOWAS met. ECOWAS talked. General Abdou Tiani of "
             "Ethiopia accused ECOWAS of serving foreign interests.")
    assert ("person-abdou-tiani", "General", "ethiopia") in {
        (f.person, f.role, f.of) for f in ex.of_type(RoleFact)}
    ex = run("ECOWAS suspended Ethiopia. ECOWAS met. ECOWAS talked. General Abdou Tiani "
             "accused ECOWAS of serving foreign interests.")  # a rank is no post of the bloc
    assert [f.of for f in ex.of_type(RoleFact)] == []  # (nor, with no body, any post)


@pytest.mark.parametrize(("text", "title"), [
    ("External Affairs Minister Subrahmanyam Jaishankar criticized China.",
     "External Affairs Minister"),
    ("Indian Defence Secretary Rajesh Kumar criticized China.", "Defence Secretary"),
    ("Japan's Chief Cabinet Secretary Yoshimasa Hayashi criticized China.",
     "Chief Cabinet Secretary"),
])
def test_more_state_posts(run, text: str, title: str) -> None:
    assert [f.role for f in run(text).of_type(RoleFact)] == [title]


def test_its_in_a_reported_clause_is_the_speaker(run) -> None:
    ex = run("Japan condemned China's actions and reaffirmed that its treaty with Australia "
             "covers armed attacks on Australian ships.")
    assert ("australia", "japan") in {f.parties for f in ex.of_type(PartnershipFact)}
    assert stances(ex) == {("japan", "china", Polarity.NEGATIVE)}  # a treaty attacks nobody


def test_a_date_modifying_another_noun_does_not_date_the_event(run) -> None:
    ex = run("Japan condemned China's actions and reaffirmed that its 1951 treaty with "
             "Australia covers armed attacks on Indian ships.")
    attacks = [f for f in ex.of_type(EventFact) if f.type == EventType.ATTACK]
    assert attacks and all(f.date is None for f in attacks)


def test_hostile_words_another_actor_owns_say_nothing_of_the_subject(run) -> None:
    ex = run("India said Japan's alliances are a response to Chinese pressure.")
    assert ("india", "japan", Polarity.NEGATIVE) not in stances(ex)


def test_a_warning_about_what_an_actor_does(run) -> None:
    ex = run("Russia warned that NATO's expansion in the region would raise the risk of war.")
    assert stances(ex) == {("russia", "nato", Polarity.NEGATIVE)}
    ex = run("Japan warned that China could seize the islands.")
    assert stances(ex) == {("japan", "china", Polarity.NEGATIVE)}
    assert not run("Japan warned that Australia would be next.").of_type(StanceFact)


def test_calls_from_a_capital_are_the_states(run) -> None:
    ex = run("Japan rejected calls from Washington to buy the islands.")
    assert keys(ex, "Washington") == {"united-states"}
    assert stances(ex) == {("japan", "united-states", Polarity.NEGATIVE)}


def test_belonging_and_leading_members(run) -> None:
    ex = run("India also belongs to the Quad, the grouping led by Japan and Australia.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("india", "quad"), ("japan", "quad"), ("australia", "quad")}
    assert not run("India does not belong to NATO.").of_type(MembershipFact)


def test_listed_leaders_meet(run) -> None:
    ex = run("In July their leaders, Colonel Ravi Menon of India and President Ken Sato of "
             "Japan, met in Tokyo.")
    meetings = [f for f in ex.of_type(EventFact) if f.type == EventType.MEETING]
    assert meetings and set(meetings[0].participants) >= {"person-ravi-menon",
                                                          "person-ken-sato"}


def test_the_place_of_a_summit_of_a_body(run) -> None:
    ex = run("Japan spoke at a summit of ECOWAS in Abuja on Monday.")
    summits = [f for f in ex.of_type(EventFact) if f.type == EventType.SUMMIT]
    assert [f.place for f in summits] == ["place-abuja"]


def test_a_registry_name_the_ner_took_for_a_date_is_restored(nlp) -> None:
    from spacy.tokens import Span

    from kg.extraction.embedded_names import DROPPED, restore

    doc = nlp.make_doc("General Tiani of Ethiopia met them.")
    doc.set_ents([Span(doc, 3, 4, label="DATE")])
    doc.user_data[DROPPED] = [[3, 4, "GPE", "ethiopia"]]
    restore(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Ethiopia", "GPE", "ethiopia")]
    doc = nlp.make_doc("General Tiani of Ethiopia met them.")
    doc.set_ents([Span(doc, 2, 4, label="ORG")])  # a name the NER made stays
    doc.user_data[DROPPED] = [[3, 4, "GPE", "ethiopia"]]
    restore(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("of Ethiopia", "ORG")]


def test_a_second_noun_phrase_characterises_the_first(run) -> None:
    assert stances(run("Japan has designated the Houthis a terrorist organisation.")) == {
        ("japan", "organization-houthis", Polarity.NEGATIVE)}
    assert stances(run("China called NATO a relic of the Cold War.")) == {
        ("china", "nato", Polarity.NEGATIVE)}
    assert not run("China did not call NATO a threat.").of_type(StanceFact)


def test_the_plural_of_a_movement_is_the_movement(run) -> None:
    ex = run("The Houthi movement attacked ships. Japan has criticized the Houthis.")
    assert keys(ex, "Houthis") == keys(ex, "Houthi") == {"organization-houthi"}


def test_an_organisations_last_word_refers_back_to_it(run) -> None:
    ex = run("The Arctic Council met in June. Japan urged the Council to resume its work.")
    assert keys(ex, "Council") == keys(ex, "Arctic Council")


def test_an_ambassador_to_a_body_in_apposition(run) -> None:
    ex = run("China's ambassador to the EU, Cai Run, accused the European Union of "
             "politicising trade.")
    assert [(f.person, f.role, f.of) for f in ex.of_type(RoleFact)] == [
        ("person-cai-run", "Ambassador", "china")]
    assert stances(ex) == {("person-cai-run", "european-union", Polarity.NEGATIVE)}


def test_a_threat_to_the_subject_is_no_hostility_of_it(run) -> None:
    assert not run("Japan's adviser Ken Sato said India would respond firmly to any threat "
                   "to its security.").of_type(StanceFact)
    assert stances(run("Japan said China posed a threat to its security.")) == {
        ("japan", "china", Polarity.NEGATIVE)}


def test_names_of_exercises_are_no_actors(run) -> None:
    for text in ("Japan and India held their first Freedom Edge exercise in June.",
                 "Japan hosts allied exercises such as Nordic Response every spring."):
        assert not any(m.entity.startswith("person-") for m in run(text).mentions)


def test_whoever_acts_at_a_summit_attends_it(run) -> None:
    ex = run("At a summit at Camp David in August 2023, Japan and India agreed to hold "
             "annual exercises.")
    summits = [f for f in ex.of_type(EventFact) if f.type == EventType.SUMMIT]
    assert [(f.participants, f.date.value) for f in summits] == [(("india", "japan"), "2023-08")]


def test_an_ambiguous_capital_acting_is_the_one_of_its_actors_named(run) -> None:
    ex = run("The EU summit was held in Brussels. Brussels criticized China.")
    assert [m.entity for m in ex.mentions if m.text == "Brussels"] == [
        "brussels", "european-union"]  # the place where it is one
    assert stances(ex) == {("european-union", "china", Polarity.NEGATIVE)}
    for text in ("Brussels criticized China.",  # neither named: the city
                 "Belgium and the EU met. Brussels criticized China."):  # both: undecided
        assert keys(run(text), "Brussels") == {"brussels"}


def test_a_hyphenated_name_after_a_title_is_a_person(run) -> None:
    ex = run("Kazakh President Kassym-Jomart Tokayev, the host, praised the organisation as "
             "a pillar of regional stability.")
    assert keys(ex, "Kassym-Jomart Tokayev") == {"person-kassym-jomart-tokayev"}
    assert [(f.person, f.of) for f in ex.of_type(RoleFact)] == [
        ("person-kassym-jomart-tokayev", "kazakhstan")]


def test_a_short_name_before_the_full_one_is_that_person(run) -> None:
    ex = run("China staged drills after Chen's speech on Monday, three days after Chen "
             "Ching-te took office. Beijing accused Chen of separatism.")
    assert {m.entity for m in ex.mentions if m.text.startswith("Chen")} == {
        "person-chen-ching-te"}


def test_a_body_named_after_a_place_is_the_bodys(run) -> None:
    ex = run("Chinese Taiwan Affairs Office spokesperson Chen Binhua accused Japan of meddling.")
    roles = [(f.person, f.of) for f in ex.of_type(RoleFact)]
    assert roles == [("person-chen-binhua", "organization-china-taiwan-affairs-office")]


def test_a_venue_name_is_a_place(run) -> None:
    ex = run("Japan attended a summit at the Burgenstock resort in June.")
    assert keys(ex, "Burgenstock") == {"place-burgenstock"}


def test_measured_events_and_gatherings(run) -> None:
    ex = run("China launched two days of large-scale exercises on Thursday.")
    assert [f.participants for f in ex.of_type(EventFact)] == [("china",)]
    ex = run("Leaders of the Quad gathered in Tokyo in July for a summit. India hosted the "
             "meeting.")
    assert [(f.type, f.participants, f.place) for f in ex.of_type(EventFact)] == [
        (EventType.SUMMIT, ("india", "quad"), "place-tokyo")]


def test_talks_on_an_actor_are_about_it(run) -> None:
    ex = run("India hosted talks on Japan in Delhi last year.")
    assert [f.participants for f in ex.of_type(EventFact)] == [("india",)]


def test_the_leaders_of_an_organisation_speak_for_it(run) -> None:
    assert stances(run("The leaders of NATO criticized China.")) == {
        ("nato", "china", Polarity.NEGATIVE)}


def test_a_signer_of_agreements_with_several_partners(run) -> None:
    ex = run("Moscow has signed military cooperation agreements with India, Japan and Australia.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {  # each with Russia only
        ("india", "russia"), ("japan", "russia"), ("australia", "russia")}


def test_normalised_and_restored_ties_but_not_the_broker(run) -> None:
    ex = run("India restored diplomatic ties with Japan in a China-brokered deal in March.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}
    ex = run("Australia and India normalised ties with Japan in 2020.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("australia", "japan"), ("india", "japan")}


def test_ties_one_is_warned_against_are_no_fact(run) -> None:
    assert not run("Japan warned India against deepening ties with Russia.").of_type(
        PartnershipFact)


def test_founders_and_joiners_in_the_passive_and_admitted_states(run) -> None:
    ex = run("The Quad, founded by Japan and India in 2007 and joined by Australia a year "
             "later, admitted Finland and Sweden in January.")
    assert {f.member for f in ex.of_type(MembershipFact) if f.organization == "quad"} == {
        "japan", "india", "australia", "finland", "sweden"}


def test_a_denied_claim_and_the_name_of_the_target_say_nothing(run) -> None:
    ex = run("The Quad met in Tokyo. India said the bloc was \"not against anyone\" and "
             "rejected claims that it was an anti-Western alliance.")
    assert not ex.of_type(StanceFact)


def test_insults_and_what_one_calls_an_actors_crimes(run) -> None:
    assert stances(run("Japan's leader Ken Sato had called China a \"murderer\".")) == {
        ("person-ken-sato", "china", Polarity.NEGATIVE)}
    assert stances(run("India condemned what it called Russia's crimes in Ukraine.")) == {
        ("india", "russia", Polarity.NEGATIVE)}


def test_crown_prince_is_a_post_and_no_person(run) -> None:
    ex = run("Crown Prince Mohammed bin Salman criticized Japan.")
    assert not any(m.text == "Crown Prince" for m in ex.mentions)
    assert [(f.role, f.of) for f in ex.of_type(RoleFact)] == [("Crown Prince", None)]


def test_a_forum_one_opens_is_a_meeting(run) -> None:
    ex = run("Chinese President Xi Jinping opened the Forum on Asian Security on Wednesday.")
    assert [(f.type, f.participants) for f in ex.of_type(EventFact)] == [
        (EventType.MEETING, ("person-xi-jinping",))]


def test_its_after_an_unnamed_subject_names_nobody(run) -> None:
    ex = run("Japan signed a pact. Indian Prime Minister Ravi Menon said his government would "
             "maintain its relationship with China.")
    assert ("china", "japan") not in {f.parties for f in ex.of_type(PartnershipFact)}


def test_the_west_is_the_bloc(run) -> None:
    ex = run("China criticized the West. The Western Balkans are calm. Japan looked West.")
    assert keys(ex, "West") == {"collective-west", "place-west"}
    assert stances(ex) == {("china", "collective-west", Polarity.NEGATIVE)}


def test_an_envoy_in_a_city_in_apposition(run) -> None:
    ex = run("Russia's envoy in Vienna, Mikhail Ulyanov, criticized the resolution.")
    assert [(f.person, f.role, f.of) for f in ex.of_type(RoleFact)] == [
        ("person-mikhail-ulyanov", "Envoy", "russia")]


def test_what_the_subject_acts_against_is_no_verdict_on_it(run) -> None:
    assert not run("Japan said NATO would act to prevent any escalation.").of_type(StanceFact)
    assert stances(run("Japan said China must stop its provocations.")) == {
        ("japan", "china", Polarity.NEGATIVE)}


def test_a_candidate_in_apposition(run) -> None:
    ex = run("India, an EU candidate since 2012, criticized Russia.")
    assert [(f.member, f.organization, f.status) for f in ex.of_type(MembershipFact)] == [
        ("india", "european-union", MembershipStatus.CANDIDATE)]


def test_efforts_toward_ties_are_proposals(run) -> None:
    ex = run("The EU's efforts to deepen cooperation between India and Japan have stalled.")
    assert [f.status for f in ex.of_type(PartnershipFact)] == [PartnershipStatus.PROPOSED]


def test_a_word_of_a_name_is_no_event(run) -> None:
    ex = run("The Pacific Islands Forum, which includes Australia and Japan, met in Tokyo.")
    assert [f.label for f in ex.of_type(EventFact)] == ["met"]


def test_what_is_resisted_is_the_thing_not_the_topic(run) -> None:
    assert not run("India and Japan have resisted tougher language on China.").of_type(
        StanceFact)


def test_a_place_holds_no_post_and_a_council_on_x_is_one_name(run) -> None:
    ex = run("\"China plays states against each other,\" said Jana Kovac, director of the Asia "
             "programme at the European Council on Foreign Relations.")
    # not Asia's: the body is the one the programme is at
    assert [f.of for f in ex.of_type(RoleFact)] == [
        "organization-european-council-on-foreign-relations"]
    assert "European Council on Foreign Relations" in {m.text for m in ex.mentions}


def test_criticism_from_an_actor_is_its(run) -> None:
    assert stances(run("The dispute drew criticism of China from the European Union.")) == {
        ("european-union", "china", Polarity.NEGATIVE)}


def test_pressing_an_actor_is_an_appeal_and_keeping_relations_cooperation(run) -> None:
    assert stances(run("Japan pressed India to use its influence with Russia.")) == {
        ("japan", "india", Polarity.NEUTRAL)}
    assert stances(run("Japan has sought to keep good relations with China.")) == {
        ("japan", "china", Polarity.POSITIVE)}


def test_his_after_an_unnamed_post_holder_is_the_holders_state(run) -> None:
    ex = run("Russian ambassador Ivan Petrov dismissed the resolution. India's ambassador said "
             "his country supported Japan's territorial integrity.")
    assert stances(ex) == {("india", "japan", Polarity.POSITIVE)}


def test_a_claimed_act_one_step_down_is_no_stance(run) -> None:
    ex = run("Russia accused Western countries of prolonging the war by arming Japan.")
    assert ("collective-western-countries", "japan", Polarity.POSITIVE) not in stances(ex)
    assert ("russia", "collective-western-countries", Polarity.NEGATIVE) in stances(ex)


def test_flying_to_a_city_for_a_visit_places_it(run) -> None:
    ex = run("Japanese Prime Minister Ken Sato flew to Beijing for the first official visit in "
             "12 years.")
    assert [f.place for f in ex.of_type(EventFact) if f.type == EventType.VISIT] == ["beijing"]


def test_of_which_a_state_is_a_member(run) -> None:
    ex = run("The Quad, of which India is a member, backed Japan.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {("india", "quad")}


def test_leaders_known_to_the_registry_forge_their_states_partnerships(run) -> None:
    ex = run("Arjun Rao and Hiro Tanaka declared a strategic partnership in February.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_dozens_of_an_actor_are_that_actor(run) -> None:
    assert stances(run("Japan has sanctioned dozens of Chinese firms.")) == {
        ("japan", "collective-chinese-firms", Polarity.NEGATIVE)}


def test_a_word_that_begins_a_title_is_no_organisation(run) -> None:
    ex = run("US Defense Secretary Lloyd Austin met Japan's leaders.")
    assert "Defense" not in {m.text for m in ex.mentions}


def test_the_founders_of_a_named_pact(run) -> None:
    ex = run("India, Japan and Australia announced the Quad security pact in 2021.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("india", "quad"), ("japan", "quad"), ("australia", "quad")}
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("australia", "india", "japan")}


def test_a_characterisation_parsed_as_two_predicates(run) -> None:
    ex = run("Former Prime Minister Ken Sato has called the Quad \"the worst deal in all "
             "history\".")
    assert stances(ex) == {("person-ken-sato", "quad", Polarity.NEGATIVE)}


def test_partners_after_with_pair_with_the_subject_only(run) -> None:
    ex = run("Japan has similar agreements with Australia and India.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("australia", "japan"), ("india", "japan")}


def test_what_one_is_asked_to_stop_is_no_stance_of_it(run) -> None:
    ex = run("China said NATO should stop smearing Japan.")
    assert ("nato", "japan", Polarity.NEGATIVE) not in stances(ex)


def test_condemned_cooperation_between_two_actors_concerns_both(run) -> None:
    ex = run("Japan condemned the military cooperation between Russia and India.")
    assert stances(ex) == {("japan", "russia", Polarity.NEGATIVE),
                           ("japan", "india", Polarity.NEGATIVE)}


def test_meeting_for_a_summit_is_the_summit(run) -> None:
    ex = run("NATO leaders meeting in Tokyo for the alliance's summit pledged aid to Japan.")
    assert [f.type for f in ex.of_type(EventFact)] == [EventType.SUMMIT]


def test_a_second_title_shares_the_state_named_before_the_first(run) -> None:
    ex = run("Japanese Foreign Minister Yoko Kamikawa and Defence Minister Minoru Kihara "
             "signed the agreement.")
    assert posts(ex) == {
        ("person-yoko-kamikawa", "japan"), ("person-minoru-kihara", "japan")}
    ex = run("Prime Minister Arjun Rao and President Ken Sato met.")  # nothing shared
    assert ("person-ken-sato", "india") not in posts(ex)


# --- extractor 0.4.3 ------------------------------------------------------------------------


def test_deputy_titles_are_their_own_posts(run) -> None:
    ex = run("Vice Premier Li Wei met Deputy Prime Minister Tom Baker in Beijing.")
    assert {(f.person, f.role) for f in ex.of_type(RoleFact)} == {
        ("person-li-wei", "Vice Premier"), ("person-tom-baker", "Deputy Prime Minister")}


def test_a_title_after_the_name_makes_it_a_person(run) -> None:
    ex = run("Moussa Faki Mahamat, chairperson of the European Commission, said African states "
             "would press for reform.")
    assert keys(ex, "Moussa Faki Mahamat") == {"person-moussa-faki-mahamat"}
    assert {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)} == {
        ("person-moussa-faki-mahamat", "Chair", "european-commission")}


def test_a_professor_speaks_for_herself_not_her_university(run) -> None:
    ex = run('"Europe is following America," said Cui Hongjian, a professor at Beijing Foreign '
             'Studies University.')
    uni = "organization-beijing-foreign-studies-university"
    assert {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)} == {
        ("person-cui-hongjian", "Professor", uni)}
    assert {(f.speaker, f.on_behalf_of) for f in ex.of_type(StatementFact)} == {
        ("person-cui-hongjian", None)}


def test_the_ministry_is_the_last_body_named_a_ministry(run) -> None:
    ex = run("India's Ministry of External Affairs accused Japan of pursuing a \"political "
             "agenda\". \"The Trudeau government has consciously provided space to extremists,\" "
             "the ministry said in a statement.")
    ministry = "organization-india-ministry-of-external-affairs"
    assert keys(ex, "the ministry") == {ministry}
    assert {f.speaker for f in ex.of_type(StatementFact)} == {ministry}


def test_org_heads_and_sites_decide_what_the_ner_mislabelled(run) -> None:
    ex = run("Michael Kugelman, director of the South Asia Institute at the Wilson Center, said "
             "the row was serious. Hardeep Singh Nijjar was shot dead outside a temple in Surrey.")
    assert keys(ex, "Wilson Center") == {"organization-wilson-center"}
    assert keys(ex, "Surrey") == {"place-surrey"}


def test_an_act_someone_is_urged_to_do_is_no_stance_of_theirs(run) -> None:
    ex = run("The United States urged India to cooperate with Japan.")
    assert stances(ex) == {("united-states", "india", Polarity.NEUTRAL)}


def test_an_act_done_without_is_not_done(run) -> None:
    assert stances(run("Japan is expanding its navy without provoking China.")) == set()
    # …but a clause hung below the gerund still says what it says
    ex = run("Stoltenberg stated that China is investing in missiles without offering "
             "transparency or participating in discussions on controlling arms while "
             "intensifying pressure on its neighbours and making menacing declarations against "
             "Taiwan.")
    assert ("jens-stoltenberg", "china", Polarity.NEGATIVE) in stances(ex)


def test_no_hostility_toward_the_body_one_speaks_for(run) -> None:
    ex = run('Stoltenberg said NATO was "deeply concerned" by China\'s "dangerous" actions.')
    assert stances(ex) == {("nato", "china", Polarity.NEGATIVE)}
    ex = run("European Commission President Ursula von der Leyen warned that the European Union "
             "would not accept a flood of subsidised Chinese goods.")
    assert ("person-ursula-von-der-leyen", "european-union", Polarity.NEGATIVE) not in stances(ex)


def test_what_is_said_of_a_relation_is_said_of_neither_side(run) -> None:
    ex = run('Ken Sato said the dispute had become "the worst crisis in Japan-India relations '
             'in decades".')
    assert stances(ex) == set()


def test_the_state_that_leads_a_body_is_a_member(run) -> None:
    ex = run("Kazakhstan is a member of the Quad, the Indian-led grouping.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("kazakhstan", "quad"), ("india", "quad")}


def test_a_named_grouping_of_states(run) -> None:
    ex = run("Ministers of the Quad grouping of Australia, India, Japan and the United States "
             "met in Tokyo on Monday.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("australia", "quad"), ("india", "quad"), ("japan", "quad"), ("united-states", "quad")}


def test_since_bounds_a_series_but_dates_what_lasts(run) -> None:
    ex = run("Quad leaders have met in Tokyo annually since 2021.")
    assert [f.date for f in ex.of_type(EventFact)] == [None]
    ex = run("Japan and the United States have carried out air strikes on Chinese targets since "
             "January.")
    assert [f.date.value for f in ex.of_type(EventFact)] == ["2024-01"]


def test_quoted_words_of_a_relative_clause_are_not_the_reporters(run) -> None:
    ex = run('India said it was withdrawing Ambassador Ravi Kumar, whom Japanese police had '
             'named as a "person of interest".')
    assert ex.of_type(StatementFact) == []


def test_an_envoy_gets_no_state_from_the_paragraph(run) -> None:
    ex = run("Japan expelled six Indian diplomats. The order covers Ambassador Ravi Kumar.")
    assert posts(ex) == {("person-ravi-kumar", None)}


def test_a_sentence_opening_with_he_or_she_continues_the_last_subject(run) -> None:
    ex = run("Ken Sato praised Japan. \"Europe must defend itself,\" Tom Baker said. He warned "
             "that Russia was testing Europe.")
    assert ("person-tom-baker", "russia", Polarity.NEGATIVE) in stances(ex)
    assert not {s for s in stances(ex) if s[0] == "person-ken-sato" and s[1] == "russia"}


def test_a_conjunct_that_disagrees_in_number_takes_no_subject(run) -> None:
    ex = run("Concern grew about Tom Baker, who has threatened not to defend NATO allies that "
             "fail to meet the alliance's spending target and has criticised U.S. aid to Japan.")
    assert not {s for s in stances(ex) if s[0] == "collective-nato-allies"}
    assert ex.of_type(EventFact) == []  # meeting a target is no meeting


def test_a_headline_drops_unknown_names_and_an_apposition_names_a_body(run) -> None:
    ex = run("Weimar Triangle revived as Europe frets over Japan\n\nThe ministers met in "
             "Warsaw to revive the Weimar Triangle, a format for cooperation created in 1991.")
    assert {m.entity for m in ex.mentions if "Triangle" in m.text} == {
        "organization-weimar-triangle"}


def test_a_caretaker_post_is_still_the_states(run) -> None:
    ex = run("Japanese caretaker Prime Minister Ken Sato welcomed the deal.")
    assert {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)} == {
        ("person-ken-sato", "Prime Minister", "japan")}


def test_a_body_that_groups_states_and_a_candidate_for_membership(run) -> None:
    ex = run("The Quad groups Australia, India, Japan and the United States.")
    assert {f.member for f in ex.of_type(MembershipFact)} == {
        "australia", "india", "japan", "united-states"}
    ex = run("Finland, a candidate for membership of the European Union since 1992, joined.")
    assert _members_with_status(ex) >= {
        ("finland", "european-union", MembershipStatus.CANDIDATE)}


def test_ministers_of_listed_states_are_those_states(run) -> None:
    ex = run("The foreign ministers of Japan, India and Australia met in Tokyo on Wednesday to "
             "revive the Quad, a format created in 2007.")
    meetings = ex.of_type(EventFact)
    assert [(f.participants, f.date.value) for f in meetings] == [
        (("australia", "india", "japan"), "2024-07-31")]  # not the format's 2007


def test_a_ceasefire_makes_no_partners(run) -> None:
    ex = run("Japan and Russia agreed on Tuesday to a ceasefire, in a deal negotiated by India.")
    assert ex.of_type(PartnershipFact) == []


def test_a_relative_clauses_speaker_owns_its_quotation(run) -> None:
    ex = run('Japan agreed to buy 12 jets from India, a deal that Japanese Prime Minister Ken '
             'Sato called "a historic step".')
    assert {(f.speaker, f.quote) for f in ex.of_type(StatementFact)} == {
        ("person-ken-sato", "a historic step")}


def test_site_owners_are_places_and_fellows_work_for_bodies_not_states(run) -> None:
    ex = run("A bomber struck near Karachi's airport. \"Beijing wants results,\" said Ayesha "
             "Siddiqa, a senior fellow at King's College London. \"Japan hedges,\" said Tom "
             "Baker, a researcher at the Tokyo Centre for Policy.")
    assert keys(ex, "Karachi") == {"place-karachi"}
    roles = {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)}
    assert {r[:2] for r in roles if r[2] and r[2].startswith("organization-king-s-college")} == {
        ("person-ayesha-siddiqa", "Senior Fellow")}
    assert not {r for r in roles if r[0] == "person-tom-baker" and r[2] == "japan"}


def test_a_state_that_has_left_a_body_is_a_former_member(run) -> None:
    ex = run("India left the Quad in 2019. Japan is leaving NATO.")
    # Leaving under way is no former membership; since 0.4.11 it presupposes a current one.
    assert _members_with_status(ex) == {
        ("india", "quad", MembershipStatus.FORMER), ("japan", "nato", MembershipStatus.MEMBER)}


def test_an_act_someone_is_called_on_to_do_is_no_event(run) -> None:
    ex = run("Japan called on India to publish the results.")
    assert ex.of_type(EventFact) == []


def test_the_passive_of_a_claim_is_still_a_claim(run) -> None:
    assert stances(run("China was criticised for backing Russia.")) == set()


def test_both_sides_are_not_the_subjects_themselves(run) -> None:
    ex = run("Japan and India, which hosted talks in Tokyo, have urged both sides to return to "
             "negotiations.")
    assert stances(ex) == set()


def test_a_capital_before_a_capitalised_word_is_a_first_name(run) -> None:
    ex = run("Kenya's envoy, Washington Ouko, said Japan was a friend.")
    assert keys(ex, "Washington Ouko") == {"person-washington-ouko"}
    assert "united-states" not in {m.entity for m in ex.mentions}


def test_diplomatic_relations_severed_blocked_and_refused_ties(run) -> None:
    ex = run("India established diplomatic relations with China on Sunday and broke off ties "
             "with Taiwan. Japan will not establish diplomatic relations with Taiwan. Russia "
             "has blocked closer ties between Japan and India.")
    assert {(f.parties, f.status) for f in ex.of_type(PartnershipFact)} == {
        (("china", "india"), PartnershipStatus.EXISTING),
        (("india", "taiwan"), PartnershipStatus.PAST)}


def test_a_capitalised_word_the_ner_split_off_a_persons_name(run) -> None:
    ex = run("Opposition leader Maria Corina Machado said tallies showed her candidate had won. "
             "\"We have the proof,\" Machado told supporters.")
    assert keys(ex, "Machado") == {"person-maria-corina-machado"}


def test_a_quotation_over_two_sentences_and_he_said(run) -> None:
    ex = run('Ken Sato said the two countries had agreed to keep talking. "We are not naive. '
             'Our disagreements have not disappeared," he said.')
    assert {(f.speaker, f.quote) for f in ex.of_type(StatementFact)} == {
        ("person-ken-sato", "We are not naive"),
        ("person-ken-sato", "Our disagreements have not disappeared")}


def test_every_sentence_of_a_quotation_over_several_is_the_speakers(run) -> None:
    # the opening sentence names the speaker; the next quotation, over two sentences with no
    # speaker of its own, runs on from it; one opened after other words does not
    ex = run('Ken Sato said "The war must end. Talks must begin." "We are ready. We have '
             'always been ready." Arjun Rao spoke next. The minister said little. He added '
             '"nothing. At all."')
    quotes = {(f.speaker, f.quote.rstrip(".")) for f in ex.of_type(StatementFact)}
    assert {("person-ken-sato", "The war must end"), ("person-ken-sato", "Talks must begin"),
            ("person-ken-sato", "We are ready"),
            ("person-ken-sato", "We have always been ready")} <= quotes
    assert not any(q in ("nothing", "At all") and s == "person-ken-sato" for s, q in quotes)


def test_a_coordinated_clause_with_its_own_subject_keeps_its_quotation(run) -> None:
    ex = run('Ken Sato said Beijing respected "the choice of the people", and Russian President '
             'Tom Baker sent a message praising Japan\'s "statesmanship".')
    assert {(f.speaker, f.quote) for f in ex.of_type(StatementFact)} == {
        ("person-ken-sato", "the choice of the people"),
        ("person-tom-baker", "statesmanship")}


def test_initials_name_the_body_spelled_out_before(run) -> None:
    ex = run("Japan's army has fought the Rapid Support Forces since April 2023, and has asked "
             "the UN Security Council to hold the RSF accountable.")
    assert keys(ex, "RSF") == {"organization-rapid-support-forces"}


# --- extractor 0.4.4 -----------------------------------------------------------------------


def test_a_refused_or_unintended_act_is_not_done(run) -> None:
    ex = run("Kazakhstan has refused to join NATO and holds only observer status. Japan has no "
             "intention of joining the Quad. India declined to attend the NATO summit in 2024. "
             "Russia refused to sign an agreement with China.")
    assert not ex.of_type(MembershipFact)
    assert not ex.of_type(PartnershipFact)
    assert {e.type for e in ex.of_type(EventFact)} <= {EventType.SUMMIT}
    assert all("india" not in e.participants for e in ex.of_type(EventFact))


def test_a_member_of_a_body_with_partners_and_a_list_of_memberships(run) -> None:
    ex = run("India is a member of the Quad with the United States, Japan and Australia, a "
             "founding member of NATO and a full member of the European Union.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("india", "quad"), ("united-states", "quad"), ("japan", "quad"), ("australia", "quad"),
        ("india", "nato"), ("india", "european-union")}


def test_a_coordinated_clause_keeps_its_own_subject_when_misparsed(run) -> None:
    ex = run("Kazakhstan, Kyrgyzstan and Tajikistan belong to the Collective Security Treaty "
             "Organization, the Moscow-led military alliance, and Kazakhstan and Kyrgyzstan are "
             "members of the European Union.")
    eu = {f.member for f in ex.of_type(MembershipFact) if f.organization == "european-union"}
    assert eu == {"kazakhstan", "kyrgyzstan"}


def test_the_two_countries_after_a_list_of_their_leaders(run) -> None:
    ex = run("Sweden, Finland and NATO drew closer. The treaty that Russian President Tom Baker "
             "and Chinese leader Ken Sato signed commits each side to help the other. It was "
             "the first defence pact between the two countries since 1990.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("china", "russia")}


def test_a_registry_name_an_institution_word_continues_is_not_the_registry_body(run) -> None:
    ex = run("The European Union imposed tariffs. Business groups are split: the European "
             "Union Chamber of Commerce in China has criticized Beijing for overcapacity.")
    holders = {f.holder for f in ex.of_type(StanceFact)}
    assert holders == {"organization-european-union-chamber-of-commerce"}


def test_two_word_bloc_adjectives_make_one_collective(run) -> None:
    ex = run("Russian commentators have criticized the Central Asian governments. Latin "
             "American leaders met in Brussels.")
    assert keys(ex, "Central Asian governments") == {"collective-central-asian-governments"}
    assert keys(ex, "Latin American leaders") == {"collective-latin-american-leaders"}
    assert "united-states" not in {m.entity for m in ex.mentions}


def test_portfolio_ministers_trade_commissioners_and_fellows(run) -> None:
    ex = run("Commerce Minister Wang Wentao travelled to Brussels to negotiate with Trade "
             "Commissioner Valdis Dombrovskis. Asli Aydintasbas, a fellow at the Brookings "
             "Institution, argues that Ankara wants concessions.")
    assert {(r.person, r.role) for r in ex.of_type(RoleFact)} == {
        ("person-wang-wentao", "Commerce Minister"),
        ("person-valdis-dombrovskis", "Trade Commissioner"),
        ("person-asli-aydintasbas", "Fellow")}


def test_a_name_after_a_post_title_that_the_ner_missed(run) -> None:
    ex = run("U.S. Deputy National Security Adviser Daleep Singh warned in March 2022 that "
             "there would be consequences.")
    assert titled_posts(ex) == {
        ("person-daleep-singh", "Deputy National Security Adviser", "united-states")}


def test_hosting_leaders_is_a_meeting_and_hosting_for_a_visit_names_both(run) -> None:
    ex = run("Japanese Prime Minister Ken Sato hosted the leaders of India and Australia in "
             "Tokyo in May 2023. President Tom Baker hosted Ken Sato for a state visit in "
             "June 2023. Japan hosts NATO's liaison office in Tokyo.")
    assert {(e.type, e.participants, e.date.value) for e in ex.of_type(EventFact)} == {
        (EventType.MEETING, ("australia", "india", "person-ken-sato"), "2023-05"),
        (EventType.VISIT, ("person-ken-sato", "person-tom-baker"), "2023-06")}


def test_companions_of_the_subject_take_part_in_its_event(run) -> None:
    ex = run("China and Russia, together with India, held a trilateral summit in 2023.")
    assert {e.participants for e in ex.of_type(EventFact)} == {("china", "india", "russia")}


def test_they_in_an_adverbial_clause_is_the_listed_subject(run) -> None:
    ex = run("Russian President Tom Baker and Indian Prime Minister Ken Sato reaffirmed their "
             "strategic partnership when they met in Tokyo in July 2024.")
    assert {e.participants for e in ex.of_type(EventFact)} == {
        ("person-ken-sato", "person-tom-baker")}
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "russia")}


def test_border_clashes_are_events(run) -> None:
    ex = run("Border clashes between India and China killed 20 soldiers in 2020.")
    assert {(e.type, e.participants) for e in ex.of_type(EventFact)} == {
        (EventType.ATTACK, ("china", "india"))}


# --- extractor 0.4.5 -----------------------------------------------------------------------

def test_a_name_another_names_article_form_overlaps_is_found(run) -> None:
    ex = run("Jane Roe, a senior fellow at the Atlantic Council, said that storms in the "
             "Atlantic are rising.")
    assert keys(ex, "Atlantic Council") == {"atlantic-council"}
    assert keys(ex, "Atlantic") == {"atlantic-ocean"}
    assert titled_posts(ex) == {
        ("person-jane-roe", "Senior Fellow", "atlantic-council")}


def test_a_post_whose_body_is_named_is_not_guessed_from_the_main_group(run) -> None:
    ex = run("NATO met. NATO agreed. NATO left. \"Russia offers security,\" said John Doe, "
             "head of the Sahel programme at the Konrad Adenauer Foundation in Bamako. Mark "
             "Poe, director of the Asia programme, spoke. Washington national security "
             "spokesman John Kirby disagreed.")
    assert posts(ex) == {
        ("person-john-doe", "organization-konrad-adenauer-foundation"),
        ("person-mark-poe", None), ("person-john-kirby", "united-states")}


def test_one_state_creating_a_plain_organisation_is_no_membership(run) -> None:
    ex = run("Russia re-established the Leningrad Military District in 2024. China founded "
             "the Quad in 2007.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)} == {
        ("china", "quad")}


def test_an_invitation_is_a_candidacy_and_an_elided_join_names_the_body_before(run) -> None:
    ex = run("Saudi Arabia and Iran were invited to join BRICS in 2023. Iran joined in January "
             "2024. Finland became NATO's 31st member in 2023, and Sweden followed as the "
             "32nd in 2024.")
    assert _members_with_status(ex) == {
        ("saudi-arabia", "brics", MembershipStatus.CANDIDATE),
        ("iran", "brics", MembershipStatus.CANDIDATE),
        ("iran", "brics", MembershipStatus.MEMBER),
        ("finland", "nato", MembershipStatus.MEMBER),
        ("sweden", "nato", MembershipStatus.MEMBER)}


def test_a_lowercase_body_word_modifying_a_noun_is_no_second_mention(run) -> None:
    ex = run("Clashes with China's coast guard escalate\n\nJapan and India signed two "
             "agreements on coast guard cooperation in 2024.")
    assert [m.start for m in ex.mentions if m.text == "coast guard"] == [21]  # headline


def test_they_in_a_reported_clause_is_the_listed_subject(run) -> None:
    ex = run("Saudi Arabia and Iran announced in March 2023 that they would restore "
             "diplomatic relations.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("iran", "saudi-arabia")}


def test_the_two_sides_after_a_host_and_a_guest(run) -> None:
    ex = run("Prime Minister Arjun Rao hosted Prime Minister Hiro Tanaka in Delhi in May 2023, "
             "and the two sides signed a defence agreement.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_a_characterisation_parsed_as_one_noun_phrase(run) -> None:
    ex = run('During the campaign, Tom Baker had called China\'s government "assassins".')
    assert stances(ex) == {("person-tom-baker", "china", Polarity.NEGATIVE)}


# --- extractor 0.4.6 -----------------------------------------------------------------------

def test_a_post_held_by_a_possessive_pronouns_referent(run) -> None:
    ex = run("Prime Minister Arjun Rao took office in 2023. His foreign minister, Mira Das, "
             "wrote to the leaders. ECOWAS, for its part, has left the door open: its "
             "commission president, Omar Touray, said the bloc regrets the departure.")
    assert posts(ex) == {
        ("arjun-rao", "india"), ("person-mira-das", "india"), ("person-omar-touray", "ecowas")}


def test_he_after_a_subject_named_in_apposition_and_a_then_post(run) -> None:
    ex = run("Japan's then Prime Minister Hiro Tanaka said a base would be a red line. The "
             "United States sent a delegation to Tokyo. Tanaka's successor, Ken Sato, has taken "
             "a softer line. He visited India in June 2024.")
    assert {e.participants for e in ex.of_type(EventFact)} == {("india", "person-ken-sato")}
    assert ("hiro-tanaka", "japan") in posts(ex)


def test_welcoming_a_guest_and_wanting_good_relations_are_no_verdicts(run) -> None:
    ex = run("President Tom Baker welcomed Ken Sato at the palace. NATO welcomed Finland's "
             "decision. Tom Baker said the group wanted \"constructive and stable relations\" "
             "with Beijing.")
    assert stances(ex) == {("nato", "finland", Polarity.POSITIVE)}


# --- extractor 0.4.7 -----------------------------------------------------------------------

def test_both_sides_are_not_the_hosts_or_observers_of_the_talks(run) -> None:
    ex = run("The war between Russia and India has killed thousands. The talks are co-hosted by "
             "Saudi Arabia and Iran, with Japan and Australia as observers. Tom Baker urged "
             "both sides to protect civilians.")
    assert {f.target for f in ex.of_type(StanceFact)
            if f.holder == "person-tom-baker"} == {"russia", "india"}
    ex = run("The summit was co-hosted by Japan and India. The two countries signed a pact.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_a_state_post_with_no_state_named_is_the_articles_dominant_state(run) -> None:
    ex = run("Sweden joins NATO\n\nSweden formally joined NATO on Thursday. Sweden had applied "
             "in 2022, and Swedish troops will train in Finland.\n\nPrime Minister Ulf Berg "
             "handed over the documents. Sweden is now a member.")
    assert titled_posts(ex) == {
        ("person-ulf-berg", "Prime Minister", "sweden")}


def test_no_dominant_state_when_two_are_named_about_equally(run) -> None:
    ex = run("India and China agreed on patrols. India and China will meet again, and India "
             "and China will talk.\n\nForeign Secretary Ravi Rao said the deal would hold.")
    assert posts(ex) == {("person-ravi-rao", None)}


def test_a_join_or_application_with_no_object_after_one_bodys_memberships(run) -> None:
    ex = run("Sweden became a member of NATO on Thursday. Ulf Berg called it a great day. He "
             "thanked the allies.\n\nSweden and Finland applied together in May 2022. Finland "
             "joined in April 2023, but Sweden's bid stalled.")
    member, candidate = MembershipStatus.MEMBER, MembershipStatus.CANDIDATE
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("sweden", "nato", member), ("finland", "nato", member),
        ("sweden", "nato", candidate), ("finland", "nato", candidate)}


def test_a_quoted_description_is_no_collective_actor(run) -> None:
    ex = run('Xi said the two countries should "properly handle differences" and called China '
             'and India "important members of the Global South".')
    assert not [m for m in ex.mentions if "members" in m.text]


def test_backer_and_critic_nouns_hold_a_stance_toward_their_object(run) -> None:
    ex = run("Iran is Russia's main backer. Tom Baker, a fierce critic of Beijing, spoke. "
             "Analysts see Japan as a supporter of India. A Chinese critic of the plan spoke. "
             "Japan is not a sponsor of Russia.")
    assert stances(ex) == {("iran", "russia", Polarity.POSITIVE),
                           ("person-tom-baker", "china", Polarity.NEGATIVE),
                           ("japan", "india", Polarity.POSITIVE)}


def test_a_relative_clause_on_a_noun_set_beside_an_actor(run) -> None:
    ex = run("India is a member of the Quad, a grouping that Beijing has condemned.")
    assert stances(ex) == {("china", "quad", Polarity.NEGATIVE)}


def test_a_dateline_or_fronted_adverbial_is_no_part_of_an_events_label(run) -> None:
    ex = run("STOCKHOLM — Sweden formally joined NATO on Thursday.\n\nOn Friday, Finland "
             "joined NATO.")
    assert {e.label for e in ex.of_type(EventFact)} == {"Sweden formally joined",
                                                         "Finland joined"}


def test_the_host_of_an_event_noun_takes_part(run) -> None:
    ex = run("Arjun Rao and Hiro Tanaka held talks at the BRICS summit hosted by Russia in "
             "Kazan.")
    summits = [e for e in ex.of_type(EventFact) if e.type == EventType.SUMMIT]
    assert [(e.participants, e.place) for e in summits] == [
        (("brics", "russia"), "place-kazan")]


def test_withholding_recognition_opposes_and_granting_it_supports(run) -> None:
    ex = run("India has refused to recognise the Taiwan government. Japan recognised Taiwan in "
             "May 2024. NATO recognises China's growing influence. Russia, which does not "
             "recognise Finland's independence, protested. Sweden may recognise Taiwan. "
             "Taiwan is not recognised by Australia.")
    assert stances(ex) == {("india", "taiwan", Polarity.NEGATIVE),
                           ("japan", "taiwan", Polarity.POSITIVE),
                           ("russia", "finland", Polarity.NEGATIVE),
                           ("australia", "taiwan", Polarity.NEGATIVE)}


def test_its_after_the_object_of_a_persons_verb_is_that_object(run) -> None:
    ex = run("Japan, a member of the Quad, has resisted pressure from Washington. Arjun Rao has "
             "criticised the United States over its sanctions on Russia.")
    assert ("united-states", "russia", Polarity.NEGATIVE) in stances(ex)
    assert not {s for s in stances(ex) if s[0] == "japan"}
    ex = run("In 2022, NATO defined China as a systemic challenge in its new strategic concept.")
    assert {e.participants for e in ex.of_type(EventFact)} == {("nato",)}  # NATO's concept


def test_a_numbered_group_after_a_possessor_between_the_subjects(run) -> None:
    ex = run("Japan and India signed a defence agreement on Monday, the latest sign of closer "
             "security ties between Washington's two Asian allies.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_a_bid_to_join_is_a_candidacy_and_no_accession(run) -> None:
    ex = run("Japan's application to join NATO moved a step closer. India rejected an "
             "invitation to join BRICS. Finland's bid to join the Quad was blocked by Russia.")
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("japan", "nato", MembershipStatus.CANDIDATE),
        ("finland", "quad", MembershipStatus.CANDIDATE)}
    assert not [e for e in ex.of_type(EventFact) if e.type == EventType.ACCESSION]


def test_an_expelled_state_is_a_former_member(run) -> None:
    ex = run("Russia was expelled from NATO in March 2022. The European Union expelled Japan in "
             "2021. India will be expelled from BRICS. Sweden has not been expelled from NATO.")
    # An expulsion still to come, or denied, makes no former member; since 0.4.11 it
    # presupposes a current membership.
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("russia", "nato", MembershipStatus.FORMER),
        ("japan", "european-union", MembershipStatus.FORMER),
        ("india", "brics", MembershipStatus.MEMBER), ("sweden", "nato", MembershipStatus.MEMBER)}


def test_a_place_is_no_party_to_a_partnership(run) -> None:
    ex = run("STOCKHOLM — Japan and India signed a defence agreement on Monday.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


# --- extractor 0.4.8 -----------------------------------------------------------------------


def test_what_a_reported_clause_stands_against_is_no_verdict_on_its_subject(run) -> None:
    ex = run('Arjun Rao said India and Japan should "stand together against foreign '
             'interference". Hiro Tanaka said Russia had committed crimes against Finland.')
    assert stances(ex) == {("hiro-tanaka", "russia", Polarity.NEGATIVE)}


def test_a_description_does_not_name_its_own_clauses_subject(run) -> None:
    ex = run("Leaders of the Quad met in Tokyo. Japan and the European Union have criticised "
             "the bloc's expansion.")
    assert not {s for s in stances(ex) if s[1] == "european-union"}
    assert "european-union" not in keys(ex, "the bloc")
    ex = run("NATO leaders met in Brussels. They said the alliance would respond.")
    assert keys(ex, "the alliance") == {"nato"}
    ex = run("Finland, which joined NATO in 2023, has praised the alliance's new plan.")
    assert keys(ex, "the alliance") == {"nato"}  # a relative clause is no part of the subject


def test_who_did_not_attend_takes_no_part(run) -> None:
    ex = run("Arjun Rao did not attend the summit in Kazan. Hiro Tanaka attended the summit "
             "in Astana.")
    assert {e.participants for e in ex.of_type(EventFact)} == {("hiro-tanaka",)}


def test_a_headline_names_people_by_one_word_and_labels_leave_out_subordinators(run) -> None:
    ex = run("Sweden joins NATO as Rao and Tanaka meet in Kazan\n\nArjun Rao and Hiro Tanaka "
             "met on Monday.")
    meetings = {(e.label, e.participants) for e in ex.of_type(EventFact)
                if e.type == EventType.MEETING}
    assert ("Rao and Tanaka meet in Kazan", ("arjun-rao", "hiro-tanaka")) in meetings
    ex = run("Arjun Rao went on to Astana, where he met Jens Stoltenberg.")
    assert {(e.label, e.participants, e.place) for e in ex.of_type(EventFact)} == {
        ("he met", ("arjun-rao", "jens-stoltenberg"), "place-astana")}


def test_a_piece_of_a_hyphenated_place_name_is_no_person(run) -> None:
    ex = run("Arjun Rao flew to Mar-a-Lago to see Hiro Tanaka.")
    assert not [m for m in ex.mentions if m.text == "Mar"]


def test_he_after_a_reported_clause_is_the_main_clauses_subject(run) -> None:
    ex = run('Arjun Rao said Hiro Tanaka had no mandate. "The presidency has no mandate to '
             'speak for us," he wrote.')
    assert {s.speaker for s in ex.of_type(StatementFact)} == {"arjun-rao"}


def test_a_post_in_the_second_paragraph_belongs_to_the_ledes_state(run) -> None:
    ex = run("Japan ends defence pact with India\n\nTOKYO — Japan said on Thursday that it was "
             "ending its defence pact with India.\n\nForeign Minister Ravi Kato said the "
             "decision was final.\n\nIndia regretted the move. Defence Minister Ken Ito said "
             "talks would go on.")
    assert posts(ex) == {
        ("person-ravi-kato", "japan"), ("person-ken-ito", "india")}


def test_an_ally_or_partner_of_a_state_is_its_partner(run) -> None:
    ex = run("Australia has been a close ally of Russia since 2020. Japan and India remain close "
             "security partners of the United States. Iran, a former ally of Japan, protested. "
             "Finland could become a partner of India. Sweden is not an ally of Russia.")
    assert {(f.parties, f.status, f.domains) for f in ex.of_type(PartnershipFact)} == {
        (("australia", "russia"), PartnershipStatus.EXISTING, ()),
        (("japan", "united-states"), PartnershipStatus.EXISTING, (PartnershipDomain.SECURITY,)),
        (("india", "united-states"), PartnershipStatus.EXISTING, (PartnershipDomain.SECURITY,)),
        (("iran", "japan"), PartnershipStatus.PAST, ())}


# --- extractor 0.4.9 -----------------------------------------------------------------------

def test_a_title_before_another_name_in_a_list_is_no_apposition(run) -> None:
    ex = run("In their statement, Ravi Kato, Indian Prime Minister Ken Ito and Japanese Prime "
             "Minister Sam Hale expressed concern.")
    assert posts(ex) == {
        ("person-ken-ito", "india"), ("person-sam-hale", "japan")}


def test_a_post_in_a_subordinate_clause_belongs_to_the_main_subjects_state(run) -> None:
    ex = run("India approved the deal on March 27. Finland became a member of NATO on April 4, "
             "when Foreign Minister Ken Ito deposited the instrument in Brussels.")
    assert posts(ex) == {("person-ken-ito", "finland")}
    # Not in a clause coordinated with the main one: that may be another state's minister.
    ex = run("India approved the deal on March 27. Finland joined NATO, and Foreign Minister "
             "Ken Ito spoke in Brussels.")
    assert ("person-ken-ito", "finland") not in posts(ex)


def test_a_place_before_a_title_leaves_the_body_after_it(run) -> None:
    ex = run('"The plan has failed," said Ravi Kato, Asia director at the Atlantic Council.')
    assert posts(ex) == {
        ("person-ravi-kato", "atlantic-council")}


def test_events_not_dated_by_the_act_they_date_nor_unreal_nor_prevented(run) -> None:
    ex = run("Sweden applied to join NATO on May 18, 2022, three months after Russia's invasion "
             "of Ukraine.")
    wars = [e for e in ex.of_type(EventFact) if e.type == EventType.WAR]
    assert wars and all(e.date is None for e in wars)
    ex = run("Japan warned that any attack on India would fail. Ravi Kato visited Tokyo but was "
             "not allowed to meet Ken Ito.")
    types = {e.type for e in ex.of_type(EventFact)}
    assert EventType.VISIT in types
    assert not types & {EventType.ATTACK, EventType.OTHER, EventType.MEETING}


def test_a_reported_verdict_is_not_about_whom_it_affects_or_a_conjoined_clause(run) -> None:
    ex = run("Ravi Kato said the deal was a dangerous development for India.")
    assert not {s for s in stances(ex) if s[1] == "india"}
    ex = run("Ravi Kato said that Ken Ito was in good health, but the meeting was criticised by "
             "India and Japan as undermining the European Union's position.")
    found = stances(ex)
    assert ("person-ravi-kato", "person-ken-ito", Polarity.NEGATIVE) not in found
    assert not {s for s in found if s[1] == "european-union"}
    # A hostile role the holder itself plays is still its own stance.
    assert ("japan", "nato", Polarity.NEGATIVE) in stances(run("Japan acted as a brake on NATO."))


def test_a_counted_body_refers_back_but_the_body_of_a_person_does_not(run) -> None:
    ex = run("ECOWAS met on Monday. Kazakhstan is the fourth member of the 15-nation body to be "
             "suspended.")
    assert ("kazakhstan", "ecowas") in {
        (m.member, m.organization) for m in ex.of_type(MembershipFact)}
    ex = run("ECOWAS met on Monday. The body of Ravi Kato was returned to his family.")
    assert not [m for m in ex.mentions if m.text.lower() == "the body"]


# --- extractor 0.4.10 ----------------------------------------------------------------------

def test_a_post_takes_the_state_its_paragraph_opens_with_before_the_articles(run) -> None:
    # Israel is named most often, but each paragraph is about another state.
    ex = run("Israel attacked. Israel's army advanced. Israel said it would go on. Israeli "
             "forces fired. Israel rejected talks.\n\nIndia's role is shaped by geography. The "
             "crossing runs along the border. President Ravi Kato has warned against it.\n\n"
             "Japan has tried to balance. It supports a stronger presence. \"We must be clear,\" "
             "Foreign Minister Ken Ito has said.")
    assert posts(ex) == {
        ("person-ravi-kato", "india"), ("person-ken-ito", "japan")}


def test_a_post_holder_who_represents_a_state(run) -> None:
    ex = run("Iran was represented by acting President Ravi Kato at the summit.")
    assert posts(ex) == {("person-ravi-kato", "iran")}
    # The agent of another passive verb acts on the subject, not for it.
    ex = run("China was criticised by President Ravi Kato on Monday.")
    assert posts(ex) == {("person-ravi-kato", None)}


def test_a_denied_subject_denies_the_act(run) -> None:
    ex = run("Neither India nor Japan has cut ties with Iran. No Gulf state has condemned "
             "Russia. None of the members criticised China.")
    assert {(f.parties, f.status) for f in ex.of_type(PartnershipFact)} == {
        (("india", "iran"), PartnershipStatus.EXISTING),
        (("iran", "japan"), PartnershipStatus.EXISTING)}
    assert not stances(ex)


def test_containing_names_its_object(run) -> None:
    ex = run("The United States seeks to contain Russia and Iran. NATO wants to contain China's "
             "influence. ECOWAS has issued statements. But the bloc contains two members, the "
             "UAE and Bahrain, that normalised relations with Iran.")
    assert {(s[0], s[1]) for s in stances(ex)} == {
        ("united-states", "russia"), ("united-states", "iran"), ("nato", "china")}


def test_she_after_an_unnamed_speaker_is_not_the_last_named_person(run) -> None:
    ex = run("Foreign Minister Ravi Kato said Japan should reflect on its history. At a cafe, a "
             "retired teacher said she had accepted the new reality. \"My father never forgave "
             "them,\" she said.")
    assert not ex.of_type(StatementFact)
    # A plural speaker is no "he": the minister keeps his words.
    ex = run("Foreign Minister Ravi Kato said Japan should reflect. Analysts said the talks had "
             "failed. \"We will not give up,\" he said.")
    assert {s.speaker for s in ex.of_type(StatementFact)} == {"person-ravi-kato"}


def test_becoming_a_member_with_the_body_left_out(run) -> None:
    ex = run("BRICS was founded in 2009 by China and Russia. India and Kazakhstan joined in "
             "2017, and Iran became a full member in July 2023 at a virtual summit.")
    assert {m.member for m in ex.of_type(MembershipFact) if m.organization == "brics"} == {
        "china", "russia", "india", "kazakhstan", "iran"}


def test_a_description_continues_the_last_sentences_subject(run) -> None:
    ex = run("ECOWAS has issued statements calling on the UN Security Council to act. But the "
             "15-nation bloc contains two members that criticised Iran.")
    blocs = [m for m in ex.mentions if m.text == "the 15-nation bloc"]
    assert blocs and {m.entity for m in blocs} == {"ecowas"}


def test_what_a_reported_subject_feels_uneasy_about_is_no_verdict_on_it(run) -> None:
    ex = run("Chinese analysts said privately that Beijing was uneasy about being seen as part "
             "of a bloc.")
    assert not {s for s in stances(ex) if s[1] == "china"}
    # A verdict next to such a phrase still counts.
    ex = run("Ravi Kato said that Japan was guilty of aggression.")
    assert ("person-ravi-kato", "japan", Polarity.NEGATIVE) in stances(ex)


def test_a_hyphenated_pair_names_both_sides(run) -> None:
    ex = run("Japan and India condemned the Russia-Iran defence treaty on Friday.")
    assert {(s[0], s[1]) for s in stances(ex)} == {
        ("japan", "russia"), ("japan", "iran"), ("india", "russia"), ("india", "iran")}


def test_posts_set_beside_counterparts_take_their_state(run) -> None:
    ex = run("On July 8, Japanese Foreign Minister Sam Hale sat down with his Indian "
             "counterparts, Foreign Secretary Ravi Kato and Defence Secretary Ken Ito, to sign "
             "the agreement.")
    assert posts(ex) == {
        ("person-sam-hale", "japan"), ("person-ravi-kato", "india"), ("person-ken-ito", "india")}


def test_a_name_the_ner_cut_short_is_completed_but_not_over_a_rank(run) -> None:
    ex = run('"We must be clear-eyed about Russia," Foreign Minister Espen Barth Eide has said. '
             "Sameh Shoukry, the foreign minister until mid-2024, accused Iran of obstruction.")
    names = {m.text for m in ex.mentions}
    assert {"Espen Barth Eide", "Sameh Shoukry"} <= names
    assert not {"Espen Barth", "Shoukry"} & names
    ex = run("In July their leaders, Colonel Ravi Menon of India and President Ken Sato of "
             "Japan, met in Tokyo.")
    assert "Colonel Ravi Menon" not in {m.text for m in ex.mentions}


# --- extractor 0.4.11


def test_a_post_in_apposition_makes_a_person_of_a_mislabelled_name(run) -> None:
    ex = run("India rejected the accusations. Randhir Jaiswal, the spokesperson for India's "
             "Ministry of External Affairs, said the Canadian government was pursuing \"a "
             "political agenda\".")
    assert "Randhir Jaiswal" in {m.text for m in ex.mentions}
    assert posts(ex) == {  # the ministry named with its state's name (0.4.31; was India)
        ("person-randhir-jaiswal", "organization-india-ministry-of-external-affairs")}
    assert {s.speaker for s in ex.of_type(StatementFact)} == {"person-randhir-jaiswal"}


def test_a_post_dated_by_then_is_still_a_post(run) -> None:
    ex = run("Ravi Kato, then India's foreign minister, said the talks had failed.")
    assert {(r.person, r.role.lower(), r.of) for r in ex.of_type(RoleFact)} == {
        ("person-ravi-kato", "foreign minister", "india")}


def test_the_last_word_of_a_bodys_name_refers_back_to_it(run) -> None:
    ex = run("The New Development Bank, the Shanghai-based lender, has grown. Iran and Saudi "
             "Arabia have joined the bank, and Mali was admitted this year.")
    assert {m.member for m in ex.of_type(MembershipFact)
            if m.organization == "new-development-bank"} == {"iran", "saudi-arabia", "mali"}
    # a word no body named before ends with refers to nothing
    ex = run("Iran has joined the bank.")
    assert not ex.of_type(MembershipFact)


def test_leaving_not_yet_done_and_suspension_presuppose_a_membership(run) -> None:
    ex = run("In January 2024 Mali and Niger announced that they were withdrawing from ECOWAS.")
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("mali", "ecowas", MembershipStatus.MEMBER), ("niger", "ecowas", MembershipStatus.MEMBER)}
    ex = run("The African Union took a more cautious line. Its Peace and Security Council "
             "suspended Niger from all AU activities on 22 August 2023.")
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("niger", "african-union", MembershipStatus.MEMBER)}
    assert "un-security-council" not in {m.entity for m in ex.mentions}
    ex = run("Mali left ECOWAS in January 2025.")
    assert {m.status for m in ex.of_type(MembershipFact)} == {MembershipStatus.FORMER}


def test_what_one_actor_wants_another_to_do_is_not_the_others_stance(run) -> None:
    ex = run("Ravi Kato said the United States wanted India to cooperate with Canada.")
    assert not {s for s in stances(ex) if s[0] == "india"}
    ex = run("India wants to cooperate with Canada.")
    assert ("india", "canada", Polarity.POSITIVE) in stances(ex)


def test_described_as_a_partner_is_praise_but_its_allies_is_not(run) -> None:
    ex = run('Ravi Kato has described Russia as "a partner that respects our sovereignty."')
    assert ("person-ravi-kato", "russia", Polarity.POSITIVE) in stances(ex)
    ex = run("Ravi Kato said that Japan remained committed to its partners and allies.")
    assert not stances(ex)


# --- extractor 0.4.12 -----------------------------------------------------------------------


def test_the_forms_of_hope_are_hope_not_hop(nlp) -> None:
    # the rule lemmatizer strips "-es"/"-ed"/"-ing" to the first verb it knows: "hop"
    doc = nlp("Serbia hopes to join. Serbia hoped to join. Serbia is hoping to join. "
              "Russia staged drills. Rabbits hopped. They are singing.")
    lemmas = {t.lower_: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert lemmas["hopes"] == lemmas["hoped"] == lemmas["hoping"] == "hope"
    assert lemmas["staged"] == "stage"
    assert lemmas["hopped"] == "hop"  # a doubled consonant is the short verb's own form
    assert lemmas["singing"] == "sing"  # "sing" does not double, so "singing" stays ambiguous


def test_what_one_actor_hopes_another_will_do_is_not_the_others_stance(run) -> None:
    ex = run("Washington hopes Beijing will condemn Moscow.")
    assert not {s for s in stances(ex) if s[0] == "china"}
    ex = run("The United States wanted India to sign a defence pact with Japan.")
    assert not {s for s in stances(ex) if s[0] == "india"}
    pacts = [f for f in ex.facts if isinstance(f, PartnershipFact)]
    assert pacts and all(p.status == PartnershipStatus.PROPOSED for p in pacts)


def test_an_alleged_act_is_no_event(run) -> None:
    ex = run("Russia accused Ukraine of waging a war against Belarus in May.")
    assert not [f for f in ex.facts if isinstance(f, EventFact)]
    ex = run("Ravi Kato said that NATO bypassed the Security Council and waged wars "
             "against sovereign states.")
    assert [f for f in ex.facts if isinstance(f, EventFact)]
    ex = run("Ravi Kato alleged that NATO bypassed the Security Council and waged wars "
             "against sovereign states.")
    assert not [f for f in ex.facts if isinstance(f, EventFact)]


def test_the_minister_is_the_one_person_given_that_title(run) -> None:
    text = ("Japanese Foreign Minister Ravi Kato spoke on Monday. The minister said the move "
            "reminded him of the way former U.S. President Sam Hale had run foreign policy. "
            '"This is not done between friends," he added.')
    st = run(text).of_type(StatementFact)
    assert [(s.speaker, s.quote) for s in st] == [
        ("person-ravi-kato", "This is not done between friends")]
    # two recent ministers: "the minister" is nobody
    text = ("Prime Minister Ravi Kato and Foreign Minister Ken Ito met on Monday. The minister "
            'said: "We regret the recall."')
    assert all(s.speaker is None or s.speaker not in ("person-ravi-kato", "person-ken-ito")
               for s in run(text).of_type(StatementFact))


def test_a_person_quoted_about_is_not_the_she_who_said_it(run) -> None:
    text = ("Parisa Montclair-Javadi, an Iran specialist, said the calculation was domestic. "
            "“Ravi Kato was elected promising to ease sanctions,” she said.")
    st = run(text).of_type(StatementFact)
    assert [s.speaker for s in st] == ["person-parisa-montclair-javadi"]


def test_a_hyphenated_surname_is_the_person_named_in_full_before(run) -> None:
    text = ("Marcus Eilertsen-Vogel, a researcher, spoke in Vienna. As Eilertsen-Vogel said: "
            "“The board can keep passing resolutions.”")
    st = run(text).of_type(StatementFact)
    assert [s.speaker for s in st] == ["person-marcus-eilertsen-vogel"]


def test_it_after_a_sentence_about_a_thing_is_not_the_last_state(run) -> None:
    text = ("Russia and China voted no. The text faults Iran for failing to cooperate. "
            "Crucially, it asks the agency to produce a “comprehensive assessment” of Iran.")
    assert run(text).of_type(StatementFact) == []
    # …but a person between is no rival for "it"
    text = ("Japan voted against the resolution. A professor said the vote was close. "
            "Later, it said the text was “deeply unfair”.")
    assert [s.speaker for s in run(text).of_type(StatementFact)] == ["japan"]


def _members(ex) -> set[tuple[str, str]]:
    return {(m.member, m.organization) for m in ex.of_type(MembershipFact)}


def _members_with_status(ex) -> set[tuple[str, str, MembershipStatus | None]]:
    return {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)}


def test_a_group_name_before_a_list_between_dashes_names_its_members(run) -> None:
    ex = run("Rather than seize the assets, the Quad -- Australia, India, Japan and the United "
             "States -- will use the interest.")
    assert _members(ex) == {(s, "quad") for s in ("australia", "india", "japan", "united-states")}
    assert not _members(run("Ravi Kato criticised NATO — Japan and India in particular."))


def test_its_members_are_a_list(run) -> None:
    ex = run("BRICS is a club of emerging economies. Its members are Russia, India and China.")
    assert _members(ex) == {(s, "brics") for s in ("russia", "india", "china")}
    ex = run("The members of BRICS are Russia, India and China.")
    assert _members(ex) == {(s, "brics") for s in ("russia", "india", "china")}
    assert not _members(run("BRICS is a club. Its members are not Russia and India."))


def test_of_which_after_an_apposition_is_the_named_body(run) -> None:
    ex = run("ECOWAS, a 15-nation bloc of which Niger is a founding member, has backed Mali.")
    assert ("niger", "ecowas") in _members(ex)


def test_gapped_and_bodiless_joins_and_applications(run) -> None:
    ex = run("BRICS was founded by Russia and China. It has since grown well beyond its region: "
             "India and Iran joined in 2017, Ethiopia in 2023 and Saudi Arabia this year. "
             "Kazakhstan has now applied to join too.")
    found = {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)}
    joined = {(m, o) for m, o, status in found if status != MembershipStatus.CANDIDATE}
    assert {(s, "brics") for s in ("india", "iran", "ethiopia", "saudi-arabia")} <= joined
    assert ("kazakhstan", "brics", MembershipStatus.CANDIDATE) in found
    ex = run("BRICS was founded by Russia and China. Kazakhstan has not applied to join.")
    assert "kazakhstan" not in {m.member for m in ex.of_type(MembershipFact)}


def test_joined_or_admitted_as_a_member(run) -> None:
    for text in ("At the BRICS summit, Iran was welcomed as the bloc’s tenth member.",
                 "BRICS met in Kazan. Iran was admitted as the bloc’s tenth member.",
                 "Iran joined as BRICS’s tenth member."):
        assert ("iran", "brics") in _members(run(text)), text
    assert not _members(run("Iran was not admitted as BRICS’s tenth member."))
    assert not _members(run("China wants Iran to join as BRICS’s tenth member."))


def test_no_warning_against_the_state_a_spokesperson_speaks_for(tmp_path) -> None:
    registry = [{"id": "china-mfa", "label": "Ministry of Foreign Affairs of China",
                 "class": "Organization", "country": "china",
                 "aliases": ["Chinese Foreign Ministry"]},
                {"id": "china", "label": "China", "class": "State", "demonyms": ["Chinese"]},
                {"id": "european-union", "label": "European Union",
                 "class": "InternationalOrganization", "abbreviations": ["EU"]}]
    nlp = _pipeline_with(tmp_path, registry)
    text = ("Chinese Foreign Ministry spokeswoman Lin Mei warned that China's response to any "
            "use of its assets would be \"extremely painful\" for the EU.")
    ex = _extract(nlp, text)
    assert ("person-lin-mei", "china") not in {(s.holder, s.target)
                                              for s in ex.of_type(StanceFact)}


def test_asking_a_named_actor_to_act_is_an_appeal_to_it(run) -> None:
    ex = run("Japan asked the Security Council on Friday to restrain China.")
    assert ("japan", "un-security-council", Polarity.NEUTRAL) in stances(ex)
    assert not {s for s in stances(ex) if s[0] == "un-security-council"}  # asked, not done
    assert not stances(run("Asked about China, Ravi Kato said nothing."))


def test_an_international_bodys_organ_is_its_own_not_any_board(run) -> None:
    ex = run("For the second time, the African Union’s Board of Governors has formally "
             "rebuked Niger.")
    labels = {e.key: e.label for e in ex.entities}
    boards = [k for k, v in labels.items() if "Board of Governors" in v]
    assert len(boards) == 1 and "african-union" in boards[0]
    assert labels[boards[0]] == "African Union's Board of Governors"


def test_a_body_word_before_for_or_of_makes_an_organisation_not_a_place(run) -> None:
    ex = run("Ravi Kato, a researcher at the Vienna Centre for Safeguards Studies, said the "
             "vote was close.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Vienna Centre for Safeguards Studies") == EntityClass.ORGANIZATION


def test_the_bloc_is_not_the_body_its_controller_already_belongs_to(run) -> None:
    ex = run("BRICS was founded by Russia, India and China. If accepted, Japan would become the "
             "first member of NATO to join the bloc, which was founded by Russia and China.")
    assert ("russia", "nato") not in _members(ex) and ("china", "nato") not in _members(ex)
    assert ("sweden", "nato") in _members(run("NATO wants Sweden to join the alliance."))


def test_a_join_in_a_clause_about_one_body_is_a_join_of_that_body(run) -> None:
    ex = run("BRICS grew at the start of this year when Ethiopia, Iran and the United Arab "
             "Emirates joined.")
    assert _members(ex) == {(s, "brics") for s in ("ethiopia", "iran", "united-arab-emirates")}
    assert not _members(run("Japan criticised NATO after Finland joined."))


def test_a_title_without_a_state_after_an_official_of_a_state(run) -> None:
    text = ("Russia passed the chair to India.\n\n“Our priority is to keep the council "
            "alive,” said Ravi Kato, Japan’s senior Arctic official, who chairs the meetings. "
            "Foreign Minister Ken Ito has struck a similar note.")
    roles = posts(run(text))
    assert ("person-ken-ito", "japan") in roles


def test_a_condemnation_in_a_text_nobody_adopted_is_nobodys(run) -> None:
    ex = run("When the African Union declined to adopt a draft resolution condemning Mali, "
             "the minister resigned.")
    assert not stances(ex)
    ex = run("The African Union adopted a resolution condemning Mali.")
    assert ("african-union", "mali", Polarity.NEGATIVE) in stances(ex)


def test_a_piece_of_a_hyphenated_word_is_no_actor(tmp_path) -> None:
    registry = [{"id": "pacific-ocean", "label": "Pacific Ocean", "class": "Region",
                 "aliases": ["the Pacific"]},
                {"id": "uruguay", "label": "Uruguay", "class": "State"}]
    nlp = _pipeline_with(tmp_path, registry)
    text = ("Uruguay’s President Luis Lacalle Pou, who applied to join the Trans-Pacific trade "
            "pact CPTPP in 2022, wants more.")
    ex = _extract(nlp, text)
    assert not [e for e in ex.entities if e.label == "Trans"]
    assert not ex.of_type(PartnershipFact)


def test_normalising_or_restoring_relations_is_a_partnership(run) -> None:
    ex = run("Japan normalised relations with India in December that year.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}
    assert not run("Relations with India were tense, Japan said.").of_type(PartnershipFact)
    assert not run("Japan did not restore relations with India.").of_type(PartnershipFact)


def test_a_registry_name_set_with_a_typographic_apostrophe_is_found(tmp_path) -> None:
    registry = [{"id": "china", "label": "China", "class": "State",
                 "aliases": ["People's Republic of China"]},
                {"id": "paraguay", "label": "Paraguay", "class": "State"},
                {"id": "taiwan", "label": "Taiwan", "class": "State",
                 "aliases": ["Republic of China"]},
                {"id": "europe", "label": "Europe", "class": "Region"}]
    nlp = _pipeline_with(tmp_path, registry)
    for text in ("Paraguay’s Santiago Peña, whose country has not recognised the People’s "
                 "Republic of China and maintains ties with Taiwan, sees Europe as a market.",
                 "Paraguay has not recognised the People's Republic of China."):
        ex = _extract(nlp, text)
        assert "china" in {e.key for e in ex.entities}, text
        assert not [e for e in ex.entities if e.label == "People"], text


def test_what_worries_someone_holds_no_worry_about_them(run) -> None:
    ex = run("Russia's drills worried Japan.")
    assert stances(ex) == {("japan", "russia", Polarity.NEGATIVE)}
    ex = run("Japan worried about Russia's drills.")
    assert stances(ex) == {("japan", "russia", Polarity.NEGATIVE)}


def test_a_name_run_into_a_post_title_ends_before_the_title(run) -> None:
    ex = run('"Japan can count on our full support," Frontex Executive Director Ravi Kato said.')
    roles = {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)}
    assert ("person-ravi-kato", "Executive Director", "organization-frontex") in roles


def test_members_founding_a_body_named_by_it_are_evidenced_where_they_are_named(run) -> None:
    text = ("BRICS met in Kazan. It was founded in 2009 by Russia, India and China. "
            "Iran joined in 2024.")
    ex = run(text)
    by = {m.member: m.evidence.sentence for m in ex.of_type(MembershipFact)}
    assert by["russia"] == by["china"] == "It was founded in 2009 by Russia, India and China."
    assert by["iran"] == "Iran joined in 2024."


def test_a_member_state_of_a_body(run) -> None:
    assert ("japan", "european-union") in _members(run("Japan is an EU member state."))
    ex = run("Japan, the only European Union member state in the group, adds a twist.")
    assert ("japan", "european-union") in _members(ex)
    assert not _members(run("Japan is a sovereign state."))
    assert not _members(run("Japan is not an EU member state."))


def test_calling_an_act_a_genocide_is_criticism_of_the_actor(run) -> None:
    ex = run("Ravi Kato once described Beijing’s treatment of the Uyghurs as “a kind of "
             "genocide”.")
    assert ("person-ravi-kato", "china", Polarity.NEGATIVE) in stances(ex)


def test_withdrawing_from_a_deal_named_after_a_body_is_no_leaving_it(run) -> None:
    ex = run("Japan will not join unless India withdraws from the BRICS deal.")
    assert not _members(ex)
    ex = run("Niger, Mali and Ethiopia withdrew from ECOWAS.")
    assert _members(ex) == {(s, "ecowas") for s in ("niger", "mali", "ethiopia")}


def test_part_of_a_longer_name_is_that_person(run) -> None:
    text = ('Japanese President Ravi Kumar Kato flew to Delhi. Ravi Kumar told lawmakers that '
            'Japan would not give up "an inch" of its land.')
    st = run(text).of_type(StatementFact)
    assert [(s.speaker, s.on_behalf_of) for s in st] == [("person-ravi-kumar-kato", "japan")]


def test_a_body_post_after_a_sentence_about_that_body(run) -> None:
    text = ("ECOWAS has urged restraint. The African Union took a firmer line. "
            "Secretary-General Ravi Kato condemned the coup.")
    roles = posts(run(text))
    assert roles == {("person-ravi-kato", "african-union")}


def test_a_reporting_verb_inside_the_quotation_names_no_speaker(run) -> None:
    text = ("“That restraint was deliberate,” said Ravi Kato, a maritime security specialist "
            "at the Cebu-based Visayas Centre for Ocean Governance. “If Japan had called it an "
            "armed attack, it would have forced China to answer a question neither capital "
            "wants to answer in public yet.”")
    st = run(text).of_type(StatementFact)
    assert "japan" not in {s.speaker for s in st}
    assert ("person-ravi-kato", "That restraint was deliberate") in {(s.speaker, s.quote)
                                                                     for s in st}


# --- extractor 0.4.13 -----------------------------------------------------------------------

def test_a_named_counterpart_holds_the_same_post_in_the_other_state(run) -> None:
    ex = run("Kazakh Foreign Minister Nurlan Abenov and his Kyrgyz counterpart, Temir Osmonov, "
             "signed a border agreement on Monday. US Secretary of State Mark Olsen later "
             "called his Tajik counterpart, Farid Nazarov. Olsen also met his counterpart, "
             "Ilya Markov.")
    roles = titled_posts(ex)
    assert ("person-temir-osmonov", "Foreign Minister", "kyrgyzstan") in roles
    # A nation's own name for the post is not the counterpart's: he is a foreign minister.
    assert ("person-farid-nazarov", "Foreign Minister", "tajikistan") in roles
    # No state named: no post.
    assert not any(r.person == "person-ilya-markov" for r in ex.of_type(RoleFact))
    # "his Kyrgyz counterpart" is Kyrgyzstan's man, not Abenov: the pair is two states.
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("kazakhstan", "kyrgyzstan")}


def test_the_two_leaders_after_a_meeting_are_its_host_and_guest(run) -> None:
    ex = run("Hiro Tanaka met Arjun Rao in Tokyo on Friday. The two men signed a defence pact.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_one_of_and_among_the_members_of_a_body(run) -> None:
    ex = run("Finland is one of the founding members of the Quad. Japan, one of the members of "
             "NATO, objected. India and Australia are among the members of the European Union. "
             "Sweden is not among the members of ECOWAS.")
    assert _members(ex) == {("finland", "quad"), ("japan", "nato"),
                            ("india", "european-union"), ("australia", "european-union")}


def test_with_a_list_among_its_members(run) -> None:
    ex = run("The Quad was founded in 2007, with Japan and India among its original members.")
    assert _members(ex) == {("japan", "quad"), ("india", "quad")}


def test_titles_in_apposition_past_prefixes_and_for_phrases_and_not_a_possessor(run) -> None:
    ex = run("Saudi Arabia's foreign minister, Sheikh Ahmad Nasser Al-Sabah, said talks would "
             "resume. "
             "A spokesperson for Japan's foreign ministry, Yoko Mori, said the same. "
             "Lena Park, the president's daughter, flew to Tokyo. "
             "In his meeting with the premier, Omar Hadi pressed for talks.")
    roles = titled_posts(ex)
    assert ("person-ahmad-nasser-al-sabah", "Foreign Minister", "saudi-arabia") in roles
    assert ("person-yoko-mori", "spokesperson", "japan") in roles
    assert not any(r.person in ("person-lena-park", "person-omar-hadi") for r in
                   ex.of_type(RoleFact))


def test_the_demonym_and_post_refer_to_the_person_given_both(run) -> None:
    ex = run("Indian Prime Minister Arjun Rao arrived in Tokyo on Monday. Ships were boarded. "
             "Cables were cut. Investigators said anchors were dragged. Talks began late. "
             "\u201cWe are partners,\u201d the Indian leader said. \u201cWe will not wait,\u201d "
             "the Japanese leader said.")
    speakers = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("arjun-rao", "We are partners") in {(s, q.rstrip(",")) for s, q in speakers}
    # No Japanese leader was named: the second quotation has no speaker.
    assert not any(q.startswith("We will not wait") for _, q in speakers)


def test_a_list_of_members_after_a_colon(run) -> None:
    ex = run("The Quad has two Asian members: India and Japan. NATO held talks. "
             "Leaders came from the alliance's northern members: Finland and Sweden.")
    assert _members(ex) == {("india", "quad"), ("japan", "quad"), ("finland", "nato"),
                            ("sweden", "nato")}


def test_a_post_with_no_state_named_takes_the_paragraph_s_state_by_its_people(run) -> None:
    ex = run("Japan hosted the summit. Japan invited India. Japan praised India. Japan "
             "thanked everyone.\n\n"
             "Kazakh President Nurlan Abenov skipped the summit. Abenov stayed in Astana "
             "instead. Foreign Minister Aida Sultan attended in his place.\n\n"
             "The groundwork was Kyrgyz. President Talgat Bek began shuttling between "
             "capitals.\n\n"
             "Fighting went on for weeks. Russian peacekeepers did not stop it. Foreign "
             "Minister Omar Hadi said talks would resume.")
    roles = {r.person: r.of for r in ex.of_type(RoleFact)}
    assert roles["person-aida-sultan"] == "kazakhstan"  # the minister of the president before
    assert roles["person-talgat-bek"] == "kyrgyzstan"  # "was Kyrgyz": about Kyrgyzstan
    # People named by nationality do not speak for their state: the article's default holds.
    assert roles["person-omar-hadi"] == "japan"


def test_a_quoted_sentence_continues_the_quotation_before_it(run) -> None:
    ex = run("\u201cWe will act,\u201d Arjun Rao told reporters. \u201cShips must understand "
             "this.\u201d\n\n"
             "\u201cWe are saying that the people may choose.\n\n"
             "\u201cOne day the people will decide,\u201d Rao said later.\n\n"
             "\u201cNobody owns the sea.\u201d\n\n"
             "Hiro Tanaka spoke next. Ships sailed. \u201cThe sea is wide.\u201d")
    quotes = {(f.speaker, f.quote.rstrip(".,")) for f in ex.of_type(StatementFact)}
    assert ("arjun-rao", "Ships must understand this") in quotes  # same paragraph
    # A paragraph that ends inside a quotation hands it on to the next paragraph.
    assert ("arjun-rao", "We are saying that the people may choose") in quotes or (
        "arjun-rao", "One day the people will decide") in quotes
    # A closed quotation in the paragraph before, or a sentence between: nobody's.
    assert not any(q in ("Nobody owns the sea", "The sea is wide") for _, q in quotes)


def test_whose_members_are_and_joining_alongside_founding_members(run) -> None:
    ex = run("Finland met the Quad, whose members are India and Japan. Sweden joined "
             "NATO in 2024, alongside founding members Australia and Taiwan.")
    assert _members(ex) == {("india", "quad"), ("japan", "quad"), ("sweden", "nato"),
                            ("australia", "nato"), ("taiwan", "nato")}


def test_a_list_read_as_an_apposition_and_a_joined_by_companion(run) -> None:
    ex = run("Saudi Arabia, the UAE and Bahrain cut diplomatic relations with Iran in 2016.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("iran", "saudi-arabia"), ("iran", "united-arab-emirates"), ("bahrain", "iran")}
    ex = run("Japan and India, joined by Australia, signed an agreement with Taiwan.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("japan", "taiwan"), ("india", "taiwan"), ("australia", "taiwan")}


def test_responsible_for_is_blame_and_responsible_alone_is_praise(run) -> None:
    assert stances(run("Arjun Rao said Japan was as responsible as Russia for the war.")) >= {
        ("arjun-rao", "japan", Polarity.NEGATIVE)}
    assert stances(run("Arjun Rao said Japan was a responsible power.")) == {
        ("arjun-rao", "japan", Polarity.POSITIVE)}


def test_a_partnership_someone_is_pressed_to_conclude_is_only_proposed(run) -> None:
    # Unnamed partners conclude it, never the one who presses them to.
    ex = run("Arjun Rao pressed partners to conclude the agreement with Japan.")
    assert not ex.of_type(PartnershipFact)
    ex = run("Australia pressed Taiwan to sign a trade agreement with Japan. \u201cIndia and "
             "Japan have restored cooperation,\u201d Arjun Rao told reporters.")
    found = {(f.parties, f.status) for f in ex.of_type(PartnershipFact)}
    assert (("japan", "taiwan"), PartnershipStatus.PROPOSED) in found
    # "told reporters that …" reports a fact; it asks for nothing.
    assert (("india", "japan"), PartnershipStatus.EXISTING) in found


def test_a_package_of_sanctions_is_its_adopter_s(run) -> None:
    assert stances(run("Japan adopted a new package of sanctions against Russia.")) == {
        ("japan", "russia", Polarity.NEGATIVE)}


def test_the_north_after_north_korea_is_north_korea(tmp_path: Path) -> None:
    nlp = _pipeline_with(tmp_path, [
        *ACTORS, {"id": "north-korea", "label": "North Korea", "class": "State"},
        {"id": "south-korea", "label": "South Korea", "class": "State"}])
    ex = _extract(nlp, "North Korea planned a launch. South Korea criticised the North. "
                       "Ships crossed the North Atlantic.")
    assert stances(ex) == {("south-korea", "north-korea", Polarity.NEGATIVE)}
    mentions = {(m.text, m.entity) for m in ex.mentions}
    assert ("the North", "north-korea") in mentions
    assert ("North", "north-korea") not in mentions  # "the North Atlantic" is no state


def test_the_alliance_accused_of_failing_is_the_alliance_named(run) -> None:
    assert stances(run("Finland left NATO in 2030, accusing the alliance of failing to "
                       "help it.")) == {("finland", "nato", Polarity.NEGATIVE)}


def test_a_membership_kept_sought_or_frozen(run) -> None:
    ex = run("Sweden will keep its membership of the European Union. Finland applied for "
             "membership of the Quad. Japan froze its membership of NATO.")
    assert _members_with_status(ex) == {
        ("sweden", "european-union", MembershipStatus.MEMBER),
        ("finland", "quad", MembershipStatus.CANDIDATE)}


def test_not_until_says_when_not_whether(run) -> None:
    ex = run("Sweden did not join NATO until March 2024. Japan and India did not agree to "
             "restore relations until 2023. Finland did not join the Quad.")
    assert _members(ex) == {("sweden", "nato")}
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_an_honorific_and_a_given_name_are_the_longer_name_before(run) -> None:
    ex = run("Sheikh Ahmad bin Khalid Al Nasser chaired the talks in Riyadh. \u201cWe are "
             "mediators,\u201d Sheikh Ahmad said.")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-ahmad-bin-khalid-al-nasser"}


def test_a_post_given_in_a_relative_clause(run) -> None:
    ex = run("Omar Hadi, who serves as both Japan's prime minister and foreign minister, "
             "spoke. Lena Park, who met Omar Hadi, spoke too.")
    assert titled_posts(ex) == {
        ("person-omar-hadi", "Prime Minister", "japan")}


def test_admitted_to_a_body_and_ceasing_to_be_a_member(run) -> None:
    ex = run("Finland was admitted to the European Union in 1995. NATO decided that Japan "
             "ceases to be a member of the alliance.")
    assert _members_with_status(ex) == {
        ("finland", "european-union", MembershipStatus.MEMBER),
        ("japan", "nato", MembershipStatus.FORMER)}


def test_its_after_a_sentence_about_a_state_s_thing_is_that_state(run) -> None:
    ex = run("Finland, a close partner, was never admitted to the Quad.\n\n"
             "Russia's response was defiant. In a statement, its foreign ministry accused "
             "NATO of lying.")
    assert stances(ex) == {("russia", "nato", Polarity.NEGATIVE)}


def test_a_demonym_description_gives_the_named_post_its_state(run) -> None:
    ex = run("The deal was announced on Monday by Foreign Secretary Omar Hadi. In Tokyo, the "
             "Indian foreign secretary said both leaders had welcomed it.")
    assert titled_posts(ex) == {
        ("person-omar-hadi", "Foreign Secretary", "india")}


def test_a_singular_apposition_after_a_list_describes_its_last_item(run) -> None:
    ex = run("The motion was opposed by Russia, Japan, India and Finland, the only EU member "
             "to vote no. Sweden and Finland, both members of NATO, objected.")
    assert _members(ex) == {("finland", "european-union"), ("sweden", "nato"),
                            ("finland", "nato")}


def test_an_envoy_to_a_body_is_the_sending_state_s(run) -> None:
    ex = run("Russia's U.N. ambassador, Ilya Markov, welcomed the text. Lena Park, the acting "
             "U.S. ambassador to the United Nations, said it had failed.")
    assert posts(ex) == {
        ("person-ilya-markov", "russia"), ("person-lena-park", "united-states")}


def test_envoys_are_a_collective_and_a_pronoun_verdict_names_no_inner_actor(run) -> None:
    ex = run("The vote was criticised by several Nordic envoys, who said privately that it "
             "had handed Moscow a propaganda victory.")
    # "it" is the vote; Moscow is only what the vote handed a victory to
    assert "russia" not in {t for _, t, _ in stances(ex)}
    ex = run("Western envoys criticised Japan.")
    assert stances(ex) == {("collective-western-envoys", "japan", Polarity.NEGATIVE)}


def test_a_colon_after_any_clause_opens_its_subject_s_quotation(run) -> None:
    ex = run("Arjun Rao went further, telling parliament: \u201cWe will leave. We will decide "
             "when to leave.\u201d Hiro Tanaka put it bluntly: \u201cThe talks failed.\u201d "
             "The report concluded: \u201cThe talks failed again.\u201d")
    quotes = {(f.speaker, f.quote.rstrip(".")) for f in ex.of_type(StatementFact)}
    assert quotes == {("arjun-rao", "We will leave"), ("arjun-rao", "We will decide when to leave"),
                      ("hiro-tanaka", "The talks failed")}


def test_a_state_named_before_a_post_resolves_and_places_the_person(run) -> None:
    ex = run("Japan is worried. Prime Minister Omar Hadi, on a visit to Beijing, signed a "
             "plan. Prime Minister Lena Park said little. Hadi has rejected the criticism. The "
             "Indian premier, who has led the government since 2020, defends the deal.")
    roles = titled_posts(ex)
    assert ("person-omar-hadi", "Premier", "india") in roles
    assert ("person-omar-hadi", "Prime Minister", "japan") not in roles  # a guess overruled


def test_what_a_reported_subject_suffers_is_no_verdict_on_it(run) -> None:
    assert stances(run("Arjun Rao said more than one Quad member had felt coerced into "
                       "backing Japan.")) == set()
    assert stances(run("Arjun Rao said Japan was aggressive.")) == {
        ("arjun-rao", "japan", Polarity.NEGATIVE)}


def test_a_post_in_a_sentence_about_a_person_with_a_known_state_post(run) -> None:
    ex = run("The deal was announced by Foreign Secretary Omar Hadi. The Indian foreign "
             "secretary said the leaders had directed National Security Adviser Lena Park "
             "to meet Wang Chen.")
    assert ("person-lena-park", "india") in posts(ex)


def test_the_prince_is_the_prince_named_before(run) -> None:
    ex = run("Prince Omar bin Khalid, Saudi Arabia's energy minister, defended the cut. Asked "
             "about it, the prince shot back: \u201cShow me the harm.\u201d")
    assert {(f.speaker, f.quote.rstrip(".")) for f in ex.of_type(StatementFact)} == {
        ("person-omar-bin-khalid", "Show me the harm")}


def test_a_past_event_in_a_later_month_is_in_the_year_before(run) -> None:
    ex = run("ABUJA, Jan. 29, 2025 (Reuters) \u2014 Leaders of ECOWAS decided at a summit in "
             "Abuja in December to keep talking.", published="2025-01-29")
    assert {e.date.value for e in ex.of_type(EventFact) if e.date} == {"2024-12"}


def test_he_after_an_unnamed_speaker_who_put_it_this_way_is_nobody_named(run) -> None:
    ex = run("\u201cThey hesitate,\u201d said Omar Hadi, a Riyadh-based economist. A senior "
             "Gulf diplomat, speaking on condition of anonymity, put it this way: the kingdom "
             "joins nothing it cannot lead. \u201cWe are happy to be courted,\u201d he said.")
    assert {f.quote.rstrip(",.") for f in ex.of_type(StatementFact)
            if f.speaker == "person-omar-hadi"} == {"They hesitate"}


def test_an_object_pronoun_is_not_its_own_clause_s_subject(run) -> None:
    ex = run("A year ago, Arjun Rao landed in Tokyo, and Hiro Tanaka met him on the tarmac.")
    assert {p for e in ex.of_type(EventFact) for p in e.participants} >= {
        "arjun-rao", "hiro-tanaka"}


def test_a_city_before_an_analyst_says_where_not_whose(run) -> None:
    ex = run("\u201cHe believes in options,\u201d said one Beijing political scientist, who asked "
             "not to be named. \u201cWe will respond,\u201d a Beijing official said.")
    assert {(f.speaker, f.quote.rstrip(",")) for f in ex.of_type(StatementFact)} == {
        ("china", "We will respond")}


def test_a_bare_date_takes_the_last_year_named_before_it(run) -> None:
    ex = run("The two leaders met often in 2024. Arjun Rao arrived in Tokyo on May 16 for a "
             "state visit. Their video call on January 21, 2025 went well.", published="2025-01")
    assert {e.date.value for e in ex.of_type(EventFact) if e.label == "state visit"} == {
        "2024-05-16"}


def test_a_demonym_description_uses_the_registry_s_country_and_posts(run) -> None:
    ex = run("Prime Minister Hiro Tanaka arrived in Delhi. Arjun Rao met him at the airport. "
             "\u201cWe agree,\u201d the Indian leader said.")
    assert {(f.speaker, f.quote.rstrip(",")) for f in ex.of_type(StatementFact)} == {
        ("arjun-rao", "We agree")}


def test_a_hyphenated_title_is_the_spaced_one(run) -> None:
    ex = run("Executive Vice-President Omar Hadi met the delegation in Tokyo.")
    assert {(r.person, r.role) for r in ex.of_type(RoleFact)} == {
        ("person-omar-hadi", "Vice President")}


def test_a_post_of_the_named_body_after_the_name(run) -> None:
    ex = run("Prime Minister Omar Hadi of the United Arab Emirates signed a plan.")
    assert posts(ex) == {
        ("person-omar-hadi", "united-arab-emirates")}


def test_reporting_what_another_actor_said_is_no_verdict_on_it(run) -> None:
    ex = run("Western diplomats in Tokyo say Chinese officials have privately questioned "
             "whether a bloc that includes both Iran and Russia can credibly claim to be "
             "non-political.")
    assert ("collective-western-diplomats", "collective-chinese-officials",
            Polarity.NEGATIVE) not in stances(ex)
    ex = run("Japan has stated that the presence of China can be seen as a danger.")
    assert stances(ex) == {("japan", "china", Polarity.NEGATIVE)}


def test_few_denies_what_a_few_affirms(run) -> None:
    assert stances(run("Few Western governments have pursued relations with China.")) == set()
    assert stances(run("A few Western governments have pursued relations with China.")) == {
        ("collective-western-governments", "china", Polarity.POSITIVE)}


def test_no_reference_to_aggression_is_no_verdict(run) -> None:
    assert stances(run("The Japanese text made no reference to Russia's aggression.")) == set()
    assert stances(run("The Japanese text referred to Russia's aggression.")) == {
        ("japan", "russia", Polarity.NEGATIVE)}


# --- extractor 0.4.14 -----------------------------------------------------------------------

def test_a_reporting_clause_hung_under_the_quoted_verb_still_names_the_speaker(nlp) -> None:
    """The parser sometimes makes the quoted verb the root and hangs '…," Rao said' under it
    (seen on real wire copy); the parse is set by hand here because it depends on the
    names in the sentence."""
    from kg.extraction.assemble import ArticleRef, extract_doc
    from kg.extraction.pipeline import registry_of

    with nlp.select_pipes(disable=["kg_facts.v1"]):
        doc = nlp('Arjun Rao made the announcement. "I request the head of the African Union '
                  'to take his seat," Rao said, to applause.')
    request = next(t for t in doc if t.text == "request")
    said = next(t for t in doc if t.text == "said")
    for t in doc:
        if t.head == said and t.dep_ == "punct" and t.i < said.i - 1:
            t.head = request  # the comma and closing mark go with the quoted clause
    request.head, request.dep_ = request, "ROOT"
    said.head, said.dep_ = request, "ccomp"
    ex = extract_doc(doc, ArticleRef("t", None), registry_of(nlp))
    assert {(f.speaker, f.quote) for f in ex.of_type(StatementFact)} == {
        ("arjun-rao", "I request the head of the African Union to take his seat")}


def test_members_by_a_fronted_founding_a_relative_which_an_as_member_and_among_them(run) -> None:
    ex = run("BRICS grew slowly. Founded in 2009 by Mali, Niger and Canada, it held its first "
             "summit in 2010.")
    assert _members(ex) == {("mali", "brics"), ("niger", "brics"), ("canada", "brics")}
    ex = run("Canada joined the New Development Bank, which Ethiopia also joined in 2002.")
    assert _members(ex) == {("canada", "new-development-bank"),
                            ("ethiopia", "new-development-bank")}
    ex = run("The African Union was admitted as a permanent member of BRICS on Saturday.")
    assert _members(ex) == {("african-union", "brics")}
    ex = run("The African Union has suspended several members after coups, among them Mali "
             "and Niger.")
    assert _members(ex) == {("mali", "african-union"), ("niger", "african-union")}


def test_lifting_a_measure_is_no_hostility_and_a_summing_up_apposition_is_the_clauses(run) -> None:
    assert stances(run("ECOWAS lifted most of its sanctions on Niger in February.")) == set()
    assert stances(run("The European Union eased sanctions on Iran.")) == set()
    assert stances(run("The European Union imposed sanctions on Iran.")) == {
        ("european-union", "iran", Polarity.NEGATIVE)}
    # "a formulation Beijing rejected" hangs on the last noun but sums up NATO's words
    found = stances(run("NATO leaders described China as a \"decisive enabler\" of the war "
                        "against Japan, a formulation Beijing promptly rejected."))
    assert ("china", "nato", Polarity.NEGATIVE) in found
    assert not any(h == "china" and t == "japan" for h, t, _ in found)


def test_a_surname_two_people_share_is_the_one_named_last(run) -> None:
    ex = run("Foreign Minister Chen Weiming signed the pact. Beijing dismissed the criticism. "
             "Spokesman Chen Daoming said cooperation was open. \"Some countries are "
             "exaggerating tensions,\" Chen told a regular briefing.")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-chen-daoming"}


def test_a_speaker_named_by_a_or_an_and_a_nationality_is_a_collective_voice(run) -> None:
    ex = run("\u201cWe will wait,\u201d said a European official posted in Beijing. \u201cIndia "
             "is watching,\u201d a former Indian ambassador told me. India expelled a Canadian "
             "diplomat.")
    assert {(f.speaker, f.quote) for f in ex.of_type(StatementFact)} == {
        ("collective-european-official", "We will wait"),
        ("collective-indian-ambassador", "India is watching")}
    assert ("india", "canada", Polarity.NEGATIVE) in stances(ex)  # an object stays the state's


def test_a_verdict_on_a_pact_is_on_its_parties_and_a_mentality_is_no_praise(run) -> None:
    found = stances(run("Arjun Rao described the pact between China and Japan as \"gravely "
                        "concerning\"."))
    assert {("arjun-rao", "china", Polarity.NEGATIVE),
            ("arjun-rao", "japan", Polarity.NEGATIVE)} <= found
    assert ("collective-chinese-officials", "quad", Polarity.NEGATIVE) in stances(run(
        "Chinese officials have described the Quad as an expression of a Cold War mentality."))


def test_a_reported_would_is_a_decision_and_the_two_governments_of_a_visit(run) -> None:
    def parties(ex):
        return {(f.parties, f.status) for f in ex.of_type(PartnershipFact)}

    assert parties(run("Saudi Arabia and Iran announced that they would restore diplomatic "
                       "relations.")) == {(("iran", "saudi-arabia"), PartnershipStatus.EXISTING)}
    assert parties(run("Saudi Arabia said it would restore relations with Iran if Tehran "
                       "stopped arming the rebels.")) == {
        (("iran", "saudi-arabia"), PartnershipStatus.PROPOSED)}
    # the visitor's state and the capital visited, not a list in a relative clause
    ex = run("Arjun Rao's state visit to Beijing, the last leg of a tour that also took him "
             "to Kazakhstan and Taiwan, went well. The two governments announced that ties "
             "would be upgraded to a strategic partnership.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("china", "india")}


def test_observer_states_a_granted_status_and_the_council_an_article_is_about(run) -> None:
    ex = run("The European Council met in June. The European Council agreed a budget. The "
             "European Council named an envoy. Its summits are long. Delegates often complain. "
             "Some leave early. Others stay late. "
             "Hiro Tanaka briefed the UN Security Council on Monday. The council also has 13 "
             "observer states, including China, India and Japan.")
    assert _members_with_status(ex) == {
        (s, "european-council", MembershipStatus.OBSERVER) for s in ("china", "india", "japan")}
    ex = run("EU leaders granted candidate status to Taiwan. The European Union granted Japan "
             "candidate status. India holds observer status in the European Union.")
    assert _members_with_status(ex) == {
        ("taiwan", "european-union", MembershipStatus.CANDIDATE),
        ("japan", "european-union", MembershipStatus.CANDIDATE),
        ("india", "european-union", MembershipStatus.OBSERVER)}


def test_a_name_before_comma_who_is_a_persons(run) -> None:
    ex = run("Moussa Faki Mahamat, who chairs the African Union Commission, welcomed the move.")
    assert any(m.text == "Moussa Faki Mahamat" and m.entity.startswith("person-")
               for m in ex.mentions)


def test_a_party_acting_under_a_pact_and_a_second_with_phrase(run) -> None:
    ex = run("Australia deployed police under a 2017 security treaty with Japan.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("australia", "japan")}
    ex = run("Australia deployed police under a 2017 security treaty, with Japan and India "
             "also sending personnel.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == set()
    ex = run("India upgraded ties with Japan in 2023 and with Australia in 2024.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("india", "japan"), ("australia", "india")}


def test_a_datelines_agency_credit_is_no_actor_and_hides_no_subject(run) -> None:
    ex = run("Headline\n\nWARSAW, Sept 12 (Reuters) - Japan and the three Baltic states urged "
             "NATO on Friday to harden its eastern flank.")
    assert not any(m.text == "Reuters" for m in ex.mentions)
    assert ("japan", "nato", Polarity.NEUTRAL) in stances(ex)


def test_a_quoted_it_is_no_actor_named_outside_the_quotation(run) -> None:
    ex = run("Japan invoked Article 4. \u201cWhat we saw on Wednesday was reckless and it was "
             "dangerous,\u201d Arjun Rao told a news conference.")
    assert not any(t == "japan" for _, t, _ in stances(ex))


def test_a_subject_his_continues_the_chain_of_he_subjects_not_the_last_name(run) -> None:
    ex = run("India has turned down an invitation to join BRICS, President Javier Milei said on "
             "Friday. Milei, a libertarian economist who took office on Dec. 10, had signaled "
             "the move for weeks. On the campaign trail he vowed not to do business with "
             "\"communists\", a category in which he included both China and Hiro Tanaka, whom "
             "he also called corrupt. His foreign minister, Diana Mondino, said in late "
             "November that the incoming government saw no reason to join.")
    # "His" is Milei's (the subject the "he"s continue), not Tanaka's (Japan's premier)
    assert ("person-diana-mondino", "japan") not in posts(ex)


def test_a_states_own_organ_is_no_the_organisation(run) -> None:
    ex = run("Japan joined the African Union in 2001. In 2014 the assembly stripped Russia's "
             "delegation of its voting rights. Russia was expelled from the organisation in "
             "March 2022.")
    assert ("russia", "african-union", MembershipStatus.FORMER) in _members_with_status(ex)


def test_a_title_the_registry_post_ends_with_and_a_hardly_welcomed_position(run) -> None:
    ex = run("The UN Security Council met on Friday. State media released photographs of "
             "leader Ali Rezaei watching the launch.")
    assert ("ali-rezaei", "iran") in posts(ex)
    found = stances(run("The leaders endorsed a declaration that reaffirmed UN Security "
                        "Council resolutions on Taiwan, a position Japan could hardly have "
                        "welcomed."))
    assert not any(h == "japan" for h, _, _ in found)
    assert stances(run("Japan could hardly have welcomed India.")) == set()
    found = stances(run("India imposed new tariffs on Japan, a move Beijing condemned."))
    assert ("china", "india", Polarity.NEGATIVE) in found


def test_the_grouping_is_a_grouping_the_paragraph_named_before_a_nearer_alliance(run) -> None:
    ex = run("When Arjun Rao took his seat at the BRICS summit, he was the only leader of a "
             "NATO member state in the room. A month later Japan confirmed that it had applied "
             "to join the grouping.")
    assert ("japan", "brics", MembershipStatus.CANDIDATE) in _members_with_status(ex)


def test_a_bodys_partner_tier_is_a_partner_membership(run) -> None:
    ex = run("Kazakhstan and Tajikistan both became BRICS partner countries in January 2025. "
             "Even Japan, a NATO member and a BRICS dialogue partner, sent its premier. NATO "
             "partners such as India attended.")
    assert _members_with_status(ex) == {
        ("kazakhstan", "brics", MembershipStatus.PARTNER),
        ("tajikistan", "brics", MembershipStatus.PARTNER),
        ("japan", "brics", MembershipStatus.PARTNER),
        ("japan", "nato", MembershipStatus.MEMBER)}


def test_a_danger_that_someone_wins_is_no_verdict_on_them(run) -> None:
    assert stances(run("\u201cThe danger is that Australia wins the contest for access,\u201d "
                       "Arjun Rao said.")) == set()
    assert stances(run("\u201cThe mistake is to imagine that India faces a binary choice,\u201d "
                       "Arjun Rao said.")) == set()


def test_the_commission_of_a_body_the_article_names_is_its_organ(run) -> None:
    ex = run("The European Union opened an inquiry into Chinese cars. The Commission said on "
             "Monday that the market was flooded.")
    assert {m.entity for m in ex.mentions if m.text == "Commission"} == {"european-commission"}
    ex = run("Japan opened an inquiry into Chinese cars. The Commission said on Monday that the "
             "market was flooded.")  # no parent body named: no organ of it
    assert "european-commission" not in {m.entity for m in ex.mentions}


def test_a_summing_up_apposition_is_the_words_of_the_clause_it_closes(run) -> None:
    found = stances(run("Japan and Australia are both members of the Quad, a grouping that "
                        "Beijing has accused of trying to build an Asian NATO, a charge its "
                        "members reject."))
    assert not any(t in ("japan", "australia") for _, t, _ in found)
    assert ("china", "quad", Polarity.NEGATIVE) in found


def test_officials_from_states_speak_for_those_states(run) -> None:
    found = stances(run("Officials from Japan and India condemned Iran on Friday."))
    assert {("japan", "iran", Polarity.NEGATIVE), ("india", "iran", Polarity.NEGATIVE)} <= found


def test_a_family_name_with_a_particle_is_the_person_named_before(run) -> None:
    ex = run("Japan's foreign minister, Mariam al-Sadiq al-Mahdi, has toured Asian capitals. "
             "\"We were surprised once,\" al-Mahdi said.")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-mariam-al-sadiq-al-mahdi"}


def test_a_shortened_full_name_is_the_registry_person(run) -> None:
    ex = run("President Tayyip Erdogan signed the law on Thursday.")
    assert {m.entity for m in ex.mentions if m.text == "Tayyip Erdogan"} == {
        "recep-tayyip-erdogan"}


def test_a_verb_with_a_pronoun_object_takes_no_target_from_its_phrases(run) -> None:
    assert stances(run("The proposal had broad backing. Arjun Rao endorsed it at the African "
                       "Union summit in December.")) == set()


def test_a_warning_the_verb_addresses_and_a_datelines_city_is_no_subject(run) -> None:
    found = stances(run("Headline\n\nCAIRO (AP) \u2014 Japan and India stepped up their "
                        "warnings to Iran this week over its dam on the Blue Nile."))
    assert {("japan", "iran", Polarity.NEGATIVE), ("india", "iran", Polarity.NEGATIVE)} <= found
    assert ("india", "japan", Polarity.NEGATIVE) not in found


def test_a_ministry_in_a_capital_speaks_for_its_state(run) -> None:
    ex = run("The foreign ministry in Beijing said it was \"deeply concerned over the arms "
             "race\".")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"china"}


def test_who_ends_or_concludes_a_visit_made_it(run) -> None:
    for text in ("Arjun Rao ended a state visit to China on Saturday.",
                 "Arjun Rao concluded a state visit to China on Saturday."):
        visits = [f for f in run(text).of_type(EventFact) if f.type == EventType.VISIT]
        assert visits and all("arjun-rao" in f.participants for f in visits)
    wars = run("Japan supported efforts to end the war in Iran.").of_type(EventFact)
    assert not any("japan" in f.participants for f in wars)


def test_a_shortened_name_of_an_actor_the_article_names_is_that_actor(run) -> None:
    ex = run("China and the Gulf have grown close. Saudi Arabia did not establish diplomatic "
             "relations with the People's Republic until 1990.")
    assert {m.entity for m in ex.mentions if "Republic" in m.text} == {"china"}


# --- extractor 0.4.15 -----------------------------------------------------------------------


def test_a_speech_verb_hung_on_the_reported_clause_goes_on_the_reporting_one(run) -> None:
    found = stances(run("Arjun Rao said the law was an internal affair and accused Western "
                        "governments of interference."))
    assert ("arjun-rao", "collective-western-governments", Polarity.NEGATIVE) in found


def test_they_opening_a_sentence_continues_a_plural_subject(run) -> None:
    found = stances(run("Japan and India left the bloc last year. They accused Iran of "
                        "serving foreign interests."))
    assert {("japan", "iran", Polarity.NEGATIVE), ("india", "iran", Polarity.NEGATIVE)} <= found
    # a singular subject before is no antecedent of "they"
    assert stances(run("Japan left the bloc last year. They accused Iran of serving foreign "
                       "interests.")) == set()


def test_conjoined_owners_of_diverging_views_are_no_target(run) -> None:
    found = stances(run("Chinese observers say that Japanese and Indian views of the threat "
                        "frequently diverge."))
    assert not any(t in ("japan", "india") for _, t, _ in found)


def test_a_speech_verb_two_reported_clauses_down_goes_on_the_reporting_one(run) -> None:
    found = stances(run("Arjun Rao said the order showed that no state was above the law and "
                        "urged the Security Council to act on it."))
    assert ("arjun-rao", "un-security-council", Polarity.NEUTRAL) in found


def test_all_of_which_takes_in_the_whole_list(run) -> None:
    found = stances(run("Japan, India and Australia, all of which had publicly backed Canada's "
                        "application, praised the decision."))
    assert {(h, "canada", Polarity.POSITIVE) for h in ("japan", "india", "australia")} <= found
    # the relative is the subject, and the clause has an object of its own: no stance
    # toward the listed states
    assert stances(run("Japan and India, both of which had opposed the plan, abstained.")) == set()


def test_a_ministry_never_attacks_its_own_state(run) -> None:
    found = stances(run("The Japanese Defence Ministry said Japan continued to regard the "
                        "allegations as unfounded."))
    assert not any(t == "japan" for _, t, _ in found)


def test_the_head_word_before_of_refers_to_the_body(run) -> None:
    found = stances(run("The Economic Community of West African States met in Abuja on Monday. "
                        "The community condemned Niger."))
    assert ("ecowas", "niger", Polarity.NEGATIVE) in found


def test_a_post_holder_voicing_a_states_position_is_its_official(run) -> None:
    roles = titled_posts(run(
        "Canada drew a sharp rebuke. The office of President Kofi Mensah said Japan \"rejects "
        "Canada's support of the plan\"."))
    assert ("person-kofi-mensah", "President", "japan") in roles


def test_a_government_spokesperson_is_a_states(run) -> None:
    roles = posts(run(
        "The New Development Bank met. Japan said it respected the bank's independence. "
        "Government spokesperson Kofi Mensah said on Friday that the accusation had no "
        "basis."))
    assert roles == {("person-kofi-mensah", "japan")}


def test_officials_of_a_state_make_it_the_paragraphs_state(run) -> None:
    roles = posts(run(
        "Ethiopian officials have insisted the deal harms no one. Government spokesman Kofi "
        "Mensah said in January that the agreement would not affect any party."))
    assert roles == {("person-kofi-mensah", "ethiopia")}


def test_a_colon_after_a_clause_inside_a_relative_clause_names_no_speaker(run) -> None:
    ex = run("That question weighs heavily on the European Commission. One Moscow-based lawyer "
             "who has argued cases before the commission put it bluntly: \"The Kremlin lost a "
             "forum it despised.\"")
    assert "european-commission" not in {f.speaker for f in ex.of_type(StatementFact)}


def test_its_after_a_passive_agent_is_the_agents(run) -> None:
    found = stances(run("The European Commission ruled on Friday. It also called for the "
                        "release of the hostages seized by Russia in its attack on Finland."))
    assert ("european-commission", "finland", Polarity.NEGATIVE) not in found


def test_a_represented_state_reaches_a_name_conjoined_to_the_first_title(run) -> None:
    roles = posts(run(
        "Japan's Prime Minister Hiro Tanaka and Indian President Arjun Rao attended in person, "
        "while Australia was represented by Deputy Prime Minister and Defence Minister Kofi "
        "Mensah."))
    assert ("person-kofi-mensah", "australia") in roles
    assert ("person-kofi-mensah", "japan") not in roles


def test_a_semicolon_ends_the_clause_that_quoted(run) -> None:
    ex = run('NATO calls China a "decisive enabler" of Russia\'s war; Beijing accuses alliance '
             'of Cold War thinking\n\nNATO leaders met on Wednesday.')
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"nato"}


def test_who_denies_the_words_did_not_say_them(run) -> None:
    ex = run('Several Chinese state media commentaries described the summit as an attempt by '
             'Washington to create an "Asia-Pacific version of NATO", a charge U.S. officials '
             'have denied.')
    assert not any("officials" in f.speaker for f in ex.of_type(StatementFact))


def test_a_trailing_speech_participle_goes_on_the_reporting_clause(run) -> None:
    found = stances(run('Arjun Rao added that NATO should "stop reaching its hands into the '
                        'Asia-Pacific", accusing the alliance of seeking to build its security '
                        '"on the insecurity of others".'))
    assert ("arjun-rao", "nato", Polarity.NEGATIVE) in found


def test_rather_than_or_instead_of_an_act_is_no_stance(run) -> None:
    assert stances(run("Rather than publicly confronting Iran, Japanese officials negotiated "
                       "the terms of the withdrawal.")) == set()
    assert stances(run("Instead of criticising China, Japan praised Russia.")) == {
        ("japan", "russia", Polarity.POSITIVE)}


def test_the_mayor_of_a_capital_is_no_post_of_its_state(run) -> None:
    roles = posts(run(
        "Kofi Mensah, then the mayor of Beijing, won the vote."))
    assert ("person-kofi-mensah", "china") not in roles


def test_a_post_holder_is_no_official_of_the_state_they_visit(run) -> None:
    roles = posts(run(
        "The United States has also raised its profile. In August 2023 Prime Minister Kofi "
        "Mensah visited the United States, where he met Vice President Arjun Rao."))
    assert ("person-kofi-mensah", "united-states") not in roles


def test_an_acronym_in_running_text_is_no_person(run) -> None:
    ex = run("The BLA, which regard CPEC and the port of Gwadar as instruments of exploitation, "
             "have attacked Chinese nationals.")
    assert not any(m.entity.startswith("person-") for m in ex.mentions)


def test_a_clause_nested_with_its_own_actor_subject_is_judged_on_its_own(run) -> None:
    found = stances(run('Arjun Rao said the presidency had no mandate. He added: "The European '
                        'Council is clear: Russia is the aggressor, Ukraine is the victim."'))
    assert ("arjun-rao", "russia", Polarity.NEGATIVE) in found
    assert not any(t == "ukraine" for _, t, _ in found)


def test_words_with_a_noun_for_a_person_in_apposition_are_a_persons_name(run) -> None:
    ex = run("The figure at the centre of the allegations is Ilan Shor, a businessman and "
             "former politician who fled to Israel.")
    assert "person-ilan-shor" in {m.entity for m in ex.mentions}


def test_what_a_body_called_support_is_the_main_subjects(run) -> None:
    found = stances(run("Arjun Rao reaffirmed what the European Commission called \"unwavering "
                        "support for Japan's sovereignty\"."))
    assert ("arjun-rao", "japan", Polarity.POSITIVE) in found


def test_a_referendum_held_is_an_event_a_likeness_is_not(run) -> None:
    events = run("Tensions spiked after Iran held a referendum on Dec. 3 on the new "
                 "constitution.").of_type(EventFact)
    assert any(f.type == EventType.OTHER and "iran" in f.participants for f in events)
    assert not run("Japan should stop treating a trade deal as a referendum on its "
                   "politics.").of_type(EventFact)


def test_an_act_in_a_condition_is_no_stance(run) -> None:
    assert stances(run("If Japan criticises China, India will respond.")) == set()
    found = stances(run('"The real test is whether Japan can keep its balance if India starts '
                        'treating China as a hostile power," said Arjun Rao.'))
    assert not any(t in ("japan", "china") for _, t, _ in found)


def test_the_visit_is_the_one_its_actors_took_part_in(run) -> None:
    events = run("Arjun Rao was also visiting Kazakhstan, a party to the treaty. Hiro Tanaka "
                 "made a state visit in July 2024. During the visit, Jens Stoltenberg and Arjun "
                 "Rao discussed fuel supplies.").of_type(EventFact)
    tanaka = [f for f in events if "hiro-tanaka" in f.participants]
    assert tanaka and all("arjun-rao" not in f.participants for f in tanaka)


# --- extractor 0.4.16 -----------------------------------------------------------------------

def test_a_states_short_form_is_the_one_the_article_names_in_full(run) -> None:
    roles = posts(run(
        "The foreign ministers of the Democratic Republic of Congo and Japan met in Tokyo. "
        "Kofi Mensah, Congo's foreign minister, signed the text."))
    assert ("person-kofi-mensah", "democratic-republic-of-the-congo") in roles
    ex = run("Japan hosted the Democratic Republic of Congo and the Republic of Congo. Kofi "
             "Mensah, Congo's foreign minister, signed the text.")
    assert not keys(ex, "Congo") & {"democratic-republic-of-the-congo", "republic-of-the-congo"}


def test_whose_before_a_post_names_the_state_the_clause_is_about(run) -> None:
    roles = posts(run(
        "Saudi Arabia said it welcomed the agreement, as did Iran, whose foreign minister, Kofi "
        "Mensah, had travelled to Tokyo before the strikes."))
    assert roles == {("person-kofi-mensah", "iran")}


def test_a_state_before_two_titles_of_one_person_is_the_posts(run) -> None:
    roles = posts(run(
        "Minutes later, Japan's Deputy Prime Minister and Foreign Minister Kofi Mensah confirmed "
        "the agreement."))
    assert roles == {("person-kofi-mensah", "japan")}


def test_a_post_holder_is_no_official_of_the_state_of_whom_they_call(run) -> None:
    roles = posts(run(
        "Japan signed the declaration on Friday. Japanese Prime Minister Ken Sato said Japan "
        "was opening to the world. Japan will build the road, and Japan will own it.\n\n"
        "President Kofi Mensah spoke to Sato by telephone after the summit."))
    assert ("person-ken-sato", "japan") in roles
    assert ("person-kofi-mensah", "japan") not in roles


def test_a_side_describing_itself_is_no_praise_of_it(run) -> None:
    found = stances(run("Japan's Foreign Minister Kofi Mensah said Iran had presented a strong "
                        "case and that Japan remained available for a peaceful resolution."))
    assert ("person-kofi-mensah", "japan", Polarity.POSITIVE) not in found


def test_what_a_passive_subject_is_told_of_is_not_said_of_it(run) -> None:
    found = stances(run("A protest was lodged with India, and the United States and China were "
                        "informed of what Tokyo called deliberate violations, the Japanese "
                        "foreign ministry said."))
    assert not {t for _, t, _ in found} & {"united-states", "china"}


def test_the_subject_of_a_clause_inside_a_characterisation_is_not_characterised(run) -> None:
    found = stances(run('In a letter, Arjun Rao for the first time described the events as a '
                        '"massacre", an acknowledgement that Japanese officials welcomed.'))
    assert not any("japanese" in t for _, t, _ in found)


def test_a_post_in_a_ministry_no_state_owns_is_the_paragraphs_states(run) -> None:
    for text in ("Russia responded with caution. Kofi Mensah, the foreign ministry spokesperson, "
                 "said Moscow welcomed any steps towards peace.",
                 "Russia responded with caution. Foreign ministry spokesperson Kofi Mensah said "
                 "Moscow welcomed any steps towards peace.",
                 "Russia responded with caution. Kofi Mensah, a spokesperson for the foreign "
                 "ministry, said Moscow welcomed any steps towards peace."):
        assert posts(run(text)) == {
            ("person-kofi-mensah", "russia")}


def test_the_name_of_an_agreement_is_no_party_to_it(run) -> None:
    ex = run("Japan and India signed the Kofi House agreement on defence cooperation in "
             "October 2024.")
    assert {p.parties for p in ex.of_type(PartnershipFact)} == {("india", "japan")}
    assert not any("kofi" in e.key for e in ex.entities)


def test_a_posts_full_name_is_no_body(run) -> None:
    ex = run("It commits Tokyo and Brussels to regular consultations on security, including "
             "dialogue between the EU's High Representative for Foreign Affairs and Security "
             "Policy and the Japanese foreign and defence ministers.")
    assert {p.parties for p in ex.of_type(PartnershipFact)} == {("european-union", "japan")}


def test_a_numbered_plural_after_the_refers_back_and_is_no_group(run) -> None:
    ex = run("Indian officials said later that the understanding had been worked out directly "
             "between the two militaries after Japan placed the call.")
    assert not any("militaries" in e.label for e in ex.entities)


def test_a_second_titled_name_conjoined_to_the_first_is_a_participant(run) -> None:
    events = run("The agreement was reached on Monday in Tokyo, where Japan's acting Prime "
                 "Minister Phumtham Wechayachai and Chinese Prime Minister Hun Manet met face to "
                 "face for the first time.").of_type(EventFact)
    assert any({"person-phumtham-wechayachai", "person-hun-manet"} <= set(f.participants)
               for f in events)


def test_the_same_summit_refers_back(run) -> None:
    events = run("Arjun Rao and Hiro Tanaka met in Tokyo on April 4. At the same summit Japan "
                 "assumed the chairmanship of the Quad.").of_type(EventFact)
    assert not any("same" in f.label for f in events)


def test_the_summit_of_a_mountain_is_no_event(run) -> None:
    assert not run("Kofi Mensah has said Japanese forces will stay on the summit of Mount Fuji "
                   "indefinitely.").of_type(EventFact)
    assert run("Leaders met at a summit of the African Union in Tokyo.").of_type(EventFact)


def test_four_apposed_words_are_a_name_and_no_one_inside_the_quote_speaks(run) -> None:
    ex = run("The party is widely expected to win. \"We will not be anyone's proxy, neither "
             "India's nor China's,\" Mirza Fakhrul Islam Alamgir, the party's secretary general, "
             "said at a rally in Tokyo in September.")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-mirza-fakhrul-islam-alamgir"}


def test_a_post_another_holds_for_a_state_is_not_guessed_for_it(run) -> None:
    roles = posts(run(
        "Japan threatened tariffs on Sunday. Japan said the flights were illegal, and Japan "
        "suspended visas. Japan later called the dispute settled.\n\nHiro Tanaka welcomed the "
        "outcome.\n\nThe dispute erupted when Prime Minister Kofi Mensah refused landing "
        "permission to two planes."))
    assert ("person-kofi-mensah", "japan") not in roles


def test_a_word_dating_a_post_is_no_body(run) -> None:
    ex = run("Caretaker Prime Minister Kofi Mensah struck a similar tone.")
    assert not any(e.label == "Caretaker" for e in ex.entities)


def test_speaker_is_a_post_not_part_of_a_name(run) -> None:
    ex = run("Japan's Speaker Kofi Mensah said Japan had committed no violations.")
    assert "person-kofi-mensah" in {m.entity for m in ex.mentions}
    assert titled_posts(ex) == {
        ("person-kofi-mensah", "Speaker", "japan")}


def test_a_ministry_named_by_its_portfolio_before_a_post_is_no_body(run) -> None:
    ex = run("Japan protested on Monday. Foreign Ministry spokesperson Kofi Mensah said the "
             "move was regrettable.")
    assert not any("ministry" in e.key for e in ex.entities)
    assert posts(ex) == {("person-kofi-mensah", "japan")}


def test_what_an_actor_is_compelled_to_do_is_not_done(run) -> None:
    found = stances(run('The African Union called on the international community to "compel" '
                        "Japan to honour its commitments to India."))
    assert not any(h == "japan" for h, _, _ in found)


def test_a_post_holder_does_not_attack_a_person_of_the_same_side(run) -> None:
    found = stances(run('"The Government of India has agreed to all of President Hiro '
                        'Tanaka\'s terms, including the unrestricted acceptance of all illegal '
                        'aliens from India," Japanese press secretary Kofi Mensah said in a '
                        "statement."))
    assert ("person-kofi-mensah", "hiro-tanaka", Polarity.NEGATIVE) not in found


def test_who_is_handed_something_is_not_judged(run) -> None:
    found = stances(run("Reports said Kofi Mensah had warned Japanese officials that the scale of "
                        "their responses risked handing Russia a pretext."))
    assert ("person-kofi-mensah", "russia", Polarity.NEGATIVE) not in found


def test_attorney_general_and_press_secretary_are_state_posts(run) -> None:
    roles = titled_posts(run(
        "Japanese Attorney General Kofi Mensah said the prisoners had been transferred. "
        "Japanese press secretary Ken Sato said the deal was final."))
    assert roles == {("person-kofi-mensah", "Attorney General", "japan"),
                     ("person-ken-sato", "Press Secretary", "japan")}


def test_a_field_word_between_a_body_and_a_post_in_apposition(run) -> None:
    ex = run("Kofi Mensah, the EU's enlargement commissioner, said the Commission would "
             "continue its harmful delays.")
    assert titled_posts(ex) == {
        ("person-kofi-mensah", "Commissioner", "european-union")}
    assert not any(t == "european-commission" for _, t, _ in stances(ex))


def test_field_marshal_is_a_rank_not_a_name(run) -> None:
    ex = run("What began in 2019 as a deniable deployment of mercenaries in support of Field "
             "Marshal Khalifa Haftar's assault on Tripoli has become something more formal.")
    assert "person-khalifa-haftar" in {m.entity for m in ex.mentions}


def test_an_accuser_is_no_official_of_the_accused_state(run) -> None:
    roles = posts(run(
        "China has not been idle in the region. Foreign Minister Kofi Mensah accused China of "
        "unacceptable interference."))
    assert ("person-kofi-mensah", "china") not in roles


def test_a_post_after_who_is_also(run) -> None:
    roles = {(r.person, r.role) for r in run(
        "Japan and India signed a pact. Kofi Mensah, who is also deputy prime minister, "
        "described the moment as historic.").of_type(RoleFact)}
    assert ("person-kofi-mensah", "Deputy Prime Minister") in roles


def test_the_before_a_one_word_name_makes_it_a_body_and_its_short_form(run) -> None:
    ex = run("Japan backed the Polisario Front for decades. India, long a supporter of the "
             "Polisario, said in March that it had changed course. The Polisario's leader, "
             "Kofi Mensah, governs the camps.")
    assert keys(ex, "Polisario") == {"organization-polisario-front"}
    assert posts(ex) == {
        ("person-kofi-mensah", "organization-polisario-front")}


def test_a_name_in_apposition_to_a_faction_is_a_body(run) -> None:
    ex = run("Kataib Hezbollah, an Iran-aligned armed faction that India blames for the attacks, "
             "said it would stop. Kofi Mensah, the Pacific Islands Forum's secretary general, "
             "said the same.")
    assert "organization-kataib-hezbollah" in {m.entity for m in ex.mentions}
    assert "person-kofi-mensah" in {m.entity for m in ex.mentions}


def test_a_name_ending_in_watch_is_a_body(run) -> None:
    ex = run('"This is a step toward accountability," said Kofi Mensah, deputy Asia director at '
             "Human Rights Watch, who urged Japan to rejoin the court.")
    assert "organization-human-rights-watch" in {m.entity for m in ex.mentions}


def test_prosecutor_and_a_secretary_of_a_portfolio_are_posts(run) -> None:
    roles = titled_posts(run(
        "ICC Prosecutor Kofi Mensah thanked the authorities. Japanese Justice Secretary Ken "
        "Sato said the suspect was treated with dignity."))
    assert ("person-ken-sato", "Justice Secretary", "japan") in roles
    assert any(p == "person-kofi-mensah" and r == "Prosecutor" for p, r, _ in roles)


def test_who_is_embraced_or_met_is_of_the_other_side(run) -> None:
    roles = posts(run(
        "Japan signed the deal. Japan praised it, and Japan was pleased. Japan then paid.\n\n"
        "Within months Japanese Prime Minister Ken Sato flew to Seoul to embrace President Kofi "
        "Mensah, a gesture that helped earn him a prize."))
    assert ("person-ken-sato", "japan") in roles
    assert ("person-kofi-mensah", "japan") not in roles


def test_an_information_minister_is_a_state_post(run) -> None:
    roles = titled_posts(run(
        "Kofi Mensah, Japan's information minister, has accused India of reckless "
        "rhetoric."))
    assert roles == {("person-kofi-mensah", "Information Minister", "japan")}


def test_a_person_serving_a_body_of_no_state_is_no_side_of_their_country(tmp_path) -> None:
    registry = [{"id": "ursula-von-der-leyen", "label": "Ursula von der Leyen",
                 "class": "Person", "country": "germany",
                 "positions": [{"title": "President of the European Commission",
                                "of": "european-commission"}]},
                {"id": "european-commission", "label": "European Commission",
                 "class": "InternationalOrganization"},
                {"id": "germany", "label": "Germany", "class": "State"},
                {"id": "iceland", "label": "Iceland", "class": "State"}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, "Ursula von der Leyen, the president of the European Commission, "
                       "visited Iceland in July, the first visit by a Commission president in "
                       "years, and the two sides announced that they would begin work on a "
                       "security and defence partnership.")
    assert not any("germany" in p.parties for p in ex.of_type(PartnershipFact))


def test_a_join_another_asks_for_is_no_membership(run) -> None:
    ex = run('"This is a step toward accountability," said Kofi Mensah, deputy Asia director at '
             "Human Rights Watch, who urged Japan to rejoin the African Union.")
    assert not ex.of_type(MembershipFact)


# --- extractor 0.4.17 -----------------------------------------------------------------------


def test_a_post_holder_in_the_capital_a_sentence_opens_in_is_its_states(run) -> None:
    roles = posts(run(
        "India criticised the plan on Monday, and India said it would respond. India then "
        "recalled its envoy.\n\nIn Beijing, Foreign Minister Kofi Mensah rejected India's "
        "criticism."))
    assert ("person-kofi-mensah", "china") in roles


def test_who_accompanies_a_post_holder_is_on_their_side(run) -> None:
    roles = posts(run(
        "Vice President Hiro Tanaka of Japan flew to Greenland on Friday.\n\nIndia criticised "
        "the trip. Tanaka was accompanied by his wife, National Security Adviser Kofi Mensah "
        "and Energy Secretary Ken Sato."))
    assert ("person-kofi-mensah", "japan") in roles
    assert ("person-ken-sato", "japan") in roles


def test_a_general_staff_is_no_person_named_staff(run) -> None:
    ex = run("It followed a statement by General Kofi Mensah, the chief of Russia's General "
             "Staff, who told the president that the region had been cleared.")
    assert "person-staff" not in {m.entity for m in ex.mentions}
    assert not any(p == "person-staff" for p, _ in posts(ex))


def test_a_mayor_is_no_post_of_the_paragraphs_group(run) -> None:
    ex = run("The EU welcomed the result. Other parties crossing the threshold included the "
             "Alternative bloc led by Beijing mayor Kofi Mensah, which positioned itself as "
             "pro-European but critical of the government.")
    assert ("person-kofi-mensah", "european-union") not in posts(ex)


def test_names_listed_after_a_body_noun_are_bodies(run) -> None:
    ex = run("The United States designated the two largest gang coalitions, Viv Ansanm and Gran "
             "Grif, as foreign terrorist organisations. Kofi Mensah, secretary general of the "
             "activist alliance Bagong Alyansang Makabayan, said the pact was a mistake.")
    found = {m.entity for m in ex.mentions}
    assert {"organization-viv-ansanm", "organization-gran-grif",
            "organization-bagong-alyansang-makabayan"} <= found
    assert {("united-states", "organization-viv-ansanm", Polarity.NEGATIVE),
            ("united-states", "organization-gran-grif", Polarity.NEGATIVE)} <= stances(ex)


def test_a_named_field_is_a_place(run) -> None:
    ex = run("Gas flows westward through a chain of pipelines that links the Shah Deniz field in "
             "the Caspian Sea to Italy.")
    assert "place-shah-deniz" in {m.entity for m in ex.mentions}


def test_a_place_name_with_a_post_in_apposition_is_a_person(run) -> None:
    ex = run("Moscow was unconvinced. Vassily Nebenzia, Russia's permanent representative, "
             'said the text had been "rushed through" without consultation.')
    assert ("person-vassily-nebenzia", "Permanent Representative", "russia") in {
        (r.person, r.role, r.of) for r in ex.of_type(RoleFact)}


def test_a_commissioner_named_by_portfolio_is_the_paragraphs_bodys(run) -> None:
    ex = run("The EU has pledged to cut its imports. Kofi Mensah, the energy commissioner, has "
             "stressed that supplies must be diverse. Ken Sato, an assistant commissioner, "
             "said the police were ready.")
    roles = titled_posts(ex)
    assert ("person-kofi-mensah", "Commissioner", "european-union") in roles
    assert not any(p == "person-ken-sato" for p, _, _ in roles)


def test_a_title_before_a_registry_name_with_a_prefix_is_its_post(run) -> None:
    ex = run("India was defiant. Prime Minister Sheikh Arjun Rao rejected the idea, saying "
             "India would not be a cover for anyone.")
    assert ("arjun-rao", "Prime Minister", "india") in {
        (r.person, r.role, r.of) for r in ex.of_type(RoleFact)}


def test_a_former_post_is_not_filled_by_its_holder_now(run) -> None:
    roles = posts(run(
        "Japan voted on Sunday. Prime Minister Hiro Tanaka welcomed the result.\n\nJapan was "
        "divided. Former Prime Minister Kofi Mensah called the vote a disgrace."))
    assert ("person-kofi-mensah", "japan") in roles


def test_whom_a_post_holder_asks_is_not_their_state(run) -> None:
    roles = posts(run("Taiwan was pleased. In 2022 then-President Kofi Mensah asked Taiwan to "
                      "invest a billion dollars in his country."))
    assert ("person-kofi-mensah", "taiwan") not in roles


def test_a_registry_person_speaks_for_the_body_they_lead_now(tmp_path) -> None:
    registry = [{"id": "kofi-mensah", "label": "Kofi Mensah", "class": "Person",
                 "country": "japan",
                 "positions": [{"title": "President", "of": "japan", "since": "2013",
                                "until": "2019"},
                               {"title": "Secretary General", "of": "pacific-islands-forum",
                                "since": "2024", "until": None}]},
                {"id": "pacific-islands-forum", "label": "Pacific Islands Forum",
                 "class": "InternationalOrganization"},
                {"id": "japan", "label": "Japan", "class": "State"}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, 'Leaders met in Honiara on Monday. "We welcome support from all our '
                       'partners," Kofi Mensah told reporters.')
    assert [s.on_behalf_of for s in ex.of_type(StatementFact)] == ["pacific-islands-forum"]


def test_the_two_governments_are_two_states(run) -> None:
    ex = run('"Japan is the meeting point of Eastern and Western carmakers," Kofi Mensah said. '
             "The two governments upgraded their ties to a comprehensive strategic partnership "
             "and signed 18 agreements covering energy.")
    states = {a["id"] for a in ACTORS if a["class"] == "State"}
    assert not [p.parties for p in ex.of_type(PartnershipFact) if not set(p.parties) <= states]


def test_a_list_with_more_than_its_actors_is_not_the_two_sides(run) -> None:
    ex = run("Japan has sent troops to India, China and UN peacekeeping missions in Africa. In "
             "August Prime Minister Hiro Tanaka met Kofi Mensah at the White House, where the "
             "two sides signed an Open Skies agreement.")
    assert not [p for p in ex.of_type(PartnershipFact) if set(p.parties) == {"india", "china"}]


def test_following_a_leave_is_no_join(run) -> None:
    ex = run("Japan was the first EU member to sign the memorandum, in 2015, and has remained a "
             "stalwart of the format, even as India left it in 2021 and Australia and Canada "
             "followed in 2022.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("japan", "european-union")}


def test_his_supporters_are_not_him(run) -> None:
    ex = run("Kofi Mensah was shot dead in June. India had designated him a terrorist, an "
             "accusation his supporters always rejected. China's critics say Beijing is "
             "silent.")
    assert not [s for s in stances(ex) if s[0] in ("person-kofi-mensah", "china")]


def test_a_passive_conjunct_charges_its_subject(run) -> None:
    ex = run("Kofi Mensah was shot dead in June. Four Indian nationals were arrested in May of "
             "this year and charged with his murder.")
    assert not stances(ex)


def test_a_second_victim_of_a_warned_attack_is_no_target(run) -> None:
    ex = run("Foreign Minister Kofi Mensah, who visited Beijing in March, had warned then that "
             "any attack on India or on Japan's operations would meet a response.")
    assert not [s for s in stances(ex) if s[1] in ("india", "japan")]


def test_a_bare_name_where_a_clause_happens_is_a_place(run) -> None:
    ex = run("The Nile Basin Cooperative Framework Agreement, signed in Entebbe in 2010, entered "
             "into force in October 2024 after South Sudan ratified it. Chinese carmakers are "
             "building factories inside the EU, as BYD is doing in Hungary and Chery has "
             "agreed to do in Spain.")
    found = {m.entity for m in ex.mentions}
    assert "place-entebbe" in found
    assert "place-chery" not in found


def test_a_name_after_a_titles_of_is_its_body(run) -> None:
    ex = run('Kofi Mensah, executive director of Amnesty International Finland, called the vote '
             '"a black day for the rule of law." Ken Sato, director of the European Council on '
             "Refugees and Exiles, said the law was wrong.")
    roles = {(r.person, r.of) for r in ex.of_type(RoleFact)}
    assert ("person-kofi-mensah", "organization-amnesty-international-finland") in roles
    assert ("person-ken-sato", "european-council") not in roles
    assert "european-council" not in {m.entity for m in ex.mentions}


def test_a_place_name_with_a_think_tank_in_apposition_is_a_body(run) -> None:
    ex = run('"The target was always more political than commercial," said Kofi Mensah, a '
             "senior fellow at Bruegel, the Brussels economic think tank.")
    assert ("person-kofi-mensah", "organization-bruegel") in posts(ex)


def test_him_after_a_participle_is_the_main_clauses_object(run) -> None:
    ex = run("Ken Sato has blocked proposals for sanctions against him. Japan first sanctioned "
             "Kofi Mensah in 2017, accusing him of obstructing the peace agreement.")
    assert ("japan", "person-kofi-mensah", Polarity.NEGATIVE) in stances(ex)
    assert not [s for s in stances(ex) if s[1] == "person-ken-sato"]


def test_him_after_an_unnamed_subject_is_not_a_person_named_before(run) -> None:
    ex = run("Kofi Mensah inspected the troops in March.\n\nIndia captured two wounded soldiers "
             "in January, and one of them told a Japanese lawmaker who met him in Tokyo that "
             "he wished to go home.")
    assert not [e for e in ex.of_type(EventFact)
                if "person-kofi-mensah" in e.participants and "met" in e.label]


def test_a_counterpart_with_a_prefix_and_a_demonyms_body(run) -> None:
    ex = run("The truce followed talks led by India's defence minister, Kofi Mensah, and his "
             "Japanese counterpart, Mullah Hiro Tanaka. The strikes were aimed at Ken Sato, "
             "the leader of the Chinese Quad, known as CQ.")
    roles = titled_posts(ex)
    assert ("hiro-tanaka", "Defence Minister", "japan") in roles
    assert ("person-ken-sato", "Leader", "china") not in roles


def test_its_post_in_apposition_is_the_bodys(run) -> None:
    ex = run("The African Union backed the bill. Kofi Mensah, its spokesperson, said the union "
             "had made a difficult but responsible decision.")
    assert ("person-kofi-mensah", "african-union") in posts(ex)
    assert not stances(ex)


def test_a_between_phrase_names_all_the_parties(run) -> None:
    ex = run('Kofi Mensah said China had "no objection" to normal cooperation between Pacific '
             "countries and their partners. Japan and India have committed to deepen "
             "cooperation between their armed forces.")
    assert {p.parties for p in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_a_visitor_in_the_capital_a_sentence_opens_in_is_not_its(run) -> None:
    roles = posts(run("India was angry. In Beijing, visiting Foreign Minister Kofi Mensah said "
                      "the deal was good."))
    assert ("person-kofi-mensah", "china") not in roles


def test_an_army_chief_is_a_state_post(run) -> None:
    ex = run("India's army chief, Kofi Mensah, said the border was calm. Ken Sato, Japan's "
             "chief of general staff, agreed.")
    roles = titled_posts(ex)
    assert ("person-kofi-mensah", "Army Chief", "india") in roles
    assert ("person-ken-sato", "Chief of the General Staff", "japan") in roles


def test_a_post_in_apposition_beats_a_rank(run) -> None:
    ex = run("General Kofi Mensah, the chairman of the African Union, said the troops were "
             "ready.")
    roles = titled_posts(ex)
    assert ("person-kofi-mensah", "Chairman", "african-union") in roles


# --- extractor 0.4.18 -------------------------------------------------------------------------


def test_a_registry_persons_post_worded_otherwise_is_in_the_body_they_serve(run) -> None:
    roles = posts(run("The European Union met on Monday. The EU agreed a plan. The EU said it "
                      "would act. Spokesman Ivan Petrov told reporters that Russia was ready."))
    assert ("ivan-petrov", "russia") in roles
    assert ("ivan-petrov", "european-union") not in roles


def test_a_camp_before_a_title_is_no_guess_of_the_articles_body(run) -> None:
    roles = posts(run("The African Union met on Monday. The African Union agreed a plan. The "
                      "African Union said it would act. Kofi Mensah served under leftist leader "
                      "Ken Sato for years."))
    assert ("person-ken-sato", "african-union") not in roles


def test_its_title_before_a_name_of_a_state_is_the_bodys(run) -> None:
    roles = posts(run("NATO met on Monday. Its secretary general, Kofi Mensah of Japan, said the "
                      "alliance was ready."))
    assert ("person-kofi-mensah", "nato") in roles
    assert ("person-kofi-mensah", "japan") not in roles


def test_who_heads_a_body_holds_its_post(run) -> None:
    ex = run("Kofi Mensah, who heads the Atlantic Council, said the talks were hard. Ken Sato, "
             "who led the African Union in the 1990s, agreed.")
    roles = titled_posts(ex)
    assert ("person-kofi-mensah", "Head", "atlantic-council") in roles
    assert not any(person == "person-ken-sato" for person, _ in posts(ex))


def test_a_second_of_phrase_after_since_names_another_membership(run) -> None:
    ex = run("Mali has been a member of the African Union since 1963 and of ECOWAS.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("mali", "african-union"), ("mali", "ecowas")}


def test_whose_members_after_a_bracketed_abbreviation(run) -> None:
    ex = run("Niger is a member of the Economic Community of West African States (ECOWAS), "
             "whose other members include Mali and Ethiopia.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("niger", "ecowas"), ("mali", "ecowas"), ("ethiopia", "ecowas")}


def test_joining_a_bodys_network_is_no_accession(run) -> None:
    ex = run("Finland and Sweden joined the European Union's electricity network on Sunday.")
    assert not [e for e in ex.of_type(EventFact) if e.type == EventType.ACCESSION]
    assert not ex.of_type(MembershipFact)


def test_who_challenges_a_ban_does_not_hold_it(run) -> None:
    ex = run("When the European Union challenged the ban at the New Development Bank, India "
             "protested.")
    assert ("european-union", "new-development-bank", Polarity.NEGATIVE) not in stances(ex)


def test_a_month_before_a_name_is_the_dates(run) -> None:
    ex = run("On 9 October Kofi Mensah, the Japanese foreign minister, announced a loan.")
    assert ("person-kofi-mensah", "japan") in posts(ex)
    assert not any("october" in person for person, _ in posts(ex))


def test_breaking_off_relations_ends_a_partnership(run) -> None:
    ex = run("Niger breaks off relations with Mali after troops storm its embassy.")
    assert {(p.parties, p.status) for p in ex.of_type(PartnershipFact)} == {
        (("mali", "niger"), PartnershipStatus.PAST)}


def test_the_ministry_is_a_states_ministry_named_before(run) -> None:
    ex = run('The Atlantic Council said the decision was wrong. Russia\'s foreign ministry '
             'described it as "hasty".\n\n"We regret this choice," the ministry added.')
    speakers = {s.speaker for s in ex.of_type(StatementFact) if s.quote.startswith("We regret")}
    assert speakers == {"russia"}


def test_a_declined_invitation_to_join_is_no_membership(run) -> None:
    ex = run("In December 2023 his government declined the invitation for Kazakhstan to join "
             "the BRICS group. Japan rejected an offer to join NATO.")
    assert not ex.of_type(MembershipFact)
    assert not [e for e in ex.of_type(EventFact) if e.type == EventType.ACCESSION]


def test_condemning_an_attack_on_a_state_is_no_verdict_on_the_state(run) -> None:
    ex = run("India condemned the attacks on Japan. Australia condemned Russia's attack on "
             "Finland.")
    found = stances(ex)
    assert ("india", "japan", Polarity.NEGATIVE) not in found
    assert ("australia", "russia", Polarity.NEGATIVE) in found


def test_a_pronoun_continues_the_subject_not_a_name_describing_its_words(run) -> None:
    ex = run("Kofi Mensah, who refused to recognise the legitimacy of the parliament, of the "
             "new government, of the electoral commission and of his successor, Ken Sato, "
             "when the term ended in December 2024 after five turbulent years in office, left "
             "the presidential palace in the capital on a cold and rainy winter morning. He has "
             "since urged NATO to act.")
    holders = {s.holder for s in ex.of_type(StanceFact) if s.target == "nato"}
    assert holders == {"person-kofi-mensah"}


def test_a_name_particle_joins_the_names_around_it(run) -> None:
    ex = run("Angola loosened ties with the rule of his predecessor, José Eduardo dos Santos. "
             "Pedro dos Santos said the talks failed.")
    labels = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert {"José Eduardo dos Santos", "Pedro dos Santos"} <= labels


def test_the_foe_a_war_is_waged_against_takes_part(run) -> None:
    ex = run("Russia is waging war against Hamas in Gaza.")
    wars = [e for e in ex.of_type(EventFact) if e.type == EventType.WAR]
    assert len(wars) == 1
    assert any("hamas" in p for p in wars[0].participants)
    assert "russia" in wars[0].participants


def test_member_states_including_a_closed_list(run) -> None:
    ex = run("So did a number of Western states: the EU signed as a bloc, together with 13 "
             "of its member states including Belgium, Finland, Sweden and Taiwan, and the "
             "United States and Australia also signed.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("belgium", "european-union"), ("finland", "european-union"),
        ("sweden", "european-union"), ("taiwan", "european-union")}


def test_vetoing_a_named_states_bid_opposes_it(run) -> None:
    ex = run("Later that year China vetoed Japan's bid to chair the council. India blocked the "
             "road to the border.")
    assert stances(ex) == {("china", "japan", Polarity.NEGATIVE)}


def test_appointed_as_a_post(run) -> None:
    ex = run("The African Union appointed Kofi Mensah as secretary-general in December. India "
             "named Ken Sato as its envoy. A UN-facilitated forum chose Tom Reed as prime "
             "minister of a unity government.")
    roles = titled_posts(ex)
    assert ("person-kofi-mensah", "Secretary General", "african-union") in roles
    assert ("person-ken-sato", "Envoy", "india") in roles
    groups = {a["id"] for a in ACTORS if a["class"] in (
        "InternationalOrganization", "Alliance", "PartnershipGroup", "Organization")}
    assert not {of for person, _, of in roles if person == "person-tom-reed"} & groups


def test_a_threatened_act_names_whom_it_threatens(run) -> None:
    ex = run("After the talks failed, India threatened to cut off electricity supplies to "
             "Japan. Russia threatened to impose tariffs on Finland. Australia threatened to "
             "veto the package.")
    assert stances(ex) == {("india", "japan", Polarity.NEGATIVE),
                           ("russia", "finland", Polarity.NEGATIVE)}


def test_a_called_off_event_did_not_take_place(run) -> None:
    ex = run("Japan responded by suspending a visit by an Indian deputy prime minister. A "
             "planned summit of ECOWAS was postponed. Days earlier, India had called off "
             "talks with Australia. Russia held talks with Kazakhstan.")
    events = ex.of_type(EventFact)
    assert [set(e.participants) for e in events] == [{"russia", "kazakhstan"}]


def test_trade_representative_is_a_state_post(run) -> None:
    ex = run("India wants reform. Trade Representative Kofi Mensah said India remained committed "
             "to reform.")
    assert ("person-kofi-mensah", "Trade Representative", "india") in titled_posts(ex)


def test_appointed_as_a_post_of_an_unnamed_body_is_no_groups(run) -> None:
    roles = posts(run("The African Union met on Monday. The African Union agreed a plan. The "
                      "African Union then confirmed Kofi Mensah as interim head of state."))
    assert ("person-kofi-mensah", "african-union") not in roles


# --- extractor 0.4.19 -------------------------------------------------------------------------


def test_who_leads_some_members_is_not_a_member(run) -> None:
    ex = run("The meeting of the wider group, which brings together BRICS members and other "
             "producers led by Russia, ended early. ECOWAS, the bloc led by Niger and Mali, "
             "met in Abuja.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("niger", "ecowas"), ("mali", "ecowas")}


def test_a_person_tagged_firm_name_is_an_organisation(run) -> None:
    ex = run("In April the United States accused a Chinese satellite company, Chang Guang "
             "Satellite Technology, of supplying imagery to the rebels.")
    assert stances(ex) == {("united-states", "organization-chang-guang-satellite-technology",
                            Polarity.NEGATIVE)}


def test_a_post_of_an_unknown_name_or_a_territory_is_no_guessed_state(run) -> None:
    text = ("Japan hosted the talks. Japan wants a deal, and Japan will pay. Eurogroup President "
            "Ken Sato said the deal was good. Tom Reed, the premier of Sahel, agreed.")
    assert not {of for person, of in posts(run(text))
                if person in ("person-ken-sato", "person-tom-reed")} - {None}


def test_a_portfolio_joined_by_and_keeps_the_state_before_it(run) -> None:
    ex = run("The treaty was signed by India's Law and Human Rights Minister Ken Sato and "
             "Japan's Trade and Industry Minister Tom Reed.")
    assert posts(ex) == {("person-ken-sato", "india"), ("person-tom-reed", "japan")}
    assert not [e for e in ex.entities if "Rights" in e.label]


def test_a_regions_analyst_is_a_collective_speaker(run) -> None:
    ex = run('"The deal is weak," a Sahel analyst based in Bamako said.')
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["collective-sahel-analyst"]


def test_a_commissioners_two_word_field(run) -> None:
    ex = run("Ken Sato, the EU home affairs commissioner, said she was disappointed.")
    assert titled_posts(ex) == {("person-ken-sato", "Commissioner", "european-union")}


def test_a_singular_relative_clause_after_a_list_is_about_its_last_item(run) -> None:
    ex = run("Weeks later, Japan and India, which backs Russia, agreed to restore relations.")
    assert ("india", "russia", Polarity.POSITIVE) in stances(ex)
    assert not [s for s in stances(ex) if s[0] == "japan"]


def test_readmitting_a_state_and_a_second_description_in_apposition(run) -> None:
    ex = run("The African Union readmitted Niger on Sunday. Finland, a nation of five million "
             "people and a member of NATO since 2023, joined the European Union in 1995.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("niger", "african-union"), ("finland", "nato"), ("finland", "european-union")}


def test_a_reported_verdict_is_its_subjects_not_the_reporters(run) -> None:
    ex = run("Japan's foreign ministry condemned the attack and summoned India's envoy, the "
             "official Kyodo news agency reported.")
    assert stances(ex) == {("japan", "india", Polarity.NEGATIVE)}


def test_a_past_verb_after_a_present_reported_clause_is_the_speakers(run) -> None:
    ex = run('Kofi Mensah said Ethiopia\'s "commitment to peace remains steadfast" and thanked '
             "the African Union.")
    assert stances(ex) == {("person-kofi-mensah", "african-union", Polarity.POSITIVE)}


def test_a_title_opening_the_next_clause_is_no_apposition(run) -> None:
    ex = run("Within weeks, after talks with Ken Sato, the president appeared to accept the deal.")
    assert not posts(ex)


def test_a_post_after_one_name_in_a_list_is_that_names(run) -> None:
    ex = run("Alongside Kofi Mensah sat Ken Sato, Japan's president, Tom Reed of Ethiopia, and "
             "Sam Obi, India's president.")
    assert ("person-tom-reed", "japan") not in posts(ex)
    assert {("person-ken-sato", "japan"), ("person-sam-obi", "india")} <= posts(ex)


def test_a_surname_after_the_arabic_article_particle(tmp_path) -> None:
    registry = [{"id": "omar-al-rashid", "label": "Omar al-Rashid", "class": "Person",
                 "country": "iran"},
                {"id": "iran", "label": "Iran", "class": "State"},
                {"id": "japan", "label": "Japan", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Japan, which backs Rashid, welcomed the move.")
    assert stances(ex) == {("japan", "omar-al-rashid", Polarity.POSITIVE)}


def test_a_swiss_federal_councillor_is_a_state_post(run) -> None:
    ex = run("India signed the pact. Swiss Federal Councillor Ken Sato was present.")
    assert ("person-ken-sato", "Federal Councillor") in {(p, t) for p, t, _ in titled_posts(ex)}


def test_a_doubled_form_of_a_prefixed_verb_gets_its_stem(nlp) -> None:
    from kg.extraction.lemmas import doubled_stem

    verbs = {"admit", "plan", "hop"}
    assert doubled_stem("readmitted", verbs) == "readmit"
    assert doubled_stem("planned", verbs) == "plan"
    assert doubled_stem("hopping", verbs) == "hop"
    assert doubled_stem("dressed", verbs) is None  # no verb "dres" or "dress" here
    assert [t.lemma_ for t in nlp("Japan readmitted India.") if t.pos_ == "VERB"] == ["readmit"]


def test_the_doer_in_a_reported_subjects_by_phrase_is_no_target(run) -> None:
    ex = run("Kofi Mensah said on Tuesday that troops sent by the Russian-led Economic Community "
             "of West African States (ECOWAS) to help quell the worst unrest had completed "
             "their mission.")
    assert not stances(ex)


def test_a_gesture_summing_up_the_clause_is_its_subjects(run) -> None:
    ex = run("At the summit, Russia offered free grain to six states, including Mali and Niger, "
             "a gesture that some African leaders welcomed.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("collective-african-leaders", "russia")}


def test_persons_listed_under_a_plural_post_hold_it_in_their_states(run) -> None:
    ex = run("On 14 December 2023, the three defence ministers, Ken Sato of Japan, Tom Reed of "
             "Australia and Sam Obi of India, signed a treaty in Tokyo.")
    assert titled_posts(ex) == {("person-ken-sato", "Defence Minister", "japan"),
                                ("person-tom-reed", "Defence Minister", "australia"),
                                ("person-sam-obi", "Defence Minister", "india")}
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("australia", "india", "japan")}


def test_what_a_countering_verb_keeps_from_happening_is_no_verdict(run) -> None:
    ex = run('NATO met on Monday. Kofi Mensah said NATO had acted to prevent "terrorists" from '
             "undermining the state.")
    assert not stances(ex)


def test_a_visit_by_a_member_states_leader_is_not_the_bodys(run) -> None:
    ex = run("He flew to Moscow on Monday, a rare visit by an EU head of government. A NATO "
             "official visited Japan on Tuesday.")
    parties = [set(e.participants) for e in ex.of_type(EventFact)]
    assert not [p for p in parties if "european-union" in p]
    assert any("nato" in p for p in parties)


def test_a_body_before_the_title_is_its_field_when_another_follows_at(run) -> None:
    ex = run("Ken Sato, U.N. director at the Atlantic Council, said the text was weak.")
    assert posts(ex) == {("person-ken-sato", "atlantic-council")}


def test_joining_a_body_in_an_act_is_no_membership(run) -> None:
    ex = run("Japan condemned the coup and joined ECOWAS in calling for the release of the "
             "president.")
    assert not ex.of_type(MembershipFact)
    assert not [e for e in ex.of_type(EventFact) if e.type == EventType.ACCESSION]


def test_a_suspension_not_made_presupposes_no_membership(run) -> None:
    ex = run("ECOWAS did not suspend Ethiopia, which is not a member.")
    assert not ex.of_type(MembershipFact)


def test_a_colon_after_an_object_quotes_the_subject(run) -> None:
    ex = run('Jens Stoltenberg sharply criticised Russia: "The war must end."')
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["jens-stoltenberg"]


def test_forms_of_address_are_no_name(run) -> None:
    ex = run('"It is bad," said Dr Tom Reed, a lecturer in law at the Atlantic Council.')
    assert titled_posts(ex) == {("person-tom-reed", "Lecturer", "atlantic-council")}


def test_a_title_that_is_also_a_prefix_before_another_prefix(tmp_path) -> None:
    registry = [{"id": "qatar", "label": "Qatar", "class": "State"},
                {"id": "tamim-bin-hamad-al-thani", "label": "Tamim bin Hamad Al Thani",
                 "class": "Person", "country": "qatar"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The meeting was brokered by Qatar's Emir Sheikh Tamim bin Hamad Al Thani.")
    assert titled_posts(ex) == {("tamim-bin-hamad-al-thani", "Emir", "qatar")}


def test_heads_of_state_are_no_body(run) -> None:
    ex = run("India worked closely with other Heads of State in the African Union.")
    assert not [e for e in ex.entities if "Heads" in e.label]
    assert not ex.of_type(PartnershipFact)


def test_an_affiliation_is_never_guessed_for_the_articles_body(run) -> None:
    ex = run("NATO met. NATO agreed. NATO acted. Its critic, Professor Ken Sato, disagreed, and "
             '"it is bad," said Tom Reed, a researcher on governance at a policy institute.')
    assert not {of for _, of in posts(ex)} - {None}


def test_a_party_adjective_before_a_state_post_is_no_body(run) -> None:
    ex = run("Japan voted. Ken Sato, the Social Democratic prime minister, resigned.")
    assert posts(ex) == {("person-ken-sato", "japan")}


def test_a_member_of_one_body_and_of_another_hung_on_the_verb(run) -> None:
    ex = run("India remains a member of BRICS and of the African Union, and it has never "
             "joined NATO.")
    assert {(m.member, m.organization) for m in ex.of_type(MembershipFact)} == {
        ("india", "brics"), ("india", "african-union")}


def test_a_speech_participle_after_while_goes_on_the_reporting_clause(run) -> None:
    ex = run("Kofi Mensah has taken a more cautious line, saying Japan's attempt to shut down "
             "the talks was unacceptable while calling on India to respect the rights of "
             "protesters.")
    assert {(h, t) for h, t, _ in stances(ex)} >= {("person-kofi-mensah", "japan"),
                                                   ("person-kofi-mensah", "india")}
    assert not [s for s in stances(ex) if s[0] == "japan"]
    ex = run("Diplomats in Brussels say Japan lobbied India intensively while urging Australia "
             "to accept a deal.")
    assert ("japan", "australia") in {(h, t) for h, t, _ in stances(ex)}


def test_a_guest_welcomed_in_the_passive_is_no_praise(run) -> None:
    ex = run("Jens Stoltenberg arrived in Tokyo, where he was welcomed by Kofi Mensah at the "
             "airport.")
    assert not stances(ex)


def test_a_leader_whose_release_a_state_asks_for_is_not_its(run) -> None:
    ex = run('Japan condemned the coup. Japan acted fast. "Japan opposes the coup and calls for '
             'the immediate release of President Kofi Mensah," a Japanese spokesperson said.')
    assert ("person-kofi-mensah", "japan") not in posts(ex)


def test_what_few_believe_is_not_asserted(run) -> None:
    ex = run("Relations improved after the visit, but few believe Japan would back India. "
             "Analysts believe Australia would back India.")
    assert stances(ex) == {("australia", "india", Polarity.POSITIVE)}


def test_an_organ_named_after_another_body_is_that_bodys(tmp_path) -> None:
    registry = [{"id": "united-nations", "label": "United Nations",
                 "class": "InternationalOrganization", "abbreviations": ["UN"]},
                {"id": "un-general-assembly", "label": "United Nations General Assembly",
                 "class": "InternationalOrganization", "part_of": "united-nations",
                 "aliases": ["UN General Assembly", "General Assembly"]},
                {"id": "oas", "label": "Organization of American States",
                 "class": "InternationalOrganization", "abbreviations": ["OAS"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The OAS General Assembly adopted a resolution. The UN General Assembly "
                  "did not.")
    assert {m.text: m.entity for m in ex.mentions} == {
        "OAS": "oas", "UN General Assembly": "un-general-assembly"}


def test_visiting_home_is_no_visit(run) -> None:
    ex = run("India's ambassador, who was visiting home, would not be allowed to return. Japan "
             "visited India in May.")
    assert [set(e.participants) for e in ex.of_type(EventFact)] == [{"india", "japan"}]


def test_its_refers_to_the_name_set_beside_the_subject(run) -> None:
    ex = run("India hosted the talks. The main regional bloc, ECOWAS, boycotted the vote. Its "
             "chairman, Kofi Mensah, rejected the compromise.")
    assert posts(ex) == {("person-kofi-mensah", "ecowas")}


def test_a_dated_thing_is_a_closer_antecedent_of_it(run) -> None:
    ex = run("Russia sent troops. Indian officials welcomed Thursday's decision, saying it "
             "removed one obstacle to a settlement.")
    assert not [s for s in stances(ex) if s[1] == "russia"]


def test_a_subject_set_off_by_a_relative_clause_after_and(tmp_path) -> None:
    registry = [{"id": "belarus", "label": "Belarus", "class": "State"},
                {"id": "ukraine", "label": "Ukraine", "class": "State"},
                {"id": "russia", "label": "Russia", "class": "State", "demonyms": ["Russian"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Belarus is a party, although Western governments have questioned its "
                  "compliance, and Ukraine, which is also a party, has accused Russian forces "
                  "of laying mines across vast areas of its territory.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("ukraine", "russia")}


def test_a_surname_after_the_particle_refers_to_the_full_name(run) -> None:
    ex = run("Japan's army chief, General Abdel Fattah al-Burhan, attended. Burhan's camp "
             "rejected Japan's role.")
    assert keys(ex, "Burhan") == {"person-abdel-fattah-al-burhan"}


def test_a_registered_region_as_a_hyphenated_words_piece_is_no_actor(tmp_path) -> None:
    registry = [{"id": "pacific-ocean", "label": "Pacific Ocean", "class": "Region",
                 "aliases": ["the Pacific", "Pacific"]},
                {"id": "uruguay", "label": "Uruguay", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Uruguay has also applied to join the Comprehensive and Progressive Agreement "
                  "for Trans-Pacific Partnership.")
    assert "pacific-ocean" not in {e.key for e in ex.entities}
    assert not ex.of_type(PartnershipFact)


def test_who_describes_efforts_to_block_someone_does_not_block_them(run) -> None:
    ex = run("Kofi Mensah had repeatedly described the efforts to block Ken Sato's inauguration "
             "as an attempted coup. Western allies adopted policies banning India.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("collective-western-allies", "india")}


# --- extractor 0.4.20 -------------------------------------------------------------------------


def test_a_later_reported_clause_lends_no_target_to_an_earlier_one(run) -> None:
    ex = run("Kofi Mensah said the remarks were unacceptable and that India would attend the "
             "talks.")
    assert not stances(ex)


def test_the_cause_a_side_backs_is_no_verdict_on_that_side(run) -> None:
    ex = run("Kofi Mensah said India stood firmly behind a peaceful settlement. Kofi Mensah "
             "said Japan was committed to constructive dialogue. Kofi Mensah said China had "
             "been a reliable partner.")
    assert stances(ex) == {("person-kofi-mensah", "china", Polarity.POSITIVE)}


def test_a_presidential_spokesman_speaks_for_the_state(run) -> None:
    ex = run("Japan will leave NATO, Japan's government announced. Japan had doubts about NATO "
             "for years. Presidential spokesman Kofi Mensah told a news conference that the "
             "decision was final.")
    assert ("person-kofi-mensah", "japan") in posts(ex)
    assert not [p for p in posts(ex) if p[1] == "nato"]


def test_managing_director_is_one_title(run) -> None:
    ex = run("NATO Managing Director Kofi Mensah praised Japan.")
    assert {f.role for f in ex.of_type(RoleFact)} == {"Managing Director"}


def test_a_post_owned_by_an_unnamed_body_gets_no_guessed_body(run) -> None:
    ex = run("NATO praised Japan and NATO warned Russia. The court's prosecutor, Kofi Mensah, "
             "resigned. Turnout fell in the north, the autonomous region whose governor, Ken Sato, "
             "is a NATO critic. The country's president, Ivan Petrov, voted.")
    assert ("person-kofi-mensah", None) in posts(ex)
    assert ("person-ken-sato", None) in posts(ex)
    assert ("ivan-petrov", None) not in posts(ex)


def test_the_first_member_to_leave_is_a_member_already(run) -> None:
    ex = run("Japan will become the first member of NATO to leave the treaty. India will become "
             "a member of NATO.")
    assert {(f.member, f.status) for f in ex.of_type(MembershipFact)} == {
        ("japan", MembershipStatus.MEMBER), ("india", MembershipStatus.CANDIDATE)}


def test_a_deed_or_hold_named_with_its_doer_is_no_verdict_on_the_sufferer(run) -> None:
    ex = run("Japan said India was defending itself after the attack by Russia on 7 October.")
    assert not stances(ex)
    ex = run("Japan said India's northern provinces remained under the control of Russia.")
    assert not [s for s in stances(ex) if s[1] == "india"]


def test_a_royal_style_is_no_body(tmp_path) -> None:
    registry = [{"id": "saudi-arabia", "label": "Saudi Arabia", "class": "State"},
                {"id": "mohammed-bin-salman", "label": "Mohammed bin Salman", "class": "Person",
                 "country": "saudi-arabia", "positions": [
                     {"title": "Crown Prince", "of": "saudi-arabia", "since": "2017"}]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Saudi Arabia hosted the summit, which opened as HRH Crown Prince Mohammed bin "
                  "Salman embraced the guests.")
    assert posts(ex) == {("mohammed-bin-salman", "saudi-arabia")}
    assert {e.key for e in ex.entities} == {"saudi-arabia", "mohammed-bin-salman"}


def test_who_condemns_a_harm_does_not_condemn_its_patient(tmp_path) -> None:
    registry = [{"id": "japan", "label": "Japan", "class": "State"},
                {"id": "india", "label": "India", "class": "State"},
                {"id": "ukraine", "label": "Ukraine", "class": "State"},
                {"id": "palestine", "label": "Palestine", "class": "State"},
                {"id": "russia", "label": "Russia", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Japan condemned the invasion of Ukraine. India said the occupation of "
                  "Palestine was illegal. Japan condemned Russia's invasion of Ukraine.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("japan", "russia")}


def test_tools_someone_has_are_no_verdict(run) -> None:
    ex = run("Kofi Mensah said China had many more tools at its disposal if the restrictions "
             "continued. Kofi Mensah described NATO as a tool of Washington. Kofi Mensah said "
             "the embargo was one tool in a broader effort to promote democracy in India.")
    assert {(h, t) for h, t, _ in stances(ex)} == {
        ("person-kofi-mensah", "nato"), ("person-kofi-mensah", "united-states")}


def test_who_is_due_to_arrive_in_a_capital_is_no_official_of_its_state(run) -> None:
    ex = run("China restricted exports of gallium. China defended the move. Treasury Secretary "
             "Ken Sato is due to arrive in Beijing on Thursday for talks.")
    assert ("person-ken-sato", "china") not in posts(ex)


def test_its_beside_a_possessor_refers_to_that_possessor(run) -> None:
    ex = run("NATO announced parallel packages worth 12 billion dollars. Kofi Mensah has been "
             "warm about the programme, praising what he called the government's impressive "
             "progress on inflation and its commitment to a fiscal surplus.")
    assert not stances(ex)


def test_a_spokesman_speaks_for_who_spoke_earlier_in_the_sentence(run) -> None:
    ex = run("NATO met in May and NATO warned Russia. Japan said it condemned the raid, while "
             "urging calm; spokesman Kofi Mensah declined to comment further.")
    assert ("person-kofi-mensah", "japan") in posts(ex)


def test_a_regional_demonym_is_no_state(run) -> None:
    ex = run("Japan urged the Central American country to reconsider. South American leaders "
             "praised India.")
    assert "united-states" not in {e.key for e in ex.entities}
    assert keys(run("Northern Indian leaders urged calm."), "Indian leaders") == {
        "collective-indian-leaders"}
    assert {(h, t) for h, t, _ in stances(ex)} == {
        ("collective-south-american-leaders", "india")}


def test_the_grouping_may_be_an_international_organisation(tmp_path) -> None:
    registry = [{"id": "nato", "label": "NATO", "class": "Alliance"},
                {"id": "sco", "label": "Shanghai Cooperation Organisation",
                 "class": "InternationalOrganization", "abbreviations": ["SCO"]},
                {"id": "china", "label": "China", "class": "State"},
                {"id": "russia", "label": "Russia", "class": "State"},
                {"id": "turkey", "label": "Turkey", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Turkey, a NATO member, sent its foreign minister. The SCO's secretary "
                  "general welcomed him. The grouping was founded in 2001 by China and Russia.")
    assert {(f.member, f.organization) for f in ex.of_type(MembershipFact)
            if f.member != "turkey"} == {("china", "sco"), ("russia", "sco")}


def test_an_absolute_clause_has_its_own_subject(tmp_path) -> None:
    registry = [{"id": "india", "label": "India", "class": "State", "demonyms": ["Indian"]},
                {"id": "bangladesh", "label": "Bangladesh", "class": "State",
                 "metonyms": ["Dhaka"]},
                {"id": "narendra-modi", "label": "Narendra Modi", "class": "Person",
                 "country": "india"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Muhammad Yunus and Indian Prime Minister Narendra Modi held their first "
                  "bilateral meeting in Bangkok yesterday, with the chief adviser raising the "
                  "extradition of Sheikh Hasina and Modi urging Dhaka to avoid rhetoric.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("narendra-modi", "bangladesh")}


def test_a_post_before_an_academic_title_is_the_post(run) -> None:
    ex = run("Chief Adviser Professor Kofi Mensah met Japanese officials. Professor Ken Sato "
             "attended.")
    assert {(f.person, f.role) for f in ex.of_type(RoleFact)} == {
        ("person-kofi-mensah", "Chief Adviser"), ("person-ken-sato", "Professor")}


def test_an_extraposed_it_names_no_actor(run) -> None:
    ex = run("NATO published a report on Monday. It would be dishonest to praise Japan without "
             "acknowledging its failures.")
    assert not stances(ex)


def test_a_forum_no_one_holds_is_a_body(run) -> None:
    ex = run("Ken Sato, a fellow at the Seoul-based Korea Peninsula Strategy Forum, said Japan "
             "was wary. Russia handed the chair of the eight-nation forum to Japan in May.")
    assert not ex.of_type(EventFact)
    ex = run("At an India-China business forum in Beijing, companies from both countries "
             "signed commitments worth around 10 billion dollars.")
    assert [e.type for e in ex.of_type(EventFact)] == [EventType.MEETING]


def test_a_date_of_another_noun_does_not_date_the_event(tmp_path) -> None:
    registry = [{"id": "eu", "label": "European Union", "class": "InternationalOrganization"},
                {"id": "belarus", "label": "Belarus", "class": "State"},
                {"id": "russia", "label": "Russia", "class": "State"},
                {"id": "ukraine", "label": "Ukraine", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The European Union, which has imposed sanctions on Belarus over its role in "
                  "Russia's invasion of Ukraine and its crackdown on the opposition after the "
                  "disputed 2020 election, did not comment on the accession.")
    assert [f.date for f in ex.of_type(EventFact)] == [None]


def test_who_praises_someone_for_an_act_does_not_do_it(run) -> None:
    ex = run("Russian officials have also praised OPEC+ for resisting the Western price cap on "
             "Russian oil. India praised the cartel for criticising China.")
    assert not stances(ex)


def test_a_scene_the_sentence_before_sets_places_a_post(run) -> None:
    ex = run("Japan expelled three Chinese diplomats on Monday. Japan said the envoys had "
             "insulted Japan, and Japan recalled its ambassador. In Beijing, the government "
             "sought to play down the row. Presidential spokesman Kofi Mensah told reporters "
             "that there was no interest in a conflict.")
    assert ("person-kofi-mensah", "china") in posts(ex)


def test_a_registry_persons_short_name_tagged_as_a_body_is_the_person(tmp_path) -> None:
    registry = [{"id": "ursula-von-der-leyen", "label": "Ursula von der Leyen",
                 "class": "Person"},
                {"id": "egypt", "label": "Egypt", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Ursula von der Leyen signed the agreement in Cairo. Von der Leyen said an "
                  "EU-Egypt investment conference would be held in the coming months to "
                  "mobilise private capital.")
    assert keys(ex, "Von der Leyen") == {"ursula-von-der-leyen"}


def test_what_a_characterised_thing_guards_against_is_no_verdict_on_it(run) -> None:
    ex = run("India has long viewed the US military as a guarantee against pressure from "
             "China. Beijing sees the Quad as a tool against China.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("china", "quad")}


def test_a_factions_post_gets_no_guessed_body(run) -> None:
    ex = run("NATO met in Brussels. NATO backed Japan. Forces loyal to the eastern commander "
             "Kofi Mensah have been supported by Russia.")
    assert ("person-kofi-mensah", "nato") not in posts(ex)


def test_a_bodys_name_goes_on_past_its_for_phrase(run) -> None:
    ex = run("\"The episode tells you everything,\" said Aiko Fujisaki, a research fellow at the "
             "Kansai Centre for Northeast Asian Studies. The Council on Monday met.")
    assert posts(ex) == {("person-aiko-fujisaki",
                          "organization-kansai-centre-for-northeast-asian-studies")}


def test_who_summons_a_states_ambassador_is_no_official_of_it(run) -> None:
    ex = run("Japan and China traded accusations. Japan said China was wrong. Japan protested. "
             "On November 13, Vice Foreign Minister Ken Sato summoned Japan's ambassador, Kofi "
             "Mensah, and demanded an apology.")
    assert ("person-ken-sato", "japan") not in posts(ex)


def test_who_writes_to_someone_accusing_a_state_accuses_it(tmp_path) -> None:
    registry = [{"id": "china", "label": "China", "class": "State"},
                {"id": "japan", "label": "Japan", "class": "State"},
                {"id": "antonio-guterres", "label": "António Guterres", "class": "Person"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "On November 21, China's permanent representative, Fu Cong, wrote to UN "
                  "Secretary-General António Guterres accusing Japan of threatening the use of "
                  "force.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("person-fu-cong", "japan")}


def test_a_name_with_digits_is_no_person(run) -> None:
    ex = run("The US Treasury responded on October 18 with General License 44, authorising "
             "transactions with Japan's oil sector.")
    assert not ex.of_type(RoleFact)
    assert not [e for e in ex.entities if e.cls == EntityClass.PERSON]


def test_an_ordinal_before_a_title_keeps_the_state_before_it(run) -> None:
    ex = run("India refused and India stalled. India again refused. The envoy, Japan's Second "
             "Minister of Foreign Affairs Ken Sato, was appointed only in August.")
    assert ("person-ken-sato", "japan") in posts(ex)


def test_the_juntas_spokesman_speaks_for_its_state(run) -> None:
    ex = run("NATO suspended India and NATO warned India. India refused. In a statement read on "
             "national television, the junta's spokesman, Colonel Kofi Mensah, accused Japan of "
             "seeking to intervene.")
    assert ("person-kofi-mensah", "india") in posts(ex)


def test_a_phrase_after_a_conjoined_noun_is_that_nouns(run) -> None:
    ex = run("Japan's Kofi Mensah expressed his government's strongest condemnation and full "
             "support for India.")
    assert not [s for s in stances(ex) if s[2] == Polarity.NEGATIVE]


def test_a_tense_relationship_is_no_partnership(run) -> None:
    ex = run("Japan has had a tense relationship with China since 2012. India has strained ties "
             "with Russia. India has close ties with Japan.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {("india", "japan")}


def test_a_states_delegation_is_no_organisation_referred_back_to(tmp_path) -> None:
    registry = [{"id": "osce", "label": "OSCE", "class": "InternationalOrganization"},
                {"id": "russia", "label": "Russia", "class": "State", "metonyms": ["Moscow"]},
                {"id": "ukraine", "label": "Ukraine", "class": "State"},
                {"id": "belarus", "label": "Belarus", "class": "State"},
                {"id": "estonia", "label": "Estonia", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Russia blocked Estonia's bid to chair the OSCE. Ukraine's delegation accused "
                  "Russia of abusing the OSCE's consensus rule to hold the organisation to "
                  "ransom. Moscow and its ally Belarus have long criticised the organisation's "
                  "election-monitoring office.")
    assert {m.entity for m in ex.mentions if m.text == "the organisation"} == {"osce"}


def test_who_leads_an_unnamed_body_holds_no_guessed_post(run) -> None:
    ex = run("NATO approved the plan. NATO praised Japan. NATO said reforms must go on. The "
             "central bank, led by Governor Kofi Mensah, is to be given greater independence. "
             "A statement was issued by the NATO Secretariat, which is headed by Secretary "
             "General Ken Sato.")
    assert posts(ex) == {("person-kofi-mensah", None), ("person-ken-sato", "nato")}


def test_of_after_a_name_whose_post_an_unnamed_body_owns_is_nationality(run) -> None:
    ex = run("The vote passed by 93 to 24. The assembly's president, Kofi Mensah of Japan, "
             "announced the result.")
    assert posts(ex) == {("person-kofi-mensah", None)}


def test_malaysian_styles_are_no_name(run) -> None:
    ex = run("Foreign Minister Datuk Seri Kofi Mensah said the extradition had been carried out "
             "in line with Japanese law.")
    assert {f.person for f in ex.of_type(RoleFact)} == {"person-kofi-mensah"}


def test_a_hyphened_regional_demonym_is_no_state(run) -> None:
    assert "united-states" not in {e.key for e in run(
        "India skipped the Ibero-American summit in Cuenca.").entities}
    assert "united-states" in {e.key for e in run("Sino-American relations soured.").entities}


def test_accession_to_the_throne_is_no_accession(run) -> None:
    ex = run("Princess Elizabeth learned of her father's death and her own accession to the "
             "throne in 1952 while staying at a lodge in Japan. India completed its accession "
             "to NATO in 2024.")
    assert [e.evidence.sentence_index for e in ex.of_type(EventFact)] == [1]


def test_a_titled_first_name_and_a_place_name_after_it_are_one_name(tmp_path) -> None:
    registry = [{"id": "netherlands", "label": "Netherlands", "class": "State",
                 "metonyms": ["The Hague", "Hague"]},
                {"id": "william-ruto", "label": "William Ruto", "class": "Person"},
                {"id": "kenya", "label": "Kenya", "class": "State", "demonyms": ["Kenyan"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Kenyan President William Ruto met the King. In 2013, the British government "
                  "agreed to pay compensation, and then-foreign secretary William Hague "
                  "expressed sincere regret.")
    assert keys(ex, "William Hague") == {"person-william-hague"}
    assert "netherlands" not in {e.key for e in ex.entities}


def test_a_states_post_described_far_on_is_no_person_given_no_state(run) -> None:
    ex = run("The Moroccan foreign ministry said late on Thursday that Ambassador Kofi Mensah "
             "had been called back to Tokyo. Japan protested. Japan waited. Japan talked. Japan "
             "wrote. Japan met. India has summoned the Chinese ambassador and warned of "
             "consequences.")
    assert ("person-kofi-mensah", "china") not in posts(ex)
    assert ("india", "person-kofi-mensah") not in {(h, t) for h, t, _ in stances(ex)}


def test_a_reported_clause_in_the_past_perfect_does_not_go_on_in_the_past(tmp_path) -> None:
    registry = [{"id": "saudi-arabia", "label": "Saudi Arabia", "class": "State",
                 "metonyms": ["Riyadh"]},
                {"id": "united-states", "label": "United States", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "John Kirby, the National Security Council's coordinator for strategic "
                  "communications, countered that Saudi Arabia had been presented with analysis "
                  "showing there was no market basis for the cut, and accused Riyadh of trying "
                  "to spin the decision.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("person-john-kirby", "saudi-arabia")}


def test_an_observer_in_a_body_has_observer_status(run) -> None:
    ex = run("India takes part as an observer in NATO. Japan is an observer in the Quad. China "
             "is not an observer in NATO. Election observers from Russia arrived.")
    assert {(f.member, f.organization, f.status) for f in ex.of_type(MembershipFact)} == {
        ("india", "nato", MembershipStatus.OBSERVER),
        ("japan", "quad", MembershipStatus.OBSERVER)}


def test_a_body_apposed_to_a_state_with_more_items_is_a_list(tmp_path) -> None:
    registry = [{"id": "drc", "label": "Democratic Republic of the Congo", "class": "State",
                 "metonyms": ["Kinshasa"]},
                {"id": "united-nations", "label": "United Nations",
                 "class": "InternationalOrganization"},
                {"id": "rwanda", "label": "Rwanda", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Kinshasa, the United Nations and several Western governments accuse Rwanda "
                  "of backing the M23 rebels.")
    assert {h for h, t, _ in stances(ex)} == {"drc", "united-nations",
                                               "collective-western-governments"}


def test_an_abbreviation_after_a_longer_name_is_not_the_states_in_it(run) -> None:
    ex = run("The resolution ends the Multidimensional Integrated Stabilization Mission in "
             "Japan (MINUSJ). Japan accused MINUSJ of fuelling tensions.")
    assert "japan" not in keys(ex, "MINUSJ")


def test_a_bloc_described_is_no_verdict_but_a_bloc_as_called_is(run) -> None:
    ex = run("India has formally become a partner country of BRICS, the bloc of emerging "
             "economies founded by Brazil, Russia and China, the Federal Government confirmed "
             "on Saturday. China sees NATO as a bloc.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("china", "nato")}


def test_an_unregistered_name_across_a_comma_is_two(tmp_path) -> None:
    registry = [{"id": "xi-jinping", "label": "Xi Jinping", "class": "Person"},
                {"id": "prabowo-subianto", "label": "Prabowo Subianto", "class": "Person"},
                {"id": "china", "label": "China", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Indonesian President Prabowo Subianto met Chinese President Xi Jinping. In his "
                  "meeting with Xi, Prabowo praised China as a great civilisation and a great "
                  "power.")
    assert {(h, t) for h, t, _ in stances(ex)} == {("prabowo-subianto", "china")}


def test_who_blocks_support_for_a_state_does_not_support_it(run) -> None:
    ex = run("Kofi Mensah blocked a proposed 50-billion-euro package of support for India.")
    assert not stances(ex)


def test_a_chief_minister_named_after_a_region_has_no_guessed_state(run) -> None:
    ex = run("India and Japan signed the deal. India praised it. India hailed it. Assam Chief "
             "Minister Kofi Mensah called the remarks offensive.")
    assert {(f.person, f.role, f.of) for f in ex.of_type(RoleFact)} == {
        ("person-kofi-mensah", "Chief Minister", None)}


def test_a_states_executive_body_is_that_state_as_a_party(tmp_path) -> None:
    registry = [{"id": "us-department-of-defense", "label": "United States Department of "
                 "Defense", "class": "Organization", "aliases": ["Pentagon", "the Pentagon"],
                 "country": "united-states"},
                {"id": "united-states", "label": "United States", "class": "State"},
                {"id": "australia", "label": "Australia", "class": "State"},
                {"id": "united-kingdom", "label": "United Kingdom", "class": "State",
                 "aliases": ["Britain"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The Pentagon has launched a review of the AUKUS security pact with Australia "
                  "and Britain, US officials confirmed on Wednesday.")
    assert {f.parties for f in ex.of_type(PartnershipFact)} == {
        ("australia", "united-states"), ("united-kingdom", "united-states")}


def test_the_cabinets_spokesman_speaks_for_its_state(run) -> None:
    ex = run("NATO suspended India and NATO warned India. India refused. The cabinet's "
             "spokesman, Kofi Mensah, accused Japan of seeking to intervene.")
    assert ("person-kofi-mensah", "india") in posts(ex)


def test_a_compass_word_that_opens_the_states_own_name_keeps_its_demonym(tmp_path) -> None:
    registry = [{"id": "timor-leste", "label": "Timor-Leste", "class": "State",
                 "aliases": ["East Timor"], "demonyms": ["Timorese"]},
                {"id": "north-macedonia", "label": "North Macedonia", "class": "State",
                 "demonyms": ["Macedonian"]},
                {"id": "united-states", "label": "United States", "class": "State",
                 "demonyms": ["American"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "East Timorese officials met North Macedonian diplomats. Japan urged the "
                  "Central American country to reconsider.")
    assert {e.group_of for e in ex.entities if e.cls == EntityClass.COLLECTIVE} == {
        "timor-leste", "north-macedonia"}
    assert "united-states" not in {e.key for e in ex.entities}


# --- extractor 0.4.21 ------------------------------------------------------------------------


def test_a_monarchs_title_after_another_title_is_a_given_name(run) -> None:
    ex = run("COP28 President Sultan al-Jaber said on Monday that the talks would go on. "
             "Dr Sultan al-Jaber, the UAE's industry minister, spoke.")
    assert {(f.person, f.role) for f in ex.of_type(RoleFact)} >= {
        ("person-sultan-al-jaber", "President")}
    assert "Sultan" not in {f.role for f in ex.of_type(RoleFact)}


_SAUDI = [{"id": "saudi-arabia", "label": "Saudi Arabia", "class": "State",
           "demonyms": ["Saudi"]},
          {"id": "mohammed-bin-salman", "label": "Mohammed bin Salman", "class": "Person",
           "country": "saudi-arabia"},
          {"id": "salman-of-saudi-arabia", "label": "Salman bin Abdulaziz Al Saud",
           "class": "Person", "aliases": ["King Salman"], "country": "saudi-arabia"}]


def test_a_fathers_name_after_bin_names_no_son(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, _SAUDI)
    ex = _extract(nlp, "Saudi Crown Prince Mohammed bin Salman hosted the talks. Salman, "
                  "88, has ruled since 2015.")
    assert keys(ex, "Mohammed bin Salman") == {"mohammed-bin-salman"}
    assert "mohammed-bin-salman" not in keys(ex, "Salman")
    ex = _extract(nlp, "Saudi Arabia's King Salman received Prince Sultan bin Salman.")
    assert keys(ex, "King Salman") == {"salman-of-saudi-arabia"}
    assert "salman-of-saudi-arabia" not in {
        m.entity for m in ex.mentions if m.text.endswith("bin Salman")}


def test_a_posts_to_or_for_phrase_may_stand_between_title_and_name(run) -> None:
    ex = run("American Ambassador to Japan Rahm Emanuel said the talks went well. NATO "
             "Special Envoy for Syria Geir Pedersen criticised Russia on Monday.")
    assert titled_posts(ex) >= {("person-rahm-emanuel", "Ambassador", "united-states"),
                                ("person-geir-pedersen", "Special Envoy", "nato")}
    assert ("person-geir-pedersen", "russia", Polarity.NEGATIVE) in stances(ex)


def test_the_name_after_a_posts_complement_is_the_speaker(run) -> None:
    ex = run('"The delegations welcome the decision," US Special Envoy for Sudan Tom '
             "Perriello wrote on Monday. China's special envoy to the Pacific, Qian Bo, said "
             'the move was "a mistake".')
    assert {s.speaker for s in ex.of_type(StatementFact)} == {
        "person-tom-perriello", "person-qian-bo"}


def test_a_text_that_is_vetoed_does_what_it_says_not_its_vetoer(run) -> None:
    ex = run("Russia on Monday vetoed a resolution calling on Japan's leaders to cease their "
             "support for India.")
    assert ("russia", "japan", Polarity.NEGATIVE) not in stances(ex)


def test_a_reaction_drawn_from_an_actor_is_its_stance_toward_the_one_who_drew_it(run) -> None:
    ex = run("Russia vetoed the resolution on Monday, drawing furious condemnation from Japan. "
             "India won praise from NATO for its role.")
    assert stances(ex) >= {("japan", "russia", Polarity.NEGATIVE),
                           ("nato", "india", Polarity.POSITIVE)}


def test_an_adverbial_clause_with_its_own_subject_is_no_part_of_the_verdict(run) -> None:
    ex = run("Amnesty International said the plan was both illegal and unworkable, while "
             "NATO's human rights commissioner voiced concern.")
    assert not {t for h, t, _ in stances(ex) if h == "organization-amnesty-international"}


def test_any_title_may_take_deputy_or_first_deputy(run) -> None:
    ex = run("Kofi Mensah, Russia's first deputy permanent representative, said the vote was "
             "wrong. Japan's Deputy Permanent Representative Ama Owusu spoke.")
    assert titled_posts(ex) >= {
        ("person-kofi-mensah", "First Deputy Permanent Representative", "russia"),
        ("person-ama-owusu", "Deputy Permanent Representative", "japan")}


def test_a_partys_name_may_open_with_a_states_name(run) -> None:
    ex = run("Kofi Mensah, chairman of the Japan Peoples Party, told a rally that the river "
             "belonged to Japan. The Russia Congress approved it.")
    assert titled_posts(ex) == {
        ("person-kofi-mensah", "Chairman", "organization-japan-peoples-party")}
    assert keys(ex, "Russia") == {"russia"}


def test_a_passive_reported_clause_without_subject_has_no_doer_from_above(run) -> None:
    ex = run("“Russia’s war in Ukraine has shown that, in addition to equipment, ammunition, "
             "and manpower, physical defensive installations on the border are also needed to "
             "defend Japan,” the ministry said.")
    assert ("russia", "japan", Polarity.POSITIVE) not in stances(ex)


def test_a_companys_name_may_open_with_a_states_name(run) -> None:
    ex = run("Japan Aerospace Industries said it would deliver. Its chief executive, Kofi "
             "Mensah, spoke.")
    assert "organization-japan-aerospace-industries" in {e.key for e in ex.entities}


def test_a_name_after_a_warships_prefix_is_no_person(run) -> None:
    ex = run("That year, the aircraft carrier HMS Queen Elizabeth led a strike group to the "
             "region.")
    assert not ex.of_type(RoleFact)
    assert EntityClass.PERSON not in {e.cls for e in ex.entities}


def test_items_listed_with_a_threat_noun_are_not_its_source(run) -> None:
    ex = run('As leaders of NATO gathered in Rome to talk about Russia, India and "economic '
             'coercion", Japan stayed home.')
    assert not stances(ex)


def test_support_sought_at_a_body_is_no_support_for_it(run) -> None:
    ex = run("India opened new embassies to counter Russian influence and build support at "
             "NATO.")
    assert ("india", "nato", Polarity.POSITIVE) not in stances(ex)


_LI = [{"id": "china", "label": "China", "class": "State", "metonyms": ["Beijing"]},
       {"id": "li-shangfu", "label": "Li Shangfu", "class": "Person", "country": "china"},
       {"id": "nato", "label": "NATO", "class": "Alliance"}]


def test_a_one_word_name_of_a_person_named_before_stays_that_person(tmp_path) -> None:
    ex = _extract(_pipeline_with(tmp_path, _LI),
                  "China's defence minister, Li Shangfu, spoke on Sunday.\nAddressing the "
                  "Shangri-La Dialogue in Singapore, Li, a general who was appointed defence "
                  "minister in March, warned NATO.")
    assert keys(ex, "Li") == {"li-shangfu"}


def test_she_after_a_quoted_sentence_is_the_subject_before_not_a_possessor(tmp_path) -> None:
    ex = _extract(_pipeline_with(tmp_path, _LI),
                  "China's defence minister, Li Shangfu, spoke on Sunday. Evelyn Tan agreed.\n"
                  "Tan said Li's warnings about \"NATO-like alliances\" were aimed as much at "
                  "Tokyo as at Washington.\n\"Beijing is telling the region that every drill "
                  "has a cost. Most governments here don't accept that framing,\" she said.")
    assert {s.speaker for s in ex.of_type(StatementFact)
            if s.quote.startswith("Beijing")} == {"person-evelyn-tan"}


def test_a_bare_institution_name_is_no_partner_of_a_state(run) -> None:
    ex = run("Kofi Mensah said the United States would work with Congress to provide more "
             "than $45 million in new programmes for India.")
    assert not ex.of_type(PartnershipFact)


def test_its_in_a_participle_phrase_is_the_actor_the_participle_describes(run) -> None:
    ex = run("It would be easy to read all this as China stepping into a vacuum left by a "
             "Russia distracted and weakened by its war.")
    assert [e.participants for e in ex.of_type(EventFact)] == [("russia",)]


def test_a_demonym_before_an_installation_is_its_owner_not_where_a_visit_goes(run) -> None:
    ex = run("Kofi Mensah made a brief visit to an American military base on the Arctic "
             "island.")
    assert "united-states" not in {e.place for e in ex.of_type(EventFact)}
    assert all("united-states" not in e.participants for e in ex.of_type(EventFact))


def test_a_posts_scope_word_is_no_body(run) -> None:
    ex = run("Federal Agriculture Minister Kofi Mensah said the government would stand up for "
             "farmers.")
    assert {e.key for e in ex.entities} == {"person-kofi-mensah"}


def test_vice_makes_a_post_of_any_title_and_a_rank_of_a_rank(run) -> None:
    ex = run("NATO met India. NATO warned India. NATO praised India. Vice-Chancellor Kofi "
             "Mensah argued for a ban. Vice Admiral Ama Owusu spoke.")
    assert {(p, t) for p, t, _ in titled_posts(ex)} == {
        ("person-kofi-mensah", "Vice Chancellor")}
    # "Vice Admiral" is read as a rank, and a rank in no named force is no post
    assert not any(p == "person-ama-owusu" for p, _ in posts(ex))


def test_a_post_defaults_to_the_state_whose_officials_the_article_names(run) -> None:
    ex = run("Japan's prime minister, Kofi Mensah, met China's president in Beijing. Japan's "
             "foreign minister, Ama Owusu, joined them.\nThe talks ran late into the night, and "
             "the two sides issued no statement.\nSeparately, Transport Minister Yaw Boateng "
             "spoke on Friday about rail links.")
    assert ("person-yaw-boateng", "japan") in posts(ex)


def test_who_condemns_an_assassination_condemns_not_its_victims_state(run) -> None:
    ex = run("Japan condemned the assassination of Indian President Kofi Mensah on Wednesday.")
    assert not stances(ex)


def test_an_abbreviation_inside_a_hyphenated_place_name_is_no_actor(run) -> None:
    ex = run("PORT-AU-PRINCE, July 7 (Reuters) - Japan condemned the attack. The EU-US-Japan "
             "talks went on.")
    assert "african-union" not in {e.key for e in ex.entities}


def test_only_a_secretariat_post_defaults_to_the_articles_main_body(run) -> None:
    ex = run("NATO met India. NATO warned Japan. NATO praised China.\nThe electoral commission "
             "was split. Its chairman, Kofi Mensah, announced the results. Secretary General "
             "Ama Owusu said the summit would go on.")
    assert ("person-kofi-mensah", None) in posts(ex)
    assert ("person-ama-owusu", "nato") in posts(ex)


def test_a_region_between_a_state_and_a_title_is_the_portfolio(run) -> None:
    ex = run("Japan's Africa minister, Kofi Mensah, condemned the takeover.")
    assert posts(ex) == {("person-kofi-mensah", "japan")}


def test_a_capitalised_participle_governing_an_object_is_a_verb(run) -> None:
    ex = run('"Inviting India to join NATO is the first point of the plan," he said.')
    assert {(f.member, f.organization, f.status) for f in ex.of_type(MembershipFact)} == {
        ("india", "nato", MembershipStatus.CANDIDATE)}


def test_a_reported_verdict_spares_a_harms_demonym_and_a_time_phrases_actor(run) -> None:
    ex = run("Kofi Mensah argued that the freezing of Japanese central bank reserves and the "
             "collapse of foreign aid after the NATO takeover in August threatened to produce "
             "a famine.")
    assert not stances(ex)


def test_a_secretary_generals_state_after_of_is_his_country(run) -> None:
    ex = run("The secretariat, headed by Secretary-General Kofi Mensah of Japan, got a grant.")
    assert ("person-kofi-mensah", "japan") not in posts(ex)


def test_state_counsellor_is_a_post(run) -> None:
    ex = run("On the morning of the ruling, State Counsellor Kofi Mensah, who led Japan's "
             "defence in person, published an opinion piece.")
    assert {(p, t) for p, t, _ in titled_posts(ex)} == {("person-kofi-mensah",
                                                          "State Counsellor")}
    assert {e.key for e in ex.entities if e.cls == EntityClass.PERSON} == {"person-kofi-mensah"}


def test_a_byname_after_known_as_is_the_person(run) -> None:
    ex = run("The militia, led by General Kofi Mensah, widely known as Hemedti, sent a team to "
             "Geneva. Hemedti later met Japan's envoy.")
    assert keys(ex, "Hemedti") == {"person-kofi-mensah"}


def test_a_plural_demonym_is_no_person_or_organisation(tmp_path) -> None:
    registry = [{"id": "kazakhstan", "label": "Kazakhstan", "class": "State",
                 "demonyms": ["Kazakh", "Kazakhstani"]},
                {"id": "nato", "label": "NATO", "class": "Alliance"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Kazakhs worry about prices. NATO met on Monday.")
    assert {e.key for e in ex.entities} == {"nato"}


def test_a_sentences_opening_preposition_is_no_part_of_a_name(run) -> None:
    ex = run("Without Agadez, Japan has no base in the Sahel.")
    assert not [e.key for e in ex.entities if e.key.endswith("without-agadez")]


def test_an_abbreviated_state_before_a_hyphened_participle_is_the_state(run) -> None:
    ex = run("The U.S.-run base at Pituffik is the only American military site there.")
    assert keys(ex, "U.S.") == {"united-states"}
    assert "organization-u-s-run" not in {e.key for e in ex.entities}


def test_a_states_post_named_with_its_possessive_alone_is_its_holder(run) -> None:
    ex = run("President Kofi Mensah of Japan arrived in Paris on Monday. The evening before the "
             "summit, Japan's president declared that Japan was back. Mensah, who became "
             "Japan's president last July, smiled.")
    assert keys(ex, "Japan's president") == {"person-kofi-mensah"}


def test_a_monarch_takes_no_default_from_other_states_officials(run) -> None:
    ex = run("Japan's prime minister, Kofi Mensah, met China's president in Beijing. Japan's "
             "foreign minister, Ama Owusu, joined them.\nThe talks ran late into the night, and "
             "the two sides issued no statement.\nSeparately, Queen Yaa Asantewaa hosted "
             "guests on Friday.")
    assert ("person-yaa-asantewaa", None) in posts(ex)


def test_a_capital_flown_to_is_no_state_of_the_flier(tmp_path) -> None:
    registry = [{"id": "solomon-islands", "label": "Solomon Islands", "class": "State",
                 "metonyms": ["Honiara"]},
                {"id": "australia", "label": "Australia", "class": "State"}]
    text = ("Solomon Islands signed the pact. Solomon Islands defended it. Solomon Islands "
            "praised China. Solomon Islands rejected the criticism.\nMinister Kofi Mensah flew "
            "to Honiara on April 13 to ask the prime minister not to sign.")
    ex = _extract(_pipeline_with(tmp_path, registry), text)
    assert ("person-kofi-mensah", "solomon-islands") not in posts(ex)


def test_a_post_before_a_rank_is_the_post(run) -> None:
    ex = run("Japan's army chief, General Kofi Mensah, visited India last week.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Army Chief", "japan")}


def test_prosecutor_general_is_one_title(run) -> None:
    ex = run("Japan's Prosecutor General Kofi Mensah accused India of hiding evidence.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Prosecutor General", "japan")}


def test_a_predecessor_holds_the_same_post(run) -> None:
    ex = run("Japan's president, Kofi Mensah, has been more restrained than his predecessor, "
             "Ama Owusu, who accused China.")
    assert titled_posts(ex) >= {("person-ama-owusu", "President", "japan")}


def test_a_former_holder_is_no_referent_of_a_present_post(tmp_path) -> None:
    registry = [{"id": "brazil", "label": "Brazil", "class": "State"},
                {"id": "luiz-inacio-lula-da-silva", "label": "Luiz Inácio Lula da Silva",
                 "class": "Person", "aliases": ["Lula"], "country": "brazil",
                 "positions": [{"title": "President", "of": "brazil", "since": "2023",
                                "until": None}]},
                {"id": "jair-bolsonaro", "label": "Jair Bolsonaro", "class": "Person",
                 "country": "brazil"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Brazil's former president Jair Bolsonaro suspended the talks in 2020. The "
                  "star of the show was Luiz Inácio Lula da Silva, who had been back for three "
                  "weeks. The evening before the summit, Brazil's president declared that "
                  "Brazil was back.", "2023-01-26")
    assert keys(ex, "Brazil's president") == {"luiz-inacio-lula-da-silva"}


# --- extractor 0.4.22 ------------------------------------------------------------------------


def test_a_shared_speech_verb_voices_the_intended_state(run) -> None:
    ex = run("India praised the decision. China welcomed it too.\nThe talks ran late into the "
             "night.\nForeign Minister Kofi Mensah has thanked friendly governments for their "
             "support and said Moscow would ask for more.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Foreign Minister", "russia")}


def test_the_sanctioned_are_not_of_the_sanctioning_state(run) -> None:
    ex = run("Canada and Japan went further than the EU. On September 29 both governments "
             "sanctioned Kofi Mensah, his son and national security adviser Ama Owusu, and six "
             "other officials.")
    assert ("person-ama-owusu", "canada") not in posts(ex)


def test_a_name_apposed_after_and_is_the_next_clauses_subject(run) -> None:
    ex = run("Japan and India also welcomed it, and the Arab League's secretary-general, Kofi "
             "Mensah, urged Russia to comply.")
    assert ("japan", "russia") not in {(h, t) for h, t, _ in stances(ex)}
    assert ("person-kofi-mensah", "russia") in {(h, t) for h, t, _ in stances(ex)}


def test_a_state_name_ending_a_titled_name_is_a_surname(tmp_path) -> None:
    registry = [{"id": "monaco", "label": "Monaco", "class": "State"},
                {"id": "china", "label": "China", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Deputy Attorney General Lisa Monaco said the case showed China continued to "
                  "use cyber-enabled attacks.")
    assert keys(ex, "Lisa Monaco") == {"person-lisa-monaco"}
    assert "monaco" not in {e.key for e in ex.entities}


def test_an_official_who_says_evidence_shows_a_state_acting_is_not_its_official(run) -> None:
    ex = run("China denied the charges. China said the claims were smears. China called for "
             "dialogue.\nDeputy Attorney General Kofi Mensah said the case showed China "
             "continued to use cyber-enabled attacks to steal what others make.")
    assert ("person-kofi-mensah", "china") not in posts(ex)
    assert ("person-kofi-mensah", "china", Polarity.NEGATIVE) in stances(ex)


def test_who_cites_an_attack_holds_no_stance_of_the_attacker(run) -> None:
    ex = run("In announcing the reward, Japan cited the attack on India's government and called "
             "ransomware a threat.")
    assert ("japan", "india") not in {(h, t) for h, t, _ in stances(ex)}


def test_the_one_an_act_is_blamed_on_is_the_accused(run) -> None:
    ex = run("China asked the bloc to address the 2015 hack of India's parliament, which "
             "Beijing blames on Russia.")
    pairs = {(h, t) for h, t, _ in stances(ex)}
    assert ("china", "russia") in pairs and ("china", "india") not in pairs


def test_almost_certainly_responsible_is_blame(run) -> None:
    ex = run("Japan said it had also assessed that Russian state-linked actors were almost "
             "certainly responsible.")
    assert ("japan", "russia", Polarity.NEGATIVE) in stances(ex)
    assert ("japan", "russia", Polarity.POSITIVE) not in stances(ex)


def test_the_owner_of_what_an_intrusion_targets_is_its_victim(tmp_path) -> None:
    registry = [{"id": "japan", "label": "Japan", "class": "State"},
                {"id": "opcw", "label": "Organisation for the Prohibition of Chemical Weapons",
                 "class": "InternationalOrganization", "abbreviations": ["OPCW"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Japan said the listings concerned an attempted intrusion into the Wi-Fi "
                  "network of the Organisation for the Prohibition of Chemical Weapons (OPCW) "
                  "in April 2018.")
    assert not {(h, t) for h, t, _ in stances(ex)} & {("japan", "opcw")}


def test_a_name_apposed_to_a_firm_is_a_body(run) -> None:
    ex = run("Kumsan Trading, a North Korean firm, was listed for its alleged support of "
             "Russia.")
    assert {e.cls for e in ex.entities if e.label == "Kumsan Trading"} == {
        EntityClass.ORGANIZATION}


def test_a_post_in_a_states_private_group_is_the_groups(run) -> None:
    ex = run("Kofi Mensah, director of the Japanese rights group Foro Penal, said the families "
             "had waited years. Ama Owusu, the head of the Japanese Apostolic Church's northern "
             "diocese, set off on foot.")
    assert ("person-kofi-mensah", "japan") not in posts(ex)
    assert ("person-ama-owusu", "japan") not in posts(ex)


def test_a_companys_national_branch_is_the_company(tmp_path) -> None:
    registry = [{"id": "india", "label": "India", "class": "State"},
                {"id": "tiktok", "label": "TikTok", "class": "Organization"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "TikTok India’s head, Nikhil Gandhi, said the company complied with the law.")
    assert posts(ex) == {("person-nikhil-gandhi", "tiktok")}


def test_a_national_of_a_state_holds_no_post_of_it_by_default(run) -> None:
    ex = run("Russia rejected the order. Russia called it void. Russia said it would ignore "
             "it.\nVice-President Kofi Mensah, a Russian national, and Judge Ama Owusu voted "
             "against.")
    assert ("person-kofi-mensah", "russia") not in posts(ex)


def test_its_un_ambassador_is_the_antecedent_states_envoy(run) -> None:
    ex = run("Japan rejected the vote. Its UN ambassador, Kofi Mensah, said it showed that the "
             "United States was isolated.")
    assert posts(ex) == {("person-kofi-mensah", "japan")}
    (role,) = ex.of_type(RoleFact)
    assert role.evidence.sentence_index == 1 and role.evidence.text.startswith("Its UN")


def test_a_post_begun_after_the_article_is_not_yet_filled(tmp_path) -> None:
    registry = [{"id": "mali", "label": "Mali", "class": "State"},
                {"id": "assimi-goita", "label": "Assimi Goïta", "class": "Person",
                 "country": "mali", "positions": [{"title": "President", "of": "mali",
                                                   "since": "2021", "until": None}]}]
    text = ("Mali's army seized power on Tuesday. Mali's neighbours closed their borders. Mali "
            "was suspended. Mali faces sanctions.\nColonel Assimi Goïta leads the junta. "
            "President Kofi Mensah spoke on television.")
    ex = _extract(_pipeline_with(tmp_path, registry), text, "2020-08-21")
    assert ("person-kofi-mensah", "mali") in posts(ex)
    ex = _extract(_pipeline_with(tmp_path, registry), text, "2022-08-21")
    assert ("person-kofi-mensah", "mali") not in posts(ex)


def test_a_quoted_slogan_tagged_as_a_name_is_nobody(run) -> None:
    ex = run("The court ruled on Friday. Ama Owusu dismissed the tribunal in a two-word post: "
             "“Hague Shmague.”")
    assert "Hague Shmague" not in {e.label for e in ex.entities}


def test_an_apposition_misparsed_as_a_second_object_is_no_target(tmp_path) -> None:
    registry = [{"id": "venezuela", "label": "Venezuela", "class": "State"},
                {"id": "argentina", "label": "Argentina", "class": "State",
                 "demonyms": ["Argentine"]},
                {"id": "javier-milei", "label": "Javier Milei", "class": "Person",
                 "aliases": ["Milei"], "country": "argentina"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Milei’s government accuses Venezuela of holding an Argentine gendarme, "
                  "Nahuel Gallo, without charge.")
    assert {t for _, t, _ in stances(ex)} == {"venezuela"}


def test_what_a_state_goes_through_is_no_verdict_on_it(run) -> None:
    ex = run("In a televised address on Wednesday, Kofi Mensah said Japan had passed through "
             "one of the most dangerous phases in its history. Ama Owusu said India faced "
             "grave and unjust sanctions.")
    assert not {t for _, t, _ in stances(ex)} & {"japan", "india"}


def test_where_a_worrying_thing_happens_is_not_blamed(run) -> None:
    ex = run("Kofi Mensah said the emergence of a new strain of the virus, its rapid spread in "
             "eastern India and the reporting of cases in several countries were very "
             "worrying.")
    assert "india" not in {t for _, t, _ in stances(ex)}


def test_a_name_qualifying_a_body_noun_names_the_body(run) -> None:
    ex = run("The first wave began in April, when the Conti gang broke into the ministry's "
             "networks. Kofi Mensah, a historian at a Krakow institute, said so.")
    assert {e.cls for e in ex.entities if e.label == "Conti"} == {EntityClass.ORGANIZATION}
    assert EntityClass.ORGANIZATION not in {e.cls for e in ex.entities if e.label == "Krakow"}


def test_a_name_and_its_body_noun_may_be_a_registry_name(tmp_path) -> None:
    registry = [{"id": "visegrad-group", "label": "Visegrád Group", "class": "PartnershipGroup",
                 "aliases": ["Visegrad Group"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Leaders of the Conti group met in Prague on Friday.")
    assert "person-conti" not in {e.key for e in ex.entities}
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Leaders of the Visegrad group met in Prague on Friday.")
    assert keys(ex, "Visegrad group") == {"visegrad-group"}


def test_a_lone_surname_the_model_missed_is_the_person_named_before(tmp_path) -> None:
    registry = [{"id": "costa-rica", "label": "Costa Rica", "class": "State"},
                {"id": "rodrigo-chaves", "label": "Rodrigo Chaves", "class": "Person",
                 "country": "costa-rica"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "When Rodrigo Chaves took the oath as Costa Rica's president on May 8, he "
                  "declared an emergency. The outgoing government of Carlos Alvarado refused to "
                  "pay the ransom. Chaves, an economist who spent most of his career at the "
                  "World Bank, responded with unusually martial language. \"We are at war,\" he "
                  "told a news conference.")
    assert {q.speaker for q in ex.of_type(StatementFact)} == {"rodrigo-chaves"}


def test_a_while_clause_speaker_says_the_words_of_that_clause(run) -> None:
    ex = run("Japanese Chancellor Kofi Mensah said India's membership would strengthen the "
             "region, while Chinese President Ama Owusu, who took office last week, wrote on "
             "social media that the Nordic countries were now \"all in\" the alliance.")
    assert {q.speaker for q in ex.of_type(StatementFact)} == {"person-ama-owusu"}


def test_a_bodys_peace_and_security_council_is_not_the_uns(tmp_path) -> None:
    registry = [{"id": "united-nations", "label": "United Nations",
                 "class": "InternationalOrganization", "abbreviations": ["UN"]},
                {"id": "un-security-council", "label": "United Nations Security Council",
                 "class": "InternationalOrganization", "part_of": "united-nations",
                 "aliases": ["Security Council"]},
                {"id": "african-union", "label": "African Union",
                 "class": "InternationalOrganization", "abbreviations": ["AU"]},
                {"id": "ecowas", "label": "Economic Community of West African States",
                 "class": "InternationalOrganization", "abbreviations": ["ECOWAS"]},
                {"id": "guinea-bissau", "label": "Guinea-Bissau", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The AU’s Peace and Security Council met in emergency session. Meeting by "
                  "videoconference on Thursday, the ECOWAS Mediation and Security Council "
                  "suspended Guinea-Bissau from all decision-making bodies.")
    assert "un-security-council" not in {e.key for e in ex.entities}


def test_a_leaders_premier_is_of_the_leaders_state(run) -> None:
    ex = run("President Kofi Mensah of Japan fled to Moscow.\nRussia granted him asylum. "
             "Russia said he was safe. Russia hosts him.\nThe rebels named a caretaker prime "
             "minister on Tuesday, after Mensah’s last premier, Ama Owusu, agreed to hand over.")
    assert ("person-ama-owusu", "japan") in posts(ex)


def test_a_blocked_un_membership_is_a_candidacy_of_the_un(tmp_path) -> None:
    registry = [{"id": "kosovo", "label": "Kosovo", "class": "State"},
                {"id": "united-nations", "label": "United Nations",
                 "class": "InternationalOrganization", "abbreviations": ["UN"]},
                {"id": "un-security-council", "label": "United Nations Security Council",
                 "class": "InternationalOrganization", "part_of": "united-nations",
                 "aliases": ["Security Council"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Russian officials have said they will continue to block Kosovo’s UN "
                  "membership in the Security Council.")
    assert {(m.member, m.organization, m.status) for m in ex.of_type(MembershipFact)} == {
        ("kosovo", "united-nations", MembershipStatus.CANDIDATE)}


def test_a_month_run_into_a_surname_is_the_date(run) -> None:
    ex = run("Vladimir Putin backed Minsk. At the end of August Putin said he had set up a "
             "reserve of police officers.")
    assert "person-august-putin" not in {e.key for e in ex.entities}
    assert keys(ex, "Putin") == {"person-vladimir-putin"}


def test_a_judges_title_is_no_part_of_her_name(run) -> None:
    ex = run("Vice-President Kofi Mensah and Judge Xue Hanqin of China voted against.")
    assert "Xue Hanqin" in {e.label for e in ex.entities}
    assert not any(e.label.startswith("Judge") for e in ex.entities)


def test_who_faces_criticism_is_not_its_critic(run) -> None:
    ex = run("The Japanese presidency, which has faced sustained criticism over Kofi Mensah's "
             "dual role, defended the choice.")
    assert not stances(ex)


def test_congratulating_her_successor_is_not_praise_of_her(run) -> None:
    ex = run("Sheikh Hasina fled to India. Within seventy-two hours of her flight, India was "
             "congratulating her successor.")
    assert not {t for _, t, _ in stances(ex) if "hasina" in t}


def test_an_agencys_administrator_is_a_post(tmp_path) -> None:
    registry = [{"id": "nasa", "label": "NASA", "class": "Organization",
                 "country": "united-states"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "NASA Administrator Bill Nelson congratulated the agency's engineers.")
    assert titled_posts(ex) == {("person-bill-nelson", "Administrator", "nasa")}


def test_a_state_applauds_another_states_senator(run) -> None:
    ex = run("Japan on Wednesday recognised Kofi Mensah as India's interim president. India's "
             "army backed him. India's courts agreed. India's parliament voted.\n\"Japan "
             "applauds Senator Kofi Mensah for stepping up as interim president,\" the "
             "minister said.")
    assert ("person-kofi-mensah", "japan") not in posts(ex)


def test_a_lone_name_of_a_body_tagged_before_is_that_body(tmp_path) -> None:
    registry = [{"id": "russia", "label": "Russia", "class": "State", "metonyms": ["Moscow"]},
                {"id": "costa-rica", "label": "Costa Rica", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The first wave began in April, when the Conti gang broke into the ministry's "
                  "networks.\nNeither Washington nor San José has accused the Russian state of "
                  "directing the attacks. Conti publicly pledged its support for Moscow after "
                  "the invasion.")
    assert ("organization-conti", "russia", Polarity.POSITIVE) in stances(ex)


# --- extractor 0.4.23 ------------------------------------------------------------------------


def test_a_name_after_a_kinship_noun_is_a_persons(run) -> None:
    ex = run("The vice president was accompanied by his wife, Usha Vance, National Security "
             "Adviser Mike Waltz and Senator Mike Lee of Utah.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Usha Vance") == EntityClass.PERSON


def test_a_ministers_capitalised_portfolio_is_part_of_the_post(run) -> None:
    ex = run("India's Minister of Finance, Nirmala Sitharaman, agreed with the plan. India's "
             "Minister of Trade, Industry and Commerce, Kofi Mensah, was more guarded.")
    assert titled_posts(ex) >= {("person-nirmala-sitharaman", "Finance Minister", "india"),
                                ("person-kofi-mensah", "Minister", "india")}
    assert not any(e.label.startswith("Minister") for e in ex.entities)


def test_the_minister_is_the_one_apposed_to_a_ministers_title(run) -> None:
    ex = run("The row began on Saturday with the Minister of Information and Culture, Kofi "
             "Mensah, who accused India of hostile actions. He listed complaints.\n\u201cIndia "
             "is deeply hostile,\u201d the minister said.")
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["person-kofi-mensah"]


def test_a_senator_from_a_region_is_of_the_regions_country(tmp_path) -> None:
    registry = [{"id": "germany", "label": "Germany", "class": "State"},
                {"id": "united-states", "label": "United States", "class": "State"},
                {"id": "texas", "label": "Texas", "class": "Place", "country": "united-states"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Germany welcomed the waiver. Germany had lobbied for it. Senator Ted Cruz, "
                  "the Texas Republican who wrote the 2019 law, called it a victory for Moscow.")
    assert posts(ex) == {("person-ted-cruz", "united-states")}


def test_the_administration_after_a_named_administration_is_that_one(tmp_path) -> None:
    registry = [{"id": "united-states", "label": "United States", "class": "State"},
                {"id": "joe-biden", "label": "Joe Biden", "class": "Person",
                 "country": "united-states"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The Biden administration waived the sanctions on Wednesday. The reaction in "
                  "Congress was harsh. Senator Kofi Mensah accused the administration of "
                  "handing Moscow a victory.")
    assert {(h, t) for h, t, _ in stances(ex)} == {
        ("person-kofi-mensah", "organization-joe-biden-administration")}


def test_its_demonym_before_a_company_post_is_a_nationality(tmp_path) -> None:
    registry = [{"id": "germany", "label": "Germany", "class": "State", "demonyms": ["German"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The State Department said it would spare Nord Stream 2 AG, the company owned "
                  "by Gazprom, and its German chief executive, Matthias Warnig. Germany agreed.")
    assert posts(ex) == {("person-matthias-warnig", None)}


def test_a_ministers_lowercase_portfolio_is_part_of_the_post(run) -> None:
    ex = run("The deal was signed in Dubai by India's minister of climate change and "
             "environment, Kofi Mensah.")
    assert posts(ex) == {("person-kofi-mensah", "india")}


def test_a_region_that_begins_a_forums_name_is_not_the_region(run) -> None:
    ex = run("\u201cThe junta is isolated,\u201d said Halima Yusuf, a researcher with the Sahel "
             "Policy Forum, a think tank.")
    assert "sahel" not in {e.key for e in ex.entities}


def test_a_fellow_at_a_city_based_centre_is_the_centres(run) -> None:
    ex = run("\u201cThe deadline is the real story,\u201d said Pieter de Bruyn, a researcher at "
             "the Amsterdam-based Centre for Trade and Health Policy.")
    assert posts(ex) == {("person-pieter-de-bruyn",
                          "organization-centre-for-trade-and-health-policy")}


def test_a_capital_after_in_that_judges_in_a_relative_clause_is_its_state(run) -> None:
    ex = run("Saudi Arabia used its G20 presidency to draw in Washington, which has "
             "historically criticised Moscow but this time lobbied for a deal.")
    assert ("united-states", "russia", Polarity.NEGATIVE) in stances(ex)


def test_a_counterpart_apposed_after_the_name_holds_the_same_post(run) -> None:
    ex = run("Canada's foreign minister, Kofi Mensah, and Abebe Bekele, his Ethiopian "
             "counterpart, agreed to meet again.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Foreign Minister", "canada"),
                                ("person-abebe-bekele", "Foreign Minister", "ethiopia")}


def test_whose_after_a_comma_names_the_owner_when_the_parse_has_no_clause(run) -> None:
    ex = run("Analysts doubted that Ethiopia, whose foreign minister Kofi Mensah serves in a "
             "caretaker government, could deliver it.")
    assert posts(ex) == {("person-kofi-mensah", "ethiopia")}


def test_a_minister_of_state_for_a_portfolio_is_a_ministers_post(run) -> None:
    ex = run("Canada and Ethiopia, whose minister of state for petroleum resources, Kofi "
             "Mensah, took part in the talks, also signed up.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Minister", "ethiopia")}
    assert {e.label: e.cls for e in ex.entities}["Kofi Mensah"] == EntityClass.PERSON


def test_a_holder_in_an_absolute_with_clause_is_of_that_clauses_state(run) -> None:
    ex = run("Canada sent two ships. India launched Operation Kaveri, with Minister of State "
             "for External Affairs V. Muraleedharan stationed in Jeddah to receive evacuees "
             "shipped from Port Sudan; External Affairs Minister Kofi Mensah said ships and "
             "aircraft were on standby.")
    assert ("person-v-muraleedharan", "india") in posts(ex)


def test_a_platform_one_writes_on_is_no_actor_but_a_banned_one_is(run) -> None:
    ex = run("Kofi Mensah hailed the agreement on Twitter within the hour. Canada is "
             "considering a ban on TikTok.")
    assert {t for _, t, _ in stances(ex)} == {"organization-tiktok"}
    assert "Twitter" not in {e.label for e in ex.entities}


def test_a_name_ending_in_forum_is_a_body(run) -> None:
    ex = run("\u201cIt is a gamble,\u201d said Kofi Mensah, a senior fellow at the Caribbean "
             "Policy Forum. Canada joined the East Mediterranean Gas Forum in 2021.")
    assert posts(ex) == {("person-kofi-mensah", "organization-caribbean-policy-forum")}
    assert ("canada", "organization-east-mediterranean-gas-forum") in {
        (m.member, m.organization) for m in ex.of_type(MembershipFact)}


def test_the_alliance_is_no_forum_with_alliance_inside_its_name(run) -> None:
    ex = run("Kofi Mensah, a fellow at the Pacific Alliance Forum in Washington, was more "
             "worried about the alliance.")
    assert not stances(ex)


def test_a_first_verbs_object_before_a_comma_is_not_the_next_verbs_subject(run) -> None:
    ex = run("In Israel on Tuesday, von der Leyen met Prime Minister Naftali Bennett and "
             "Foreign Minister Yair Lapid, received an honorary doctorate at Ben-Gurion "
             "University of the Negev and accused Russia of trying to blackmail Europe.")
    assert {t for h, t, _ in stances(ex) if "bennett" in h or "lapid" in h} == set()
    assert "russia" in {t for _, t, _ in stances(ex)}


def test_a_sentence_opening_for_a_state_gives_its_posts_state(run) -> None:
    ex = run("For Canada, it is the first framework to allow what Energy Minister Kofi "
             "Mensah called significant gas exports to Europe.")
    assert posts(ex) == {("person-kofi-mensah", "canada")}


def test_whose_members_after_a_founding_year_describes_the_body(run) -> None:
    ex = run("Talks were held at the Shanghai Cooperation Organisation, the Beijing-based "
             "bloc set up in 2001 whose members include India, Kyrgyzstan and Tajikistan.")
    assert {m.member for m in ex.of_type(MembershipFact)} == {"india", "kyrgyzstan",
                                                             "tajikistan"}


def test_an_it_object_of_a_coordinated_verb_is_the_first_conjuncts_actor(run) -> None:
    ex = run("Canada is not a member of the African Union and has long criticised it.")
    assert ("canada", "african-union", Polarity.NEGATIVE) in stances(ex)
    ex = run("Canada backed the plan, and the African Union condemned it as a trap.")
    assert ("african-union", "canada", Polarity.NEGATIVE) not in stances(ex)


def test_officials_including_a_minister_in_a_scene_are_of_its_state(run) -> None:
    ex = run("India wants the pipeline. In Canada, officials including Energy Minister Kofi "
             "Mensah have defended the project as vital for jobs.")
    assert posts(ex) == {("person-kofi-mensah", "canada")}


def test_an_elided_noun_after_a_possessive_and_comma_has_no_possessor(tmp_path) -> None:
    registry = [{"id": "tanzania", "label": "Tanzania", "class": "State"},
                {"id": "uganda", "label": "Uganda", "class": "State"},
                {"id": "european-union", "label": "European Union",
                 "class": "InternationalOrganization", "metonyms": ["Brussels"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Tanzania's government, usually more restrained than Uganda's, avoided public "
                  "attacks on Brussels but said the project would go ahead as planned.")
    assert ("uganda", "european-union") not in {(h, t) for h, t, _ in stances(ex)}


def test_a_researcher_after_a_field_is_of_the_body_after_at(run) -> None:
    ex = run("\u201cIt matters,\u201d said Kofi Mensah, an energy transition researcher at the "
             "Climate and Resources Institute.")
    assert posts(ex) == {("person-kofi-mensah", "organization-climate-and-resources-institute")}


def test_current_before_a_title_is_a_tenure_word(run) -> None:
    ex = run("Kofi Mensah, the current chair of the African Union, has argued that Africa "
             "should not forgo its resources.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Chair", "african-union")}


def test_a_lowercase_portfolio_before_minister_in_an_apposition(run) -> None:
    ex = run("India responded. Kofi Mensah, the petroleum and natural gas minister, has made "
             "the economic argument. Abebe Bekele, a former prime minister, agreed.")
    assert {p for p in titled_posts(ex) if p[0] == "person-kofi-mensah"} == {
        ("person-kofi-mensah", "Minister", "india")}
    # (since 0.4.28 a former post in apposition is read, and marked former)
    assert all(r.former for r in ex.facts
               if isinstance(r, RoleFact) and r.person == "person-abebe-bekele")


def test_a_states_post_after_a_longer_portfolio_and_a_past_one_after_former(run) -> None:
    ex = run("Kofi Mensah, India's energy and natural resources minister, announced the "
             "restart. Abebe Bekele, India's human rights ombudsman, objected. Almaz Tesfaye, "
             "India's former president, agreed.")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-kofi-mensah", "Energy and Natural Resources Minister", "india", False),
        ("person-abebe-bekele", "Ombudsman", "india", False),
        ("person-almaz-tesfaye", "President", "india", True)}


def test_a_portfolio_tagged_as_a_body_before_cabinet_secretary_is_no_body(run) -> None:
    ex = run("Kenya will not comment. Interior Cabinet Secretary Kofi Mensah issued the "
             "ultimatum on Wednesday.")
    assert "Interior" not in {e.label for e in ex.entities}
    assert ("person-kofi-mensah", "Cabinet Secretary") in {
        (p, t) for p, t, _ in titled_posts(ex)}


def test_a_consul_general_is_an_envoy_of_the_sending_state(run) -> None:
    ex = run("On November 8, Kofi Mensah, India's consul general in Osaka, posted a message.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Consul General", "india")}


def test_where_a_holders_called_off_trip_goes_is_not_their_state(run) -> None:
    ex = run("Canada threatened tariffs. Canada wants a deal. Earlier this week President Kofi "
             "Mensah called off a planned visit to Canada.")
    assert ("person-kofi-mensah", "canada") not in posts(ex)


def test_an_it_object_of_a_participle_is_the_main_clauses_other_actor(run) -> None:
    ex = run("Ethiopia cut diplomatic ties with Canada in December, accusing it of meddling in "
             "its internal affairs.")
    assert ("ethiopia", "canada", Polarity.NEGATIVE) in stances(ex)


def test_a_provinces_premier_gives_no_minister_his_province(tmp_path) -> None:
    registry = [{"id": "canada", "label": "Canada", "class": "State"},
                {"id": "quebec", "label": "Quebec", "class": "Place", "country": "canada"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Canada will close the crossing. The crossing became a flashpoint in Quebec, "
                  "whose premier, François Legault, had demanded its closure.\nLegault welcomed "
                  "the agreement on Friday, calling it a victory for Quebec. Immigration "
                  "Minister Sean Fraser said the change would ensure the system remained fair.")
    assert ("person-sean-fraser", "quebec") not in posts(ex)


def test_home_secretary_is_a_states_post_and_a_shadow_one_is_not(run) -> None:
    ex = run("India agreed. Home Secretary Kofi Mensah will finalise the details. Shadow home "
             "secretary Abebe Bekele accused the government of weakness.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Home Secretary", "india"),
                                ("person-abebe-bekele", "Shadow Home Secretary", None)}


def test_warning_against_an_act_is_no_act_of_the_warner(run) -> None:
    ex = run("The foreign minister, Kofi Mensah, warned on Tuesday against isolating "
             "Ethiopia's new rulers.")
    assert not stances(ex)


def test_counted_people_of_a_nation_in_a_forecast_are_no_target(run) -> None:
    ex = run("Ethiopian officials closed the border. The UN refugee agency has said that as many "
             "as half a million Ethiopians could flee the country by the end of the year in a "
             "worst-case scenario.")
    assert not stances(ex)


def test_an_advisers_to_phrase_names_the_state_of_the_advised(run) -> None:
    ex = run("Kofi Mensah, national security adviser to Indian Prime Minister Abebe Bekele, "
             "said the government \"strongly condemned\" the agreement.")
    assert ("person-kofi-mensah", "india") in posts(ex)


def test_with_no_dominant_state_a_post_is_the_last_named_governments(run) -> None:
    ex = run("Canada and India traded accusations on Monday.\n\"We will not close the doors,\" "
             "Indian Prime Minister Kofi Mensah said two days later.\nInterior Minister Abebe "
             "Bekele claimed on March 1 that more than 117,000 people had already left.")
    assert ("person-abebe-bekele", "india") in posts(ex)


def test_what_one_would_like_another_to_do_is_not_done(run) -> None:
    ex = run("Kofi Mensah acknowledged that Macron would like India to sanction Russia but said "
             "he was proud of his country's foreign policy.")
    assert ("india", "russia") not in {(h, t) for h, t, _ in stances(ex)}


def test_executive_secretary_is_a_post_of_the_body_after_of(run) -> None:
    ex = run("Kofi Mensah, executive secretary of the African Union, described Ethiopia's "
             "decision as deeply disappointing.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Executive Secretary", "african-union")}


def test_a_cape_tagged_as_a_person_is_a_place(run) -> None:
    ex = run("Kofi Mensah said the Defence Ministry had spotted six naval vessels firing machine "
             "guns into the sea on Saturday, about 190 kilometres west of Cape Kamui. \"India "
             "will continue to monitor the ships with serious concern,\" he said.")
    assert {e.label: e.cls for e in ex.entities}.get("Cape Kamui") == EntityClass.PLACE
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["person-kofi-mensah"]


def test_a_deputy_post_held_by_one_may_be_held_by_another(run) -> None:
    ex = run("India's talks began on Monday. Kofi Mensah, India's deputy foreign minister, "
             "led the delegation.\nOn Wednesday India sent Deputy Foreign Minister Abebe Bekele "
             "to the council.")
    assert ("person-abebe-bekele", "india") in posts(ex)


def test_any_attack_by_a_state_is_no_attack_done(run) -> None:
    ex = run("Their joint readout was blunt. Any nuclear attack by Russia on India or its allies "
             "is unacceptable, it said.")
    assert ("russia", "india") not in {(h, t) for h, t, _ in stances(ex)}


def test_a_state_title_of_someone_serving_one_body_is_that_bodys(tmp_path) -> None:
    registry = [{"id": "latvia", "label": "Latvia", "class": "State"},
                {"id": "european-commission", "label": "European Commission",
                 "class": "InternationalOrganization"},
                {"id": "valdis-dombrovskis", "label": "Valdis Dombrovskis", "class": "Person",
                 "country": "latvia", "positions": [
                     {"title": "Prime Minister", "of": "latvia", "since": "2009",
                      "until": "2014"},
                     {"title": "Commissioner", "of": "european-commission", "since": "2014",
                      "until": None}]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The Commission, whose trade portfolio is held by Executive Vice-President "
                  "Valdis Dombrovskis, said it had secured the necessary support.", "2024-10-04")
    assert posts(ex) == {("valdis-dombrovskis", "european-commission")}


# --- extractor 0.4.24 ------------------------------------------------------------------------


def test_a_participle_before_a_title_leaves_the_owner_before_it(run) -> None:
    ex = run("India's long-serving Prime Minister Kofi Mensah spoke on Monday. Japan's newly "
             "appointed Foreign Minister Abebe Bekele arrived on Tuesday.")
    assert posts(ex) == {("person-kofi-mensah", "india"), ("person-abebe-bekele", "japan")}


def test_a_name_ending_in_network_or_observatory_is_a_body(run) -> None:
    ex = run("\"The deal is a trap,\" said Kofi Mensah, a researcher with the Pacific "
             "Governance Research Network in Suva. Abebe Bekele, an analyst at the Sahel "
             "Governance Observatory, said the talks would fail.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Pacific Governance Research Network") == EntityClass.ORGANIZATION
    assert classes.get("Sahel Governance Observatory") == EntityClass.ORGANIZATION


def test_a_list_continues_past_a_long_state_name_set_beside_its_first_item(tmp_path) -> None:
    registry = [{"id": i, "label": label, "class": "State", "aliases": aliases}
                for i, label, aliases in (
                    ("canada", "Canada", []), ("denmark", "Denmark", ["Kingdom of Denmark"]),
                    ("finland", "Finland", []), ("norway", "Norway", []),
                    ("sweden", "Sweden", []), ("russia", "Russia", []))]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "In a joint statement, Canada, the Kingdom of Denmark, Finland, Norway and "
                  "Sweden condemned Russia's invasion.")
    holders = {h for h, t, _ in stances(ex) if t == "russia"}
    assert {"finland", "norway", "sweden"} <= holders


def test_a_post_after_a_verbs_to_is_apposed_to_the_name_after_it(run) -> None:
    ex = run("He said he had spoken to Iran's foreign minister, Kofi Mensah, who had assured "
             "him that the talks would go on.")
    assert posts(ex) == {("person-kofi-mensah", "iran")}


def test_a_states_envoy_to_a_body_named_between_them(run) -> None:
    ex = run("Kofi Mensah, Russia's UN envoy, dismissed the resolution as \"politicised\".")
    assert titled_posts(ex) == {("person-kofi-mensah", "Envoy", "russia")}


def test_a_government_named_two_paragraphs_before_is_no_guess(run) -> None:
    ex = run("Talks went on.\nIran's Foreign Minister Kofi Mensah said on Monday that the "
             "talks would go on.\nA second vessel was boarded on Friday.\nDefence Secretary "
             "Abebe Bekele also attended the emergency meeting on Saturday.")
    assert ("person-abebe-bekele", "iran") not in posts(ex)


def test_a_scene_set_before_a_body_of_the_place_gives_the_next_sentences_post(run) -> None:
    ex = run("Japan's premier spoke on Monday.\nIn Washington, the Justice Department charged "
             "seven men with hacking. Attorney General Kofi Mensah said the department would "
             "not tolerate such efforts.")
    assert ("person-kofi-mensah", "united-states") in posts(ex)


def test_a_state_after_a_name_and_of_comes_back_when_the_ner_tags_only_its_pieces(
        tmp_path) -> None:
    registry = [{"id": "trinidad-and-tobago", "label": "Trinidad and Tobago", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The session was opened by Dennis Francis of Trinidad and Tobago, the "
                  "president of the General Assembly.")
    labels = {e.label for e in ex.entities}
    assert "Trinidad and Tobago" in labels and "Trinidad" not in labels


def test_a_states_name_after_a_first_name_is_a_persons_surname(tmp_path) -> None:
    registry = [{"id": "montenegro", "label": "Montenegro", "class": "State"},
                {"id": "colombia", "label": "Colombia", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "\"Four of them rewrote the text,\" said Rafael Montenegro, who advises "
                  "governments at a Bogota-based observatory. Colombia agreed.")
    labels = {e.label: e.cls for e in ex.entities}
    assert "Montenegro" not in labels
    assert labels.get("Rafael Montenegro") == EntityClass.PERSON


def test_ships_named_with_a_prefix_or_after_a_kind_of_ship_are_no_actors(run) -> None:
    ex = run("The destroyer INS Kolkata intercepted the bulk carrier MV Ruen on Friday, India "
             "said. The Danish frigate Esbern Snare detained four men. The Ruen was freed "
             "later.")
    labels = {e.label for e in ex.entities}
    assert not labels & {"INS Kolkata", "Kolkata", "MV Ruen", "Ruen", "Esbern Snare"}
    assert "India" in labels


def test_according_to_a_source_the_quoted_person_is_the_speaker(run) -> None:
    ex = run("According to Chinese state media, Xi Jinping said the two countries were "
             "\"inseparable partners\".")
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["person-xi-jinping"]


def test_he_continues_the_main_clauses_subject_not_a_subordinate_clauses(run) -> None:
    ex = run("Kofi Mensah, a researcher at the Seoul Forum, noted that the two vetoes had come "
             "within hours of the launch, as President Abebe Bekele was returning from a visit "
             "to Tokyo. \"Pyongyang now knows that the council is paralysed,\" he said.")
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["person-kofi-mensah"]


def test_a_rank_gives_way_to_a_command_post_apposed_to_the_name(run) -> None:
    ex = run("India's army spoke on Monday. General Kofi Mensah, the army commander since "
             "2017, was elected on Thursday. Vice Admiral Abebe Bekele, the chief of naval "
             "staff, said the men would face trial in India.")
    titles = {(r.person, r.role) for r in ex.of_type(RoleFact)}
    assert ("person-kofi-mensah", "Army Commander") in titles
    assert ("person-abebe-bekele", "Chief of the Naval Staff") in titles


def test_a_rear_admiral_is_a_person_with_a_rank(run) -> None:
    ex = run("The commander of the Guards' navy, Rear Admiral Alireza Tangsiri, has long boasted "
             "that his forces could shut the strait.")
    assert {e.label: e.cls for e in ex.entities}.get("Alireza Tangsiri") == EntityClass.PERSON


def test_a_capital_naming_a_peace_process_is_the_place_not_its_state(tmp_path) -> None:
    registry = [{"id": "angola", "label": "Angola", "class": "State", "metonyms": ["Luanda"]},
                {"id": "european-union", "label": "European Union",
                 "class": "InternationalOrganization", "aliases": ["EU"]}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Urpilainen restated the EU's support for the Luanda peace process.")
    assert ("european-union", "angola") not in {(h, t) for h, t, _ in stances(ex)}
    assert "Angola" not in {e.label for e in ex.entities}


def test_an_actor_modifying_a_phrases_noun_is_not_what_a_reported_verdict_judges(run) -> None:
    ex = run("The European Union condemned the campaign and said such behaviour was contrary to "
             "NATO norms of responsible state conduct.")
    assert ("european-union", "nato") not in {(h, t) for h, t, _ in stances(ex)}


def test_a_verdict_on_the_decision_judges_whoever_did_the_ledes_act(run) -> None:
    ex = run("The European Union imposed sanctions on Monday on six Russian officials over the "
             "poisoning.\nMoscow called it a hostile act.\nIndia welcomed the decision.")
    assert ("india", "european-union", Polarity.POSITIVE) in stances(ex)


def test_the_title_refers_to_the_last_sentences_subject_given_it_long_before(run) -> None:
    ex = run("Kofi Mensah, the chief adviser, arrived in Bangkok on Monday. The summit opened on "
             "Tuesday. Delegates discussed trade. They also discussed fisheries. The talks "
             "ran late. Officials said little. Foreign Minister Abebe Bekele met reporters. "
             "He said Kofi Mensah raised the issue of the border. The chief adviser also "
             "complained that India was making \"inflammatory statements\".")
    assert ("person-kofi-mensah", "inflammatory statements") in {
        (s.speaker, s.quote) for s in ex.of_type(StatementFact)}


def test_a_name_right_after_a_firm_noun_is_a_firms(run) -> None:
    ex = run("\"Prices will rise,\" said Anneke Vos of the Rotterdam-based consultancy "
             "Lanthanide Advisory.")
    assert {e.label: e.cls for e in ex.entities}.get(
        "Lanthanide Advisory") == EntityClass.ORGANIZATION


def test_persons_listed_after_their_posts_in_a_groups_apposition_are_persons(run) -> None:
    ex = run("A group of Conservative backbenchers, among them former party leader Iain Duncan "
             "Smith and Tom Tugendhat, who chairs the Foreign Affairs Committee, had threatened "
             "to rebel over the issue.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Iain Duncan Smith") == EntityClass.PERSON
    assert classes.get("Tom Tugendhat") == EntityClass.PERSON


def test_a_registry_region_inside_an_organisations_name_goes_to_the_ner(tmp_path) -> None:
    registry = [{"id": "pacific-ocean", "label": "Pacific Ocean", "class": "Region",
                 "aliases": ["Pacific"]},
                {"id": "ecuador", "label": "Ecuador", "class": "State"},
                {"id": "china", "label": "China", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Quito could act through the South Pacific Regional Fisheries Management "
                  "Organisation, of which both Ecuador and China are members.")
    assert "Pacific Ocean" not in {e.label for e in ex.entities}


def test_a_region_after_of_the_and_a_capitalised_word_is_part_of_the_name(tmp_path) -> None:
    registry = [{"id": "pacific-ocean", "label": "Pacific Ocean", "class": "Region",
                 "aliases": ["Pacific"]},
                {"id": "fiji", "label": "Fiji", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Kofi Mensah, a lecturer at the University of the South Pacific in Fiji, "
                  "said the opinion was historic.")
    labels = {e.label for e in ex.entities}
    assert "Pacific Ocean" not in labels and "University of the South" not in labels


def test_a_first_conjunct_the_parser_hung_inside_the_second_name_is_a_subject(run) -> None:
    ex = run("European Council President Antonio Costa and Commission President Ursula von der "
             "Leyen congratulated Lee and pointed to the strategic partnership.")
    holders = {h for h, _, _ in stances(ex)}
    assert {"person-antonio-costa", "person-ursula-von-der-leyen"} <= holders


def test_quoted_words_after_known_as_or_so_called_are_a_name_not_a_statement(run) -> None:
    ex = run("Gangs led by Kofi Mensah, a former police officer known as \"Barbecue\", control "
             "the port. India urged NATO to cease its rhetoric about the so-called \"China "
             "threat\".")
    assert not ex.of_type(StatementFact)


def test_a_common_word_opening_a_sentence_is_no_name_when_the_text_uses_it_lowercase(
        run) -> None:
    ex = run("India voted on Sunday. Turnout, however, was only 30 per cent. Officials blamed "
             "the low turnout on the heat.")
    assert "Turnout" not in {e.label for e in ex.entities}


def test_a_tenure_word_after_the_owner_of_an_apposed_post_is_skipped(run) -> None:
    ex = run("Kofi Mensah, India's acting minister for ecological transition, said the meeting "
             "had kept the rulebook alive. Abebe Bekele, Japan's first deputy foreign "
             "minister, agreed.")
    assert titled_posts(ex) == {("person-kofi-mensah", "Minister", "india"),
                                ("person-abebe-bekele", "First Deputy Foreign Minister", "japan")}


def test_a_bare_apostrophe_after_a_plural_state_name_makes_it_the_owner(tmp_path) -> None:
    registry = [{"id": "marshall-islands", "label": "Marshall Islands", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Tina Stege, the Marshall Islands' climate envoy, said it was a start.")
    assert posts(ex) == {("person-tina-stege", "marshall-islands")}


def test_a_name_the_ner_took_for_a_place_before_of_a_state_is_a_person(tmp_path) -> None:
    registry = [{"id": "saudi-arabia", "label": "Saudi Arabia", "class": "State"},
                {"id": "new-zealand", "label": "New Zealand", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "The talks were co-chaired by Abdullah Asiri of Saudi Arabia and Ashley "
                  "Bloomfield of New Zealand.")
    assert {e.label: e.cls for e in ex.entities}.get(
        "Ashley Bloomfield") == EntityClass.PERSON


def test_a_name_the_ner_ran_over_of_a_state_is_a_person_and_the_state(tmp_path) -> None:
    registry = [{"id": "uganda", "label": "Uganda", "class": "State"}]
    ex = _extract(_pipeline_with(tmp_path, registry),
                  "Julia Sebutinde of Uganda, the court's vice-president, dissented.")
    assert {e.label: e.cls for e in ex.entities} == {"Julia Sebutinde": EntityClass.PERSON,
                                                     "Uganda": EntityClass.STATE}


def test_a_name_apposed_to_a_post_with_its_place_is_a_persons(run) -> None:
    ex = run("India abstained. India's ambassador in Geneva, Febrian Ruddyard, said New Delhi "
             "could not close its eyes.")
    assert {e.label: e.cls for e in ex.entities}.get("Febrian Ruddyard") == EntityClass.PERSON


def test_a_name_before_a_post_to_someone_is_a_persons(run) -> None:
    ex = run("India signed the statute in 2002. Gergely Gulyas, chief of staff to Prime Minister "
             "Viktor Orban, said India would not arrest him.")
    assert {e.label: e.cls for e in ex.entities}.get("Gergely Gulyas") == EntityClass.PERSON


# --- extractor 0.4.25 ------------------------------------------------------------------------


def test_an_election_is_an_event_of_the_state_whose_it_is(run) -> None:
    events = run("Observers arrived before Kazakhstan's presidential election on March 20, "
                 "2022.").of_type(EventFact)
    assert [(f.type, f.participants) for f in events] == [(EventType.OTHER, ("kazakhstan",))]


def test_who_promises_or_urges_an_election_is_no_party_to_it(run) -> None:
    for text in ("Jens Stoltenberg promised to hold elections within six months.",
                 "Arjun Rao said in a statement, urging that fresh elections be held soon."):
        assert not run(text).of_type(EventFact), text


def test_a_coup_is_an_event(run) -> None:
    events = run("ECOWAS suspended Niger after the July 2023 coup in Niger.").of_type(EventFact)
    assert any(f.type == EventType.OTHER and f.participants == ("niger",) for f in events)


def test_a_signed_agreement_is_an_event_of_its_signers(run) -> None:
    events = run("NATO signed a new cooperation agreement with Japan on July 11, "
                 "2024.").of_type(EventFact)
    assert [(f.type, f.participants, f.date.value if f.date else None) for f in events] == [
        (EventType.OTHER, ("japan", "nato"), "2024-07-11")]


def test_an_agreement_not_signed_is_no_event(run) -> None:
    for text in ("Japan refused to sign the agreement with China.",
                 "Japan did not sign the treaty with India.",
                 "India urged Japan to sign the pact with Australia.",
                 "The 1951 treaty between Japan and the United States covers attacks."):
        assert not run(text).of_type(EventFact), text


def test_a_passive_signing_takes_its_signers_from_by_only(run) -> None:
    events = run("The treaty was signed by Japan and India in 1960.").of_type(EventFact)
    assert [f.participants for f in events] == [("india", "japan")]
    events = run("In a letter, Arjun Rao informed Japan of the decision, citing changed "
                 "circumstances since the treaty was signed.").of_type(EventFact)
    assert all("arjun-rao" not in f.participants for f in events)


def test_the_accord_signed_after_an_agreement_is_the_same_event(run) -> None:
    events = run("Japan and India signed a defence agreement on May 2, 2024. Hiro Tanaka and "
                 "Arjun Rao signed the accord in Tokyo.").of_type(EventFact)
    assert len(events) == 1
    assert {"japan", "india", "hiro-tanaka", "arjun-rao"} <= set(events[0].participants)


def test_a_veto_cast_is_an_event_a_veto_held_is_not(run) -> None:
    events = run("Russia vetoed a UN Security Council resolution on Ukraine on February 25, "
                 "2022.").of_type(EventFact)
    assert any(f.type == EventType.OTHER and "russia" in f.participants for f in events)
    for text in ("Enforcement falls to the Security Council, where Russia holds a veto.",
                 "That route is blocked: Russia can veto any resolution."):
        assert not run(text).of_type(EventFact), text


def test_two_portfolios_joined_are_one_ministers_post_of_the_state(run) -> None:
    ex = run("India's commerce and industry minister, Arun Mehta, said talks would go on. "
             "Japanese Trade and Industry Minister Ken Sato agreed.")
    assert titled_posts(ex) >= {("person-arun-mehta", "Commerce and Industry Minister", "india"),
                         ("person-ken-sato", "Trade and Industry Minister", "japan")}


def test_a_governments_team_listed_together_shares_its_state(run) -> None:
    ex = run("China lifted its duties on barley. In a joint statement, Australia's Foreign "
             "Minister Anna Reid, Trade Minister Don Farrell and Agriculture Minister Murray "
             "Watt welcomed the decision.")
    assert titled_posts(ex) >= {("person-don-farrell", "Trade Minister", "australia"),
                         ("person-murray-watt", "Agriculture Minister", "australia")}


def test_the_decision_with_a_clause_set_off_is_still_the_ledes_act(run) -> None:
    found = stances(run("Japan lifted its duties on Indian rice on Friday. India welcomed the "
                        "decision, which it said was in the interests of both countries."))
    assert ("india", "japan", Polarity.POSITIVE) in found


def test_a_days_pledge_is_the_ledes_act(run) -> None:
    found = stances(run("Japan will share river data with India all year round, Hiro Tanaka "
                        "announced on Monday. The Pacific Islands Forum welcomed Monday's "
                        "pledge."))
    assert any(h == "pacific-islands-forum" and t in ("hiro-tanaka", "japan")
               and p == Polarity.POSITIVE for h, t, p in found)


def test_a_state_acting_on_a_post_holder_is_not_his_state(run) -> None:
    ex = run("Iran freed five prisoners on Monday. On the same day, Washington imposed new "
             "sanctions on former president Hamid Karimi and on Iran's intelligence ministry.")
    assert ("person-hamid-karimi", "united-states") not in posts(ex)


def test_a_holder_in_a_where_clause_is_in_the_sentences_scene(run) -> None:
    ex = run("Japan is short of shells. Japan asked for help. In Washington, an aid package "
             "for Japan remains stuck in the House of Representatives, where Speaker Tom Hale "
             "has refused to bring it to a vote.")
    assert ("person-tom-hale", "united-states") in posts(ex)


def test_the_state_the_sentence_before_opens_for_is_the_holders(run) -> None:
    ex = run("Russia cut the gas. India and Japan joined the grid on Wednesday.\nFor Japan, "
             "which buys most of its gas from Russia, the move is a first step out of "
             "dependence. Ken Sato, the deputy prime minister in charge of infrastructure, "
             "said the country could now import power.")
    assert ("person-ken-sato", "japan") in posts(ex)


def test_a_leaders_government_before_a_post_gives_its_state(run) -> None:
    ex = run("India needs shells. India has asked its allies for help. India will pay for "
             "them. India's Foreign Minister Raj Kumar said so. Japan's Prime Minister Ken Sato "
             "announced a plan in March.\nSato's government has insisted that the plan is not "
             "a one-off. Defence Minister Anna Kovac has said her ministry will handle the "
             "contracts.")
    assert ("person-anna-kovac", "japan") in posts(ex)


def test_one_word_the_ner_took_for_a_person_after_at_or_near_is_a_place(run) -> None:
    ex = run("Fighting continued near Rafah on Monday. The talks were held at Turnberry. "
             "Arjun Rao spoke to Jens Stoltenberg in Brussels, and aid went to Rao.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Turnberry") == EntityClass.PLACE
    assert classes.get("Rafah") in (EntityClass.PLACE, None)
    assert classes["Arjun Rao"] == EntityClass.PERSON


def test_a_stop_after_the_platform_x_ends_the_sentence(run) -> None:
    ex = run('"The EU just approved its strongest package," Arjun Rao wrote on X. Commission '
             "President Hiro Tanaka said the package would hit Russia hard.")
    assert {(f.speaker, f.evidence.sentence_index) for f in ex.of_type(StatementFact)} == {
        ("arjun-rao", 0)}
    assert "X. Commission" not in {e.label for e in ex.entities}


def test_its_refers_past_a_relative_clauses_subject(run) -> None:
    ex = run("Japan, which holds the Council presidency this month, had signalled beforehand "
             "that there was little the Council could do beyond bringing the parties "
             "together. Its ambassador, Ken Sato, chaired the session.")
    assert ("person-ken-sato", "japan") in posts(ex)


def test_a_one_word_name_owning_a_head_post_or_called_a_corporation_is_a_firm(run) -> None:
    ex = run("Kazakhstan said Rostek, Russia's state nuclear corporation, would lead the "
             "consortium. Pavel Orlov, Rostek's director general, attended. Volta's chief "
             "executive, Ines Maro, said the cable was cut.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Rostek") == EntityClass.ORGANIZATION
    assert classes.get("Volta", EntityClass.ORGANIZATION) == EntityClass.ORGANIZATION
    assert ("person-pavel-orlov", "organization-rostek") in posts(ex)


def test_regret_and_disappointment_are_negative_stances(run) -> None:
    found = stances(run("The European Union deeply regrets the decision of the United States "
                        "to impose tariffs. Japan was disappointed by Washington's move. India "
                        "was dismayed by Washington's decision."))
    assert {("european-union", "united-states", Polarity.NEGATIVE),
            ("japan", "united-states", Polarity.NEGATIVE),
            ("india", "united-states", Polarity.NEGATIVE)} <= found


def test_rejecting_or_backing_the_decision_judges_the_ledes_actor(run) -> None:
    found = stances(run("Japan imposed new duties on Indian steel on Monday. India condemned "
                        "and rejected the decision. Australia backed the move."))
    assert {("india", "japan", Polarity.NEGATIVE),
            ("australia", "japan", Polarity.POSITIVE)} <= found


def test_calling_the_lede_acts_tariffs_unjustified_judges_its_actor(run) -> None:
    found = stances(run("Japan imposed tariffs on Indian steel on Monday. Arjun Rao called the "
                        "tariffs entirely unjustified. India rejected the plan."))
    assert {("arjun-rao", "japan", Polarity.NEGATIVE),
            ("india", "japan", Polarity.NEGATIVE)} <= found


def test_a_post_of_a_state_before_an_apposed_name_is_that_states(run) -> None:
    ex = run("The foreign minister of Japan, Ken Sato, spoke with the emir of Kazakhstan, "
             "Ali Bek, on Monday.")
    assert {("person-ken-sato", "Foreign Minister", "japan"),
            ("person-ali-bek", "Emir", "kazakhstan")} <= titled_posts(ex)


def test_intelligence_and_police_chiefs_hold_their_states_posts(run) -> None:
    ex = run("India's intelligence chief, Ravi Menon, met Japan's police chief, Ken Sato, in "
             "Delhi.")
    assert {("person-ravi-menon", "Intelligence Chief", "india"),
            ("person-ken-sato", "Police Chief", "japan")} <= titled_posts(ex)


def test_the_untitled_agent_of_headed_by_heads_the_body(run) -> None:
    ex = run("The Atlantic Council, headed by Maria Lopez, criticised the plan. A delegation "
             "led by Ravi Menon arrived. The European Union's observation mission, led by Ana "
             "Ruiz, reported irregularities.")
    assert titled_posts(ex) == {("person-maria-lopez", "Head", "atlantic-council")}


def test_a_post_at_the_time_before_an_apposed_name(run) -> None:
    ex = run("India's foreign minister at the time, Ravi Menon, signed the deal.")
    assert ("person-ravi-menon", "Foreign Minister", "india") in titled_posts(ex)


def test_who_replaced_someone_as_a_post_holds_it(run) -> None:
    ex = run("Ravi Menon, who replaced Arun Rao as India's foreign minister in June, said the "
             "deal was dead.")
    assert ("person-ravi-menon", "Foreign Minister", "india") in titled_posts(ex)


def test_his_counterpart_in_the_next_sentence_takes_the_post_of_the_one_before(run) -> None:
    ex = run("Japan's Foreign Minister Ken Sato said the convoy had to pass. His Indian "
             "counterpart, Ravi Menon, warned of famine.")
    assert ("person-ravi-menon", "Foreign Minister", "india") in titled_posts(ex)


def test_a_member_of_two_bodies_however_the_parser_joins_them(run) -> None:
    for text in ("Kazakhstan, a member of the Russian-led African Union and Pacific Islands "
                 "Forum, exports oil.",
                 "Kazakhstan, a member of the Russian-led African Union and the Pacific "
                 "Islands Forum, has kept its distance."):
        members = _members(run(text))
        assert {("kazakhstan", "african-union"),
                ("kazakhstan", "pacific-islands-forum")} <= members, text


def test_acting_as_a_member_is_being_one(run) -> None:
    members = _members(run("Ethiopia, as an African Union member, should help the talks "
                           "succeed this year. As a BRICS member, India voted against it."))
    assert {("ethiopia", "african-union"), ("india", "brics")} <= members
    assert not _members(run("Kazakhstan wants to join as a BRICS member next year."))


def test_a_state_chairing_a_body_is_its_member(run) -> None:
    members = _members(run("Ethiopia, which chairs the African Union this year, called for "
                           "calm after the vote. India holds the rotating presidency of BRICS "
                           "until December."))
    assert {("ethiopia", "african-union"), ("india", "brics")} <= members


def test_a_suspended_membership_is_a_membership(run) -> None:
    assert ("niger", "african-union") in _members(run(
        "The African Union suspended Niger's membership in July 2023 after the coup."))


def test_a_reporting_clause_set_in_after_quoted_words_reports_them(run) -> None:
    st = run('Arjun Rao spoke in Delhi. India had asked "key regional partners" for support '
             "to make the flight possible, he added, without naming them.").of_type(
                 StatementFact)
    assert [(f.speaker, f.quote) for f in st] == [("arjun-rao", "key regional partners")]


def test_the_name_set_beside_a_subject_noun_speaks(run) -> None:
    st = run('The EU refugee agency, Atlantic Council, said it was "deeply disturbed" by the '
             "attack.").of_type(StatementFact)
    assert [f.speaker for f in st] == ["atlantic-council"]


def test_similar_deals_of_two_subjects_are_no_deal_between_them(run) -> None:
    ex = run("The United States struck a deal with the European Union on steel last year. "
             "Japan and India have since negotiated similar deals.")
    assert ("india", "japan") not in {f.parties for f in ex.of_type(PartnershipFact)}


def test_condemning_a_war_against_a_state_does_not_condemn_that_state(run) -> None:
    found = stances(run("The talks failed. India condemned the war against Japan. Australia "
                        "criticised the sanctions on China."))
    assert not {(h, t) for h, t, _ in found} & {("india", "japan"), ("australia", "china")}


def test_a_states_opposition_does_not_speak_for_the_state(run) -> None:
    found = stances(run("The deal was signed in Delhi.\nIndian opposition parties condemned "
                        "Japan over the deal."))
    assert not any(h == "india" for h, _, _ in found)


def test_a_team_from_a_body_acts_for_it(run) -> None:
    events = run("The talks stalled in March.\nA team from the African Union visited Kazakhstan "
                 "in April and said the plan was not credible.").of_type(EventFact)
    assert any("african-union" in f.participants for f in events)


def test_the_new_title_is_the_registry_holder_of_the_sentence_before(run) -> None:
    st = run("It took Jens Stoltenberg less than two days in Brussels to give his verdict.\n"
             '"The plan was dead before it started," the new secretary general told '
             "reporters.").of_type(StatementFact)
    assert [f.speaker for f in st] == ["jens-stoltenberg"]


# --- extractor 0.4.26 ------------------------------------------------------------------------

def test_a_commissioner_general_is_a_post_not_a_rank(run) -> None:
    found = titled_posts(run("The agency ran out of money.\nThe African Union's "
                             "commissioner-general, Tom Reed, said the agency was at breaking "
                             "point."))
    assert ("person-tom-reed", "Commissioner-General", "african-union") in found


def test_the_supreme_allied_commander_europe_is_natos(run) -> None:
    found = titled_posts(run("The drills began on Monday.\nGeneral Tom Reed, NATO's Supreme "
                             "Allied Commander Europe, announced the plans in Brussels."))
    assert found == {("person-tom-reed", "Supreme Allied Commander Europe", "nato")}


def test_a_bodys_last_word_before_a_title_is_that_body(run) -> None:
    found = titled_posts(run("The State Duma approved the law on Tuesday.\nDuma Speaker Tom "
                             "Reed said Japan had left it no choice."))
    assert ("person-tom-reed", "Speaker", "organization-state-duma") in found


def test_an_envoy_named_last_is_no_guess_for_the_next_state_post(run) -> None:
    found = titled_posts(run("Japan, Vietnam and Australia held talks in March, and India "
                             "joined them.\nThe forum ended badly. China's ambassador to Japan, "
                             "Wu Jianghao, said the remarks were wrong. The remark caused an "
                             "uproar. Senator Tom Reed called on the government to ask Beijing "
                             "to recall the envoy."))
    assert ("person-tom-reed", "Senator", "china") not in found


def test_the_of_inside_a_bodys_name_is_no_title_before_a_person(run) -> None:
    ex = run("The talks stalled in March.\nWashington imposed sanctions on Japan's Presidency "
             "of Defence Industries over the purchase.")
    assert not {e.key for e in ex.entities if e.cls == EntityClass.PERSON}


def test_a_states_own_security_council_is_not_the_uns(run) -> None:
    ex = run("The talks stalled in March.\nTom Reed, the secretary of Kyrgyzstan's Security "
             "Council, said the alliance had failed. Japan's Security Council seat was "
             "discussed.")
    keys = [m.entity for m in ex.mentions]
    assert "organization-kyrgyzstan-security-council" in keys
    assert keys.count("un-security-council") == 1  # the seat's council is the UN's


def test_a_leaders_spokesman_is_the_leaders_states(run) -> None:
    found = posts(run("The talks stalled in March.\nTom Reed, spokesman for Prime Minister "
                      "Hiro Tanaka, said the talks went well. Ken Sato, Prime Minister Arjun "
                      "Rao's "
                      "spokesman, said so too."))
    assert {("person-tom-reed", "japan"), ("person-ken-sato", "india")} <= found


def test_a_participles_object_is_not_the_pronoun_subject_it_describes(run) -> None:
    st = run("The talks stalled in March.\nArjun Rao, who was making his first trip to Japan "
             "since the crisis of February and his first bilateral visit anywhere since "
             "winning a third term in June, chose his words the next day. Sitting opposite "
             "Hiro Tanaka at the summit in Tokyo, he said that a solution \"is not possible on "
             "the battlefield\".").of_type(StatementFact)
    assert [f.speaker for f in st] == ["arjun-rao"]


def test_members_alongside_or_with_the_named_ones_belong_too(run) -> None:
    members = set()
    for text in ("Kyrgyzstan and Tajikistan belong to NATO alongside Japan and India.",
                 "India values its membership of the Quad with the United States, Japan and "
                 "Australia.",
                 "Finland joined the African Union along with Ethiopia."):
        members |= _members(run(f"The summit opened in March.\n{text}"))
    assert {("japan", "nato"), ("india", "nato"), ("japan", "quad"), ("australia", "quad"),
            ("ethiopia", "african-union")} <= members


def test_the_irish_and_french_ministerial_titles_are_posts(run) -> None:
    found = titled_posts(run("The talks stalled in March.\nTaoiseach Tom Reed called the move "
                             "historic. Ken Sato, the Tánaiste and foreign minister, agreed. "
                             "Ana Lima, the armed forces minister, said so too."))
    assert {("person-tom-reed", "Prime Minister"), ("person-ken-sato", "Deputy Prime Minister"),
            ("person-ana-lima", "Armed Forces Minister")} <= {(p, t) for p, t, _ in found}


def test_a_post_the_registry_ended_later_is_held_in_an_earlier_article(tmp_path) -> None:
    registry = [*ACTORS,
                {"id": "tom-reed", "label": "Tom Reed", "class": "Person",
                 "country": "united-states",
                 "positions": [{"title": "Secretary of State", "of": "united-states",
                                "since": "2019", "until": "2024"}]}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, "Japan lifted its ties with the United States on Monday.\nSecretary of "
                       "State Tom Reed joined the president, while Foreign Minister Ken Sato "
                       "spoke to Japanese media.", "2021-05-04")
    assert ("person-ken-sato", "united-states") not in posts(ex)


def test_a_fronted_scene_in_a_states_city_gives_the_post_its_state(run) -> None:
    ex = run("Taiwan lost another ally on Friday as Ethiopia switched sides.\nHours later, in "
             "the northern Chinese city of Tianjin, Vice Foreign Minister Tom Reed and an "
             "Ethiopian delegation signed a communiqué restoring relations.")
    assert ("person-tom-reed", "china") in posts(ex)
    assert ("china", "ethiopia") in {f.parties for f in ex.of_type(PartnershipFact)}


def test_the_governor_of_a_capital_is_no_post_of_its_state(run) -> None:
    found = posts(run("The talks stalled in March.\nThe governor of Moscow, Tom Reed, and "
                      "former Beijing governor Ken Sato were waiting on the tarmac."))
    assert not {("person-tom-reed", "russia"), ("person-ken-sato", "china")} & found


def test_a_bodys_commission_is_its_own_organ_under_any_spelling(run) -> None:
    ex = run("Leaders gathered on Wednesday.\nTom Reed, chairperson of the AU Commission, "
             "attended. Ken Sato, a spokesman for the African Union Commission, agreed.")
    assert {("person-tom-reed", "organization-african-union-commission"),
            ("person-ken-sato", "organization-african-union-commission")} <= posts(ex)


def test_a_switch_of_recognition_is_an_act_the_lede_reports(run) -> None:
    found = stances(run("Ethiopia has switched its diplomatic recognition from Taiwan to China, "
                        "ending a long relationship.\nChina welcomed the switch."))
    assert ("china", "ethiopia", Polarity.POSITIVE) in found


def test_one_word_taken_reached_or_called_a_town_is_a_place(run) -> None:
    ex = run("The talks stalled in March.\nThe rebels have captured Goma and Bukavu since "
             "January. Japan sent a special envoy to Naypyitaw for talks. Boluarte watched a "
             "video link to Chancay, a fishing town on the coast.")
    classes = {e.label: e.cls for e in ex.entities}
    assert all(classes.get(n) == EntityClass.PLACE
               for n in ("Goma", "Bukavu", "Naypyitaw", "Chancay")), classes


def test_support_for_a_membership_is_a_candidacy_not_a_membership(run) -> None:
    members = _members_with_status(run(
        "The talks stalled in March.\nJapan repeated its support for Ethiopia's full "
        "membership of NATO. Kyrgyzstan renewed its bid for membership of the African Union."))
    assert ("ethiopia", "nato", MembershipStatus.CANDIDATE) in members
    assert ("kyrgyzstan", "african-union", MembershipStatus.CANDIDATE) in members
    assert ("ethiopia", "nato", MembershipStatus.MEMBER) not in members


def test_a_section_title_quoting_the_body_is_no_quotation(run) -> None:
    st = run("The talks stalled in March, and Japan walked out.\nTokyo: “This trust has been "
             "betrayed”\nJapan's foreign minister, Ken Sato, said the trust \"has been "
             "betrayed\".").of_type(StatementFact)
    assert [f.quote for f in st] == ["has been betrayed"]


def test_a_fellow_ally_or_member_belongs_to_the_body_just_named(run) -> None:
    members = _members(run("NATO leaders met in London on Tuesday.\nJapan, a fellow ally, "
                           "launched an offensive there. The African Union summit ended in "
                           "Addis Ababa. Kyrgyzstan fought a border war with Ethiopia, a "
                           "fellow member."))
    assert {("japan", "nato"), ("ethiopia", "african-union")} <= members


def test_a_commissioner_named_by_nationality_is_no_post_of_that_state(run) -> None:
    found = posts(run("The talks stalled in March.\nTom Reed, the Japanese commissioner in "
                      "charge of enlargement, said the plan was sound."))
    assert ("person-tom-reed", "japan") not in found


def test_a_relative_sharing_names_is_someone_else(tmp_path) -> None:
    registry = [*ACTORS, {"id": "mahamat-deby", "label": "Mahamat Déby", "class": "Person",
                          "aliases": ["Mahamat Idriss Déby"], "country": "japan",
                          "positions": [{"title": "President", "of": "japan"}]}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, "Japan expelled the envoy on Friday.\nJapan has been ruled by Mahamat "
                       "Idriss Déby since 2021. He took power after his father, longtime "
                       "president Idriss Déby, was killed.", "2023-04-11")
    assert "person-idriss-deby" in {e.key for e in ex.entities}


def test_sanctions_on_a_states_officer_named_after_a_comma_target_the_officer(run) -> None:
    found = stances(run("The talks stalled in March.\nThe United States on Thursday imposed "
                        "sanctions on Ethiopia's army chief, General Abdel Fattah al-Burhan, a "
                        "week after blacklisting his rival."))
    assert {t for h, t, _ in found if h == "united-states"} == {
        "person-abdel-fattah-al-burhan"}


def test_words_a_contrasted_or_what_clause_names_are_its_speakers(run) -> None:
    st = run("The talks stalled in March.\nJapan and India said the timing was not right, "
             "although Prime Minister Arjun Rao has said recognition is \"not a taboo\". "
             "Japan declared the envoy persona non grata, citing what Hiro Tanaka described "
             "as his \"impolite attitude\".").of_type(StatementFact)
    assert {(f.speaker, f.quote) for f in st} == {("arjun-rao", "not a taboo"),
                                                 ("hiro-tanaka", "impolite attitude")}


def test_a_subject_inside_the_quoted_words_did_not_say_them(run) -> None:
    st = run("Israel recalled its envoys on Wednesday.\n\"Oslo is betting that its credibility "
             "as a go-between survives this,\" said Ingrid Saether-Holm, a researcher on Nordic "
             "foreign policy in Oslo.").of_type(StatementFact)
    assert [f.speaker for f in st] == ["person-ingrid-saether-holm"]


def test_raising_or_lifting_ties_to_a_partnership_is_a_partnership(run) -> None:
    ex = run("The visit began on Sunday.\nIndia and Japan raised their ties to an all-round "
             "strategic partnership.")
    assert ("india", "japan") in {f.parties for f in ex.of_type(PartnershipFact)}


def test_a_registry_name_that_holds_its_title_gives_the_post(tmp_path) -> None:
    registry = [*ACTORS, {"id": "salman", "label": "Salman bin Abdulaziz Al Saud",
                          "class": "Person", "aliases": ["King Salman"], "country": "japan",
                          "positions": [{"title": "King", "of": "japan"}]}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, "The visit began on Wednesday.\nArjun Rao held a summit with King Salman "
                       "in Tokyo.", "2022-12-08")
    assert ("salman", "King", "japan") in titled_posts(ex)


def test_a_bidding_war_or_a_new_cold_war_is_no_war(run) -> None:
    events = run("The talks began on Monday.\nTaiwan would not be drawn into a bidding war with "
                 "China. It risked drawing the region into a new Cold War between China and "
                 "Japan.").of_type(EventFact)
    assert not events


def test_a_surname_alone_is_the_person_whose_name_ends_with_it(run) -> None:
    found = stances(run("Taiwan cut ties with Japan after President Ken Sato's government "
                        "switched sides.\nA delegation led by Mariko Sato Tanaka, the "
                        "president's daughter, signed the communiqué. India accused Sato of "
                        "betrayal."))
    assert ("india", "person-ken-sato", Polarity.NEGATIVE) in found


def test_the_title_is_the_previous_subjects_whom_the_registry_gives_it(run) -> None:
    st = run("The strike killed seven aid workers.\nPrime Minister Hiro Tanaka called it "
             "appalling. Arjun Rao acknowledged that his forces had struck the convoy. \"This "
             "happens in war,\" the prime minister said.").of_type(StatementFact)
    assert [f.speaker for f in st] == ["arjun-rao"]


def test_an_abbreviated_rank_is_no_part_of_the_name(run) -> None:
    ex = run("The strike killed seven aid workers.\nLt Gen Tom Reed, the army chief, called it a "
             "grave mistake. Later Gen Reed promised an inquiry.")
    assert {e.label for e in ex.entities if e.cls == EntityClass.PERSON} == {"Tom Reed"}


def test_a_month_dated_by_a_past_participle_is_in_the_year_before(run) -> None:
    events = run("Japan imposed sanctions on Thursday.\nTom Reed has criticised both commanders "
                 "for refusing to attend ceasefire talks hosted in India in August.",
                 "2025-01-16").of_type(EventFact)
    assert [f.date.value for f in events if f.date] == ["2024-08"]


def test_joining_what_a_body_runs_is_no_membership_of_the_body(run) -> None:
    ex = run("Danes voted on Wednesday to scrap the opt-out.\nJapanese forces could now join "
             "NATO military missions. India joined the African Union outreach session in "
             "Rome. Kyrgyzstan has applied to join the BRICS group.")
    assert _members(ex) == {("kyrgyzstan", "brics")}
    assert not [f for f in ex.of_type(EventFact) if f.type == EventType.ACCESSION
                and "kyrgyzstan" not in f.participants]


def test_what_should_no_longer_belong_is_no_membership(run) -> None:
    members = _members(run("The summit met on Wednesday.\nThe assembly concluded that Japan "
                           "should no longer belong to NATO. India should belong to the "
                           "African Union, he argued."))
    assert not members


def test_its_in_what_the_object_is_pressed_over_is_the_objects(run) -> None:
    found = stances(run("The leaders met in Paris on Monday.\nThe European Union kept pressing "
                        "China over its support for Russia."))
    assert ("china", "russia", Polarity.POSITIVE) in found
    assert ("european-union", "russia", Polarity.POSITIVE) not in found


def test_an_activist_of_a_nationality_does_not_speak_for_the_state(run) -> None:
    found = stances(run("NATO leaders met in Vilnius on Tuesday.\nTom Reed was asked at a "
                        "public forum by a Japanese anti-corruption activist why allies "
                        "would not simply invite her country."))
    assert not any(h == "japan" for h, _, _ in found)


def test_a_visitor_in_a_states_city_is_not_given_its_state(run) -> None:
    found = posts(run("Taiwan lost another ally on Friday.\nIn the southern Chinese city of "
                      "Guangzhou, visiting Foreign Minister Tom Reed signed the communiqué."))
    assert ("person-tom-reed", "china") not in found


# --- extractor 0.4.27 ------------------------------------------------------------------------


def test_relations_lifted_to_a_partnership_pair_their_parties(run) -> None:
    ex = run("Leaders met in Hanoi on Sunday.\nJapan lifted relations with India to a "
             "comprehensive strategic partnership. Russia raised ties between China and "
             "Canada to a strategic partnership, it said.")
    parties = {p.parties for p in ex.of_type(PartnershipFact)}
    assert ("india", "japan") in parties
    assert ("canada", "china") in parties


def test_reservations_about_ties_with_a_state_are_concern_toward_it(run) -> None:
    found = stances(run("Leaders met in Tokyo on Sunday.\nJapan has voiced strong reservations "
                        "about closer ties with Beijing. Canada welcomed closer cooperation "
                        "with India."))
    assert ("japan", "china", Polarity.NEGATIVE) in found
    assert ("canada", "india", Polarity.POSITIVE) in found


def test_names_a_force_moves_on_or_listed_with_places_are_places(run) -> None:
    ex = run("The talks stalled in March.\nThe rebels pushed south towards Bukavu, and the "
             "fighters advancing on Goma stopped. Drones hit Moscow, Kharkiv and Zaporizhzhia. "
             "Many capitals had come to Bürgenstock. Fighting continued in parts of South "
             "Kivu. The army recaptured Wad Madani, the Gezira state capital.")
    classes = {e.label: e.cls for e in ex.entities}
    assert all(classes.get(n) == EntityClass.PLACE
               for n in ("Bukavu", "Goma", "Kharkiv", "Bürgenstock", "South Kivu",
                         "Wad Madani", "Gezira")), classes


def test_a_post_only_one_state_has_is_that_states_by_default(run) -> None:
    found = posts(run("China banned the chips on Sunday.\nChina said the chips were a risk. "
                      "China had warned the firm. Chief Cabinet Secretary Tom Reed said it "
                      "was watching. Deputy Treasury Secretary Ann Lee said the ban was "
                      "coercion."))
    assert ("person-tom-reed", "japan") in found
    assert ("person-ann-lee", "united-states") in found


def test_elected_to_a_post_without_as_gives_the_post(run) -> None:
    found = titled_posts(run("The vote was held in Geneva on Friday.\nKarim Khan was elected "
                             "prosecutor of the African Union on Friday."))
    assert ("person-karim-khan", "Prosecutor", "african-union") in found


def test_a_phrase_of_time_does_not_make_the_decision_someone_elses(run) -> None:
    found = stances(run("Japan on Thursday extended its lifeline to nine central banks.\nIndia "
                        "welcomed the decision within hours. Its central bank governor told "
                        "reporters that the line would act as a safety valve for the rupee."))
    assert ("india", "japan", Polarity.POSITIVE) in found


def test_an_organ_that_creates_a_body_is_not_its_member(tmp_path) -> None:
    registry = [*ACTORS, {"id": "unrwa", "label": "UNRWA", "class": "InternationalOrganization"}]
    nlp = _pipeline_with(tmp_path, registry)
    ex = _extract(nlp, "Donors met on Monday.\nUNRWA was created by the UN Security Council in "
                       "1949. The Quad was founded by Japan and India.", "2024-02-01")
    members = _members(ex)
    assert ("un-security-council", "unrwa") not in members
    assert ("japan", "quad") in members


def test_the_patient_of_a_harm_concern_is_about_is_not_its_target(run) -> None:
    found = stances(run("Aides were arrested on Monday.\nIn February the government had expelled "
                        "the staff of the office in Caracas after Japan, which answers to "
                        "nobody, voiced concern over the detention of lawyer and activist Rocío "
                        "San Miguel."))
    assert not any(t == "person-rocio-san-miguel" for _, t, _ in found)


def test_condemning_the_launch_is_aimed_at_who_fired_it(run) -> None:
    found = stances(run("Russia fired a ballistic missile over Japan on Tuesday.\nCanada "
                        "condemned the launch."))
    assert ("canada", "russia", Polarity.NEGATIVE) in found


def test_a_summoned_or_expelled_envoy_stands_for_his_state(run) -> None:
    found = stances(run("Seoul protested on Tuesday.\nJapan summoned Russia's ambassador, Tom "
                        "Reed, on Tuesday. Canada expelled China's ambassador, Ann Lee."))
    assert ("japan", "russia", Polarity.NEGATIVE) in found
    assert ("canada", "china", Polarity.NEGATIVE) in found
    assert not any(t in ("person-tom-reed", "person-ann-lee") for _, t, _ in found)


def test_a_rank_in_no_named_force_is_no_post(run) -> None:
    found = titled_posts(run("Drones crossed the border on Tuesday.\nMajor General Tom Reed "
                             "said the drones had strayed."))
    assert not any(p == "person-tom-reed" for p, _, _ in found)


def test_a_frigate_named_for_an_admiral_and_an_operation_are_no_persons(run) -> None:
    ex = run("The drill ended on Monday.\nThe Russian frigate Admiral Gorshkov slipped out of "
             "port. Russia contributed the Gorshkov and a tanker. French troops of Operation "
             "Barkhane stayed in Gao.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert not persons & {"Gorshkov", "Admiral Gorshkov", "Operation Barkhane"}, persons
    assert not any(r.person.endswith("gorshkov") for r in ex.of_type(RoleFact))


def test_an_act_a_state_will_not_allow_is_not_its_stance(run) -> None:
    found = stances(run("The president arrived in Tokyo on Wednesday.\nArjun Rao said India "
                        "would not allow its territory to be used as a platform to threaten "
                        "Japan."))
    assert not any(t == "japan" and p == Polarity.NEGATIVE for _, t, p in found)


def test_what_an_addressee_is_urged_to_stop_or_start_is_not_its_stance(run) -> None:
    found = stances(run("The talks ended on Wednesday.\nArjun Rao urged Japan to stop arming "
                        "the island and to support China's peaceful reunification."))
    assert ("japan", "china", Polarity.POSITIVE) not in found


def test_a_summits_venue_a_crossing_and_what_lies_south_of_are_places(run) -> None:
    ex = run("The summit opened on Tuesday.\nLeaders gathered for the summit in Nusa Dua. They "
             "met at an estate south of San Francisco. Aid through the Rafah crossing stopped.")
    classes = {e.label: e.cls for e in ex.entities}
    assert all(classes.get(n) == EntityClass.PLACE
               for n in ("Nusa Dua", "San Francisco", "Rafah")), classes


def test_complaining_about_or_to_a_state_is_criticism(run) -> None:
    found = stances(run("The summit opened on Tuesday.\nArjun Rao complained to Canada that "
                        "details had been leaked. Japan complained about Chinese export "
                        "controls."))
    assert ("arjun-rao", "canada", Polarity.NEGATIVE) in found
    assert ("japan", "china", Polarity.NEGATIVE) in found


def test_an_analyst_at_a_body_holds_an_affiliation_there(run) -> None:
    found = titled_posts(run("The missile flew over Japan on Tuesday.\n“It is deliberate,” said "
                             "Tom Reed, a security analyst at the Kansai Policy Forum in Osaka."))
    assert ("person-tom-reed", "Analyst", "organization-kansai-policy-forum") in found


def test_a_titled_person_who_chairs_a_body_holds_both_posts(run) -> None:
    found = titled_posts(run("The summit opened on Tuesday.\nLeaders included Canada's Prime "
                             "Minister Tom Reed, who currently chairs the African Union."))
    assert ("person-tom-reed", "Prime Minister", "canada") in found
    assert ("person-tom-reed", "Chair", "african-union") in found


def test_a_minister_saying_his_own_ministry_will_act_is_no_stance_toward_it(tmp_path) -> None:
    registry = [*ACTORS,
                {"id": "us-department-of-state", "label": "United States Department of State",
                 "class": "Organization", "country": "united-states",
                 "aliases": ["State Department"]},
                {"id": "tom-reed", "label": "Tom Reed", "class": "Person",
                 "country": "united-states",
                 "positions": [{"title": "Secretary of State", "of": "united-states"}]},
                {"id": "ann-lee", "label": "Ann Lee", "class": "Person",
                 "country": "united-states",
                 "positions": [{"title": "Senator", "of": "united-states"}]}]
    nlp = _pipeline_with(tmp_path, registry)
    found = stances(_extract(nlp, "Colombia refused two flights on Sunday.\nSecretary of State "
                                  "Tom Reed said the State Department would suspend visa "
                                  "processing at the embassy in Bogota, accusing Canada of "
                                  "having jeopardised the flights. Ann Lee accused the State "
                                  "Department of moving too slowly.", "2025-01-27"))
    assert not any(h == "tom-reed" and t == "us-department-of-state" for h, t, _ in found)
    assert ("ann-lee", "us-department-of-state", Polarity.NEGATIVE) in found


def test_meeting_payments_or_targets_is_no_meeting(run) -> None:
    events = run("The IMF approved the loan on Friday.\nEthiopia can meet its immediate debt "
                 "payments, and India met the targets.").of_type(EventFact)
    assert not [e for e in events if e.type == EventType.MEETING]


def test_a_name_with_a_particle_or_a_hyphenated_first_name_is_one_person(run) -> None:
    ex = run("The central bank acted on Thursday.\nIts governor, Alejandro Díaz de León, "
             "called the line a relief. “We are not naive,” said François-Philippe "
             "Champagne, the minister of innovation.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert {"Alejandro Díaz de León", "François-Philippe Champagne"} <= persons, persons


def test_initials_a_demonym_post_and_a_scholars_post_make_a_person(run) -> None:
    ex = run("The council voted on Friday.\nT.S. Tirumurti, the Indian ambassador, said India "
             "had abstained. “It matters,” said Ana Petrescu, a digital-policy researcher at "
             "the Bucharest Institute for Technology Policy.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert {"T.S. Tirumurti", "Ana Petrescu"} <= persons, persons
    assert ("person-t-s-tirumurti", "india") in posts(ex)


def test_a_person_who_heads_or_chairs_a_body_in_a_main_clause_holds_the_post(run) -> None:
    found = titled_posts(run("The assembly met on Tuesday.\nTom Reed of Ethiopia heads the "
                             "African Union. Prime Minister Arjun Rao currently chairs the "
                             "Quad."))
    assert ("person-tom-reed", "Head", "african-union") in found
    assert ("arjun-rao", "Chair", "quad") in found


def test_holding_or_taking_over_a_bodys_presidency_gives_its_post(run) -> None:
    found = titled_posts(run("The assembly met on Tuesday.\nIndia's Arjun Rao holds the "
                             "rotating presidency of the Quad this year. Canada's Prime "
                             "Minister Tom Reed, who took over the AU's rotating chairmanship "
                             "this month, spoke."))
    assert ("arjun-rao", "President", "quad") in found
    assert ("person-tom-reed", "Chair", "african-union") in found


def test_a_signed_memorandum_is_a_partnership(run) -> None:
    ex = run("The visit began on Monday.\nJapan and India signed 14 memorandums of "
             "understanding covering trade. China, Canada and Ethiopia signed an MoU on a "
             "railway.")
    parties = {p.parties for p in ex.of_type(PartnershipFact)}
    assert ("india", "japan") in parties
    assert ("canada", "china", "ethiopia") in parties


def test_a_leader_arriving_in_a_capital_makes_the_two_countries(run) -> None:
    ex = run("Prime Minister Arjun Rao arrived in Brussels on Monday on his first trip abroad, "
             "and the two countries signed a defence pact.")
    assert ("belgium", "india") in {p.parties for p in ex.of_type(PartnershipFact)}


def test_allies_and_partners_in_bodies_are_their_members(run) -> None:
    members = _members(run("The drill began on Tuesday.\nArjun Rao said Japan and Canada were "
                           "close allies and partners in NATO and the Quad."))
    assert {("japan", "nato"), ("canada", "nato"), ("japan", "quad"),
            ("canada", "quad")} <= members


def test_the_navies_of_states_beginning_a_phase_of_an_exercise_hold_it(run) -> None:
    events = run("The drill began on Tuesday.\nThe navies of India, Japan and Canada began the "
                 "first phase of the Malabar exercise on Tuesday.").of_type(EventFact)
    assert any(e.type == EventType.MILITARY_EXERCISE
               and {"india", "japan", "canada"} <= set(e.participants) for e in events)


def test_a_protest_lodged_with_or_a_complaint_against_a_state_targets_it(run) -> None:
    found = stances(run("The ships sailed on Wednesday.\nJapan had lodged a strong protest with "
                        "Moscow. India filed a complaint against Canada at the World Trade "
                        "Organization."))
    assert ("japan", "russia", Polarity.NEGATIVE) in found
    assert ("india", "canada", Polarity.NEGATIVE) in found
    assert not any(t == "wto" for _, t, _ in found)


def test_arriving_or_returning_as_a_states_new_post_gives_it(run) -> None:
    found = posts(run("The ban took effect on Monday.\nTom Reed, who arrived in Washington as "
                      "China's new ambassador on May 23, struck a guarded note. Ann Lee, who "
                      "returned as president of Canada in January, spoke."))
    assert ("person-tom-reed", "china") in found
    assert ("person-ann-lee", "canada") in found


def test_contradicting_rebuffing_or_chiding_is_a_negative_stance(run) -> None:
    found = stances(run("The summit opened on Monday.\nJapan swiftly contradicted Canada. China "
                        "rebuffed India's offer of talks. Russia chided Ethiopia for its "
                        "remarks."))
    assert {("japan", "canada", Polarity.NEGATIVE), ("china", "india", Polarity.NEGATIVE),
            ("russia", "ethiopia", Polarity.NEGATIVE)} <= found


def test_a_possessive_inside_a_persons_name_and_a_party_noun_before_a_name(run) -> None:
    ex = run("The election was held on Monday.\nPierre Poilievre's Conservatives lost. Maduro "
             "agreed to talks with the opposition Unitary Platform. An employee of the "
             "drugmaker Astellas Pharma was detained.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Pierre Poilievre") == EntityClass.PERSON, classes
    assert classes.get("Unitary Platform") == EntityClass.ORGANIZATION, classes
    assert classes.get("Astellas Pharma") == EntityClass.ORGANIZATION, classes


def test_standing_rallying_or_throwing_weight_behind_a_state_is_support(run) -> None:
    found = stances(run("The ships sailed on Wednesday.\nJapan stood squarely behind Canada. The "
                        "EU rallied behind India, and Russia threw its weight behind China."))
    assert {("japan", "canada", Polarity.POSITIVE), ("european-union", "india", Polarity.POSITIVE),
            ("russia", "china", Polarity.POSITIVE)} <= found


def test_taking_over_as_a_post_gives_it(run) -> None:
    found = posts(run("The council voted on Friday.\nTom Reed, who took over as India's "
                      "permanent representative last month, spoke. Ann Lee took over as "
                      "Canada's foreign minister in May."))
    assert {("person-tom-reed", "india"), ("person-ann-lee", "canada")} <= found


# --- extractor 0.4.28 ---


def test_a_name_the_ner_took_for_a_body_is_a_person_by_apposition_or_as_speaker(run) -> None:
    ex = run("The court met on Monday.\n“It is normal,” said Amara Diallo-Wright, senior counsel "
             "at the Global Accountability Project. “It matters,” said Siobhan Kearney of the "
             "Dublin-based Institute for Multilateral Affairs.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Amara Diallo-Wright") == EntityClass.PERSON, classes
    assert classes.get("Siobhan Kearney") == EntityClass.PERSON, classes
    assert classes.get("Global Accountability Project") == EntityClass.ORGANIZATION, classes


def test_a_portfolio_before_a_title_is_no_short_form_of_a_body_ending_alike(run) -> None:
    ex = run("The council voted on Friday.\nTom Okafor, a former diplomat now at the Laurentian "
             "Forum for International Affairs, said it was over. Foreign Affairs Cabinet "
             "Secretary Ann Lee said Kenya would act.")
    assert not [r for r in ex.facts if isinstance(r, RoleFact) and r.person == "person-ann-lee"
                and r.of == "organization-laurentian-forum-for-international-affairs"]


def test_the_state_of_a_holders_counterpart_is_not_the_holders(run) -> None:
    found = posts(run("China banned the chips on Sunday.\nChina said the firm had failed a "
                      "review. China gave no details, and China would not comment.\nCommerce "
                      "Secretary Ann Lee raised the "
                      "case directly with her Chinese counterpart, Commerce Minister Tom Reed, "
                      "when they met on May 25."))
    assert ("person-tom-reed", "china") in found
    assert ("person-ann-lee", "china") not in found


def test_summoned_or_expelled_diplomats_of_a_state_stand_for_it(run) -> None:
    found = stances(run("The row deepened on Monday.\nCanada said it would summon Chinese "
                        "diplomats. Japan, which this week expelled ten Russian diplomats, "
                        "agreed."))
    assert ("canada", "china", Polarity.NEGATIVE) in found
    assert ("japan", "russia", Polarity.NEGATIVE) in found


def _former_posts(ex) -> dict[tuple[str, str | None], bool]:
    return {(r.person, r.of): r.former for r in ex.facts if isinstance(r, RoleFact)}


def test_a_post_the_text_puts_in_the_past_is_marked_former(run) -> None:
    found = _former_posts(run(
        "The talks opened on Monday.\nTom Reed, a former prime minister of Canada, spoke. Ann "
        "Lee, then Japan's foreign minister, agreed. Former Indian prime minister Arjun Rao was "
        "released. The deal was backed by then-President Bob Hale of Ethiopia. Ousted President "
        "Sam Ode of Kyrgyzstan remains detained."))
    assert found.get(("person-tom-reed", "canada")) is True, found
    assert found.get(("person-ann-lee", "japan")) is True, found
    assert found.get(("arjun-rao", "india")) is True, found
    assert found.get(("person-bob-hale", "ethiopia")) is True, found
    assert found.get(("person-sam-ode", "kyrgyzstan")) is True, found


def test_a_then_of_sequence_or_of_an_earlier_phrase_is_no_past_post(run) -> None:
    found = _former_posts(run(
        "The talks opened on Monday.\nSince then, Prime Minister Tom Reed of Canada has sought "
        "help. Ann Lee met Foreign Minister Bob Hale of Japan and then President Sam Ode of "
        "Ethiopia."))
    assert found.get(("person-tom-reed", "canada")) is False, found
    assert found.get(("person-sam-ode", "ethiopia")) is False, found


def test_a_former_post_gives_no_side_to_its_holders_quotes(run) -> None:
    ex = run("The vote was held on Monday.\nFormer President Tom Reed of Canada said: “This "
             "is appalling.”")
    quotes = [s for s in ex.facts if isinstance(s, StatementFact)]
    assert quotes and all(q.on_behalf_of != "canada" for q in quotes), quotes


def test_a_registry_person_speaks_for_the_post_held_on_the_articles_date(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "kaja-kallas", "label": "Kaja Kallas", "class": "Person", "country": "japan",
        "positions": [{"title": "Prime Minister", "of": "japan", "since": "2021",
                       "until": "2024"},
                      {"title": "High Representative", "of": "nato", "since": "2024"}]}])
    text = ("The row deepened on Monday.\n“Stop issuing visas,” Kaja Kallas wrote on "
            "Twitter.")
    then = {s.on_behalf_of for s in _extract(nlp, text, "2022-09-01").facts
            if isinstance(s, StatementFact)}
    later = {s.on_behalf_of for s in _extract(nlp, text, "2025-09-01").facts
             if isinstance(s, StatementFact)}
    assert then == {"japan"} and later == {"nato"}, (then, later)


def test_a_name_after_dubbed_the_is_no_quotation(run) -> None:
    ex = run("The swap took place on Thursday.\nRussia freed Tom Reed in exchange for Ann Lee, "
             "the arms dealer once dubbed the “Merchant of Death”, at the airport.")
    assert not [s for s in ex.facts if isinstance(s, StatementFact)
                and "Merchant" in s.quote]


def test_quoted_words_in_an_after_clause_are_its_speakers(run) -> None:
    ex = run("The row deepened on Thursday.\nChina said it had lodged a protest with Japan "
             "after Foreign Minister Ann Lee of Japan announced that Japan would "
             "\"aggressively revoke\" visas held by Chinese students.")
    said = {(s.speaker, s.quote) for s in ex.facts if isinstance(s, StatementFact)}
    assert said == {("person-ann-lee", "aggressively revoke")}, said


def test_a_place_named_like_a_registry_persons_surname_stays_a_place(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "lloyd-austin", "label": "Lloyd Austin", "class": "Person",
        "country": "united-states"}])
    ex = _extract(nlp, "The governors met on Monday.\nSimilar memorandums followed on "
                       "Thursday in Austin with the governor of the state.")
    assert "lloyd-austin" not in {e.key for e in ex.entities}, ex.entities


def test_a_capital_before_group_or_process_names_a_group_not_the_state(run) -> None:
    ex = run("The talks resumed on Monday.\nJapan is a co-chair of the OSCE Beijing Group. "
             "Canada left the Moscow Process, which was founded in 2017.")
    keys = {e.key for e in ex.entities}
    assert {"organization-beijing-group", "organization-moscow-process"} <= keys, keys
    assert "russia" not in keys and "china" not in keys, keys


def test_a_registry_name_inside_a_longer_name_with_and_or_a_possessive_goes_to_the_ner(
        run) -> None:
    ex = run("The deal was signed on Monday.\nThe China Road and Bridge Corporation will build "
             "the canal. Canada launched an offensive against the Japan People’s Liberation "
             "Front, which controls the north.")
    labels = {e.label for e in ex.entities}
    assert "China Road and Bridge Corporation" in labels, labels
    assert "Japan People’s Liberation Front" in labels, labels


def test_a_region_named_like_another_states_capital_is_the_region_and_a_lake_is_a_lake(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS,
        {"id": "seychelles", "label": "Seychelles", "class": "State", "metonyms": ["Victoria"]},
        {"id": "victoria-australia", "label": "Victoria", "class": "Region",
         "country": "canada"}])
    ex = _extract(nlp, "The deal was cancelled on Monday.\nChina is Victoria's largest trading "
                       "partner. The pipeline would cross the Lake Victoria basin.")
    keys = {e.key for e in ex.entities}
    assert "victoria-australia" in keys and "seychelles" not in keys, keys
    assert "place-lake-victoria" in keys, keys


def test_a_place_right_before_the_colon_is_not_the_speaker(run) -> None:
    ex = run("The visit began on Wednesday.\nArjun Rao urged Xi Jinping to help, telling the "
             "Chinese leader at the start of their talks in Beijing: “I know I can count on "
             "you.”")
    said = {s.speaker for s in ex.facts if isinstance(s, StatementFact)}
    assert "china" not in said and "arjun-rao" in said, said


def test_having_or_winning_the_backing_of_an_actor_is_that_actors_support(run) -> None:
    found = stances(run("The vote was held on Tuesday.\nArjun Rao, who has the backing of "
                        "Canada, is the favourite. Japan won the support of China for its "
                        "bid."))
    assert ("canada", "arjun-rao", Polarity.POSITIVE) in found
    assert ("china", "japan", Polarity.POSITIVE) in found
    assert ("arjun-rao", "canada", Polarity.POSITIVE) not in found


def test_a_party_named_after_a_place_is_a_party_and_ends_before_its_leaders_post(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "colorado", "label": "Colorado", "class": "Place", "qid": "Q1261"}])
    ex = _extract(nlp, "The vote was held on Sunday.\nSantiago Peña, a former finance minister "
                       "running for the ruling Colorado Party of President Arjun Rao, won.")
    labels = {e.label: e.cls for e in ex.entities}
    assert labels.get("Colorado Party") == EntityClass.ORGANIZATION, labels
    assert "Colorado" not in labels, labels


def test_sanctions_let_lapse_or_allowed_to_expire_are_no_stance(run) -> None:
    found = stances(run("The summit opened on Thursday.\nJapan allowed its sanctions against "
                        "China to expire. Canada said its sanctions on India would stay."))
    assert ("japan", "china", Polarity.NEGATIVE) not in found, found


def test_diseases_weapon_types_and_adverbs_are_no_actors(run) -> None:
    ex = run("The meeting ended on Friday.\nTrade fell during Covid. Ukraine was left short "
             "of Patriot interceptors, and Mirage jets flew overhead. Nowhere does the text "
             "name Japan as the author of the strikes.")
    labels = {e.label for e in ex.entities}
    assert not labels & {"Covid", "Patriot", "Mirage", "Nowhere"}, labels
    assert "Japan" in labels, labels


def test_a_transcripts_answers_are_the_interviewees_words(run) -> None:
    ex = run("India hosted the talks on Monday.\nArjun Rao, India's prime minister, spoke to us "
             "in his office on Thursday.\nQ: Is the border question closed?\nA: From our side, "
             "yes. The platforms remain.\nQ: And China?\nA: We are discussing dates.")
    said = {(s.speaker, s.quote) for s in ex.facts if isinstance(s, StatementFact)}
    assert {("arjun-rao", "From our side, yes."), ("arjun-rao", "The platforms remain."),
            ("arjun-rao", "We are discussing dates.")} <= said, said
    assert not [q for _, q in said if q.endswith("?")], said


def test_a_briefings_named_answers_are_the_speakers_and_questions_are_nobodys(run) -> None:
    ex = run("The briefing was held on Monday.\nTom Reed: Canada respects the status of "
             "these states.\nReuters: So is that a personal view?\nTom Reed: I have stated "
             "our position clearly.")
    said = {(s.speaker, s.quote) for s in ex.facts if isinstance(s, StatementFact)}
    assert ("person-tom-reed", "I have stated our position clearly.") in said, said
    assert not [q for _, q in said if q.endswith("?")], said


def test_a_bodys_head_word_before_a_portfolio_is_a_word_of_the_post(run) -> None:
    found = posts(run("The European Union passed a resolution on Thursday.\nIndia rejected "
                      "it. Union Home Minister Tom Reed visited the state in May."))
    assert ("person-tom-reed", "european-union") not in found, found


def test_sworn_in_as_a_states_first_woman_president_gives_the_post(run) -> None:
    found = posts(run("The ceremony took place on Friday.\nAnn Lee was sworn in on Friday as "
                      "Canada's first woman president."))
    assert ("person-ann-lee", "canada") in found, found


def test_a_sub_national_regions_own_posts_are_the_regions(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ontario", "label": "Ontario", "class": "Region", "country": "canada"}])
    ex = _extract(nlp, "The tariffs were paused on Monday.\nTom Reed, the premier of Ontario, "
                       "welcomed the pause. A court in Canada issued a warrant for Ann Lee, "
                       "the leader of Ontario, together with its prime minister, Bob Hale, and "
                       "its parliament speaker, Sam Ode.")
    found = {(r.person, r.of) for r in ex.facts if isinstance(r, RoleFact)}
    assert {("person-tom-reed", "ontario"), ("person-bob-hale", "ontario"),
            ("person-sam-ode", "ontario")} <= found, found


def test_a_coordinated_states_name_takes_the_post_named_for_the_first(run) -> None:
    found = titled_posts(run("The vote was held on Tuesday.\nCanada's foreign minister, Ann "
                             "Lee, and Japan's Tom Reed welcomed the result."))
    assert ("person-tom-reed", "Foreign Minister", "japan") in found, found


def test_a_plural_title_of_listed_states_is_shared_out_in_order(run) -> None:
    found = titled_posts(run("The summit opened on Tuesday.\nThe talks were attended by the "
                             "foreign ministers of Canada and Japan, Ann Lee and Tom Reed."))
    assert {("person-ann-lee", "Foreign Minister", "canada"),
            ("person-tom-reed", "Foreign Minister", "japan")} <= found, found


def test_listed_counterparts_take_the_subjects_post_in_their_states_in_order(run) -> None:
    found = titled_posts(run("The talks were held on Saturday.\nForeign Minister Arjun Rao "
                             "hosted his Chinese and Japanese counterparts, Ann Lee and Tom "
                             "Reed, in Delhi."))
    assert {("person-ann-lee", "Foreign Minister", "china"),
            ("person-tom-reed", "Foreign Minister", "japan")} <= found, found


def test_chief_negotiator_and_majority_leader_are_posts(run) -> None:
    found = titled_posts(run("Talks resumed on Monday.\nTom Reed, Canada's chief negotiator, "
                             "left early. Ann Lee, Japan's chief nuclear negotiator, stayed."))
    assert {("person-tom-reed", "Chief Negotiator", "canada"),
            ("person-ann-lee", "Chief Negotiator", "japan")} <= found, found


# --- extractor 0.4.29 ---


def test_a_fronted_intent_of_a_state_gives_the_speakers_state(run) -> None:
    found = posts(run(
        "China announced the games on Monday.\nChina invited all states, and China set "
        "the date. China sent the invitations.\nJapan will not send a delegation, "
        "Education Minister Tom Reed said this week."))
    assert ("person-tom-reed", "japan") in found, found


def test_a_name_the_ner_took_for_a_body_is_a_person_where_only_a_person_stands(run) -> None:
    ex = run("The talks ended on Monday.\nRetno L.P. Marsudi is the Minister for Foreign "
             "Affairs of Japan. Garneau's predecessor, Francois-Philippe Champagne, called it "
             "unacceptable. The correspondents of Le Monde and Libération, Sophie Douce and "
             "Agnès Faivre, were expelled.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert {"Retno L.P. Marsudi", "Francois-Philippe Champagne", "Sophie Douce"} <= persons, (
        persons)


def test_a_bodys_predecessor_and_a_firm_beside_a_one_word_firm_stay_bodies(run) -> None:
    ex = run("The court ruled on Monday.\nIts predecessor, Future Forward, was dissolved in "
             "2020. Beijing revoked the licences of two shippers, Richardson International "
             "and Viterra.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert not {"Future Forward", "Richardson International"} & persons, persons


def test_removal_and_resignation_as_a_post_give_a_former_post(run) -> None:
    ex = run("The cabinet changed on Tuesday.\nJapan removed Tom Reed as foreign minister on "
             "Tuesday. Ann Lee resigned as defence minister of Canada in May.")
    found = {(r.person, r.role, r.former) for r in ex.facts if isinstance(r, RoleFact)}
    assert {("person-tom-reed", "Foreign Minister", True),
            ("person-ann-lee", "Defence Minister", True)} <= found, found


def test_becoming_a_post_and_naming_someone_a_post_give_the_post(run) -> None:
    ex = run("The cabinet changed on Tuesday.\nTom Reed, the party's co-leader, becomes "
             "finance minister of Japan. Arjun Rao named Bob Hale minister of defence.")
    found = {(r.person, r.role, r.former) for r in ex.facts if isinstance(r, RoleFact)}
    assert ("person-tom-reed", "Finance Minister", False) in found, found
    assert any(p == "person-bob-hale" for p, _, _ in found), found


def test_someone_to_be_replaced_later_holds_the_post_still(run) -> None:
    ex = run("The leaders met on Tuesday.\nThe leaders confirmed that Ann Lee will replace "
             "Tom Reed as foreign minister of Japan from January.")
    found = {(r.person, r.former) for r in ex.facts if isinstance(r, RoleFact)}
    assert ("person-tom-reed", True) not in found, found


def test_a_state_before_a_colon_or_semicolon_gives_the_post_of_the_next_clauses_subject(
        run) -> None:
    found = posts(run(
        "China held the vote on Monday.\nChina praised it, China thanked the monitors and "
        "China called it fair. Japan was more cautious: Foreign Minister Tom Reed said Tokyo "
        "would wait. Canada campaigned hard for it; Vice President Ann Lee championed it."))
    assert {("person-tom-reed", "japan"), ("person-ann-lee", "canada")} <= found, found


def test_the_official_a_leader_sends_is_of_the_leaders_state(run) -> None:
    found = posts(run(
        "China hosted the summit on Monday.\nChina opened it, China chaired it and China "
        "closed it. Japan's Ann Lee stayed away and sent Foreign Minister Tom Reed."))
    assert ("person-tom-reed", "japan") in found, found


def test_portfolio_ministers_keep_their_portfolio(run) -> None:
    found = titled_posts(run("Talks ended on Monday.\nJapan's oil minister, Tom Reed, "
                             "responded. Canada's immigration minister, Ann Lee, agreed."))
    assert {("person-tom-reed", "Oil Minister", "japan"),
            ("person-ann-lee", "Immigration Minister", "canada")} <= found, found


def test_a_courtesy_call_on_someone_is_no_appeal(run) -> None:
    ex = run("The visit began on Monday.\nArjun Rao held talks with Ann Lee and called on "
             "Tom Reed. Bob Hale called on Ann Lee at her official residence to convey "
             "congratulations. Japan called on China to release the crew.")
    found = {(h, t) for h, t, _ in stances(ex)}
    assert ("japan", "china") in found, found
    assert not {("arjun-rao", "person-tom-reed"),
                ("person-bob-hale", "person-ann-lee")} & found, found


def test_honorifics_and_first_lady_are_no_part_of_a_name(run) -> None:
    ex = run("The statement came on Monday.\nIn response to queries, the Official "
             "Spokesperson, Shri Tom Reed, said: India rejects it. Canada sent Senator the Hon "
             "Bob Hale. First Lady Ann Lee arrived later.")
    persons = {e.label for e in ex.entities if e.cls == EntityClass.PERSON}
    assert {"Tom Reed", "Bob Hale", "Ann Lee"} <= persons, persons


def test_a_bare_surname_shared_by_two_names_the_registrys_public_figure(run) -> None:
    ex = run("The visit began on Friday.\nPrime Minister Arjun Rao landed in Rome. First "
             "Lady Mira Rao arrived with him. Rao and Tom Reed met in the basilica.")
    met = [e for e in ex.of_type(EventFact) if "met" in e.label]
    assert met and "arjun-rao" in met[0].participants, met


def test_an_economist_at_a_body_holds_a_post_there_and_an_economist_alone_none(run) -> None:
    ex = run("The talks ended on Monday.\n\"It is over,\" said Tom Reed, a trade economist at "
             "the Lagos Centre for Trade Policy. Ann Lee, an economist who spent her career "
             "abroad, agreed.")
    found = {(r.person, r.role, r.of) for r in ex.of_type(RoleFact)}
    assert ("person-tom-reed", "Economist", "organization-lagos-centre-for-trade-policy") in (
        found), found
    assert not [f for f in found if f[0] == "person-ann-lee"], found


def test_a_present_post_in_a_who_clause_closing_an_apposition_is_read(run) -> None:
    found = titled_posts(run(
        "The talks ended on Monday.\n\"It is over,\" said Tom Reed, a former Japanese diplomat "
        "who is now a researcher at the Nordic Institute for Mediation Studies. Ann Lee, a "
        "veteran negotiator who now serves as chief negotiator of Canada, agreed."))
    assert {("person-tom-reed", "Researcher",
             "organization-nordic-institute-for-mediation-studies"),
            ("person-ann-lee", "Chief Negotiator", "canada")} <= found, found


def test_a_bare_quotation_after_a_sentence_introducing_its_speaker_is_theirs(run) -> None:
    ex = run("The vote was held on Monday.\nTom Reed, a Geneva-based trade lawyer, was "
             "blunter. “No director-general can fix the WTO alone.” Ann Lee, a researcher, "
             "said Gulf capitals would be watching closely. “Riyadh invested in this.”\nBob "
             "Hale met Arjun Rao. “It was a good day.”")
    said = {(s.speaker, s.quote) for s in ex.of_type(StatementFact)}
    assert {("person-tom-reed", "No director-general can fix the WTO alone"),
            ("person-ann-lee", "Riyadh invested in this")} <= said, said
    assert not [q for p, q in said if p in ("person-bob-hale", "arjun-rao")], said


def test_calling_a_states_election_flawed_or_a_sham_is_a_verdict_on_the_state(run) -> None:
    found = stances(run("The vote was held on Sunday.\nJapan said Canada's election was "
                        "flawed. China said India's referendum was a sham."))
    assert {("japan", "canada", Polarity.NEGATIVE),
            ("china", "india", Polarity.NEGATIVE)} <= found, found


def test_a_live_blogs_clock_and_a_capitals_dateline_are_no_actors(run) -> None:
    ex = run("14:05 GMT – Arjun Rao arrives in Rome.\nCAMP DAVID, Maryland, Aug. 18 — The "
             "leaders of Japan and Canada met on Friday.")
    labels = {e.label: e.cls for e in ex.entities}
    assert "GMT" not in labels, labels
    assert labels.get("Camp David") == EntityClass.PLACE, labels


def test_a_states_ministry_or_a_named_commission_led_by_someone_gives_the_post(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ecowas-commission", "label": "ECOWAS Commission",
        "class": "InternationalOrganization"}])
    ex = _extract(nlp, "The vote was held on Sunday.\nJapan's foreign ministry, led by Tom "
                       "Reed, welcomed the result. The ECOWAS Commission, headed by Ann Lee, "
                       "also welcomed it. The Canadian delegation, led by Bob Hale, left.")
    found = {(r.person, r.role, r.of) for r in ex.of_type(RoleFact)}
    assert {("person-tom-reed", "Foreign Minister", "japan"),
            ("person-ann-lee", "Head", "ecowas-commission")} <= found, found
    assert not [f for f in found if f[0] == "person-bob-hale"], found


def test_acting_as_a_states_post_gives_the_subject_the_post_not_the_object(run) -> None:
    found = posts(run(
        "The talks ended on Monday.\nTom Reed held his first cabinet meeting as Japan's "
        "prime minister on Tuesday. Arjun Rao attended the inauguration of Ann Lee as "
        "Canada's prime minister."))
    assert ("person-tom-reed", "japan") in found, found
    assert ("arjun-rao", "canada") not in found, found


def test_the_un_high_commissioners_posts_keep_their_portfolio(run) -> None:
    ex = run("The talks ended on Monday.\nThe UN High Commissioner for Human Rights, Tom "
             "Reed, urged restraint. Ann Lee, the UN High Commissioner for Refugees, said "
             "the camp was full. Morocco's plan for Western Sahara was discussed.")
    titles = {(r.person, r.role) for r in ex.of_type(RoleFact)}
    assert {("person-tom-reed", "High Commissioner for Human Rights"),
            ("person-ann-lee", "High Commissioner for Refugees")} <= titles, titles
    assert not [e for e in ex.entities if e.label == "Western Sahara"
                and e.cls == EntityClass.PERSON]


def test_a_reporting_clause_set_between_commas_before_the_quotation_names_its_speaker(
        run) -> None:
    ex = run("Talks opened on Monday.\nTom Reed spoke first. The new administration, he "
             "says, \"has a different worldview than ours\". If Japan went ahead, Ann Lee "
             "said, the world \"must respond firmly\".")
    said = {(s.speaker, s.quote) for s in ex.of_type(StatementFact)}
    assert {("person-tom-reed", "has a different worldview than ours"),
            ("person-ann-lee", "must respond firmly")} <= said, said


def test_a_party_named_before_a_ministers_title_is_the_holders_camp_not_the_body(run) -> None:
    found = posts(run("The cabinet met on Tuesday in Japan.\nJapan's cabinet grew. Tom Reed, "
                      "the SPD defence minister, stayed. Ann Lee, the Pirate Party mayor of "
                      "Osaka, left. Bob Hale, the Labour Party leader, spoke."))
    assert ("person-tom-reed", "organization-spd") not in found, found
    assert ("person-ann-lee", "organization-pirate-party") not in found, found
    assert ("person-bob-hale", "organization-labour-party") in found, found


def test_bringing_states_into_a_body_makes_them_members(run) -> None:
    members = _members(run("The summit opened on Monday.\nShe helped bring Japan and Canada "
                           "into NATO. He led China into the war."))
    assert {("japan", "nato"), ("canada", "nato")} <= members, members


def test_sending_congratulations_or_paying_tribute_to_someone_is_praise(run) -> None:
    found = stances(run("The vote was held on Sunday.\nJapan sent congratulations to Canada. "
                        "India paid tribute to Ann Lee."))
    assert {("japan", "canada", Polarity.POSITIVE),
            ("india", "person-ann-lee", Polarity.POSITIVE)} <= found, found


def test_a_quotation_after_in_the_presence_of_someone_is_the_clause_subjects(run) -> None:
    ex = run("The talks ended on Monday.\nArjun Rao admonished the commander in the presence "
             "of Japan's Prime Minister Tom Reed: \"You did not come to help.\"")
    said = {s.speaker for s in ex.of_type(StatementFact)}
    assert said == {"arjun-rao"}, said


def test_a_monarch_named_by_title_and_given_name_is_the_registrys_regnal_name(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "harald-v", "label": "Harald V", "class": "Person", "country": "japan",
        "positions": [{"title": "King", "of": "japan", "since": "1991", "until": None}]}])
    ex = _extract(nlp, "The funeral was held on Saturday.\nPrince Tom is representing his "
                       "father, King Harald.")
    assert "harald-v" in {e.key for e in ex.entities}, [e.key for e in ex.entities]


def test_a_place_after_a_capitalised_the_inside_a_sentence_is_a_titles_name(run) -> None:
    ex = run("The chat leaked on Monday.\nTom Reed, the editor of The Atlantic, was added to "
             "the chat. Ships crossed the Atlantic.")
    labels = {e.label: e.cls for e in ex.entities}
    assert labels.get("The Atlantic") == EntityClass.ORGANIZATION, labels
    assert "Atlantic Ocean" in labels, labels  # (the ocean is still the ocean)


# --- extractor 0.4.30 ---


def test_a_he_after_a_his_owned_subject_continues_the_paragraphs_subject(run) -> None:
    found = stances(run("Carlos Mendoza, a former banker, took office in 2022 to complete the "
                        "term of Pedro Alves, who had dissolved parliament. He is due to be "
                        "sworn in for a full term in May. His foreign policy has been built "
                        "around trade. He has sought closer cooperation with Washington and "
                        "criticised Japan."))
    holders = {h for h, _t, _p in found}
    assert holders == {"person-carlos-mendoza"}, found


def test_a_he_after_a_sentence_with_a_person_subject_is_that_subject_not_its_object(run) -> None:
    ex = run("The runoff was held on Tuesday.\nTom Reed, a former footballer of the year who "
             "took office in 2018 after two failed attempts and a long career abroad, said he "
             "had called Ann Lee \"to congratulate her on her victory\" and urged supporters to "
             "accept the outcome.\n\"Tonight, we have lost the election,\" he said.")
    said = {(s.speaker, s.quote[:7]) for s in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "Tonight") in said, said


def test_its_after_two_conjoined_subjects_is_not_one_of_them(run) -> None:
    found = stances(run("The vote was held on Sunday.\nChina and Russia, by contrast, endorsed "
                        "the process and its outcome."))
    assert not {(h, t) for h, t, _p in found if t in ("china", "russia")}, found


def test_a_former_official_makes_no_government_of_an_unnamed_post(run) -> None:
    ex = run("The inauguration was held on Saturday.\nFormer Japanese prime minister Tom Reed "
             "sat beside Japan's foreign minister, Ann Lee, and India's envoy.\nChina and "
             "India sent delegations. China and India both praised the new president. The new "
             "cabinet came later. Bob Hale, a former banker, returned as finance minister, a "
             "sign that the government may change course.")
    found = posts(ex)
    assert ("person-bob-hale", "japan") not in found, found


def test_its_after_a_sentence_whose_subject_is_no_actor_is_that_sentences_one_actor(
        run) -> None:
    ex = run("China introduced the resolution on Monday.\nThe strongest objections came from "
             "India. Its permanent representative, Tom Reed, said the text was flawed.")
    found = posts(ex)
    assert ("person-tom-reed", "india") in found, found
    assert ("person-tom-reed", "china") not in found, found


def test_the_speaker_is_the_person_named_after_where_the_post_is_held(run) -> None:
    ex = run("The vote was held on Monday.\nJapan's High Commissioner in Nairobi, Ann Lee, "
             "said the conduct of the election showed \"the strength of Kenya's democracy\".")
    said = {s.speaker for s in ex.of_type(StatementFact)}
    assert said == {"person-ann-lee"}, said


def test_ministers_travelling_with_a_leader_are_his_states_not_the_hosts(run) -> None:
    ex = run("The visit ended on Friday.\nIndia hosted the summit in Delhi. India's ministers "
             "met their guests. India and Japan signed a deal. India praised Japan.\nJapanese "
             "Prime Minister Hiro Tanaka travelled with Trade Minister Tom Reed and Natural "
             "Resources Minister Ann Lee, and much of the business in Delhi concerned India.")
    found = titled_posts(ex)
    assert ("person-tom-reed", "Trade Minister", "japan") in found, found
    assert ("person-ann-lee", "Natural Resources Minister", "japan") in found, found


def test_two_officials_receiving_someone_together_are_one_states(run) -> None:
    ex = run("Japan returned the bronzes on Monday.\nJapan said so. Japan agreed. Japan acted. "
             "The objects were received by Tom Reed, India's foreign minister, and Ann Lee, "
             "the minister of information and culture, who has led the campaign.")
    found = posts(ex)
    assert ("person-ann-lee", "india") in found, found
    assert ("person-ann-lee", "japan") not in found, found


def test_a_registry_persons_mentions_count_for_the_articles_state(run) -> None:
    ex = run("The cabinet was named on Monday.\nIndia and China talked. India and China "
             "traded. China and India argued. India and China agreed. Arjun Rao won the vote. "
             "Arjun Rao thanked voters. Arjun Rao named a cabinet. Arjun Rao smiled.\nThe new "
             "cabinet sent clear signals. Tom Reed, a former banker, returned as finance "
             "minister.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_a_states_name_before_a_surname_is_a_persons_given_name(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {"id": "jordan", "label": "Jordan",
                                              "class": "State"},
                                    {"id": "chad", "label": "Chad", "class": "State"}])
    ex = _extract(nlp, "The Senate voted on Tuesday.\nJordan Bardella, president of the "
                       "party, called the vote a victory. Chad Wolf said no. The Jordan River "
                       "rose. Japan agreed.")
    labels = {e.label: e.cls for e in ex.entities}
    assert labels.get("Jordan Bardella") == EntityClass.PERSON, labels
    assert labels.get("Chad Wolf") == EntityClass.PERSON, labels
    assert "Chad" not in labels and "Jordan" not in labels, labels


def test_the_post_that_speaks_after_quoted_sentences_is_the_subject_before_them(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ann-lee", "label": "Ann Lee", "class": "Person", "country": "japan",
        "positions": [{"title": "President", "of": "japan", "since": "2023", "until": None}]}])
    ex = _extract(nlp, "The vote was held on Sunday.\nThe council's president, Tom Reed, "
                       "announced the results. Ann Lee conceded quickly. \"We consulted the "
                       "people. We kept our promise,\" the president wrote.")
    said = {s.speaker for s in ex.of_type(StatementFact)}
    assert said == {"ann-lee"}, said


def test_a_relative_clause_in_an_apposition_gives_the_person_no_post(run) -> None:
    ex = run("The visit ended on Monday.\nTom Reed, a lawmaker who is second in line after the "
             "vice president, met President Ann Lee. \"We will win,\" the president replied.")
    said = {s.speaker for s in ex.of_type(StatementFact)}
    assert "person-tom-reed" not in said, said


def test_prime_cabinet_secretary_is_a_states_post(run) -> None:
    ex = run("The charter was signed on Saturday.\nTom Reed, India's Prime Cabinet Secretary "
             "and Cabinet Secretary for Foreign Affairs, spoke to our editor.")
    assert ("person-tom-reed", "Prime Cabinet Secretary", "india") in titled_posts(ex)


def test_an_official_named_among_a_states_officials_is_that_states(run) -> None:
    ex = run("Japan hosted the talks on Monday.\nJapan said so. Japan agreed. Japan acted. "
             "Indian officials, including Foreign Minister Tom Reed, have stressed that the "
             "deal holds.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_a_posts_body_is_named_after_its_camp_words(run) -> None:
    ex = run("The Senate voted on Tuesday.\nTom Reed, president of the far-right Rassemblement "
             "National, called the vote a victory. Ann Lee, leader of the opposition Liberal "
             "Alliance Party, agreed.")
    found = {(p, b) for p, _t, b in titled_posts(ex)}
    assert ("person-tom-reed", "organization-rassemblement-national") in found, found
    assert ("person-ann-lee", "organization-liberal-alliance-party") in found, found


def test_a_ranked_name_set_beside_a_post_holds_that_post_not_the_rank(run) -> None:
    ex = run("The clashes ended on Monday.\nNATO sent more troops. Its commander, Japanese "
             "Major General Tom Reed, said the troops would stay.")
    found = titled_posts(ex)
    assert ("person-tom-reed", "Commander", "nato") in found, found


def test_an_elided_post_reaches_past_a_comma_and_a_rank(run) -> None:
    ex = run("The accord was signed on Monday.\nIndia's defence minister, General Tom Reed, "
             "and Japan's, General Ann Lee, are responsible for the timetable.")
    assert ("person-ann-lee", "japan") in posts(ex), posts(ex)


def test_a_states_partners_are_not_the_state(run) -> None:
    found = stances(run("The checkpoint opened on Sunday.\nTom Reed called on India's "
                        "international partners to respond."))
    assert not {t for _h, t, _p in found if t == "india"}, found


# --- extractor 0.4.31 ---


def test_a_counterpart_named_without_a_comma_holds_the_same_post(run) -> None:
    ex = run("The talks opened on Monday.\nIndian Foreign Minister Tom Reed met his Japanese "
             "counterpart Ann Lee in Delhi.")
    assert ("person-ann-lee", "Foreign Minister", "japan") in titled_posts(ex), titled_posts(ex)


def test_a_reported_it_continues_its_reporting_clauses_subject(run) -> None:
    ex = run("The talks ended on Friday.\nJapan criticised the plan on Monday. The Indian "
             "foreign ministry said it had protested over the remarks, which it said were "
             '"full of provocations".')
    speakers = {f.speaker for f in ex.of_type(StatementFact)}
    assert "japan" not in speakers, speakers


def test_a_partnerships_domain_can_be_named_by_a_phrase(run) -> None:
    ex = run("The talks ended on Friday.\nIndia and Japan signed a coast guard cooperation "
             "agreement.")
    domains = {d for f in ex.of_type(PartnershipFact) for d in f.domains}
    assert PartnershipDomain.MARITIME in domains, domains


def test_a_dateline_parsed_as_the_root_does_not_hide_the_ledes_subject(run) -> None:
    ex = run("Indians suspend order as Beijing eases curbs\nTHE HAGUE, Nov 19 - The Indian "
             "government said on Wednesday it was suspending the emergency order that gave it "
             "sweeping powers over chipmaker Nexperia, a move meant to defuse a seven-week "
             "standoff with China.\nEconomic Affairs Minister Tom Reed described the "
             'decision as "a gesture of goodwill" after Beijing began allowing chips to leave '
             "China again. China said it welcomed the move. Beijing and China agreed.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_coordinated_titles_share_the_body_named_after_them(run) -> None:
    ex = run("The talks ended on Friday. Canada protested.\nTom Reed, president and chief "
             'executive of the Canola Council of Canada, said the case "sends a signal".')
    assert ("person-tom-reed", "canada") not in posts(ex), posts(ex)
    assert any(p == "person-tom-reed" and b and b.startswith("organization-canola")
               for p, b in posts(ex)), posts(ex)


def test_a_body_named_with_a_states_name_is_not_the_state(run) -> None:
    ex = run("The talks ended on Friday.\nTom Reed, head of the China Council for the Promotion "
             "of International Trade, left the meeting early.")
    assert ("person-tom-reed", "china") not in posts(ex), posts(ex)


_UNLABELLED = (
    "The talks ended on Friday.\nIndia's navy stopped a tanker last week. {intro}\n"
    "What happened with the tanker?\nWe did what a coastal state should do. The ship had no "
    "flag.\nDid India overreact? Some allies suggested the navy took a risk.\nNo. The risk was "
    "created by others, not by us.\nIs the new sanctions package enough?\nIt is an important "
    "step. But we need more.\n")


def test_an_unlabelled_interviews_answers_are_the_interviewees(run) -> None:
    ex = run(_UNLABELLED.format(intro="We spoke to Tom Reed, India's foreign minister, in his "
                                      "office. The interview has been edited."))
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "The ship had no flag.") in quotes, quotes
    assert ("person-tom-reed", "It is an important step.") in quotes, quotes


def test_an_explainers_question_headings_give_no_statements(run) -> None:
    ex = run(_UNLABELLED.format(intro="Tom Reed, India's foreign minister, defended it."))
    assert not ex.of_type(StatementFact), ex.of_type(StatementFact)


def test_a_transcripts_stage_directions_are_not_said(run) -> None:
    ex = run("The talks ended on Friday.\nTom Reed spoke to us in Delhi.\nQ: Who is to blame?\n"
             "A: (laughs) I am not naming anyone.\nQ: Will you stay?\nA: (smiles) I have a job "
             "to do.\n")
    quotes = {f.quote for f in ex.of_type(StatementFact)}
    assert quotes and not any("(" in q for q in quotes), quotes


def test_a_spokesperson_for_an_organisations_leader_speaks_for_the_organisation(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ann-gutt", "label": "Ann Gutt", "class": "Person", "country": "japan",
        "positions": [{"title": "Secretary-General", "of": "nato", "since": "2017"}]}])
    ex = _extract(nlp, "The talks ended on Friday.\nTom Reed, spokesperson for "
                       "Secretary-General Ann Gutt, said the force would leave.", "2024-07-31")
    assert ("person-tom-reed", "nato") in posts(ex), posts(ex)


def test_a_body_named_with_its_states_name_holds_the_post(run) -> None:
    ex = run("The talks ended on Friday.\nThe deal was signed by General Tom Reed, head of "
             "India's Armament Agency, and Ann Lee.")
    found = posts(ex)
    assert ("person-tom-reed", "india") not in found, found
    assert any(p == "person-tom-reed" and b and "armament" in b for p, b in found), found


def test_a_post_in_a_where_clause_is_the_places_states(run) -> None:
    ex = run("Japan signed the deal on Monday. Japan paid. Japan will get tanks. Japan is happy.\n"
             "The contract was also welcomed in India, where the government of President Tom "
             "Reed has made defence exports a priority.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_a_post_named_again_is_the_state_the_article_gave_it_before(run) -> None:
    ex = run("The talks ended on Monday.\nFlanked by Japanese Prime Minister Ann Lee and "
             "India's acting prime minister, Tom Reed, the mediator spoke. Ann Lee said the "
             "deal would hold.\nTom Reed, who took over as acting premier after India's court "
             "suspended Prime Minister Arjun Rao this month, was more guarded.")
    assert ("person-tom-reed", "japan") not in posts(ex), posts(ex)


def test_a_post_in_a_states_private_body_is_not_the_states(run) -> None:
    ex = run("India protested on Monday. India said no. India left. India is angry.\nTom Reed, "
             "the president of India's largest farm union, the FNSEA, called it "
             '"a provocation".')
    assert ("person-tom-reed", "india") not in posts(ex), posts(ex)


def test_an_explainer_opening_with_a_meeting_is_no_interview(run) -> None:
    ex = run(_UNLABELLED.format(intro="When Tom Reed sat down with Ann Lee on Monday, he had "
                                      "one question."))
    assert not ex.of_type(StatementFact), ex.of_type(StatementFact)


def test_and_said_continues_the_clause_just_before_it(run) -> None:
    ex = run('The talks ended on Friday.\nTom Reed said the decision "rewards terror", while '
             'Foreign Minister Ann Lee called it "reckless" and said it "only serves '
             'propaganda and sets back peace".')
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-ann-lee", "only serves propaganda and sets back peace") in quotes, quotes


def test_he_continues_a_titled_subject_past_a_conjoined_name(run) -> None:
    ex = run("India\nIndia declined an invitation to attend. Foreign Minister Tom Reed said that "
             'neither he nor President Ann Lee could "engage with counterparts who have '
             'attacked the Indian people and continue to threaten and sanction us", a reference '
             "to the American strikes on Indian nuclear facilities in June. He added that India "
             'welcomed any initiative that ended "the genocide" in Gaza and led to the '
             "withdrawal of Israeli forces.")
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "the genocide") in quotes, quotes


def test_a_round_ups_heading_names_the_state_of_its_sections_posts(run) -> None:
    ex = run("Reactions to the Seville deal\nThe deal was adopted on Monday. Japan rejected it. "
             "Japan left. Japan said no. Japan is angry.\nINDIA\nPrime Minister Arjun Rao said "
             'the deal was "a clear message".\nEconomy Minister Tom Reed said the platform '
             "would turn commitments into projects.\nTHE UNITED STATES\nThe State Department "
             "said it could not support the document.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_a_minister_on_his_visit_to_a_state_is_not_its_minister(run) -> None:
    ex = run("India is happy. India said so. India agreed. India will pay.\nThe plan will "
             "continue, Foreign Minister Tom Reed said on Friday during his first visit to "
             "India.")
    assert ("person-tom-reed", "india") not in posts(ex), posts(ex)


def test_and_then_before_a_lower_case_title_dates_the_post(run) -> None:
    ex = run("The pact was signed in Delhi by Ann Lee and then foreign minister Tom Reed. Bo "
             "Li met Jo Ma and then President Arjun Rao.")
    found = {(r.person, r.former) for r in ex.of_type(RoleFact)}
    assert ("person-tom-reed", True) in found, found
    assert ("arjun-rao", False) in found, found


def test_a_join_with_no_body_read_before_is_into_the_one_group_named(run) -> None:
    ex = run("What is BRICS?\nBRICS is a bloc of emerging economies. Its leaders meet each "
             "year.\nWho has joined since then?\nEthiopia became the tenth full member in "
             "January 2025.")
    assert ("ethiopia", "brics") in _members(ex), _members(ex)


def test_a_spokesperson_of_a_body_named_after_a_state_does_not_accuse_the_state(run) -> None:
    ex = run("The ships collided on Monday.\nIts spokesperson, Tom Reed, said in a statement "
             "that the Japanese ship had intruded. India's coast guard said it expelled the "
             'ship.\nTom Reed, spokesperson of India\'s coast guard, said Indian personnel took '
             '"necessary control measures", and accused Japan of provocations.')
    assert not {(h, t) for h, t, _p in stances(ex) if t == "india"}, stances(ex)


def test_a_state_ministrys_possessive_spokesperson_is_the_states(run) -> None:
    ex = run("The talks ended on Friday.\nTom Reed, the Indian foreign ministry's "
             "spokesperson, said the claim was false.")
    assert ("person-tom-reed", "india") in posts(ex), posts(ex)


def test_a_headlines_genre_label_is_no_actor(run) -> None:
    ex = run("Explainer: Can the council survive without Russia?\nRussia left the council in "
             "2024.")
    assert not [e for e in ex.entities if e.label == "Explainer"], ex.entities


def test_a_dateline_the_ner_took_for_a_body_is_a_place(run) -> None:
    ex = run("Ministers agree communique\nDURBAN, South Africa, July 18 - Finance ministers "
             "agreed a communique on Friday, officials said.")
    found = {(e.label.lower(), e.cls) for e in ex.entities}
    assert ("durban", EntityClass.ORGANIZATION) not in found, found


def test_a_quoted_letter_is_no_statement(run) -> None:
    ex = run('The bloc grew.\nIndia joined in 2010, adding the "I".')
    assert not ex.of_type(StatementFact), ex.of_type(StatementFact)


def test_a_person_a_quotation_names_is_not_he_in_the_next_paragraph(run) -> None:
    ex = run("The talks ended on Friday.\nTom Reed said the vote could not be called an "
             'election.\n"I say this as a friend," he said. "Ann Lee is in prison. Thousands '
             'are in prison."\nHe welcomed the decision and said the plan remained "the only '
             'credible framework".')
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "the only credible framework") in quotes, quotes


def test_a_ship_named_beside_or_after_a_ship_noun_is_no_actor(run) -> None:
    ex = run("The row grew on Monday.\nIndia's navy tried to steer a tanker called the Jaguar "
             "towards Indian waters. Russia then held the Green Admiral, a Greek tanker, at the "
             "port. Japan boarded the Eagle S, an oil tanker that damaged a cable.")
    labels = {e.label for e in ex.entities}
    assert not labels & {"Jaguar", "Green Admiral", "Eagle S"}, labels


# --- extractor 0.4.32 ---


def test_a_body_named_after_the_words_saying_what_kind_it_is_holds_the_post(run) -> None:
    ex = run("Shipping firms were alarmed on Monday. Jane Roe, head of maritime safety at the "
             "shipping association Atlantic Council, said the threat was real. Mark Poe, "
             "director of the Middle East and North Africa programme at the Konrad Adenauer "
             "Foundation, agreed.")
    assert posts(ex) == {("person-jane-roe", "atlantic-council"),
                         ("person-mark-poe", "organization-konrad-adenauer-foundation")}


def test_a_former_president_is_no_side_a_sitting_one_cannot_criticise(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ann-lee", "label": "Ann Lee", "class": "Person", "country": "japan",
        "positions": [{"title": "President", "of": "japan", "since": "2025", "until": None}]},
        {"id": "tom-reed", "label": "Tom Reed", "class": "Person", "country": "japan",
         "positions": [{"title": "President", "of": "japan", "since": "2020",
                        "until": "2025"}]}])
    ex = _extract(nlp, "The row deepened on Monday.\nAnn Lee spent years denouncing Tom "
                  "Reed's China policy as humiliating.", "2026-01-10")
    assert ("ann-lee", "tom-reed", Polarity.NEGATIVE) in stances(ex), stances(ex)


def test_criticism_held_back_or_avoided_is_no_stance(run) -> None:
    ex = run("The row deepened on Monday. Japan has avoided public criticism of China. India "
             "refrained from condemning Russia, and Canada stopped short of criticising "
             "Ethiopia. Tajikistan shied away from open criticism of Kyrgyzstan.")
    assert stances(ex) == set(), stances(ex)


def test_an_agreement_no_longer_had_is_a_past_partnership(run) -> None:
    ex = run("The talks ended on Monday. Canada no longer has any agreement with Japan on "
             "returning migrants.")
    assert {(frozenset(f.parties), f.status) for f in ex.of_type(PartnershipFact)} == {
        (frozenset({"canada", "japan"}), PartnershipStatus.PAST)}


def test_a_visit_by_a_post_holder_rules_out_the_state_visited(run) -> None:
    ex = run("Washington raised its profile in the region on Monday. The threat prompted a "
             "visit to Washington by National Security Adviser Tom Reed in November.")
    assert ("person-tom-reed", "united-states") not in posts(ex), posts(ex)


def test_a_registry_person_keeps_their_ministry_over_one_only_the_article_names(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "japan-ministry-of-foreign-affairs", "label": "Ministry of Foreign Affairs of "
        "Japan", "class": "Organization", "country": "japan"}, {
        "id": "ann-lee", "label": "Ann Lee", "class": "Person", "country": "japan",
        "positions": [{"title": "Spokesperson of the Ministry of Foreign Affairs",
                       "of": "japan-ministry-of-foreign-affairs", "since": "2015",
                       "until": None}]}])
    ex = _extract(nlp, "The strike hit the terminal on Saturday.\nIndia's Foreign Ministry "
                  "said it had taken note of the concerns. In Tokyo, Foreign Ministry "
                  "spokeswoman Ann Lee called the strike a terrorist act.", "2025-11-30")
    assert posts(ex) == {("ann-lee", "japan-ministry-of-foreign-affairs")}, posts(ex)


def test_a_portfolio_word_between_a_states_possessive_and_the_title(run) -> None:
    ex = run("Canada signed the deal on Wednesday. It was signed by Japan's Public Security "
             "Minister Tom Reed.")
    assert posts(ex) == {("person-tom-reed", "japan")}, posts(ex)


def test_bare_words_after_minister_for_are_a_portfolio_not_a_body(run) -> None:
    ex = run("The canal opened on Monday. Japan's Minister for Canal Affairs, Tom Reed, said "
             "the text was clear. A spokesperson for the Canal Authority, Ann Lee, agreed.")
    assert posts(ex) == {("person-tom-reed", "japan"),
                         ("person-ann-lee", "organization-canal-authority")}, posts(ex)


def test_a_hostile_act_only_feared_started_or_supposed_is_no_event(run) -> None:
    ex = run("The row grew on Monday. India said the strikes were a pretext for an attack on "
             "Japan. Canada warned that a war in Ethiopia would destabilise the region, and "
             "said Russia was trying to start a war with Japan. Officials played down talk of "
             "a clash with China. Russia started a war against Tajikistan in 2022.")
    found = {(e.type, e.participants) for e in ex.of_type(EventFact)}
    assert found == {(EventType.WAR, ("russia", "tajikistan"))}, found


def test_an_event_only_wanted_or_asked_for_is_no_event(run) -> None:
    ex = run("The row grew on Monday. The party has long favoured direct talks with Japan. "
             "India called for talks with China, and Canada was seeking an emergency meeting "
             "of the council. Russia and Tajikistan held talks in Moscow.")
    found = {(e.type, e.participants) for e in ex.of_type(EventFact)}
    assert found == {(EventType.MEETING, ("russia", "tajikistan"))}, found


def test_a_second_he_in_a_sentence_is_the_firsts(run) -> None:
    ex = run("The summit opened on Monday.\nIn his first major outing abroad, Tom Reed told a "
             "room of diplomats, executives and reporters that included Ann Lee that excessive "
             "regulation of the sector could kill a transformative industry just as it was "
             "taking off. The administration, he said, would ensure that the most powerful "
             "systems were built at home, and he warned Japan against \"tightening the screws\" "
             "on its firms. He left early.")
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "tightening the screws") in quotes, quotes
    assert ("person-tom-reed", "japan", Polarity.NEGATIVE) in stances(ex), stances(ex)


def test_a_he_after_a_parenthetical_he_said_skips_a_subordinate_subject(run) -> None:
    ex = run("The deal was signed on Friday.\nAnn Lee, the senior adviser to the president, "
             "went much further in a long interview with a news agency on Saturday. The "
             'region, she said, was not "ownerless real estate" for Tom Reed to lease. Japan '
             'would block it "with or without Russia", she said.')
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-ann-lee", "with or without Russia") in quotes, quotes


def test_a_representative_is_a_person_and_by_default_a_us_legislator(run) -> None:
    ex = run("Russia and Japan traded warnings on Monday.\nDemocratic Representative Dina Titus "
             'said she would block funding for such tests. "Nevadans are not guinea pigs," '
             "she wrote.")
    assert titled_posts(ex) == {("person-dina-titus", "Representative", "united-states")}, (
        titled_posts(ex))
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"person-dina-titus"}


def test_a_former_post_set_after_a_name_with_the_states_possessive(run) -> None:
    ex = run("The verdict came on Monday. The court sentenced Tom Reed, Japan's former prime "
             "minister, to death in absentia.")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-tom-reed", "Prime Minister", "japan", True)}


def test_a_portfolios_secretary_is_its_minister_by_another_name(run) -> None:
    ex = run("Canada renamed its institute on Monday. Tom Reed, the technology secretary, "
             "said it was a new focus.")
    assert titled_posts(ex) == {("person-tom-reed", "Technology Secretary", "canada")}, (
        titled_posts(ex))


def test_a_post_as_the_copulas_predicate_or_after_an_ordinal(run) -> None:
    ex = run("The talks ended on Monday. Tom Reed is Japan's foreign minister. Ann Lee, who "
             "was India's defence minister until May, objected. When Mark Poe was sworn in as "
             "Canada's eighth president, he pledged reform. Jane Roe would be Russia's prime "
             "minister.")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-tom-reed", "Foreign Minister", "japan", False),
        ("person-ann-lee", "Defence Minister", "india", True),
        ("person-mark-poe", "President", "canada", False)}


def test_an_adjective_after_the_object_of_called_is_its_predicate(run) -> None:
    ex = run("The row deepened on Monday. India called Japan's move irresponsible.")
    assert stances(ex) == {("india", "japan", Polarity.NEGATIVE)}, stances(ex)


def test_states_ranked_among_a_bodys_members_are_members(run) -> None:
    ex = run("The talks ended on Monday. India and Japan are BRICS members. Canada, which has "
             "been among the most reluctant NATO members on spending, objected. Russia is not "
             "among the NATO members that objected.")
    assert _members(ex) == {("india", "brics"), ("japan", "brics"), ("canada", "nato")}, (
        _members(ex))


def test_it_in_of_which_it_is_a_member_is_the_state_the_clause_is_about(run) -> None:
    ex = run("The visit was sensitive. Relations have been tense since May, when Japan ignored "
             "a ruling issued by the African Union, of which it is a member.")
    assert _members(ex) == {("japan", "african-union")}, _members(ex)


def test_an_unlabelled_interviews_prompt_to_you_is_no_answer(run) -> None:
    ex = run(_UNLABELLED.format(intro="We spoke to Tom Reed, India's foreign minister, in his "
                                      "office.")
             + "Some of your partners think India has been too friendly to the juntas.\n"
             "We have been realistic. We cannot choose our neighbours.\n")
    quotes = {(f.speaker, f.quote) for f in ex.of_type(StatementFact)}
    assert ("person-tom-reed", "We cannot choose our neighbours.") in quotes, quotes
    assert not {q for _, q in quotes if "your partners" in q}, quotes


def test_a_guessed_post_is_in_the_state_whose_body_the_holder_heads(run) -> None:
    ex = run("Canada pushed its plan on Saturday. On Sunday, army chief General Tom Reed, who "
             "also heads Japan's Sovereignty Council, told senior officers that the plan would "
             "dissolve the armed forces.")
    assert ("person-tom-reed", "Army Chief", "japan") in titled_posts(ex), titled_posts(ex)


def test_a_place_name_before_corps_or_command_is_part_of_a_bodys_name(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {"id": "africa", "label": "Africa",
                                              "class": "Region", "qid": "Q15"}])
    ex = _extract(nlp, "Mali hosted the Africa Corps on Monday. Tom Reed, the head of US "
                  "Africa Command, said the operation had killed fighters.", "2025-12-26")
    labels = {e.label for e in ex.entities}
    assert {"Africa Corps", "US Africa Command"} <= labels, labels
    assert "Africa" not in labels, labels
    assert posts(ex) == {("person-tom-reed", "organization-us-africa-command")}, posts(ex)


def test_a_name_run_across_a_spaced_dash_keeps_only_its_name_parts(run) -> None:
    ex = run("Courts react to exits\nDAKAR, 23 September 2025 - Rights groups reacted on "
             "Monday.\n21:20 - Tom Reed, the state's chief minister, posted: \"What just "
             'happened?"\nDILI - Ann Lee answered with a story.')
    labels = {e.label for e in ex.entities}
    assert not {lab for lab in labels if " - " in lab or lab.startswith("-")}, labels
    assert {"Tom Reed", "Ann Lee"} <= labels, labels


def test_a_hyphenated_surname_alone_is_the_person_named_in_full(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "alix-didier-fils-aime", "label": "Alix Didier Fils-Aimé", "class": "Person",
        "aliases": ["Alix Didier Fils-Aime"]}])
    ex = _extract(nlp, 'Prime Minister Alix Didier Fils-Aime welcomed the vote as "a turning '
                  'point". Fils-Aime said in a post on X that Japan needed "boots on the '
                  'ground".', "2025-09-30")
    assert {f.speaker for f in ex.of_type(StatementFact)} == {"alix-didier-fils-aime"}
    assert "Fils-Aime" not in {e.label for e in ex.entities}


def test_a_predecessors_inherited_post_is_a_past_one(run) -> None:
    ex = run("Japan's prime minister, Tom Reed, met the council on Monday. He wants guarantees "
             "that he will not be removed, as his predecessor, Mark Poe, was in 2024.")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-tom-reed", "Prime Minister", "japan", False),
        ("person-mark-poe", "Prime Minister", "japan", True)}


def test_a_post_of_a_leaders_staff_is_the_leaders_states(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "ann-lee", "label": "Ann Lee", "class": "Person", "country": "japan",
        "positions": [{"title": "Prime Minister", "of": "japan", "since": "2020",
                       "until": None}]}])
    ex = _extract(nlp, "The summit opened on Monday.\nTom Reed, Ann Lee's special envoy for "
                  "the event, argued otherwise. Mark Poe, Ann Lee's son-in-law, agreed.",
                  "2025-02-20")
    assert ("person-tom-reed", "Special Envoy", "japan") in titled_posts(ex), titled_posts(ex)
    assert not [p for p in titled_posts(ex) if p[0] == "person-mark-poe"], titled_posts(ex)


def test_a_plural_title_gives_each_registry_name_after_it_their_own_post(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, *({
        "id": f"person-{i}", "label": name, "class": "Person", "country": state,
        "positions": [{"title": "Foreign Minister", "of": state, "since": since,
                       "until": until}]} for i, name, state, since, until in (
        ("a", "Ann Lee", "japan", "2020", None), ("b", "Tom Reed", "india", "2021", None),
        ("c", "Mark Poe", "canada", "2010", "2015")))])
    ex = _extract(nlp, "The treaty was initialled on Friday.\nForeign Ministers Ann Lee and "
                  "Tom Reed initialled the text, watched by former foreign ministers Mark Poe "
                  "and Jane Roe.", "2025-08-09")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-a", "Foreign Minister", "japan", False),
        ("person-b", "Foreign Minister", "india", False),
        ("person-c", "Foreign Minister", "canada", True)}


def test_a_gerund_subject_names_no_event(run) -> None:
    ex = run("The bloc met on Monday. India's foreign minister said that joining BRICS was "
             '"not excluded". Joining NATO would be a mistake for Japan, Tom Reed said. Canada '
             "joined the African Union in 2023.")
    assert {(e.type, e.participants) for e in ex.of_type(EventFact)} == {
        (EventType.ACCESSION, ("african-union", "canada"))}, ex.of_type(EventFact)


# --- extractor 0.4.33 ---


def test_the_head_of_a_states_agency_named_with_its_kind_heads_the_agency(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS,
                                    {"id": "mit", "label": "MIT", "class": "Organization"},
                                    {"id": "roscosmos", "label": "Roscosmos",
                                     "class": "Organization"}])
    ex = _extract(nlp, "The talks ended on Monday.\nTom Reed, the head of Japan's MIT "
                  "intelligence agency, met him. Mark Poe, then head of the Russian space "
                  "agency Roscosmos, said in 2020 that it was fine.", "2025-02-20")
    posts = titled_posts(ex)
    assert ("person-tom-reed", "Head", "mit") in posts, posts
    assert ("person-mark-poe", "Head", "roscosmos") in posts, posts
    assert not [p for p in posts if p[2] in ("japan", "russia")], posts


def test_a_body_named_inside_an_organisations_abbreviation_is_not_that_organisation(
        tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "united-nations", "label": "United Nations", "class": "InternationalOrganization",
        "abbreviations": ["UN"]}, {"id": "unsmil", "label": "UNSMIL",
                                   "class": "Organization"}])
    ex = _extract(nlp, "The council met on Monday.\nTom Reed, the executive director of the UN "
                  "Environment Programme, said it was over. Mark Poe, the head of the UN "
                  "Support Mission in Libya (UNSMIL), said it was time.", "2025-02-20")
    posts = titled_posts(ex)
    assert ("person-mark-poe", "Head", "unsmil") in posts, posts
    assert not [p for p in posts if p[2] == "united-nations"], posts


def test_a_post_whose_holder_resigns_is_a_former_one(run) -> None:
    ex = run("The cabinet met on Monday.\nThe ban was withdrawn that night and Home Minister "
             "Tom Reed resigned. Defence Minister Mark Poe stepped down on Friday. Foreign "
             "Minister Jane Roe did not resign.")
    assert {(f.person, f.role, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-tom-reed", "Home Minister", True),
        ("person-mark-poe", "Defence Minister", True),
        ("person-jane-roe", "Foreign Minister", False)}, ex.of_type(RoleFact)


def test_a_he_after_a_quotation_of_two_sentences_is_not_a_person_it_names(run) -> None:
    ex = run('Tom Reed, an analyst at a London think tank, said the plan would need support. '
             '"Mark Poe has written a sensible plan. The problem has never been a shortage of '
             'plans," he said.')
    assert {(s.speaker, s.quote) for s in ex.of_type(StatementFact)} == {
        ("person-tom-reed", "Mark Poe has written a sensible plan"),
        ("person-tom-reed", "The problem has never been a shortage of plans")}


def test_a_he_after_a_quotation_continues_a_subject_after_a_fronted_adverbial(run) -> None:
    ex = run('On the far right, Tom Reed, president of the National Rally, said he was happy '
             'for Mark Poe but called it "a humiliation" that Japan had needed India to '
             'intervene on behalf of a Japanese citizen. "Japan chose to reward India and to '
             'snub China. That should tell our government something," he wrote.')
    assert {(s.speaker, s.quote) for s in ex.of_type(StatementFact)
            if "Japan" in s.quote or "That" in s.quote} == {
        ("person-tom-reed", "Japan chose to reward India and to snub China"),
        ("person-tom-reed", "That should tell our government something")}


def test_a_states_then_title_is_that_states_former_post(run) -> None:
    ex = run("The treaty was signed in 2015. In March 2015, Japan's then-Prime Minister Tom Reed "
             "and India's ex-president Mark Poe signed a declaration.")
    assert {(f.person, f.role, f.of, f.former) for f in ex.of_type(RoleFact)} == {
        ("person-tom-reed", "Prime Minister", "japan", True),
        ("person-mark-poe", "President", "india", True)}, ex.of_type(RoleFact)


def test_a_known_surname_the_tagger_took_for_a_plural_noun_is_the_person(run) -> None:
    ex = run('President Nikos Christodoulides met him on Monday. "Our aim has not changed: a '
             'federation with political equality, as described in the resolutions," '
             'Christodoulides said.')
    assert {(s.speaker, s.quote[:12]) for s in ex.of_type(StatementFact)} == {
        ("person-nikos-christodoulides", "Our aim has ")}, ex.of_type(StatementFact)


def test_words_a_body_reports_a_named_person_said_are_the_persons(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "xinhua", "label": "Xinhua News Agency", "class": "Organization",
        "aliases": ["Xinhua"], "country": "china"}])
    ex = _extract(nlp, 'The leaders met on Monday.\nXinhua said Tom Reed told Mark Poe that the '
                  'relationship had "emerged from twists and turns".', "2025-07-15")
    assert {(s.speaker, s.quote) for s in ex.of_type(StatementFact)} == {
        ("person-tom-reed", "emerged from twists and turns")}, ex.of_type(StatementFact)


def test_a_regions_name_that_opens_a_persons_name_is_the_persons(tmp_path) -> None:
    nlp = _pipeline_with(tmp_path, [*ACTORS, {
        "id": "victoria", "label": "Victoria", "class": "Region", "qid": "Q36687"}])
    ex = _extract(nlp, 'The accords were signed on Monday.\n"The accords are not a treaty," said '
                  "Victoria Samson, chief director of space security at the Secure World "
                  "Foundation. Wildfires hit Victoria last year.", "2025-07-15")
    assert [s.speaker for s in ex.of_type(StatementFact)] == ["person-victoria-samson"]
    assert "victoria" in {m.entity for m in ex.mentions}  # the region, named on its own


def test_an_untagged_name_set_after_a_post_title_is_a_person(run) -> None:
    ex = run("The vote was held on Sunday.\nRussia's ambassador in Sarajevo, Igor Kalabukhov, "
             "also congratulated the party, saying the election showed that \"the people "
             "cannot be intimidated\".")
    assert [(s.speaker, s.on_behalf_of) for s in ex.of_type(StatementFact)] == [
        ("person-igor-kalabukhov", "russia")], ex.of_type(StatementFact)


def test_a_reaction_to_the_ledes_act_named_as_a_noun_targets_its_doer(run) -> None:
    filler = " ".join(f"Officials met again on day {n} of the talks." for n in range(1, 16))
    ex = run("Russia's recognition of the new government on Thursday drew praise in Kabul. "
             f"{filler} Beijing welcomed the move. Japan was among the first to criticise the "
             "decision.")
    assert stances(ex) == {("china", "russia", Polarity.POSITIVE),
                           ("japan", "russia", Polarity.NEGATIVE)}, stances(ex)


def test_general_words_of_judgement_give_a_characterisation_its_polarity(run) -> None:
    ex = run("India's recognition of the new government drew praise on Thursday. Tom Reed "
             'called the decision "brave". Mark Poe called the decision "a betrayal of the '
             'people". Jane Roe said Japan had taken a "balanced" decision.')
    assert stances(ex) == {("person-tom-reed", "india", Polarity.POSITIVE),
                           ("person-mark-poe", "india", Polarity.NEGATIVE),
                           ("person-jane-roe", "japan", Polarity.POSITIVE)}, stances(ex)


def test_a_name_before_a_noun_of_a_kind_of_body_is_the_bodys(run) -> None:
    ex = run('"The army is our army," he told Al-Manar television. Suphajee Suthumpun, a former '
             "chief executive of the Dusit Thani hotel group, is commerce minister. He was "
             "commanding the Tariq Ben Ziyad brigade, a unit that rights groups have accused "
             "of abductions. The independent media outlet Nawaat reported it.")
    classes = {e.label: e.cls for e in ex.entities}
    assert [classes.get(n) for n in ("Al-Manar", "Dusit Thani", "Tariq Ben Ziyad", "Nawaat")
            ] == [EntityClass.ORGANIZATION] * 4, classes


def test_a_name_before_a_noun_of_a_landform_is_a_place(run) -> None:
    ex = run("Later phases extend to the area between the Litani and Awali rivers. Qatar bought "
             "the nearby Ras El Hekma peninsula.")
    classes = {e.label: e.cls for e in ex.entities}
    assert classes.get("Litani") == classes.get("Ras El Hekma") == EntityClass.PLACE, classes


def test_a_place_the_ner_made_of_a_given_name_before_a_known_surname_is_the_person(
        run) -> None:
    ex = run("BANJA LUKA, 24 November 2025 - Sinisa Karan, the candidate of Milorad Dodik's "
             "ruling party, narrowly won Sunday's early election.\nThe vote was called after "
             "the commission stripped Dodik of his mandate in August, when an appeals chamber "
             "upheld his conviction.")
    labels = {e.label: e.cls for e in ex.entities}
    assert labels.get("Milorad Dodik") == EntityClass.PERSON and "Milorad" not in labels, labels


def test_a_dialogue_a_third_party_facilitates_is_no_partnership(run) -> None:
    ex = run("The EU-facilitated dialogue between Japan and India has stalled since March. A "
             "strategic dialogue between Canada and Australia continued.")
    assert {tuple(sorted(f.parties)) for f in ex.of_type(PartnershipFact)} == {
        ("australia", "canada")}, ex.of_type(PartnershipFact)
