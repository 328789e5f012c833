# Tudalennau'r cyfranogwr ar gyfer rhestr flaenoriaethau: ymuno, cymharu dau opsiwn ar y tro,
# ychwanegu opsiwn, "Eich data" a'i ddileu. Mae'r negeseuon a rennir â thudalennau'r drafodaeth
# yn participant.ftl.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

## A rennir gan sawl tudalen

priority-closed-heading = Mae'r rhestr flaenoriaethau hon wedi cau
priority-results-link = Gweld y canlyniadau
priority-your-data-link = Eich data: gweld, lawrlwytho neu ddileu'r hyn y mae'r rhestr hon yn ei gadw amdanoch
priority-or = neu
priority-progress-none = Nid ydych wedi cymharu pâr eto.
priority-form-expired = Mae'r ffurflen hon wedi dod i ben neu nid oedd yn dod o'r wefan hon. Ni chofnodwyd dim. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.

## Ymuno

priority-join-step-pairs = Rydych yn gweld dau opsiwn ar y tro.
priority-join-step-choose-html = Dewiswch yr un y dylai'r bartneriaeth ei wneud yn gyntaf, neu dywedwch <strong>na allwch benderfynu</strong>.
priority-join-step-any = Atebwch gynifer o barau ag y dymunwch: mae pob ateb yn cyfrif, a gallwch stopio unrhyw bryd.
priority-join-step-add = Os oes rhywbeth ar goll, gallwch ychwanegu opsiwn eich hun.
priority-join-step-equal = Mae pob grŵp o bobl yn cyfrif yn gyfartal yn y canlyniadau, waeth faint o bob un sy'n cymryd rhan.
priority-join-start = Dechrau cymharu
priority-join-closed-text = Nid yw'n derbyn cyfranogwyr, opsiynau na chymariaethau newydd mwyach. Diolch i bawb a gymerodd ran.

## Cymharu

priority-compare-title = Cymharu · { $list }
priority-progress = { $count ->
        [one] Rydych wedi cymharu { $count } pâr.
        [two] Rydych wedi cymharu { $count } bâr.
       *[other] Rydych wedi cymharu { $count } pâr.
    }
priority-closed-compare-text = Nid yw'n derbyn cymariaethau mwyach. Diolch am gymryd rhan.
priority-pair-heading = Dewiswch yr un i'w wneud yn gyntaf
priority-undecided-legend = Methu penderfynu? Dywedwch pam os hoffech chi
priority-reason-equal = Mae'r ddau yr un mor bwysig
priority-reason-unknown = Nid wyf yn gwybod digon
priority-undecided = Methu penderfynu
priority-keyboard-hint = Bysellfwrdd: pwyswch 1 neu ← ar gyfer yr opsiwn cyntaf, 2 neu → ar gyfer yr ail, 0 neu N ar gyfer “Methu penderfynu”.
priority-done-heading = Rydych wedi cymharu pob pâr
priority-done-text = Diolch: mae gan bob pâr o opsiynau y gellir eu dangos i chi eich ateb. Gall opsiynau a ychwanegir yn nes ymlaen ddod â pharau newydd, felly gallech ddod yn ôl.
priority-notice-recorded = Mae eich dewis wedi'i gofnodi.
priority-notice-replayed = Roedd y dewis hwnnw wedi'i gofnodi eisoes; mae'n cyfrif unwaith.
priority-notice-already = Roeddech wedi ateb y pâr hwnnw eisoes, felly mae eich ateb cyntaf yn sefyll. Dyma bâr arall.
priority-missing-options = Nid oedd y dewis yn dweud pa ddau opsiwn y mae'n ymwneud â nhw. Ni chofnodwyd dim.
priority-missing-choice = Dewiswch un o'r ddau opsiwn, neu “Methu penderfynu”. Ni chofnodwyd dim.
priority-unknown-reason = Nid yw'r rheswm dros “Methu penderfynu” yn un y mae'r dudalen hon yn ei gynnig. Ni chofnodwyd dim.
priority-too-fast = Rydych yn dewis yn gyflymach nag y mae'r rhestr hon yn ei ganiatáu, felly ni chofnodwyd y dewis hwnnw. Arhoswch { $wait } a dewiswch eto: mae'r un pâr isod.
priority-closed-late = Caeodd y rhestr flaenoriaethau hon cyn i'ch dewis gyrraedd, felly ni chafodd ei gofnodi. Diolch am gymryd rhan: mae dolen i'r canlyniadau isod.
priority-not-in-list = Nid yw un o'r opsiynau yn y rhestr flaenoriaethau hon. Ni chofnodwyd dim. Ewch yn ôl i'r rhestr a dewiswch eto.

