# Tudalennau'r map system, a rennir gan gynullwyr a chynrychiolwyr partneriaid: y mapiau, map
# gyda'i ddolennau, ei effaith ymledol, ei drosoledd, ei gysylltiadau a'i ffurflenni, a'r
# darlun gyda'i dabl a'i allwedd. Gall negeseuon y mae eu hallweddau'n gorffen ag -html
# gynnwys marcio.

map-list-title = Mapiau system: { $partnership }
map-list-heading = Mapiau system
map-list-lead = Mae map system yn dangos ffactorau'r system leol a sut y mae pob un yn gwthio'r lleill: mwy o un yn arwain at fwy, neu at lai, o un arall. Mae partneriaid yn cynnig ffactorau a chysylltiadau ac yn dweud a ydynt yn cytuno â phob cysylltiad; yna mae'r map yn dangos ei ddolennau adborth, ble i weithredu, a pha bartneriaid y mae cam gweithredu yn eu cyrraedd heblaw'r un sy'n ei gymryd.
map-list-maps = Mapiau
map-list-none = Dim map eto.
map-list-start-first = Dechreuwch y cyntaf isod.
map-create-heading = Dechrau map
map-create-title = Teitl
map-create-description = Beth yw diben y map
map-optional = (dewisol)
map-create-dialogue = Y ddeialog y caiff ei chyfranogwyr farnu'r cysylltiadau
map-create-no-dialogue = Dim
map-create-participants = Gadael i gyfranogwyr y ddeialog honno farnu cysylltiadau o'r dechrau
map-create-start = Dechrau'r map
map-create-import-html = Gellir mewnforio map a luniwyd yn rhywle arall (GraphML o Gephi neu yEd, glasbrint Kumu, neu ddwy ffeil CSV <code>commonground map</code>) yn gyfan drwy'r API: <code>POST /api/partnerships/{ $partnership }/maps/import</code>.
map-status-closed = Ar gau ers { $date }
map-status-open = Ar agor ers { $date }

map-title = { $map }: map system
map-linked = Wedi'i gysylltu â'r ddeialog “{ $dialogue }”.
map-linked-judging-html = Wedi'i gysylltu â'r ddeialog “{ $dialogue }”, y mae ei chyfranogwyr yn barnu cysylltiadau yn <a href="/d/{ $dialogue_id }/maps/{ $map }">/d/{ $dialogue_id }/maps/{ $map }</a> (rhannwch y cyfeiriad hwn â nhw).
map-notice-created = Mae'r map yn barod: gall partneriaid gynnig ffactorau a chysylltiadau nawr.
map-notice-factor = Mae'r ffactor ar y map.
map-notice-link = Mae'r cysylltiad ar y map. Gall partneriaid ddweud nawr a ydynt yn cytuno.
map-notice-judged = Mae barn eich partner wedi'i chadw.
map-notice-pinned = Mae'r cam gweithredu wedi'i binio: mae ei effaith ymledol i'w gweld ar dudalen ei amcan.
map-notice-saved = Wedi'i gadw.
map-notice-closed = Mae'r map ar gau: nid yw'n derbyn rhagor o gynigion na barnau.
map-contents = Ar y dudalen hon
map-section-map = Y map
map-section-loops = Dolennau adborth
map-section-ripple = Effaith ymledol cam gweithredu
map-section-leverage = Ble i weithredu
map-section-links = Cysylltiadau a barnau
map-section-propose = Cynnig
map-section-pins = Camau gweithredu wedi'u pinio
map-counts = { $factors } ffactor a { $links ->
        [two] { $links } gysylltiad
       *[other] { $links } cysylltiad
    }.
map-key = Mae saeth las solet gyda + yn golygu bod mwy yn arwain at fwy; mae saeth oren doredig gyda − yn golygu bod mwy yn arwain at lai; mae bar dwbl yn dynodi oedi, a lliw llwyd dotiog o gwmpas yn dynodi cysylltiad dadleuol.
map-show-whole = Dangos y map cyfan eto
map-no-factors = Does gan y map ddim ffactorau eto.
map-propose-first = Cynigiwch y cyntaf

