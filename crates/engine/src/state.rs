//! The state one analysis hands to the next, so that live dialogues stay stable.