## Ychwanegu opsiwn

priority-add-heading = Oes rhywbeth ar goll?
priority-add-lead = Ychwanegwch opsiwn i bawb ei gymharu. Ni chaiff opsiynau sy'n dweud yr un peth ag un sydd yn y rhestr eisoes eu hychwanegu ddwywaith.
priority-add-lead-moderated = Ychwanegwch opsiwn i bawb ei gymharu. Mae cynullydd yn gwirio pob opsiwn cyn iddo gael ei ddangos i eraill. Ni chaiff opsiynau sy'n dweud yr un peth ag un sydd yn y rhestr eisoes eu hychwanegu ddwywaith.
priority-option-label = Eich opsiwn
priority-option-hint = Hyd at { $max } nod, un peth y gallai'r bartneriaeth ei wneud.
priority-option-submit = Ychwanegu'r opsiwn hwn
priority-option-error = Eich opsiwn: { $message }
priority-option-too-fast = Rydych yn ychwanegu opsiynau'n gyflymach nag y mae'r rhestr hon yn ei ganiatáu. Mae eich testun wedi'i gadw isod: arhoswch { $wait } a'i anfon eto.
priority-option-duplicate = Mae gan y rhestr hon opsiwn sy'n dweud yr un peth eisoes. Cymharwch ef pan ddaw i fyny, neu awgrymwch rywbeth gwahanol.
priority-option-limit = Rydych wedi ychwanegu cymaint o opsiynau ag y caiff un person ({ $limit }). Diolch: cymharwch opsiynau pobl eraill nawr.
priority-option-disabled = Nid yw'r rhestr hon yn derbyn opsiynau gan gyfranogwyr.
priority-option-closed = Mae'r rhestr flaenoriaethau hon wedi cau, felly nid yw'n derbyn rhagor o opsiynau.
priority-notice-option-added = Diolch. Mae eich opsiwn wedi'i ychwanegu, a bydd gofyn i eraill amdano.
priority-notice-option-pending = Diolch. Bydd eich opsiwn yn cael ei gymharu unwaith y bydd cynullydd wedi'i dderbyn. Gallwch weld ble mae'n sefyll isod ac ar “Eich data”.
priority-mine-heading = Opsiynau a ychwanegwyd gennych
priority-status-rejected = heb ei dderbyn
priority-status-accepted = yn cael ei gymharu
priority-status-pending-shown = yn cael ei gymharu; gall cynullydd ei adolygu o hyd
priority-status-pending = yn aros am gynullydd

## Eich data

priority-my-data-title = Eich data · { $list }
priority-my-data-lead = Dyma bopeth y mae'r rhestr flaenoriaethau hon yn ei gadw amdanoch. Dim ond porwr sy'n dal eich allwedd ar hap, yr un y mae'r ddyfais hon yn ei chadw mewn cwci, all weld y dudalen hon.
priority-my-data-linked = Fe wnaethoch gysylltu eich rhan yn nhrafodaeth y bartneriaeth, felly gall y canlyniadau ddarllen eich grŵp barn yno.
priority-comparisons-heading = Eich cymariaethau
priority-comparisons-count = { $count ->
        [one] Fe wnaethoch gymharu { $count } pâr.
        [two] Fe wnaethoch gymharu { $count } bâr.
       *[other] Fe wnaethoch gymharu { $count } pâr.
    }
