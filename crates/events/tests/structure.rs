//! Who did what to whom, read from the sentence's structure: sentences written for this test (not
//! taken from the samples or the PLOVER records) in the shapes news copy uses, each checking one
//! rule of the coder.

mod common;

use dateline_core::event::{ActorRef, EventMention, EventType, Side};
use dateline_events::Extractor;
use std::sync::LazyLock;

static CODER: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::load_default().expect("the bundled lexicon loads"));

fn code(body: &str) -> Vec<EventMention> {
    CODER.mentions(&common::article("t", body, Some("2025-03-12"), None))
}

/// The first mention coded in `body`, which must be of `kind`.
fn first_coded(body: &str, kind: EventType) -> EventMention {
    let ms = code(body);
    let m = ms.first().expect("a mention");
    assert_eq!(m.event_type, kind, "{ms:#?}");
    m.clone()
}

/// The first mention of `body` of `kind`.
fn first_coded_of(body: &str, kind: EventType) -> EventMention {
    let ms = code(body);
    (ms.iter().find(|m| m.event_type == kind).cloned()).unwrap_or_else(|| panic!("{ms:#?}"))
}

fn side(m: &EventMention, name: &str) -> Option<Side> {
    m.actors.iter().find(|a| a.name == name).map(|a| a.side)
}

/// Whether one of `m`'s targets is of `country`.
fn targets_country(m: &EventMention, country: &str) -> bool {
    m.actors
        .iter()
        .any(|a| a.side == Side::Target && a.country.as_deref() == Some(country))
}

/// `name`'s side in `m` is `want`.
fn assert_side(m: &EventMention, name: &str, want: Option<Side>) {
    assert_eq!(side(m, name), want, "{name}: {:?}", m.actors);
}

/// The first mention of `body`, of `kind`, with `name` among its sources.
fn coded_by(body: &str, kind: EventType, name: &str) -> EventMention {
    let m = first_coded(body, kind);
    assert_side(&m, name, Some(Side::Source));
    m
}

/// The first mention of `body`, of `kind`, whose first source is of `country`.
fn coded_from(body: &str, kind: EventType, country: &str) -> EventMention {
    let m = first_coded(body, kind);
    assert_source_country(&m, country);
    m
}

/// A source the sentence names: not the unidentified doer of an attack nobody is named doing.
fn named_source(a: &ActorRef) -> bool {
    a.side == Side::Source && a.name != dateline_events::UNIDENTIFIED
}

/// `m`'s first source is of `country`.
fn assert_source_country(m: &EventMention, country: &str) {
    let source = m.actors.iter().find(|a| a.side == Side::Source);
    assert_eq!(
        source.and_then(|a| a.country.as_deref()),
        Some(country),
        "{m:#?}"
    );
}

/// No mention of `body` is of `kind`.
fn never_coded(body: &str, kind: EventType) {
    for m in code(body) {
        assert_ne!(m.event_type, kind, "{m:#?}");
    }
}

/// The first mention of `body`, of `kind`, has no actor that is `what`.
fn coded_without(body: &str, kind: EventType, what: impl Fn(&ActorRef) -> bool) {
    assert_no_actor(&first_coded(body, kind), what);
}

/// Fails when one of `m`'s actors is `what`.
fn assert_no_actor(m: &EventMention, what: impl Fn(&ActorRef) -> bool) {
    assert!(!m.actors.iter().any(what), "{:?}", m.actors);
}

fn assert_some_actor(m: &EventMention, what: impl Fn(&ActorRef) -> bool) {
    assert!(m.actors.iter().any(what), "{:?}", m.actors);
}

/// The types of `ms`, in order.
fn types_of(ms: &[EventMention]) -> Vec<EventType> {
    ms.iter().map(|m| m.event_type).collect()
}

fn names(m: &EventMention) -> Vec<&str> {
    m.actors.iter().map(|a| a.name.as_str()).collect()
}

/// The names of the mention's targets.
fn target_names(m: &EventMention) -> Vec<String> {
    (m.actors.iter())
        .filter(|a| a.side == Side::Target)
        .map(|a| a.name.clone())
        .collect()
}

/// Each sentence (a report's only paragraph) has `kind` as its first mention's type.
fn each_first_coded(sentences: &[&str], kind: EventType) {
    for sentence in sentences {
        first_coded(&format!("Report\n\n{sentence}\n"), kind);
    }
}

/// Each sentence (a report's only paragraph) coded by `pick` as `kind` in `mode`.
fn each_coded_in_mode(
    sentences: &[&str],
    kind: EventType,
    mode: &str,
    pick: fn(&str, EventType) -> EventMention,
) {
    for sentence in sentences {
        let m = pick(&format!("Report\n\n{sentence}\n"), kind);
        assert_eq!(m.mode.as_deref(), Some(mode), "{sentence}");
    }
}

#[test]
fn the_outlet_a_source_spoke_to_is_not_an_actor() {
    let ms =
        code("Turkish drones struck a village near Duhok on Monday, a local official told Rudaw.");
    assert!(!ms.is_empty());
    for m in &ms {
        assert!(!names(m).contains(&"Rudaw"), "{:?}", names(m));
    }
}

#[test]
fn the_outlet_of_a_dateline_is_not_an_actor() {
    let body = "BEIRUT (AFP) - Israeli jets struck a convoy near the Syrian border on Saturday, \
                a security source said.";
    let ms = CODER.mentions(&common::article(
        "t",
        body,
        Some("2025-03-12"),
        Some("BEIRUT"),
    ));
    assert!(!ms.is_empty());
    for m in &ms {
        assert_no_actor(m, |a| a.text.as_deref() == Some("AFP"));
    }
}

#[test]
fn a_dateline_read_off_its_own_line_hides_no_actor_of_the_first_sentence() {
    // The page printed "Shafaq News - Baghdad" on a line of its own: the body's first sentence
    // names the place only as where the happening was, after its doer.
    let body = "Shiite cleric Muqtada al-Sadr on Tuesday ordered his supporters to withdraw from \
                Baghdad's fortified Green Zone within 60 minutes.";
    let ms = CODER.mentions(&common::article(
        "t",
        body,
        Some("2022-08-30"),
        Some("Baghdad"),
    ));
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Request)
        .unwrap_or_else(|| panic!("no REQUEST in {ms:#?}"));
    assert_side(m, "Muqtada al-Sadr", Some(Side::Source));
}

#[test]
fn a_court_acts_without_a_country_named() {
    let m = first_coded(
        "A court in Basra sentenced two former officials to ten years in prison.",
        EventType::Sanction,
    );
    assert_eq!(m.mode.as_deref(), Some("convict"));
    assert_side(&m, "court", Some(Side::Source));
}

#[test]
fn an_attribution_set_between_commas_is_no_happening_and_no_actor() {
    let m = first_coded(
        "Turkish drones struck a convoy near Qamishli on Friday, Syria's state news agency \
         reported, in the second such attack this week.",
        EventType::Assault,
    );
    assert_eq!(m.mode.as_deref(), Some("air or drone strike"));
    assert_no_actor(&m, |a| {
        a.country.as_deref() == Some("SYR") && a.side == Side::Source
    });
    // Nor is the authority a report cites.
    let m = first_coded(
        "Air defences shot down two drones near Erbil airport, the agency said, citing a \
         military source.",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| a.sector.as_deref() == Some("military"));
}

#[test]
fn the_speaker_of_reported_speech_is_not_the_source_of_what_is_reported() {
    let ms = code(
        "The Iraqi defence ministry said ISIS militants attacked an army checkpoint in Kirkuk on Tuesday.",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault)
        .expect("the attack");
    assert_side(m, "Islamic State (ISIS)", Some(Side::Source));
    assert!(!names(m).contains(&"Government of Iraq"), "{:?}", names(m));
}

#[test]
fn a_generic_agent_after_the_verb_of_saying_is_the_subject_of_what_is_said() {
    let ms = code("Police said armed men abducted two aid workers near Sinjar.");
    let m = ms.first().expect("a mention");
    assert_side(m, "police", None);
}

#[test]
fn a_demand_s_that_clause_is_the_demand() {
    let m = first_coded(
        "Tehran insisted that Washington lift the sanctions first.",
        EventType::Request,
    );
    assert_eq!(side(&m, "Government of Iran"), Some(Side::Source));
    assert!(targets_country(&m, "USA"), "{:?}", m.actors);
}

#[test]
fn an_obligation_reported_is_the_speaker_s_demand() {
    let ms = code("Russia said on Tuesday that Ukraine must withdraw its forces from the region.");
    let m = ms.first().expect("a mention");
    assert_eq!(m.event_type, EventType::Request);
    assert_eq!(m.actors.first().map(|a| a.side), Some(Side::Source));
    assert_eq!(
        m.actors.first().and_then(|a| a.country.as_deref()),
        Some("RUS")
    );
}

#[test]
fn a_promise_on_a_condition_is_a_threat() {
    let ms = code(
        "Jordan will close its border crossings unless the shelling stops, its foreign minister said on Sunday.",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{:?}",
        types_of(&ms)
    );
}

#[test]
fn a_demonym_and_an_agent_give_country_and_sector() {
    let ms = code("Iraqi police arrested five smugglers in Basra on Wednesday.");
    let m = ms.first().expect("a mention");
    let police = m
        .actors
        .iter()
        .find(|a| a.side == Side::Source)
        .expect("a source");
    assert_eq!(police.country.as_deref(), Some("IRQ"));
    assert_eq!(police.sector.as_deref(), Some("police"));
}

#[test]
fn an_office_holder_is_read_as_of_the_event() {
    // Phoenix codes Nouri al-Maliki as Iraq's government from 2006 to 2014 only.
    let ms = code(
        "Iraqi Prime Minister Nouri al-Maliki met the Iranian foreign minister in Baghdad on 3 May 2010.",
    );
    let m = ms.first().expect("a mention");
    let maliki = m
        .actors
        .iter()
        .find(|a| a.name.to_lowercase().contains("maliki"))
        .expect("Maliki");
    assert_eq!(maliki.country.as_deref(), Some("IRQ"));
    assert_eq!(maliki.sector.as_deref(), Some("government"));
}

#[test]
fn a_participle_after_the_verb_keeps_the_verb_s_sides() {
    let ms = code(
        "Turkish warplanes struck PKK positions in Duhok province on Sunday, killing three militants.",
    );
    let m = ms.first().expect("a mention");
    assert_side(m, "Kurdistan Workers' Party (PKK)", Some(Side::Target));
}

#[test]
fn verb_phrases_coordinated_share_a_subject_whose_own_verb_codes_nothing() {
    let m = first_coded(
        "Syria keeps thousands of troops along the Euphrates and has vowed to recapture the \
         oil fields from the SDF.",
        EventType::Threaten,
    );
    assert_side(&m, "Government of Syria", Some(Side::Source));
}

#[test]
fn a_coordinated_verb_phrase_keeps_the_sides_of_the_one_before() {
    let m = first_coded(
        "Ankara accused Stockholm of harbouring militants and expelled its envoy.",
        EventType::Accuse,
    );
    assert_eq!(side(&m, "Sweden"), Some(Side::Target));
    let expulsion =
        code("Ankara accused Stockholm of harbouring militants and expelled its envoy.")
            .into_iter()
            .find(|m| m.event_type == EventType::Sanction)
            .expect("the expulsion");
    assert_side(&expulsion, "Government of Turkey", Some(Side::Source));
    // Its own object: "its envoy", Sweden's.
    assert!(targets_country(&expulsion, "SWE"), "{:?}", expulsion.actors);
}

#[test]
fn a_verb_s_pattern_reads_no_object_from_the_verb_phrase_coordinated_with_it() {
    // The dictionary reads "attack … suspect" as an accusation; "suspects" belongs to the
    // second verb phrase here.
    never_coded(
        "Soldiers stormed a farm near Tikrit and held four suspects.",
        EventType::Accuse,
    );
}

#[test]
fn a_name_glued_to_a_participle_describes_and_takes_no_part() {
    coded_without(
        "Iran-aligned gunmen shelled a Syrian army post near Deir ez-Zor on Friday.",
        EventType::Assault,
        |a| a.country.as_deref() == Some("IRN"),
    );
}

#[test]
fn a_toll_counted_is_reported_by_default_though_nobody_is_named() {
    let m = first_coded(
        "At least nine people were killed and 20 wounded when a bomb went off near a bus \
         station in Kirkuk on Tuesday.",
        EventType::Assault,
    );
    assert_eq!(m.counts.killed, Some(9));
    assert!(
        m.confidence >= dateline_events::DEFAULT_MIN_CONFIDENCE,
        "{}",
        m.confidence
    );
}

#[test]
fn a_title_after_a_place_gives_its_holder_the_place_s_country() {
    let m = first_coded(
        "Anbar Governor Mohammed Nouri al-Karbouli met the Jordanian ambassador in Ramadi.",
        EventType::Consult,
    );
    let governor = m
        .actors
        .iter()
        .find(|a| a.side == Side::Source)
        .expect("a source");
    assert_eq!(governor.country.as_deref(), Some("IRQ"), "{:?}", m.actors);
}

/// "in the Erbil province" says where: no actor is read from its words (the shelling struck
/// that place, which is its target as a place, not as a body named in the sentence).
#[test]
fn a_place_after_a_locative_and_its_article_is_where_not_who() {
    let m = first_coded(
        "Iranian artillery shelled villages in the Erbil province on Sunday.",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| {
        a.text.as_deref().is_some_and(|t| t.contains("Erbil"))
    });
    assert_eq!(m.place.and_then(|p| p.country).as_deref(), Some("IRQ"));
}

#[test]
fn a_body_printed_as_a_country_s_own_is_that_country_s() {
    // Phoenix files "National Security Council" under the United States.
    let ms = code("Syria's National Security Council approved the integration plan on Monday.");
    let m = ms.first().expect("a mention");
    assert_no_actor(m, |a| a.country.as_deref() == Some("USA"));
    assert!(
        m.actors
            .iter()
            .any(|a| a.side == Side::Source && a.country.as_deref() == Some("SYR")),
        "{:?}",
        m.actors
    );
}

#[test]
fn the_subject_of_a_verb_of_suffering_is_hit() {
    // Also when the rest of its noun phrase stands between the name and the verb.
    for (body, country) in [
        (
            "Four Turkish soldiers sustained wounds when militants struck their outpost near Zakho.",
            "TUR",
        ),
        (
            "ANBAR — Two US service members suffered minor injuries when rockets struck the Ain al-Asad air base in western Iraq late on Monday, a US defence official said.",
            "USA",
        ),
        (
            "An Iraqi businessman died on Monday when Iranian missiles struck his home in Erbil.",
            "IRQ",
        ),
    ] {
        let m = first_coded(body, EventType::Assault);
        assert!(targets_country(&m, country), "{:?}", m.actors);
        assert_no_actor(&m, |a| {
            a.side == Side::Source && a.country.as_deref() == Some(country)
        });
    }
}

#[test]
fn a_claim_of_responsibility_is_no_accusation() {
    // CAMEO 015 inside the block "allege": a statement PLOVER does not code.
    never_coded(
        "The Islamic State claimed the bombing of a checkpoint near Tikrit.",
        EventType::Accuse,
    );
}

#[test]
fn a_demonym_and_title_before_a_listed_office_holder_describe_him() {
    // Phoenix lists Erdogan with the dates of his posts; "Turkish President" is his title.
    let m = first_coded(
        "Turkish President Recep Tayyip Erdogan met Iraqi Kurdish leaders in Ankara on Friday.",
        EventType::Consult,
    );
    let sources: Vec<&str> = m
        .actors
        .iter()
        .filter(|a| a.side == Side::Source)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(sources.len(), 1, "{:?}", m.actors);
}

#[test]
fn the_country_a_title_serves_is_no_participant() {
    coded_without(
        "The UN special envoy for Syria warned on Sunday that the ceasefire could collapse.",
        EventType::Accuse,
        |a| a.country.as_deref() == Some("SYR"),
    );
}

#[test]
fn a_country_after_to_is_the_recipient() {
    let m = first_coded(
        "Jordan sent a delegation to Syria on Sunday.",
        EventType::Consult,
    );
    assert!(targets_country(&m, "SYR"), "{:?}", m.actors);
}

#[test]
fn an_ethnic_group_is_not_the_state_its_name_shares() {
    coded_without(
        "Hundreds of ethnic Serbs blocked roads in northern Kosovo on Monday.",
        EventType::Protest,
        |a| a.country.as_deref() == Some("SRB") && a.side == Side::Source,
    );
}

#[test]
fn explain_shows_words_verbs_actors_and_what_is_coded() {
    let text = CODER.explain("Turkish jets struck PKK positions near Duhok on Monday.");
    for part in [
        "tags:   Turkish/JJ jets/NNS struck/VBD",
        "verb:   \"struck\"",
        "actor:  \"PKK\"",
        "coded:  ASSAULT",
    ] {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }
}

#[test]
fn a_sentence_with_no_time_is_bounded_by_publication_not_dated() {
    let ms = code("Kurdish security forces arrested a suspected ISIS financier.");
    let m = ms.first().expect("a mention");
    assert_eq!(m.date.value, None);
    assert_eq!(
        m.date.basis.as_deref(),
        Some("on or before publication (2025-03-12)")
    );
}

#[test]
fn confidence_is_a_share_and_a_named_source_raises_it() {
    let named = code("Iraqi security forces killed two ISIS militants near Kirkuk on Monday.");
    let nobody = code("Two militants were killed near Kirkuk.");
    let c = |ms: &[EventMention]| ms.first().map(|m| m.confidence).expect("a mention");
    assert!((0.0..=1.0).contains(&c(&named)));
    assert!(c(&named) > c(&nobody), "{} vs {}", c(&named), c(&nobody));
    // A body the dictionaries name counts as named, with no country of its own.
    let body = code(
        "The International Atomic Energy Agency on Monday accused Iran of hiding nuclear material.",
    );
    assert!(c(&body) >= 0.7, "{}", c(&body));
}

/// News tells what just happened in the present perfect: undated, such a report is as sure as
/// one dated; the same verb after a modal or "to" ("may have", "to have") is no report.
#[test]
fn an_undated_happening_in_the_present_perfect_is_news() {
    let c = |body: &str| code(body).first().map(|m| m.confidence).expect("a mention");
    let perfect = c("Pakistan has refused to deploy peacekeepers in Iraq.");
    let past = c("Pakistan refused to deploy peacekeepers in Iraq.");
    let dated = c("Pakistan refused on Monday to deploy peacekeepers in Iraq.");
    assert!(perfect > past, "{perfect} vs {past}");
    assert!(perfect >= dated - 0.05, "{perfect} vs {dated}");
    let modal = c("Pakistan may have refused to deploy peacekeepers in Iraq.");
    assert!(modal < perfect, "{modal} vs {perfect}");
}

#[test]
fn what_an_accusation_is_of_is_its_content() {
    // "accused X of torturing", "blamed X for shelling": the accusation is the clause's happening,
    // of the accuser; what it is of is no happening of its own that the sentence reports.
    for (body, accuser) in [
        (
            "Amnesty International accused Egyptian authorities of torturing detainees.",
            "Amnesty International",
        ),
        (
            "Turkey's foreign ministry blamed Kurdish militants for attacking a border post.",
            "Turkey",
        ),
    ] {
        let m = first_coded(body, EventType::Accuse);
        let source = m.actors.iter().find(|a| a.side == Side::Source);
        assert!(
            source.is_some_and(|a| a.name.contains(accuser)),
            "{:?}",
            m.actors
        );
        assert!(
            !code(body)
                .iter()
                .any(|m| m.event_type == EventType::Assault && m.confidence >= 0.7),
            "{body}"
        );
    }
}

#[test]
fn a_body_placed_in_a_capital_is_that_state_s() {
    // "the foreign ministry in Ankara", "authorities in Damascus": the capital stands for the state.
    for (body, kind, country) in [
        (
            "The foreign ministry in Ankara blamed Kurdish militants for attacking a border post.",
            EventType::Accuse,
            "TUR",
        ),
        (
            "Authorities in Damascus arrested two journalists on Monday.",
            EventType::Coerce,
            "SYR",
        ),
    ] {
        let m = first_coded(body, kind);
        assert_source_country(&m, country);
    }
    // Armed agents are not placed so: troops in a country are often another state's.
    let m = first_coded(
        "Troops in Syria shelled a village on Monday.",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| {
        a.side == Side::Source && a.country.as_deref() == Some("SYR")
    });
}

#[test]
fn an_announced_intention_to_cooperate_is_an_agreement() {
    // CAMEO 03: "will provide aid", "would meet" announce cooperation; they are not the aid or the
    // meeting.
    let ms = code(
        "Japan will provide emergency food aid to Jordan, its foreign ministry said on Friday.",
    );
    let types = types_of(&ms);
    assert!(types.contains(&EventType::Agree), "{types:?}");
    assert!(!types.contains(&EventType::Aid), "{types:?}");
}

#[test]
fn a_happening_in_a_relative_clause_is_background() {
    // The clause's own happening is the demand that the ship be released, not its seizure.
    let ms = code(
        "Turkey said on Monday that Greece must release a cargo ship that was seized by its coast guard last month.",
    );
    let m = ms.first().expect("a mention");
    assert_eq!(m.event_type, EventType::Request, "{:?}", ms);
}

#[test]
fn a_nationality_word_after_of_is_an_agent_not_a_place() {
    // "a delegation of Tunisian lawmakers", "hundreds of Kenyans": the country's people act.
    for body in [
        "A delegation of Tunisian lawmakers met the speaker of parliament in Baghdad on Monday.",
        "Hundreds of Kenyans protested outside the embassy in Nairobi on Monday.",
    ] {
        let ms = code(body);
        let m = ms.first().expect("a mention");
        let source: Vec<_> = m
            .actors
            .iter()
            .filter(|a| a.side == Side::Source)
            .filter_map(|a| a.country.as_deref())
            .collect();
        assert!(
            source.contains(&"TUN") || source.contains(&"KEN"),
            "{body}: {:?}",
            m.actors
        );
    }
}

#[test]
fn a_warning_that_someone_will_act_is_a_threat() {
    // CAMEO 130: a warned harm is a threat; a warning about a state of affairs is not.
    let ms = code("The interior minister warned that security forces will disperse any gathering.");
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Threaten),
        "{ms:?}"
    );
    // Whom and when may stand before the "that"; the speaker's own state, owner of the
    // response, is no target.
    let m = first_coded(
        "Iran's Foreign Minister Hossein Amir-Abdollahian warned Berlin in a tweet on Tuesday \
         that Tehran's response to its positions would be \"proportionate and decisive\".",
        EventType::Threaten,
    );
    assert!(targets_country(&m, "DEU"), "{m:#?}");
    assert!(!targets_country(&m, "IRN"), "{m:#?}");
}

#[test]
fn an_announced_coercion_is_a_threat_and_an_allowance_a_concession() {
    let ms = code("Lebanese farmers said on Monday they would blockade the port of Beirut.");
    let types = types_of(&ms);
    assert!(types.contains(&EventType::Threaten), "{types:?}");
    let ms = code("Jordan allowed 500 Syrian refugees to cross the border on Tuesday.");
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Concede),
        "{ms:?}"
    );
}

