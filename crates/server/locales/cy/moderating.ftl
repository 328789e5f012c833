# Tudalennau diogelu'r cymedrolwyr a'r cynullwyr: ciw brysbennu trafodaeth gyda ffurflen
# benderfynu ar gyfer pob datganiad, testun cyfeirio'r bartneriaeth, ei thermau ychwanegol a'i
# chofnod penderfyniadau, a chymedrolwyr trafodaeth gyda'r ffurflen sy'n gwahodd un. Mae tudalennau
# diogelu'r cyfranogwyr yn safeguarding.ftl.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

## A rennir gan sawl tudalen

moderating-title = Diogelu · { $name }
moderating-queue-heading = Brysbennu diogelu
moderating-all-statements = Pob datganiad

## Y ciw brysbennu

moderating-eyebrow = { $dialogue }: cymedroli
moderating-queue-lead = Datganiadau a ddaliwyd gan y sgrinio i gymedrolwr eu darllen, a datganiadau a faneriwyd gan gyfranogwyr, y risg uchaf yn gyntaf: datgelu niwed neu argyfwng o bosibl, manylion personol, camdriniaeth, camwybodaeth bosibl, unrhyw beth arall. Nid oes neb ond cymedrolwr yn gweld datganiad a ddaliwyd nes iddo gael ei dderbyn.
moderating-translations-link = Cyfieithiadau a fersiynau hawdd eu darllen
moderating-settings-link = Cyfeirio, termau a'r cofnod penderfyniadau
moderating-case-heading = { $risk }: datganiad { $statement }
moderating-written = Ysgrifennwyd { $date }; bellach { $status }.
moderating-author-wrote = Ysgrifennodd yr awdur:
moderating-findings-heading = Yr hyn a ganfu'r sgrinio
moderating-flags-heading = Baneri
moderating-decision-legend = Penderfyniad ar ddatganiad { $statement }
moderating-accept = Derbyn fel y mae wedi'i ysgrifennu
moderating-reject = Gwrthod, gyda'r rheswm isod
moderating-edit = Golygu, gyda'r testun isod (caiff testun yr awdur ei gadw)
moderating-redact = Golygu manylion personol allan (maent yn troi'n [removed])
moderating-reason-label = Rheswm dros wrthod
moderating-text-label = Testun ar gyfer golygiad
moderating-note-label = Nodyn: pam (fe'i cedwir yn y cofnod; wrth wrthod, mae'r awdur yn ei ddarllen)
moderating-record = Cofnodi'r penderfyniad
moderating-record-on = ar ddatganiad { $statement }
moderating-queue-empty = Nid oes dim yn aros am adolygiad diogelu.
moderating-notice-decided = Penderfyniad wedi'i gofnodi: { $action }.
moderating-error-statement = Dewiswch ddatganiad i benderfynu arno.

## Y risg y trefnir achos yn ôl

moderating-risk-disclosure = Datgelu
moderating-risk-personal-details = Manylion personol
moderating-risk-abuse = Camdriniaeth
moderating-risk-misinformation = Camwybodaeth
moderating-risk-other = Arall

## Ble mae datganiad yn sefyll

moderating-status-pending = yn aros
moderating-status-accepted = wedi'i dderbyn
moderating-status-rejected = wedi'i wrthod

## Y rheol sgrinio y daw canfyddiad ohoni

moderating-rule-disclosure-term = term datgelu
moderating-rule-nhs-number = rhif GIG
moderating-rule-phone-number = rhif ffôn
moderating-rule-date-of-birth = dyddiad geni
moderating-rule-postcode = cod post
moderating-rule-street-address = cyfeiriad stryd
moderating-rule-name-with-condition = enw gyda chyflwr iechyd
moderating-rule-abuse-term = term camdriniol

## Pam y baneriodd cyfranogwr ddatganiad

moderating-flag-disclosure = datgelu
moderating-flag-personal-details = manylion personol
moderating-flag-abuse = camdriniaeth
moderating-flag-misinformation = camwybodaeth
moderating-flag-other = arall

## Pam y mae cymedrolwr yn gwrthod datganiad, fel y mae'r ffurflen benderfynu yn ei gynnig

moderating-reason-personal-details = Manylion personol neu fanylion sy'n adnabod rhywun
moderating-reason-abusive = Camdriniol
moderating-reason-misinformation = Camwybodaeth am iechyd
moderating-reason-off-topic = Oddi ar y pwnc
moderating-reason-duplicate = Yn dweud yr hyn y mae datganiad arall yn ei ddweud
moderating-reason-not-a-statement = Nid yw'n ddatganiad i gytuno neu anghytuno ag ef
moderating-reason-needs-follow-up = Cais am help, a gaiff ei ddilyn y tu allan

## Yr hyn a benderfynodd cymedrolwr, a pham, fel y mae'r cofnod penderfyniadau yn ei ddweud

moderating-action-accept = derbyn
moderating-action-reject = gwrthod
moderating-action-edit = golygu
moderating-action-redact = golygu allan
moderating-log-reason-personal-details = manylion personol
moderating-log-reason-abusive = camdriniol
moderating-log-reason-misinformation = camwybodaeth
moderating-log-reason-off-topic = oddi ar y pwnc
moderating-log-reason-duplicate = dyblyg
moderating-log-reason-not-a-statement = nid yw'n ddatganiad
moderating-log-reason-needs-follow-up = angen dilyniant

## Cyfeirio, termau a'r cofnod penderfyniadau

moderating-settings-heading = Diogelu
moderating-saved = Wedi'i gadw. Caiff datganiadau newydd eu sgrinio gyda'r termau hyn o hyn ymlaen.
moderating-signposting-heading = Cyfeirio a thermau
moderating-signposting-label = Testun cyfeirio: yr hyn y mae awdur datgeliad posibl yn ei ddarllen (llinellau argyfwng lleol, gwasanaethau, oriau agor)
moderating-disclosure-terms-label = Termau datgelu ac argyfwng ychwanegol, un ar bob llinell (mae gair sy'n gorffen â * yn cyfateb i unrhyw derfyniad)
moderating-abuse-terms-label = Termau camdriniol ychwanegol, un ar bob llinell
moderating-save = Cadw
moderating-log-heading = Cofnod penderfyniadau
moderating-log-text = Pob penderfyniad cymedroli yn nhrafodaethau'r bartneriaeth hon: pwy, pryd, beth a pham. Ni chaiff cofnodion byth eu newid na'u dileu.
moderating-export = Allforio:
moderating-log-caption = Penderfyniadau cymedroli, y diweddaraf yn gyntaf
moderating-column-when = Pryd
moderating-column-who = Pwy
moderating-column-statement = Datganiad
moderating-column-what = Beth
moderating-column-why = Pam
moderating-log-statement = { $statement } (trafodaeth { $dialogue })
moderating-log-empty = Dim penderfyniadau eto.

## Cymedrolwyr trafodaeth

moderating-moderators-title = Cymedrolwyr · { $dialogue }
moderating-convenor-page = { $dialogue }: tudalen y cynullydd
moderating-moderators-heading = Cymedrolwyr
moderating-moderators-lead = Mae cymedrolwyr yn gweithio drwy ddatganiadau'r drafodaeth hon sy'n aros am benderfyniad a'i chiw diogelu, ac yn ychwanegu cyfieithiadau a fersiynau hawdd eu darllen o'i datganiadau. Nid ydynt yn gwneud dim arall: nid ydynt yn cynnull, ac nid ydynt yn gweld unrhyw drafodaeth arall. Mae pob penderfyniad a wnânt yng nghofnod penderfyniadau'r bartneriaeth.
moderating-link-once = Anfonwch y ddolen untro hon at y cymedrolwr. Dim ond nawr y caiff ei dangos.
moderating-link-label = Dolen wahoddiad
moderating-invite-heading = Gwahodd cymedrolwr
moderating-email-label = Eu cyfeiriad e-bost
moderating-email-optional = (dewisol: dim ond y cyfeiriad hwn all dderbyn)
moderating-invite-submit = Creu dolen wahoddiad
moderating-who-heading = Pwy sy'n cymedroli
moderating-who-empty = Dim ond cynullwyr y bartneriaeth sy'n cymedroli'r drafodaeth hon: nid oes neb wedi derbyn gwahoddiad eto.
moderating-invitations-heading = Gwahoddiadau
moderating-anyone = unrhyw un sydd â'r ddolen
moderating-invitation-html = { $who }: <strong>{ $status }</strong>. Fe'i crëwyd { $made }, daw i ben { $expires }.
moderating-invitation-pending = yn aros
moderating-invitation-accepted = wedi'i dderbyn
moderating-invitation-revoked = wedi'i dynnu'n ôl
moderating-invitation-expired = wedi dod i ben

## Gwrthodiadau: rhesymau'r gwasanaeth dros beidio â gwneud yr hyn a ofynnodd cymedrolwr neu
## gynullydd. Mae'r API yn anfon y Saesneg; mae tudalen yn dweud yr un gwrthodiad yn iaith ei
## darllenydd. Mae pob un yn dechrau â llythyren fach heb atalnod llawn, fel y mae'r API yn ei ysgrifennu.

moderating-refused-action = rhaid i'r penderfyniad fod yn un o: derbyn, gwrthod, golygu, golygu allan
moderating-refused-reason = rhaid i'r rheswm fod yn un o { $reasons }
moderating-refused-reason-missing = mae angen rheswm o'r rhestr wrth wrthod
moderating-refused-reason-not-rejecting = dim ond wrth wrthod y cedwir rheswm; gadewch ef allan fel arall
moderating-refused-text-not-editing = dim ond ar gyfer golygiad y cedwir testun; gadewch ef allan fel arall
moderating-refused-text-missing = mae angen y testun newydd ar gyfer golygiad
moderating-refused-text = testun: { $problem }
moderating-refused-nothing-to-redact = ni chanfuwyd unrhyw fanylion personol yn y datganiad hwn; golygwch ef yn lle hynny
moderating-refused-redacted-invalid = ni fyddai'r testun wedi'i olygu allan yn ddatganiad dilys ({ $problem }); golygwch ef yn lle hynny
moderating-refused-too-many-terms = gall { $field } gynnwys { $max } term ar y mwyaf (mae { $count } ynddi)
moderating-refused-term-too-long = rhaid i bob term yn { $field } fod yn un llinell o { $max } nod ar y mwyaf
moderating-refused-term-no-letter = mae angen llythyren neu ddigid ar bob term yn { $field }: nid oes un yn "{ $term }"
moderating-refused-disclosure-terms = y rhestr termau datgelu ychwanegol
moderating-refused-abuse-terms = y rhestr termau camdriniol ychwanegol
moderating-refused-signposting-too-long = rhaid i'r testun cyfeirio fod yn { $max } nod ar y mwyaf (mae { $length } ynddo)
moderating-refused-signposting-control = rhaid i'r testun cyfeirio beidio â chynnwys nodau rheoli
moderating-refused-no-invitation = nid oes gan y drafodaeth hon y fath wahoddiad i gymedroli
moderating-refused-limit = rhaid i'r terfyn (limit) fod rhwng 1 a { $max }
moderating-refused-reason-when-accepting = dim ond wrth wrthod y cedwir rheswm; gadewch ef allan wrth dderbyn
moderating-refused-reason-too-long = rhaid i'r rheswm fod yn { $max } nod ar y mwyaf (mae { $length } ynddo)
moderating-refused-reason-control = rhaid i'r rheswm beidio â chynnwys nodau rheoli
moderating-refused-batch = rhaid i statement_ids enwi rhwng 1 a { $max } datganiad
