# The live event room: the presenter view on a big screen, the facilitator view with its
# controls, the confirmation before closing, the QR poster and the warning about a link people
# in the room cannot reach. Messages whose keys end in -html may hold markup.

## Titles and the links between the views

event-present-title = Present · { $title }
event-facilitate-title = Facilitate · { $title }
event-close-title = Close · { $title }
event-poster-title = Poster · { $title }
event-convenor-page-link = { $title }: convenor's page
event-facilitator-view-link = { $title }: facilitator view
event-nav-present = Presenter view
event-nav-facilitate = Facilitator view with controls
event-nav-poster = QR poster
event-qr-alt = QR code that opens the participant link { $link }

## The presenter view

event-join-heading = Take part on your phone
event-join-closed-heading = This dialogue is closed
event-join-closed = It takes no more votes or statements. Thank you to everyone who took part.
event-join-link-html = Or open <a href="/d/{ $id }">{ $link }</a>
event-figures-heading = So far
event-figure-participants = Participants
event-figure-votes = Votes
event-figure-common-ground = Common ground
event-voters = { $count } of the participants have voted.
event-statements-state = Statements: { $state ->
        [closed] closed
        [open] participants can write their own
       *[paused] new statements are paused
    }.
event-who-heading = Who is taking part
event-who-explained = Each bar is the constituency's share of everyone taking part; the red mark is the share the convenors expected.
event-people = { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
event-expected = expected { $share }
event-fewer-than-expected = fewer than expected
event-unaffiliated = { $count ->
        [one] { $count } person chose no constituency.
       *[other] { $count } people chose no constituency.
    }
event-ground-heading = Newest common ground
event-ground-waiting = Common ground appears here once people have voted and the first results are in.
event-ground-count = { $count ->
        [0] No statement is common ground yet.
        [one] { $count } statement is common ground.
       *[other] { $count } statements are common ground.
    }
event-ground-these = These have a clear majority in every opinion group and every constituency:
event-ground-explained = A statement becomes common ground when a clear majority agrees in every opinion group and every constituency.
event-refresh-explained = The figures update by themselves every few seconds.
event-refresh-link = Show the latest figures
event-full-report = Full report
event-live-updated = The results have been updated with new votes.

## The facilitator's controls

event-controls-heading = Controls
event-controls-closed-html = The dialogue is closed. You can reopen it from the <a href="/convenor/dialogues/{ $id }">convenor's page</a>.
event-controls-open = Participants can write statements. Pausing keeps voting going while no new statements come in.
event-pause = Pause new statements
event-controls-paused = New statements are paused; participants can still vote.
event-resume = Resume new statements
event-close-link = Close the dialogue…
event-notice-paused = New statements are paused. Participants can still vote; anyone who tries to write is told that statements are paused.
event-notice-resumed = Participants can write statements again.
event-notice-closed = The dialogue is closed: it takes no more participants, votes or statements. The report stays available.
event-error-statements-choice = Choose whether to pause or resume new statements: the form sent neither.

## Closing the dialogue

event-close-heading = Close the dialogue?
event-close-already-html = This dialogue is already closed. You can reopen it from the <a href="/convenor/dialogues/{ $id }">convenor's page</a>.
event-close-explained = Closing stops new participants, votes and statements straight away, for everyone. The report stays available, and you can reopen the dialogue later from the convenor's page.
event-close-yes = Yes, close the dialogue
event-close-no = No, keep it open
event-close-unconfirmed = The dialogue is still open. To close it, choose “Yes, close the dialogue”.

## The QR poster

event-poster-print-hint = Print this page on A4 paper and put it up where people will see it.
event-poster-print = Print the poster
event-poster-eyebrow = Have your say
event-poster-step-scan = Point your phone's camera at the code, or type the address above.
event-poster-step-vote = Read short statements from other people and answer agree, disagree or pass.
event-poster-step-write = Add a statement of your own if something is missing.
event-poster-small = It takes a few minutes. You do not need to give your name or email address.

## The warning about a link that points at this computer

event-local-link-html = <strong>People in the room cannot open this link.</strong> { $link } points at this computer, so phones and other computers cannot reach it, and neither can the QR code.
event-local-link-fix-html = Start the server with the address people reach it at, for example <code>commonground serve --public-url https://dialogue.example.org</code>, or set <code>COMMONGROUND_PUBLIC_URL</code> in its environment or <code>public_url</code> in its configuration file, then reload this page.
