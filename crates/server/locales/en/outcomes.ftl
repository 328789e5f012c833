# The public "you said, we did" page of a partnership: the objectives its partners adopted,
# what the public said that they rest on, each partner's stance and how the actions are going.
# Messages whose keys end in -html may hold markup; every other message is plain text.

outcomes-title = You said, we did: { $partnership }
outcomes-eyebrow = You said, we did
outcomes-preview-html = Preview: this page is not public yet. A convenor publishes it from <a href="{ $href }">the partnership's page</a>.
outcomes-lead = What the partners agreed to do after listening to the public, what each partner said, and how the work is going as of { $date }.
outcomes-none = The partners have not adopted an objective yet.
outcomes-adopted = Adopted on { $date }: { $summary }.
outcomes-adopted-version = Adopted on { $date }, in its version { $version }: { $summary }.
outcomes-summary-all = { $partners ->
        [one] its one partner endorses it
       *[other] all { $partners } partners endorse it
    }
outcomes-summary-some = { $endorsing } of { $partners } partners endorse it
outcomes-summary-reservations = , { $count } with reservations
outcomes-summary-objecting = , { $count ->
        [one] 1 objects
       *[other] { $count } object
    }
outcomes-summary-silent = , { $count ->
        [one] 1 has not responded
       *[other] { $count } have not responded
    }
outcomes-you-said = You said
outcomes-evidence-from-html = From the dialogue <strong>{ $title }</strong>, as the votes stood on { $date } ({ $weighting }):
outcomes-agreed = { $rate } agreed
outcomes-no-votes = No votes yet
outcomes-counts = ({ $agree } agreed, { $disagree } disagreed, { $pass } passed)
outcomes-by-constituency = By constituency
outcomes-constituency = { $name }: { $agreed } ({ $agree } of { $seen })
outcomes-no-dialogue = This objective does not cite a dialogue.
outcomes-partners = The partners
outcomes-stance-endorse = Endorses
outcomes-stance-endorse-with-reservations = Endorses with reservations
outcomes-stance-object = Objects
outcomes-stance-none = No stance
outcomes-stance-reason = Reason: { $reason }
outcomes-stance-reservations = Reservations: { $reason }
outcomes-sector-nhs = NHS
outcomes-sector-local-authority = Local authority
outcomes-sector-voluntary = Voluntary sector
outcomes-sector-community = Community group
outcomes-sector-business = Business
outcomes-sector-academic = Academic
outcomes-sector-public = Public
outcomes-we-did = We did
outcomes-status-planned = Planned
outcomes-status-in-progress = In progress
outcomes-status-done = Done
outcomes-status-blocked = Blocked
outcomes-status-dropped = Dropped
outcomes-late = Late by { $days } { $days ->
        [one] day
       *[other] days
    }
outcomes-action-by = { $owner }; led by the { $role }.
outcomes-action-by-due = { $owner }; led by the { $role }; due { $due }.
outcomes-action-by-shared = { $owner } with { $shared }; led by the { $role }.
outcomes-action-by-shared-due = { $owner } with { $shared }; led by the { $role }; due { $due }.
outcomes-no-actions = No actions yet.