/// "The coalition" of an Iraq corpus is the US-led one, but a coalition named by a bloc ("the
/// Fatah coalition", "the State of Law Coalition") or called a ruling or an opposition coalition is another body.
#[test]
fn a_named_or_political_coalition_is_not_the_us_led_one() {
    const CJTF: &str = "US-led global coalition against ISIS (CJTF-OIR)";
    for body in [
        "The coalition said its aircraft struck ISIS hideouts near Hawija on Sunday.",
        "The U.S.-led coalition said its aircraft struck ISIS hideouts near Hawija on Sunday.",
    ] {
        let ms = code(body);
        assert!(
            ms.iter().any(|m| names(m).contains(&CJTF)),
            "{body}: {ms:#?}"
        );
    }
    for body in [
        "The Saudi-led coalition said its jets struck positions near Saada on Sunday.",
        "Leaders of the Fatah coalition rejected the budget on Sunday.",
        // Its name's last word printed with a capital is still that name's.
        "Leaders of the State of Law Coalition rejected the budget on Sunday.",
        "The ruling coalition rejected the budget on Sunday.",
        "An opposition coalition rejected the budget on Sunday.",
    ] {
        for m in code(body) {
            assert!(!names(&m).contains(&CJTF), "{body}: {:?}", names(&m));
        }
    }
}

/// The dictionary places some groups only in a region; one whose name opens with a nationality is
/// of that country.
#[test]
fn a_group_named_by_its_nationality_is_of_that_country() {
    let ms = code("Palestinian Islamic Jihad fighters fired rockets at Israeli towns on Monday.");
    let source = ms
        .iter()
        .flat_map(|m| &m.actors)
        .find(|a| a.name == "Palestinian Islamic Jihad")
        .unwrap_or_else(|| panic!("the group is an actor: {ms:#?}"));
    assert_eq!(source.country.as_deref(), Some("PSE"));
}

/// A line that introduces a list or a table, and the table's rows, report no happening; the
/// sentence before them keeps its own.
#[test]
fn labels_and_table_rows_are_not_happenings() {
    let ms = code(
        "Militants attacked an army post in Anbar on Sunday.\n\nRecorded attacks in Anbar, by month:\n\nMonth | Attacks\n\nJuly | 4",
    );
    assert!(
        ms.iter()
            .any(|m| m.evidence.sentence.starts_with("Militants")),
        "{ms:#?}"
    );
    for m in &ms {
        assert!(
            m.evidence.sentence.starts_with("Militants"),
            "{}",
            m.evidence.sentence
        );
    }
}

/// A happening word in the description of someone's role ("commander of joint operations") names
/// the role; the sentence reports what the person said.
#[test]
fn a_role_s_description_is_not_a_happening() {
    never_coded(
        "Brig. Gen. Karim Salman, the deputy commander of joint operations, told reporters on Monday that the road had reopened.",
        EventType::Assault,
    );
    let ms = code("Iraqi forces launched joint operations against ISIS cells in Anbar on Monday.");
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:#?}"
    );
}

#[test]
fn a_word_in_the_name_of_whom_a_statement_is_attributed_to_is_no_happening() {
    // "Operations" in the attributed command's name is not a reference back to the strike.
    let ms = code(
        "Jordanian jets bombed a weapons depot near the border on Friday.\n\n\
         Police raided a house in Zarqa on Saturday, according to the Joint Operations Command.",
    );
    let second: Vec<&EventMention> = ms
        .iter()
        .filter(|m| m.evidence.sentence.starts_with("Police raided"))
        .collect();
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(
        side(second[0], "police"),
        Some(Side::Source),
        "{:?}",
        second[0]
    );
    assert!(
        !names(second[0]).iter().any(|n| n.contains("Jordan")),
        "{:?}",
        names(second[0])
    );
}

#[test]
fn a_title_s_country_and_office_describe_the_person_named_after_them() {
    let ms = code(
        "French Defence Minister Jean Moreau met Kenyan President Amina Otieno in Nairobi on Monday.",
    );
    let m = ms.first().expect("a mention");
    assert_eq!(names(m), ["Jean Moreau", "Amina Otieno"], "{:?}", m.actors);
    let countries: Vec<Option<&str>> = m.actors.iter().map(|a| a.country.as_deref()).collect();
    assert_eq!(countries, [Some("FRA"), Some("KEN")]);
    // Two names joined by "and" are two actors.
    let ms = code("Kenya and France signed a defence agreement in Nairobi on Monday.");
    assert_eq!(ms.first().map(|m| m.actors.len()), Some(2), "{ms:?}");
}

#[test]
fn an_agent_joined_to_another_party_by_and_is_a_party_not_a_title() {
    let ms = code(
        "Clashes between soldiers and demonstrators left four people wounded in Rutba on Monday.",
    );
    let m = ms.first().expect("a mention");
    assert!(names(m).contains(&"soldiers"), "{:?}", m.actors);
    assert!(names(m).contains(&"Protesters"), "{:?}", m.actors);
}

#[test]
fn an_agent_before_a_lower_case_word_and_a_name_is_not_a_title() {
    // "from" is not part of a name: the gunmen (of the group) act.
    let ms = code("Gunmen from Hezbollah killed two guards at a checkpoint on Monday.");
    let m = ms.first().expect("a mention");
    assert_side(m, "gunmen", Some(Side::Source));
}

#[test]
fn two_verb_phrases_of_one_subject_are_two_happenings_with_its_sides() {
    let ms = code(
        "Amman accused Damascus of shelling the border and expelled the Syrian envoy on Monday.",
    );
    let types = types_of(&ms);
    assert!(types.contains(&EventType::Accuse), "{types:?}");
    let second = ms
        .iter()
        .find(|m| m.event_type == EventType::Sanction)
        .expect("the expulsion (of a diplomat: CAMEO 166, SANCTION)");
    assert_side(second, "Government of Jordan", Some(Side::Source));
}

#[test]
fn workers_and_teachers_take_part_without_a_country() {
    let ms =
        code("Hundreds of nurses protested outside the health directorate in Basra on Sunday.");
    let m = ms.first().expect("the protest");
    assert_eq!(m.event_type, EventType::Protest);
    assert_eq!(
        m.actors.first().map(|a| a.side),
        Some(Side::Source),
        "{:?}",
        m.actors
    );
    let ms = code("Gunmen killed three farmers near Khanaqin on Monday.");
    let m = ms.first().expect("the killing");
    assert_eq!(m.actors.len(), 2, "{:?}", m.actors);
}

#[test]
fn people_named_with_their_place_are_of_its_country() {
    let ms = code("Demonstrators in Amman blocked a main road on Monday.");
    let m = ms.first().expect("the protest");
    assert_eq!(
        m.actors.first().and_then(|a| a.country.as_deref()),
        Some("JOR"),
        "{:?}",
        m.actors
    );
    // Forces in a country are often another state's: no country from the place.
    let ms = code("Troops in Amman fired on protesters on Monday.");
    let m = ms.first().expect("the shooting");
    let troops = m
        .actors
        .iter()
        .find(|a| a.name == "troops")
        .expect("troops");
    assert_eq!(troops.country, None, "{:?}", m.actors);
}

#[test]
fn a_past_form_after_a_plural_subject_with_an_object_is_the_verb() {
    // Taggers read "soldiers detained …" as a reduced relative; with an object after it the past
    // form is the clause's verb, and a raid word in an adjunct after it is not what happened.
    first_coded(
        "Jordanian soldiers detained 40 smugglers on Friday in a border sweep near Ruwaished.",
        EventType::Coerce,
    );
}

#[test]
fn a_participle_inside_a_hyphenated_modifier_is_no_happening() {
    let ms = code("Jordan opened its long-promised railway in Amman on Tuesday.");
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:#?}"
    );
    let ms = code("Syrian troops launched a counter-attack near Deir ez-Zor on Tuesday.");
    assert!(!ms.is_empty());
}

#[test]
fn a_verb_between_a_country_and_an_agent_is_not_part_of_the_actor() {
    let m = &first_coded(
        "Jordan deployed army units along the Syrian border on Monday.",
        EventType::Mobilize,
    );
    assert!(
        !names(m).iter().any(|n| n.contains("deployed")),
        "{:?}",
        names(m)
    );
}

#[test]
fn a_relative_clause_without_its_pronoun_is_background() {
    // "… a bank it accused of …": the accusation describes the bank; the clause reports the ban.
    let ms = code(
        "The European Union banned trade on Monday with a shipping firm it accused of helping the militia.",
    );
    let m = ms.first().expect("a mention");
    assert_ne!(m.event_type, EventType::Accuse, "{ms:#?}");
    // A number opens the noun phrase as an article does.
    first_coded(
        "Report\n\nThe Treasury on Tuesday imposed sanctions on two companies it said had \
         supplied the militia with weapons.\n",
        EventType::Sanction,
    );
    // A pronoun after a day is the subject of reported speech, not a relative clause.
    first_coded(
        "Jordan announced Wednesday it had arrested two Syrian smugglers.",
        EventType::Coerce,
    );
}

#[test]
fn a_past_form_after_the_verb_s_object_is_a_reduced_relative() {
    // "the soldiers killed in the ambush": the killing describes whom the minister met.
    first_coded(
        "Jordan's defence minister met the families of the soldiers killed in the ambush last week.",
        EventType::Consult,
    );
    // With an object of its own the past form is a clause's verb, whoever spoke.
    first_coded(
        "Officials in Amman said gunmen killed three border guards.",
        EventType::Assault,
    );
}

#[test]
fn an_obligation_to_agree_reported_is_a_demand_not_an_agreement() {
    // CAMEO reads "said … agree" as an announced agreement; "must" makes it the speaker's demand.
    coded_by(
        "Jordan said on Sunday that Syria must agree to a joint border commission.",
        EventType::Request,
        "Government of Jordan",
    );
}

#[test]
fn a_modal_of_intent_ending_in_to_announces_the_happening() {
    // "is ready to send": not a purpose clause; the announced contribution is coded as intent.
    first_coded(
        "Jordan is ready to contribute 500 troops to a peacekeeping force in Sudan.",
        EventType::Agree,
    );
}

#[test]
fn a_statement_demanding_that_is_a_demand() {
    let ms =
        code("Iraq issued a statement demanding that Turkey withdraw its troops from Bashiqa.");
    let m = ms.first().expect("a mention");
    assert_eq!(m.event_type, EventType::Request, "{ms:#?}");
}

#[test]
fn an_agent_is_its_noun_not_the_preposition_after_it() {
    // Phoenix lists "embassy in"; the embassy is Denmark's, Amman is where it stands.
    let ms = code("Protesters stormed the Danish embassy in Amman on Thursday.");
    let m = ms.first().expect("a mention");
    let embassy = m
        .actors
        .iter()
        .find(|a| a.text.as_deref().is_some_and(|t| t.contains("embassy")))
        .expect("the embassy");
    assert_eq!(
        embassy.text.as_deref(),
        Some("Danish embassy"),
        "{:?}",
        m.actors
    );
    assert_eq!(embassy.country.as_deref(), Some("DNK"));
}

#[test]
fn a_court_finding_a_law_unconstitutional_sanctions_it() {
    // PLOVER SANCTION `convict`: guilty, unconstitutional or liable in a court of law.
    let m = &first_coded(
        "Iraq's Federal Supreme Court ruled on Tuesday that the provincial election law was unconstitutional.",
        EventType::Sanction,
    );
    assert_eq!(m.actors.first().map(|a| a.side), Some(Side::Source));
}

#[test]
fn expelling_diplomats_is_a_sanction_and_expelling_people_is_coercion() {
    // CAMEO 166 (diplomats, peacekeepers, inspectors) is PLOVER SANCTION; 174 (people) COERCE.
    first_coded(
        "Jordan expelled two Iranian diplomats on Monday.",
        EventType::Sanction,
    );
    first_coded(
        "Jordan expelled forty Syrian smugglers on Monday.",
        EventType::Coerce,
    );
}

#[test]
fn rockets_that_landed_are_an_attack() {
    let ms =
        code("Three rockets landed near Erbil airport, which hosts US forces, on Tuesday night.");
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Assault),
        "{ms:#?}"
    );
}

#[test]
fn handing_over_a_base_is_a_withdrawal_by_the_side_that_leaves() {
    // PLOVER manual, RETREAT: "a military retreat from, or ceding, territory".
    let m = &first_coded(
        "The Spanish contingent handed over the Camp Taji training base to Iraqi forces on Sunday.",
        EventType::Retreat,
    );
    assert_eq!(side(m, "Government of Spain"), Some(Side::Source), "{m:#?}");
    assert_eq!(
        side(m, "Iraqi security forces"),
        Some(Side::Target),
        "{m:#?}"
    );
}

#[test]
fn neutralized_fighters_are_force_used_against_them() {
    // The Turkish defence ministry's convention for fighters killed, captured or surrendered.
    let m = &first_coded(
        "Turkish commandos neutralized four YPG terrorists near Tel Rifaat on Thursday.",
        EventType::Assault,
    );
    assert_eq!(
        m.actors.first().map(|a| a.side),
        Some(Side::Source),
        "{m:#?}"
    );
    // One person neutralized as well as several.
    first_coded(
        "Turkish forces neutralized a senior PKK member in Gara on Monday.",
        EventType::Assault,
    );
    // A device made safe is no attack on anyone.
    assert!(
        code("Engineers neutralized a roadside device near Tuz Khurmatu on Thursday.").is_empty()
    );
}

#[test]
fn an_announced_capture_of_people_is_their_arrest() {
    first_coded(
        "Kurdish counter-terrorism forces announced the capture of two ISIS emirs in Hawija.",
        EventType::Coerce,
    );
}

#[test]
fn an_attack_that_names_nobody_is_kept_when_the_sentence_places_it() {
    let m = &first_coded(
        "Two drones struck a gas field in Chamchamal on Wednesday night.",
        EventType::Assault,
    );
    assert!(m.place.is_some(), "{m:#?}");
    // Its only actor is PLOVER's unidentified doer, of the country where it happened.
    let [doer] = m.actors.as_slice() else {
        panic!("{m:#?}")
    };
    assert_eq!(doer.name, dateline_events::UNIDENTIFIED);
    assert_eq!(
        (doer.side, doer.country.as_deref(), doer.text.as_deref()),
        (Side::Source, Some("IRQ"), None)
    );
    // Named beside the harm with no side, the fighters may be its doers: none is added.
    let m = &first_coded(
        "Two civilians were killed on Monday in clashes between Turkish forces and PKK fighters \
         near Amedi in Duhok province.",
        EventType::Assault,
    );
    assert_no_actor(m, |a| a.name == dateline_events::UNIDENTIFIED);
    // Nobody, nowhere: nothing to merge it with.
    assert!(code("Explosions were heard on Wednesday night.").is_empty());
}

#[test]
fn condemning_an_attack_already_reported_aims_at_its_attacker() {
    let ms = code(
        "Iranian artillery shelled villages near Sidakan on Monday.\n\n\
         The Kurdistan Regional Government condemned the shelling on Tuesday.",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Accuse)
        .expect("the condemnation");
    assert!(targets_country(m, "IRN"), "{ms:#?}");
}

#[test]
fn a_sentence_handed_down_by_a_court_is_a_conviction() {
    // PLOVER manual, SANCTION convict: "found guilty and sentenced".
    let m = &first_coded(
        "An Iraqi court sentenced a former governor to seven years in prison on Sunday.",
        EventType::Sanction,
    );
    assert_eq!(m.mode.as_deref(), Some("convict"));
    // "in prison" says where, not who: no target at all rather than the prison service.
    assert!(m.actors.iter().all(|a| a.side == Side::Source), "{m:#?}");
}

#[test]
fn an_agent_word_inside_a_name_or_a_place_is_no_participant() {
    let ms = code(
        "Militants freed forty inmates from Badush prison after the Higher Judicial Council met on Friday.",
    );
    assert!(
        ms.iter()
            .flat_map(|m| &m.actors)
            .all(|a| a.sector.as_deref() != Some("COP")),
        "{ms:#?}"
    );
}

#[test]
fn a_place_before_an_agent_gives_it_the_places_country() {
    coded_from(
        "Diyala police detained four men suspected of smuggling on Saturday.",
        EventType::Coerce,
        "IRQ",
    );
}

#[test]
fn an_armed_group_laying_down_its_arms_retreats() {
    // PLOVER manual, RETREAT: "disarming … or otherwise ending active conflicts".
    let m = &first_coded(
        "The PJAK announced the end of its armed struggle against Iran on Monday.",
        EventType::Retreat,
    );
    assert_eq!(m.mode.as_deref(), Some("disarm"));
    // Refusing to is a refusal.
    first_coded(
        "Kataib Hezbollah refused to lay down its weapons on Monday.",
        EventType::Reject,
    );
}

/// CAMEO reads "boycott" by what is boycotted: a vote or an election is a protest (143), a
/// session or a meeting a refusal to meet (125), goods an embargo (the block's 163).
#[test]
fn a_boycott_is_read_by_what_is_boycotted() {
    first_coded(
        "The vote was boycotted by the Sadrist movement on Tuesday.",
        EventType::Protest,
    );
    first_coded(
        "The Kurdistan Democratic Party boycotted the session on Monday.",
        EventType::Reject,
    );
    first_coded(
        "Turkey boycotted Israeli goods on Monday.",
        EventType::Sanction,
    );
}

#[test]
fn a_name_with_its_acronym_in_brackets_is_printed_whole() {
    let m = &first_coded(
        "The Patriotic Union of Kurdistan (PUK) boycotted the session on Monday.",
        EventType::Reject,
    );
    let texts: Vec<_> = m.actors.iter().filter_map(|a| a.text.as_deref()).collect();
    assert_eq!(texts, ["Patriotic Union of Kurdistan (PUK)"], "{m:#?}");
}

#[test]
fn a_country_after_on_is_whom_a_call_is_aimed_at() {
    let m = &first_coded(
        "Jordan called on Syria on Sunday to halt the smuggling of drugs across the border.",
        EventType::Request,
    );
    assert!(targets_country(m, "SYR"), "{m:#?}");
}

#[test]
fn an_agent_word_that_describes_an_activity_is_no_participant() {
    let m = &first_coded(
        "Syria urged Israel on Monday to end its military operations near Quneitra.",
        EventType::Request,
    );
    assert!(
        m.actors
            .iter()
            .all(|a| a.sector.as_deref() != Some("military")),
        "{m:#?}"
    );
}

#[test]
fn an_agent_after_a_place_and_a_comma_acts() {
    // "in Tuz Khurmatu, police …": the comma ends the place; the police are the ones arresting.
    let m = &first_coded(
        "On Tuesday in Tuz Khurmatu, police detained four men.",
        EventType::Coerce,
    );
    assert_eq!(
        m.actors.first().map(|a| a.side),
        Some(Side::Source),
        "{m:#?}"
    );
}

#[test]
fn a_fronted_phrase_does_not_hide_the_main_clause() {
    // "After the blast in X," names what came before; the news is what the police did.
    let ms = code("After the blast in Tuz Khurmatu, police detained four men on Tuesday.");
    let arrest = ms
        .iter()
        .find(|m| m.event_type == EventType::Coerce)
        .expect("the arrest is coded");
    assert_eq!(
        arrest.actors.first().map(|a| a.side),
        Some(Side::Source),
        "{ms:#?}"
    );
    // The fronted phrase keeps to its own participants: the police did not suffer the blast.
    assert!(
        ms.iter()
            .filter(|m| m.event_type == EventType::Assault)
            .all(|m| m.actors.is_empty()),
        "{ms:#?}"
    );
    // A fronted participle of saying tells where the speaker spoke.
    first_coded(
        "Report\n\nSpeaking at his party's consultation camp near Ankara on Saturday, President \
         Recep Tayyip Erdogan praised the agreement.\n",
        EventType::Support,
    );
}

#[test]
fn the_side_fought_in_a_passive_casualty_report_is_the_source() {
    let m = &first_coded(
        "Three Peshmerga fighters were killed in clashes with ISIS militants near Makhmour on Sunday.",
        EventType::Assault,
    );
    assert_eq!(
        side(m, "Islamic State (ISIS)"),
        Some(Side::Source),
        "{m:#?}"
    );
    assert_eq!(side(m, "Peshmerga"), Some(Side::Target), "{m:#?}");
}

#[test]
fn a_speaker_only_reporting_a_material_happening_does_not_do_it() {
    // The dictionary reads "report attack" as an attack; "said attacks …" names attacks whose
    // agent the sentence does not give.
    for body in [
        "Prime Minister Mohammed Shia al-Sudani said attacks on bases hosting advisers harm Iraq's interests.",
        "Sudani ordered an investigation and said attacks on bases harm Iraq's interests.",
        "The Iraqi defence ministry reported attacks on two checkpoints in Diyala.",
    ] {
        for m in code(body) {
            if m.event_type == EventType::Assault {
                assert_no_actor(&m, named_source);
            }
        }
    }
    // What an announcement is of is the announcer's own.
    coded_by(
        "Italy announced a suspension of air links with Serbia on Wednesday.",
        EventType::Sanction,
        "Government of Italy",
    );
}

#[test]
fn a_nationality_and_a_portfolio_title_a_person_the_lexicon_lacks() {
    // "Kuwaiti Oil Minister X": one person, Kuwaiti, not Kuwait beside a minister.
    let m = first_coded(
        "Kuwaiti Oil Minister Tariq al-Roumi signed a memorandum of understanding with Iraq.",
        EventType::Agree,
    );
    let person = m.actors.iter().find(|a| a.name == "Tariq al-Roumi");
    assert_eq!(
        person.and_then(|a| a.country.as_deref()),
        Some("KWT"),
        "{:?}",
        m.actors
    );
    assert!(
        person
            .and_then(|a| a.role.as_deref())
            .is_some_and(|r| r.contains("Oil Minister")),
        "{:?}",
        m.actors
    );
    assert_side(&m, "Government of Kuwait", None);
}

#[test]
fn an_apposition_between_subject_and_verb_leaves_the_verb_the_clause_s() {
    // Taggers read a past form after a comma as a participle; after an apposition it is the verb.
    coded_by(
        "The Coordination Framework, the largest bloc in parliament, backed al-Mashhadani's candidacy.",
        EventType::Support,
        "Coordination Framework",
    );
}

#[test]
fn a_state_owns_a_body_named_with_more_words_than_the_dictionary_s() {
    // Phoenix lists "National Security Council" as American; Iran's is Iran's.
    coded_from(
        "Iran's Supreme National Security Council condemned the attack on Monday.",
        EventType::Accuse,
        "IRN",
    );
}

#[test]
fn what_a_denial_is_of_did_not_happen() {
    never_coded(
        "Baghdad denied reports that it had agreed to hand over the suspects.",
        EventType::Agree,
    );
    never_coded(
        "The ministry rejected claims that troops had shelled the village.",
        EventType::Assault,
    );
    // Said, not denied: the agreement is reported.
    first_coded(
        "Baghdad said that it had agreed to hand over the suspects.",
        EventType::Agree,
    );
}

