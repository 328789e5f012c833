# The dialogue's report: the results page, a statement's breakdown, the opinion map (also shown
# on a participant's own page), and the page a private report shows. Messages whose keys end in
# -html may hold markup; every other message is plain text.

report-eyebrow = Results
report-updated-html = Analysis of <time datetime="{ $iso }">{ $when }</time>.
report-no-analysis = No analysis yet.
report-live-note = This page updates by itself as votes arrive.
report-live-updated = The results have been updated with new votes.
report-print = Print this report
report-take-part = Take part:
report-closed = This dialogue is closed.
report-figures-label = Participation so far
report-figure-participants = Participants
report-figure-voters = Who have voted
report-figure-votes = Votes
report-waiting-heading = What this report needs
report-summary-heading = Summary
report-weighting = Weighting: { $name }.
report-grid-heading = Every statement, by group and constituency
report-grid-explain = Each cell shows the share of that group or constituency who agree, as a number and a colour. Point at or focus a cell for the likely range and the counts; open a statement for its full breakdown. A dotted cell has too few votes to count yet.
report-grid-key = Colour key
report-band-0 = Under 20% agree
report-band-1 = 20–39%
report-band-2 = 40–59%
report-band-3 = 60–79%
report-band-4 = 80% or more
report-band-thin = Too few votes
report-grid-choices = Sort and filter the statements
report-grid-show = Show:
report-grid-sort = Sort:
report-grid-region = Statements by group and constituency
report-grid-caption = Agreement with each statement by everyone, each opinion group and each constituency
report-grid-number = No.
report-statement = Statement
report-grid-sort-by = Sort by agreement in { $column }
report-statement-number = Statement { $number }:
report-by-participant = by a participant
report-grid-pages = Pages of statements
report-grid-page = Page:
report-map-heading = Opinion map
report-map-explain = Each dot is a participant, or a few participants who voted the same way; people who voted alike are close together. The shaded areas are opinion groups found from the votes: each has its own pattern and a label, so colour is not needed to tell them apart. The position of a dot has no meaning of its own (left is not “against”); only closeness does. The table below gives the same information.
report-map-empty = The map appears once enough people have voted.
report-groups-caption = Opinion groups and what each distinctively holds
report-groups-group = Group
report-groups-people = People
report-groups-holds = Statements this group holds more than others do
report-groups-holds-short = Holds
report-groups-nothing = Nothing stands out with enough votes yet.
report-groups-named = Each group is named after the statement it most distinctively holds.
report-groups-named-rename-html = Each group is named after the statement it most distinctively holds; <a href="{ $href }">convenors can rename the groups</a>.
report-groups-none = No opinion groups are shown yet.
report-differences-heading = Differences
report-differences-explain = Making differences explicit matters as much as finding common ground. A divisive statement has people agreeing in one opinion group and people disagreeing in another; the spread is the gap between the group that agrees most and the group that agrees least.
report-divisive-heading = Statements that divide the groups
report-divisive-none = No statement is shown as divisive: none yet has people agreeing in one opinion group and disagreeing in another, with enough votes in each.
report-near-heading = Closest to common ground
report-near-none = No statement outside the common ground is close to it: each has too few votes somewhere, or a group or constituency below 40% agreement.
report-lay-heading = Lay and professional participants
report-lay-explain = Participants in lay constituencies ({ $lay }) compared with those in professional constituencies ({ $professional }){ $both ->
        [0] {""}
       *[other] ; { $both } belong to both and count on both sides
    }. Each side’s agreement is the average of its constituencies, each counted once. A gap marked “clear” is unlikely to be chance even among all the comparisons shown (false-discovery rate 5%).
