//! Who says an event happened: its claims grouped by originator with their relay chains, and
//! how well the event is corroborated.

use std::fmt;

use super::dataset::{Claim, Dataset, Document, Event, Source, Stance};
use super::words::{count, listing};

/// Where a source stands in the conflict: a party to it, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'a> {
    /// A party to the conflict, by name.
    Party(&'a str),
    /// An outside observer.
    NotAParty,
}

impl<'a> Standing<'a> {
    /// A source's standing: its own party, or its organisation's where it speaks for one.
    pub fn of(dataset: &'a Dataset, source: &'a Source) -> Standing<'a> {
        let organisation = || source.affiliation.as_deref().and_then(|id| dataset.source(id));
        match source.party.as_deref().or_else(|| organisation().and_then(|org| org.party.as_deref())) {
            Some(party) => Standing::Party(party),
            None => Standing::NotAParty,
        }
    }

    /// The party's name, if it is one.
    pub fn party(self) -> Option<&'a str> {
        match self {
            Standing::Party(party) => Some(party),
            Standing::NotAParty => None,
        }
    }
}

impl fmt::Display for Standing<'_> {
    /// "Party to the conflict: Russia", "Not a party to the conflict".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Standing::Party(party) => write!(f, "Party to the conflict: {party}"),
            Standing::NotAParty => f.write_str(NOT_A_PARTY_WORDS),
        }
    }
}

/// How the app names sources outside every party, in sentences and in the party menu.
pub const NOT_A_PARTY_WORDS: &str = "Not a party to the conflict";

/// The heading over every claim about an event, in the app and on the event's page.
pub const WHO_SAYS_SO: &str = "Who says so";

/// The name of the list that runs from a claim's originator through its relays to the document.
pub const RELAY_CHAIN: &str = "Relay chain";

/// What the attribution panel says when claims qualify or dispute each other.
pub const SIDE_BY_SIDE: &str = "Sources qualify or dispute each other here: their claims are shown side by side.";

/// What each link of a relay chain did with a claim: the diagram of the chain names it on each
/// of its nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainRole {
    /// The source the claim comes from.
    Originated,
    /// A source that passed it on.
    Relayed,
    /// The document it appeared in.
    PublishedIn,
}

impl ChainRole {
    /// The role in a word or two, as the node shows it: "originated", "relayed", "published in".
    pub fn words(self) -> &'static str {
        match self {
            ChainRole::Originated => "originated",
            ChainRole::Relayed => "relayed",
            ChainRole::PublishedIn => "published in",
        }
    }
}

/// One claim with everything it points at resolved: its chain of sources, from originator to
/// the last relay, and the document it is reported in.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributedClaim<'a> {
    pub claim: &'a Claim,
    /// The originator first, then each relay in order.
    pub chain: Vec<&'a Source>,
    pub document: Option<&'a Document>,
}

/// The claims of one originator about one event.
#[derive(Debug, Clone, PartialEq)]
pub struct OriginatorClaims<'a> {
    pub originator: &'a Source,
    /// The organisation the originator speaks for, when it is a person speaking for one.
    pub organisation: Option<&'a Source>,
    pub claims: Vec<AttributedClaim<'a>>,
}

/// Every claim about an event, grouped by who originated it, in the order each originator
/// first appears among the event's claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution<'a> {
    pub groups: Vec<OriginatorClaims<'a>>,
    pub corroboration: Corroboration,
}

/// How many distinct voices stand behind an event. A person speaking for an organisation
/// counts as that organisation, so one group is never counted twice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Corroboration {
    /// Distinct originators with a claim that supports or qualifies the event.
    pub originators: usize,
    /// How many of those are not a party to the conflict.
    pub independent: usize,
    /// Distinct originators with a claim that disputes the event.
    pub disputing: usize,
    /// True when any claim qualifies or disputes another, so the claims belong side by side.
    pub contested: bool,
}

