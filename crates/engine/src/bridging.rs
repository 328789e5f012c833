//! The Community Notes one-factor matrix factorisation: bridging scores for statements.
