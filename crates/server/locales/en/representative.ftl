# The pages a partner's representative works in: the trust survey's answer form.
# Messages whose keys end in -html may hold markup. Messages whose keys hold -refused- are the
# service's refusals, which the API sends in English: each starts in lower case without a full
# stop, and a page makes it a sentence.

trust-answer-eyebrow = Trust between partners: { $partnership }
trust-answer-heading = { $wave }: answers for { $partner }
trust-answer-lead = For each other partner, say how closely { $partner } works with them and, if at all, how it sees them. Your answers are yours to save half-way and finish later.
trust-answer-status = Status
trust-answer-answered = Partners answered
trust-answer-answered-count = { $answered } of { $total }
trust-answer-closes = Closes
trust-answer-closed = Closed
trust-answer-closed-note-html = This wave is closed: it takes no more answers. The results are on the <a href="/convenor/trust-waves/{ $wave }">wave's page</a>.
trust-answer-privacy = Results show only what partners say in aggregate: how many partners trust each partner and how much, never which partner said what, unless the partnership has agreed to name raters for this wave. Submitted answers count in the results; you can still change them until { $closes }.
trust-answer-level-legend = How closely does { $partner } work with { $other }?
trust-answer-items-legend = If you work with { $other } at all
trust-answer-items-hint = Left out when you choose "None". "Don't know" is left out of every score, never counted as a low one.
trust-answer-contributions-legend = What does { $other } contribute to the partnership?
trust-answer-tick-any = (tick any)
trust-answer-no-partners = The partnership has no other partner to answer about.
trust-answer-save = Save and finish later
trust-answer-submit = Submit

trust-status-submitted = Submitted
trust-status-draft = Draft saved, not yet submitted
trust-status-not-started = Not started
trust-notice-saved = Saved. Come back to this page to finish before the wave closes.
trust-notice-submitted = Submitted: your answers count in the results. You may change them until the wave closes.

trust-level-none = None: we do not work with them
trust-level-awareness = Awareness: we know of each other's work
trust-level-cooperation = Cooperation: we share information and support now and then
trust-level-coordination = Coordination: we plan and act together on shared tasks
trust-level-integration = Integration: we share goals, resources and decisions

trust-question-reliable = How reliable is { $partner }: does it do what it says it will?
trust-question-mission = How much does { $partner } support the partnership's mission?
trust-question-open = How open to discussion is { $partner }: does it listen and share?
trust-question-power = How much power and influence does { $partner } have on the partnership's cause?
trust-question-involved = How involved is { $partner } in the partnership's work?
trust-question-resources = How much does { $partner } contribute in resources?

trust-scale-unknown = Don't know
trust-scale-not-at-all = 1: not at all
trust-scale-small = 2: a small amount
trust-scale-fair = 3: a fair amount
trust-scale-great = 4: a great deal

trust-contribution-funding = Funding
trust-contribution-staff = Paid staff time
trust-contribution-volunteers = Volunteers
trust-contribution-data = Data and information
trust-contribution-expertise = Specialist knowledge
trust-contribution-community-connections = Links into communities
trust-contribution-leadership = Leadership
trust-contribution-advocacy = Advocacy
trust-contribution-facilities = Rooms, buildings and equipment

trust-sector-nhs = NHS
trust-sector-local-authority = Local authority
trust-sector-voluntary = Voluntary sector
trust-sector-community = Community group
trust-sector-business = Business
trust-sector-academic = Academic
trust-sector-public = Public

trust-error-level = Choose one of the levels listed for this partner.
trust-error-score = Answer each question with 1 to 4, or "Don't know".
trust-error-contribution = Tick only the contributions listed for this partner.
trust-error-level-missing = Choose how closely you work with { $partner }, even if it is "None".
trust-error-missing-or-unreadable = Some partners' answers are missing or could not be read; see each partner marked below.
trust-error-unreadable = Some partners' answers could not be read; see each partner marked below.
trust-error-action = Choose "Save and finish later" or "Submit".
trust-error-which-partner = Say which partner you answer for: the link from the partnership's trust page carries it.

# What the service refuses about a trust survey answer, as the API says it in English: each
# starts in lower case without a full stop; a page makes it a sentence.
trust-refused-item = { $item } must be 1 to 4, or left out for "don't know"; found { $value } for partner { $partner }
trust-refused-about-partner = about partner { $partner }: { $problem }
trust-refused-item-range = each item must be 1 to 4, or left out for "don't know"; found { $value }
trust-refused-no-relationship = the level is none, so no item may be answered and no contribution named about that partner

## The partnerships: the signed-in home, a partnership's page and a partner's page

partnerships-title = Your partnerships
partnerships-role-administrator = Administrator
partnerships-role-convenor = Convenor
partnerships-role-representative = Partner representative for { $partners }
partnerships-dialogues = Dialogues
partnerships-closed = closed
partnerships-no-dialogues = No dialogues yet.
partnerships-none-shared = The convenors have not shared a dialogue with partners yet.
partnerships-start-dialogue = Start a new dialogue
partnerships-objectives = Shared objectives
partnerships-trust = Trust between partners
partnerships-maps = System maps
partnerships-questions = Your partners' open questions
partnerships-link-of = of { $partnership }
partnerships-none-convened = You do not convene any partnership yet. Create one below.
partnerships-none-spoken-for = You do not speak for any partner at the moment. A partnership's convenor can send you a new invitation.
partnerships-create-heading = Create a partnership
partnerships-field-name = Name
partnerships-field-purpose = Purpose
partnerships-optional = (optional)
partnerships-create = Create the partnership

