# Refusals the API and the pages share: the service's reasons for not doing what was asked.
# The API sends the English; a page says the same refusal in its reader's language. Each
# starts in lower case without a full stop, as the API writes it; a page makes it a sentence.

refused-unauthenticated = this needs a valid session or participant token
refused-not-open = the dialogue is not open yet: it opens on { $opens } ({ $moment })
refused-no-dialogue = no such dialogue
refused-no-statement = no such statement in this dialogue
refused-no-partnership = no such partnership
refused-constituency-not-in-dialogue = a constituency named is not one of this dialogue's
refused-not-found = { $entity } not found
refused-in-another-dialogue = the { $entity } belongs to another dialogue
refused-duplicate = a { $entity } with this { $field } already exists
refused-duplicate-statement = the dialogue already has this statement (statement { $statement })
refused-rate-limited = too many requests; try again in { $seconds } seconds
refused-idempotency-key-reused = idempotency key was already used for a different vote
refused-dialogue-closed = the dialogue is closed
refused-statements-disabled = the dialogue does not accept statements from participants
refused-statement-rejected = the statement was rejected by moderation
refused-statement-pending = the statement is awaiting moderation
refused-statement-untranslated = the statement is waiting for a translation into the dialogue's language
refused-partner-archived = the partner is archived
refused-invitation-used = the invitation has already been used
refused-invitation-revoked = the invitation was revoked
refused-invitation-expired = the invitation has expired
refused-stale-version = version { $version } is now the current version of the objective
refused-objective-closed = the objective is not open to this change in its present phase
refused-decision-basis-changed = a stance, the objective's version, the decision rule or the partners changed while it was being adopted; look at the objective again
refused-objective-not-adopted = actions can be added only under an adopted objective
refused-constituency-not-in-list = a constituency named is not one of this priority list's
refused-not-in-list = the { $entity } is not one of this priority list's
refused-in-another-partnership = the { $entity } belongs to another partnership
refused-list-closed = the priority list is closed
refused-options-disabled = the priority list does not accept options from participants
refused-duplicate-option = the priority list already has this option (option { $option })
refused-option-rejected = the option was rejected by moderation
refused-option-pending = the option is awaiting moderation
refused-pair-compared = this participant already compared these two options
refused-wave-closed = the trust survey wave is closed
refused-map-closed = the system map is closed
refused-in-another-map = the { $entity } belongs to another system map
refused-trust-response-incomplete = a submitted response needs a level for every other partner; partners { $partners } have none

# The names of the kinds of record the refusals above name.
refused-entity-partnership = partnership
refused-entity-partner = partner
refused-entity-convenor = convenor
refused-entity-session = session
refused-entity-dialogue = dialogue
refused-entity-constituency = constituency
refused-entity-statement = statement
refused-entity-participant = participant
refused-entity-invitation = invitation
refused-entity-representative = representative
refused-entity-objective = objective
refused-entity-action = action
refused-entity-priority-list = priority list
refused-entity-option = option
refused-entity-trust-wave = trust survey wave
refused-entity-system-map = system map
refused-entity-factor = factor
refused-entity-link = link
refused-entity-flag = flag
refused-entity-round = round

# The values that must be unique, as "a … with this … already exists" names them.
refused-field-name = name
refused-field-email = email
refused-field-external-id = external id
refused-field-participant-code = participant code
refused-field-dialogue-participant = dialogue participant
refused-field-pair-of-factors = pair of factors
refused-field-statement-and-participant = statement and participant

# A text refused by the rules every text follows; $field is one of the names below.
refused-text-empty = { $field } is empty
refused-text-too-long = { $field } is longer than { $max } characters
refused-text-control = { $field } contains a control character
refused-text-direction = { $field } contains the invisible direction control { $code }, which can disguise text; remove it
refused-text-invisible = { $field } has no visible character: it holds only spaces, invisible formatting characters or accents without a letter
refused-text-statement = statement text
refused-text-dialogue-title = dialogue title
refused-text-dialogue-question = dialogue question
refused-text-description = description
refused-text-partnership-name = partnership name
refused-text-purpose = purpose
refused-text-partner-name = partner name
refused-text-constituency-name = constituency name
refused-text-objective-title = objective title
refused-text-objective-text = objective text
refused-text-reason = reason
refused-text-amendment = amendment
refused-text-action-title = action title
refused-text-lead-role = lead role
refused-text-progress-note = progress note
refused-text-priority-list-title = priority list title
refused-text-priority-question = priority question
refused-text-option = option text
refused-text-wave-title = wave title
refused-text-idempotency-key = idempotency key

# A refusal the catalogues cannot word, as the service words it.
refused-as-written = { $message }
