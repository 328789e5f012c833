# Tudalennau'r cyfranogwr: ymuno â thrafodaeth, pleidleisio, ysgrifennu datganiad, ac "Eich data".
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

## A rennir gan sawl tudalen

dialogue-back = Yn ôl i'r drafodaeth
dialogue-opens-on = Mae'r drafodaeth hon yn agor ar { $opens }
dialogue-open-until-sentence = Mae ar agor tan { $closes }.
dialogue-what-came-of-this = Beth ddaeth o hyn
dialogue-next-step = Nesaf, mae'r bartneriaeth yn dewis beth i'w wneud yn gyntaf:
dialogue-you-said = Dywedoch eich bod yn: { $groups }.

## Dyddiadau trafodaeth, mewn un frawddeg

dates-opens-until = Yn agor ar { $opens }, ar agor tan { $closes }.
dates-opens = Yn agor ar { $opens }.
dates-open-until = Ar agor tan { $closes }.
dates-closed-on = Wedi cau ar { $closes }, ei hamser cau.
dates-open-since = Ar agor ers { $opens }.
# Moment mewn UTC, fel "12 Mawrth 2027, 17:00 UTC"; rhif y mis yw $month.
date-time = { $day } { $month ->
        [1] Ionawr
        [2] Chwefror
        [3] Mawrth
        [4] Ebrill
        [5] Mai
        [6] Mehefin
        [7] Gorffennaf
        [8] Awst
        [9] Medi
        [10] Hydref
        [11] Tachwedd
       *[12] Rhagfyr
    } { $year }, { $time } UTC

date-day = { $day } { $month ->
        [1] Ionawr
        [2] Chwefror
        [3] Mawrth
        [4] Ebrill
        [5] Mai
        [6] Mehefin
        [7] Gorffennaf
        [8] Awst
        [9] Medi
        [10] Hydref
        [11] Tachwedd
       *[12] Rhagfyr
    } { $year }

## Ymuno

join-how-heading = Sut mae'n gweithio
join-step-one-at-a-time = Rydych yn gweld datganiadau byr un ar y tro.
join-step-choose-html = Ar gyfer pob un, dewiswch <strong>Cytuno</strong>, <strong>Anghytuno</strong> neu <strong>Pasio / Ansicr</strong>.
join-step-write = Os oes rhywbeth ar goll, gallwch ysgrifennu datganiad eich hun.
join-step-stand = Ar ôl ychydig o bleidleisiau, rydych yn gweld ble rydych yn sefyll ymhlith pawb sy'n cymryd rhan.
join-groups-hint = Mae hyn yn helpu i sicrhau bod pob grŵp o bobl yn cael ei glywed yn gyfartal. Mae'n ddewisol.
join-anonymous = Rydych yn cymryd rhan heb roi eich enw nac unrhyw fanylion cyswllt. Mae'r ddyfais hon yn cadw allwedd ar hap mewn cwci er mwyn i chi allu dod yn ôl i ble roeddech chi.
join-start = Dechrau
join-results-so-far = Gweld y canlyniadau hyd yma

## Trafodaeth sydd wedi cau neu heb agor eto

closed-come-back = Dewch yn ôl bryd hynny i gymryd rhan: byddwch yn gweld datganiadau byr un ar y tro ac yn dweud a ydych yn cytuno.
closed-no-longer = Mae'r drafodaeth hon wedi cau: nid yw'n derbyn cyfranogwyr na phleidleisiau newydd mwyach.
closed-read-results = Darllen y canlyniadau

## Pleidleisio

vote-progress = { $total ->
        [zero] { $voted } o { $total } datganiad wedi'u pleidleisio
        [one] { $voted } o { $total } datganiad wedi'i bleidleisio
       *[other] { $voted } o { $total } datganiad wedi'u pleidleisio
    }
