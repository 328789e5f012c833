# Tudalen gyhoeddus "Dywedoch chi, gwnaethom ni" partneriaeth: yr amcanion a fabwysiadodd ei
# phartneriaid, yr hyn a ddywedodd y cyhoedd y maent yn seiliedig arno, safbwynt pob partner a hynt y
# camau gweithredu. Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen
# yw pob neges arall.

outcomes-title = Dywedoch chi, gwnaethom ni: { $partnership }
outcomes-eyebrow = Dywedoch chi, gwnaethom ni
outcomes-preview-html = Rhagolwg: nid yw'r dudalen hon yn gyhoeddus eto. Mae cynullydd yn ei chyhoeddi o <a href="{ $href }">dudalen y bartneriaeth</a>.
outcomes-lead = Yr hyn y cytunodd y partneriaid i'w wneud ar ôl gwrando ar y cyhoedd, yr hyn a ddywedodd pob partner, a hynt y gwaith ar { $date }.
outcomes-none = Nid yw'r partneriaid wedi mabwysiadu amcan eto.
outcomes-adopted = Mabwysiadwyd ar { $date }: { $summary }.
outcomes-adopted-version = Mabwysiadwyd ar { $date }, yn ei fersiwn { $version }: { $summary }.
outcomes-summary-all = { $partners ->
        [zero] does dim partneriaid i'w gymeradwyo
        [one] mae'r unig bartner yn ei gymeradwyo
        [two] mae'r { $partners } bartner i gyd yn ei gymeradwyo
        [few] mae'r { $partners } phartner i gyd yn ei gymeradwyo
        [many] mae'r { $partners } phartner i gyd yn ei gymeradwyo
       *[other] mae'r { $partners } partner i gyd yn ei gymeradwyo
    }
outcomes-summary-some = mae { $endorsing } o'r { $partners ->
        [zero] { $partners } partner
        [one] { $partners } partner
        [two] { $partners } bartner
        [few] { $partners } phartner
        [many] { $partners } phartner
       *[other] { $partners } partner
    } yn ei gymeradwyo
outcomes-summary-reservations = , { $count } gydag amheuon
outcomes-summary-objecting = , mae { $count } yn gwrthwynebu
outcomes-summary-silent = , nid yw { $count } wedi ymateb
outcomes-you-said = Dywedoch chi
outcomes-evidence-from-html = O'r ddeialog <strong>{ $title }</strong>, fel yr oedd y pleidleisiau ar { $date } ({ $weighting }):
outcomes-agreed = { $rate } yn cytuno
outcomes-no-votes = Dim pleidleisiau eto
outcomes-counts = ({ $agree } yn cytuno, { $disagree } yn anghytuno, { $pass } yn pasio)
outcomes-by-constituency = Yn ôl etholaeth
outcomes-constituency = { $name }: { $agreed } ({ $agree } o { $seen })
outcomes-no-dialogue = Nid yw'r amcan hwn yn dyfynnu deialog.
outcomes-partners = Y partneriaid
outcomes-stance-endorse = Yn cymeradwyo
outcomes-stance-endorse-with-reservations = Yn cymeradwyo gydag amheuon
outcomes-stance-object = Yn gwrthwynebu
outcomes-stance-none = Dim safbwynt
outcomes-stance-reason = Rheswm: { $reason }
outcomes-stance-reservations = Amheuon: { $reason }
outcomes-sector-nhs = GIG
outcomes-sector-local-authority = Awdurdod lleol
outcomes-sector-voluntary = Sector gwirfoddol
outcomes-sector-community = Grŵp cymunedol
outcomes-sector-business = Busnes
outcomes-sector-academic = Academaidd
outcomes-sector-public = Cyhoeddus
outcomes-we-did = Gwnaethom ni
outcomes-status-planned = Wedi'i gynllunio
outcomes-status-in-progress = Ar y gweill
outcomes-status-done = Wedi'i wneud
outcomes-status-blocked = Wedi'i rwystro
outcomes-status-dropped = Wedi'i ollwng
outcomes-late = { $days ->
        [zero] { $days } diwrnod
        [one] { $days } diwrnod
        [two] { $days } ddiwrnod
        [few] { $days } diwrnod
        [many] { $days } diwrnod
       *[other] { $days } diwrnod
    } yn hwyr
outcomes-action-by = { $owner }; rôl arweiniol: { $role }.
outcomes-action-by-due = { $owner }; rôl arweiniol: { $role }; erbyn { $due }.
outcomes-action-by-shared = { $owner } gyda { $shared }; rôl arweiniol: { $role }.
outcomes-action-by-shared-due = { $owner } gyda { $shared }; rôl arweiniol: { $role }; erbyn { $due }.
outcomes-no-actions = Dim camau gweithredu eto.