report-lay-caption = Where lay and professional participants agree at different rates
report-lay-agree = Lay agree
report-professional-agree = Professional agree
report-gap = Gap
report-gap-clear = (clear)
report-lay-none = No gaps between lay and professional participants yet.
report-gaps-heading = Where constituencies diverge
report-gaps-caption = { $first } compared with { $second }
report-gaps-agree = { $name } agree
report-voice-heading = Voice audit
report-voice-explain = Who has taken part, compared with the share of participants the convenors expected from each constituency. A constituency is flagged when it has fewer participants than expected or too few to judge its views. Participants may belong to several constituencies, so shares can add up to more than 100%.
report-voice-missing-html = <strong>Voices missing or under-represented:</strong> { $names }.
report-voice-caption = Participation by constituency ({ $participants } participants, { $voters } of whom have voted)
report-voice-constituency = Constituency
report-voice-share = Share, against expected
report-voice-vote-share = Share of votes
report-voice-population = Population share
report-voice-weight = Weight of one participant
report-voice-written = Statements written (common ground)
report-voice-flag = Flag
report-none = none
report-not-given = not given
report-voice-expected = , expected { $share }
report-flag-none = None
report-voice-no-constituencies = This dialogue has no constituencies, so participation cannot be compared with what was expected.
report-channels-heading = By channel
report-channels-explain = Votes keyed by a facilitator, at an event, on the phone or from a paper card, count exactly as votes cast online. This shows how much of the dialogue each channel carries, and where its agreement differs.
report-channels-caption = Participation by channel
report-channel = Channel
report-channel-participant-share = Share of participants
report-channels-statements-caption = Agreement by channel, where it differs most
report-shifts-heading = What equal weight changes
report-shifts-explain = Counting heads lets the largest constituency dominate. Equal weight counts every constituency once, whatever its size. These statements move most between the two ways of counting; each says how many constituencies its equal weight rests on, and none resting on a single constituency is listed.
report-shifts-caption = Agreement counted by heads and with every constituency counted once
report-shifts-heads = By heads
report-shifts-equal = Equal weight
report-change = Change
report-shifts-none = Equal weighting changes no statement’s agreement noticeably yet.
report-voice-next = The voice audit appears with the next analysis.
report-rounds-heading = Rounds compared
report-rounds-explain = This dialogue runs in rounds. Everything else in this report is about the current round, { $later }. Here it is compared with { $earlier }: the same statements, the same people where they voted again, and the opinion groups of the current round.
report-rounds-gained-heading = Common ground gained and lost
report-rounds-gained = Common ground now, but not in the earlier round:
report-rounds-lost = Common ground in the earlier round, but not now:
report-rounds-same = Common ground is the same in both rounds.
report-rounds-kept = { $count ->
        [one] { $count } statement is common ground in both rounds.
       *[other] { $count } statements are common ground in both rounds.
    }
report-rounds-caption = Agreement in each round, where it changed most
report-rounds-before = Agree before
report-rounds-now = Agree now
report-rounds-moved = Changed their vote
report-rounds-movement-caption = Who changed their vote
report-rounds-who = Group or constituency
report-rounds-returning = Voted in both rounds
report-rounds-changed = Changed at least one vote
report-confidence-heading = How sure these results are
report-back-label = Back
report-back = Back to the report on { $title }
report-statement-eyebrow = Statement { $number }
report-written-by-participant = Written by a participant
report-everyone = Everyone
report-by-group = By opinion group
report-groups-counted-once = Each group counted once: { $reading }.
report-by-constituency = By constituency
report-constituencies-counted-once = Each constituency counted once: { $reading }.
report-no-constituencies = This dialogue has no constituencies.
report-bars-explain = Each bar shows the share who agree; the thin line inside it shows the range the true share is likely to lie in (a 95% Jeffreys interval), which is wide when few people have voted. The counts give agree, disagree and pass votes; passing is not disagreeing.
report-other-statements = Other statements
report-previous-statement = Previous statement
report-next-statement = Next statement
report-bar-agree = { $rate } agree
report-bar-likely = (likely { $range })
report-bar-no-votes = no votes yet
report-bar-too-few = ; too few votes to count yet
report-private-heading = The report on { $title } is private
report-private-kept = The convenors of this dialogue keep its report to themselves. It can be read by the partnership’s convenors and, when the convenors share it, by the people who speak for the partner organisations.
report-private-kept-running = The convenors of this dialogue keep its report to themselves while it runs. It can be read by the partnership’s convenors and, when the convenors share it, by the people who speak for the partner organisations.
report-private-ask = If you took part or work with one of the partners, ask the person who invited you to share the results: they can make the report public or send you what it found.
report-private-take-part = Take part in the dialogue
report-private-signed-in = You are signed in, but your account is not among those this report is shared with.
report-private-sign-in-html = Convenor of this dialogue? <a href="{ $href }">Sign in to read the report</a>.
report-download-heading = Download
report-download-pdf = The report as a PDF
report-download-map = The opinion map as a slide (PNG, 1600×900)
report-download-grid = The statements by group and constituency as a slide (PNG, 1600×900)
opinion-map-dot = { $count ->
        [one] { $count } person
       *[other] { $count } people who voted alike
    }
