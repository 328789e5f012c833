# The facilitation room: the convenor's page that invites facilitators, the printable sheet of
# paper cards and the entry screen a facilitator keys cards on. Messages whose keys end in
# -html may hold markup.

## What a card asks, on the sheet and on the entry screen

facilitation-agree = Agree
facilitation-disagree = Disagree
facilitation-pass = Pass
facilitation-statement-label = Statement
facilitation-code-label = Participant code

## The entry screen

facilitation-entry-title = Key cards · { $title }
facilitation-entry-heading = Key cards
facilitation-entry-lead-html = Type the participant code printed on the card, tick what the card ticks, and save. Each card counts as one participant, exactly like someone taking part online. <a href="/facilitator/dialogues/{ $id }/sheet">Print a sheet of blank cards</a>.
facilitation-saved = Card { $code } saved: { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }, a new participant.
facilitation-replaced = Card { $code } replaced the card keyed before with that code: { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }.
facilitation-next-blank = The next card is blank.
facilitation-statement-sent = The statement from card { $code } was sent to the dialogue, moderated like every participant's.
facilitation-entry-closed = This dialogue is closed: it takes no more cards.
facilitation-channel-legend = How the answers reached you
facilitation-channel-paper = A paper card
facilitation-channel-facilitated = In person or on the phone, with me
facilitation-constituencies-legend = Constituency boxes ticked
facilitation-blank-hint = A statement left blank on the card stays blank: leave its row empty.
facilitation-no-statements = The dialogue has no statements to vote on yet.
facilitation-replace = Replace the earlier card with this one
facilitation-discard = Discard this card
facilitation-save = Save card and key the next
facilitation-statement-heading = A statement written on a card
facilitation-statement-explained = Key the card first, then its statement here, under the same code. It goes through this dialogue's moderation like any participant's statement.
facilitation-statement-send = Send the statement

## Why a card or a statement was refused

facilitation-error-channel = Choose whether the card is a paper card or was filled in with a facilitator.
facilitation-error-keyed-already = A card with this participant code was keyed already. If this card corrects it, replace the earlier card; if it is another person's card, check the code.
facilitation-error-code-empty = Type the participant code printed on the card.
facilitation-error-code-invalid = A participant code is 1 to { $max } letters, digits or hyphens.
facilitation-error-constituency = "{ $name }" is not a constituency of this dialogue.
facilitation-error-statement-not-found = A statement on the card is not one of this dialogue's.
facilitation-error-closed = The dialogue is closed.
facilitation-error-not-open = The dialogue is not open yet: it opens on { $opens } ({ $stamp }).
facilitation-error-no-card = No card with this participant code was keyed yet; key the card first.
facilitation-error-duplicate = The dialogue already has this statement (statement { $id }).
facilitation-error-statements-paused = The dialogue does not accept statements from participants.

## The card sheet

facilitation-sheet-title = Cards · { $title }
facilitation-sheet-back = { $title }: key cards
facilitation-sheet-heading = Cards to print
facilitation-sheet-explained-html = Print this page: each card is one person's, with a code of its own. People tick one box per statement and the constituencies they belong to; blank rows stay blank. Key the cards on the <a href="/facilitator/dialogues/{ $id }/cards">entry screen</a> afterwards.
facilitation-sheet-number = Number of cards
facilitation-sheet-make = Make the sheet
facilitation-card-label = Card { $code }
facilitation-card-code-html = Code <strong>{ $code }</strong>
facilitation-card-caption = Statements on card { $code }
facilitation-box-agree = box to tick: agree
facilitation-box-disagree = box to tick: disagree
facilitation-box-pass = box to tick: pass
facilitation-box = box to tick
facilitation-card-i-am = I am:
facilitation-card-write = Something missing? Write your own statement on the back.
facilitation-error-cards-number = Ask for a number of cards from 1 to { $max }.
facilitation-error-sheet-size = A sheet holds 1 to { $max } cards.

## The facilitators of a dialogue, for its convenors

facilitation-facilitators-title = Facilitators · { $title }
facilitation-convenor-page-link = { $title }: convenor's page
facilitation-facilitators-heading = Facilitators
facilitation-facilitators-lead = Facilitators key paper cards, and the answers of people at an event or on the phone, for this dialogue. They can do nothing else: they do not convene, and see no other dialogue.
facilitation-key-yourself = Key cards yourself
facilitation-print-sheet = Print a sheet of cards
facilitation-link-once = Send this single-use link to the facilitator. It is shown only now.
facilitation-link-label = Invitation link
facilitation-invite-heading = Invite a facilitator
facilitation-email-label = Their email address
facilitation-email-optional = (optional: only this address can accept)
facilitation-invite-button = Make an invitation link
facilitation-who-heading = Who facilitates
facilitation-nobody-yet = Nobody has accepted an invitation yet.
facilitation-invitations-heading = Invitations
facilitation-anyone-with-link = anyone with the link
facilitation-invitation-dates = Made { $created }, expires { $expires }.
facilitation-status-pending = pending
facilitation-status-accepted = accepted
facilitation-status-revoked = revoked
facilitation-status-expired = expired
facilitation-error-email-too-long = Email address is longer than 254 characters.
facilitation-error-email-malformed = Email address is not of the form name@domain.

## Refusals of the facilitation service, and of a participant's own choice of groups and
## statements (the same refusals whether they act themselves or a facilitator keys their
## card). The JSON API sends the English; a page says the same refusal in its language. Each
## starts in lower case without a full stop, as the API writes it; $name is a constituency's
## name as given, in quotation marks.

facilitation-refused-no-invitation = no such invitation for this dialogue
facilitation-refused-sheet-size = a sheet holds 1 to { $max } cards
facilitation-refused-code-empty = type the participant code printed on the card
facilitation-refused-code-invalid = a participant code is 1 to { $max } letters, digits or hyphens
facilitation-refused-online = a card is keyed as `paper` or `facilitated`; online votes come from participants themselves
facilitation-refused-two-boxes = statement { $statement } has more than one box ticked; tick one of agree, disagree or pass
facilitation-refused-keyed-already = a card with this participant code was keyed already; check the card, and replace the earlier one if this one corrects it
facilitation-refused-statement-not-on-card = a statement on the card is not one of this dialogue's
facilitation-refused-no-card = no card with this participant code was keyed yet; key the card first
facilitation-refused-not-a-constituency = { $name } is not a constituency of this dialogue
facilitation-refused-groups-closed = this dialogue is closed, so the groups you belong to can no longer change
facilitation-refused-statement-limit = one participant may write at most { $allowed } statements in a dialogue; vote on the others' statements instead
