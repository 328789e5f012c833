# The convenors' pages for a dialogue: its page, the new-dialogue form, its settings, closing
# it, its rounds, moderation, translations and easy read (and a priority list's translations),
# and naming the report's opinion groups. Messages whose keys end in -html may hold markup.

## A dialogue's page

convening-your-partnerships = Your partnerships
convening-tag-closed = closed
convening-closed-text = This dialogue takes no more votes or statements.
convening-tag-not-open = not open yet
convening-not-open-text = People can take part from { $opens }.
convening-tag-open = open
convening-open-text = People can take part now.
convening-change-dates = Change the dates
convening-dialogue-nav = This dialogue
convening-nav-report = Report
convening-nav-moderation = Moderation
convening-nav-moderation-waiting = Moderation ({ $count } waiting)
convening-nav-versions = Translations and easy read
convening-nav-moderators = Moderators
convening-nav-rounds = Rounds
convening-nav-settings = Settings, constituencies and statements
convening-nav-present = Presenter view for an event
convening-link-heading = Participant link
convening-link-share = Share this link, or show or print the QR code:
convening-qr-alt = QR code that opens the participant link { $link }
convening-print-poster = Print a QR poster
convening-no-phone = People without a phone:
convening-no-phone-link = paper cards and facilitators
convening-participation-heading = Participation
convening-figure-participants = Participants
convening-figure-voters = Who have voted
convening-figure-votes = Votes (latest per statement)
convening-figure-vote-events = Votes including changes
convening-figure-accepted = Statements accepted
convening-figure-pending = Waiting for moderation
convening-figure-rejected = Rejected
convening-table-label = Table; on a small screen it scrolls sideways
convening-constituencies-caption = Participants by constituency
convening-column-constituency = Constituency
convening-column-kind = Kind
convening-column-participants = Participants
convening-column-share = Share
convening-column-expected = Expected
convening-kind-lay = lay
convening-kind-professional = professional
convening-not-stated = not stated
convening-share-none = none
convening-below-expected = ⚠ fewer than expected
convening-unaffiliated = { $count } participants chose no constituency.
convening-export-heading = Export
convening-export-json = Everything, as JSON
convening-export-polis-zip = Pol.is open-data files, as a ZIP archive
convening-export-polis-file = { $name } (Pol.is format)
convening-copy-heading = Copy the dialogue
convening-copy-text = Makes a new dialogue in the same partnership with this one's question, description, constituencies, seed statements and settings, and no participants or votes.
convening-copy-button = Copy the dialogue
convening-reopen-heading = Reopen the dialogue
convening-close-heading = Close the dialogue
convening-reopen-text = Reopening lets people vote and write statements again.
convening-reopen-text-past-closing = Reopening lets people vote and write statements again. Its closing time has passed, so reopening also removes it; you can set a new one in the settings.
convening-reopen-button = Reopen the dialogue
convening-close-text = Closing stops new participants, votes and statements. The report stays available, and you can reopen the dialogue later. You are asked to confirm first.
convening-close-button = Close the dialogue…

## The fields the new-dialogue form and the settings share

convening-field-title = Title
convening-field-question = The question participants are asked
convening-field-description = Description
convening-optional = (optional)
convening-optional-before-start = (optional; shown before people start)
convening-field-participant-statements = Participants may write statements
convening-moderation-legend = When are participants' statements moderated?
convening-moderation-post = Shown at once; convenors may remove them later
convening-moderation-pre = Shown only after a convenor accepts them
convening-visibility-legend = Who may read the report?
convening-visibility-public = Anyone with the link
convening-visibility-convenors = Only this partnership's convenors
convening-constituencies-heading = Constituencies
convening-seed-heading = Seed statements
convening-statements-one-per-line = Statements, one per line
convening-csv-file = CSV file

## A dialogue's dates

convening-dates-legend = Dates
convening-dates-hint = Times are in UTC. Before the opening time, people see when the dialogue opens and cannot join, vote or write. From the closing time on, it is closed, as if you had closed it; move the closing time later to open it again. Leave a time empty for none.
convening-opening-time = Opening time
convening-closing-time = Closing time
convening-utc = (UTC)