partnership-objectives = Shared objectives and actions
partnership-priority-lists = Priority lists
partnership-shared-tag = shared with partners
partnership-stop-sharing = Stop sharing with partners
partnership-share = Share with partners
partnership-sharing-hint = A dialogue shared with partners shows its report to the people who speak for the partners, even when the report is not public.
partnership-partners-heading = Partners
partnership-table-label = Table; on a small screen it scrolls sideways
partnership-partners-caption = Partner organisations
partnership-column-organisation = Organisation
partnership-sector = Sector
partnership-archived = archived
partnership-no-partners = No partners yet.
partnership-add-partner-heading = Add a partner
partnership-field-organisation = Organisation name
partnership-choose-sector = Choose a sector
partnership-add-partner = Add the partner
partnership-open-partner-hint = Open a partner to invite the people who speak for it.
partnership-outcomes-heading = Actions and outcomes
partnership-accountability = Actions and accountability
partnership-agreement = The agreement, to print
partnership-you-said-we-did = You said, we did
partnership-outcomes-published-html = The outcomes page is public since { $date }: <a href="/p/{ $id }/outcomes">{ $url }</a>. Participants of the dialogues it cites find it from their dialogue.
partnership-outcomes-take-down = Take the outcomes page down
partnership-outcomes-unpublished-html = The public page of what the partners adopted, what it rests on and how the actions are going is not public yet. <a href="/p/{ $id }/outcomes">Preview it</a>.
partnership-outcomes-publish = Publish the outcomes page
partnership-convenors-heading = Convenors
partnership-notice-invitation-revoked = The invitation to convene was revoked.
partnership-convenor-link-lead = Send this link to the person who will convene { $partnership } with you. It works once, and only until it expires; it is not shown again.
partnership-invite-convenor-heading = Invite a convenor
partnership-invite-convenor-hint = Make a single-use link for someone to convene this partnership, whether or not they have an account yet.
partnership-convenor-invitations-heading = Invitations to convene
partnership-convenor-invitations-caption = Invitations to convene { $partnership }
partnership-revoke-hidden = invitation to convene { $id }
partnership-add-convenor-heading = Add a convenor who has an account
partnership-member-email = Email address of their convenor account
partnership-add-convenor = Add the convenor
partnership-refused-no-account = no account has this email address; invite them to convene with a link instead
partnership-refused-may-not-convene = this account speaks for a partner and cannot convene; an administrator can allow it
partnership-refused-may-not-create = this account speaks for partners; only convenors may create partnerships
partnership-refused-not-a-convenor = this account does not convene this partnership
partnership-refused-last-convenor = a partnership keeps at least one convenor; add another before this one leaves
partnership-refused-already-convenes = this address already convenes this partnership
partnership-refused-no-invitation = no such invitation for this partnership

partner-notice-revoked = The invitation was revoked.
partner-notice-saved = The partner's details were saved.
partner-notice-left = The representative no longer speaks for this partner.
partner-link-lead = Send this link to the person who will speak for { $partner }. It works once, and only until it expires; it is not shown again.
partner-representatives-heading = People who speak for { $partner }
partner-you = (you)
partner-since = since { $date }
partner-stop-speaking = Stop speaking for { $partner }
partner-remove-person = Remove
partner-nobody = Nobody speaks for this partner yet.
partner-details-heading = Details
partner-save = Save the details
partner-invite-heading = Invite someone to speak for { $partner }
partner-invitations-heading = Invitations
partner-invitations-caption = Invitations to speak for { $partner }
partner-revoke-hidden = invitation { $id }
partner-remove-heading = Remove this partner
partner-remove-lead = A partner that anyone has spoken for is archived, with its history kept; a partner without history is deleted.
partner-remove = Remove { $partner }
partner-refused-no-sector = choose the partner's sector
partner-refused-sector = unknown sector { $sector }
partner-refused-no-invitation = no such invitation for this partner
partner-refused-own-right-only = a representative may end only their own right to speak for a partner
partner-refused-not-represented = this account does not speak for this partner

invitations-link-heading = Invitation link
invitations-link-label = Link
invitations-email-label = Their email address
invitations-email-hint = (optional: when given, only this address can accept)
invitations-days = Days the link stays valid
invitations-make = Make an invitation link
invitations-column-for = For
invitations-column-status = Status
invitations-column-expires = Expires
invitations-column-action = Action
invitations-anyone = anyone with the link
invitations-revoke = Revoke
invitations-status-pending = pending
invitations-status-accepted = accepted
invitations-status-revoked = revoked
invitations-status-expired = expired
invitations-refused-days = an invitation is valid for 1 to { $max } days

## What is wrong with a text a form sent; the field's name opens the sentence

text-error-empty = { $field } is empty.
text-error-too-long = { $field } is longer than { $max } characters.
text-error-control-character = { $field } contains a control character.
text-error-direction-control = { $field } contains the invisible direction control { $code }, which can disguise text; remove it.
text-error-invisible = { $field } has no visible character: it holds only spaces, invisible formatting characters or accents without a letter.

partnerships-helping-heading = Dialogues you help to run
partnerships-helping-moderator = You moderate this dialogue.
partnerships-helping-triage = Safeguarding triage
partnerships-helping-moderation = Statements waiting for a decision
partnerships-helping-versions = Translations and easy read
partnerships-helping-facilitator = You facilitate this dialogue.
partnerships-helping-cards = Key cards
partnerships-helping-sheet = Print a sheet of cards