map-loops-hint = Mae dolen atgyfnerthu (nifer eilrif o gysylltiadau −) yn chwyddo newid wrth iddo ddod yn ôl; mae dolen gydbwyso (nifer odrif) yn gwthio yn ei erbyn.
map-loops-truncated = Mwy na { $most } o ddolennau: rhestrir y { $listed } cyntaf: { $reinforcing } yn atgyfnerthu a { $balancing } yn cydbwyso.
map-loops-count = { $loops ->
        [two] { $loops } ddolen
       *[other] { $loops } dolen
    }: { $reinforcing } yn atgyfnerthu a { $balancing } yn cydbwyso.
map-loop-reinforcing = Atgyfnerthu
map-loop-balancing = Cydbwyso
map-loop-length = { $links ->
        [two] { $links } gysylltiad
       *[other] { $links } cysylltiad
    }
map-loop-contested = yn mynd drwy gysylltiad dadleuol
map-loop-highlighted = wedi'i hamlygu ar y map
map-loop-highlight-html = Amlygu<span class="visually-hidden"> dolen { $number }</span> ar y map
map-loop-highlight-this-html = Amlygu<span class="visually-hidden"> y ddolen hon</span> ar y map
map-no-loops = Dim dolen adborth eto: mae angen cadwyn o gysylltiadau sy'n dod yn ôl i'r man cychwyn ar bob dolen.

map-ripple-hint = Gwthiwch un ffactor i fyny neu i lawr a dilynwch ei effeithiau ar hyd y cysylltiadau: pa ffactorau sy'n symud, i ba gyfeiriad, faint o gysylltiadau i ffwrdd, ac ym meysydd pwy y maent.
map-ripple-push = Ei wthio
map-push-up = I fyny: mwy ohono
map-push-down = I lawr: llai ohono
map-ripple-steps = Cysylltiadau i'w dilyn (1 i 50)
map-ripple-show = Dangos yr effaith ymledol
map-ripple-heading = Gwthio “{ $factor }” { $push }, { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    } allan
map-ripple-heading-owned = Gwthio “{ $factor }” { $push } ({ $partner }), { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    } allan
map-ripple-reaches-html = <strong>Yn cyrraedd meysydd partneriaid eraill:</strong> { $partners }.
map-ripple-reaches-none = Nid yw'n cyrraedd ffactorau'r un partner arall o fewn { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    }.
map-ripple-another-partner = partner arall
map-effect-mixed = cymysg: mae'r llwybrau byrraf yn anghytuno
map-ripple-nothing-moves = Does dim byd arall yn symud o fewn { $steps ->
        [two] { $steps } gysylltiad
       *[other] { $steps } cysylltiad
    }.
map-ripple-loops = Mae'r cam gweithredu yn mynd i mewn i { $loops ->
        [two] { $loops } ddolen adborth
       *[other] { $loops } dolen adborth
    }:
map-ripple-loops-or-more = Mae'r cam gweithredu yn mynd i mewn i { $loops } dolen adborth neu ragor:
map-ripple-no-loops = Nid yw'r ffactor a wthiwyd ar yr un ddolen adborth.

map-leverage-hint = Grym gyrru: faint o ffactorau y mae hwn yn eu cyrraedd ar hyd y cysylltiadau, gan gynnwys ef ei hun. Dibyniaeth: faint sy'n ei gyrraedd. Mae gyrrwr yn symud llawer ac yn cael ei symud ychydig, felly mae gweithredu arno yn lledaenu; canlyniad yw lle mae effeithiau'n glanio. Rhyngoldeb: pa mor aml y mae ar y llwybrau byrraf rhwng ffactorau eraill.
map-leverage-caption = Trosoledd pob ffactor, y gyrwyr cryfaf yn gyntaf
map-leverage-driving = Grym gyrru
map-leverage-dependence = Dibyniaeth
map-leverage-degree = Cysylltiadau i mewn / allan
map-leverage-betweenness = Rhyngoldeb
map-leverage-kind = Math
map-leverage-none = Dim ffactorau eto.
map-role-driver = Gyrrwr: yn symud llawer, yn cael ei symud ychydig
map-role-relay = Cyfnewidydd: yn symud llawer ac yn cael ei symud llawer
map-role-outcome = Canlyniad: yn cael ei symud llawer, yn symud ychydig
map-role-apart = Ar wahân: yn symud ac yn cael ei symud ychydig
map-no-partner = Dim partner

