//! Common ground with equal weight: tallies, intervals, reasons, differences, voice audit, routing.
