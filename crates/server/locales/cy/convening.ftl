# Tudalennau'r cynullwyr ar gyfer trafodaeth: ei thudalen, y ffurflen trafodaeth newydd, ei
# gosodiadau, ei chau, ei rowndiau, cymedroli, cyfieithiadau a fersiynau hawdd eu darllen (a
# chyfieithiadau rhestr flaenoriaethau), ac enwi grwpiau barn yr adroddiad.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio.

## Tudalen trafodaeth

convening-your-partnerships = Eich partneriaethau
convening-tag-closed = ar gau
convening-closed-text = Nid yw'r drafodaeth hon yn derbyn rhagor o bleidleisiau na datganiadau.
convening-tag-not-open = heb agor eto
convening-not-open-text = Gall pobl gymryd rhan o { $opens } ymlaen.
convening-tag-open = ar agor
convening-open-text = Gall pobl gymryd rhan nawr.
convening-change-dates = Newid y dyddiadau
convening-dialogue-nav = Y drafodaeth hon
convening-nav-report = Adroddiad
convening-nav-moderation = Cymedroli
convening-nav-moderation-waiting = Cymedroli ({ $count } yn aros)
convening-nav-versions = Cyfieithiadau a fersiynau hawdd eu darllen
convening-nav-moderators = Cymedrolwyr
convening-nav-rounds = Rowndiau
convening-nav-settings = Gosodiadau, etholaethau a datganiadau
convening-nav-present = Golwg cyflwynydd ar gyfer digwyddiad
convening-link-heading = Dolen i gyfranogwyr
convening-link-share = Rhannwch y ddolen hon, neu dangoswch neu argraffwch y cod QR:
convening-qr-alt = Cod QR sy'n agor y ddolen i gyfranogwyr { $link }
convening-print-poster = Argraffu poster cod QR
convening-no-phone = Pobl heb ffôn:
convening-no-phone-link = cardiau papur a hwyluswyr
convening-participation-heading = Cyfranogiad
convening-figure-participants = Cyfranogwyr
convening-figure-voters = Wedi pleidleisio
convening-figure-votes = Pleidleisiau (y ddiweddaraf ar bob datganiad)
convening-figure-vote-events = Pleidleisiau gan gynnwys newidiadau
convening-figure-accepted = Datganiadau a dderbyniwyd
convening-figure-pending = Yn aros i gael eu cymedroli
convening-figure-rejected = Wedi'u gwrthod
convening-table-label = Tabl; ar sgrin fach mae'n sgrolio i'r ochr
convening-constituencies-caption = Cyfranogwyr yn ôl etholaeth
convening-column-constituency = Etholaeth
convening-column-kind = Math
convening-column-participants = Cyfranogwyr
convening-column-share = Cyfran
convening-column-expected = Disgwyliedig
convening-kind-lay = lleyg
convening-kind-professional = proffesiynol
convening-not-stated = heb ei nodi
convening-share-none = dim
convening-below-expected = ⚠ llai na'r disgwyl
convening-unaffiliated = Cyfranogwyr na ddewisodd etholaeth: { $count }.
convening-export-heading = Allforio
convening-export-json = Y cyfan, fel JSON
convening-export-polis-zip = Ffeiliau data agored Pol.is, fel archif ZIP
convening-export-polis-file = { $name } (fformat Pol.is)
convening-copy-heading = Copïo'r drafodaeth
convening-copy-text = Yn creu trafodaeth newydd yn yr un bartneriaeth gyda chwestiwn, disgrifiad, etholaethau, datganiadau cychwynnol a gosodiadau'r un hon, heb gyfranogwyr na phleidleisiau.
convening-copy-button = Copïo'r drafodaeth
convening-reopen-heading = Ailagor y drafodaeth
convening-close-heading = Cau'r drafodaeth
convening-reopen-text = Mae ailagor yn gadael i bobl bleidleisio ac ysgrifennu datganiadau eto.
convening-reopen-text-past-closing = Mae ailagor yn gadael i bobl bleidleisio ac ysgrifennu datganiadau eto. Mae ei hamser cau wedi mynd heibio, felly mae ailagor hefyd yn ei ddileu; gallwch osod un newydd yn y gosodiadau.
convening-reopen-button = Ailagor y drafodaeth
convening-close-text = Mae cau yn atal cyfranogwyr, pleidleisiau a datganiadau newydd. Mae'r adroddiad yn parhau ar gael, a gallwch ailagor y drafodaeth yn nes ymlaen. Gofynnir i chi gadarnhau yn gyntaf.
convening-close-button = Cau'r drafodaeth…

