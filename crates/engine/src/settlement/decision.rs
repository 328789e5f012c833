//! The status of a shared objective, computed from the partners' stances and the partnership's
//! decision rule, with the reason a convenor reads out.

use std::collections::HashMap;

/// A partner's stance on one version of an objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    /// The partner endorses the version.
    Endorse,
    /// The partner endorses it and has written its reservations.
    EndorseWithReservations,
    /// The partner objects, with a written reason (and perhaps an amendment).
    Object,
}

impl Stance {
    /// Whether the stance supports adopting the version.
    pub fn endorses(self) -> bool {
        matches!(self, Stance::Endorse | Stance::EndorseWithReservations)
    }
}

/// One recorded stance, or the withdrawal of one. Later entries (higher `sequence`) replace
/// earlier ones of the same partner on the same version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StanceEntry {
    /// The partner the stance is for.
    pub partner: u64,
    /// The version of the objective it is on.
    pub version: u32,
    /// The stance, or `None` when the partner withdrew its stance.
    pub stance: Option<Stance>,
    /// The order in which the record received it.
    pub sequence: u64,
}

/// How a partnership decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionRule {
    /// Adopted when no partner objects and at least `quorum_percent` of the partners (rounded
    /// up, and at least one) have responded.
    Consent {
        /// The share of partners that must respond, in percent (1 to 100).
        quorum_percent: u8,
    },
    /// Adopted when every partner endorses, with or without reservations.
    Unanimity,
}

impl DecisionRule {
    /// The consent rule with a quorum of half the partners.
    pub const DEFAULT: DecisionRule = DecisionRule::Consent { quorum_percent: 50 };

    /// Returns how many partners must respond under this rule, out of `partners`.
    pub fn responses_needed(self, partners: usize) -> usize {
        match self {
            DecisionRule::Consent { quorum_percent } => {
                let percent = usize::from(quorum_percent.clamp(1, 100));
                (partners * percent).div_ceil(100).max(1)
            }
            DecisionRule::Unanimity => partners.max(1),
        }
    }
}

/// Where an objective stands in the convenor's hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectivePhase {
    /// Being written; not yet put to the partners.
    Draft,
    /// The current version is with the partners.
    WithPartners,
    /// The convenor recorded the adoption of the current version, which the rule allowed.
    Decided,
    /// The convenor withdrew the objective.
    Withdrawn,
}

/// The status an objective is shown with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectiveStatus {
    /// Not yet put to the partners.
    Draft,
    /// With the partners, and the decision rule is not met.
    InNegotiation,
    /// The decision rule is met on the current version.
    Adopted,
    /// Withdrawn by the convenor.
    Withdrawn,
}

impl ObjectiveStatus {
    /// The word used in the record, the API and the pages.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectiveStatus::Draft => "draft",
            ObjectiveStatus::InNegotiation => "in_negotiation",
            ObjectiveStatus::Adopted => "adopted",
            ObjectiveStatus::Withdrawn => "withdrawn",
        }
    }
}

/// A partner of the partnership, as the decision needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerRef {
    /// The partner's id.
    pub id: u64,
    /// Its name, used in the reason.
    pub name: String,
    /// Its sector (statutory, voluntary, community, ...).
    pub sector: String,
}

/// Everything the status of one objective depends on.
#[derive(Clone, Copy, Debug)]
pub struct Negotiation<'a> {
    /// The partnership's current partners; archived partners are left out.
    pub partners: &'a [PartnerRef],
    /// The version now under negotiation (the newest).
    pub current_version: u32,
    /// Where the convenor has taken the objective.
    pub phase: ObjectivePhase,
    /// Every stance on every version, in any order.
    pub stances: &'a [StanceEntry],
    /// The partnership's decision rule.
    pub rule: DecisionRule,
}

/// How many partners took each stance on the current version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StanceCounts {
    /// Partners that endorse without reservations.
    pub endorse: usize,
    /// Partners that endorse with reservations.
    pub with_reservations: usize,
    /// Partners that object.
    pub object: usize,
    /// Partners with no stance on the current version.
    pub not_responded: usize,
}

impl StanceCounts {
    /// Partners that endorse, with or without reservations.
    pub fn endorsing(&self) -> usize {
        self.endorse + self.with_reservations
    }

    /// Partners that responded.
    pub fn responded(&self) -> usize {
        self.endorsing() + self.object
    }

    /// Every partner.
    pub fn partners(&self) -> usize {
        self.responded() + self.not_responded
    }

    fn add(&mut self, stance: Option<Stance>) {
        match stance {
            Some(Stance::Endorse) => self.endorse += 1,
            Some(Stance::EndorseWithReservations) => self.with_reservations += 1,
            Some(Stance::Object) => self.object += 1,
            None => self.not_responded += 1,
        }
    }
}

