# The system map pages, which convenors and partners' representatives share: the maps, a map
# with its loops, ripple, leverage, links and forms, and the drawing with its table and legend.
# Messages whose keys end in -html may hold markup.

map-list-title = System maps: { $partnership }
map-list-heading = System maps
map-list-lead = A system map shows the factors of the local system and how each pushes the others: more of one leading to more, or to less, of another. Partners propose factors and links and say whether they agree with each link; the map then shows its feedback loops, where to act, and which partners an action reaches besides the one that takes it.
map-list-maps = Maps
map-list-none = No map yet.
map-list-start-first = Start the first one below.
map-create-heading = Start a map
map-create-title = Title
map-create-description = What the map is for
map-optional = (optional)
map-create-dialogue = Dialogue whose participants may judge the links
map-create-no-dialogue = None
map-create-participants = Let that dialogue's participants judge links from the start
map-create-start = Start the map
map-create-import-html = A map drawn elsewhere (GraphML from Gephi or yEd, a Kumu blueprint, or the two CSV files of <code>commonground map</code>) can be imported whole through the API: <code>POST /api/partnerships/{ $partnership }/maps/import</code>.
map-status-closed = Closed on { $date }
map-status-open = Open since { $date }

map-title = { $map }: system map
map-linked = Linked to the dialogue “{ $dialogue }”.
map-linked-judging-html = Linked to the dialogue “{ $dialogue }”, whose participants judge links at <a href="/d/{ $dialogue_id }/maps/{ $map }">/d/{ $dialogue_id }/maps/{ $map }</a> (share this address with them).
map-notice-created = The map is ready: partners can now propose factors and links.
map-notice-factor = The factor is on the map.
map-notice-link = The link is on the map. Partners can now say whether they agree.
map-notice-judged = Your partner's judgment is saved.
map-notice-pinned = The action is pinned: its ripple shows on its objective's page.
map-notice-saved = Saved.
map-notice-closed = The map is closed: it takes no more proposals or judgments.
map-contents = On this page
map-section-map = The map
map-section-loops = Feedback loops
map-section-ripple = Ripple of an action
map-section-leverage = Where to act
map-section-links = Links and judgments
map-section-propose = Propose
map-section-pins = Pinned actions
map-counts = { $factors } { $factors ->
        [one] factor
       *[other] factors
    } and { $links } { $links ->
        [one] link
       *[other] links
    }.
map-key = A solid blue arrow with + means more leads to more; a dashed orange arrow with − means more leads to less; a double bar marks a delay, and a dotted grey halo a contested link.
map-show-whole = Show the whole map again
map-no-factors = The map has no factors yet.
map-propose-first = Propose the first one

map-loops-hint = A reinforcing loop (an even number of − links) amplifies a change as it comes round; a balancing loop (an odd number) pushes back against it.
map-loops-truncated = More than { $most } loops: the first { $listed } are listed: { $reinforcing } reinforcing and { $balancing } balancing.
map-loops-count = { $loops } { $loops ->
        [one] loop
       *[other] loops
    }: { $reinforcing } reinforcing and { $balancing } balancing.
map-loop-reinforcing = Reinforcing
map-loop-balancing = Balancing
map-loop-length = { $links } { $links ->
        [one] link
       *[other] links
    }
map-loop-contested = runs through a contested link
map-loop-highlighted = highlighted on the map
map-loop-highlight-html = Highlight<span class="visually-hidden"> loop { $number }</span> on the map
map-loop-highlight-this-html = Highlight<span class="visually-hidden"> this loop</span> on the map
map-no-loops = No feedback loop yet: every loop needs a chain of links that comes back to where it started.

map-ripple-hint = Push one factor up or down and follow its effects along the links: which factors move, which way, how many links away, and whose areas they are.
map-ripple-push = Push it
map-push-up = Up: more of it
map-push-down = Down: less of it
map-ripple-steps = Links to follow (1 to 50)
map-ripple-show = Show the ripple
map-ripple-heading = Pushing “{ $factor }” { $push }, { $steps } { $steps ->
        [one] link
       *[other] links
    } out
map-ripple-heading-owned = Pushing “{ $factor }” { $push } ({ $partner }), { $steps } { $steps ->
        [one] link
       *[other] links
    } out
map-ripple-reaches-html = <strong>Reaches other partners' areas:</strong> { $partners }.
map-ripple-reaches-none = It reaches no other partner's factors within { $steps } { $steps ->
        [one] link
       *[other] links
    }.
map-ripple-another-partner = another partner
map-effect-mixed = mixed: shortest paths disagree
map-ripple-nothing-moves = Nothing else moves within { $steps } { $steps ->
        [one] link
       *[other] links
    }.
map-ripple-loops = The action enters { $loops } feedback { $loops ->
        [one] loop
       *[other] loops
    }:
map-ripple-loops-or-more = The action enters { $loops } or more feedback loops:
map-ripple-no-loops = The pushed factor lies on no feedback loop.

