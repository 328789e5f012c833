# The participant's pages of a priority list: joining, comparing two options at a time, adding
# an option, "Your data" and erasing it. Messages shared with the dialogue's pages (the groups
# question, "Your data", erasing) are in participant.ftl.
# Messages whose keys end in -html may hold markup; every other message is plain text.

## Shared by several pages

priority-closed-heading = This priority list is closed
priority-results-link = See the results
priority-your-data-link = Your data: see, download or erase what this list holds about you
priority-or = or
priority-progress-none = You have not compared a pair yet.
priority-form-expired = This form has expired or did not come from this site. Nothing was recorded. Go back, reload the page and try again.

## Joining

priority-join-step-pairs = You see two options at a time.
priority-join-step-choose-html = Choose the one the partnership should do first, or say you <strong>can't decide</strong>.
priority-join-step-any = Answer as many pairs as you like: every answer counts, and you can stop at any time.
priority-join-step-add = If something is missing, you can add an option of your own.
priority-join-step-equal = Every group of people counts equally in the results, however many of each take part.
priority-join-start = Start comparing
priority-join-closed-text = It no longer takes new participants, options or comparisons. Thank you to everyone who took part.

## Comparing

priority-compare-title = Compare · { $list }
priority-progress = { $count ->
        [one] You have compared { $count } pair.
       *[other] You have compared { $count } pairs.
    }
priority-closed-compare-text = It no longer takes comparisons. Thank you for taking part.
priority-pair-heading = Choose the one to do first
priority-undecided-legend = Can't decide? Say why if you like
priority-reason-equal = Both matter equally
priority-reason-unknown = I don't know enough
priority-undecided = Can't decide
priority-keyboard-hint = Keyboard: press 1 or ← for the first option, 2 or → for the second, 0 or N for “Can't decide”.
priority-done-heading = You have compared every pair
priority-done-text = Thank you: every pair of options you can be shown has your answer. Options added later may bring new pairs, so you could come back.
priority-notice-recorded = Your choice has been recorded.
priority-notice-replayed = That choice had already been recorded; it counts once.
priority-notice-already = You had already answered that pair, so your first answer stands. Here is another pair.
priority-missing-options = The choice did not say which two options it is about. Nothing was recorded.
priority-missing-choice = Choose one of the two options, or “Can't decide”. Nothing was recorded.
priority-unknown-reason = The reason for “Can't decide” is not one this page offers. Nothing was recorded.
priority-too-fast = You are choosing faster than this list allows, so that choice was not recorded. Wait { $wait } and choose again: the same pair is below.
priority-closed-late = This priority list closed before your choice arrived, so it was not recorded. Thank you for taking part: the results are linked below.
priority-not-in-list = One of the options is not in this priority list. Nothing was recorded. Go back to the list and choose again.

## Adding an option

priority-add-heading = Is something missing?
priority-add-lead = Add an option for everyone to compare. Options saying the same as one already in the list are not added twice.
priority-add-lead-moderated = Add an option for everyone to compare. A convenor checks each option before others are shown it. Options saying the same as one already in the list are not added twice.
priority-option-label = Your option
priority-option-hint = { $max ->
        [one] Up to { $max } character, one thing the partnership could do.
       *[other] Up to { $max } characters, one thing the partnership could do.
    }
priority-option-submit = Add this option
priority-option-error = Your option: { $message }
priority-option-too-fast = You are adding options faster than this list allows. Your text is kept below: wait { $wait } and send it again.
priority-option-duplicate = This list already has an option saying the same. Compare it when it comes up, or suggest something different.
priority-option-limit = You have added as many options as one person may ({ $limit }). Thank you: please compare the others' options now.
priority-option-disabled = This list does not take options from participants.
priority-option-closed = This priority list has closed, so it takes no more options.
priority-notice-option-added = Thank you. Your option has been added, and others will be asked about it.
priority-notice-option-pending = Thank you. Your option will be compared once a convenor has accepted it. You can see where it stands below and on “Your data”.
priority-mine-heading = Options you added
priority-status-rejected = not accepted
priority-status-accepted = being compared
priority-status-pending-shown = being compared; a convenor may still review it
priority-status-pending = waiting for a convenor