/// The stances of one sector's partners on the current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectorTally {
    /// The sector.
    pub sector: String,
    /// Its partners' stances.
    pub counts: StanceCounts,
}

/// One partner's standing on the objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartnerStanding {
    /// The partner.
    pub partner: u64,
    /// Its stance on the current version, if any.
    pub stance: Option<Stance>,
    /// Its latest stance on an earlier version, kept and shown but not counted.
    pub earlier: Option<(u32, Stance)>,
}

/// The computed status of an objective.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The status.
    pub status: ObjectiveStatus,
    /// Why, in a sentence a convenor can read out.
    pub reason: String,
    /// The stances on the current version; each partner counts once whatever its size.
    pub counts: StanceCounts,
    /// The same by sector, sectors in alphabetical order.
    pub by_sector: Vec<SectorTally>,
    /// Each partner's standing, in the order of `Negotiation::partners`.
    pub partners: Vec<PartnerStanding>,
    /// Whether the decision rule is met on the current version (the convenor may then record
    /// the adoption).
    pub rule_met: bool,
}

/// Computes the status of an objective and its reason.
pub fn decide(negotiation: &Negotiation<'_>) -> Decision {
    let latest = latest_stances(negotiation.stances);
    let mut counts = StanceCounts::default();
    let mut sectors: HashMap<&str, StanceCounts> = HashMap::new();
    let mut partners = Vec::with_capacity(negotiation.partners.len());
    let mut objecting = Vec::new();
    for partner in negotiation.partners {
        let stance = latest
            .get(&(partner.id, negotiation.current_version))
            .copied()
            .flatten();
        let earlier = latest
            .iter()
            .filter(|((id, version), stance)| {
                *id == partner.id && *version < negotiation.current_version && stance.is_some()
            })
            .max_by_key(|((_, version), _)| *version)
            .and_then(|((_, version), stance)| Some((*version, (*stance)?)));
        counts.add(stance);
        sectors
            .entry(partner.sector.as_str())
            .or_default()
            .add(stance);
        if stance == Some(Stance::Object) {
            objecting.push(partner.name.as_str());
        }
        partners.push(PartnerStanding {
            partner: partner.id,
            stance,
            earlier,
        });
    }
    let mut by_sector: Vec<SectorTally> = sectors
        .into_iter()
        .map(|(sector, counts)| SectorTally {
            sector: sector.to_owned(),
            counts,
        })
        .collect();
    by_sector.sort_by(|left, right| left.sector.cmp(&right.sector));

    let needed = negotiation.rule.responses_needed(counts.partners());
    let rule_met = !negotiation.partners.is_empty()
        && match negotiation.rule {
            DecisionRule::Consent { .. } => counts.object == 0 && counts.responded() >= needed,
            DecisionRule::Unanimity => counts.endorsing() == counts.partners(),
        };
    let (status, reason) = match negotiation.phase {
        ObjectivePhase::Withdrawn => (
            ObjectiveStatus::Withdrawn,
            "withdrawn by the convenor".to_owned(),
        ),
        ObjectivePhase::Draft => (
            ObjectiveStatus::Draft,
            "draft: not yet put to the partners".to_owned(),
        ),
        ObjectivePhase::Decided => (
            ObjectiveStatus::Adopted,
            format!("adopted: {}", adopted_summary(&counts)),
        ),
        ObjectivePhase::WithPartners if rule_met => (
            ObjectiveStatus::Adopted,
            format!("adopted: {}", adopted_summary(&counts)),
        ),
        ObjectivePhase::WithPartners => (
            ObjectiveStatus::InNegotiation,
            format!(
                "in negotiation: {}",
                negotiation_summary(&counts, &objecting, negotiation.rule, needed)
            ),
        ),
    };
    Decision {
        status,
        reason,
        counts,
        by_sector,
        partners,
        rule_met,
    }
}

/// The latest entry for each (partner, version); `None` where the stance was withdrawn.
fn latest_stances(entries: &[StanceEntry]) -> HashMap<(u64, u32), Option<Stance>> {
    let mut latest: HashMap<(u64, u32), (u64, Option<Stance>)> = HashMap::new();
    for entry in entries {
        let key = (entry.partner, entry.version);
        let is_newer = latest
            .get(&key)
            .is_none_or(|(sequence, _)| entry.sequence > *sequence);
        if is_newer {
            latest.insert(key, (entry.sequence, entry.stance));
        }
    }
    latest
        .into_iter()
        .map(|(key, (_, stance))| (key, stance))
        .collect()
}

fn partners_word(count: usize) -> &'static str {
    if count == 1 { "partner" } else { "partners" }
}

fn have_word(count: usize) -> &'static str {
    if count == 1 { "has" } else { "have" }
}

