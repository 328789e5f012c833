# Y tudalennau y mae cynrychiolydd partner yn eu darllen i ddwyn y bartneriaeth i gyfrif: dangosfwrdd y
# camau gweithredu, gyda lawrlwythiadau'r cofnod a'r ffrwd galendr, a'r cytundeb i'w argraffu.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

accountability-title = Camau gweithredu: { $partnership }
accountability-heading = Camau gweithredu ac atebolrwydd
accountability-lead = { $counts }, hyd at { $date }.
accountability-counts = { $total ->
        [zero] { $total } cam gweithredu
        [one] { $total } cam gweithredu
        [two] { $total } gam gweithredu
        [few] { $total } cham gweithredu
        [many] { $total } cham gweithredu
       *[other] { $total } cam gweithredu
    }: { $planned } { $planned ->
        [zero] wedi'u cynllunio
        [one] wedi'i gynllunio
        [two] wedi'u cynllunio
        [few] wedi'u cynllunio
        [many] wedi'u cynllunio
       *[other] wedi'u cynllunio
    }, { $progressing } ar y gweill, { $done } { $done ->
        [zero] wedi'u gwneud
        [one] wedi'i wneud
        [two] wedi'u gwneud
        [few] wedi'u gwneud
        [many] wedi'u gwneud
       *[other] wedi'u gwneud
    }, { $blocked } { $blocked ->
        [zero] wedi'u rhwystro
        [one] wedi'i rwystro
        [two] wedi'u rhwystro
        [few] wedi'u rhwystro
        [many] wedi'u rhwystro
       *[other] wedi'u rhwystro
    }, { $dropped } { $dropped ->
        [zero] wedi'u gollwng
        [one] wedi'i ollwng
        [two] wedi'u gollwng
        [few] wedi'u gollwng
        [many] wedi'u gollwng
       *[other] wedi'u gollwng
    }; { $late } yn hwyr
accountability-table-scrolls = { $caption }; ar sgrin fach mae'r tabl yn sgrolio i'r ochr
accountability-column-action = Cam gweithredu
accountability-column-owner = Perchennog
accountability-column-due = Dyddiad dyledus
accountability-column-status = Statws
accountability-column-updated = Diweddarwyd
accountability-shared-with = gyda { $partners }
accountability-no-date = dim dyddiad
accountability-late = { $days ->
        [zero] { $days } diwrnod
        [one] { $days } diwrnod
        [two] { $days } ddiwrnod
        [few] { $days } diwrnod
        [many] { $days } diwrnod
       *[other] { $days } diwrnod
    } yn hwyr
accountability-late-heading = Yn hwyr
accountability-late-caption = Camau gweithredu sy'n hwyr, y rhai mwyaf hwyr yn gyntaf
accountability-nothing-late = Does dim byd yn hwyr.
accountability-blocked-heading = Wedi'u rhwystro
accountability-blocked-caption = Camau gweithredu sydd wedi'u rhwystro
accountability-nothing-blocked = Does dim byd wedi'i rwystro.
accountability-by-objective = Yn ôl amcan
accountability-objective-caption = Camau gweithredu o dan { $objective }
accountability-no-actions = Dim camau gweithredu eto.
accountability-none-adopted = Nid oes yr un amcan wedi'i fabwysiadu eto.
accountability-by-partner = Yn ôl partner
accountability-partner-caption = Camau gweithredu y mae { $partner } yn berchen arnynt
accountability-no-partner-actions = Nid yw'r un partner yn berchen ar gam gweithredu eto.
accountability-record-heading = Y cofnod
accountability-record-sealed = Caiff pob fersiwn, safbwynt a cham gweithredu eu cadw yng nghofnod y bartneriaeth, a phob cofnodiad wedi'i selio â stwnsh o'r un o'i flaen, fel bod unrhyw newid iddo i'w weld.
accountability-agreement-link = Y cytundeb, i'w argraffu
accountability-download-csv = Lawrlwytho'r cofnod (CSV)
accountability-download-json = Lawrlwytho'r cofnod (JSON)
accountability-verify-html = Gall pwy bynnag sy'n rhedeg y wefan hon wirio'r gadwyn gyda <code>commonground verify-record</code>.
accountability-outcomes-public-html = Mae tudalen y canlyniadau'n gyhoeddus ers { $date }: <a href="{ $href }">{ $url }</a>
accountability-outcomes-private-html = Nid yw tudalen y canlyniadau'n gyhoeddus. <a href="{ $preview }">Edrychwch ar ragolwg ohoni</a>, yna cyhoeddwch hi o <a href="{ $href }">dudalen y bartneriaeth</a>.
accountability-calendar-heading = Dyddiadau dyledus yn eich calendr
accountability-calendar-lead = Mae dyddiadau dyledus y camau gweithredu yn ffrwd galendr y gall apiau calendr danysgrifio iddi. Mae cyfrinach yn ei chyfeiriad: gall unrhyw un sydd â'r cyfeiriad weld teitlau, perchnogion a dyddiadau dyledus pob cam gweithredu.
accountability-calendar-new = Dyma'r cyfeiriad newydd. Copïwch ef nawr: dim ond unwaith y caiff ei ddangos, ac nid yw'r cyfeiriad blaenorol yn gweithio mwyach.
accountability-calendar-address = Cyfeiriad y calendr
accountability-calendar-renew = Creu cyfeiriad newydd
accountability-calendar-make = Creu cyfeiriad calendr
accountability-calendar-revoke = Dirymu'r cyfeiriad
accountability-calendar-ask = Gofynnwch i gynullydd am gyfeiriad y calendr.
accountability-calendar-download = Lawrlwytho'r dyddiadau dyledus unwaith (.ics)

