# Tudalennau'r cynullwyr ar gyfer y rhestrau blaenoriaethau: rhestrau partneriaeth gyda'r
# ffurflen ar gyfer un newydd, tudalen rhestr (dolen y cyfranogwyr, yr opsiynau a'u cymedroli, y
# gosodiadau, cau ac ailagor), drafftio opsiynau o dir cyffredin, a'r dudalen sy'n cadarnhau
# cau. Mae tudalennau'r cyfranogwyr yn priorities.ftl.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

## A rennir gan sawl tudalen

lists-heading = Rhestrau blaenoriaethau
lists-state-open = ar agor
lists-state-closed = ar gau
lists-table-scroll = Tabl; ar sgrin fach mae'n sgrolio i'r ochr
lists-column-options = Opsiynau
lists-column-comparisons = Cymariaethau
lists-field-title = Teitl
lists-field-question = Y cwestiwn a ofynnir i gyfranogwyr
lists-field-description = Disgrifiad
lists-participant-options = Caiff cyfranogwyr ychwanegu opsiynau
lists-moderation-legend = Pryd y caiff opsiynau cyfranogwyr eu cymedroli?
lists-moderation-pre = Eu cymharu dim ond ar ôl i gynullydd eu derbyn
lists-moderation-post = Eu cymharu ar unwaith; caiff cynullwyr eu gwrthod yn nes ymlaen
lists-visibility-legend = Pwy gaiff ddarllen y canlyniadau?
lists-visibility-public = Unrhyw un sydd â'r ddolen
lists-visibility-convenors = Cynullwyr y bartneriaeth hon yn unig
lists-back = Yn ôl i'r rhestr flaenoriaethau

## Rhestrau blaenoriaethau partneriaeth

