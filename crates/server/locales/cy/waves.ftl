# Tudalennau'r arolwg ymddiriedaeth ar gyfer cynullwyr partneriaeth a chynrychiolwyr ei
# phartneriaid: tonnau'r bartneriaeth gyda'u tueddiadau a'r ffurflen i agor un, a thudalen ton
# gyda'i chanlyniadau, ei gosodiadau, ei chau a'i hallforio. Mae'r ffurflen ateb yn
# representative.ftl.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

## A rennir gan y ddwy dudalen

waves-title = Ymddiriedaeth rhwng partneriaid: { $partnership }
waves-wave-name = Ton { $label }: { $title }
waves-status-open = Ar agor tan { $date }
waves-status-closed-by-convenor = Wedi'i chau gan gynullydd
waves-status-closed-on = Wedi cau ar { $date }
waves-naming-protected-tag = Graddwyr wedi'u diogelu
waves-naming-named-tag = Graddwyr wedi'u henwi
waves-answer-for = Ateb ar ran { $partner }
waves-link-submitted = wedi'i gyflwyno
waves-link-draft = drafft wedi'i gadw, heb ei gyflwyno eto
waves-link-not-started = heb ddechrau
waves-column-partner = Partner
waves-column-trust = Ymddiriedaeth
waves-column-level = Lefel
waves-column-value = Gwerth
waves-column-contributes = Yn cyfrannu
waves-field-title = Teitl
waves-field-closes = Dyddiad ac amser cau (UTC)
waves-notice-opened = Mae'r don ar agor: gall cynrychiolwyr pob partner ateb nawr.
waves-notice-saved = Wedi'i gadw.
waves-notice-closed = Mae'r don ar gau: nid yw'n derbyn rhagor o atebion.
waves-error-naming = Dewiswch a yw'r graddwyr wedi'u diogelu neu wedi'u henwi.
waves-error-closes = Nid yw'r dyddiad cau yn ddyddiad ac amser fel 2027-03-12T17:00 (a ddarllenir fel UTC).
waves-error-past = Rhaid i'r amser cau fod yn y dyfodol.
waves-field-wave-title = teitl y don

## Enwi graddwyr, ar y ddwy ffurflen

waves-naming-legend = Enwi graddwyr
waves-naming-hint = Mae partneriaid yn ateb yn fwy gonest pan na ellir olrhain eu hatebion yn ôl atynt, felly yn ddiofyn dim ond yr hyn y mae partneriaid yn ei ddweud gyda'i gilydd y mae'r canlyniadau'n ei ddangos: sgoriau, cyfrifon ac anghymesureddau, byth pa bartner a roddodd ba ateb. Dewiswch "wedi'u henwi" dim ond pan fo'r partneriaid wedi cytuno i weld atebion ei gilydd gyda'u henwau. Mae cynullwyr yn gweld pob ateb y naill ffordd neu'r llall, gan fod yr allforio yn enwi pob graddiwr.
waves-naming-protected = Wedi'u diogelu: dangos atebion gyda'i gilydd yn unig (y dewis diofyn)
waves-naming-named = Wedi'u henwi: cytunodd y partneriaid i ddangos pob ateb gyda'r partner a'i rhoddodd

## Tonnau'r bartneriaeth

waves-heading = Ymddiriedaeth rhwng partneriaid
waves-lead = Ym mhob ton o'r arolwg, mae pob partner yn dweud pa mor agos y mae'n gweithio gyda phob partner arall ac i ba raddau y mae'n ymddiried ynddynt ac yn eu gwerthfawrogi. Mae'r canlyniadau'n dangos y rhwydwaith, pwy sy'n cael ymddiriedaeth a gwerthfawrogiad, a yw ymddiriedaeth yr un mor gryf o bartneriaid cymunedol i rai statudol ag yn ôl, a sut y mae hyn oll yn newid o don i don.
waves-list-heading = Tonnau'r arolwg
waves-submitted = { $submitted } wedi cyflwyno.
waves-submitted-drafts = { $submitted } wedi cyflwyno, { $drafts ->
        [zero] { $drafts } drafft
        [one] { $drafts } drafft
        [two] { $drafts } ddrafft
        [few] { $drafts } drafft
        [many] { $drafts } drafft
       *[other] { $drafts } o ddrafftiau
    } heb eu cyflwyno eto.
