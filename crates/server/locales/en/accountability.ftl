# The pages a partner's representative reads to hold the partnership to account: the actions
# dashboard, with the record's downloads and the calendar feed, and the printable agreement.
# Messages whose keys end in -html may hold markup; every other message is plain text.

accountability-title = Actions: { $partnership }
accountability-heading = Actions and accountability
accountability-lead = { $counts }, as of { $date }.
accountability-counts = { $total } { $total ->
        [one] action
       *[other] actions
    }: { $planned } planned, { $progressing } in progress, { $done } done, { $blocked } blocked, { $dropped } dropped; { $late } late
accountability-table-scrolls = { $caption }; on a small screen the table scrolls sideways
accountability-column-action = Action
accountability-column-owner = Owner
accountability-column-due = Due
accountability-column-status = Status
accountability-column-updated = Updated
accountability-shared-with = with { $partners }
accountability-no-date = no date
accountability-late = Late by { $days } { $days ->
        [one] day
       *[other] days
    }
accountability-late-heading = Late
accountability-late-caption = Late actions, the latest first
accountability-nothing-late = Nothing is late.
accountability-blocked-heading = Blocked
accountability-blocked-caption = Blocked actions
accountability-nothing-blocked = Nothing is blocked.
accountability-by-objective = By objective
accountability-objective-caption = Actions under { $objective }
accountability-no-actions = No actions yet.
accountability-none-adopted = No objective has been adopted yet.
accountability-by-partner = By partner
accountability-partner-caption = Actions { $partner } owns
accountability-no-partner-actions = No partner owns an action yet.
accountability-record-heading = The record
accountability-record-sealed = Every version, stance and action is kept in the partnership's record, each entry sealed with a hash of the one before, so any change to it shows.
accountability-agreement-link = The agreement, to print
accountability-download-csv = Download the record (CSV)
accountability-download-json = Download the record (JSON)
accountability-verify-html = Whoever runs this site can check the chain with <code>commonground verify-record</code>.
accountability-outcomes-public-html = The outcomes page is public since { $date }: <a href="{ $href }">{ $url }</a>
accountability-outcomes-private-html = The outcomes page is not public. <a href="{ $preview }">Preview it</a>, then publish it from <a href="{ $href }">the partnership's page</a>.
accountability-calendar-heading = Due dates in your calendar
accountability-calendar-lead = The actions' due dates are a calendar feed that calendar apps subscribe to. Its address holds a secret: anyone who has it sees the titles, owners and due dates of every action.
accountability-calendar-new = Here is the new address. Copy it now: it is shown only once, and the previous address no longer works.
accountability-calendar-address = Calendar address
accountability-calendar-renew = Make a new address
accountability-calendar-make = Make a calendar address
accountability-calendar-revoke = Revoke the address
accountability-calendar-ask = Ask a convenor for the calendar address.
accountability-calendar-download = Download the due dates once (.ics)

accountability-agreement-title = Agreement: { $partnership }
accountability-agreement-heading = Agreement of { $partnership }
accountability-agreement-printed = Printed { $date }.
accountability-agreement-rule-heading = How the partners decide
accountability-agreement-objectives-heading = Objectives adopted
accountability-agreement-adopted = Version { $version }, adopted on { $date }. { $reason }
accountability-agreement-stances-caption = Each partner's stance on version { $version }
accountability-agreement-partner = Partner
accountability-agreement-stance = Stance
accountability-agreement-reason = Reservations or reason
accountability-agreement-record-verified = This agreement comes from the partnership's record of { $entries } { $entries ->
        [one] entry
       *[other] entries
    }, whose chain of hashes checked out when this page was made.
accountability-agreement-record-broken-html = This agreement comes from the partnership's record of { $entries } { $entries ->
        [one] entry
       *[other] entries
    }, <strong>whose chain of hashes did not check out when this page was made</strong>.
accountability-agreement-head = Head hash:
accountability-agreement-verify-html = Verify it with <code>commonground verify-record --partnership { $partnership }</code>, which checks every entry against the one before it and against the head hash kept beside the record; a downloaded copy of the record carries the same hashes, so the head hash printed here must be its last entry's.
accountability-agreement-back = Back to the actions

# A refusal of the publication form, said in the page's language.
accountability-refused-published = published must be "yes" (publish the outcomes page) or "no" (take it down)