impl<'a> AttributedClaim<'a> {
    /// Each source along the chain with what it did: the originator first, then each relay.
    pub fn sources(&self) -> impl Iterator<Item = (ChainRole, &'a Source)> + '_ {
        self.chain
            .iter()
            .enumerate()
            .map(|(i, source)| (if i == 0 { ChainRole::Originated } else { ChainRole::Relayed }, *source))
    }

    /// Where the claim was reported, after the document's title: its publisher, its date and
    /// the place in it, each after a comma (", AFP, 2 March 2017, paragraph 7").
    pub fn document_details(&self) -> String {
        let mut details = String::new();
        if let Some(document) = self.document {
            for part in document.publisher.iter().cloned().chain([document.published.human()]) {
                details.push_str(", ");
                details.push_str(&part);
            }
        }
        if let Some(locator) = &self.claim.locator {
            details.push_str(", ");
            details.push_str(locator);
        }
        details
    }
}

impl OriginatorClaims<'_> {
    /// "for Syrian Observatory for Human Rights", when the originator speaks for one.
    pub fn speaks_for(&self) -> Option<String> {
        self.organisation.map(|org| format!("for {}", org.name))
    }
}

impl Attribution<'_> {
    /// Every originator's name, in the order of the panel: "Sergei Shoigu, Syrian army and
    /// Syrian Observatory for Human Rights".
    pub fn originator_names(&self) -> String {
        listing(&self.groups.iter().map(|g| g.originator.name.as_str()).collect::<Vec<_>>())
    }
}

impl<'a> Attribution<'a> {
    /// The attribution of `event`, resolved against `dataset`. Ids that do not resolve (which
    /// validation prevents) are skipped rather than shown wrong.
    pub fn of(dataset: &'a Dataset, event: &'a Event) -> Attribution<'a> {
        let mut groups: Vec<OriginatorClaims<'a>> = Vec::new();
        for claim in &event.claims {
            let Some(originator) = dataset.source(&claim.by) else { continue };
            let chain = std::iter::once(originator)
                .chain(claim.via.iter().filter_map(|id| dataset.source(id)))
                .collect();
            let attributed = AttributedClaim { claim, chain, document: dataset.document(&claim.document) };
            match groups.iter_mut().find(|g| g.originator.id == originator.id) {
                Some(group) => group.claims.push(attributed),
                None => groups.push(OriginatorClaims {
                    originator,
                    organisation: originator.affiliation.as_deref().and_then(|id| dataset.source(id)),
                    claims: vec![attributed],
                }),
            }
        }
        let corroboration = Corroboration::of(&groups);
        Attribution { groups, corroboration }
    }
}

impl Corroboration {
    /// How many distinct originators back `event` (see [`Corroboration::originators`]), counted
    /// without resolving the whole attribution: what a timeline mark shows for each of
    /// thousands of events.
    pub fn backing(dataset: &Dataset, event: &Event) -> usize {
        let mut voices: Vec<&str> = Vec::new();
        for claim in event.claims.iter().filter(|c| c.stance != Stance::Disputes) {
            let Some(originator) = dataset.source(&claim.by) else { continue };
            let voice = originator.affiliation.as_deref().and_then(|id| dataset.source(id)).unwrap_or(originator);
            if !voices.contains(&voice.id.as_str()) {
                voices.push(&voice.id);
            }
        }
        voices.len()
    }