accountability-agreement-title = Cytundeb: { $partnership }
accountability-agreement-heading = Cytundeb { $partnership }
accountability-agreement-printed = Argraffwyd ar { $date }.
accountability-agreement-rule-heading = Sut y mae'r partneriaid yn penderfynu
accountability-agreement-objectives-heading = Amcanion a fabwysiadwyd
accountability-agreement-adopted = Fersiwn { $version }, a fabwysiadwyd ar { $date }. { $reason }
accountability-agreement-stances-caption = Safbwynt pob partner ar fersiwn { $version }
accountability-agreement-partner = Partner
accountability-agreement-stance = Safbwynt
accountability-agreement-reason = Amheuon neu reswm
accountability-agreement-record-verified = Daw'r cytundeb hwn o gofnod y bartneriaeth o { $entries ->
        [zero] { $entries } cofnodiad
        [one] { $entries } cofnodiad
        [two] { $entries } gofnodiad
        [few] { $entries } chofnodiad
        [many] { $entries } chofnodiad
       *[other] { $entries } cofnodiad
    }, ac roedd ei gadwyn stwnsh yn gywir pan luniwyd y dudalen hon.
accountability-agreement-record-broken-html = Daw'r cytundeb hwn o gofnod y bartneriaeth o { $entries ->
        [zero] { $entries } cofnodiad
        [one] { $entries } cofnodiad
        [two] { $entries } gofnodiad
        [few] { $entries } chofnodiad
        [many] { $entries } chofnodiad
       *[other] { $entries } cofnodiad
    }, <strong>ac nid oedd ei gadwyn stwnsh yn gywir pan luniwyd y dudalen hon</strong>.
accountability-agreement-head = Stwnsh pen y gadwyn:
accountability-agreement-verify-html = Gwiriwch ef gyda <code>commonground verify-record --partnership { $partnership }</code>, sy'n gwirio pob cofnodiad yn erbyn yr un o'i flaen ac yn erbyn stwnsh pen y gadwyn a gedwir wrth ochr y cofnod; mae copi o'r cofnod a lawrlwythwyd yn cario'r un gwerthoedd stwnsh, felly rhaid i'r stwnsh pen y gadwyn a argraffwyd yma fod yn stwnsh ei gofnodiad olaf.
accountability-agreement-back = Yn ôl i'r camau gweithredu

# Gwrthodiad gan ffurflen y cyhoeddi, yn iaith y dudalen.
accountability-refused-published = rhaid i published fod yn "yes" (cyhoeddi tudalen y canlyniadau) neu "no" (ei thynnu i lawr)
