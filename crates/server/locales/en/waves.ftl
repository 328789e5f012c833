# The trust survey's pages for a partnership's convenors and its partners' representatives: the
# partnership's waves with their trends and the form to open one, and a wave's page with its
# results, settings, closing and export. The answer form is in representative.ftl.
# Messages whose keys end in -html may hold markup; every other message is plain text.

## Shared by both pages

waves-title = Trust between partners: { $partnership }
waves-wave-name = Wave { $label }: { $title }
waves-status-open = Open until { $date }
waves-status-closed-by-convenor = Closed by a convenor
waves-status-closed-on = Closed on { $date }
waves-naming-protected-tag = Raters protected
waves-naming-named-tag = Raters named
waves-answer-for = Answer for { $partner }
waves-link-submitted = submitted
waves-link-draft = draft saved, not yet submitted
waves-link-not-started = not started
waves-column-partner = Partner
waves-column-trust = Trust
waves-column-level = Level
waves-column-value = Value
waves-column-contributes = Contributes
waves-field-title = Title
waves-field-closes = Closing date and time (UTC)
waves-notice-opened = The wave is open: each partner's representatives can answer now.
waves-notice-saved = Saved.
waves-notice-closed = The wave is closed: it takes no more answers.
waves-error-naming = Choose whether raters are protected or named.
waves-error-closes = The closing date is not a date and time such as 2027-03-12T17:00 (read as UTC).
waves-error-past = The closing time must be in the future.
waves-field-wave-title = wave title

## Rater naming, on both forms

waves-naming-legend = Rater naming
waves-naming-hint = Partners answer more honestly when their answers cannot be traced to them, so by default the results show only what partners say together: scores, counts and asymmetries, never which partner gave which answer. Choose "named" only when the partners have agreed to see each other's answers with their names. Convenors see every answer either way, since the export names each rater.
waves-naming-protected = Protected: show answers only in aggregate (the default)
waves-naming-named = Named: the partners agreed to show each answer with the partner that gave it

## The partnership's waves

waves-heading = Trust between partners
waves-lead = In each survey wave, every partner says how closely it works with each other partner and how far it trusts and values them. The results show the network, who is trusted and valued, whether trust runs as strongly from community partners to statutory ones as back, and how all of it changes from wave to wave.
waves-list-heading = Survey waves
waves-submitted = { $submitted } submitted.
waves-submitted-drafts = { $submitted } submitted, { $drafts ->
        [one] { $drafts } draft
       *[other] { $drafts } drafts
    } not yet submitted.
waves-answer-in = in { $wave }
waves-empty = No survey wave yet.
waves-empty-convenes = No survey wave yet. Open the first one below.
waves-trends-heading = Trends over waves
waves-density-caption = Density: the share of pairs of partners with a tie.
waves-trust-caption = Mean trust, 1 to 4, with its 95% interval.
waves-trends-caption = The network wave by wave
waves-column-wave = Wave
waves-column-answered = Answered
waves-column-density = Density
waves-column-centralisation = Centralisation
waves-column-reciprocity = Reciprocity
waves-column-mean-trust = Mean trust
waves-changes-caption = Each partner's trust, wave by wave, and its last change with its 95% interval
waves-column-trust-by-wave = Trust by wave
waves-column-change = Change
waves-flag-rose = rose beyond uncertainty
waves-flag-fell = fell beyond uncertainty
waves-flag-within = within uncertainty
waves-open-heading = Open a wave
waves-open-submit = Open the wave

## A wave's page

waves-wave-title = { $wave }: trust between partners
waves-response-heading = Who has answered
waves-more-drafts = { $count } more saved a draft, which counts only once submitted.
waves-not-submitted = Not yet submitted:
waves-missing-hint = Missing answers are never filled in: a partner's scores come only from the partners that rated it.
waves-network-heading = The network
waves-protected-hint = This wave protects raters: the drawing shows which partners are linked, not how closely or with how much trust, so that no partner's answers can be read off its ties.
waves-legend-sectors = Sectors
waves-legend-levels = Levels
waves-trust-key = Trust { $label }
waves-ties-caption = Every tie of the drawing
waves-column-trust-between = Trust between them
waves-column-reported-by = Reported by
waves-no-ties = No partner reports working with another.
waves-tie-hint = A tie's level is the higher of the two partners' answers; its trust is the mean of the trust each gave the other.
waves-figures-heading = The network in figures
waves-scores-heading = Scores
waves-scores-hint = Trust is the mean, over the partners that rated this partner, of how reliable, committed to the mission and open to discussion they find it; value is the same for power and influence, involvement and resources. Both run from 1 to 4, with a 95% interval when two or more partners rated it. A partner nobody rated has no score, not a low one.
waves-scores-caption = Trust and value of each partner
waves-column-raters = Raters
waves-column-ties = Ties
waves-column-contributes-seen = Contributes, as others see it
waves-did-not-answer = (did not answer)
waves-asymmetry-heading = Asymmetry: does trust run as strongly both ways?
waves-named-heading = Each answer, with its rater
waves-named-hint = The partnership agreed to name raters in this wave.
waves-named-caption = Submitted answers
waves-column-rater = Rater
waves-column-about = About
waves-no-answers = No answers submitted yet: the results appear once a partner submits.
waves-settings-heading = Wave settings
waves-closes-hint = A later date reopens a wave that closed on its date.
waves-save-settings = Save the settings
waves-close-hint = Closing the wave stops every answer now, for good; drafts not submitted stay out of the results.
waves-close-now = Close the wave now
waves-export-heading = Export
waves-export-text-html = Every wave of the partnership as <code>partners.csv</code> and <code>ratings.csv</code> (the files <code>commonground network</code> reads) and a GraphML file per wave for Gephi or Kumu. The files name each rater: keep them among the convenors.
waves-export-download = Download the survey (ZIP)

