//! Background analysis: recomputes each dialogue's analysis after votes arrive and stores the
//! snapshot that the analysis endpoint serves.

pub mod scheduler;
