//! Who says an event happened: its claims grouped by originator with their relay chains, and
//! how well the event is corroborated.

use super::dataset::{Claim, Dataset, Document, Event, Source, Stance};

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

    /// One line for people: "3 originators, 1 of them not a party to the conflict".
    pub fn summary(&self) -> String {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut line = format!(
            "{}, {} not a party to the conflict",
            plural(self.originators, "originator supports this", "originators support this"),
            plural(self.independent, "of them", "of them"),
        );
        if self.disputing > 0 {
            line.push_str(&format!("; {} it", plural(self.disputing, "disputes", "dispute")));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Dataset {
        let json = r#"{
            "format": "sourceline/1", "title": "T", "description": "D",
            "documents": [ { "id": "doc", "title": "Report", "published": "2017-03-02", "kind": "news article" } ],
            "sources": [
                { "id": "army", "name": "Army", "kind": "military", "party": "Government" },
                { "id": "agency", "name": "Agency", "kind": "state news agency", "party": "Government" },
                { "id": "monitor", "name": "Monitor", "kind": "monitoring group" },
                { "id": "director", "name": "Director", "kind": "official", "affiliation": "monitor" },
                { "id": "rebels", "name": "Rebels", "kind": "armed group", "party": "Rebels" }
            ],
            "events": [ { "id": "e", "date": "2017-03-02", "title": "T", "summary": "S", "claims": [
                { "id": "a", "text": "took it", "by": "army", "via": ["agency"], "in": "doc" },
                { "id": "m", "text": "withdrew", "by": "monitor", "in": "doc" },
                { "id": "d", "text": "not all yet", "by": "director", "in": "doc", "stance": "qualifies" },
                { "id": "a2", "text": "and more", "by": "army", "in": "doc" },
                { "id": "r", "text": "never happened", "by": "rebels", "in": "doc", "stance": "disputes" }
            ] } ]
        }"#;
        let (dataset, problems) = Dataset::parse(json);
        assert_eq!(problems, []);
        dataset.unwrap()
    }

    #[test]
    fn claims_are_grouped_by_originator_with_their_chains() {
        let dataset = fixture();
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
        let dataset = fixture();
        let c = Attribution::of(&dataset, &dataset.events[0]).corroboration;
        assert_eq!(c, Corroboration { originators: 2, independent: 1, disputing: 1, contested: true });
        assert_eq!(c.summary(), "2 originators support this, 1 of them not a party to the conflict; 1 disputes it");
    }
}
