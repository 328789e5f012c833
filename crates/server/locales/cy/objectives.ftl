# Tudalennau'r amcanion ar y cyd, a rennir gan gynullwyr a chynrychiolwyr partneriaid: yr
# amcanion, amcan gyda'i fersiynau, ei safbwyntiau a'i gamau gweithredu, a chwestiynau agored
# cynrychiolydd. Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio.

objectives-title = Amcanion: { $partnership }
objectives-heading = Amcanion ar y cyd
objectives-rule-heading = Sut y mae'r partneriaid yn penderfynu
objectives-one-stance-each = Mae gan bob partner un safbwynt, beth bynnag yw ei faint.
objectives-rule-legend = Rheol benderfynu
objectives-rule-consent = Cydsyniad: caiff ei fabwysiadu pan nad oes yr un partner yn gwrthwynebu a phan fo cworwm wedi ymateb
objectives-rule-unanimity = Unfrydedd: caiff ei fabwysiadu pan fo pob partner yn ei gymeradwyo
objectives-rule-quorum = Cworwm dan gydsyniad, fel canran o'r partneriaid
objectives-rule-save = Cadw'r rheol
objectives-list-heading = Amcanion
objectives-row-version = Fersiwn { $version }.
objectives-none = Dim amcanion ar y cyd eto.
objectives-draft-heading = Drafftio amcan
objectives-draft-text = Yr hyn y byddai'r partneriaid yn cytuno iddo
objectives-draft-evidence-hint = (dewisol: y datganiadau y mae'n seiliedig arnynt, o un ddeialog)
objectives-draft-evidence-lead = Y datganiadau sy'n dir cyffredin nawr. Cedwir y cytundeb arnynt ar hyn o bryd gyda'r amcan.
objectives-draft-statement = Datganiad { $number }: { $text }
objectives-draft-no-common-ground = Nid oes yr un datganiad yn dir cyffredin eto.
objectives-draft-no-analysis = Nid oes dadansoddiad gan yr un o ddeialogau'r bartneriaeth eto, felly does dim datganiadau tir cyffredin i'w dyfynnu.
objectives-draft-save = Cadw'r drafft
objectives-error-statement = Ni ddeallwyd un o'r datganiadau a ddewiswyd.
objectives-error-one-dialogue = Dewiswch ddatganiadau o un ddeialog ar gyfer amcan.

objective-rule-consent = Cydsyniad: caiff amcan ei fabwysiadu pan nad oes yr un partner yn gwrthwynebu a phan fo o leiaf { $quorum }% o'r partneriaid wedi ymateb.
objective-rule-unanimity = Unfrydedd: caiff amcan ei fabwysiadu pan fo pob partner yn ei gymeradwyo.

objective-status-draft = Drafft
objective-status-in-negotiation = Wrthi'n cael ei drafod
objective-status-adopted = Wedi'i fabwysiadu
objective-status-withdrawn = Wedi'i dynnu'n ôl

objective-reason-withdrawn = Wedi'i dynnu'n ôl gan y cynullydd.
objective-reason-draft = Drafft: heb ei roi i'r partneriaid eto.
objective-reason-adopted = Wedi'i fabwysiadu: { $summary }.
objective-reason-negotiating = Wrthi'n cael ei drafod: { $summary }.
objective-reason-all-endorse = { $partners ->
        [one] mae'r unig bartner yn cymeradwyo
       *[other] mae'r { $partners } partner i gyd yn cymeradwyo
    }
objective-reason-some-endorse = mae { $endorsing } o'r { $partners } partner yn cymeradwyo
objective-reason-with-reservations = , { $count } gydag amheuon
objective-reason-objected = ; mae { $count } wedi gwrthwynebu
objective-reason-not-responded = ; nid yw { $count } wedi ymateb
objective-reason-no-partners = does gan y bartneriaeth ddim partneriaid i ymateb eto
objective-reason-responded = mae { $responded } o'r { $partners } partner wedi ymateb
objective-reason-objecting = mae { $count } partner yn gwrthwynebu ({ $names }); { $responded }
objective-reason-consent-needs = { $responded }; mae cydsyniad yn gofyn am { $needed } (cworwm o { $quorum }%) a dim gwrthwynebiad
objective-reason-unanimity-needs = mae unfrydedd yn gofyn i bob un o'r { $partners } partner gymeradwyo; mae { $endorsing } yn cymeradwyo, { $objecting } yn gwrthwynebu, a { $missing } heb ymateb

objective-eyebrow = { $partnership }: amcanion ar y cyd
objective-version = Fersiwn { $version }
objective-text-heading = Yr amcan
objective-public-said = Yr hyn a ddywedodd y cyhoedd
objective-put-to-partners = Ei roi i'r partneriaid
objective-adopt = Mabwysiadu fersiwn { $version }
objective-withdraw = Tynnu'r amcan yn ôl
objective-stances-heading = Safbwyntiau'r partneriaid ar fersiwn { $version }
objective-take-up-amendment = Defnyddio'r gwelliant hwn
objective-take-up-amendment-from = gan { $partner }
objective-no-partners = Does gan y bartneriaeth ddim partneriaid.
objective-amend-heading = Ysgrifennu fersiwn newydd
objective-amend-hint = Cedwir safbwyntiau'r partneriaid ar fersiynau cynharach a'u dangos, ond dim ond ar gyfer y fersiwn y'u rhoddwyd arni y maent yn cyfrif.
objective-amend-taken-up = Mae'r fersiwn hon yn defnyddio gwelliant a gynigiwyd; golygwch hi fel y bo angen.
objective-field-title = Teitl
objective-field-text = Testun
objective-amend-save = Cadw fersiwn { $version }
objective-actions-heading = Camau gweithredu
objective-no-actions = Dim camau gweithredu eto.
objective-history-heading = Fersiynau a safbwyntiau
objective-history-version = Fersiwn { $version }: { $title }
objective-history-current-version = Fersiwn { $version } (cyfredol): { $title }
objective-history-written = Ysgrifennwyd { $date }.
objective-history-no-stances = Dim safbwyntiau ar y fersiwn hon.
objective-version-amends = Mae'n defnyddio'r gwelliant a gynigiodd { $partner } i fersiwn { $version }.
objective-error-amendment = Ni ddeallwyd y gwelliant a ddefnyddiwyd.

stance-endorse = Cymeradwyo
stance-endorse-with-reservations = Cymeradwyo gydag amheuon
stance-object = Gwrthwynebu
stance-withdrawn = Tynnodd ei safbwynt yn ôl
stance-not-yet = Heb ymateb eto
stance-on-earlier-version = Ar fersiwn { $version }: { $stance }
stance-counts = { $endorse } yn cymeradwyo, { $reservations } gydag amheuon, { $object } yn gwrthwynebu, { $missing } heb ymateb
stance-reason = Rheswm: { $reason }
stance-reservations = Amheuon: { $reason }
stance-proposed-amendment = Gwelliant arfaethedig: { $amendment }
stance-form-heading = Eich safbwynt ar ran { $partner }
stance-form-recorded = Mae { $partner } wedi cofnodi: { $stance }.
stance-form-legend = Safbwynt { $partner } ar fersiwn { $version }
stance-form-reason = Amheuon, neu'r rheswm dros wrthwynebu
stance-form-reason-hint = (yn ofynnol oni bai eich bod yn cymeradwyo'n unig)
stance-form-amendment = Gwelliant arfaethedig
stance-form-amendment-hint = (dewisol, gyda gwrthwynebiad: y geiriad y byddech yn ei gymeradwyo)
stance-form-record = Cofnodi'r safbwynt
stance-form-record-for = ar ran { $partner }
stance-form-withdraw = Tynnu safbwynt { $partner } yn ôl
stance-error-choose = Dewiswch safbwynt.
stance-error-partner = Dewiswch y partner.
stance-error-version = Ni ddeallwyd y fersiwn a ddarllenwyd.

action-status-planned = Wedi'i gynllunio
action-status-in-progress = Ar y gweill
action-status-done = Wedi'i wneud
action-status-blocked = Wedi'i rwystro
action-status-dropped = Wedi'i ollwng
action-late = Yn hwyr: { $days ->
        [two] { $days } ddiwrnod
       *[other] { $days } diwrnod
    } ar ôl y dyddiad dyledus
action-owned = Yn eiddo i { $owner }.
action-owned-shared = Yn eiddo i { $owner }, wedi'i rannu â { $shared }.
action-led-by = Dan arweiniad { $lead }.
action-due = Erbyn { $date }.
action-ripple-pushes-html = <strong>Effaith ar y map “{ $map }”:</strong> mae'r cam gweithredu yn gwthio “{ $factor }” { $push }.
action-ripple-reaches-html = O fewn { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    } mae'n cyrraedd meysydd partneriaid eraill: <strong>{ $partners }</strong>.
action-ripple-reaches-none = O fewn { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    } nid yw'n cyrraedd ffactorau'r un partner arall.
action-ripple-loops = Mae'n mynd i mewn i { $loops ->
        [two] { $loops } ddolen adborth
       *[other] { $loops } dolen adborth
    }.
action-ripple-loops-or-more = Mae'n mynd i mewn i { $loops } dolen adborth neu ragor.
action-ripple-see = Gweld yr effaith ar y map
action-ripple-moves = Y { $count } ffactor y mae'n eu symud
action-add-heading = Ychwanegu cam gweithredu
action-field-title = Beth fydd yn cael ei wneud
action-field-owner = Yn eiddo i
action-field-choose-partner = Dewiswch bartner
action-field-shared = Wedi'i rannu â
action-field-optional = (dewisol)
action-field-lead = Rôl arweiniol
action-field-due = Dyddiad dyledus
action-field-due-hint = (BBBB-MM-DD)
action-field-status = Statws
action-add = Ychwanegu'r cam gweithredu
action-note = Nodyn cynnydd
action-note-add = Ychwanegu'r nodyn
action-note-add-to = at { $action }
action-error-owner = Dewiswch y perchennog.
action-error-shared = Ni ddeallwyd un o'r partneriaid sy'n rhannu.

ripple-push-up = i fyny
ripple-push-down = i lawr
ripple-effect-up = yn codi
ripple-effect-down = yn gostwng
ripple-effect-mixed = cymysg
ripple-line = { $effect }, { $distance ->
        [two] { $distance } gysylltiad
       *[other] { $distance } cysylltiad
    } i ffwrdd

evidence-from-html = O <a href="/d/{ $dialogue }/report">{ $title }</a>, fel yr oedd ar { $date }. Pwysoli: { $weighting }
evidence-statement = Datganiad { $number }:
evidence-agreement-interval = { $rate } yn cytuno ({ $low } i { $high }), { $agree } o { $seen } pleidlais
evidence-agreement = { $rate } yn cytuno, { $agree } o { $seen } pleidlais
evidence-no-votes = dim pleidleisiau

questions-title = Cwestiynau agored eich partneriaid
questions-awaiting-heading = Amcanion sy'n aros am safbwynt eich partner
questions-version = fersiwn { $version }
questions-awaiting = { $partnership }. Yn aros am { $partners }.
questions-none = Does dim yn aros am safbwynt eich partner.
questions-actions-heading = Camau gweithredu eich partneriaid
questions-no-actions = Nid yw eich partneriaid yn berchen ar yr un cam gweithredu nac yn rhannu'r un eto.

objective-translations-heading = Cyfieithiadau o fersiwn { $version }
objective-translations-lead = Mae partneriaid yn darllen yr amcan yn eu hiaith eu hunain pan fo cyfieithiad o'r fersiwn hon, wedi'i nodi fel cyfieithiad, gyda'r gwreiddiol un tap i ffwrdd. Mae safbwyntiau bob amser ar y fersiwn ei hun, ym mha iaith bynnag y'i darllenwyd. Mae angen cyfieithu fersiwn newydd eto.
objective-written-in = Mae'r amcan wedi'i ysgrifennu yn
objective-written-in-save = Cadw'r iaith
objective-translations-none = Nid oes cyfieithiad o'r fersiwn hon eto.
objective-translation-remove = Dileu'r cyfieithiad i'r { $language }
objective-translation-language = Iaith y cyfieithiad
objective-translation-save = Cadw'r cyfieithiad
objective-translation-error-action = Dewiswch beth i'w newid: yr iaith, neu gyfieithiad.
objective-translation-field-title = Teitl wedi'i gyfieithu
objective-translation-field-text = Testun wedi'i gyfieithu

# Gwrthodiadau y mae'r API a'r tudalennau hyn yn eu rhannu: mae'r API yn anfon y Saesneg; mae
# tudalen yn dweud yr un gwrthodiad yn iaith ei darllenydd. Mae pob un yn dechrau â llythyren
# fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg.
objective-refused-quorum = mae'r cworwm yn ganran o 1 i 100
objective-refused-quorum-missing = mae angen cworwm ar y rheol cydsyniad: canran y partneriaid y mae'n rhaid iddynt ymateb
objective-refused-unanimity-quorum = mae unfrydedd yn gofyn am bob partner; nid yw'n cymryd cworwm
objective-refused-rule = y rheol yw `consent` (gyda chworwm) neu `unanimity`
objective-refused-not-an-amendment = nid yw safbwynt { $stance } yn wrthwynebiad i'r amcan hwn gyda gwelliant
objective-refused-put-not-draft = dim ond drafft y gellir ei roi i'r partneriaid; mae'r amcan hwn { $phase }
objective-refused-no-partners = does gan y bartneriaeth ddim partneriaid i roi'r amcan iddynt; ychwanegwch bartneriaid yn gyntaf
objective-refused-adopt-not-with-partners = dim ond amcan sydd gyda'r partneriaid y gellir ei fabwysiadu; mae'r un hwn { $phase }
objective-refused-rule-not-met = nid yw'r rheol benderfynu wedi'i bodloni: wrthi'n cael ei drafod: { $summary }
objective-refused-no-stance-to-withdraw = does gan y partner ddim safbwynt ar y fersiwn gyfredol i'w dynnu'n ôl
objective-refused-draft-unseen = does dim amcan o'r fath: dim ond y cynullwyr sy'n gweld drafftiau
objective-refused-action-not-adopted = ychwanegir camau gweithredu o dan amcanion a fabwysiadwyd; mae'r un hwn { $phase }
objective-refused-not-current-partner = nid yw partner { $partner } yn un o bartneriaid presennol y bartneriaeth hon
objective-refused-too-many-shared = gellir rhannu cam gweithredu ag uchafswm o { $max } partner
objective-refused-name-dialogue = dyfynnir datganiadau o ddeialog: enwch y ddeialog
objective-refused-choose-statement = dewiswch o leiaf un o ddatganiadau'r ddeialog
objective-refused-too-many-statements = gall amcan ddyfynnu uchafswm o { $max } datganiad
objective-refused-other-dialogue = nid yw'r ddeialog yn un o ddeialogau'r bartneriaeth hon
objective-refused-no-analysis = does gan y ddeialog ddim dadansoddiad eto i'w ddyfynnu
objective-refused-statement-not-analysed = nid yw datganiad { $statement } yn nadansoddiad diweddaraf y ddeialog
objective-refused-stance = y safbwynt yw `endorse`, `endorse_with_reservations` neu `object`
objective-refused-endorsement-with-text = does dim testun gyda chymeradwyaeth; i ysgrifennu amheuon, cymeradwywch gydag amheuon
objective-refused-amendment-without-objection = dim ond gyda gwrthwynebiad y cynigir gwelliant
objective-refused-reservations-missing = ysgrifennwch yr amheuon sy'n mynd gyda'r gymeradwyaeth
objective-refused-reason-missing = ysgrifennwch y rheswm dros wrthwynebu
objective-refused-stance-not-with-partners = cofnodir safbwyntiau tra bo amcan gyda'r partneriaid; mae'r un hwn { $phase }
objective-refused-old-version = nid fersiwn { $version } yw'r fersiwn gyfredol ({ $current }): darllenwch y fersiwn newydd a chofnodwch y safbwynt arni
objective-refused-closed = mae'r amcan hwn { $phase } ac ni all newid mwyach
objective-refused-due-date = mae'r dyddiad dyledus yn ddyddiad go iawn yn y calendr, wedi'i ysgrifennu BBBB-MM-DD
objective-refused-status = y statws yw `planned`, `in_progress`, `done`, `blocked` neu `dropped`
objective-refused-no-version = does gan amcan { $objective } ddim fersiwn { $version }
objective-refused-translation-own-language = iaith yr amcan yw { $language }, felly nid oes angen ei gyfieithu iddi; newidiwch ei iaith os yw wedi'i ysgrifennu mewn iaith arall
objective-refused-no-translation = does gan fersiwn { $version } o amcan { $objective } ddim cyfieithiad i'r iaith { $language }

# Lle mae amcan, fel y mae'r gwrthodiadau uchod yn ei ddweud ar ôl "mae'r amcan hwn".
objective-refused-phase-draft = yn ddrafft
objective-refused-phase-with-partners = gyda'r partneriaid
objective-refused-phase-adopted = wedi'i fabwysiadu
objective-refused-phase-withdrawn = wedi'i dynnu'n ôl