map-leverage-hint = Driving: how many factors this one reaches along the links, itself included. Dependence: how many reach it. A driver moves much and is moved little, so acting on it spreads; an outcome is where effects land. Betweenness: how often it lies on the shortest paths between other factors.
map-leverage-caption = Each factor's leverage, strongest drivers first
map-leverage-driving = Driving
map-leverage-dependence = Dependence
map-leverage-degree = Links in / out
map-leverage-betweenness = Betweenness
map-leverage-kind = Kind
map-leverage-none = No factors yet.
map-role-driver = Driver: moves much, moved little
map-role-relay = Relay: moves much and is moved much
map-role-outcome = Outcome: moved much, moves little
map-role-apart = Apart: moves and is moved little
map-no-partner = No partner

map-links-hint = Each partner says once whether it agrees with a link.
map-links-hint-dialogue = Each partner says once whether it agrees with a link, and so may the participants of the linked dialogue when a convenor opens it to them.
map-links-hint-counting = Partners count equally, and participants count through their constituencies, each constituency weighing the same. A link is contested when a third or more of the partners taking a side disagree, or (once five participants have taken a side) the constituencies' disagreement averages a third or more.
map-link-after-delay = , after a delay
map-link-contested = Contested
map-link-evidence = Evidence: { $note }
map-link-proposed-by = Proposed by { $proposer }.
map-link-partners = Partners: { $agree } agree, { $disagree } disagree, { $unsure } unsure
map-link-partner-share = ({ $share } of those taking a side disagree)
map-link-participants = Participants: { $agree } agree, { $disagree } disagree, { $unsure } unsure
map-link-participant-share = ({ $share } disagree, averaged over constituencies)
map-former-partner = a former partner
map-a-convenor = a convenor
map-factor-number = factor { $factor }
map-judge-legend = { $partner }'s judgment
map-judge-of = of { $from } to { $to }
map-judge-now = (now: { $judgment ->
        [agree] agree
        [disagree] disagree
       *[unsure] unsure
    })
map-judgment-agree = Agree
map-judgment-disagree = Disagree
map-judgment-unsure = Unsure
map-judge-save = Save
map-judge-save-what = { $partner }'s judgment of { $from } to { $to }
map-no-links = No links yet.

map-propose-factor-heading = A factor
map-factor-name = Name
map-factor-name-hint = (something that can rise or fall, such as “Loneliness among older people”)
map-factor-owner = Whose area it is
map-factor-no-owner = No partner's
map-factor-sector = Sector
map-proposed-for = Proposed for
map-as-convenor = Myself, as a convenor
map-propose-factor = Propose the factor
map-propose-link-heading = A link
map-link-more-of = More of
map-link-leads-to = leads to
map-link-plus = More (+)
map-link-minus = Less (−)
map-link-of = of
map-link-delayed = The effect comes after a delay
map-link-note = Evidence
map-link-note-hint = (optional: what shows this happens)
map-propose-link = Propose the link

map-pins-hint = An action of the partnership's shared objectives, pinned to the factor it pushes, shows its ripple on its objective's page.
map-pin-pushes = pushes “{ $factor }” { $push }.
map-pin-ripple = Its ripple
map-no-pins = No action is pinned to this map.
map-pin-heading = Pin an action
map-pin-action = Action
map-pin-factor = Factor it pushes
map-pin-which-way = Which way
map-pin-submit = Pin the action

map-settings-heading = Settings
map-export-graphml = Export as GraphML
map-export-kumu = Export for Kumu
map-settings-participants = The participants of “{ $dialogue }” may judge links
map-settings-save = Save the settings
map-close = Close the map
map-close-hint = A closed map keeps its factors, links and judgments but takes no more.

map-error-loop = Choose a loop from the map's list of loops.
map-error-ripple-factor = Choose a factor of the map to push.
map-error-push = Choose whether to push the factor up or down.
map-error-steps = The number of links to follow is a whole number from 1 to 50.
map-error-no-such-loop = The map lists { $loops } { $loops ->
        [one] loop
       *[other] loops
    }; there is no loop { $number }.
map-error-dialogue = Choose one of the partnership's dialogues.
map-error-speak-for = Choose whom you propose for.
map-error-owner = Choose the partner that owns the factor.
map-error-link-from = Choose the factor that influences.
map-error-link-to = Choose the factor it influences.
map-error-sign = Choose whether more of the first leads to more (+) or less (−) of the second.
map-error-link = Choose a link of the map.
map-error-judge-for = Choose the partner you judge for.
map-error-judgment = Choose agree, disagree or unsure.
map-error-pin-action = Choose an action of the partnership.
map-error-pin-factor = Choose the factor the action pushes.
map-error-pin-push = Choose whether the action pushes up or down.

# Refusals of what was typed or asked for on the map's pages (the API sends the same English).
map-refused-blank = { $field } must not be blank
map-refused-too-long = { $field } has more than { $max } characters
map-refused-control = { $field } contains a control character
map-refused-direction = { $field } contains the invisible direction control { $code }, which can disguise text; remove it
map-refused-invisible = { $field } has no visible character
map-refused-field-title = title
map-refused-field-description = description
map-refused-field-name = name
map-refused-field-sector = sector
map-refused-field-note = note
map-refused-field-imported-name = a factor's name
map-refused-field-imported-note = a link's note
map-refused-dialogue-elsewhere = the dialogue belongs to another partnership
map-refused-judging-needs-dialogue = participants judge only a map linked to a dialogue
map-refused-factor-elsewhere = the factor belongs to another map
map-refused-factor-not-on-map = factor { $factor } is not on this map
map-refused-steps = steps must be 1 to { $most }
map-refused-no-factors = the map has no factors
