# Adroddiad y drafodaeth: tudalen y canlyniadau, dadansoddiad llawn datganiad, y map barn (a ddangosir
# hefyd ar dudalen y cyfranogwr ei hun), a'r dudalen a ddangosir pan fo adroddiad yn breifat. Gall
# negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

report-eyebrow = Canlyniadau
report-updated-html = Dadansoddiad ar <time datetime="{ $iso }">{ $when }</time>.
report-no-analysis = Dim dadansoddiad eto.
report-live-note = Mae'r dudalen hon yn diweddaru ohoni ei hun wrth i bleidleisiau gyrraedd.
report-live-updated = Mae'r canlyniadau wedi'u diweddaru gyda phleidleisiau newydd.
report-print = Argraffu'r adroddiad hwn
report-take-part = Cymryd rhan:
report-closed = Mae'r drafodaeth hon wedi cau.
report-figures-label = Cyfranogiad hyd yma
report-figure-participants = Cyfranogwyr
report-figure-voters = Wedi pleidleisio
report-figure-votes = Pleidleisiau
report-waiting-heading = Beth sydd ei angen ar yr adroddiad hwn
report-summary-heading = Crynodeb
report-weighting = Pwysoli: { $name }.
report-grid-heading = Pob datganiad, yn ôl grŵp ac etholaeth
report-grid-explain = Mae pob cell yn dangos y gyfran o'r grŵp neu'r etholaeth honno sy'n cytuno, fel rhif ac fel lliw. Pwyntiwch at gell neu rhowch ffocws arni i weld yr ystod debygol a'r cyfrifon; agorwch ddatganiad i weld ei ddadansoddiad llawn. Nid oes gan gell ddotiog ddigon o bleidleisiau i'w cyfrif eto.
report-grid-key = Allwedd y lliwiau
report-band-0 = Llai nag 20% yn cytuno
report-band-1 = 20–39%
report-band-2 = 40–59%
report-band-3 = 60–79%
report-band-4 = 80% neu fwy
report-band-thin = Rhy ychydig o bleidleisiau
report-grid-choices = Trefnu a hidlo'r datganiadau
report-grid-show = Dangos:
report-grid-sort = Trefnu:
report-grid-region = Datganiadau yn ôl grŵp ac etholaeth
report-grid-caption = Cytundeb â phob datganiad gan bawb, gan bob grŵp barn a chan bob etholaeth
report-grid-number = Rhif
report-statement = Datganiad
report-grid-sort-by = Trefnu yn ôl cytundeb: { $column }
report-statement-number = Datganiad { $number }:
report-by-participant = gan gyfranogwr
report-grid-pages = Tudalennau o ddatganiadau
report-grid-page = Tudalen:
report-map-heading = Map barn
report-map-explain = Mae pob dot yn gyfranogwr, neu'n ychydig o gyfranogwyr a bleidleisiodd yn yr un ffordd; mae pobl a bleidleisiodd yn debyg yn agos at ei gilydd. Grwpiau barn a ganfuwyd o'r pleidleisiau yw'r ardaloedd wedi'u harlliwio: mae gan bob un ei batrwm ei hun a label, felly nid oes angen lliw i wahaniaethu rhyngddynt. Nid oes ystyr i safle dot ar ei ben ei hun (nid yw'r chwith yn golygu “yn erbyn”); dim ond agosrwydd sy'n cyfrif. Mae'r tabl isod yn rhoi'r un wybodaeth.
report-map-empty = Bydd y map yn ymddangos unwaith y bydd digon o bobl wedi pleidleisio.
report-groups-caption = Grwpiau barn a'r hyn y mae pob un yn ei ddal yn arbennig
report-groups-group = Grŵp
report-groups-people = Pobl
report-groups-holds = Datganiadau y mae'r grŵp hwn yn eu dal yn fwy nag eraill
report-groups-holds-short = Yn dal
report-groups-nothing = Nid oes dim yn sefyll allan gyda digon o bleidleisiau eto.
report-groups-named = Mae pob grŵp wedi'i enwi ar ôl y datganiad y mae'n ei ddal yn fwyaf arbennig.
report-groups-named-rename-html = Mae pob grŵp wedi'i enwi ar ôl y datganiad y mae'n ei ddal yn fwyaf arbennig; <a href="{ $href }">gall cynullwyr ailenwi'r grwpiau</a>.
report-groups-none = Nid oes grwpiau barn yn cael eu dangos eto.
report-differences-heading = Gwahaniaethau
report-differences-explain = Mae gwneud gwahaniaethau'n eglur yr un mor bwysig â chanfod tir cyffredin. Datganiad ymrannol yw un lle mae pobl mewn un grŵp barn yn cytuno a phobl mewn grŵp arall yn anghytuno; y gwasgariad yw'r bwlch rhwng y grŵp sy'n cytuno fwyaf a'r grŵp sy'n cytuno leiaf.
report-divisive-heading = Datganiadau sy'n rhannu'r grwpiau
report-divisive-none = Nid oes yr un datganiad yn cael ei ddangos fel un ymrannol: nid oes gan yr un ohonynt eto bobl yn cytuno mewn un grŵp barn ac yn anghytuno mewn grŵp arall, gyda digon o bleidleisiau ym mhob un.
report-near-heading = Agosaf at dir cyffredin
report-near-none = Nid oes yr un datganiad y tu allan i'r tir cyffredin yn agos ato: mae gan bob un rhy ychydig o bleidleisiau yn rhywle, neu grŵp neu etholaeth o dan 40% o gytundeb.
report-lay-heading = Cyfranogwyr lleyg a phroffesiynol
report-lay-explain = Cyfranogwyr mewn etholaethau lleyg ({ $lay }) o gymharu â'r rhai mewn etholaethau proffesiynol ({ $professional }){ $both ->
        [0] {""}
       *[other] ; mae { $both } yn perthyn i'r ddau fath ac yn cyfrif ar y ddwy ochr
    }. Cytundeb pob ochr yw cyfartaledd ei hetholaethau, gyda phob etholaeth yn cael ei chyfrif unwaith. Mae bwlch sydd wedi'i nodi'n “glir” yn annhebygol o fod yn ddamwain, hyd yn oed ymhlith yr holl gymariaethau a ddangosir (cyfradd darganfyddiadau ffug 5%).