vote-closed-heading = Mae'r drafodaeth hon wedi cau
vote-closed-text = Nid yw'n derbyn pleidleisiau mwyach. Diolch am gymryd rhan.
vote-not-open-text = Gallwch bleidleisio ac ysgrifennu datganiadau o hynny ymlaen.
vote-question = Ydych chi'n cytuno â'r datganiad hwn?
vote-agree = Cytuno
vote-disagree = Anghytuno
vote-pass = Pasio / Ansicr
vote-keyboard-hint = Bysellfwrdd: pwyswch A i gytuno, D i anghytuno, P i basio.
vote-recorded = Pleidlais wedi'i chofnodi.
vote-done-heading = Rydych wedi pleidleisio ar bob datganiad
vote-done-text = Diolch. Efallai y bydd eraill yn ychwanegu datganiadau newydd: dewch yn ôl yn nes ymlaen i bleidleisio arnynt.
vote-write-link = Ysgrifennu datganiad eich hun
vote-your-data-link = Eich data: gweld, lawrlwytho neu ddileu'r hyn y mae'r drafodaeth hon yn ei gadw amdanoch
vote-missing-statement = Nid oedd y bleidlais yn dweud ar gyfer pa ddatganiad y mae.
vote-missing-choice = Dewiswch Cytuno, Anghytuno neu Pasio.
notice-written = Diolch. Mae eich datganiad wedi'i ychwanegu, a gall eraill bleidleisio arno nawr. Mae'n cyfrif fel eich cytundeb, felly ni fydd gofyn i chi bleidleisio arno.
notice-written-pending = Diolch. Bydd eich datganiad yn cael ei ddangos i eraill unwaith y bydd cynullydd wedi'i dderbyn. Mae'n cyfrif fel eich cytundeb, felly ni fydd gofyn i chi bleidleisio arno.
notice-vote-changed = Mae eich pleidlais wedi'i newid. Mae'r canlyniadau'n cyfrif eich pleidlais newydd.
notice-groups-changed = Mae'r grwpiau rydych yn perthyn iddynt wedi'u newid.

## Ble rydych yn sefyll

stand-heading = Ble rydych yn sefyll
stand-group-html = Rydych yn perthyn i <strong>{ $group }</strong>.
stand-group-of-html = Rydych yn perthyn i <strong>{ $group }</strong>, { $size ->
        [one] { $size } person sy'n tueddu
       *[other] un o { $size } o bobl sy'n tueddu
    } i bleidleisio'n debyg.
stand-holds-heading = Beth mae eich grŵp yn ei ddal yn arbennig
stand-holding-agree = { $count } o { $seen } ({ $percent }) yn cytuno
stand-holding-disagree = { $count } o { $seen } ({ $percent }) yn anghytuno
stand-vote-more = { $needed ->
        [one] Pleidleisiwch ar o leiaf { $needed } datganiad i weld ble rydych yn sefyll ymhlith pawb sy'n cymryd rhan.
       *[other] Pleidleisiwch ar o leiaf { $needed } datganiad i weld ble rydych yn sefyll ymhlith pawb sy'n cymryd rhan.
    }
stand-full-results = Gweld y canlyniadau llawn
stand-first-drawing = Mae'r map barn yn cael ei lunio am y tro cyntaf. Ail-lwythwch y dudalen hon mewn munud i weld ble rydych yn sefyll.
stand-not-on-map = Nid yw eich pleidleisiau ar y map eto: caiff ei ail-lunio ychydig eiliadau ar ôl i bleidleisiau gyrraedd. Ail-lwythwch y dudalen hon cyn hir.
stand-no-groups-yet = Rydych ar y map, ond nid yw'r grwpiau'n glir eto. Bydd rhagor o bleidleisiau gennych chi ac eraill yn eu dangos.

## Ysgrifennu datganiad

