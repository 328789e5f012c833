# The safeguarding pages of moderators and convenors: a dialogue's triage queue with a decision
# form per statement, the partnership's signposting text, extra terms and decisions log, and a
# dialogue's moderators with the form that invites one. The participants' safeguarding pages
# are in safeguarding.ftl.
# Messages whose keys end in -html may hold markup; every other message is plain text.

## Shared by several pages

moderating-title = Safeguarding · { $name }
moderating-queue-heading = Safeguarding triage
moderating-all-statements = All statements

## The triage queue

moderating-eyebrow = { $dialogue }: moderation
moderating-queue-lead = Statements that screening held for a moderator, and statements participants flagged, highest risk first: possible disclosure of harm or a crisis, personal details, abuse, possible misinformation, anything else. Nobody but a moderator sees a held statement until it is accepted.
moderating-translations-link = Translations and easy read
moderating-settings-link = Signposting, terms and the decisions log
moderating-case-heading = { $risk }: statement { $statement }
moderating-written = Written { $date }; now { $status }.
moderating-author-wrote = The author wrote:
moderating-findings-heading = What screening found
moderating-flags-heading = Flags
moderating-decision-legend = Decision on statement { $statement }
moderating-accept = Accept as written
moderating-reject = Reject, with the reason below
moderating-edit = Edit, with the text below (the author's text is kept)
moderating-redact = Redact personal details (they become [removed])
moderating-reason-label = Reason for a rejection
moderating-text-label = Text for an edit
moderating-note-label = Note: why (kept in the log; for a rejection, the author reads it)
moderating-record = Record the decision
moderating-record-on = on statement { $statement }
moderating-queue-empty = Nothing is waiting for safeguarding review.
moderating-notice-decided = Decision recorded: { $action }.
moderating-error-statement = Choose a statement to decide.

## The risk a case is sorted by

moderating-risk-disclosure = Disclosure
moderating-risk-personal-details = Personal details
moderating-risk-abuse = Abuse
moderating-risk-misinformation = Misinformation
moderating-risk-other = Other

## Where a statement stands

moderating-status-pending = pending
moderating-status-accepted = accepted
moderating-status-rejected = rejected

## The screening rule a finding comes from

moderating-rule-disclosure-term = disclosure term
moderating-rule-nhs-number = nhs number
moderating-rule-phone-number = phone number
moderating-rule-date-of-birth = date of birth
moderating-rule-postcode = postcode
moderating-rule-street-address = street address
moderating-rule-name-with-condition = name with condition
moderating-rule-abuse-term = abuse term

## Why a participant flagged a statement

moderating-flag-disclosure = disclosure
moderating-flag-personal-details = personal details
moderating-flag-abuse = abuse
moderating-flag-misinformation = misinformation
moderating-flag-other = other

## Why a moderator rejects a statement, as the decision form offers it

moderating-reason-personal-details = Personal or identifying details
moderating-reason-abusive = Abusive
moderating-reason-misinformation = Health misinformation
moderating-reason-off-topic = Off topic
moderating-reason-duplicate = Says what another statement says
moderating-reason-not-a-statement = Not a statement to agree or disagree with
moderating-reason-needs-follow-up = A request for help, followed up outside

## What a moderator decided, and why, as the decisions log says it

moderating-action-accept = accept
moderating-action-reject = reject
moderating-action-edit = edit
moderating-action-redact = redact
moderating-log-reason-personal-details = personal details
moderating-log-reason-abusive = abusive
moderating-log-reason-misinformation = misinformation
moderating-log-reason-off-topic = off topic
moderating-log-reason-duplicate = duplicate
moderating-log-reason-not-a-statement = not a statement
moderating-log-reason-needs-follow-up = needs follow up

## Signposting, terms and the decisions log

moderating-settings-heading = Safeguarding
moderating-saved = Saved. New statements are screened with these terms from now on.
moderating-signposting-heading = Signposting and terms
moderating-signposting-label = Signposting text: what the author of a possible disclosure reads (local crisis lines, services, opening hours)
moderating-disclosure-terms-label = Extra disclosure and crisis terms, one per line (a word ending in * matches any ending)
moderating-abuse-terms-label = Extra abuse terms, one per line
moderating-save = Save
moderating-log-heading = Decisions log
moderating-log-text = Every moderation decision in this partnership's dialogues: who, when, what and why. Entries are never changed or removed.
moderating-export = Export:
moderating-log-caption = Moderation decisions, newest first
moderating-column-when = When
moderating-column-who = Who
moderating-column-statement = Statement
moderating-column-what = What
moderating-column-why = Why
moderating-log-statement = { $statement } (dialogue { $dialogue })
moderating-log-empty = No decisions yet.

## A dialogue's moderators

moderating-moderators-title = Moderators · { $dialogue }
moderating-convenor-page = { $dialogue }: convenor's page
moderating-moderators-heading = Moderators
moderating-moderators-lead = Moderators work through this dialogue's statements waiting for a decision and its safeguarding queue, and add translations and easy-read versions of its statements. They do nothing else: they do not convene, and see no other dialogue. Every decision they take is in the partnership's decisions log.
moderating-link-once = Send this single-use link to the moderator. It is shown only now.
moderating-link-label = Invitation link
moderating-invite-heading = Invite a moderator
moderating-email-label = Their email address
moderating-email-optional = (optional: only this address can accept)
moderating-invite-submit = Make an invitation link
moderating-who-heading = Who moderates
moderating-who-empty = Only the partnership's convenors moderate this dialogue: nobody has accepted an invitation yet.
moderating-invitations-heading = Invitations
moderating-anyone = anyone with the link
moderating-invitation-html = { $who }: <strong>{ $status }</strong>. Made { $made }, expires { $expires }.
moderating-invitation-pending = pending
moderating-invitation-accepted = accepted
moderating-invitation-revoked = revoked
moderating-invitation-expired = expired

## Refusals: the service's reasons for not doing what a moderator or convenor asked. The API
## sends the English; a page says the same refusal in its reader's language. Each starts in
## lower case without a full stop, as the API writes it.

moderating-refused-action = action must be one of accept, reject, edit, redact
moderating-refused-reason = reason must be one of { $reasons }
moderating-refused-reason-missing = a rejection needs a reason from the list
moderating-refused-reason-not-rejecting = reason is kept only for a rejection; leave it out otherwise
moderating-refused-text-not-editing = text is kept only for an edit; leave it out otherwise
moderating-refused-text-missing = an edit needs the new text
moderating-refused-text = text: { $problem }
moderating-refused-nothing-to-redact = no personal details were found in this statement; edit it instead
moderating-refused-redacted-invalid = the redacted text would not be a valid statement ({ $problem }); edit it instead
moderating-refused-too-many-terms = { $field } may hold at most { $max } terms (it has { $count })
moderating-refused-term-too-long = each of { $field } must be one line of at most { $max } characters
moderating-refused-term-no-letter = each of { $field } needs a letter or digit: "{ $term }" has none
moderating-refused-disclosure-terms = disclosure_terms
moderating-refused-abuse-terms = abuse_terms
moderating-refused-signposting-too-long = signposting must be at most { $max } characters (it has { $length })
moderating-refused-signposting-control = signposting must not contain control characters
moderating-refused-no-invitation = this dialogue has no such invitation to moderate
moderating-refused-limit = limit must be between 1 and { $max }
moderating-refused-reason-when-accepting = reason is kept only for a rejection; leave it out when accepting
moderating-refused-reason-too-long = reason must be at most { $max } characters (it has { $length })
moderating-refused-reason-control = reason must not contain control characters
moderating-refused-batch = statement_ids must name between 1 and { $max } statements