map-links-hint = Mae pob partner yn dweud unwaith a yw'n cytuno â chysylltiad.
map-links-hint-dialogue = Mae pob partner yn dweud unwaith a yw'n cytuno â chysylltiad, a gall cyfranogwyr y ddeialog gysylltiedig wneud hynny hefyd pan fydd cynullydd yn ei agor iddynt.
map-links-hint-counting = Mae partneriaid yn cyfrif yn gyfartal, ac mae cyfranogwyr yn cyfrif drwy eu hetholaethau, gyda phob etholaeth yn pwyso'r un faint. Mae cysylltiad yn ddadleuol pan fo traean neu ragor o'r partneriaid sy'n cymryd ochr yn anghytuno, neu (unwaith y bydd pump o gyfranogwyr wedi cymryd ochr) pan fo anghytundeb cyfartalog yr etholaethau yn draean neu ragor.
map-link-after-delay = , ar ôl oedi
map-link-contested = Dadleuol
map-link-evidence = Tystiolaeth: { $note }
map-link-proposed-by = Cynigiwyd gan { $proposer }.
map-link-partners = Partneriaid: { $agree } yn cytuno, { $disagree } yn anghytuno, { $unsure } yn ansicr
map-link-partner-share = ({ $share } o'r rhai sy'n cymryd ochr yn anghytuno)
map-link-participants = Cyfranogwyr: { $agree } yn cytuno, { $disagree } yn anghytuno, { $unsure } yn ansicr
map-link-participant-share = ({ $share } yn anghytuno, ar gyfartaledd dros yr etholaethau)
map-former-partner = cyn-bartner
map-a-convenor = cynullydd
map-factor-number = ffactor { $factor }
map-judge-legend = Barn { $partner }
map-judge-of = am { $from } i { $to }
map-judge-now = (nawr: { $judgment ->
        [agree] cytuno
        [disagree] anghytuno
       *[unsure] ansicr
    })
map-judgment-agree = Cytuno
map-judgment-disagree = Anghytuno
map-judgment-unsure = Ansicr
map-judge-save = Cadw
map-judge-save-what = barn { $partner } am { $from } i { $to }
map-no-links = Dim cysylltiadau eto.