report-lay-caption = Lle mae cyfranogwyr lleyg a phroffesiynol yn cytuno ar gyfraddau gwahanol
report-lay-agree = Lleyg yn cytuno
report-professional-agree = Proffesiynol yn cytuno
report-gap = Bwlch
report-gap-clear = (clir)
report-lay-none = Dim bylchau rhwng cyfranogwyr lleyg a phroffesiynol eto.
report-gaps-heading = Lle mae etholaethau'n gwahaniaethu
report-gaps-caption = { $first } o gymharu â { $second }
report-gaps-agree = { $name } yn cytuno
report-voice-heading = Archwiliad lleisiau
report-voice-explain = Pwy sydd wedi cymryd rhan, o gymharu â'r gyfran o gyfranogwyr yr oedd y cynullwyr yn ei disgwyl o bob etholaeth. Caiff etholaeth ei nodi pan fo ganddi lai o gyfranogwyr na'r disgwyl, neu rhy ychydig i farnu ei safbwyntiau. Gall cyfranogwyr berthyn i sawl etholaeth, felly gall y cyfrannau adio i fwy na 100%.
report-voice-missing-html = <strong>Lleisiau sydd ar goll neu wedi'u tangynrychioli:</strong> { $names }.
report-voice-caption = Cyfranogiad yn ôl etholaeth ({ $participants } cyfranogwr, a { $voters } ohonynt wedi pleidleisio)
report-voice-constituency = Etholaeth
report-voice-share = Cyfran, o gymharu â'r disgwyl
report-voice-vote-share = Cyfran o'r pleidleisiau
report-voice-population = Cyfran o'r boblogaeth
report-voice-weight = Pwysau un cyfranogwr
report-voice-written = Datganiadau a ysgrifennwyd (tir cyffredin)
report-voice-flag = Rhybudd
report-none = dim
report-not-given = heb ei roi
report-voice-expected = , disgwyliwyd { $share }
report-flag-none = Dim
report-voice-no-constituencies = Nid oes gan y drafodaeth hon etholaethau, felly ni ellir cymharu'r cyfranogiad â'r hyn a ddisgwylid.
report-channels-heading = Yn ôl sianel
report-channels-explain = Mae pleidleisiau a roddir i mewn gan hwylusydd, mewn digwyddiad, dros y ffôn neu o gerdyn papur, yn cyfrif yn union fel pleidleisiau a fwrir ar-lein. Mae hyn yn dangos faint o'r drafodaeth y mae pob sianel yn ei chario, a lle mae ei chytundeb yn wahanol.
report-channels-caption = Cyfranogiad yn ôl sianel
report-channel = Sianel
report-channel-participant-share = Cyfran o'r cyfranogwyr
report-channels-statements-caption = Cytundeb yn ôl sianel, lle mae'n gwahaniaethu fwyaf
report-shifts-heading = Beth mae pwysau cyfartal yn ei newid
report-shifts-explain = Mae cyfrif pennau yn gadael i'r etholaeth fwyaf dra-arglwyddiaethu. Mae pwysau cyfartal yn cyfrif pob etholaeth unwaith, beth bynnag fo'i maint. Y datganiadau hyn sy'n symud fwyaf rhwng y ddwy ffordd o gyfrif; mae pob un yn dweud ar sawl etholaeth y mae ei bwysau cyfartal yn dibynnu, ac ni restrir yr un sy'n dibynnu ar un etholaeth yn unig.
report-shifts-caption = Cytundeb wedi'i gyfrif yn ôl pennau, a chyda phob etholaeth yn cael ei chyfrif unwaith
report-shifts-heads = Yn ôl pennau
report-shifts-equal = Pwysau cyfartal
report-change = Newid
report-shifts-none = Nid yw pwysoli cyfartal yn newid cytundeb yr un datganiad yn amlwg eto.
report-voice-next = Bydd yr archwiliad lleisiau'n ymddangos gyda'r dadansoddiad nesaf.
report-rounds-heading = Cymharu'r rowndiau
report-rounds-explain = Mae'r drafodaeth hon yn cael ei chynnal mewn rowndiau. Mae popeth arall yn yr adroddiad hwn yn ymwneud â'r rownd bresennol, { $later }. Yma caiff ei chymharu â { $earlier }: yr un datganiadau, yr un bobl lle gwnaethant bleidleisio eto, a grwpiau barn y rownd bresennol.
report-rounds-gained-heading = Tir cyffredin a enillwyd ac a gollwyd
report-rounds-gained = Tir cyffredin nawr, ond nid yn y rownd gynharach:
report-rounds-lost = Tir cyffredin yn y rownd gynharach, ond nid nawr:
report-rounds-same = Mae'r tir cyffredin yr un fath yn y ddwy rownd.
report-rounds-kept = { $count ->
        [zero] Nid oes yr un datganiad yn dir cyffredin yn y ddwy rownd.
        [one] Mae { $count } datganiad yn dir cyffredin yn y ddwy rownd.
       *[other] Mae { $count } datganiad yn dir cyffredin yn y ddwy rownd.
    }