## A wave's results, as the page words them

waves-response = { $respondents } of { $partners } partners submitted their answers ({ $share }).
waves-response-none = No partner has submitted answers yet, of { $partners }.
waves-range = { $low } to { $high }
waves-interval = (95% interval { $range })
waves-no-score = no score
waves-none-yet = none yet
waves-level-none = None
waves-level-awareness = Awareness
waves-level-cooperation = Cooperation
waves-level-coordination = Coordination
waves-level-integration = Integration
waves-trust-low = 1: low
waves-trust-high = 4: high
waves-network-svg-title = The network of { $wave }
waves-network-description = { $partners } partners on a circle, numbered clockwise from the top and coloured by sector, with { $ties } ties. The table after the drawing lists every tie.
waves-network-description-detailed = { $partners } partners on a circle, numbered clockwise from the top and coloured by sector, with { $ties } ties: wider lines for closer levels, colour from vermilion (low trust) through grey to blue (high trust). The table after the drawing lists every tie.
waves-partner-fallback = partner { $id }
waves-tie-unknown-level = a tie
waves-tie-no-trust = no trust items answered
waves-not-shown = not shown
waves-reported-both = both
waves-reported-one = one of the two
waves-dont-know = don't know
waves-density-explain = { $ties } of the { $possible } pairs of partners have a tie: at least one of the two reports working together.
waves-centralisation-explain = How much the ties gather around a few partners: 0% when every partner has as many ties, 100% for a star around one partner.
waves-reciprocity-explain = Of the { $answered } ties whose two partners both answered, { $mutual } are reported by both.
waves-mean-trust-explain = The mean of the partners' trust scores, on the scale of 1 to 4.
waves-mean-value = Mean value
waves-mean-value-explain = The mean of the partners' value scores, on the scale of 1 to 4.
waves-dont-know-answers = "Don't know" answers
waves-dont-know-explain = Items left out of every mean, not counted as low.

## The asymmetry across a divide; the page starts each sentence with a capital letter

waves-divide-community-statutory = Community and voluntary partners and statutory partners
waves-divide-lay-professional = Lay-led partners and professional partners
waves-divide-other = Two sides
waves-side-community-voluntary = community and voluntary partners
waves-side-statutory = statutory partners
waves-side-lay-led = lay-led partners
waves-side-professional = professional partners
waves-side-other = partners on this side
waves-asymmetry-given = { $from } give { $to } a mean trust of { $mean }{ $interval }, from { $raters } { $raters ->
        [one] rater
       *[other] raters
    }.
waves-asymmetry-unrated = No { $from } rated the trust of { $to }.
waves-asymmetry-beyond = { $first } trust { $second } { $size } { $direction ->
        [less] less
       *[more] more
    } than { $second } trust them { $range }: a difference beyond the uncertainty of the ratings.
waves-asymmetry-within = { $first } trust { $second } { $size } { $direction ->
        [less] less
       *[more] more
    } than { $second } trust them { $range }, but the difference is within the uncertainty of the ratings: it may be chance.
waves-difference-interval = (95% interval of the difference { $range })
waves-difference-no-interval = (too few raters for an interval)
waves-asymmetry-too-few = There are too few ratings across this divide to compare the two sides.

## The trends over waves

waves-trend-response = { $respondents } of { $partners } ({ $share })
waves-trend-wave = Wave { $wave }
waves-trend-point = wave { $wave }: { $value }
waves-trend-density-title = Density by wave
waves-trend-trust-title = Mean trust by wave, with 95% intervals
waves-change-heading = From wave { $from } to wave { $to }
waves-network-change = Mean trust over the partners scored in both waves: { $change }, { $flag }.
waves-no-change = no change measured

## What the service refuses on these pages, as the API says it in English: each starts in
## lower case without a full stop; a page makes it a sentence.

waves-refused-closing-past = the closing time must be in the future
waves-refused-too-many-waves = a partnership's results cover at most { $max } waves
