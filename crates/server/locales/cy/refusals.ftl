# Gwrthodiadau y mae'r API a'r tudalennau'n eu rhannu: rhesymau'r gwasanaeth dros beidio â
# gwneud yr hyn a ofynnwyd. Mae'r API yn anfon y Saesneg; mae tudalen yn dweud yr un
# gwrthodiad yn iaith ei darllenydd. Mae pob un yn dechrau â llythyren fach heb atalnod llawn;
# mae tudalen yn ei droi'n frawddeg.

refused-unauthenticated = mae angen sesiwn ddilys neu docyn cyfranogwr ar gyfer hyn
refused-not-open = nid yw'r drafodaeth ar agor eto: mae'n agor ar { $opens } ({ $moment })
refused-no-dialogue = does dim trafodaeth o'r fath
refused-no-statement = does dim datganiad o'r fath yn y drafodaeth hon
refused-no-partnership = does dim partneriaeth o'r fath
refused-constituency-not-in-dialogue = nid yw un o'r etholaethau a enwyd yn perthyn i'r drafodaeth hon
refused-not-found = { $entity }: heb ei ganfod
refused-in-another-dialogue = { $entity }: yn perthyn i drafodaeth arall
refused-duplicate = { $entity }: mae un gyda'r { $field } hwn yn bodoli eisoes
refused-duplicate-statement = mae'r datganiad hwn gan y drafodaeth eisoes (datganiad { $statement })
refused-rate-limited = gormod o geisiadau; rhowch gynnig arall arni ymhen { $seconds } eiliad
refused-idempotency-key-reused = defnyddiwyd yr allwedd analluedd eisoes ar gyfer pleidlais wahanol
refused-dialogue-closed = mae'r drafodaeth ar gau
refused-statements-disabled = nid yw'r drafodaeth yn derbyn datganiadau gan gyfranogwyr
refused-statement-rejected = gwrthodwyd y datganiad wrth ei gymedroli
refused-statement-pending = mae'r datganiad yn aros i gael ei gymedroli
refused-statement-untranslated = mae'r datganiad yn aros am gyfieithiad i iaith y drafodaeth
refused-partner-archived = mae'r partner wedi'i archifo
refused-invitation-used = mae'r gwahoddiad wedi'i ddefnyddio eisoes
refused-invitation-revoked = tynnwyd y gwahoddiad yn ôl
refused-invitation-expired = mae'r gwahoddiad wedi dod i ben
refused-stale-version = fersiwn { $version } yw fersiwn gyfredol yr amcan bellach
refused-objective-closed = nid yw'r amcan yn agored i'r newid hwn yn ei gyfnod presennol
refused-decision-basis-changed = newidiodd safbwynt, fersiwn yr amcan, y rheol benderfynu neu'r partneriaid tra oedd yn cael ei fabwysiadu; edrychwch ar yr amcan eto
refused-objective-not-adopted = dim ond o dan amcan a fabwysiadwyd y gellir ychwanegu camau gweithredu
refused-constituency-not-in-list = nid yw un o'r etholaethau a enwyd yn perthyn i'r rhestr flaenoriaethau hon
refused-not-in-list = { $entity }: nid yw'n perthyn i'r rhestr flaenoriaethau hon
refused-in-another-partnership = { $entity }: yn perthyn i bartneriaeth arall
refused-list-closed = mae'r rhestr flaenoriaethau ar gau
refused-options-disabled = nid yw'r rhestr flaenoriaethau yn derbyn opsiynau gan gyfranogwyr
refused-duplicate-option = mae'r opsiwn hwn gan y rhestr flaenoriaethau eisoes (opsiwn { $option })
refused-option-rejected = gwrthodwyd yr opsiwn wrth ei gymedroli
refused-option-pending = mae'r opsiwn yn aros i gael ei gymedroli
refused-pair-compared = mae'r cyfranogwr hwn eisoes wedi cymharu'r ddau opsiwn hyn
refused-wave-closed = mae ton yr arolwg ymddiriedaeth ar gau
refused-map-closed = mae'r map system ar gau
refused-in-another-map = { $entity }: yn perthyn i fap system arall
refused-trust-response-incomplete = mae ymateb a gyflwynwyd angen lefel ar gyfer pob partner arall; does dim un gan bartneriaid { $partners }

# Enwau'r mathau o gofnod y mae'r gwrthodiadau uchod yn eu henwi.
refused-entity-partnership = partneriaeth
refused-entity-partner = partner
refused-entity-convenor = cynullydd
refused-entity-session = sesiwn
refused-entity-dialogue = trafodaeth
refused-entity-constituency = etholaeth
refused-entity-statement = datganiad
refused-entity-participant = cyfranogwr
refused-entity-invitation = gwahoddiad
refused-entity-representative = cynrychiolydd
refused-entity-objective = amcan
refused-entity-action = cam gweithredu
refused-entity-priority-list = rhestr flaenoriaethau
refused-entity-option = opsiwn
refused-entity-trust-wave = ton arolwg ymddiriedaeth
refused-entity-system-map = map system
refused-entity-factor = ffactor
refused-entity-link = cysylltiad
refused-entity-flag = fflag
refused-entity-round = rownd

# Y gwerthoedd y mae'n rhaid iddynt fod yn unigryw.
refused-field-name = enw
refused-field-email = cyfeiriad e-bost
refused-field-external-id = dynodydd allanol
refused-field-participant-code = cod cyfranogwr
refused-field-dialogue-participant = cyfranogwr trafodaeth
refused-field-pair-of-factors = pâr o ffactorau
refused-field-statement-and-participant = datganiad a chyfranogwr

# Testun a wrthodwyd gan y rheolau y mae pob testun yn eu dilyn; mae $field yn un o'r enwau isod.
refused-text-empty = mae { $field } yn wag
refused-text-too-long = mae { $field } yn hwy na { $max } nod
refused-text-control = mae { $field } yn cynnwys nod rheoli
refused-text-direction = mae { $field } yn cynnwys y nod rheoli cyfeiriad anweledig { $code }, a all guddio testun; tynnwch ef
refused-text-invisible = does dim nod gweladwy yn y testun ({ $field }): dim ond bylchau, nodau fformatio anweledig neu acenion heb lythyren sydd ynddo
refused-text-statement = testun y datganiad
refused-text-dialogue-title = teitl y drafodaeth
refused-text-dialogue-question = cwestiwn y drafodaeth
refused-text-description = disgrifiad
refused-text-partnership-name = enw'r bartneriaeth
refused-text-purpose = diben
refused-text-partner-name = enw'r partner
refused-text-constituency-name = enw'r etholaeth
refused-text-objective-title = teitl yr amcan
refused-text-objective-text = testun yr amcan
refused-text-reason = rheswm
refused-text-amendment = gwelliant
refused-text-action-title = teitl y cam gweithredu
refused-text-lead-role = rôl arweiniol
refused-text-progress-note = nodyn cynnydd
refused-text-priority-list-title = teitl y rhestr flaenoriaethau
refused-text-priority-question = cwestiwn y rhestr flaenoriaethau
refused-text-option = testun yr opsiwn
refused-text-wave-title = teitl y don
refused-text-idempotency-key = allwedd analluedd

# A refusal the catalogues cannot word, as the service words it.
refused-as-written = { $message }