## A new dialogue

convening-new-title = New dialogue
convening-constituencies-hint-html = The publics you want to hear, one per line: a name, then optionally the share of participants you expect and whether they are lay or professional, separated by <kbd>|</kbd>. For example: <code>Carer | 15% | lay</code> or <code>GP | 5% | professional</code>. The expected shares together can be at most 100%.
convening-constituencies-one-per-line = Constituencies, one per line
convening-new-statements-hint = Statements to start the dialogue with, each at most 280 characters and each said once. Paste them one per line, upload a CSV file whose first column holds one statement per row, or both.
convening-csv-not-kept = A CSV file is not kept after an error: choose it again if you had one.
convening-settings-legend = Settings
convening-create-button = Create the dialogue

## Settings

convening-settings-heading = Settings
convening-settings-title = Settings · { $title }
convening-settings-dialogue-heading = The dialogue
convening-weighting-legend = How are participants weighed in the results?
convening-weighting-hint = The opinion map always counts heads; this choice is for agreement and common ground.
convening-weighting-default = Equal weight when there are constituencies, otherwise one person one vote (the default)
convening-weighting-equal = Equal weight: every constituency weighs the same, whatever its turnout
convening-weighting-frame = Population shares: every constituency weighs as its share of the population given below
convening-weighting-head-count = One person, one vote
convening-population-legend = Population shares
convening-population-optional = (for weighing by population, such as census shares: 20%)
convening-save-settings = Save the settings
convening-constituencies-settings-hint = Expected shares are percentages of participants, such as 15%; together they can be at most 100%. A constituency can be removed only while nobody has chosen it.
convening-constituency-form = Constituency { $name }
convening-field-name = Name
convening-field-expected-share = Expected share of participants
convening-optional-share = (optional, such as 15%)
convening-field-kind = Kind
convening-kind-not-stated = Not stated
convening-kind-lay-option = Lay (residents, patients, carers)
convening-kind-professional-option = Professional
convening-save-named = Save { $name }
convening-remove-named = Remove { $name }
convening-no-constituencies = No constituencies yet.
convening-add-constituency-heading = Add a constituency
convening-add-constituency = Add the constituency
convening-seeds-hint-html = A seed statement can be changed or removed until someone votes on it. After that its votes are part of the record: to take it out of the dialogue, reject it in <a href="/convenor/dialogues/{ $id }/moderation">moderation</a>.
convening-seed-label = Seed statement { $number }
convening-seed-save = Save statement { $number }
convening-seed-remove = Remove statement { $number }
convening-no-seeds = No seed statements yet.
convening-add-seeds-heading = Add seed statements
convening-add-seeds-hint = One statement per line, each at most 280 characters, or a CSV file whose first column holds one statement per row. Statements the dialogue already has are left out.
convening-add-seeds-button = Add the statements

## What the settings page says after a change

convening-notice-saved = The settings are saved.
convening-notice-constituency-added = The constituency is added.
convening-notice-copied = This is a copy: the question, description, constituencies, seed statements and settings, with no participants or votes. Change what you need, then share the participant link.
convening-notice-constituency-saved = The constituency is saved.
convening-notice-constituency-removed = The constituency is removed.
convening-notice-seed-saved = The seed statement is saved.
convening-notice-seed-removed = The seed statement is removed.
convening-notice-statements-added = { $added } statements added.
convening-notice-statements-added-skipped = { $added } statements added; { $skipped } were already in the dialogue and were left out.

## What the dialogue forms say is wrong ($typed is what was typed, in quotes)

convening-error-duplicate = The dialogue already has this statement.
convening-error-line-share = Constituencies line { $line }: the expected share { $typed } is not a percentage such as 15%.
convening-error-line-kind = Constituencies line { $line }: { $typed } should be "lay" or "professional".
convening-error-constituency-share = Constituency: the expected share { $typed } is not a percentage such as 15%.
convening-error-constituency-kind = Constituency: { $typed } should be "lay" or "professional".
convening-error-csv = The CSV file could not be read at row { $row }: { $error }.
convening-error-population-share = The population share of { $name }, { $typed }, is not a percentage such as 25%.

