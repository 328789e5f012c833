//! The Pol.is classic pipeline from the vote matrix to groups and statistics.
