# Y tudalennau y mae cynrychiolydd partner yn gweithio ynddynt: ffurflen ateb yr arolwg ymddiriedaeth.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio. Negeseuon y mae
# -refused- yn eu hallweddau yw gwrthodiadau'r gwasanaeth, y mae'r API yn eu hanfon yn Saesneg:
# mae pob un yn dechrau â llythyren fach heb atalnod llawn, ac mae tudalen yn ei droi'n frawddeg.

trust-answer-eyebrow = Ymddiriedaeth rhwng partneriaid: { $partnership }
trust-answer-heading = { $wave }: atebion ar ran { $partner }
trust-answer-lead = Ar gyfer pob partner arall, dywedwch pa mor agos y mae { $partner } yn gweithio gydag ef ac, os o gwbl, sut y mae'n ei weld. Gallwch gadw eich atebion hanner ffordd a gorffen yn nes ymlaen.
trust-answer-status = Statws
trust-answer-answered = Partneriaid a atebwyd
trust-answer-answered-count = { $answered } o { $total }
trust-answer-closes = Yn cau
trust-answer-closed = Ar gau
trust-answer-closed-note-html = Mae'r don hon ar gau: nid yw'n derbyn rhagor o atebion. Mae'r canlyniadau ar <a href="/convenor/trust-waves/{ $wave }">dudalen y don</a>.
trust-answer-privacy = Dim ond yr hyn y mae partneriaid yn ei ddweud gyda'i gilydd y mae'r canlyniadau'n ei ddangos: faint o bartneriaid sy'n ymddiried ym mhob partner a faint, byth pa bartner a ddywedodd beth, oni bai bod y bartneriaeth wedi cytuno i enwi'r rhai sy'n ateb yn y don hon. Mae atebion a gyflwynwyd yn cyfrif yn y canlyniadau; gallwch eu newid o hyd tan { $closes }.
trust-answer-level-legend = Pa mor agos y mae { $partner } yn gweithio gyda { $other }?
trust-answer-items-legend = Os ydych yn gweithio gyda { $other } o gwbl
trust-answer-items-hint = Cânt eu gadael allan pan ddewiswch "Dim". Caiff "Ddim yn gwybod" ei adael allan o bob sgôr, a byth ei gyfrif yn sgôr isel.
trust-answer-contributions-legend = Beth y mae { $other } yn ei gyfrannu i'r bartneriaeth?
trust-answer-tick-any = (ticiwch unrhyw rai)
trust-answer-no-partners = Does gan y bartneriaeth ddim partner arall i ateb amdano.
trust-answer-save = Cadw a gorffen yn nes ymlaen
trust-answer-submit = Cyflwyno

trust-status-submitted = Wedi'i gyflwyno
trust-status-draft = Drafft wedi'i gadw, heb ei gyflwyno eto
trust-status-not-started = Heb ddechrau
trust-notice-saved = Wedi'i gadw. Dewch yn ôl i'r dudalen hon i orffen cyn i'r don gau.
trust-notice-submitted = Wedi'i gyflwyno: mae eich atebion yn cyfrif yn y canlyniadau. Gallwch eu newid tan i'r don gau.

trust-level-none = Dim: nid ydym yn gweithio gyda nhw
trust-level-awareness = Ymwybyddiaeth: rydym yn gwybod am waith ein gilydd
trust-level-cooperation = Cydweithredu: rydym yn rhannu gwybodaeth a chymorth o bryd i'w gilydd
trust-level-coordination = Cydlynu: rydym yn cynllunio ac yn gweithredu gyda'n gilydd ar dasgau ar y cyd
trust-level-integration = Integreiddio: rydym yn rhannu nodau, adnoddau a phenderfyniadau

trust-question-reliable = Pa mor ddibynadwy yw { $partner }: a yw'n gwneud yr hyn y mae'n dweud y bydd yn ei wneud?
trust-question-mission = I ba raddau y mae { $partner } yn cefnogi cenhadaeth y bartneriaeth?
trust-question-open = Pa mor agored i drafodaeth yw { $partner }: a yw'n gwrando ac yn rhannu?
trust-question-power = Faint o rym a dylanwad sydd gan { $partner } ar achos y bartneriaeth?
trust-question-involved = I ba raddau y mae { $partner } yn rhan o waith y bartneriaeth?
trust-question-resources = Faint y mae { $partner } yn ei gyfrannu mewn adnoddau?