priority-comparisons-caption = Pob pâr a gymharwyd gennych, yr hynaf yn gyntaf
priority-column-pair = Pâr
priority-column-answer = Eich ateb
priority-answer-first = “{ $option }” yn gyntaf
priority-answer-undecided = Methu penderfynu
priority-answer-equal = Methu penderfynu: mae'r ddau yr un mor bwysig
priority-answer-unknown = Methu penderfynu: nid wyf yn gwybod digon
priority-no-options = Nid ydych wedi ychwanegu opsiwn.
priority-my-data-erase-lead = Gallwch gael gwared ar eich cymariaethau a'ch opsiynau o'r rhestr hon unrhyw bryd, hyd yn oed ar ôl iddi gau. Bydd gofyn i chi gadarnhau yn gyntaf.
priority-back-to-comparing = Yn ôl i gymharu

## Dileu eich data

priority-erase-title = Dileu eich data · { $list }
priority-erase-comparisons = { $count ->
        [zero] Does gennych ddim cymariaethau i'w dileu.
        [one] Caiff eich { $count } gymhariaeth ei dileu, a bydd y canlyniadau'n peidio â'i chyfrif.
        [two] Caiff eich { $count } gymhariaeth eu dileu, a bydd y canlyniadau'n peidio â'u cyfrif.
       *[other] Caiff eich { $count } cymhariaeth eu dileu, a bydd y canlyniadau'n peidio â'u cyfrif.
    }
priority-erase-options = { $count ->
        [one] Os nad oes neb arall wedi cymharu'r opsiwn a ychwanegoch, caiff ei ddileu. Os oes eraill wedi'i gymharu, mae'n aros, oherwydd mae eu hatebion yn ymwneud ag ef, ond ni fydd yn gysylltiedig â chi mwyach.
       *[other] O'r { $count } opsiwn a ychwanegoch, caiff y rhai nad oes neb arall wedi'u cymharu eu dileu. Mae'r rhai y mae eraill wedi'u cymharu yn aros, oherwydd mae eu hatebion yn ymwneud â nhw, ond ni fyddant yn gysylltiedig â chi mwyach.
    }
priority-erase-join-again = Gallech ymuno â'r rhestr eto wedyn, fel cyfranogwr newydd.
priority-erase-confirm = Rwy'n deall y bydd fy nghymariaethau a'm hopsiynau'n cael eu dileu am byth

## Ar ôl dileu

priority-erased-title = Mae eich data wedi'i ddileu · { $list }
priority-erased-comparisons = { $count ->
        [zero] Dim cymariaethau wedi'u dileu.
        [one] { $count } gymhariaeth wedi'i dileu; nid yw'r canlyniadau'n ei chyfrif mwyach.
        [two] { $count } gymhariaeth wedi'u dileu; nid yw'r canlyniadau'n eu cyfrif mwyach.
       *[other] { $count } cymhariaeth wedi'u dileu; nid yw'r canlyniadau'n eu cyfrif mwyach.
    }
priority-erased-options-removed = { $count } o'ch opsiynau wedi'u dileu.
priority-erased-options-unlinked = { $count } o'ch opsiynau wedi'u cadw ar gyfer y bobl a'u cymharodd, heb fod yn gysylltiedig â chi mwyach.
priority-erased-back-html = <a href="{ $href }">Yn ôl i'r rhestr</a>, lle gallech ymuno eto fel cyfranogwr newydd.

## Y canlyniadau, y caiff unrhyw un eu darllen

