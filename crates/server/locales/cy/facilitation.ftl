# Yr ystafell hwyluso: tudalen y cynullydd sy'n gwahodd hwyluswyr, y ddalen o gardiau papur i'w
# hargraffu a'r sgrin y mae hwylusydd yn rhoi cardiau i mewn arni. Gall negeseuon y mae eu
# bysellau'n gorffen ag -html gynnwys marcio.

## Yr hyn y mae cerdyn yn ei ofyn, ar y ddalen ac ar y sgrin fewnbynnu

facilitation-agree = Cytuno
facilitation-disagree = Anghytuno
facilitation-pass = Pasio
facilitation-statement-label = Datganiad
facilitation-code-label = Cod cyfranogwr

## Y sgrin fewnbynnu

facilitation-entry-title = Rhoi cardiau i mewn · { $title }
facilitation-entry-heading = Rhoi cardiau i mewn
facilitation-entry-lead-html = Teipiwch y cod cyfranogwr sydd wedi'i argraffu ar y cerdyn, ticiwch yr hyn y mae'r cerdyn yn ei dicio, a chadwch. Mae pob cerdyn yn cyfrif fel un cyfranogwr, yn union fel rhywun sy'n cymryd rhan ar-lein. <a href="/facilitator/dialogues/{ $id }/sheet">Argraffu dalen o gardiau gwag</a>.
facilitation-saved = Cadwyd cerdyn { $code }: { $count ->
        [one] { $count } bleidlais
       *[other] { $count } o bleidleisiau
    }, cyfranogwr newydd.
facilitation-replaced = Mae cerdyn { $code } wedi disodli'r cerdyn a roddwyd i mewn o'r blaen gyda'r cod hwnnw: { $count ->
        [one] { $count } bleidlais
       *[other] { $count } o bleidleisiau
    }.
facilitation-next-blank = Mae'r cerdyn nesaf yn wag.
facilitation-statement-sent = Anfonwyd y datganiad o gerdyn { $code } i'r drafodaeth, i'w gymedroli fel datganiad pob cyfranogwr.
facilitation-entry-closed = Mae'r drafodaeth hon ar gau: nid yw'n derbyn rhagor o gardiau.
facilitation-channel-legend = Sut y daeth yr atebion atoch
facilitation-channel-paper = Cerdyn papur
facilitation-channel-facilitated = Wyneb yn wyneb neu dros y ffôn, gyda mi
facilitation-constituencies-legend = Blychau etholaeth a diciwyd
facilitation-blank-hint = Mae datganiad a adawyd yn wag ar y cerdyn yn aros yn wag: gadewch ei res yn wag.
facilitation-no-statements = Does gan y drafodaeth ddim datganiadau i bleidleisio arnynt eto.
facilitation-replace = Rhoi'r cerdyn hwn yn lle'r cerdyn cynharach
facilitation-discard = Taflu'r cerdyn hwn
facilitation-save = Cadw'r cerdyn a rhoi'r nesaf i mewn
facilitation-statement-heading = Datganiad a ysgrifennwyd ar gerdyn
facilitation-statement-explained = Rhowch y cerdyn i mewn yn gyntaf, yna ei ddatganiad yma, o dan yr un cod. Mae'n mynd drwy gymedroli'r drafodaeth hon fel datganiad unrhyw gyfranogwr.
facilitation-statement-send = Anfon y datganiad

## Pam y gwrthodwyd cerdyn neu ddatganiad

facilitation-error-channel = Dewiswch ai cerdyn papur yw'r cerdyn neu a gafodd ei lenwi gyda hwylusydd.
facilitation-error-keyed-already = Mae cerdyn gyda'r cod cyfranogwr hwn wedi'i roi i mewn yn barod. Os yw'r cerdyn hwn yn ei gywiro, rhowch ef yn lle'r cerdyn cynharach; os cerdyn rhywun arall ydyw, gwiriwch y cod.
facilitation-error-code-empty = Teipiwch y cod cyfranogwr sydd wedi'i argraffu ar y cerdyn.
facilitation-error-code-invalid = Mae cod cyfranogwr rhwng 1 a { $max } o lythrennau, digidau neu gysylltnodau.
facilitation-error-constituency = Nid yw "{ $name }" yn un o etholaethau'r drafodaeth hon.
facilitation-error-statement-not-found = Nid yw un o'r datganiadau ar y cerdyn yn perthyn i'r drafodaeth hon.
facilitation-error-closed = Mae'r drafodaeth ar gau.
facilitation-error-not-open = Nid yw'r drafodaeth ar agor eto: mae'n agor ar { $opens } ({ $stamp }).
facilitation-error-no-card = Nid oes cerdyn gyda'r cod cyfranogwr hwn wedi'i roi i mewn eto; rhowch y cerdyn i mewn yn gyntaf.
facilitation-error-duplicate = Mae gan y drafodaeth y datganiad hwn yn barod (datganiad { $id }).
facilitation-error-statements-paused = Nid yw'r drafodaeth yn derbyn datganiadau gan gyfranogwyr.

## Y ddalen o gardiau

