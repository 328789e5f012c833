//! Where each sector stands on the two divides the asymmetry panel compares: community and
//! voluntary organisations against statutory bodies, and lay-led organisations against
//! professional ones.

use engine::trust::{Partner, Side};
use model::Sector;

/// Returns a partner of `sector` as the engine's scores need it.
///
/// Community groups and voluntary organisations form the community side and the NHS, local
/// authorities and other public bodies the statutory side; businesses and universities are on
/// neither. Community groups are lay-led; every other sector, voluntary organisations with paid
/// staff included, counts as professional.
pub fn partner(sector: Sector) -> Partner {
    let community_statutory = match sector {
        Sector::Community | Sector::Voluntary => Some(Side::First),
        Sector::Nhs | Sector::LocalAuthority | Sector::Public => Some(Side::Second),
        Sector::Business | Sector::Academic => None,
    };
    let lay_professional = match sector {
        Sector::Community => Side::First,
        Sector::Nhs
        | Sector::LocalAuthority
        | Sector::Public
        | Sector::Voluntary
        | Sector::Business
        | Sector::Academic => Side::Second,
    };
    Partner {
        sides: [community_statutory, Some(lay_professional)],
    }
}

#[cfg(test)]
mod tests {
    use engine::trust::Divide;

    use super::*;

    #[test]
    fn every_sector_has_its_side_of_each_divide() {
        let side = |sector, divide| partner(sector).side(divide);
        assert_eq!(
            side(Sector::Voluntary, Divide::CommunityStatutory),
            Some(Side::First)
        );
        assert_eq!(
            side(Sector::LocalAuthority, Divide::CommunityStatutory),
            Some(Side::Second)
        );
        assert_eq!(side(Sector::Academic, Divide::CommunityStatutory), None);
        assert_eq!(
            side(Sector::Community, Divide::LayProfessional),
            Some(Side::First)
        );
        assert_eq!(
            side(Sector::Voluntary, Divide::LayProfessional),
            Some(Side::Second)
        );
    }
}
