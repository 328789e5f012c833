# The drawing of a partnership's system map, with its legend, its summary and the table that
# gives the same map as text. Shown to the partners on the map's page and to the participants
# who judge its links, so it ships in every language the participant pages have.

drawing-canvas-label = The drawing; on a small screen it scrolls
drawing-as-table = The same map as a table
drawing-table-label = The map as a table; on a small screen it scrolls sideways
drawing-table-caption = Each factor, the partner that owns it, what it influences and what influences it
drawing-factor = Factor
drawing-owned-by = Owned by
drawing-influences = Influences
drawing-influenced-by = Influenced by
drawing-ripple = Ripple
drawing-highlighted = highlighted
drawing-partner-number = ({ $number } on the map)
drawing-delayed = delayed
drawing-contested = contested
drawing-none = None
drawing-not-reached = Not reached
drawing-partners-numbered = Partners as numbered on the map:
drawing-partner-factors = { $count } { $count ->
        [one] factor
       *[other] factors
    }
drawing-more-to-more = more leads to more
drawing-more-to-less = more leads to less
drawing-highlight-reinforcing = Highlighted: the reinforcing loop { $path }.
drawing-highlight-balancing = Highlighted: the balancing loop { $path }.
drawing-highlight-ripple = Highlighted: the ripple of pushing { $factor } { $push }, which reaches { $count } { $count ->
        [one] factor
       *[other] factors
    }.
drawing-pushed-factor = the factor pushed
drawing-pushed = pushed
drawing-effect-mixed = mixed (shortest paths disagree)
drawing-summary-factors = { $factors } { $factors ->
        [one] factor
       *[other] factors
    } owned by { $partners } { $partners ->
        [one] partner
       *[other] partners
    }
drawing-summary-unowned = ({ $unowned } owned by none)
drawing-summary-influences = ; { $influences } { $influences ->
        [one] influence
       *[other] influences
    }: { $positive } where more leads to more, { $negative } where more leads to less; { $delayed } delayed, { $contested } contested.
drawing-link-more = { $from } → { $to }: more “{ $from }” leads to more “{ $to }”
drawing-link-less = { $from } → { $to }: more “{ $from }” leads to less “{ $to }”
drawing-link-contested = ; contested
drawing-link-evidence = . Evidence: { $note }
drawing-factor-owned = { $name }. Owned by { $partner }
drawing-factor-unowned = { $name }. No partner owns it
drawing-factor-links = . Influences { $out }; influenced by { $in }.
drawing-factor-ripple = Ripple: { $words }.
drawing-default-title = System map
drawing-desc-table = The table of factors gives the same map as text.
drawing-legend-partners = Factors by partner
drawing-legend-number = the number: links away
drawing-no-partner = No partner
drawing-after-delay = , after a delay

# A refusal a participant can meet while judging the map's links (the API sends the English).
drawing-refused-link-not-on-map = link not found on this map
