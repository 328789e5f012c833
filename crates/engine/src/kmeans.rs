//! k-means with the Pol.is initialisation, step and stopping rules.