lists-title = Rhestrau blaenoriaethau · { $partnership }
lists-lead = Mae rhestr flaenoriaethau yn gofyn i bobl pa un o ddau opsiwn sydd bwysicaf, fesul pâr, ac yn rhoi pob opsiwn mewn trefn gyda phob etholaeth yn cyfrif unwaith.
lists-this-partnership = Rhestrau'r bartneriaeth hon
lists-column-list = Rhestr
lists-column-state = Cyflwr
lists-empty = Dim rhestrau blaenoriaethau eto.
lists-new-heading = Rhestr flaenoriaethau newydd
lists-question-hint = Er enghraifft: Beth ddylai'r bartneriaeth ei wneud yn gyntaf?
lists-description-optional-start = (dewisol; fe'i dangosir cyn i bobl ddechrau)
lists-constituencies-legend = Etholaethau
lists-constituencies-hint-html = Y cyhoedd yr hoffech glywed eu blaenoriaethau, un ar bob llinell: enw, yna os mynnwch a ydynt yn lleyg neu'n broffesiynol, wedi'u gwahanu gan <kbd>|</kbd>. Er enghraifft: <code>Gofalwyr di-dâl | lleyg</code> neu <code>Meddygon teulu | proffesiynol</code>. Mae pob etholaeth yn cyfrif unwaith yn y drefn, faint bynnag o'i phobl sy'n cymryd rhan.
lists-constituencies-label = Etholaethau, un ar bob llinell
lists-options-hint = Yr opsiynau i'w cymharu, un ar bob llinell, pob un yn 280 nod ar y mwyaf a phob un wedi'i ddweud unwaith. Gallwch ychwanegu rhagor yn nes ymlaen, a drafftio opsiynau o dir cyffredin trafodaeth.
lists-options-label = Opsiynau, un ar bob llinell
lists-dialogue-label = Trafodaeth gysylltiedig
lists-dialogue-optional = (dewisol: gall ei thir cyffredin ddod yn opsiynau)
lists-no-dialogue = Dim trafodaeth
lists-settings-legend = Gosodiadau
lists-create = Creu'r rhestr flaenoriaethau

## Yr hyn y mae rhestr newydd a wrthodwyd yn ei ddweud

lists-error-dialogue = Dewiswch un o drafodaethau'r bartneriaeth hon, neu ddim un.
lists-error-constituency-line = Etholaethau, llinell { $line }: { $message }
lists-error-option-line = Opsiynau, llinell { $line }: { $message }
lists-error-kind = dylai { $kind } fod yn "lleyg" neu'n "proffesiynol"
lists-error-constituency-parts = ysgrifennwch enw, yna os mynnwch | a lleyg neu broffesiynol
lists-error-constituency-twice = mae { $name } wedi'i enwi ddwywaith
lists-error-option-twice = mae'r un opsiwn wedi'i ysgrifennu ddwywaith
lists-field-constituency = enw'r etholaeth
lists-field-option = testun yr opsiwn
lists-field-list-title = teitl y rhestr flaenoriaethau
lists-field-list-question = cwestiwn y rhestr flaenoriaethau
lists-field-list-description = disgrifiad y rhestr
lists-field-reason = rheswm y gwrthod

## Tudalen rhestr

lists-open-note = Gall pobl gymharu opsiynau nawr.
lists-closed-note = Nid yw'r rhestr flaenoriaethau hon yn derbyn rhagor o gymariaethau nac opsiynau.
lists-nav-label = Y rhestr flaenoriaethau hon
lists-results = Canlyniadau
lists-options-waiting = Opsiynau ({ $count } yn aros)
lists-translations = Cyfieithiadau
lists-settings-heading = Gosodiadau
lists-export = Allforio (ZIP)
lists-link-heading = Dolen y cyfranogwyr
lists-link-text-html = Rhannwch y ddolen hon, neu dangoswch neu argraffwch y cod QR: <a href="{ $link }" class="participant-link">{ $link }</a>
lists-qr-alt = Cod QR sy'n agor dolen y cyfranogwyr { $link }
lists-participation-heading = Cymryd rhan
lists-participants = Cyfranogwyr
lists-waiting = Yn aros i gael eu cymedroli
lists-constituencies-summary = Etholaethau: { $constituencies }.
lists-constituencies-none = dim
lists-constituency-with-kind = { $name } ({ $kind })
lists-kind-lay = lleyg
lists-kind-professional = proffesiynol
lists-results-public-html = Caiff unrhyw un sydd â'r ddolen ddarllen <a href="{ $href }">y canlyniadau</a>.
lists-results-convenors-html = Dim ond cynullwyr y bartneriaeth hon gaiff ddarllen <a href="{ $href }">y canlyniadau</a>.
lists-options-caption = Opsiynau, gydag o ble y daeth pob un, ei gymedroli a sut y gwnaeth
lists-column-option = Opsiwn
lists-column-from = O
lists-column-moderation = Cymedroli
lists-column-won = Ennill
lists-column-lost = Colli
lists-column-compared = Wedi'i gymharu
lists-resembles = yn debyg i opsiwn { $option }
lists-source-statement = : y datganiad gwreiddiol
lists-not-shown = heb ei ddangos eto
lists-rejection-reason = Rheswm: { $reason }
lists-accept = Derbyn
lists-reason-label = Rheswm
lists-reason-optional = (dewisol; fe'i dangosir i'r cyfranogwr)
lists-reject = Gwrthod
lists-no-options = Dim opsiynau eto: ychwanegwch rai isod.
lists-no-options-dialogue = Dim opsiynau eto: ychwanegwch rai isod, neu drafftiwch nhw o dir cyffredin y drafodaeth gysylltiedig.
lists-add-heading = Ychwanegu opsiwn
lists-option-label = Opsiwn
lists-option-limit = (280 nod ar y mwyaf)
lists-add-submit = Ychwanegu'r opsiwn
lists-from-dialogue-heading = O'r drafodaeth gysylltiedig
lists-from-dialogue-text = Drafftiwch opsiynau o'r datganiadau y mae cyfranogwyr y drafodaeth gysylltiedig yn cytuno arnynt ar draws eu grwpiau. Rydych yn eu gweld ac yn dewis cyn i ddim gael ei ychwanegu.
lists-import-link = Mewnforio opsiynau o dir cyffredin
lists-optional = (dewisol)
lists-save-settings = Cadw'r gosodiadau
lists-close-heading = Cau'r rhestr flaenoriaethau
lists-close-explain = Mae cau yn atal cyfranogwyr, cymariaethau ac opsiynau newydd. Mae'r canlyniadau'n dal ar gael, a gallwch ailagor y rhestr yn nes ymlaen. Gofynnir i chi gadarnhau yn gyntaf.
lists-close-button = Cau'r rhestr flaenoriaethau…
lists-reopen = Ailagor y rhestr flaenoriaethau
lists-reopen-explain = Mae ailagor yn gadael i bobl ymuno, cymharu opsiynau a'u hychwanegu eto.

## O ble y daeth opsiwn, a'i gymedroli

lists-origin-convenor = Cynullydd
lists-origin-participant = Cyfranogwr
lists-origin-common-ground = Tir cyffredin
lists-status-pending = Yn aros i gael ei gymedroli
lists-status-accepted = Wedi'i dderbyn
lists-status-rejected = Wedi'i wrthod

## Yr hyn y mae tudalen y rhestr yn ei ddweud ar ôl newid

lists-notice-saved = Mae'r gosodiadau wedi'u cadw.
lists-notice-option-added = Mae'r opsiwn wedi'i ychwanegu.
lists-notice-moderated = Mae'r penderfyniad cymedroli wedi'i gadw.
lists-notice-imported-none = Ni ychwanegwyd opsiwn: mae'r datganiadau a ddewiswyd yn opsiynau eisoes.
lists-notice-imported = { $count ->
        [zero] Ychwanegwyd { $count } opsiwn o dir cyffredin.
        [one] Ychwanegwyd { $count } opsiwn o dir cyffredin.
        [two] Ychwanegwyd { $count } opsiwn o dir cyffredin.
        [few] Ychwanegwyd { $count } opsiwn o dir cyffredin.
        [many] Ychwanegwyd { $count } opsiwn o dir cyffredin.
       *[other] Ychwanegwyd { $count } o opsiynau o dir cyffredin.
    }
lists-notice-closed = Mae'r rhestr flaenoriaethau ar gau.
lists-notice-reopened = Mae'r rhestr flaenoriaethau ar agor eto.
lists-error-decision = Dewiswch dderbyn neu wrthod yr opsiwn.

## Opsiynau o dir cyffredin

lists-import-title = Opsiynau o dir cyffredin · { $list }
lists-import-heading = Opsiynau o dir cyffredin
lists-import-lead = Mae'r datganiadau hyn yn dir cyffredin yn nadansoddiad diweddaraf y drafodaeth gysylltiedig. Ticiwch y rhai i'w hychwanegu fel opsiynau; mae pob un yn cadw dolen yn ôl i'w ddatganiad.
lists-import-legend = Datganiadau tir cyffredin
lists-already-option = yn opsiwn eisoes
lists-statement-link-html = Datganiad { $number }<span class="visually-hidden"> yn adroddiad y drafodaeth</span>
lists-too-long = { $count ->
        [zero] Mae { $count } datganiad tir cyffredin yn hwy na 280 nod ac ni allant fod yn opsiwn fel y maent wedi'u hysgrifennu; ychwanegwch nhw mewn geiriau byrrach o dudalen y rhestr.
        [one] Mae { $count } datganiad tir cyffredin yn hwy na 280 nod ac ni all fod yn opsiwn fel y mae wedi'i ysgrifennu; ychwanegwch ef mewn geiriau byrrach o dudalen y rhestr.
        [two] Mae { $count } ddatganiad tir cyffredin yn hwy na 280 nod ac ni allant fod yn opsiwn fel y maent wedi'u hysgrifennu; ychwanegwch nhw mewn geiriau byrrach o dudalen y rhestr.
        [few] Mae { $count } datganiad tir cyffredin yn hwy na 280 nod ac ni allant fod yn opsiwn fel y maent wedi'u hysgrifennu; ychwanegwch nhw mewn geiriau byrrach o dudalen y rhestr.
        [many] Mae { $count } datganiad tir cyffredin yn hwy na 280 nod ac ni allant fod yn opsiwn fel y maent wedi'u hysgrifennu; ychwanegwch nhw mewn geiriau byrrach o dudalen y rhestr.
       *[other] Mae { $count } o ddatganiadau tir cyffredin yn hwy na 280 nod ac ni allant fod yn opsiwn fel y maent wedi'u hysgrifennu; ychwanegwch nhw mewn geiriau byrrach o dudalen y rhestr.
    }
lists-import-submit = Ychwanegu'r datganiadau a diciwyd fel opsiynau
lists-cancel = Canslo
lists-import-empty = Nid oes gan ddadansoddiad diweddaraf y drafodaeth gysylltiedig dir cyffredin sy'n ddigon byr i fod yn opsiwn eto.
lists-error-statement-number = Nid yw { $value } yn rhif datganiad.

## Cau rhestr

lists-close-title = Cau'r rhestr flaenoriaethau? · { $list }
lists-close-question = Cau'r rhestr flaenoriaethau?
lists-already-closed = Mae'r rhestr flaenoriaethau hon ar gau eisoes.
lists-closing-means = Mae cau “{ $list }” yn golygu:
lists-closing-nobody = ni all neb newydd ymuno, ac ni all cyfranogwyr gymharu opsiynau na'u hychwanegu mwyach;
lists-closing-kept = caiff pob cymhariaeth hyd yma ei chadw, ac mae'r canlyniadau'n dal ar gael;
lists-closing-kept-convenors = caiff pob cymhariaeth hyd yma ei chadw, ac mae'r canlyniadau'n dal ar gael i gynullwyr y bartneriaeth hon;
lists-closing-own-data = gall cyfranogwyr weld a dileu eu data eu hunain o hyd;
lists-closing-reopen = gallwch ailagor y rhestr flaenoriaethau yn nes ymlaen o'i thudalen.
lists-close-confirm = Iawn, caewch y rhestr flaenoriaethau
lists-keep-open = Na, cadwch hi ar agor

## Yr hyn y mae'r gwasanaeth yn ei wrthod ar y tudalennau hyn: mae pob un yn dechrau â
## llythyren fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg.

lists-refused-constituency-twice = mae'r etholaeth { $name } wedi'i henwi ddwywaith
lists-refused-dialogue-elsewhere = rhaid i'r drafodaeth gysylltiedig berthyn i'r un bartneriaeth
lists-refused-no-dialogue = does gan y rhestr flaenoriaethau hon ddim trafodaeth gysylltiedig i ddrafftio opsiynau ohoni
lists-refused-no-analysis = does gan y drafodaeth gysylltiedig ddim dadansoddiad eto
lists-refused-choose-statement = dewiswch o leiaf un datganiad i'w ddrafftio fel opsiwn
lists-refused-not-common-ground = nid yw datganiad { $statement } yn dir cyffredin sy'n ddigon byr i fod yn opsiwn yn nadansoddiad diweddaraf y drafodaeth gysylltiedig
lists-refused-no-option = does dim opsiwn o'r fath yn y rhestr flaenoriaethau hon