#[test]
fn a_passive_verb_reads_its_subject_as_the_pattern_s_object() {
    // "lift * ban" (CONCEDE), "impose * sanctions" (SANCTION): in the passive the object stands
    // before the verb, the agent after "by".
    coded_by(
        "The ban on flights to Sulaimani was lifted by Turkey on Friday.",
        EventType::Concede,
        "Government of Turkey",
    );
    // An -ing form after "be" is no passive: "are fighting" reads no object before it.
    never_coded(
        "The sanctions are lifting prices across the region.",
        EventType::Concede,
    );
}

#[test]
fn the_end_of_a_country_s_name_is_no_verb_of_saying() {
    // Folded, "the united states and iraq signed …" holds "states": were it a verb of saying, the
    // United States would be the speaker and leave the signing.
    let m = coded_by(
        "The United States and Iraq signed a security agreement on Monday.",
        EventType::Agree,
        "United States",
    );
    assert_side(&m, "Government of Iraq", Some(Side::Source));
}

#[test]
fn a_participle_after_a_support_verb_s_noun_turns_on_that_noun() {
    // "carried out airstrikes on X, killing …": X is hit, as after "struck X, killing …".
    let m = coded_by(
        "Israel carried out airstrikes on Syrian army positions near Sweida, killing at least 10 soldiers.",
        EventType::Assault,
        "Government of Israel",
    );
    assert_no_actor(&m, |a| {
        a.side == Side::Source && a.country.as_deref() == Some("SYR")
    });
}

#[test]
fn a_time_told_from_the_happening_before_is_counted_from_its_date() {
    let ms = code(
        "Iraqi forces killed two militants near Kirkuk on Monday. A week earlier, Iraqi jets struck ISIS hideouts in the Hamrin mountains.",
    );
    let strike = ms
        .iter()
        .find(|m| m.evidence.sentence.starts_with("A week"));
    // Monday 10 March 2025 (the article is of 12 March): a week earlier is the week of 3 March.
    assert_eq!(
        strike.and_then(|m| m.date.value.as_deref()),
        Some("2025-W10"),
        "{ms:#?}"
    );
    // "On the same day", "later that day": the day of the happening before.
    let ms = code(
        "Iraqi forces killed two militants near Kirkuk on Monday. On the same day, Iraqi jets \
         struck ISIS hideouts in the Hamrin mountains. Later that day, gunmen attacked a \
         checkpoint in Tarmiyah.",
    );
    let days: Vec<_> = ms.iter().map(|m| m.date.value.as_deref()).collect();
    assert_eq!(days, [Some("2025-03-10"); 3], "{ms:#?}");
    // "Hours later", "hours after the shooting": the same day.
    let ms = code(
        "Gunmen shot dead two policemen in Kirkuk on Monday. Hours after the shooting, the army \
         imposed a curfew on the city. Hours later, police arrested three suspects.",
    );
    let days: Vec<_> = ms.iter().map(|m| m.date.value.as_deref()).collect();
    assert_eq!(days, [Some("2025-03-10"); 3], "{ms:#?}");
    // "By nightfall", "within minutes of the speech", "later that evening": the same day.
    let ms = code(
        "Gunmen shot dead two policemen in Kirkuk on Monday. Within minutes of the shooting, \
         police arrested three suspects. By nightfall, the army imposed a curfew on the city. \
         Later that evening, militants attacked a checkpoint in Tarmiyah.",
    );
    let days: Vec<_> = ms.iter().map(|m| m.date.value.as_deref()).collect();
    assert_eq!(days, [Some("2025-03-10"); 4], "{ms:#?}");
    // A happening told before, named as the time of this one: "during the sweep", "on the
    // sidelines of the visit".
    let ms = code(
        "Iraqi troops raided orchards north of Tarmiyah on Monday. Police arrested five suspects \
         during the sweep.",
    );
    let days: Vec<_> = ms.iter().map(|m| m.date.value.as_deref()).collect();
    assert_eq!(days, [Some("2025-03-10"); 2], "{ms:#?}");
    // A clause told from a time before it in its sentence: "two days after" the 13th is the 11th.
    let ms = code(
        "Protesters marched in Suwayda on March 8, two days after gunmen kidnapped a merchant \
         on the highway.",
    );
    let kidnapping = ms.iter().find(|m| m.event_type == EventType::Assault);
    assert_eq!(
        kidnapping.and_then(|m| m.date.value.as_deref()),
        Some("2025-03-06"),
        "{ms:#?}"
    );
    // A happening told before as the subject: the raid of Friday 7 March came two days after
    // the attack, which is of the 5th.
    let ms = code(
        "Turkish jets struck PKK positions in Sinjar on Friday. The raid came two days after \
         PKK fighters attacked a Turkish base in Duhok.",
    );
    let attack = ms.iter().find(|m| {
        m.event_type == EventType::Assault
            && m.actors
                .iter()
                .any(|a| a.side == Side::Source && a.name.contains("PKK"))
    });
    assert_eq!(
        attack.and_then(|m| m.date.value.as_deref()),
        Some("2025-03-05"),
        "{ms:#?}"
    );
    // Past a comma the main clause goes on: the arrests are of Monday.
    let ms = code("On Monday, two days after the attack, police arrested five suspects in Mosul.");
    let arrests = ms.iter().find(|m| m.event_type == EventType::Coerce);
    assert_eq!(
        arrests.and_then(|m| m.date.value.as_deref()),
        Some("2025-03-10"),
        "{ms:#?}"
    );
}

#[test]
fn a_happening_narrated_without_a_time_is_of_the_day_the_story_tells() {
    let day = |ms: &[EventMention], opening: &str| {
        (ms.iter())
            .find(|m| m.evidence.sentence.starts_with(opening))
            .map(|m| m.date.value.clone())
            .unwrap_or_else(|| panic!("no mention in {opening:?}: {ms:#?}"))
    };
    // News copy gives the day once: what follows in the past, of any kind and by anyone, happened
    // on it (Tuesday 11 March 2025; the article is of the 12th).
    let ms = code(
        "The governor of Basra visited the port on Tuesday. He urged the ministry to speed up \
         repairs.\n\nPolice also seized a truck of smuggled fuel at a checkpoint, officials said.",
    );
    assert_eq!(day(&ms, "He urged"), Some("2025-03-11".into()));
    assert_eq!(day(&ms, "Police also"), Some("2025-03-11".into()));
    // The day carries on from a happening it dated, paragraph after paragraph.
    let ms = code(
        "Turkish jets struck a village near Duhok on Tuesday.\n\nIraq condemned the strike as a \
         violation of its sovereignty.\n\nThe Kurdistan Regional Government urged Ankara to \
         respect the border.",
    );
    assert_eq!(day(&ms, "The Kurdistan"), Some("2025-03-11".into()));
    // Not the perfect, nor a past told in the present, nor from a bound ("since", "by"), nor a
    // happening told from the time of another ("days after").
    let ms = code(
        "Turkish jets struck PKK positions in Duhok on Tuesday. Iran has rejected the demand. \
         Officials say militants had attacked the base.",
    );
    assert_eq!(day(&ms, "Iran has"), None);
    assert_eq!(day(&ms, "Officials say"), None);
    let ms = code(
        "Aid deliveries have stalled since late May. Israel blocked the convoys, the agency said.",
    );
    assert_eq!(day(&ms, "Israel blocked"), None);
    let ms = code(
        "Troops raided a village near Hit on Tuesday. The raid comes only days after the prime \
         minister met US commanders in Baghdad.",
    );
    let meeting = ms.iter().find(|m| m.event_type == EventType::Consult);
    assert_eq!(meeting.map(|m| m.date.value.clone()), Some(None), "{ms:#?}");
}

#[test]
fn whom_a_verb_of_asking_asks_is_its_target_named_or_not() {
    let targets = |body: &str| -> Vec<String> {
        (code(body).iter())
            .filter(|m| m.event_type == EventType::Request)
            .flat_map(target_names)
            .collect()
    };
    assert_eq!(
        targets("Muqtada al-Sadr ordered his followers to leave the square on Monday."),
        ["his followers"]
    );
    assert_eq!(
        targets("The UN envoy called on all sides to return to talks."),
        ["all sides"]
    );
    // A name the dictionaries know stays theirs; a pronoun and a time are not a party.
    assert_eq!(
        targets("The minister urged Baghdad to release the detainees."),
        ["Government of Iraq"]
    );
    assert!(targets("Iraq's interior minister urged them to stay calm.").is_empty());
    assert!(targets("Iraq's interior minister asked on Monday to see the report.").is_empty());
    // Nor one asked by nobody named.
    assert!(targets("The cleric ordered his followers to leave the square.").is_empty());
}

/// Whom a harm struck is its target as printed when no dictionary names it: the verb's object,
/// or the passive's subject. Not what is seized, not objects coordinated, not a noun's
/// neighbour.
#[test]
fn whom_a_harm_struck_is_its_target_named_or_not() {
    let targets = |body: &str| -> Vec<String> {
        let ms = code(body);
        target_names(
            ms.first()
                .unwrap_or_else(|| panic!("a mention in {body:?}")),
        )
    };
    assert_eq!(
        targets("Border guards detained several people near Zakho on Monday."),
        ["several people"]
    );
    assert_eq!(
        targets("Gunmen shot dead a local councillor in Mosul on Monday."),
        ["a local councillor"]
    );
    assert_eq!(
        targets("Two brothers were kidnapped by gunmen near Amadiya on Monday."),
        ["Two brothers"]
    );
    assert!(targets("Police seized weapons in a raid in Basra on Monday.").is_empty());
    assert!(
        !targets("Militants fired rifles and grenades at a checkpoint on Monday.")
            .contains(&"rifles".to_owned())
    );
}

/// "Authorities" act on their own, as the state where the story is; "officials" alone do not.
#[test]
fn authorities_act_on_their_own() {
    let m = first_coded(
        "Report\n\nAuthorities imposed a curfew on the town of Tal Afar on Saturday night.\n",
        EventType::Coerce,
    );
    assert_source_country(&m, "IRQ");
    assert!(
        code("Report\n\nOfficials imposed a curfew on the town on Saturday night.\n").is_empty()
    );
}

/// An agent printed after a word that begins a longer agent phrase of the dictionary ("shiite
/// militia" in "Shiite militiamen") is still an agent.
#[test]
fn an_agent_is_found_past_a_longer_phrase_it_ends_inside() {
    let m = first_coded(
        "Report\n\nVillagers accused Shiite militiamen of burning homes near Tuz Khurmatu on \
         Wednesday.\n",
        EventType::Accuse,
    );
    assert_side(&m, "militiamen", Some(Side::Target));
}

#[test]
fn an_agreement_signed_is_agreed_whatever_its_modifiers() {
    each_first_coded(
        &[
            "Jordan and Iraq signed a 10-year energy framework agreement on Monday.",
            "Kuwait and Iraq signed a long-awaited maritime border deal in Baghdad.",
        ],
        EventType::Agree,
    );
}

#[test]
fn which_after_a_preposition_opens_a_relative_clause() {
    // The tagger's rules make "which" after a preposition a determiner; the clause it opens is
    // still background to the main verb, whose subject is the doer.
    let m = first_coded_of(
        "In March, ISIS militants stormed a prison in Hasakah, setting off days of clashes in \
         which dozens were killed.",
        EventType::Assault,
    );
    assert_eq!(
        side(&m, "Islamic State (ISIS)"),
        Some(Side::Source),
        "{m:#?}"
    );
}

#[test]
fn a_time_inside_a_clause_hides_no_trigger() {
    // "vowed to", "called on": phrases a time told between their words does not break.
    first_coded(
        "Hezbollah vowed on Sunday to avenge the commander.",
        EventType::Threaten,
    );
    first_coded(
        "The Arab League called Thursday on member states to cut ties with the regime.",
        EventType::Request,
    );
    // Nor does a time told from the happening before ("the next day", "the following week").
    let ms = code(
        "Gunmen shot dead a judge in Basra on Monday. The governor vowed the next day to hunt \
         down the killers.",
    );
    let vow = (ms.iter())
        .find(|m| m.event_type == EventType::Threaten)
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(
        vow.evidence.sentence.starts_with("The governor"),
        "{vow:#?}"
    );
}

#[test]
fn the_first_since_a_time_is_not_of_that_time() {
    // "his first visit since 2008" tells when the last one was.
    let ms = code(
        "King Abdullah of Jordan held talks in Baghdad on Monday, as he paid his first visit to \
         Iraq since 2008.",
    );
    let visits: Vec<_> = (ms.iter())
        .filter(|m| m.event_type == EventType::Consult)
        .map(|m| m.date.value.as_deref())
        .collect();
    assert!(!visits.is_empty(), "{ms:#?}");
    assert!(visits.iter().all(|d| *d == Some("2025-03-10")), "{ms:#?}");
}

#[test]
fn a_definite_title_refers_back_to_the_person_introduced_with_it() {
    let meeting = |body: &str| {
        let ms = code(body);
        (ms.iter())
            .find(|m| m.evidence.sentence.starts_with("The "))
            .cloned()
            .unwrap_or_else(|| panic!("{ms:#?}"))
    };
    let m = meeting(
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrived in Baghdad on Thursday. Iraqi \
         officials said the two countries would expand trade. The emir later met Prime Minister \
         Mohammed Shia al-Sudani.",
    );
    assert_eq!(
        side(&m, "Tamim bin Hamad Al Thani"),
        Some(Side::Source),
        "{m:#?}"
    );
    // The title may be part of what was read as the name.
    let m = meeting(
        "Jordan's King Abdullah II arrived in Baghdad on Monday. Iraqi officials said the two \
         countries would expand a pipeline. The king later met Prime Minister Mohammed Shia \
         al-Sudani.",
    );
    assert!(
        (m.actors.iter()).any(|a| a.side == Side::Source && a.name.starts_with("Abdullah")),
        "{m:#?}"
    );
    // A title nobody was introduced with refers to nobody: the president is no minister.
    let m = meeting(
        "Turkish President Recep Tayyip Erdogan arrived in Baghdad on Monday. Iraqi officials \
         said the two countries would expand trade. The minister later met Prime Minister \
         Mohammed Shia al-Sudani.",
    );
    assert_eq!(side(&m, "Recep Tayyip Erdogan"), None, "{m:#?}");
}

#[test]
fn denying_an_accusation_is_a_rejection() {
    // CAMEO 016 (deny responsibility), which the PLOVER manual suggests coding as REJECT.
    each_first_coded(
        &[
            "Hezbollah rejected the allegation on Monday.",
            "The Iraqi interior ministry denied the accusations.",
        ],
        EventType::Reject,
    );
}

#[test]
fn cooperation_refused_is_a_rejection() {
    // CAMEO 12: "will not accept", "did not agree to" refuse what the verb alone would grant.
    for body in [
        "Syria says it will not accept any more refugees from Iraq.",
        "Turkey will not withdraw its troops from northern Syria, the defence minister said.",
    ] {
        first_coded(body, EventType::Reject);
        never_coded(body, EventType::Agree);
        never_coded(body, EventType::Retreat);
    }
    // A negated attack is no rejection, and no attack.
    never_coded(
        "Turkish jets did not strike the camp on Monday.",
        EventType::Reject,
    );
}

/// A participle that heads no clause of its own, followed by "by", is a passive: its doer comes
/// after it.
#[test]
fn a_participle_followed_by_its_doer_is_a_passive() {
    let m = coded_from(
        "Report\n\nThousands of trucks are waiting at the border of Gaza, banned by Israeli \
         authorities since March.\n",
        EventType::Coerce,
        "ISR",
    );
    assert_side(&m, "Gaza", Some(Side::Target));
}

/// The dictionaries' names are names: printed without a capital they are the common words they
/// spell ("the poles", "the organization"), printed with one they are the actors.
#[test]
fn a_name_printed_in_lower_case_is_a_common_word() {
    let m = first_coded(
        "Report\n\nGunmen attacked the organization's offices near the poles of the power line \
         on Monday.\n",
        EventType::Assault,
    );
    // Whom they struck is printed as is, no dictionary's organisation or Poland.
    assert_eq!(
        names(&m),
        ["gunmen", "the organization's offices"],
        "{m:#?}"
    );
    coded_from(
        "Report\n\nPoles attacked the organization's offices on Monday.\n",
        EventType::Assault,
        "POL",
    );
}

/// Two of the dictionaries' groups that share one alias stay two groups: "al-Qaeda in Iraq" is
/// listed under both the Islamic State and al-Qaeda, which must not make al-Qaeda the Islamic
/// State.
#[test]
fn groups_sharing_an_alias_stay_apart() {
    let m = first_coded(
        "Report\n\nAl-Qaeda militants attacked a checkpoint in Yemen on Monday.\n",
        EventType::Assault,
    );
    assert_some_actor(&m, |a| a.side == Side::Source && a.name.contains("Qa"));
    assert_no_actor(&m, |a| a.name.contains("Islamic State"));
}

/// Punctuation ends a noun phrase: a country word and an agent on either side of a dash are no
/// country's agent ("CAIRO — Gunmen opened fire" are no Egyptian gunmen).
#[test]
fn a_dash_parts_a_country_word_from_an_agent() {
    let m = first_coded(
        "Report\n\nSYRIA – Gunmen opened fire on a checkpoint near Deir ez-Zor on Monday, \
         killing two soldiers.\n",
        EventType::Assault,
    );
    assert_side(&m, "gunmen", Some(Side::Source));
}

/// A people's name between the country's and the agent's makes the forces that people's, not the
/// state's: "Iraqi Kurdish forces" are the Peshmerga, "Syrian Kurdish fighters" the YPG.
#[test]
fn country_and_people_name_the_people_s_forces() {
    coded_by(
        "Report\n\nIraqi Kurdish forces withdrew from Makhmour on Monday.\n",
        EventType::Retreat,
        "Peshmerga",
    );
    coded_by(
        "Report\n\nSyrian Kurdish fighters shelled a Turkish border post on Monday.\n",
        EventType::Assault,
        "People's Protection Units (YPG)",
    );
}

/// What is said names its own subject even when no dictionary knows the name: the speaker of
/// "Reuters reported that Karwan Logistics agreed …" is not the one agreeing. A weekday is no name:
/// "Turkey said on Monday it would withdraw" is Turkey's.
#[test]
fn a_name_nobody_knows_after_a_verb_of_saying_is_its_own_subject() {
    let ms = code(
        "Report\n\nReuters reported on Sunday that Karwan Logistics agreed to withdraw its staff from \
         Basra.\n",
    );
    assert!(
        ms.iter().all(|m| side(m, "Reuters") != Some(Side::Source)),
        "{ms:#?}"
    );
    coded_from(
        "Report\n\nTurkey said on Monday it would withdraw its troops from Bashiqa.\n",
        EventType::Retreat,
        "TUR",
    );
}

/// A passive is a passive wherever its clause ends: "were killed." and "have been killed,
/// officials said" make the subject the one hit, as "were killed in Mosul" does. With its toll
/// counted such a report passes the default cut though nobody is named as the doer.
#[test]
fn a_passive_before_punctuation_keeps_its_subject_hit() {
    for body in [
        "Report\n\nThree Iraqi soldiers were killed.\n",
        "Report\n\nThree Iraqi soldiers have been killed, according to the Interior Ministry.\n",
        "Report\n\nThree Iraqi soldiers were killed in Mosul.\n",
    ] {
        let m = first_coded(body, EventType::Assault);
        assert!(targets_country(&m, "IRQ"), "{body}: {:?}", m.actors);
        assert!(
            m.confidence >= dateline_events::DEFAULT_MIN_CONFIDENCE,
            "{body}: {}",
            m.confidence
        );
        assert!(
            !m.actors
                .iter()
                .any(|a| named_source(a) && a.country.as_deref() == Some("IRQ")),
            "{body}: {:?}",
            m.actors
        );
    }
}

/// A harm suffered with no doer named ("were killed when …") is the happening of the "when"
/// clause after it, of the same kind: its subject did it, to whom its verb names after it.
#[test]
fn the_subject_of_a_when_clause_did_the_harm_suffered_before_it() {
    let m = coded_by(
        "Report\n\nFour Iraqi soldiers were killed when ISIS militants attacked an army post in \
         Kirkuk on Sunday.\n",
        EventType::Assault,
        "Islamic State (ISIS)",
    );
    assert!(targets_country(&m, "IRQ"), "{m:#?}");
    let m = coded_by(
        "Report\n\nTwo guards were wounded when gunmen opened fire on a Turkish patrol near \
         the border on Friday.\n",
        EventType::Assault,
        "gunmen",
    );
    assert!(targets_country(&m, "TUR"), "{m:#?}");
}

/// A trigger of several words that is a noun phrase ("joint operation") is a noun like any other:
/// after a finite verb of its clause it is that verb's circumstance or object, below its reading.
#[test]
fn a_noun_phrase_trigger_after_the_verb_ranks_below_it() {
    coded_by(
        "Report\n\nThe SDF announced on Sunday the arrest of three ISIS operatives in a joint \
         operation with the coalition in Deir Ezzor.\n",
        EventType::Coerce,
        "Syrian Democratic Forces (SDF)",
    );
}

/// A gerund after a determiner or a number, or before "of", is a noun: inside the clause of a
/// finite verb it ranks below that verb ("sentenced … for his role in the 2014 killing of
/// Yazidis" is the sentence, not a killing by the court).
#[test]
fn a_nominal_gerund_ranks_below_the_clause_s_verb() {
    let m = coded_by(
        "Report\n\nAn Iraqi court in Baghdad on Wednesday sentenced an ISIS member to death for \
         his role in the 2014 killing of Yazidis in Sinjar.\n",
        EventType::Sanction,
        "Iraq judiciary",
    );
    assert_ne!(m.date.value.as_deref(), Some("2014"), "{m:#?}");
}

/// The verb of a future marker of several words ("are expected to", "plans to") tells when the
/// verb after it happens: the dictionary's reading of "expect" (an agreement) is no happening.
#[test]
fn the_verb_of_a_future_marker_is_no_happening() {
    never_coded(
        "Report\n\nCoalition forces are expected to remain in Erbil until September 2026.\n",
        EventType::Agree,
    );
    never_coded(
        "Report\n\nCoalition forces are then expected to remain in Erbil until September 2026.\n",
        EventType::Agree,
    );
}

/// A participle between an article or a possessive and its noun describes the noun: "the agreed
/// schedule" reports no agreement.
#[test]
fn an_attributive_participle_is_no_happening() {
    never_coded(
        "Report\n\nAl-Sudani stressed that the transition must be completed in line with the \
         agreed schedule.\n",
        EventType::Agree,
    );
    coded_by(
        "Report\n\nIraq and the United States agreed on Monday on a schedule for the \
         transition.\n",
        EventType::Agree,
        "Government of Iraq",
    );
}

/// A support verb ("take", "make", "give": `[grammar] light_verbs`) means nothing alone: with no
/// dictionary pattern to give it its object, "took office" is no seizure.
#[test]
fn a_support_verb_without_its_pattern_is_no_happening() {
    never_coded(
        "Report\n\nWhen Kurdish governor Rebwar Taha took office earlier this year, residents \
         hoped the streets would finally be paved.\n",
        EventType::Coerce,
    );
}