write-title = Ysgrifennu datganiad · { $dialogue }
write-heading = Ysgrifennu datganiad
write-before-heading = Cyn i chi ysgrifennu
write-rule-one-thing = Dywedwch un peth, yn glir, mewn ffordd y gall eraill gytuno neu anghytuno ag ef.
write-rule-no-names = Peidiwch ag enwi na disgrifio unrhyw un y gellid ei adnabod.
write-policy-pre = Mae cynullydd yn darllen pob datganiad cyn i eraill ei weld. Ni dderbynnir datganiadau sy'n amherthnasol, yn sarhaus, neu a allai adnabod person.
write-policy-post = Caiff eich datganiad ei ddangos i eraill ar unwaith. Gall cynullydd ddileu datganiadau yn nes ymlaen sy'n amherthnasol, yn sarhaus, neu a allai adnabod person.
write-label = Eich datganiad
write-hint = Dim mwy na { $max } nod.
write-counter = { $used } o { $max } nod
write-submit = Anfon y datganiad
write-back = Yn ôl i bleidleisio
write-error = Eich datganiad: { $message }
write-duplicate = Mae gan y drafodaeth hon ddatganiad sy'n dweud yr un peth eisoes. Pleidleisiwch arno, neu dywedwch rywbeth newydd.
write-limit-reached = Rydych wedi ysgrifennu cymaint o ddatganiadau ag y caiff un person yn y drafodaeth hon ({ $limit }). Diolch: pleidleisiwch ar ddatganiadau pobl eraill nawr.
write-closed = Mae'r drafodaeth hon wedi cau, felly ni ellir ychwanegu rhagor o ddatganiadau.
write-not-open = Nid yw'r drafodaeth hon ar agor eto: mae'n agor ar { $opens }. Gellir ychwanegu datganiadau o hynny ymlaen.
write-not-taking = Nid yw'r cynullwyr yn derbyn datganiadau newydd yn y drafodaeth hon ar hyn o bryd. Gallwch bleidleisio ar y datganiadau sydd yno o hyd.
write-too-fast = Rydych yn anfon datganiadau'n gyflymach nag y mae'r drafodaeth hon yn ei ganiatáu. Mae eich testun wedi'i gadw isod: arhoswch { $wait } a'i anfon eto.
wait-seconds = { $seconds ->
        [one] eiliad
        [two] dwy eiliad
       *[other] { $seconds } eiliad
    }
wait-minutes = { $minutes ->
        [one] munud
        [two] dau funud
       *[other] { $minutes } munud
    }

## Eich data

my-data-title = Eich data · { $dialogue }
my-data-heading = Eich data
my-data-back = Yn ôl i'ch data
my-data-lead = Dyma bopeth y mae'r drafodaeth hon yn ei gadw amdanoch. Dim ond porwr sy'n dal eich allwedd ar hap, yr un y mae'r ddyfais hon yn ei chadw mewn cwci, all weld y dudalen hon.
my-data-about-heading = Amdanoch chi
my-data-participant = Chi yw cyfranogwr rhif { $number }. Fe wnaethoch ymuno ar { $joined }.
my-data-no-groups = Ni wnaethoch ddweud pa grwpiau o bobl rydych yn perthyn iddynt.
my-data-change-groups = Newid y grwpiau rydych yn perthyn iddynt
my-data-nothing-else = Nid yw { -brand } yn gofyn am eich enw na'ch manylion cyswllt, ac nid yw'n cofnodi eich cyfeiriad rhyngrwyd na pha borwr rydych yn ei ddefnyddio.
my-data-change-heading = Newid pleidlais
my-data-change-lead = Wedi newid eich meddwl? Pleidleisiwch eto: mae'r canlyniadau'n cyfrif eich pleidlais fwyaf diweddar.
my-data-vote-now-html = Eich pleidlais nawr: <strong>{ $vote }</strong>
my-data-agree-instead = Cytuno yn lle hynny
my-data-disagree-instead = Anghytuno yn lle hynny
my-data-pass-instead = Pasio / Ansicr yn lle hynny
my-data-votes-heading = Eich pleidleisiau
my-data-votes-lead = { $count ->
        [one] Fe wnaethoch bleidleisio ar { $count } datganiad. Lle newidioch eich meddwl, mae pob pleidlais a fwriwyd gennych wedi'i rhestru; dim ond eich pleidlais ddiweddaraf ar bob datganiad y mae'r canlyniadau'n ei chyfrif.
       *[other] Fe wnaethoch bleidleisio ar { $count } datganiad. Lle newidioch eich meddwl, mae pob pleidlais a fwriwyd gennych wedi'i rhestru; dim ond eich pleidlais ddiweddaraf ar bob datganiad y mae'r canlyniadau'n ei chyfrif.
    }