opinion-map-dot-in-group = { $count ->
        [one] { $count } person, { $group }
       *[other] { $count } people who voted alike, { $group }
    }
opinion-map-you-marked = You are marked by a diamond in a dashed ring, labelled “You”.
opinion-map-legend-label = Groups on the map
opinion-map-legend-group = { $name }: { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
opinion-map-statements-show = Show the statements on the map
opinion-map-statements-explain = Each numbered label shows the direction in which the people who agree with that statement lean. Statements keep the same number throughout the report.
report-title = Report · { $title }
report-statement-title = Statement { $number } · { $title }
report-no-such-statement = This report has no statement { $number }: it may be new since the last analysis, or not in this dialogue. Go back to the report to see every statement.
report-minimums = A statement is called distinctive of a group, divisive or close to common ground only when every group or constituency involved has at least 5 votes on it (agree, disagree or pass) and every group involved holds at least 3 people. Passing is never counted as disagreeing: a divisive statement has people agreeing on one side and people disagreeing on the other.
report-groups-rule = Opinion groups are shown once at least 10 participants have voted on enough statements to be placed on the map, and the votes split them into at least two groups of 3 or more people.
report-groups-not-yet = Opinion groups are not shown yet: { $placed ->
        [one] { $placed } participant is
       *[other] { $placed } participants are
    } placed on the map so far, { $groups ->
        [0] and the votes do not yet split them into groups.
        [1] and the votes do not yet split them into groups.
       *[other] and the votes do not yet split them into two groups of 3 or more.
    }
report-waiting-no-votes = Nobody has voted yet, so there is nothing to report.
report-waiting-needs = The report needs votes: share the participation link below. The summary and the grid appear a few seconds after the first votes; opinion groups once at least 10 people have each voted on several statements; common ground once every group and constituency has at least a few votes on a statement.
report-waiting-computing = The first analysis is being computed; this page updates by itself when it is ready.
report-verdict-common = Common ground
report-verdict-divided = Divided
report-verdict-not-shared = Not shared across groups
report-verdict-out = Moderated out
report-verdict-short = Needs more votes
report-show-all = All statements
report-sort-rank = Common ground first
report-sort-divided = Most divided first
report-sort-overall = Most agreed overall
report-sort-number = By number
report-order-rank = common ground first
report-order-number = by number
report-order-divided = most divided first
report-order-column = by agreement in { $column }, highest first
report-showing-none = No statement matches this filter.
report-showing = Showing { $first }–{ $last } of { $total ->
        [one] { $total } statement
       *[other] { $total } statements
    }, { $order }.
report-group-letter = Group { $letter }
report-counts = { $agree } agree, { $disagree } disagree, { $pass } pass
report-cell-no-votes = { $label }: no votes yet
report-cell = { $label }: { $rate } agree{ $likely }; { $counts }{ $enough ->
        [yes] {""}
       *[no] ; too few votes to count yet
    }
report-cell-likely = , likely { $range }
report-nobody-agrees = Nobody agrees overall
report-of = { $part } of { $whole }
report-no-votes = no votes
report-points = { $sign }{ $points } points
report-equal-weight-reading = { $rate } agree, from { $counted } of { $of ->
        [groups] { $total ->
            [one] { $total } group with votes
           *[other] { $total } groups with votes
        }
       *[constituencies] { $total ->
            [one] { $total } constituency with votes
           *[other] { $total } constituencies with votes
        }
    }
report-rests-on = from { $counted } of { $of ->
        [groups] { $total ->
            [one] { $total } group with votes
           *[other] { $total } groups with votes
        }
       *[constituencies] { $total ->
            [one] { $total } constituency with votes
           *[other] { $total } constituencies with votes
        }
    }
report-head-count-note = By head count: { $head } agree overall ({ $weighted } weighted){ $verdict ->
        [common] , and it would be common ground
        [not-common] , and it would not be common ground
       *[same] {""}
    }.
report-flag-missing = Missing: nobody from this constituency has taken part
report-flag-too-few = Too few participants to judge this constituency’s views
report-flag-below-expected = Fewer than expected
report-flag-thin = Carried by fewer than 5 people, each with a large weight
report-flag-trimmed = Population share trimmed to 5 times its equal share
report-unaffiliated = { $count ->
        [0] Every participant chose a constituency.
        [one] { $count } participant chose no constituency.
       *[other] { $count } participants chose no constituency.
    }
report-channel-online = Online
report-channel-facilitated = Facilitated
report-channel-paper = Paper
report-map-note-share = { $group } { $with } ({ $without } without)
report-map-note = The opinion map is drawn by head count, as Pol.is draws it, and leans on { $largest }’s numbers: brought down to its equal share, the groups’ shares move by up to { $points } points ({ $shares }).
report-weighting-head-count = head count
report-weighting-head-count-explained = Every participant counts once.
report-weighting-equal = equal weight
report-weighting-equal-explained = Every constituency’s participants together weigh the same, and so do those in no constituency, so a constituency that turns out in numbers cannot outvote the others.
report-weighting-frame = population frame
report-weighting-frame-explained = Constituencies weigh as their shares of the population the convenors gave.
report-weighting-head-count-common = By head count, { $head ->
        [one] { $head } statement
       *[other] { $head } statements
    } would be common ground; with this weighting, { $weighted }.
report-design-effect = Design effect { $effect }: the weighted results are as precise as { $voters } unweighted participants.
report-near-detail = { $overall }; the least agreeing of { $voted ->
        [one] { $voted } group or constituency
       *[other] { $voted } groups and constituencies
    } with votes is at { $lowest }.
report-divisive-sides = { $agree } agree in { $agreeing } ({ $agreed } of { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    }); { $disagree } disagree in { $disagreeing } ({ $disagreed } of { $their-votes ->
        [one] { $their-votes } vote
       *[other] { $their-votes } votes
    }).
report-divisive-detail = { $points } points apart, from { $counted } of { $total ->
        [one] { $total } group
       *[other] { $total } groups
    }.
report-people = { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
report-agree-overall = { $rate } agree overall
report-summary-who = Who took part
report-summary-took-part = { $participants ->
        [one] { $participants } person
       *[other] { $participants } people
    } took part and { $voters } voted, casting { $votes ->
        [one] { $votes } vote
       *[other] { $votes } votes
    } on { $statements ->
        [one] { $statements } statement
       *[other] { $statements } statements
    }{ $left-out ->
        [0] {""}
        [one] {" "}({ $left-out } statement rejected in moderation, awaiting it or not yet voted on is not counted here)
       *[other] {" "}({ $left-out } statements rejected in moderation, awaiting it or not yet voted on are not counted here)
    }.
report-summary-by-constituency = By constituency ({ $with-people } of { $constituencies ->
        [one] { $constituencies } constituency has people
       *[other] { $constituencies } constituencies have people
    }): { $parts }{ $none ->
        [0] {""}
       *[other] ; { $none } chose none
    }.
report-summary-basis = { $groups ->
        [0] { $constituencies ->
            [0] everyone who voted, as no groups or constituencies can be told apart yet
            [one] { $constituencies } constituency with votes
           *[other] { $constituencies } constituencies with votes
        }
        [one] { $groups } opinion group{ $constituencies ->
            [0] {""}
            [one] {" "}and { $constituencies } constituency with votes
           *[other] {" "}and { $constituencies } constituencies with votes
        }
       *[other] { $groups } opinion groups{ $constituencies ->
            [0] {""}
            [one] {" "}and { $constituencies } constituency with votes
           *[other] {" "}and { $constituencies } constituencies with votes
        }
    }
report-summary-common = { $common } of the { $statements ->
        [one] { $statements } statement
       *[other] { $statements } statements
    } voted on { $common ->
        [one] is
       *[other] are
    } common ground: a clear majority agrees in each of { $basis }, each counted equally.
report-summary-none-common = Nothing is common ground: { $divided } of the { $statements } voted on { $divided ->
        [one] statement has
       *[other] statements have
    } at least one group or constituency (of { $basis }) that does not clearly agree{ $short ->
        [0] {""}
        [one] , and { $short } still needs more votes
       *[other] , and { $short } still need more votes
    }.
report-summary-none-common-yet = Nothing is common ground yet: { $short } of the { $statements } voted on { $short ->
        [one] needs
       *[other] need
    } more votes. A statement becomes common ground when a clear majority agrees in every opinion group and every constituency, each with at least a few votes on it.
report-summary-strongest = The { $named } strongest are listed; the grid below shows every one.
report-summary-common-heading = What is common ground
report-summary-no-groups = Opinion groups are not shown yet, so no statement is called divisive.
report-summary-none-divides = No statement clearly divides the { $groups ->
        [one] { $groups } opinion group
       *[other] { $groups } opinion groups
    }: none has people agreeing in one group and disagreeing in another with at least 5 votes in each.
report-summary-groups = The votes form { $groups ->
        [one] { $groups } opinion group
       *[other] { $groups } opinion groups
    }: { $names }.
report-summary-divide-most = { $count ->
        [one] This statement divides them most:
       *[other] These statements divide them most:
    }
report-summary-clearest-gap = The clearest gap between constituencies: on statement { $number }, { $first } agree { $first-rate } and { $second } { $second-rate } ({ $points } points).
report-summary-divide-heading = Where people divide
report-summary-no-constituencies = This dialogue has no constituencies, so whose voice is missing cannot be judged.
report-summary-under-share = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    }, { $share } of participants against { $expected } expected)
report-summary-under = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    })
report-summary-absent = Nobody from { $names } has taken part.
report-summary-under-represented = Under-represented: { $names }.
report-summary-all-present = Each of the { $count ->
        [one] { $count } constituency
       *[other] { $count } constituencies
    } has taken part at about the share expected or more.
