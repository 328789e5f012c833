# The shared objectives pages, which convenors and partners' representatives share: the
# objectives, an objective with its versions, stances and actions, and a representative's open
# questions. Messages whose keys end in -html may hold markup.

objectives-title = Objectives: { $partnership }
objectives-heading = Shared objectives
objectives-rule-heading = How the partners decide
objectives-one-stance-each = Every partner has one stance, whatever its size.
objectives-rule-legend = Decision rule
objectives-rule-consent = Consent: adopted when no partner objects and a quorum has responded
objectives-rule-unanimity = Unanimity: adopted when every partner endorses
objectives-rule-quorum = Quorum under consent, in percent of the partners
objectives-rule-save = Save the rule
objectives-list-heading = Objectives
objectives-row-version = Version { $version }.
objectives-none = No shared objectives yet.
objectives-draft-heading = Draft an objective
objectives-draft-text = What the partners would agree to
objectives-draft-evidence-hint = (optional: the statements it rests on, from one dialogue)
objectives-draft-evidence-lead = The statements that are common ground now. Their agreement at this moment is kept with the objective.
objectives-draft-statement = Statement { $number }: { $text }
objectives-draft-no-common-ground = No statement is common ground yet.
objectives-draft-no-analysis = None of the partnership's dialogues has an analysis yet, so there are no common-ground statements to cite.
objectives-draft-save = Save the draft
objectives-error-statement = A chosen statement was not understood.
objectives-error-one-dialogue = Choose statements from one dialogue for an objective.

objective-rule-consent = Consent: an objective is adopted when no partner objects and at least { $quorum }% of the partners have responded.
objective-rule-unanimity = Unanimity: an objective is adopted when every partner endorses it.

objective-status-draft = Draft
objective-status-in-negotiation = In negotiation
objective-status-adopted = Adopted
objective-status-withdrawn = Withdrawn

objective-reason-withdrawn = Withdrawn by the convenor.
objective-reason-draft = Draft: not yet put to the partners.
objective-reason-adopted = Adopted: { $summary }.
objective-reason-negotiating = In negotiation: { $summary }.
objective-reason-all-endorse = all { $partners } { $partners ->
        [one] partner
       *[other] partners
    } endorse
objective-reason-some-endorse = { $endorsing } of { $partners } { $partners ->
        [one] partner
       *[other] partners
    } endorse
objective-reason-with-reservations = , { $count } with reservations
objective-reason-objected = ; { $count } { $count ->
        [one] has
       *[other] have
    } objected
objective-reason-not-responded = ; { $count } { $count ->
        [one] has
       *[other] have
    } not responded
objective-reason-no-partners = the partnership has no partners to respond yet
objective-reason-responded = { $responded } of { $partners } { $partners ->
        [one] partner
       *[other] partners
    } { $responded ->
        [one] has
       *[other] have
    } responded
objective-reason-objecting = { $count ->
        [one] { $count } partner objects
       *[other] { $count } partners object
    } ({ $names }); { $responded }
objective-reason-consent-needs = { $responded }; consent needs { $needed } (a quorum of { $quorum }%) and no objection
objective-reason-unanimity-needs = unanimity needs all { $partners } { $partners ->
        [one] partner
       *[other] partners
    } to endorse; { $endorsing } endorse, { $objecting } object, { $missing } { $missing ->
        [one] has
       *[other] have
    } not responded

objective-eyebrow = { $partnership }: shared objectives
objective-version = Version { $version }
objective-text-heading = The objective
objective-public-said = What the public said
objective-put-to-partners = Put to the partners
objective-adopt = Adopt version { $version }
objective-withdraw = Withdraw the objective
objective-stances-heading = The partners' stances on version { $version }
objective-take-up-amendment = Take up this amendment
objective-take-up-amendment-from = from { $partner }
objective-no-partners = The partnership has no partners.
objective-amend-heading = Write a new version
objective-amend-hint = The partners' stances on earlier versions are kept and shown, but count only for the version they were given on.
objective-amend-taken-up = This version takes up a proposed amendment; edit it as needed.
objective-field-title = Title
objective-field-text = Text
objective-amend-save = Save version { $version }
objective-actions-heading = Actions
objective-no-actions = No actions yet.
objective-history-heading = Versions and stances
objective-history-version = Version { $version }: { $title }
objective-history-current-version = Version { $version } (current): { $title }
objective-history-written = Written { $date }.
objective-history-no-stances = No stances on this version.
objective-version-amends = Takes up the amendment { $partner } proposed to version { $version }.
objective-error-amendment = The amendment taken up was not understood.

