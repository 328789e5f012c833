# Tudalennau'r cyfrifon: y dudalen groeso, mewngofnodi, a'r dudalen y mae dolen wahoddiad yn ei
# hagor, lle mae person yn derbyn siarad ar ran partner, cynnull partneriaeth neu hwyluso
# deialog. Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio. Negeseuon y mae
# -refused- yn eu hallweddau yw gwrthodiadau'r gwasanaeth, y mae'r API yn eu hanfon yn Saesneg:
# mae pob un yn dechrau â llythyren fach heb atalnod llawn, ac mae tudalen yn ei droi'n frawddeg.

account-field-email = Cyfeiriad e-bost
account-field-password = Cyfrinair

## Y dudalen groeso

account-home-title = Croeso
account-home-lead = Deialogau ar gyfer partneriaethau iechyd: mae llawer o bobl yn pleidleisio ar ddatganiadau byr, ac mae'r canlyniadau'n dangos yr hyn sy'n gyffredin iddynt, ble maent yn wahanol, a pha leisiau sydd ar goll, gyda phob grŵp yn cyfrif yn gyfartal.
account-home-participants = Os cawsoch ddolen neu god QR i gymryd rhan, dilynwch hi: does dim angen cyfrif arnoch.
account-home-sign-in = Mewngofnodi fel cynullydd neu bartner

## Mewngofnodi

account-login-title = Mewngofnodi
account-login-lead = Ar gyfer cynullwyr partneriaeth a'r bobl sy'n siarad ar ran ei phartneriaid. Does dim angen i gyfranogwyr fewngofnodi.
account-login-refused = Nid yw'r cyfeiriad e-bost a'r cyfrinair yn cyfateb i gyfrif. Gwiriwch nhw a rhowch gynnig arall arni.
account-login-too-many = { $minutes ->
        [one] Bu gormod o ymdrechion i fewngofnodi. Arhoswch funud, yna rhowch gynnig arall arni.
       *[other] Bu gormod o ymdrechion i fewngofnodi. Arhoswch { $minutes } munud, yna rhowch gynnig arall arni.
    }

## Gwahoddiad

account-invitation-speak-for = Siarad ar ran { $partner }
account-invitation-facilitate = Hwyluso { $dialogue }
account-invitation-moderate = Cymedroli { $dialogue }
account-invitation-convene = Cynnull { $partnership }
account-invitation-used = Mae'r gwahoddiad hwn wedi'i ddefnyddio eisoes.
account-invitation-withdrawn = Cafodd y gwahoddiad hwn ei dynnu'n ôl.
account-invitation-expired = Mae'r gwahoddiad hwn wedi dod i ben.
account-invitation-ask-again = Gofynnwch i un o gynullwyr { $partnership } am ddolen wahoddiad newydd.
account-invitation-lead-facilitate = Fe'ch gwahoddir i hwyluso'r ddeialog { $dialogue } yn { $partnership }: i argraffu ei chardiau papur a theipio'r atebion y mae pobl yn eu rhoi arnynt, mewn digwyddiad neu dros y ffôn. Ni fyddwch yn cynnull y bartneriaeth.
account-invitation-lead-moderate = Fe'ch gwahoddir i gymedroli'r ddeialog { $dialogue } yn { $partnership }: i weithio drwy'r datganiadau sy'n aros am benderfyniad a'r ciw diogelu, ac i ychwanegu cyfieithiadau a fersiynau hawdd eu darllen o'i datganiadau. Ni fyddwch yn cynnull y bartneriaeth.
account-invitation-lead-partner = Fe'ch gwahoddir i siarad ar ran { $partner } yn y bartneriaeth { $partnership }: i weld yr hyn y mae ei chynullwyr yn ei rannu â'r partneriaid ac i weithredu ar ran { $partner } yno.
account-invitation-lead-convene = Fe'ch gwahoddir i gynnull y bartneriaeth { $partnership } gyda'i chynullwyr eraill: i gynnal ei deialogau, ychwanegu ei phartneriaid a gwahodd y bobl sy'n siarad ar eu rhan.
account-invitation-signed-in = Rydych wedi mewngofnodi fel { $email }.
account-invitation-convene-too = Mae'r cyfrif hwn yn siarad ar ran partneriaid; mae derbyn yn gadael iddo gynnull hefyd.
account-invitation-accept-partner = Derbyn a siarad ar ran { $partner }
account-invitation-accept-facilitate = Derbyn a hwyluso { $dialogue }
account-invitation-accept-moderate = Derbyn a chymedroli { $dialogue }
account-invitation-accept-convene = Derbyn a chynnull { $partnership }
account-invitation-choose = Dewiswch y cyfeiriad e-bost a'r cyfrinair y byddwch yn mewngofnodi â nhw.
account-invitation-for-address = Mae'r gwahoddiad hwn ar gyfer { $email }.
account-invitation-password-hint = (o leiaf { $min } nod)
account-invitation-create = Creu fy nghyfrif a derbyn
account-invitation-sign-in-first-html = Oes gennych gyfrif eisoes? <a href="/login?next=/invite/{ $token }">Mewngofnodwch yn gyntaf</a>, yna derbyniwch.

## Gwrthodiadau: yr hyn y mae'r gwasanaeth yn ei ddweud, yn yr API ac ar y tudalennau

account-refused-credentials = nid yw'r e-bost a'r cyfrinair yn cyfateb i gyfrif
account-refused-email-empty = mae'r cyfeiriad e-bost yn wag
account-refused-email-too-long = mae'r cyfeiriad e-bost yn hwy na 254 nod
account-refused-email-malformed = nid yw'r cyfeiriad e-bost ar ffurf enw@parth
account-refused-password-too-short = mae'r cyfrinair yn fyrrach na { $min } nod
account-refused-password-too-long = mae'r cyfrinair yn hwy na { $max } nod
account-refused-other-address = cafodd y gwahoddiad hwn ei wneud ar gyfer cyfeiriad e-bost arall
account-refused-already-convene = rydych eisoes yn cynnull y bartneriaeth hon; mae'r gwahoddiad yn aros heb ei ddefnyddio ar gyfer y person yr oedd wedi'i fwriadu ar ei gyfer
account-refused-account-exists = mae gan gyfrif y cyfeiriad e-bost hwn eisoes: mewngofnodwch yn gyntaf, yna agorwch y ddolen wahoddiad eto
account-refused-unknown-invitation = nid yw'r ddolen wahoddiad hon yn hysbys; gofynnwch i gynullydd y bartneriaeth am un newydd
account-refused-token-alone = rydych wedi mewngofnodi, felly caiff y gwahoddiad ei dderbyn ar gyfer y cyfrif hwn: anfonwch y tocyn yn unig
account-refused-new-account = anfonwch gyfeiriad e-bost a chyfrinair ar gyfer y cyfrif newydd, neu mewngofnodwch yn gyntaf
