# The convenors' pages of the priority lists: a partnership's lists with the form for a new
# one, a list's page (participant link, options and their moderation, settings, closing and
# reopening), drafting options from common ground, and the page that confirms closing.
# The participants' pages are in priorities.ftl.
# Messages whose keys end in -html may hold markup; every other message is plain text.

## Shared by several pages

lists-heading = Priority lists
lists-state-open = open
lists-state-closed = closed
lists-table-scroll = Table; on a small screen it scrolls sideways
lists-column-options = Options
lists-column-comparisons = Comparisons
lists-field-title = Title
lists-field-question = The question participants are asked
lists-field-description = Description
lists-participant-options = Participants may add options
lists-moderation-legend = When are participants' options moderated?
lists-moderation-pre = Compared only after a convenor accepts them
lists-moderation-post = Compared at once; convenors may reject them later
lists-visibility-legend = Who may read the results?
lists-visibility-public = Anyone with the link
lists-visibility-convenors = Only this partnership's convenors
lists-back = Back to the priority list

## A partnership's priority lists

lists-title = Priority lists · { $partnership }
lists-lead = A priority list asks people which of two options matters more, pair after pair, and ranks every option with each constituency counting once.
lists-this-partnership = This partnership's lists
lists-column-list = List
lists-column-state = State
lists-empty = No priority lists yet.
lists-new-heading = New priority list
lists-question-hint = For example: Which should the partnership do first?
lists-description-optional-start = (optional; shown before people start)
lists-constituencies-legend = Constituencies
lists-constituencies-hint-html = The publics whose priorities you want to hear, one per line: a name, then optionally whether they are lay or professional, separated by <kbd>|</kbd>. For example: <code>Unpaid carers | lay</code> or <code>GPs | professional</code>. Each constituency counts once in the ranking, however many of its people take part.
lists-constituencies-label = Constituencies, one per line
lists-options-hint = The options to compare, one per line, each at most 280 characters and each said once. You can add more later, and draft options from a dialogue's common ground.
lists-options-label = Options, one per line
lists-dialogue-label = Linked dialogue
lists-dialogue-optional = (optional: its common ground can become options)
lists-no-dialogue = No dialogue
lists-settings-legend = Settings
lists-create = Create the priority list

## What a refused new list says

lists-error-dialogue = Choose a dialogue of this partnership, or none.
lists-error-constituency-line = Constituencies line { $line }: { $message }
lists-error-option-line = Options line { $line }: { $message }
lists-error-kind = { $kind } should be "lay" or "professional"
lists-error-constituency-parts = write a name, then optionally | and lay or professional
lists-error-constituency-twice = { $name } is named twice
lists-error-option-twice = the same option is written twice
lists-field-constituency = constituency name
lists-field-option = option text
lists-field-list-title = priority list title
lists-field-list-question = priority question
lists-field-list-description = description
lists-field-reason = reason

## A list's page

lists-open-note = People can compare options now.
lists-closed-note = This priority list takes no more comparisons or options.
lists-nav-label = This priority list
lists-results = Results
lists-options-waiting = Options ({ $count } waiting)
lists-translations = Translations
lists-settings-heading = Settings
lists-export = Export (ZIP)
lists-link-heading = Participant link
lists-link-text-html = Share this link, or show or print the QR code: <a href="{ $link }" class="participant-link">{ $link }</a>
lists-qr-alt = QR code that opens the participant link { $link }
lists-participation-heading = Participation
lists-participants = Participants
lists-waiting = Waiting for moderation
lists-constituencies-summary = Constituencies: { $constituencies }.
lists-constituencies-none = none
lists-constituency-with-kind = { $name } ({ $kind })
lists-kind-lay = lay
lists-kind-professional = professional
lists-results-public-html = Anyone with the link may read <a href="{ $href }">the results</a>.
lists-results-convenors-html = Only this partnership's convenors may read <a href="{ $href }">the results</a>.
lists-options-caption = Options, with where each came from, its moderation and how it fared
lists-column-option = Option
lists-column-from = From
lists-column-moderation = Moderation
lists-column-won = Won
lists-column-lost = Lost
lists-column-compared = Compared
lists-resembles = resembles option { $option }
lists-source-statement = : the source statement
lists-not-shown = not shown yet
lists-rejection-reason = Reason: { $reason }
lists-accept = Accept
lists-reason-label = Reason
lists-reason-optional = (optional; shown to the participant)
lists-reject = Reject
lists-no-options = No options yet: add some below.
lists-no-options-dialogue = No options yet: add some below, or draft them from the linked dialogue's common ground.
lists-add-heading = Add an option
lists-option-label = Option
lists-option-limit = (at most 280 characters)
lists-add-submit = Add the option
lists-from-dialogue-heading = From the linked dialogue
lists-from-dialogue-text = Draft options from the statements the linked dialogue's participants agree on across their groups. You see them and choose before anything is added.
lists-import-link = Import options from common ground
lists-optional = (optional)
lists-save-settings = Save the settings
lists-close-heading = Close the priority list
lists-close-explain = Closing stops new participants, comparisons and options. The results stay available, and you can reopen the list later. You are asked to confirm first.
lists-close-button = Close the priority list…
lists-reopen = Reopen the priority list
lists-reopen-explain = Reopening lets people join, compare options and add them again.