report-summary-missing-heading = Whose voice is missing
report-holding = { $part } of { $whole } ({ $share }) { $side ->
        [agree] agree
       *[disagree] disagree
    }
opinion-map-you = You
opinion-map-describe-no-groups = Opinion map of { $people ->
        [one] { $people } person
       *[other] { $people } people
    } and no opinion groups yet.
opinion-map-describe-group = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } people
    })
opinion-map-describe = Opinion map with { $groups ->
        [one] { $groups } opinion group
       *[other] { $groups } opinion groups
    }: { $listed }. People who voted alike are drawn close together.
opinion-map-describe-you-in = You are in { $name }.
opinion-map-describe-you-no-group = You are on the map but not yet in a group.
report-group-derived = { $side ->
        [agree] for
       *[disagree] against
    } “{ $statement }”
report-group-described = { $name }: { $description }
report-rounds-not-comparable = not comparable
report-rounds-no-change = no change
report-round-name = Round { $number }
report-round-name-labelled = Round { $number }, { $label }
report-rounds-voters = { $earlier-voters ->
        [one] { $earlier-voters } person
       *[other] { $earlier-voters } people
    } voted in round { $earlier } and { $later-voters ->
        [one] { $later-voters } person
       *[other] { $later-voters } people
    } in round { $later }. { $returning ->
        [one] { $returning } person
       *[other] { $returning } people
    } voted on the same statements in both rounds, and { $moved } of them changed at least one vote.