    fn of(groups: &[OriginatorClaims<'_>]) -> Corroboration {
        let mut backing: Vec<&Source> = Vec::new();
        let mut disputing: Vec<&Source> = Vec::new();
        let mut contested = false;
        for group in groups {
            let voice = group.organisation.unwrap_or(group.originator);
            for attributed in &group.claims {
                let stance = attributed.claim.stance;
                contested |= stance != Stance::Supports;
                let tally = if stance == Stance::Disputes { &mut disputing } else { &mut backing };
                if !tally.iter().any(|s| s.id == voice.id) {
                    tally.push(voice);
                }
            }
        }
        Corroboration {
            originators: backing.len(),
            independent: backing.iter().filter(|s| s.party.is_none()).count(),
            disputing: disputing.len(),
            contested,
        }
    }

    /// One line for people: "3 originators support this, 1 of them not a party to the
    /// conflict; 1 disputes it".
    pub fn summary(&self) -> String {
        let mut line = format!(
            "{}, {} of them not a party to the conflict",
            count(self.originators, "originator supports this", "originators support this"),
            self.independent,
        );
        if self.disputing > 0 {
            line.push_str(&format!("; {} it", count(self.disputing, "disputes", "dispute")));
        }
        line
    }

    /// The stance a claim's node shows, in words as well as in its look: every claim's while
    /// claims qualify or dispute each other, so they can be compared side by side, and none
    /// while they all agree.
    pub fn shown_stance(&self, stance: Stance) -> Option<Stance> {
        self.contested.then_some(stance)
    }

    /// A few words for a list: "3 originators", "1 originator · contested".
    pub fn short(&self) -> String {
        let backing = count(self.originators, "originator", "originators");
        if self.contested {
            format!("{backing} · contested")
        } else {
            backing
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::fixtures;

    #[test]
    fn claims_are_grouped_by_originator_with_their_chains() {
        let dataset = fixtures::contested();
        let attribution = Attribution::of(&dataset, &dataset.events[0]);
        let shape: Vec<(&str, Vec<&str>)> = attribution
            .groups
            .iter()
            .map(|g| (g.originator.id.as_str(), g.claims.iter().map(|c| c.claim.id.as_str()).collect()))
            .collect();
        assert_eq!(shape, [("army", vec!["a", "a2"]), ("monitor", vec!["m"]), ("director", vec!["d"]), ("rebels", vec!["r"])]);
        let chain: Vec<&str> = attribution.groups[0].claims[0].chain.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(chain, ["Army", "Agency"]);
        assert_eq!(attribution.groups[2].organisation.map(|s| s.id.as_str()), Some("monitor"));
        assert_eq!(attribution.groups[0].claims[0].document.map(|d| d.title.as_str()), Some("Report"));
    }

    #[test]
    fn corroboration_counts_an_organisation_once_and_sets_disputes_apart() {
        let dataset = fixtures::contested();
        let c = Attribution::of(&dataset, &dataset.events[0]).corroboration;
        assert_eq!(c, Corroboration { originators: 2, independent: 1, disputing: 1, contested: true });
        assert_eq!(c.summary(), "2 originators support this, 1 of them not a party to the conflict; 1 disputes it");
        assert_eq!(c.short(), "2 originators · contested");
        let alone = Corroboration { originators: 1, independent: 0, disputing: 0, contested: false };
        assert_eq!(alone.summary(), "1 originator supports this, 0 of them not a party to the conflict");
        assert_eq!(alone.short(), "1 originator");
    }

    #[test]
    fn standing_follows_the_organisation_a_person_speaks_for() {
        let dataset = fixtures::contested();
        let standing = |id: &str| Standing::of(&dataset, dataset.source(id).unwrap()).to_string();
        assert_eq!(standing("army"), "Party to the conflict: Government");
        assert_eq!(standing("monitor"), "Not a party to the conflict");
        assert_eq!(standing("director"), "Not a party to the conflict");
        assert_eq!(Standing::of(&dataset, dataset.source("rebels").unwrap()).party(), Some("Rebels"));
    }

    #[test]
    fn a_chain_names_what_each_source_did() {
        let dataset = fixtures::contested();
        let attribution = Attribution::of(&dataset, &dataset.events[0]);
        let roles: Vec<(&str, &str)> =
            attribution.groups[0].claims[0].sources().map(|(role, s)| (role.words(), s.name.as_str())).collect();
        assert_eq!(roles, [("originated", "Army"), ("relayed", "Agency")]);
        assert_eq!(ChainRole::PublishedIn.words(), "published in");
    }

    #[test]
    fn stances_are_shown_only_where_claims_differ() {
        let contested = Corroboration { contested: true, ..Corroboration::default() };
        assert_eq!(contested.shown_stance(Stance::Supports), Some(Stance::Supports));
        assert_eq!(contested.shown_stance(Stance::Disputes), Some(Stance::Disputes));
        assert_eq!(Corroboration::default().shown_stance(Stance::Supports), None);
    }

    #[test]
    fn a_claim_names_where_it_was_reported() {
        let dataset = fixtures::contested();
        let attribution = Attribution::of(&dataset, &dataset.events[0]);
        assert_eq!(attribution.groups[0].claims[0].document_details(), ", 2 March 2017");
        assert_eq!(attribution.groups[2].speaks_for().as_deref(), Some("for Monitor"));
        assert_eq!(attribution.groups[0].speaks_for(), None);
    }

    #[test]
    fn backing_counts_what_the_whole_attribution_counts() {
        for dataset in [fixtures::palmyra(), fixtures::contested(), fixtures::small()] {
            for event in &dataset.events {
                assert_eq!(Corroboration::backing(&dataset, event), Attribution::of(&dataset, event).corroboration.originators, "{}", event.id);
            }
        }
    }

}