report-rounds-caption = Cytundeb ym mhob rownd, lle newidiodd fwyaf
report-rounds-before = Cytuno o'r blaen
report-rounds-now = Cytuno nawr
report-rounds-moved = Wedi newid eu pleidlais
report-rounds-movement-caption = Pwy newidiodd eu pleidlais
report-rounds-who = Grŵp neu etholaeth
report-rounds-returning = Wedi pleidleisio yn y ddwy rownd
report-rounds-changed = Wedi newid o leiaf un bleidlais
report-confidence-heading = Pa mor sicr yw'r canlyniadau hyn
report-back-label = Yn ôl
report-back = Yn ôl i'r adroddiad ar { $title }
report-statement-eyebrow = Datganiad { $number }
report-written-by-participant = Ysgrifennwyd gan gyfranogwr
report-everyone = Pawb
report-by-group = Yn ôl grŵp barn
report-groups-counted-once = Pob grŵp wedi'i gyfrif unwaith: { $reading }.
report-by-constituency = Yn ôl etholaeth
report-constituencies-counted-once = Pob etholaeth wedi'i chyfrif unwaith: { $reading }.
report-no-constituencies = Nid oes gan y drafodaeth hon etholaethau.
report-bars-explain = Mae pob bar yn dangos y gyfran sy'n cytuno; mae'r llinell denau y tu mewn iddo yn dangos yr ystod y mae'r gyfran wirioneddol yn debygol o fod ynddi (cyfwng Jeffreys 95%), sy'n llydan pan mai ychydig o bobl sydd wedi pleidleisio. Mae'r cyfrifon yn rhoi'r pleidleisiau cytuno, anghytuno a phasio; nid yw pasio yr un peth ag anghytuno.
report-other-statements = Datganiadau eraill
report-previous-statement = Datganiad blaenorol
report-next-statement = Datganiad nesaf
report-bar-agree = { $rate } yn cytuno
report-bar-likely = ({ $range } yn ôl pob tebyg)
report-bar-no-votes = dim pleidleisiau eto
report-bar-too-few = ; rhy ychydig o bleidleisiau i'w cyfrif eto
report-private-heading = Mae'r adroddiad ar { $title } yn breifat
report-private-kept = Mae cynullwyr y drafodaeth hon yn cadw ei hadroddiad iddyn nhw eu hunain. Gall cynullwyr y bartneriaeth ei ddarllen, a hefyd, pan fydd y cynullwyr yn ei rannu, y bobl sy'n siarad ar ran y sefydliadau partner.
report-private-kept-running = Mae cynullwyr y drafodaeth hon yn cadw ei hadroddiad iddyn nhw eu hunain tra bo'r drafodaeth yn mynd rhagddi. Gall cynullwyr y bartneriaeth ei ddarllen, a hefyd, pan fydd y cynullwyr yn ei rannu, y bobl sy'n siarad ar ran y sefydliadau partner.
report-private-ask = Os gwnaethoch gymryd rhan, neu os ydych yn gweithio gydag un o'r partneriaid, gofynnwch i'r person a'ch gwahoddodd i rannu'r canlyniadau: gallant wneud yr adroddiad yn gyhoeddus neu anfon yr hyn a ganfuwyd atoch.
report-private-take-part = Cymryd rhan yn y drafodaeth
report-private-signed-in = Rydych wedi mewngofnodi, ond nid yw eich cyfrif ymhlith y rhai y rhennir yr adroddiad hwn â nhw.
report-private-sign-in-html = Ydych chi'n un o gynullwyr y drafodaeth hon? <a href="{ $href }">Mewngofnodwch i ddarllen yr adroddiad</a>.
report-download-heading = Lawrlwytho
report-download-pdf = Yr adroddiad fel PDF
report-download-map = Y map barn fel sleid (PNG, 1600×900)
report-download-grid = Y datganiadau yn ôl grŵp ac etholaeth fel sleid (PNG, 1600×900)
opinion-map-dot = { $count ->
        [one] { $count } person
       *[other] { $count } o bobl a bleidleisiodd yn debyg
    }
