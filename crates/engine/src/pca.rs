//! Principal component analysis of the sparse vote matrix and the Pol.is projections.