stance-endorse = Endorse
stance-endorse-with-reservations = Endorse with reservations
stance-object = Object
stance-withdrawn = Withdrew its stance
stance-not-yet = Not yet responded
stance-on-earlier-version = On version { $version }: { $stance }
stance-counts = { $endorse } endorse, { $reservations } with reservations, { $object } object, { $missing } not responded
stance-reason = Reason: { $reason }
stance-reservations = Reservations: { $reason }
stance-proposed-amendment = Proposed amendment: { $amendment }
stance-form-heading = Your stance for { $partner }
stance-form-recorded = { $partner } has recorded: { $stance }.
stance-form-legend = { $partner }'s stance on version { $version }
stance-form-reason = Reservations, or the reason for objecting
stance-form-reason-hint = (required unless you simply endorse)
stance-form-amendment = Proposed amendment
stance-form-amendment-hint = (optional, with an objection: the wording you would endorse)
stance-form-record = Record the stance
stance-form-record-for = for { $partner }
stance-form-withdraw = Withdraw { $partner }'s stance
stance-error-choose = Choose a stance.
stance-error-partner = Choose the partner.
stance-error-version = The version read was not understood.

action-status-planned = Planned
action-status-in-progress = In progress
action-status-done = Done
action-status-blocked = Blocked
action-status-dropped = Dropped
action-late = Late: { $days } { $days ->
        [one] day
       *[other] days
    } past its due date
action-owned = Owned by { $owner }.
action-owned-shared = Owned by { $owner }, shared with { $shared }.
action-led-by = Led by { $lead }.
action-due = Due { $date }.
action-ripple-pushes-html = <strong>Ripple on the map “{ $map }”:</strong> the action pushes “{ $factor }” { $push }.
action-ripple-reaches-html = Within { $steps } { $steps ->
        [one] link
       *[other] links
    } it reaches other partners' areas: <strong>{ $partners }</strong>.
action-ripple-reaches-none = Within { $steps } { $steps ->
        [one] link
       *[other] links
    } it reaches no other partner's factors.
action-ripple-loops = It enters { $loops } feedback { $loops ->
        [one] loop
       *[other] loops
    }.
action-ripple-loops-or-more = It enters { $loops } or more feedback loops.
action-ripple-see = See the ripple on the map
action-ripple-moves = The { $count } { $count ->
        [one] factor
       *[other] factors
    } it moves
action-add-heading = Add an action
action-field-title = What will be done
action-field-owner = Owned by
action-field-choose-partner = Choose a partner
action-field-shared = Shared with
action-field-optional = (optional)
action-field-lead = Lead role
action-field-due = Due date
action-field-due-hint = (YYYY-MM-DD)
action-field-status = Status
action-add = Add the action
action-note = Progress note
action-note-add = Add the note
action-note-add-to = to { $action }
action-error-owner = Choose the owner.
action-error-shared = A sharing partner was not understood.

ripple-push-up = up
ripple-push-down = down
ripple-effect-up = goes up
ripple-effect-down = goes down
ripple-effect-mixed = mixed
ripple-line = { $effect }, { $distance } { $distance ->
        [one] link
       *[other] links
    } away

evidence-from-html = From <a href="/d/{ $dialogue }/report">{ $title }</a>, as it stood on { $date }. Weighting: { $weighting }
evidence-statement = Statement { $number }:
evidence-agreement-interval = { $rate } agree ({ $low } to { $high }), { $agree } of { $seen } votes
evidence-agreement = { $rate } agree, { $agree } of { $seen } votes
evidence-no-votes = no votes