trust-scale-unknown = Ddim yn gwybod
trust-scale-not-at-all = 1: dim o gwbl
trust-scale-small = 2: ychydig
trust-scale-fair = 3: cryn dipyn
trust-scale-great = 4: llawer iawn

trust-contribution-funding = Cyllid
trust-contribution-staff = Amser staff cyflogedig
trust-contribution-volunteers = Gwirfoddolwyr
trust-contribution-data = Data a gwybodaeth
trust-contribution-expertise = Gwybodaeth arbenigol
trust-contribution-community-connections = Cysylltiadau â chymunedau
trust-contribution-leadership = Arweinyddiaeth
trust-contribution-advocacy = Eiriolaeth
trust-contribution-facilities = Ystafelloedd, adeiladau ac offer

trust-sector-nhs = GIG
trust-sector-local-authority = Awdurdod lleol
trust-sector-voluntary = Sector gwirfoddol
trust-sector-community = Grŵp cymunedol
trust-sector-business = Busnes
trust-sector-academic = Academaidd
trust-sector-public = Cyhoeddus

trust-error-level = Dewiswch un o'r lefelau a restrir ar gyfer y partner hwn.
trust-error-score = Atebwch bob cwestiwn ag 1 i 4, neu "Ddim yn gwybod".
trust-error-contribution = Ticiwch y cyfraniadau a restrir ar gyfer y partner hwn yn unig.
trust-error-level-missing = Dewiswch pa mor agos rydych yn gweithio gyda { $partner }, hyd yn oed os "Dim" yw'r ateb.
trust-error-missing-or-unreadable = Mae atebion rhai partneriaid ar goll neu ni ellid eu darllen; gweler pob partner sydd wedi'i farcio isod.
trust-error-unreadable = Ni ellid darllen atebion rhai partneriaid; gweler pob partner sydd wedi'i farcio isod.
trust-error-action = Dewiswch "Cadw a gorffen yn nes ymlaen" neu "Cyflwyno".
trust-error-which-partner = Dywedwch ar ran pa bartner rydych yn ateb: mae'r ddolen o dudalen ymddiriedaeth y bartneriaeth yn ei gario.

# Yr hyn y mae'r gwasanaeth yn ei wrthod mewn ateb i'r arolwg ymddiriedaeth: mae pob un yn
# dechrau â llythyren fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg.
trust-refused-item = rhaid i { $item } fod rhwng 1 a 4, neu gael ei adael allan ar gyfer "ddim yn gwybod"; cafwyd { $value } ar gyfer partner { $partner }
trust-refused-about-partner = ynghylch partner { $partner }: { $problem }
trust-refused-item-range = rhaid i bob eitem fod rhwng 1 a 4, neu gael ei gadael allan ar gyfer "ddim yn gwybod"; cafwyd { $value }
trust-refused-no-relationship = "dim" yw'r lefel, felly ni chaniateir ateb unrhyw eitem nac enwi unrhyw gyfraniad am y partner hwnnw

## Y partneriaethau: y dudalen gartref wedi mewngofnodi, tudalen partneriaeth a thudalen partner

partnerships-title = Eich partneriaethau
partnerships-role-administrator = Gweinyddwr
partnerships-role-convenor = Cynullydd
partnerships-role-representative = Cynrychiolydd partner ar ran { $partners }
partnerships-dialogues = Deialogau
partnerships-closed = ar gau
partnerships-no-dialogues = Dim deialogau eto.
partnerships-none-shared = Nid yw'r cynullwyr wedi rhannu deialog â'r partneriaid eto.
partnerships-start-dialogue = Dechrau deialog newydd
partnerships-objectives = Amcanion ar y cyd
partnerships-trust = Ymddiriedaeth rhwng partneriaid
partnerships-maps = Mapiau system
partnerships-questions = Cwestiynau agored eich partneriaid
partnerships-link-of = ar gyfer { $partnership }
partnerships-none-convened = Nid ydych yn cynnull yr un bartneriaeth eto. Crëwch un isod.
partnerships-none-spoken-for = Nid ydych yn siarad ar ran yr un partner ar hyn o bryd. Gall cynullydd partneriaeth anfon gwahoddiad newydd atoch.
partnerships-create-heading = Creu partneriaeth
partnerships-field-name = Enw
partnerships-field-purpose = Diben
partnerships-optional = (dewisol)
partnerships-create = Creu'r bartneriaeth