waves-answer-in = yn { $wave }
waves-empty = Dim ton arolwg eto.
waves-empty-convenes = Dim ton arolwg eto. Agorwch yr un gyntaf isod.
waves-trends-heading = Tueddiadau dros y tonnau
waves-density-caption = Dwysedd: y gyfran o barau o bartneriaid sydd â chysylltiad.
waves-trust-caption = Ymddiriedaeth gymedrig, 1 i 4, gyda'i chyfwng 95%.
waves-trends-caption = Y rhwydwaith fesul ton
waves-column-wave = Ton
waves-column-answered = Wedi ateb
waves-column-density = Dwysedd
waves-column-centralisation = Canoli
waves-column-reciprocity = Cilyddiaeth
waves-column-mean-trust = Ymddiriedaeth gymedrig
waves-changes-caption = Ymddiriedaeth pob partner, fesul ton, a'i newid diwethaf gyda'i gyfwng 95%
waves-column-trust-by-wave = Ymddiriedaeth fesul ton
waves-column-change = Newid
waves-flag-rose = wedi codi y tu hwnt i'r ansicrwydd
waves-flag-fell = wedi gostwng y tu hwnt i'r ansicrwydd
waves-flag-within = o fewn yr ansicrwydd
waves-open-heading = Agor ton
waves-open-submit = Agor y don

## Tudalen ton

waves-wave-title = { $wave }: ymddiriedaeth rhwng partneriaid
waves-response-heading = Pwy sydd wedi ateb
waves-more-drafts = Mae { $count } arall wedi cadw drafft, sy'n cyfrif dim ond ar ôl ei gyflwyno.
waves-not-submitted = Heb gyflwyno eto:
waves-missing-hint = Ni chaiff atebion coll byth eu llenwi: daw sgoriau partner dim ond o'r partneriaid a'i graddiodd.
waves-network-heading = Y rhwydwaith
waves-protected-hint = Mae'r don hon yn diogelu graddwyr: mae'r llun yn dangos pa bartneriaid sydd wedi'u cysylltu, nid pa mor agos na gyda faint o ymddiriedaeth, fel na ellir darllen atebion unrhyw bartner o'i gysylltiadau.
waves-legend-sectors = Sectorau
waves-legend-levels = Lefelau
waves-trust-key = Ymddiriedaeth { $label }
waves-ties-caption = Pob cysylltiad yn y llun
waves-column-trust-between = Ymddiriedaeth rhyngddynt
waves-column-reported-by = Wedi'i adrodd gan
waves-no-ties = Nid oes unrhyw bartner yn dweud ei fod yn gweithio gydag un arall.
waves-tie-hint = Lefel cysylltiad yw'r uchaf o atebion y ddau bartner; ei ymddiriedaeth yw cymedr yr ymddiriedaeth a roddodd pob un i'r llall.
waves-figures-heading = Y rhwydwaith mewn ffigurau
waves-scores-heading = Sgoriau
waves-scores-hint = Ymddiriedaeth yw'r cymedr, dros y partneriaid a raddiodd y partner hwn, o ba mor ddibynadwy, ymroddedig i'r genhadaeth ac agored i drafodaeth y maent yn ei gael; gwerth yw'r un peth ar gyfer grym a dylanwad, cyfranogiad ac adnoddau. Mae'r ddau yn rhedeg o 1 i 4, gyda chyfwng 95% pan fo dau neu ragor o bartneriaid wedi'i raddio. Nid oes sgôr gan bartner na raddiodd neb, nid sgôr isel.
waves-scores-caption = Ymddiriedaeth a gwerth pob partner
waves-column-raters = Graddwyr
waves-column-ties = Cysylltiadau
waves-column-contributes-seen = Yn cyfrannu, fel y mae eraill yn ei weld
waves-did-not-answer = (heb ateb)
waves-asymmetry-heading = Anghymesuredd: a yw ymddiriedaeth yr un mor gryf y ddwy ffordd?
waves-named-heading = Pob ateb, gyda'i raddiwr
waves-named-hint = Cytunodd y bartneriaeth i enwi graddwyr yn y don hon.
waves-named-caption = Atebion a gyflwynwyd
waves-column-rater = Graddiwr
waves-column-about = Am
waves-no-answers = Dim atebion wedi'u cyflwyno eto: mae'r canlyniadau'n ymddangos unwaith y bydd partner yn cyflwyno.
waves-settings-heading = Gosodiadau'r don
waves-closes-hint = Mae dyddiad diweddarach yn ailagor ton a gaeodd ar ei dyddiad.
waves-save-settings = Cadw'r gosodiadau
waves-close-hint = Mae cau'r don yn atal pob ateb nawr, am byth; mae drafftiau heb eu cyflwyno yn aros allan o'r canlyniadau.
waves-close-now = Cau'r don nawr
waves-export-heading = Allforio
waves-export-text-html = Pob ton o'r bartneriaeth fel <code>partners.csv</code> a <code>ratings.csv</code> (y ffeiliau y mae <code>commonground network</code> yn eu darllen) a ffeil GraphML ar gyfer pob ton i Gephi neu Kumu. Mae'r ffeiliau'n enwi pob graddiwr: cadwch nhw ymhlith y cynullwyr.
waves-export-download = Lawrlwytho'r arolwg (ZIP)