priority-results-title = Canlyniadau · { $list }
priority-results-eyebrow = Canlyniadau
priority-results-eyebrow-open = Canlyniadau hyd yma
priority-results-empty-heading = Dim cymariaethau eto
priority-results-empty = Nid oes neb wedi cymharu dau opsiwn o'r rhestr hon eto. Unwaith y bydd pobl yn dechrau cymharu, bydd y dudalen hon yn dangos pa opsiynau yr hoffent i'r bartneriaeth eu gwneud yn gyntaf, yn gyffredinol ac ar gyfer pob grŵp o bobl, a pha mor sicr yw'r drefn honno.
priority-results-empty-waiting = { $count ->
        [one] Nid oes neb wedi cymharu dau opsiwn o'r rhestr hon eto; mae { $count } opsiwn yn aros. Unwaith y bydd pobl yn dechrau cymharu, bydd y dudalen hon yn dangos pa opsiynau yr hoffent i'r bartneriaeth eu gwneud yn gyntaf, yn gyffredinol ac ar gyfer pob grŵp o bobl, a pha mor sicr yw'r drefn honno.
       *[other] Nid oes neb wedi cymharu dau opsiwn o'r rhestr hon eto; mae { $count } o opsiynau yn aros. Unwaith y bydd pobl yn dechrau cymharu, bydd y dudalen hon yn dangos pa opsiynau yr hoffent i'r bartneriaeth eu gwneud yn gyntaf, yn gyffredinol ac ar gyfer pob grŵp o bobl, a pha mor sicr yw'r drefn honno.
    }
priority-results-take-part = Cymryd rhan
priority-results-go-on = Parhau i gymharu
priority-results-as-data = Y canlyniadau hyn fel data (JSON)
priority-results-in-short = Yn gryno
priority-results-made = Gwnaeth { $participants ->
        [one] un person
       *[other] { $participants } o bobl
    } { $comparisons ->
        [one] un gymhariaeth
       *[other] { $comparisons } o gymariaethau
    } rhwng { $options } o opsiynau.
priority-results-decided = Mewn { $decided } ohonynt, dewiswyd un opsiwn yn gyntaf.
priority-results-decided-undecided = Mewn { $decided } ohonynt, dewiswyd un opsiwn yn gyntaf; { $undecided ->
        [one] unwaith
       *[other] { $undecided } o weithiau
    }, ni allai pobl benderfynu.
priority-results-first-html = Yn gyntaf daw: <strong>{ $option }</strong>
priority-results-first-equal-html = Gyda phob grŵp o bobl yn cyfrif yn gyfartal, yn gyntaf daw: <strong>{ $option }</strong>
priority-results-equal-weight-html = Mae pob grŵp o bobl yn cyfrif unwaith, faint bynnag o'i aelodau a gymerodd ran: y <strong>sgôr pwysau cyfartal</strong> yw cymedr y sgorau y mae pob grŵp yn eu rhoi i opsiwn ({ $groups }). Mae'r <strong>sgôr cyfrif pennau</strong> wrth ei ymyl yn cyfrif pob cymhariaeth yr un fath.
priority-results-head-count-only = Nid oes gan yr un grŵp o bobl gymhariaeth ag enillydd eto, felly mae'r drefn yn cyfrif pob cymhariaeth yr un fath (y sgôr cyfrif pennau).
priority-results-score-explained = Sgôr yw'r siawns, allan o 100, y caiff opsiwn ei ddewis yn gyntaf dros opsiwn arall o'r rhestr a ddewisir ar hap. Mae'r llinell a dynnwyd yn dangos ble mae'r sgôr cyfrif pennau yn debygol o fod (cyfwng 95%): po fwyaf o gymariaethau, byrraf yw'r llinell.
priority-results-ranking-heading = Y drefn
priority-results-caption-equal = Pob opsiwn, yn ôl y sgôr pwysau cyfartal, gyda'r ddau sgôr
priority-results-caption-head-count = Pob opsiwn, yn ôl y sgôr cyfrif pennau, gyda'r ddau sgôr
priority-results-column-rank = Safle
priority-results-column-option = Opsiwn
priority-results-column-equal-weight = Sgôr pwysau cyfartal
priority-results-column-head-count = Sgôr cyfrif pennau
priority-results-column-head-count-range = Sgôr cyfrif pennau a'i ystod debygol
priority-results-column-record = Dewiswyd yn gyntaf / naddo / methu penderfynu
priority-results-rank-likely = (safle { $rank }; rhwng { $low } a { $high } yn ôl pob tebyg)
priority-results-axis = Mae echelin pob llun yn rhedeg o 0 ar y chwith i 100 ar y dde; 50 yw'r marc tenau yn y canol, sef siawns gyfartal.
priority-results-groups-heading = Beth y mae pob grŵp yn ei roi gyntaf
priority-results-groups-lead = { $top } uchaf pob grŵp ei hun, o gymariaethau ei aelodau yn unig.
priority-results-group-counts = { $participants ->
        [one] un person
       *[other] { $participants } o bobl
    }, { $comparisons ->
        [one] un gymhariaeth
       *[other] { $comparisons } o gymariaethau
    }.