opinion-map-dot-in-group = { $count ->
        [one] { $count } person, { $group }
       *[other] { $count } o bobl a bleidleisiodd yn debyg, { $group }
    }
opinion-map-you-marked = Rydych chi wedi'ch marcio â diemwnt mewn cylch toredig, gyda'r label “Chi”.
opinion-map-legend-label = Grwpiau ar y map
opinion-map-legend-group = { $name }: { $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    }
opinion-map-statements-show = Dangos y datganiadau ar y map
opinion-map-statements-explain = Mae pob label â rhif yn dangos i ba gyfeiriad y mae'r bobl sy'n cytuno â'r datganiad hwnnw yn gwyro. Mae datganiadau'n cadw'r un rhif drwy'r adroddiad cyfan.
report-title = Adroddiad · { $title }
report-statement-title = Datganiad { $number } · { $title }
report-no-such-statement = Nid oes gan yr adroddiad hwn ddatganiad { $number }: efallai ei fod yn newydd ers y dadansoddiad diwethaf, neu nad yw yn y drafodaeth hon. Ewch yn ôl i'r adroddiad i weld pob datganiad.
report-minimums = Dim ond pan fo gan bob grŵp neu etholaeth dan sylw o leiaf 5 pleidlais ar ddatganiad (cytuno, anghytuno neu basio), a phan fo o leiaf 3 o bobl ym mhob grŵp dan sylw, y gelwir y datganiad yn nodweddiadol o grŵp, yn ymrannol neu'n agos at dir cyffredin. Nid yw pasio byth yn cael ei gyfrif fel anghytuno: mae gan ddatganiad ymrannol bobl yn cytuno ar un ochr a phobl yn anghytuno ar yr ochr arall.
report-groups-rule = Dangosir grwpiau barn unwaith y bydd o leiaf 10 cyfranogwr wedi pleidleisio ar ddigon o ddatganiadau i gael eu gosod ar y map, a'r pleidleisiau'n eu rhannu'n o leiaf ddau grŵp o 3 o bobl neu fwy.
report-groups-not-yet = Nid yw grwpiau barn yn cael eu dangos eto: { $placed ->
        [zero] nid oes yr un cyfranogwr wedi'i osod ar y map hyd yma,
        [one] mae { $placed } cyfranogwr wedi'i osod ar y map hyd yma,
       *[other] mae { $placed } cyfranogwr wedi'u gosod ar y map hyd yma,
    } { $groups ->
        [0] ac nid yw'r pleidleisiau'n eu rhannu'n grwpiau eto.
        [1] ac nid yw'r pleidleisiau'n eu rhannu'n grwpiau eto.
       *[other] ac nid yw'r pleidleisiau'n eu rhannu'n ddau grŵp o 3 neu fwy eto.
    }
