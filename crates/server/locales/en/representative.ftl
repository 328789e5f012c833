# The pages a partner's representative works in: the trust survey's answer form.
# Messages whose keys end in -html may hold markup.

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