## Closing a dialogue

convening-close-title = Close the dialogue? · { $title }
convening-close-question = Close the dialogue?
convening-already-closed = This dialogue is already closed.
convening-back-to-dialogue = Back to the dialogue
convening-closing-means = Closing “{ $title }” means:
convening-closing-no-joining = nobody new can join, and participants can no longer vote or write statements;
convening-closing-kept = every vote and statement so far is kept, and the report stays available;
convening-closing-own-data = participants can still see and erase their own data;
convening-closing-reopen = you can reopen the dialogue later from its page.
convening-close-confirm = Yes, close the dialogue
convening-keep-open = No, keep it open

## Rounds

convening-rounds-heading = Rounds
convening-rounds-title = Rounds · { $title }
convening-rounds-lead = A dialogue can run in rounds, for instance before and after a public event. When a new round starts, the votes of the round that ends are kept as that round's, and participants vote again on every statement with the same link or code. The report then compares the new round with the one before: agreement with each statement by opinion group and constituency, who changed their vote, and common ground gained or lost.
convening-rounds-caption = Rounds of this dialogue
convening-rounds-column-round = Round
convening-rounds-column-name = Name
convening-rounds-column-started = Started
convening-rounds-column-ended = Ended
convening-rounds-column-voters = Participants who voted
convening-rounds-column-votes = Votes
convening-rounds-current = current
convening-rounds-compare = Compare round { $earlier } and round { $later } in the report
convening-rounds-start = Start round { $number }
convening-rounds-ending-label = Name of the round that ends (round { $number })
convening-rounds-new-label = Name of the new round
convening-rounds-label-hint = For example "After the health fair". Participants see it at the top of the statements.
convening-rounds-confirm = I understand that participants will vote again on every statement, and that the votes so far stay with round { $number }.
convening-rounds-started = The new round has started. Participants can vote again on every statement.
convening-rounds-error-confirm = Tick the box to confirm that participants will vote again in the new round.

## Moderation

convening-moderation-eyebrow = { $title }: moderation
convening-moderation-heading = Moderation
convening-moderation-title = Moderation · { $title }
convening-moderation-pending = { $count } statements are waiting for a decision.
convening-moderation-safeguarding = Safeguarding triage
convening-moderation-tabs = Statements by status
convening-tab-waiting = Waiting
convening-tab-accepted = Accepted
convening-tab-rejected = Rejected
convening-tab-all = All
convening-moderation-table = Statements to moderate
convening-moderation-caption = Statements, with their authors' groups, their votes and a decision for each
convening-moderation-select = Select
convening-moderation-column-statement = Statement
convening-moderation-column-written = Written
convening-moderation-column-votes = Votes
convening-moderation-column-status = Status
convening-moderation-column-decision = Decision
convening-moderation-select-row = Select: { $text }
# $date is the day it was written, such as 2025-03-01; $groups the author's constituencies.
convening-written-participant-groups = { $date } by a participant ({ $groups })
convening-written-participant = { $date } by a participant who named no group
convening-written-convenor = { $date } by a convenor
convening-moderation-votes = { $agree } agree, { $disagree } disagree, { $pass } pass
convening-status-waiting = waiting
convening-status-accepted = accepted
convening-status-rejected = rejected
convening-rejection-reason = Reason: { $reason }
convening-reason-label = Reason for rejecting (optional; the author sees it)
convening-accept-row-html = Accept<span class="visually-hidden"> statement { $id }</span>
convening-reject-row-html = Reject<span class="visually-hidden"> statement { $id }</span>
convening-select-all = Select every statement on this page
convening-accept-selected = Accept the selected statements
convening-reject-selected = Reject the selected statements
convening-moderation-empty = No statements here.
convening-pages-nav = Pages
convening-first-page = First page
convening-next-page = Next page
convening-moderation-updated = { $count ->
        [one] { $count } statement updated.
       *[other] { $count } statements updated.
    }
convening-error-decision-statement = The decision did not say which statement it is for.
convening-error-decision-one = Choose whether to accept or reject the statement.
convening-error-decision-many = Choose whether to accept or reject the statements.
convening-error-reason = Reason for rejecting: { $message }