report-waiting-no-votes = Nid oes neb wedi pleidleisio eto, felly nid oes dim i'w adrodd.
report-waiting-needs = Mae angen pleidleisiau ar yr adroddiad: rhannwch y ddolen gyfranogi isod. Mae'r crynodeb a'r grid yn ymddangos ychydig eiliadau ar ôl y pleidleisiau cyntaf; y grwpiau barn unwaith y bydd o leiaf 10 o bobl wedi pleidleisio ar sawl datganiad yr un; a'r tir cyffredin unwaith y bydd gan bob grŵp ac etholaeth o leiaf ychydig o bleidleisiau ar ddatganiad.
report-waiting-computing = Mae'r dadansoddiad cyntaf yn cael ei gyfrifo; bydd y dudalen hon yn diweddaru ohoni ei hun pan fydd yn barod.
report-verdict-common = Tir cyffredin
report-verdict-divided = Rhanedig
report-verdict-not-shared = Heb ei rannu ar draws y grwpiau
report-verdict-out = Wedi'i dynnu wrth gymedroli
report-verdict-short = Angen rhagor o bleidleisiau
report-show-all = Pob datganiad
report-sort-rank = Tir cyffredin yn gyntaf
report-sort-divided = Mwyaf rhanedig yn gyntaf
report-sort-overall = Mwyaf o gytundeb gan bawb
report-sort-number = Yn ôl rhif
report-order-rank = tir cyffredin yn gyntaf
report-order-number = yn ôl rhif
report-order-divided = mwyaf rhanedig yn gyntaf
report-order-column = yn ôl cytundeb ({ $column }), yr uchaf yn gyntaf
report-showing-none = Nid oes yr un datganiad yn cyfateb i'r hidlydd hwn.
report-showing = Yn dangos { $first }–{ $last } o { $total } datganiad, { $order }.
report-group-letter = Grŵp { $letter }
report-counts = { $agree } yn cytuno, { $disagree } yn anghytuno, { $pass } yn pasio
report-cell-no-votes = { $label }: dim pleidleisiau eto
report-cell = { $label }: { $rate } yn cytuno{ $likely }; { $counts }{ $enough ->
        [yes] {""}
       *[no] ; rhy ychydig o bleidleisiau i'w cyfrif eto
    }
report-cell-likely = , { $range } yn ôl pob tebyg
report-nobody-agrees = Does neb yn cytuno
report-of = { $part } o { $whole }
report-no-votes = dim pleidleisiau
report-points = { $sign }{ $points } pwynt
report-equal-weight-reading = { $rate } yn cytuno, yn seiliedig ar { $counted } o { $of ->
        [groups] { $total } grŵp â phleidleisiau
       *[constituencies] { $total } etholaeth â phleidleisiau
    }
report-rests-on = yn seiliedig ar { $counted } o { $of ->
        [groups] { $total } grŵp â phleidleisiau
       *[constituencies] { $total } etholaeth â phleidleisiau
    }
report-head-count-note = Yn ôl cyfrif pennau: { $head } o bawb yn cytuno ({ $weighted } wedi'i bwysoli){ $verdict ->
        [common] , a byddai'n dir cyffredin
        [not-common] , ac ni fyddai'n dir cyffredin
       *[same] {""}
    }.
report-flag-missing = Ar goll: nid oes neb o'r etholaeth hon wedi cymryd rhan
report-flag-too-few = Rhy ychydig o gyfranogwyr i farnu safbwyntiau'r etholaeth hon
report-flag-below-expected = Llai na'r disgwyl
report-flag-thin = Yn dibynnu ar lai na 5 o bobl, pob un â phwysau mawr
report-flag-trimmed = Cyfran o'r boblogaeth wedi'i thocio i 5 gwaith ei chyfran gyfartal
report-unaffiliated = { $count ->
        [0] Dewisodd pob cyfranogwr etholaeth.
        [one] Ni ddewisodd { $count } cyfranogwr etholaeth.
       *[other] Ni ddewisodd { $count } cyfranogwr etholaeth.
    }