map-propose-factor-heading = Ffactor
map-factor-name = Enw
map-factor-name-hint = (rhywbeth a all godi neu ostwng, megis “Unigrwydd ymhlith pobl hŷn”)
map-factor-owner = Maes pwy ydyw
map-factor-no-owner = Maes yr un partner
map-factor-sector = Sector
map-proposed-for = Cynigiwyd ar ran
map-as-convenor = Fi fy hun, fel cynullydd
map-propose-factor = Cynnig y ffactor
map-propose-link-heading = Cysylltiad
map-link-more-of = Mae mwy o
map-link-leads-to = yn arwain at
map-link-plus = Fwy (+)
map-link-minus = Lai (−)
map-link-of = o
map-link-delayed = Daw'r effaith ar ôl oedi
map-link-note = Tystiolaeth
map-link-note-hint = (dewisol: beth sy'n dangos bod hyn yn digwydd)
map-propose-link = Cynnig y cysylltiad

map-pins-hint = Mae cam gweithredu o amcanion ar y cyd y bartneriaeth, wedi'i binio i'r ffactor y mae'n ei wthio, yn dangos ei effaith ymledol ar dudalen ei amcan.
map-pin-pushes = yn gwthio “{ $factor }” { $push }.
map-pin-ripple = Ei effaith ymledol
map-no-pins = Does dim cam gweithredu wedi'i binio i'r map hwn.
map-pin-heading = Pinio cam gweithredu
map-pin-action = Cam gweithredu
map-pin-factor = Y ffactor y mae'n ei wthio
map-pin-which-way = I ba gyfeiriad
map-pin-submit = Pinio'r cam gweithredu

map-settings-heading = Gosodiadau
map-export-graphml = Allforio fel GraphML
map-export-kumu = Allforio ar gyfer Kumu
map-settings-participants = Caiff cyfranogwyr “{ $dialogue }” farnu cysylltiadau
map-settings-save = Cadw'r gosodiadau
map-close = Cau'r map
map-close-hint = Mae map sydd ar gau yn cadw ei ffactorau, ei gysylltiadau a'i farnau ond nid yw'n derbyn rhagor.

map-error-loop = Dewiswch ddolen o restr dolennau'r map.
map-error-ripple-factor = Dewiswch ffactor o'r map i'w wthio.
map-error-push = Dewiswch a ydych am wthio'r ffactor i fyny neu i lawr.
map-error-steps = Mae nifer y cysylltiadau i'w dilyn yn rhif cyfan o 1 i 50.
map-error-no-such-loop = Mae'r map yn rhestru { $loops ->
        [two] { $loops } ddolen
       *[other] { $loops } dolen
    }; does dim dolen { $number }.
map-error-dialogue = Dewiswch un o ddeialogau'r bartneriaeth.
map-error-speak-for = Dewiswch ar ran pwy rydych yn cynnig.
map-error-owner = Dewiswch y partner sy'n berchen ar y ffactor.
map-error-link-from = Dewiswch y ffactor sy'n dylanwadu.
map-error-link-to = Dewiswch y ffactor y mae'n dylanwadu arno.
map-error-sign = Dewiswch a yw mwy o'r cyntaf yn arwain at fwy (+) neu lai (−) o'r ail.
map-error-link = Dewiswch un o gysylltiadau'r map.
map-error-judge-for = Dewiswch y partner rydych yn barnu ar ei ran.
map-error-judgment = Dewiswch cytuno, anghytuno neu ansicr.
map-error-pin-action = Dewiswch un o gamau gweithredu'r bartneriaeth.
map-error-pin-factor = Dewiswch y ffactor y mae'r cam gweithredu yn ei wthio.
map-error-pin-push = Dewiswch a yw'r cam gweithredu yn gwthio i fyny neu i lawr.

# Gwrthod yr hyn a deipiwyd neu a ofynnwyd amdano ar dudalennau'r map (mae'r API yn anfon yr un
# Saesneg).
map-refused-blank = ni chaiff { $field } fod yn wag
map-refused-too-long = mae mwy na { $max } nod yn { $field }
map-refused-control = mae { $field } yn cynnwys nod rheoli
map-refused-direction = mae { $field } yn cynnwys y nod rheoli cyfeiriad anweledig { $code }, a all guddio testun; tynnwch ef
map-refused-invisible = does dim nod gweladwy yn { $field }
map-refused-field-title = y teitl
map-refused-field-description = y disgrifiad
map-refused-field-name = yr enw
map-refused-field-sector = y sector
map-refused-field-note = y dystiolaeth
map-refused-field-imported-name = enw ffactor
map-refused-field-imported-note = nodyn cysylltiad
map-refused-dialogue-elsewhere = mae'r ddeialog yn perthyn i bartneriaeth arall
map-refused-judging-needs-dialogue = dim ond map sydd wedi'i gysylltu â deialog y caiff cyfranogwyr ei farnu
map-refused-factor-elsewhere = mae'r ffactor yn perthyn i fap arall
map-refused-factor-not-on-map = nid yw ffactor { $factor } ar y map hwn
map-refused-steps = rhaid i nifer y cysylltiadau i'w dilyn fod rhwng 1 a { $most }
map-refused-no-factors = does gan y map ddim ffactorau
