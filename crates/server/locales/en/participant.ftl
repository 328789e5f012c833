# The participant's pages: joining a dialogue, voting, writing a statement, and "Your data".
# Messages whose keys end in -html may hold markup; every other message is plain text.

## Shared by several pages

dialogue-back = Back to the dialogue
dialogue-opens-on = This dialogue opens on { $opens }
dialogue-open-until-sentence = It is open until { $closes }.
dialogue-what-came-of-this = What came of this
dialogue-next-step = Next, the partnership is choosing what to do first:
dialogue-you-said = You said you are: { $groups }.

## A dialogue's dates, in one sentence

dates-opens-until = Opens on { $opens }, open until { $closes }.
dates-opens = Opens on { $opens }.
dates-open-until = Open until { $closes }.
dates-closed-on = Closed on { $closes }, its closing time.
dates-open-since = Open since { $opens }.
# A moment in UTC, such as "12 March 2027, 17:00 UTC"; $month is the month's number.
date-time = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }, { $time } UTC

date-day = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }

## Joining

join-how-heading = How it works
join-step-one-at-a-time = You see short statements one at a time.
join-step-choose-html = For each, choose <strong>Agree</strong>, <strong>Disagree</strong> or <strong>Pass / Unsure</strong>.
join-step-write = If something is missing, you can write a statement of your own.
join-step-stand = After a few votes you see where you stand among everyone taking part.
join-groups-hint = This helps make sure every group of people is heard equally. It is optional.
join-anonymous = You take part without giving your name or any contact details. This device keeps a random key in a cookie so that you can come back to where you left off.
join-start = Start
join-results-so-far = See the results so far

## A dialogue that is closed or not open yet

closed-come-back = Come back then to take part: you will see short statements one at a time and say whether you agree.
closed-no-longer = This dialogue is closed: it no longer takes new participants or votes.
closed-read-results = Read the results

## Voting

vote-progress = { $voted } of { $total ->
        [one] { $total } statement voted
       *[other] { $total } statements voted
    }
vote-closed-heading = This dialogue is closed
vote-closed-text = It no longer takes votes. Thank you for taking part.
vote-not-open-text = You can vote and write statements from then.
vote-question = Do you agree with this statement?
vote-agree = Agree
vote-disagree = Disagree
vote-pass = Pass / Unsure
vote-keyboard-hint = Keyboard: press A to agree, D to disagree, P to pass.
vote-recorded = Vote recorded.
vote-done-heading = You have voted on every statement
vote-done-text = Thank you. Others may add new statements: come back later to vote on them.
vote-write-link = Write a statement of your own
vote-your-data-link = Your data: see, download or erase what this dialogue holds about you
vote-missing-statement = The vote did not say which statement it is for.
vote-missing-choice = Choose Agree, Disagree or Pass.
notice-written = Thank you. Your statement has been added, and others can now vote on it. It counts as your agreement, so you will not be asked to vote on it.
notice-written-pending = Thank you. Your statement will be shown to others once a convenor has accepted it. It counts as your agreement, so you will not be asked to vote on it.
notice-vote-changed = Your vote has been changed. The results count your new vote.
notice-groups-changed = The groups you belong to have been changed.

## Where you stand

stand-heading = Where you stand
stand-group-html = You are in <strong>{ $group }</strong>.
stand-group-of-html = You are in <strong>{ $group }</strong>, one of { $size ->
        [one] { $size } person who tends
       *[other] { $size } people who tend
    } to vote alike.
stand-holds-heading = What your group distinctively holds
stand-holding-agree = { $count } of { $seen } ({ $percent }) agree
stand-holding-disagree = { $count } of { $seen } ({ $percent }) disagree
stand-vote-more = { $needed ->
        [one] Vote on at least { $needed } statement to see where you stand among everyone taking part.
       *[other] Vote on at least { $needed } statements to see where you stand among everyone taking part.
    }
stand-full-results = See the full results
stand-first-drawing = The opinion map is being drawn for the first time. Reload this page in a moment to see where you stand.
stand-not-on-map = Your votes are not on the map yet: it is redrawn a few seconds after votes arrive. Reload this page shortly.
stand-no-groups-yet = You are on the map, but the groups are not clear yet. More votes from you and others will show them.

## Writing a statement

write-title = Write a statement · { $dialogue }
write-heading = Write a statement
write-before-heading = Before you write
write-rule-one-thing = Say one thing, clearly, in a way others can agree or disagree with.
write-rule-no-names = Do not name or describe anyone who could be identified.
write-policy-pre = A convenor reads every statement before others see it. Statements that are off topic, abusive, or that could identify a person are not accepted.
write-policy-post = Your statement is shown to others straight away. A convenor may later remove statements that are off topic, abusive, or that could identify a person.
write-label = Your statement
write-hint = At most { $max } characters.
write-counter = { $used } of { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }
write-submit = Send the statement
write-back = Back to voting
write-error = Your statement: { $message }
write-duplicate = This dialogue already has a statement saying the same. Vote on it, or say something new.
write-limit-reached = You have written as many statements as one person may in this dialogue ({ $limit }). Thank you: please vote on the others' statements now.
write-closed = This dialogue is closed, so no more statements can be added.
write-not-open = This dialogue is not open yet: it opens on { $opens }. Statements can be added from then.
write-not-taking = The convenors are not taking new statements in this dialogue just now. You can still vote on the statements there are.
write-too-fast = You are sending statements faster than this dialogue allows. Your text is kept below: wait { $wait } and send it again.
wait-seconds = { $seconds ->
        [one] a second
       *[other] { $seconds } seconds
    }