report-channel-online = Ar-lein
report-channel-facilitated = Gyda hwylusydd
report-channel-paper = Papur
report-map-note-share = { $group } { $with } ({ $without } heb y gormodedd)
report-map-note = Mae'r map barn wedi'i lunio yn ôl cyfrif pennau, fel y mae Pol.is yn ei lunio, ac mae'n pwyso ar niferoedd { $largest }: o'u gostwng i'w chyfran gyfartal, mae cyfrannau'r grwpiau'n symud hyd at { $points } pwynt ({ $shares }).
report-weighting-head-count = cyfrif pennau
report-weighting-head-count-explained = Mae pob cyfranogwr yn cyfrif unwaith.
report-weighting-equal = pwysau cyfartal
report-weighting-equal-explained = Mae cyfranogwyr pob etholaeth gyda'i gilydd yn pwyso'r un faint, ac felly hefyd y rhai nad ydynt mewn unrhyw etholaeth, fel na all etholaeth sy'n dod allan yn ei niferoedd drechu'r lleill.
report-weighting-frame = ffrâm poblogaeth
report-weighting-frame-explained = Mae etholaethau'n pwyso yn ôl eu cyfrannau o'r boblogaeth a roddodd y cynullwyr.
report-weighting-head-count-common = Yn ôl cyfrif pennau, byddai { $head } datganiad yn dir cyffredin; gyda'r pwysoli hwn, { $weighted }.
report-design-effect = Effaith dyluniad { $effect }: mae'r canlyniadau wedi'u pwysoli mor fanwl gywir â chanlyniadau { $voters } cyfranogwr heb bwysoli.
report-near-detail = { $overall }; { $lowest } yw'r cytundeb isaf ymhlith { $voted ->
        [one] yr unig grŵp neu etholaeth
       *[other] { $voted } grŵp ac etholaeth
    } â phleidleisiau.
report-divisive-sides = { $agree } o { $agreeing } yn cytuno ({ $agreed } o { $votes } pleidlais); { $disagree } o { $disagreeing } yn anghytuno ({ $disagreed } o { $their-votes } pleidlais).
report-divisive-detail = { $points } pwynt rhyngddynt, yn seiliedig ar { $counted } o { $total } grŵp.
report-people = { $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    }
report-agree-overall = { $rate } o bawb yn cytuno
report-summary-who = Pwy gymerodd ran
report-summary-took-part = Cymerodd { $participants ->
        [one] { $participants } person
       *[other] { $participants } o bobl
    } ran a phleidleisiodd { $voters }, gan fwrw { $votes } pleidlais ar { $statements } datganiad{ $left-out ->
        [0] {""}
       *[other] {" "}(ni chyfrifir yma { $left-out } datganiad a wrthodwyd wrth gymedroli, sy'n aros i gael eu cymedroli, neu nad oes neb wedi pleidleisio arnynt eto)
    }.
report-summary-by-constituency = Yn ôl etholaeth (mae gan { $with-people } o'r { $constituencies } etholaeth bobl): { $parts }{ $none ->
        [0] {""}
       *[other] ; ni ddewisodd { $none } yr un
    }.
report-summary-basis = { $groups ->
        [0] { $constituencies ->
            [0] pawb a bleidleisiodd, gan nad oes modd gwahaniaethu rhwng grwpiau nac etholaethau eto
           *[other] { $constituencies } etholaeth â phleidleisiau
        }
       *[other] { $groups } grŵp barn{ $constituencies ->
            [0] {""}
           *[other] {" "}a { $constituencies } etholaeth â phleidleisiau
        }
    }
report-summary-common = Mae { $common } o'r { $statements } datganiad y pleidleisiwyd arnynt yn dir cyffredin, sef bod mwyafrif clir yn cytuno ym mhob un o'r canlynol, a phob un yn cyfrif yn gyfartal: { $basis }.
report-summary-none-common = Nid oes dim yn dir cyffredin: mae gan { $divided } o'r { $statements } datganiad y pleidleisiwyd arnynt o leiaf un grŵp neu etholaeth (o blith: { $basis }) nad yw'n cytuno'n glir{ $short ->
        [0] {""}
       *[other] , ac mae angen rhagor o bleidleisiau ar { $short } o hyd
    }.
report-summary-none-common-yet = Nid oes dim yn dir cyffredin eto: mae angen rhagor o bleidleisiau ar { $short } o'r { $statements } datganiad y pleidleisiwyd arnynt. Daw datganiad yn dir cyffredin pan fydd mwyafrif clir yn cytuno ym mhob grŵp barn a phob etholaeth, gydag o leiaf ychydig o bleidleisiau arno gan bob un.
report-summary-strongest = Rhestrir y { $named } cryfaf; mae'r grid isod yn dangos pob un.
report-summary-common-heading = Beth sy'n dir cyffredin
report-summary-no-groups = Nid yw grwpiau barn yn cael eu dangos eto, felly nid oes yr un datganiad yn cael ei alw'n ymrannol.
report-summary-none-divides = Nid oes yr un datganiad yn rhannu'r { $groups } grŵp barn yn glir: nid oes gan yr un ohonynt bobl yn cytuno mewn un grŵp ac yn anghytuno mewn grŵp arall, gydag o leiaf 5 pleidlais ym mhob un.
report-summary-groups = Mae'r pleidleisiau'n ffurfio { $groups } grŵp barn: { $names }.
report-summary-divide-most = { $count ->
        [one] Y datganiad hwn sy'n eu rhannu fwyaf:
       *[other] Y datganiadau hyn sy'n eu rhannu fwyaf:
    }