facilitation-sheet-title = Cardiau · { $title }
facilitation-sheet-back = { $title }: rhoi cardiau i mewn
facilitation-sheet-heading = Cardiau i'w hargraffu
facilitation-sheet-explained-html = Argraffwch y dudalen hon: mae pob cerdyn ar gyfer un person, gyda'i god ei hun. Mae pobl yn ticio un blwch ar gyfer pob datganiad a'r etholaethau y maent yn perthyn iddynt; mae rhesi gwag yn aros yn wag. Wedyn, rhowch y cardiau i mewn ar y <a href="/facilitator/dialogues/{ $id }/cards">sgrin fewnbynnu</a>.
facilitation-sheet-number = Nifer y cardiau
facilitation-sheet-make = Creu'r ddalen
facilitation-card-label = Cerdyn { $code }
facilitation-card-code-html = Cod <strong>{ $code }</strong>
facilitation-card-caption = Datganiadau ar gerdyn { $code }
facilitation-box-agree = blwch i'w dicio: cytuno
facilitation-box-disagree = blwch i'w dicio: anghytuno
facilitation-box-pass = blwch i'w dicio: pasio
facilitation-box = blwch i'w dicio
facilitation-card-i-am = Rydw i'n perthyn i:
facilitation-card-write = Rhywbeth ar goll? Ysgrifennwch eich datganiad eich hun ar y cefn.
facilitation-error-cards-number = Gofynnwch am nifer o gardiau rhwng 1 a { $max }.
facilitation-error-sheet-size = Mae dalen yn dal rhwng 1 a { $max } o gardiau.

## Hwyluswyr trafodaeth, ar gyfer ei chynullwyr

facilitation-facilitators-title = Hwyluswyr · { $title }
facilitation-convenor-page-link = { $title }: tudalen y cynullydd
facilitation-facilitators-heading = Hwyluswyr
facilitation-facilitators-lead = Mae hwyluswyr yn rhoi cardiau papur i mewn, ac atebion pobl mewn digwyddiad neu dros y ffôn, ar gyfer y drafodaeth hon. Allan nhw ddim gwneud dim byd arall: nid ydynt yn cynnull, ac nid ydynt yn gweld unrhyw drafodaeth arall.
facilitation-key-yourself = Rhoi cardiau i mewn eich hun
facilitation-print-sheet = Argraffu dalen o gardiau
facilitation-link-once = Anfonwch y ddolen untro hon at yr hwylusydd. Dim ond nawr y caiff ei dangos.
facilitation-link-label = Dolen wahoddiad
facilitation-invite-heading = Gwahodd hwylusydd
facilitation-email-label = Eu cyfeiriad e-bost
facilitation-email-optional = (dewisol: dim ond y cyfeiriad hwn all dderbyn)
facilitation-invite-button = Creu dolen wahoddiad
facilitation-who-heading = Pwy sy'n hwyluso
facilitation-nobody-yet = Does neb wedi derbyn gwahoddiad eto.
facilitation-invitations-heading = Gwahoddiadau
facilitation-anyone-with-link = unrhyw un sydd â'r ddolen
facilitation-invitation-dates = Crëwyd { $created }, yn dod i ben { $expires }.
facilitation-status-pending = yn aros
facilitation-status-accepted = wedi'i dderbyn
facilitation-status-revoked = wedi'i ddirymu
facilitation-status-expired = wedi dod i ben
facilitation-error-email-too-long = Mae'r cyfeiriad e-bost yn hwy na 254 nod.
facilitation-error-email-malformed = Nid yw'r cyfeiriad e-bost ar y ffurf enw@parth.

## Gwrthodiadau'r gwasanaeth hwyluso, a dewis cyfranogwr ei hun o grwpiau a datganiadau (yr un
## gwrthodiadau p'un a yw'n gweithredu ei hun neu fod hwylusydd yn rhoi ei gerdyn i mewn). Mae'r
## API JSON yn anfon y Saesneg; mae tudalen yn dweud yr un gwrthodiad yn ei hiaith. Mae pob un
## yn dechrau â llythyren fach heb atalnod llawn; $name yw enw etholaeth fel y'i rhoddwyd, mewn
## dyfynodau.

facilitation-refused-no-invitation = nid oes gwahoddiad o'r fath ar gyfer y drafodaeth hon
facilitation-refused-sheet-size = mae dalen yn dal rhwng 1 a { $max } o gardiau
facilitation-refused-code-empty = teipiwch y cod cyfranogwr sydd wedi'i argraffu ar y cerdyn
facilitation-refused-code-invalid = mae cod cyfranogwr rhwng 1 a { $max } o lythrennau, digidau neu gysylltnodau
facilitation-refused-online = caiff cerdyn ei roi i mewn fel `paper` neu `facilitated`; daw pleidleisiau ar-lein gan y cyfranogwyr eu hunain
facilitation-refused-two-boxes = mae mwy nag un blwch wedi'i dicio ar gyfer datganiad { $statement }; ticiwch un o cytuno, anghytuno neu pasio
facilitation-refused-keyed-already = mae cerdyn gyda'r cod cyfranogwr hwn wedi'i roi i mewn yn barod; gwiriwch y cerdyn, a rhowch ef yn lle'r un cynharach os yw'r cerdyn hwn yn ei gywiro
facilitation-refused-statement-not-on-card = nid yw un o'r datganiadau ar y cerdyn yn perthyn i'r drafodaeth hon
facilitation-refused-no-card = nid oes cerdyn gyda'r cod cyfranogwr hwn wedi'i roi i mewn eto; rhowch y cerdyn i mewn yn gyntaf
facilitation-refused-not-a-constituency = nid yw { $name } yn un o etholaethau'r drafodaeth hon
facilitation-refused-groups-closed = mae'r drafodaeth hon ar gau, felly ni all y grwpiau rydych yn perthyn iddynt newid mwyach
facilitation-refused-statement-limit = caiff un cyfranogwr ysgrifennu { $allowed } datganiad ar y mwyaf mewn trafodaeth; pleidleisiwch ar ddatganiadau pobl eraill yn lle hynny