wait-minutes = { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }

## Your data

my-data-title = Your data · { $dialogue }
my-data-heading = Your data
my-data-back = Back to your data
my-data-lead = This is everything this dialogue holds about you. Only a browser holding your random key, the one this device keeps in a cookie, can see this page.
my-data-about-heading = About you
my-data-participant = You are participant number { $number }. You joined on { $joined }.
my-data-no-groups = You did not say which groups of people you belong to.
my-data-change-groups = Change the groups you belong to
my-data-nothing-else = { -brand } does not ask for your name or contact details, and does not record your internet address or which browser you use.
my-data-change-heading = Change a vote
my-data-change-lead = Changed your mind? Vote again: the results count your newest vote.
my-data-vote-now-html = Your vote now: <strong>{ $vote }</strong>
my-data-agree-instead = Agree instead
my-data-disagree-instead = Disagree instead
my-data-pass-instead = Pass / Unsure instead
my-data-votes-heading = Your votes
my-data-votes-lead = { $count ->
        [one] You voted on { $count } statement. Where you changed your mind, every vote you cast is listed; the results count only your latest vote on each statement.
       *[other] You voted on { $count } statements. Where you changed your mind, every vote you cast is listed; the results count only your latest vote on each statement.
    }
my-data-votes-caption = Every vote you cast, oldest first
my-data-column-statement = Statement
my-data-column-vote = Your vote
my-data-column-when = When
my-data-column-counted = Counted
my-data-column-status = Status
my-data-counted-yes = Yes
my-data-counted-no = No, changed later
my-data-no-votes = You have not voted yet.
my-data-statements-heading = Statements you wrote
my-data-statements-lead = Each statement you wrote counts as your agreement with it.
my-data-statements-caption = Statements you wrote, oldest first
my-data-rejection-reason = The convenor's reason: { $reason }
my-data-no-statements = You have not written a statement.
my-data-download-heading = Download your data
my-data-download-lead = A file with everything on this page, in JSON, a format other programs can read.
my-data-download = Download your data (JSON file)
my-data-erase-lead = You can have your votes and statements removed from this dialogue at any time, even after it has closed. You will be asked to confirm first.
my-data-erase = Erase my data…
vote-word-agree = Agree
vote-word-disagree = Disagree
vote-word-pass = Pass / Unsure
status-rejected = not accepted
status-accepted = shown to others
status-pending-shown = shown to others; a convenor may still review it
status-pending = waiting for a convenor

## The groups you belong to

groups-title = The groups you belong to · { $dialogue }
groups-heading = The groups you belong to
groups-lead = Tick every group that describes you, or none. The results are recomputed with your new choice a few seconds after you save it.
groups-question = Which of these describe you? Choose any that apply, or none.
groups-save = Save the groups you belong to
groups-error = The groups you belong to: { $message }

## Erasing your data

erase-title = Erase your data · { $dialogue }
erase-heading = Erase your data
erase-what-heading = What erasing does
erase-votes = { $count ->
        [one] Your { $count } vote is removed, with any earlier votes you changed. The results stop counting it when they are next redrawn, a few seconds later.
       *[other] Your { $count } votes are removed, with any earlier votes you changed. The results stop counting them when they are next redrawn, a few seconds later.
    }
erase-statements = { $count ->
        [one] Of the { $count } statement you wrote, those nobody else has voted on are removed. Those others have voted on stay, because their votes are about them, but they are no longer linked to you.
       *[other] Of the { $count } statements you wrote, those nobody else has voted on are removed. Those others have voted on stay, because their votes are about them, but they are no longer linked to you.
    }
erase-groups = The groups of people you said you belong to are forgotten.
erase-key = The random key this browser keeps for you stops working, here and on any other device you copied it to.
erase-cannot-undo = This cannot be undone.
erase-join-again = You could join the dialogue again afterwards, as a new participant.
erase-confirm = I understand that my votes and statements will be erased for good
erase-submit = Erase my data
erase-keep = No, keep my data
erase-not-confirmed = Tick the box to confirm that you want your data erased. Nothing has been erased.
erase-form-expired = This form has expired or did not come from this site. Go back, reload the page and try again.

## After erasing

erased-title = Your data has been erased · { $dialogue }
erased-heading = Your data has been erased
erased-nothing-left = { $dialogue } no longer holds anything linked to you, and this browser no longer keeps your random key.
erased-votes = { $count ->
        [one] { $count } vote removed. The results stop counting it when they are next redrawn, a few seconds from now.
       *[other] { $count } votes removed. The results stop counting them when they are next redrawn, a few seconds from now.
    }
erased-statements-removed = { $count } of your statements removed.
erased-statements-unlinked = { $count } of your statements kept for the people who voted on them, no longer linked to you.
erased-thanks = Thank you for taking part.
erased-back-html = <a href="{ $href }">Back to the dialogue</a>, where you could join again as a new participant.

## Rounds: the banner of a dialogue in its second round or later.
round-now = Round { $number }:
round-again = You can vote again on every statement. Your votes in earlier rounds are kept.

text-refused-empty = It is empty: write something.
text-refused-too-long = It is longer than { $max } characters: shorten it.
text-refused-control = It holds a hidden control character: remove it.
text-refused-direction = It holds the invisible direction mark { $code }, which can disguise text: remove it.
text-refused-invisible = It has no character that can be seen: only spaces, invisible formatting or accents without a letter.
