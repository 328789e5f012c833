# Yr ystafell digwyddiad byw: golwg y cyflwynydd ar sgrin fawr, golwg yr hwylusydd gyda'i
# rheolyddion, y cadarnhad cyn cau, y poster cod QR a'r rhybudd am ddolen na all pobl yn yr
# ystafell ei chyrraedd. Gall negeseuon y mae eu bysellau'n gorffen ag -html gynnwys marcio.

## Teitlau a'r dolenni rhwng y golygon

event-present-title = Cyflwyno · { $title }
event-facilitate-title = Hwyluso · { $title }
event-close-title = Cau · { $title }
event-poster-title = Poster · { $title }
event-convenor-page-link = { $title }: tudalen y cynullydd
event-facilitator-view-link = { $title }: golwg yr hwylusydd
event-nav-present = Golwg y cyflwynydd
event-nav-facilitate = Golwg yr hwylusydd gyda'r rheolyddion
event-nav-poster = Poster cod QR
event-qr-alt = Cod QR sy'n agor y ddolen i gyfranogwyr { $link }

## Golwg y cyflwynydd

event-join-heading = Cymerwch ran ar eich ffôn
event-join-closed-heading = Mae'r drafodaeth hon ar gau
event-join-closed = Nid yw'n derbyn rhagor o bleidleisiau na datganiadau. Diolch i bawb a gymerodd ran.
event-join-link-html = Neu agorwch <a href="/d/{ $id }">{ $link }</a>
event-figures-heading = Hyd yma
event-figure-participants = Cyfranogwyr
event-figure-votes = Pleidleisiau
event-figure-common-ground = Tir cyffredin
event-voters = Mae { $count } o'r cyfranogwyr wedi pleidleisio.
event-statements-state = Datganiadau: { $state ->
        [closed] ar gau
        [open] gall cyfranogwyr ysgrifennu eu rhai eu hunain
       *[paused] mae datganiadau newydd wedi'u hoedi
    }.
event-who-heading = Pwy sy'n cymryd rhan
event-who-explained = Mae pob bar yn dangos cyfran yr etholaeth o bawb sy'n cymryd rhan; y marc coch yw'r gyfran yr oedd y cynullwyr yn ei disgwyl.
event-people = { $count ->
        [one] { $count } person
       *[other] { $count } o bobl
    }
event-expected = disgwyliwyd { $share }
event-fewer-than-expected = llai na'r disgwyl
event-unaffiliated = { $count ->
        [one] Ni ddewisodd { $count } person etholaeth.
       *[other] Ni ddewisodd { $count } o bobl etholaeth.
    }
event-ground-heading = Y tir cyffredin diweddaraf
event-ground-waiting = Bydd tir cyffredin yn ymddangos yma pan fydd pobl wedi pleidleisio a'r canlyniadau cyntaf wedi dod i mewn.
event-ground-count = { $count ->
        [0] Does dim datganiad yn dir cyffredin eto.
        [one] Mae { $count } datganiad yn dir cyffredin.
       *[other] Mae { $count } o ddatganiadau yn dir cyffredin.
    }
event-ground-these = Mae gan y rhain fwyafrif clir ym mhob grŵp barn a phob etholaeth:
event-ground-explained = Daw datganiad yn dir cyffredin pan fo mwyafrif clir yn cytuno ym mhob grŵp barn a phob etholaeth.
event-refresh-explained = Mae'r ffigurau'n diweddaru eu hunain bob ychydig eiliadau.
event-refresh-link = Dangos y ffigurau diweddaraf
event-full-report = Yr adroddiad llawn
event-live-updated = Mae'r canlyniadau wedi'u diweddaru gyda phleidleisiau newydd.

## Rheolyddion yr hwylusydd

event-controls-heading = Rheolyddion
event-controls-closed-html = Mae'r drafodaeth ar gau. Gallwch ei hailagor o <a href="/convenor/dialogues/{ $id }">dudalen y cynullydd</a>.
event-controls-open = Gall cyfranogwyr ysgrifennu datganiadau. Mae oedi yn cadw'r pleidleisio i fynd tra nad oes datganiadau newydd yn dod i mewn.
event-pause = Oedi datganiadau newydd
event-controls-paused = Mae datganiadau newydd wedi'u hoedi; gall cyfranogwyr bleidleisio o hyd.
event-resume = Ailddechrau datganiadau newydd
event-close-link = Cau'r drafodaeth…
event-notice-paused = Mae datganiadau newydd wedi'u hoedi. Gall cyfranogwyr bleidleisio o hyd; caiff unrhyw un sy'n ceisio ysgrifennu wybod bod datganiadau wedi'u hoedi.
event-notice-resumed = Gall cyfranogwyr ysgrifennu datganiadau eto.
event-notice-closed = Mae'r drafodaeth ar gau: nid yw'n derbyn rhagor o gyfranogwyr, pleidleisiau na datganiadau. Mae'r adroddiad ar gael o hyd.
event-error-statements-choice = Dewiswch a ydych am oedi neu ailddechrau datganiadau newydd: ni anfonodd y ffurflen y naill na'r llall.

## Cau'r drafodaeth

event-close-heading = Cau'r drafodaeth?
event-close-already-html = Mae'r drafodaeth hon eisoes ar gau. Gallwch ei hailagor o <a href="/convenor/dialogues/{ $id }">dudalen y cynullydd</a>.
event-close-explained = Mae cau yn atal cyfranogwyr, pleidleisiau a datganiadau newydd ar unwaith, i bawb. Mae'r adroddiad ar gael o hyd, a gallwch ailagor y drafodaeth yn nes ymlaen o dudalen y cynullydd.
event-close-yes = Ie, cau'r drafodaeth
event-close-no = Na, ei chadw ar agor
event-close-unconfirmed = Mae'r drafodaeth ar agor o hyd. I'w chau, dewiswch “Ie, cau'r drafodaeth”.

## Y poster cod QR

event-poster-print-hint = Argraffwch y dudalen hon ar bapur A4 a'i gosod lle bydd pobl yn ei gweld.
event-poster-print = Argraffu'r poster
event-poster-eyebrow = Dweud eich dweud
event-poster-step-scan = Pwyntiwch gamera eich ffôn at y cod, neu teipiwch y cyfeiriad uchod.
event-poster-step-vote = Darllenwch ddatganiadau byr gan bobl eraill ac atebwch: cytuno, anghytuno neu basio.
event-poster-step-write = Ychwanegwch ddatganiad eich hun os oes rhywbeth ar goll.
event-poster-small = Mae'n cymryd ychydig funudau. Does dim angen i chi roi eich enw na'ch cyfeiriad e-bost.

## Y rhybudd am ddolen sy'n pwyntio at y cyfrifiadur hwn

event-local-link-html = <strong>Ni all pobl yn yr ystafell agor y ddolen hon.</strong> Mae { $link } yn pwyntio at y cyfrifiadur hwn, felly ni all ffonau a chyfrifiaduron eraill ei chyrraedd, na'r cod QR chwaith.
event-local-link-fix-html = Dechreuwch y gweinydd gyda'r cyfeiriad y mae pobl yn ei gyrraedd arno, er enghraifft <code>commonground serve --public-url https://dialogue.example.org</code>, neu gosodwch <code>COMMONGROUND_PUBLIC_URL</code> yn ei amgylchedd neu <code>public_url</code> yn ei ffeil ffurfweddu, ac yna ail-lwythwch y dudalen hon.