## Translations and easy read of a dialogue's statements

convening-versions-heading = Translations and easy read
convening-versions-title = Translations and easy read · { $title }
convening-versions-lead = Participants see each statement in their own language when it has a translation, marked as a translation with the original one tap away, and its easy-read version when they choose easy read. A vote cast on any version is a vote on the statement.
convening-versions-language-heading = The dialogue's language
convening-versions-written-in = Statements are written in
convening-versions-untranslated-legend = A statement a participant writes in another language
convening-versions-untranslated-wait = Waits for a translation before others see it
convening-versions-untranslated-show = Is shown in the language it was written in until it is translated
convening-versions-save-languages = Save the language settings
convening-versions-statements-heading = Statements
convening-versions-waiting-html = <strong>Waiting for a translation:</strong> participants are not shown it yet.
convening-versions-statement-written-in = Written in
convening-versions-save-language-html = Save<span class="visually-hidden"> the language of statement { $id }</span>
# $language is the language's own name, such as Cymraeg.
convening-versions-translation-of = { $language }, translation:
convening-versions-easy-read-of = { $language }, easy read:
convening-versions-remove-translation-html = Remove<span class="visually-hidden"> the { $language } translation of statement { $id }</span>
convening-versions-remove-easy-read-html = Remove<span class="visually-hidden"> the { $language } easy-read of statement { $id }</span>
convening-field-language = Language
convening-versions-kind = Kind
convening-versions-kind-translation = Translation
convening-versions-kind-easy-read = Easy read (short words, one idea)
convening-versions-text = Text (replaces the one in that language and kind)
convening-versions-save-version-html = Save the version<span class="visually-hidden"> of statement { $id }</span>
convening-versions-none = This dialogue has no statements yet.
convening-versions-done-languages = The dialogue's language settings are saved.
convening-versions-done-statement-language = The statement's language is saved.
convening-versions-done-put = The version is saved.
convening-versions-done-remove = The version is removed.
convening-error-form-statement = The form did not say which statement it is for.
convening-error-what-to-change = Choose what to change on this page.

## Translations of a priority list's options

convening-options-heading = Translations of the options
convening-options-title = Translations · { $title }
convening-options-lead = Participants see each option in their own language when it has a translation, marked as a translation with the original one tap away. A choice made while reading a translation is a choice of the option: the ranking counts it once, whatever language it was read in.
convening-options-language-heading = The list's language
convening-options-written-in = The options are written in
convening-options-save-language = Save the list's language
convening-options-options-heading = Options
convening-options-remove-html = Remove<span class="visually-hidden"> the { $language } translation of option { $id }</span>
convening-options-translation = Translation (replaces the one in that language)
convening-options-save-html = Save the translation<span class="visually-hidden"> of option { $id }</span>
convening-options-none = This list has no options yet.
convening-options-done-language = The list's language is saved.
convening-options-done-put = The translation is saved.
convening-options-done-remove = The translation is removed.
convening-error-form-option = The form did not say which option it is for.

## Naming the report's opinion groups

convening-groups-back-nav = Back
convening-groups-back = Back to the report on { $title }
convening-groups-heading = Name the opinion groups
convening-groups-title = Name the groups · { $title }
convening-groups-saved = The labels are saved.
convening-groups-lead = Each group is named after the statement it most distinctively holds. Write a short description people will recognise, such as "for more evening clinics", or leave a box empty to go back to the name drawn from the votes.
convening-groups-caution = A label belongs to the group the analysis numbers the same way. When new votes change the groups (a group splits, merges or disappears), a label may come to describe a different set of people: check the labels after the groups change. A label whose group has gone is kept and comes back if the group does.
# $size is the group's size in words, such as "12 people".
convening-groups-label = Group { $letter } ({ $size })
convening-groups-derived = Drawn from the votes: { $label }
convening-groups-nothing = Nothing stands out with enough votes to name it from.
convening-groups-at-most = At most { $max } characters.
convening-groups-save = Save the labels
convening-groups-none = No opinion groups are shown yet, so there is nothing to name.
convening-groups-error = The label of { $group }: { $message }. Go back, shorten it and save again.

