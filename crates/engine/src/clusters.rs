//! Base clusters, opinion groups, silhouette and the k smoother.