## Your data

priority-my-data-title = Your data · { $list }
priority-my-data-lead = This is everything this priority list holds about you. Only a browser holding your random key, the one this device keeps in a cookie, can see this page.
priority-my-data-linked = You linked your part in the partnership's dialogue, so the results can read your opinion group there.
priority-comparisons-heading = Your comparisons
priority-comparisons-count = { $count ->
        [one] You compared { $count } pair.
       *[other] You compared { $count } pairs.
    }
priority-comparisons-caption = Every pair you compared, oldest first
priority-column-pair = Pair
priority-column-answer = Your answer
priority-answer-first = “{ $option }” first
priority-answer-undecided = Can't decide
priority-answer-equal = Can't decide: both matter equally
priority-answer-unknown = Can't decide: I don't know enough
priority-no-options = You have not added an option.
priority-my-data-erase-lead = You can have your comparisons and options removed from this list at any time, even after it has closed. You will be asked to confirm first.
priority-back-to-comparing = Back to comparing

## Erasing your data

priority-erase-title = Erase your data · { $list }
priority-erase-comparisons = { $count ->
        [one] Your { $count } comparison is removed, and the results stop counting it.
       *[other] Your { $count } comparisons are removed, and the results stop counting them.
    }
priority-erase-options = { $count ->
        [one] If nobody else has compared the option you added, it is removed. If others have, it stays, because their answers are about it, but it is no longer linked to you.
       *[other] Of the { $count } options you added, those nobody else has compared are removed. Those others have compared stay, because their answers are about them, but they are no longer linked to you.
    }
priority-erase-join-again = You could join the list again afterwards, as a new participant.
priority-erase-confirm = I understand that my comparisons and options will be erased for good

## After erasing

priority-erased-title = Your data has been erased · { $list }
priority-erased-comparisons = { $count ->
        [one] { $count } comparison removed; the results no longer count it.
       *[other] { $count } comparisons removed; the results no longer count them.
    }
priority-erased-options-removed = { $count } of your options removed.
priority-erased-options-unlinked = { $count } of your options kept for the people who compared them, no longer linked to you.
priority-erased-back-html = <a href="{ $href }">Back to the list</a>, where you could join again as a new participant.

## The results, which anybody may read

priority-results-title = Results · { $list }
priority-results-eyebrow = Results
priority-results-eyebrow-open = Results so far
priority-results-empty-heading = No comparisons yet
priority-results-empty = Nobody has compared two options of this list yet. Once people start comparing, this page shows which options they would have the partnership do first, overall and for each group of people, with how sure that ranking is.
priority-results-empty-waiting = { $count ->
        [one] Nobody has compared two options of this list yet; it has { $count } option waiting. Once people start comparing, this page shows which options they would have the partnership do first, overall and for each group of people, with how sure that ranking is.
       *[other] Nobody has compared two options of this list yet; it has { $count } options waiting. Once people start comparing, this page shows which options they would have the partnership do first, overall and for each group of people, with how sure that ranking is.
    }
priority-results-take-part = Take part
priority-results-go-on = Go on comparing
priority-results-as-data = These results as data (JSON)
priority-results-in-short = In short
priority-results-made = { $participants ->
        [one] { $participants } person
       *[other] { $participants } people
    } made { $comparisons ->
        [one] { $comparisons } comparison
       *[other] { $comparisons } comparisons
    } of { $options } options.
priority-results-decided = In { $decided } of them one option was chosen first.
priority-results-decided-undecided = In { $decided } of them one option was chosen first; { $undecided ->
        [one] { $undecided } time
       *[other] { $undecided } times
    } people could not decide.
