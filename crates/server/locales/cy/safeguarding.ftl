# Diogelu: y dudalen a welir gan awdur datganiad sy'n cael ei ddal, a'r ffurflen sy'n tynnu sylw at ddatganiad.

support-title = Mae eich datganiad gyda chymedrolwr
support-heading = Mae eich datganiad gyda chymedrolwr
support-held = Diolch am ysgrifennu. Bydd cymedrolwr yn darllen eich datganiad cyn i unrhyw un arall ei weld.
support-help-heading = Os oes angen help arnoch nawr
support-help-intro = Mae'r hyn a ysgrifennoch yn swnio fel petai chi neu rywun arall efallai ddim yn ddiogel. Does dim rhaid i chi aros amdanom ni: gall y bobl hyn helpu.
support-default = Gallwch ffonio'r Samariaid am ddim ar unrhyw adeg, ddydd neu nos, ar 116 123, neu ffonio GIG 111 am gyngor iechyd brys.
support-emergency = Os yw rhywun mewn perygl uniongyrchol, ffoniwch 999.
support-back = Yn ôl i'r drafodaeth
flag-title = Tynnu sylw at ddatganiad
flag-heading = Tynnu sylw cymedrolwr at y datganiad hwn
flag-statement-label = Y datganiad
flag-reason-legend = Pam rydych chi'n tynnu sylw ato?
flag-reason-disclosure = Gall rhywun fod mewn perygl o niwed
flag-reason-personal-details = Mae'n enwi rhywun neu'n rhoi eu manylion personol
flag-reason-abuse = Mae'n sarhaus
flag-reason-misinformation = Gall ledaenu gwybodaeth iechyd nad yw'n wir
flag-reason-other = Rhywbeth arall
flag-note-label = Unrhyw beth yr hoffech ei ychwanegu (dewisol)
flag-submit = Anfon at gymedrolwr
flag-back = Yn ôl i'r drafodaeth heb dynnu sylw
flag-choose-reason = Dewiswch pam rydych chi'n tynnu sylw at y datganiad.
flag-already = Rydych chi eisoes wedi tynnu sylw at y datganiad hwn. Bydd cymedrolwr yn ei ddarllen.
flag-link = Tynnu sylw at y datganiad hwn
notice-flagged = Diolch. Bydd cymedrolwr yn edrych ar y datganiad y tynnoch sylw ato.

# Gwrthodiadau y gall cyfranogwr eu cael wrth dynnu sylw at ddatganiad (y nodyn hefyd gan
# gymedrolwr). Mae'r API yn anfon y Saesneg; mae tudalen yn dweud yr un gwrthodiad yn iaith ei
# darllenydd. Mae pob un yn dechrau â llythyren fach heb atalnod llawn, fel y mae'r API yn ei ysgrifennu.
flag-refused-note-too-long = rhaid i'r nodyn fod yn { $max } nod ar y mwyaf (mae { $length } ynddo)
flag-refused-note-control = rhaid i'r nodyn beidio â chynnwys nodau rheoli
flag-refused-reason = rhaid i'r rheswm fod yn un o disclosure, personal_details, abuse, misinformation, other
flag-refused-already = rydych chi eisoes wedi tynnu sylw at y datganiad hwn; bydd cymedrolwyr yn ei ddarllen