partnership-objectives = Amcanion a chamau gweithredu ar y cyd
partnership-priority-lists = Rhestrau blaenoriaethau
partnership-shared-tag = wedi'i rhannu â'r partneriaid
partnership-stop-sharing = Peidio â rhannu â'r partneriaid
partnership-share = Rhannu â'r partneriaid
partnership-sharing-hint = Mae deialog a rennir â'r partneriaid yn dangos ei hadroddiad i'r bobl sy'n siarad ar ran y partneriaid, hyd yn oed pan nad yw'r adroddiad yn gyhoeddus.
partnership-partners-heading = Partneriaid
partnership-table-label = Tabl; ar sgrin fach mae'n sgrolio i'r ochr
partnership-partners-caption = Sefydliadau partner
partnership-column-organisation = Sefydliad
partnership-sector = Sector
partnership-archived = wedi'i archifo
partnership-no-partners = Dim partneriaid eto.
partnership-add-partner-heading = Ychwanegu partner
partnership-field-organisation = Enw'r sefydliad
partnership-choose-sector = Dewiswch sector
partnership-add-partner = Ychwanegu'r partner
partnership-open-partner-hint = Agorwch bartner i wahodd y bobl sy'n siarad ar ei ran.
partnership-outcomes-heading = Camau gweithredu a chanlyniadau
partnership-accountability = Camau gweithredu ac atebolrwydd
partnership-agreement = Y cytundeb, i'w argraffu
partnership-you-said-we-did = Dywedoch chi, gwnaethom ni
partnership-outcomes-published-html = Mae tudalen y canlyniadau yn gyhoeddus ers { $date }: <a href="/p/{ $id }/outcomes">{ $url }</a>. Mae cyfranogwyr y deialogau y mae'n eu dyfynnu yn dod o hyd iddi o'u deialog.
partnership-outcomes-take-down = Tynnu tudalen y canlyniadau i lawr
partnership-outcomes-unpublished-html = Nid yw'r dudalen sy'n dangos yr hyn a fabwysiadodd y partneriaid, yr hyn y mae'n seiliedig arno a sut y mae'r camau gweithredu'n mynd yn gyhoeddus eto. <a href="/p/{ $id }/outcomes">Cael rhagolwg</a>.
partnership-outcomes-publish = Cyhoeddi tudalen y canlyniadau
partnership-convenors-heading = Cynullwyr
partnership-notice-invitation-revoked = Cafodd y gwahoddiad i gynnull ei ddirymu.
partnership-convenor-link-lead = Anfonwch y ddolen hon at y person a fydd yn cynnull { $partnership } gyda chi. Mae'n gweithio unwaith, a dim ond nes iddi ddod i ben; ni chaiff ei dangos eto.
partnership-invite-convenor-heading = Gwahodd cynullydd
partnership-invite-convenor-hint = Crëwch ddolen untro i rywun gynnull y bartneriaeth hon, p'un a oes ganddynt gyfrif eto ai peidio.
partnership-convenor-invitations-heading = Gwahoddiadau i gynnull
partnership-convenor-invitations-caption = Gwahoddiadau i gynnull { $partnership }
partnership-revoke-hidden = gwahoddiad i gynnull { $id }
partnership-add-convenor-heading = Ychwanegu cynullydd sydd â chyfrif
partnership-member-email = Cyfeiriad e-bost eu cyfrif cynullydd
partnership-add-convenor = Ychwanegu'r cynullydd
partnership-refused-no-account = nid oes cyfrif gyda'r cyfeiriad e-bost hwn; gwahoddwch y person i gynnull gyda dolen yn lle hynny
partnership-refused-may-not-convene = mae'r cyfrif hwn yn siarad ar ran partner ac ni all gynnull; gall gweinyddwr ganiatáu hynny
partnership-refused-may-not-create = mae'r cyfrif hwn yn siarad ar ran partneriaid; dim ond cynullwyr all greu partneriaethau
partnership-refused-not-a-convenor = nid yw'r cyfrif hwn yn cynnull y bartneriaeth hon
partnership-refused-last-convenor = mae partneriaeth yn cadw o leiaf un cynullydd; ychwanegwch un arall cyn i'r un hwn adael
partnership-refused-already-convenes = mae'r cyfeiriad hwn eisoes yn cynnull y bartneriaeth hon
partnership-refused-no-invitation = does dim gwahoddiad o'r fath ar gyfer y bartneriaeth hon