priority-results-first-html = First comes: <strong>{ $option }</strong>
priority-results-first-equal-html = With every group of people counting equally, first comes: <strong>{ $option }</strong>
priority-results-equal-weight-html = Every group of people counts once, however many of its members took part: the <strong>equal-weight score</strong> is the mean of the scores each group gives an option ({ $groups }). The <strong>head-count score</strong> beside it counts every comparison the same.
priority-results-head-count-only = No group of people has a comparison with a winner yet, so the ranking counts every comparison the same (the head-count score).
priority-results-score-explained = A score is the chance, out of 100, that an option is chosen first over another option of the list picked at random. The drawn line shows where the head-count score likely lies (a 95% interval): the more comparisons, the shorter the line.
priority-results-ranking-heading = The ranking
priority-results-caption-equal = Every option, by equal-weight score, with both scores
priority-results-caption-head-count = Every option, by head-count score, with both scores
priority-results-column-rank = Rank
priority-results-column-option = Option
priority-results-column-equal-weight = Equal-weight score
priority-results-column-head-count = Head-count score
priority-results-column-head-count-range = Head-count score and its likely range
priority-results-column-record = Chosen first / not / can't decide
priority-results-rank-likely = (rank { $rank }; likely { $low } to { $high })
priority-results-axis = The axis of each drawing runs from 0 on the left to 100 on the right; the thin mark in the middle is 50, an even chance.
priority-results-groups-heading = What each group puts first
priority-results-groups-lead = Each group's own top { $top }, from its members' comparisons alone.
priority-results-group-counts = { $participants ->
        [one] { $participants } person
       *[other] { $participants } people
    }, { $comparisons ->
        [one] { $comparisons } comparison
       *[other] { $comparisons } comparisons
    }.
priority-results-group-counts-uncounted = { $participants ->
        [one] { $participants } person
       *[other] { $participants } people
    }, { $comparisons ->
        [one] { $comparisons } comparison
       *[other] { $comparisons } comparisons
    }; not counted in the equal-weight score yet, as no comparison of theirs has a winner.
priority-results-score = (score { $score })
priority-results-group-none = No comparisons from this group yet.
priority-results-divergence-heading = Where groups differ most
priority-results-divergence-html = <strong>{ $first }</strong> and <strong>{ $second }</strong> differ most: their top { $size } share { $shared ->
        [one] { $shared } option
       *[other] { $shared } options
    }.
priority-results-only = Only { $group } put in their top { $size }
priority-results-other-rank = ({ $group } rank it { $rank })
priority-results-shortlist-heading = Shortlist for a workshop
priority-results-shortlist-lead = As in a James Lind Alliance priority setting partnership, the shortlist takes every option that at least one group put in its top { $size }, so that no group's priorities are left out of the final discussion. Points add up over the groups: { $size } for a group's first, 1 for its { $size }th.
priority-results-shortlist-caption = The shortlist, most points first
priority-results-column-points = Points
priority-results-column-in-top = In the top { $size } of
priority-results-added-heading = Options participants added
priority-results-added-html = <strong>{ $option }</strong>: number { $rank } of { $total } (score { $score }).
priority-results-added-shortlisted-html = <strong>{ $option }</strong>: number { $rank } of { $total } (score { $score }), on the shortlist.

## What the service refuses, as the API says it in English: each starts in lower case
## without a full stop; a page makes it a sentence.

priority-refused-not-a-constituency = { $name } is not a constituency of this priority list
priority-refused-dialogue-token = the dialogue token is not a participant's of the dialogue this list is linked to
priority-refused-same-option = the left and right options must be different options
priority-refused-reason-not-neither = a reason goes only with the choice `neither` (can't decide)
priority-refused-option-limit = one participant may add at most { $allowed } options to a priority list; compare the others' options instead
priority-refused-results-for-convenors = the results of this priority list are for the convenors of its partnership only