my-data-votes-caption = Pob pleidlais a fwriwyd gennych, yr hynaf yn gyntaf
my-data-column-statement = Datganiad
my-data-column-vote = Eich pleidlais
my-data-column-when = Pryd
my-data-column-counted = Wedi'i chyfrif
my-data-column-status = Statws
my-data-counted-yes = Ydy
my-data-counted-no = Nac ydy, newidiwyd yn nes ymlaen
my-data-no-votes = Nid ydych wedi pleidleisio eto.
my-data-statements-heading = Datganiadau a ysgrifennwyd gennych
my-data-statements-lead = Mae pob datganiad a ysgrifennwyd gennych yn cyfrif fel eich cytundeb ag ef.
my-data-statements-caption = Datganiadau a ysgrifennwyd gennych, yr hynaf yn gyntaf
my-data-rejection-reason = Rheswm y cynullydd: { $reason }
my-data-no-statements = Nid ydych wedi ysgrifennu datganiad.
my-data-download-heading = Lawrlwytho eich data
my-data-download-lead = Ffeil gyda phopeth sydd ar y dudalen hon, yn JSON, fformat y gall rhaglenni eraill ei ddarllen.
my-data-download = Lawrlwytho eich data (ffeil JSON)
my-data-erase-lead = Gallwch gael gwared ar eich pleidleisiau a'ch datganiadau o'r drafodaeth hon unrhyw bryd, hyd yn oed ar ôl iddi gau. Bydd gofyn i chi gadarnhau yn gyntaf.
my-data-erase = Dileu fy nata…
vote-word-agree = Cytuno
vote-word-disagree = Anghytuno
vote-word-pass = Pasio / Ansicr
status-rejected = heb ei dderbyn
status-accepted = yn cael ei ddangos i eraill
status-pending-shown = yn cael ei ddangos i eraill; gall cynullydd ei adolygu o hyd
status-pending = yn aros am gynullydd

## Y grwpiau rydych yn perthyn iddynt

groups-title = Y grwpiau rydych yn perthyn iddynt · { $dialogue }
groups-heading = Y grwpiau rydych yn perthyn iddynt
groups-lead = Ticiwch bob grŵp sy'n eich disgrifio, neu ddim un. Caiff y canlyniadau eu hailgyfrifo gyda'ch dewis newydd ychydig eiliadau ar ôl i chi ei gadw.
groups-question = Pa rai o'r rhain sy'n eich disgrifio? Dewiswch unrhyw rai sy'n berthnasol, neu ddim un.
groups-save = Cadw'r grwpiau rydych yn perthyn iddynt
groups-error = Y grwpiau rydych yn perthyn iddynt: { $message }

## Dileu eich data

erase-title = Dileu eich data · { $dialogue }
erase-heading = Dileu eich data
erase-what-heading = Beth mae dileu yn ei wneud
erase-votes = { $count ->
        [zero] Does gennych ddim pleidleisiau i'w dileu. Mae'r canlyniadau'n aros fel y maent.
        [one] Caiff eich { $count } bleidlais ei dileu, gydag unrhyw bleidleisiau cynharach a newidioch. Bydd y canlyniadau'n peidio â'i chyfrif y tro nesaf y cânt eu hail-lunio, ychydig eiliadau yn ddiweddarach.
        [two] Caiff eich { $count } bleidlais eu dileu, gydag unrhyw bleidleisiau cynharach a newidioch. Bydd y canlyniadau'n peidio â'u cyfrif y tro nesaf y cânt eu hail-lunio, ychydig eiliadau yn ddiweddarach.
       *[other] Caiff eich { $count } pleidlais eu dileu, gydag unrhyw bleidleisiau cynharach a newidioch. Bydd y canlyniadau'n peidio â'u cyfrif y tro nesaf y cânt eu hail-lunio, ychydig eiliadau yn ddiweddarach.
    }