## Where an option came from, and its moderation

lists-origin-convenor = Convenor
lists-origin-participant = Participant
lists-origin-common-ground = Common ground
lists-status-pending = Awaiting moderation
lists-status-accepted = Accepted
lists-status-rejected = Rejected

## What the list's page says after a change

lists-notice-saved = The settings are saved.
lists-notice-option-added = The option is added.
lists-notice-moderated = The moderation decision is saved.
lists-notice-imported-none = No option was added: the chosen statements are options already.
lists-notice-imported = { $count ->
        [one] { $count } option was added from common ground.
       *[other] { $count } options were added from common ground.
    }
lists-notice-closed = The priority list is closed.
lists-notice-reopened = The priority list is open again.
lists-error-decision = Choose to accept or to reject the option.

## Options from common ground

lists-import-title = Options from common ground · { $list }
lists-import-heading = Options from common ground
lists-import-lead = These statements are common ground in the latest analysis of the linked dialogue. Tick the ones to add as options; each keeps a link back to its statement.
lists-import-legend = Common-ground statements
lists-already-option = already an option
lists-statement-link-html = Statement { $number }<span class="visually-hidden"> in the dialogue's report</span>
lists-too-long = { $count ->
        [one] { $count } common-ground statement is longer than 280 characters and cannot be an option as written; add it in shorter words from the list's page.
       *[other] { $count } common-ground statements are longer than 280 characters and cannot be an option as written; add them in shorter words from the list's page.
    }
lists-import-submit = Add the ticked statements as options
lists-cancel = Cancel
lists-import-empty = The latest analysis of the linked dialogue has no common ground short enough to be an option yet.
lists-error-statement-number = { $value } is not a statement number.

## Closing a list

lists-close-title = Close the priority list? · { $list }
lists-close-question = Close the priority list?
lists-already-closed = This priority list is already closed.
lists-closing-means = Closing “{ $list }” means:
lists-closing-nobody = nobody new can join, and participants can no longer compare options or add them;
lists-closing-kept = every comparison so far is kept, and the results stay available;
lists-closing-kept-convenors = every comparison so far is kept, and the results stay available to this partnership's convenors;
lists-closing-own-data = participants can still see and erase their own data;
lists-closing-reopen = you can reopen the priority list later from its page.
lists-close-confirm = Yes, close the priority list
lists-keep-open = No, keep it open

## What the service refuses on these pages, as the API says it in English: each starts in
## lower case without a full stop; a page makes it a sentence.

lists-refused-constituency-twice = the constituency { $name } is named twice
lists-refused-dialogue-elsewhere = the linked dialogue must belong to the same partnership
lists-refused-no-dialogue = this priority list has no linked dialogue to draft options from
lists-refused-no-analysis = the linked dialogue has no analysis yet
lists-refused-choose-statement = choose at least one statement to draft as an option
lists-refused-not-common-ground = statement { $statement } is not common ground short enough to be an option in the linked dialogue's latest analysis
lists-refused-no-option = no such option in this priority list
