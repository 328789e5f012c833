//! Shared domain types: ids, validated text, enums used by the store and the server.