/// "7 of 8 partners endorse, 2 with reservations; 1 has not responded".
fn adopted_summary(counts: &StanceCounts) -> String {
    let mut text = if counts.endorsing() == counts.partners() {
        format!(
            "all {} {} endorse",
            counts.partners(),
            partners_word(counts.partners())
        )
    } else {
        format!(
            "{} of {} {} endorse",
            counts.endorsing(),
            counts.partners(),
            partners_word(counts.partners())
        )
    };
    if counts.with_reservations > 0 {
        text.push_str(&format!(", {} with reservations", counts.with_reservations));
    }
    if counts.object > 0 {
        text.push_str(&format!(
            "; {} {} objected",
            counts.object,
            have_word(counts.object)
        ));
    }
    if counts.not_responded > 0 {
        text.push_str(&format!(
            "; {} {} not responded",
            counts.not_responded,
            have_word(counts.not_responded)
        ));
    }
    text
}

fn negotiation_summary(
    counts: &StanceCounts,
    objecting: &[&str],
    rule: DecisionRule,
    needed: usize,
) -> String {
    let partners = counts.partners();
    if partners == 0 {
        return "the partnership has no partners to respond yet".to_owned();
    }
    let responded = format!(
        "{} of {} {} {} responded",
        counts.responded(),
        partners,
        partners_word(partners),
        have_word(counts.responded())
    );
    match rule {
        DecisionRule::Consent { .. } if counts.object > 0 => {
            let verb = if counts.object == 1 {
                "objects"
            } else {
                "object"
            };
            format!(
                "{} {} {verb} ({}); {responded}",
                counts.object,
                partners_word(counts.object),
                objecting.join(", ")
            )
        }
        DecisionRule::Consent { quorum_percent } => format!(
            "{responded}; consent needs {needed} (a quorum of {quorum_percent}%) and no objection"
        ),
        DecisionRule::Unanimity => format!(
            "unanimity needs all {partners} {} to endorse; {} endorse, {} object, {} {} not responded",
            partners_word(partners),
            counts.endorsing(),
            counts.object,
            counts.not_responded,
            have_word(counts.not_responded)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partners(sectors: &[&str]) -> Vec<PartnerRef> {
        (1_u64..)
            .zip(sectors)
            .map(|(id, sector)| PartnerRef {
                id,
                name: format!("Partner {id}"),
                sector: (*sector).to_owned(),
            })
            .collect()
    }

    fn entry(partner: u64, version: u32, stance: Option<Stance>, sequence: u64) -> StanceEntry {
        StanceEntry {
            partner,
            version,
            stance,
            sequence,
        }
    }

    fn decide_with(
        partners: &[PartnerRef],
        stances: &[StanceEntry],
        rule: DecisionRule,
        version: u32,
    ) -> Decision {
        decide(&Negotiation {
            partners,
            current_version: version,
            phase: ObjectivePhase::WithPartners,
            stances,
            rule,
        })
    }

    const CONSENT_HALF: DecisionRule = DecisionRule::Consent { quorum_percent: 50 };

    #[test]
    fn consent_adopts_when_quorum_responds_and_nobody_objects() {
        let partners = partners(&["statutory"; 8]);
        let mut stances: Vec<StanceEntry> = (1..=5)
            .map(|id| entry(id, 1, Some(Stance::Endorse), id))
            .collect();
        stances.push(entry(6, 1, Some(Stance::EndorseWithReservations), 6));
        stances.push(entry(7, 1, Some(Stance::EndorseWithReservations), 7));
        let decision = decide_with(&partners, &stances, CONSENT_HALF, 1);
        assert_eq!(decision.status, ObjectiveStatus::Adopted);
        assert_eq!(
            decision.reason,
            "adopted: 7 of 8 partners endorse, 2 with reservations; 1 has not responded"
        );
        assert!(decision.rule_met);
    }

    #[test]
    fn consent_waits_for_its_quorum() {
        let partners = partners(&["statutory"; 8]);
        let stances = [
            entry(1, 1, Some(Stance::Endorse), 1),
            entry(2, 1, Some(Stance::Endorse), 2),
            entry(3, 1, Some(Stance::Endorse), 3),
        ];
        let rule = DecisionRule::Consent { quorum_percent: 60 };
        let decision = decide_with(&partners, &stances, rule, 1);
        assert_eq!(decision.status, ObjectiveStatus::InNegotiation);
        assert_eq!(
            decision.reason,
            "in negotiation: 3 of 8 partners have responded; consent needs 5 (a quorum of 60%) and no objection"
        );
        // Rounded up: 60% of 8 is 4.8.
        assert_eq!(rule.responses_needed(8), 5);
    }

    #[test]
    fn one_objection_blocks_consent_whatever_the_partner_size() {
        let partners = partners(&["statutory", "statutory", "community"]);
        let stances = [
            entry(1, 1, Some(Stance::Endorse), 1),
            entry(2, 1, Some(Stance::Endorse), 2),
            entry(3, 1, Some(Stance::Object), 3),
        ];
        let decision = decide_with(&partners, &stances, CONSENT_HALF, 1);
        assert_eq!(decision.status, ObjectiveStatus::InNegotiation);
        assert_eq!(
            decision.reason,
            "in negotiation: 1 partner objects (Partner 3); 3 of 3 partners have responded"
        );
        let community = decision
            .by_sector
            .iter()
            .find(|tally| tally.sector == "community")
            .unwrap_or_else(|| panic!("a community sector tally"));
        assert_eq!(community.counts.object, 1);
    }

    #[test]
    fn a_withdrawn_stance_no_longer_counts() {
        let partners = partners(&["statutory", "voluntary"]);
        let stances = [
            entry(1, 1, Some(Stance::Endorse), 1),
            entry(2, 1, Some(Stance::Object), 2),
            entry(2, 1, None, 3),
        ];
        let decision = decide_with(&partners, &stances, CONSENT_HALF, 1);
        assert_eq!(decision.counts.object, 0);
        assert_eq!(decision.counts.not_responded, 1);
        assert_eq!(decision.status, ObjectiveStatus::Adopted);
        // Withdrawing and recording again: the latest entry wins, whatever the slice order.
        let again = [entry(2, 1, Some(Stance::Object), 4), stances[2], stances[0]];
        let decision = decide_with(&partners, &again, CONSENT_HALF, 1);
        assert_eq!(decision.counts.object, 1);
    }

    #[test]
    fn a_stance_on_an_old_version_does_not_count_for_the_new_one() {
        let partners = partners(&["statutory", "community"]);
        let stances = [
            entry(1, 1, Some(Stance::Endorse), 1),
            entry(2, 1, Some(Stance::Object), 2),
            entry(1, 2, Some(Stance::Endorse), 3),
        ];
        let decision = decide_with(&partners, &stances, DecisionRule::Unanimity, 2);
        assert_eq!(decision.status, ObjectiveStatus::InNegotiation);
        assert_eq!(decision.counts.object, 0);
        assert_eq!(decision.counts.not_responded, 1);
        assert_eq!(
            decision.partners[1],
            PartnerStanding {
                partner: 2,
                stance: None,
                earlier: Some((1, Stance::Object)),
            }
        );
        assert_eq!(
            decision.reason,
            "in negotiation: unanimity needs all 2 partners to endorse; 1 endorse, 0 object, 1 has not responded"
        );
    }

    #[test]
    fn unanimity_accepts_reservations_but_not_silence() {
        let partners = partners(&["statutory", "community"]);
        let stances = [
            entry(1, 1, Some(Stance::Endorse), 1),
            entry(2, 1, Some(Stance::EndorseWithReservations), 2),
        ];
        let decision = decide_with(&partners, &stances, DecisionRule::Unanimity, 1);
        assert_eq!(decision.status, ObjectiveStatus::Adopted);
        assert_eq!(
            decision.reason,
            "adopted: all 2 partners endorse, 1 with reservations"
        );
    }

    #[test]
    fn nobody_can_adopt_for_a_partnership_without_partners() {
        let decision = decide_with(&[], &[], CONSENT_HALF, 1);
        assert_eq!(decision.status, ObjectiveStatus::InNegotiation);
        assert!(!decision.rule_met);
        assert_eq!(
            decision.reason,
            "in negotiation: the partnership has no partners to respond yet"
        );
    }

    #[test]
    fn the_convenors_phase_comes_first() {
        let partners = partners(&["statutory"]);
        let stances = [entry(1, 1, Some(Stance::Endorse), 1)];
        let with_phase = |phase| {
            decide(&Negotiation {
                partners: &partners,
                current_version: 1,
                phase,
                stances: &stances,
                rule: CONSENT_HALF,
            })
            .status
        };
        assert_eq!(with_phase(ObjectivePhase::Draft), ObjectiveStatus::Draft);
        assert_eq!(
            with_phase(ObjectivePhase::Withdrawn),
            ObjectiveStatus::Withdrawn
        );
        assert_eq!(
            with_phase(ObjectivePhase::Decided),
            ObjectiveStatus::Adopted
        );
    }

    #[test]
    fn quorum_is_rounded_up_and_never_zero() {
        let rule = DecisionRule::Consent { quorum_percent: 50 };
        assert_eq!(rule.responses_needed(0), 1);
        assert_eq!(rule.responses_needed(1), 1);
        assert_eq!(rule.responses_needed(7), 4);
        assert_eq!(
            DecisionRule::Consent { quorum_percent: 0 }.responses_needed(7),
            1
        );
        assert_eq!(DecisionRule::Unanimity.responses_needed(7), 7);
    }
}