## Canlyniadau ton, fel y mae'r dudalen yn eu geirio

waves-response = Mae { $respondents } o { $partners } partner wedi cyflwyno eu hatebion ({ $share }).
waves-response-none = Nid oes yr un o'r { $partners } partner wedi cyflwyno atebion eto.
waves-range = { $low } i { $high }
waves-interval = (cyfwng 95% { $range })
waves-no-score = dim sgôr
waves-none-yet = dim eto
waves-level-none = Dim
waves-level-awareness = Ymwybyddiaeth
waves-level-cooperation = Cydweithredu
waves-level-coordination = Cydlynu
waves-level-integration = Integreiddio
waves-trust-low = 1: isel
waves-trust-high = 4: uchel
waves-network-svg-title = Rhwydwaith { $wave }
waves-network-description = { $partners } partner ar gylch, wedi'u rhifo'n glocwedd o'r brig a'u lliwio yn ôl sector, gyda { $ties } cysylltiad. Mae'r tabl ar ôl y llun yn rhestru pob cysylltiad.
waves-network-description-detailed = { $partners } partner ar gylch, wedi'u rhifo'n glocwedd o'r brig a'u lliwio yn ôl sector, gyda { $ties } cysylltiad: llinellau lletach ar gyfer lefelau agosach, a lliw o goch-oren (ymddiriedaeth isel) drwy lwyd i las (ymddiriedaeth uchel). Mae'r tabl ar ôl y llun yn rhestru pob cysylltiad.
waves-partner-fallback = partner { $id }
waves-tie-unknown-level = cysylltiad
waves-tie-no-trust = dim eitemau ymddiriedaeth wedi'u hateb
waves-not-shown = heb ei ddangos
waves-reported-both = y ddau
waves-reported-one = un o'r ddau
waves-dont-know = ddim yn gwybod
waves-density-explain = Mae gan { $ties } o'r { $possible } pâr o bartneriaid gysylltiad: mae o leiaf un o'r ddau yn dweud eu bod yn gweithio gyda'i gilydd.
waves-centralisation-explain = Faint y mae'r cysylltiadau'n casglu o amgylch ychydig o bartneriaid: 0% pan fo gan bob partner yr un nifer o gysylltiadau, 100% ar gyfer seren o amgylch un partner.
waves-reciprocity-explain = O'r { $answered } cysylltiad lle mae'r ddau bartner wedi ateb, mae { $mutual } wedi'u hadrodd gan y ddau.
waves-mean-trust-explain = Cymedr sgoriau ymddiriedaeth y partneriaid, ar raddfa o 1 i 4.
waves-mean-value = Gwerth cymedrig
waves-mean-value-explain = Cymedr sgoriau gwerth y partneriaid, ar raddfa o 1 i 4.
waves-dont-know-answers = Atebion "Ddim yn gwybod"
waves-dont-know-explain = Eitemau a adawyd allan o bob cymedr, heb eu cyfrif yn isel.