report-rounds-kind-group = Opinion group
report-rounds-kind-constituency = Constituency
report-reason-out = Moderated out: not part of the analysis.
report-reason-nothing-to-compare = Not common ground: no opinion groups or constituencies to compare yet.
report-reason-too-few = Too few votes: { $unit } needs { $needed } more.
report-reason-divided = Divided: in { $unit }, { $rate } agree ({ $counts }), not a clear majority.
report-reason-divided-unknown = Divided: { $unit } does not clearly agree.
report-reason-voted = { $voted } voted
report-reason-other = { $unit } { $rate }
report-reason-also = Also { $names }.
report-reason-provisional = Provisional: agreed by { $range } so far; not enough votes yet in { $names }.
report-reason-negative-bridging = Not common ground: agreed in every group and constituency, but the bridging score is negative ({ $intercept }).
report-reason-common = Agreed by { $range } in { $places }.
report-reason-thin = Too few votes yet in { $names }.
report-coverage = { $whole ->
        [all] { $total ->
            [one] the one { $kind ->
                [groups] group
               *[constituencies] constituency
            }
           *[other] all { $total } { $kind ->
                [groups] groups
               *[constituencies] constituencies
            }
        }
       *[some] { $counted } of { $total } { $kind ->
            [groups] { $total ->
                [one] group
               *[other] groups
            }
           *[constituencies] { $total ->
                [one] constituency
               *[other] constituencies
            }
        }
    }