## Y meysydd y mae'r ffurflen trafodaeth newydd a'r gosodiadau yn eu rhannu

convening-field-title = Teitl
convening-field-question = Y cwestiwn a ofynnir i gyfranogwyr
convening-field-description = Disgrifiad
convening-optional = (dewisol)
convening-optional-before-start = (dewisol; yn cael ei ddangos cyn i bobl ddechrau)
convening-field-participant-statements = Caiff cyfranogwyr ysgrifennu datganiadau
convening-moderation-legend = Pryd y caiff datganiadau cyfranogwyr eu cymedroli?
convening-moderation-post = Yn cael eu dangos ar unwaith; gall cynullwyr eu dileu yn nes ymlaen
convening-moderation-pre = Yn cael eu dangos dim ond ar ôl i gynullydd eu derbyn
convening-visibility-legend = Pwy gaiff ddarllen yr adroddiad?
convening-visibility-public = Unrhyw un sydd â'r ddolen
convening-visibility-convenors = Cynullwyr y bartneriaeth hon yn unig
convening-constituencies-heading = Etholaethau
convening-seed-heading = Datganiadau cychwynnol
convening-statements-one-per-line = Datganiadau, un ar bob llinell
convening-csv-file = Ffeil CSV

## Dyddiadau trafodaeth

convening-dates-legend = Dyddiadau
convening-dates-hint = Mae'r amseroedd yn UTC. Cyn yr amser agor, mae pobl yn gweld pryd y mae'r drafodaeth yn agor ac ni allant ymuno, pleidleisio nac ysgrifennu. O'r amser cau ymlaen, mae ar gau, fel pe baech wedi'i chau; symudwch yr amser cau yn hwyrach i'w hagor eto. Gadewch amser yn wag os nad oes un.
convening-opening-time = Amser agor
convening-closing-time = Amser cau
convening-utc = (UTC)

## Trafodaeth newydd

convening-new-title = Trafodaeth newydd
convening-constituencies-hint-html = Y cyhoedd yr ydych am eu clywed, un ar bob llinell: enw, yna, os dymunwch, y gyfran o'r cyfranogwyr a ddisgwyliwch ac a ydynt yn lleyg ("lay") neu'n broffesiynol ("professional"), wedi'u gwahanu gan <kbd>|</kbd>. Er enghraifft: <code>Gofalwr | 15% | lay</code> neu <code>Meddyg teulu | 5% | professional</code>. Gall y cyfrannau disgwyliedig gyda'i gilydd fod yn 100% ar y mwyaf.
convening-constituencies-one-per-line = Etholaethau, un ar bob llinell
convening-new-statements-hint = Datganiadau i ddechrau'r drafodaeth, pob un yn 280 nod ar y mwyaf a phob un wedi'i ddweud unwaith. Gludwch nhw un ar bob llinell, llwythwch ffeil CSV y mae ei cholofn gyntaf yn cynnwys un datganiad ym mhob rhes, neu'r ddau.
convening-csv-not-kept = Nid yw ffeil CSV yn cael ei chadw ar ôl gwall: dewiswch hi eto os oedd gennych un.
convening-settings-legend = Gosodiadau
convening-create-button = Creu'r drafodaeth

## Gosodiadau