report-summary-clearest-gap = Y bwlch cliriaf rhwng etholaethau: ar ddatganiad { $number }, mae { $first-rate } o { $first } yn cytuno a { $second-rate } o { $second } ({ $points } pwynt).
report-summary-divide-heading = Lle mae barn pobl yn rhannu
report-summary-no-constituencies = Nid oes gan y drafodaeth hon etholaethau, felly ni ellir barnu llais pwy sydd ar goll.
report-summary-under-share = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    }, { $share } o'r cyfranogwyr, o gymharu â { $expected } a ddisgwylid)
report-summary-under = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    })
report-summary-absent = Nid oes neb o { $names } wedi cymryd rhan.
report-summary-under-represented = Wedi'u tangynrychioli: { $names }.
report-summary-all-present = { $count ->
        [one] Mae'r unig etholaeth wedi cymryd rhan ar tua'r gyfran a ddisgwylid neu fwy.
       *[other] Mae pob un o'r { $count } etholaeth wedi cymryd rhan ar tua'r gyfran a ddisgwylid neu fwy.
    }
report-summary-missing-heading = Llais pwy sydd ar goll
report-holding = { $part } o { $whole } ({ $share }) { $side ->
        [agree] yn cytuno
       *[disagree] yn anghytuno
    }
opinion-map-you = Chi
opinion-map-describe-no-groups = Map barn o { $people ->
        [one] { $people } person
       *[other] { $people } o bobl
    } heb grwpiau barn eto.
opinion-map-describe-group = { $name } ({ $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    })
opinion-map-describe = Map barn gyda { $groups } grŵp barn: { $listed }. Mae pobl a bleidleisiodd yn debyg wedi'u gosod yn agos at ei gilydd.
opinion-map-describe-you-in = Rydych chi yn { $name }.
opinion-map-describe-you-no-group = Rydych chi ar y map, ond nid ydych mewn grŵp eto.
report-group-derived = { $side ->
        [agree] o blaid
       *[disagree] yn erbyn
    } “{ $statement }”
report-group-described = { $name }: { $description }
report-rounds-not-comparable = dim modd cymharu
report-rounds-no-change = dim newid
report-round-name = Rownd { $number }
report-round-name-labelled = Rownd { $number }, { $label }
report-rounds-voters = Pleidleisiodd { $earlier-voters ->
        [one] { $earlier-voters } person
       *[other] { $earlier-voters } o bobl
    } yn rownd { $earlier } a { $later-voters ->
        [one] { $later-voters } person
       *[other] { $later-voters } o bobl
    } yn rownd { $later }. Pleidleisiodd { $returning ->
        [one] { $returning } person
       *[other] { $returning } o bobl
    } ar yr un datganiadau yn y ddwy rownd, a newidiodd { $moved } ohonynt o leiaf un bleidlais.
report-rounds-kind-group = Grŵp barn
report-rounds-kind-constituency = Etholaeth
report-reason-out = Wedi'i dynnu wrth gymedroli: nid yw'n rhan o'r dadansoddiad.
report-reason-nothing-to-compare = Nid yw'n dir cyffredin: nid oes grwpiau barn nac etholaethau i'w cymharu eto.
report-reason-too-few = Rhy ychydig o bleidleisiau: mae angen { $needed ->
        [one] { $needed } bleidlais arall
        [two] { $needed } bleidlais arall
       *[other] { $needed } pleidlais arall
    } ar { $unit }.