priority-results-group-counts-uncounted = { $participants ->
        [one] un person
       *[other] { $participants } o bobl
    }, { $comparisons ->
        [one] un gymhariaeth
       *[other] { $comparisons } o gymariaethau
    }; nid yw'n cyfrif yn y sgôr pwysau cyfartal eto, gan nad oes enillydd yn yr un o'i gymariaethau.
priority-results-score = (sgôr { $score })
priority-results-group-none = Dim cymariaethau gan y grŵp hwn eto.
priority-results-divergence-heading = Ble mae'r grwpiau'n gwahaniaethu fwyaf
priority-results-divergence-html = <strong>{ $first }</strong> a <strong>{ $second }</strong> sy'n gwahaniaethu fwyaf: mae { $shared ->
        [one] un opsiwn
       *[other] { $shared } o opsiynau
    } yn gyffredin i'w { $size } uchaf.
priority-results-only = Yn { $size } uchaf { $group } yn unig
priority-results-other-rank = ({ $group }: safle { $rank })
priority-results-shortlist-heading = Rhestr fer ar gyfer gweithdy
priority-results-shortlist-lead = Fel mewn partneriaeth gosod blaenoriaethau James Lind Alliance, mae'r rhestr fer yn cynnwys pob opsiwn a roddodd o leiaf un grŵp yn ei { $size } uchaf, fel na chaiff blaenoriaethau'r un grŵp eu gadael allan o'r drafodaeth derfynol. Mae'r pwyntiau'n adio ar draws y grwpiau: { $size } am yr opsiwn cyntaf gan grŵp, 1 am ei opsiwn rhif { $size }.
priority-results-shortlist-caption = Y rhestr fer, y mwyaf o bwyntiau yn gyntaf
priority-results-column-points = Pwyntiau
priority-results-column-in-top = Yn { $size } uchaf
priority-results-added-heading = Opsiynau a ychwanegodd cyfranogwyr
priority-results-added-html = <strong>{ $option }</strong>: rhif { $rank } o { $total } (sgôr { $score }).
priority-results-added-shortlisted-html = <strong>{ $option }</strong>: rhif { $rank } o { $total } (sgôr { $score }), ar y rhestr fer.

## Yr hyn y mae'r gwasanaeth yn ei wrthod: mae pob un yn dechrau â llythyren fach heb atalnod
## llawn; mae tudalen yn ei droi'n frawddeg.

priority-refused-not-a-constituency = nid yw { $name } yn un o etholaethau'r rhestr flaenoriaethau hon
priority-refused-dialogue-token = nid yw tocyn y drafodaeth yn perthyn i gyfranogwr yn y drafodaeth y mae'r rhestr hon wedi'i chysylltu â hi
priority-refused-same-option = rhaid i'r opsiynau ar y chwith ac ar y dde fod yn opsiynau gwahanol
priority-refused-reason-not-neither = dim ond gyda'r dewis `neither` (methu penderfynu) y mae rheswm yn mynd
priority-refused-option-limit = caiff un cyfranogwr ychwanegu { $allowed } opsiwn ar y mwyaf at restr flaenoriaethau; cymharwch opsiynau'r lleill yn lle hynny
priority-refused-results-for-convenors = mae canlyniadau'r rhestr flaenoriaethau hon ar gyfer cynullwyr ei phartneriaeth yn unig