erase-statements = { $count ->
        [one] O'r { $count } datganiad a ysgrifennoch, caiff ei ddileu os nad oes neb arall wedi pleidleisio arno. Os yw eraill wedi pleidleisio arno, mae'n aros, oherwydd mae eu pleidleisiau yn ymwneud ag ef, ond ni fydd yn gysylltiedig â chi mwyach.
       *[other] O'r { $count } datganiad a ysgrifennoch, caiff y rhai nad oes neb arall wedi pleidleisio arnynt eu dileu. Mae'r rhai y mae eraill wedi pleidleisio arnynt yn aros, oherwydd mae eu pleidleisiau yn ymwneud â nhw, ond ni fyddant yn gysylltiedig â chi mwyach.
    }
erase-groups = Caiff y grwpiau o bobl y dywedoch eich bod yn perthyn iddynt eu hanghofio.
erase-key = Mae'r allwedd ar hap y mae'r porwr hwn yn ei chadw ar eich cyfer yn peidio â gweithio, yma ac ar unrhyw ddyfais arall y gwnaethoch ei chopïo iddi.
erase-cannot-undo = Ni ellir dadwneud hyn.
erase-join-again = Gallech ymuno â'r drafodaeth eto wedyn, fel cyfranogwr newydd.
erase-confirm = Rwy'n deall y bydd fy mhleidleisiau a'm datganiadau'n cael eu dileu am byth
erase-submit = Dileu fy nata
erase-keep = Na, cadw fy nata
erase-not-confirmed = Ticiwch y blwch i gadarnhau eich bod am i'ch data gael ei ddileu. Does dim wedi'i ddileu.
erase-form-expired = Mae'r ffurflen hon wedi dod i ben neu nid oedd yn dod o'r wefan hon. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.

## Ar ôl dileu

erased-title = Mae eich data wedi'i ddileu · { $dialogue }
erased-heading = Mae eich data wedi'i ddileu
erased-nothing-left = Nid yw { $dialogue } yn cadw dim sy'n gysylltiedig â chi mwyach, ac nid yw'r porwr hwn yn cadw eich allwedd ar hap mwyach.
erased-votes = { $count ->
        [zero] Dim pleidleisiau wedi'u dileu.
        [one] { $count } bleidlais wedi'i dileu. Bydd y canlyniadau'n peidio â'i chyfrif y tro nesaf y cânt eu hail-lunio, ymhen ychydig eiliadau.
        [two] { $count } bleidlais wedi'u dileu. Bydd y canlyniadau'n peidio â'u cyfrif y tro nesaf y cânt eu hail-lunio, ymhen ychydig eiliadau.
       *[other] { $count } pleidlais wedi'u dileu. Bydd y canlyniadau'n peidio â'u cyfrif y tro nesaf y cânt eu hail-lunio, ymhen ychydig eiliadau.
    }
erased-statements-removed = { $count } o'ch datganiadau wedi'u dileu.
erased-statements-unlinked = { $count } o'ch datganiadau wedi'u cadw ar gyfer y bobl a bleidleisiodd arnynt, heb fod yn gysylltiedig â chi mwyach.
erased-thanks = Diolch am gymryd rhan.
erased-back-html = <a href="{ $href }">Yn ôl i'r drafodaeth</a>, lle gallech ymuno eto fel cyfranogwr newydd.

## Rounds: the banner of a dialogue in its second round or later.
round-now = Rownd { $number }:
round-again = Gallwch bleidleisio eto ar bob datganiad. Mae eich pleidleisiau mewn rowndiau cynharach yn cael eu cadw.

text-refused-empty = Mae'n wag: ysgrifennwch rywbeth.
text-refused-too-long = Mae'n hwy na { $max } nod: byrhewch ef.
text-refused-control = Mae'n cynnwys nod rheoli cudd: tynnwch ef.
text-refused-direction = Mae'n cynnwys y marc cyfeiriad anweledig { $code }, a all guddio testun: tynnwch ef.
text-refused-invisible = Nid oes ynddo nod y gellir ei weld: dim ond bylchau, fformatio anweledig neu acenion heb lythyren.
