# The accounts' pages: the welcome page, signing in, and the page an invitation link opens,
# where a person accepts to speak for a partner, to convene a partnership or to facilitate a
# dialogue. Messages whose keys end in -html may hold markup. Messages whose keys hold -refused-
# are the service's refusals, which the API sends in English: each starts in lower case without
# a full stop, and a page makes it a sentence.

account-field-email = Email address
account-field-password = Password

## The welcome page

account-home-title = Welcome
account-home-lead = Dialogues for health partnerships: many people vote on short statements, and the results show what they share, where they differ, and whose voices are missing, with every group counted equally.
account-home-participants = If you were given a link or a QR code to take part, follow it: you do not need an account.
account-home-sign-in = Sign in as a convenor or partner

## Signing in

account-login-title = Sign in
account-login-lead = For convenors of a partnership and the people who speak for its partners. Participants do not need to sign in.
account-login-refused = The email address and password do not match an account. Check them and try again.
account-login-too-many = { $minutes ->
        [one] There have been too many attempts to sign in. Wait a minute, then try again.
       *[other] There have been too many attempts to sign in. Wait { $minutes } minutes, then try again.
    }

## An invitation

account-invitation-speak-for = Speak for { $partner }
account-invitation-facilitate = Facilitate { $dialogue }
account-invitation-moderate = Moderate { $dialogue }
account-invitation-convene = Convene { $partnership }
account-invitation-used = This invitation has already been used.
account-invitation-withdrawn = This invitation was withdrawn.
account-invitation-expired = This invitation has expired.
account-invitation-ask-again = Ask a convenor of { $partnership } for a new invitation link.
account-invitation-lead-facilitate = You are invited to facilitate the dialogue { $dialogue } of { $partnership }: to print its paper cards and key the answers people give on them, at an event or on the phone. You will not convene the partnership.
account-invitation-lead-moderate = You are invited to moderate the dialogue { $dialogue } of { $partnership }: to work through the statements waiting for a decision and the safeguarding queue, and to add translations and easy-read versions of its statements. You will not convene the partnership.
account-invitation-lead-partner = You are invited to speak for { $partner } in the partnership { $partnership }: to see what its convenors share with partners and to act for { $partner } there.
account-invitation-lead-convene = You are invited to convene the partnership { $partnership } with its other convenors: to run its dialogues, add its partners and invite the people who speak for them.
account-invitation-signed-in = You are signed in as { $email }.
account-invitation-convene-too = This account speaks for partners; accepting lets it convene too.
account-invitation-accept-partner = Accept and speak for { $partner }
account-invitation-accept-facilitate = Accept and facilitate { $dialogue }
account-invitation-accept-moderate = Accept and moderate { $dialogue }
account-invitation-accept-convene = Accept and convene { $partnership }
account-invitation-choose = Choose the email address and password you will sign in with.
account-invitation-for-address = This invitation is for { $email }.
account-invitation-password-hint = (at least { $min } characters)
account-invitation-create = Create my account and accept
account-invitation-sign-in-first-html = Already have an account? <a href="/login?next=/invite/{ $token }">Sign in first</a>, then accept.

## Refusals: what the service says, in the API and on the pages

account-refused-credentials = the email and password do not match an account
account-refused-email-empty = email address is empty
account-refused-email-too-long = email address is longer than 254 characters
account-refused-email-malformed = email address is not of the form name@domain
account-refused-password-too-short = password is shorter than { $min } characters
account-refused-password-too-long = password is longer than { $max } characters
account-refused-other-address = this invitation was made for another email address
account-refused-already-convene = you already convene this partnership; the invitation stays unused for the person it was meant for
account-refused-account-exists = an account already has this email address: sign in first, then open the invitation link again
account-refused-unknown-invitation = this invitation link is not known; ask the partnership's convenor for a new one
account-refused-token-alone = signed in, the invitation is accepted for this account: send the token alone
account-refused-new-account = send an email address and a password for the new account, or sign in first
