# The page on which the participants of a dialogue judge the links of the partnership's system
# map. Messages whose keys end in -html may hold markup; every other message is plain text.

judging-title = { $map }: do you agree?
judging-lead = The partners have drawn this map of how things in the local system affect each other. Each link says that more of one thing leads to more, or to less, of another. Do you agree with each link? Your answer counts with your constituencies', each constituency weighing the same.
judging-saved = { $total ->
        [one] Saved. You have judged { $judged } of { $total } link.
       *[other] Saved. You have judged { $judged } of { $total } links.
    }
judging-links-heading = The links
judging-more = More “{ $from }” leads to more “{ $to }”.
judging-less = More “{ $from }” leads to less “{ $to }”.
judging-more-delayed = More “{ $from }” leads to more “{ $to }”, after a delay.
judging-less-delayed = More “{ $from }” leads to less “{ $to }”, after a delay.
judging-your-answer = (your answer: { $answer })
judging-evidence = Evidence: { $note }
judging-agree = Agree
judging-disagree = Disagree
judging-unsure = Unsure
judging-save = Save
judging-save-which = your answer on { $from } and { $to }
judging-no-links = The map has no links yet.
judging-whole-map = The whole map
judging-not-open = This map is not open to the participants of this dialogue.
judging-choose-link = Choose a link of the map.
judging-choose-answer = Choose agree, disagree or unsure.