questions-title = Your partners' open questions
questions-awaiting-heading = Objectives awaiting your partner's stance
questions-version = version { $version }
questions-awaiting = { $partnership }. Awaiting { $partners }.
questions-none = Nothing is waiting for your partner's stance.
questions-actions-heading = Your partners' actions
questions-no-actions = Your partners own or share no actions yet.

objective-translations-heading = Translations of version { $version }
objective-translations-lead = Partners read the objective in their own language when this version has a translation, marked as one, with the original a tap away. Stances are always on the version itself, whatever language it was read in. A new version needs translating again.
objective-written-in = The objective is written in
objective-written-in-save = Save the language
objective-translations-none = This version has no translations yet.
objective-translation-remove = Remove the translation into { $language }
objective-translation-language = Language of the translation
objective-translation-save = Save the translation
objective-translation-error-action = Choose what to change: the language, or a translation.
objective-translation-field-title = Translated title
objective-translation-field-text = Translated text

# Refusals the API and these pages share: the API sends the English; a page says the same
# refusal in its reader's language. Each starts in lower case without a full stop, as the API
# writes it; a page makes it a sentence.
objective-refused-quorum = the quorum is a percentage from 1 to 100
objective-refused-quorum-missing = the consent rule needs a quorum: the percentage of partners that must respond
objective-refused-unanimity-quorum = unanimity needs every partner; it takes no quorum
objective-refused-rule = the rule is `consent` (with a quorum) or `unanimity`
objective-refused-not-an-amendment = stance { $stance } is not an objection to this objective with an amendment
objective-refused-put-not-draft = only a draft can be put to the partners; this objective is { $phase }
objective-refused-no-partners = the partnership has no partners to put the objective to; add partners first
objective-refused-adopt-not-with-partners = only an objective with the partners can be adopted; this one is { $phase }
objective-refused-rule-not-met = the decision rule is not met: in negotiation: { $summary }
objective-refused-no-stance-to-withdraw = the partner has no stance on the current version to withdraw
objective-refused-draft-unseen = no such objective: drafts are seen by the convenors only
objective-refused-action-not-adopted = actions are added under adopted objectives; this one is { $phase }
objective-refused-not-current-partner = partner { $partner } is not a current partner of this partnership
objective-refused-too-many-shared = an action may be shared with at most { $max } partners
objective-refused-name-dialogue = statements are cited from a dialogue: name the dialogue
objective-refused-choose-statement = choose at least one of the dialogue's statements
objective-refused-too-many-statements = an objective may cite at most { $max } statements
objective-refused-other-dialogue = the dialogue is not one of this partnership's
objective-refused-no-analysis = the dialogue has no analysis yet to cite
objective-refused-statement-not-analysed = statement { $statement } is not in the dialogue's latest analysis
objective-refused-stance = the stance is `endorse`, `endorse_with_reservations` or `object`
objective-refused-endorsement-with-text = an endorsement carries no text; to write reservations, endorse with reservations
objective-refused-amendment-without-objection = an amendment is proposed with an objection
objective-refused-reservations-missing = write the reservations that go with the endorsement
objective-refused-reason-missing = write the reason for objecting
objective-refused-stance-not-with-partners = stances are recorded while an objective is with the partners; this one is { $phase }
objective-refused-old-version = version { $version } is not the current version ({ $current }): read the new version and record the stance on it
objective-refused-closed = this objective is { $phase } and can no longer change
objective-refused-due-date = the due date is a real calendar date written YYYY-MM-DD
objective-refused-status = the status is `planned`, `in_progress`, `done`, `blocked` or `dropped`
objective-refused-no-version = objective { $objective } has no version { $version }
objective-refused-translation-own-language = the objective is written in { $language }, so it needs no translation into it; change its language if it is written in another
objective-refused-no-translation = version { $version } of objective { $objective } has no translation into { $language }

# Where an objective is, as the refusals above say it after "this objective is".
objective-refused-phase-draft = a draft
objective-refused-phase-with-partners = with the partners
objective-refused-phase-adopted = adopted
objective-refused-phase-withdrawn = withdrawn