## Refusals of the dialogues', rounds' and translations' services. The JSON API sends the
## English; a convenor's page says the same refusal in its language. Each starts in lower case
## without a full stop, as the API writes it; a page makes it a sentence. $name, $typed, $code
## and $word are what was typed or named, in quotation marks.

convening-refused-not-your-partnership = you are not a convenor of that partnership
convening-refused-no-partnership = you convene no partnership yet; ask an administrator to add you to one
convening-refused-which-partnership = partnership_id is required: you convene several partnerships, so say which one the dialogue belongs to
convening-refused-too-many-items = a dialogue is created with at most { $max } constituencies and { $max } statements
convening-refused-population-no-constituency = population_shares: the dialogue has no constituency named { $name }
convening-refused-population-share = population_shares: the share of { $name } must be between 0 and 1
# The JSON fields of a dialogue's dates, as a refusal names them ($field below).
convening-refused-field-opens-at = opens_at
convening-refused-field-closes-at = closes_at
convening-refused-not-a-moment = { $field }: { $typed } is not a date and time such as 2027-03-12T17:00 (read as UTC) or 2027-03-12T17:00:00+01:00
convening-refused-closes-before-opens = { $field }: the dialogue would close on { $closes } but open only on { $opens }; the closing time must come after the opening time
convening-refused-name-taken = the dialogue already has a constituency with this name
convening-refused-no-constituency = the dialogue has no such constituency
convening-refused-no-seed = the dialogue has no such seed statement
convening-refused-seed-has-votes = the statement has votes, so it can no longer be changed or removed; reject it in moderation instead
convening-refused-constituency-has-members = the constituency has { $members ->
        [one] { $members } member
       *[other] { $members } members
    }; only a constituency nobody has chosen can be removed
# Where an item of a list is ($place below).
convening-refused-place-item = item { $number }
convening-refused-place-line = line { $number }
convening-refused-place-csv-row = CSV row { $number }
# What the items are and where one is, starting a refusal ($label below): the API's lists, the
# new-dialogue form's lines, and one constituency ($place is then its quoted name).
convening-refused-items-api-constituencies = constituencies { $place }
convening-refused-items-api-statements = statements { $place }
convening-refused-items-constituencies = Constituencies { $place }
convening-refused-items-seed-statement = Seed statement { $place }
convening-refused-items-constituency = Constituency { $place }
# $problem is what is wrong with the item's text.
convening-refused-labelled = { $label }: { $problem }
convening-refused-constituency-repeated = { $label } repeats the name of { $earlier } ({ $name }); each constituency needs its own name
convening-refused-constituency-exists = { $label }: the dialogue already has a constituency named { $name }
convening-refused-share-range = { $label }: the expected share { $share } must be between 0% and 100%
convening-refused-share-given-range = { $label }: the expected share given must be between 0% and 100%
convening-refused-shares-total = { $label }: the expected shares add up to { $total } with this one; together they can be at most 100%
convening-refused-seed-repeated = { $label } repeats { $earlier }
convening-refused-round-unnamed = a round needs a name
convening-refused-round-too-long = a round's name has at most { $max } characters
convening-refused-round-control = a round's name cannot hold control characters
# $language is the language's name in itself, such as Cymraeg; $languages lists their codes.
convening-refused-unknown-language = { $code } is not a language statements can be shown in; use one of { $languages }
convening-refused-untranslated-choice = { $word } is not a choice for untranslated statements; use wait or show_original
convening-refused-statement-needs-no-translation = the statement was written in { $language }, so it needs no translation into it; add an easy-read version instead, or change the language it was written in
convening-refused-no-translated-version = statement { $statement } has no translated version in { $language }
convening-refused-no-easy-read-version = statement { $statement } has no easy-read version in { $language }
convening-refused-no-option = list { $list } has no option { $option }
convening-refused-options-need-no-translation = the options are written in { $language }, so they need no translation into it; change the list's language if they are written in another
convening-refused-no-option-translation = option { $option } has no translation into { $language }