/// Every country's name is a place after a locative, the dictionaries' countries as the hand
/// file's ("in Japan" is where, as "in Iraq" is); people placed in or from a state are its own
/// ("prosecutors in Sweden", "officials from Mexico"), unless armed.
#[test]
fn a_country_after_a_locative_is_where_and_places_its_people() {
    let m = first_coded(
        "Report\n\nGunmen attacked a bus in Japan on Monday.\n",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| {
        a.side == Side::Source && a.country.as_deref() == Some("JPN")
    });
    coded_from(
        "Report\n\nProsecutors in Sweden dropped an investigation into the allegation on \
         Tuesday.\n",
        EventType::Concede,
        "SWE",
    );
}

/// A capitalised word inside a run of capitalised words is part of a name ("the Basra Protest
/// Movement Coordination Committee", "the Rapid Support Forces"), not the sentence's happening;
/// in a headline, where every word of content is capitalised, the verb still reads.
#[test]
fn a_verb_inside_a_name_is_no_happening() {
    never_coded(
        "Report\n\nThe Basra Protest Movement Coordination Committee said on Sunday that the \
         governor had ignored its letters.\n",
        EventType::Protest,
    );
    never_coded(
        "Report\n\nNASA's Lunar Investigating Orbiter Mission is the agency's first since 1972.\n",
        EventType::Accuse,
    );
    first_coded(
        "Report\n\nIraqi Forces Kill Five Militants in Basra Raid\n",
        EventType::Assault,
    );
}

/// A modal of possibility before the verb ("could attack", "is likely to deploy") tells what
/// may happen (PLOVER's hypothetical mode): the mention stays, below the default cut. A harm
/// foreseen on a condition ("could launch an operation if …") is a threat made.
#[test]
fn what_may_happen_is_below_the_cut_unless_it_is_a_threat() {
    for body in [
        "Report\n\nIraqi forces could attack the town next week, officials said.\n",
        "Report\n\nTurkish troops may launch a new offensive against Kurdish militants in Syria.\n",
    ] {
        let m = first_coded(body, EventType::Assault);
        assert!(
            m.confidence < dateline_events::DEFAULT_MIN_CONFIDENCE,
            "{body}: {}",
            m.confidence
        );
    }
    let m = coded_from(
        "Report\n\nTurkey could launch a military operation in northern Iraq if the PKK does not \
         withdraw.\n",
        EventType::Threaten,
        "TUR",
    );
    assert!(
        m.confidence >= dateline_events::DEFAULT_MIN_CONFIDENCE,
        "{m:#?}"
    );
    never_coded(
        "Report\n\nIraq and Turkey could sign the water agreement next month if parliament \
         approves it.\n",
        EventType::Threaten,
    );
}

/// CAMEO files verbs of movement and perception ("gather", "face", "approach") under an
/// unspecified consultation (040): alone they are no meeting; a pattern ("arrived … for talks")
/// or a visit ("arrived in", "travelled to") still is one.
#[test]
fn a_verb_of_movement_alone_is_no_consultation() {
    never_coded(
        "Report\n\nThousands of Syrians fleeing the war gathered at the Jordanian border crossing \
         on Monday.\n",
        EventType::Consult,
    );
    never_coded(
        "Report\n\nThe Kurdish president faces a difficult election next year.\n",
        EventType::Consult,
    );
    coded_from(
        "Report\n\nThe Iraqi foreign minister arrived in Tehran for talks on Monday.\n",
        EventType::Consult,
        "IRQ",
    );
}

/// The field's office holders are named as news names people: in full once, then by surname
/// ("Robert Mugabe … Mugabe"); after a title ("President Mugabe") the surname names the one
/// person of the dictionaries who bears it, and nobody when several do ("Minister Hussein").
#[test]
fn an_office_holder_s_surname_names_him() {
    coded_by(
        "Report\n\nRobert Mugabe returned to Harare on Monday. On Tuesday Mugabe met the British \
         envoy.\n",
        EventType::Consult,
        "Robert Mugabe",
    );
    coded_by(
        "Report\n\nPresident Mugabe met the British envoy in Harare on Tuesday.\n",
        EventType::Consult,
        "Robert Mugabe",
    );
    let m = first_coded(
        "Report\n\nForeign Minister Hussein met the British envoy in Baghdad on Tuesday.\n",
        EventType::Consult,
    );
    assert!(
        !names(&m)
            .iter()
            .any(|n| *n == "Saddam Hussein" || *n == "Fuad Hussein"),
        "{:?}",
        m.actors
    );
}

/// Records made public ("a video", "the footage", "a letter": `[grammar] record_nouns`) are not
/// released or handed back as prisoners are: no material cooperation. People released still are.
#[test]
fn a_record_released_is_no_release() {
    for body in [
        "Report\n\nThe Islamic State released a video on Monday showing its fighters in Anbar.\n",
        "Report\n\nThe Iraqi army released the drone camera footage on Tuesday.\n",
    ] {
        never_coded(body, EventType::Retreat);
    }
    coded_from(
        "Report\n\nIraqi authorities released 20 detainees on Monday.\n",
        EventType::Retreat,
        "IRQ",
    );
}

/// A dictionary pattern reads its object in its own clause: "released the footage when officers
/// arrived" has no object "officers" (which would make it a release of persons).
#[test]
fn a_pattern_s_object_ends_at_a_subordinate_clause() {
    never_coded(
        "Report\n\nIraqi prosecutors released the footage on Monday when officers arrived at the \
         court.\n",
        EventType::Retreat,
    );
}

/// What a threat threatens is its content: "threatened to kill the hostages" is a threat (CAMEO
/// 13), not a killing, though "kill" outranks "threatened" as a trigger.
#[test]
fn the_content_of_a_threat_is_no_happening_of_its_clause() {
    let m = first_coded(
        "Report\n\nThe Islamic State threatened on Monday to kill the Iraqi hostages.\n",
        EventType::Threaten,
    );
    assert_side(&m, "Islamic State (ISIS)", Some(Side::Source));
    let body =
        "Report\n\nA gunman in Basra threatened to kill the governor, police said on Monday.\n";
    first_coded(body, EventType::Threaten);
    for m in code(body) {
        assert!(
            m.event_type != EventType::Assault
                || m.confidence < dateline_events::DEFAULT_MIN_CONFIDENCE,
            "{m:#?}"
        );
    }
}

/// PLOVER manual, MOBILIZE: "Joint military operations are coded as COOPERATE but
/// single-country exercises should be coded as MOBILIZE".
#[test]
fn joint_exercises_are_cooperation_and_one_country_s_a_mobilisation() {
    coded_from(
        "Report\n\nTurkish and Azerbaijani troops on Monday launched war games near the border.\n",
        EventType::Cooperate,
        "TUR",
    );
    never_coded(
        "Report\n\nTurkish and Azerbaijani troops on Monday launched war games near the border.\n",
        EventType::Mobilize,
    );
    coded_from(
        "Report\n\nTurkish troops on Monday launched war games near the Iraqi border.\n",
        EventType::Mobilize,
        "TUR",
    );
}

/// Forces sent somewhere are a move short of force (PLOVER MOBILIZE), in the passive too.
#[test]
fn troops_sent_in_are_a_mobilisation() {
    for body in [
        "Report\n\nIraqi reinforcements were sent into Kirkuk on Saturday evening.\n",
        "Report\n\nIraq sent reinforcements into Kirkuk on Saturday evening.\n",
    ] {
        coded_from(body, EventType::Mobilize, "IRQ");
    }
}

/// PLOVER manual, PROTEST: "Diplomatic protests ... are coded as ACCUSE 'disapprove'. PROTEST
/// presumes significant physical/material activity": a government protests in words; people
/// in the street protest.
#[test]
fn a_government_s_protest_is_an_accusation() {
    let m = coded_from(
        "Report\n\nThe Jordanian foreign ministry summoned the Syrian ambassador on Monday in \
         protest against the shelling.\n",
        EventType::Accuse,
        "JOR",
    );
    assert_eq!(m.mode.as_deref(), Some("disapprove"));
    coded_from(
        "Report\n\nHundreds of Jordanians protested in Amman on Monday against the shelling.\n",
        EventType::Protest,
        "JOR",
    );
}

/// The generic "you" of a quote ("you don't negotiate with kidnappers") says something of
/// anyone: no happening, no rejection by the speaker.
#[test]
fn the_generic_you_of_a_quote_is_no_happening() {
    let body = "Report\n\n\"You don't negotiate with kidnappers, you fight them,\" the Iraqi \
                interior minister said on Monday.\n";
    never_coded(body, EventType::Reject);
    never_coded(body, EventType::Assault);
}

/// A wire credit opening the story without a dash ("(Reuters) Iraqi police …", "MOSUL (AFP)
/// Iraqi police …") names the outlet and the dateline: neither acts in the first sentence.
#[test]
fn a_wire_credit_without_a_dash_is_no_actor() {
    for (body, dateline) in [
        (
            "(Reuters) Iraqi police arrested five men in Mosul on Monday.",
            None,
        ),
        (
            "MOSUL (AFP) Iraqi police arrested five men on Monday.",
            Some("MOSUL"),
        ),
    ] {
        let ms = CODER.mentions(&common::article("t", body, Some("2025-03-12"), dateline));
        let m = ms.first().expect("a mention");
        assert_eq!(m.event_type, EventType::Coerce, "{ms:#?}");
        assert_source_country(m, "IRQ");
        assert_no_actor(m, |a| {
            a.name == "Reuters" || a.name.contains("Agence") || a.name == "Government of Iraq"
        });
    }
}

/// The European Union's predecessor acts under its own names (the dictionaries lack them).
#[test]
fn the_european_community_is_an_actor() {
    coded_by(
        "Report\n\nThe European Economic Community imposed sanctions on Iraq on 4 August 1990.\n",
        EventType::Sanction,
        "European Community",
    );
}

/// The verb of a subject relative clause is done by the pronoun's antecedent ("crashes … that
/// killed", "the militia, which attacked"), never by a name earlier in the sentence.
#[test]
fn a_relative_clause_is_done_by_its_antecedent() {
    // The visit is the news; the explosion, background, is nobody's that the sentence names.
    let ms = code(
        "Report\n\nTurkish officials visited the market in Kirkuk days after an explosion near a \
         bakery that killed six people.\n",
    );
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Consult),
        "{ms:#?}"
    );
    for m in ms.iter().filter(|m| m.event_type == EventType::Assault) {
        assert_no_actor(m, |a| {
            a.side == Side::Source && a.country.as_deref() == Some("TUR")
        });
    }
    let strike = first_coded_of(
        "Report\n\nResidents said Turkish jets, which bombed a farm near Tal Afar on Monday, had \
         taken off from a base in Diyarbakir.\n",
        EventType::Assault,
    );
    assert_source_country(&strike, "TUR");
}

/// A subject interrupted by a clause set off with commas does the verb after it; the names
/// inside a non-restrictive relative or a participle with its agent only describe the subject.
/// One "backed by" its agent takes part in the doing (the samples' gold codes the backer).
#[test]
fn a_subject_interrupted_by_a_clause_does_the_verb_after_it() {
    let threat = first_coded_of(
        "Report\n\nIran, which accuses the Kurdistan Democratic Party of Iran of sheltering \
         militants, has threatened to strike bases near Koya.\n",
        EventType::Threaten,
    );
    assert_source_country(&threat, "IRN");
    let release = first_coded_of(
        "Report\n\nHamas, listed as a terrorist organisation by the United States and \
         Britain, said it would release two hostages on Friday.\n",
        // An announced release is the intention to yield (CAMEO 0353), AGREE.
        EventType::Agree,
    );
    assert_no_actor(&release, |a| {
        a.side == Side::Source && matches!(a.country.as_deref(), Some("USA" | "GBR"))
    });
    let raid = first_coded_of(
        "Report\n\nIraqi forces, backed by Turkish drones, raided a village near Sinjar on \
         Monday.\n",
        EventType::Assault,
    );
    assert_side(&raid, "Government of Turkey", Some(Side::Source));
}

