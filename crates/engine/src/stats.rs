//! Vote tallies, representativeness, consensus, group-informed consensus and priorities.