## Yr anghymesuredd ar draws rhaniad; mae'r dudalen yn dechrau pob brawddeg â phriflythyren

waves-divide-community-statutory = Partneriaid cymunedol a gwirfoddol a phartneriaid statudol
waves-divide-lay-professional = Partneriaid dan arweiniad lleyg a phartneriaid proffesiynol
waves-divide-other = Dwy ochr
waves-side-community-voluntary = partneriaid cymunedol a gwirfoddol
waves-side-statutory = partneriaid statudol
waves-side-lay-led = partneriaid dan arweiniad lleyg
waves-side-professional = partneriaid proffesiynol
waves-side-other = partneriaid ar yr ochr hon
waves-asymmetry-given = Mae'r { $from } yn rhoi ymddiriedaeth gymedrig o { $mean }{ $interval } i'r { $to }, { $raters ->
        [one] gan { $raters } graddiwr
       *[other] gan { $raters } o raddwyr
    }.
waves-asymmetry-unrated = Nid yw'r un o'r { $from } wedi graddio ymddiriedaeth y { $to }.
waves-asymmetry-beyond = Mae'r { $first } yn ymddiried { $size } yn { $direction ->
        [less] llai
       *[more] fwy
    } yn y { $second } nag y mae'r { $second } yn ymddiried ynddynt hwy { $range }: gwahaniaeth y tu hwnt i ansicrwydd y sgoriau.
waves-asymmetry-within = Mae'r { $first } yn ymddiried { $size } yn { $direction ->
        [less] llai
       *[more] fwy
    } yn y { $second } nag y mae'r { $second } yn ymddiried ynddynt hwy { $range }, ond mae'r gwahaniaeth o fewn ansicrwydd y sgoriau: efallai mai hap a damwain ydyw.
waves-difference-interval = (cyfwng 95% y gwahaniaeth { $range })
waves-difference-no-interval = (rhy ychydig o raddwyr ar gyfer cyfwng)
waves-asymmetry-too-few = Mae rhy ychydig o sgoriau ar draws y rhaniad hwn i gymharu'r ddwy ochr.

## Y tueddiadau dros y tonnau

waves-trend-response = { $respondents } o { $partners } ({ $share })
waves-trend-wave = Ton { $wave }
waves-trend-point = ton { $wave }: { $value }
waves-trend-density-title = Dwysedd fesul ton
waves-trend-trust-title = Ymddiriedaeth gymedrig fesul ton, gyda chyfyngau 95%
waves-change-heading = O don { $from } i don { $to }
waves-network-change = Ymddiriedaeth gymedrig dros y partneriaid a gafodd sgôr yn y ddwy don: { $change }, { $flag }.
waves-no-change = dim newid wedi'i fesur

## Yr hyn y mae'r gwasanaeth yn ei wrthod ar y tudalennau hyn: mae pob un yn dechrau â
## llythyren fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg.

waves-refused-closing-past = rhaid i'r amser cau fod yn y dyfodol
waves-refused-too-many-waves = mae canlyniadau partneriaeth yn cwmpasu { $max } ton ar y mwyaf
