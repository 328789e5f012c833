# Traduceri și versiuni ușor de citit pe paginile participantului.

## O afirmație arătată în altă versiune decât cea în care a fost scrisă

version-translation-mark = Traducere
version-easy-read-mark = Versiune ușor de citit
version-show-original = Arată originalul ({ $language })
version-notice-waiting = Mulțumim. Afirmația ta a fost salvată. Ceilalți o vor vedea după ce va fi tradusă în limba dialogului.

## Ușor de citit

easy-switch-nav = Cum citești
easy-switch-on = Ușor de citit
easy-switch-off = Vedere obișnuită
easy-vote-question = Ești de acord?
easy-vote-help = Citește propoziția. Apoi apasă un buton.
easy-vote-agree = Da, sunt de acord
easy-vote-disagree = Nu, nu sunt de acord
easy-vote-pass = Sari peste. Nu știu
easy-progress = Ai răspuns: { $voted } din { $total }
easy-done-heading = Ai răspuns la toate
easy-done-text = Mulțumim. Revino mai târziu. Pot apărea propoziții noi.
easy-join-intro = Citești propoziții scurte. Spui dacă ești de acord.
easy-join-start = Începe
