# Cyfieithiadau a fersiynau hawdd eu darllen ar dudalennau'r cyfranogwr.

## Datganiad a ddangosir mewn fersiwn heblaw'r un y'i hysgrifennwyd ynddi

version-translation-mark = Cyfieithiad
version-easy-read-mark = Fersiwn hawdd ei darllen
version-show-original = Dangos y gwreiddiol ({ $language })
version-notice-waiting = Diolch. Mae eich datganiad wedi'i gadw. Bydd eraill yn ei weld pan fydd wedi'i gyfieithu i iaith y drafodaeth.

## Hawdd ei ddarllen

easy-switch-nav = Sut i ddarllen
easy-switch-on = Hawdd ei ddarllen
easy-switch-off = Golwg arferol
easy-vote-question = Ydych chi'n cytuno?
easy-vote-help = Darllenwch y frawddeg. Yna pwyswch un botwm.
easy-vote-agree = Ydw, rwy'n cytuno
easy-vote-disagree = Na, dw i ddim yn cytuno
easy-vote-pass = Neidio. Dw i ddim yn gwybod
easy-progress = Wedi ateb: { $voted } o { $total }
easy-done-heading = Rydych chi wedi ateb y cyfan
easy-done-text = Diolch. Dewch yn ôl yn nes ymlaen. Efallai y bydd brawddegau newydd.
easy-join-intro = Rydych chi'n darllen brawddegau byr. Rydych chi'n dweud os ydych chi'n cytuno.
easy-join-start = Dechrau