convening-settings-heading = Gosodiadau
convening-settings-title = Gosodiadau · { $title }
convening-settings-dialogue-heading = Y drafodaeth
convening-weighting-legend = Sut y caiff cyfranogwyr eu pwysoli yn y canlyniadau?
convening-weighting-hint = Mae'r map barn bob amser yn cyfrif pennau; mae'r dewis hwn ar gyfer cytundeb a thir cyffredin.
convening-weighting-default = Pwysau cyfartal pan fo etholaethau, fel arall un person un bleidlais (y rhagosodiad)
convening-weighting-equal = Pwysau cyfartal: mae pob etholaeth yn pwyso yr un fath, faint bynnag sy'n cymryd rhan ohoni
convening-weighting-frame = Cyfrannau'r boblogaeth: mae pob etholaeth yn pwyso yn ôl ei chyfran o'r boblogaeth a roddir isod
convening-weighting-head-count = Un person, un bleidlais
convening-population-legend = Cyfrannau'r boblogaeth
convening-population-optional = (ar gyfer pwysoli yn ôl y boblogaeth, fel cyfrannau'r cyfrifiad: 20%)
convening-save-settings = Cadw'r gosodiadau
convening-constituencies-settings-hint = Canrannau o'r cyfranogwyr yw'r cyfrannau disgwyliedig, fel 15%; gyda'i gilydd gallant fod yn 100% ar y mwyaf. Dim ond tra nad oes neb wedi'i dewis y gellir dileu etholaeth.
convening-constituency-form = Etholaeth { $name }
convening-field-name = Enw
convening-field-expected-share = Cyfran ddisgwyliedig o'r cyfranogwyr
convening-optional-share = (dewisol, fel 15%)
convening-field-kind = Math
convening-kind-not-stated = Heb ei nodi
convening-kind-lay-option = Lleyg (trigolion, cleifion, gofalwyr)
convening-kind-professional-option = Proffesiynol
convening-save-named = Cadw { $name }
convening-remove-named = Dileu { $name }
convening-no-constituencies = Dim etholaethau eto.
convening-add-constituency-heading = Ychwanegu etholaeth
convening-add-constituency = Ychwanegu'r etholaeth
convening-seeds-hint-html = Gellir newid neu ddileu datganiad cychwynnol nes bod rhywun yn pleidleisio arno. Ar ôl hynny mae ei bleidleisiau'n rhan o'r cofnod: i'w dynnu allan o'r drafodaeth, gwrthodwch ef wrth <a href="/convenor/dialogues/{ $id }/moderation">gymedroli</a>.
convening-seed-label = Datganiad cychwynnol { $number }
convening-seed-save = Cadw datganiad { $number }
convening-seed-remove = Dileu datganiad { $number }
convening-no-seeds = Dim datganiadau cychwynnol eto.
convening-add-seeds-heading = Ychwanegu datganiadau cychwynnol
convening-add-seeds-hint = Un datganiad ar bob llinell, pob un yn 280 nod ar y mwyaf, neu ffeil CSV y mae ei cholofn gyntaf yn cynnwys un datganiad ym mhob rhes. Caiff datganiadau sydd gan y drafodaeth eisoes eu gadael allan.
convening-add-seeds-button = Ychwanegu'r datganiadau

## Yr hyn y mae tudalen y gosodiadau yn ei ddweud ar ôl newid

convening-notice-saved = Mae'r gosodiadau wedi'u cadw.
convening-notice-constituency-added = Mae'r etholaeth wedi'i hychwanegu.
convening-notice-copied = Copi yw hwn: y cwestiwn, y disgrifiad, yr etholaethau, y datganiadau cychwynnol a'r gosodiadau, heb gyfranogwyr na phleidleisiau. Newidiwch yr hyn sydd ei angen, yna rhannwch y ddolen i gyfranogwyr.
convening-notice-constituency-saved = Mae'r etholaeth wedi'i chadw.
convening-notice-constituency-removed = Mae'r etholaeth wedi'i dileu.
convening-notice-seed-saved = Mae'r datganiad cychwynnol wedi'i gadw.
convening-notice-seed-removed = Mae'r datganiad cychwynnol wedi'i ddileu.
convening-notice-statements-added = Datganiadau a ychwanegwyd: { $added }.
convening-notice-statements-added-skipped = Datganiadau a ychwanegwyd: { $added }. Roedd { $skipped } yn y drafodaeth eisoes, felly cawsant eu gadael allan.

## Yr hyn y mae ffurflenni'r drafodaeth yn ei ddweud sydd o'i le ($typed yw'r hyn a deipiwyd, mewn dyfynodau)

convening-error-duplicate = Mae gan y drafodaeth y datganiad hwn eisoes.
convening-error-line-share = Etholaethau, llinell { $line }: nid yw'r gyfran ddisgwyliedig { $typed } yn ganran fel 15%.
convening-error-line-kind = Etholaethau, llinell { $line }: dylai { $typed } fod yn "lay" (lleyg) neu'n "professional" (proffesiynol).
convening-error-constituency-share = Etholaeth: nid yw'r gyfran ddisgwyliedig { $typed } yn ganran fel 15%.
convening-error-constituency-kind = Etholaeth: dylai { $typed } fod yn "lay" (lleyg) neu'n "professional" (proffesiynol).
convening-error-csv = Nid oedd modd darllen y ffeil CSV yn rhes { $row }: { $error }.
convening-error-population-share = Nid yw cyfran poblogaeth { $name }, { $typed }, yn ganran fel 25%.

## Cau trafodaeth

convening-close-title = Cau'r drafodaeth? · { $title }
convening-close-question = Cau'r drafodaeth?
convening-already-closed = Mae'r drafodaeth hon ar gau eisoes.
convening-back-to-dialogue = Yn ôl i'r drafodaeth
convening-closing-means = Mae cau “{ $title }” yn golygu:
convening-closing-no-joining = ni all neb newydd ymuno, ac ni all cyfranogwyr bleidleisio nac ysgrifennu datganiadau mwyach;
convening-closing-kept = caiff pob pleidlais a datganiad hyd yma eu cadw, ac mae'r adroddiad yn parhau ar gael;
convening-closing-own-data = gall cyfranogwyr weld a dileu eu data eu hunain o hyd;
convening-closing-reopen = gallwch ailagor y drafodaeth yn nes ymlaen o'i thudalen.
convening-close-confirm = Ie, cau'r drafodaeth
convening-keep-open = Na, ei chadw ar agor

## Rowndiau

convening-rounds-heading = Rowndiau
convening-rounds-title = Rowndiau · { $title }
convening-rounds-lead = Gellir cynnal trafodaeth mewn rowndiau, er enghraifft cyn ac ar ôl digwyddiad cyhoeddus. Pan fydd rownd newydd yn dechrau, caiff pleidleisiau'r rownd sy'n dod i ben eu cadw fel pleidleisiau'r rownd honno, ac mae cyfranogwyr yn pleidleisio eto ar bob datganiad gyda'r un ddolen neu god. Yna mae'r adroddiad yn cymharu'r rownd newydd â'r un cynt: cytundeb â phob datganiad yn ôl grŵp barn ac etholaeth, pwy newidiodd eu pleidlais, a'r tir cyffredin a enillwyd neu a gollwyd.
convening-rounds-caption = Rowndiau'r drafodaeth hon
convening-rounds-column-round = Rownd
convening-rounds-column-name = Enw
convening-rounds-column-started = Dechreuodd
convening-rounds-column-ended = Daeth i ben
convening-rounds-column-voters = Cyfranogwyr a bleidleisiodd
convening-rounds-column-votes = Pleidleisiau
convening-rounds-current = cyfredol
convening-rounds-compare = Cymharu rownd { $earlier } a rownd { $later } yn yr adroddiad
convening-rounds-start = Dechrau rownd { $number }
convening-rounds-ending-label = Enw'r rownd sy'n dod i ben (rownd { $number })
convening-rounds-new-label = Enw'r rownd newydd
convening-rounds-label-hint = Er enghraifft "Ar ôl y ffair iechyd". Mae cyfranogwyr yn ei weld ar frig y datganiadau.
convening-rounds-confirm = Rwy'n deall y bydd cyfranogwyr yn pleidleisio eto ar bob datganiad, a bod y pleidleisiau hyd yma yn aros gyda rownd { $number }.
convening-rounds-started = Mae'r rownd newydd wedi dechrau. Gall cyfranogwyr bleidleisio eto ar bob datganiad.
convening-rounds-error-confirm = Ticiwch y blwch i gadarnhau y bydd cyfranogwyr yn pleidleisio eto yn y rownd newydd.

## Cymedroli

convening-moderation-eyebrow = { $title }: cymedroli
convening-moderation-heading = Cymedroli
convening-moderation-title = Cymedroli · { $title }
convening-moderation-pending = Datganiadau sy'n aros am benderfyniad: { $count }.
convening-moderation-safeguarding = Brysbennu diogelu
convening-moderation-tabs = Datganiadau yn ôl statws
convening-tab-waiting = Yn aros
convening-tab-accepted = Wedi'u derbyn
convening-tab-rejected = Wedi'u gwrthod
convening-tab-all = Y cyfan
convening-moderation-table = Datganiadau i'w cymedroli
convening-moderation-caption = Datganiadau, gyda grwpiau eu hawduron, eu pleidleisiau a phenderfyniad ar gyfer pob un
convening-moderation-select = Dewis
convening-moderation-column-statement = Datganiad
convening-moderation-column-written = Ysgrifennwyd
convening-moderation-column-votes = Pleidleisiau
convening-moderation-column-status = Statws
convening-moderation-column-decision = Penderfyniad
convening-moderation-select-row = Dewis: { $text }
# $date yw'r diwrnod y'i hysgrifennwyd, fel 2025-03-01; $groups yw etholaethau'r awdur.
convening-written-participant-groups = { $date } gan gyfranogwr ({ $groups })
convening-written-participant = { $date } gan gyfranogwr na enwodd grŵp
convening-written-convenor = { $date } gan gynullydd
convening-moderation-votes = { $agree } yn cytuno, { $disagree } yn anghytuno, { $pass } yn pasio
convening-status-waiting = yn aros
convening-status-accepted = wedi'i dderbyn
convening-status-rejected = wedi'i wrthod
convening-rejection-reason = Rheswm: { $reason }
convening-reason-label = Rheswm dros wrthod (dewisol; mae'r awdur yn ei weld)
convening-accept-row-html = Derbyn<span class="visually-hidden"> datganiad { $id }</span>
convening-reject-row-html = Gwrthod<span class="visually-hidden"> datganiad { $id }</span>
convening-select-all = Dewis pob datganiad ar y dudalen hon
convening-accept-selected = Derbyn y datganiadau a ddewiswyd
convening-reject-selected = Gwrthod y datganiadau a ddewiswyd
convening-moderation-empty = Dim datganiadau yma.
convening-pages-nav = Tudalennau
convening-first-page = Tudalen gyntaf
convening-next-page = Tudalen nesaf
# Mae enw'n aros yn unigol ar ôl rhif yn Gymraeg: "Diweddarwyd 3 datganiad."
convening-moderation-updated = Diweddarwyd { $count } datganiad.
convening-error-decision-statement = Nid oedd y penderfyniad yn dweud ar gyfer pa ddatganiad y mae.
convening-error-decision-one = Dewiswch a ydych am dderbyn neu wrthod y datganiad.
convening-error-decision-many = Dewiswch a ydych am dderbyn neu wrthod y datganiadau.
convening-error-reason = Rheswm dros wrthod: { $message }

## Cyfieithiadau a fersiynau hawdd eu darllen o ddatganiadau trafodaeth

convening-versions-heading = Cyfieithiadau a fersiynau hawdd eu darllen
convening-versions-title = Cyfieithiadau a fersiynau hawdd eu darllen · { $title }
convening-versions-lead = Mae cyfranogwyr yn gweld pob datganiad yn eu hiaith eu hunain pan fo ganddo gyfieithiad, wedi'i farcio fel cyfieithiad gyda'r gwreiddiol un tap i ffwrdd, a'i fersiwn hawdd ei darllen pan fyddant yn dewis hawdd ei ddarllen. Mae pleidlais a fwrir ar unrhyw fersiwn yn bleidlais ar y datganiad.
convening-versions-language-heading = Iaith y drafodaeth
convening-versions-written-in = Mae'r datganiadau wedi'u hysgrifennu yn
convening-versions-untranslated-legend = Datganiad y mae cyfranogwr yn ei ysgrifennu mewn iaith arall
convening-versions-untranslated-wait = Yn aros am gyfieithiad cyn i eraill ei weld
convening-versions-untranslated-show = Yn cael ei ddangos yn yr iaith y'i hysgrifennwyd ynddi nes iddo gael ei gyfieithu
convening-versions-save-languages = Cadw gosodiadau'r iaith
convening-versions-statements-heading = Datganiadau
convening-versions-waiting-html = <strong>Yn aros am gyfieithiad:</strong> nid yw'n cael ei ddangos i gyfranogwyr eto.
convening-versions-statement-written-in = Wedi'i ysgrifennu yn
convening-versions-save-language-html = Cadw<span class="visually-hidden"> iaith datganiad { $id }</span>
# $language yw enw'r iaith ynddi ei hun, fel English.
convening-versions-translation-of = { $language }, cyfieithiad:
convening-versions-easy-read-of = { $language }, hawdd ei ddarllen:
convening-versions-remove-translation-html = Dileu<span class="visually-hidden"> y cyfieithiad { $language } o ddatganiad { $id }</span>
convening-versions-remove-easy-read-html = Dileu<span class="visually-hidden"> y fersiwn hawdd ei darllen { $language } o ddatganiad { $id }</span>
convening-field-language = Iaith
convening-versions-kind = Math
convening-versions-kind-translation = Cyfieithiad
convening-versions-kind-easy-read = Hawdd ei ddarllen (geiriau byr, un syniad)
convening-versions-text = Testun (yn disodli'r un yn yr iaith a'r math hwnnw)
convening-versions-save-version-html = Cadw'r fersiwn<span class="visually-hidden"> o ddatganiad { $id }</span>
convening-versions-none = Nid oes gan y drafodaeth hon ddatganiadau eto.
convening-versions-done-languages = Mae gosodiadau iaith y drafodaeth wedi'u cadw.
convening-versions-done-statement-language = Mae iaith y datganiad wedi'i chadw.
convening-versions-done-put = Mae'r fersiwn wedi'i chadw.
convening-versions-done-remove = Mae'r fersiwn wedi'i dileu.
convening-error-form-statement = Nid oedd y ffurflen yn dweud ar gyfer pa ddatganiad y mae.
convening-error-what-to-change = Dewiswch beth i'w newid ar y dudalen hon.

## Cyfieithiadau o opsiynau rhestr flaenoriaethau

convening-options-heading = Cyfieithiadau o'r opsiynau
convening-options-title = Cyfieithiadau · { $title }
convening-options-lead = Mae cyfranogwyr yn gweld pob opsiwn yn eu hiaith eu hunain pan fo ganddo gyfieithiad, wedi'i farcio fel cyfieithiad gyda'r gwreiddiol un tap i ffwrdd. Mae dewis a wneir wrth ddarllen cyfieithiad yn ddewis o'r opsiwn: mae'r drefn yn ei gyfrif unwaith, pa iaith bynnag y'i darllenwyd ynddi.
convening-options-language-heading = Iaith y rhestr
convening-options-written-in = Mae'r opsiynau wedi'u hysgrifennu yn
convening-options-save-language = Cadw iaith y rhestr
convening-options-options-heading = Opsiynau
convening-options-remove-html = Dileu<span class="visually-hidden"> y cyfieithiad { $language } o opsiwn { $id }</span>
convening-options-translation = Cyfieithiad (yn disodli'r un yn yr iaith honno)
convening-options-save-html = Cadw'r cyfieithiad<span class="visually-hidden"> o opsiwn { $id }</span>
convening-options-none = Nid oes gan y rhestr hon opsiynau eto.
convening-options-done-language = Mae iaith y rhestr wedi'i chadw.
convening-options-done-put = Mae'r cyfieithiad wedi'i gadw.
convening-options-done-remove = Mae'r cyfieithiad wedi'i ddileu.
convening-error-form-option = Nid oedd y ffurflen yn dweud ar gyfer pa opsiwn y mae.

## Enwi grwpiau barn yr adroddiad

convening-groups-back-nav = Yn ôl
convening-groups-back = Yn ôl i'r adroddiad ar { $title }
convening-groups-heading = Enwi'r grwpiau barn
convening-groups-title = Enwi'r grwpiau · { $title }
convening-groups-saved = Mae'r labeli wedi'u cadw.
convening-groups-lead = Mae pob grŵp wedi'i enwi ar ôl y datganiad y mae'n ei ddal yn fwyaf arbennig. Ysgrifennwch ddisgrifiad byr y bydd pobl yn ei adnabod, fel "o blaid mwy o glinigau gyda'r nos", neu gadewch flwch yn wag i fynd yn ôl at yr enw a dynnwyd o'r pleidleisiau.
convening-groups-caution = Mae label yn perthyn i'r grŵp y mae'r dadansoddiad yn ei rifo yn yr un ffordd. Pan fydd pleidleisiau newydd yn newid y grwpiau (grŵp yn hollti, yn uno neu'n diflannu), gall label ddod i ddisgrifio set wahanol o bobl: gwiriwch y labeli ar ôl i'r grwpiau newid. Caiff label y mae ei grŵp wedi mynd ei gadw, a daw'n ôl os daw'r grŵp yn ôl.
# $size yw maint y grŵp mewn geiriau, fel "12 o bobl".
convening-groups-label = Grŵp { $letter } ({ $size })
convening-groups-derived = Wedi'i dynnu o'r pleidleisiau: { $label }
convening-groups-nothing = Nid oes dim yn sefyll allan gyda digon o bleidleisiau i'w enwi.
convening-groups-at-most = { $max } nod ar y mwyaf.
convening-groups-save = Cadw'r labeli
convening-groups-none = Nid oes grwpiau barn yn cael eu dangos eto, felly nid oes dim i'w enwi.
convening-groups-error = Label { $group }: { $message }. Ewch yn ôl, gwnewch ef yn fyrrach a'i gadw eto.

## Gwrthodiadau gwasanaethau'r trafodaethau, y rowndiau a'r cyfieithiadau. Mae'r API JSON yn
## anfon y Saesneg; mae tudalen cynullydd yn dweud yr un gwrthodiad yn ei hiaith. Mae pob un yn
## dechrau â llythyren fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg. Mae $name,
## $typed, $code a $word yn bethau a deipiwyd neu a enwyd, mewn dyfynodau.

convening-refused-not-your-partnership = nid ydych yn gynullydd y bartneriaeth honno
convening-refused-no-partnership = nid ydych yn cynnull unrhyw bartneriaeth eto; gofynnwch i weinyddwr eich ychwanegu at un
convening-refused-which-partnership = mae angen partnership_id: rydych yn cynnull sawl partneriaeth, felly dywedwch i ba un y mae'r drafodaeth yn perthyn
convening-refused-too-many-items = caiff trafodaeth ei chreu gyda { $max } o etholaethau a { $max } o ddatganiadau ar y mwyaf
convening-refused-population-no-constituency = population_shares: nid oes gan y drafodaeth etholaeth o'r enw { $name }
convening-refused-population-share = population_shares: rhaid i gyfran { $name } fod rhwng 0 ac 1
# Meysydd JSON dyddiadau trafodaeth, fel y mae gwrthodiad yn eu henwi ($field isod).
convening-refused-field-opens-at = opens_at
convening-refused-field-closes-at = closes_at
convening-refused-not-a-moment = { $field }: nid yw { $typed } yn ddyddiad ac amser fel 2027-03-12T17:00 (wedi'i ddarllen fel UTC) neu 2027-03-12T17:00:00+01:00
convening-refused-closes-before-opens = { $field }: byddai'r drafodaeth yn cau ar { $closes } ond yn agor dim ond ar { $opens }; rhaid i'r amser cau ddod ar ôl yr amser agor
convening-refused-name-taken = mae gan y drafodaeth etholaeth gyda'r enw hwn eisoes
convening-refused-no-constituency = nid oes gan y drafodaeth etholaeth o'r fath
convening-refused-no-seed = nid oes gan y drafodaeth ddatganiad cychwynnol o'r fath
convening-refused-seed-has-votes = mae gan y datganiad bleidleisiau, felly ni ellir ei newid na'i ddileu mwyach; gwrthodwch ef wrth gymedroli yn lle hynny
convening-refused-constituency-has-members = mae gan yr etholaeth { $members } aelod; dim ond etholaeth nad oes neb wedi'i dewis y gellir ei dileu
# Lle mae eitem o restr ($place isod).
convening-refused-place-item = eitem { $number }
convening-refused-place-line = llinell { $number }
convening-refused-place-csv-row = rhes CSV { $number }
# Beth yw'r eitemau a lle mae un, ar ddechrau gwrthodiad ($label isod): rhestrau'r API, llinellau
# ffurflen y drafodaeth newydd, ac un etholaeth ($place yw ei henw mewn dyfynodau bryd hynny).
convening-refused-items-api-constituencies = constituencies, { $place }
convening-refused-items-api-statements = statements, { $place }
convening-refused-items-constituencies = Etholaethau, { $place }
convening-refused-items-seed-statement = Datganiad cychwynnol, { $place }
convening-refused-items-constituency = Etholaeth { $place }
# $problem yw'r hyn sydd o'i le ar destun yr eitem.
convening-refused-labelled = { $label }: { $problem }
convening-refused-constituency-repeated = { $label }: mae'n ailadrodd enw { $earlier } ({ $name }); mae angen ei henw ei hun ar bob etholaeth
convening-refused-constituency-exists = { $label }: mae gan y drafodaeth etholaeth o'r enw { $name } eisoes
convening-refused-share-range = { $label }: rhaid i'r gyfran ddisgwyliedig { $share } fod rhwng 0% a 100%
convening-refused-share-given-range = { $label }: rhaid i'r gyfran ddisgwyliedig a roddwyd fod rhwng 0% a 100%
convening-refused-shares-total = { $label }: mae'r cyfrannau disgwyliedig yn dod i { $total } gyda hon; gyda'i gilydd gallant fod yn 100% ar y mwyaf
convening-refused-seed-repeated = { $label }: mae'n ailadrodd { $earlier }
convening-refused-round-unnamed = mae angen enw ar rownd
convening-refused-round-too-long = mae gan enw rownd { $max } nod ar y mwyaf
convening-refused-round-control = ni all enw rownd gynnwys nodau rheoli
# $language yw enw'r iaith ynddi ei hun, fel Cymraeg; mae $languages yn rhestru eu codau.
convening-refused-unknown-language = nid yw { $code } yn iaith y gellir dangos datganiadau ynddi; defnyddiwch un o { $languages }
convening-refused-untranslated-choice = nid yw { $word } yn ddewis ar gyfer datganiadau heb eu cyfieithu; defnyddiwch wait neu show_original
convening-refused-statement-needs-no-translation = ysgrifennwyd y datganiad yn { $language }, felly nid oes angen ei gyfieithu i'r iaith honno; ychwanegwch fersiwn hawdd ei darllen yn lle hynny, neu newidiwch yr iaith y'i hysgrifennwyd ynddi
convening-refused-no-translated-version = nid oes gan ddatganiad { $statement } fersiwn wedi'i chyfieithu yn { $language }
convening-refused-no-easy-read-version = nid oes gan ddatganiad { $statement } fersiwn hawdd ei darllen yn { $language }
convening-refused-no-option = nid oes gan restr { $list } opsiwn { $option }
convening-refused-options-need-no-translation = mae'r opsiynau wedi'u hysgrifennu yn { $language }, felly nid oes angen eu cyfieithu i'r iaith honno; newidiwch iaith y rhestr os ydynt wedi'u hysgrifennu mewn iaith arall
convening-refused-no-option-translation = nid oes gan opsiwn { $option } gyfieithiad i { $language }
