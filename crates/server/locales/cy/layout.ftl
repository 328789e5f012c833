# Yr hyn y mae pob tudalen yn ei rannu: y cynllun o'i chwmpas, y dewis iaith a'r tudalennau gwall.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio.

-brand = Common Ground

layout-site-name = { -brand }
layout-skip-link = Neidio i'r cynnwys
layout-convenor-nav = Cynullydd
layout-your-partnerships = Eich partneriaethau
layout-sign-out = Allgofnodi
layout-footer = { -brand }: pob person o werth cyfartal, pob safbwynt o bwys cyfartal.
layout-language-switcher = Iaith

error-where-next = Ble i fynd nesaf
error-start-page = Mynd i'r dudalen gychwyn
error-title-not-found = Heb ei ganfod
error-title-not-allowed = Dim caniatâd
error-title-sign-in = Mae angen mewngofnodi
error-title-server = Aeth rhywbeth o'i le
error-title-other = Ni weithiodd hynny
error-title-page-not-found = Heb ganfod y dudalen
error-page-not-found = Does dim tudalen yn y cyfeiriad hwn. Efallai iddo gael ei deipio'n anghywir, neu fod y dudalen wedi symud.
error-internal = Aeth rhywbeth o'i le ar ein hochr ni. Os bydd yn digwydd eto, rhowch y cyfeirnod hwn i'r bobl sy'n rhedeg y wefan: { $reference }.
error-unavailable = Mae'r gwasanaeth yn brysur neu'n ailgychwyn. Rhowch gynnig arall arni mewn munud.
error-form-expired = Mae'r ffurflen hon wedi dod i ben neu nid oedd yn dod o'r wefan hon. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-back-to-dialogue = Yn ôl i'r drafodaeth
error-back-to-dashboard = Mynd i ddangosfwrdd y drafodaeth
error-back-to-partnership = Mynd i dudalen y bartneriaeth
error-back-to-partnerships = Mynd i'ch partneriaethau
error-back-to-referer = Yn ôl i'r dudalen y daethoch ohoni