partner-notice-revoked = Cafodd y gwahoddiad ei ddirymu.
partner-notice-saved = Cafodd manylion y partner eu cadw.
partner-notice-left = Nid yw'r cynrychiolydd yn siarad ar ran y partner hwn mwyach.
partner-link-lead = Anfonwch y ddolen hon at y person a fydd yn siarad ar ran { $partner }. Mae'n gweithio unwaith, a dim ond nes iddi ddod i ben; ni chaiff ei dangos eto.
partner-representatives-heading = Pobl sy'n siarad ar ran { $partner }
partner-you = (chi)
partner-since = ers { $date }
partner-stop-speaking = Peidio â siarad ar ran { $partner }
partner-remove-person = Tynnu
partner-nobody = Does neb yn siarad ar ran y partner hwn eto.
partner-details-heading = Manylion
partner-save = Cadw'r manylion
partner-invite-heading = Gwahodd rhywun i siarad ar ran { $partner }
partner-invitations-heading = Gwahoddiadau
partner-invitations-caption = Gwahoddiadau i siarad ar ran { $partner }
partner-revoke-hidden = gwahoddiad { $id }
partner-remove-heading = Tynnu'r partner hwn
partner-remove-lead = Caiff partner y mae unrhyw un wedi siarad ar ei ran ei archifo, a'i hanes yn cael ei gadw; caiff partner heb hanes ei ddileu.
partner-remove = Tynnu { $partner }
partner-refused-no-sector = dewiswch sector y partner
partner-refused-sector = sector anhysbys { $sector }
partner-refused-no-invitation = does dim gwahoddiad o'r fath ar gyfer y partner hwn
partner-refused-own-right-only = gall cynrychiolydd roi diwedd ar ei hawl ei hun yn unig i siarad ar ran partner
partner-refused-not-represented = nid yw'r cyfrif hwn yn siarad ar ran y partner hwn

invitations-link-heading = Dolen wahoddiad
invitations-link-label = Dolen
invitations-email-label = Eu cyfeiriad e-bost
invitations-email-hint = (dewisol: os caiff ei roi, dim ond y cyfeiriad hwn a all dderbyn)
invitations-days = Nifer y diwrnodau y mae'r ddolen yn ddilys
invitations-make = Creu dolen wahoddiad
invitations-column-for = Ar gyfer
invitations-column-status = Statws
invitations-column-expires = Yn dod i ben
invitations-column-action = Gweithred
invitations-anyone = unrhyw un sydd â'r ddolen
invitations-revoke = Dirymu
invitations-status-pending = yn aros
invitations-status-accepted = wedi'i dderbyn
invitations-status-revoked = wedi'i ddirymu
invitations-status-expired = wedi dod i ben
invitations-refused-days = gall gwahoddiad fod yn ddilys am 1 i { $max } diwrnod

## Beth sydd o'i le ar destun a anfonodd ffurflen; enw'r maes sydd yng nghanol y frawddeg

text-error-empty = Mae { $field } yn wag.
text-error-too-long = Mae { $field } yn hwy na { $max } nod.
text-error-control-character = Mae { $field } yn cynnwys nod rheoli.
text-error-direction-control = Mae { $field } yn cynnwys y nod rheoli cyfeiriad anweledig { $code }, a all guddio testun; tynnwch ef.
text-error-invisible = Does dim nod gweladwy yn { $field }: dim ond bylchau, nodau fformatio anweledig neu acenion heb lythyren sydd ynddo.

partnerships-helping-heading = Deialogau rydych yn helpu i'w rhedeg
partnerships-helping-moderator = Rydych yn cymedroli'r ddeialog hon.
partnerships-helping-triage = Brysbennu diogelu
partnerships-helping-moderation = Datganiadau sy'n aros am benderfyniad
partnerships-helping-versions = Cyfieithiadau a fersiynau hawdd eu darllen
partnerships-helping-facilitator = Rydych yn hwyluso'r ddeialog hon.
partnerships-helping-cards = Teipio cardiau
partnerships-helping-sheet = Argraffu taflen o gardiau
