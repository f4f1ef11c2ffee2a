//! What an event's mark on the timeline tells at a glance, before anyone reads its label: a
//! change of who holds a place, sources that qualify or dispute each other, and how many
//! originators back it. Each is drawn with a shape or a pattern as well as a colour, named in
//! the mark's accessible name, and explained by the legend.

use super::attribution::Attribution;
use super::dataset::{Dataset, Event};
use super::date::{DateShape, EventDate};
use super::words::count;

/// The facts an event's mark encodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkFacts {
    /// The place whose holder the event changes.
    pub changes_control_of: Option<String>,
    /// Whether its sources qualify or dispute each other.
    pub contested: bool,
    /// How many originators back it.
    pub originators: usize,
}

impl MarkFacts {
    pub fn of(dataset: &Dataset, event: &Event) -> MarkFacts {
        let corroboration = Attribution::of(dataset, event).corroboration;
        MarkFacts {
            changes_control_of: event.control.as_ref().map(|c| c.place.clone()),
            contested: corroboration.contested,
            originators: corroboration.originators,
        }
    }

    /// The mark's classes, as the stylesheet knows them, for an event on `date`: "mark control
    /// disputed fuzzy open". The stylesheet draws the symbol and the bar from them.
    pub fn mark_classes(&self, date: &EventDate) -> String {
        let mut classes = String::from("mark");
        for (applies, class) in [
            (self.changes_control_of.is_some(), "control"),
            (self.contested, "disputed"),
            (date.shape() != DateShape::Point, date.shape().name()),
            (date.is_open(), "open"),
        ] {
            if applies {
                classes.push(' ');
                classes.push_str(class);
            }
        }
        classes
    }

    /// The number the mark shows after its title, when more than one originator backs it.
    pub fn badge(&self) -> Option<String> {
        badge(self.originators)
    }

    /// The mark's accessible name: the event, then what the mark shows. "Syrian forces
    /// recapture Palmyra, 2 March 2017. Changes who holds Palmyra; sources disagree; 3
    /// originators"
    pub fn name(&self, event: &Event) -> String {
        let mut facts = Vec::new();
        if let Some(place) = &self.changes_control_of {
            facts.push(format!("changes who holds {place}"));
        }
        if self.contested {
            facts.push("sources disagree".to_string());
        }
        facts.push(count(self.originators, "originator", "originators"));
        let mut facts = facts.join("; ");
        if let Some(first) = facts.get(..1) {
            facts = first.to_ascii_uppercase() + &facts[1..];
        }
        format!("{}. {facts}", event.label())
    }
}

/// The badge for an event that `originators` originators back: "3", or none for one.
pub fn badge(originators: usize) -> Option<String> {
    (originators > 1).then(|| originators.to_string())
}

/// One line of the legend: the sample's classes, as the stylesheet knows them, and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegendEntry {
    pub sample: &'static str,
    pub words: &'static str,
}

/// The timeline's legend, in the order it reads.
pub const LEGEND: [LegendEntry; 6] = [
    LegendEntry { sample: "symbol", words: "Event" },
    LegendEntry { sample: "symbol control", words: "Changes who holds a place" },
    LegendEntry { sample: "symbol disputed", words: "Sources disagree" },
    LegendEntry { sample: "badge", words: "Originators, when more than one" },
    LegendEntry { sample: "bar fuzzy", words: "Date known only roughly: drawn over its bounds" },
    LegendEntry { sample: "bar interval", words: "Lasted over a period" },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recapture_changes_control_and_its_sources_disagree() {
        let catalog = crate::model::Catalog::new(crate::model::fixtures::palmyra(), crate::model::DatasetOrigin::Bundled);
        let dataset = &catalog.dataset;
        let event = dataset.event("palmyra-recaptured").unwrap();
        let facts = MarkFacts::of(dataset, event);
        assert_eq!(facts.changes_control_of.as_deref(), Some("Palmyra"));
        assert!(facts.contested);
        assert_eq!(facts.mark_classes(&event.date), "mark control disputed");
        assert_eq!(facts.badge().as_deref(), Some(facts.originators.to_string().as_str()));
        assert_eq!(
            facts.name(event),
            format!("Syrian forces recapture Palmyra, 2 March 2017. Changes who holds Palmyra; sources disagree; {} originators", facts.originators)
        );
    }

    #[test]
    fn a_plain_event_is_a_plain_mark() {
        let catalog = crate::model::Catalog::new(crate::model::fixtures::palmyra(), crate::model::DatasetOrigin::Bundled);
        let dataset = &catalog.dataset;
        let event = dataset.event("russian-air-campaign").unwrap();
        let facts = MarkFacts::of(dataset, event);
        assert_eq!(facts, MarkFacts { changes_control_of: None, contested: false, originators: 1 });
        assert_eq!(facts.mark_classes(&event.date), "mark fuzzy");
        assert_eq!(facts.badge(), None);
        assert_eq!(facts.name(event), "Russia starts its air campaign, September 2015. 1 originator");
    }

    #[test]
    fn a_mark_names_the_shape_of_its_date() {
        let facts = MarkFacts { changes_control_of: None, contested: false, originators: 1 };
        let classes = |text: &str| facts.mark_classes(&EventDate::parse(text).unwrap());
        assert_eq!(classes("2017-03-02"), "mark");
        assert_eq!(classes("2016-12"), "mark fuzzy");
        assert_eq!(classes("2016-08-21/2016-08-31"), "mark interval");
        assert!(classes("[..2017-03-02]").ends_with(" open"), "{}", classes("[..2017-03-02]"));
    }

    #[test]
    fn the_legend_names_every_sample_once() {
        let mut samples: Vec<&str> = LEGEND.iter().map(|e| e.sample).collect();
        samples.sort_unstable();
        samples.dedup();
        assert_eq!(samples.len(), LEGEND.len());
        assert!(LEGEND.iter().any(|e| e.sample == format!("bar {}", DateShape::Fuzzy.name())));
    }
}
