# Translations and easy read on the participant's pages.

## A statement shown in another version than the one it was written in

version-translation-mark = Translation
version-easy-read-mark = Easy-read version
version-show-original = Show the original ({ $language })
version-notice-waiting = Thank you. Your statement is saved. Others will see it once it has been translated into the dialogue's language.

## Easy read

easy-switch-nav = How to read
easy-switch-on = Easy read
easy-switch-off = Standard view
easy-vote-question = Do you agree?
easy-vote-help = Read the sentence. Then press one button.
easy-vote-agree = Yes, I agree
easy-vote-disagree = No, I disagree
easy-vote-pass = Skip. I do not know
easy-progress = Answered: { $voted } of { $total }
easy-done-heading = You have answered them all
easy-done-text = Thank you. Come back later. There may be new sentences.
easy-join-intro = You read short sentences. You say if you agree.
easy-join-start = Start