report-reason-divided = Rhanedig: yn { $unit }, mae { $rate } yn cytuno ({ $counts }), nad yw'n fwyafrif clir.
report-reason-divided-unknown = Rhanedig: nid yw { $unit } yn cytuno'n glir.
report-reason-voted = { $voted } wedi pleidleisio
report-reason-other = { $unit } ({ $rate })
report-reason-also = Hefyd: { $names }.
report-reason-provisional = Dros dro: mae { $range } yn cytuno hyd yma; nid oes digon o bleidleisiau eto yn { $names }.
report-reason-negative-bridging = Nid yw'n dir cyffredin: mae cytundeb ym mhob grŵp ac etholaeth, ond mae'r sgôr pontio yn negyddol ({ $intercept }).
report-reason-common = Mae { $range } yn cytuno mewn { $places }.
report-reason-thin = Rhy ychydig o bleidleisiau eto yn { $names }.
report-coverage = { $whole ->
        [all] { $total ->
            [one] { $total } { $kind ->
                [groups] grŵp
               *[constituencies] etholaeth
            } (yr unig un)
           *[other] { $total } o { $total } { $kind ->
                [groups] grŵp
               *[constituencies] etholaeth
            }
        }
       *[some] { $counted } o { $total } { $kind ->
            [groups] grŵp
           *[constituencies] etholaeth
        }
    }
report-list-and = { $rest } a { $last }
report-list-more = { $shown } a { $more } arall
report-notice-unaffiliated = y rhai heb etholaeth
report-notice-no-votes = Nid oes pleidleisiau i'w dadansoddi.
report-notice-fewer-components = { $found ->
        [zero] Nid yw'r pleidleisiau'n amrywio i unrhyw gyfeiriad, felly mae gan y map barn lai na dwy echelin.
        [one] Dim ond i { $found } cyfeiriad y mae'r pleidleisiau'n amrywio, felly mae gan y map barn lai na dwy echelin.
       *[other] Dim ond i { $found } cyfeiriad y mae'r pleidleisiau'n amrywio, felly mae gan y map barn lai na dwy echelin.
    }
report-notice-not-converged = Ni chydgyfeiriodd y prif gydrannau o fewn { $iterations } cylch cyfrifo.
report-notice-fewer-groups = { $groups ->
        [one] Dim ond { $groups } grŵp barn y gellid ei ffurfio o'r { $clustered } cyfranogwr a glystyrwyd.
       *[other] Dim ond { $groups } grŵp barn y gellid eu ffurfio o'r { $clustered } cyfranogwr a glystyrwyd.
    }
report-notice-smoothed-groups = Nid oedd modd ffurfio'r nifer blaenorol o grwpiau ({ $asked }); defnyddiwyd { $used } grŵp.
report-notice-no-groups = Nid oes grwpiau barn, felly mae'r tir cyffredin yn dibynnu ar yr etholaethau yn unig.
report-notice-no-constituencies = Ni roddwyd etholaethau, felly mae'r tir cyffredin yn dibynnu ar y grwpiau barn yn unig.
report-notice-group-out-of-range = { $rows ->
        [one] Roedd gan { $rows } cyfranogwr grŵp nad yw'r dadansoddiad tir cyffredin yn ei adnabod, felly cafodd ei adael heb grŵp.
       *[other] Roedd gan { $rows } cyfranogwr grŵp nad yw'r dadansoddiad tir cyffredin yn ei adnabod, felly cawsant eu gadael heb grŵp.
    }
report-notice-unknown-constituency = { $entries ->
        [one] Nid oedd { $entries } aelodaeth yn enwi etholaeth hysbys, felly fe'i hanwybyddwyd.
       *[other] Nid oedd { $entries } aelodaeth yn enwi etholaeth hysbys, felly fe'u hanwybyddwyd.
    }
report-notice-statements-without-info = { $statements ->
        [one] Roedd gan { $statements } datganiad bleidleisiau ond dim disgrifiad, felly cafodd ei drin fel pe na bai wedi'i gymedroli.
       *[other] Roedd gan { $statements } datganiad bleidleisiau ond dim disgrifiad, felly cawsant eu trin fel pe na baent wedi'u cymedroli.
    }
report-notice-setting-replaced = Roedd y gosodiad { $field } y tu allan i'r ystod a ganiateir, felly defnyddiwyd ei werth diofyn.
report-notice-thinly-carried = Mae cytundeb { $name } yn dibynnu ar lai na 5 pleidleisiwr, a phob un yn pwyso o leiaf ddwywaith y cyfartaledd: ychydig iawn o bobl sydd y tu ôl iddo.
report-notice-share-trimmed = Cafodd cyfran { $name } o'r boblogaeth ei thocio fel nad yw'n fwy na 5 gwaith ei chyfran gyfartal.
report-notice-map-leans = Mae'r map barn wedi'i lunio yn ôl cyfrif pennau, ac mae cyfran un o'r grwpiau barn yn symud { $points } pwynt heb y gormodedd yn niferoedd { $name }: mae'r map yn pwyso ar yr etholaeth honno.