/// A name's abbreviation in brackets does not turn its verb into a participle: "(OSCE) called
/// on" is the call, not the ceasefire asked for.
#[test]
fn a_verb_after_an_abbreviation_in_brackets_is_finite() {
    let ms = code(
        "Report\n\nThe Organization for Security and Co-operation in Europe (OSCE) called on \
         both sides to respect the ceasefire.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Request], "{ms:#?}");
    // Nor does a date between the subject and the verb: no reduced relative follows a date.
    let ms = code(
        "Report\n\nThe European Union on January 19 called on both sides to respect the \
         ceasefire.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Request], "{ms:#?}");
}

/// A reference back to a happening the article reported before, undated like it, is more of
/// that happening ("were wounded in the attack" tells its toll), not a lead the copy lost.
#[test]
fn a_reference_back_to_an_undated_happening_is_kept() {
    let ms = code(
        "Report\n\nGunmen stormed a police station in Tal Afar, police said.\n\nThree \
         policemen were wounded in the attack.\n",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.counts.injured == Some(3)),
        "{ms:#?}"
    );
    // With nothing before it to refer to, it is still dropped.
    let lost = code("Report\n\nThree policemen were wounded in the attack.\n");
    assert!(lost.is_empty(), "{lost:#?}");
}

/// A dictionary pattern's object stops at another verb in a tense of its own: "comes … after
/// Ankara lifted restrictions on flights to Erbil" is no coming to Erbil (CAMEO's "come ( to
/// )", a visit), it tells the lifting.
#[test]
fn a_pattern_s_object_stops_at_another_verb() {
    let ms = code(
        "Report\n\nThe row comes weeks after Ankara lifted a ban on flights to Sulaimani \
         airport.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Concede], "{ms:#?}");
}

/// Where an attack happened: a place after a locative, past a compass word printed in lower
/// case ("in northern Duhok"), or the town or site the attack's verb takes as its object
/// ("shelled Tuz Khurmatu", "targeted the Ain al-Asad air base"); never a place inside a longer
/// name ("the South China Sea").
#[test]
fn an_attack_is_placed_past_a_compass_word_or_at_its_object() {
    let place = |body: &str| {
        let m = first_coded(body, EventType::Assault);
        m.place.map(|p| p.name)
    };
    assert_eq!(
        place("Report\n\nTurkish drones struck a village in northern Duhok on Monday, killing two people.\n")
            .as_deref(),
        Some("Duhok")
    );
    assert_eq!(
        place("Report\n\nMilitants shelled Tuz Khurmatu on Monday, killing two civilians.\n")
            .as_deref(),
        Some("Tuz Khurmatu")
    );
    assert_eq!(
        place("Report\n\nA drone attack targeted the Ain al-Asad air base on Monday, killing one soldier.\n")
            .as_deref(),
        Some("Ain al-Asad Air Base")
    );
    assert_eq!(
        place(
            "Report\n\nChinese ships rammed a Philippine boat in the South China Sea on Monday, injuring four sailors.\n"
        ),
        None
    );
}

/// A clause of place or time after a comma (", where") tells a happening of its own: the
/// meeting and the agreement signed at it are two.
#[test]
fn a_where_clause_tells_its_own_happening() {
    let body = "Report\n\nEgyptian President Abdel Fattah al-Sisi received Jordan's King \
                Abdullah II at the presidential palace on Sunday, where the two leaders signed \
                a trade agreement.\n";
    let meet = first_coded(body, EventType::Consult);
    assert_source_country(&meet, "EGY");
    let deal = first_coded_of(body, EventType::Agree);
    assert_source_country(&deal, "EGY");
}

/// A happening noun that is the object of a plan is an intention, not a happening: the arrest
/// is coded, the bombings planned are not.
#[test]
fn a_planned_happening_is_no_happening() {
    let ms = code(
        "Report\n\nPolice said on Monday they had detained four men accused of planning \
         attacks on a power station in Karbala.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Coerce], "{ms:#?}");
}

/// Generic agents Phoenix lacks come from a supplement in its format: "opposition lawmakers"
/// act as the opposition, as Phoenix's "opposition MPs" do.
#[test]
fn supplement_agents_act() {
    let m = first_coded(
        "Report\n\nOpposition lawmakers in Baghdad criticised the budget on Monday.\n",
        EventType::Accuse,
    );
    assert_some_actor(&m, |a| {
        a.side == Side::Source && a.sector.as_deref() == Some("opposition")
    });
    // A faction is never a state's government: "Syrian factions" are Syria's armed
    // opposition (Phoenix codes "opposition faction" [~OPP], "guerilla faction" [~REB]).
    let m = first_coded(
        "Report\n\nTurkish troops and allied Syrian factions shelled villages near Tal Tamr on \
         Sunday.\n",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| a.name == "Government of Syria");
    assert_source_country(&m, "TUR");
    assert_some_actor(&m, |a| a.country.as_deref() == Some("SYR"));
}

/// A possessive before a generic agent makes it the state named last in the sentence: "its
/// troops" are Turkey's.
#[test]
fn a_possessed_agent_is_the_state_s() {
    let m = first_coded(
        "Report\n\nTurkey said on Monday that its troops had killed three PKK militants near \
         Zakho.\n",
        EventType::Assault,
    );
    assert_side(&m, "Turkey military", Some(Side::Source));
}

/// "but" before a verb coordinates a second verb phrase of the same subject, as "and" does: the
/// denial is the ministry's, not the agency's named before it.
#[test]
fn but_coordinates_verb_phrases_of_one_subject() {
    let m = first_coded_of(
        "Report\n\nIran's foreign ministry said it would cooperate with the IAEA but denied \
         that Iranian scientists had enriched uranium beyond agreed limits.\n",
        EventType::Reject,
    );
    assert_source_country(&m, "IRN");
}

/// A sentence has a verb in a tense: a past form after its subject, with none after it and no
/// doer after "by", is that verb ("retaliated by striking"), not a participle.
#[test]
fn a_sentence_s_sole_past_form_is_its_verb() {
    coded_from(
        "Report\n\nThe Turkish army retaliated by striking more than 20 PKK targets near \
         Avashin.\n",
        EventType::Assault,
        "TUR",
    );
}

/// The names after a participle of saying (", saying …") are what is said, not the main verb's
/// participants.
#[test]
fn names_after_saying_are_what_is_said() {
    let m = first_coded_of(
        "Report\n\nAmnesty International criticised the verdict on Tuesday, saying the \
         defendants had no access to lawyers of the Egyptian bar.\n",
        EventType::Accuse,
    );
    assert_no_actor(&m, |a| a.country.as_deref() == Some("EGY"));
}

/// A pronoun subject stands for a name before the sentence: the clause takes no participant
/// from the clauses after it ("He vowed …, but the BBC's editor said …").
#[test]
fn a_pronoun_subject_takes_no_participant_from_a_later_clause() {
    let body = "Report\n\nIraqi Prime Minister Mohammed Shia al-Sudani met tribal leaders in \
                Ramadi on Monday.\n\nHe vowed to rebuild the bridge, but the work had not begun \
                when Turkish engineers arrived.\n";
    assert_source_country(&first_coded(body, EventType::Consult), "IRQ");
    let vow = first_coded_of(body, EventType::Threaten);
    assert_no_actor(&vow, |a| a.country.as_deref() == Some("TUR"));
}

/// The one a pronoun subject stands for suffers a passive verb ("He was arrested").
#[test]
fn a_pronoun_subject_of_a_passive_is_the_target() {
    let m = first_coded(
        "Report\n\nSaddam Hussein appeared on television on Sunday.\n\nHe was arrested near \
         Tikrit on 13 December 2003.\n",
        EventType::Coerce,
    );
    assert_side(&m, "Saddam Hussein", Some(Side::Target));
}

/// Why a source is not named is reporting furniture: "asked" there is no request, "not
/// authorised" no rejection.
#[test]
fn a_source_s_anonymity_is_no_happening() {
    let body = "Report\n\nGunmen attacked a checkpoint near Tuz Khurmatu on Monday, a police \
                officer who asked not to be named told Rudaw.\n\nAbout 200 soldiers left the \
                camp near Mosul last week, according to two Kurdish officers who spoke on \
                condition of anonymity because they were not authorised to brief reporters.\n";
    let ms = code(body);
    assert_eq!(ms.first().map(|m| m.event_type), Some(EventType::Assault));
    for m in &ms {
        assert!(
            !matches!(m.event_type, EventType::Request | EventType::Reject),
            "{m:#?}"
        );
    }
}

/// Any country is a place after a locative ("in Serbia"), and people named by what they are
/// with no country of their own are of the country where they act, as the field codes them; a
/// country's own name stays the state elsewhere ("the Ivory Coast's Supreme Court").
#[test]
fn people_are_of_the_country_where_they_act() {
    let m = first_coded(
        "Report\n\nTeachers protested in Serbia on Tuesday against unpaid salaries.\n",
        EventType::Protest,
    );
    assert_eq!(m.place.as_ref().map(|p| p.name.as_str()), Some("Serbia"));
    assert_source_country(&m, "SRB");
    // Armed agents are often another state's: where they act says nothing of whose they are.
    let m = first_coded(
        "Report\n\nGunmen attacked a checkpoint in Lebanon on Tuesday.\n",
        EventType::Assault,
    );
    assert_no_actor(&m, |a| a.side == Side::Source && a.country.is_some());
    coded_from(
        "Report\n\nThe Ivory Coast's Supreme Court allowed Alassane Ouattara to run on Tuesday.\n",
        EventType::Concede,
        "CIV",
    );
}

/// A person the lexicon lacks, named in full with a title ("General Kevin Walker"), is named by
/// surname after ("General Walker"), and that surname then names nobody else of the lexicon.
#[test]
fn a_person_the_lexicon_lacks_keeps_their_surname() {
    let body = "Report\n\nIraqi Prime Minister Mohamed Shia Al-Abadi met General Kevin Walker in \
                Baghdad on Monday.\n\nA week later, Al-Abadi accused General Walker of ignoring \
                the request.\n";
    let m = first_coded_of(body, EventType::Accuse);
    assert_side(&m, "Mohamed Shia Al-Abadi", Some(Side::Source));
    assert_side(&m, "Kevin Walker", Some(Side::Target));
}

/// A title before a bare word names the lexicon's only bearer of it unless the article prints the
/// word inside another person's name ("President Yoon Suk Yeol … President Yoon").
#[test]
fn a_titled_surname_is_not_the_lexicon_s_when_the_article_names_another() {
    let body = "Report\n\nSouth Korean President Yoon Suk Yeol declared martial law on Tuesday.\n\n\
                President Yoon accused the opposition of treason on Wednesday.\n";
    for m in code(body) {
        assert_no_actor(&m, |a| a.name == "Byun Do Yoon");
    }
}

/// A title printed right before another person's name is that person's ("Iraqi Prime Minister
/// Mohamed Shia Al-Abadi"), not a mention of whoever held the post on the article's date.
#[test]
fn a_title_before_a_name_is_that_person_s() {
    let m = first_coded(
        "Report\n\nIraqi Prime Minister Mohamed Shia Al-Abadi met General Kevin Walker in \
         Baghdad on Monday.\n",
        EventType::Consult,
    );
    assert_side(&m, "Mohamed Shia Al-Abadi", Some(Side::Source));
    assert_no_actor(&m, |a| a.name == "Mohammed Shia al-Sudani");
}

/// "I" and "we" in a quotation are its speaker, named after it or before it.
#[test]
fn the_first_person_of_a_quotation_is_its_speaker() {
    let m = first_coded(
        "Report\n\n\"We condemn this attack on our sovereignty,\" Iraqi Foreign Minister Fuad \
         Hussein said on Monday.\n",
        EventType::Accuse,
    );
    assert_side(&m, "Fuad Hussein", Some(Side::Source));
    let m = first_coded(
        "Report\n\nInterior Ministry spokesman Miqdad al-Hamdani said: \"We arrested the cell \
         that planned the bombing.\"\n",
        EventType::Coerce,
    );
    assert_side(&m, "Miqdad al-Hamdani", Some(Side::Source));
    // Spoken by "he", it is the person named before; "and I" opens a clause of the same
    // speaker; "I urge" is a request as "urged" is.
    let m = first_coded_of(
        "Report\n\nJordan's King Abdullah II met envoys in Amman on Monday.\n\n\"I am \
         grateful, and I call on everyone to show restraint,\" he said in a recorded message.\n",
        EventType::Request,
    );
    assert_side(&m, "Abdullah II", Some(Side::Source));
    let m = first_coded_of(
        "Report\n\nJordan's King Abdullah II met envoys in Amman on Monday.\n\n\"I urge all \
         sides to show restraint,\" he said.\n",
        EventType::Request,
    );
    assert_side(&m, "Abdullah II", Some(Side::Source));
}

/// A body formed to investigate is an investigation (CAMEO 090), whatever forming it reads as.
#[test]
fn a_committee_formed_to_investigate_is_an_investigation() {
    each_first_coded(
        &[
            "Lebanon's judiciary set up a committee on Monday to investigate the port blast.",
            "A commission of judges was formed on Monday to investigate the killings in Basra.",
        ],
        EventType::Accuse,
    );
}

/// Who survived an attack suffered it.
#[test]
fn who_survived_an_attack_suffered_it() {
    let m = first_coded(
        "Report\n\nJordan's King Abdullah II survived a rocket attack on his convoy on Monday.\n",
        EventType::Assault,
    );
    assert_side(&m, "Abdullah II", Some(Side::Target));
}

/// An adviser's office and a cleric's rank are titles too: the names after them are people.
#[test]
fn an_adviser_and_an_ayatollah_are_titled_people() {
    let m = first_coded(
        "Report\n\nNational Security Adviser Qasim al-Dulaimi visited the camp on Wednesday.\n",
        EventType::Consult,
    );
    assert_side(&m, "Qasim al-Dulaimi", Some(Side::Source));
    let m = first_coded(
        "Report\n\nGrand Ayatollah Hussein al-Najafi urged parliament to withdraw confidence \
         from the government.\n",
        EventType::Request,
    );
    assert_side(&m, "Hussein al-Najafi", Some(Side::Source));
}

/// CAMEO's `:B` codes read only the reverse happening: the subject of "faced criticism" [:111],
/// "faces charges" [:112] is criticised, charged.
#[test]
fn a_reverse_code_makes_the_subject_the_target() {
    let m = first_coded(
        "Report\n\nTurkey faced criticism from the European Union on Monday.\n",
        EventType::Accuse,
    );
    assert_side(&m, "Government of Turkey", Some(Side::Target));
    // Its doer follows "from", as a passive's follows "by".
    assert_side(&m, "European Union", Some(Side::Source));
    // Announced, it is still suffered: "will appear before a court" [:173] is no intention.
    let m = first_coded(
        "Report

Former Iraqi Interior Minister Jawad al-Bolani will appear before a court in \
         Baghdad on Sunday.
",
        EventType::Coerce,
    );
    assert_side(&m, "Jawad al-Bolani", Some(Side::Target));
}

/// Scare quotes around a verb do not hide it from the patterns that read it with its object
/// (Turkey's defence ministry writes of fighters "neutralised").
#[test]
fn a_verb_in_scare_quotes_is_read() {
    let m = first_coded(
        "Report\n\nTurkey's defence ministry said its forces had \"neutralised\" 14 militants in \
         northern Iraq over the past week.\n",
        EventType::Assault,
    );
    assert_side(&m, "militants", Some(Side::Target));
}

/// A pattern's noun past another noun's "of" belongs to that noun's group: "called for the
/// lifting of sanctions" asks for them to end, it threatens none (CAMEO "call ( for sanctions )").
#[test]
fn a_noun_nested_after_of_is_not_the_pattern_s() {
    let ms = code(
        "Report\n\nSaudi Arabia has called for the lifting of Western sanctions imposed on \
         Damascus.\n",
    );
    assert!(!types_of(&ms).contains(&EventType::Threaten), "{ms:#?}");
    // The pattern still reads its noun after a measure of it, and after its own preposition.
    let m = first_coded(
        "Report\n\nThe United Nations will provide nearly 25,000 tons of emergency food aid to \
         refugees in Liberia.\n",
        EventType::Agree,
    );
    assert_side(&m, "United Nations", Some(Side::Source));
    let ms = code("Report\n\nFrance has called for sanctions against Iran.\n");
    assert!(types_of(&ms).contains(&EventType::Threaten), "{ms:#?}");
}

/// A negation does not reach back past a comma: the clause interrupting the subject is negated,
/// the verb after it is not.
#[test]
fn a_negation_stays_in_its_clause() {
    let m = first_coded(
        "Report\n\nThe man, whose name was not released, was arrested in Kirkuk on Sunday by the \
         Iraqi police.\n",
        EventType::Coerce,
    );
    assert_eq!(m.mode.as_deref(), Some("arrest"), "{m:#?}");
}

/// A participle after a noun that a preposition governs is a reduced relative ("in exchange for
/// prisoners freed by Israel"): background to the clause, not its happening.
#[test]
fn a_participle_after_a_governed_noun_is_background() {
    let m = first_coded(
        "Report\n\nHamas on Saturday released three Israeli hostages in Khan Younis, in exchange \
         for 183 Palestinian prisoners freed by Israel.\n",
        EventType::Retreat,
    );
    assert_side(&m, "Hamas", Some(Side::Source));
}

/// A place name joined by a hyphen to the word after it qualifies that word ("Iran-aligned
/// factions"): it says where nothing happened.
#[test]
fn a_name_in_a_hyphenated_modifier_is_no_place() {
    let m = first_coded(
        "Report\n\nWashington has blamed the strikes on Iran-aligned armed factions.\n",
        EventType::Accuse,
    );
    assert!(m.place.is_none(), "{m:#?}");
}

/// A harm suffered "in a Turkish drone strike", "in an ISIS attack" was done by the names that
/// qualify the noun of that happening.
#[test]
fn a_passive_harm_in_a_named_attack_is_that_attacker_s() {
    for (body, doer) in [
        (
            "Report\n\nThree PKK militants were killed in a Turkish drone strike near Sinjar on \
             Monday.\n",
            "TUR",
        ),
        (
            "Report\n\nTwo soldiers were killed in an ISIS attack on their post in Kirkuk on \
             Sunday.\n",
            "Islamic State (ISIS)",
        ),
    ] {
        let m = first_coded(body, EventType::Assault);
        assert_some_actor(&m, |a| {
            a.side == Side::Source && (a.name == doer || a.country.as_deref() == Some(doer))
        });
        assert_no_actor(&m, |a| a.name == dateline_events::UNIDENTIFIED);
    }
}

/// A time inside another clause's relative clause dates that clause's happening: the meeting
/// below has no date of its own, whatever day the hosting happened.
#[test]
fn a_relative_clause_s_time_is_not_the_main_clause_s() {
    let m = first_coded_of(
        "Report\n\nThe Popular Mobilization Forces denied involvement in the attack on the Khor \
         Mor gas field, which halted production on Thursday.\n",
        EventType::Reject,
    );
    assert_eq!(m.date.value, None, "{m:#?}");
    // The happening inside the relative clause keeps it.
    let m = first_coded_of(
        "Report\n\nThe SDF said the camp was used by militants, who killed three guards near \
         the al-Omar oil field on Thursday.\n",
        EventType::Assault,
    );
    assert!(m.date.value.is_some(), "{m:#?}");
}

/// PLOVER manual: the release of prisoners is RETREAT, a rescue ("Police in Barcelona freed 10
/// human trafficking victims") AID: who frees prisoners held them.
#[test]
fn freeing_prisoners_is_a_release_and_freeing_victims_a_rescue() {
    let m = first_coded(
        "Report\n\nThe Syrian government freed 200 detainees held in Sednaya prison on Monday.\n",
        EventType::Retreat,
    );
    assert_eq!(m.mode.as_deref(), Some("release"), "{m:#?}");
    first_coded(
        "Report\n\nPolice in Baghdad freed 10 human trafficking victims during an operation on \
         Monday.\n",
        EventType::Aid,
    );
}

/// A host's guest is the verb's object: "welcomed the Saudi foreign minister" is a visit
/// hosted; "welcomed the agreement between Baghdad and Erbil" and "welcomed Iraq's decision"
/// welcome a thing (CAMEO 051, SUPPORT), the names only its parties or its owner.
#[test]
fn a_host_s_guest_is_the_object_not_a_name_after_it() {
    let m = first_coded(
        "Report\n\nIraqi President Abdul Latif Rashid welcomed the Saudi foreign minister in \
         Baghdad on Sunday.\n",
        EventType::Consult,
    );
    assert_side(&m, "Abdul Latif Rashid", Some(Side::Source));
    let m = first_coded(
        "Report\n\nIraqi Prime Minister Mohammed Shia al-Sudani received on Wednesday the new \
         commander of the US-led coalition, his office said.\n",
        EventType::Consult,
    );
    assert_side(&m, "Mohammed Shia al-Sudani", Some(Side::Source));
    // In the passive the host follows "by".
    let m = first_coded_of(
        "Report\n\nThe Iraqi delegation was hosted by Chinese Foreign Minister Wang Yi in \
         Beijing on Monday.\n",
        EventType::Consult,
    );
    assert_some_actor(&m, |a| {
        a.side == Side::Source && a.country.as_deref() == Some("CHN")
    });
    for sentence in [
        "The United Nations welcomed the agreement between Baghdad and Erbil on Sunday.",
        "The European Union welcomed Iraq's decision to hold early elections.",
    ] {
        let body = format!("Report\n\n{sentence}\n");
        never_coded(&body, EventType::Consult);
        first_coded_of(&body, EventType::Support);
    }
}

/// A harm a natural hazard does is nobody's doing: the field codes what actors do. A doer
/// named beside the hazard still acts.
#[test]
fn a_natural_hazard_s_harm_is_no_event() {
    for sentence in [
        "The earthquake that struck southern Turkey before dawn on Feb. 6 has killed more than \
         35,000 people.",
        "Four people were killed in the floods in Duhok province on Tuesday.",
    ] {
        never_coded(&format!("Report\n\n{sentence}\n"), EventType::Assault);
    }
    let m = first_coded_of(
        "Report\n\nIslamic State militants killed two soldiers near Kirkuk on Tuesday, days \
         after floods hit the province.\n",
        EventType::Assault,
    );
    assert_eq!(m.counts.killed, Some(2));
}

/// Denying one's part in a happening reports the denial (CAMEO 016, which PLOVER does not
/// code), not the happening as the denier's; claiming it makes it theirs.
#[test]
fn denying_a_part_in_an_attack_is_not_the_attack() {
    for sentence in [
        "Kataib Hezbollah denied involvement in the Taji attack on Monday.",
        "The militia has denied any role in the bombing of the convoy.",
    ] {
        never_coded(&format!("Report\n\n{sentence}\n"), EventType::Assault);
    }
    coded_by(
        "Report\n\nIslamic State claimed responsibility for the attack on Friday.\n",
        EventType::Assault,
        "Islamic State (ISIS)",
    );
}

/// A happening scheduled for its subject ("is due to visit", "is expected to meet") is
/// announced, not done: an intention (CAMEO 036, AGREE), like "will visit".
#[test]
fn a_scheduled_happening_is_an_intention() {
    for sentence in [
        "Pezeshkian is due to visit Erbil on Friday.",
        "Sudani is expected to meet Erdogan in Ankara next week.",
    ] {
        let body = format!("Report\n\n{sentence}\n");
        never_coded(&body, EventType::Consult);
        let m = first_coded_of(&body, EventType::Agree);
        assert_eq!(m.mode.as_deref(), Some("intent"), "{sentence}");
    }
}

/// The Holy See is a state actor the Phoenix dictionaries lack, and the pope its head.
#[test]
fn the_pope_speaks_for_the_holy_see() {
    let m = coded_by(
        "Report\n\nPope Francis, who is due to visit Iraq in March, condemned the bombing.\n",
        EventType::Accuse,
        "Pope Francis",
    );
    assert_source_country(&m, "VAT");
}

/// The subject's own people are no target of its doing: "its ambassador", "its troops".
#[test]
fn the_subject_s_own_people_are_no_target() {
    for (sentence, kind) in [
        (
            "Kuwait recalled its ambassador from Beirut on Saturday.",
            EventType::Sanction,
        ),
        (
            "Turkey withdrew its troops from the base on Monday.",
            EventType::Retreat,
        ),
    ] {
        let m = first_coded_of(&format!("Report\n\n{sentence}\n"), kind);
        let source = m.actors.iter().find(|a| a.side == Side::Source);
        let source = source.and_then(|a| a.country.clone());
        assert!(source.is_some(), "{sentence}: {:?}", m.actors);
        assert_no_actor(&m, |a| a.side == Side::Target && a.country == source);
    }
}

/// A present participle after a noun a preposition governs describes that noun ("comments by a
/// minister criticising the war"): the clause's own happening is its finite verb.
#[test]
fn a_participle_describing_a_governed_noun_is_background() {
    let m = first_coded_of(
        "Report\n\nKuwait and the United Arab Emirates on Saturday recalled their ambassadors \
         from Beirut, joining Saudi Arabia and Bahrain in a deepening diplomatic row with Lebanon \
         over comments by a Lebanese minister criticising the Saudi-led military intervention in \
         Yemen.\n",
        EventType::Sanction,
    );
    assert_side(&m, "Government of Kuwait", Some(Side::Source));
}

/// A passive's doer may follow the adjuncts of place and time ("was shot dead outside his home
/// … on Monday night, by gunmen"), but not from a relative clause between.
#[test]
fn a_passive_s_doer_follows_its_adjuncts() {
    let m = first_coded(
        "Report\n\nThe journalist was shot dead outside his home in the Karrada district of \
         Baghdad on Monday night by gunmen on a motorcycle.\n",
        EventType::Assault,
    );
    assert_side(&m, "gunmen", Some(Side::Source));
}

/// Happenings told as repeated ("has repeatedly struck") take no neighbour's date: the
/// one-off told next is another happening.
#[test]
fn happenings_repeated_take_no_neighbour_s_date() {
    let ms = code(
        "Report\n\nIran has repeatedly struck Kurdish opposition groups in northern Iraq with \
         missiles and drones. In January, the Revolutionary Guards fired missiles at a building \
         in Erbil, killing four civilians.\n",
    );
    let repeated = (ms.iter())
        .find(|m| m.evidence.sentence.contains("repeatedly"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(repeated.date.value, None, "{:?}", repeated.date);
    let one_off = (ms.iter())
        .find(|m| m.evidence.sentence.starts_with("In January"))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(one_off.date.value.is_some());
}

/// A nationality word joined to the Arabic article is a nisba, part of a person's name: "Sajjad
/// al-Iraqi" is nobody's government.
#[test]
fn a_nisba_is_part_of_a_name() {
    let ms = code(
        "Report\n\nGunmen kidnapped the activist Sajjad al-Iraqi near Nasiriyah on Saturday.\n",
    );
    let m = (ms.iter())
        .find(|m| m.event_type == EventType::Assault)
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_no_actor(m, |a| a.name == "Government of Iraq");
}

/// A compound adjective may stand between a locative and its place ("to government-held
/// Aleppo", "in war-torn Syria"), as "western" does.
#[test]
fn a_compound_adjective_before_a_place_keeps_it() {
    let m = first_coded(
        "Report\n\nSaudi Arabia sent humanitarian aid to government-held Aleppo on Tuesday, in \
         a gesture towards Damascus.\n",
        EventType::Aid,
    );
    assert_eq!(m.place.as_ref().map(|p| p.name.as_str()), Some("Aleppo"));
}

/// Iraq's Fatah Alliance is not Palestine's Fatah: the longer name is the region's party.
#[test]
fn iraq_s_fatah_alliance_is_iraqi() {
    coded_from(
        "Report\n\nThe Fatah Alliance rejected the election results on Monday.\n",
        EventType::Reject,
        "IRQ",
    );
}

/// Who is asked stands before the infinitive; whom the thing asked concerns is no target of
/// the request. A coordinated verb phrase shares its subject, not the object before it.
#[test]
fn who_is_asked_is_the_object_before_the_infinitive() {
    let m = first_coded_of(
        "Report\n\nPezeshkian urged Islamic countries to cut economic ties with Israel.\n",
        EventType::Request,
    );
    assert_side(&m, "Government of Israel", None);
    let m = first_coded_of(
        "Report\n\nIraq called on Turkey to withdraw its troops from Bashiqa.\n",
        EventType::Request,
    );
    assert_side(&m, "Government of Turkey", Some(Side::Target));
    let m = first_coded_of(
        "Report\n\nPrime Minister Mustafa al-Kadhimi congratulated Mohammed al-Halbousi and \
         called on parliament to elect a president.\n",
        EventType::Request,
    );
    assert_side(&m, "Mustafa al-Kadhimi", Some(Side::Source));
    assert_side(&m, "Mohammed al-Halbousi", None);
}

/// The speaker does not suffer what it reports in the passive.
#[test]
fn the_speaker_is_not_the_patient_of_a_reported_passive() {
    let m = first_coded(
        "Report\n\nA police source told Shafaq News that two men had been detained in Nasiriyah \
         on Sunday.\n",
        EventType::Coerce,
    );
    assert_side(&m, "police", None);
    // Its own members are its own to report.
    let m = first_coded(
        "Report\n\nThe Internal Security Forces said 52 of its members were injured in clashes \
         with protesters in Beirut.\n",
        EventType::Assault,
    );
    assert_some_actor(&m, |a| a.side == Side::Target);
}

/// A Phoenix entry is not merged into a hand entry of another country for one shared spelling:
/// Yemen's capital "Sana" is not Syria's news agency SANA.
#[test]
fn yemen_is_not_syria_for_one_shared_spelling() {
    coded_from(
        "Report\n\nYemeni officials condemned the attack on Monday.\n",
        EventType::Accuse,
        "YEM",
    );
    coded_from(
        "Report\n\nThe state news agency SANA accused Israel of striking Damascus.\n",
        EventType::Accuse,
        "SYR",
    );
}

/// Kuwait's emirs are Kuwaiti, not Malaysia's state of Sabah.
#[test]
fn kuwait_s_emir_is_kuwaiti() {
    let m = first_coded_of(
        "Report\n\nQatar's emir received a telephone call from Sheikh Sabah al-Ahmad al-Sabah on \
         Monday.\n",
        EventType::Consult,
    );
    assert_some_actor(&m, |a| a.country.as_deref() == Some("KWT"));
    assert_no_actor(&m, |a| a.country.as_deref() == Some("MYS"));
}

/// "fired tear gas": taggers read "tear" as a verb, yet the past form before it is the
/// clause's verb; a phrase fronted up to a comma has its own verbs ("Soon after he spoke,").
#[test]
fn firing_tear_gas_is_the_clause_s_verb() {
    for sentence in [
        "Outside Ofer, Israeli troops fired tear gas to disperse Palestinians who had gathered \
         near the prison gates, witnesses said.",
        "Soon after he spoke, riot police fired tear gas and water cannon to disperse \
         protesters in central Beirut.",
    ] {
        let m = first_coded_of(&format!("Report\n\n{sentence}\n"), EventType::Assault);
        assert_some_actor(&m, |a| a.side == Side::Source);
    }
}

/// The day in a wire dateline is the filing's, not the happening's.
#[test]
fn a_dateline_s_day_dates_no_happening() {
    let ms = code(
        "DUBAI, Nov 19 (AP) - Yemen's Houthi rebels seized a cargo ship in the Red Sea.\n\n\
         The ship's crew of 25 was taken to the port of Hodeidah.\n",
    );
    let m = (ms.iter())
        .find(|m| m.event_type == EventType::Coerce)
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(m.date.raw, None, "{:?}", m.date);
    let ms = code(
        "BAGHDAD, Jan 22 (Reuters) - Two suicide bombers blew themselves up in a market in \
         central Baghdad on Thursday, killing 32 people.\n",
    );
    assert_eq!(
        ms[0].date.raw.as_deref(),
        Some("on Thursday"),
        "{:?}",
        ms[0].date
    );
}

/// A relative clause without its pronoun ("hostages held in Gaza") ends where a clause with
/// its own subject and verb begins ("and Israel released 39 prisoners"): that verb is no
/// background.
#[test]
fn a_reduced_relative_ends_at_a_clause_of_its_own() {
    first_coded_of(
        "Report\n\nHamas freed 24 hostages held in Gaza on Friday and Israel released 39 \
         Palestinian prisoners from its jails.\n",
        EventType::Retreat,
    );
}

/// "after", "before", "as" and "once" open a clause when a verb with a tense of its own follows:
/// beside the sentence's own verb that clause is background, and a participle after it tells
/// more of the same; with no happening in the main clause it is the news.
#[test]
fn a_preposition_opening_a_clause_tells_background() {
    let m = first_coded(
        "Report\n\nEgypt and Qatar agreed on Friday to restore diplomatic relations, four years \
         after the neighbours cut ties.\n",
        EventType::Agree,
    );
    assert_some_actor(&m, |a| a.country.as_deref() == Some("QAT"));
    let ms = code(
        "Report\n\nJordan demanded that Israel withdraw its forces after tank shells struck a \
         village in the south on Monday, killing four farmers.\n",
    );
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Request),
        "{ms:#?}"
    );
    // The tagger's participle with an object after it is the clause's verb all the same.
    let ms = code(
        "Report\n\nHezbollah vowed to retaliate against Israel after an air strike on a convoy \
         near the border killed three of its commanders.\n",
    );
    assert_eq!(
        ms.first().map(|m| m.event_type),
        Some(EventType::Threaten),
        "{ms:#?}"
    );
    first_coded(
        "Report\n\nThe announcement comes only days after the Syrian president met Russian \
         officers in Damascus.\n",
        EventType::Consult,
    );
    // "after the talks" is a phrase, not a clause.
    first_coded(
        "Report\n\nGunmen killed two police officers in Kirkuk after the talks.\n",
        EventType::Assault,
    );
}

/// The PLOVER manual: summoning an ambassador is ACCUSE `disapprove`, and so is describing an
/// act in terms of condemnation; expelling diplomats, also as an order to leave, is SANCTION
/// `expel`.
#[test]
fn diplomatic_disapproval_and_expulsion() {
    each_coded_in_mode(
        &[
            "The Egyptian foreign ministry summoned the Ethiopian ambassador on Tuesday.",
            "King Abdullah described the shelling as \"a flagrant violation\" of Jordan's sovereignty.",
            "The Kuwaiti cabinet called the seizure of the tanker \"an act of piracy\".",
        ],
        EventType::Accuse,
        "disapprove",
        first_coded,
    );
    each_coded_in_mode(
        &[
            "Algeria ordered the French ambassador to leave the country within a week.",
            "Bahrain gave Iran's chargé d'affaires 48 hours to leave the kingdom.",
        ],
        EventType::Sanction,
        "expel",
        first_coded,
    );
    // A call on someone is a request, whatever it is about.
    first_coded(
        "Report\n\nThe Arab League called on Israel to end its illegal occupation.\n",
        EventType::Request,
    );
}

/// A retaliation promised in the set phrases of official threats is a threat; reported, it is
/// the speaker's, against whom what is said names.
#[test]
fn a_promised_retaliation_is_the_speaker_s_threat() {
    let m = coded_from(
        "Report\n\nThe Egyptian president said Ethiopia would pay a heavy price for the dam.\n",
        EventType::Threaten,
        "EGY",
    );
    assert!(targets_country(&m, "ETH"), "{:?}", m.actors);
    coded_from(
        "Report\n\nThe Jordanian foreign minister said the raid would not go unpunished.\n",
        EventType::Threaten,
        "JOR",
    );
    // Said of its subject, the threat is the subject's.
    let m = coded_from(
        "Report\n\nThe Saudi crown prince said the kingdom would hold the Houthis accountable.\n",
        EventType::Threaten,
        "SAU",
    );
    assert!(targets_country(&m, "YEM"), "{:?}", m.actors);
    // "will be met with a response", said of the other side's act, answers it.
    let m = coded_from(
        "Report\n\nThe Pakistani army chief said India's strikes would be met with a firm \
         response.\n",
        EventType::Threaten,
        "PAK",
    );
    assert!(targets_country(&m, "IND"), "{:?}", m.actors);
}

/// The PLOVER manual's crowd control: tear gas, water cannon, rubber bullets, firing in the air
/// are ASSAULT `crowd-control`, whoever uses them.
#[test]
fn crowd_control_weapons_are_crowd_control() {
    each_coded_in_mode(
        &[
            "Kenyan police fired tear gas at protesters in Nairobi on Tuesday.",
            "Security forces used water cannon and rubber bullets against students in Tehran.",
            "Soldiers fired into the air to disperse the crowd outside the ministry.",
        ],
        EventType::Assault,
        "crowd-control",
        first_coded,
    );
}

/// Who is asked may be a long name ("asked Prime Minister Haider al-Abadi to deploy troops").
#[test]
fn a_request_reaches_past_a_long_name() {
    let m = first_coded(
        "Report\n\nLebanon's parliament asked caretaker Prime Minister Najib Mikati to form a \
         cabinet.\n",
        EventType::Request,
    );
    assert_some_actor(&m, |a| a.side == Side::Target && a.name.contains("Mikati"));
}

/// "that" between a noun and a verb with a tense is a relative pronoun, whatever the tagger
/// reads: "fighting that killed thousands" is background to the truce taking effect.
#[test]
fn that_before_a_verb_after_a_noun_opens_a_relative_clause() {
    first_coded(
        "Report\n\nA truce between Azerbaijan and Armenia took effect on Tuesday, ending weeks of \
         fighting that killed dozens of soldiers.\n",
        EventType::Retreat,
    );
}

/// The subject of a passive verb is its object: "The bombing was condemned by the UN" reports
/// the condemnation; "The raid was carried out by special forces" (a support verb) the raid.
#[test]
fn the_subject_of_a_passive_verb_is_its_object() {
    let m = first_coded(
        "Report\n\nThe bombing was condemned by the Arab League and the African Union.\n",
        EventType::Accuse,
    );
    assert_some_actor(&m, |a| a.side == Side::Source);
    first_coded(
        "Report\n\nA suicide bombing was carried out at a checkpoint near Ramtha by two \
         militants, officials said, adding that three suspects were arrested.\n",
        EventType::Assault,
    );
}

/// "Broke out", "broke up" begin or end something; only a pattern makes "broke" a happening
/// ("broke the ceasefire"). A protest the sentence places has its protesters, named or not.
#[test]
fn breaking_out_is_no_attack_and_a_placed_protest_has_its_crowd() {
    never_coded(
        "Report\n\nThe unmanned cargo ship broke up in the atmosphere over Siberia on Thursday.\n",
        EventType::Assault,
    );
    coded_from(
        "Report\n\nProtests broke out in Amman on Friday.\n",
        EventType::Protest,
        "JOR",
    );
    first_coded(
        "Report\n\nHundreds of mourners gathered outside a mosque in Mosul, chanting slogans \
         against the government.\n",
        EventType::Protest,
    );
}

/// Those who hold hostages free them: a release (RETREAT), as of prisoners.
#[test]
fn freeing_hostages_is_a_release() {
    let m = first_coded(
        "Report\n\nThe Islamic Jihad freed two hostages on Thursday.\n",
        EventType::Retreat,
    );
    assert_eq!(m.mode.as_deref(), Some("release"));
}

/// More of diplomatic disapproval and expulsion, and a threat said of its target.
#[test]
fn more_disapproval_expulsion_and_threats() {
    coded_from(
        "Report\n\nThe Algerian president called the French decision \"a betrayal\".\n",
        EventType::Accuse,
        "DZA",
    );
    coded_from(
        "Report\n\nMorocco ordered two Algerian diplomats out of the country on Monday.\n",
        EventType::Sanction,
        "MAR",
    );
    let m = coded_from(
        "Report\n\nMoscow declared two Estonian diplomats persona non grata on Monday.\n",
        EventType::Sanction,
        "RUS",
    );
    assert!(targets_country(&m, "EST"), "{:?}", m.actors);
    coded_from(
        "Report\n\nThe Egyptian president said Ethiopia would pay for it.\n",
        EventType::Threaten,
        "EGY",
    );
}

/// A participle with its doer after it describes the noun before it, up to the verb that noun
/// is the subject of: "a summit hosted by the president" after "told" is no hosting, "a
/// delegation led by the ambassador held talks" holds the talks.
#[test]
fn a_participle_with_its_doer_describes_the_noun_before_it() {
    let ms = code(
        "Report\n\nThe Arab League chief told a summit hosted by the Jordanian king on Saturday \
         that Israel must lift the siege.\n",
    );
    assert!(
        ms.iter().all(|m| m.mode.as_deref() != Some("host")),
        "{ms:#?}"
    );
    first_coded(
        "Report\n\nA Qatari delegation led by the foreign minister held talks with Taliban \
         leaders in Kabul on Monday.\n",
        EventType::Consult,
    );
}

/// "Warned of severe consequences" is a threat; "I condemn" in a quotation is the speaker's
/// condemnation.
#[test]
fn a_warning_of_consequences_threatens_and_a_quoted_condemnation_accuses() {
    coded_from(
        "Report\n\nThe Saudi foreign minister warned of severe consequences for Tehran.\n",
        EventType::Threaten,
        "SAU",
    );
    first_coded(
        "Report\n\nThe Jordanian king said: \"We condemn the attack on the mosque.\"\n",
        EventType::Accuse,
    );
}

/// "As" opens a happening of the same moment, news as much as the main clause.
#[test]
fn a_clause_opened_by_as_is_news_too() {
    let ms = code(
        "Report\n\nIraq's president praised the deal as the prime minister received the Iranian \
         foreign minister in Baghdad.\n",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:#?}"
    );
}

/// Hostages freed in the passive are released, as in the active.
#[test]
fn hostages_who_were_freed_were_released() {
    first_coded(
        "Report\n\nThree Turkish hostages were freed in Libya on Sunday.\n",
        EventType::Retreat,
    );
}

/// A clause opening inside the sentence tells a happening of its own beside the main clause's:
/// a participle after a comma is what the main clause's subject does (to the main clause's
/// object unless it names its own), and of the same kind tells more of the same happening;
/// "as", "before", "after" open clauses with subjects of their own, and one "after" has no time
/// but its own. With one happening in the sentence it stays one clause.
#[test]
fn an_inner_clause_tells_a_happening_of_its_own() {
    let ms = code(
        "Report\n\nKuwait expelled the Iranian ambassador on Sunday, accusing Tehran of backing \
         a spy cell.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Sanction, EventType::Accuse],
        "{ms:#?}"
    );
    assert_source_country(&ms[1], "KWT");
    assert!(targets_country(&ms[1], "IRN"), "{:?}", ms[1].actors);
    let ms = code(
        "Report\n\nTurkish jets struck villages near Duhok on Monday, killing three shepherds.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Assault], "{ms:#?}");
    assert_source_country(&ms[0], "TUR");
    let ms = code(
        "Report\n\nOman and Iran signed a maritime agreement on Tuesday as the Omani foreign \
         minister received his Iranian counterpart in Muscat.\n",
    );
    let host = (ms.iter().find(|m| m.event_type == EventType::Consult))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_source_country(host, "OMN");
    assert!(ms.len() == 2, "{ms:#?}");
    let ms = code(
        "Report\n\nHundreds of teachers marched in Sulaimani on Saturday before police \
         dispersed them with tear gas.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Protest, EventType::Assault],
        "{ms:#?}"
    );
    assert_eq!(ms[1].mode.as_deref(), Some("crowd-control"));
    let ms = code(
        "Report\n\nQatar restored diplomatic ties with Bahrain on Wednesday, two years after \
         Bahrain expelled the Qatari ambassador.\n",
    );
    let expelled = (ms.iter().find(|m| m.event_type == EventType::Sanction))
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert_source_country(expelled, "BHR");
    assert_eq!(expelled.date.value, None, "{expelled:#?}");
    let m = first_coded(
        "Report\n\nFour Turkish soldiers sustained wounds when militants struck their outpost \
         near Zakho.\n",
        EventType::Assault,
    );
    assert!(targets_country(&m, "TUR"), "{:?}", m.actors);
    // After a comma too, the clause's subject is its own, not the main clause's names.
    let ms = code(
        "Report\n\nOman condemned the Iranian strikes on Monday, as the council met in \
         Muscat for a second day.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Accuse], "{ms:#?}");
}

/// The PLOVER manual's SUPPORT is "express support for … actor", which the dictionary reads as an
/// intent to cooperate ("express * support", 032) or not at all ("voiced solidarity", a
/// participle): said support is SUPPORT, promised support stays a promise.
#[test]
fn support_expressed_is_support() {
    each_coded_in_mode(
        &[
            "Oman expressed its full support for Jordan's security measures on Sunday.",
            "The Arab League voiced its solidarity with Sudan on Monday.",
            "Egypt issued a statement on Friday, voicing firm support for the Libyan government.",
        ],
        EventType::Support,
        "express support",
        first_coded_of,
    );
    never_coded(
        "Report\n\nThe minister expressed hope that the parties would support the plan.\n",
        EventType::Support,
    );
}

/// A past form the tagger reads as a participle, straight after its subject and before its
/// object, is the clause's verb, and a verb phrase coordinated with it ("and voiced") tells a
/// happening of its own.
#[test]
fn a_verb_coordinated_with_a_past_form_read_as_participle_is_its_own() {
    let ms = code(
        "Report\n\nKuwait, Oman and Qatar condemned the strikes and voiced their solidarity with \
         Bahrain.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Accuse, EventType::Support],
        "{ms:#?}"
    );
    assert_source_country(&ms[1], "KWT");
    // Both past forms read as participles, the sentence's only other verb in a closing
    // attribution: still two verb phrases of one subject.
    let ms = code(
        "Report\n\nRiot police fired into the air outside the consulate and detained three men, \
         a police source said.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Assault, EventType::Coerce],
        "{ms:#?}"
    );
    // An aside between commas after the conjunction ("and, a week later, closed") leaves the
    // second verb phrase its own.
    let ms = code(
        "Report\n\nAmman condemned the raid and, a week later, closed its embassy in Damascus.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Accuse, EventType::Sanction],
        "{ms:#?}"
    );
}

/// Office holders since the field's dictionaries end (2016): a title names the holder of the
/// article's date ("the Saudi Crown Prince" was Mohammed bin Nayef in 2016, Mohammed bin Salman
/// from June 2017), and the full name of a minister is no shorter name inside it ("Nasser
/// Bourita" is no Nasser, nor Egypt).
#[test]
fn office_holders_since_the_dictionaries_end() {
    let on = |day: &str, body: &str| CODER.mentions(&common::article("t", body, Some(day), None));
    let holder = |day: &str| {
        let ms = on(
            day,
            "Report\n\nThe Saudi Crown Prince met the French foreign minister in Riyadh.\n",
        );
        let m = ms.first().unwrap_or_else(|| panic!("{ms:#?}")).clone();
        (m.actors.iter().find(|a| a.side == Side::Source))
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    assert_eq!(holder("2016-05-02"), "Mohammed bin Nayef");
    assert_eq!(holder("2019-05-02"), "Mohammed bin Salman");
    let m = first_coded(
        "Report\n\nMoroccan Foreign Minister Nasser Bourita met Sameh Shoukry in Rabat.\n",
        EventType::Consult,
    );
    assert_eq!(names(&m)[0], "Nasser Bourita", "{m:#?}");
    assert_source_country(&m, "MAR");
}

/// The PLOVER manual's AID: relief sent and money given are aid; a pledge is a promise (AGREE),
/// and troops sent are no aid.
#[test]
fn relief_sent_and_money_given_are_aid() {
    each_first_coded(
        &[
            "Jordan dispatched two planes carrying medical teams and tents to Aleppo on Tuesday.",
            "The World Bank disbursed $300 million to Lebanon's social safety net.",
        ],
        EventType::Aid,
    );
    first_coded(
        "Report\n\nKuwait pledged $500 million for the reconstruction of Mosul.\n",
        EventType::Agree,
    );
    never_coded(
        "Report\n\nRussia sent troops and supplies to the front.\n",
        EventType::Aid,
    );
}

/// The PLOVER manual's COERCE `seize` ("Execute search, confiscate property, raid"): a police
/// raid that harms nobody is a search, however many it arrests; one that kills, or a raid by
/// soldiers, stays an attack.
#[test]
fn a_police_raid_that_harms_nobody_is_a_search() {
    each_coded_in_mode(
        &[
            "Turkish police raided the offices of a news agency in Istanbul on Tuesday.",
            // Arrests harm nobody: "raided 12 addresses and detained nine" is a search.
            "Counterterrorism police raided 12 addresses in Izmir on Tuesday and detained nine \
             suspects.",
        ],
        EventType::Coerce,
        "seize",
        first_coded,
    );
    first_coded(
        "Report\n\nIraqi police raided a house in Mosul on Monday, killing two militants.\n",
        EventType::Assault,
    );
    first_coded(
        "Report\n\nIraqi troops raided a hideout in the Hamrin mountains on Monday.\n",
        EventType::Assault,
    );
}

/// Entry forced into a building and property set ablaze are attacks (CAMEO 190, 180), though
/// "break" alone is a support verb ("broke out" tells no attack); done by a crowd they are a
/// riot (see `a_crowd_storming_a_building_riots`).
#[test]
fn forced_entry_and_arson_are_attacks() {
    each_first_coded(
        &[
            "Gunmen broke into the Danish embassy in Damascus on Saturday.",
            "Militants set two police stations ablaze in Sfax on Monday night.",
            // "set … to" is no future marker with an object between ("are set to meet").
            "Masked men set fire to the party's offices in Basra on Friday.",
        ],
        EventType::Assault,
    );
    never_coded(
        "Report\n\nThe two foreign ministers are set to meet in Doha next week.\n",
        EventType::Consult,
    );
    never_coded(
        "Report\n\nA fire broke out in a market in Erbil on Monday.\n",
        EventType::Assault,
    );
}

/// A participle telling more of the same attack names whom it struck: the attack's target when
/// its own object names nobody ("a village", "a military vehicle").
#[test]
fn a_participle_of_the_same_happening_names_its_target() {
    for sentence in [
        "Turkish jets bombed a village near Amedi on Sunday, killing two PKK fighters.",
        "A Turkish drone struck a military vehicle near Qamishli on Thursday, killing three \
         members of the Syrian Democratic Forces.",
    ] {
        let m = first_coded(&format!("Report\n\n{sentence}\n"), EventType::Assault);
        assert_source_country(&m, "TUR");
        assert_some_actor(&m, |a| {
            a.side == Side::Target && matches!(a.country.as_deref(), Some("TUR" | "SYR"))
        });
    }
}

/// A person the lexicon lacks takes the country of the body named in their title, before the
/// name ("Pentagon spokesman X") or set off after it ("X, a spokesman for the Iraqi army,"); a
/// place word inside a name after a title is part of the name ("spokesman Nasser Kanaani" is no
/// Egyptian: Lake Nasser is one of Egypt's names in the dictionary).
#[test]
fn a_person_takes_the_country_of_the_body_in_their_title() {
    for (sentence, country) in [
        (
            "Pentagon spokesman Jonathan Hoffman condemned the attack on Monday.",
            "USA",
        ),
        (
            "Kremlin spokesman Dmitry Peskov condemned the attack on Monday.",
            "RUS",
        ),
        (
            "State Department spokesperson Ned Price condemned the attack on Monday.",
            "USA",
        ),
        (
            "Iranian Foreign Ministry spokesman Nasser Kanaani condemned the attack on Monday.",
            "IRN",
        ),
        (
            "General Michael Austin, commander of US Central Command, condemned the attack.",
            "USA",
        ),
    ] {
        let m = first_coded(&format!("Report\n\n{sentence}\n"), EventType::Accuse);
        let sources: Vec<_> = m.actors.iter().filter(|a| a.side == Side::Source).collect();
        assert_eq!(sources.len(), 1, "{sentence}: {sources:?}");
        assert_eq!(sources[0].country.as_deref(), Some(country), "{sentence}");
    }
}

/// A capitalised compound whose last part is lower case ("Iran-aligned", "US-led") modifies the
/// name after it; it does not make that name part of a longer one.
#[test]
fn a_hyphenated_modifier_leaves_the_name_after_it_whole() {
    let m = first_coded(
        "Report\n\nUS aircraft struck a facility of the Iran-aligned Kataib Hezbollah militia \
         south of Baghdad on Tuesday.\n",
        EventType::Assault,
    );
    assert_side(&m, "Kataib Hezbollah", Some(Side::Target));
    assert_no_actor(&m, |a| a.country.as_deref() == Some("LBN"));
}

/// A harm suffered by people who are no actor ("civilians") with no doer named is done by the
/// subject of the "when" clause after it, even where that clause is cut off as its own.
#[test]
fn the_subject_of_a_when_clause_did_the_harm_suffered() {
    let m = first_coded(
        "Report\n\nAt least 11 civilians were killed on June 7 when Russian warplanes struck a \
         crowded market in Maarat al-Numan.\n",
        EventType::Assault,
    );
    assert_source_country(&m, "RUS");
}

/// Turkey's defence ministry reports fighters killed or captured as "neutralised", often with
/// the group's double name in quotes: the quotes and the slash still read as one phrase.
#[test]
fn militants_neutralised_in_quotes_were_attacked() {
    let m = first_coded(
        "Report\n\nThe Turkish Ministry of National Defence said on Friday that its forces had \
         \"neutralised\" four \"PKK/YPG terrorists\" in northern Syria.\n",
        EventType::Assault,
    );
    assert_source_country(&m, "TUR");
}

/// What a demand asks for is not done: no happening named after its infinitive is coded
/// ("appealed to all parties to stop attacks on civilians"). A country named as the topic of a
/// compound ("the Syria crisis") is no participant.
#[test]
fn what_a_demand_asks_for_is_not_done() {
    let ms = code(
        "Report\n\nIn Geneva on June 7, Panos Moumtzis, the U.N. humanitarian coordinator for \
         the Syria crisis, appealed to all parties to stop attacks on civilians, hospitals and \
         schools.\n",
    );
    assert_eq!(types_of(&ms), [EventType::Request], "{ms:#?}");
    assert_no_actor(&ms[0], |a| a.country.as_deref() == Some("SYR"));
}

/// The region's other wars and capitals are places too (the gazetteer covers Yemen, Libya,
/// Sudan, Egypt and the Gulf besides Iraq, Syria and their neighbours); of two towns of one
/// name the larger is meant ("Tripoli" is Libya's capital, not Lebanon's northern city).
#[test]
fn the_region_s_other_capitals_are_placed() {
    for (sentence, country) in [
        (
            "Houthi drones struck a military base in Sanaa on Monday.",
            "YEM",
        ),
        ("Gunmen attacked a checkpoint in Tripoli on Monday.", "LBY"),
        (
            "RSF fighters shelled a hospital in El Fasher on Monday.",
            "SDN",
        ),
    ] {
        let m = first_coded(&format!("Report\n\n{sentence}\n"), EventType::Assault);
        let place = m.place.as_ref().unwrap_or_else(|| panic!("{m:#?}"));
        assert_eq!(place.country.as_deref(), Some(country), "{sentence}");
    }
    // A capital, a place after a locative, names its government elsewhere, as the field's
    // country dictionaries list it ("Cairo's security chief", "Riyadh condemned").
    for (sentence, kind, country) in [
        (
            "Riyadh condemned the attack on Monday.",
            EventType::Accuse,
            "SAU",
        ),
        (
            "Cairo's security chief warned that police will not tolerate rallies.",
            EventType::Threaten,
            "EGY",
        ),
    ] {
        coded_from(&format!("Report\n\n{sentence}\n"), kind, country);
    }
}

/// A list of verb phrases tells one happening each ("stopped a convoy, beat two drivers and
/// seized the cargo"), all done by the subject, though the tagger reads "beat" (whose past is
/// its base form) as a base form and no "and" stands before it.
#[test]
fn each_verb_phrase_of_a_list_is_a_happening() {
    let ms = code(
        "Report\n\nOn January 15, armed men stopped a WFP convoy near Nyala, beat two drivers \
         and seized the cargo.\n",
    );
    assert_eq!(
        types_of(&ms),
        [EventType::Assault, EventType::Coerce],
        "{ms:#?}"
    );
    for m in &ms {
        assert_side(m, "armed men", Some(Side::Source));
    }
}

/// A person's one-word name inside a longer name names someone, or somewhere, else: Phoenix's
/// "Abdullah" (the Saudi king) is not "Khor Abdullah", the waterway; after an honorific it is a
/// king still ("King Abdullah" in 2025 is Jordan's, the Saudi king having died in 2015).
#[test]
fn a_one_word_name_inside_a_longer_name_is_someone_else() {
    let m = first_coded(
        "Report\n\nKuwait protested Iraqi navigation rules in the Khor Abdullah waterway on \
         Monday.\n",
        EventType::Accuse,
    );
    assert_no_actor(&m, |a| a.country.as_deref() == Some("SAU"));
    let m = first_coded(
        "Report\n\nOfficials said King Abdullah condemned the attack on Monday.\n",
        EventType::Accuse,
    );
    assert_source_country(&m, "JOR");
}

/// A protest in writing is diplomatic: ACCUSE `disapprove` by the PLOVER manual ("Diplomatic
/// protests ... are coded as ACCUSE"), not a demonstration.
#[test]
fn a_protest_note_is_a_diplomatic_protest() {
    for sentence in [
        "Kuwait's foreign ministry summoned the Iraqi ambassador and handed him a strongly worded \
         protest note on Sunday.",
        "Iraq sent a note of protest to Kuwait over the navigation rules on Sunday.",
    ] {
        never_coded(&format!("Report\n\n{sentence}\n"), EventType::Protest);
        first_coded(&format!("Report\n\n{sentence}\n"), EventType::Accuse);
    }
}

/// An "and" before the sentence's first verb joins the names of its subject, even after an
/// apposition set off by commas: both sign ("Fuad Hussein, Iraq's foreign minister, and Safadi
/// signed …").
#[test]
fn names_joined_before_the_verb_are_one_subject() {
    let m = first_coded(
        "Report\n\nFollowing the meeting, Fuad Hussein, Iraq's foreign minister, and Ayman \
         Safadi signed three memoranda of understanding on Monday.\n",
        EventType::Agree,
    );
    for name in ["Fuad Hussein", "Ayman Safadi"] {
        assert_side(&m, name, Some(Side::Source));
    }
}

/// After the first mention news copy names a person by surname; the surname is that person, not
/// the dictionary's bearer of the bare word, and an Arabic surname may drop its article.
#[test]
fn a_surname_after_the_full_name_is_that_person() {
    let m = first_coded_of(
        "Report\n\nIraqi Foreign Minister Fuad Hussein arrived in Ankara on Monday. Hussein \
         condemned the Turkish strikes on Duhok.\n",
        EventType::Accuse,
    );
    assert_source_country(&m, "IRQ");
    let m = first_coded_of(
        "Report\n\nGeneral Kareem al-Shammari toured Mosul on Monday. Shammari condemned the \
         Turkish strikes on Duhok.\n",
        EventType::Accuse,
    );
    assert_side(&m, "Kareem al-Shammari", Some(Side::Source));
}

/// The lead names the doer and the day once; an attack nobody is named doing, told in the next
/// paragraph, goes on telling it. One told as another incident is another happening.
#[test]
fn a_sourceless_attack_after_the_lead_continues_it() {
    let ms = code(
        "Report\n\nIran's Revolutionary Guards struck the bases of two Kurdish opposition parties \
         near Koya early on Monday.\n\nThe Koya headquarters of the Kurdistan Democratic Party \
         of Iran was hit by at least four missiles shortly after midnight, killing a guard, a \
         party official said.\n\nIn a separate incident, a roadside bomb wounded two soldiers \
         near Zakho.\n",
    );
    let date = |start: &str| {
        (ms.iter().find(|m| m.evidence.sentence.starts_with(start)))
            .map(|m| m.date.value.as_deref())
    };
    assert_eq!(date("The Koya"), Some(Some("2025-03-10")), "{ms:#?}");
    let ms = code(
        "Report\n\nIran's Revolutionary Guards struck the bases of two Kurdish opposition parties \
         near Koya early on Monday.\n\nIn a separate incident, a roadside bomb wounded two \
         soldiers near Zakho.\n",
    );
    let separate = ms
        .iter()
        .find(|m| m.evidence.sentence.starts_with("In a separate"));
    assert_eq!(
        separate.map(|m| m.date.value.as_deref()),
        Some(None),
        "{ms:#?}"
    );
}

/// News copy names an agent's country once: a bare agent after a state's agent of the same
/// sector is that agent again; one its own phrase places is not.
#[test]
fn a_bare_agent_repeats_the_state_s_agent_named_before() {
    let m = first_coded_of(
        "Report\n\nJordanian troops killed five smugglers on the Syrian border early on \
         Wednesday.\n\nTroops arrested eight suspects and seized drugs and weapons.\n",
        EventType::Coerce,
    );
    assert_source_country(&m, "JOR");
    let m = first_coded_of(
        "Report\n\nJordanian troops killed five smugglers on the Syrian border early on \
         Wednesday.\n\nTroops from the Syrian army arrested eight suspects in Daraa.\n",
        EventType::Coerce,
    );
    assert_no_actor(&m, |a| a.country.as_deref() == Some("JOR"));
}

/// "Government forces" are the home government's, whatever army the story named before: they
/// do not repeat a foreign state's forces, and act where they are.
#[test]
fn the_government_s_side_is_of_the_country_it_acts_in() {
    let m = first_coded_of(
        "Report\n\nIsraeli forces struck army tanks near the town of Sahwat Balata on Tuesday.\n\n\
         Government forces pulled out of Homs on Thursday.\n",
        EventType::Retreat,
    );
    assert_source_country(&m, "SYR");
}

/// Police and courts act at home: named with no country, they are of the country of a place
/// their sentence names, else of the story's dateline. Troops are not (they serve abroad too).
#[test]
fn police_and_courts_named_alone_are_of_the_country_they_act_in() {
    let coded = |body: &str, dateline: Option<&str>| {
        let a = common::article("t", body, Some("2025-03-12"), dateline);
        CODER.mentions(&a)
    };
    let ms = coded(
        "ISTANBUL - Police detained two suspects, a Tajik and a Russian citizen, hours later.\n",
        Some("ISTANBUL"),
    );
    assert_source_country(&ms[0], "TUR");
    let ms = coded(
        "Report\n\nPolice detained nine protesters in Basra on Monday.\n",
        None,
    );
    assert_source_country(&ms[0], "IRQ");
    let ms = coded("Report\n\nTroops shelled two villages near Kobani.\n", None);
    assert_no_actor(&ms[0], |a| {
        a.side == Side::Source && a.country.as_deref() == Some("SYR")
    });
}

/// "the government", "the federal government": a definite governing body is the one the story
/// has in mind: the same body named before, else the one of the country where its sentence is.
/// Officials alone stay too vague to act, a body word before a noun names no body ("the
/// government building"), and a state named beside its own government is one actor.
#[test]
fn the_definite_government_is_the_storys_own() {
    let m = first_coded(
        "Report\n\nTribal leaders in Karbala on Tuesday called on the federal government to \
         send more troops.\n",
        EventType::Request,
    );
    assert!(targets_country(&m, "IRQ"), "{:?}", m.actors);
    let m = first_coded_of(
        "Report\n\nJordan's cabinet met on Monday. Teachers protested against the government \
         on Tuesday.\n",
        EventType::Protest,
    );
    assert!(targets_country(&m, "JOR"), "{:?}", m.actors);
    for body in [
        "Report\n\nProtesters in Mosul on Monday accused officials of corruption.\n",
        "Report\n\nPolice in Mosul on Monday arrested two men outside the government building.\n",
    ] {
        let m = code(body);
        assert!(
            !m.iter()
                .flat_map(|m| &m.actors)
                .any(|a| a.side == Side::Target && a.name.to_lowercase().contains("government")),
            "{m:?}"
        );
    }
    // With no article at all, as the object of a verb: "urged parliament".
    let m = first_coded(
        "Report\n\nA senior cleric in Najaf on Friday urged parliament to withdraw confidence \
         from the cabinet.\n",
        EventType::Request,
    );
    assert!(targets_country(&m, "IRQ"), "{:?}", m.actors);
    let m = first_coded(
        "Report\n\nEgypt rejected the plan, and the government recalled its envoy on Monday.\n",
        EventType::Reject,
    );
    let egyptian = (m.actors.iter())
        .filter(|a| a.side == Side::Source && a.country.as_deref() == Some("EGY"))
        .count();
    assert_eq!(egyptian, 1, "{:?}", m.actors);
}

/// A governing body's proper name with no country ("Ministry of Interior") is the story's own
/// country's, as "the ministry" is; a short form in brackets between an owner's possessive and
/// the body ("the Kurdistan Regional Government's (KRG) Ministry of Interior") leaves the body
/// the owner's.
#[test]
fn a_ministry_named_alone_is_the_storys_own() {
    let m = first_coded(
        "Report\n\nUnits of the Ministry of Interior raided a house in Basra on Monday.\n",
        EventType::Assault,
    );
    assert_source_country(&m, "IRQ");
    let m = first_coded_of(
        "Report\n\nThe Turkish Ministry of National Defence did not comment. The Kurdistan \
         Regional Government's (KRG) Ministry of Interior on Tuesday condemned the attack.\n",
        EventType::Accuse,
    );
    assert_source_country(&m, "IRQ");
    assert_no_actor(&m, |a| a.country.as_deref() == Some("TUR"));
}

/// CAMEO 035, intent to yield: releasing persons or returning property announced with a modal
/// of intent is the intention (AGREE), not the release.
#[test]
fn an_announced_return_is_an_intention() {
    first_coded(
        "Report\n\nThe rebels said on Monday they will return weapons and military equipment \
         seized from peacekeepers.\n",
        EventType::Agree,
    );
}

/// What a demand asks for is not the clause's happening, however strong its trigger, nor is it
/// when the demand is quoted from its "to".
#[test]
fn the_demand_is_the_happening_not_what_it_asks_for() {
    for sentence in [
        "The Kurdish administration called on Russia and the United States to \"assume their \
         responsibilities\" as guarantors of the ceasefire understandings.",
        "The Arab League urged Israel \"to cease fire and return to the talks\" on Monday.",
    ] {
        never_coded(&format!("Report\n\n{sentence}\n"), EventType::Retreat);
        first_coded(&format!("Report\n\n{sentence}\n"), EventType::Request);
    }
}

/// A trigger written with its auxiliary ("was defeated") is passive: its subject suffers it.
#[test]
fn a_trigger_with_its_auxiliary_is_passive() {
    let m = first_coded(
        "Report\n\nISIS was decisively defeated in Mosul in 2017.\n",
        EventType::Assault,
    );
    assert_side(&m, "Islamic State (ISIS)", Some(Side::Target));
    // Told of whom it struck, it is reported as done, whoever did it.
    assert!(
        m.confidence >= dateline_events::DEFAULT_MIN_CONFIDENCE,
        "{m:#?}"
    );
}

/// An attack by someone named that names nobody it struck struck the place, as the field's
/// country dictionaries code a country's towns.
#[test]
fn an_attack_on_a_place_targets_the_place_s_country() {
    let m = first_coded(
        "Report\n\nRussian warplanes struck a crowded market in the town of Maarat al-Numan on \
         Friday.\n",
        EventType::Assault,
    );
    assert!(targets_country(&m, "SYR"), "{m:#?}");
}

/// "its fighters" after a body (a party, an armed group) are that body's: the possessive stands
/// for the last state or body named before it in the sentence.
#[test]
fn a_body_s_own_agents_are_the_body() {
    let m = first_coded(
        "Report\n\nHezbollah said its fighters attacked an Israeli position on Wednesday.\n",
        EventType::Assault,
    );
    assert_side(&m, "Hezbollah", Some(Side::Source));
    assert_side(&m, "fighters", None);
}

/// "clashes (erupted) between X and Y": the two sides the trigger joins, the first named its
/// source; a "between" after another noun ("cooperation between Iraq and …") is that noun's.
#[test]
fn the_sides_of_a_clash_between_two_are_its_source_and_target() {
    let m = first_coded(
        "Report\n\nLate on Friday, clashes erupted between the Syrian Democratic Forces and \
         Turkish troops near Ain Issa.\n",
        EventType::Assault,
    );
    assert_side(&m, "Syrian Democratic Forces (SDF)", Some(Side::Source));
    assert!(targets_country(&m, "TUR"), "{m:#?}");
    // A list of three is no pair of sides: none of them is made the source.
    let m = first_coded(
        "Report\n\nTalks between Jordan, Egypt and Qatar took place in Amman on Sunday.\n",
        EventType::Consult,
    );
    assert!(m.actors.iter().all(|a| a.side != Side::Source), "{m:#?}");
}

/// "the country's navy" is the navy of the state named before it in the sentence, as "its navy"
/// is, and a state's agent names its state.
#[test]
fn the_country_s_agents_are_the_state_s() {
    let m = first_coded(
        "Report\n\nIranian state television said the country's navy had rescued 44 sailors on \
         Thursday.\n",
        EventType::Aid,
    );
    assert_source_country(&m, "IRN");
}

/// Of two triggers of equal weight the finite verb is the clause's own: "drones launched by the
/// Houthis struck two pumping stations" is the Houthis' strike, not a launch the Houthis suffered.
#[test]
fn of_equal_triggers_the_finite_verb_is_the_clause_s() {
    let m = first_coded(
        "Report\n\nTwo days later, drones launched by Yemen's Houthi militia struck two pumping \
         stations in Saudi Arabia.\n",
        EventType::Assault,
    );
    assert_source_country(&m, "YEM");
    assert!(targets_country(&m, "SAU"), "{m:#?}");
}

/// A speaker's claim that someone was behind a happening is an accusation (CAMEO 112): the
/// speaker accuses, the one named is accused.
#[test]
fn saying_someone_was_behind_it_is_an_accusation() {
    let m = first_coded(
        "Report\n\nRiyadh and Washington have said Iran was behind the attacks on the oil \
         facilities.\n",
        EventType::Accuse,
    );
    assert_source_country(&m, "SAU");
    assert!(targets_country(&m, "IRN"), "{m:#?}");
}

/// The Kurdistan Region's security agency, printed by its Kurdish name, is the KRG's (Iraq's);
/// Syria's Kurdish-led police of the same name, printed under its own name, is Syria's.
#[test]
fn the_two_asayish_are_of_their_own_regions() {
    let m = coded_from(
        "Report\n\nAsayish forces fired tear gas to disperse teachers protesting in Koya on \
         Monday.\n",
        EventType::Assault,
        "IRQ",
    );
    assert_side(
        &m,
        "Asayish (Kurdistan Region security)",
        Some(Side::Source),
    );
    let m = first_coded(
        "Report\n\nA Turkish drone struck a checkpoint of the Internal Security Forces \
         (Asayish) near Qamishli on Monday.\n",
        EventType::Assault,
    );
    assert!(targets_country(&m, "SYR"), "{m:#?}");
    assert_no_actor(&m, |a| a.country.as_deref() == Some("IRQ"));
}

/// A one-word name of the dictionary printed inside a longer name is not its bearer: "Abdullah
/// al-Jubouri" is no king of Saudi Arabia, "Bani al-Hussein" no king of Jordan (the Arabic
/// article joins the name words).
#[test]
fn a_dictionary_first_name_inside_a_longer_name_is_not_its_bearer() {
    let m = first_coded(
        "Report\n\nAbdullah al-Jubouri, head of the security committee in the Kirkuk provincial \
         council, on Tuesday called on the federal government to send more troops.\n",
        EventType::Request,
    );
    assert_side(&m, "Abdullah al-Jubouri", Some(Side::Source));
    // The apposition's place gives the unknown person a country.
    assert_source_country(&m, "IRQ");
    let m = first_coded(
        "Report\n\nTurkish jets struck a depot of Bani al-Hussein, a local militia, near Zakho on \
         Sunday.\n",
        EventType::Assault,
    );
    assert!(!targets_country(&m, "JOR"), "{m:#?}");
}

/// A title's remit that names a body before any place serves that body: "commander of the
/// coalition in Iraq" is not Iraq's.
#[test]
fn an_apposition_s_place_after_a_body_gives_no_country() {
    let m = first_coded(
        "Report\n\nBrian Hollis, commander of the US-led coalition in Iraq, met Kurdish officials \
         in Erbil on Tuesday.\n",
        EventType::Consult,
    );
    let source = m.actors.iter().find(|a| a.name == "Brian Hollis");
    assert!(
        source.is_some_and(|a| a.country.as_deref() != Some("IRQ")),
        "{m:#?}"
    );
}

/// A verb of saying printed capitalised inside a sentence is a name ("Port Said"): no
/// attribution is read from it.
#[test]
fn a_capitalised_said_inside_a_sentence_is_a_name() {
    let m = coded_from(
        "Report\n\nYoussef Amin, mayor of Port Said, criticized the Israeli strike on Monday.\n",
        EventType::Accuse,
        "EGY",
    );
    assert_side(&m, "Youssef Amin", Some(Side::Source));
}

/// Two happenings of one kind in one sentence, by doers of no state in common, stay two, each
/// with its own clause's figures: "Saudi jets struck …, killing 12, as the Houthis fired …".
#[test]
fn two_doers_of_one_kind_in_a_sentence_are_two_happenings() {
    let ms = code(
        "Report\n\nSaudi jets struck Houthi positions near Saada on Tuesday, killing 12 \
         fighters, officials said, as the Houthis fired missiles at the Saudi city of Jizan.\n",
    );
    let assaults: Vec<&EventMention> = ms
        .iter()
        .filter(|m| m.event_type == EventType::Assault)
        .collect();
    assert_eq!(assaults.len(), 2, "{ms:#?}");
    assert_source_country(assaults[0], "SAU");
    assert_source_country(assaults[1], "YEM");
    // Each keeps the figures of its own clause.
    assert_eq!(assaults[0].counts.killed, Some(12), "{ms:#?}");
    assert_eq!(assaults[1].counts.killed, None, "{ms:#?}");
}

/// A sentence naming nobody that goes on about the lead continues the lead's main clause, not a
/// happening told "as" it happened.
#[test]
fn a_sequel_continues_the_lead_s_main_clause() {
    let ms = code(
        "Report\n\nTurkish drones struck villages in northern Syria on Friday, as Kurdish \
         fighters shelled a Turkish border post.\n\nA strike on a bakery in the town of Amuda \
         killed three civilians, local officials said.\n",
    );
    let sequel = ms
        .iter()
        .find(|m| m.evidence.sentence.starts_with("A strike"));
    assert!(
        sequel.is_some_and(|m| {
            m.actors
                .iter()
                .any(|a| a.side == Side::Source && a.country.as_deref() == Some("TUR"))
        }),
        "{ms:#?}"
    );
}

/// A crowd that gathered "to protest" protests: the purpose after "to" is the gathering's own
/// kind, and what they protest against is no happening of theirs.
#[test]
fn a_crowd_gathered_to_protest_protests() {
    let m = first_coded(
        "Report\n\nHundreds of farmers gathered on Sunday morning outside the governor's office \
         in Hasakah to protest against water cuts.\n",
        EventType::Protest,
    );
    assert_side(&m, "farmers", Some(Side::Source));
}

/// The outlet's request for comment and its credit lines are reporting furniture, no appeal
/// and no aid of anyone's.
#[test]
fn a_request_for_comment_and_a_credit_line_are_no_happenings() {
    for body in [
        "Report\n\nThe Egyptian foreign ministry did not respond to a request for comment on \
         Sunday.\n",
        "Report\n\nReuters correspondent Samia Nakhoul contributed from Beirut, Lebanon.\n",
        "Report\n\nA Jordanian official, who asked for anonymity, spoke to reporters in Amman.\n",
    ] {
        let ms = code(body);
        assert!(ms.is_empty(), "{ms:#?}");
    }
}

/// A happening named in an "of" phrase of the subject says who the subject is; the verb after
/// it says what they did.
#[test]
fn a_happening_in_the_subject_s_of_phrase_is_not_its_act() {
    let m = first_coded(
        "Report\n\nLeaders of the Hawija sit-in welcomed the court's decision on Sunday.\n",
        EventType::Support,
    );
    assert_eq!(m.date.value.as_deref(), Some("2025-03-09"));
}

/// Asking for something is an appeal, as calling for it is.
#[test]
fn asking_for_something_is_an_appeal() {
    let m = first_coded(
        "Report\n\nJordan asked for an emergency session of the Arab League on Monday.\n",
        EventType::Request,
    );
    assert_source_country(&m, "JOR");
}

/// A participle between a number and its noun describes the noun: "released nine detained
/// fishermen" is a release, no arrest.
#[test]
fn a_participle_after_a_number_describes_its_noun() {
    never_coded(
        "Report\n\nThe coast guard released nine detained fishermen in Basra on Saturday.\n",
        EventType::Coerce,
    );
}

/// "The capital" before a city makes it a place, not its government acting: "In the capital
/// Amman, a gunman opened fire" is no attack by Jordan.
#[test]
fn the_capital_before_a_city_is_a_place() {
    let m = first_coded(
        "Report\n\nIn the capital Amman, a gunman opened fire on a police patrol early on \
         Friday.\n",
        EventType::Assault,
    );
    assert!(
        m.actors.iter().all(|a| a.name != "Government of Jordan"),
        "{m:#?}"
    );
}

/// A sentence telling the next step ("then") of the happening told before, with no time of its
/// own, happened on its day; "since then" is a time, not a step.
#[test]
fn the_next_step_takes_the_day_of_the_step_before() {
    let ms = code(
        "Report\n\nJordanian jets struck a smugglers' camp near the border on Wednesday.\n\n\
         Border guards then raided two farms and arrested six men.\n",
    );
    let raid = ms
        .iter()
        .find(|m| m.evidence.sentence.starts_with("Border guards"));
    assert!(
        raid.is_some_and(|m| m.date.value.as_deref() == Some("2025-03-12")),
        "{ms:#?}"
    );
    let ms = code(
        "Report\n\nJordanian jets struck a smugglers' camp near the border on Wednesday.\n\n\
         Since then, border guards have arrested six men.\n",
    );
    let arrest = ms.iter().find(|m| m.event_type == EventType::Coerce);
    assert!(
        arrest.is_some_and(|m| m.date.value.as_deref() != Some("2025-03-12")),
        "{ms:#?}"
    );
}

/// "Fighting between X and Y", "fighting broke out": armed combat, with the sides "between"
/// joins; "fighting corruption" is none.
#[test]
fn fighting_between_two_is_combat() {
    let m = first_coded(
        "Report\n\nFighting between Libyan National Army troops and militias from Misrata \
         resumed south of Sirte on Thursday.\n",
        EventType::Assault,
    );
    assert_source_country(&m, "LBY");
    never_coded(
        "Report\n\nThe new cabinet said it was fighting corruption in the ports.\n",
        EventType::Assault,
    );
}

/// Fighting a society's ill is policy, not combat (CAMEO reads "combat crime" and "fight
/// racism" so; `verbs-supplement.txt` carries it to the ills news names), also when a place
/// after the ill is one an attack may hit ("attack port").
#[test]
fn fighting_a_societys_ill_is_no_combat() {
    for sentence in [
        "Iraq is fighting corruption in the ports, the minister said on Monday.",
        "Jordan vowed on Monday to combat drug trafficking along its border with Syria.",
        "Lebanon has been battling wildfires in the south since Sunday.",
    ] {
        never_coded(&format!("Report\n\n{sentence}\n"), EventType::Assault);
    }
    first_coded(
        "Report\n\nIraqi forces fought ISIS militants near the port of Umm Qasr on Monday.\n",
        EventType::Assault,
    );
}

/// "…, injuring nine members of the security forces": the active verb of hurting names whom the
/// happening hurt.
#[test]
fn whom_a_participle_of_hurting_names_was_hit() {
    let m = first_coded(
        "Report\n\nTribal fighters hurled grenades and set fire to a checkpoint in Basra on \
         Sunday, injuring seven members of the security forces.\n",
        EventType::Assault,
    );
    assert_side(&m, "security forces", Some(Side::Target));
}

/// The doer a participle after a happening's noun names did it: "an explosive device planted by the
/// militants … struck a Humvee".
#[test]
fn the_doer_a_participle_names_did_the_happening() {
    let m = first_coded(
        "Report\n\nAn explosive device planted by ISIS near Tarmiyah struck an army patrol on \
         Sunday.\n",
        EventType::Assault,
    );
    assert_side(&m, "Islamic State (ISIS)", Some(Side::Source));
    // A "by" right after the noun, the doer's hyphenated modifier between.
    let m = first_coded(
        "Report\n\nThe base came under repeated rocket attacks by Iran-backed Kataib Hezbollah \
         on Sunday.\n",
        EventType::Assault,
    );
    assert_side(&m, "Kataib Hezbollah", Some(Side::Source));
}

/// A state designating a group as terrorist sanctions it.
#[test]
fn a_terrorist_designation_is_a_sanction() {
    let m = first_coded(
        "Report\n\nCanada on Tuesday designated the militia a terrorist entity, freezing its \
         assets.\n",
        EventType::Sanction,
    );
    assert_source_country(&m, "CAN");
}

/// Halting a flow of trade reduces relations, as CAMEO reads "halt flights" (160, SANCTION):
/// `verbs-supplement.txt` carries it to flows, exports, supplies.
#[test]
fn halting_a_flow_of_trade_is_a_sanction() {
    for sentence in [
        "Ankara halted the flow of crude through the pipeline on March 25.",
        "Russia suspended gas supplies to Bulgaria on Wednesday.",
    ] {
        first_coded(&format!("Report\n\n{sentence}\n"), EventType::Sanction);
    }
}

/// Aid trucks or a convoy that entered, crossed or reached a place delivered aid there (PLOVER
/// AID): the copy names the vehicles, not the giving; so does a convoy "carrying" relief. A
/// national Red Crescent society is of its own country.
#[test]
fn an_aid_convoy_that_entered_is_aid() {
    let m = first_coded(
        "Report\n\nA UNICEF aid convoy of 12 trucks reached the besieged town of Taiz on \
         Wednesday.\n",
        EventType::Aid,
    );
    assert!(m.actors.iter().any(|a| a.side == Side::Source), "{m:#?}");
    let m = first_coded(
        "Report\n\nA convoy of the Iraqi Red Crescent carrying flour, blankets and medicine \
         entered Tal Afar on Sunday.\n",
        EventType::Aid,
    );
    assert_source_country(&m, "IRQ");
}

/// Welcoming a decision or a step already reported supports whoever took it, and the nearest
/// deed before it is meant, not a meeting or words in between.
#[test]
fn support_for_a_decision_reported_before_goes_to_its_maker() {
    let m = first_coded_of(
        "Report\n\nTurkey lifted its ban on flights to Sulaimani on Tuesday. Parliament Speaker \
         Numan Kurtulmus held talks with party leaders on Wednesday. Iraq's government welcomed \
         the decision on Wednesday.\n",
        EventType::Support,
    );
    assert!(targets_country(&m, "TUR"), "{:?}", m.actors);
}

/// PLOVER's PROTEST `riot`: violence a crowd does ("protesters stormed the consulate", "supporters
/// of the cleric broke into the embassy") is a protest; the same done by gunmen, or done to a crowd,
/// stays an attack. A condemnation of "the attack" after it is aimed at the crowd.
#[test]
fn a_crowd_storming_a_building_riots() {
    for body in [
        "Hundreds of protesters stormed the provincial council building in Nasiriyah and set it \
         on fire on Sunday.",
        "Supporters of the cleric Ali al-Zaidi broke into the Kuwaiti consulate in Basra on \
         Friday.",
        "Angry crowds torched the offices of two parties in Sulaymaniyah on Tuesday.",
    ] {
        let m = first_coded_of(body, EventType::Protest);
        assert_eq!(m.mode.as_deref(), Some("riot"), "{m:#?}");
        never_coded(body, EventType::Assault);
    }
    for body in [
        "Gunmen stormed the provincial council building in Nasiriyah on Sunday.",
        "Security forces opened fire on protesters in Nasiriyah on Thursday.",
        "Gunmen among the protesters opened fire on the police in Basra on Friday.",
    ] {
        first_coded_of(body, EventType::Assault);
    }
    let ms = code(
        "Demonstrators stormed the Turkish consulate in Mosul on Monday and set it ablaze. Ankara \
         condemned the attack on Tuesday.",
    );
    let condemned = (ms.iter())
        .find(|m| m.event_type == EventType::Accuse)
        .unwrap_or_else(|| panic!("{ms:#?}"));
    assert!(
        (condemned.actors.iter()).any(|a| a.side == Side::Target && a.name == "Protesters"),
        "{condemned:#?}"
    );
}

/// A short form an article introduces in brackets after a name names that body from then on,
/// though the lexicon does not list it.
#[test]
fn a_short_form_introduced_in_brackets_names_the_body() {
    let m = first_coded_of(
        "Units of the Counter-Terrorism Service (CTS) entered Ramadi on Monday. On Tuesday the CTS \
         arrested two suspects in the city.",
        EventType::Coerce,
    );
    assert_side(&m, "Iraqi security forces", Some(Side::Source));
}

/// A charge put in apposition to the clause that makes it (", a charge Baghdad rejected",
/// ", an accusation Tehran denies") is a clause of its own: the denial is coded beside the
/// accusation, by whoever denies.
#[test]
fn a_charge_in_apposition_is_denied_by_its_own_subject() {
    let body = "Ankara accused the Iraqi government of harbouring PKK fighters, a charge Baghdad \
                rejected.";
    first_coded_of(body, EventType::Accuse);
    let m = first_coded_of(body, EventType::Reject);
    assert_source_country(&m, "IRQ");
    assert!(
        !(m.actors.iter()).any(|a| a.side == Side::Source && a.country.as_deref() == Some("TUR")),
        "{m:#?}"
    );
}

/// "The party called on …", "The group accused …": a definite subject headed by a common noun
/// refers back to the nearest body the noun can name: one of that kind (a force no state
/// commands is an armed group too), or one whose name holds the noun; never a state's army.
#[test]
fn a_definite_common_noun_refers_back_to_a_body_of_its_kind() {
    let m = first_coded_of(
        "The Patriotic Union of Kurdistan condemned the strike on Monday. The party called on \
         Baghdad to act.",
        EventType::Request,
    );
    assert_side(&m, "Patriotic Union of Kurdistan (PUK)", Some(Side::Source));
    let m = first_coded_of(
        "The Syrian Democratic Forces detained 20 men on Monday. The group accused Turkey of \
         backing the attackers.",
        EventType::Accuse,
    );
    assert_side(&m, "Syrian Democratic Forces (SDF)", Some(Side::Source));
    let m = first_coded_of(
        "Iraqi forces detained 20 men on Monday. The group accused Turkey of backing the \
         attackers.",
        EventType::Accuse,
    );
    assert_side(&m, "Iraqi security forces", None);
}

/// A happening described in words of condemnation after a verb of being ("the shelling was a
/// flagrant violation", "amounted to a political assassination") or after "called it" is the
/// speaker's disapproval; a plain description ("was the deadliest attack") is none.
#[test]
fn condemnation_by_description_is_disapproval() {
    for body in [
        "The foreign ministry said the shelling was a flagrant violation of Iraqi sovereignty.",
        "Erbil called it an act of aggression against the Kurdistan Region.",
    ] {
        let m = first_coded_of(body, EventType::Accuse);
        assert_eq!(m.mode.as_deref(), Some("disapprove"), "{m:#?}");
    }
    for body in [
        "It was the deadliest attack in Baghdad in three years.",
        "Police said it was a terrorist attack.",
    ] {
        never_coded(body, EventType::Accuse);
    }
}

/// Condemning an attack is the PLOVER manual's ACCUSE ("condemn, decry a policy or an action"),
/// though CAMEO files "condemn terrorist attack" as an empathetic comment [018], which PLOVER
/// drops; the attack condemned, its epithets quoted, is no new happening.
#[test]
fn condemning_a_terrorist_attack_is_disapproval() {
    for body in [
        "The Arab League condemned the terrorist attack on the market in Kirkuk.",
        "The Arab League condemned the \"heinous and cowardly terrorist attack\" on the market.",
        "The Arab League condemned the \u{201c}heinous and cowardly terrorist attack\u{201d} on \
         the market.",
    ] {
        first_coded_of(body, EventType::Accuse);
        never_coded(body, EventType::Assault);
    }
}

/// The object of a causative does what its infinitive says ("…, prompting Kuwait to recall its
/// ambassador"): that is a happening of its own, with that object as its doer, not a purpose; and
/// the main clause's happening does not take the causative's object as its target.
#[test]
fn the_object_of_a_causative_does_what_its_infinitive_says() {
    let body = "Gunmen shelled an oil field near Basra on Sunday, prompting Kuwait to summon \
                Iraq's ambassador.";
    let ms = code(body);
    let attack = first_coded_of(body, EventType::Assault);
    assert!(!targets_country(&attack, "KWT"), "{:?}", attack.actors);
    let summons = ms.iter().find(|m| m.event_type == EventType::Accuse);
    let summons = summons.unwrap_or_else(|| panic!("{ms:#?}"));
    assert_source_country(summons, "KWT");
    // A purpose stays a purpose: no causative before the object.
    never_coded(
        "The minister flew to Amman on Sunday to summon the ambassador.",
        EventType::Accuse,
    );
}

/// Names found inside one another (an office holder's name within a longer title phrase) leave
/// no gap between them: reading the title before a person must not slice backwards. This body
/// panicked the coder before (`ActorIndex::fold_titles`).
#[test]
fn names_that_overlap_before_a_title_are_read_without_a_panic() {
    let body = "Iraqi Prime Minister Mohamed Shia Al-Sudani met Syrian President Ahmed al-Sharaa in \
                the Qatari capital on Tuesday, the first face-to-face talks between the two leaders \
                since the fall of Bashar al-Assad’s government in December.\n\n\
                Qatar’s Emir, Sheikh Tamim bin Hamad Al Thani, hosted and attended the meeting.";
    let ms = code(body);
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:#?}"
    );
}

/// A past verb of its own after the clause's happening tells a happening of its own, of
/// another kind ("a letter that demanded …"); one a condition opens ("unless Kuwait withdrew
/// …") is no happening.
#[test]
fn a_past_verb_after_the_clause_happening_tells_its_own() {
    let body = "Jordan summoned the Syrian ambassador on Monday, handing him a letter that \
                demanded Damascus stop the cross-border shelling.";
    let ms = code(body);
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Accuse),
        "{ms:#?}"
    );
    let demand = first_coded_of(body, EventType::Request);
    assert!(targets_country(&demand, "SYR"), "{:?}", demand.actors);
    let ms = code(
        "Qatar threatened on Monday to halt gas deliveries unless Kuwait withdrew the complaint.",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:#?}"
    );
}

/// Praise given as a description is support, as condemnation given as one is an accusation:
/// "described the accord as a historic step"; a description with no praise is no happening.
#[test]
fn a_description_in_words_of_praise_is_support() {
    first_coded_of(
        "Jordan's foreign minister on Sunday described the border accord as \"a historic step\" \
         for both countries.",
        EventType::Support,
    );
    never_coded(
        "Jordan's foreign minister on Sunday described the situation at the border as difficult.",
        EventType::Support,
    );
}

/// Territory taken by force is an assault (CAMEO 192, occupy territory, in CAMEO's root 19,
/// FIGHT): the PLOVER manual's COERCE falls "short of violence", and its gold standard codes
/// armies taking places as fighting. Seizing goods stays a seizure.
#[test]
fn territory_taken_by_force_is_an_assault() {
    first_coded_of(
        "The army occupied the southern suburbs of Aden on Tuesday.",
        EventType::Assault,
    );
    first_coded_of(
        "Ethiopian troops invaded Somalia in December 2006 to oust the Islamic Courts Union.",
        EventType::Assault,
    );
    first_coded_of(
        "Police seized a large cache of weapons in a raid in Kirkuk on Monday.",
        EventType::Coerce,
    );
}

/// Curly quotation marks are three bytes each: the speaker of a first-person quotation is found
/// past them as past straight ones (reading one byte past the mark once panicked).
#[test]
fn a_curly_quoted_statement_has_its_speaker() {
    let m = first_coded_of(
        "\u{201c}We condemn this cowardly attack,\u{201d} Foreign Minister Fuad Hussein said on Monday.",
        EventType::Accuse,
    );
    assert_eq!(side(&m, "Fuad Hussein"), Some(Side::Source), "{m:#?}");
}

/// A participle after a main verb of saying tells what the speaker did when it is a verbal act:
/// in "X said 16 people were killed, calling the strikes a violation", X calls them so.
#[test]
fn a_participle_of_speech_after_saying_is_the_speakers() {
    let m = first_coded_of(
        "Jordan's foreign ministry said on Monday that 16 people were killed, calling the strikes \
         a violation of international law.",
        EventType::Accuse,
    );
    assert!(
        (m.actors.iter()).any(|a| a.side == Side::Source && a.country.as_deref() == Some("JOR")),
        "{m:#?}"
    );
}

/// A gerund after a determiner is a noun, also when an adjective in scare quotes stands between
/// ("condemned the \"cowardly\" killing"): what is condemned is the object, not a second
/// happening of the clause.
#[test]
fn a_gerund_after_a_quoted_adjective_is_the_object() {
    first_coded_of(
        "The European Union on Monday condemned the \"brutal\" killing in Basra.",
        EventType::Accuse,
    );
    never_coded(
        "The European Union on Monday condemned the \"brutal\" killing in Basra.",
        EventType::Assault,
    );
}

/// A pattern's words are whole printed words, as in PETRARCH's tokens: the "border" of a
/// "cross-border offensive" is no border reopened (CAMEO 050, "reopen * border"), so launching
/// one is an assault, not support.
#[test]
fn a_word_inside_a_hyphenated_compound_is_no_patterns_object() {
    first_coded_of(
        "In October 2019, Turkey launched a cross-border offensive against Kurdish militias in Syria.",
        EventType::Assault,
    );
    never_coded(
        "In October 2019, Turkey launched a cross-border offensive against Kurdish militias in Syria.",
        EventType::Support,
    );
    first_coded_of(
        "Turkey reopened the border with Iraq on Monday.",
        EventType::Support,
    );
}

/// A host's guest is the verb's object: a name past a comma is in another clause ("welcomed the
/// news, saying Moscow had …" welcomes no one, it approves), a name after a time adjunct is not.
#[test]
fn a_name_past_a_comma_is_no_guest() {
    never_coded(
        "The Russian embassy in Baghdad also welcomed the decision, saying Moscow had followed the \
         case closely.",
        EventType::Consult,
    );
    first_coded_of(
        "Prime Minister Sudani welcomed, on Monday, the Saudi foreign minister in Baghdad.",
        EventType::Consult,
    );
}

/// What a happening is called is no happening of its own: "condemned what it called a terrorist
/// attack" reports the condemnation only; an attack named in a list after "such as" still codes.
#[test]
fn what_something_is_called_is_no_new_happening() {
    never_coded(
        "Jordan on Sunday condemned what it called a terrorist attack on a border post.",
        EventType::Assault,
    );
    never_coded(
        "The ministry condemned the shelling as a \"cowardly attack\" on civilians in Zakho.",
        EventType::Assault,
    );
    first_coded_of(
        "Jordan on Sunday condemned what it called a terrorist attack on a border post.",
        EventType::Accuse,
    );
}

/// A participle between a verb and its object's noun describes the noun: "struck suspected PKK
/// members" is one strike, no suspicion voiced.
#[test]
fn a_participle_before_the_object_describes_it() {
    let m = first_coded_of(
        "Turkish drones have repeatedly struck suspected PKK members near Amadiya.",
        EventType::Assault,
    );
    assert!(
        (m.actors.iter()).any(|a| a.side == Side::Source && a.country.as_deref() == Some("TUR")),
        "{m:#?}"
    );
    never_coded(
        "Turkish drones have repeatedly struck suspected PKK members near Amadiya.",
        EventType::Accuse,
    );
}

/// A past form after "and" that the tagger read as a participle is a verb of its own when the
/// first verb is a past form: "spoke with Kadhimi and offered help" tells two happenings. Inside
/// a condition it stays the condition's ("will withdraw unless the president held elections").
#[test]
fn a_coordinated_past_form_is_a_verb_of_its_own() {
    let ms = code("Police arrested the man on Monday and charged him with murder.");
    assert!(
        (ms.iter()).any(|m| m.event_type == EventType::Coerce)
            && (ms.iter()).any(|m| m.event_type == EventType::Accuse),
        "{ms:#?}"
    );
    never_coded(
        "Nigeria announced that it will withdraw its troops from Chad unless the president \
         arranged a ceasefire and held elections within four months.",
        EventType::Agree,
    );
}

/// With a tense, an aspectual verb's gerund heads the verb phrase: "would keep cooperating with
/// the agency" is cooperation promised, "continued shelling the villages" an attack; after
/// "stopped" nothing happens.
#[test]
fn a_gerund_after_an_aspectual_verb_is_the_verb() {
    first_coded_of(
        "Tehran said it would keep cooperating with the UN atomic watchdog.",
        EventType::Agree,
    );
    first_coded_of(
        "Turkish artillery continued shelling villages near Zakho on Monday.",
        EventType::Assault,
    );
    assert!(
        code("Iraq stopped cooperating with the agency on Monday.").is_empty(),
        "stopping is no cooperation"
    );
}

/// A participle of feeling after "be" is an adjective: its subject feels the disapproval and
/// tells it ("was deeply disappointed by the ruling"), it suffers nothing, as in a passive.
#[test]
fn a_participle_of_feeling_is_its_subjects_disapproval() {
    let m = first_coded_of(
        "The European Union said it was deeply disappointed by the court's ruling on Monday.",
        EventType::Accuse,
    );
    assert_side(&m, "European Union", Some(Side::Source));
    let m = first_coded_of(
        "Ankara was angered by Sweden's decision to allow the rally.",
        EventType::Accuse,
    );
    assert_source_country(&m, "TUR");
    let m = first_coded_of(
        "Two soldiers were killed by ISIS fighters.",
        EventType::Assault,
    );
    assert_side(&m, "soldiers", Some(Side::Target));
}

/// The PLOVER manual's SANCTION `convict` takes in an entity "found guilty and sentenced":
/// a sentence is the court's sanction, its penalty named or not; a participle describing the
/// convicted is no new sentencing.
#[test]
fn a_sentence_passed_is_a_conviction() {
    first_coded_of(
        "A criminal court in Basra sentenced four men on Thursday.",
        EventType::Sanction,
    );
    never_coded(
        "The ministry called for the execution of prisoners sentenced to death for terrorism.",
        EventType::Sanction,
    );
    // The manual: "court-ordered payments should be coded as SANCTION events"; wages ordered
    // paid are no penalty.
    let m = first_coded_of(
        "A tribunal in London ordered Moscow to pay Kyiv $2 billion in damages on Friday.",
        EventType::Sanction,
    );
    assert_source_country(&m, "GBR");
    first_coded_of(
        "A tribunal in London ordered Moscow to pay the wages of the ship's crew on Friday.",
        EventType::Request,
    );
}

/// A town seized is occupied (CAMEO 192, ASSAULT): the seizing verb's object is a town of the
/// gazetteer, or a town by its common noun; men and weapons seized stay coercion.
#[test]
fn a_town_seized_is_occupied() {
    first_coded_of(
        "Rebel fighters captured Homs on Sunday.",
        EventType::Assault,
    );
    first_coded_of(
        "Government troops seized several villages north of Hama on Friday.",
        EventType::Assault,
    );
    first_coded_of(
        "Police captured three suspects in Homs on Sunday.",
        EventType::Coerce,
    );
}

/// A command whose object is a happening's noun tells the happening ordered, with the
/// commander as its source (CAMEO's ORDER patterns); ordering people to act is a demand.
#[test]
fn a_happening_ordered_is_that_happening() {
    let m = first_coded_of(
        "Lebanese Prime Minister Najib Mikati ordered the formation of a commission of judges \
         to probe the explosion.",
        EventType::Accuse,
    );
    assert_side(&m, "Najib Mikati", Some(Side::Source));
    first_coded_of(
        "Lebanese Prime Minister Najib Mikati ordered a curfew across Tripoli on Friday.",
        EventType::Coerce,
    );
    first_coded_of(
        "Lebanese Prime Minister Najib Mikati ordered the army to withdraw from Tripoli.",
        EventType::Request,
    );
}

/// Sympathy offered is support (the PLOVER manual's SUPPORT, "express support for ... actor";
/// CAMEO's 018 empathetic comment, which CAMEO2PLOVER leaves out): condolences, and a visit to
/// the wounded, which is no meeting between parties.
#[test]
fn sympathy_offered_is_support() {
    let m = first_coded_of(
        "Jordan's King Abdullah offered his condolences to the families of the victims on Monday.",
        EventType::Support,
    );
    assert_source_country(&m, "JOR");
    first_coded_of(
        "Lebanese Prime Minister Najib Mikati visited the wounded at a Tripoli hospital on Friday.",
        EventType::Support,
    );
    first_coded_of(
        "Lebanese Prime Minister Najib Mikati visited Damascus on Friday.",
        EventType::Consult,
    );
}

/// A participle after "and" is coordinated with the sentence's verb, not with the verb of a
/// relative clause set off by commas before it: "called for" is the Union's second act.
#[test]
fn a_relative_clause_does_not_hide_the_coordinated_verb() {
    let ms = code(
        "The European Union, whose foreign ministers meet in Brussels, condemned the shelling on \
         Monday and called for an immediate ceasefire.",
    );
    assert!(
        (ms.iter()).any(|m| m.event_type == EventType::Accuse)
            && (ms.iter()).any(|m| m.event_type == EventType::Request),
        "{ms:#?}"
    );
}

/// An insurgency waged is a war waged (CAMEO's "wage * war", 190): the dictionary's supplement.
#[test]
fn an_insurgency_waged_is_fighting() {
    first_coded_of(
        "Boko Haram has waged an insurgency against the Nigerian government since 2009.",
        EventType::Assault,
    );
}

/// A past form the tagger reads as a participle before a gerund is the clause's verb, the
/// gerund its object: "denied ordering a shutdown" is a denial.
#[test]
fn a_past_form_before_a_gerund_is_the_verb() {
    first_coded_of(
        "Iraq's Ministry of Water Resources denied ordering the closure and blamed local officials.",
        EventType::Reject,
    );
}

/// The subject of a passive verb is its object even when a prepositional phrase qualifies it:
/// "The curfew in Tripoli was lifted" tells the lifting, not a curfew.
#[test]
fn a_qualified_subject_of_a_passive_is_its_object() {
    let m = first_coded(
        "The curfew in Tripoli was lifted by the Lebanese army on Monday.",
        EventType::Concede,
    );
    assert_source_country(&m, "LBN");
}

/// The set phrases of official threats are threats by whoever says them: "will not escape
/// justice", "will not go in vain", "legitimate targets"; a comment policy threatens nobody.
#[test]
fn the_set_phrases_of_threat_are_threats() {
    let m = first_coded_of(
        "Jordan's interior minister said on Sunday that the killers of the two officers would not \
         escape justice.",
        EventType::Threaten,
    );
    assert_source_country(&m, "JOR");
    first_coded_of(
        "Lebanese Prime Minister Najib Mikati said the blood of the soldiers would not go in vain.",
        EventType::Threaten,
    );
    never_coded(
        "We will not tolerate the following: profanity, threats, vulgarity or abuse.",
        EventType::Threaten,
    );
}

/// Encouraging someone to act is an appeal (CAMEO 020, REQUEST); encouraging alone is praise.
#[test]
fn encouraging_someone_to_act_is_a_request() {
    let m = first_coded_of(
        "The European Union on Monday encouraged Serbia and Kosovo to resume their talks.",
        EventType::Request,
    );
    assert_side(&m, "European Union", Some(Side::Source));
}