report-list-and = { $rest } and { $last }
report-list-more = { $shown } and { $more } more
report-notice-unaffiliated = the unaffiliated
report-notice-no-votes = There are no votes to analyse.
report-notice-fewer-components = { $found ->
        [one] The votes vary in only { $found } direction, so the opinion map has fewer than two axes.
       *[other] The votes vary in only { $found } directions, so the opinion map has fewer than two axes.
    }
report-notice-not-converged = The principal components did not converge within { $iterations } passes.
report-notice-fewer-groups = { $groups ->
        [one] Only { $groups } opinion group could be formed from { $clustered } clustered participants.
       *[other] Only { $groups } opinion groups could be formed from { $clustered } clustered participants.
    }
report-notice-smoothed-groups = The previous number of groups ({ $asked }) could not be formed; { $used } groups were used.
report-notice-no-groups = There are no opinion groups, so common ground rests on constituencies alone.
report-notice-no-constituencies = No constituencies were given, so common ground rests on opinion groups alone.
report-notice-group-out-of-range = { $rows ->
        [one] { $rows } participant had a group the common-ground analysis does not know and was left ungrouped.
       *[other] { $rows } participants had a group the common-ground analysis does not know and were left ungrouped.
    }
report-notice-unknown-constituency = { $entries ->
        [one] { $entries } membership named no known constituency and was ignored.
       *[other] { $entries } memberships named no known constituency and were ignored.
    }
report-notice-statements-without-info = { $statements ->
        [one] { $statements } statement had votes but no description and was treated as unmoderated.
       *[other] { $statements } statements had votes but no description and were treated as unmoderated.
    }
report-notice-setting-replaced = The setting { $field } was out of range and its default was used.
report-notice-thinly-carried = { $name } is carried by fewer than 5 voters, each weighing at least twice the mean: its agreement rests on very few people.
report-notice-share-trimmed = The population share of { $name } was trimmed to within 5 times its equal share.
report-notice-map-leans = The opinion map is drawn by head count, and an opinion group’s share moves by { $points } points without { $name }’s excess numbers: the map leans on that constituency.
